# i386 General Dynamic, every call form (the SIB `leal x@tlsgd(,%ebx,1)` + PLT32 call, the
# `leal x@tlsgd(%reg)` + PLT32 call + nop, and the -fno-plt `call *___tls_get_addr@GOT(%reg)`)
# against a variable of the output (a, global; loc, local) and one of a shared object (sa):
#  - executable or PIE, GD->LE for a and loc (`movl %gs:0,%eax; subl $TP-x,%eax`), GD->IE for
#    sa (`movl %gs:0,%eax; addl x@gotntpoff(%reg),%eax`, the base register the sequence used),
#    one R_386_TLS_TPOFF slot; no PLT or GOT entry for ___tls_get_addr;
#  - shared object: kept, DTPMOD32+DTPOFF32 per preemptible variable, DTPMOD32 alone for loc with
#    its offset (8) in the second slot;
#  - --no-relax: kept in an executable too, a's and loc's module ids by DTPMOD32 without symbol.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %tld --stats %t.o %t-lib.so -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -S -r -x .got %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -pie %t.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: %tld --stats -shared %t.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS-KEPT
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -S -r -x .got %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld --no-relax %t.o %t-lib.so -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -r -x .got %t.norelax | FileCheck %s --check-prefix=KEPT-REL
# RUN: %tld -static %t.o %t-lib.o -o %t.static
# RUN: llvm-objdump -d %t.static | FileCheck %s --check-prefix=STATIC

# STATS: tld: stats: TLS relocations: GD 8 -> IE 3, LE 5
# STATS-KEPT: tld: stats: TLS relocations: GD 8 -> GD 8

# TLS block [0x804a280, 0x804a290): TP = 0x804a290, a = TP-16, loc = TP-8; sa's IE slot is
# 0x804a3a0, 4100 below .got.plt.
# EXE:      08049218 <_start>:
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 81 e8 10 00 00 00 subl $16, %eax
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 81 e8 08 00 00 00 subl $8, %eax
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 03 83 fc ef ff ff addl -4100(%ebx), %eax
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 81 e8 10 00 00 00 subl $16, %eax
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 03 86 fc ef ff ff addl -4100(%esi), %eax
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 81 e8 10 00 00 00 subl $16, %eax
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 81 e8 08 00 00 00 subl $8, %eax
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 03 83 fc ef ff ff addl -4100(%ebx), %eax
# EXE-NEXT: c3                retl

# EXE-REL-NOT:  .plt
# EXE-REL:      .got     PROGBITS 0804a3a0 0003a0 000004
# EXE-REL:      .got.plt PROGBITS 0804b3a4
# EXE-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 1 entries:
# EXE-REL:      0804a3a0 0000010e R_386_TLS_TPOFF 00000000 sa
# EXE-REL:      Hex dump of section '.got':
# EXE-REL-NEXT: 0x0804a3a0 00000000

# PIE:      00001218 <_start>:
# PIE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# PIE-NEXT: 81 e8 10 00 00 00 subl $16, %eax
# PIE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# PIE-NEXT: 81 e8 08 00 00 00 subl $8, %eax
# PIE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# PIE-NEXT: 03 83 fc ef ff ff addl -4100(%ebx), %eax

# Slots: loc 0x23c8, a 0x23d0, sa 0x23d8, ___tls_get_addr 0x23e0; .got.plt at 0x33e4.
# SO:      00001240 <_start>:
# SO-NEXT: 8d 04 1d ec ef ff ff leal -4116(,%ebx), %eax
# SO-NEXT: e8 e4 ff ff ff       calll 0x1230 <___tls_get_addr@plt>
# SO-NEXT: 8d 04 1d e4 ef ff ff leal -4124(,%ebx), %eax
# SO-NEXT: e8 d8 ff ff ff       calll 0x1230 <___tls_get_addr@plt>
# SO-NEXT: 8d 04 1d f4 ef ff ff leal -4108(,%ebx), %eax
# SO-NEXT: e8 cc ff ff ff       calll 0x1230 <___tls_get_addr@plt>
# SO-NEXT: 8d 83 ec ef ff ff    leal -4116(%ebx), %eax
# SO-NEXT: e8 c1 ff ff ff       calll 0x1230 <___tls_get_addr@plt>
# SO-NEXT: 90                   nop
# SO-NEXT: 8d 86 f4 ef ff ff    leal -4108(%esi), %eax
# SO-NEXT: e8 b5 ff ff ff       calll 0x1230 <___tls_get_addr@plt>
# SO-NEXT: 90                   nop
# SO-NEXT: 8d 83 ec ef ff ff    leal -4116(%ebx), %eax
# SO-NEXT: ff 93 fc ef ff ff    calll *-4100(%ebx)
# SO-NEXT: 8d 81 e4 ef ff ff    leal -4124(%ecx), %eax
# SO-NEXT: ff 91 fc ef ff ff    calll *-4100(%ecx)
# SO-NEXT: 8d 83 f4 ef ff ff    leal -4108(%ebx), %eax
# SO-NEXT: ff 93 fc ef ff ff    calll *-4100(%ebx)

