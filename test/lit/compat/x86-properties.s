# x86 .note.gnu.property merging, as GNU ld merges: GNU_PROPERTY_X86_FEATURE_1_AND (an AND
# property) keeps the bits every object has and disappears when one object lacks it;
# ISA_1_NEEDED (OR) is the union of the objects that have it; ISA_1_USED (OR-AND) is the union,
# present only if every object has it. -r writes the merged note too, and a final link of that
# output gives the same note. Both linkers' outputs are checked with the same lines.
# REQUIRES: llvm-mc, ld.bfd
# RUN: split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 a.s -o a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 b.s -o b.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 c.s -o c.o
# RUN: %ld-bfd a.o b.o -o ab.gnu
# RUN: %tld a.o b.o -o ab.tld
# RUN: llvm-readelf -n ab.gnu | FileCheck %s --check-prefix=AB
# RUN: llvm-readelf -n ab.tld | FileCheck %s --check-prefix=AB
# AB:      Properties: x86 feature: IBT
# AB-NEXT:     x86 ISA needed: x86-64-baseline, x86-64-v2, x86-64-v3
# AB-NEXT:     x86 ISA used: x86-64-baseline, x86-64-v2
# RUN: %ld-bfd a.o b.o c.o -o abc.gnu
# RUN: %tld a.o b.o c.o -o abc.tld
# RUN: llvm-readelf -n abc.gnu | FileCheck %s --check-prefix=ABC
# RUN: llvm-readelf -n abc.tld | FileCheck %s --check-prefix=ABC
# ABC-NOT: x86 feature
# ABC:     Properties: x86 ISA needed: x86-64-baseline, x86-64-v2, x86-64-v3
# ABC-NOT: x86 ISA used
# RUN: %ld-bfd -r a.o b.o -o r.gnu
# RUN: %tld -r a.o b.o -o r.tld
# RUN: llvm-readelf -n r.gnu | FileCheck %s --check-prefix=AB
# RUN: llvm-readelf -n r.tld | FileCheck %s --check-prefix=AB
# RUN: %tld r.tld -o r-final.tld
# RUN: llvm-readelf -n r-final.tld | FileCheck %s --check-prefix=AB

#--- a.s
.globl _start
_start: ret
.section .note.gnu.property,"a",@note
.p2align 3
.long 4, 48, 5
.asciz "GNU"
.long 0xc0000002, 4, 3, 0        # FEATURE_1_AND: IBT, SHSTK
.long 0xc0008002, 4, 3, 0        # ISA_1_NEEDED: baseline, v2
.long 0xc0010002, 4, 1, 0        # ISA_1_USED: baseline
.section .note.GNU-stack,"",@progbits
#--- b.s
.section .note.gnu.property,"a",@note
.p2align 3
.long 4, 48, 5
.asciz "GNU"
.long 0xc0000002, 4, 1, 0        # FEATURE_1_AND: IBT
.long 0xc0008002, 4, 5, 0        # ISA_1_NEEDED: baseline, v3
.long 0xc0010002, 4, 2, 0        # ISA_1_USED: v2
.section .note.GNU-stack,"",@progbits
#--- c.s
.section .note.gnu.property,"a",@note
.p2align 3
.long 4, 16, 5
.asciz "GNU"
.long 0xc0008002, 4, 1, 0        # ISA_1_NEEDED: baseline only
.section .note.GNU-stack,"",@progbits
