# General Dynamic, every call form (PLT, -fno-plt GOT call, large code model) against a variable
# of the output (a, global; loc, local) and one of a shared object (sa):
#  - executable and PIE, GD->LE for a and loc, GD->IE for sa (one TPOFF64 slot, no DTPMOD);
#  - shared object, kept, a DTPMOD64+DTPOFF64 pair per preemptible variable and DTPMOD64 alone
#    for loc, whose offset the link-editor writes into the second slot;
#  - --no-relax and -z notlsrelax, kept in an executable too.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-tls-lib.s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %tld --stats %t.o %t-lib.so -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -r -x .got %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -pie %t.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: llvm-readelf -r %t.pie | FileCheck %s --check-prefix=PIE-REL
# RUN: %tld --stats -shared %t.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS-KEPT
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -r -d -x .got %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld --stats --no-relax %t.o %t-lib.so -o %t.norelax 2>&1 | FileCheck %s --check-prefix=STATS-KEPT
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -r -x .got %t.norelax | FileCheck %s --check-prefix=KEPT-REL
# RUN: %tld -z notlsrelax %t.o %t-lib.so -o %t.notlsrelax
# RUN: llvm-objdump -d %t.notlsrelax | FileCheck %s --check-prefix=KEPT

.globl _start, a
.text
_start:
  data16 leaq a@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  data16 leaq loc@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  data16 leaq sa@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT

  data16 leaq a@tlsgd(%rip), %rdi
  data16 rex64 call *__tls_get_addr@GOTPCREL(%rip)
  data16 leaq loc@tlsgd(%rip), %rdi
  data16 rex64 call *__tls_get_addr@GOTPCREL(%rip)
  data16 leaq sa@tlsgd(%rip), %rdi
  data16 rex64 call *__tls_get_addr@GOTPCREL(%rip)

  leaq a@tlsgd(%rip), %rdi
  movabsq $__tls_get_addr@PLTOFF, %rax
  addq %rbx, %rax
  call *%rax
  leaq loc@tlsgd(%rip), %rdi
  movabsq $__tls_get_addr@PLTOFF, %rax
  addq %r15, %rax
  call *%rax
  leaq sa@tlsgd(%rip), %rdi
  movabsq $__tls_get_addr@PLTOFF, %rax
  addq %rbx, %rax
  call *%rax
  ret

.section .tdata,"awT",@progbits
.type a,@object
a: .quad 1
.section .tbss,"awT",@nobits
.p2align 4
.type loc,@object
loc: .zero 16

# STATS: tld: stats: TLS relocations: GD 9 -> IE 3, LE 6
# STATS-KEPT: tld: stats: TLS relocations: GD 9 -> GD 9

# TLS block [0x4023f0, 0x402410): TP = 0x402410, a = TP-32, loc = TP-16; sa's IE slot is at
# 0x402630.
# EXE:      0000000000401348 <_start>:
# EXE-NEXT: 401348: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 401351: 48 8d 80 e0 ff ff ff leaq -32(%rax), %rax
# EXE-NEXT: 401358: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 401361: 48 8d 80 f0 ff ff ff leaq -16(%rax), %rax
# EXE-NEXT: 401368: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 401371: 48 03 05 b8 12 00 00 addq 4792(%rip), %rax # 0x402630
# EXE-NEXT: 401378: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 401381: 48 8d 80 e0 ff ff ff leaq -32(%rax), %rax
# EXE-NEXT: 401388: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 401391: 48 8d 80 f0 ff ff ff leaq -16(%rax), %rax
# EXE-NEXT: 401398: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 4013a1: 48 03 05 88 12 00 00 addq 4744(%rip), %rax # 0x402630
# EXE-NEXT: 4013a8: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 4013b1: 66 0f 1f 44 00 00 nopw (%rax,%rax)
# EXE-NEXT: 4013b7: 48 8d 80 e0 ff ff ff leaq -32(%rax), %rax
# EXE-NEXT: 4013be: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 4013c7: 66 0f 1f 44 00 00 nopw (%rax,%rax)
# EXE-NEXT: 4013cd: 48 8d 80 f0 ff ff ff leaq -16(%rax), %rax
# EXE-NEXT: 4013d4: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 4013dd: 66 0f 1f 44 00 00 nopw (%rax,%rax)
# EXE-NEXT: 4013e3: 48 03 05 46 12 00 00 addq 4678(%rip), %rax # 0x402630
# EXE-NEXT: 4013ea: c3 retq
# EXE-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 1 entries:
# EXE-REL:      0000000000402630 0000000100000012 R_X86_64_TPOFF64 0000000000000000 sa + 0
# EXE-REL-NOT:  R_X86_64_DTPMOD64
# EXE-REL:      Hex dump of section '.got':
# EXE-REL-NEXT: 0x00402630 00000000 00000000

