# Initial Exec (R_X86_64_GOTTPOFF), `mov x@gottpoff(%rip),%reg` and `add x@gottpoff(%rip),%reg`
# for all sixteen registers:
#  - executable, PIE and static executable, IE->LE for x: mov becomes `mov $tpoff,%reg` (REX.R
#    moves to REX.B), add becomes `lea tpoff(%reg),%reg`, except for %rsp and %r12, whose base
#    encoding would need a SIB byte, which become `add $tpoff,%reg`; sa (in a shared object) keeps
#    its GOT load and its slot gets R_X86_64_TPOFF64;
#  - shared object, kept: one slot per variable, x's TPOFF64 against no symbol with x's offset
#    in the block as addend, and DF_STATIC_TLS;
#  - --no-relax and -z notlsrelax, kept in an executable too.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-tls-lib.s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %tld --stats %t.o %t-lib.so -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -r %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -pie %t.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: %tld --stats -shared %t.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS-KEPT
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -r -d %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld --no-relax %t.o %t-lib.so -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -r -x .got %t.norelax | FileCheck %s --check-prefix=KEPT-REL
# RUN: %tld -z notlsrelax %t.o %t-lib.so -o %t.notlsrelax
# RUN: llvm-objdump -d %t.notlsrelax | FileCheck %s --check-prefix=KEPT

.globl _start
.text
_start:
  movq x@gottpoff(%rip), %rax
  movq x@gottpoff(%rip), %rcx
  movq x@gottpoff(%rip), %rdx
  movq x@gottpoff(%rip), %rbx
  movq x@gottpoff(%rip), %rsp
  movq x@gottpoff(%rip), %rbp
  movq x@gottpoff(%rip), %rsi
  movq x@gottpoff(%rip), %rdi
  movq x@gottpoff(%rip), %r8
  movq x@gottpoff(%rip), %r9
  movq x@gottpoff(%rip), %r10
  movq x@gottpoff(%rip), %r11
  movq x@gottpoff(%rip), %r12
  movq x@gottpoff(%rip), %r13
  movq x@gottpoff(%rip), %r14
  movq x@gottpoff(%rip), %r15
  addq x@gottpoff(%rip), %rax
  addq x@gottpoff(%rip), %rcx
  addq x@gottpoff(%rip), %rdx
  addq x@gottpoff(%rip), %rbx
  addq x@gottpoff(%rip), %rsp
  addq x@gottpoff(%rip), %rbp
  addq x@gottpoff(%rip), %rsi
  addq x@gottpoff(%rip), %rdi
  addq x@gottpoff(%rip), %r8
  addq x@gottpoff(%rip), %r9
  addq x@gottpoff(%rip), %r10
  addq x@gottpoff(%rip), %r11
  addq x@gottpoff(%rip), %r12
  addq x@gottpoff(%rip), %r13
  addq x@gottpoff(%rip), %r14
  addq x@gottpoff(%rip), %r15
  movq sa@gottpoff(%rip), %r9
  addq sb@gottpoff(%rip), %r12
  ret

.section .tbss,"awT",@nobits
.p2align 2
.zero 12
x: .zero 4

# STATS: tld: stats: TLS relocations: IE 34 -> IE 2, LE 32
# STATS-KEPT: tld: stats: TLS relocations: IE 34 -> IE 34

