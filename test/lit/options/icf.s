# --icf folds executable read-only sections with the same bytes, flags and relocations whose
# targets are the same after folding (f2 calls g2, f1 calls g1, and g1/g2 fold, so f1/f2 fold
# too: a fixed point). --icf=safe leaves alone a section whose address is taken (h2 is stored in
# .data). --print-icf-sections names each fold; symbols of a folded section move to the kept
# one, and its FDE goes with it.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static --icf=all --print-icf-sections --eh-frame-hdr %t.o -o %t.all 2>&1 | FileCheck %s --check-prefix=ALL
# RUN: llvm-readelf -s -x .data %t.all | FileCheck %s --check-prefix=ALLSYM
# RUN: llvm-readelf -S -x .eh_frame_hdr %t.all | FileCheck %s --check-prefix=EH
# RUN: %tld -static --icf=safe --print-icf-sections %t.o -o %t.safe 2>&1 | FileCheck %s --check-prefix=SAFE
# RUN: llvm-readelf -s %t.safe | FileCheck %s --check-prefix=SAFESYM
# RUN: %tld -static --icf=none --print-icf-sections %t.o -o %t.none 2>&1 | count 0

# ALL:      tld: ICF folding section '.text.f2' in file '{{.*}}.o' into '.text.f1' in file '{{.*}}.o'
# ALL-NEXT: tld: ICF folding section '.text.g2' in file '{{.*}}.o' into '.text.g1' in file '{{.*}}.o'
# ALL-NEXT: tld: ICF folding section '.text.h2' in file '{{.*}}.o' into '.text.h1' in file '{{.*}}.o'
# ALL-NOT:  ICF

# ALLSYM-DAG: [[F:[0-9a-f]{16}]] 0 FUNC GLOBAL DEFAULT {{.*}} f1
# ALLSYM-DAG: [[F]] 0 FUNC GLOBAL DEFAULT {{.*}} f2
# ALLSYM-DAG: [[G:[0-9a-f]{16}]] 0 FUNC GLOBAL DEFAULT {{.*}} g1
# ALLSYM-DAG: [[G]] 0 FUNC GLOBAL DEFAULT {{.*}} g2
# ALLSYM-DAG: [[H:[0-9a-f]{16}]] 0 FUNC GLOBAL DEFAULT {{.*}} h1
# ALLSYM-DAG: [[H]] 0 FUNC GLOBAL DEFAULT {{.*}} h2

# Six functions with FDEs, three kept: three table entries.
# EH: .eh_frame_hdr PROGBITS {{[0-9a-f]+}} {{[0-9a-f]+}} 000024
# EH: 0x{{[0-9a-f]+}} 011b033b {{[0-9a-f]+}} 03000000

# SAFE:      tld: ICF folding section '.text.f2' in file '{{.*}}.o' into '.text.f1' in file '{{.*}}.o'
# SAFE-NEXT: tld: ICF folding section '.text.g2' in file '{{.*}}.o' into '.text.g1' in file '{{.*}}.o'
# SAFE-NOT:  ICF

# SAFESYM-DAG: [[H1:[0-9a-f]{16}]] 0 FUNC GLOBAL DEFAULT {{.*}} h1
# SAFESYM-NOT: [[H1]] 0 FUNC GLOBAL DEFAULT {{.*}} h2

  .globl _start, f1, f2, g1, g2, h1, h2
  .section .text._start,"ax",@progbits
_start:
  call f1
  call f2
  call h1
  ret
  .section .text.f1,"ax",@progbits
  .type f1, @function
f1:
  .cfi_startproc
  call g1
  ret
  .cfi_endproc
  .section .text.f2,"ax",@progbits
  .type f2, @function
f2:
  .cfi_startproc
  call g2
  ret
  .cfi_endproc
  .section .text.g1,"ax",@progbits
  .type g1, @function
g1:
  .cfi_startproc
  movl $42, %eax
  ret
  .cfi_endproc
  .section .text.g2,"ax",@progbits
  .type g2, @function
g2:
  .cfi_startproc
  movl $42, %eax
  ret
  .cfi_endproc
  .section .text.h1,"ax",@progbits
  .type h1, @function
h1:
  .cfi_startproc
  movl $7, %eax
  ret
  .cfi_endproc
  .section .text.h2,"ax",@progbits
  .type h2, @function
h2:
  .cfi_startproc
  movl $7, %eax
  ret
  .cfi_endproc
  .data
  .quad h2
