# A non-PIE executable reaching a shared library's data with absolute or PC-relative addressing
# gets a copy of it in .dynbss with an R_X86_64_COPY, its .dynsym entry defined there (size kept,
# alignment taken from the library's address); a function whose address is taken gets a canonical
# PLT entry whose address is the undefined symbol's value. Only symbols a shared library
# references are exported unless -E/--export-dynamic exports them all.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/lib.s -o %t/lib.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/exe.s -o %t/exe.o
# RUN: %tld -shared %t/lib.o -o %t/libshd.so
# RUN: %tld %t/exe.o -L%t -lshd -o %t/exe
# RUN: llvm-readelf -S -r --dyn-syms %t/exe | FileCheck %s
# CHECK:      [12] .dynbss NOBITS 0000000000403680 000680 000010 00 WA 0 0 32
# CHECK:      Relocation section '.rela.dyn' at offset 0x368 contains 2 entries:
# CHECK:      0000000000403680 0000000200000005 R_X86_64_COPY 0000000000403680 obj + 0
# CHECK-NEXT: 000000000040368c 0000000300000005 R_X86_64_COPY 000000000040368c obj2 + 0
# CHECK:      Relocation section '.rela.plt' at offset 0x398 contains 2 entries:
# CHECK:      0000000000403668 0000000100000007 R_X86_64_JUMP_SLOT 0000000000000000 cb_user + 0
# CHECK-NEXT: 0000000000403670 0000000500000007 R_X86_64_JUMP_SLOT 00000000004013f0 fn + 0
# CHECK:      Symbol table '.dynsym' contains 6 entries:
# CHECK:      1: 0000000000000000 0 NOTYPE GLOBAL DEFAULT UND cb_user
# CHECK-NEXT: 2: 0000000000403680 12 OBJECT GLOBAL DEFAULT 12 obj
# CHECK-NEXT: 3: 000000000040368c 4 OBJECT GLOBAL DEFAULT 12 obj2
# CHECK-NEXT: 4: 0000000000401418 0 NOTYPE GLOBAL DEFAULT 9 exe_cb
# CHECK-NEXT: 5: 00000000004013f0 0 FUNC GLOBAL DEFAULT UND fn
# CHECK-NOT:  unexported
# RUN: llvm-objdump -d --no-show-raw-insn -j .text %t/exe | FileCheck %s --check-prefix=TEXT
# TEXT:      <_start>:
# TEXT-NEXT: 401400: movl 8826(%rip), %eax # 0x403680
# TEXT-NEXT: 401406: movl 8832(%rip), %eax # 0x40368c
# TEXT-NEXT: 40140c: movq $4199408, %rax # imm = 0x4013F0
# TEXT-NEXT: 401413: callq 0x4013e0 <cb_user@plt>

# RUN: %tld -E %t/exe.o %t/libshd.so -o %t/exe-e
# RUN: %tld --export-dynamic %t/exe.o %t/libshd.so -o %t/exe-export
# RUN: cmp %t/exe-e %t/exe-export
# RUN: llvm-readelf --dyn-syms %t/exe-e | FileCheck %s --check-prefix=EXPORT
# EXPORT-DAG: NOTYPE GLOBAL DEFAULT [[#]] _start
# EXPORT-DAG: NOTYPE GLOBAL DEFAULT [[#]] exe_cb
# EXPORT-DAG: NOTYPE GLOBAL DEFAULT [[#]] unexported

#--- lib.s
.globl obj, obj2, fn, cb_user
.type obj,@object
.size obj, 12
.type obj2,@object
.size obj2, 4
.type fn,@function
.data
.p2align 5
obj: .long 1, 2, 3
obj2: .long 4
.text
fn: ret
cb_user: jmp exe_cb@PLT

#--- exe.s
.globl _start, exe_cb, unexported
.text
_start:
  movl obj(%rip), %eax
  movl obj2(%rip), %eax
  movq $fn, %rax
  call cb_user@PLT
exe_cb: ret
unexported: ret
