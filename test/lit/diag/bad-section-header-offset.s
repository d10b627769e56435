# An e_shoff that points far past the end of the file is reported, not followed.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: python3 -c "import sys; b = bytearray(open(sys.argv[1], 'rb').read()); b[0x28:0x30] = (0x7fff0000).to_bytes(8, 'little'); open(sys.argv[2], 'wb').write(b)" %t.o %t.bad.o
# RUN: not %tld -static %t.bad.o -o %t.out 2>&1 | FileCheck %s

# CHECK: tld: error: {{.*}}.bad.o: bad section header table (offset 0x7fff0000, entry size 64)

.globl _start
_start:
  ret
