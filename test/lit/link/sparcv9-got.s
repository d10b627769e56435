# SPARC V9 GOT forms, as sparc-got.s with 8-byte slots and ldx. The PIC prologue's PC22/PC10
# and thunk leave the GOT base in %l7; GOT13 and GOT22/GOT10 give a slot's offset;
# GOTDATA_HIX22/LOX10 give S + A - GOT (written with .reloc, as is the GOTDATA_OP family). A
# GOTDATA_OP sequence of a symbol local to the output is relaxed: `ldx [%l7+%g1],%g2` becomes
# `add %l7,%g1,%g2`; in a shared object the preemptible gsym keeps the load (GLOB_DAT).
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -S -s -x .got %t | FileCheck %s --check-prefix=GOT
# RUN: %tld -static --no-relax %t.o -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: %tld -shared %t.o -o %t.so
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -S -r -x .got %t.so | FileCheck %s --check-prefix=SO-REL

# %l7 = 0x100000 + 76 + 0x200194 = 0x3001e0, the .got; gsym's slot +0, lsym's +8;
# lsym - GOT = 0x100018, gsym - GOT = 0x100010.
# CHECK:      0000000000200190 <_start>:
# CHECK-NEXT: 2f 00 04 00 sethi 1024, %l7
# CHECK-NEXT: 40 00 00 11 call 68
# CHECK-NEXT: ae 05 e0 4c add %l7, 76, %l7
# CHECK-NEXT: c2 5d e0 00 ldx [%l7], %g1
# CHECK-NEXT: 03 00 00 00 sethi 0, %g1
# CHECK-NEXT: 82 10 60 08 or %g1, 8, %g1
# CHECK-NEXT: c2 5d c0 01 ldx [%l7+%g1], %g1
# CHECK-NEXT: 03 00 04 00 sethi 1024, %g1
# CHECK-NEXT: 82 18 60 18 xor %g1, 24, %g1
# CHECK-NEXT: 82 05 c0 01 add %l7, %g1, %g1
# CHECK-NEXT: 03 00 04 00 sethi 1024, %g1
# CHECK-NEXT: 82 18 60 18 xor %g1, 24, %g1
# CHECK-NEXT: 84 05 c0 01 add %l7, %g1, %g2
# CHECK-NEXT: 03 00 04 00 sethi 1024, %g1
# CHECK-NEXT: 82 18 60 10 xor %g1, 16, %g1
# CHECK-NEXT: 86 05 c0 01 add %l7, %g1, %g3
# CHECK:      00000000002001d8 <thunk>:
# CHECK-NEXT: 81 c3 e0 08 retl
# CHECK-NEXT: ae 03 c0 17 add %o7, %l7, %l7

# GOT:      .got PROGBITS 00000000003001e0 0001e0 000010
# GOT:      00000000004001f8 0 NOTYPE LOCAL HIDDEN 3 lsym
# GOT:      00000000004001f0 0 NOTYPE GLOBAL DEFAULT 3 gsym
# GOT:      Hex dump of section '.got':
# GOT-NEXT: 0x003001e0 00000000 004001f0 00000000 004001f8

# KEPT:      2001b8: 03 00 00 00 sethi 0, %g1
# KEPT-NEXT: 82 18 60 08 xor %g1, 8, %g1
# KEPT-NEXT: c4 5d c0 01 ldx [%l7+%g1], %g2
# KEPT-NEXT: 03 00 00 00 sethi 0, %g1
# KEPT-NEXT: 82 18 60 00 xor %g1, 0, %g1
# KEPT-NEXT: c6 5d c0 01 ldx [%l7+%g1], %g3

# SO:      0000000000100290 <_start>:
# SO-NEXT: 2f 00 04 00 sethi 1024, %l7
# SO-NEXT: 40 00 00 11 call 68
# SO-NEXT: ae 05 e2 6c add %l7, 620, %l7
# SO-NEXT: c2 5d e0 08 ldx [%l7+8], %g1
# SO-NEXT: 03 00 00 00 sethi 0, %g1
# SO-NEXT: 82 10 60 10 or %g1, 16, %g1
# SO-NEXT: c2 5d c0 01 ldx [%l7+%g1], %g1
# SO-NEXT: 03 00 04 00 sethi 1024, %g1
# SO-NEXT: 82 18 60 20 xor %g1, 32, %g1
# SO-NEXT: 82 05 c0 01 add %l7, %g1, %g1
# SO-NEXT: 03 00 04 00 sethi 1024, %g1
# SO-NEXT: 82 18 60 20 xor %g1, 32, %g1
# SO-NEXT: 84 05 c0 01 add %l7, %g1, %g2
# SO-NEXT: 03 00 00 00 sethi 0, %g1
# SO-NEXT: 82 18 60 08 xor %g1, 8, %g1
# SO-NEXT: c6 5d c0 01 ldx [%l7+%g1], %g3
# SO-REL:      .got PROGBITS 0000000000200500 000500 000018
# SO-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 2 entries:
# SO-REL:      0000000000200510 0000000000000016 R_SPARC_RELATIVE 300520
# SO-REL-NEXT: 0000000000200508 0000000200000014 R_SPARC_GLOB_DAT 0000000000300518 gsym + 0
# SO-REL:      Hex dump of section '.got':
# SO-REL-NEXT: 0x00200500 00000000 002002e0 00000000 00000000

.globl _start, gsym, lsym
.hidden lsym
.text
_start:
  sethi %pc22(_GLOBAL_OFFSET_TABLE_-4), %l7
  call thunk
  add %l7, %pc10(_GLOBAL_OFFSET_TABLE_+4), %l7
  ldx [%l7 + %got13(gsym)], %g1
  sethi %got22(lsym), %g1
  or %g1, %got10(lsym), %g1
  ldx [%l7 + %g1], %g1
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
  ldx [%l7 + %g1], %g2
  .reloc ., R_SPARC_GOTDATA_OP_HIX22, gsym
  sethi 0, %g1
  .reloc ., R_SPARC_GOTDATA_OP_LOX10, gsym
  xor %g1, 0, %g1
  .reloc ., R_SPARC_GOTDATA_OP, gsym
  ldx [%l7 + %g1], %g3
  retl
  nop
thunk:
  retl
  add %o7, %l7, %l7
.data
gsym: .xword 1
lsym: .xword 2
