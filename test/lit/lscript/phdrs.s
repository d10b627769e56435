# PHDRS: the program headers are exactly those named, in order; FILEHDR and PHDRS put the
# headers in a PT_LOAD, PT_PHDR covers the table, FLAGS sets p_flags and AT p_paddr; a section
# names its segments with :phdr (several for a note) or inherits the previous section's.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 s.s -o s.o
# RUN: %tld -static -T ph.lds s.o -o ph
# RUN: llvm-readelf -S -l ph | FileCheck %s

# CHECK:      .text   PROGBITS 0000000000400158 000158 000001
# CHECK-NEXT: .rodata PROGBITS 0000000000400159 000159 000001
# CHECK-NEXT: .note   NOTE     000000000040015c 00015c 000014
# CHECK-NEXT: .data   PROGBITS 0000000000401000 001000 000001
# CHECK:      Program Headers:
# CHECK-NEXT: Type      Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align
# CHECK-NEXT: PHDR      0x000040 0x0000000000400040 0x0000000000400040 0x000118 0x000118 R   0x8
# CHECK-NEXT: LOAD      0x000000 0x0000000000400000 0x0000000000400000 0x000170 0x000170 R E 0x1000
# CHECK-NEXT: LOAD      0x001000 0x0000000000401000 0x0000000000800000 0x000001 0x000001 RW  0x1000
# CHECK-NEXT: NOTE      0x00015c 0x000000000040015c 0x000000000040015c 0x000014 0x000014 R   0x4
# CHECK-NEXT: GNU_STACK 0x000000 0x0000000000000000 0x0000000000000000 0x000000 0x000000 RW  0x10
# CHECK:      00
# CHECK-NEXT: 01 .text .rodata .note
# CHECK-NEXT: 02 .data
# CHECK-NEXT: 03 .note
# CHECK-NEXT: 04 {{$}}

#--- ph.lds
PHDRS
{
  headers PT_PHDR PHDRS;
  text PT_LOAD FILEHDR PHDRS FLAGS(5);
  data PT_LOAD AT(0x800000);
  note PT_NOTE;
  stack PT_GNU_STACK FLAGS(6);
}
SECTIONS
{
  . = 0x400000 + SIZEOF_HEADERS;
  .text : { *(.text) } :text
  .rodata : { *(.rodata) }
  .note : { *(.note.*) } :text :note
  . = ALIGN(0x1000);
  .data : { *(.data) } :data
}
#--- s.s
.globl _start
.text
_start: ret
.section .rodata,"a",@progbits
.byte 1
.data
.byte 2
.section .note.tst,"a",@note
.p2align 2
.long 4, 4, 1
.asciz "tld"
.long 0