# The same rewrites in a PIE, with the same TP offsets.
# PIE:      0000000000001348 <_start>:
# PIE-NEXT: 1348: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 1351: 48 8d 80 e0 ff ff ff leaq -32(%rax), %rax
# PIE-NEXT: 1358: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 1361: 48 8d 80 f0 ff ff ff leaq -16(%rax), %rax
# PIE-NEXT: 1368: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 1371: 48 03 05 b8 12 00 00 addq 4792(%rip), %rax # 0x2630
# PIE-NEXT: 1378: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 1381: 48 8d 80 e0 ff ff ff leaq -32(%rax), %rax
# PIE-NEXT: 1388: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 1391: 48 8d 80 f0 ff ff ff leaq -16(%rax), %rax
# PIE-NEXT: 1398: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 13a1: 48 03 05 88 12 00 00 addq 4744(%rip), %rax # 0x2630
# PIE-NEXT: 13a8: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 13b1: 66 0f 1f 44 00 00 nopw (%rax,%rax)
# PIE-NEXT: 13b7: 48 8d 80 e0 ff ff ff leaq -32(%rax), %rax
# PIE-NEXT: 13be: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 13c7: 66 0f 1f 44 00 00 nopw (%rax,%rax)
# PIE-NEXT: 13cd: 48 8d 80 f0 ff ff ff leaq -16(%rax), %rax
# PIE-NEXT: 13d4: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 13dd: 66 0f 1f 44 00 00 nopw (%rax,%rax)
# PIE-NEXT: 13e3: 48 03 05 46 12 00 00 addq 4678(%rip), %rax # 0x2630
# PIE-NEXT: 13ea: c3 retq
# PIE-REL:     Relocation section '.rela.dyn' at offset {{.*}} contains 1 entries:
# PIE-REL:     0000000000002630 0000000100000012 R_X86_64_TPOFF64 0000000000000000 sa + 0

