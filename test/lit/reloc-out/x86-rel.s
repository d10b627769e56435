# -r on a REL target (i386): the addends live in the section's bytes, so a reference through a
# section symbol gets its piece's offset added to the field itself (the second object's
# `.long .data + 4` and `movl .Lword` become .data + 0xc, its FDE's start .text + 0x14). The
# final program has the same code, data and unwind tables as one linked from the inputs.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t1.o
# RUN: %llvm-mc -filetype=obj -triple=i386 %inputs/x86-second.s -o %t2.o
# RUN: %tld -r %t1.o %t2.o -o %t.o
# RUN: llvm-readelf -S -r %t.o | FileCheck %s
# RUN: llvm-objdump -s -j .text -j .data -j .eh_frame %t.o | FileCheck %s --check-prefix=BYTES
# RUN: %tld -static %t.o -o %t.via-r
# RUN: %tld -static %t1.o %t2.o -o %t.direct
# RUN: llvm-readelf -x .text -x .data -x .eh_frame -x .eh_frame_hdr %t.via-r > %t.via-r.dump
# RUN: llvm-readelf -x .text -x .data -x .eh_frame -x .eh_frame_hdr %t.direct > %t.direct.dump
# RUN: diff %t.via-r.dump %t.direct.dump

# CHECK:      [ 1] .text             PROGBITS        00000000 000034 00001f 00  AX  0   0  4
# CHECK-NEXT: [ 2] .rel.text         REL             00000000 000054 000020 08   I  9   1  4
# CHECK-NEXT: [ 3] .data             PROGBITS        00000000 000074 000018 00  WA  0   0  1
# CHECK-NEXT: [ 4] .rel.data         REL             00000000 00008c 000018 08   I  9   3  4
# CHECK-NEXT: [ 5] .tdata            PROGBITS        00000000 0000a4 000004 00 WAT  0   0  1
# CHECK-NEXT: [ 6] .eh_frame         PROGBITS        00000000 0000a8 000058 00   A  0   0  4
# CHECK-NEXT: [ 7] .rel.eh_frame     REL             00000000 000100 000010 08   I  9   6  4
# CHECK-NEXT: [ 8] .note.GNU-stack   PROGBITS        00000000 000110 000000 00      0   0  1
# CHECK-NEXT: [ 9] .symtab           SYMTAB

# CHECK:      Relocation section '.rel.text' at offset 0x54 contains 4 entries:
# CHECK:      00000001  00000602 R_386_PC32             00000014   g
# CHECK-NEXT: 0000000d  00000711 R_386_TLS_LE           00000000   tv
# CHECK-NEXT: 00000015  00000201 R_386_32               00000000   .data
# CHECK-NEXT: 0000001a  00000802 R_386_PC32             00000012   f
# CHECK:      Relocation section '.rel.data' at offset 0x8c contains 3 entries:
# CHECK:      00000004  00000201 R_386_32               00000000   .data
# CHECK-NEXT: 00000010  00000201 R_386_32               00000000   .data
# CHECK-NEXT: 00000014  00000711 R_386_TLS_LE           00000000   tv
# CHECK:      Relocation section '.rel.eh_frame' at offset 0x100 contains 2 entries:
# CHECK:      00000020  00000102 R_386_PC32             00000000   .text
# CHECK-NEXT: 0000004c  00000102 R_386_PC32             00000000   .text

# BYTES:      Contents of section .text:
# BYTES-NEXT: 0000 e8fcffff ff65a100 0000008b 80000000
# BYTES-NEXT: 0010 00c3c300 a10c0000 00e8fcff ffffc3
# BYTES-NEXT: Contents of section .data:
# BYTES-NEXT: 0000 33333333 00000000 11111111 22222222
# BYTES-NEXT: 0010 0c000000 00000000
# BYTES:      0040 88010000 10000000 1c000000 14000000

  .text
  .globl _start
  .type _start,@function
_start:
  .cfi_startproc
  call g
  movl %gs:0, %eax
  movl tv@ntpoff(%eax), %eax
  ret
  .cfi_endproc
  .globl f
  .type f,@function
f:
  ret

  .data
  .long 0x33333333
  .long .data

  .section .tdata,"awT",@progbits
  .globl tv
tv:
  .long 7
  .section .note.GNU-stack,"",@progbits
