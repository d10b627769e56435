# SPARC V9 field encoders, checked against GNU ld's output for the same object: WDISP30 (call),
# WDISP22 (Bicc), WDISP19 (BPcc), HI22/LO10, 13, HIX22/LOX10 (written with .reloc: llvm-mc 14
# has no %hix), H44/M44/L44 (44-bit address), the full 64-bit HH22/LM22/HM10/LO10 sequence, and
# the data relocations 64, 32, DISP32, 16, 8, UA64, UA32 and DISP64. An out-of-reach branch and
# a simm13 too large are located errors.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 %s -o %t.o
# RUN: %tld -static %t.o --defsym sym=0x12345678 --defsym nsym=-0x12345 --defsym small=0x7f \
# RUN:   --defsym big=0xabcde12345 --defsym huge=0x123456789abcdef0 \
# RUN:   --defsym imm=-4096 --defsym bfar=fn -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -x .data %t | FileCheck %s --check-prefix=DATA
# RUN: not %tld -static %t.o --defsym sym=0x12345678 --defsym nsym=-0x12345 --defsym small=0x7f \
# RUN:   --defsym big=0xabcde12345 --defsym huge=0x123456789abcdef0 \
# RUN:   --defsym imm=4096 --defsym bfar=0x10000000 -o %t.bad 2>&1 | FileCheck %s --check-prefix=ERR

# CHECK:      0000000000200120 <_start>:
# CHECK-NEXT: 40 00 00 19 call 100
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 10 80 00 19 ba 25
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 12 48 00 17 bne %icc, 23
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 12 80 00 13 bne 19
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 03 04 8d 15 sethi 298261, %g1
# CHECK-NEXT: 82 10 62 78 or %g1, 632, %g1
# CHECK-NEXT: 84 00 70 00 add %g1, -4096, %g2
# CHECK-NEXT: 03 00 00 48 sethi 72, %g1
# CHECK-NEXT: 82 18 7c bb xor %g1, -837, %g1
# 0xabcde12345: %h44 0x2af37, %m44 0x212, %l44 0x345.
# CHECK-NEXT: 03 02 af 37 sethi 175927, %g1
# CHECK-NEXT: 82 10 62 12 or %g1, 530, %g1
# CHECK-NEXT: 83 28 70 0c sllx %g1, 12, %g1
# CHECK-NEXT: 82 10 63 45 or %g1, 837, %g1
# 0x123456789abcdef0: %hh 0x48d15, %lm 0x26af37, %hm 0x278, %lo 0x2f0.
# CHECK-NEXT: 03 04 8d 15 sethi 298261, %g1
# CHECK-NEXT: 05 26 af 37 sethi 2535223, %g2
# CHECK-NEXT: 82 10 62 78 or %g1, 632, %g1
# CHECK-NEXT: 84 10 a2 f0 or %g2, 752, %g2
# CHECK:      0000000000200184 <fn>:
# CHECK:      000000000020018c <far>:

# DATA:      0x00300190 12345678 9abcdef8 1234567c ffefffe8
# DATA-NEXT: 0x003001a0 007f8000 12345678 9abcdef0 12345678
# DATA-NEXT: 0x003001b0 ffefffd4 ffffffff ffefffd0

# ERR: error: {{.*}}.o:(.text+0x18): relocation R_SPARC_WDISP22 out of range: 266337992 is not in [-8388608, 8388607]; references 'bfar'
# ERR: error: {{.*}}.o:(.text+0x28): relocation R_SPARC_13 out of range: 4096 is not in [-4096, 4095]; references 'imm'

.globl _start, fn, nsym
.text
_start:
  call fn
  nop
  ba far
  nop
  bne %icc, far
  nop
  bne bfar
  nop
  sethi %hi(sym), %g1
  or %g1, %lo(sym), %g1
  add %g1, imm, %g2
  .reloc ., R_SPARC_HIX22, nsym
  sethi 0, %g1
  .reloc ., R_SPARC_LOX10, nsym
  xor %g1, 0, %g1
  sethi %h44(big), %g1
  or %g1, %m44(big), %g1
  sllx %g1, 12, %g1
  or %g1, %l44(big), %g1
  sethi %hh(huge), %g1
  sethi %lm(huge), %g2
  or %g1, %hm(huge), %g1
  or %g2, %lo(huge), %g2
  sllx %g1, 32, %g1
  or %g1, %g2, %g1
  retl
  nop

.section .text.b,"ax",@progbits
fn: retl
  nop
far: nop

.data
.xword huge + 8
.word sym + 4
.word fn - .
.half small
.byte small + 1
.byte 0
.reloc ., R_SPARC_UA64, huge
.xword 0
.reloc ., R_SPARC_UA32, sym
.word 0
.reloc ., R_SPARC_DISP32, fn
.word 0
.reloc ., R_SPARC_DISP64, fn
.xword 0
