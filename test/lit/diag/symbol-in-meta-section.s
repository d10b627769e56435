# A symbol defined in a section that holds no content -- a string table, a symbol table -- is an
# error naming the object, the symbol and the section (GNU ld made it absolute 0: the program
# called address 0). A definition in a section kept out of the link for a reason (here an
# SHF_EXCLUDE section) is a reference, satisfied by another definition.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/f.s -o %t/f.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/excl.s -o %t/excl.o
# RUN: llvm-readelf -S %t/f.o | FileCheck %s --check-prefix=SECS
# SECS: [ 1] .strtab STRTAB
# SECS: [ 3] .symtab SYMTAB
# RUN: %python %S/Inputs/elfpatch.py %t/f.o %t/fstr.o sym:f:st_shndx=1
# RUN: %python %S/Inputs/elfpatch.py %t/f.o %t/fsym.o sym:f:st_shndx=3
# RUN: not %tld -static %t/main.o %t/fstr.o -o %t/out 2>&1 | FileCheck %s --check-prefix=STR
# STR: tld: error: {{.*}}fstr.o: symbol 'f' is defined in section 1 (.strtab, type 3), which holds no content
# RUN: llvm-ar rc %t/fsym.a %t/fsym.o
# RUN: not %tld -static %t/main.o %t/fsym.a -o %t/out 2>&1 | FileCheck %s --check-prefix=SYM
# SYM: tld: error: {{.*}}fsym.a(fsym.o): symbol 'f' is defined in section 3 (.symtab, type 2), which holds no content
# RUN: not ls %t/out
# RUN: %tld -static %t/main.o %t/excl.o %t/f.o -o %t/out
# RUN: llvm-objdump -d --no-show-raw-insn %t/out | FileCheck %s --check-prefix=EXCL
# EXCL:      <_start>:
# EXCL-NEXT:   callq 0x[[F:[0-9a-f]+]] <f>
# EXCL:      [[F]]: retq

#--- main.s
.globl _start
_start:
  call f

#--- f.s
.globl f
f:
  ret

#--- excl.s
.section .excluded,"ae",@progbits
.globl f
f:
  .byte 0
