# Link maps: -Map=FILE and --print-map (GNU -M) list each output section with its address and
# size, the input sections in it with theirs and their file, the global symbols each input
# section defines, the archive members extracted and why, and the discarded sections; --cref
# adds the cross-reference table; the Solaris -m of the tld flavour prints its own map.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/m.s -o %t/m.o
# RUN: rm -f %t/lib.a
# RUN: llvm-ar rcs %t/lib.a %t/m.o
# RUN: %tld -static --gc-sections %t/a.o %t/lib.a -o %t/out -Map=%t/out.map --cref
# RUN: FileCheck %s --input-file=%t/out.map
# RUN: %tld -static --gc-sections %t/a.o %t/lib.a -o %t/out --print-map | FileCheck %s --check-prefix=CHECK
# RUN: %tld -z gnu -static --gc-sections %t/a.o %t/lib.a -o %t/out -M | FileCheck %s --check-prefix=CHECK
# RUN: %tld -static %t/a.o %t/lib.a -o %t/out --cref | FileCheck %s --check-prefix=CREF
# RUN: %tld -static %t/a.o %t/lib.a -o %t/out -m | FileCheck %s --check-prefix=SOL
# RUN: not %tld -static %t/a.o %t/lib.a -o %t/out -Map=%t/nodir/out.map 2>&1 | FileCheck %s --check-prefix=NOMAP
# NOMAP: tld: error: cannot open map file {{.*}}nodir/out.map: No such file or directory

# CHECK:      Archive member included to satisfy reference by file (symbol)
# CHECK-EMPTY:
# CHECK-NEXT: {{.*}}lib.a(m.o)
# CHECK-NEXT:                               {{.*}}a.o (foo)
# CHECK:      Discarded input sections
# CHECK-EMPTY:
# CHECK-NEXT:  .text          0x0000000000000000        0x0 {{.*}}a.o
# CHECK-NEXT:  .text.unused   0x0000000000000000        0x3 {{.*}}a.o
# CHECK:      Linker script and memory map
# CHECK:      .text           0x0000000000401120       0x11
# CHECK-NEXT:  .text._start   0x0000000000401120        0xc {{.*}}a.o
# CHECK-NEXT:                 0x0000000000401120                _start
# CHECK-NEXT:                 0x000000000040112b                mid
# CHECK-NEXT:  *fill*         0x000000000040112c        0x4
# CHECK-NEXT:  .text          0x0000000000401130        0x1 {{.*}}lib.a(m.o)
# CHECK-NEXT:                 0x0000000000401130                foo
# CHECK-EMPTY:
# CHECK-NEXT: .data           0x0000000000402131        0x8
# CHECK-NEXT:  .data          0x0000000000402131        0x8 {{.*}}a.o
# CHECK-NEXT:                 0x0000000000402131                d
# CHECK-NOT:  .symtab

# CREF:      Cross Reference Table
# CREF-EMPTY:
# CREF-NEXT: Symbol                                            File
# CREF-NEXT: _start                                            {{.*}}a.o
# CREF-NEXT: d                                                 {{.*}}a.o
# CREF-NEXT: foo                                               {{.*}}lib.a(m.o)
# CREF-NEXT:                                                   {{.*}}a.o
# CREF-NEXT: mid                                               {{.*}}a.o
# CREF-NEXT: unused                                            {{.*}}a.o

# SOL:      LINK EDITOR MEMORY MAP
# SOL:      output          input           virtual
# SOL-NEXT: section         section         address         size
# SOL-EMPTY:
# SOL-NEXT: .text                           0x401120        0x11
# SOL-NEXT:                 .text           0x401120        0x0             {{.*}}a.o
# SOL-NEXT:                 .text._start    0x401120        0xc             {{.*}}a.o
# SOL-NEXT:                 .text.unused    0x40112c        0x3             {{.*}}a.o
# SOL-NEXT:                 .text           0x401130        0x1             {{.*}}lib.a(m.o)
# SOL-NEXT: .data                           0x402131        0x8
# SOL-NEXT:                 .data           0x402131        0x8             {{.*}}a.o

#--- a.s
  .section .text._start,"ax",@progbits
  .globl _start, mid
_start:
  call foo
  movl d(%rip), %eax
mid:
  ret
  .section .text.unused,"ax",@progbits
  .globl unused
unused:
  nop
  nop
  ret
  .data
  .globl d
d: .quad 1
#--- m.s
  .text
  .p2align 3
  .globl foo
foo: ret
