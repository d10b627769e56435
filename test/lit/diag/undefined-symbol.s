# Each undefined symbol is reported once, listing every object that refers to it.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o
# RUN: not %tld -static %t/a.o %t/b.o -o %t/out 2>&1 | FileCheck %s

# CHECK-DAG: tld: error: undefined symbol: bar{{$}}
# CHECK-DAG: tld: error: undefined symbol: foo{{$}}
# CHECK-NOT: undefined symbol

# RUN: not %tld -static %t/a.o %t/b.o -o %t/out 2>&1 | FileCheck %s --check-prefix=REFS
# REFS:      tld: error: undefined symbol: foo
# REFS-NEXT: >>> referenced by {{.*}}a.o
# REFS-NEXT: >>> referenced by {{.*}}b.o

# A weak undefined reference is not an error.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/weak.s -o %t/weak.o
# RUN: %tld -static %t/weak.o -o %t/weak

#--- a.s
.globl _start
_start:
  call foo

#--- b.s
.globl f2
f2:
  call foo
  call bar

#--- weak.s
.weak foo
.globl _start
_start:
  call foo
