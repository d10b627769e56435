# General Dynamic (R_X86_64_TLSGD) in a static executable. Relaxed, each of the three call forms
# (PLT call, -fno-plt GOT call, large-model PLTOFF64 call) becomes a Local Exec sequence of the
# same length and the __tls_get_addr relocation is consumed. With --no-relax the sequences stay
# and each GD pair in the GOT holds module id 1 and the variable's offset in the TLS block.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=LE
# RUN: llvm-readelf -S -l %t | FileCheck %s --check-prefix=LAYOUT
# RUN: %tld -static --no-relax %t.o -o %t.gd
# RUN: llvm-objdump -d %t.gd | FileCheck %s --check-prefix=NORELAX
# RUN: llvm-readelf -S -x .got %t.gd | FileCheck %s --check-prefix=GOT

# TLS block [0x4021d0, 0x4021f0): TP = 0x4021f0, a = TP-32, b = TP-16.
# LAYOUT:     .tdata PROGBITS 00000000004021d0 {{[0-9a-f]+}} 000008
# LAYOUT:     .tbss  NOBITS   00000000004021e0 {{[0-9a-f]+}} 000010
# LAYOUT-NOT: .got
# LAYOUT:     TLS 0x0001d0 0x00000000004021d0 0x00000000004021d0 0x000008 0x000020 R 0x10

# LE:      0000000000401190 <_start>:
# LE-NEXT: 401190: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# LE-NEXT: 401199: 48 8d 80 e0 ff ff ff leaq -32(%rax), %rax
# LE-NEXT: 4011a0: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# LE-NEXT: 4011a9: 48 8d 80 f0 ff ff ff leaq -16(%rax), %rax
# LE-NEXT: 4011b0: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# LE-NEXT: 4011b9: 66 0f 1f 44 00 00 nopw (%rax,%rax)
# LE-NEXT: 4011bf: 48 8d 80 e0 ff ff ff leaq -32(%rax), %rax
# LE-NEXT: 4011c6: c3 retq

# In the GOT, a's pair at 0x4021e0, b's at 0x4021f0, __tls_get_addr's slot at 0x402200; PLTOFF64 is
# __tls_get_addr - GOT = 0x4011c7 - 0x4021e0.
# NORELAX:      0000000000401190 <_start>:
# NORELAX-NEXT: 401190: 66 48 8d 3d 48 10 00 00 leaq 4168(%rip), %rdi # 0x4021e0
# NORELAX-NEXT: 401198: 66 66 48 e8 27 00 00 00 callq 0x4011c7 <__tls_get_addr>
# NORELAX-NEXT: 4011a0: 66 48 8d 3d 48 10 00 00 leaq 4168(%rip), %rdi # 0x4021f0
# NORELAX-NEXT: 4011a8: 66 48 ff 15 50 10 00 00 callq *4176(%rip) # 0x402200
# NORELAX-NEXT: 4011b0: 48 8d 3d 29 10 00 00 leaq 4137(%rip), %rdi # 0x4021e0
# NORELAX-NEXT: 4011b7: 48 b8 e7 ef ff ff ff ff ff ff movabsq $-4121, %rax
# NORELAX-NEXT: 4011c1: 4c 01 f8 addq %r15, %rax
# NORELAX-NEXT: 4011c4: ff d0 callq *%rax
# NORELAX-NEXT: 4011c6: c3 retq

# GOT:      .got PROGBITS 00000000004021e0 {{[0-9a-f]+}} 000028
# GOT:      Hex dump of section '.got':
# GOT-NEXT: 0x004021e0 01000000 00000000 00000000 00000000
# GOT-NEXT: 0x004021f0 01000000 00000000 10000000 00000000
# GOT-NEXT: 0x00402200 c7114000 00000000

.globl _start, __tls_get_addr
.text
_start:
  data16 leaq a@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  data16 leaq b@tlsgd(%rip), %rdi
  data16 rex64 call *__tls_get_addr@GOTPCREL(%rip)
  leaq a@tlsgd(%rip), %rdi
  movabsq $__tls_get_addr@PLTOFF, %rax
  addq %r15, %rax
  call *%rax
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
