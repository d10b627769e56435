# Relocation entries at an offset that is not a multiple of 8 (a malformed object) are decoded
# one by one rather than used in place through a misaligned pointer (undefined behaviour, which
# a sanitized build reports); the output is the same as from the aligned object.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %python %S/Inputs/elfpatch.py %t.o %t-odd.o misalign:.rela.text
# RUN: llvm-readelf -S %t-odd.o | FileCheck %s --check-prefix=ODD
# ODD: .rela.text RELA {{[0-9a-f]+}} {{[0-9a-f]*[13579bdf]}} 
# RUN: %tld -static %t.o -o %t.out
# RUN: %tld -static %t-odd.o -o %t-odd.out
# RUN: cmp %t.out %t-odd.out
.globl _start
_start:
  leaq data(%rip), %rax
  movq data+8(%rip), %rcx
  ret
.data
data: .quad 1, 2
