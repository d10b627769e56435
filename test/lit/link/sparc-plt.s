# The SPARC lazy PLT, as a dynamic linker consumes it (ld.so.1 and glibc's loader alike): the
# PLT is writable and executable and DT_PLTGOT names its start; the first four entries (.PLT0 to
# .PLT3) are left zero for the dynamic linker's resolver trampoline; entry n's sethi loads the
# entry's own offset into %g1 (the resolver reads it back to find the entry's JMP_SLOT, which
# names the entry itself), then branches to .PLT0 (sparc) or .PLT1 (sparcv9). The dynamic linker
# binds an entry by rewriting its instructions. 32-bit entries are 12 bytes and a nop follows the
# last (the delay slot of its rewritten jump); 64-bit entries are 32 bytes, six of them nops. The
# same bytes in an executable and in a shared object (the entries are position-independent).
# Entries past 32768 on sparcv9: sparcv9-plt-far.test.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=sparc --defsym LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %llvm-mc -filetype=obj -triple=sparc %s -o %t.o
# RUN: %tld %t.o %t-lib.so -o %t
# RUN: %tld -shared %t.o %t-lib.so -o %t.so
# RUN: llvm-readelf -S -d -r %t | FileCheck %s --check-prefix=V8-REL
# RUN: llvm-objdump -d -j .plt %t | FileCheck %s --check-prefix=V8
# RUN: llvm-readelf -S -d -r %t.so | FileCheck %s --check-prefix=V8-REL
# RUN: llvm-objdump -d -j .plt %t.so | FileCheck %s --check-prefix=V8
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 --defsym LIB=1 %s -o %t-lib9.o
# RUN: %tld -shared -soname lib.so %t-lib9.o -o %t-lib9.so
# RUN: %llvm-mc -filetype=obj -triple=sparcv9 %s -o %t9.o
# RUN: %tld %t9.o %t-lib9.so -o %t9
# RUN: %tld -shared %t9.o %t-lib9.so -o %t9.so
# RUN: llvm-readelf -S -d -r %t9 | FileCheck %s --check-prefix=V9-REL
# RUN: llvm-objdump -d -j .plt %t9 | FileCheck %s --check-prefix=V9
# RUN: llvm-readelf -S -d -r %t9.so | FileCheck %s --check-prefix=V9-REL
# RUN: llvm-objdump -d -j .plt %t9.so | FileCheck %s --check-prefix=V9

# 4 * 12 reserved + 2 * 12 + the nop: 0x4c bytes
# V8-REL:      .plt PROGBITS [[#%.8x,BASE:]] {{[0-9a-f]+}} 00004c 00 WAX
# V8-REL:      (PLTGOT) 0x[[#%x,BASE]]
# V8-REL:      (PLTREL) RELA
# V8-REL:      [[#%.8x,BASE+0x30]] 00000115 R_SPARC_JMP_SLOT 00000000 ext1 + 0
# V8-REL-NEXT: [[#%.8x,BASE+0x3c]] 00000215 R_SPARC_JMP_SLOT 00000000 ext2 + 0

# V8:      [[#%.8x,BASE:]] <.plt>:
# V8-NEXT: ...
# V8-NEXT: [[#%x,BASE+0x30]]: 03 00 00 30 sethi 48, %g1
# V8-NEXT: [[#%x,BASE+0x34]]: 30 bf ff f3 ba,a 4194291
# V8-NEXT: 01 00 00 00 nop
# V8-NEXT: [[#%x,BASE+0x3c]]: 03 00 00 3c sethi 60, %g1
# V8-NEXT: [[#%x,BASE+0x40]]: 30 bf ff f0 ba,a 4194288
# V8-NEXT: 01 00 00 00 nop
# V8-NEXT: [[#%x,BASE+0x48]]: 01 00 00 00 nop
# V8-NOT:  {{.}}

# 4 * 32 reserved + 2 * 32: 0xc0 bytes
# V9-REL:      .plt PROGBITS [[#%.16x,BASE:]] {{[0-9a-f]+}} 0000c0 00 WAX
# V9-REL:      (PLTGOT) 0x[[#%x,BASE]]
# V9-REL:      (PLTREL) RELA
# V9-REL:      [[#%.16x,BASE+0x80]] 0000000100000015 R_SPARC_JMP_SLOT 0000000000000000 ext1 + 0
# V9-REL-NEXT: [[#%.16x,BASE+0xa0]] 0000000200000015 R_SPARC_JMP_SLOT 0000000000000000 ext2 + 0

# ba,a,pt %xcc, .PLT1 (objdump shows no ",pt", but 0x00080000 is set)
# V9:      [[#%.16x,BASE:]] <.plt>:
# V9-NEXT: ...
# V9-NEXT: [[#%x,BASE+0x80]]: 03 00 00 80 sethi 128, %g1
# V9-NEXT: [[#%x,BASE+0x84]]: 30 6f ff e7 ba,a %xcc, 524263
# V9-COUNT-6: 01 00 00 00 nop
# V9-NEXT: [[#%x,BASE+0xa0]]: 03 00 00 a0 sethi 160, %g1
# V9-NEXT: [[#%x,BASE+0xa4]]: 30 6f ff df ba,a %xcc, 524255
# V9-COUNT-6: 01 00 00 00 nop
# V9-NOT:  {{.}}

.ifdef LIB
	.globl ext1, ext2
	.type ext1, #function
	.type ext2, #function
ext1:	retl
	nop
ext2:	retl
	nop
.else
	.globl _start
_start:
	call ext1
	nop
	call ext2
	nop
.endif
