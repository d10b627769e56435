# TLS descriptors: `lea x@tlsdesc(%rip),%rax` (R_X86_64_GOTPC32_TLSDESC) and `call *x@tlscall(%rax)`
# (R_X86_64_TLSDESC_CALL):
#  - executable and PIE, DESC->LE for x (lea becomes `mov $tpoff,%rax`, the call a 2-byte nop)
#    and DESC->IE for sa of a shared object (lea becomes a load of sa's TPOFF64 slot);
#  - static executable, DESC->LE, no GOT and no dynamic relocation;
#  - shared object, --no-relax and -z notlsrelax, kept: a two-word descriptor per variable with
#    R_X86_64_TLSDESC (against no symbol, addend = offset in the block, for the local x).
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=STATIC=1 %s -o %t-static.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-tls-lib.s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 --stats %t.o %t-lib.so -o %t.exe 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.exe | FileCheck %s --check-prefix=EXE
# RUN: llvm-readelf -r %t.exe | FileCheck %s --check-prefix=EXE-REL
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -pie %t.o %t-lib.so -o %t.pie
# RUN: llvm-objdump -d %t.pie | FileCheck %s --check-prefix=PIE
# RUN: %tld -static %t-static.o -o %t.static
# RUN: llvm-objdump -d %t.static | FileCheck %s --check-prefix=STATIC
# RUN: llvm-readelf -r -S %t.static | FileCheck %s --check-prefix=STATIC-REL
# RUN: %tld --stats -shared %t.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS-KEPT
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -r -d %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -pie --no-relax %t.o %t-lib.so -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -r %t.norelax | FileCheck %s --check-prefix=KEPT-REL
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -pie -z notlsrelax %t.o %t-lib.so -o %t.notlsrelax
# RUN: llvm-objdump -d %t.notlsrelax | FileCheck %s --check-prefix=KEPT

.globl _start
.text
_start:
  leaq x@tlsdesc(%rip), %rax
  call *x@tlscall(%rax)
  movl %fs:(%rax), %eax
.ifndef STATIC
  leaq sa@tlsdesc(%rip), %rax
  call *sa@tlscall(%rax)
  movl %fs:(%rax), %eax
.endif
  ret

.section .tbss,"awT",@nobits
.p2align 3
.zero 8
x: .zero 8

# STATS: tld: stats: TLS relocations: DESC 2 -> IE 1, LE 1
# STATS-KEPT: tld: stats: TLS relocations: DESC 2 -> DESC 2

# TLS block [0x402338, 0x402348): x = TP-8; sa's IE slot at 0x402568.
# EXE:      0000000000401318 <_start>:
# EXE-NEXT: 401318: 48 c7 c0 f8 ff ff ff movq $-8, %rax
# EXE-NEXT: 40131f: 66 90 nop
# EXE-NEXT: 401321: 64 8b 00 movl %fs:(%rax), %eax
# EXE-NEXT: 401324: 48 8b 05 3d 12 00 00 movq 4669(%rip), %rax # 0x402568
# EXE-NEXT: 40132b: 66 90 nop
# EXE-NEXT: 40132d: 64 8b 00 movl %fs:(%rax), %eax
# EXE-NEXT: 401330: c3 retq
# EXE-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 1 entries:
# EXE-REL-NEXT: Offset
# EXE-REL-NEXT: 0000000000402568 0000000100000012 R_X86_64_TPOFF64 0000000000000000 sa + 0

# PIE:      0000000000001318 <_start>:
# PIE-NEXT: 1318: 48 c7 c0 f8 ff ff ff movq $-8, %rax
# PIE-NEXT: 131f: 66 90 nop
# PIE-NEXT: 1321: 64 8b 00 movl %fs:(%rax), %eax
# PIE-NEXT: 1324: 48 8b 05 3d 12 00 00 movq 4669(%rip), %rax # 0x2568
# PIE-NEXT: 132b: 66 90 nop
# PIE-NEXT: 132d: 64 8b 00 movl %fs:(%rax), %eax
# PIE-NEXT: 1330: c3 retq

# STATIC:      0000000000401190 <_start>:
# STATIC-NEXT: 401190: 48 c7 c0 f8 ff ff ff movq $-8, %rax
# STATIC-NEXT: 401197: 66 90 nop
# STATIC-NEXT: 401199: 64 8b 00 movl %fs:(%rax), %eax
# STATIC-NEXT: 40119c: c3 retq
# STATIC-REL-NOT: .got
# STATIC-REL:     There are no relocations in this file.

# Shared object: descriptors for x at 0x2518 and sa at 0x2528; no DF_STATIC_TLS.
# SO:      00000000000012c8 <_start>:
# SO-NEXT: 12c8: 48 8d 05 49 12 00 00 leaq 4681(%rip), %rax # 0x2518
# SO-NEXT: 12cf: ff 10 callq *(%rax)
# SO-NEXT: 12d1: 64 8b 00 movl %fs:(%rax), %eax
# SO-NEXT: 12d4: 48 8d 05 4d 12 00 00 leaq 4685(%rip), %rax # 0x2528
# SO-NEXT: 12db: ff 10 callq *(%rax)
# SO-NEXT: 12dd: 64 8b 00 movl %fs:(%rax), %eax
# SO-NEXT: 12e0: c3 retq
# SO-REL-NOT:  STATIC_TLS
# SO-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 2 entries:
# SO-REL-NEXT: Offset
# SO-REL-NEXT: 0000000000002518 0000000000000024 R_X86_64_TLSDESC 8
# SO-REL-NEXT: 0000000000002528 0000000100000024 R_X86_64_TLSDESC 0000000000000000 sa + 0

# KEPT:      0000000000001330 <_start>:
# KEPT-NEXT: 1330: 48 8d 05 49 12 00 00 leaq 4681(%rip), %rax # 0x2580
# KEPT-NEXT: 1337: ff 10 callq *(%rax)
# KEPT-NEXT: 1339: 64 8b 00 movl %fs:(%rax), %eax
# KEPT-NEXT: 133c: 48 8d 05 4d 12 00 00 leaq 4685(%rip), %rax # 0x2590
# KEPT-NEXT: 1343: ff 10 callq *(%rax)
# KEPT-NEXT: 1345: 64 8b 00 movl %fs:(%rax), %eax
# KEPT-NEXT: 1348: c3 retq
# KEPT-REL:      Relocation section '.rela.dyn' at offset {{.*}} contains 2 entries:
# KEPT-REL-NEXT: Offset
# KEPT-REL-NEXT: 0000000000002580 0000000000000024 R_X86_64_TLSDESC 8
# KEPT-REL-NEXT: 0000000000002590 0000000100000024 R_X86_64_TLSDESC 0000000000000000 sa + 0
