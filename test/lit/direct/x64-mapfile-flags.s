# Mapfile symbol flags that shape .SUNW_syminfo, in both syntaxes (version 2 `FLAGS = ...`,
# version 1 `sym = FLAG;`), which give the same output byte for byte:
#   DIRECT on a reference: DIRECTBIND; on a definition: SELF, DIRECT|DIRECTBIND;
#   NODIRECT on a reference: DIRECT only (and no DF_1_DIRECT under -B direct); on a definition:
#     SYMINFO_BT_NONE, NOEXTDIRECT, and DF_1_NODIRECT;
#   INTERPOSE on a definition of an executable: SYMINFO_FLG_INTERPOSE and DF_1_SYMINTPOSE (an
#     error, located, in a shared object);
#   EXTERN: SYMINFO_BT_EXTERN; PARENT: SYMINFO_BT_PARENT with DIRECT.
# A flag on a symbol the link does not know is a warning naming the mapfile line.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l.s -o %t/l.o
# RUN: %tld -shared %t/l.o -h libl.so -o %t/libl.so

# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E -M %t/v2.map %t/a.o %t/libl.so -o %t/v2 2>&1 \
# RUN:   | FileCheck %s --check-prefix=WARN2
# WARN2: tld: warning: {{.*}}v2.map: 10: symbol nosuch is neither defined nor referenced by the link: its DIRECT flag has no effect
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E -M %t/v1.map %t/a.o %t/libl.so -o %t/v1 2>&1 \
# RUN:   | FileCheck %s --check-prefix=WARN1
# WARN1: tld: warning: {{.*}}v1.map: 10: symbol nosuch is neither defined nor referenced by the link: its DIRECT flag has no effect
# RUN: cmp %t/v1 %t/v2

# RUN: llvm-readelf -d --dyn-syms %t/v2 | FileCheck %s --check-prefix=SYMS
# SYMS:      0x000000006ffffffb (FLAGS_1) NODIRECT SYMINTPOSE
# SYMS:      1: {{0+}} 0 NOTYPE GLOBAL DEFAULT UND ext
# SYMS-NEXT: 2: {{0+}} 0 NOTYPE GLOBAL DEFAULT UND par
# SYMS-NEXT: 3: {{0+}} 0 FUNC GLOBAL DEFAULT UND f1
# SYMS-NEXT: 4: {{0+}} 0 FUNC GLOBAL DEFAULT UND f2
# SYMS-NEXT: 5: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} _start
# SYMS-NEXT: 6: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} mine
# SYMS-NEXT: 7: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} ip
# SYMS-NEXT: 8: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT {{[0-9]+}} other
# RUN: llvm-readelf -x .SUNW_syminfo %t/v2 | FileCheck %s --check-prefix=HEX
# HEX:      0x{{0*}}[[#%x,]] 00000100 fcff0000 feff0100 00001100
# HEX-NEXT: 0x{{0*}}[[#%x,]] 00000100 ffff0100 fdff2000 ffff8100
# HEX-NEXT: 0x{{0*}}[[#%x,]] ffff1100
# RUN: %python %inputs/syminfo.py %t/v2 | FileCheck %s --check-prefix=DEC
# DEC:      dynamic [0] NEEDED libl.so
# DEC-NEXT: FLAGS_1 NODIRECT SYMINTPOSE
# DEC-NEXT: syminfo: 9 entries
# DEC-NEXT: [0] boundto 0 flags 0x1
# DEC-NEXT: [1] ext bound EXTERN flags 0
# DEC-NEXT: [2] par bound PARENT flags DIRECT
# DEC-NEXT: [3] f1 bound [0] libl.so flags DIRECT DIRECTBIND
# DEC-NEXT: [4] f2 bound [0] libl.so flags DIRECT
# DEC-NEXT: [5] _start bound SELF flags DIRECT
# DEC-NEXT: [6] mine bound NONE flags NOEXTDIRECT
# DEC-NEXT: [7] ip bound SELF flags DIRECT INTERPOSE
# DEC-NEXT: [8] other bound SELF flags DIRECT DIRECTBIND
# DEC-NOT:  error

## Under -B direct the NODIRECT symbols keep DF_1_DIRECT out; every other entry is DIRECTBIND.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -E -B direct -z nolazyload -M %t/v2.map %t/a.o \
# RUN:   %t/libl.so -o %t/bd 2>/dev/null
# RUN: %python %inputs/syminfo.py %t/bd | FileCheck %s --check-prefix=BD
# BD:      FLAGS_1 NODIRECT SYMINTPOSE
# BD:      [1] ext bound EXTERN flags 0
# BD-NEXT: [2] par bound PARENT flags DIRECT DIRECTBIND
# BD-NEXT: [3] f1 bound [0] libl.so flags DIRECT DIRECTBIND
# BD-NEXT: [4] f2 bound [0] libl.so flags DIRECT
# BD-NEXT: [5] _start bound SELF flags DIRECT DIRECTBIND
# BD-NEXT: [6] mine bound NONE flags NOEXTDIRECT
# BD-NEXT: [7] ip bound SELF flags DIRECT DIRECTBIND INTERPOSE
# BD-NEXT: [8] other bound SELF flags DIRECT DIRECTBIND

## INTERPOSE in a shared object is an error at its line, in either syntax.
# RUN: not %tld -shared -M %t/v2.map %t/a.o %t/libl.so -o %t/so 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ERR2
# ERR2: tld: error: {{.*}}v2.map: 8: symbol ip: INTERPOSE can only be used when building a dynamic executable
# RUN: not %tld -shared -M %t/v1.map %t/a.o %t/libl.so -o %t/so 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ERR1
# ERR1: tld: error: {{.*}}v1.map: 8: symbol ip: INTERPOSE can only be used when building a dynamic executable

## A mapfile with only EXTERN symbols makes the section too (Solaris records SYMINFO_BT_EXTERN).
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -M %t/extern.map %t/a.o %t/libl.so -o %t/ext
# RUN: %python %inputs/syminfo.py %t/ext | FileCheck %s --check-prefix=EXT
# EXT:      FLAGS_1 0
# EXT:      [1] ext bound EXTERN flags 0
# EXT-NEXT: [2] par bound EXTERN flags 0
# EXT-NEXT: [3] f1 bound [0] libl.so flags DIRECT

#--- v2.map
$mapfile_version 2
SYMBOL_SCOPE {
  global:
    f1 { FLAGS = DIRECT };
    f2 { FLAGS = NODIRECT };
    mine { FLAGS = NODIRECT };
    other { FLAGS = DIRECT };
    ip { FLAGS = INTERPOSE };
    ext { FLAGS = EXTERN };
    nosuch { FLAGS = DIRECT };
    par { FLAGS = PARENT };
};

#--- v1.map
# The same in version 1 syntax, line for line.
{
  global:
    f1 = DIRECT;
    f2 = NODIRECT;
    mine = NODIRECT;
    other = DIRECT;
    ip = INTERPOSE;
    ext = EXTERN;
    nosuch = DIRECT;
    par = PARENT;
};

#--- extern.map
$mapfile_version 2
SYMBOL_SCOPE { global: ext { FLAGS = EXTERN }; par { FLAGS = EXTERN }; };

#--- a.s
.globl _start, mine, other, ip
.text
_start:
  call f1@PLT
  call f2@PLT
  call ext@PLT
  call par@PLT
  ret
mine: ret
other: ret
ip: ret

#--- l.s
.globl f1, f2
.type f1,@function
.type f2,@function
.text
f1: ret
f2: ret
