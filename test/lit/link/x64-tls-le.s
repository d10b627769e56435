# Local Exec R_X86_64_TPOFF32 and TPOFF64 give S + A - TP (variant II: negative), and
# R_X86_64_DTPOFF32 and DTPOFF64 give S + A - (start of the TLS block). In an executable with
# relaxation on, every DTPOFF field is computed against the thread pointer instead, because an
# LD sequence relaxed to LE leaves the TP, not the module's block, in %rax; -z notlsrelax keeps
# the DTP-relative values (so does --no-relax where a __tls_get_addr exists for LD sequences).
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-readelf -S -l %t | FileCheck %s --check-prefix=LAYOUT
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefixes=TEXT,RELAX
# RUN: llvm-readelf -x .data %t | FileCheck %s --check-prefix=DATA-RELAX
# RUN: %tld -static -z notlsrelax %t.o -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefixes=TEXT,NORELAX
# RUN: llvm-readelf -x .data %t.norelax | FileCheck %s --check-prefix=DATA-NORELAX

# Block [0x4021e0, 0x402200): a at +0 (TP-32), b at +0x10 (TP-16).
# LAYOUT: .tdata PROGBITS 00000000004021e0 {{[0-9a-f]+}} 000008
# LAYOUT: .tbss  NOBITS   00000000004021f0 {{[0-9a-f]+}} 000010
# LAYOUT: TLS 0x0001e0 0x00000000004021e0 0x00000000004021e0 0x000008 0x000020 R 0x10

# TEXT:         <_start>:
# TEXT-NEXT:    64 48 8b 04 25 e0 ff ff ff  movq %fs:-32, %rax
# TEXT-NEXT:    48 8d 88 f4 ff ff ff        leaq -12(%rax), %rcx
# RELAX-NEXT:   48 c7 c2 f0 ff ff ff        movq $-16, %rdx
# NORELAX-NEXT: 48 c7 c2 10 00 00 00        movq $16, %rdx

# .quad a@tpoff; .quad b@dtpoff+8; .long a@dtpoff+4
# DATA-RELAX:        Hex dump of section '.data':
# DATA-RELAX-NEXT:   0x004031f0 e0ffffff ffffffff f8ffffff ffffffff
# DATA-RELAX-NEXT:   0x00403200 e4ffffff
# DATA-NORELAX:      Hex dump of section '.data':
# DATA-NORELAX-NEXT: 0x004031f0 e0ffffff ffffffff 18000000 00000000
# DATA-NORELAX-NEXT: 0x00403200 04000000

.globl _start
.text
_start:
  movq %fs:a@tpoff, %rax
  leaq b@tpoff+4(%rax), %rcx
  movq $b@dtpoff, %rdx
  ret

.section .tdata,"awT",@progbits
.p2align 3
a:
.quad 1

.section .tbss,"awT",@nobits
.p2align 4
b:
.zero 16

.data
.quad a@tpoff
.quad b@dtpoff + 8
.long a@dtpoff + 4
