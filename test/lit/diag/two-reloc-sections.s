# A section with two relocation sections (here .rela.eh_frame retargeted at .text) is an error,
# as in lld: tld used to keep only the last one, dropping .text's own relocations, and link a
# program that crashed.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: llvm-readelf -S %t.o | FileCheck %s --check-prefix=SECS
# SECS: [ 2] .text
# RUN: %python %S/Inputs/elfpatch.py %t.o %t-two.o shdr:.rela.eh_frame:sh_info=2
# RUN: not %tld -static %t-two.o -o %t.out 2>&1 | FileCheck %s
# CHECK: tld: error: {{.*}}-two.o: section 2 (.text) has two relocation sections, {{[0-9]+}} and {{[0-9]+}}
# RUN: not ls %t.out
.globl _start
_start:
  .cfi_startproc
  leaq data(%rip), %rax
  ret
  .cfi_endproc
.data
data: .quad 1
