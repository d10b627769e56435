# Two TLS variables of a shared object, for x64-gd-ie-shared.s.
.globl v, w
.section .tbss,"awT",@nobits
.p2align 3
v: .zero 8
w: .zero 8
