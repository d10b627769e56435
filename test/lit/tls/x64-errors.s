# Every TLS diagnostic, one case per --defsym: each names the input, section and offset, the
# relocation and the symbol.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %inputs/x64-tls-lib.s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so

# Local Exec code cannot go into a shared object.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=LE=1 %s -o %t-le.o
# RUN: not %tld -shared %t-le.o -o %t.so 2>&1 | FileCheck %s --check-prefix=LE-SHARED
# LE-SHARED: tld: error: {{.*}}-le.o:(.text+0x4): relocation R_X86_64_TPOFF32 against 'x' cannot be used when making a shared object; recompile with -fPIC
# LE-SHARED: tld: error: {{.*}}-le.o:(.data+0x0): relocation R_X86_64_TPOFF64 against 'x' cannot be used when making a shared object

# ... nor reach a variable of a shared object, in an executable.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=LE_EXTERN=1 %s -o %t-le-extern.o
# RUN: not %tld %t-le-extern.o %t-lib.so -o %t 2>&1 | FileCheck %s --check-prefix=LE-EXTERN
# LE-EXTERN: tld: error: {{.*}}-le-extern.o:(.text+0x4): relocation R_X86_64_TPOFF32 against 'sa' cannot be resolved: the variable is defined in shared object {{.*}}lib.so, and Local Exec code needs it in the output

# Local Dynamic offsets likewise.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=LD_EXTERN=1 %s -o %t-ld-extern.o
# RUN: not %tld %t-ld-extern.o %t-lib.so -o %t 2>&1 | FileCheck %s --check-prefix=LD-EXTERN
# LD-EXTERN: tld: error: {{.*}}-ld-extern.o:(.text+0x3): relocation R_X86_64_TLSLD against 'sa' cannot be resolved: the variable is defined in shared object {{.*}}lib.so, and Local Dynamic code needs it in the output
# LD-EXTERN: tld: error: {{.*}}-ld-extern.o:(.text+0xe): relocation R_X86_64_DTPOFF32 against 'sa' cannot be resolved

# A hidden reference cannot bind to a shared object's definition.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=HIDDEN=1 %s -o %t-hidden.o
# RUN: not %tld -shared %t-hidden.o %t-lib.so -o %t.so 2>&1 | FileCheck %s --check-prefix=HIDDEN
# HIDDEN: tld: error: undefined hidden symbol: sa (only {{.*}}lib.so defines it, and a hidden symbol cannot bind to a shared object)
# HIDDEN-NEXT: >>> referenced by {{.*}}-hidden.o

# A TLS relocation against an ordinary symbol (the assembler types an undefined symbol it sees
# in a TLS relocation as TLS, so the variable is defined elsewhere): in an object of the output and
# in a shared object.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=NOT_TLS=1 %s -o %t-not-tls.o
# RUN: not %tld %t-not-tls.o %t-lib.o -o %t 2>&1 | FileCheck %s --check-prefix=NOT-TLS
# RUN: not %tld %t-not-tls.o %t-lib.so -o %t 2>&1 | FileCheck %s --check-prefix=NOT-TLS
# NOT-TLS:      tld: error: {{.*}}-not-tls.o:(.text+0x4): TLS relocation R_X86_64_TLSGD against non-TLS symbol 'plain'
# NOT-TLS-NEXT: tld: error: {{.*}}-not-tls.o:(.text+0x13): TLS relocation R_X86_64_GOTTPOFF against non-TLS symbol 'plain'
# NOT-TLS-NEXT: tld: error: {{.*}}-not-tls.o:(.text+0x1b): TLS relocation R_X86_64_TPOFF32 against non-TLS symbol 'plain'
# NOT-TLS-NEXT: tld: error: {{.*}}-not-tls.o:(.text+0x22): TLS relocation R_X86_64_GOTPC32_TLSDESC against non-TLS symbol 'plain'

