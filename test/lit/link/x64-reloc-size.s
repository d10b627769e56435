# R_X86_64_SIZE32 and SIZE64 give the symbol's st_size plus the addend, also for a symbol
# defined in another object.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o
# RUN: %tld -static %t/a.o %t/b.o -o %t/out
# RUN: llvm-objdump -d %t/out | FileCheck %s
# RUN: llvm-readelf -x .data %t/out | FileCheck %s --check-prefix=DATA

# CHECK:      <_start>:
# CHECK-NEXT: b8 0b 00 00 00                 movl $11, %eax
# CHECK-NEXT: 48 b8 c6 01 00 00 00 00 00 00  movabsq $454, %rax

# .long _start@SIZE = 0x10; .quad table@SIZE + 1 = 0x1c9; .long table@SIZE - 0x1c0 = 8
# DATA:      Hex dump of section '.data':
# DATA-NEXT: 10000000 c9010000 00000000 08000000

#--- a.s
.globl _start
.text
_start:
  movl $_start@SIZE - 5, %eax
  movabsq $table@SIZE - 2, %rax
  ret
.size _start, 16

.data
.long _start@SIZE
.quad table@SIZE + 1
.long table@SIZE - 0x1c0

#--- b.s
.globl table
.section .rodata,"a"
table:
.zero 0x1c8
.size table, 0x1c8
