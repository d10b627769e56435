# --compress-debug-sections=zlib|zstd: the output's .debug_* sections get an Elf64_Chdr and
# SHF_COMPRESSED, hold the bytes a plain link writes (relocated, strings merged) once inflated,
# and a section that would not shrink (.debug_str here) stays as it is. Compressed inputs
# (gABI zlib and zstd, and GNU .zdebug_*) are inflated before use: the output is the same.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t-none
# RUN: %tld -static %t.o -o %t-zlib --compress-debug-sections=zlib
# RUN: %tld -static %t.o -o %t-zstd --compress-debug-sections=zstd
# RUN: %tld -static %t.o -o %t-none2 --compress-debug-sections=zlib --compress-debug-sections=none
# RUN: cmp %t-none %t-none2
# RUN: llvm-readelf -S -x .debug_info %t-zlib | FileCheck %s --check-prefixes=CHECK,ZLIB
# RUN: llvm-readelf -S -x .debug_info %t-zstd | FileCheck %s --check-prefixes=CHECK,ZSTD
# RUN: llvm-readelf -x .debug_info -x .debug_str %t-none > %t-none.dump
# RUN: llvm-objcopy --decompress-debug-sections %t-zlib %t-zlib.d
# RUN: llvm-readelf -x .debug_info -x .debug_str %t-zlib.d | diff %t-none.dump -
# RUN: objcopy --decompress-debug-sections %t-zstd %t-zstd.d
# RUN: llvm-readelf -x .debug_info -x .debug_str %t-zstd.d | diff %t-none.dump -

# CHECK:     .debug_str PROGBITS 0000000000000000 {{[0-9a-f]+}} 00000e 01 MS 0 0 1
# CHECK:     .debug_info PROGBITS 0000000000000000 {{[0-9a-f]+}} {{[0-9a-f]+}} 00 C 0 0 8
# Elf64_Chdr: type, reserved, size 0x1010, alignment 1.
# ZLIB:      Hex dump of section '.debug_info':
# ZLIB-NEXT: 0x00000000 01000000 00000000 10100000 00000000
# ZLIB-NEXT: 0x00000010 01000000 00000000 78
# ZSTD:      Hex dump of section '.debug_info':
# ZSTD-NEXT: 0x00000000 02000000 00000000 10100000 00000000
# ZSTD-NEXT: 0x00000010 01000000 00000000 28b52ffd

# Compressed inputs.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --compress-debug-sections=zlib %s -o %t-z.o
# RUN: llvm-readelf -S %t-z.o | FileCheck %s --check-prefix=INPUT
# RUN: %tld -static %t-z.o -o %t-in-zlib
# RUN: llvm-readelf -x .debug_info -x .debug_str %t-in-zlib | diff %t-none.dump -
# RUN: objcopy --compress-debug-sections=zstd %t.o %t-s.o
# RUN: %tld -static %t-s.o -o %t-in-zstd
# RUN: llvm-readelf -x .debug_info -x .debug_str %t-in-zstd | diff %t-none.dump -
# RUN: objcopy --compress-debug-sections=zlib-gnu %t.o %t-gnu.o
# RUN: llvm-readelf -S %t-gnu.o | FileCheck %s --check-prefix=GNU
# RUN: %tld -static %t-gnu.o -o %t-in-gnu
# RUN: llvm-readelf -x .debug_info -x .debug_str %t-in-gnu | diff %t-none.dump -
# INPUT: .debug_info PROGBITS {{.*}} C
# GNU:   .zdebug_info PROGBITS

# -r compresses too; its relocations stay against the uncompressed bytes.
# RUN: %tld -r %t.o -o %t-r.o --compress-debug-sections=zlib
# RUN: llvm-readelf -S %t-r.o | FileCheck %s --check-prefix=RELOC
# RUN: %tld -static %t-r.o -o %t-from-r
# RUN: llvm-readelf -x .debug_info -x .debug_str %t-from-r | diff %t-none.dump -
# RELOC: .debug_info PROGBITS {{.*}} C
# RELOC: .rela.debug_info RELA

# RUN: not %tld -static %t.o -o %t-bad --compress-debug-sections=lzma 2>&1 | FileCheck %s --check-prefix=BADOPT
# BADOPT: tld: error: --compress-debug-sections=lzma: expected none, zlib, zlib-gabi or zstd

# Broken inputs: bytes that do not inflate, an unknown type, a section shorter than its header.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=BAD=1 %s -o %t-bad1.o
# RUN: not %tld -static %t-bad1.o -o %t-bad 2>&1 | FileCheck %s --check-prefix=BAD1
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=BAD=2 %s -o %t-bad2.o
# RUN: not %tld -static %t-bad2.o -o %t-bad 2>&1 | FileCheck %s --check-prefix=BAD2
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=BAD=3 %s -o %t-bad3.o
# RUN: not %tld -static %t-bad3.o -o %t-bad 2>&1 | FileCheck %s --check-prefix=BAD3
# BAD1: tld: error: {{.*}}bad1.o:(.debug_x+0x0): cannot decompress the section (zlib, 100 bytes expected)
# BAD2: tld: error: {{.*}}bad2.o:(.debug_x+0x0): unknown compression type 7
# BAD3: tld: error: {{.*}}bad3.o:(.debug_x+0x0): compressed section is shorter than its header

  .text
  .globl _start
_start:
  ret

  .section .debug_str,"MS",@progbits,1
.Lproducer: .asciz "producer"
.Lname:     .asciz "name"
.Ldup:      .asciz "name"

  .section .debug_info,"",@progbits
  .long .Lname
  .quad _start
  .long .Ldup
  .fill 4096, 1, 0x5a

.ifdef BAD
  .section .debug_x,"0x800",@progbits
.if BAD == 3
  .long 1
.elseif BAD == 2
  .long 7
.else
  .long 1
.endif
.if BAD != 3
  .long 0
  .quad 100
  .quad 1
  .byte 1, 2, 3, 4
.endif
.endif
