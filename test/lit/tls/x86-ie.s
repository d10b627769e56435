# i386 Initial Exec: TLS_IE (`@indntpoff`, the slot's absolute address: `a1`, `8b 0d`, `03 15`
# forms), TLS_GOTIE (`@gotntpoff(%reg)`, mov and add) and TLS_IE_32 (`@gottpoff(%reg)`, mov,
# sub and add; its slot would hold the positive TP - x).
#  - executable: a and loc (defined in it) relax to LE, `movl $v`/`addl $v` with v = x - TP
#    (TLS_IE_32: TP - x); sa (a shared object's) keeps its slot, filled by R_386_TLS_TPOFF;
#  - shared object: every slot kept, one R_386_TLS_TPOFF each; loc's (a local) has no symbol and
#    its offset in the TLS block (8) in the slot, as REL puts addends; the `@indntpoff` load
#    gets an R_386_RELATIVE in the text (-z notext) and the object DF_STATIC_TLS;
#  - --no-relax keeps the loads in an executable, the slots of its own variables filled at link
#    time; TLS_IE_32 is accepted only when relaxed.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym PIC=1 %s -o %t-pic.o
# RUN: %tld %t.o %t-lib.so -o %t.exe
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -S -l -r -x .got %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -pie %t-pic.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: llvm-readelf -r %t.pie | FileCheck %s --check-prefix=PIE-REL
# RUN: not %tld -shared %t-pic.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=TEXTREL
# RUN: %tld -shared -z notext %t-pic.o %t-lib.so -o %t.so
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -S -r -d -x .got %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld --no-relax %t-pic.o %t-lib.so -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -S -r -x .got %t.norelax | FileCheck %s --check-prefix=KEPT-REL
# RUN: not %tld --no-relax %t.o %t-lib.so -o %t.bad 2>&1 | FileCheck %s --check-prefix=ERR
# RUN: %tld -static %t.o %t-lib.o -o %t.static
# RUN: llvm-objdump -d %t.static | FileCheck %s --check-prefix=STATIC

# TLS block [0x804a230, 0x804a240): TP = 0x804a240, a = TP-16, loc = TP-8. sa's slot is
# 0x804a350, 4100 below .got.plt.
# EXE:      080491f4 <_start>:
# EXE-NEXT: b8 f0 ff ff ff    movl $4294967280, %eax
# EXE-NEXT: c7 c1 f8 ff ff ff movl $4294967288, %ecx
# EXE-NEXT: 03 15 50 a3 04 08 addl 134521680, %edx
# EXE-NEXT: c7 c1 f0 ff ff ff movl $4294967280, %ecx
# EXE-NEXT: 81 c6 f8 ff ff ff addl $4294967288, %esi
# EXE-NEXT: 8b 93 fc ef ff ff movl -4100(%ebx), %edx
# EXE-NEXT: 03 b9 fc ef ff ff addl -4100(%ecx), %edi
# EXE-NEXT: c7 c7 10 00 00 00 movl $16, %edi
# EXE-NEXT: 81 e8 08 00 00 00 subl $8, %eax
# EXE-NEXT: 81 c2 10 00 00 00 addl $16, %edx
# EXE-NEXT: c3                retl

# EXE-REL:      .got     PROGBITS 0804a350 000350 000004
# EXE-REL:      .got.plt PROGBITS 0804b354
# EXE-REL:      TLS 0x000230 0x0804a230 0x0804a230 0x00004 0x00010 R 0x8
# EXE-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 1 entries:
# EXE-REL:      0804a350 0000010e R_386_TLS_TPOFF 00000000 sa
# EXE-REL:      Hex dump of section '.got':
# EXE-REL-NEXT: 0x0804a350 00000000

# PIE:      000011f4 <_start>:
# PIE-NEXT: b8 f0 ff ff ff    movl $4294967280, %eax
# PIE-NEXT: c7 c1 f0 ff ff ff movl $4294967280, %ecx
# PIE-NEXT: 81 c6 f8 ff ff ff addl $4294967288, %esi
# PIE-NEXT: 8b 93 fc ef ff ff movl -4100(%ebx), %edx
# PIE-NEXT: 03 b9 fc ef ff ff addl -4100(%ecx), %edi
# PIE-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 1 entries:
# PIE-REL:      00002338 0000010e R_386_TLS_TPOFF 00000000 sa

# TEXTREL: error: {{.*}}-pic.o:(.text+0x1): relocation R_386_TLS_IE against 'a' in read-only section '.text' needs a text relocation; recompile with -fPIC or link with -z notext

