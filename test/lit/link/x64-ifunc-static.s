# A call to an STT_GNU_IFUNC symbol in a static executable goes through an .iplt entry that
# jumps through a GOT slot; .rela.iplt holds an R_X86_64_IRELATIVE for that slot whose addend is
# the resolver, and __rela_iplt_start/__rela_iplt_end bracket .rela.iplt for the start-up code.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-readelf -S -r -s %t | FileCheck %s
# RUN: llvm-readelf -x .got %t | FileCheck %s --check-prefix=GOT
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=TEXT

# CHECK:      .rela.iplt RELA     0000000000400158 {{[0-9a-f]+}} 000018 18 AI
# CHECK:      .iplt      PROGBITS 0000000000401170 {{[0-9a-f]+}} 000010
# CHECK:      .text      PROGBITS 0000000000401180
# CHECK:      .got       PROGBITS 0000000000402198 {{[0-9a-f]+}} 000008
# CHECK:      Relocation section '.rela.iplt' at offset 0x158 contains 1 entries:
# CHECK:      0000000000402198 0000000000000025 R_X86_64_IRELATIVE 401180
# CHECK-DAG:  0000000000401180 0 FUNC LOCAL DEFAULT 3 resolver
# CHECK-DAG:  0000000000400158 0 NOTYPE LOCAL HIDDEN 1 __rela_iplt_start
# CHECK-DAG:  0000000000400170 0 NOTYPE LOCAL HIDDEN 1 __rela_iplt_end
# CHECK-DAG:  0000000000401180 0 IFUNC GLOBAL DEFAULT 3 fn

# The slot is filled at start-up by the resolver's result.
# GOT:      Hex dump of section '.got':
# GOT-NEXT: 0x00402198 00000000 00000000

# TEXT:      0000000000401170 <.iplt>:
# TEXT-NEXT: 401170: ff 25 22 10 00 00 jmpq *4130(%rip)
# TEXT:      <_start>:
# TEXT-NEXT: 401181: e8 ea ff ff ff callq 0x401170 <.iplt>
# TEXT-NEXT: 401186: 48 8d 05 cb ef ff ff leaq -4149(%rip), %rax # 0x400158 <__rela_iplt_start>
# TEXT-NEXT: 40118d: 48 8d 0d dc ef ff ff leaq -4132(%rip), %rcx # 0x400170 <__rela_iplt_end>

.globl _start
.text
.type resolver, @function
resolver:
  ret

.globl fn
.type fn, @gnu_indirect_function
.set fn, resolver

_start:
  call fn
  leaq __rela_iplt_start(%rip), %rax
  leaq __rela_iplt_end(%rip), %rcx
  ret
