# The lazy PLT of a dynamic executable: the header pushes GOT[1] and jumps through GOT[2]
# (ff 35 / ff 25 / nopl), each entry jumps through its .got.plt slot, pushes its index into
# .rela.plt and jumps to the header (ff 25 / 68 idx / e9). .got.plt holds _DYNAMIC, two slots for
# the loader and one slot per function that initially points at its entry's push (entry + 6).
# Each slot has an R_X86_64_JUMP_SLOT; DT_PLTGOT, DT_JMPREL, DT_PLTRELSZ and DT_PLTREL describe
# them. A function called twice has one entry.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/lib.s -o %t/lib.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %tld -shared %t/lib.o -soname libplt.so -o %t/libplt.so
# RUN: %tld %t/main.o %t/libplt.so -o %t/main --dynamic-linker /lib64/ld-linux-x86-64.so.2
# RUN: llvm-readelf -S -r -d %t/main | FileCheck %s
# RUN: llvm-objdump -d --no-show-raw-insn -j .text %t/main | FileCheck %s --check-prefix=TEXT
# RUN: llvm-objdump -d -j .plt %t/main | FileCheck %s --check-prefix=PLT
# RUN: llvm-readelf -x .got.plt %t/main | FileCheck %s --check-prefix=GOTPLT

# CHECK:      .rela.plt RELA     00000000004002f0 0002f0 000030 18 AI 4 11 8
# CHECK:      .plt      PROGBITS 0000000000401320 000320 000030 00 AX 0 0 16
# CHECK:      .text     PROGBITS 0000000000401350
# CHECK:      .dynamic  DYNAMIC  0000000000402360
# CHECK:      [11] .got.plt PROGBITS 0000000000403590 000590 000028 08 WA 0 0 8

# CHECK:      (NEEDED)   Shared library: [libplt.so]
# CHECK:      (PLTGOT)   0x403590
# CHECK-NEXT: (PLTRELSZ) 48 (bytes)
# CHECK-NEXT: (PLTREL)   RELA
# CHECK-NEXT: (JMPREL)   0x4002f0

# CHECK:      Relocation section '.rela.plt' at offset 0x2f0 contains 2 entries:
# CHECK:      00000000004035a8 0000000100000007 R_X86_64_JUMP_SLOT 0000000000000000 f1 + 0
# CHECK-NEXT: 00000000004035b0 0000000200000007 R_X86_64_JUMP_SLOT 0000000000000000 f2 + 0

# TEXT:      <_start>:
# TEXT-NEXT: 401350: callq 0x401330 <f1@plt>
# TEXT-NEXT: 401355: callq 0x401340 <f2@plt>
# TEXT-NEXT: 40135a: callq 0x401330 <f1@plt>

# PLT:      0000000000401320 <.plt>:
# PLT-NEXT: 401320: ff 35 72 22 00 00 pushq 8818(%rip) # 0x403598
# PLT-NEXT: 401326: ff 25 74 22 00 00 jmpq *8820(%rip) # 0x4035a0
# PLT-NEXT: 40132c: 0f 1f 40 00       nopl (%rax)
# PLT:      0000000000401330 <f1@plt>:
# PLT-NEXT: 401330: ff 25 72 22 00 00 jmpq *8818(%rip) # 0x4035a8
# PLT-NEXT: 401336: 68 00 00 00 00    pushq $0
# PLT-NEXT: 40133b: e9 e0 ff ff ff    jmp 0x401320 <.plt>
# PLT:      0000000000401340 <f2@plt>:
# PLT-NEXT: 401340: ff 25 6a 22 00 00 jmpq *8810(%rip) # 0x4035b0
# PLT-NEXT: 401346: 68 01 00 00 00    pushq $1
# PLT-NEXT: 40134b: e9 d0 ff ff ff    jmp 0x401320 <.plt>

# GOTPLT:      Hex dump of section '.got.plt':
# GOTPLT-NEXT: 0x00403590 60234000 00000000 00000000 00000000
# GOTPLT-NEXT: 0x004035a0 00000000 00000000 36134000 00000000
# GOTPLT-NEXT: 0x004035b0 46134000 00000000

## In a shared object the same PLT is position-independent: the slots hold link-time addresses
## the loader relocates by its base (the library's own .got.plt is not relocated by RELATIVE
## entries: glibc adds l_addr to unresolved lazy slots itself).
# RUN: %tld -shared %t/main.o %t/libplt.so -o %t/dso.so
# RUN: llvm-readelf -r %t/dso.so | FileCheck %s --check-prefix=DSO
# DSO:     Relocation section '.rela.plt' at offset {{.*}} contains 2 entries:
# DSO:     R_X86_64_JUMP_SLOT 0000000000000000 f1 + 0
# DSO-NEXT: R_X86_64_JUMP_SLOT 0000000000000000 f2 + 0

#--- lib.s
.globl f1, f2
.type f1,@function
.type f2,@function
.text
f1: ret
f2: ret

#--- main.s
.globl _start
.text
_start:
  call f1@PLT
  call f2@PLT
  call f1@PLT
