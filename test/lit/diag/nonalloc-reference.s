# A section without SHF_ALLOC named like code or data (.rodata.str1.1 here) joins that output
# section (.rodata) by its name, as in GNU ld's default script, and is loaded with it when the
# output section is: the program reads its strings. One named otherwise stays out of the loaded image, and a loaded section that
# points into it is an error (there is no address to give); tld used to link the reference to
# address 0 with exit status 0.
# REQUIRES: llvm-mc, run-x64
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/str.s -o %t/str-alloc.o
# RUN: %python %S/Inputs/elfpatch.py %t/str-alloc.o %t/str.o shdr:.rodata.str1.1:sh_flags=0x30
# RUN: %tld -static %t/main.o %t/str.o -o %t/out
# RUN: %run-x64 %t/out
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/other.s -o %t/other-alloc.o
# RUN: %python %S/Inputs/elfpatch.py %t/other-alloc.o %t/other.o shdr:strings:sh_flags=0x30
# RUN: not %tld -static %t/main.o %t/other.o -o %t/out2 2>&1 | FileCheck %s
# CHECK: tld: error: {{.*}}main.o:(.text+0x{{[0-9a-f]+}}): relocation R_X86_64_PC32 refers to 'message' in section strings, which is not loaded (no SHF_ALLOC)
# RUN: not ls %t/out2

#--- main.s
# Exits with 0 when message starts with "ok".
.globl _start
_start:
  leaq message(%rip), %rsi
  xorl %edi, %edi
  cmpw $0x6b6f, (%rsi)
  setne %dil
  movl $60, %eax
  syscall
.section .rodata,"a"
.quad 1

#--- str.s
.section .rodata.str1.1,"aMS",@progbits,1
.globl message
message: .asciz "ok, loaded"

#--- other.s
.section strings,"aMS",@progbits,1
.globl message
message: .asciz "ok, loaded"
