# A relocation with no symbol (index 0) computes S + A with S the output's address 0, as GNU ld
# and lld compute it: in a PIE the word gets a RELATIVE relocation (tld used to write the bare
# addend, so the program read from an address the others relocate); in a static executable it
# is the addend.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: llvm-readelf -r %t.o | FileCheck %s --check-prefix=IN
# IN: 0000000000000000 0000000000000001 R_X86_64_64 17
# RUN: %tld -pie %t.o -o %t.pie
# RUN: llvm-readelf -r %t.pie | FileCheck %s --check-prefix=PIE
# PIE: R_X86_64_RELATIVE 17
# RUN: %tld -static %t.o -o %t.static
# RUN: llvm-readelf -x .data %t.static | FileCheck %s --check-prefix=STATIC
# STATIC: 17000000 00000000
.globl _start
_start: ret
.data
.reloc ., R_X86_64_64, 0x17
.quad 0
