# Layout options: -z separate-code starts and ends the executable segment on page boundaries in
# the file as well (-z noseparate-code undoes it); -Ttext/-Tdata/-Tbss and --section-start fix
# section addresses (never backwards: an overlap is an error naming both sections);
# -z stack-size sets PT_GNU_STACK's p_memsz; -z ibt/-z shstk force the x86 feature bits;
# -z keep-text-section-prefix keeps .text.hot/.text.unlikely apart; --sort-section sorts input
# sections by name or by alignment; --sort-common puts the most aligned commons first.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o

# RUN: %tld -static -z separate-code %t.o -o %t.sep
# RUN: llvm-readelf -l %t.sep | FileCheck %s --check-prefix=SEP
# SEP:      LOAD 0x000000 0x0000000000400000 0x0000000000400000 0x000120 0x000120 R   0x1000
# SEP-NEXT: LOAD 0x001000 0x0000000000401000 0x0000000000401000 0x000011 0x000011 R E 0x1000
# SEP-NEXT: LOAD 0x002000 0x0000000000402000 0x0000000000402000 0x000008 0x000032 RW  0x1000
# RUN: %tld -static -z separate-code -z noseparate-code %t.o -o %t.nosep
# RUN: llvm-readelf -l %t.nosep | FileCheck %s --check-prefix=NOSEP
# NOSEP:      LOAD 0x000000 0x0000000000400000 0x0000000000400000 0x000120 0x000120 R   0x1000
# NOSEP-NEXT: LOAD 0x000120 0x0000000000401120 0x0000000000401120 0x000011 0x000011 R E 0x1000

# RUN: %tld -static -Ttext=0x500000 -Tdata 0x600000 -Tbss=0x700000 %t.o -o %t.fixed
# RUN: llvm-readelf -S -l %t.fixed | FileCheck %s --check-prefix=FIXED
# FIXED: .text PROGBITS 0000000000500000 001000 000011
# FIXED: .data PROGBITS 0000000000600000 002000 000008
# FIXED: .bss  NOBITS   0000000000700000 002008 000022
# FIXED: LOAD 0x001000 0x0000000000500000 0x0000000000500000 0x000011 0x000011 R E 0x1000
# FIXED: LOAD 0x002000 0x0000000000600000 0x0000000000600000 0x000008 0x100022 RW  0x1000
# RUN: %tld -static --section-start=.data=0x10000000 %t.o -o %t.start
# RUN: llvm-readelf -S %t.start | FileCheck %s --check-prefix=START
# START: .data PROGBITS 0000000010000000 001000 000008
# RUN: not %tld -static -Ttext=0x500000 -Tdata=0x400000 %t.o -o %t.bad 2>&1 | FileCheck %s --check-prefix=BACK
# BACK: tld: error: section .data at 0x400000 is below the end of section .text (0x500000-0x500011): fixed section addresses must not go backwards or overlap
# RUN: not %tld -static --section-start .text=0x400010 %t.o -o %t.bad 2>&1 | FileCheck %s --check-prefix=HDR
# HDR: tld: error: section .text at 0x400010 overlaps the ELF and program headers (which end at 0x400120)
# RUN: not %tld -static -Ttext=zero %t.o -o %t.bad 2>&1 | FileCheck %s --check-prefix=BADADDR
# BADADDR: tld: error: -Ttext: 'zero' is not an address
# RUN: not %tld -static --section-start=0x1000 %t.o -o %t.bad 2>&1 | FileCheck %s --check-prefix=BADSTART
# BADSTART: tld: error: --section-start 0x1000: expected SECTION=ADDRESS

