# Tracing: -t prints each input as it is read, archive members as lib.a(member.o); -y SYM (and
# --trace-symbol) prints each file that defines or references SYM in GNU ld's words;
# --why-extract writes who pulled each archive member in and by which symbol; --verbose prints
# the version, the target, the search directories and every library it tried.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/m.s -o %t/m.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/n.s -o %t/n.o
# RUN: rm -f %t/libx.a
# RUN: llvm-ar rcs %t/libx.a %t/m.o %t/n.o
# RUN: %tld -z gnu -t -static %t/a.o %t/libx.a -o %t/out | FileCheck %s --check-prefix=TRACE
# RUN: %tld --trace -static %t/a.o %t/libx.a -o %t/out | FileCheck %s --check-prefix=TRACE
# RUN: %tld -static -y foo --trace-symbol=bar %t/a.o %t/libx.a -o %t/out 2>&1 | FileCheck %s --check-prefix=SYM
# RUN: %tld -static --why-extract=%t/why.txt %t/a.o %t/libx.a -o %t/out
# RUN: FileCheck %s --check-prefix=WHY --input-file=%t/why.txt
# RUN: %tld -static -u bar --why-extract=- %t/a.o %t/libx.a -o %t/out | FileCheck %s --check-prefix=WHYU
# RUN: %tld --verbose -static -m elf_x86_64 %t/a.o -L%t -L%t/none -lx -o %t/out | FileCheck %s --check-prefix=VERB
# RUN: not %tld -static --why-extract=%t/nodir/why %t/a.o %t/libx.a -o %t/out 2>&1 | FileCheck %s --check-prefix=NOWHY
# NOWHY: tld: error: cannot open --why-extract file {{.*}}nodir/why: No such file or directory
# RUN: %tld --verbose | FileCheck %s --check-prefix=VERSION

# TRACE:      {{.*}}a.o
# TRACE-NEXT: {{.*}}libx.a
# TRACE-NEXT: {{.*}}libx.a(m.o)
# TRACE-NEXT: {{.*}}libx.a(n.o)
# TRACE-NOT:  {{.}}

# SYM:      {{.*}}a.o: reference to foo
# SYM-NEXT: {{.*}}libx.a(m.o): definition of foo
# SYM-NEXT: {{.*}}libx.a(m.o): reference to bar
# SYM-NEXT: {{.*}}libx.a(n.o): definition of bar
# SYM-NOT:  {{.}}

# WHY: reference	extracted	symbol
# WHY-NEXT: {{.*}}a.o	{{.*}}libx.a(m.o)	foo
# WHY-NEXT: {{.*}}libx.a(m.o)	{{.*}}libx.a(n.o)	bar
# WHY-NOT: {{.}}

# WHYU: reference	extracted	symbol
# WHYU-NEXT: {{.*}}a.o	{{.*}}libx.a(m.o)	foo
# WHYU-NEXT: --undefined	{{.*}}libx.a(n.o)	bar

# VERB:      tld {{[0-9.]+}} (compatible with GNU linkers)
# VERB-NEXT: target: x64 (emulation elf_x86_64)
# VERB-NEXT: library search directories:
# VERB-NEXT:   {{.*}}trace.s.tmp
# VERB-NEXT:   {{.*}}trace.s.tmp/none
# VERB-NEXT: attempt to open {{.*}}trace.s.tmp/libx.a succeeded

# VERSION:     tld {{[0-9.]+}} (compatible with GNU linkers)
# VERSION-NOT: {{.}}

#--- a.s
  .globl _start
_start:
  call foo
#--- m.s
  .globl foo
foo:
  call bar
#--- n.s
  .globl bar
bar:
  ret
