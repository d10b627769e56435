# Two TLS variables of a shared object, for x86-gd-ie-shared.s.
.globl v, w
.section .tbss,"awT",@nobits
.p2align 2
v: .zero 4
w: .zero 4
