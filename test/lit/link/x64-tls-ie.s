# Initial Exec (R_X86_64_GOTTPOFF) in a static executable. Relaxed to Local Exec: `mov` becomes
# `mov $imm`, `add` becomes `lea` (or `add $imm` for %rsp and %r12, which cannot be a ModRM base
# without a SIB byte); REX.R moves to REX.B. With --no-relax the loads stay and the GOT slots hold
# the TP offsets, since nothing runs at load time to fill them.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=LE
# RUN: llvm-readelf -S -l %t | FileCheck %s --check-prefix=LAYOUT
# RUN: %tld -static --no-relax %t.o -o %t.ie
# RUN: llvm-objdump -d %t.ie | FileCheck %s --check-prefix=IE
# RUN: llvm-readelf -S -x .got %t.ie | FileCheck %s --check-prefix=GOT

# The TLS block is [0x4021d0, 0x4021f0) aligned to 16, so TP = 0x4021f0, a = TP-32, b = TP-16.
# LAYOUT: .tdata PROGBITS 00000000004021d0 {{[0-9a-f]+}} 000008
# LAYOUT: .tbss  NOBITS   00000000004021e0 {{[0-9a-f]+}} 000010
# LAYOUT: TLS 0x0001d0 0x00000000004021d0 0x00000000004021d0 0x000008 0x000020 R 0x10

# LE:      <_start>:
# LE-NEXT: 48 c7 c0 e0 ff ff ff  movq $-32, %rax
# LE-NEXT: 49 c7 c4 f0 ff ff ff  movq $-16, %r12
# LE-NEXT: 48 8d 89 e0 ff ff ff  leaq -32(%rcx), %rcx
# LE-NEXT: 4d 8d 89 f0 ff ff ff  leaq -16(%r9), %r9
# LE-NEXT: 48 81 c4 e0 ff ff ff  addq $-32, %rsp
# LE-NEXT: 49 81 c4 f0 ff ff ff  addq $-16, %r12
# LE-NEXT: 4d 8d bf e0 ff ff ff  leaq -32(%r15), %r15
# LE-NEXT: 49 c7 c0 f0 ff ff ff  movq $-16, %r8
# LE-NEXT: c3                    retq

# IE:      <_start>:
# IE-NEXT: 401190: 48 8b 05 49 10 00 00  movq 4169(%rip), %rax # 0x4021e0
# IE-NEXT: 401197: 4c 8b 25 4a 10 00 00  movq 4170(%rip), %r12 # 0x4021e8
# IE-NEXT: 40119e: 48 03 0d 3b 10 00 00  addq 4155(%rip), %rcx # 0x4021e0
# IE-NEXT: 4011a5: 4c 03 0d 3c 10 00 00  addq 4156(%rip), %r9 # 0x4021e8
# IE-NEXT: 4011ac: 48 03 25 2d 10 00 00  addq 4141(%rip), %rsp # 0x4021e0
# IE-NEXT: 4011b3: 4c 03 25 2e 10 00 00  addq 4142(%rip), %r12 # 0x4021e8
# IE-NEXT: 4011ba: 4c 03 3d 1f 10 00 00  addq 4127(%rip), %r15 # 0x4021e0
# IE-NEXT: 4011c1: 4c 8b 05 20 10 00 00  movq 4128(%rip), %r8 # 0x4021e8

# GOT:      .got PROGBITS 00000000004021e0 {{[0-9a-f]+}} 000010
# GOT:      Hex dump of section '.got':
# GOT-NEXT: 0x004021e0 e0ffffff ffffffff f0ffffff ffffffff

.globl _start
.text
_start:
  movq a@gottpoff(%rip), %rax
  movq b@gottpoff(%rip), %r12
  addq a@gottpoff(%rip), %rcx
  addq b@gottpoff(%rip), %r9
  addq a@gottpoff(%rip), %rsp
  addq b@gottpoff(%rip), %r12
  addq a@gottpoff(%rip), %r15
  movq b@gottpoff(%rip), %r8
  ret

.section .tdata,"awT",@progbits
.p2align 3
a:
.quad 1

.section .tbss,"awT",@nobits
.p2align 4
b:
.zero 16
