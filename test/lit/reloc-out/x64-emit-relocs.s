# --emit-relocs in a final link: the inputs' relocations of every allocated section are kept as
# .rela.<section>, at output addresses, naming the output .symtab's symbols; a reference through
# a section symbol or a dropped assembler label names symbol 0 with the target address as its
# addend; an FDE dropped with a discarded COMDAT copy leaves no relocation behind.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %S/x64-sections.s -o %t1.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-second.s -o %t2.o
# RUN: echo '.globl undef_fn; undef_fn: ret; .section .note.GNU-stack,"",@progbits' > %t3.s
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t3.s -o %t3.o
# RUN: %tld -static --emit-relocs %t1.o %t2.o %t3.o -o %t
# RUN: llvm-readelf -S -r -s %t | FileCheck %s
# The program itself is the same as without the option.
# RUN: %tld -static %t1.o %t2.o %t3.o -o %t.plain
# RUN: llvm-readelf -x .text -x .data -x .eh_frame %t > %t.dump
# RUN: llvm-readelf -x .text -x .data -x .eh_frame %t.plain > %t.plain.dump
# RUN: diff %t.dump %t.plain.dump

# CHECK:      [ 1] .text
# CHECK:      [ 9] .symtab
# CHECK:      [12] .rela.text        RELA {{.*}} 0000c0 18   I  9   1  8
# CHECK-NEXT: [13] .rela.eh_frame    RELA {{.*}} 000048 18   I  9   4  8
# CHECK-NEXT: [14] .rela.data        RELA {{.*}} 000030 18   I  9   7  8

# CHECK:      Relocation section '.rela.text' {{.*}} contains 8 entries:
# CHECK:      0000000000401239  {{.*}} R_X86_64_PLT32 [[FOO:[0-9a-f]+]] foo - 4
# CHECK-NEXT: 000000000040123e  {{.*}} R_X86_64_PLT32 [[INL:[0-9a-f]+]] inl - 4
# CHECK-NEXT: 0000000000401245  0000000000000002 R_X86_64_PC32 402271
# CHECK-NEXT: 000000000040124d  {{.*}} R_X86_64_TPOFF32 {{.*}} tv + 0
# CHECK-NEXT: 0000000000401254  {{.*}} R_X86_64_REX_GOTPCRELX {{.*}} undef_fn - 4
# CHECK-NEXT: 0000000000401263  0000000000000002 R_X86_64_PC32 402277
# CHECK-NEXT: 0000000000401268  {{.*}} R_X86_64_PLT32 [[INL]] inl - 4
# CHECK-NEXT: 000000000040126e  {{.*}} R_X86_64_PC32 {{.*}} x2 - 4
# CHECK:      Relocation section '.rela.eh_frame' {{.*}} contains 3 entries:
# CHECK:      Relocation section '.rela.data' {{.*}} contains 2 entries:
# CHECK:      0000000000404310  0000000000000001 R_X86_64_64 404308
# CHECK-NEXT: 0000000000404328  0000000000000001 R_X86_64_64 404328

# CHECK: [[FOO]] 0 FUNC GLOBAL DEFAULT 1 foo
