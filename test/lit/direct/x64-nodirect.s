# Keeping symbols from direct binding. -B nodirect: every definition the object exports (except a
# protected one) gets SYMINFO_BT_NONE and SYMINFO_FLG_NOEXTDIRECT, and the object DF_1_NODIRECT.
# A link against such a library reads its .SUNW_syminfo: a reference to a definition that
# refuses direct binding keeps SYMINFO_FLG_DIRECT (the association) but not DIRECTBIND, even
# under -B direct, and then DF_1_DIRECT is left out (a loader honouring only the object-wide flag
# would bind it directly). -z nodirect does the same for the dependencies after it; -z direct
# alone binds references directly without DF_1_DIRECT, and the object's own definitions are only
# associated with it (SELF, DIRECT). -z interpose sets DF_1_INTERPOSE beside them.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/nd.s -o %t/nd.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l2.s -o %t/l2.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/bad.s -o %t/bad.o

## The library: g and h refuse direct binding; p is protected and keeps it.
# RUN: %tld -shared -B nodirect %t/nd.o -h libnd.so -o %t/libnd.so
# RUN: llvm-readelf -d --dyn-syms %t/libnd.so | FileCheck %s --check-prefix=ND
# ND:      0x000000006ffffffb (FLAGS_1) NODIRECT
# ND:      1: {{0+}}[[#%x,]] 0 FUNC GLOBAL DEFAULT {{[0-9]+}} g
# ND-NEXT: 2: {{0+}}[[#%x,]] 0 FUNC GLOBAL DEFAULT {{[0-9]+}} h
# ND-NEXT: 3: {{0+}}[[#%x,]] 0 FUNC GLOBAL PROTECTED {{[0-9]+}} p
# RUN: llvm-readelf -x .SUNW_syminfo %t/libnd.so | FileCheck %s --check-prefix=ND-HEX
# ND-HEX: 0x{{0*}}[[#%x,]] 00000100 fdff2000 fdff2000 ffff0100
# RUN: %python %inputs/syminfo.py %t/libnd.so | FileCheck %s --check-prefix=ND-DEC
# ND-DEC:      FLAGS_1 NODIRECT
# ND-DEC:      [1] g bound NONE flags NOEXTDIRECT
# ND-DEC-NEXT: [2] h bound NONE flags NOEXTDIRECT
# ND-DEC-NEXT: [3] p bound SELF flags DIRECT

## -B direct against it: g and h are only associated, p and f2 bound directly; no DF_1_DIRECT.
# RUN: %tld -shared %t/l2.o -h libl2.so -o %t/libl2.so
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -B direct %t/a.o -z nolazyload %t/libnd.so \
# RUN:   %t/libl2.so -o %t/exe
# RUN: llvm-readelf -d --dyn-syms %t/exe | FileCheck %s --check-prefix=EXE
# EXE-NOT:  FLAGS_1
# EXE:      1: {{0+}} 0 FUNC GLOBAL DEFAULT UND g
# EXE-NEXT: 2: {{0+}} 0 FUNC GLOBAL DEFAULT UND h
# EXE-NEXT: 3: {{0+}} 0 FUNC GLOBAL DEFAULT UND p
# EXE-NEXT: 4: {{0+}} 0 FUNC GLOBAL DEFAULT UND f2
# RUN: llvm-readelf -x .SUNW_syminfo %t/exe | FileCheck %s --check-prefix=EXE-HEX
# EXE-HEX: 0x{{0*}}[[#%x,]] 00000100 00000100 00000100 00001100
# EXE-HEX: 0x{{0*}}[[#%x,]] 01001100
# RUN: %python %inputs/syminfo.py %t/exe | FileCheck %s --check-prefix=EXE-DEC
# EXE-DEC:      FLAGS_1 0
# EXE-DEC:      [1] g bound [0] libnd.so flags DIRECT
# EXE-DEC-NEXT: [2] h bound [0] libnd.so flags DIRECT
# EXE-DEC-NEXT: [3] p bound [0] libnd.so flags DIRECT DIRECTBIND
# EXE-DEC-NEXT: [4] f2 bound [1] libl2.so flags DIRECT DIRECTBIND