# TLS block [0x402440, 0x402450): x = TP-4. Slots: sb at 0x402670, sa at 0x402678.
# EXE:      0000000000401350 <_start>:
# EXE-NEXT: 401350: 48 c7 c0 fc ff ff ff movq $-4, %rax
# EXE-NEXT: 401357: 48 c7 c1 fc ff ff ff movq $-4, %rcx
# EXE-NEXT: 40135e: 48 c7 c2 fc ff ff ff movq $-4, %rdx
# EXE-NEXT: 401365: 48 c7 c3 fc ff ff ff movq $-4, %rbx
# EXE-NEXT: 40136c: 48 c7 c4 fc ff ff ff movq $-4, %rsp
# EXE-NEXT: 401373: 48 c7 c5 fc ff ff ff movq $-4, %rbp
# EXE-NEXT: 40137a: 48 c7 c6 fc ff ff ff movq $-4, %rsi
# EXE-NEXT: 401381: 48 c7 c7 fc ff ff ff movq $-4, %rdi
# EXE-NEXT: 401388: 49 c7 c0 fc ff ff ff movq $-4, %r8
# EXE-NEXT: 40138f: 49 c7 c1 fc ff ff ff movq $-4, %r9
# EXE-NEXT: 401396: 49 c7 c2 fc ff ff ff movq $-4, %r10
# EXE-NEXT: 40139d: 49 c7 c3 fc ff ff ff movq $-4, %r11
# EXE-NEXT: 4013a4: 49 c7 c4 fc ff ff ff movq $-4, %r12
# EXE-NEXT: 4013ab: 49 c7 c5 fc ff ff ff movq $-4, %r13
# EXE-NEXT: 4013b2: 49 c7 c6 fc ff ff ff movq $-4, %r14
# EXE-NEXT: 4013b9: 49 c7 c7 fc ff ff ff movq $-4, %r15
# EXE-NEXT: 4013c0: 48 8d 80 fc ff ff ff leaq -4(%rax), %rax
# EXE-NEXT: 4013c7: 48 8d 89 fc ff ff ff leaq -4(%rcx), %rcx
# EXE-NEXT: 4013ce: 48 8d 92 fc ff ff ff leaq -4(%rdx), %rdx
# EXE-NEXT: 4013d5: 48 8d 9b fc ff ff ff leaq -4(%rbx), %rbx
# EXE-NEXT: 4013dc: 48 81 c4 fc ff ff ff addq $-4, %rsp
# EXE-NEXT: 4013e3: 48 8d ad fc ff ff ff leaq -4(%rbp), %rbp
# EXE-NEXT: 4013ea: 48 8d b6 fc ff ff ff leaq -4(%rsi), %rsi
# EXE-NEXT: 4013f1: 48 8d bf fc ff ff ff leaq -4(%rdi), %rdi
# EXE-NEXT: 4013f8: 4d 8d 80 fc ff ff ff leaq -4(%r8), %r8
# EXE-NEXT: 4013ff: 4d 8d 89 fc ff ff ff leaq -4(%r9), %r9
# EXE-NEXT: 401406: 4d 8d 92 fc ff ff ff leaq -4(%r10), %r10
# EXE-NEXT: 40140d: 4d 8d 9b fc ff ff ff leaq -4(%r11), %r11
# EXE-NEXT: 401414: 49 81 c4 fc ff ff ff addq $-4, %r12
# EXE-NEXT: 40141b: 4d 8d ad fc ff ff ff leaq -4(%r13), %r13
# EXE-NEXT: 401422: 4d 8d b6 fc ff ff ff leaq -4(%r14), %r14
# EXE-NEXT: 401429: 4d 8d bf fc ff ff ff leaq -4(%r15), %r15
# EXE-NEXT: 401430: 4c 8b 0d 41 12 00 00 movq 4673(%rip), %r9 # 0x402678
# EXE-NEXT: 401437: 4c 03 25 32 12 00 00 addq 4658(%rip), %r12 # 0x402670
# EXE-NEXT: 40143e: c3 retq
# EXE-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 2 entries:
# EXE-REL-NEXT: Offset
# EXE-REL-NEXT: 0000000000402670 0000000100000012 R_X86_64_TPOFF64 0000000000000000 sb + 0
# EXE-REL-NEXT: 0000000000402678 0000000200000012 R_X86_64_TPOFF64 0000000000000000 sa + 0

