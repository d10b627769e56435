# An archive member is read as a relocatable object only when its e_type says it is one: a
# member that claims to be a shared object or an executable is an error naming it (GNU ld makes
# such a member a DT_NEEDED dependency named after it, which cannot be loaded).
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/f.s -o %t/f.o
# RUN: %python %S/Inputs/elfpatch.py %t/f.o %t/fdyn.o ehdr:e_type=3
# RUN: %python %S/Inputs/elfpatch.py %t/f.o %t/fexe.o ehdr:e_type=2
# RUN: llvm-ar rc %t/dyn.a %t/fdyn.o
# RUN: llvm-ar rc %t/exe.a %t/fexe.o
# RUN: not %tld -static %t/main.o %t/dyn.a -o %t/out 2>&1 | FileCheck %s --check-prefix=DYN
# DYN: tld: error: {{.*}}dyn.a(fdyn.o): not a relocatable object (e_type 3, a shared object)
# RUN: not %tld -pie %t/main.o %t/exe.a -o %t/out 2>&1 | FileCheck %s --check-prefix=EXE
# EXE: tld: error: {{.*}}exe.a(fexe.o): not a relocatable object (e_type 2, an executable)
# RUN: not ls %t/out
# The same member, unpatched, links.
# RUN: llvm-ar rc %t/good.a %t/f.o
# RUN: %tld -static %t/main.o %t/good.a -o %t/out

#--- main.s
.globl _start
_start:
  call f

#--- f.s
.globl f
f:
  ret