# SO-REL:      .got     PROGBITS 000023c8 0003c8 00001c
# SO-REL:      .got.plt PROGBITS 000033e4
# SO-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 6 entries:
# SO-REL:      000023c8 00000023 R_386_TLS_DTPMOD32
# SO-REL-NEXT: 000023d0 00000423 R_386_TLS_DTPMOD32 00000000 a
# SO-REL-NEXT: 000023d4 00000424 R_386_TLS_DTPOFF32 00000000 a
# SO-REL-NEXT: 000023d8 00000123 R_386_TLS_DTPMOD32 00000000 sa
# SO-REL-NEXT: 000023dc 00000124 R_386_TLS_DTPOFF32 00000000 sa
# SO-REL-NEXT: 000023e0 00000206 R_386_GLOB_DAT     00000000 ___tls_get_addr
# SO-REL:      000033f0 00000207 R_386_JUMP_SLOT 00000000 ___tls_get_addr
# SO-REL:      Hex dump of section '.got':
# SO-REL-NEXT: 0x000023c8 00000000 08000000 00000000 00000000
# SO-REL-NEXT: 0x000023d8 00000000 00000000 00000000

# KEPT:      08049260 <_start>:
# KEPT-NEXT: 8d 04 1d ec ef ff ff leal -4116(,%ebx), %eax
# KEPT-NEXT: e8 e4 ff ff ff       calll 0x8049250 <___tls_get_addr@plt>
# KEPT-REL:      0804a3e8 00000023 R_386_TLS_DTPMOD32
# KEPT-REL-NEXT: 0804a3f0 00000023 R_386_TLS_DTPMOD32
# KEPT-REL-NEXT: 0804a3f8 00000123 R_386_TLS_DTPMOD32 00000000 sa
# KEPT-REL-NEXT: 0804a3fc 00000124 R_386_TLS_DTPOFF32 00000000 sa
# KEPT-REL:      Hex dump of section '.got':
# KEPT-REL-NEXT: 0x0804a3e8 00000000 08000000 00000000 00000000

# Static, with the variable of the shared object linked in as an object: every sequence
# relaxes to LE; the block is a (TP-24), loc (TP-16), sa (TP-8).
# STATIC:      080490f4 <_start>:
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 81 e8 18 00 00 00 subl $24, %eax
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 81 e8 10 00 00 00 subl $16, %eax
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 81 e8 08 00 00 00 subl $8, %eax
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 81 e8 18 00 00 00 subl $24, %eax
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 81 e8 08 00 00 00 subl $8, %eax
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 81 e8 18 00 00 00 subl $24, %eax
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 81 e8 10 00 00 00 subl $16, %eax
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 81 e8 08 00 00 00 subl $8, %eax


.ifdef LIB
.globl sa, ___tls_get_addr
.type ___tls_get_addr,@function
.text
___tls_get_addr: ret
.section .tbss,"awT",@nobits
.type sa,@object
sa: .zero 4
.else
.globl _start, a
.text
_start:
  leal a@tlsgd(,%ebx,1), %eax
  call ___tls_get_addr@PLT
  leal loc@tlsgd(,%ebx,1), %eax
  call ___tls_get_addr@PLT
  leal sa@tlsgd(,%ebx,1), %eax
  call ___tls_get_addr@PLT

  leal a@tlsgd(%ebx), %eax
  call ___tls_get_addr@PLT
  nop
  leal sa@tlsgd(%esi), %eax
  call ___tls_get_addr@PLT
  nop

  leal a@tlsgd(%ebx), %eax
  call *___tls_get_addr@GOT(%ebx)
  leal loc@tlsgd(%ecx), %eax
  call *___tls_get_addr@GOT(%ecx)
  leal sa@tlsgd(%ebx), %eax
  call *___tls_get_addr@GOT(%ebx)
  ret
.section .tdata,"awT",@progbits
.type a,@object
a: .long 1
.section .tbss,"awT",@nobits
.p2align 3
.type loc,@object
loc: .zero 8
.endif
