# An object cut short is rejected with its name and what is wrong, not read past its end.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: head -c 100 %t.o > %t.short.o
# RUN: not %tld -static %t.short.o -o %t.out 2>&1 | FileCheck %s --check-prefix=HEADER
# RUN: head -c 300 %t.o > %t.part.o
# RUN: not %tld -static %t.part.o -o %t.out 2>&1 | FileCheck %s --check-prefix=TABLE
# RUN: head -c 10 %t.o > %t.tiny.o
# RUN: not %tld -static %t.tiny.o -o %t.out 2>&1 | FileCheck %s --check-prefix=TINY

# HEADER: tld: error: {{.*}}.short.o: bad section header table (offset 0x98, entry size 64)
# TABLE:  tld: error: {{.*}}.part.o: section header table (4 entries at 0x98) extends past the end of the file
# TINY:   tld: error: {{.*}}.tiny.o: truncated ELF header

.globl _start
_start:
  ret
