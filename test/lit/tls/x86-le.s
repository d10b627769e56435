# i386 Local Exec: TLS_LE (`@ntpoff`) writes x - TP, negative; TLS_LE_32 (`@tpoff`) writes
# TP - x, positive. The block ends at the thread pointer, rounded up to its alignment: here
# [0, 0x20) with a at TP-32, loc at TP-16. Same values in a PIE; a shared object refuses LE.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -l %t | FileCheck %s --check-prefix=PHDR
# RUN: %tld -pie %t.o -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s
# RUN: not %tld -shared %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=ERR

# CHECK:      <_start>:
# CHECK-NEXT: 65 a1 00 00 00 00    movl %gs:0, %eax
# CHECK-NEXT: 8d 88 e0 ff ff ff    leal -32(%eax), %ecx
# CHECK-NEXT: 65 8b 15 f0 ff ff ff movl %gs:-16, %edx
# CHECK-NEXT: 65 8b 15 e4 ff ff ff movl %gs:-28, %edx
# CHECK-NEXT: 81 e8 20 00 00 00    subl $32, %eax
# CHECK-NEXT: be 10 00 00 00       movl $16, %esi
# CHECK-NEXT: c3                   retl

# PHDR: TLS 0x000120 0x0804a120 0x0804a120 0x00004 0x00020 R 0x10

# ERR: error: {{.*}}.o:(.text+0x8): relocation R_386_TLS_LE against 'a' cannot be used when making a shared object; recompile with -fPIC
# ERR: error: {{.*}}.o:(.text+0x1c): relocation R_386_TLS_LE_32 against 'a' cannot be used when making a shared object; recompile with -fPIC

.globl _start, a
.text
_start:
  movl %gs:0, %eax
  leal a@ntpoff(%eax), %ecx
  movl %gs:loc@ntpoff, %edx
  movl %gs:a@ntpoff+4, %edx
  subl $a@tpoff, %eax
  movl $loc@tpoff, %esi
  ret
.section .tdata,"awT",@progbits
.type a,@object
a: .long 1
.section .tbss,"awT",@nobits
.p2align 4
.type loc,@object
loc: .zero 16
