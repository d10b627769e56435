# Every tag tld writes into .dynamic, in executables, PIEs and shared objects.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/lib.s -o %t/lib.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/unused.s -o %t/unused.o
# RUN: %tld -shared %t/lib.o -soname libused.so -o %t/libused.so
# RUN: %tld -shared %t/unused.o -h libunused.so -o %t/libunused.so

## An executable: --as-needed drops the library nothing references and keeps the one that is
## used; -rpath and -R make one DT_RUNPATH; _init/_fini and the arrays give INIT, FINI,
## PREINIT_ARRAY, INIT_ARRAY and FINI_ARRAY with their sizes; DT_DEBUG for the debugger;
## -z now and -z origin set both flag words.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/a.o --as-needed %t/libunused.so %t/libused.so --no-as-needed -rpath /opt/a \
# RUN:   -R /opt/b -z now -z origin -o %t/exe
# RUN: llvm-readelf -h -S -d %t/exe | FileCheck %s --check-prefix=EXE
# EXE:      Type: EXEC
# EXE:      .text          PROGBITS      0000000000401310 000310 000008
# EXE:      .preinit_array PREINIT_ARRAY 0000000000402318 000318 000018
# EXE:      .init_array    INIT_ARRAY    0000000000402330 000330 000010
# EXE:      .fini_array    FINI_ARRAY    0000000000402340 000340 000008
# EXE:      Dynamic section at offset 0x348 contains 24 entries:
# EXE-NEXT: Tag                Type              Name/Value
# EXE-NEXT: 0x0000000000000001 (NEEDED)          Shared library: [libused.so]
# EXE-NEXT: 0x000000000000001d (RUNPATH)         Library runpath: [/opt/a:/opt/b]
# EXE-NEXT: 0x000000000000000c (INIT)            0x401315
# EXE-NEXT: 0x000000000000000d (FINI)            0x401316
# EXE-NEXT: 0x0000000000000020 (PREINIT_ARRAY)   0x402318
# EXE-NEXT: 0x0000000000000021 (PREINIT_ARRAYSZ) 24 (bytes)
# EXE-NEXT: 0x0000000000000019 (INIT_ARRAY)      0x402330
# EXE-NEXT: 0x000000000000001b (INIT_ARRAYSZ)    16 (bytes)
# EXE-NEXT: 0x000000000000001a (FINI_ARRAY)      0x402340
# EXE-NEXT: 0x000000000000001c (FINI_ARRAYSZ)    8 (bytes)
# EXE-NEXT: 0x0000000000000004 (HASH)            0x400254
# EXE-NEXT: 0x000000006ffffef5 (GNU_HASH)        0x400268
# EXE-NEXT: 0x0000000000000005 (STRTAB)          0x4002b8
# EXE-NEXT: 0x0000000000000006 (SYMTAB)          0x400288
# EXE-NEXT: 0x000000000000000a (STRSZ)           29 (bytes)
# EXE-NEXT: 0x000000000000000b (SYMENT)          24 (bytes)
# EXE-NEXT: 0x0000000000000015 (DEBUG)           0x0
# EXE-NEXT: 0x0000000000000003 (PLTGOT)          0x402588
# EXE-NEXT: 0x0000000000000002 (PLTRELSZ)        24 (bytes)
# EXE-NEXT: 0x0000000000000014 (PLTREL)          RELA
# EXE-NEXT: 0x0000000000000017 (JMPREL)          0x4002d8
# EXE-NEXT: 0x000000000000001e (FLAGS)           ORIGIN BIND_NOW
# EXE-NEXT: 0x000000006ffffffb (FLAGS_1)         NOW ORIGIN
# EXE-NEXT: 0x0000000000000000 (NULL)            0x0

## Without --as-needed both libraries are needed, in command-line order.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/a.o %t/libunused.so %t/libused.so -o %t/exe-all
# RUN: llvm-readelf -d %t/exe-all | FileCheck %s --check-prefix=ALL
# ALL:      (NEEDED) Shared library: [libunused.so]
# ALL-NEXT: (NEEDED) Shared library: [libused.so]
# ALL-NOT:  RUNPATH
# ALL-NOT:  FLAGS

## A shared object: -soname, RPATH with --disable-new-dtags, RELA/RELASZ/RELAENT and a
## RELACOUNT counting the R_X86_64_RELATIVE entries sorted first, -z nodelete, -z initfirst,
## -z interpose, and no DT_DEBUG (only an executable's is filled in by the loader).
# RUN: %tld -shared %t/a.o %t/libused.so --disable-new-dtags -rpath /opt/a -soname libx.so.1 \
# RUN:   -z nodelete -z initfirst -z interpose -z now -o %t/libx.so
# RUN: llvm-readelf -d -r %t/libx.so | FileCheck %s --check-prefix=DSO
# DSO:      (NEEDED)        Shared library: [libused.so]
# DSO-NEXT: (SONAME)        Library soname: [libx.so.1]
# DSO-NEXT: (RPATH)         Library rpath: [/opt/a]
# DSO-NEXT: (INIT)
# DSO-NEXT: (FINI)
# DSO-NOT:  DEBUG
# DSO:      (RELA)
# DSO-NEXT: (RELASZ)        192 (bytes)
# DSO-NEXT: (RELAENT)       24 (bytes)
# DSO-NEXT: (RELACOUNT)     5
# DSO-NEXT: (FLAGS)         BIND_NOW
# DSO-NEXT: (FLAGS_1)       NOW NODELETE INITFIRST INTERPOSE
# DSO-NEXT: (NULL)
# DSO:      Relocation section '.rela.dyn' {{.*}} contains 8 entries:
# DSO-COUNT-5: R_X86_64_RELATIVE
# DSO-NEXT: R_X86_64_64 {{0+}}[[#%x,]] _init + 0
# DSO-NEXT: R_X86_64_64 {{0+}}[[#%x,]] _fini + 0
# DSO-NEXT: R_X86_64_64 {{0+}}[[#%x,]] _start + 0

## -h is -soname; a PIE has FLAGS_1 PIE and DT_DEBUG, and RELACOUNT for its own pointers.
# RUN: %tld -shared %t/unused.o -h libh.so -o %t/libh.so
# RUN: llvm-readelf -d %t/libh.so | FileCheck %s --check-prefix=SONAME
# SONAME: (SONAME) Library soname: [libh.so]
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -pie %t/a.o %t/libused.so -o %t/pie
# RUN: llvm-readelf -h -d %t/pie | FileCheck %s --check-prefix=PIE
# PIE:      Type: DYN
# PIE:      (DEBUG) 0x0
# PIE:      (RELACOUNT) 8
# PIE:      (FLAGS_1) PIE
# PIE-NEXT: (NULL)

#--- a.s
.globl _start, _init, _fini
.text
_start: call f1@PLT
_init: ret
_fini: ret
local_fn: ret
.section .preinit_array,"aw",@preinit_array
.p2align 3
.quad local_fn
.quad local_fn
.quad local_fn
.section .init_array,"aw",@init_array
.p2align 3
.quad local_fn
.quad _init
.section .fini_array,"aw",@fini_array
.p2align 3
.quad _fini
.data
.p2align 3
p: .quad p
.quad _start

#--- lib.s
.globl f1
.type f1,@function
.text
f1: ret

#--- unused.s
.globl g
.text
g: ret