# PIE:      0000000000001350 <_start>:
# PIE-NEXT: 1350: 48 c7 c0 fc ff ff ff movq $-4, %rax
# PIE-NEXT: 1357: 48 c7 c1 fc ff ff ff movq $-4, %rcx
# PIE-NEXT: 135e: 48 c7 c2 fc ff ff ff movq $-4, %rdx
# PIE-NEXT: 1365: 48 c7 c3 fc ff ff ff movq $-4, %rbx
# PIE-NEXT: 136c: 48 c7 c4 fc ff ff ff movq $-4, %rsp
# PIE-NEXT: 1373: 48 c7 c5 fc ff ff ff movq $-4, %rbp
# PIE-NEXT: 137a: 48 c7 c6 fc ff ff ff movq $-4, %rsi
# PIE-NEXT: 1381: 48 c7 c7 fc ff ff ff movq $-4, %rdi
# PIE-NEXT: 1388: 49 c7 c0 fc ff ff ff movq $-4, %r8
# PIE-NEXT: 138f: 49 c7 c1 fc ff ff ff movq $-4, %r9
# PIE-NEXT: 1396: 49 c7 c2 fc ff ff ff movq $-4, %r10
# PIE-NEXT: 139d: 49 c7 c3 fc ff ff ff movq $-4, %r11
# PIE-NEXT: 13a4: 49 c7 c4 fc ff ff ff movq $-4, %r12
# PIE-NEXT: 13ab: 49 c7 c5 fc ff ff ff movq $-4, %r13
# PIE-NEXT: 13b2: 49 c7 c6 fc ff ff ff movq $-4, %r14
# PIE-NEXT: 13b9: 49 c7 c7 fc ff ff ff movq $-4, %r15
# PIE-NEXT: 13c0: 48 8d 80 fc ff ff ff leaq -4(%rax), %rax
# PIE-NEXT: 13c7: 48 8d 89 fc ff ff ff leaq -4(%rcx), %rcx
# PIE-NEXT: 13ce: 48 8d 92 fc ff ff ff leaq -4(%rdx), %rdx
# PIE-NEXT: 13d5: 48 8d 9b fc ff ff ff leaq -4(%rbx), %rbx
# PIE-NEXT: 13dc: 48 81 c4 fc ff ff ff addq $-4, %rsp
# PIE-NEXT: 13e3: 48 8d ad fc ff ff ff leaq -4(%rbp), %rbp
# PIE-NEXT: 13ea: 48 8d b6 fc ff ff ff leaq -4(%rsi), %rsi
# PIE-NEXT: 13f1: 48 8d bf fc ff ff ff leaq -4(%rdi), %rdi
# PIE-NEXT: 13f8: 4d 8d 80 fc ff ff ff leaq -4(%r8), %r8
# PIE-NEXT: 13ff: 4d 8d 89 fc ff ff ff leaq -4(%r9), %r9
# PIE-NEXT: 1406: 4d 8d 92 fc ff ff ff leaq -4(%r10), %r10
# PIE-NEXT: 140d: 4d 8d 9b fc ff ff ff leaq -4(%r11), %r11
# PIE-NEXT: 1414: 49 81 c4 fc ff ff ff addq $-4, %r12
# PIE-NEXT: 141b: 4d 8d ad fc ff ff ff leaq -4(%r13), %r13
# PIE-NEXT: 1422: 4d 8d b6 fc ff ff ff leaq -4(%r14), %r14
# PIE-NEXT: 1429: 4d 8d bf fc ff ff ff leaq -4(%r15), %r15
# PIE-NEXT: 1430: 4c 8b 0d 41 12 00 00 movq 4673(%rip), %r9 # 0x2678
# PIE-NEXT: 1437: 4c 03 25 32 12 00 00 addq 4658(%rip), %r12 # 0x2670
# PIE-NEXT: 143e: c3 retq

