# sparcv9 TLS against a shared object's variable (sa) and kept sequences:
#  - executable: GD->IE for sa: GD_HI22/LO10 address sa's IE slot (R_SPARC_TLS_TPOFF64),
#    GD_ADD becomes `ldx [%l7+r2],%o0` and GD_CALL `add %g7,%o0,%o0`; with the GD_ADD in the
#    call's delay slot the load takes the call's place and the add the slot. GD of a and loc and
#    LD relax to LE; IE of sa is kept (IE_LD/IE_ADD untouched). Checked against GNU ld, which
#    orders the call-then-nop form's add and nop the other way round;
#  - shared object: everything kept, calls to __tls_get_addr through the PLT; one
#    R_SPARC_TLS_DTPMOD64+DTPOFF64 pair per preemptible variable, DTPMOD64 alone for loc with its
#    offset (8) in the second slot, DTPMOD64 for the LD module slot, R_SPARC_TLS_TPOFF64 for the IE
#    slot and DF_STATIC_TLS.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 --defsym LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 %s -o %t.o
# RUN: %tld --stats %t.o %t-lib.so -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -S -r -x .got %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld --stats -shared %t.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS-KEPT
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -S -r -d -x .got %t.so | FileCheck %s --check-prefix=SO-REL

# STATS: tld: stats: TLS relocations: GD 8 -> IE 4, LE 4
# STATS: tld: stats: TLS relocations: LD 2 -> LE 2
# STATS: tld: stats: TLS relocations: IE 2 -> IE 2
# STATS-KEPT: tld: stats: TLS relocations: GD 8 -> GD 8
# STATS-KEPT: tld: stats: TLS relocations: LD 2 -> LD 2
# STATS-KEPT: tld: stats: TLS relocations: IE 2 -> IE 2

# EXE:      0000000000200318 <_start>:
# EXE-NEXT: 03 00 00 00 sethi 0, %g1
# EXE-NEXT: 82 00 60 08 add %g1, 8, %g1
# EXE-NEXT: d0 5d c0 01 ldx [%l7+%g1], %o0
# EXE-NEXT: 90 01 c0 08 add %g7, %o0, %o0
# EXE-NEXT: 01 00 00 00 nop
# EXE-NEXT: 23 00 00 00 sethi 0, %l1
# EXE-NEXT: a4 04 60 08 add %l1, 8, %l2
# EXE-NEXT: d0 5d c0 12 ldx [%l7+%l2], %o0
# EXE-NEXT: 90 01 c0 08 add %g7, %o0, %o0
# EXE-NEXT: 23 00 00 0c sethi 12, %l1
# EXE-NEXT: a4 1c 7f f8 xor %l1, -8, %l2
# EXE-NEXT: 01 00 00 00 nop
# EXE-NEXT: 90 01 c0 12 add %g7, %l2, %o0
# EXE-NEXT: 23 00 00 0c sethi 12, %l1
# EXE-NEXT: a4 1c 7f f0 xor %l1, -16, %l2
# EXE-NEXT: 01 00 00 00 nop
# EXE-NEXT: 90 01 c0 12 add %g7, %l2, %o0
# EXE-NEXT: 01 00 00 00 nop
# EXE-NEXT: 01 00 00 00 nop
# EXE-NEXT: 90 10 00 00 mov %g0, %o0
# EXE-NEXT: 01 00 00 00 nop
# EXE-NEXT: 03 00 00 0c sethi 12, %g1
# EXE-NEXT: 82 18 7f f8 xor %g1, -8, %g1
# EXE-NEXT: 82 01 c0 01 add %g7, %g1, %g1
# EXE-NEXT: 03 00 00 00 sethi 0, %g1
# EXE-NEXT: 82 00 60 08 add %g1, 8, %g1
# EXE-NEXT: c2 5d c0 01 ldx [%l7+%g1], %g1
# EXE-NEXT: 82 01 c0 01 add %g7, %g1, %g1
# EXE-NEXT: 81 c3 e0 08 retl
# EXE-NEXT: 01 00 00 00 nop

# EXE-REL: .got PROGBITS 00000000003005c8 0005c8 000010 08
# EXE-REL: 00000000003005d0 000000010000004f R_SPARC_TLS_TPOFF64 0000000000000000 sa + 0
# EXE-REL: Hex dump of section '.got':
# EXE-REL: 0x003005c8 00000000 00300398 00000000 00000000

