# Which of a shared object's own definitions stay preemptible (so their references go through
# the PLT and GOT with a symbol) under -Bsymbolic, -Bsymbolic-functions, -Bno-symbolic,
# --dynamic-list, --dynamic-list-data, --export-dynamic-symbol (a glob) and
# --export-dynamic-symbol-list; and when DT_SYMBOLIC/DF_SYMBOLIC tell the loader. GNU ld links
# the same objects with the same options; both outputs are checked with the same lines.
# REQUIRES: llvm-mc, ld.bfd
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o

# RUN: %ld-bfd -shared %t/a.o %t/b.o -o %t/none.gnu
# RUN: %tld -shared %t/a.o %t/b.o -o %t/none.tld
# RUN: llvm-readelf -r %t/none.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,F2,D1,D2
# RUN: llvm-readelf -d %t/none.gnu | FileCheck %s --check-prefix=NOSYM
# RUN: llvm-readelf -r %t/none.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,F2,D1,D2
# RUN: llvm-readelf -d %t/none.tld | FileCheck %s --check-prefix=NOSYM

# RUN: %ld-bfd -shared %t/a.o %t/b.o -Bsymbolic -o %t/sym.gnu
# RUN: %tld -shared %t/a.o %t/b.o -Bsymbolic -o %t/sym.tld
# RUN: llvm-readelf -r %t/sym.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefix=EMPTY
# RUN: llvm-readelf -d %t/sym.gnu | FileCheck %s --check-prefix=SYM
# RUN: llvm-readelf -r %t/sym.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefix=EMPTY
# RUN: llvm-readelf -d %t/sym.tld | FileCheck %s --check-prefix=SYM

# RUN: %ld-bfd -shared %t/a.o %t/b.o -Bsymbolic-functions -o %t/fn.gnu
# RUN: %tld -shared %t/a.o %t/b.o -Bsymbolic-functions -o %t/fn.tld
# RUN: llvm-readelf -r %t/fn.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=D1,D2
# RUN: llvm-readelf -d %t/fn.gnu | FileCheck %s --check-prefix=NOSYM
# RUN: llvm-readelf -r %t/fn.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=D1,D2
# RUN: llvm-readelf -d %t/fn.tld | FileCheck %s --check-prefix=NOSYM
# RUN: %ld-bfd -shared %t/a.o %t/b.o --dynamic-list-data -o %t/dd.gnu
# RUN: %tld -shared %t/a.o %t/b.o --dynamic-list-data -o %t/dd.tld
# RUN: llvm-readelf -r %t/dd.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=D1,D2
# RUN: llvm-readelf -d %t/dd.gnu | FileCheck %s --check-prefix=NOSYM
# RUN: llvm-readelf -r %t/dd.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=D1,D2
# RUN: llvm-readelf -d %t/dd.tld | FileCheck %s --check-prefix=NOSYM

# The last of -Bsymbolic-functions, -Bno-symbolic and -Bsymbolic wins.
# RUN: %ld-bfd -shared %t/a.o %t/b.o -Bsymbolic-functions -Bno-symbolic -o %t/no.gnu
# RUN: %tld -shared %t/a.o %t/b.o -Bsymbolic-functions -Bno-symbolic -o %t/no.tld
# RUN: llvm-readelf -r %t/no.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,F2,D1,D2
# RUN: llvm-readelf -d %t/no.gnu | FileCheck %s --check-prefix=NOSYM
# RUN: llvm-readelf -r %t/no.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,F2,D1,D2
# RUN: llvm-readelf -d %t/no.tld | FileCheck %s --check-prefix=NOSYM
# RUN: %ld-bfd -shared %t/a.o %t/b.o -Bsymbolic-functions -Bsymbolic -o %t/last.gnu
# RUN: %tld -shared %t/a.o %t/b.o -Bsymbolic-functions -Bsymbolic -o %t/last.tld
# RUN: llvm-readelf -r %t/last.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefix=EMPTY
# RUN: llvm-readelf -d %t/last.gnu | FileCheck %s --check-prefix=SYM
# RUN: llvm-readelf -r %t/last.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefix=EMPTY
# RUN: llvm-readelf -d %t/last.tld | FileCheck %s --check-prefix=SYM