# SO:      000011e4 <_start>:
# SO-NEXT: a1 2c 23 00 00    movl 9004, %eax
# SO-NEXT: 8b 8b f8 ef ff ff movl -4104(%ebx), %ecx
# SO-NEXT: 03 b3 f4 ef ff ff addl -4108(%ebx), %esi
# SO-NEXT: 8b 93 fc ef ff ff movl -4100(%ebx), %edx
# SO-NEXT: 03 b9 fc ef ff ff addl -4100(%ecx), %edi

# SO-REL:      .got     PROGBITS 00002328 000328 00000c
# SO-REL:      .got.plt PROGBITS 00003334
# SO-REL:      (FLAGS) TEXTREL STATIC_TLS
# SO-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 4 entries:
# SO-REL:      000011e5 00000008 R_386_RELATIVE
# SO-REL-NEXT: 00002328 0000000e R_386_TLS_TPOFF
# SO-REL-NEXT: 0000232c 0000030e R_386_TLS_TPOFF 00000000 a
# SO-REL-NEXT: 00002330 0000010e R_386_TLS_TPOFF 00000000 sa
# SO-REL:      Hex dump of section '.got':
# SO-REL-NEXT: 0x00002328 08000000 00000000 00000000

# KEPT:      080491f4 <_start>:
# KEPT-NEXT: a1 3c a3 04 08    movl 134521660, %eax
# KEPT-NEXT: 8b 8b f8 ef ff ff movl -4104(%ebx), %ecx
# KEPT-NEXT: 03 b3 f4 ef ff ff addl -4108(%ebx), %esi
# KEPT-NEXT: 8b 93 fc ef ff ff movl -4100(%ebx), %edx
# KEPT-NEXT: 03 b9 fc ef ff ff addl -4100(%ecx), %edi
# KEPT-REL:      .got PROGBITS 0804a338 000338 00000c
# KEPT-REL:      Relocation section '.rel.dyn' at offset {{.*}} contains 1 entries:
# KEPT-REL:      0804a340 0000010e R_386_TLS_TPOFF 00000000 sa
# KEPT-REL:      Hex dump of section '.got':
# KEPT-REL-NEXT: 0x0804a338 f8ffffff f0ffffff 00000000

# ERR: error: {{.*}}.o:(.text+0x2b): relocation R_386_TLS_IE_32 against 'a' is supported only when relaxed to Local Exec

# Static, with the variable of the shared object linked in as an object: every sequence
# relaxes to LE; the block is a (TP-24), loc (TP-16), sa (TP-8).
# STATIC:      080490f4 <_start>:
# STATIC-NEXT: b8 e8 ff ff ff movl $4294967272, %eax
# STATIC-NEXT: c7 c1 f0 ff ff ff movl $4294967280, %ecx
# STATIC-NEXT: 81 c2 f8 ff ff ff addl $4294967288, %edx
# STATIC-NEXT: c7 c1 e8 ff ff ff movl $4294967272, %ecx
# STATIC-NEXT: 81 c6 f0 ff ff ff addl $4294967280, %esi
# STATIC-NEXT: c7 c2 f8 ff ff ff movl $4294967288, %edx
# STATIC-NEXT: 81 c7 f8 ff ff ff addl $4294967288, %edi
# STATIC-NEXT: c7 c7 18 00 00 00 movl $24, %edi
# STATIC-NEXT: 81 e8 10 00 00 00 subl $16, %eax
# STATIC-NEXT: 81 c2 18 00 00 00 addl $24, %edx


.ifdef LIB
.globl sa
.section .tbss,"awT",@nobits
.type sa,@object
sa: .zero 4
.else
.globl _start, a
.text
_start:
  movl a@indntpoff, %eax
.ifndef PIC
  movl loc@indntpoff, %ecx
  addl sa@indntpoff, %edx
.endif
  movl a@gotntpoff(%ebx), %ecx
  addl loc@gotntpoff(%ebx), %esi
  movl sa@gotntpoff(%ebx), %edx
  addl sa@gotntpoff(%ecx), %edi
.ifndef PIC
  movl a@gottpoff(%ebx), %edi
  subl loc@gottpoff(%ebx), %eax
  addl a@gottpoff(%ecx), %edx
.endif
  ret
.section .tdata,"awT",@progbits
.type a,@object
a: .long 1
.section .tbss,"awT",@nobits
.p2align 3
.type loc,@object
loc: .zero 8
.endif
