# VERSION { ... } in a script is a version script: its nodes version the shared object's
# symbols and `local: *` hides the rest. PROVIDE in the same script gives an otherwise undefined
# reference a value.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 v.s -o v.o
# RUN: %tld -shared v.o v.lds -o v.so
# RUN: llvm-readelf --dyn-syms -V v.so | FileCheck %s

# CHECK:     Symbol table '.dynsym'
# CHECK-DAG: GLOBAL DEFAULT {{[0-9]+}} f1@@V1
# CHECK-DAG: GLOBAL DEFAULT {{[0-9]+}} f2@@V2
# CHECK-NOT: f3
# CHECK:     Name: V1
# CHECK:     Name: V2
# CHECK:     Parent 1: V1

#--- v.lds
PROVIDE(missing = 0x42);
VERSION {
  V1 { global: f1; local: *; };
  V2 { global: f2; } V1;
}
#--- v.s
.text
.globl f1, f2, f3
f1: ret
f2: ret
f3: lea missing(%rip), %rax; ret
