# PC-relative relocations: R_X86_64_PC32, PLT32 (to a local function: a direct call, no PLT),
# PC16, PC8 and PC64 write S + A - P.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=TEXT
# RUN: llvm-readelf -S -x .data %t | FileCheck %s --check-prefix=DATA

# TEXT:      0000000000401120 <_start>:
# TEXT-NEXT:   401120: e8 0c 00 00 00        callq 0x401131 <foo>
# TEXT-NEXT:   401125: eb 0a                 jmp 0x401131 <foo>
# TEXT-NEXT:   401127: 48 8d 05 05 10 00 00  leaq 4101(%rip), %rax # 0x402133 <data>
# TEXT-NEXT:   40112e: e3 02                 jrcxz 0x401132 <foo2>
# TEXT-NEXT:   401130: c3                    retq
# TEXT:      0000000000401131 <foo>:
# TEXT:      0000000000401132 <foo2>:
# TEXT-NOT:  .plt

# .data at 0x402133:
#   +0 PC32 foo-.         0x401131 - 0x402133          = -0x1002 -> feefffff
#   +4 PC16 foo-.+0x1000  0x402131 - 0x402137          = -6      -> faff
#   +6 PC8  near-.        0x402142 - 0x402139          = 9       -> 09
#   +7 PC64 foo-.         0x401131 - 0x40213a          = -0x1009 -> f7efffffffffffff
# DATA:      .data PROGBITS 0000000000402133 {{[0-9a-f]+}} 000010
# DATA:      Hex dump of section '.data':
# DATA-NEXT: 0x00402133 feefffff faff09f7 efffffff ffffff00

.globl _start
.text
_start:
  call foo@PLT
  jmp foo
  leaq data(%rip), %rax
  jrcxz foo2
  ret
foo:
  ret

.section .text.b,"ax"
foo2:
  ret

.data
data:
.long foo - .
.word foo - . + 0x1000
.byte near - .
.quad foo - .

.section .data.b,"aw"
near:
.byte 0
