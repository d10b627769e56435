# SPARC (32-bit) field encoders, checked against GNU ld's output for the same object: WDISP30
# (call), WDISP22 (Bicc), WDISP19 (BPcc, written with .reloc since the V8 assembler has no
# BPcc), HI22/LO10, 13 (signed simm13), HIX22/LOX10 (written with .reloc: llvm-mc 14 has no
# %hix), H44/M44/L44, and the data relocations 32, DISP32, 16, 8 and UA32. A branch whose target
# is out of reach and a simm13 too large are located errors; a displacement's range is given in
# bytes.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparc %s -o %t.o
# RUN: %tld -static %t.o --defsym sym=0x12345678 --defsym nsym=-0x12345 --defsym small=0x7f \
# RUN:   --defsym imm=-4096 --defsym bfar=fn -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -x .data %t | FileCheck %s --check-prefix=DATA
# RUN: not %tld -static %t.o --defsym sym=0x12345678 --defsym nsym=-0x12345 --defsym small=0x7f \
# RUN:   --defsym imm=4096 --defsym bfar=0x10000000 -o %t.bad 2>&1 | FileCheck %s --check-prefix=ERR

# CHECK:      000200b4 <_start>:
# CHECK-NEXT: 40 00 00 13 call 76
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 10 80 00 13 ba 19
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 12 48 00 11
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 12 80 00 0d bne 13
# CHECK-NEXT: 01 00 00 00 nop
# 0x12345678: %hi 0x48d15, %lo 0x278; %h44 0x48, %m44 0x345, %l44 0x678.
# CHECK-NEXT: 03 04 8d 15 sethi 298261, %g1
# CHECK-NEXT: 82 10 62 78 or %g1, 632, %g1
# CHECK-NEXT: 84 00 70 00 add %g1, -4096, %g2
# -0x12345: %hix = ~v >> 10 = 0x48, %lox = (v & 0x3ff) | 0x1c00 = -837.
# CHECK-NEXT: 03 00 00 48 sethi 72, %g1
# CHECK-NEXT: 82 18 7c bb xor %g1, -837, %g1
# CHECK-NEXT: 03 00 00 48 sethi 72, %g1
# CHECK-NEXT: 82 10 63 45 or %g1, 837, %g1
# CHECK-NEXT: 83 28 70 0c sllx %g1, 12, %g1
# CHECK-NEXT: 82 10 66 78 or %g1, 1656, %g1
# CHECK:      00020100 <fn>:
# CHECK:      00020108 <far>:

# .word sym+4; .word fn-. (0x20100 - 0x30110); .half small; .byte small+1; UA32 sym;
# DISP32 fn (0x20100 - 0x30120).
# DATA:      0x0003010c 1234567c fffefff0 007f8000 12345678
# DATA-NEXT: 0x0003011c fffeffe4

# ERR: error: {{.*}}.o:(.text+0x18): relocation R_SPARC_WDISP22 out of range: 268304180 is not in [-8388608, 8388607]; references 'bfar'
# ERR: error: {{.*}}.o:(.text+0x28): relocation R_SPARC_13 out of range: 4096 is not in [-4096, 4095]; references 'imm'

.globl _start, fn, nsym
.text
_start:
  call fn
  nop
  ba far
  nop
  .reloc ., R_SPARC_WDISP19, far
  .word 0x12480000
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
  sethi %h44(sym), %g1
  or %g1, %m44(sym), %g1
  sllx %g1, 12, %g1
  or %g1, %l44(sym), %g1
  retl
  nop

.section .text.b,"ax",@progbits
fn: retl
  nop
far: nop

.data
.word sym + 4
.word fn - .
.half small
.byte small + 1
.byte 0
.reloc ., R_SPARC_UA32, sym
.word 0
.reloc ., R_SPARC_DISP32, fn
.word 0