# Listed symbols stay preemptible whatever -Bsymbolic says; then the loader is not told.
# RUN: %ld-bfd -shared %t/a.o %t/b.o -Bsymbolic --export-dynamic-symbol=func2 \
# RUN:   --export-dynamic-symbol='data*' -o %t/exp.gnu
# RUN: %tld -shared %t/a.o %t/b.o -Bsymbolic --export-dynamic-symbol=func2 \
# RUN:   --export-dynamic-symbol='data*' -o %t/exp.tld
# RUN: llvm-readelf -r %t/exp.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F2,D1,D2
# RUN: llvm-readelf -d %t/exp.gnu | FileCheck %s --check-prefix=NOSYM
# RUN: llvm-readelf -r %t/exp.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F2,D1,D2
# RUN: llvm-readelf -d %t/exp.tld | FileCheck %s --check-prefix=NOSYM
# RUN: %ld-bfd -shared %t/a.o %t/b.o -Bsymbolic --export-dynamic-symbol-list=%t/list -o %t/expl.gnu
# RUN: %tld -shared %t/a.o %t/b.o -Bsymbolic --export-dynamic-symbol-list=%t/list -o %t/expl.tld
# RUN: llvm-readelf -r %t/expl.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,D2
# RUN: llvm-readelf -d %t/expl.gnu | FileCheck %s --check-prefix=NOSYM
# RUN: llvm-readelf -r %t/expl.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,D2
# RUN: llvm-readelf -d %t/expl.tld | FileCheck %s --check-prefix=NOSYM
# RUN: %ld-bfd -shared %t/a.o %t/b.o --dynamic-list=%t/list -o %t/dl.gnu
# RUN: %tld -shared %t/a.o %t/b.o --dynamic-list=%t/list -o %t/dl.tld
# RUN: llvm-readelf -r %t/dl.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,D2
# RUN: llvm-readelf -d %t/dl.gnu | FileCheck %s --check-prefix=NOSYM
# RUN: llvm-readelf -r %t/dl.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,D2
# RUN: llvm-readelf -d %t/dl.tld | FileCheck %s --check-prefix=NOSYM
# RUN: %ld-bfd -shared %t/a.o %t/b.o --dynamic-list=%t/list -Bsymbolic -o %t/dls.gnu
# RUN: %tld -shared %t/a.o %t/b.o --dynamic-list=%t/list -Bsymbolic -o %t/dls.tld
# RUN: llvm-readelf -r %t/dls.gnu | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,D2
# RUN: llvm-readelf -d %t/dls.gnu | FileCheck %s --check-prefix=NOSYM
# RUN: llvm-readelf -r %t/dls.tld | \
# RUN:   FileCheck %s --implicit-check-not=JUMP_SLOT --implicit-check-not=GLOB_DAT --check-prefixes=F1,D2
# RUN: llvm-readelf -d %t/dls.tld | FileCheck %s --check-prefix=NOSYM

# An executable exports what --export-dynamic-symbol-list names.
# RUN: %ld-bfd -pie %t/a.o --export-dynamic-symbol-list=%t/list -o %t/pie.gnu
# RUN: %tld -pie %t/a.o --export-dynamic-symbol-list=%t/list -o %t/pie.tld
# RUN: llvm-readelf --dyn-syms %t/pie.gnu | FileCheck %s --check-prefix=PIE
# RUN: llvm-readelf --dyn-syms %t/pie.tld | FileCheck %s --check-prefix=PIE
# PIE-NOT: func2
# PIE-NOT: data1
# PIE-DAG: FUNC GLOBAL DEFAULT {{[0-9]+}} func1
# PIE-DAG: OBJECT GLOBAL DEFAULT {{[0-9]+}} data2
# PIE-NOT: func2
# PIE-NOT: data1

# Each output's JUMP_SLOT and GLOB_DAT relocations are exactly those its prefixes list.
# F1-DAG: R_X86_64_JUMP_SLOT {{.*}} func1
# F2-DAG: R_X86_64_JUMP_SLOT {{.*}} func2
# D1-DAG: R_X86_64_GLOB_DAT {{.*}} data1
# D2-DAG: R_X86_64_GLOB_DAT {{.*}} data2
# EMPTY-NOT: R_X86_64_{{JUMP_SLOT|GLOB_DAT}}
# SYM:   (SYMBOLIC) 0x0
# SYM:   (FLAGS) SYMBOLIC
# NOSYM-NOT: SYMBOLIC

#--- a.s
.text
.globl _start, func1, func2
.type func1,@function
.type func2,@function
_start: ret
func1: ret
func2: ret
.data
.globl data1, data2
.type data1,@object
.type data2,@object
.size data1, 8
.size data2, 8
data1: .quad 1
data2: .quad 2

#--- b.s
.text
.globl use
use:
  call func1@PLT
  call func2@PLT
  movq data1@GOTPCREL(%rip), %rax
  movq data2@GOTPCREL(%rip), %rax
  ret

#--- list
{ func1; data2; };
