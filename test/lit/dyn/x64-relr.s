# -z pack-relative-relocs: the relative relocations of aligned words (.data's pointers, the GOT
# slot of a local symbol) go to .relr.dyn as an address and bitmaps of the 63 words after it,
# encoded per output section; an unaligned one stays in .rela.dyn. The words hold their values
# (the loader adds the base). DT_RELR, DT_RELRSZ and DT_RELRENT describe it, and libc.so.6's
# version needs gain GLIBC_ABI_DT_RELR. Shared objects too; not executables at a fixed address;
# -z nopack-relative-relocs turns it off.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/libc.s -o %t/libc.o
# RUN: %tld -shared %t/libc.o -soname libc.so.6 --version-script %t/glibc.ver -o %t/libc.so.6
# RUN: %tld -pie %t/a.o %t/libc.so.6 -z pack-relative-relocs -o %t/pie
# RUN: llvm-readelf -S -d -r --raw-relr -V %t/pie | FileCheck %s
# RUN: llvm-readelf -r %t/pie | FileCheck %s --check-prefix=DECODED

# CHECK:      .relr.dyn RELR [[#%.16x,RELR:]] {{[0-9a-f]+}} 000020 08 A 0 0 8
# CHECK:      .got PROGBITS [[#%.16x,GOT:]]
# CHECK:      .data PROGBITS [[#%.16x,DATA:]]
# CHECK:      (RELR)     0x[[#%x,RELR]]
# CHECK-NEXT: (RELRSZ)   32 (bytes)
# CHECK-NEXT: (RELRENT)  8 (bytes)
# CHECK:      Relocation section '.rela.dyn' at offset {{.*}} contains 1 entries:
# CHECK:      [[#%.16x,DATA+601]] 0000000000000008 R_X86_64_RELATIVE [[#%x,DATA]]
# The GOT slot; .data: its first word, then words 1 and 3 (bits 0 and 2 of the first bitmap,
# 0xb), then word 74 (bit 10 of the second bitmap, which starts at word 64: 0x801).
# CHECK:      Relocation section '.relr.dyn' at offset {{.*}} contains 4 entries:
# CHECK-NEXT: Data
# CHECK-NEXT: [[#%.16x,GOT]]
# CHECK-NEXT: [[#%.16x,DATA]]
# CHECK-NEXT: 000000000000000b
# CHECK-NEXT: 0000000000000801
# CHECK:      Name: GLIBC_2.2.5 Flags: none Version: 2
# CHECK-NEXT: Name: GLIBC_ABI_DT_RELR Flags: none Version: 3

# DECODED:      Relocation section '.relr.dyn' at offset {{.*}} contains 5 entries:
# DECODED:      [[#%.16x,GOT:]] 0000000000000008 R_X86_64_RELATIVE
# DECODED-NEXT: [[#%.16x,DATA:]] 0000000000000008 R_X86_64_RELATIVE
# DECODED-NEXT: [[#%.16x,DATA+8]] 0000000000000008 R_X86_64_RELATIVE
# DECODED-NEXT: [[#%.16x,DATA+24]] 0000000000000008 R_X86_64_RELATIVE
# DECODED-NEXT: [[#%.16x,DATA+592]] 0000000000000008 R_X86_64_RELATIVE

# A shared object packs them too.
# RUN: %tld -shared %t/a.o %t/libc.so.6 -z pack-relative-relocs -o %t/a.so
# RUN: llvm-readelf -d -r %t/a.so | FileCheck %s --check-prefix=SHARED
# SHARED: (RELR)
# SHARED: Relocation section '.relr.dyn' at offset {{.*}} contains 5 entries:

# The option off, or not given: every relative relocation in .rela.dyn, no version need.
# RUN: %tld -pie %t/a.o %t/libc.so.6 -z pack-relative-relocs -z nopack-relative-relocs -o %t/off
# RUN: llvm-readelf -S -d -r -V %t/off | FileCheck %s --check-prefix=OFF
# RUN: %tld -pie %t/a.o %t/libc.so.6 -o %t/plain
# RUN: cmp %t/off %t/plain
# OFF-NOT: .relr.dyn
# OFF-NOT: RELR
# OFF:     Relocation section '.rela.dyn' at offset {{.*}} contains 6 entries:
# OFF-NOT: GLIBC_ABI_DT_RELR

# An executable at a fixed address has no relative relocations.
# RUN: %tld %t/a.o %t/libc.so.6 -z pack-relative-relocs -o %t/exe
# RUN: llvm-readelf -S -V %t/exe | FileCheck %s --check-prefix=EXEC
# EXEC-NOT: .relr.dyn
# EXEC-NOT: GLIBC_ABI_DT_RELR

#--- a.s
  .globl _start
  .text
_start:
  movq d0@GOTPCREL(%rip), %rax
  call puts@PLT
  ret

  .data
  .p2align 3
d0:
  .quad d0
  .quad d0 + 8
  .zero 8
  .quad d0
  .zero 8 * 70
  .quad d0
  .byte 1
  .quad d0

#--- libc.s
  .globl puts
  .type puts, @function
puts:
  ret

#--- glibc.ver
GLIBC_2.2.5 { global: puts; local: *; };
