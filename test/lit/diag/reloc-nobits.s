# A relocation section that applies to a section without contents (SHT_NOBITS) is an error
# naming it: there are no bytes to relocate, nor, for REL targets like i386, to hold the
# addend (tld used to read it from a null pointer and crash). Found by the elf-object fuzz
# target.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: llvm-readelf -S %t.o | FileCheck %s --check-prefix=SECS
# SECS: [ 5] .bss NOBITS
# RUN: %python %S/Inputs/elfpatch.py %t.o %t-bss.o shdr:.rel.text:sh_info=5
# RUN: not %tld -shared %t-bss.o -o %t.so 2>&1 | FileCheck %s
# CHECK: tld: error: {{.*}}-bss.o:(.bss+0x1): relocation R_386_32 applies to section .bss, which has no contents (SHT_NOBITS)
# RUN: not ls %t.so
.globl f
f:
  movl data, %eax
  ret
.data
data: .long 1
.bss
.zero 16
