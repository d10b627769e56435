# --gc-sections roots, as GNU ld has them: the entry; SHF_GNU_RETAIN; init/fini arrays, .ctors
# and .init; notes; a C-identifier section only when __start_/__stop_ of it is referenced from
# live code (mysec2, mysec3; not mysec1), and not at all with -z start-stop-gc; an
# SHF_LINK_ORDER section with the section it describes; symbols a shared input references.
# GNU ld links the same objects; both outputs are checked with the same lines.
# REQUIRES: llvm-mc, ld.bfd
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/lib.s -o %t/lib.o
# RUN: %ld-bfd --gc-sections %t/a.o -o %t/a.gnu
# RUN: %tld -static --gc-sections %t/a.o -o %t/a.tld
# RUN: llvm-readelf -S -s %t/a.gnu | FileCheck %s
# RUN: llvm-readelf -S -s %t/a.tld | FileCheck %s
# CHECK-NOT:  mysec1
# CHECK-NOT:  .text.unused
# CHECK-DAG:  .note.mine
# CHECK-DAG:  mysec2
# CHECK-DAG:  mysec3
# CHECK-DAG:  {{ }}meta{{ }}
# CHECK-DAG:  {{ }}retained{{$}}
# CHECK-DAG:  {{ }}initfn{{$}}
# CHECK-DAG:  {{ }}prefn{{$}}
# CHECK-DAG:  {{ }}ctorfn{{$}}
# CHECK-DAG:  {{ }}initsecref{{$}}
# CHECK-DAG:  {{ }}described{{$}}
# CHECK-NOT:  mysec1
# CHECK-NOT:  {{ }}unused{{$}}
# CHECK-NOT:  {{ }}undescribed{{$}}
# CHECK-NOT:  meta2

## -z start-stop-gc: the references do not keep the sections (and stay undefined).
# RUN: not %ld-bfd --gc-sections -z start-stop-gc %t/a.o -o %t/ssgc.gnu 2>&1 | FileCheck %s --check-prefix=SSGC-GNU
# RUN: not %tld -static --gc-sections -z start-stop-gc %t/a.o -o %t/ssgc.tld 2>&1 | FileCheck %s --check-prefix=SSGC
# SSGC-GNU: undefined reference to `__start_mysec2'
# SSGC: tld: error: undefined symbol: __start_mysec2 (no output section named mysec2)

## A definition a shared input refers to is a root.
# RUN: %ld-bfd -shared %t/lib.o -o %t/lib.so
# RUN: %ld-bfd --gc-sections %t/a.o %t/lib.so -o %t/dyn.gnu
# RUN: %tld --gc-sections %t/a.o %t/lib.so -o %t/dyn.tld
# RUN: llvm-readelf --dyn-syms %t/dyn.gnu | FileCheck %s --check-prefix=DYN
# RUN: llvm-readelf --dyn-syms %t/dyn.tld | FileCheck %s --check-prefix=DYN
# DYN: FUNC GLOBAL DEFAULT {{[0-9]+}} callback

#--- a.s
.text
.globl _start
_start:
  movq __start_mysec2(%rip), %rax
  movq __stop_mysec3@GOTPCREL(%rip), %rax
  call described
  ret
.section .text.unused,"ax",@progbits
unused: ret
.section mysec1,"a",@progbits
  .quad 1
.section mysec2,"a",@progbits
  .quad 2
.section mysec3,"aw",@progbits
  .quad 3
.section .text.retained,"axR",@progbits
retained: ret
.section .note.mine,"a",@note
  .long 4, 4, 1
  .asciz "abc"
  .long 0
.section .init_array,"aw",@init_array
  .quad initfn
.section .text.initfn,"ax",@progbits
initfn: ret
.section .preinit_array,"aw",@preinit_array
  .quad prefn
.section .text.prefn,"ax",@progbits
prefn: ret
.section .ctors,"aw",@progbits
  .quad ctorfn
.section .text.ctorfn,"ax",@progbits
ctorfn: ret
.section .init,"ax",@progbits
  call initsecref
.section .text.initsecref,"ax",@progbits
initsecref: ret
.section .text.described,"ax",@progbits
described: ret
.section meta,"ao",@progbits,.text.described
  .quad 4
.section .text.undescribed,"ax",@progbits
undescribed: ret
.section meta2,"ao",@progbits,.text.undescribed
  .quad 5
.section .text.callback,"ax",@progbits
.globl callback
.type callback,@function
callback: ret
.section .note.GNU-stack,"",@progbits

#--- lib.s
.text
.globl libfn
libfn:
  jmp callback@PLT