# Shared object: x's slot at 0x2620, sb's at 0x2628, sa's at 0x2630.
# SO:      0000000000001300 <_start>:
# SO-NEXT: 1300: 48 8b 05 19 13 00 00 movq 4889(%rip), %rax # 0x2620
# SO-NEXT: 1307: 48 8b 0d 12 13 00 00 movq 4882(%rip), %rcx # 0x2620
# SO-NEXT: 130e: 48 8b 15 0b 13 00 00 movq 4875(%rip), %rdx # 0x2620
# SO-NEXT: 1315: 48 8b 1d 04 13 00 00 movq 4868(%rip), %rbx # 0x2620
# SO-NEXT: 131c: 48 8b 25 fd 12 00 00 movq 4861(%rip), %rsp # 0x2620
# SO-NEXT: 1323: 48 8b 2d f6 12 00 00 movq 4854(%rip), %rbp # 0x2620
# SO-NEXT: 132a: 48 8b 35 ef 12 00 00 movq 4847(%rip), %rsi # 0x2620
# SO-NEXT: 1331: 48 8b 3d e8 12 00 00 movq 4840(%rip), %rdi # 0x2620
# SO-NEXT: 1338: 4c 8b 05 e1 12 00 00 movq 4833(%rip), %r8 # 0x2620
# SO-NEXT: 133f: 4c 8b 0d da 12 00 00 movq 4826(%rip), %r9 # 0x2620
# SO-NEXT: 1346: 4c 8b 15 d3 12 00 00 movq 4819(%rip), %r10 # 0x2620
# SO-NEXT: 134d: 4c 8b 1d cc 12 00 00 movq 4812(%rip), %r11 # 0x2620
# SO-NEXT: 1354: 4c 8b 25 c5 12 00 00 movq 4805(%rip), %r12 # 0x2620
# SO-NEXT: 135b: 4c 8b 2d be 12 00 00 movq 4798(%rip), %r13 # 0x2620
# SO-NEXT: 1362: 4c 8b 35 b7 12 00 00 movq 4791(%rip), %r14 # 0x2620
# SO-NEXT: 1369: 4c 8b 3d b0 12 00 00 movq 4784(%rip), %r15 # 0x2620
# SO-NEXT: 1370: 48 03 05 a9 12 00 00 addq 4777(%rip), %rax # 0x2620
# SO-NEXT: 1377: 48 03 0d a2 12 00 00 addq 4770(%rip), %rcx # 0x2620
# SO-NEXT: 137e: 48 03 15 9b 12 00 00 addq 4763(%rip), %rdx # 0x2620
# SO-NEXT: 1385: 48 03 1d 94 12 00 00 addq 4756(%rip), %rbx # 0x2620
# SO-NEXT: 138c: 48 03 25 8d 12 00 00 addq 4749(%rip), %rsp # 0x2620
# SO-NEXT: 1393: 48 03 2d 86 12 00 00 addq 4742(%rip), %rbp # 0x2620
# SO-NEXT: 139a: 48 03 35 7f 12 00 00 addq 4735(%rip), %rsi # 0x2620
# SO-NEXT: 13a1: 48 03 3d 78 12 00 00 addq 4728(%rip), %rdi # 0x2620
# SO-NEXT: 13a8: 4c 03 05 71 12 00 00 addq 4721(%rip), %r8 # 0x2620
# SO-NEXT: 13af: 4c 03 0d 6a 12 00 00 addq 4714(%rip), %r9 # 0x2620
# SO-NEXT: 13b6: 4c 03 15 63 12 00 00 addq 4707(%rip), %r10 # 0x2620
# SO-NEXT: 13bd: 4c 03 1d 5c 12 00 00 addq 4700(%rip), %r11 # 0x2620
# SO-NEXT: 13c4: 4c 03 25 55 12 00 00 addq 4693(%rip), %r12 # 0x2620
# SO-NEXT: 13cb: 4c 03 2d 4e 12 00 00 addq 4686(%rip), %r13 # 0x2620
# SO-NEXT: 13d2: 4c 03 35 47 12 00 00 addq 4679(%rip), %r14 # 0x2620
# SO-NEXT: 13d9: 4c 03 3d 40 12 00 00 addq 4672(%rip), %r15 # 0x2620
# SO-NEXT: 13e0: 4c 8b 0d 49 12 00 00 movq 4681(%rip), %r9 # 0x2630
# SO-NEXT: 13e7: 4c 03 25 3a 12 00 00 addq 4666(%rip), %r12 # 0x2628
# SO-NEXT: 13ee: c3 retq
# SO-REL:      (FLAGS) STATIC_TLS
# SO-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 3 entries:
# SO-REL-NEXT: Offset
# SO-REL-NEXT: 0000000000002620 0000000000000012 R_X86_64_TPOFF64 c
# SO-REL-NEXT: 0000000000002628 0000000100000012 R_X86_64_TPOFF64 0000000000000000 sb + 0
# SO-REL-NEXT: 0000000000002630 0000000200000012 R_X86_64_TPOFF64 0000000000000000 sa + 0

