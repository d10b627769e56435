# .eh_frame: identical CIEs are written once. The FDEs of four objects point at the first copy
# of their CIE: the plain one of a.o; the one that names personality `pers` (same bytes, a
# relocation to the same symbol) of b.o, also c.o's. d.o's personality is another symbol: its
# CIE stays. .eh_frame_hdr lists every FDE, sorted by address.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/c.s -o %t/c.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/d.s -o %t/d.o
# RUN: %tld -static --eh-frame-hdr %t/a.o %t/b.o %t/c.o %t/d.o -o %t/out
# RUN: llvm-readelf -u %t/out | FileCheck %s

# The table's entries are the FDEs' addresses in ascending order (here, link order).
# CHECK:      fde_count: 6
# CHECK:      initial_location: 0x[[#%x,L0:]]
# CHECK:      initial_location: 0x[[#%x,L1:]]
# CHECK:      initial_location: 0x[[#%x,L2:]]
# CHECK:      initial_location: 0x[[#%x,L3:]]
# CHECK:      initial_location: 0x[[#%x,L4:]]
# CHECK:      initial_location: 0x[[#%x,L5:]]
# CHECK:      [0x[[PLAIN:[0-9a-f]+]]] CIE length=20
# CHECK:      augmentation: zR
# CHECK:      FDE length={{[0-9]+}} cie=[0x[[PLAIN]]]
# CHECK-NEXT: initial_location: 0x[[#L0]]
# CHECK:      FDE length={{[0-9]+}} cie=[0x[[PLAIN]]]
# CHECK-NEXT: initial_location: 0x[[#L1]]
# CHECK:      FDE length={{[0-9]+}} cie=[0x[[PLAIN]]]
# CHECK-NEXT: initial_location: 0x[[#L2]]
# CHECK:      [0x[[PERS:[0-9a-f]+]]] CIE length=28
# CHECK:      augmentation: zPLR
# CHECK:      FDE length={{[0-9]+}} cie=[0x[[PERS]]]
# CHECK-NEXT: initial_location: 0x[[#L3]]
# CHECK:      FDE length={{[0-9]+}} cie=[0x[[PERS]]]
# CHECK-NEXT: initial_location: 0x[[#L4]]
# CHECK:      [0x[[PERS2:[0-9a-f]+]]] CIE length=28
# CHECK:      FDE length={{[0-9]+}} cie=[0x[[PERS2]]]
# CHECK-NEXT: initial_location: 0x[[#L5]]
# CHECK-NOT:  CIE

#--- a.s
  .globl _start, fa
  .text
_start:
  .cfi_startproc
  call fa
  ret
  .cfi_endproc
fa:
  .cfi_startproc
  .cfi_def_cfa_offset 16
  ret
  .cfi_endproc

#--- b.s
  .globl fb, fp, pers
  .text
fb:
  .cfi_startproc
  ret
  .cfi_endproc
fp:
  .cfi_startproc
  .cfi_personality 0x3, pers
  .cfi_lsda 0x3, lsda
  ret
  .cfi_endproc
pers:
  ret
  .section .gcc_except_table,"a",@progbits
lsda: .byte 0xff

#--- c.s
  .globl fq
  .text
fq:
  .cfi_startproc
  .cfi_personality 0x3, pers
  .cfi_lsda 0x3, lsda
  ret
  .cfi_endproc
  .section .gcc_except_table,"a",@progbits
lsda: .byte 0xfe

#--- d.s
  .globl fr
  .text
fr:
  .cfi_startproc
  .cfi_personality 0x3, pers2
  .cfi_lsda 0x3, lsda
  ret
  .cfi_endproc
pers2:
  ret
  .section .gcc_except_table,"a",@progbits
lsda: .byte 0xfd