# Shared object: loc's pair at 0x26a0 (module id only; offset 0x10 written), a's at 0x26b0,
# sa's at 0x26c0, __tls_get_addr's GOT slot at 0x26d0.
# SO:      00000000000013b0 <_start>:
# SO-NEXT: 13b0: 66 48 8d 3d f8 12 00 00 leaq 4856(%rip), %rdi # 0x26b0
# SO-NEXT: 13b8: 66 66 48 e8 e0 ff ff ff callq 0x13a0 <__tls_get_addr@plt>
# SO-NEXT: 13c0: 66 48 8d 3d d8 12 00 00 leaq 4824(%rip), %rdi # 0x26a0
# SO-NEXT: 13c8: 66 66 48 e8 d0 ff ff ff callq 0x13a0 <__tls_get_addr@plt>
# SO-NEXT: 13d0: 66 48 8d 3d e8 12 00 00 leaq 4840(%rip), %rdi # 0x26c0
# SO-NEXT: 13d8: 66 66 48 e8 c0 ff ff ff callq 0x13a0 <__tls_get_addr@plt>
# SO-NEXT: 13e0: 66 48 8d 3d c8 12 00 00 leaq 4808(%rip), %rdi # 0x26b0
# SO-NEXT: 13e8: 66 48 ff 15 e0 12 00 00 callq *4832(%rip) # 0x26d0
# SO-NEXT: 13f0: 66 48 8d 3d a8 12 00 00 leaq 4776(%rip), %rdi # 0x26a0
# SO-NEXT: 13f8: 66 48 ff 15 d0 12 00 00 callq *4816(%rip) # 0x26d0
# SO-NEXT: 1400: 66 48 8d 3d b8 12 00 00 leaq 4792(%rip), %rdi # 0x26c0
# SO-NEXT: 1408: 66 48 ff 15 c0 12 00 00 callq *4800(%rip) # 0x26d0
# SO-NEXT: 1410: 48 8d 3d 99 12 00 00 leaq 4761(%rip), %rdi # 0x26b0
# SO-NEXT: 1417: 48 b8 c8 dc ff ff ff ff ff ff movabsq $-9016, %rax # imm = 0xDCC8
# SO-NEXT: 1421: 48 01 d8 addq %rbx, %rax
# SO-NEXT: 1424: ff d0 callq *%rax
# SO-NEXT: 1426: 48 8d 3d 73 12 00 00 leaq 4723(%rip), %rdi # 0x26a0
# SO-NEXT: 142d: 48 b8 c8 dc ff ff ff ff ff ff movabsq $-9016, %rax # imm = 0xDCC8
# SO-NEXT: 1437: 4c 01 f8 addq %r15, %rax
# SO-NEXT: 143a: ff d0 callq *%rax
# SO-NEXT: 143c: 48 8d 3d 7d 12 00 00 leaq 4733(%rip), %rdi # 0x26c0
# SO-NEXT: 1443: 48 b8 c8 dc ff ff ff ff ff ff movabsq $-9016, %rax # imm = 0xDCC8
# SO-NEXT: 144d: 48 01 d8 addq %rbx, %rax
# SO-NEXT: 1450: ff d0 callq *%rax
# SO-NEXT: 1452: c3 retq
# SO-REL-NOT:  STATIC_TLS
# SO-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 6 entries:
# SO-REL-NEXT: Offset
# SO-REL-NEXT: 00000000000026a0 0000000000000010 R_X86_64_DTPMOD64 0
# SO-REL-NEXT: 00000000000026b0 0000000400000010 R_X86_64_DTPMOD64 0000000000000000 a + 0
# SO-REL-NEXT: 00000000000026b8 0000000400000011 R_X86_64_DTPOFF64 0000000000000000 a + 0
# SO-REL-NEXT: 00000000000026c0 0000000100000010 R_X86_64_DTPMOD64 0000000000000000 sa + 0
# SO-REL-NEXT: 00000000000026c8 0000000100000011 R_X86_64_DTPOFF64 0000000000000000 sa + 0
# SO-REL-NEXT: 00000000000026d0 0000000200000006 R_X86_64_GLOB_DAT 0000000000000000 __tls_get_addr + 0
# SO-REL:      Hex dump of section '.got':
# SO-REL-NEXT: 0x000026a0 00000000 00000000 10000000 00000000
# SO-REL-NEXT: 0x000026b0 00000000 00000000 00000000 00000000
# SO-REL-NEXT: 0x000026c0 00000000 00000000 00000000 00000000

