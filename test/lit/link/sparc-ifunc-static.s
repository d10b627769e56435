# SPARC (32-bit) IFUNC in a static link: the call of an STT_GNU_IFUNC symbol goes to an .iplt
# entry `sethi %hi(slot),%g1; ld [%g1+%lo(slot)],%g1; jmp %g1; nop` whose .got slot the C
# library's start-up fills by applying the slot's R_SPARC_IRELATIVE (type 249) in .rela.iplt,
# addend the resolver; __rela_iplt_start/__rela_iplt_end bracket .rela.iplt. The symbol's
# address in data is its .iplt entry.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparc %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -S -r -s -x .got -x .data %t | FileCheck %s --check-prefix=REL

# CHECK:      00020100 <.iplt>:
# CHECK-NEXT: 03 00 00 c0 sethi 192, %g1
# CHECK-NEXT: c2 00 61 30 ld [%g1+304], %g1
# CHECK-NEXT: 81 c0 60 00 jmp %g1
# CHECK-NEXT: 01 00 00 00 nop
# CHECK:      00020118 <_start>:
# CHECK-NEXT: 7f ff ff fa call -24
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 03 00 00 40 sethi 64, %g1
# CHECK-NEXT: 05 00 00 40 sethi 64, %g2

# REL:      .rela.iplt RELA     000100f4 0000f4 00000c 0c AI
# REL:      .iplt      PROGBITS 00020100 000100 000010
# REL:      .got       PROGBITS 00030130 000130 000004
# REL:      Relocation section '.rela.iplt' at offset 0xf4 contains 1 entries:
# REL:      00030130 000000f9 Unknown 20110
# REL-DAG:  00020110 0 FUNC LOCAL DEFAULT 3 resolver
# REL-DAG:  000100f4 0 NOTYPE LOCAL HIDDEN 1 __rela_iplt_start
# REL-DAG:  00010100 0 NOTYPE LOCAL HIDDEN 1 __rela_iplt_end
# REL-DAG:  00020110 0 IFUNC GLOBAL DEFAULT 3 fn
# REL:      Hex dump of section '.got':
# REL-NEXT: 0x00030130 00000000
# REL:      Hex dump of section '.data':
# REL-NEXT: 0x00040134 00020100

.globl _start
.text
.type resolver, @function
resolver:
  retl
  nop
.globl fn
.type fn, @gnu_indirect_function
.set fn, resolver
_start:
  call fn
  nop
  sethi %hi(__rela_iplt_start), %g1
  sethi %hi(__rela_iplt_end), %g2
  retl
  nop
.data
.word fn
