# SHF_MERGE sections keep one copy of each piece per output section: strings of 1, 2 and 4-byte
# entities (SHF_STRINGS) and 8-byte constants. The first occurrence in link order keeps the
# bytes; with -O2 a string that is the suffix of another (at entity granularity) shares its
# bytes; references through a symbol plus an addend, or the section symbol plus an addend, land
# on the same place of the kept copy, the middle of a string included.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t-a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-merge-b.s -o %t-b.o
# RUN: %tld -O2 -static %t-a.o %t-b.o -o %t --section-start=.mstr1=0x600000 \
# RUN:   --section-start=.mstr2=0x600100 --section-start=.mstr4=0x600200 \
# RUN:   --section-start=.mcst=0x600300
# RUN: llvm-readelf -S -x .mstr1 -x .mstr2 -x .mstr4 -x .mcst -x .data %t | FileCheck %s
# RUN: llvm-objdump -d --no-show-raw-insn %t | FileCheck %s --check-prefix=CODE
# The bytes do not depend on the number of threads.
# RUN: %tld -O2 -static %t-a.o %t-b.o -o %t-1 --threads=1 --section-start=.mstr1=0x600000 \
# RUN:   --section-start=.mstr2=0x600100 --section-start=.mstr4=0x600200 \
# RUN:   --section-start=.mstr4=0x600200 --section-start=.mcst=0x600300
# RUN: cmp %t %t-1
# --emit-relocs: a kept reference through a section symbol names the merged place.
# RUN: %tld -O2 -static --emit-relocs %t-a.o %t-b.o -o %t-er --section-start=.mstr1=0x600000 \
# RUN:   --section-start=.mstr2=0x600100 --section-start=.mstr4=0x600200 \
# RUN:   --section-start=.mcst=0x600300
# RUN: llvm-readelf -r %t-er | FileCheck %s --check-prefix=EMIT
# EMIT:      Relocation section '.rela.data'
# EMIT-NEXT: Offset
# EMIT-NEXT: R_X86_64_64 600008
# Without -O2, no tail merging: every distinct string has bytes of its own.
# RUN: %tld -static %t-a.o %t-b.o -o %t-notail
# RUN: llvm-readelf -x .mstr1 -x .mstr2 -x .mstr4 %t-notail | FileCheck %s --check-prefix=NOTAIL
# NOTAIL:      Hex dump of section '.mstr1':
# NOTAIL-NEXT: 68656c6c 6f00776f 726c6400 6c6f006e hello.world.lo.n
# NOTAIL-NEXT: 657700                              ew.
# NOTAIL:      Hex dump of section '.mstr2':
# NOTAIL-NEXT: 61006200 00006200 00006300 61006200 a.b...b...c.a.b.
# NOTAIL-NEXT: 0000                                ..
# NOTAIL:      Hex dump of section '.mstr4':
# NOTAIL-NEXT: 78000000 79000000 00000000 79000000 x...y.......y...
# NOTAIL-NEXT: 00000000                            ....

# "hello" and "world" are the first object's, "new" the second's; "lo" is the end of "hello".
# CHECK:      .mstr1 PROGBITS 0000000000600000 {{[0-9a-f]+}} 000010 01 AMS
# "cab" (UTF-16) is the second object's; "ab" and "b" are its suffixes.
# CHECK:      .mstr2 PROGBITS 0000000000600100 {{[0-9a-f]+}} 000008 02 AMS
# CHECK:      .mstr4 PROGBITS 0000000000600200 {{[0-9a-f]+}} 00000c 04 AMS
# CHECK:      .mcst  PROGBITS 0000000000600300 {{[0-9a-f]+}} 000018 08  AM

# CHECK:      Hex dump of section '.mstr1':
# CHECK-NEXT: 0x00600000 68656c6c 6f00776f 726c6400 6e657700 hello.world.new.
# CHECK:      Hex dump of section '.mstr2':
# CHECK-NEXT: 0x00600100 63006100 62000000                   c.a.b...
# CHECK:      Hex dump of section '.mstr4':
# CHECK-NEXT: 0x00600200 78000000 79000000 00000000          x...y.......
# CHECK:      Hex dump of section '.mcst':
# CHECK-NEXT: 0x00600300 11110000 00000000 22220000 00000000
# CHECK-NEXT: 0x00600310 33330000 00000000

# First object: .mstr1+8 is "rld" of "world" (0x600008), a_world+1 "orld" (0x600007), a_lo the
# tail of "hello" (0x600003), w2 "b" in "cab" (0x600104), u1 "xy" (0x600200), c2 (0x600308).
# Second object: .mstr1+10 is its "hello" (0x600000), b_new+1 "ew" (0x60000d), x1+2 "ab" in
# "cab" (0x600102), v1 "y" (0x600204), d2 (0x600310), .mcst+8 its d2 too.
# CHECK:      Hex dump of section '.data':
# CHECK-NEXT: 0x{{[0-9a-f]+}} 08006000 00000000 07006000 00000000
# CHECK-NEXT: 0x{{[0-9a-f]+}} 03006000 00000000 04016000 00000000
# CHECK-NEXT: 0x{{[0-9a-f]+}} 00026000 00000000 08036000 00000000
# CHECK-NEXT: 0x{{[0-9a-f]+}} 00006000 00000000 0d006000 00000000
# CHECK-NEXT: 0x{{[0-9a-f]+}} 02016000 00000000 04026000 00000000
# CHECK-NEXT: 0x{{[0-9a-f]+}} 10036000 00000000 10036000 00000000

# A PC-relative reference through a kept label (gas and llvm-mc keep labels in mergeable
# sections when the addend is not zero).
# CODE:      <_start>:
# CODE-NEXT:   leaq {{.*}} # 0x600006
# CODE-NEXT:   leaq {{.*}} # 0x600009
# CODE-NEXT:   movq {{.*}} # 0x600308

  .globl _start
  .text
_start:
  leaq a_world(%rip), %rax
  leaq a_world+3(%rip), %rax
  movq c2(%rip), %rax
  ret

  .section .mstr1,"aMS",@progbits,1
a_hello: .asciz "hello"
a_world: .asciz "world"
a_lo:    .asciz "lo"

  .section .mstr2,"aMS",@progbits,2
w1: .short 'a', 'b', 0
w2: .short 'b', 0

  .section .mstr4,"aMS",@progbits,4
u1: .long 'x', 'y', 0

  .section .mcst,"aM",@progbits,8
c1: .quad 0x1111
c2: .quad 0x2222

  .data
  .quad .mstr1 + 8
  .quad a_world + 1
  .quad a_lo
  .quad w2
  .quad u1
  .quad c2
