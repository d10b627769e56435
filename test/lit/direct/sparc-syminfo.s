# .SUNW_syminfo and DT_POSFLAG_1 on SPARC: big-endian Half fields in both classes, 8-byte
# .dynamic entries on sparc (ELFCLASS32) and 16-byte ones on sparcv9 (ELFCLASS64). -z lazyload
# before libl1, -z nolazyload and -B direct before libl2: libl1 is lazy, every entry directly
# bound but f2, whose -B nodirect library refuses it (so no DF_1_DIRECT), and d1 copied.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && mkdir -p %t
# RUN: %llvm-mc -filetype=obj -triple=sparc --defsym L1=1 %s -o %t/l1.o
# RUN: %llvm-mc -filetype=obj -triple=sparc --defsym L2=1 %s -o %t/l2.o
# RUN: %llvm-mc -filetype=obj -triple=sparc %s -o %t/a.o
# RUN: %tld -shared %t/l1.o -h libl1.so -o %t/libl1.so
# RUN: %tld -shared -B nodirect %t/l2.o -h libl2.so -o %t/libl2.so
# RUN: %tld -E %t/a.o -z lazyload %t/libl1.so -z nolazyload -B direct %t/libl2.so -o %t/exe
# RUN: llvm-readelf -S -d --dyn-syms %t/exe | FileCheck %s --check-prefixes=V8,BOTH
# RUN: llvm-readelf -x .SUNW_syminfo %t/exe | FileCheck %s --check-prefix=HEX
# RUN: %python %inputs/syminfo.py %t/exe | FileCheck %s --check-prefix=DEC
# RUN: llvm-readelf -x .SUNW_syminfo %t/libl2.so | FileCheck %s --check-prefix=LIB-HEX
# RUN: %python %inputs/syminfo.py %t/libl2.so | FileCheck %s --check-prefix=LIB

# RUN: %llvm-mc -filetype=obj -triple=sparcv9 --defsym L1=1 %s -o %t/l1-9.o
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 --defsym L2=1 %s -o %t/l2-9.o
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 %s -o %t/a-9.o
# RUN: %tld -shared %t/l1-9.o -h libl1.so -o %t/libl1-9.so
# RUN: %tld -shared -B nodirect %t/l2-9.o -h libl2.so -o %t/libl2-9.so
# RUN: %tld -E %t/a-9.o -z lazyload %t/libl1-9.so -z nolazyload -B direct %t/libl2-9.so -o %t/exe9
# RUN: llvm-readelf -S -d --dyn-syms %t/exe9 | FileCheck %s --check-prefixes=V9,BOTH
# RUN: llvm-readelf -x .SUNW_syminfo %t/exe9 | FileCheck %s --check-prefix=HEX
# RUN: %python %inputs/syminfo.py %t/exe9 | FileCheck %s --check-prefix=DEC
# RUN: llvm-readelf -x .SUNW_syminfo %t/libl2-9.so | FileCheck %s --check-prefix=LIB-HEX
# RUN: %python %inputs/syminfo.py %t/libl2-9.so | FileCheck %s --check-prefix=LIB

