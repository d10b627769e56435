# Local Dynamic (R_X86_64_TLSLD with DTPOFF32/DTPOFF64) in a static executable. Relaxed, the
# __tls_get_addr call becomes a load of %fs:0 padded with data16 prefixes (three after a PLT
# call, four after the -fno-plt GOT call, and a 10-byte nop after the large-model call) and the
# DTPOFF fields become TP offsets. With --no-relax the LD slot holds module id 1 and offset 0.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=LE
# RUN: llvm-readelf -S -l %t | FileCheck %s --check-prefix=LAYOUT
# RUN: %tld -static --no-relax %t.o -o %t.ld
# RUN: llvm-objdump -d %t.ld | FileCheck %s --check-prefix=NORELAX
# RUN: llvm-readelf -S -x .got %t.ld | FileCheck %s --check-prefix=GOT

# TLS block [0x4021e0, 0x402200): TP = 0x402200, a = TP-32 (DTP+0), b = TP-16 (DTP+16).
# LAYOUT:     .tdata PROGBITS 00000000004021e0 {{[0-9a-f]+}} 000008
# LAYOUT:     .tbss  NOBITS   00000000004021f0 {{[0-9a-f]+}} 000010
# LAYOUT-NOT: .got
# LAYOUT:     TLS 0x0001e0 0x00000000004021e0 0x00000000004021e0 0x000008 0x000020 R 0x10

# LE:      0000000000401190 <_start>:
# LE-NEXT: 401190: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# LE-NEXT: 40119c: 48 8d 88 e0 ff ff ff leaq -32(%rax), %rcx
# LE-NEXT: 4011a3: 48 8b 90 f8 ff ff ff movq -8(%rax), %rdx
# LE-NEXT: 4011aa: 66 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# LE-NEXT: 4011b7: 66 66 66 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# LE-NEXT: 4011c3: 66 2e 0f 1f 84 00 00 00 00 00 nopw %cs:(%rax,%rax)
# LE-NEXT: 4011cd: 48 b8 f0 ff ff ff ff ff ff ff movabsq $-16, %rax
# LE-NEXT: 4011d7: c3 retq

# In the GOT, __tls_get_addr's slot at 0x4021f0, the LD pair at 0x4021f8; PLTOFF64 is
# __tls_get_addr - GOT = 0x4011d8 - 0x4021f0.
# NORELAX:      0000000000401190 <_start>:
# NORELAX-NEXT: 401190: 48 8d 3d 61 10 00 00 leaq 4193(%rip), %rdi # 0x4021f8
# NORELAX-NEXT: 401197: e8 3c 00 00 00 callq 0x4011d8 <__tls_get_addr>
# NORELAX-NEXT: 40119c: 48 8d 88 00 00 00 00 leaq (%rax), %rcx
# NORELAX-NEXT: 4011a3: 48 8b 90 18 00 00 00 movq 24(%rax), %rdx
# NORELAX-NEXT: 4011aa: 48 8d 3d 47 10 00 00 leaq 4167(%rip), %rdi # 0x4021f8
# NORELAX-NEXT: 4011b1: ff 15 39 10 00 00 callq *4153(%rip) # 0x4021f0
# NORELAX-NEXT: 4011b7: 48 8d 3d 3a 10 00 00 leaq 4154(%rip), %rdi # 0x4021f8
# NORELAX-NEXT: 4011be: 48 b8 e8 ef ff ff ff ff ff ff movabsq $-4120, %rax
# NORELAX-NEXT: 4011c8: 48 01 d8 addq %rbx, %rax
# NORELAX-NEXT: 4011cb: ff d0 callq *%rax
# NORELAX-NEXT: 4011cd: 48 b8 10 00 00 00 00 00 00 00 movabsq $16, %rax
# NORELAX-NEXT: 4011d7: c3 retq

# GOT:      .got PROGBITS 00000000004021f0 {{[0-9a-f]+}} 000018
# GOT:      Hex dump of section '.got':
# GOT-NEXT: 0x004021f0 d8114000 00000000 01000000 00000000
# GOT-NEXT: 0x00402200 00000000 00000000

.globl _start, __tls_get_addr
.text
_start:
  leaq b@tlsld(%rip), %rdi
  call __tls_get_addr@PLT
  leaq a@dtpoff(%rax), %rcx
  movq b@dtpoff+8(%rax), %rdx
  leaq a@tlsld(%rip), %rdi
  call *__tls_get_addr@GOTPCREL(%rip)
  leaq a@tlsld(%rip), %rdi
  movabsq $__tls_get_addr@PLTOFF, %rax
  addq %rbx, %rax
  call *%rax
  movabsq $b@dtpoff, %rax
  ret
__tls_get_addr:
  ret

.section .tdata,"awT",@progbits
.p2align 3
a:
.quad 1

.section .tbss,"awT",@nobits
.p2align 4
b:
.zero 16