## -z nodirect before libl2 under -B direct: f2 is not bound directly, and DF_1_DIRECT goes.
## Without the refusing library, the same link has DF_1_DIRECT.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E -B direct -z nolazyload %t/b.o -z nodirect \
# RUN:   %t/libl2.so -o %t/znd
# RUN: %python %inputs/syminfo.py %t/znd | FileCheck %s --check-prefix=ZND
# ZND:      FLAGS_1 0
# ZND:      [1] f2 bound [0] libl2.so flags DIRECT
# ZND-NEXT: [2] _start bound SELF flags DIRECT DIRECTBIND
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E -B direct -z nolazyload %t/b.o %t/libl2.so \
# RUN:   -z interpose -o %t/bd
# RUN: llvm-readelf -d %t/bd | FileCheck %s --check-prefix=BD
# BD: 0x000000006ffffffb (FLAGS_1) DIRECT INTERPOSE
# RUN: %python %inputs/syminfo.py %t/bd | FileCheck %s --check-prefix=BD-DEC
# BD-DEC:      FLAGS_1 DIRECT INTERPOSE
# BD-DEC:      [1] f2 bound [0] libl2.so flags DIRECT DIRECTBIND
# BD-DEC-NEXT: [2] _start bound SELF flags DIRECT DIRECTBIND

## -z direct alone: references bound directly, definitions only associated, no DF_1_DIRECT.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E %t/b.o -z direct %t/libl2.so -o %t/zd
# RUN: llvm-readelf -x .SUNW_syminfo %t/zd | FileCheck %s --check-prefix=ZD-HEX
# ZD-HEX: 0x{{0*}}[[#%x,]] 00000100 00001100 ffff0100
# RUN: %python %inputs/syminfo.py %t/zd | FileCheck %s --check-prefix=ZD
# ZD:      dynamic [0] NEEDED libl2.so
# ZD-NEXT: FLAGS_1 0
# ZD:      [1] f2 bound [0] libl2.so flags DIRECT DIRECTBIND
# ZD-NEXT: [2] _start bound SELF flags DIRECT

## -z nodirect alone asks for nothing: no section.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/b.o -z nodirect %t/libl2.so -o %t/nothing
# RUN: llvm-readelf -S %t/nothing | FileCheck %s --check-prefix=NOTHING
# NOTHING-NOT: SUNW_syminfo

## -B direct and -B nodirect together are an error; a dependency's .SUNW_syminfo that does not
## describe its .dynsym is ignored with a warning naming it.
# RUN: not %tld -B direct %t/b.o -B nodirect %t/libl2.so -o %t/both 2>&1 \
# RUN:   | FileCheck %s --check-prefix=BOTH
# BOTH: tld: error: -B direct and -B nodirect are incompatible
# RUN: %tld -shared %t/bad.o -h libbad.so -o %t/libbad.so
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/c.s -o %t/c.o
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -B direct %t/c.o %t/libbad.so -o %t/withbad 2>&1 \
# RUN:   | FileCheck %s --check-prefix=BAD
# BAD: tld: warning: {{.*}}libbad.so: section {{[0-9]+}} (.SUNW_syminfo) is malformed and is ignored

#--- a.s
.globl _start
.text
_start:
  call g@PLT
  call h@PLT
  call p@PLT
  call f2@PLT
  ret

#--- b.s
.globl _start
.text
_start:
  call f2@PLT
  ret

#--- c.s
.globl _start
.text
_start:
  call f2b@PLT
  ret

#--- nd.s
.globl g, h, p
.protected p
.type g,@function
.type h,@function
.type p,@function
.text
g: ret
h: ret
p: ret

#--- l2.s
.globl f2
.type f2,@function
.text
f2: ret

#--- bad.s
## Not a table of .dynsym (sh_link 0): a broken or foreign input.
.globl f2b
.type f2b,@function
.text
f2b: ret
.section .SUNW_syminfo,"a",@0x6ffffffc
.short 0, 1, 0xfffd, 0x20
