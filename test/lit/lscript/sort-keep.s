# SORT_BY_INIT_PRIORITY, SORT_BY_NAME (and SORT), SORT_BY_ALIGNMENT (largest first), and KEEP:
# with --gc-sections a KEEP section is a root, the sections around it are not.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 s.s -o s.o
# RUN: %tld -static -T sort.lds s.o -o sorted
# RUN: llvm-objdump -s -j .init_array -j .byname -j .byalign -j .keep sorted | FileCheck %s
# RUN: %tld -static -T sort.lds --gc-sections --print-gc-sections s.o -o gc 2>&1 | FileCheck %s --check-prefix=GC
# RUN: llvm-objdump -s -j .init_array -j .keep gc | FileCheck %s --check-prefix=GCOUT

# CHECK:      Contents of section .init_array:
# CHECK-NEXT: 01000000 00000000 02000000 00000000
# CHECK-NEXT: 03000000 00000000
# CHECK:      Contents of section .byname:
# CHECK-NEXT: 61627a
# CHECK:      Contents of section .byalign:
# CHECK-NEXT: 100001
# CHECK:      Contents of section .keep:
# CHECK-NEXT: 5566

# GC-DAG: removing unused section '.sb.zeta' in file 's.o'
# GC-DAG: removing unused section '.dropped' in file 's.o'
# GC-NOT: '.kept'
# GC-NOT: '.init_array

# GCOUT:      Contents of section .init_array:
# GCOUT-NEXT: 01000000 00000000 02000000 00000000
# GCOUT:      Contents of section .keep:
# GCOUT-NEXT: 10019 55 U{{$}}

#--- sort.lds
SECTIONS
{
  . = 0x10000;
  .text : { *(.text) }
  .init_array : { KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*))) KEEP(*(.init_array)) }
  .byname : { *(SORT_BY_NAME(.sb.[a-y]*)) *(SORT(.sb.z*)) }
  .byalign : { *(SORT_BY_ALIGNMENT(.al.*)) }
  .keep : { KEEP(*(.kept)) *(.dropped) }
}
#--- s.s
.globl _start
.section .text,"ax",@progbits
_start: ret
.section .init_array.200,"aw",@init_array
.quad 2
.section .init_array.100,"aw",@init_array
.quad 1
.section .init_array,"aw",@init_array
.quad 3
.section .sb.zeta,"a",@progbits
.byte 0x7a
.section .sb.beta,"a",@progbits
.byte 0x62
.section .sb.alpha,"a",@progbits
.byte 0x61
.section .al.small,"a",@progbits
.p2align 1
.byte 1
.section .al.big,"a",@progbits
.p2align 4
.byte 16
.section .kept,"a",@progbits
.byte 0x55
.section .dropped,"a",@progbits
.byte 0x66
