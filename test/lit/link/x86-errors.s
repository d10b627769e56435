# i386 relocation types tld does not implement are located errors: the Sun GD form
# R_386_TLS_GD_32 and the absolute PLT address R_386_32PLT.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: not %tld -static %t.o -o %t 2>&1 | FileCheck %s

# CHECK: error: {{.*}}.o:(.text+0x0): relocation R_386_TLS_GD_32 is not supported; references 'x'
# CHECK: error: {{.*}}.o:(.text+0x4): relocation R_386_32PLT is not supported; references '_start'

.globl _start
.text
_start:
  .reloc ., R_386_TLS_GD_32, x
  .long 0
  .reloc ., R_386_32PLT, _start
  .long 0
  ret

.section .tdata,"awT",@progbits
x: .long 0
