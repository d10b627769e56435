# -r merges sections by name, keeps a COMDAT group as a group (the second object's copy of `inl`
# is dropped with its FDE), moves relocations by each piece's offset in its output section and
# re-aims section-symbol references at the output section (the addend grows by the offset:
# `.data + 0x20` was `.data + 8` in the second object), keeps TLS relocations, common and
# undefined symbols, hidden visibility on a global, and says the stack is not executable. The
# result links into the same program as the inputs would.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t1.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-second.s -o %t2.o
# RUN: %tld -r %t1.o %t2.o -o %t.o
# RUN: llvm-readelf -S -r -s --section-groups %t.o | FileCheck %s
# RUN: echo '.globl undef_fn; undef_fn: ret; .section .note.GNU-stack,"",@progbits' > %t3.s
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t3.s -o %t3.o
# RUN: %tld -static %t.o %t3.o -o %t.exe
# RUN: llvm-objdump -d --no-show-raw-insn %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -l -x .data %t.exe | FileCheck %s --check-prefix=DATA
# An input without .note.GNU-stack asks for an executable stack, and the -r output says so.
# RUN: echo '.globl f; f: ret' > %t4.s
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t4.s -o %t4.o
# RUN: %tld -r %t4.o -o %t4r.o
# RUN: llvm-readelf -S %t4r.o | FileCheck %s --check-prefix=EXECSTACK
# --relocatable is the long spelling.
# RUN: %tld --relocatable %t1.o %t2.o -o %t.long.o
# RUN: cmp %t.o %t.long.o

# CHECK:      [ 1] .group            GROUP           0000000000000000 000040 000008 04     12  12  4
# CHECK-NEXT: [ 2] .text             PROGBITS        0000000000000000 000048 000037 00  AX  0   0  4
# CHECK-NEXT: [ 3] .rela.text        RELA            0000000000000000 000080 0000c0 18   I 12   2  8
# CHECK-NEXT: [ 4] .text.inl         PROGBITS        0000000000000000 000140 000006 00 AXG  0   0  1
# CHECK-NEXT: [ 5] .rodata.str1.1    PROGBITS        0000000000000000 000146 00000d 01 AMS  0   0  1
# CHECK-NEXT: [ 6] .tdata            PROGBITS        0000000000000000 000153 000004 00 WAT  0   0  1
# CHECK-NEXT: [ 7] .data             PROGBITS        0000000000000000 000157 000028 00  WA  0   0  1
# CHECK-NEXT: [ 8] .rela.data        RELA            0000000000000000 000180 000030 18   I 12   7  8
# CHECK-NEXT: [ 9] .eh_frame         X86_64_UNWIND   0000000000000000 0001b0 00006c 00   A  0   0  8
# CHECK-NEXT: [10] .rela.eh_frame    RELA            0000000000000000 000220 000048 18   I 12   9  8
# CHECK-NEXT: [11] .note.GNU-stack   PROGBITS        0000000000000000 000268 000000 00      0   0  1
# CHECK-NEXT: [12] .symtab           SYMTAB          0000000000000000 000268 0001b0 18     13  10  8
# CHECK-NEXT: [13] .strtab           STRTAB
# CHECK-NEXT: [14] .shstrtab         STRTAB

# CHECK:      Relocation section '.rela.text' at offset 0x80 contains 8 entries:
# CHECK:      0000000000000001  0000000b00000004 R_X86_64_PLT32         0000000000000024 foo - 4
# CHECK-NEXT: 0000000000000006  0000000c00000004 R_X86_64_PLT32         0000000000000000 inl - 4
# CHECK-NEXT: 000000000000000d  0000000700000002 R_X86_64_PC32          0000000000000000 .Lfirst - 4
# CHECK-NEXT: 0000000000000015  0000000d00000017 R_X86_64_TPOFF32       0000000000000000 tv + 0
# CHECK-NEXT: 000000000000001c  0000000e0000002a R_X86_64_REX_GOTPCRELX 0000000000000000 undef_fn - 4
# CHECK-NEXT: 0000000000000027  0000000900000002 R_X86_64_PC32          0000000000000006 .Lsecond - 4
# CHECK-NEXT: 000000000000002c  0000000c00000004 R_X86_64_PLT32         0000000000000000 inl - 4
# CHECK-NEXT: 0000000000000032  0000001100000002 R_X86_64_PC32          0000000000000018 x2 - 4
# CHECK:      Relocation section '.rela.data' at offset 0x180 contains 2 entries:
# CHECK:      0000000000000008  0000000500000001 R_X86_64_64            0000000000000000 .data + 0
# CHECK-NEXT: 0000000000000020  0000000500000001 R_X86_64_64            0000000000000000 .data + 20
# CHECK:      Relocation section '.rela.eh_frame' at offset 0x220 contains 3 entries:
# CHECK:      0000000000000020  0000000100000002 R_X86_64_PC32          0000000000000000 .text + 0
# CHECK-NEXT: 0000000000000034  0000000200000002 R_X86_64_PC32          0000000000000000 .text.inl + 0
# CHECK-NEXT: 0000000000000060  0000000100000002 R_X86_64_PC32          0000000000000000 .text + 24

