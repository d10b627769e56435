# Undefined symbols: a shared object may leave them for the loader (they become imports in
# .dynsym) unless -z defs or --no-undefined is given; an executable may not.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/und.s -o %t/und.o
# RUN: %tld -shared %t/und.o -o %t/und.so
# RUN: llvm-readelf -r --dyn-syms %t/und.so | FileCheck %s
# CHECK: R_X86_64_JUMP_SLOT 0000000000000000 missing + 0
# CHECK: NOTYPE GLOBAL DEFAULT UND missing
# RUN: not %tld -shared -z defs %t/und.o -o %t/defs.so 2>&1 | FileCheck %s --check-prefix=ERR
# RUN: not %tld -shared --no-undefined %t/und.o -o %t/defs.so 2>&1 | FileCheck %s --check-prefix=ERR
# RUN: not %tld %t/und.o -o %t/exe 2>&1 | FileCheck %s --check-prefix=ERR
# ERR:      tld: error: undefined symbol: missing
# ERR-NEXT: >>> referenced by {{.*}}und.o

## A weak undefined reference is no error anywhere.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/weak.s -o %t/weak.o
# RUN: %tld -shared -z defs %t/weak.o -o %t/weak.so
# RUN: llvm-readelf --dyn-syms %t/weak.so | FileCheck %s --check-prefix=WEAK
# WEAK: NOTYPE WEAK DEFAULT UND maybe

## A shared input built for another machine is rejected by name.
# RUN: %llvm-mc -filetype=obj -triple=i386 %t/g.s -o %t/g32.o
# RUN: %tld -m elf_i386 -shared %t/g32.o -o %t/lib32.so
# RUN: not %tld -shared %t/und.o %t/lib32.so -o %t/mixed.so 2>&1 | FileCheck %s --check-prefix=MACHINE
# MACHINE: tld: error: {{.*}}lib32.so: machine 3 (ELF32, little-endian) does not match the output target x64

#--- und.s
.globl foo
.text
foo: call missing@PLT

#--- weak.s
.weak maybe
.globl foo
.text
foo: movq maybe@GOTPCREL(%rip), %rax

#--- g.s
.globl g
.text
g: ret
