# A static PIE (-pie -static --no-dynamic-linker): R_X86_64_64 against local and global symbols
# of the output becomes R_X86_64_RELATIVE in .rela.dyn, counted by DT_RELACOUNT; there is a
# PT_DYNAMIC and no PT_INTERP. An R_X86_64_32 cannot be relocated at load time and is an error.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %tld -pie -static --no-dynamic-linker %t/a.o -o %t/out
# RUN: llvm-readelf -h -S -l -r -d %t/out | FileCheck %s
# RUN: llvm-readelf -x .data %t/out | FileCheck %s --check-prefix=DATA
# RUN: llvm-objdump -d %t/out | FileCheck %s --check-prefix=TEXT

# CHECK:      Type: DYN (Shared object file)
# CHECK:      Entry point address: 0x1248
# CHECK:      .rela.dyn RELA     0000000000000218 {{[0-9a-f]+}} 000030 18
# CHECK:      .text     PROGBITS 0000000000001248
# CHECK:      .dynamic  DYNAMIC  0000000000002250
# CHECK:      .data     PROGBITS 0000000000003488
# CHECK:      Program Headers:
# CHECK-NOT:  INTERP
# CHECK:      DYNAMIC 0x000250 0x0000000000002250 0x0000000000002250
# CHECK-NOT:  INTERP
# CHECK:      Dynamic section at offset 0x250
# CHECK:      (RELA) 0x218
# CHECK:      (RELASZ) 48 (bytes)
# CHECK:      (RELAENT) 24 (bytes)
# CHECK:      (RELACOUNT) 2
# CHECK:      (FLAGS_1) PIE
# CHECK:      Relocation section '.rela.dyn' at offset 0x218 contains 2 entries:
# CHECK:      0000000000003488 0000000000000008 R_X86_64_RELATIVE 3488
# CHECK-NEXT: 0000000000003490 0000000000000008 R_X86_64_RELATIVE 1250

# The words a RELATIVE relocation fills hold 0: with RELA the value is the relocation's addend.
# DATA:      Hex dump of section '.data':
# DATA-NEXT: 0x00003488 00000000 00000000 00000000 00000000

# TEXT:      <_start>:
# TEXT-NEXT: 1248: 48 8d 05 39 22 00 00 leaq 8761(%rip), %rax # 0x3488

# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/abs32.s -o %t/abs32.o
# RUN: not %tld -pie -static --no-dynamic-linker %t/abs32.o -o %t/abs32 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ERR
# ERR: tld: error: {{.*}}abs32.o:(.text+0x1): relocation R_X86_64_32 against '_start' cannot be used when making a PIE object; recompile with -fPIC

#--- a.s
.globl _start
.text
_start:
  leaq local(%rip), %rax
  ret

.data
local:
.quad local
.quad _start + 8

#--- abs32.s
.globl _start
.text
_start:
  movl $_start, %eax
