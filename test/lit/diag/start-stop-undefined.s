# __start_SEC and __stop_SEC with no output section SEC are undefined; the message names the
# object that refers to the symbol, as every undefined-symbol message does.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: not %tld -static %t.o -o %t.out 2>&1 | FileCheck %s
# CHECK:      tld: error: undefined symbol: __start_foo (no output section named foo)
# CHECK-NEXT: >>> referenced by {{.*}}start-stop-undefined.s.tmp.o
.globl _start
_start:
  movq __start_foo(%rip), %rax
