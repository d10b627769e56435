# GOTPCRELX relaxation turns a GOT load into `lea sym(%rip)` only when sym is within the 32-bit
# displacement's reach; farther away the load stays and the GOT slot holds the address (as GNU
# ld does). tld used to relax anyway and truncate the displacement, so the program computed a
# wrong address with exit status 0.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o --defsym near=0x401800 --defsym far=0x123456789000 -o %t
# RUN: llvm-objdump -d --no-show-raw-insn %t | FileCheck %s
# CHECK:      <_start>:
# CHECK-NEXT:   leaq {{.*}}(%rip), %rax {{.*}}# 0x401800
# CHECK-NEXT:   movq {{.*}}(%rip), %rcx
# RUN: llvm-readelf -x .got %t | FileCheck %s --check-prefix=GOT
# GOT: 00907856 34120000
.globl _start
_start:
  movq near@GOTPCREL(%rip), %rax
  movq far@GOTPCREL(%rip), %rcx
  ret
