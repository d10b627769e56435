# The TLS template (PT_TLS) is one run of sections, .tdata then .tbss, and nothing else: with
# -z norelro too (where .tbss used to follow .bss, stretching PT_TLS over .data and .bss), and
# when a TLS section's other flags would class it elsewhere (an executable .tdata used to land
# after .tbss in another segment, and the program aborted).
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t.relro
# RUN: llvm-readelf -S -l %t.relro | FileCheck %s
# RUN: %tld -static -z norelro %t.o -o %t.norelro
# RUN: llvm-readelf -S -l %t.norelro | FileCheck %s
# RUN: %python %S/../diag/Inputs/elfpatch.py %t.o %t-x.o shdr:.tdata:sh_flags=0x407
# RUN: %tld -static %t-x.o -o %t.x
# RUN: llvm-readelf -S -l %t.x | FileCheck %s

# CHECK:      .tdata PROGBITS [[#%x,TDATA:]] {{[0-9a-f]+}} 000010
# CHECK-NEXT: .tbss NOBITS {{0*}}[[#%x,TDATA+0x10]] {{[0-9a-f]+}} 000020
# CHECK:      TLS 0x{{[0-9a-f]+}} 0x{{0*}}[[#%x,TDATA]] 0x{{[0-9a-f]+}} 0x000010 0x000030 R 0x10

.globl _start
_start:
  movl %fs:a@tpoff, %eax
  movl %fs:b@tpoff, %eax
  ret
.data
.quad 1
.bss
.zero 0x1000
.section .tdata,"awT",@progbits
.p2align 4
a: .quad 1, 2
.section .tbss,"awT",@nobits
.p2align 4
b: .zero 0x20
