# i386 GOT forms: GOTPC (the _GLOBAL_OFFSET_TABLE_ thunk), GOT32 and GOT32X with a base register
# (slot offset from the GOT base) and without one (absolute slot address), GOTOFF, and a PLT32
# call to a local function (direct). GOT32X `movl x@GOT(%reg)` of a symbol local to the output
# is relaxed to `leal x@GOTOFF(%reg)`; --no-relax keeps every load; the GOT32 `addl` form and a
# symbol preemptible in a shared object keep theirs.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %tld -static %t.o -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=RELAX
# RUN: llvm-readelf -S -s -x .got %t | FileCheck %s --check-prefix=GOT
# RUN: %tld -static --no-relax %t.o -o %t.norelax
# RUN: llvm-objdump -d %t.norelax | FileCheck %s --check-prefix=KEPT
# RUN: llvm-readelf -S -s -x .got %t.norelax | FileCheck %s --check-prefix=GOT
# RUN: not %tld -shared %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=ERR
# RUN: %llvm-mc -filetype=obj -triple=i386 --defsym PIC=1 %s -o %t-pic.o
# RUN: %tld -shared %t-pic.o -o %t.so
# RUN: llvm-objdump -d %t.so | FileCheck %s --check-prefix=SO
# RUN: llvm-readelf -r %t.so | FileCheck %s --check-prefix=SO-REL

# .got is at 0x804a12c and is the GOT base of this static link: lsym's slot at +0, gsym's at +4.
# GOT:      .got PROGBITS 0804a12c
# GOT:      0804b138 0 NOTYPE LOCAL DEFAULT 3 lsym
# GOT:      0804b134 0 NOTYPE GLOBAL DEFAULT 3 gsym
# GOT:      Hex dump of section '.got':
# GOT-NEXT: 0x0804a12c 38b10408 34b10408

# RELAX:      080490f4 <_start>:
# RELAX-NEXT: e8 00 00 00 00    calll 0x80490f9 <_start+0x5>
# RELAX-NEXT: 5b                popl %ebx
# RELAX-NEXT: 81 c3 33 10 00 00 addl $4147, %ebx
# RELAX-NEXT: 8d 83 08 10 00 00 leal 4104(%ebx), %eax
# RELAX-NEXT: 8d 8b 0c 10 00 00 leal 4108(%ebx), %ecx
# RELAX-NEXT: 8b 15 2c a1 04 08 movl 134521132, %edx
# RELAX-NEXT: 03 83 04 00 00 00 addl 4(%ebx), %eax
# RELAX-NEXT: 8d b3 0c 10 00 00 leal 4108(%ebx), %esi
# RELAX-NEXT: 8b bb 0c 10 00 00 movl 4108(%ebx), %edi
# RELAX-NEXT: e8 01 00 00 00    calll 0x804912a <loc>
# RELAX-NEXT: c3                retl

# KEPT:      080490f4 <_start>:
# KEPT:      81 c3 33 10 00 00 addl $4147, %ebx
# KEPT-NEXT: 8b 83 04 00 00 00 movl 4(%ebx), %eax
# KEPT-NEXT: 8b 8b 00 00 00 00 movl (%ebx), %ecx
# KEPT-NEXT: 8b 15 2c a1 04 08 movl 134521132, %edx
# KEPT-NEXT: 03 83 04 00 00 00 addl 4(%ebx), %eax
# KEPT-NEXT: 8d b3 0c 10 00 00 leal 4108(%ebx), %esi
# KEPT-NEXT: 8b bb 0c 10 00 00 movl 4108(%ebx), %edi
# KEPT-NEXT: e8 01 00 00 00    calll 0x804912a <loc>

.globl _start, gsym
.text
_start:
  call 1f
1: popl %ebx
  addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx
  movl gsym@GOT(%ebx), %eax
  movl lsym@GOT(%ebx), %ecx
.ifndef PIC
  movl lsym@GOT, %edx
.endif
  addl gsym@GOT(%ebx), %eax
  leal lsym@GOTOFF(%ebx), %esi
  movl gsym@GOTOFF+4(%ebx), %edi
  call loc@PLT
  ret
loc: ret

.data
gsym: .long 1
lsym: .long 2

# ERR: error: {{.*}}.o:(.text+0x1a): relocation R_386_GOT32 against 'lsym' without a base register cannot be used when making a shared object; recompile with -fPIC

# In the shared object the GOT base is .got.plt (0x32e8); gsym is preemptible and keeps its GOT
# load (slot 0x22e4, GLOB_DAT), lsym's load is relaxed.
# SO:      0000119c <_start>:
# SO:      81 c3 47 21 00 00 addl $8519, %ebx
# SO-NEXT: 8b 83 fc ef ff ff movl -4100(%ebx), %eax
# SO-NEXT: 8d 8b 10 00 00 00 leal 16(%ebx), %ecx
# SO-NEXT: 03 83 fc ef ff ff addl -4100(%ebx), %eax
# SO-NEXT: 8d b3 10 00 00 00 leal 16(%ebx), %esi
# SO-NEXT: 8b bb 10 00 00 00 movl 16(%ebx), %edi
# SO-NEXT: e8 01 00 00 00    calll 0x11cc <loc>
# SO-REL:  000022e4 00000206 R_386_GLOB_DAT 000032f4 gsym
