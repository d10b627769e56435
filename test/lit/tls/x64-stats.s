# --stats reports, per access model, how many TLS sequences came in and what each became, one
# line per model in the order GD, LD, IE, LE, DESC (targets in the same order).
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=LE=1 %s -o %t-le.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-tls-lib.s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %tld --stats %t-le.o %t-lib.so -o %t 2>&1 | FileCheck %s --check-prefix=EXE
# RUN: %tld --stats -pie %t-le.o %t-lib.so -o %t 2>&1 | FileCheck %s --check-prefix=EXE
# RUN: %tld --stats --no-relax %t-le.o %t-lib.so -o %t 2>&1 | FileCheck %s --check-prefix=KEPT-LE
# RUN: %tld --stats -shared %t.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=KEPT
# RUN: %tld -shared %t.o %t-lib.so -o %t.so 2>&1 | count 0

# EXE:      tld: stats: TLS relocations: GD 3 -> IE 1, LE 2
# EXE-NEXT: tld: stats: TLS relocations: LD 1 -> LE 1
# EXE-NEXT: tld: stats: TLS relocations: IE 2 -> IE 1, LE 1
# EXE-NEXT: tld: stats: TLS relocations: LE 1 -> LE 1
# EXE-NEXT: tld: stats: TLS relocations: DESC 2 -> IE 1, LE 1
# EXE-NOT:  TLS relocations

# KEPT-LE:      tld: stats: TLS relocations: GD 3 -> GD 3
# KEPT-LE-NEXT: tld: stats: TLS relocations: LD 1 -> LD 1
# KEPT-LE-NEXT: tld: stats: TLS relocations: IE 2 -> IE 2
# KEPT-LE-NEXT: tld: stats: TLS relocations: LE 1 -> LE 1
# KEPT-LE-NEXT: tld: stats: TLS relocations: DESC 2 -> DESC 2

# A shared object keeps its sequences, but those of x, which it also reaches with Initial Exec,
# use x's IE slot (x64-gd-ie-shared.s).
# KEPT:      tld: stats: TLS relocations: GD 3 -> GD 1, IE 2
# KEPT-NEXT: tld: stats: TLS relocations: LD 1 -> LD 1
# KEPT-NEXT: tld: stats: TLS relocations: IE 2 -> IE 2
# KEPT-NEXT: tld: stats: TLS relocations: DESC 2 -> IE 1, DESC 1
# KEPT-NOT:  TLS relocations

.globl _start
.text
_start:
  data16 leaq x@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  data16 leaq sa@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  data16 leaq x@tlsgd(%rip), %rdi
  data16 rex64 call *__tls_get_addr@GOTPCREL(%rip)
  leaq x@tlsld(%rip), %rdi
  call __tls_get_addr@PLT
  leaq x@dtpoff(%rax), %rax
  movq x@gottpoff(%rip), %rax
  addq sb@gottpoff(%rip), %rax
.ifdef LE
  movl %fs:x@tpoff, %eax
.endif
  leaq x@tlsdesc(%rip), %rax
  call *x@tlscall(%rax)
  leaq sa@tlsdesc(%rip), %rax
  call *sa@tlscall(%rax)
  ret

.section .tbss,"awT",@nobits
x: .zero 8
