# i386 PLT: R_386_PLT32 calls to a shared object's functions go through a lazy PLT entry. A
# non-PIC executable gets the absolute form (`jmp *slot`, PLT0 `pushl gotplt+4; jmp *gotplt+8`);
# a PIE or a shared object gets the PIC form that reaches .got.plt through %ebx (`ff a3`,
# `ff b3`). Each .got.plt slot starts out pointing at its entry's pushl; its JUMP_SLOT
# relocation's offset in .rel.plt is the pushl's operand. A call of a local function is direct
# (x86-got.s).
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %tld %t.o %t-lib.so -o %t.exe
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -S -r -x .got.plt %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -pie %t.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: llvm-readelf -S -r -x .got.plt %t.pie | FileCheck %s --check-prefix=PIE-REL
# RUN: %tld -shared %t.o %t-lib.so -o %t.so
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO

# EXE:      08049200 <.plt>:
# EXE-NEXT: ff 35 5c b3 04 08 pushl 134525788
# EXE-NEXT: ff 25 60 b3 04 08 jmpl *134525792
# EXE-NEXT: 00 00
# EXE-NEXT: 00 00
# EXE:      08049210 <f1@plt>:
# EXE-NEXT: ff 25 64 b3 04 08 jmpl *134525796
# EXE-NEXT: 68 00 00 00 00    pushl $0
# EXE-NEXT: e9 e0 ff ff ff    jmp 0x8049200 <.plt>
# EXE:      08049220 <f2@plt>:
# EXE-NEXT: ff 25 68 b3 04 08 jmpl *134525800
# EXE-NEXT: 68 08 00 00 00    pushl $8
# EXE-NEXT: e9 d0 ff ff ff    jmp 0x8049200 <.plt>
# EXE:      08049230 <_start>:
# EXE-NEXT: e8 db ff ff ff    calll 0x8049210 <f1@plt>
# EXE-NEXT: e8 e6 ff ff ff    calll 0x8049220 <f2@plt>
# EXE-NEXT: e8 d1 ff ff ff    calll 0x8049210 <f1@plt>

# EXE-REL:      .plt PROGBITS 08049200 000200 000030
# EXE-REL:      .got.plt PROGBITS 0804b358 000358 000014
# EXE-REL:      Relocation section '.rel.plt' at offset {{.*}} contains 2 entries:
# EXE-REL:      0804b364 00000107 R_386_JUMP_SLOT 00000000 f1
# EXE-REL-NEXT: 0804b368 00000207 R_386_JUMP_SLOT 00000000 f2
# EXE-REL:      Hex dump of section '.got.plt':
# EXE-REL-NEXT: 0x0804b358 40a20408 00000000 00000000 16920408
# EXE-REL-NEXT: 0x0804b368 26920408

# PIE:      00001200 <.plt>:
# PIE-NEXT: ff b3 04 00 00 00 pushl 4(%ebx)
# PIE-NEXT: ff a3 08 00 00 00 jmpl *8(%ebx)
# PIE:      00001210 <f1@plt>:
# PIE-NEXT: ff a3 0c 00 00 00 jmpl *12(%ebx)
# PIE-NEXT: 68 00 00 00 00    pushl $0
# PIE-NEXT: e9 e0 ff ff ff    jmp 0x1200 <.plt>
# PIE:      00001220 <f2@plt>:
# PIE-NEXT: ff a3 10 00 00 00 jmpl *16(%ebx)
# PIE-NEXT: 68 08 00 00 00    pushl $8
# PIE-NEXT: e9 d0 ff ff ff    jmp 0x1200 <.plt>
# PIE:      00001230 <_start>:
# PIE-NEXT: e8 db ff ff ff    calll 0x1210 <f1@plt>
# PIE-NEXT: e8 e6 ff ff ff    calll 0x1220 <f2@plt>
# PIE-NEXT: e8 d1 ff ff ff    calll 0x1210 <f1@plt>

# PIE-REL:      .got.plt PROGBITS 00003358 000358 000014
# PIE-REL:      00003364 00000107 R_386_JUMP_SLOT 00000000 f1
# PIE-REL-NEXT: 00003368 00000207 R_386_JUMP_SLOT 00000000 f2
# PIE-REL:      Hex dump of section '.got.plt':
# PIE-REL-NEXT: 0x00003358 40220000 00000000 00000000 16120000
# PIE-REL-NEXT: 0x00003368 26120000

# SO:      000011c0 <.plt>:
# SO-NEXT: ff b3 04 00 00 00 pushl 4(%ebx)
# SO-NEXT: ff a3 08 00 00 00 jmpl *8(%ebx)
# SO:      000011d0 <f1@plt>:
# SO-NEXT: ff a3 0c 00 00 00 jmpl *12(%ebx)
# SO:      000011f0 <_start>:
# SO-NEXT: e8 db ff ff ff    calll 0x11d0 <f1@plt>
# SO-NEXT: e8 e6 ff ff ff    calll 0x11e0 <f2@plt>
# SO-NEXT: e8 d1 ff ff ff    calll 0x11d0 <f1@plt>

.ifdef LIB
.globl f1, f2
.type f1,@function
.type f2,@function
.text
f1: ret
f2: ret
.else
.globl _start
.text
_start:
  call f1@PLT
  call f2@PLT
  call f1@PLT
  ret
.endif
