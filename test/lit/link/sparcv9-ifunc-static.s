# SPARC V9 IFUNC in a static link: the .iplt entry loads its 8-byte .got slot with ldx
# (`sethi %hi(slot),%g1; ldx [%g1+%lo(slot)],%g1; jmp %g1; nop`); the slot has an
# R_SPARC_IRELATIVE (type 249) in .rela.iplt whose addend is the resolver. The symbol's address
# in data is its .iplt entry.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -S -r -s -x .got -x .data %t | FileCheck %s --check-prefix=REL

# CHECK:      00000000002001b0 <.iplt>:
# CHECK-NEXT: 03 00 0c 00 sethi 3072, %g1
# CHECK-NEXT: c2 58 61 e0 ldx [%g1+480], %g1
# CHECK-NEXT: 81 c0 60 00 jmp %g1
# CHECK-NEXT: 01 00 00 00 nop
# CHECK:      00000000002001c8 <_start>:
# CHECK-NEXT: 7f ff ff fa call -24
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 03 00 04 00 sethi 1024, %g1
# CHECK-NEXT: 05 00 04 00 sethi 1024, %g2

# REL:      .rela.iplt RELA     0000000000100190 000190 000018 18 AI
# REL:      .iplt      PROGBITS 00000000002001b0 0001b0 000010
# REL:      .got       PROGBITS 00000000003001e0 0001e0 000008
# REL:      Relocation section '.rela.iplt' at offset 0x190 contains 1 entries:
# REL:      00000000003001e0 00000000000000f9 Unknown 2001c0
# REL-DAG:  00000000002001c0 0 FUNC LOCAL DEFAULT 3 resolver
# REL-DAG:  0000000000100190 0 NOTYPE LOCAL HIDDEN 1 __rela_iplt_start
# REL-DAG:  00000000001001a8 0 NOTYPE LOCAL HIDDEN 1 __rela_iplt_end
# REL-DAG:  00000000002001c0 0 IFUNC GLOBAL DEFAULT 3 fn
# REL:      Hex dump of section '.got':
# REL-NEXT: 0x003001e0 00000000 00000000
# REL:      Hex dump of section '.data':
# REL-NEXT: 0x004001e8 00000000 002001b0

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
.xword fn
