# Address arithmetic that would wrap past the top of the address space (or past 4 GiB in an
# ELF32 output) is an error naming the section or segment, never a corrupt output written with
# exit status 0. Nothing is written.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=i386 %t/a.s -o %t/a32.o

# A section placed where it does not fit below 2^64:
# RUN: not %tld -static %t/a.o -Ttext=0xfffffffffffffff0 -o %t/out 2>&1 | FileCheck %s --check-prefix=TEXT
# TEXT: tld: error: section .text: address range 0xfffffffffffffff0 + 0x24 wraps past the top of the address space (0xffffffffffffffff)

# A linker script's location counter:
# RUN: not %tld -static %t/a.o -T %t/top.lds -o %t/out 2>&1 | FileCheck %s --check-prefix=TEXT

# The headers' segment ends exactly at the top, and the next segment's address wraps to 0x...:
# RUN: not %tld -static %t/a.o --image-base=0xfffffffffffff000 -o %t/out 2>&1 | FileCheck %s --check-prefix=BASE
# BASE: tld: error: segment 1 (PT_LOAD at 0x{{[0-9a-f]+}}) starts below the end of segment 0 (0xfffffffffffff000 + 0x{{[0-9a-f]+}}): its address wrapped past the top of the address space (0xffffffffffffffff)

# ELF32: past 4 GiB.
# RUN: not %tld -static %t/a32.o -Tdata=0xfffffffe -o %t/out 2>&1 | FileCheck %s --check-prefix=DATA32
# DATA32: tld: error: section .data: address range 0xfffffffe + 0x8 wraps past the top of the address space (0xffffffff)
# RUN: not %tld -static %t/a32.o --image-base=0xfffff000 -o %t/out 2>&1 | FileCheck %s --check-prefix=BASE32
# BASE32: tld: error: section .text: address range 0x1000{{[0-9a-f]+}} + 0x{{[0-9a-f]+}} wraps past the top of the address space (0xffffffff)

# RUN: not ls %t/out

# Up to the top is fine.
# RUN: %tld -static %t/a.o -Tdata=0xfffffffffffffff8 -o %t/top
# RUN: llvm-readelf -S %t/top | FileCheck %s --check-prefix=FITS
# FITS: .data PROGBITS fffffffffffffff8

#--- a.s
.globl _start
_start:
  .fill 0x24, 1, 0x90
.data
.quad 1

#--- top.lds
SECTIONS {
  . = 0xfffffffffffffff0;
  .text : { *(.text) }
  .data : { *(.data) }
}
