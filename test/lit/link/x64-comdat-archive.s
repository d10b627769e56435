# A COMDAT group that an object entered earlier has already claimed is dropped while its object
# is parsed (here b.o, extracted from an archive after main.o claimed `inl`). The output is the
# same bytes as when every losing section is made and discarded later (a link map asks for
# that): the kept copy of `inl` is main.o's, the losing copy's FDE is gone, and b.o's
# non-allocated reference to its own copy reads 0.
# REQUIRES: llvm-mc
# RUN: rm -f %t.a
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym MAIN=1 %s -o %t.main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.b.o
# RUN: llvm-ar rcs %t.a %t.b.o
# RUN: %tld -static %t.main.o %t.a -o %t.out
# RUN: %tld -static %t.main.o %t.a -o %t.map.out -Map=%t.map
# RUN: cmp %t.out %t.map.out
# RUN: FileCheck %s --check-prefix=MAP < %t.map
# RUN: llvm-objdump -d %t.out | FileCheck %s
# RUN: llvm-readelf -x .debug_info -x .eh_frame_hdr %t.out | FileCheck %s --check-prefix=HEX

# CHECK:      <inl>:
# CHECK-NEXT: b8 01 00 00 00 movl $1, %eax
# CHECK:      <other>:
# MAP: Discarded input sections
# MAP: .text.inl {{.*}}.b.o)
# Three FDEs (_start, inl, other), not four.
# HEX:      section '.eh_frame_hdr':
# HEX-NEXT: 011b033b 24000000 03000000
# HEX:      section '.debug_info':
# HEX-NEXT: 0x00000000 00000000 00000000 6c114000 00000000

.ifdef MAIN
  .text
  .globl _start
_start:
  .cfi_startproc
  call inl
  call other
  ret
  .cfi_endproc
.endif

  .section .text.inl,"axG",@progbits,inl,comdat
  .weak inl
inl:
  .cfi_startproc
.ifdef MAIN
  movl $1, %eax
.else
  movl $2, %eax
.endif
  ret
  .cfi_endproc

.ifndef MAIN
  .text
  .globl other
other:
  .cfi_startproc
  ret
  .cfi_endproc
  .section .debug_info,"",@progbits
  .quad .text.inl + 1
  .quad other
.endif
