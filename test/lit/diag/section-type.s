# A section of a type the gABI does not define (SHT_SHLIB, which it reserves with no meaning, 12,
# 13, or one between SHT_RELR and SHT_LOOS) is an error naming the object and the section, as in
# lld: GNU ld linked a .bss retyped SHT_SHLIB into a program that crashed.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %python %S/Inputs/elfpatch.py %t/a.o %t/shlib.o shdr:.bss:sh_type=10
# RUN: %python %S/Inputs/elfpatch.py %t/a.o %t/t13.o shdr:.bss:sh_type=13
# RUN: %python %S/Inputs/elfpatch.py %t/a.o %t/t20.o shdr:.data:sh_type=20
# RUN: not %tld -static %t/shlib.o -o %t/out 2>&1 | FileCheck %s --check-prefix=SHLIB
# SHLIB: tld: error: {{.*}}shlib.o: section {{[0-9]+}} (.bss) has type 10, which the gABI does not define
# RUN: not %tld -static %t/t13.o -o %t/out 2>&1 | FileCheck %s --check-prefix=T13
# T13: tld: error: {{.*}}t13.o: section {{[0-9]+}} (.bss) has type 13, which the gABI does not define
# RUN: llvm-ar rc %t/t20.a %t/t20.o
# RUN: not %tld -static -u data %t/t20.a -o %t/out 2>&1 | FileCheck %s --check-prefix=T20
# T20: tld: error: {{.*}}t20.a(t20.o): section {{[0-9]+}} (.data) has type 20, which the gABI does not define
# RUN: not ls %t/out
# RUN: %tld -static %t/a.o -o %t/out

#--- a.s
.globl _start, data
_start:
  ret
.data
data:
  .quad 1
.bss
  .zero 4
