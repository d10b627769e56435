# In a shared object, General Dynamic and descriptor sequences of a variable that the object
# also reaches with Initial Exec use its IE slot (as GNU ld writes them): v gets one TPOFF64 slot
# and no DTPMOD64/DTPOFF64 pair or descriptor; w, reached by GD only, keeps its pair and its
# call. The bytes are GNU ld's. --no-relax and -z notlsrelax keep every sequence; executables
# relax as before (see x64-gd.s).
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-tls-vw.s -o %t-d.o
# RUN: %tld --stats -shared %t.o %t-d.o -o %t.so 2>&1 | FileCheck %s --check-prefix=STATS
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -r -d %t.so | FileCheck %s --check-prefix=SO-REL
# RUN: %tld --stats -shared --no-relax %t.o %t-d.o -o %t-nr.so 2>&1 | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -r %t-nr.so | FileCheck %s --check-prefix=KEPT-REL
# RUN: %tld --stats -shared -z notlsrelax %t.o %t-d.o -o %t-nr2.so 2>&1 | FileCheck %s --check-prefix=KEPT
# RUN: %tld -z guidance -shared %t.o %t-d.o -o %t-g.so 2>&1 | FileCheck %s --check-prefix=GUIDE

.globl f
.text
f:
  data16 leaq v@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  data16 leaq w@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  leaq v@tlsdesc(%rip), %rax
  call *v@tlscall(%rax)
  movq v@gottpoff(%rip), %rax
  ret

# STATS: tld: stats: TLS relocations: GD 2 -> GD 1, IE 1
# STATS: tld: stats: TLS relocations: IE 1 -> IE 1
# STATS: tld: stats: TLS relocations: DESC 1 -> IE 1
# KEPT: tld: stats: TLS relocations: GD 2 -> GD 2
# KEPT: tld: stats: TLS relocations: IE 1 -> IE 1
# KEPT: tld: stats: TLS relocations: DESC 1 -> DESC 1

# v's IE slot is at 0x25b8, w's pair at 0x25c0.
# SO:      0000000000001360 <f>:
# SO-NEXT: 1360: 64 48 8b 04 25 00 00 00 00 movq %fs:0, %rax
# SO-NEXT: 1369: 48 03 05 48 12 00 00 addq 4680(%rip), %rax # 0x25b8
# SO-NEXT: 1370: 66 48 8d 3d 48 12 00 00 leaq 4680(%rip), %rdi # 0x25c0
# SO-NEXT: 1378: 66 66 48 e8 d0 ff ff ff callq 0x1350 <__tls_get_addr@plt>
# SO-NEXT: 1380: 48 8b 05 31 12 00 00 movq 4657(%rip), %rax # 0x25b8
# SO-NEXT: 1387: 66 90 nop
# SO-NEXT: 1389: 48 8b 05 28 12 00 00 movq 4648(%rip), %rax # 0x25b8
# SO-NEXT: 1390: c3 retq

# SO-REL:      (FLAGS) STATIC_TLS
# SO-REL:      Relocation section '.rela.dyn'
# SO-REL-NEXT: Offset
# SO-REL-NEXT: 00000000000025b8 {{.*}} R_X86_64_TPOFF64 {{.*}} v + 0
# SO-REL-NEXT: 00000000000025c0 {{.*}} R_X86_64_DTPMOD64 {{.*}} w + 0
# SO-REL-NEXT: 00000000000025c8 {{.*}} R_X86_64_DTPOFF64 {{.*}} w + 0
# SO-REL-EMPTY:
# SO-REL-NOT:  R_X86_64_TLSDESC

# KEPT-REL-DAG: R_X86_64_DTPMOD64 {{.*}} v + 0
# KEPT-REL-DAG: R_X86_64_DTPOFF64 {{.*}} v + 0
# KEPT-REL-DAG: R_X86_64_TPOFF64 {{.*}} v + 0
# KEPT-REL-DAG: R_X86_64_TLSDESC {{.*}} v + 0

# GUIDE: tld: guidance: 1 general-dynamic TLS relocation relaxed to initial-exec, not local-exec: the output is a shared object{{.*}}(first: 'v' at {{.*}}.o:(.text+0x4))
# GUIDE: tld: guidance: 1 general-dynamic TLS relocation left as written: the output is a shared object, whose TLS block is placed at run time (first: 'w' at {{.*}}.o:(.text+0x14))
# GUIDE: tld: guidance: 1 descriptor TLS relocation relaxed to initial-exec, not local-exec
