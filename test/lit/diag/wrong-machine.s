# An i386 object cannot join an x86-64 link; the message names the file and both machines.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=i386 %t/foo.s -o %t/foo32.o
# RUN: not %tld -static %t/main.o %t/foo32.o -o %t/out 2>&1 | FileCheck %s
# RUN: not %tld -m elf_x86_64 -static %t/foo32.o -o %t/out 2>&1 | FileCheck %s

# CHECK: tld: error: {{.*}}foo32.o: machine 3 (ELF32, little-endian) does not match the output target x64

#--- main.s
.globl _start
_start:
  call foo

#--- foo.s
.globl foo
foo:
  ret
