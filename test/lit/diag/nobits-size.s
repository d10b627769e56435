# A SHT_NOBITS section whose size cannot fit in the address space is an error naming its file
# and section (the layout could only name the output section it wrapped).
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/big.s -o %t/big.o
# RUN: %python %S/Inputs/elfpatch.py %t/big.o %t/huge.o shdr:.bss:sh_size=0xfffffffffffffff8
# RUN: llvm-ar rc %t/huge.a %t/huge.o
# RUN: not %tld -static %t/main.o %t/huge.a -o %t/out 2>&1 | FileCheck %s
# CHECK: tld: error: {{.*}}huge.a(huge.o): section {{[0-9]+}} (.bss) of size 0xfffffffffffffff8 cannot fit in the address space
# RUN: not ls %t/out
# RUN: %tld -static %t/main.o %t/big.o -o %t/out

#--- main.s
.globl _start
_start:
  movq buf(%rip), %rax

#--- big.s
.bss
.globl buf
buf:
  .zero 64
