# SPARC .gnu.attributes: the inputs' hardware capability masks (Tag_GNU_Sparc_HWCAPS and
# HWCAPS2) are merged into one attributes section, their union, in final links and with -r, as
# GNU ld merges them (concatenated sections are unreadable). GNU ld links the same objects; the
# sections have the same bytes.
# REQUIRES: cc-sparcv9, cc-sparc, ld.bfd-sparc
# RUN: split-file %s %t && cd %t
# RUN: %cc-sparcv9 -c x1.s -o x1.o
# RUN: %cc-sparcv9 -c x2.s -o x2.o
# RUN: %cc-sparc -c x1.s -o y1.o
# RUN: %cc-sparc -c x2.s -o y2.o
# RUN: %ld-bfd-sparc -shared x1.o x2.o -o x.gnu
# RUN: %tld -shared x1.o x2.o -o x.tld
# RUN: %tld -r x1.o x2.o -o xr.tld
# RUN: %ld-bfd-sparc -m elf32_sparc -shared y1.o y2.o -o y.gnu
# RUN: %tld -shared y1.o y2.o -o y.tld
# RUN: llvm-readelf -x .gnu.attributes x.gnu > x.gnu.hex
# RUN: llvm-readelf -x .gnu.attributes x.tld > x.tld.hex
# RUN: llvm-readelf -x .gnu.attributes xr.tld > xr.tld.hex
# RUN: diff x.gnu.hex x.tld.hex
# RUN: diff x.gnu.hex xr.tld.hex
# RUN: llvm-readelf -x .gnu.attributes y.gnu > y.gnu.hex
# RUN: llvm-readelf -x .gnu.attributes y.tld > y.tld.hex
# RUN: diff y.gnu.hex y.tld.hex
# RUN: llvm-readelf -S x.tld | FileCheck %s
# CHECK-COUNT-1: .gnu.attributes
# CHECK-NOT:     .gnu.attributes
# RUN: FileCheck %s --check-prefix=HEX < x.tld.hex
# 'A', a subsection of 0x11 bytes for "gnu", a file group of 9 bytes: tag 4 = 0x33, tag 8 = 4.
# HEX:      0x00000000 41000000 11676e75 00010000 00090433
# HEX-NEXT: 0x00000010 0804
# The merged section is read back by GNU ld.
# RUN: %ld-bfd-sparc -shared xr.tld -o xr.gnu
# RUN: llvm-readelf -x .gnu.attributes xr.gnu > xr.gnu.hex
# RUN: diff x.gnu.hex xr.gnu.hex

#--- x1.s
.gnu_attribute 4, 0x11
.text
.globl f1
f1: retl
 nop
#--- x2.s
.gnu_attribute 4, 0x22
.gnu_attribute 8, 0x4
.text
.globl f2
f2: retl
 nop
