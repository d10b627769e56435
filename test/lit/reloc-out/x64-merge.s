# -r merges SHF_MERGE sections as a final link does (tail merging too, with -O2) and keeps them
# mergeable (SHF_MERGE, SHF_STRINGS and the entity size stay), so that the final link merges
# again across objects.
# A relocation through a section symbol (the assembler's choice for a label without addend) gets
# the offset of its place in the merged section as its addend; a label keeps its place in its
# piece. The final link of the -r output gives the
# same bytes as the final link of the inputs.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %S/../link/x64-merge.s -o %t-a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %S/../link/Inputs/x64-merge-b.s -o %t-b.o
# RUN: %tld -O2 -r %t-a.o %t-b.o -o %t.o
# RUN: llvm-readelf -S -r -s -x .mstr1 -x .mstr2 -x .mstr4 -x .mcst %t.o | FileCheck %s
# RUN: %tld -static %t.o -o %t-r --section-start=.mstr1=0x600000 \
# RUN:   --section-start=.mstr2=0x600100 --section-start=.mstr4=0x600200 \
# RUN:   --section-start=.mcst=0x600300
# RUN: %tld -O2 -static %t-a.o %t-b.o -o %t-direct --section-start=.mstr1=0x600000 \
# RUN:   --section-start=.mstr2=0x600100 --section-start=.mstr4=0x600200 \
# RUN:   --section-start=.mcst=0x600300
# RUN: llvm-readelf -x .mstr1 -x .mstr2 -x .mstr4 -x .mcst -x .data %t-r > %t-r.dump
# RUN: llvm-readelf -x .mstr1 -x .mstr2 -x .mstr4 -x .mcst -x .data %t-direct > %t-direct.dump
# RUN: diff %t-r.dump %t-direct.dump

# CHECK: .mstr1 PROGBITS 0000000000000000 {{[0-9a-f]+}} 000010 01 AMS
# CHECK: .mstr2 PROGBITS 0000000000000000 {{[0-9a-f]+}} 000008 02 AMS
# CHECK: .mstr4 PROGBITS 0000000000000000 {{[0-9a-f]+}} 00000c 04 AMS
# CHECK: .mcst  PROGBITS 0000000000000000 {{[0-9a-f]+}} 000018 08  AM

# CHECK:      Relocation section '.rela.text'
# CHECK:      R_X86_64_PC32 0000000000000006 a_world - 4
# CHECK-NEXT: R_X86_64_PC32 0000000000000006 a_world - 1
# CHECK-NEXT: R_X86_64_PC32 0000000000000008 c2 - 4
# CHECK:      Relocation section '.rela.data'
# CHECK-NEXT: Offset
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mstr1 + 8
# CHECK-NEXT: R_X86_64_64 0000000000000006 a_world + 1
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mstr1 + 3
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mstr2 + 4
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mstr4 + 0
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mcst + 8
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mstr1 + 0
# CHECK-NEXT: R_X86_64_64 000000000000000c b_new + 1
# CHECK-NEXT: R_X86_64_64 0000000000000000 x1 + 2
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mstr4 + 4
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mcst + 10
# CHECK-NEXT: R_X86_64_64 0000000000000000 .mcst + 10

# Labels of duplicates point at the kept copy.
# CHECK-DAG: 0000000000000000 0 NOTYPE LOCAL DEFAULT {{[0-9]+}} a_hello
# CHECK-DAG: 0000000000000000 0 NOTYPE LOCAL DEFAULT {{[0-9]+}} b_hello
# CHECK-DAG: 0000000000000006 0 NOTYPE LOCAL DEFAULT {{[0-9]+}} b_world
# CHECK-DAG: 0000000000000002 0 NOTYPE LOCAL DEFAULT {{[0-9]+}} w1
# CHECK-DAG: 0000000000000000 0 NOTYPE LOCAL DEFAULT {{[0-9]+}} v2
# CHECK-DAG: 0000000000000008 0 NOTYPE LOCAL DEFAULT {{[0-9]+}} d1

# CHECK:      Hex dump of section '.mstr1':
# CHECK-NEXT: 0x00000000 68656c6c 6f00776f 726c6400 6e657700 hello.world.new.
# CHECK:      Hex dump of section '.mstr2':
# CHECK-NEXT: 0x00000000 63006100 62000000                   c.a.b...
# CHECK:      Hex dump of section '.mstr4':
# CHECK-NEXT: 0x00000000 78000000 79000000 00000000          x...y.......
# CHECK:      Hex dump of section '.mcst':
# CHECK-NEXT: 0x00000000 11110000 00000000 22220000 00000000
# CHECK-NEXT: 0x00000010 33330000 00000000
