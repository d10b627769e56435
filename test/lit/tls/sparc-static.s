# sparc TLS relaxation to Local Exec in a static executable, every relocation of each sequence
# rewritten on its own (checked against GNU ld's output for the same object; GNU ld writes a nop
# where the IE_LD load's source and destination are the same register, tld the equivalent
# `mov`). The TLS block is [0, 0x3010): a = TP-0x3010, loc = TP-0x3008, so the %hix/%lox halves
# are sethi 12 and xor -16 / -8.
#  - GD->LE: GD_HI22 keeps its sethi (now %tle_hix22), GD_LO10 becomes `xor r1,%tle_lox10,r2`,
#    GD_ADD `add %g7,r2,%o0`, GD_CALL a nop; the same with the GD_ADD in the call's delay slot;
#  - LD->LE: LDM_HI22, LDM_LO10 and LDM_ADD become nops, LDM_CALL `clr %o0` (`mov %g0,%o0`);
#    LDO_HIX22/LOX10 get the TP-relative offset and LDO_ADD (an add or a load) uses %g7;
#  - IE->LE: IE_HI22/IE_LO10 become sethi/xor of the offset, IE_LD `mov r2,r3`, IE_ADD stays;
#  - LE: TLS_LE_HIX22/LOX10.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparc %s -o %t.o
# RUN: %tld --stats -static %t.o -o %t 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -l %t | FileCheck %s --check-prefix=PHDR

# STATS: tld: stats: TLS relocations: GD 4 -> LE 4
# STATS: tld: stats: TLS relocations: LD 2 -> LE 2
# STATS: tld: stats: TLS relocations: IE 2 -> LE 2
# STATS: tld: stats: TLS relocations: LE 2 -> LE 2

# CHECK:      000200f4 <_start>:
# CHECK-NEXT: 03 00 00 0c sethi 12, %g1
# CHECK-NEXT: 82 18 7f f0 xor %g1, -16, %g1
# CHECK-NEXT: 90 01 c0 01 add %g7, %g1, %o0
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 23 00 00 0c sethi 12, %l1
# CHECK-NEXT: a4 1c 7f f8 xor %l1, -8, %l2
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 90 01 c0 12 add %g7, %l2, %o0
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 90 10 00 00 mov %g0, %o0
# CHECK-NEXT: 01 00 00 00 nop
# CHECK-NEXT: 03 00 00 0c sethi 12, %g1
# CHECK-NEXT: 82 18 7f f8 xor %g1, -8, %g1
# CHECK-NEXT: 82 01 c0 01 add %g7, %g1, %g1
# CHECK-NEXT: 05 00 00 0c sethi 12, %g2
# CHECK-NEXT: 84 18 bf f0 xor %g2, -16, %g2
# CHECK-NEXT: c6 01 c0 02 ld [%g7+%g2], %g3
# CHECK-NEXT: 03 00 00 0c sethi 12, %g1
# CHECK-NEXT: 82 18 7f f0 xor %g1, -16, %g1
# CHECK-NEXT: 82 10 00 01 mov %g1, %g1
# CHECK-NEXT: 82 01 c0 01 add %g7, %g1, %g1
# CHECK-NEXT: 03 00 00 0c sethi 12, %g1
# CHECK-NEXT: 82 18 7f f8 xor %g1, -8, %g1
# CHECK-NEXT: 82 01 c0 01 add %g7, %g1, %g1
# CHECK-NEXT: 81 c3 e0 08 retl
# CHECK-NEXT: 01 00 00 00 nop

# PHDR: TLS 0x000168 0x00030168 0x00030168 0x00004 0x03010 R 0x8

.globl _start, a
.text
_start:
  ! GD, call then nop
  sethi %tgd_hi22(a), %g1
  add %g1, %tgd_lo10(a), %g1
  add %l7, %g1, %o0, %tgd_add(a)
  call __tls_get_addr, %tgd_call(a)
  nop
  ! GD, the add in the call's delay slot
  sethi %tgd_hi22(loc), %l1
  add %l1, %tgd_lo10(loc), %l2
  call __tls_get_addr, %tgd_call(loc)
  add %l7, %l2, %o0, %tgd_add(loc)
  ! LD
  sethi %tldm_hi22(loc), %g1
  add %g1, %tldm_lo10(loc), %g1
  add %l7, %g1, %o0, %tldm_add(loc)
  call __tls_get_addr, %tldm_call(loc)
  nop
  sethi %tldo_hix22(loc), %g1
  xor %g1, %tldo_lox10(loc), %g1
  add %o0, %g1, %g1, %tldo_add(loc)
  sethi %tldo_hix22(a), %g2
  xor %g2, %tldo_lox10(a), %g2
  ld [%o0 + %g2], %g3, %tldo_add(a)
  ! IE
  sethi %tie_hi22(a), %g1
  add %g1, %tie_lo10(a), %g1
  ld [%l7 + %g1], %g1, %tie_ld(a)
  add %g7, %g1, %g1, %tie_add(a)
  ! LE
  sethi %tle_hix22(loc), %g1
  xor %g1, %tle_lox10(loc), %g1
  add %g7, %g1, %g1
  retl
  nop
.section .tdata,"awT",@progbits
.type a,@object
a: .word 1
.section .tbss,"awT",@nobits
.p2align 3
.type loc,@object
loc: .zero 8
.type pad,@object
pad: .zero 0x3000
