# i386 Local Dynamic: TLS_LDM with a PLT32 call (`leal x@tlsldm(%reg),%eax; call
# ___tls_get_addr@PLT`) and with the -fno-plt call (`call *___tls_get_addr@GOT(%reg)`), and
# TLS_LDO_32 offsets after the call and in debug information.
#  - executable or PIE, LD->LE: the lea becomes `movl %gs:0,%eax` and the call a no-op of its
#    length (`nop; leal 0(%esi,%eiz,1),%esi` for 5 bytes, `leal 0(%esi),%esi` for 6); the LDO_32
#    offsets become TP-relative (a = TP-16, loc = TP-8); debug information keeps the offset in
#    the block (loc = 8);
#  - shared object and --no-relax: kept, one module slot with DTPMOD32 (no symbol), LDO_32 the
#    offsets in the block.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %tld --stats %t.o %t-lib.so -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -r -x .debug_info %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -pie %t.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: %tld --stats -shared %t.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS-KEPT
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -S -r -x .got -x .debug_info %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld --no-relax %t.o %t-lib.so -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -r %t.norelax | FileCheck %s --check-prefix=KEPT-REL
# RUN: %tld -static %t.o %t-lib.o -o %t.static
# RUN: llvm-objdump -d %t.static | FileCheck %s --check-prefix=STATIC

# STATS: tld: stats: TLS relocations: LD 2 -> LE 2
# STATS-KEPT: tld: stats: TLS relocations: LD 2 -> LD 2

# EXE:      080491f8 <_start>:
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 90                nop
# EXE-NEXT: 8d 74 26 00       leal (%esi,%eiz), %esi
# EXE-NEXT: 8d 90 f0 ff ff ff leal -16(%eax), %edx
# EXE-NEXT: 8b 88 f8 ff ff ff movl -8(%eax), %ecx
# EXE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# EXE-NEXT: 8d b6 00 00 00 00 leal (%esi), %esi
# EXE-NEXT: 8d 90 fc ff ff ff leal -4(%eax), %edx
# EXE-NEXT: c3                retl
# EXE-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 0 entries:
# EXE-REL:      Hex dump of section '.debug_info':
# EXE-REL-NEXT: 0x00000000 08000000

# PIE:      000011f8 <_start>:
# PIE-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# PIE-NEXT: 90                nop
# PIE-NEXT: 8d 74 26 00       leal (%esi,%eiz), %esi
# PIE-NEXT: 8d 90 f0 ff ff ff leal -16(%eax), %edx

# The module slot is 0x2344, ___tls_get_addr's GOT slot 0x2340; .got.plt is at 0x334c.
# SO:      000011f0 <_start>:
# SO-NEXT: 8d 83 f8 ef ff ff leal -4104(%ebx), %eax
# SO-NEXT: e8 e5 ff ff ff    calll 0x11e0 <___tls_get_addr@plt>
# SO-NEXT: 8d 90 00 00 00 00 leal (%eax), %edx
# SO-NEXT: 8b 88 08 00 00 00 movl 8(%eax), %ecx
# SO-NEXT: 8d 81 f8 ef ff ff leal -4104(%ecx), %eax
# SO-NEXT: ff 91 f4 ef ff ff calll *-4108(%ecx)
# SO-NEXT: 8d 90 0c 00 00 00 leal 12(%eax), %edx
# SO-REL:      .got     PROGBITS 00002340 000340 00000c
# SO-REL:      .got.plt PROGBITS 0000334c
# SO-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 2 entries:
# SO-REL:      00002340 00000106 R_386_GLOB_DAT 00000000 ___tls_get_addr
# SO-REL-NEXT: 00002344 00000023 R_386_TLS_DTPMOD32
# SO-REL:      Hex dump of section '.got':
# SO-REL-NEXT: 0x00002340 00000000 00000000 00000000
# SO-REL:      Hex dump of section '.debug_info':
# SO-REL-NEXT: 0x00000000 08000000

# KEPT:      08049230 <_start>:
# KEPT-NEXT: 8d 83 f8 ef ff ff leal -4104(%ebx), %eax
# KEPT-NEXT: e8 e5 ff ff ff    calll 0x8049220 <___tls_get_addr@plt>
# KEPT-NEXT: 8d 90 00 00 00 00 leal (%eax), %edx
# KEPT-NEXT: 8b 88 08 00 00 00 movl 8(%eax), %ecx
# KEPT-REL:  0804a384 00000023 R_386_TLS_DTPMOD32

# Static, with ___tls_get_addr linked in as an object: LD relaxes to LE as in the executable.
# STATIC:      080490f4 <_start>:
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 90 nop
# STATIC-NEXT: 8d 74 26 00 leal (%esi,%eiz), %esi
# STATIC-NEXT: 8d 90 f0 ff ff ff leal -16(%eax), %edx
# STATIC-NEXT: 8b 88 f8 ff ff ff movl -8(%eax), %ecx
# STATIC-NEXT: 65 a1 00 00 00 00 movl %gs:0, %eax
# STATIC-NEXT: 8d b6 00 00 00 00 leal (%esi), %esi
# STATIC-NEXT: 8d 90 fc ff ff ff leal -4(%eax), %edx


.ifdef LIB
.globl ___tls_get_addr
.type ___tls_get_addr,@function
.text
___tls_get_addr: ret
.else
.globl _start
.text
_start:
  leal a@tlsldm(%ebx), %eax
  call ___tls_get_addr@PLT
  leal a@dtpoff(%eax), %edx
  movl loc@dtpoff(%eax), %ecx

  leal a@tlsldm(%ecx), %eax
  call *___tls_get_addr@GOT(%ecx)
  leal loc@dtpoff+4(%eax), %edx
  ret
.section .tdata,"awT",@progbits
.type a,@object
a: .long 1
.section .tbss,"awT",@nobits
.p2align 3
.type loc,@object
loc: .zero 8
.section .debug_info,"",@progbits
.long loc@dtpoff
.endif
