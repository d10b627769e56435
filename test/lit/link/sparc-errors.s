# SPARC relocation types tld does not implement are located errors: R_SPARC_PLT32 (an absolute
# PLT address) on sparc, R_SPARC_PLT64 on sparcv9.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparc %s -o %t.o
# RUN: not %tld -static %t.o -o %t 2>&1 | FileCheck %s
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 --defsym V9=1 %s -o %t9.o
# RUN: not %tld -static %t9.o -o %t9 2>&1 | FileCheck %s --check-prefix=V9

# CHECK: error: {{.*}}.o:(.text+0x4): relocation R_SPARC_PLT32 is not supported; references '_start'
# V9:    error: {{.*}}9.o:(.text+0x4): relocation R_SPARC_PLT64 is not supported; references '_start'

.globl _start
.text
_start:
  nop
.ifdef V9
  .reloc ., R_SPARC_PLT64, _start
  .xword 0
.else
  .reloc ., R_SPARC_PLT32, _start
  .word 0
.endif
