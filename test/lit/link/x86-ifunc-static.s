# i386 IFUNC in a static link. A call of an STT_GNU_IFUNC symbol goes through an .iplt entry that
# jumps through a .got slot; .rel.iplt holds the slot's R_386_IRELATIVE, and with REL the
# resolver's address is the slot's implicit addend. The absolute entry is `jmp *slot; xchg`;
# a static PIE gets the PIC entry `jmp *off(%ebx)` and its IRELATIVE relocations in .rel.dyn.
# The symbol's address (.long fn, fn@GOTOFF) is its .iplt entry; in a PIE the data word gets
# an IRELATIVE of its own.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=TEXT
# RUN: llvm-readelf -S -r -s -x .got -x .data %t | FileCheck %s
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym PIC=1 %s -o %t-pic.o
# RUN: %tld -static -pie --no-dynamic-linker %t-pic.o -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: llvm-readelf -S -r -x .got -x .data %t.pie | FileCheck %s --check-prefix=PIE-REL

# TEXT:      08049100 <.iplt>:
# TEXT-NEXT: ff 25 1c a1 04 08 jmpl *134521116
# TEXT-NEXT: 66 90             nop
# TEXT:      08049109 <_start>:
# TEXT-NEXT: e8 f2 ff ff ff    calll 0x8049100 <.iplt>
# TEXT-NEXT: b8 f4 80 04 08    movl $134512884, %eax
# TEXT-NEXT: b9 fc 80 04 08    movl $134512892, %ecx

# CHECK:      .rel.iplt REL      080480f4 0000f4 000008 08 AI
# CHECK:      .iplt     PROGBITS 08049100 000100 000008
# CHECK:      .got      PROGBITS 0804a11c 00011c 000004
# CHECK:      Relocation section '.rel.iplt' at offset 0xf4 contains 1 entries:
# CHECK-NEXT: Offset Info Type Sym. Value Symbol's Name
# CHECK-NEXT: 0804a11c 0000002a R_386_IRELATIVE
# CHECK-DAG:  08049108 0 FUNC LOCAL DEFAULT 3 resolver
# CHECK-DAG:  080480f4 0 NOTYPE LOCAL HIDDEN 1 __rel_iplt_start
# CHECK-DAG:  080480fc 0 NOTYPE LOCAL HIDDEN 1 __rel_iplt_end
# CHECK-DAG:  08049108 0 IFUNC GLOBAL DEFAULT 3 fn
# CHECK:      Hex dump of section '.got':
# CHECK-NEXT: 0x0804a11c 08910408
# CHECK:      Hex dump of section '.data':
# CHECK-NEXT: 0x0804b120 00910408

# .got.plt (the GOT base) is at 0x3298: the slot 0x2294 is at -4100, the entry 0x1160 at -8504.
# PIE:      00001160 <.iplt>:
# PIE-NEXT: ff a3 fc ef ff ff jmpl *-4100(%ebx)
# PIE-NEXT: 66 90             nop
# PIE:      00001169 <_start>:
# PIE-NEXT: e8 00 00 00 00    calll 0x116e <_start+0x5>
# PIE-NEXT: 5b                popl %ebx
# PIE-NEXT: 81 c3 2a 21 00 00 addl $8490, %ebx
# PIE-NEXT: e8 e6 ff ff ff    calll 0x1160 <.iplt>
# PIE-NEXT: 8d 93 c8 de ff ff leal -8504(%ebx), %edx

# PIE-REL:      .got      PROGBITS 00002294
# PIE-REL:      .got.plt  PROGBITS 00003298
# PIE-REL:      .data     PROGBITS 000032a4
# PIE-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 2 entries:
# PIE-REL:      00002294 0000002a R_386_IRELATIVE
# PIE-REL-NEXT: 000032a4 0000002a R_386_IRELATIVE
# PIE-REL:      Hex dump of section '.got':
# PIE-REL-NEXT: 0x00002294 68110000
# PIE-REL:      Hex dump of section '.data':
# PIE-REL-NEXT: 0x000032a4 68110000

.globl _start
.text
.type resolver, @function
resolver:
  ret
.globl fn
.type fn, @gnu_indirect_function
.set fn, resolver
_start:
.ifdef PIC
  call 1f
1: popl %ebx
  addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx
  call fn@PLT
  leal fn@GOTOFF(%ebx), %edx
.else
  call fn@PLT
  movl $__rel_iplt_start, %eax
  movl $__rel_iplt_end, %ecx
.endif
  ret
.data
.long fn