# An ordinary relocation against a TLS symbol.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=TLS_PLAIN=1 %s -o %t-tls-plain.o
# RUN: not %tld %t-tls-plain.o %t-lib.so -o %t 2>&1 | FileCheck %s --check-prefix=TLS-PLAIN
# TLS-PLAIN:      tld: error: {{.*}}-tls-plain.o:(.text+0x3): relocation R_X86_64_PC32 against TLS symbol 'x' (a TLS access model is required)
# TLS-PLAIN-NEXT: tld: error: {{.*}}-tls-plain.o:(.text+0xa): relocation R_X86_64_REX_GOTPCRELX against TLS symbol 'sa' (a TLS access model is required)
# TLS-PLAIN-NEXT: tld: error: {{.*}}-tls-plain.o:(.data+0x0): relocation R_X86_64_64 against TLS symbol 'x' (a TLS access model is required)

# Sequences that cannot be relaxed because the instructions are not the psABI's.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=BAD_SEQ=1 %s -o %t-bad-seq.o
# RUN: not %tld %t-bad-seq.o -o %t 2>&1 | FileCheck %s --check-prefix=BAD-SEQ
# BAD-SEQ:      tld: error: {{.*}}-bad-seq.o:(.text+0x3): unexpected instruction bytes for TLSGD relaxation; references 'x'
# BAD-SEQ-NEXT: tld: error: {{.*}}-bad-seq.o:(.text+0xb): unexpected instruction bytes for TLSLD relaxation; references 'x'
# BAD-SEQ-NEXT: tld: error: {{.*}}-bad-seq.o:(.text+0x12): unexpected instruction bytes for GOTTPOFF (IE) relaxation; references 'x'
# BAD-SEQ-NEXT: tld: error: {{.*}}-bad-seq.o:(.text+0x19): unexpected instruction bytes for GOTPC32_TLSDESC relaxation; references 'x'
# The same input links with relaxation off.
# RUN: %tld --no-relax %t-bad-seq.o %t-lib.so -o %t

# A static executable has no __tls_get_addr to call when GD or LD code is kept (-z notlsrelax;
# --no-relax keeps them only where __tls_get_addr exists, as GNU ld relaxes them anyway).
# RUN: %llvm-mc -filetype=obj -triple=x86_64 --defsym=STATIC_GD=1 %s -o %t-static-gd.o
# RUN: %tld -static %t-static-gd.o -o %t
# RUN: %tld -static --no-relax %t-static-gd.o -o %t
# RUN: not %tld -static -z notlsrelax %t-static-gd.o -o %t 2>&1 | FileCheck %s --check-prefix=STATIC-GD
# STATIC-GD:      tld: error: {{.*}}-static-gd.o:(.text+0xc): undefined symbol: __tls_get_addr
# STATIC-GD-NEXT: tld: error: {{.*}}-static-gd.o:(.text+0x18): undefined symbol: __tls_get_addr

.globl _start
.text
_start:
.ifdef LE
  movl %fs:x@tpoff, %eax
  .data
  .quad x@tpoff
  .text
.endif
.ifdef LE_EXTERN
  movl %fs:sa@tpoff, %eax
.endif
.ifdef LD_EXTERN
  leaq sa@tlsld(%rip), %rdi
  call __tls_get_addr@PLT
  movl sa@dtpoff(%rax), %eax
.endif
.ifdef HIDDEN
  .hidden sa
  data16 leaq sa@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
.endif
.ifdef NOT_TLS
  data16 leaq plain@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  movq plain@gottpoff(%rip), %rax
  movl %fs:plain@tpoff, %eax
  leaq plain@tlsdesc(%rip), %rax
  call *plain@tlscall(%rax)
.endif
.ifdef TLS_PLAIN
  movq x(%rip), %rax
  movq sa@GOTPCREL(%rip), %rax
  .data
  .quad x
  .text
.endif
.ifdef BAD_SEQ
  leaq x@tlsgd(%rip), %rdi
  nop
  leaq x@tlsld(%rip), %rsi
  leaq x@gottpoff(%rip), %rax
  movq x@tlsdesc(%rip), %rax
.endif
.ifdef STATIC_GD
  data16 leaq x@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  leaq x@tlsld(%rip), %rdi
  call __tls_get_addr@PLT
.endif
  ret

.section .tbss,"awT",@nobits
x: .zero 8
