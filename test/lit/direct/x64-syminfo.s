# Direct bindings and lazy loading on x86-64 (ELFCLASS64, little-endian): -z lazyload and
# -z nolazyload around dependencies put DT_POSFLAG_1 (DF_P1_LAZYLOAD) just before the DT_NEEDED
# entries they cover; -z direct marks the references bound to the dependencies that follow;
# -B direct binds every reference and definition directly, makes lazy loading the default (not
# positionally: it may come after the libraries), and sets DF_1_DIRECT. .SUNW_syminfo has one
# entry per .dynsym entry (entry 0: SYMINFO_CURRENT), si_boundto naming the DT_NEEDED entry's
# index in .dynamic (which moves with every DT_POSFLAG_1 before it), SYMINFO_BT_SELF for the
# object's own definitions; sh_link is .dynsym, sh_info .dynamic; DT_SYMINFO, DT_SYMINSZ and
# DT_SYMINENT describe it. Every field is checked in the raw bytes (llvm-readelf does not decode
# the table) and through Inputs/syminfo.py, which decodes it.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l1.s -o %t/l1.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l2.s -o %t/l2.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l3.s -o %t/l3.o
# RUN: %tld -shared %t/l1.o -h libl1.so -o %t/libl1.so
# RUN: %tld -shared %t/l2.o -h libl2.so -o %t/libl2.so
# RUN: %tld -shared %t/l3.o -h libl3.so -o %t/libl3.so

## Without any of the options: no section, no tags, no flags.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E %t/a.o %t/libl1.so %t/libl2.so %t/libl3.so -o %t/plain
# RUN: llvm-readelf -S -d %t/plain | FileCheck %s --check-prefix=PLAIN
# PLAIN-NOT: SUNW_syminfo
# PLAIN-NOT: 0x000000006ffffdfd
# PLAIN-NOT: 0x000000006ffffeff
# PLAIN-NOT: FLAGS_1
# RUN: %python %inputs/syminfo.py %t/plain | FileCheck %s --check-prefix=PLAIN-DEC
# PLAIN-DEC: dynamic [0] NEEDED libl1.so
# PLAIN-DEC: no .SUNW_syminfo

## Positional: libl1 lazy, libl2 not, libl3 directly bound (and not lazy).
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E %t/a.o -z lazyload %t/libl1.so -z nolazyload \
# RUN:   %t/libl2.so -z direct %t/libl3.so -o %t/pos
# RUN: llvm-readelf -S -d --dyn-syms %t/pos | FileCheck %s --check-prefix=POS
# POS:      [ 4] .dynsym DYNSYM {{0+}}[[#%x,DYNSYM:]]
# POS:      [ 6] .SUNW_syminfo LOOS+0xFFFFFFC [[#%.16x,SI:]] [[#%.6x,]] 00001c 04 A 4 [[#DYNIDX:]] 8
# POS:      {{\[}}[[#DYNIDX]]{{\]}} .dynamic DYNAMIC
# POS:      Dynamic section at offset {{.*}} contains 22 entries:
# POS:      0x000000006ffffdfd (<unknown:>0x6ffffdfd) 0x1
# POS-NEXT: 0x0000000000000001 (NEEDED) Shared library: [libl1.so]
# POS-NEXT: 0x0000000000000001 (NEEDED) Shared library: [libl2.so]
# POS-NEXT: 0x0000000000000001 (NEEDED) Shared library: [libl3.so]
# POS:      0x000000006ffffeff (<unknown:>0x6ffffeff) 0x[[#%x,SI]]
# POS-NEXT: 0x000000006ffffdfe (<unknown:>0x6ffffdfe) 0x1c
# POS-NEXT: 0x000000006ffffdff (<unknown:>0x6ffffdff) 0x4
# POS-NEXT: 0x0000000000000000 (NULL) 0x0
# POS:      Symbol table '.dynsym' contains 7 entries:
# POS:        1: {{0+}} 0 FUNC GLOBAL DEFAULT UND f1
# POS-NEXT:   2: {{0+}} 0 FUNC GLOBAL DEFAULT UND f2
# POS-NEXT:   3: {{0+}} 0 FUNC GLOBAL DEFAULT UND f3
# POS-NEXT:   4: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT 10 _start
# POS-NEXT:   5: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT 10 mine
# POS-NEXT:   6: {{0+}}[[#%x,]] 8 OBJECT GLOBAL DEFAULT {{[0-9]+}} d1
## Entry by entry, little-endian Half si_boundto then Half si_flags:
##   0: 0, SYMINFO_CURRENT       1: f1 -> [1] libl1.so, DIRECT|LAZYLOAD
##   2: f2 -> [2] libl2.so, DIRECT  3: f3 -> [3] libl3.so, DIRECT|DIRECTBIND
##   4, 5: _start, mine: SELF, DIRECT   6: d1 (copied) -> [1] libl1.so, DIRECT|COPY|LAZYLOAD
# RUN: llvm-readelf -x .SUNW_syminfo %t/pos | FileCheck %s --check-prefix=POS-HEX
# POS-HEX:      0x{{0*}}[[#%x,]] 00000100 01000900 02000100 03001100
# POS-HEX-NEXT: 0x{{0*}}[[#%x,]] ffff0100 ffff0100 01000d00
# RUN: %python %inputs/syminfo.py %t/pos | FileCheck %s --check-prefix=POS-DEC
# POS-DEC:      dynamic [0] POSFLAG_1 LAZYLOAD
# POS-DEC-NEXT: dynamic [1] NEEDED libl1.so (lazy)
# POS-DEC-NEXT: dynamic [2] NEEDED libl2.so
# POS-DEC-NEXT: dynamic [3] NEEDED libl3.so
# POS-DEC-NEXT: FLAGS_1 0
# POS-DEC-NEXT: syminfo: 7 entries
# POS-DEC-NEXT: [0] boundto 0 flags 0x1
# POS-DEC-NEXT: [1] f1 bound [1] libl1.so flags DIRECT LAZYLOAD
# POS-DEC-NEXT: [2] f2 bound [2] libl2.so flags DIRECT
# POS-DEC-NEXT: [3] f3 bound [3] libl3.so flags DIRECT DIRECTBIND
# POS-DEC-NEXT: [4] _start bound SELF flags DIRECT
# POS-DEC-NEXT: [5] mine bound SELF flags DIRECT
# POS-DEC-NEXT: [6] d1 bound [1] libl1.so flags DIRECT COPY LAZYLOAD
# POS-DEC-NOT:  error

