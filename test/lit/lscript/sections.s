# SECTIONS: output section descriptions in script order; `. =` and ALIGN; input descriptions
# with file and section patterns and EXCLUDE_FILE; a fill pattern; data commands; symbol
# assignments with HIDDEN, PROVIDE and PROVIDE_HIDDEN (a PROVIDE is needed when an object or
# the script itself refers to the symbol); expressions with the usual operators and
# functions, and numbers in C's and GNU ld's forms; /DISCARD/; ENTRY; an orphan placed after the section most like it; the headers
# loaded because the script leaves room for them with SIZEOF_HEADERS.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 a.s -o a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 b.s -o b.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 c.s -o c.o
# RUN: %tld -static -T t.lds a.o b.o c.o -o out
# RUN: llvm-readelf -h -S -l -s out | FileCheck %s
# RUN: llvm-objdump -s -j .text -j .rodata -j .data out | FileCheck %s --check-prefix=BYTES
# -Ttext wins over the script's placement of .text.
# RUN: %tld -static -T t.lds -Ttext=0x500000 a.o b.o c.o -o ttext
# RUN: llvm-readelf -S ttext | FileCheck %s --check-prefix=TTEXT
# TTEXT: .text   PROGBITS 0000000000500000
# TTEXT: .rodata PROGBITS 0000000000500042

# CHECK:      Entry point address: 0x4000F0
# CHECK:      [ 1] .text     PROGBITS 00000000004000f0 0000f0 000052 00 AX 0 0 16
# CHECK-NEXT: [ 2] .rodata   PROGBITS 0000000000400142 000142 000017 00  A 0 0  1
# CHECK-NEXT: [ 3] .unusual  PROGBITS 0000000000400159 000159 000001 00  A 0 0  1
# CHECK-NEXT: [ 4] .data     PROGBITS 0000000000401000 001000 000048 00 WA 0 0  1
# CHECK-NEXT: [ 5] .bss      NOBITS   0000000000401048 001048 000118 00 WA 0 0  8
# CHECK-NOT:  .junk
# CHECK:      LOAD 0x000000 0x0000000000400000 0x0000000000400000 0x00015a 0x00015a R E 0x1000
# CHECK-NEXT: LOAD 0x001000 0x0000000000401000 0x0000000000401000 0x000048 0x000160 RW  0x1000
# CHECK-DAG:  0000000000401048 0 NOTYPE LOCAL  HIDDEN  ABS hid
# CHECK-DAG:  0000000000000005 0 NOTYPE LOCAL  HIDDEN  ABS ph
# CHECK-DAG:  0000000000400142 0 NOTYPE GLOBAL DEFAULT ABS _etext
# CHECK-DAG:  0000000000401160 0 NOTYPE GLOBAL DEFAULT ABS bss_end
# CHECK-DAG:  0000000000000010 0 NOTYPE GLOBAL DEFAULT ABS cond
# CHECK-DAG:  000000000010089e 0 NOTYPE GLOBAL DEFAULT ABS numbers
# CHECK-DAG:  0000000000401008 0 NOTYPE GLOBAL DEFAULT ABS addr
# CHECK-DAG:  0000000000000012 0 NOTYPE GLOBAL DEFAULT ABS acc
# CHECK-DAG:  0000000000401058 8 OBJECT GLOBAL DEFAULT   5 common_one
# CHECK-DAG:  0000000000401000 0 NOTYPE GLOBAL DEFAULT ABS data_start
# CHECK-DAG:  0000000000000027 0 NOTYPE GLOBAL DEFAULT ABS mx
# CHECK-DAG:  000000000000009a 0 NOTYPE GLOBAL DEFAULT ABS sz
# CHECK-DAG:  0000000000400140 0 NOTYPE GLOBAL DEFAULT   1 bar
# CHECK-DAG:  0000000000000100 0 NOTYPE GLOBAL DEFAULT ABS pbase
# CHECK-DAG:  0000000000000101 0 NOTYPE GLOBAL DEFAULT ABS ptop
# CHECK-NOT:  unneeded

# .text: a.o's .text.start first, then every .text/.text.* but b.o's, then (at a 32-byte
# boundary) b.o's .text; the gaps hold the fill pattern. .rodata: the input, then BYTE, SHORT,
# LONG and QUAD. .data: SUBALIGN(64) puts b.o's .data at 0x40.
# BYTES:      Contents of section .text:
# BYTES-NEXT: 4000f0 e8030000 00c39090 c3909090 05000000
# BYTES-NEXT: 400100 00000000 48104000 00000000 27000000
# BYTES-NEXT: 400110 00000000 10000000 00000000 9a000000
# BYTES-NEXT: 400120 00000000 90909090 90909090 90909090
# BYTES-NEXT: 400130 90909090 90909090 90909090 90909090
# BYTES-NEXT: 400140 90c3
# BYTES:      Contents of section .rodata:
# BYTES-NEXT: 400142 42014000 00000000 11332277 66554442
# BYTES-NEXT: 400152 01400000 000000
# BYTES:      Contents of section .data:
# BYTES-NEXT: 401000 01000000 00000000 00000000 00000000
# BYTES:      401040 02000000 00000000

#--- t.lds
ENTRY(main_entry)
SECTIONS
{
  . = 0x400000 + SIZEOF_HEADERS;
  .text : ALIGN(16) {
    *(.text.start)
    EXCLUDE_FILE(*b.o) *(.text .text.*)
    . = ALIGN(32);
    b.o(.text)
  } =0x90909090
  _etext = .;
  .rodata : { *(.rodata) BYTE(0x11) SHORT(0x2233) LONG(0x44556677) QUAD(_etext) }
  . = ALIGN(CONSTANT(MAXPAGESIZE));
  .data : SUBALIGN(64) { data_start = .; *(.data) }
  HIDDEN(hid = .);
  PROVIDE_HIDDEN(ph = 5);
  PROVIDE(unneeded = 6);
  PROVIDE(pbase = 0x100);
  ptop = pbase + 1;
  .bss : { *(.bss) *(COMMON) . += 0x100; bss_end = .; }
  sz = SIZEOF(.text) + SIZEOF(.data);
  mx = MAX(1, 2) * 0x10 + MIN(3, 4) - (DEFINED(bar) ? 0 : 1000) + LOG2CEIL(5) + ALIGNOF(.data);
  cond = 1 < 2 && 2 <= 2 || 0 ? 0x100 >> 4 : 1;
  numbers = 010 + 1fh + 101b + 17o + 99d + 2K + 0x1M;
  addr = ADDR(.data) + ALIGN(5, 8);
  acc = 1; acc <<= 4; acc |= 3; acc -= 1;
  /DISCARD/ : { *(.junk) }
}
#--- a.s
.globl _start, main_entry
.section .text.start,"ax",@progbits
main_entry:
_start:
  call foo
  ret
.section .text.foo,"ax",@progbits
foo: ret
.section .rodata,"a",@progbits
.quad _etext
.data
.quad 1
.section .bss,"aw",@nobits
.zero 16
.section .unusual,"a",@progbits
.byte 7
#--- b.s
.text
.globl bar
bar: nop; ret
.data
.quad 2
.section .junk,"a",@progbits
.byte 9
#--- c.s
.globl use
use: .quad ph, hid, mx, cond, sz
.comm common_one, 8, 8
