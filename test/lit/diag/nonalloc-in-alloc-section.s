# An input section without SHF_ALLOC that goes to an allocated output section (here one named
# .data whose flags lost SHF_ALLOC, merged with an allocated .data) is loaded there, so it is
# relocated as an allocated section, as GNU ld does: the program finds its PC-relative and
# absolute words pointing at `target`. In a PIE the absolute word gets its RELATIVE relocation.
# REQUIRES: llvm-mc, run-x64
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/data.s -o %t/data-alloc.o
# RUN: %python %S/Inputs/elfpatch.py %t/data-alloc.o %t/data.o shdr:.data:sh_flags=1
# RUN: llvm-readelf -S %t/data.o | FileCheck %s --check-prefix=FLAGS
# FLAGS: .data PROGBITS {{[0-9a-f]+}} {{[0-9a-f]+}} {{[0-9a-f]+}} 00 W 0 0 1
# RUN: %tld -static %t/main.o %t/data.o -o %t/out
# RUN: %run-x64 %t/out
# RUN: %tld -pie %t/main.o %t/data.o -o %t/pie
# RUN: llvm-readelf -r %t/pie | FileCheck %s --check-prefix=PIE
# PIE: R_X86_64_RELATIVE

#--- main.s
# Exits with 0 when both words of nonalloc_data locate `target`.
.globl _start
.text
_start:
  leaq nonalloc_data(%rip), %rdi
  movslq (%rdi), %rax
  addq %rdi, %rax
  leaq target(%rip), %rcx
  xorl %edi, %edi
  cmpq %rax, %rcx
  setne %dil
  movq 8+nonalloc_data(%rip), %rax
  cmpq %rax, %rcx
  je 1f
  orl $2, %edi
1:
  movl $60, %eax
  syscall
.globl target
target:
  ret
.data
.quad 1

#--- data.s
.data
.globl nonalloc_data
nonalloc_data:
  .long target - .
  .long 0
  .quad target