## -B direct, given after the libraries: every dependency before -z nolazyload is lazy, every
## entry DIRECTBIND, DF_1_DIRECT. Two DT_POSFLAG_1 entries move libl2's and libl3's indices.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E %t/a.o %t/libl1.so %t/libl2.so -z nolazyload \
# RUN:   %t/libl3.so -B direct -o %t/bdirect
# RUN: llvm-readelf -d %t/bdirect | FileCheck %s --check-prefix=BD
# BD:      0x000000006ffffdfd (<unknown:>0x6ffffdfd) 0x1
# BD-NEXT: 0x0000000000000001 (NEEDED) Shared library: [libl1.so]
# BD-NEXT: 0x000000006ffffdfd (<unknown:>0x6ffffdfd) 0x1
# BD-NEXT: 0x0000000000000001 (NEEDED) Shared library: [libl2.so]
# BD-NEXT: 0x0000000000000001 (NEEDED) Shared library: [libl3.so]
# BD:      0x000000006ffffffb (FLAGS_1) DIRECT
# RUN: llvm-readelf -x .SUNW_syminfo %t/bdirect | FileCheck %s --check-prefix=BD-HEX
# BD-HEX:      0x{{0*}}[[#%x,]] 00000100 01001900 03001900 04001100
# BD-HEX-NEXT: 0x{{0*}}[[#%x,]] ffff1100 ffff1100 01001d00
# RUN: %python %inputs/syminfo.py %t/bdirect | FileCheck %s --check-prefix=BD-DEC
# BD-DEC:      FLAGS_1 DIRECT
# BD-DEC:      [1] f1 bound [1] libl1.so flags DIRECT LAZYLOAD DIRECTBIND
# BD-DEC-NEXT: [2] f2 bound [3] libl2.so flags DIRECT LAZYLOAD DIRECTBIND
# BD-DEC-NEXT: [3] f3 bound [4] libl3.so flags DIRECT DIRECTBIND
# BD-DEC-NEXT: [4] _start bound SELF flags DIRECT DIRECTBIND
# BD-DEC-NEXT: [5] mine bound SELF flags DIRECT DIRECTBIND
# BD-DEC-NEXT: [6] d1 bound [1] libl1.so flags DIRECT COPY LAZYLOAD DIRECTBIND

## The joined form (-Bdirect, as a compiler driver passes it) and the GNU flavour mean the same.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E %t/a.o %t/libl1.so %t/libl2.so -z nolazyload \
# RUN:   %t/libl3.so -Bdirect -o %t/bdirect2
# RUN: cmp %t/bdirect %t/bdirect2
# RUN: %tld -z gnu -I /lib64/ld-linux-x86-64.so.2 -E %t/a.o %t/libl1.so %t/libl2.so \
# RUN:   -z nolazyload %t/libl3.so -Bdirect -o %t/bdirect3
# RUN: cmp %t/bdirect %t/bdirect3

