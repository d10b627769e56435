# Which output section an input section joins, by its name alone, as GNU ld's default script
# places them: a name of a built-in output section, alone or followed by '.' and anything,
# joins it (.text., .data.rel.x -> .data, .data.rel.ro.local.x -> .data.rel.ro); another name
# keeps its own (.textfoo, .bssx, .mine); .gnu.linkonce.{t,r,d,b}.X join .text, .rodata, .data,
# .bss and other linkonce names keep theirs; -z keep-text-section-prefix keeps .text.unlikely
# and .text.hot apart (but not .text.unlikelyish). Numbered .init_array.N join .init_array.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -t %t | FileCheck %s --check-prefixes=CHECK,MERGED
# RUN: llvm-readelf -S %t | FileCheck %s --check-prefix=SECS
# RUN: %tld -static -z keep-text-section-prefix %t.o -o %t.keep
# RUN: llvm-objdump -t %t.keep | FileCheck %s --check-prefixes=CHECK,KEPT

# CHECK-DAG: {{ }}.text{{[[:space:]]}}{{.*}} _start
# MERGED-DAG: {{ }}.text{{[[:space:]]}}{{.*}} s_unlikely
# MERGED-DAG: {{ }}.text{{[[:space:]]}}{{.*}} s_hot
# KEPT-DAG: {{ }}.text.unlikely{{[[:space:]]}}{{.*}} s_unlikely
# KEPT-DAG: {{ }}.text.hot{{[[:space:]]}}{{.*}} s_hot
# CHECK-DAG: {{ }}.text{{[[:space:]]}}{{.*}} s_unlikelyish
# CHECK-DAG: {{ }}.text{{[[:space:]]}}{{.*}} s_textdot
# CHECK-DAG: {{ }}.textfoo{{[[:space:]]}}{{.*}} s_textfoo
# CHECK-DAG: {{ }}.text{{[[:space:]]}}{{.*}} s_lt
# CHECK-DAG: {{ }}.gnu.linkonce.t{{[[:space:]]}}{{.*}} s_lt_nodot
# CHECK-DAG: {{ }}.gnu.linkonce.q.lq{{[[:space:]]}}{{.*}} s_lq
# CHECK-DAG: {{ }}.rodata{{[[:space:]]}}{{.*}} s_lr
# CHECK-DAG: {{ }}.data{{[[:space:]]}}{{.*}} s_ld
# CHECK-DAG: {{ }}.bss{{[[:space:]]}}{{.*}} s_lb
# CHECK-DAG: {{ }}.rodata{{[[:space:]]}}{{.*}} s_rodata
# CHECK-DAG: {{ }}.data.rel.ro{{[[:space:]]}}{{.*}} s_relro
# CHECK-DAG: {{ }}.data{{[[:space:]]}}{{.*}} s_datarel
# CHECK-DAG: {{ }}.bssx{{[[:space:]]}}{{.*}} s_bssx
# CHECK-DAG: {{ }}.tbss{{[[:space:]]}}{{.*}} s_tbss
# CHECK-DAG: {{ }}.init_array{{[[:space:]]}}{{.*}} s_init100
# CHECK-DAG: {{ }}.init_array{{[[:space:]]}}{{.*}} s_init
# CHECK-DAG: {{ }}.ctors{{[[:space:]]}}{{.*}} s_ctors
# CHECK-DAG: {{ }}.gcc_except_table{{[[:space:]]}}{{.*}} s_get
# CHECK-DAG: {{ }}.mine{{[[:space:]]}}{{.*}} s_mine
# CHECK-DAG: {{ }}.lrodata{{[[:space:]]}}{{.*}} s_lrodata

# The output sections in the order their first input sections come, within each kind; the
# numbered and plain .init_array make one SHT_INIT_ARRAY section.
# SECS:      .text              PROGBITS
# SECS-NEXT: .textfoo           PROGBITS
# SECS-NEXT: .gnu.linkonce.t    PROGBITS
# SECS-NEXT: .rodata            PROGBITS
# SECS-NEXT: .gnu.linkonce.q.lq PROGBITS
# SECS-NEXT: .mine              PROGBITS
# SECS-NEXT: .lrodata           PROGBITS
# SECS-NEXT: .gcc_except_table  PROGBITS
# SECS-NEXT: .tbss              NOBITS
# SECS-NEXT: .init_array        INIT_ARRAY
# SECS-NEXT: .data.rel.ro       PROGBITS
# SECS-NEXT: .ctors             PROGBITS
# SECS-NEXT: .data              PROGBITS
# SECS-NEXT: .bss               NOBITS
# SECS-NEXT: .bssx              NOBITS

.globl _start
.section .text.main,"ax",@progbits
_start: ret
.section .text.unlikely.cold,"ax",@progbits
s_unlikely: ret
.section .text.hot,"ax",@progbits
s_hot: ret
.section .text.unlikelyish,"ax",@progbits
s_unlikelyish: ret
.section .text.,"ax",@progbits
s_textdot: ret
.section .textfoo,"ax",@progbits
s_textfoo: ret
.section .gnu.linkonce.t.lt,"ax",@progbits
s_lt: ret
.section .gnu.linkonce.t,"ax",@progbits
s_lt_nodot: ret
.section .gnu.linkonce.q.lq,"a",@progbits
s_lq: .byte 1
.section .gnu.linkonce.r.lr,"a",@progbits
s_lr: .byte 1
.section .gnu.linkonce.d.ld,"aw",@progbits
s_ld: .byte 1
.section .gnu.linkonce.b.lb,"aw",@nobits
s_lb: .zero 1
.section .rodata.str,"a",@progbits
s_rodata: .byte 1
.section .data.rel.ro.local.x,"aw",@progbits
s_relro: .quad 0
.section .data.rel.x,"aw",@progbits
s_datarel: .quad 0
.section .bssx,"aw",@nobits
s_bssx: .zero 4
.section .tbss.t,"awT",@nobits
s_tbss: .zero 4
.section .init_array.00100,"aw",@init_array
s_init100: .quad 0
.section .init_array,"aw",@init_array
s_init: .quad 0
.section .ctors.65000,"aw",@progbits
s_ctors: .quad 0
.section .gcc_except_table.f,"a",@progbits
s_get: .byte 0
.section .mine,"a",@progbits
s_mine: .byte 0
.section .lrodata.big,"a",@progbits
s_lrodata: .byte 0
