# What -r refuses, each with one message: garbage collection (nothing is a root), a shared object
# as input (there is nothing to combine it into), and --defsym (no final values exist yet).
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -shared %t.o -o %t.so
# RUN: not %tld -r --gc-sections %t.o -o %t.r.o 2>&1 | FileCheck %s --check-prefix=GC
# RUN: not %tld -r %t.o %t.so -o %t.r.o 2>&1 | FileCheck %s --check-prefix=SHARED
# RUN: not %tld -r --defsym=x=1 %t.o -o %t.r.o 2>&1 | FileCheck %s --check-prefix=DEFSYM
# Undefined references are no error: they are kept for the final link.
# RUN: %tld -r %t.o -o %t.r.o
# RUN: llvm-readelf -s %t.r.o | FileCheck %s --check-prefix=UNDEF

# GC:     tld: error: -r and --gc-sections may not be used together
# SHARED: tld: error: {{.*}}.so: a shared object cannot be an input of a relocatable link (-r)
# DEFSYM: tld: error: --defsym cannot be used with -r
# UNDEF:  NOTYPE  GLOBAL DEFAULT   UND missing
# UNDEF:  NOTYPE  GLOBAL DEFAULT   UND _GLOBAL_OFFSET_TABLE_

  .text
  .globl f
f:
  call missing@PLT
  leaq _GLOBAL_OFFSET_TABLE_(%rip), %rax
  ret
  .section .note.GNU-stack,"",@progbits
