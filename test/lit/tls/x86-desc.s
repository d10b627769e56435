# i386 TLS descriptors: TLS_GOTDESC (`leal x@tlsdesc(%reg),%eax`) and TLS_DESC_CALL
# (`call *x@tlscall(%eax)`) against a variable of the output (a, global; loc, local) and one of
# a shared object (sa):
#  - executable or PIE, DESC->LE for a and loc (`leal x-TP,%eax`, the call `xchg %ax,%ax`) and
#    DESC->IE for sa (`movl x@gotntpoff(%reg),%eax`, one R_386_TLS_TPOFF slot);
#  - shared object and --no-relax: kept, one two-word descriptor per variable with
#    R_386_TLS_DESC; loc's has no symbol and its offset in the block (8) in its second word,
#    where REL keeps the addend.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %tld --stats %t.o %t-lib.so -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -S -r %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -pie %t.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: %tld -shared %t.o %t-lib.so -o %t.so
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -S -r -x .got %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld --no-relax %t.o %t-lib.so -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -r -x .got %t.norelax | FileCheck %s --check-prefix=KEPT-REL
# RUN: %tld -static %t.o %t-lib.o -o %t.static
# RUN: llvm-objdump -d %t.static | FileCheck %s --check-prefix=STATIC

# STATS: tld: stats: TLS relocations: DESC 3 -> IE 1, LE 2

# EXE:      080491f4 <_start>:
# EXE-NEXT: 8d 05 f0 ff ff ff leal -16, %eax
# EXE-NEXT: 66 90             nop
# EXE-NEXT: 8d 05 f8 ff ff ff leal -8, %eax
# EXE-NEXT: 66 90             nop
# EXE-NEXT: 8b 86 fc ef ff ff movl -4100(%esi), %eax
# EXE-NEXT: 66 90             nop
# EXE-NEXT: c3                retl
# EXE-REL:      .got     PROGBITS 0804a330 000330 000004
# EXE-REL:      .got.plt PROGBITS 0804b334
# EXE-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 1 entries:
# EXE-REL:      0804a330 0000010e R_386_TLS_TPOFF 00000000 sa

# PIE:      000011f4 <_start>:
# PIE-NEXT: 8d 05 f0 ff ff ff leal -16, %eax
# PIE-NEXT: 66 90             nop
# PIE-NEXT: 8d 05 f8 ff ff ff leal -8, %eax
# PIE-NEXT: 66 90             nop
# PIE-NEXT: 8b 86 fc ef ff ff movl -4100(%esi), %eax

# SO:      000011dc <_start>:
# SO-NEXT: 8d 83 f0 ef ff ff leal -4112(%ebx), %eax
# SO-NEXT: ff 10             calll *(%eax)
# SO-NEXT: 8d 83 e8 ef ff ff leal -4120(%ebx), %eax
# SO-NEXT: ff 10             calll *(%eax)
# SO-NEXT: 8d 86 f8 ef ff ff leal -4104(%esi), %eax
# SO-NEXT: ff 10             calll *(%eax)
# SO-REL:      .got     PROGBITS 00002318 000318 000018
# SO-REL:      .got.plt PROGBITS 00003330
# SO-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 3 entries:
# SO-REL:      00002318 00000029 R_386_TLS_DESC
# SO-REL-NEXT: 00002320 00000329 R_386_TLS_DESC 00000000 a
# SO-REL-NEXT: 00002328 00000129 R_386_TLS_DESC 00000000 sa
# SO-REL:      Hex dump of section '.got':
# SO-REL-NEXT: 0x00002318 00000000 08000000 00000000 00000000
# SO-REL-NEXT: 0x00002328 00000000 00000000

# KEPT:      08049204 <_start>:
# KEPT-NEXT: 8d 83 f0 ef ff ff leal -4112(%ebx), %eax
# KEPT-NEXT: ff 10             calll *(%eax)
# KEPT-REL:      0804a340 00000029 R_386_TLS_DESC
# KEPT-REL-NEXT: 0804a348 00000029 R_386_TLS_DESC
# KEPT-REL-NEXT: 0804a350 00000129 R_386_TLS_DESC 00000000 sa
# KEPT-REL:      Hex dump of section '.got':
# KEPT-REL-NEXT: 0x0804a340 00000000 08000000 00000000 00000000

# Static, with the variable of the shared object linked in as an object: every sequence
# relaxes to LE; the block is a (TP-24), loc (TP-16), sa (TP-8).
# STATIC:      080490f4 <_start>:
# STATIC-NEXT: 8d 05 e8 ff ff ff leal -24, %eax
# STATIC-NEXT: 66 90 nop
# STATIC-NEXT: 8d 05 f0 ff ff ff leal -16, %eax
# STATIC-NEXT: 66 90 nop
# STATIC-NEXT: 8d 05 f8 ff ff ff leal -8, %eax
# STATIC-NEXT: 66 90 nop


.ifdef LIB
.globl sa
.section .tbss,"awT",@nobits
.type sa,@object
sa: .zero 4
.else
.globl _start, a
.text
_start:
  leal a@tlsdesc(%ebx), %eax
  call *a@tlscall(%eax)
  leal loc@tlsdesc(%ebx), %eax
  call *loc@tlscall(%eax)
  leal sa@tlsdesc(%esi), %eax
  call *sa@tlscall(%eax)
  ret
.section .tdata,"awT",@progbits
.type a,@object
a: .long 1
.section .tbss,"awT",@nobits
.p2align 3
.type loc,@object
loc: .zero 8
.endif
