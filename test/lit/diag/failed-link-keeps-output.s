# A link that fails leaves an existing output file untouched and no temporary file next to it;
# a link that succeeds replaces it.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && mkdir -p %t/dir
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t/a.o
# RUN: echo old > %t/dir/out
# RUN: cp %t/dir/out %t/saved

# Failure while resolving symbols:
# RUN: not %tld -static %t/a.o -o %t/dir/out 2>&1 | FileCheck %s --check-prefix=UNDEF
# UNDEF: tld: error: undefined symbol: foo
# RUN: cmp %t/dir/out %t/saved
# RUN: ls -a %t/dir | FileCheck %s --check-prefix=LS

# Failure while writing (the relocation is applied as the output is written):
# RUN: not %tld -static %t/a.o --defsym foo=0x123456789 -o %t/dir/out 2>&1 | FileCheck %s --check-prefix=RANGE
# RANGE: tld: error: {{.*}}a.o:(.text+0x3): relocation R_X86_64_PC32 out of range
# RUN: cmp %t/dir/out %t/saved
# RUN: ls -a %t/dir | FileCheck %s --check-prefix=LS

# LS:      {{^}}.{{$}}
# LS-NEXT: {{^}}..{{$}}
# LS-NEXT: {{^}}out{{$}}
# LS-NOT:  {{.}}

# RUN: %tld -static %t/a.o --defsym foo=0x401000 -o %t/dir/out
# RUN: not cmp %t/dir/out %t/saved
# RUN: llvm-readelf -h %t/dir/out | FileCheck %s --check-prefix=ELF
# RUN: ls -a %t/dir | FileCheck %s --check-prefix=LS
# ELF: Type: EXEC (Executable file)

.globl _start
_start:
  leaq foo(%rip), %rax
  ret
