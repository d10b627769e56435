# Local symbols in .symtab: by default every local but assembler labels (.L) in mergeable
# sections; -X (--discard-locals) drops every .L label, -x (--discard-all) every local,
# --discard-none nothing. With -r the default keeps the .L labels of mergeable sections too, and
# a relocation against a dropped local names its section's symbol instead. GNU ld links the
# same objects; both outputs are checked with the same lines.
# REQUIRES: llvm-mc, ld.bfd
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 -save-temp-labels %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 -save-temp-labels %t/b.s -o %t/b.o

# RUN: %ld-bfd %t/a.o %t/b.o -o %t/def.gnu
# RUN: %tld -static %t/a.o %t/b.o -o %t/def.tld
# RUN: llvm-readelf -s %t/def.gnu | FileCheck %s --check-prefixes=DEF,NOSTR
# RUN: llvm-readelf -s %t/def.tld | FileCheck %s --check-prefixes=DEF,NOSTR
# DEF-DAG: {{ }}.Lcode{{$}}
# DEF-DAG: {{ }}.Lkeep{{$}}
# DEF-DAG: {{ }}loc1{{$}}
# DEF-DAG: {{ }}loc2{{$}}
# DEF-DAG: {{ }}lstr{{$}}
# DEF-DAG: {{ }}_start{{$}}
# NOSTR-NOT: .Lstr

# RUN: %ld-bfd -X %t/a.o %t/b.o -o %t/X.gnu
# RUN: %tld -static --discard-locals %t/a.o %t/b.o -o %t/X.tld
# RUN: llvm-readelf -s %t/X.gnu | FileCheck %s --check-prefix=X
# RUN: llvm-readelf -s %t/X.tld | FileCheck %s --check-prefix=X
# X-NOT:  .L
# X-DAG: {{ }}loc1{{$}}
# X-DAG: {{ }}loc2{{$}}
# X-DAG: {{ }}lstr{{$}}
# X-NOT:  .L

# RUN: %ld-bfd -x %t/a.o %t/b.o -o %t/x.gnu
# RUN: %tld -static -x %t/a.o %t/b.o -o %t/x.tld
# RUN: %tld -static --discard-all %t/a.o %t/b.o -o %t/x2.tld
# RUN: cmp %t/x.tld %t/x2.tld
# RUN: llvm-readelf -s %t/x.gnu | FileCheck %s --check-prefix=ALL
# RUN: llvm-readelf -s %t/x.tld | FileCheck %s --check-prefix=ALL
# ALL-NOT: {{ }}loc1
# ALL-NOT: {{ }}loc2
# ALL-NOT: {{ }}lstr
# ALL-NOT: {{ }}.L
# ALL:     {{ }}_start{{$}}

# RUN: %ld-bfd --discard-none %t/a.o %t/b.o -o %t/none.gnu
# RUN: %tld -static --discard-none %t/a.o %t/b.o -o %t/none.tld
# RUN: llvm-readelf -s %t/none.gnu | FileCheck %s --check-prefix=DEF
# RUN: llvm-readelf -s %t/none.tld | FileCheck %s --check-prefix=DEF
# RUN: llvm-readelf -s %t/none.gnu | FileCheck %s --check-prefix=NONE
# RUN: llvm-readelf -s %t/none.tld | FileCheck %s --check-prefix=NONE
# NONE: {{ }}.Lstr{{$}}

# -r keeps the mergeable section's label by default; -x keeps the relocations right by naming
# the section symbols.
# RUN: %ld-bfd -r %t/a.o %t/b.o -o %t/r.gnu
# RUN: %tld -r %t/a.o %t/b.o -o %t/r.tld
# RUN: llvm-readelf -s %t/r.gnu | FileCheck %s --check-prefix=NONE
# RUN: llvm-readelf -s %t/r.tld | FileCheck %s --check-prefix=NONE
# RUN: %ld-bfd -r -x %t/a.o %t/b.o -o %t/rx.gnu
# RUN: %tld -r -x %t/a.o %t/b.o -o %t/rx.tld
# RUN: llvm-readelf -s -r %t/rx.gnu | FileCheck %s --check-prefix=RX
# RUN: llvm-readelf -s -r %t/rx.tld | FileCheck %s --check-prefix=RX
# RX:     R_X86_64_64 {{0+}} .rodata.str1.1 + 0
# RX-NEXT: R_X86_64_64 {{0+}} .text + 5
# RX-NOT: {{ }}loc1
# RX-NOT: {{ }}.L
# RX:     {{ }}_start{{$}}
# And the -r -x output links to the same bytes as the inputs do.
# RUN: %tld -static %t/rx.tld -o %t/rx.exe
# RUN: llvm-readelf -x .data -x .rodata %t/rx.exe > %t/rx.dump
# RUN: llvm-readelf -x .data -x .rodata %t/def.tld > %t/def.dump
# RUN: diff %t/rx.dump %t/def.dump

#--- a.s
.text
.globl _start
_start: ret
loc1: ret
.Lcode: ret
.section .rodata.str1.1,"aMS",@progbits,1
.Lstr: .asciz "hello"
lstr: .asciz "x"
.data
.quad .Lstr

#--- b.s
.text
loc2: ret
.Lkeep: ret
.data
.quad .Lkeep
