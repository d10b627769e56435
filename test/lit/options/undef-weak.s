# -z dynamic-undefined-weak leaves an undefined weak symbol of a PIE to the runtime linker (a
# .dynsym entry and a GLOB_DAT); -z nodynamic-undefined-weak resolves it to zero here, in a PIE
# and in a shared object alike. --no-undefined-version and --no-warn-mismatch are accepted.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -pie --no-relax -z dynamic-undefined-weak %t.o -o %t.dyn
# RUN: llvm-readelf -r --dyn-syms %t.dyn | FileCheck %s --check-prefix=DYN
# DYN: R_X86_64_GLOB_DAT 0000000000000000 wk + 0
# DYN: 0000000000000000 0 NOTYPE WEAK DEFAULT UND wk
# RUN: %tld -pie --no-relax -z nodynamic-undefined-weak %t.o -o %t.static
# RUN: llvm-readelf -r --dyn-syms %t.static | FileCheck %s --check-prefix=NODYN
# RUN: %tld -shared --no-relax %t.o -o %t.so
# RUN: llvm-readelf --dyn-syms %t.so | FileCheck %s --check-prefix=DYNSYM
# DYNSYM: WEAK DEFAULT UND wk
# RUN: %tld -shared --no-relax -z nodynamic-undefined-weak --no-undefined-version --no-warn-mismatch %t.o -o %t.so
# RUN: llvm-readelf -r --dyn-syms %t.so | FileCheck %s --check-prefix=NODYN
# NODYN-NOT: wk

  .globl _start
_start:
  movq wk@GOTPCREL(%rip), %rax
  ret
  .weak wk
