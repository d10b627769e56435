# Local Dynamic, every call form (PLT, -fno-plt GOT call, large code model), with 32-bit
# (x@dtpoff in a displacement, R_X86_64_DTPOFF32) and 64-bit (movabs, R_X86_64_DTPOFF64) offsets,
# addends kept:
#  - executable and PIE, LD->LE: the call becomes a load of %fs:0 padded with data16 prefixes
#    (and a 10-byte nop for the large model), the offsets become TP-relative, no GOT slot;
#  - shared object, kept: one module slot for all three sequences, DTPMOD64 against no symbol,
#    the offsets DTP-relative;
#  - --no-relax and -z notlsrelax, kept in an executable too.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-tls-lib.s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 --stats %t.o %t-lib.so -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -r -S %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -pie %t.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: %tld -static %t.o -o %t.static
# RUN: llvm-objdump -d %t.static | FileCheck %s --check-prefix=STATIC
# RUN: %tld --stats -shared %t.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS-KEPT
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -r -d -x .got %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 --no-relax %t.o %t-lib.so -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -r %t.norelax | FileCheck %s --check-prefix=KEPT-REL
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -z notlsrelax %t.o %t-lib.so -o %t.notlsrelax
# RUN: llvm-objdump -d %t.notlsrelax | FileCheck %s --check-prefix=KEPT

.globl _start, y
.hidden y
.text
_start:
  leaq x@tlsld(%rip), %rdi
  call __tls_get_addr@PLT
  leaq x@dtpoff(%rax), %rcx
  movq y@dtpoff+4(%rax), %rdx

  leaq x@tlsld(%rip), %rdi
  call *__tls_get_addr@GOTPCREL(%rip)
  movl y@dtpoff(%rax), %edx

  leaq y@tlsld(%rip), %rdi
  movabsq $__tls_get_addr@PLTOFF, %rax
  addq %rbx, %rax
  call *%rax
  movabsq $y@dtpoff, %rdx
  movabsq $x@dtpoff+8, %rdx
  ret

.section .tbss,"awT",@nobits
.p2align 4
x: .zero 16
y: .zero 8

# STATS: tld: stats: TLS relocations: LD 3 -> LE 3
# STATS-KEPT: tld: stats: TLS relocations: LD 3 -> LD 3

# TLS block [0x402360, 0x402380): x = TP-32, y = TP-16.
# EXE:      0000000000401308 <_start>:
# EXE-NEXT: 401308: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 401314: 48 8d 88 e0 ff ff ff leaq -32(%rax), %rcx
# EXE-NEXT: 40131b: 48 8b 90 f4 ff ff ff movq -12(%rax), %rdx
# EXE-NEXT: 401322: 66 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 40132f: 8b 90 f0 ff ff ff movl -16(%rax), %edx
# EXE-NEXT: 401335: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 401341: 66 2e 0f 1f 84 00 00 00 00 00 nopw %cs:(%rax,%rax)
# EXE-NEXT: 40134b: 48 ba f0 ff ff ff ff ff ff ff movabsq $-16, %rdx
# EXE-NEXT: 401355: 48 ba e8 ff ff ff ff ff ff ff movabsq $-24, %rdx
# EXE-NEXT: 40135f: c3 retq
# EXE-REL-NOT: {{\] \.got }}
# EXE-REL:     Relocation section '.rela.dyn' at offset {{.*}} contains 0 entries:

# PIE:      0000000000001308 <_start>:
# PIE-NEXT: 1308: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 1314: 48 8d 88 e0 ff ff ff leaq -32(%rax), %rcx
# PIE-NEXT: 131b: 48 8b 90 f4 ff ff ff movq -12(%rax), %rdx
# PIE-NEXT: 1322: 66 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 132f: 8b 90 f0 ff ff ff movl -16(%rax), %edx
# PIE-NEXT: 1335: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 1341: 66 2e 0f 1f 84 00 00 00 00 00 nopw %cs:(%rax,%rax)
# PIE-NEXT: 134b: 48 ba f0 ff ff ff ff ff ff ff movabsq $-16, %rdx
# PIE-NEXT: 1355: 48 ba e8 ff ff ff ff ff ff ff movabsq $-24, %rdx
# PIE-NEXT: 135f: c3 retq

# A static executable: TLS block [0x4021f0, 0x402210), the same offsets.
# STATIC:      0000000000401190 <_start>:
# STATIC-NEXT: 401190: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# STATIC-NEXT: 40119c: 48 8d 88 e0 ff ff ff leaq -32(%rax), %rcx
# STATIC-NEXT: 4011a3: 48 8b 90 f4 ff ff ff movq -12(%rax), %rdx
# STATIC-NEXT: 4011aa: 66 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# STATIC-NEXT: 4011b7: 8b 90 f0 ff ff ff movl -16(%rax), %edx
# STATIC-NEXT: 4011bd: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# STATIC-NEXT: 4011c9: 66 2e 0f 1f 84 00 00 00 00 00 nopw %cs:(%rax,%rax)
# STATIC-NEXT: 4011d3: 48 ba f0 ff ff ff ff ff ff ff movabsq $-16, %rdx
# STATIC-NEXT: 4011dd: 48 ba e8 ff ff ff ff ff ff ff movabsq $-24, %rdx
# STATIC-NEXT: 4011e7: c3 retq