# V8:        [ 4] .dynsym DYNSYM
# V8:        .SUNW_syminfo LOOS+0xFFFFFFC [[#%.8x,SI:]] {{[0-9a-f]+}} 000018 04 A 4 [[#DYN:]] 4
# V8:        {{\[}}[[#DYN]]{{\]}} .dynamic DYNAMIC
# V8:        0x6ffffdfd (<unknown:>0x6ffffdfd) 0x1
# V8-NEXT:   0x00000001 (NEEDED) Shared library: [libl1.so]
# V8-NEXT:   0x00000001 (NEEDED) Shared library: [libl2.so]
# V8:        0x6ffffeff (<unknown:>0x6ffffeff) 0x[[#%x,SI]]
# V8-NEXT:   0x6ffffdfe (<unknown:>0x6ffffdfe) 0x18
# V8-NEXT:   0x6ffffdff (<unknown:>0x6ffffdff) 0x4
# V8-NEXT:   0x00000000 (NULL) 0x0
# V9:        [ 4] .dynsym DYNSYM
# V9:        .SUNW_syminfo LOOS+0xFFFFFFC [[#%.16x,SI:]] {{[0-9a-f]+}} 000018 04 A 4 [[#DYN:]] 8
# V9:        {{\[}}[[#DYN]]{{\]}} .dynamic DYNAMIC
# V9:        0x000000006ffffdfd (<unknown:>0x6ffffdfd) 0x1
# V9-NEXT:   0x0000000000000001 (NEEDED) Shared library: [libl1.so]
# V9-NEXT:   0x0000000000000001 (NEEDED) Shared library: [libl2.so]
# V9:        0x000000006ffffeff (<unknown:>0x6ffffeff) 0x[[#%x,SI]]
# V9-NEXT:   0x000000006ffffdfe (<unknown:>0x6ffffdfe) 0x18
# V9-NEXT:   0x000000006ffffdff (<unknown:>0x6ffffdff) 0x4
# V9-NEXT:   0x0000000000000000 (NULL) 0x0
# BOTH:      Symbol table '.dynsym' contains 6 entries:
# BOTH:      1: {{0+}} 0 FUNC GLOBAL DEFAULT UND f1
# BOTH-NEXT: 2: {{0+}} 0 FUNC GLOBAL DEFAULT UND f2
# BOTH-NEXT: 3: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} _start
# BOTH-NEXT: 4: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} mine
# BOTH-NEXT: 5: {{0+}}[[#%x,]] 4 OBJECT GLOBAL DEFAULT {{[0-9]+}} d1

## Big-endian: si_boundto then si_flags. f2 is only associated (libl2 refuses direct binding).
# HEX:      0x{{0*}}[[#%x,]] 00000001 00010019 00020001 ffff0011
# HEX-NEXT: 0x{{0*}}[[#%x,]] ffff0011 0001001d
# DEC:      dynamic [0] POSFLAG_1 LAZYLOAD
# DEC-NEXT: dynamic [1] NEEDED libl1.so (lazy)
# DEC-NEXT: dynamic [2] NEEDED libl2.so
# DEC-NEXT: FLAGS_1 0
# DEC-NEXT: syminfo: 6 entries
# DEC-NEXT: [0] boundto 0 flags 0x1
# DEC-NEXT: [1] f1 bound [1] libl1.so flags DIRECT LAZYLOAD DIRECTBIND
# DEC-NEXT: [2] f2 bound [2] libl2.so flags DIRECT
# DEC-NEXT: [3] _start bound SELF flags DIRECT DIRECTBIND
# DEC-NEXT: [4] mine bound SELF flags DIRECT DIRECTBIND
# DEC-NEXT: [5] d1 bound [1] libl1.so flags DIRECT COPY LAZYLOAD DIRECTBIND
# DEC-NOT:  error
# LIB-HEX:  0x{{0*}}[[#%x,]] 00000001 fffd0020
# LIB:      FLAGS_1 NODIRECT
# LIB:      [1] f2 bound NONE flags NOEXTDIRECT

.ifdef L1
.globl f1, d1
.type f1,@function
.type d1,@object
.size d1,4
.text
f1: retl
  nop
.data
d1: .word 1
.else
.ifdef L2
.globl f2
.type f2,@function
.text
f2: retl
  nop
.else
.globl _start, mine, f1, f2
.text
_start:
  .reloc ., R_SPARC_WPLT30, f1
  .word 0x40000000
  nop
  .reloc ., R_SPARC_WPLT30, f2
  .word 0x40000000
  nop
  sethi %hi(d1), %g1
  ld [%g1+%lo(d1)], %o0
  retl
  nop
mine: retl
  nop
.endif
.endif
