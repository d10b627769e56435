# .SUNW_syminfo and DT_POSFLAG_1 on i386 (ELFCLASS32, little-endian, REL): 8-byte .dynamic
# entries, 4-byte Syminfo entries. -B direct makes both dependencies lazy (no -z nolazyload),
# moving libl2's DT_NEEDED to index 3; -z interpose is kept beside DF_1_DIRECT. A PIC shared
# object linked with -z lazyload only: its references are associated and lazily loaded, its
# definitions only associated (no DIRECTBIND without -B direct).
# REQUIRES: llvm-mc
# RUN: rm -rf %t && mkdir -p %t
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym L1=1 %s -o %t/l1.o
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym L2=1 %s -o %t/l2.o
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t/a.o
# RUN: %tld -shared %t/l1.o -h libl1.so -o %t/libl1.so
# RUN: %tld -shared %t/l2.o -h libl2.so -o %t/libl2.so
# RUN: %tld -I /lib/ld-linux.so.2 -E -B direct -z interpose %t/a.o %t/libl1.so %t/libl2.so -o %t/exe
# RUN: llvm-readelf -S -d --dyn-syms %t/exe | FileCheck %s
# CHECK:      .SUNW_syminfo LOOS+0xFFFFFFC [[#%.8x,SI:]] {{[0-9a-f]+}} 000018 04 A 4 [[#DYN:]] 4
# CHECK:      {{\[}}[[#DYN]]{{\]}} .dynamic DYNAMIC
# CHECK:      0x6ffffdfd (<unknown:>0x6ffffdfd) 0x1
# CHECK-NEXT: 0x00000001 (NEEDED) Shared library: [libl1.so]
# CHECK-NEXT: 0x6ffffdfd (<unknown:>0x6ffffdfd) 0x1
# CHECK-NEXT: 0x00000001 (NEEDED) Shared library: [libl2.so]
# CHECK:      0x6ffffeff (<unknown:>0x6ffffeff) 0x[[#%x,SI]]
# CHECK-NEXT: 0x6ffffdfe (<unknown:>0x6ffffdfe) 0x18
# CHECK-NEXT: 0x6ffffdff (<unknown:>0x6ffffdff) 0x4
# CHECK-NEXT: 0x6ffffffb (FLAGS_1) DIRECT INTERPOSE
# CHECK:      1: {{0+}} 0 FUNC GLOBAL DEFAULT UND f1
# CHECK-NEXT: 2: {{0+}} 0 FUNC GLOBAL DEFAULT UND f2
# CHECK-NEXT: 3: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} _start
# CHECK-NEXT: 4: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} mine
# CHECK-NEXT: 5: {{0+}}[[#%x,]] 4 OBJECT GLOBAL DEFAULT {{[0-9]+}} d1
# RUN: llvm-readelf -x .SUNW_syminfo %t/exe | FileCheck %s --check-prefix=HEX
# HEX:      0x{{0*}}[[#%x,]] 00000100 01001900 03001900 ffff1100
# HEX-NEXT: 0x{{0*}}[[#%x,]] ffff1100 01001d00
# RUN: %python %inputs/syminfo.py %t/exe | FileCheck %s --check-prefix=DEC
# DEC:      dynamic [0] POSFLAG_1 LAZYLOAD
# DEC-NEXT: dynamic [1] NEEDED libl1.so (lazy)
# DEC-NEXT: dynamic [2] POSFLAG_1 LAZYLOAD
# DEC-NEXT: dynamic [3] NEEDED libl2.so (lazy)
# DEC-NEXT: FLAGS_1 DIRECT INTERPOSE
# DEC-NEXT: syminfo: 6 entries
# DEC-NEXT: [0] boundto 0 flags 0x1
# DEC-NEXT: [1] f1 bound [1] libl1.so flags DIRECT LAZYLOAD DIRECTBIND
# DEC-NEXT: [2] f2 bound [3] libl2.so flags DIRECT LAZYLOAD DIRECTBIND
# DEC-NEXT: [3] _start bound SELF flags DIRECT DIRECTBIND
# DEC-NEXT: [4] mine bound SELF flags DIRECT DIRECTBIND
# DEC-NEXT: [5] d1 bound [1] libl1.so flags DIRECT COPY LAZYLOAD DIRECTBIND
# DEC-NOT:  error

# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym SO=1 %s -o %t/so.o
# RUN: %tld -shared -z lazyload %t/so.o %t/libl1.so -h libso.so -o %t/libso.so
# RUN: llvm-readelf -x .SUNW_syminfo %t/libso.so | FileCheck %s --check-prefix=SO-HEX
# SO-HEX: 0x{{0*}}[[#%x,]] 00000100 01000900 01000900 ffff0100
# RUN: %python %inputs/syminfo.py %t/libso.so | FileCheck %s --check-prefix=SO
# SO:      dynamic [0] POSFLAG_1 LAZYLOAD
# SO-NEXT: dynamic [1] NEEDED libl1.so (lazy)
# SO-NEXT: FLAGS_1 0
# SO:      [1] f1 bound [1] libl1.so flags DIRECT LAZYLOAD
# SO-NEXT: [2] d1 bound [1] libl1.so flags DIRECT LAZYLOAD
# SO-NEXT: [3] entry bound SELF flags DIRECT

.ifdef L1
.globl f1, d1
.type f1,@function
.type d1,@object
.size d1,4
.text
f1: ret
.data
d1: .long 1
.else
.ifdef L2
.globl f2
.type f2,@function
.text
f2: ret
.else
.ifdef SO
.globl entry
.text
entry:
  call f1@PLT
  movl d1@GOT(%ebx), %eax
  ret
.else
.globl _start, mine
.text
_start:
  call f1
  call f2
  movl d1, %eax
  ret
mine: ret
.endif
.endif
.endif
