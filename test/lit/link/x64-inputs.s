# Input forms: an archive member is read only when something needs it, unless
# --whole-archive; a linker script given as an input (GROUP with AS_NEEDED, INPUT, -l inside,
# SEARCH_DIR, comments); an @file response file; -l:file.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 main.s -o main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 one.s -o one.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 two.s -o two.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 three.s -o three.o
# RUN: mkdir -p lib && llvm-ar rcs lib/libone.a one.o && llvm-ar rcs libtwo.a two.o three.o

# Only the member that defines `one` is extracted; two.o and three.o stay out.
# RUN: %tld -static main.o lib/libone.a libtwo.a -o plain
# RUN: llvm-nm plain | FileCheck %s --check-prefix=PLAIN
# PLAIN:     T one
# PLAIN-NOT: two
# PLAIN-NOT: three

# --whole-archive takes every member of the archives that follow it, until --no-whole-archive.
# RUN: %tld -static main.o lib/libone.a --whole-archive libtwo.a --no-whole-archive -o whole
# RUN: llvm-nm whole | FileCheck %s --check-prefix=WHOLE
# WHOLE: T one
# WHOLE: T three
# WHOLE: T two

# A script as an input, as glibc ships libc.so.
# RUN: %tld -static main.o script.ld -o scripted
# RUN: llvm-nm scripted | FileCheck %s --check-prefix=WHOLE

# A response file, with quoting.
# RUN: %tld @resp -o resp.out
# RUN: llvm-nm resp.out | FileCheck %s --check-prefix=PLAIN

# -l:file names the file itself.
# RUN: %tld -static main.o -Llib -l:libone.a -o colon
# RUN: llvm-nm colon | FileCheck %s --check-prefix=PLAIN

# A script command tld does not take is an error naming the line.
# RUN: not %tld -static main.o bad.ld -o bad 2>&1 | FileCheck %s --check-prefix=BAD
# BAD: tld: error: bad.ld:2: unsupported linker script command 'OVERLAY'

#--- main.s
.globl _start
_start:
  call one
  ret
#--- one.s
.globl one
one: ret
#--- two.s
.globl two
two: ret
#--- three.s
.globl three
three:
  call two
  ret
#--- script.ld
/* GNU ld script: the forms distributions ship */
OUTPUT_FORMAT(elf64-x86-64)
SEARCH_DIR("lib")
GROUP ( -lone AS_NEEDED ( libtwo.a ) )
INPUT(three.o)
#--- resp
-static "main.o"
'lib/libone.a' libtwo.a
#--- bad.ld
INPUT(one.o)
SECTIONS { OVERLAY : { .a { *(.a) } } }
