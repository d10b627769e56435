# Linker-defined symbols in a static executable: __bss_start, _edata, _end, __ehdr_start,
# __init_array_start/_end, __start_SEC/__stop_SEC for a section whose name is a C identifier,
# and _GLOBAL_OFFSET_TABLE_ (a GOT is made for it even when no relocation needs a slot).
# .init_array.N sections are sorted by priority and come before a plain .init_array.
# With .note.GNU-stack in every input the stack is not executable.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/note.s -o %t/note.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/nonote.s -o %t/nonote.o
# RUN: %tld -static %t/a.o %t/note.o -o %t/out
# RUN: llvm-readelf -S -s %t/out | FileCheck %s
# RUN: llvm-readelf -x .data -x .init_array %t/out | FileCheck %s --check-prefix=DATA
# RUN: llvm-readelf -l %t/out | FileCheck %s --check-prefix=NX

# CHECK:     .init_array INIT_ARRAY 0000000000402194 {{[0-9a-f]+}} 000018
# CHECK:     .got        PROGBITS   00000000004021b0 {{[0-9a-f]+}} 000000
# CHECK:     .data       PROGBITS   00000000004031b0 {{[0-9a-f]+}} 000048
# CHECK:     my_sec      PROGBITS   00000000004031f8 {{[0-9a-f]+}} 000008
# CHECK:     .bss        NOBITS     0000000000403200 {{[0-9a-f]+}} 000004
# CHECK-DAG: 0000000000403200 0 NOTYPE GLOBAL DEFAULT 6 __bss_start
# CHECK-DAG: 0000000000403200 0 NOTYPE GLOBAL DEFAULT 5 _edata
# CHECK-DAG: 0000000000403204 0 NOTYPE GLOBAL DEFAULT 6 _end
# CHECK-DAG: 0000000000400000 0 NOTYPE LOCAL HIDDEN ABS __ehdr_start
# CHECK-DAG: 0000000000402194 0 NOTYPE LOCAL HIDDEN 2 __init_array_start
# CHECK-DAG: 00000000004021ac 0 NOTYPE LOCAL HIDDEN 2 __init_array_end
# CHECK-DAG: 00000000004021b0 0 NOTYPE LOCAL HIDDEN 3 _GLOBAL_OFFSET_TABLE_
# CHECK-DAG: 00000000004031f8 0 NOTYPE GLOBAL PROTECTED 5 __start_my_sec
# CHECK-DAG: 0000000000403200 0 NOTYPE GLOBAL PROTECTED 5 __stop_my_sec

# Priority 100, then 200, then the unsuffixed section.
# DATA:      Hex dump of section '.init_array':
# DATA-NEXT: 0x00402194 64000000 00000000 c8000000 00000000
# DATA-NEXT: 0x004021a4 01000000 00000000
# DATA:      Hex dump of section '.data':
# DATA-NEXT: 0x004031b0 00324000 00000000 00324000 00000000
# DATA-NEXT: 0x004031c0 04324000 00000000 00004000 00000000
# DATA-NEXT: 0x004031d0 94214000 00000000 ac214000 00000000
# DATA-NEXT: 0x004031e0 f8314000 00000000 00324000 00000000
# DATA-NEXT: 0x004031f0 b0214000 00000000

# NX: GNU_STACK 0x000000 0x0000000000000000 0x0000000000000000 0x000000 0x000000 RW 0x10

# One input without the note makes the stack executable.
# RUN: %tld -static %t/a.o %t/nonote.o -o %t/out2
# RUN: llvm-readelf -l %t/out2 | FileCheck %s --check-prefix=X
# X: GNU_STACK 0x000000 0x0000000000000000 0x0000000000000000 0x000000 0x000000 RWE 0x10

#--- a.s
.globl _start
.text
_start:
  ret

.section .init_array.200,"aw",@init_array
.quad 200
.section .init_array.100,"aw",@init_array
.quad 100
.section .init_array,"aw",@init_array
.quad 1

.section my_sec,"aw"
.quad 7

.bss
.zero 4

.data
.quad __bss_start, _edata, _end, __ehdr_start, __init_array_start, __init_array_end
.quad __start_my_sec, __stop_my_sec, _GLOBAL_OFFSET_TABLE_

.section .note.GNU-stack,"",@progbits

#--- note.s
.section .note.GNU-stack,"",@progbits

#--- nonote.s
.data
