# An archive whose symbol index points at an offset that is not a member header is an error
# naming the entry, not a silent "undefined symbol".
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/foo.s -o %t/foo.o
# RUN: rm -f %t/good.a
# RUN: llvm-ar rcs %t/good.a %t/foo.o
# RUN: %tld -static %t/main.o %t/good.a -o %t/out

# The GNU index member starts at 0x44: a big-endian count (1), then the offset of foo's member.
# RUN: python3 -c "import sys; b = bytearray(open(sys.argv[1], 'rb').read()); assert b[0x44:0x48] == b'\0\0\0\1'; b[0x48:0x4c] = (0x7000).to_bytes(4, 'big'); open(sys.argv[2], 'wb').write(b)" %t/good.a %t/bad.a
# RUN: not %tld -static %t/main.o %t/bad.a -o %t/out 2>&1 | FileCheck %s

# CHECK:     tld: error: {{.*}}bad.a: symbol index entry 0 ('foo') refers to offset 0x7000, which is not a member
# CHECK-NOT: undefined symbol

# An offset inside the archive whose header is not a member header is found when the member is
# first wanted: only the headers up to the first member, and those of the members the link
# takes, are read. Here foo's member follows bar's; its header loses its end marker.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/bar.s -o %t/bar.o
# RUN: rm -f %t/two.a
# RUN: llvm-ar rcs %t/two.a %t/bar.o %t/foo.o
# RUN: %tld -static %t/main.o %t/two.a -o %t/out
# RUN: python3 -c "import sys; b = bytearray(open(sys.argv[1], 'rb').read()); n = int.from_bytes(b[0x44:0x48], 'big'); offs = [int.from_bytes(b[0x48+4*i:0x4c+4*i], 'big') for i in range(n)]; off = max(offs); assert b[off+58:off+60] == bytes([0x60, 10]); b[off+58] = 0x78; open(sys.argv[2], 'wb').write(b)" %t/two.a %t/badhdr.a
# RUN: not %tld -static %t/main.o %t/badhdr.a -o %t/out 2>&1 | FileCheck %s --check-prefix=HDR
# HDR: tld: error: {{.*}}badhdr.a: member at offset 0x{{[0-9a-f]+}}: bad header
# A link that needs only bar never reads foo's header.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main-bar.s -o %t/main-bar.o
# RUN: %tld -static %t/main-bar.o %t/badhdr.a -o %t/out-bar

#--- main.s
.globl _start
_start:
  call foo

#--- foo.s
.globl foo
foo:
  ret

#--- bar.s
.globl bar
bar:
  ret

#--- main-bar.s
.globl _start
_start:
  call bar
