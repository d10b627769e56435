# An executable linked with no shared object is static, as GNU ld makes it: no PT_INTERP, no
# dynamic section, even with -E or --dynamic-linker (lld makes a dynamic one with -E). A PIE stays
# dynamic. Both outputs are checked with the same lines.
# REQUIRES: llvm-mc, ld.bfd
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %ld-bfd %t.o -o %t.gnu
# RUN: %tld %t.o -o %t.tld
# RUN: %ld-bfd -E --dynamic-linker /lib64/ld-linux-x86-64.so.2 %t.o -o %t.e.gnu
# RUN: %tld -E --dynamic-linker /lib64/ld-linux-x86-64.so.2 %t.o -o %t.e.tld
# RUN: llvm-readelf -l -d %t.gnu | FileCheck %s --check-prefix=STATIC
# RUN: llvm-readelf -l -d %t.tld | FileCheck %s --check-prefix=STATIC
# RUN: llvm-readelf -l -d %t.e.gnu | FileCheck %s --check-prefix=STATIC
# RUN: llvm-readelf -l -d %t.e.tld | FileCheck %s --check-prefix=STATIC
# STATIC:     Elf file type is EXEC
# STATIC-NOT: INTERP
# STATIC-NOT: DYNAMIC
# RUN: %ld-bfd -pie %t.o -o %t.pie.gnu
# RUN: %tld -pie %t.o -o %t.pie.tld
# RUN: llvm-readelf -l %t.pie.gnu | FileCheck %s --check-prefix=PIE
# RUN: llvm-readelf -l %t.pie.tld | FileCheck %s --check-prefix=PIE
# PIE: DYNAMIC
.globl _start
_start:
  movl $60, %eax
  xorl %edi, %edi
  syscall
.section .note.GNU-stack,"",@progbits
