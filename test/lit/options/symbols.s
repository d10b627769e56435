# Symbol options: --wrap=malloc sends undefined references to malloc to __wrap_malloc and those
# to __real_malloc to malloc; --defsym takes SYM+N and SYM-N; --exclude-libs keeps an archive's
# symbols out of .dynsym (hidden), by name or ALL; --warn-common reports commons meeting commons
# or definitions; --unresolved-symbols decides whether undefined symbols are errors.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l.s -o %t/l.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/c.s -o %t/c.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/u.s -o %t/u.o
# RUN: rm -f %t/libl.a
# RUN: llvm-ar rcs %t/libl.a %t/l.o

# RUN: %tld -static --wrap=malloc %t/a.o %t/b.o -o %t/wrap --defsym plus=_start+4 --defsym minus=g-0x10
# RUN: llvm-objdump -d %t/wrap | FileCheck %s --check-prefix=WRAP
# RUN: llvm-readelf -s %t/wrap | FileCheck %s --check-prefix=DEFSYM
# WRAP:      <_start>:
# WRAP-NEXT: callq {{.*}} <malloc>
# WRAP:      <g>:
# WRAP-NEXT: callq {{.*}} <__wrap_malloc>
# WRAP-NEXT: callq {{.*}} <malloc>
# DEFSYM-DAG: 00000000004010e8 0 NOTYPE GLOBAL DEFAULT 1 _start
# DEFSYM-DAG: 00000000004010f0 0 NOTYPE GLOBAL DEFAULT 1 g
# DEFSYM-DAG: 00000000004010ec 0 NOTYPE GLOBAL DEFAULT ABS plus
# DEFSYM-DAG: 00000000004010e0 0 NOTYPE GLOBAL DEFAULT ABS minus

# RUN: %tld -shared %t/u.o %t/libl.a -o %t/plain.so
# RUN: llvm-readelf --dyn-syms %t/plain.so | FileCheck %s --check-prefix=EXPORTED
# RUN: %tld -shared --exclude-libs=libother.a,libl.a %t/u.o %t/libl.a -o %t/ex.so
# RUN: llvm-readelf --dyn-syms %t/ex.so | FileCheck %s --check-prefix=EXCLUDED
# RUN: llvm-readelf -s %t/ex.so | FileCheck %s --check-prefix=HIDDEN
# RUN: %tld -shared --exclude-libs ALL %t/u.o %t/libl.a -o %t/all.so
# RUN: llvm-readelf --dyn-syms %t/all.so | FileCheck %s --check-prefix=EXCLUDED
# EXPORTED:  libfn
# EXCLUDED:      usefn
# EXCLUDED-NOT:  libfn
# HIDDEN: {{.*}} NOTYPE LOCAL HIDDEN {{.*}} libfn

# RUN: %tld -static --warn-common %t/c.o %t/u.o %t/libl.a -o %t/common 2>&1 | FileCheck %s --check-prefix=COMMON
# COMMON: tld: warning: {{.*}}u.o: multiple common of 'c1'; the first is in {{.*}}c.o
# COMMON: tld: warning: {{.*}}u.o: common of 'c3' overridden by definition in {{.*}}c.o
# COMMON: tld: warning: {{.*}}u.o: definition of 'c2' overriding common in {{.*}}c.o
# RUN: %tld -static %t/c.o %t/u.o %t/libl.a -o %t/common 2>&1 | count 0

# RUN: not %tld -static %t/u.o -o %t/undef 2>&1 | FileCheck %s --check-prefix=UNDEF
# RUN: not %tld -static --unresolved-symbols=ignore-in-shared-libs %t/u.o -o %t/undef 2>&1 | FileCheck %s --check-prefix=UNDEF
# RUN: %tld -static --unresolved-symbols=ignore-all %t/u.o -o %t/undef
# RUN: %tld -static --unresolved-symbols=ignore-in-object-files %t/u.o -o %t/undef
# RUN: llvm-objdump -d %t/undef | FileCheck %s --check-prefix=ZERO
# RUN: %tld -shared %t/u.o -o %t/undef.so
# RUN: not %tld -shared --unresolved-symbols=report-all %t/u.o -o %t/undef.so 2>&1 | FileCheck %s --check-prefix=UNDEF
# UNDEF: tld: error: undefined symbol: libfn
# ZERO: callq 0x0

# RUN: not %tld --unresolved-symbols=some %t/u.o 2>&1 | FileCheck %s --check-prefix=BADUNRES
# BADUNRES: tld: error: --unresolved-symbols=some: expected ignore-all, report-all, ignore-in-object-files or ignore-in-shared-libs
# RUN: not %tld --defsym 'x=_start+' %t/a.o 2>&1 | FileCheck %s --check-prefix=BADDEFSYM
# RUN: not %tld --defsym 'x=1abc' %t/a.o 2>&1 | FileCheck %s --check-prefix=BADDEFSYM
# BADDEFSYM: tld: error: --defsym x={{.*}}: expected SYMBOL, NUMBER, SYMBOL+NUMBER or SYMBOL-NUMBER after '='
# RUN: not %tld -static --defsym x=nosuch+4 %t/a.o -o %t/bad 2>&1 | FileCheck %s --check-prefix=NODEF
# NODEF: tld: error: --defsym x=nosuch+4: 'nosuch' is not defined

#--- a.s
  .globl _start, malloc, __wrap_malloc
_start:
  call malloc
  ret
malloc:
  ret
__wrap_malloc:
  ret
#--- b.s
  .globl g
g:
  call malloc
  call __real_malloc
  ret
#--- l.s
  .globl libfn
libfn:
  ret
#--- c.s
  .comm c1,4,4
  .comm c2,4,4
  .globl c3
  .data
c3: .long 3
#--- u.s
  .globl _start, usefn
_start:
usefn:
  call libfn@PLT
  ret
  .comm c1,8,8
  .comm c3,4,4
  .globl c2
  .data
c2: .long 2
