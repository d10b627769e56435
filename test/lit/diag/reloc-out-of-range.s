# A PC-relative field that cannot reach its target reports the location, the type, the value,
# the range and the symbol. Here S + A - P = 0x123456789 - 4 - 0x401123.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: not %tld -static %t.o --defsym foo=0x123456789 --defsym big=0 --defsym byte=0 -o %t.out 2>&1 | FileCheck %s
# CHECK: tld: error: {{.*}}.o:(.text+0x3): relocation R_X86_64_PC32 out of range: 4882519650 is not in [-2147483648, 2147483647]; references 'foo'

# In range it links.
# RUN: %tld -static %t.o --defsym foo=0x12345678 --defsym big=0xffffffff --defsym byte=0xff -o %t.out

# R_X86_64_32 must zero-extend, R_X86_64_8 fit a byte.
# RUN: not %tld -static %t.o --defsym foo=0x12345678 --defsym big=0x100000000 --defsym byte=0 -o %t.out 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ABS32
# ABS32: tld: error: {{.*}}.o:(.data+0x0): relocation R_X86_64_32 out of range: 4294967296 is not in [0, 4294967295]; references 'big'
# RUN: not %tld -static %t.o --defsym foo=0x12345678 --defsym big=0 --defsym byte=0x1ff -o %t.out 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ABS8
# ABS8: tld: error: {{.*}}.o:(.data+0x4): relocation R_X86_64_8 out of range: 511 is not in [-128, 255]; references 'byte'

.globl _start
.text
_start:
  leaq foo(%rip), %rax
  ret

.data
.long big
.byte byte