# SO:      00000000001003a8 <_start>:
# SO-NEXT: 03 00 00 00 sethi 0, %g1
# SO-NEXT: 82 00 60 28 add %g1, 40, %g1
# SO-NEXT: 90 05 c0 01 add %l7, %g1, %o0
# SO-NEXT: 40 08 00 dd call 2098036
# SO-NEXT: 01 00 00 00 nop
# SO-NEXT: 23 00 00 00 sethi 0, %l1
# SO-NEXT: a4 04 60 28 add %l1, 40, %l2
# SO-NEXT: 40 08 00 d9 call 2098020
# SO-NEXT: 90 05 c0 12 add %l7, %l2, %o0
# SO-NEXT: 23 00 00 00 sethi 0, %l1
# SO-NEXT: a4 04 60 08 add %l1, 8, %l2
# SO-NEXT: 40 08 00 d5 call 2098004
# SO-NEXT: 90 05 c0 12 add %l7, %l2, %o0
# SO-NEXT: 23 00 00 00 sethi 0, %l1
# SO-NEXT: a4 04 60 18 add %l1, 24, %l2
# SO-NEXT: 40 08 00 d1 call 2097988
# SO-NEXT: 90 05 c0 12 add %l7, %l2, %o0
# SO-NEXT: 03 00 00 00 sethi 0, %g1
# SO-NEXT: 82 00 60 40 add %g1, 64, %g1
# SO-NEXT: 40 08 00 cd call 2097972
# SO-NEXT: 90 05 c0 01 add %l7, %g1, %o0
# SO-NEXT: 03 00 00 00 sethi 0, %g1
# SO-NEXT: 82 18 60 08 xor %g1, 8, %g1
# SO-NEXT: 82 02 00 01 add %o0, %g1, %g1
# SO-NEXT: 03 00 00 00 sethi 0, %g1
# SO-NEXT: 82 00 60 38 add %g1, 56, %g1
# SO-NEXT: c2 5d c0 01 ldx [%l7+%g1], %g1
# SO-NEXT: 82 01 c0 01 add %g7, %g1, %g1
# SO-NEXT: 81 c3 e0 08 retl
# SO-NEXT: 01 00 00 00 nop

# SO-REL: .got PROGBITS 0000000000200658 000658 000050 08
# SO-REL: (FLAGS) STATIC_TLS
# SO-REL: 0000000000200660 000000000000004b R_SPARC_TLS_DTPMOD64 0
# SO-REL: 0000000000200670 000000040000004b R_SPARC_TLS_DTPMOD64 0000000000000000 a + 0
# SO-REL: 0000000000200678 000000040000004d R_SPARC_TLS_DTPOFF64 0000000000000000 a + 0
# SO-REL: 0000000000200680 000000010000004b R_SPARC_TLS_DTPMOD64 0000000000000000 sa + 0
# SO-REL: 0000000000200688 000000010000004d R_SPARC_TLS_DTPOFF64 0000000000000000 sa + 0
# SO-REL: 0000000000200690 000000010000004f R_SPARC_TLS_TPOFF64 0000000000000000 sa + 0
# SO-REL: 0000000000200698 000000000000004b R_SPARC_TLS_DTPMOD64 0
# SO-REL: Hex dump of section '.got':
# SO-REL: 0x00200658 00000000 00200428 00000000 00000000
# SO-REL: 0x00200668 00000000 00000008 00000000 00000000
# SO-REL: 0x00200678 00000000 00000000 00000000 00000000
# SO-REL: 0x00200688 00000000 00000000 00000000 00000000
# SO-REL: 0x00200698 00000000 00000000 00000000 00000000

.ifdef LIB
.globl sa, __tls_get_addr
.type __tls_get_addr,@function
.text
__tls_get_addr: retl
  nop
.section .tbss,"awT",@nobits
.type sa,@object
sa: .zero 4
.else
.globl _start, a
.text
_start:
  sethi %tgd_hi22(sa), %g1
  add %g1, %tgd_lo10(sa), %g1
  add %l7, %g1, %o0, %tgd_add(sa)
  call __tls_get_addr, %tgd_call(sa)
  nop
  sethi %tgd_hi22(sa), %l1
  add %l1, %tgd_lo10(sa), %l2
  call __tls_get_addr, %tgd_call(sa)
  add %l7, %l2, %o0, %tgd_add(sa)
  sethi %tgd_hi22(loc), %l1
  add %l1, %tgd_lo10(loc), %l2
  call __tls_get_addr, %tgd_call(loc)
  add %l7, %l2, %o0, %tgd_add(loc)
  sethi %tgd_hi22(a), %l1
  add %l1, %tgd_lo10(a), %l2
  call __tls_get_addr, %tgd_call(a)
  add %l7, %l2, %o0, %tgd_add(a)
  sethi %tldm_hi22(loc), %g1
  add %g1, %tldm_lo10(loc), %g1
  call __tls_get_addr, %tldm_call(loc)
  add %l7, %g1, %o0, %tldm_add(loc)
  sethi %tldo_hix22(loc), %g1
  xor %g1, %tldo_lox10(loc), %g1
  add %o0, %g1, %g1, %tldo_add(loc)
  sethi %tie_hi22(sa), %g1
  add %g1, %tie_lo10(sa), %g1
  ldx [%l7 + %g1], %g1, %tie_ldx(sa)
  add %g7, %g1, %g1, %tie_add(sa)
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
.endif