# RUN: %tld -static -z stack-size=0x200000 -z ibt -z shstk %t.o -o %t.stack
# RUN: llvm-readelf -l -n %t.stack | FileCheck %s --check-prefix=STACK
# STACK: GNU_STACK 0x000000 0x0000000000000000 0x0000000000000000 0x000000 0x200000 RW 0x10
# STACK: x86 feature: IBT, SHSTK
# RUN: %tld -static -z ibt %t.o -o %t.ibt
# RUN: llvm-readelf -n %t.ibt | FileCheck %s --check-prefix=IBT
# IBT: x86 feature: IBT{{$}}
# RUN: not %tld -static -z stack-size=big %t.o -o %t.bad 2>&1 | FileCheck %s --check-prefix=BADSTACK
# BADSTACK: tld: error: -z stack-size=big: expected a number

# RUN: %tld -static -z keep-text-section-prefix %t.o -o %t.keep
# RUN: llvm-readelf -S %t.keep | FileCheck %s --check-prefix=KEEP
# KEEP:      .text          PROGBITS 0000000000401120 000120 000011
# KEEP-NEXT: .text.hot      PROGBITS 0000000000401131 000131 000001
# KEEP-NEXT: .text.unlikely PROGBITS 0000000000401132 000132 000001
# RUN: %tld -static %t.o -o %t.nokeep
# RUN: llvm-readelf -S %t.nokeep | FileCheck %s --check-prefix=NOKEEP
# NOKEEP-NOT: .text.hot

# RUN: %tld -static --sort-section=name %t.o -o %t.name -Map=- | FileCheck %s --check-prefix=NAME
# NAME:      .text           0x0000000000401120       0x17
# NAME-NEXT:  .text          0x0000000000401120        0x0 {{.*}}.o
# NAME-NEXT:  .text._start   0x0000000000401120        0x1 {{.*}}.o
# NAME:       .text.a        0x0000000000401130        0x1 {{.*}}.o
# NAME:       .text.b        0x0000000000401134        0x1 {{.*}}.o
# NAME-NEXT:  .text.hot.f    0x0000000000401135        0x1 {{.*}}.o
# RUN: %tld -static --sort-section=alignment %t.o -o %t.align -Map=- | FileCheck %s --check-prefix=ALIGN
# ALIGN:      .text           0x0000000000401120        0x8
# ALIGN-NEXT:  .text.a        0x0000000000401120        0x1 {{.*}}.o
# ALIGN:       .text          0x0000000000401124        0x0 {{.*}}.o
# ALIGN-NEXT:  .text.b        0x0000000000401124        0x1 {{.*}}.o
# ALIGN-NEXT:  .text._start   0x0000000000401125        0x1 {{.*}}.o
# RUN: not %tld --sort-section=size %t.o 2>&1 | FileCheck %s --check-prefix=BADSORT
# BADSORT: tld: error: --sort-section=size: expected name or alignment

# RUN: %tld -static --sort-common %t.o -o %t.common -Map=- | FileCheck %s --check-prefix=COMMON
# COMMON:      .bss            0x0000000000402140       0x20
# COMMON:       COMMON         0x0000000000402150        0x8 {{.*}}.o
# COMMON-NEXT:                 0x0000000000402150                c2
# COMMON-NEXT:  COMMON         0x0000000000402158        0x2 {{.*}}.o
# COMMON-NEXT:                 0x0000000000402158                c3
# COMMON:       COMMON         0x000000000040215c        0x4 {{.*}}.o
# COMMON-NEXT:                 0x000000000040215c                c1
# RUN: %tld -static --sort-common=ascending %t.o -o %t.common -Map=- | FileCheck %s --check-prefix=ASC
# ASC:       COMMON         0x0000000000402148        0x4 {{.*}}.o
# ASC-NEXT:                 0x0000000000402148                c1

  .globl _start
  .section .text._start,"ax",@progbits
_start:
  ret
  .section .text.hot.f,"ax",@progbits
  ret
  .section .text.unlikely.g,"ax",@progbits
  ret
  .section .text.b,"ax",@progbits
  .p2align 2
  nop
  .section .text.a,"ax",@progbits
  .p2align 4
  nop
  .data
  .quad 1
  .bss
  .zero 8
  .comm c1,4,4
  .comm c2,8,16
  .comm c3,2,8
  .section .note.GNU-stack,"",@progbits
