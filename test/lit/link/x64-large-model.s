# The GOT-relative relocations of the large and medium code models: GOT32, GOT64, GOTPLT64
# (G, the slot's offset from the GOT), GOTPC32, GOTPC64 (GOT + A - P), GOTPCREL64
# (G + GOT + A - P), GOTOFF64 (S + A - GOT), PLTOFF64 (L + A - GOT; with no PLT, S) and a PC64
# to _GLOBAL_OFFSET_TABLE_.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: llvm-readelf -r %t.o | FileCheck %s --check-prefix=OBJ
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -S -s -x .got -x .data %t | FileCheck %s --check-prefix=ELF

# OBJ:      R_X86_64_GOT32      {{.*}} baz + 0
# OBJ-NEXT: R_X86_64_GOTPC32    {{.*}} _GLOBAL_OFFSET_TABLE_ - 4
# OBJ-NEXT: R_X86_64_GOTPC64    {{.*}} _GLOBAL_OFFSET_TABLE_ + 2
# OBJ-NEXT: R_X86_64_GOT64      {{.*}} bar + 0
# OBJ-NEXT: R_X86_64_GOTOFF64   {{.*}} bar + 0
# OBJ-NEXT: R_X86_64_PLTOFF64   {{.*}} foo + 0
# OBJ-NEXT: R_X86_64_GOTPCREL64 {{.*}} bar + 0
# OBJ-NEXT: R_X86_64_GOTPLT64   {{.*}} bar + 0
# OBJ:      R_X86_64_PC64       {{.*}} _GLOBAL_OFFSET_TABLE_ + 0

# GOT = 0x4021e8 with slots foo (+0), bar (+8), baz (+0x10).
# CHECK:      <_start>:
# CHECK-NEXT: 401190: 8b 04 25 10 00 00 00          movl 16, %eax
# GOTPC32: 0x4021e8 - 4 - 0x401197 - 3
# CHECK-NEXT: 401197: 48 8d 1d 4a 10 00 00          leaq 4170(%rip), %rbx # 0x4021e8 <_GLOBAL_OFFSET_TABLE_>
# GOTPC64: 0x4021e8 + 2 - 0x4011a0
# CHECK-NEXT: 40119e: 48 b9 4a 10 00 00 00 00 00 00 movabsq $4170, %rcx
# CHECK-NEXT: 4011a8: 48 b8 08 00 00 00 00 00 00 00 movabsq $8, %rax
# GOTOFF64: bar - GOT = 0x403208 - 0x4021e8
# CHECK-NEXT: 4011b2: 48 b8 20 10 00 00 00 00 00 00 movabsq $4128, %rax
# PLTOFF64: foo - GOT = 0x4011e1 - 0x4021e8
# CHECK-NEXT: 4011bc: 48 b8 f9 ef ff ff ff ff ff ff movabsq $-4103, %rax
# GOTPCREL64: bar's slot 0x4021f0 - 0x4011c8
# CHECK-NEXT: 4011c6: 48 b8 28 10 00 00 00 00 00 00 movabsq $4136, %rax
# CHECK-NEXT: 4011d0: 48 b8 08 00 00 00 00 00 00 00 movabsq $8, %rax
# CHECK-NEXT: 4011da: 8b 04 25 00 00 00 00          movl 0, %eax
# CHECK:      00000000004011e1 <foo>:

# ELF:      .got  PROGBITS 00000000004021e8 {{[0-9a-f]+}} 000018
# ELF:      .data PROGBITS 0000000000403200 {{[0-9a-f]+}} 000018
# ELF:      00000000004021e8 0 NOTYPE LOCAL HIDDEN 2 _GLOBAL_OFFSET_TABLE_
# ELF:      Hex dump of section '.got':
# ELF-NEXT: 0x004021e8 e1114000 00000000 08324000 00000000
# ELF-NEXT: 0x004021f8 44332211 00000000
# PC64 at 0x403210: 0x4021e8 - 0x403210 = -0x1028
# ELF:      Hex dump of section '.data':
# ELF-NEXT: 0x00403200 00000000 00000000 00000000 00000000
# ELF-NEXT: 0x00403210 d8efffff ffffffff

.globl _start, foo, bar
.text
_start:
  movl baz@GOT, %eax
  leaq _GLOBAL_OFFSET_TABLE_(%rip), %rbx
  movabsq $_GLOBAL_OFFSET_TABLE_, %rcx
  movabsq $bar@GOT, %rax
  movabsq $bar@GOTOFF, %rax
  movabsq $foo@PLTOFF, %rax
# llvm-mc has no operator for these two.
  .reloc .+2, R_X86_64_GOTPCREL64, bar
  movabsq $0, %rax
  .reloc .+2, R_X86_64_GOTPLT64, bar
  movabsq $0, %rax
  movl foo@GOT, %eax
foo:
  ret

.data
.quad 0
bar:
.quad 0
.quad _GLOBAL_OFFSET_TABLE_ - .

.set baz, 0x11223344
.globl baz
