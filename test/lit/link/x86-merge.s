# i386 (REL): the addend of a reference into a mergeable section is in the field. Through the
# section symbol it picks the piece, and the field gets the kept copy's address; through a label
# it is added to the label's new place. Duplicates in two objects, a suffix (tail merging, -O2),
# 2-byte strings.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t-a.o
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym=SECOND=1 %s -o %t-b.o
# RUN: %tld -O2 -static %t-a.o %t-b.o -o %t --section-start=.mstr1=0x9000000 \
# RUN:   --section-start=.mstr2=0x9000100
# RUN: llvm-readelf -S -x .mstr1 -x .mstr2 -x .data %t | FileCheck %s
# RUN: llvm-objdump -d --no-show-raw-insn %t | FileCheck %s --check-prefix=CODE

# CHECK:      .mstr1 PROGBITS 09000000 {{[0-9a-f]+}} 00000e 01 AMS
# CHECK:      .mstr2 PROGBITS 09000100 {{[0-9a-f]+}} 000006 02 AMS
# CHECK:      Hex dump of section '.mstr1':
# CHECK-NEXT: 0x09000000 6f6e6500 74776f00 74687265 6500      one.two.three.
# CHECK:      Hex dump of section '.mstr2':
# CHECK-NEXT: 0x09000100 68006900 0000                        h.i...

# First object: .mstr1+4 "two", l_three+2 "ree", l_e "e" (the end of "three"), .mstr2+2 "i".
# Second object ("three", "one", "i" first): .mstr1+0 is its "three", .mstr1+7 "ne", l_one
# "one", .mstr2+0 "i" (the end of "hi").
# CHECK:      Hex dump of section '.data':
# CHECK-NEXT: 0x{{[0-9a-f]+}} 04000009 0a000009 0c000009 02010009
# CHECK-NEXT: 0x{{[0-9a-f]+}} 08000009 01000009 00000009 02010009

# CODE:      <_start>:
# CODE-NEXT:   movl $150994952, %eax # imm = 0x9000008
# CODE-NEXT:   movl $150994954, %eax # imm = 0x900000A

  .globl _start
  .text
.ifndef SECOND
_start:
  movl $l_three, %eax
  movl $l_three+2, %eax
  ret

  .section .mstr1,"aMS",@progbits,1
l_one:   .asciz "one"
l_two:   .asciz "two"
l_three: .asciz "three"
l_e:     .asciz "e"
  .section .mstr2,"aMS",@progbits,2
  .short 'h', 'i', 0
  .data
  .long .mstr1 + 4
  .long l_three + 2
  .long l_e
  .long .mstr2 + 2
.else
  .section .mstr1,"aMS",@progbits,1
  .asciz "three"
l_one: .asciz "one"
  .section .mstr2,"aMS",@progbits,2
  .short 'i', 0
  .data
  .long .mstr1
  .long .mstr1 + 7
  .long l_one
  .long .mstr2
.endif
