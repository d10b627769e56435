# i386: in a shared object, General Dynamic and descriptor sequences of a variable that the
# object also reaches with Initial Exec use its IE slot through the sequence's GOT register, as
# GNU ld writes them (addl x@gotntpoff(%ebx)); w, reached by GD only, keeps its pair and call.
# The instructions are GNU ld's (its GOT is laid out differently). --no-relax keeps them all.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %llvm-mc -filetype=obj -triple=i386 %inputs/x86-tls-vw.s -o %t-d.o
# RUN: %tld --stats -shared %t.o %t-d.o -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -r -d %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld --stats -shared --no-relax %t.o %t-d.o -o %t-nr.so 2>&1 | FileCheck %s --check-prefix=KEPT

.globl f
.text
f:
  leal v@tlsgd(,%ebx,1), %eax
  call ___tls_get_addr@PLT
  nop
  leal w@tlsgd(%ebx), %eax
  call ___tls_get_addr@PLT
  nop
  leal v@tlsgd(%ecx), %eax
  call *___tls_get_addr@GOT(%ecx)
  leal v@tlsdesc(%ebx), %eax
  call *v@tlscall(%eax)
  movl v@gotntpoff(%ebx), %eax
  ret

# STATS: tld: stats: TLS relocations: GD 3 -> GD 1, IE 2
# STATS: tld: stats: TLS relocations: IE 1 -> IE 1
# STATS: tld: stats: TLS relocations: DESC 1 -> IE 1
# KEPT: tld: stats: TLS relocations: GD 3 -> GD 3
# KEPT: tld: stats: TLS relocations: DESC 1 -> DESC 1

# v's IE slot is at GOT-4108 (0x2378), w's pair at GOT-4104; the -fno-plt form uses %ecx.
# SO:      00001230 <f>:
# SO-NEXT: 1230: 65 a1 00 00 00 00 movl %gs:0, %eax
# SO-NEXT: 1236: 03 83 f4 ef ff ff addl -4108(%ebx), %eax
# SO-NEXT: 123c: 90 nop
# SO-NEXT: 123d: 8d 83 f8 ef ff ff leal -4104(%ebx), %eax
# SO-NEXT: 1243: e8 d8 ff ff ff calll 0x1220 <___tls_get_addr@plt>
# SO-NEXT: 1248: 90 nop
# SO-NEXT: 1249: 65 a1 00 00 00 00 movl %gs:0, %eax
# SO-NEXT: 124f: 03 81 f4 ef ff ff addl -4108(%ecx), %eax
# SO-NEXT: 1255: 8b 83 f4 ef ff ff movl -4108(%ebx), %eax
# SO-NEXT: 125b: 66 90 nop
# SO-NEXT: 125d: 8b 83 f4 ef ff ff movl -4108(%ebx), %eax
# SO-NEXT: 1263: c3 retl

# SO-REL:     (FLAGS) STATIC_TLS
# SO-REL:     00002378 {{.*}} R_386_TLS_TPOFF {{.*}} v
# SO-REL-NEXT: 0000237c {{.*}} R_386_TLS_DTPMOD32 {{.*}} w
# SO-REL-NEXT: 00002380 {{.*}} R_386_TLS_DTPOFF32 {{.*}} w
# SO-REL-NOT: R_386_TLS_DESC
