# In a shared object a default-visibility function is preemptible: calls to it go through the PLT
# and its address through a GLOB_DAT slot. A protected one is not: the call is direct. -Bsymbolic
# binds every definition locally (no PLT at all, the GOT slot becomes RELATIVE, DF_SYMBOLIC);
# -Bsymbolic-functions binds only the functions.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -shared %t.o -o %t.so
# RUN: llvm-readelf -S -r --dyn-syms %t.so | FileCheck %s --check-prefix=DEFAULT
# RUN: llvm-objdump -d --no-show-raw-insn -j .text %t.so | FileCheck %s --check-prefix=DEFAULT-TEXT
# DEFAULT:      ] .plt PROGBITS
# DEFAULT:      R_X86_64_GLOB_DAT {{0+}}[[#%x,]] dat + 0
# DEFAULT:      Relocation section '.rela.plt' {{.*}} contains 1 entries:
# DEFAULT:      R_X86_64_JUMP_SLOT {{0+}}[[#%x,]] g + 0
# DEFAULT:      FUNC GLOBAL PROTECTED [[#]] h
# DEFAULT-TEXT:      <f>:
# DEFAULT-TEXT-NEXT: callq {{.*}} <g@plt>
# DEFAULT-TEXT-NEXT: callq {{.*}} <h>
# DEFAULT-TEXT-NEXT: movq {{.*}}(%rip), %rax

# RUN: %tld -shared -Bsymbolic %t.o -o %t-sym.so
# RUN: llvm-readelf -S -r -d %t-sym.so | FileCheck %s --check-prefix=SYMBOLIC
# RUN: llvm-objdump -d --no-show-raw-insn -j .text %t-sym.so | FileCheck %s --check-prefix=SYMBOLIC-TEXT
# SYMBOLIC-NOT:  ] .plt PROGBITS
# SYMBOLIC:      (FLAGS) SYMBOLIC
# SYMBOLIC:      Relocation section '.rela.dyn' {{.*}} contains 1 entries:
# SYMBOLIC-NEXT: Offset
# SYMBOLIC-NEXT: R_X86_64_RELATIVE
# SYMBOLIC-NOT:  R_X86_64_JUMP_SLOT
# SYMBOLIC-TEXT:      <f>:
# SYMBOLIC-TEXT-NEXT: callq {{.*}} <g>
# SYMBOLIC-TEXT-NEXT: callq {{.*}} <h>

# RUN: %tld -shared -Bsymbolic-functions %t.o -o %t-fn.so
# RUN: llvm-readelf -r %t-fn.so | FileCheck %s --check-prefix=FUNCTIONS
# FUNCTIONS:     R_X86_64_GLOB_DAT {{0+}}[[#%x,]] dat + 0
# FUNCTIONS-NOT: R_X86_64_JUMP_SLOT

.globl f, g, h, dat
.protected h
.type f,@function
.type g,@function
.type h,@function
.text
f:
  call g@PLT
  call h@PLT
  movq dat@GOTPCREL(%rip), %rax
  ret
g: ret
h: ret
.data
.type dat,@object
dat: .quad 0