# CHECK:      Symbol table '.symtab' contains 18 entries:
# CHECK:        1: 0000000000000000     0 SECTION LOCAL  DEFAULT     2 .text
# CHECK-NEXT:   2: 0000000000000000     0 SECTION LOCAL  DEFAULT     4 .text.inl
# CHECK-NEXT:   3: 0000000000000000     0 SECTION LOCAL  DEFAULT     5 .rodata.str1.1
# CHECK-NEXT:   4: 0000000000000000     0 SECTION LOCAL  DEFAULT     6 .tdata
# CHECK-NEXT:   5: 0000000000000000     0 SECTION LOCAL  DEFAULT     7 .data
# CHECK-NEXT:   6: 0000000000000000     0 SECTION LOCAL  DEFAULT     9 .eh_frame
# CHECK-NEXT:   7: 0000000000000000     0 NOTYPE  LOCAL  DEFAULT     5 .Lfirst
# CHECK-NEXT:   8: 0000000000000000     0 NOTYPE  LOCAL  DEFAULT     7 local_data
# CHECK-NEXT:   9: 0000000000000006     0 NOTYPE  LOCAL  DEFAULT     5 .Lsecond
# CHECK-NEXT:  10: 0000000000000000     0 FUNC    GLOBAL DEFAULT     2 _start
# CHECK-NEXT:  11: 0000000000000024     0 FUNC    GLOBAL DEFAULT     2 foo
# CHECK-NEXT:  12: 0000000000000000     0 FUNC    WEAK   DEFAULT     4 inl
# CHECK-NEXT:  13: 0000000000000000     0 TLS     GLOBAL DEFAULT     6 tv
# CHECK-NEXT:  14: 0000000000000000     0 NOTYPE  GLOBAL DEFAULT   UND undef_fn
# CHECK-NEXT:  15: 0000000000000010     0 NOTYPE  GLOBAL HIDDEN      7 hid
# CHECK-NEXT:  16: 0000000000000010    16 OBJECT  GLOBAL DEFAULT   COM com
# CHECK-NEXT:  17: 0000000000000018     0 NOTYPE  GLOBAL DEFAULT     7 x2

# CHECK:      COMDAT group section [    1] `.group' [inl] contains 1 sections:
# CHECK-NEXT:    [Index]    Name
# CHECK-NEXT:    [    4]   .text.inl

# EXE:      <_start>:
# EXE-NEXT:   callq {{.*}} <foo>
# EXE-NEXT:   callq [[INL:.*]] <inl>
# EXE:      <foo>:
# EXE-NEXT:   leaq
# EXE-NEXT:   callq [[INL]] <inl>
# EXE:      <inl>:
# EXE-NEXT:   movl $1, %eax

# The second object's `.quad .data + 8` points at its own x2 word, 0x18 bytes into .data.
# DATA:     GNU_STACK {{.*}} RW  0x10
# DATA:     Hex dump of section '.data':
# DATA-NEXT: 0x00404310 01000000 00000000 10434000 00000000
# DATA-NEXT: 0x00404320 03000000 00000000 02000000 00000000
# DATA-NEXT: 0x00404330 30434000 00000000

# EXECSTACK: .note.GNU-stack   PROGBITS        0000000000000000 {{[0-9a-f]+}} 000000 00   X  0   0  1

  .text
  .globl _start
  .type _start,@function
_start:
  .cfi_startproc
  call foo
  call inl
  leaq .Lfirst(%rip), %rax
  movl %fs:tv@tpoff, %eax
  movq undef_fn@GOTPCREL(%rip), %rax
  ret
  .cfi_endproc

  .section .text.inl,"axG",@progbits,inl,comdat
  .weak inl
  .type inl,@function
inl:
  .cfi_startproc
  movl $1, %eax
  ret
  .cfi_endproc

  .section .rodata.str1.1,"aMS",@progbits,1
.Lfirst:
  .asciz "first"

  .section .tdata,"awT",@progbits
  .globl tv
  .type tv,@object
tv:
  .long 7

  .data
local_data:
  .quad 1
  .quad local_data

  .globl hid
  .hidden hid
hid:
  .quad 3

  .comm com,8,8
  .section .note.GNU-stack,"",@progbits