# Not relaxed, an executable keeps every sequence: GD pairs at 0x4026d0 (loc), 0x4026e0 (a) and
# 0x4026f0 (sa); the offsets of loc and a are known, only their module id is left to the loader.
# KEPT:      00000000004013e0 <_start>:
# KEPT-NEXT: 4013e0: 66 48 8d 3d f8 12 00 00 leaq 4856(%rip), %rdi # 0x4026e0
# KEPT-NEXT: 4013e8: 66 66 48 e8 e0 ff ff ff callq 0x4013d0 <__tls_get_addr@plt>
# KEPT-NEXT: 4013f0: 66 48 8d 3d d8 12 00 00 leaq 4824(%rip), %rdi # 0x4026d0
# KEPT-NEXT: 4013f8: 66 66 48 e8 d0 ff ff ff callq 0x4013d0 <__tls_get_addr@plt>
# KEPT-NEXT: 401400: 66 48 8d 3d e8 12 00 00 leaq 4840(%rip), %rdi # 0x4026f0
# KEPT-NEXT: 401408: 66 66 48 e8 c0 ff ff ff callq 0x4013d0 <__tls_get_addr@plt>
# KEPT-NEXT: 401410: 66 48 8d 3d c8 12 00 00 leaq 4808(%rip), %rdi # 0x4026e0
# KEPT-NEXT: 401418: 66 48 ff 15 e0 12 00 00 callq *4832(%rip) # 0x402700
# KEPT-NEXT: 401420: 66 48 8d 3d a8 12 00 00 leaq 4776(%rip), %rdi # 0x4026d0
# KEPT-NEXT: 401428: 66 48 ff 15 d0 12 00 00 callq *4816(%rip) # 0x402700
# KEPT-NEXT: 401430: 66 48 8d 3d b8 12 00 00 leaq 4792(%rip), %rdi # 0x4026f0
# KEPT-NEXT: 401438: 66 48 ff 15 c0 12 00 00 callq *4800(%rip) # 0x402700
# KEPT-NEXT: 401440: 48 8d 3d 99 12 00 00 leaq 4761(%rip), %rdi # 0x4026e0
# KEPT-NEXT: 401447: 48 b8 c8 dc ff ff ff ff ff ff movabsq $-9016, %rax # imm = 0xDCC8
# KEPT-NEXT: 401451: 48 01 d8 addq %rbx, %rax
# KEPT-NEXT: 401454: ff d0 callq *%rax
# KEPT-NEXT: 401456: 48 8d 3d 73 12 00 00 leaq 4723(%rip), %rdi # 0x4026d0
# KEPT-NEXT: 40145d: 48 b8 c8 dc ff ff ff ff ff ff movabsq $-9016, %rax # imm = 0xDCC8
# KEPT-NEXT: 401467: 4c 01 f8 addq %r15, %rax
# KEPT-NEXT: 40146a: ff d0 callq *%rax
# KEPT-NEXT: 40146c: 48 8d 3d 7d 12 00 00 leaq 4733(%rip), %rdi # 0x4026f0
# KEPT-NEXT: 401473: 48 b8 c8 dc ff ff ff ff ff ff movabsq $-9016, %rax # imm = 0xDCC8
# KEPT-NEXT: 40147d: 48 01 d8 addq %rbx, %rax
# KEPT-NEXT: 401480: ff d0 callq *%rax
# KEPT-NEXT: 401482: c3 retq
# KEPT-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 5 entries:
# KEPT-REL-NEXT: Offset
# KEPT-REL-NEXT: 00000000004026d0 0000000000000010 R_X86_64_DTPMOD64 0
# KEPT-REL-NEXT: 00000000004026e0 0000000000000010 R_X86_64_DTPMOD64 0
# KEPT-REL-NEXT: 00000000004026f0 0000000100000010 R_X86_64_DTPMOD64 0000000000000000 sa + 0
# KEPT-REL-NEXT: 00000000004026f8 0000000100000011 R_X86_64_DTPOFF64 0000000000000000 sa + 0
# KEPT-REL-NEXT: 0000000000402700 0000000200000006 R_X86_64_GLOB_DAT 0000000000000000 __tls_get_addr + 0
# KEPT-REL:      Hex dump of section '.got':
# KEPT-REL-NEXT: 0x004026d0 00000000 00000000 10000000 00000000
# KEPT-REL-NEXT: 0x004026e0 00000000 00000000 00000000 00000000
