# R_SPARC_WPLT30 (a call written with .reloc, llvm-mc 14 having no operator for it), on sparc
# and sparcv9: a call of a function of the output is direct; a call of a shared object's
# function goes to its PLT entry, the place its R_SPARC_JMP_SLOT patches.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparc --defsym LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %llvm-mc -filetype=obj -triple=sparc %s -o %t.o
# RUN: %tld %t.o %t-lib.so -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=V8
# RUN: llvm-readelf -S -r %t | FileCheck %s --check-prefix=V8-REL
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 --defsym LIB=1 %s -o %t-lib9.o
# RUN: %tld -shared -soname lib.so %t-lib9.o -o %t-lib9.so
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 %s -o %t9.o
# RUN: %tld %t9.o %t-lib9.so -o %t9
# RUN: llvm-objdump -d %t9 | FileCheck %s --check-prefix=V9
# RUN: llvm-readelf -S -r %t9 | FileCheck %s --check-prefix=V9-REL

# fn is 24 bytes on; ext's entry is 0x40348 = 0x201e4 + 4 * 32857.
# V8:      000201dc <_start>:
# V8-NEXT: 40 00 00 06 call 24
# V8-NEXT: 01 00 00 00 nop
# V8-NEXT: 40 00 80 59 call 131428
# V8:      000201f4 <fn>:
# V8-REL:  .plt PROGBITS 00040318 000318 000040
# V8-REL:  Relocation section '.rela.plt' at offset {{.*}} contains 1 entries:
# V8-REL:  00040348 00000115 R_SPARC_JMP_SLOT 00000000 ext + 0

# ext's entry is 0x4005c0 = 0x2002f0 + 4 * 524468.
# V9:      00000000002002e8 <_start>:
# V9-NEXT: 40 00 00 06 call 24
# V9-NEXT: 01 00 00 00 nop
# V9-NEXT: 40 08 00 b4 call 2097872
# V9:      0000000000200300 <fn>:
# V9-REL:  .plt PROGBITS 0000000000400540 000540 0000a0
# V9-REL:  Relocation section '.rela.plt' at offset {{.*}} contains 1 entries:
# V9-REL:  00000000004005c0 0000000100000015 R_SPARC_JMP_SLOT 0000000000000000 ext + 0

.ifdef LIB
.globl ext
.type ext,@function
.text
ext: retl
  nop
.else
.globl _start, ext
.text
_start:
  .reloc ., R_SPARC_WPLT30, fn
  .word 0x40000000
  nop
  .reloc ., R_SPARC_WPLT30, ext
  .word 0x40000000
  nop
  retl
  nop
fn: retl
  nop
.endif
