# -z pack-relative-relocs on i386: 4-byte words, bitmaps of 31 words; the GOT slot of a local
# symbol and .data's aligned pointers go to .relr.dyn, an unaligned pointer stays in .rel.dyn;
# every word holds its value (on REL targets it always did).
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=i386 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=i386 %t/libc.s -o %t/libc.o
# RUN: %tld -shared %t/libc.o -soname libc.so.6 --version-script %t/glibc.ver -o %t/libc.so.6
# RUN: %tld -pie %t/a.o %t/libc.so.6 -z pack-relative-relocs -o %t/pie
# RUN: llvm-readelf -S -d -r --raw-relr -V %t/pie | FileCheck %s
# RUN: llvm-readelf -r %t/pie | FileCheck %s --check-prefix=DECODED

# CHECK:      .relr.dyn RELR [[#%.8x,RELR:]] {{[0-9a-f]+}} 000010 04 A 0 0 4
# CHECK:      .got PROGBITS [[#%.8x,GOT:]]
# CHECK:      .data PROGBITS [[#%.8x,DATA:]]
# CHECK:      (RELR)     0x[[#%x,RELR]]
# CHECK-NEXT: (RELRSZ)   16 (bytes)
# CHECK-NEXT: (RELRENT)  4 (bytes)
# CHECK:      Relocation section '.rel.dyn' at offset {{.*}} contains 1 entries:
# CHECK:      [[#%.8x,DATA+302]] 00000008 R_386_RELATIVE
# The GOT slot; .data: word 0, then words 1 and 3 (0xb), then word 37 (bit 5 of the bitmap
# that starts at word 32: 0x41).
# CHECK:      Relocation section '.relr.dyn' at offset {{.*}} contains 4 entries:
# CHECK-NEXT: Data
# CHECK-NEXT: [[#%.8x,GOT]]
# CHECK-NEXT: [[#%.8x,DATA]]
# CHECK-NEXT: 0000000b
# CHECK-NEXT: 00000041
# CHECK:      Name: GLIBC_2.0 Flags: none Version: 2
# CHECK-NEXT: Name: GLIBC_ABI_DT_RELR Flags: none Version: 3

# DECODED:      Relocation section '.relr.dyn' at offset {{.*}} contains 5 entries:
# DECODED:      [[#%.8x,GOT:]] 00000008 R_386_RELATIVE
# DECODED-NEXT: [[#%.8x,DATA:]] 00000008 R_386_RELATIVE
# DECODED-NEXT: [[#%.8x,DATA+4]] 00000008 R_386_RELATIVE
# DECODED-NEXT: [[#%.8x,DATA+12]] 00000008 R_386_RELATIVE
# DECODED-NEXT: [[#%.8x,DATA+148]] 00000008 R_386_RELATIVE

#--- a.s
  .globl _start
  .text
_start:
  call 1f
1:
  popl %ebx
  addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx
  movl d0@GOT(%ebx), %eax
  call puts@PLT
  ret

  .data
  .p2align 2
d0:
  .long d0
  .long d0 + 4
  .zero 4
  .long d0
  .zero 4 * 33
  .long d0
  .zero 149
  .byte 1
  .long d0

#--- libc.s
  .globl puts
  .type puts, @function
puts:
  ret

#--- glibc.ver
GLIBC_2.0 { global: puts; local: *; };
