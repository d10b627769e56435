# TLS descriptors (R_X86_64_GOTPC32_TLSDESC and TLSDESC_CALL) in a static executable relax to
# Local Exec: the lea becomes `mov $tpoff` and the indirect call a two-byte nop. No GOT is made.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: llvm-readelf -r %t.o | FileCheck %s --check-prefix=OBJ
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=LE
# RUN: llvm-readelf -S -l %t | FileCheck %s --check-prefix=LAYOUT

# OBJ: R_X86_64_GOTPC32_TLSDESC {{.*}} a - 4
# OBJ: R_X86_64_TLSDESC_CALL    {{.*}} a + 0
# OBJ: R_X86_64_GOTPC32_TLSDESC {{.*}} b - 4
# OBJ: R_X86_64_TLSDESC_CALL    {{.*}} b + 0

# TLS block [0x4021b0, 0x4021d0): TP = 0x4021d0, a = TP-32, b = TP-16.
# LAYOUT:     .tdata PROGBITS 00000000004021b0 {{[0-9a-f]+}} 000008
# LAYOUT:     .tbss  NOBITS   00000000004021c0 {{[0-9a-f]+}} 000010
# LAYOUT-NOT: .got
# LAYOUT:     TLS 0x0001b0 0x00000000004021b0 0x00000000004021b0 0x000008 0x000020 R 0x10

# LE:      0000000000401190 <_start>:
# LE-NEXT: 401190: 48 c7 c0 e0 ff ff ff movq $-32, %rax
# LE-NEXT: 401197: 66 90 nop
# LE-NEXT: 401199: 48 c7 c0 f0 ff ff ff movq $-16, %rax
# LE-NEXT: 4011a0: 66 90 nop
# LE-NEXT: 4011a2: c3 retq

.globl _start
.text
_start:
  leaq a@tlsdesc(%rip), %rax
  call *a@tlscall(%rax)
  leaq b@tlsdesc(%rip), %rax
  call *b@tlscall(%rax)
  ret

.section .tdata,"awT",@progbits
.p2align 3
a:
.quad 1

.section .tbss,"awT",@nobits
.p2align 4
b:
.zero 16
