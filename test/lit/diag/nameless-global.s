# A global symbol without a name (st_name 0) binds inside its object, as GNU ld has it: defined,
# a relocation against it is a relocation against its definition; undefined, it is an error at
# the reference. Both in an archive member, where the member is parsed ahead of the serial loop.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/def.s -o %t/def.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/undef.s -o %t/undef.o
# RUN: %python %S/Inputs/elfpatch.py %t/def.o %t/def0.o sym:target:st_name=0
# RUN: %python %S/Inputs/elfpatch.py %t/undef.o %t/undef0.o sym:target:st_name=0
# RUN: llvm-ar rc %t/def.a %t/def0.o
# RUN: llvm-ar rc %t/undef.a %t/undef0.o

# RUN: %tld -static %t/main.o %t/def.a -o %t/out
# RUN: llvm-objdump -d --no-show-raw-insn %t/out | FileCheck %s --check-prefix=DEF
# DEF:      <bar>:
# DEF-NEXT:   [[BAR:[0-9a-f]+]]: callq 0x[[TARGET:[0-9a-f]+]]
# DEF:        [[TARGET]]: retq

# RUN: not %tld -static %t/main.o %t/undef.a -o %t/out2 2>&1 | FileCheck %s --check-prefix=UNDEF
# RUN: not %tld -static %t/main.o %t/undef0.o -o %t/out2 2>&1 | FileCheck %s --check-prefix=UNDEF
# UNDEF: tld: error: {{.*}}undef0.o{{\)?}}:(.text+0x1): undefined symbol: (a global symbol without a name, index 2)

#--- main.s
.globl _start
_start:
  call bar
  ret

#--- def.s
.globl bar
bar:
  call target
  ret
.globl target
target:
  ret

#--- undef.s
.globl bar
bar:
  call target
  ret
