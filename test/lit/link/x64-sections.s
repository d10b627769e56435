# Section-level options: --gc-sections keeps what the entry point reaches (and every
# non-allocated section) and removes the rest, with --print-gc-sections naming each; the FDE of a
# removed function goes with it, so .eh_frame_hdr's table has one entry; -S drops debugging
# sections; --build-id writes a note whose bytes are the same for the same link.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static --gc-sections --print-gc-sections %t.o -o %t.gc 2>&1 | FileCheck %s --check-prefix=GC
# RUN: llvm-readelf -S -l -x .eh_frame_hdr %t.gc | FileCheck %s
# RUN: llvm-objdump -d %t.gc | FileCheck %s --check-prefix=DIS
# RUN: %tld -static -S %t.o -o %t.nodebug
# RUN: llvm-readelf -S %t.nodebug | FileCheck %s --check-prefix=NODEBUG
# RUN: %tld -static --build-id %t.o -o %t.id1
# RUN: %tld -static --build-id=sha1 %t.o -o %t.id2
# RUN: cmp %t.id1 %t.id2
# RUN: llvm-readelf -n %t.id1 | FileCheck %s --check-prefix=SHA
# RUN: %tld -static --build-id=0x0123456789abcdef %t.o -o %t.id3
# RUN: llvm-readelf -n %t.id3 | FileCheck %s --check-prefix=HEX
# RUN: %tld -static --build-id=md5 %t.o -o %t.id4
# RUN: llvm-readelf -n %t.id4 | FileCheck %s --check-prefix=MD5

# GC: tld: removing unused section '.text' in file '{{.*}}.o'
# GC: tld: removing unused section '.text.unused' in file '{{.*}}.o'
# GC-NOT: removing

# CHECK:      .text         PROGBITS 0000000000401158 000158 000007
# CHECK-NEXT: .eh_frame_hdr PROGBITS 0000000000402160 000160 000014
# CHECK-NEXT: .eh_frame     PROGBITS 0000000000402178 000178 00002c
# CHECK-NEXT: .debug_info   PROGBITS 0000000000000000 {{.*}} 000008
# CHECK:      GNU_EH_FRAME 0x000160 0x0000000000402160 0x0000000000402160 0x000014 0x000014 R 0x4
# version 1, pcrel|sdata4, udata4, datarel|sdata4; .eh_frame at +0x14; one FDE, for `used`
# CHECK:      0x00402160 011b033b 14000000 01000000 feefffff
# CHECK-NEXT: 0x00402170 30000000

# DIS:      <_start>:
# DIS-NEXT: 401158: e8 01 00 00 00 callq 0x40115e <used>
# DIS-NOT:  <unused>:

# NODEBUG-NOT: .debug_info

# SHA: Build ID: {{[0-9a-f]{40} *$}}
# HEX: Build ID: {{0123456789abcdef *$}}
# MD5: Build ID: {{[0-9a-f]{32} *$}}

.section .text.used,"ax",@progbits
.globl _start
_start:
  call used
  ret
.section .text.used2,"ax",@progbits
used:
  .cfi_startproc
  ret
  .cfi_endproc
.section .text.unused,"ax",@progbits
.globl unused
unused:
  .cfi_startproc
  nop
  ret
  .cfi_endproc
.section .debug_info,"",@progbits
.quad used
