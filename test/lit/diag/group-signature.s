# A COMDAT group whose signature symbol is a section symbol names the group by that section's
# name; when the section is section 0, whose name nothing else checks, a bad name offset is an
# error rather than a null name (the link used to crash). Found by the elf-object fuzz target.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %python %S/Inputs/elfpatch.py %t.o %t-bad.o sym:f:st_info=0x13 sym:f:st_shndx=0 shdr:0:sh_name=0xffffff
# RUN: not %tld -static %t-bad.o -o %t.out 2>&1 | FileCheck %s
# CHECK: tld: error: {{.*}}-bad.o: group section {{[0-9]+}}: bad signature name
# RUN: not ls %t.out
.globl _start
_start: call f
.section .text.f,"axG",@progbits,f,comdat
.globl f
f: ret
