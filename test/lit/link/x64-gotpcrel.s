# R_X86_64_GOTPCREL, GOTPCRELX and REX_GOTPCRELX in a static executable. With relaxation the
# GOTPCRELX forms lose their GOT load: mov -> lea, call * -> addr32 call, jmp * -> nop; jmp.
# A plain GOTPCREL is never rewritten. With --no-relax every form stays a GOT load.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: llvm-readelf -r %t.o | FileCheck %s --check-prefix=OBJ
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=RELAX
# RUN: llvm-readelf -S -x .got %t | FileCheck %s --check-prefix=GOT
# RUN: %tld -static --no-relax %t.o -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=NORELAX
# RUN: llvm-readelf -S -x .got %t.norelax | FileCheck %s --check-prefix=GOT

# OBJ: R_X86_64_REX_GOTPCRELX {{.*}} foo - 4
# OBJ: R_X86_64_REX_GOTPCRELX {{.*}} foo - 4
# OBJ: R_X86_64_GOTPCRELX     {{.*}} foo - 4
# OBJ: R_X86_64_GOTPCRELX     {{.*}} foo - 4
# OBJ: R_X86_64_GOTPCRELX     {{.*}} foo - 4
# OBJ: R_X86_64_GOTPCREL      {{.*}} bar - 4

# RELAX:      <_start>:
# RELAX-NEXT: 401190: 48 8d 05 20 00 00 00  leaq 32(%rip), %rax # 0x4011b7 <foo>
# RELAX-NEXT: 401197: 4c 8d 0d 19 00 00 00  leaq 25(%rip), %r9 # 0x4011b7 <foo>
# RELAX-NEXT: 40119e: 8d 0d 13 00 00 00     leal 19(%rip), %ecx # 0x4011b7 <foo>
# RELAX-NEXT: 4011a4: 67 e8 0d 00 00 00     callq 0x4011b7 <foo>
# RELAX-NEXT: 4011aa: 90                    nop
# RELAX-NEXT: 4011ab: e9 07 00 00 00        jmp 0x4011b7 <foo>
# RELAX-NEXT: 4011b0: 48 8b 05 09 10 00 00  movq 4105(%rip), %rax # 0x4021c0

# NORELAX:      <_start>:
# NORELAX-NEXT: 401190: 48 8b 05 21 10 00 00  movq 4129(%rip), %rax # 0x4021b8
# NORELAX-NEXT: 401197: 4c 8b 0d 1a 10 00 00  movq 4122(%rip), %r9 # 0x4021b8
# NORELAX-NEXT: 40119e: 8b 0d 14 10 00 00     movl 4116(%rip), %ecx # 0x4021b8
# NORELAX-NEXT: 4011a4: ff 15 0e 10 00 00     callq *4110(%rip) # 0x4021b8
# NORELAX-NEXT: 4011aa: ff 25 08 10 00 00     jmpq *4104(%rip) # 0x4021b8
# NORELAX-NEXT: 4011b0: 48 8b 05 09 10 00 00  movq 4105(%rip), %rax # 0x4021c0

# The slots hold the link-time addresses: foo = 0x4011b7, bar = .data + 8 = 0x4031d0.
# GOT:      .got  PROGBITS 00000000004021b8 {{[0-9a-f]+}} 000010
# GOT:      .data PROGBITS 00000000004031c8
# GOT:      Hex dump of section '.got':
# GOT-NEXT: 0x004021b8 b7114000 00000000 d0314000 00000000

.globl _start, bar
.text
_start:
  movq foo@GOTPCREL(%rip), %rax
  movq foo@GOTPCREL(%rip), %r9
  movl foo@GOTPCREL(%rip), %ecx
  call *foo@GOTPCREL(%rip)
  jmp *foo@GOTPCREL(%rip)
# The assembler always picks a relaxable type; spell the old one out.
  .reloc .+3, R_X86_64_GOTPCREL, bar-4
  .byte 0x48, 0x8b, 0x05, 0, 0, 0, 0
foo:
  ret

.data
.quad 0
bar:
.quad 0
