# --icf with mergeable sections: two functions that refer to equal strings of two objects' string
# sections (through a label, or the section symbol plus an addend that picks the string) fold,
# since merging makes those strings one; functions that refer to different strings do not.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o
# RUN: %tld -static --icf=all --print-icf-sections %t/a.o %t/b.o -o %t/out 2>&1 | FileCheck %s
# RUN: llvm-objdump -d --no-show-raw-insn %t/out | FileCheck %s --check-prefix=CODE

# CHECK:     tld: ICF folding section '.text.f2' in file '{{.*}}b.o' into '.text.f1' in file '{{.*}}a.o'
# CHECK-NEXT: tld: ICF folding section '.text.h2' in file '{{.*}}b.o' into '.text.h1' in file '{{.*}}a.o'
# CHECK-NOT: ICF

# One copy each of f and h, pointing at the one "same"; g1 and g2 at "x" and "y".
# CODE:      <f{{[12]}}>:
# CODE-NEXT:   leaq {{.*}} # 0x[[SAME:[0-9a-f]+]]
# CODE:      <g1>:
# CODE-NEXT:   leaq {{.*}} # 0x[[X:[0-9a-f]+]]
# CODE:      <h{{[12]}}>:
# CODE-NEXT:   movl {{.*}} # imm = 0x[[SAME]]
# CODE:      <g2>:
# CODE-NEXT:   leaq {{.*}} # 0x[[Y:[0-9a-f]+]]
# CODE-NOT:  <f{{[12]}}>:
# CODE-NOT:  <h{{[12]}}>:

#--- a.s
  .globl _start, f1, g1, h1
  .section .text._start,"ax",@progbits
_start:
  call f1
  call g1
  call h1
  ret
  .section .text.f1,"ax",@progbits
f1:
  leaq .Lsame(%rip), %rax
  ret
  .section .text.g1,"ax",@progbits
g1:
  leaq .Lx(%rip), %rax
  ret
  .section .text.h1,"ax",@progbits
h1:
  movl $.rodata.str1.1, %eax
  ret
  .section .rodata.str1.1,"aMS",@progbits,1
.Lsame: .asciz "same"
.Lx:    .asciz "x"

#--- b.s
  .globl f2, g2, h2
  .section .text.f2,"ax",@progbits
f2:
  leaq .Lsame(%rip), %rax
  ret
  .section .text.g2,"ax",@progbits
g2:
  leaq .Ly(%rip), %rax
  ret
  .section .text.h2,"ax",@progbits
h2:
  movl $.rodata.str1.1 + 2, %eax
  ret
  .section .rodata.str1.1,"aMS",@progbits,1
.Ly:    .asciz "y"
.Lsame: .asciz "same"
