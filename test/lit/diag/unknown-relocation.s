# A relocation type the target does not know is reported at its location with its number.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: llvm-readelf -r %t.o | FileCheck %s --check-prefix=BEFORE
# Rewrite the type of the only relocation (the low half of r_info in .rela.text) to 200.
# RUN: python3 -c "import struct, sys; b = bytearray(open(sys.argv[1], 'rb').read()); shoff, = struct.unpack_from('<Q', b, 0x28); n, = struct.unpack_from('<H', b, 0x3c); hdrs = [shoff + 64 * i for i in range(n)]; rela = [h for h in hdrs if struct.unpack_from('<I', b, h + 4)[0] == 4]; assert len(rela) == 1; off, = struct.unpack_from('<Q', b, rela[0] + 24); struct.pack_into('<I', b, off + 8, 200); open(sys.argv[2], 'wb').write(b)" %t.o %t.bad.o
# RUN: llvm-readelf -r %t.bad.o | FileCheck %s --check-prefix=AFTER
# RUN: not %tld -static %t.bad.o -o %t.out 2>&1 | FileCheck %s

# BEFORE: 0000000000000003 {{.*}} R_X86_64_PC32 {{.*}} foo - 4
# AFTER:  0000000000000003 {{[0-9a-f]+}}000000c8 Unknown
# CHECK:  tld: error: {{.*}}.bad.o:(.text+0x3): unknown relocation type 200

.globl _start
_start:
  leaq foo(%rip), %rax
foo:
  ret
.globl foo
