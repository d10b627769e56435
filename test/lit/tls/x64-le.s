# Local Exec: R_X86_64_TPOFF32 in instructions and R_X86_64_TPOFF64 in data, with addends, in an
# executable, a PIE and a static executable. The values are offsets from the thread pointer (TLS
# variant II: negative); nothing is left to the loader.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld --stats %t.o -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -x .data %t.exe | FileCheck %s --check-prefix=DATA
# RUN: %tld -pie %t.o -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: llvm-readelf -x .data %t.pie | FileCheck %s --check-prefix=DATA
# RUN: %tld -static %t.o -o %t.static
# RUN: llvm-objdump -d %t.static | FileCheck %s --check-prefix=STATIC
# RUN: llvm-readelf -x .data %t.static | FileCheck %s --check-prefix=DATA

.globl _start
.text
_start:
  movl %fs:x@tpoff, %eax
  movq %fs:0, %rax
  leaq y@tpoff(%rax), %rcx
  movq $y@tpoff+8, %rdx
  movl %fs:x@tpoff+2, %r8d
  ret

.data
.quad x@tpoff
.quad y@tpoff+4

.section .tdata,"awT",@progbits
.p2align 3
x: .quad 7
.section .tbss,"awT",@nobits
.p2align 5
y: .zero 32

# STATS: tld: stats: TLS relocations: LE 6 -> LE 6

# TLS block of 0x40 bytes aligned to 32: x = TP-64, y = TP-32.
# EXE:      00000000004011c8 <_start>:
# EXE-NEXT: 4011c8: 64 8b 04 25 c0 ff ff ff movl %fs:-64, %eax
# EXE-NEXT: 4011d0: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# EXE-NEXT: 4011d9: 48 8d 88 e0 ff ff ff leaq -32(%rax), %rcx
# EXE-NEXT: 4011e0: 48 c7 c2 e8 ff ff ff movq $-24, %rdx
# EXE-NEXT: 4011e7: 64 44 8b 04 25 c2 ff ff ff movl %fs:-62, %r8d
# EXE-NEXT: 4011f0: c3 retq

# PIE:      00000000000012e0 <_start>:
# PIE-NEXT: 12e0: 64 8b 04 25 c0 ff ff ff movl %fs:-64, %eax
# PIE-NEXT: 12e8: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# PIE-NEXT: 12f1: 48 8d 88 e0 ff ff ff leaq -32(%rax), %rcx
# PIE-NEXT: 12f8: 48 c7 c2 e8 ff ff ff movq $-24, %rdx
# PIE-NEXT: 12ff: 64 44 8b 04 25 c2 ff ff ff movl %fs:-62, %r8d
# PIE-NEXT: 1308: c3 retq

# STATIC:      00000000004011c8 <_start>:
# STATIC-NEXT: 4011c8: 64 8b 04 25 c0 ff ff ff movl %fs:-64, %eax
# STATIC-NEXT: 4011d0: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# STATIC-NEXT: 4011d9: 48 8d 88 e0 ff ff ff leaq -32(%rax), %rcx
# STATIC-NEXT: 4011e0: 48 c7 c2 e8 ff ff ff movq $-24, %rdx
# STATIC-NEXT: 4011e7: 64 44 8b 04 25 c2 ff ff ff movl %fs:-62, %r8d
# STATIC-NEXT: 4011f0: c3 retq

# DATA:      Hex dump of section '.data':
# DATA-NEXT: 0x{{[0-9a-f]+}} c0ffffff ffffffff e4ffffff ffffffff