## A shared object: its definitions are bound to itself (SELF), references to its dependency.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/so.s -o %t/so.o
# RUN: %tld -shared -B direct %t/so.o %t/libl1.so -z nolazyload %t/libl2.so %t/libl3.so \
# RUN:   -h liba.so -o %t/liba.so
# RUN: llvm-readelf --dyn-syms %t/liba.so | FileCheck %s --check-prefix=DSO-SYMS
# DSO-SYMS:      1: {{0+}} 0 FUNC GLOBAL DEFAULT UND f1
# DSO-SYMS-NEXT: 2: {{0+}} 0 OBJECT GLOBAL DEFAULT UND d1
# DSO-SYMS-NEXT: 3: {{0+}} 0 FUNC GLOBAL DEFAULT UND f2
# DSO-SYMS-NEXT: 4: {{0+}} 0 FUNC GLOBAL DEFAULT UND f3
# DSO-SYMS-NEXT: 5: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} entry
# DSO-SYMS-NEXT: 6: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} mine
# RUN: llvm-readelf -x .SUNW_syminfo %t/liba.so | FileCheck %s --check-prefix=DSO-HEX
# DSO-HEX:      0x{{0*}}[[#%x,]] 00000100 01001900 01001900 02001100
# DSO-HEX-NEXT: 0x{{0*}}[[#%x,]] 03001100 ffff1100 ffff1100
# RUN: %python %inputs/syminfo.py %t/liba.so | FileCheck %s --check-prefix=DSO-DEC
# DSO-DEC:      dynamic [0] POSFLAG_1 LAZYLOAD
# DSO-DEC-NEXT: dynamic [1] NEEDED libl1.so (lazy)
# DSO-DEC-NEXT: dynamic [2] NEEDED libl2.so
# DSO-DEC-NEXT: dynamic [3] NEEDED libl3.so
# DSO-DEC-NEXT: FLAGS_1 DIRECT
# DSO-DEC:      [1] f1 bound [1] libl1.so flags DIRECT LAZYLOAD DIRECTBIND
# DSO-DEC-NEXT: [2] d1 bound [1] libl1.so flags DIRECT LAZYLOAD DIRECTBIND
# DSO-DEC-NEXT: [3] f2 bound [2] libl2.so flags DIRECT DIRECTBIND
# DSO-DEC-NEXT: [4] f3 bound [3] libl3.so flags DIRECT DIRECTBIND
# DSO-DEC-NEXT: [5] entry bound SELF flags DIRECT DIRECTBIND
# DSO-DEC-NEXT: [6] mine bound SELF flags DIRECT DIRECTBIND
# DSO-DEC-NOT:  error

## A PIE, with -z lazyload given before everything and -z direct part of the way.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -pie -z lazyload %t/a.o %t/libl1.so -z direct \
# RUN:   %t/libl2.so -z nodirect %t/libl3.so -o %t/pie
# RUN: %python %inputs/syminfo.py %t/pie | FileCheck %s --check-prefix=PIE
# PIE:      dynamic [0] POSFLAG_1 LAZYLOAD
# PIE-NEXT: dynamic [1] NEEDED libl1.so (lazy)
# PIE-NEXT: dynamic [2] POSFLAG_1 LAZYLOAD
# PIE-NEXT: dynamic [3] NEEDED libl2.so (lazy)
# PIE-NEXT: dynamic [4] POSFLAG_1 LAZYLOAD
# PIE-NEXT: dynamic [5] NEEDED libl3.so (lazy)
# PIE-NEXT: FLAGS_1 PIE
# PIE:      f1 bound [1] libl1.so flags DIRECT LAZYLOAD
# PIE-NEXT: f2 bound [3] libl2.so flags DIRECT LAZYLOAD DIRECTBIND
# PIE-NEXT: f3 bound [5] libl3.so flags DIRECT LAZYLOAD
# PIE-NOT:  error

## -z lazyload and -B direct mean nothing to a static link or a relocatable object.
# RUN: %tld -static -B direct -z lazyload %t/a.o --defsym f1=0 --defsym f2=0 --defsym f3=0 \
# RUN:   --defsym d1=0 -o %t/static
# RUN: llvm-readelf -S %t/static | FileCheck %s --check-prefix=NONE
# RUN: %tld -r -B direct %t/a.o -o %t/r.o
# RUN: llvm-readelf -S %t/r.o | FileCheck %s --check-prefix=NONE
# NONE-NOT: SUNW_syminfo

#--- a.s
.globl _start, mine
.text
_start:
  call f1@PLT
  call f2@PLT
  call f3@PLT
  movq d1(%rip), %rax
  ret
mine: ret

#--- so.s
.globl entry, mine
.text
entry:
  call f1@PLT
  call f2@PLT
  call f3@PLT
  movq d1@GOTPCREL(%rip), %rax
  call mine@PLT
  ret
mine: ret

#--- l1.s
.globl f1, d1
.type f1,@function
.type d1,@object
.size d1,8
.text
f1: ret
.data
d1: .quad 1

#--- l2.s
.globl f2
.type f2,@function
.text
f2: ret

#--- l3.s
.globl f3
.type f3,@function
.text
f3: ret
