# --dynamic-list: in an executable only the listed symbols are exported (a pattern works too);
# in a shared object every default-visibility symbol is still exported, but only the listed ones
# stay preemptible: a call to an unlisted one binds within the object (no PLT entry).
# --export-dynamic-symbol exports one symbol from an executable.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 exe.s -o exe.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 lib.s -o lib.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 dep.s -o dep.o
# RUN: %tld -shared dep.o -soname libdep.so -o libdep.so
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 exe.o libdep.so --dynamic-list exe.list -o exe
# RUN: llvm-readelf --dyn-syms exe | FileCheck %s --check-prefix=EXE
# EXE:     GLOBAL DEFAULT {{[0-9]+}} keep_one
# EXE:     GLOBAL DEFAULT {{[0-9]+}} keep_two
# EXE-NOT: other
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 exe.o libdep.so --export-dynamic-symbol other -o exe2
# RUN: llvm-readelf --dyn-syms exe2 | FileCheck %s --check-prefix=EXE2
# EXE2-NOT: keep_
# EXE2:     GLOBAL DEFAULT {{[0-9]+}} other
# RUN: %tld -shared lib.o --dynamic-list lib.list -o lib.so
# RUN: llvm-readelf -r --dyn-syms lib.so | FileCheck %s --check-prefix=LIB
# LIB:     R_X86_64_JUMP_SLOT {{.*}} listed + 0
# LIB-NOT: R_X86_64_JUMP_SLOT
# LIB:     GLOBAL DEFAULT {{[0-9]+}} listed
# LIB:     GLOBAL DEFAULT {{[0-9]+}} unlisted
# RUN: llvm-objdump -d lib.so | FileCheck %s --check-prefix=CALLS
# CALLS:      <f>:
# CALLS-NEXT: callq {{.*}} <listed@plt>
# CALLS-NEXT: callq {{.*}} <unlisted>

#--- exe.s
.globl _start, keep_one, keep_two, other
_start: call dep
  ret
keep_one: ret
keep_two: ret
other: ret
#--- exe.list
{ keep_one; keep_t*; };
#--- dep.s
.globl dep
dep: ret
#--- lib.s
.globl f, listed, unlisted
f: call listed
  call unlisted
  ret
listed: ret
unlisted: ret
#--- lib.list
{ listed; };
