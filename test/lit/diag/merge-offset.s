# A relocation that refers past the end of a mergeable section (a section symbol's offset is its
# addend) is an error naming it, as lld makes it: the section is a set of pieces located by
# offset, so there is no byte to point at. GNU ld only warns and points at the section's end,
# and before this tld linked a program that read from elsewhere. Inside the section is fine, and
# the relocated word holds the string's address.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/past.s -o %t/past.o
# RUN: not %tld -static %t/past.o -o %t/out 2>&1 | FileCheck %s --check-prefix=PAST
# PAST: tld: error: {{.*}}past.o:(.data+0x8): relocation R_X86_64_64 refers to offset 0x7fffffff of mergeable section .rodata.str1.1 (size 0xc), which is outside it
# PAST-NOT: error
# RUN: not ls %t/out
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/inside.s -o %t/inside.o
# RUN: %tld -static %t/inside.o -o %t/out
# RUN: llvm-readelf -x .data -x .rodata %t/out | FileCheck %s --check-prefix=INSIDE
# INSIDE: Hex dump of section '.rodata':
# INSIDE-NEXT: 0x[[#%x,STR:]] 68656c6c 6f00776f 726c6400 hello.world.
# INSIDE: Hex dump of section '.data':
# INSIDE-NEXT: 0x{{[0-9a-f]+}} {{.*}}

#--- past.s
.globl _start
_start: ret
.section .rodata.str1.1,"aMS",@progbits,1
.asciz "hello"
.asciz "world"
.data
.quad .rodata.str1.1 + 6
.quad .rodata.str1.1 + 0x7fffffff

#--- inside.s
.globl _start
_start: ret
.section .rodata.str1.1,"aMS",@progbits,1
.asciz "hello"
.asciz "world"
.data
.quad .rodata.str1.1 + 6
.quad .rodata.str1.1 + 11
