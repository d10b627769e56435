# SPARC (32-bit) GOT forms. The PIC prologue's PC22/PC10 (`sethi %pc22(_GLOBAL_OFFSET_TABLE_-4)`,
# `add %pc10(_GLOBAL_OFFSET_TABLE_+4)`, the thunk adding %o7) leaves the GOT base in %l7;
# GOT13 and GOT22/GOT10 give a slot's offset from it; GOTDATA_HIX22/LOX10 give S + A - GOT
# (written with .reloc: llvm-mc 14 has no %gdop operators, and the same for the GOTDATA_OP
# family). A GOTDATA_OP_HIX22/LOX10/OP sequence of a symbol local to the output is relaxed: its
# fields get S + A - GOT and `ld [%l7+%g1],%g2` becomes `add %l7,%g1,%g2`; in a shared object
# the preemptible gsym keeps the load from its slot (GLOB_DAT). The static GOT has no reserved
# word; a shared object's first word holds _DYNAMIC.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparc %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -S -s -x .got %t | FileCheck %s --check-prefix=GOT
# RUN: %tld -static --no-relax %t.o -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: %tld -shared %t.o -o %t.so
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -S -r -x .got %t.so | FileCheck %s --check-prefix=SO-REL

# %l7 = 0x10000 + 76 + 0x200f8 = 0x30144, the .got; gsym's slot +0, lsym's +4;
# lsym - GOT = 0x1000c, gsym - GOT = 0x10008.
# CHECK:      000200f4 <_start>:
# CHECK-NEXT: 2f 00 00 40 sethi 64, %l7
# CHECK-NEXT: 40 00 00 11 call 68
# CHECK-NEXT: ae 05 e0 4c add %l7, 76, %l7
# CHECK-NEXT: c2 05 e0 00 ld [%l7], %g1
# CHECK-NEXT: 03 00 00 00 sethi 0, %g1
# CHECK-NEXT: 82 10 60 04 or %g1, 4, %g1
# CHECK-NEXT: c2 05 c0 01 ld [%l7+%g1], %g1
# CHECK-NEXT: 03 00 00 40 sethi 64, %g1
# CHECK-NEXT: 82 18 60 0c xor %g1, 12, %g1
# CHECK-NEXT: 82 05 c0 01 add %l7, %g1, %g1
# CHECK-NEXT: 03 00 00 40 sethi 64, %g1
# CHECK-NEXT: 82 18 60 0c xor %g1, 12, %g1
# CHECK-NEXT: 84 05 c0 01 add %l7, %g1, %g2
# CHECK-NEXT: 03 00 00 40 sethi 64, %g1
# CHECK-NEXT: 82 18 60 08 xor %g1, 8, %g1
# CHECK-NEXT: 86 05 c0 01 add %l7, %g1, %g3
# CHECK:      0002013c <thunk>:
# CHECK-NEXT: 81 c3 e0 08 retl
# CHECK-NEXT: ae 03 c0 17 add %o7, %l7, %l7

# GOT:      .got PROGBITS 00030144 000144 000008
# GOT:      00040150 0 NOTYPE LOCAL HIDDEN 3 lsym
# GOT:      0004014c 0 NOTYPE GLOBAL DEFAULT 3 gsym
# GOT:      Hex dump of section '.got':
# GOT-NEXT: 0x00030144 0004014c 00040150

# KEPT:      2011c: 03 00 00 00 sethi 0, %g1
# KEPT-NEXT: 82 18 60 04 xor %g1, 4, %g1
# KEPT-NEXT: c4 05 c0 01 ld [%l7+%g1], %g2
# KEPT-NEXT: 03 00 00 00 sethi 0, %g1
# KEPT-NEXT: 82 18 60 00 xor %g1, 0, %g1
# KEPT-NEXT: c6 05 c0 01 ld [%l7+%g1], %g3

# SO:      000101a4 <_start>:
# SO-NEXT: 2f 00 00 40 sethi 64, %l7
# SO-NEXT: 40 00 00 11 call 68
# SO-NEXT: ae 05 e1 5c add %l7, 348, %l7
# SO-NEXT: c2 05 e0 04 ld [%l7+4], %g1
# SO-NEXT: 03 00 00 00 sethi 0, %g1
# SO-NEXT: 82 10 60 08 or %g1, 8, %g1
# SO-NEXT: c2 05 c0 01 ld [%l7+%g1], %g1
# SO-NEXT: 03 00 00 40 sethi 64, %g1
# SO-NEXT: 82 18 60 10 xor %g1, 16, %g1
# SO-NEXT: 82 05 c0 01 add %l7, %g1, %g1
# SO-NEXT: 03 00 00 40 sethi 64, %g1
# SO-NEXT: 82 18 60 10 xor %g1, 16, %g1
# SO-NEXT: 84 05 c0 01 add %l7, %g1, %g2
# SO-NEXT: 03 00 00 00 sethi 0, %g1
# SO-NEXT: 82 18 60 04 xor %g1, 4, %g1
# SO-NEXT: c6 05 c0 01 ld [%l7+%g1], %g3
# SO-REL:      .got PROGBITS 00020304 000304 00000c
# SO-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 2 entries:
# SO-REL:      0002030c 00000016 R_SPARC_RELATIVE 30314
# SO-REL-NEXT: 00020308 00000214 R_SPARC_GLOB_DAT 00030310 gsym + 0
# SO-REL:      Hex dump of section '.got':
# SO-REL-NEXT: 0x00020304 000201f4 00000000 00000000

.globl _start, gsym, lsym
.hidden lsym
.text
_start:
  sethi %pc22(_GLOBAL_OFFSET_TABLE_-4), %l7
  call thunk
  add %l7, %pc10(_GLOBAL_OFFSET_TABLE_+4), %l7
  ld [%l7 + %got13(gsym)], %g1
  sethi %got22(lsym), %g1
  or %g1, %got10(lsym), %g1
  ld [%l7 + %g1], %g1
  .reloc ., R_SPARC_GOTDATA_HIX22, lsym
  sethi 0, %g1
  .reloc ., R_SPARC_GOTDATA_LOX10, lsym
  xor %g1, 0, %g1
  add %l7, %g1, %g1
  .reloc ., R_SPARC_GOTDATA_OP_HIX22, lsym
  sethi 0, %g1
  .reloc ., R_SPARC_GOTDATA_OP_LOX10, lsym
  xor %g1, 0, %g1
  .reloc ., R_SPARC_GOTDATA_OP, lsym
  ld [%l7 + %g1], %g2
  .reloc ., R_SPARC_GOTDATA_OP_HIX22, gsym
  sethi 0, %g1
  .reloc ., R_SPARC_GOTDATA_OP_LOX10, gsym
  xor %g1, 0, %g1
  .reloc ., R_SPARC_GOTDATA_OP, gsym
  ld [%l7 + %g1], %g3
  retl
  nop
thunk:
  retl
  add %o7, %l7, %l7
.data
gsym: .word 1
lsym: .word 2
