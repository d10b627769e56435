# The other commands: INCLUDE reads a script in place (here MEMORY), EXTERN makes an undefined
# reference (which extracts an archive member), STARTUP and INPUT add inputs, OUTPUT names the
# output when -o does not, OUTPUT_FORMAT/OUTPUT_ARCH/TARGET/NOCROSSREFS are checked for form;
# --script is -T's long form.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 main.s -o main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 lib.s -o lib.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 start.s -o start.o
# RUN: llvm-ar rcs libx.a lib.o
# RUN: %tld -static --script=cmd.lds main.o libx.a
# RUN: llvm-readelf -S -s named.out | FileCheck %s

# CHECK:     .text PROGBITS 0000000000002000
# CHECK-DAG: GLOBAL DEFAULT 1 _start
# CHECK-DAG: GLOBAL DEFAULT 1 pulled
# CHECK-DAG: GLOBAL DEFAULT 1 main

#--- cmd.lds
# a comment to end of line
OUTPUT_FORMAT("elf64-x86-64", "elf64-x86-64", "elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
TARGET(elf64-x86-64)
OUTPUT(named.out)
STARTUP(start.o)
EXTERN(pulled)
INCLUDE mem.lds
NOCROSSREFS(.text .data)
SECTIONS
{
  .text : { *(.text) } > code
}
#--- mem.lds
MEMORY { code (rx) : ORIGIN = 0x2000, LENGTH = 0x1000 }
#--- start.s
.globl _start
.text
_start: call main
#--- main.s
.globl main
.text
main: ret
#--- lib.s
.globl pulled
.text
pulled: ret
