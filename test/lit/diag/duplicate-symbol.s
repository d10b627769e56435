# Two strong definitions of one symbol: the message names the symbol and both files. A weak
# definition beside a strong one is not an error.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/one.s -o %t/one.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/two.s -o %t/two.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/weak.s -o %t/weak.o
# RUN: not %tld -static %t/main.o %t/one.o %t/two.o -o %t/out 2>&1 | FileCheck %s
# RUN: %tld -static %t/main.o %t/one.o %t/weak.o -o %t/out

# CHECK: tld: error: duplicate symbol 'foo': defined in {{.*}}one.o and in {{.*}}two.o

#--- main.s
.globl _start
_start:
  call foo

#--- one.s
.globl foo
foo:
  ret

#--- two.s
.globl foo
foo:
  nop
  ret

#--- weak.s
.weak foo
foo:
  ud2