# Shared object: the module slot is at 0x25a8 (x = DTP+0, y = DTP+16); 0x25a0 is
# __tls_get_addr's GOT slot.
# SO:      0000000000001310 <_start>:
# SO-NEXT: 1310: 48 8d 3d 91 12 00 00 leaq 4753(%rip), %rdi # 0x25a8
# SO-NEXT: 1317: e8 e4 ff ff ff callq 0x1300 <__tls_get_addr@plt>
# SO-NEXT: 131c: 48 8d 88 00 00 00 00 leaq (%rax), %rcx
# SO-NEXT: 1323: 48 8b 90 14 00 00 00 movq 20(%rax), %rdx
# SO-NEXT: 132a: 48 8d 3d 77 12 00 00 leaq 4727(%rip), %rdi # 0x25a8
# SO-NEXT: 1331: ff 15 69 12 00 00 callq *4713(%rip) # 0x25a0
# SO-NEXT: 1337: 8b 90 10 00 00 00 movl 16(%rax), %edx
# SO-NEXT: 133d: 48 8d 3d 64 12 00 00 leaq 4708(%rip), %rdi # 0x25a8
# SO-NEXT: 1344: 48 b8 48 dd ff ff ff ff ff ff movabsq $-8888, %rax # imm = 0xDD48
# SO-NEXT: 134e: 48 01 d8 addq %rbx, %rax
# SO-NEXT: 1351: ff d0 callq *%rax
# SO-NEXT: 1353: 48 ba 10 00 00 00 00 00 00 00 movabsq $16, %rdx
# SO-NEXT: 135d: 48 ba 08 00 00 00 00 00 00 00 movabsq $8, %rdx
# SO-NEXT: 1367: c3 retq
# SO-REL-NOT:  STATIC_TLS
# SO-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 2 entries:
# SO-REL-NEXT: Offset
# SO-REL-NEXT: 00000000000025a0 0000000100000006 R_X86_64_GLOB_DAT 0000000000000000 __tls_get_addr + 0
# SO-REL-NEXT: 00000000000025a8 0000000000000010 R_X86_64_DTPMOD64 0
# SO-REL:      Hex dump of section '.got':
# SO-REL-NEXT: 0x000025a0 00000000 00000000 00000000 00000000
# SO-REL-NEXT: 0x000025b0 00000000 00000000

# KEPT:      0000000000401370 <_start>:
# KEPT-NEXT: 401370: 48 8d 3d 91 12 00 00 leaq 4753(%rip), %rdi # 0x402608
# KEPT-NEXT: 401377: e8 e4 ff ff ff callq 0x401360 <__tls_get_addr@plt>
# KEPT-NEXT: 40137c: 48 8d 88 00 00 00 00 leaq (%rax), %rcx
# KEPT-NEXT: 401383: 48 8b 90 14 00 00 00 movq 20(%rax), %rdx
# KEPT-NEXT: 40138a: 48 8d 3d 77 12 00 00 leaq 4727(%rip), %rdi # 0x402608
# KEPT-NEXT: 401391: ff 15 69 12 00 00 callq *4713(%rip) # 0x402600
# KEPT-NEXT: 401397: 8b 90 10 00 00 00 movl 16(%rax), %edx
# KEPT-NEXT: 40139d: 48 8d 3d 64 12 00 00 leaq 4708(%rip), %rdi # 0x402608
# KEPT-NEXT: 4013a4: 48 b8 48 dd ff ff ff ff ff ff movabsq $-8888, %rax # imm = 0xDD48
# KEPT-NEXT: 4013ae: 48 01 d8 addq %rbx, %rax
# KEPT-NEXT: 4013b1: ff d0 callq *%rax
# KEPT-NEXT: 4013b3: 48 ba 10 00 00 00 00 00 00 00 movabsq $16, %rdx
# KEPT-NEXT: 4013bd: 48 ba 08 00 00 00 00 00 00 00 movabsq $8, %rdx
# KEPT-NEXT: 4013c7: c3 retq
# KEPT-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 2 entries:
# KEPT-REL-NEXT: Offset
# KEPT-REL-NEXT: 0000000000402600 0000000100000006 R_X86_64_GLOB_DAT 0000000000000000 __tls_get_addr + 0
# KEPT-REL-NEXT: 0000000000402608 0000000000000010 R_X86_64_DTPMOD64 0
