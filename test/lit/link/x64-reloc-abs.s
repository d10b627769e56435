# Absolute relocations: R_X86_64_64, 32, 32S, 16 and 8 write S + A into fields of their size.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o --defsym sym=0x12345678 --defsym small=0x7f -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=TEXT
# RUN: llvm-readelf -S -x .data %t | FileCheck %s --check-prefix=DATA

# R_X86_64_32S: sym+1 sign-extended; R_X86_64_32: sym+2 zero-extended.
# TEXT:      <_start>:
# TEXT-NEXT:   48 c7 c0 79 56 34 12  movq $305419897, %rax
# TEXT-NEXT:   b8 7a 56 34 12        movl $305419898, %eax
# TEXT-NEXT:   c3                    retq

# .quad sym+0x10 = 0x12345688; .long sym+0x20 = 0x12345698; .word small+3 = 0x0082;
# .byte small+4 = 0x83; .byte small-0x90 = 0xef.
# DATA:      .data PROGBITS 00000000[[ADDR:[0-9a-f]{8}]] {{[0-9a-f]+}} 000010
# DATA:      Hex dump of section '.data':
# DATA-NEXT: 0x[[ADDR]] 88563412 00000000 98563412 820083ef

.globl _start
.text
_start:
  movq $sym+1, %rax
  movl $sym+2, %eax
  ret

.data
.quad sym + 0x10
.long sym + 0x20
.word small + 3
.byte small + 4
.byte small - 0x90