# Not relaxed: x's slot (0x402670) holds its TP offset, written by the link-editor.
# KEPT:      0000000000401350 <_start>:
# KEPT-NEXT: 401350: 48 8b 05 19 13 00 00 movq 4889(%rip), %rax # 0x402670
# KEPT-NEXT: 401357: 48 8b 0d 12 13 00 00 movq 4882(%rip), %rcx # 0x402670
# KEPT-NEXT: 40135e: 48 8b 15 0b 13 00 00 movq 4875(%rip), %rdx # 0x402670
# KEPT-NEXT: 401365: 48 8b 1d 04 13 00 00 movq 4868(%rip), %rbx # 0x402670
# KEPT-NEXT: 40136c: 48 8b 25 fd 12 00 00 movq 4861(%rip), %rsp # 0x402670
# KEPT-NEXT: 401373: 48 8b 2d f6 12 00 00 movq 4854(%rip), %rbp # 0x402670
# KEPT-NEXT: 40137a: 48 8b 35 ef 12 00 00 movq 4847(%rip), %rsi # 0x402670
# KEPT-NEXT: 401381: 48 8b 3d e8 12 00 00 movq 4840(%rip), %rdi # 0x402670
# KEPT-NEXT: 401388: 4c 8b 05 e1 12 00 00 movq 4833(%rip), %r8 # 0x402670
# KEPT-NEXT: 40138f: 4c 8b 0d da 12 00 00 movq 4826(%rip), %r9 # 0x402670
# KEPT-NEXT: 401396: 4c 8b 15 d3 12 00 00 movq 4819(%rip), %r10 # 0x402670
# KEPT-NEXT: 40139d: 4c 8b 1d cc 12 00 00 movq 4812(%rip), %r11 # 0x402670
# KEPT-NEXT: 4013a4: 4c 8b 25 c5 12 00 00 movq 4805(%rip), %r12 # 0x402670
# KEPT-NEXT: 4013ab: 4c 8b 2d be 12 00 00 movq 4798(%rip), %r13 # 0x402670
# KEPT-NEXT: 4013b2: 4c 8b 35 b7 12 00 00 movq 4791(%rip), %r14 # 0x402670
# KEPT-NEXT: 4013b9: 4c 8b 3d b0 12 00 00 movq 4784(%rip), %r15 # 0x402670
# KEPT-NEXT: 4013c0: 48 03 05 a9 12 00 00 addq 4777(%rip), %rax # 0x402670
# KEPT-NEXT: 4013c7: 48 03 0d a2 12 00 00 addq 4770(%rip), %rcx # 0x402670
# KEPT-NEXT: 4013ce: 48 03 15 9b 12 00 00 addq 4763(%rip), %rdx # 0x402670
# KEPT-NEXT: 4013d5: 48 03 1d 94 12 00 00 addq 4756(%rip), %rbx # 0x402670
# KEPT-NEXT: 4013dc: 48 03 25 8d 12 00 00 addq 4749(%rip), %rsp # 0x402670
# KEPT-NEXT: 4013e3: 48 03 2d 86 12 00 00 addq 4742(%rip), %rbp # 0x402670
# KEPT-NEXT: 4013ea: 48 03 35 7f 12 00 00 addq 4735(%rip), %rsi # 0x402670
# KEPT-NEXT: 4013f1: 48 03 3d 78 12 00 00 addq 4728(%rip), %rdi # 0x402670
# KEPT-NEXT: 4013f8: 4c 03 05 71 12 00 00 addq 4721(%rip), %r8 # 0x402670
# KEPT-NEXT: 4013ff: 4c 03 0d 6a 12 00 00 addq 4714(%rip), %r9 # 0x402670
# KEPT-NEXT: 401406: 4c 03 15 63 12 00 00 addq 4707(%rip), %r10 # 0x402670
# KEPT-NEXT: 40140d: 4c 03 1d 5c 12 00 00 addq 4700(%rip), %r11 # 0x402670
# KEPT-NEXT: 401414: 4c 03 25 55 12 00 00 addq 4693(%rip), %r12 # 0x402670
# KEPT-NEXT: 40141b: 4c 03 2d 4e 12 00 00 addq 4686(%rip), %r13 # 0x402670
# KEPT-NEXT: 401422: 4c 03 35 47 12 00 00 addq 4679(%rip), %r14 # 0x402670
# KEPT-NEXT: 401429: 4c 03 3d 40 12 00 00 addq 4672(%rip), %r15 # 0x402670
# KEPT-NEXT: 401430: 4c 8b 0d 49 12 00 00 movq 4681(%rip), %r9 # 0x402680
# KEPT-NEXT: 401437: 4c 03 25 3a 12 00 00 addq 4666(%rip), %r12 # 0x402678
# KEPT-NEXT: 40143e: c3 retq
# KEPT-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 2 entries:
# KEPT-REL-NEXT: Offset
# KEPT-REL-NEXT: 0000000000402678 0000000100000012 R_X86_64_TPOFF64 0000000000000000 sb + 0
# KEPT-REL-NEXT: 0000000000402680 0000000200000012 R_X86_64_TPOFF64 0000000000000000 sa + 0
# KEPT-REL:      Hex dump of section '.got':
# KEPT-REL-NEXT: 0x00402670 fcffffff ffffffff 00000000 00000000
