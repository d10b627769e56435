# -z guidance: Solaris-style advice on standard error, one item per line, and no change to the
# output. Each item, and -z guidance=noITEM leaving it out (noall: everything; an unknown item is
# a warning).
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/got.s -o %t/got.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l1.s -o %t/l1.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l2.s -o %t/l2.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/l3.s -o %t/l3.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/so.s -o %t/so.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/text.s -o %t/text.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/tls.s -o %t/tls.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/tlslib.s -o %t/tlslib.o
# RUN: %tld -shared %t/l1.o -h libl1.so -o %t/libl1.so
# RUN: %tld -shared %t/l2.o -h libl2.so -o %t/libl2.so
# RUN: %tld -shared -B nodirect %t/l3.o -h libl3.so -o %t/libl3.so
# RUN: %tld -shared %t/tlslib.o -h libtls.so -o %t/libtls.so

## No options: libl2 is reached only through the PLT, libl1 also by a copy relocation, libl3 by
## nothing. The output is the same with and without -z guidance.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/a.o %t/libl1.so %t/libl2.so %t/libl3.so \
# RUN:   -o %t/quiet
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/a.o %t/libl1.so %t/libl2.so %t/libl3.so \
# RUN:   -z guidance -o %t/guided 2>&1 | FileCheck %s --check-prefix=PLAIN --implicit-check-not=guidance
# RUN: cmp %t/quiet %t/guided
# PLAIN:      tld: guidance: -z lazyload option recommended before first dependency: libl2.so is reached only through the PLT and could be loaded at first use
# PLAIN-NEXT: tld: guidance: -B direct or -z direct option recommended before first dependency
# PLAIN-NEXT: tld: guidance: removal of unused dependency recommended: libl3.so

## The program interpreter is loaded first whatever the marks say: never recommended for lazy
## loading, and never marked lazy.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/c.s -o %t/c.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/rt.s -o %t/rt.o
# RUN: %tld -shared %t/rt.o -h ld-linux-x86-64.so.2 -o %t/rt.so
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/c.o %t/libl2.so %t/rt.so -z guidance=nodirect \
# RUN:   -o %t/x 2>&1 | FileCheck %s --check-prefix=INTERP --implicit-check-not=guidance
# INTERP: tld: guidance: -z lazyload option recommended before first dependency: libl2.so is reached only through the PLT and could be loaded at first use
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -z lazyload %t/c.o %t/libl2.so %t/rt.so -o %t/x
# RUN: %python %inputs/syminfo.py %t/x | FileCheck %s --check-prefix=INTERP-DEC
# INTERP-DEC:      dynamic [0] POSFLAG_1 LAZYLOAD
# INTERP-DEC-NEXT: dynamic [1] NEEDED libl2.so (lazy)
# INTERP-DEC-NEXT: dynamic [2] NEEDED ld-linux-x86-64.so.2{{$}}
# INTERP-DEC:      rtfn bound [2] ld-linux-x86-64.so.2 flags DIRECT{{$}}

## Each item can be left out; noall leaves out everything (items are case-insensitive).
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/a.o %t/libl1.so %t/libl2.so %t/libl3.so \
# RUN:   -z guidance=nolazyload,NOUNUSED -o %t/x 2>&1 | FileCheck %s --check-prefix=SOME --implicit-check-not=guidance
# SOME: tld: guidance: -B direct or -z direct option recommended before first dependency
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/a.o %t/libl1.so %t/libl2.so %t/libl3.so \
# RUN:   -z guidance=noall -o %t/x 2>&1 | count 0
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/a.o %t/libl1.so %t/libl2.so -z guidance=nodirect,nolazyload,nofoo \
# RUN:   -o %t/x 2>&1 | FileCheck %s --check-prefix=UNKNOWN --implicit-check-not=guidance
# UNKNOWN: tld: warning: -z guidance: unknown item 'nofoo' ignored (noall, nodefs, nodirect, nolazyload, nomapfile, notext, nounused, notls)

## Lazily loaded dependencies start-up needs anyway: a copy relocation, a GOT slot (a call
## compiled with -fno-plt), -z now; and one nothing refers to. -B direct against libl3, whose
## definition refuses direct binding.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -z lazyload %t/a.o %t/libl1.so %t/libl2.so -B direct \
# RUN:   -z guidance %t/libl3.so %t/got.o -o %t/x 2>&1 | FileCheck %s --check-prefix=LAZY --implicit-check-not=guidance
# LAZY:      tld: guidance: libl1.so is lazily loaded, but start-up needs it: 'd1' at {{.*}}a.o:(.text+0x8) (R_X86_64_PC32) needs a copy relocation, which start-up applies
# LAZY-NEXT: tld: guidance: libl2.so is lazily loaded, but start-up needs it: 'f2' at {{.*}}got.o:(.text+0x2) (R_X86_64_GOTPCRELX) is reached through a GOT slot, which start-up fills
# LAZY-NEXT: tld: guidance: 1 reference to libl3.so is not bound directly: its .SUNW_syminfo refuses direct binding to it (first: 'f3')
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -z lazyload %t/b.o %t/libl2.so %t/libl3.so -z now \
# RUN:   -z guidance=nodirect -o %t/x 2>&1 | FileCheck %s --check-prefix=NOW --implicit-check-not=guidance
# NOW:      tld: guidance: libl2.so is lazily loaded, but -z now binds every reference at start-up, which loads it then
# NOW-NEXT: tld: guidance: removal of unused dependency recommended: libl3.so (it is lazily loaded, and nothing refers to it, so nothing would load it)

## A shared object: -z defs for its undefined references (not when -z defs or -z nodefs was
## given); position-independent code for its text relocations under -z textwarn.
# RUN: %tld -shared %t/so.o -z guidance=nodirect -o %t/x.so 2>&1 \
# RUN:   | FileCheck %s --check-prefix=DEFS --implicit-check-not=guidance
# DEFS: tld: guidance: -z defs option recommended for shared objects: 2 undefined symbols (first: 'undef1', referenced by {{.*}}so.o)
# RUN: %tld -shared %t/so.o -z nodefs -z guidance=nodirect -o %t/x.so 2>&1 | count 0
# RUN: %tld -shared %t/text.o -z textwarn -z guidance=nodirect -o %t/x.so 2>&1 \
# RUN:   | FileCheck %s --check-prefix=TEXT --implicit-check-not=guidance
# TEXT: tld: guidance: position-independent code (-fPIC) recommended for shared objects: {{.*}}text.o:(.text+0x0) needs 1 text relocation
# RUN: %tld -shared %t/text.o -z textwarn -z guidance=nodirect,notext -o %t/x.so 2>&1 | count 0

## Version 1 mapfiles.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 -M %t/v1.map %t/b.o %t/libl2.so -z guidance=nodirect,nolazyload \
# RUN:   -o %t/x 2>&1 | FileCheck %s --check-prefix=MAP --implicit-check-not=guidance
# MAP: tld: guidance: version 2 mapfile syntax recommended: {{.*}}v1.map

## TLS relocations not relaxed all the way, and why; also in a static link.
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/tls.o %t/libtls.so -z guidance=nodirect,nolazyload \
# RUN:   -o %t/x 2>&1 | FileCheck %s --check-prefix=TLS-EXE --implicit-check-not=guidance
# TLS-EXE:      tld: guidance: 1 general-dynamic TLS relocation relaxed to initial-exec, not local-exec: the variable is defined in a shared object, libtls.so (first: 'tv' at {{.*}}tls.o:(.text+0x4))
# TLS-EXE-NEXT: tld: guidance: 1 initial-exec TLS relocation left as written: the variable is defined in a shared object, libtls.so (first: 'tv' at {{.*}}tls.o:(.text+0x13))
# RUN: %tld -I /lib64/ld-linux-x86-64.so.2 %t/tls.o %t/libtls.so -z notlsrelax \
# RUN:   -z guidance=nodirect,nolazyload -o %t/x 2>&1 | FileCheck %s --check-prefix=TLS-OFF --implicit-check-not=guidance
# TLS-OFF:      tld: guidance: 2 general-dynamic TLS relocations left as written: relaxation is off (-z notlsrelax or --no-relax) (first: 'tv' at {{.*}}tls.o:(.text+0x4))
# TLS-OFF-NEXT: tld: guidance: 1 initial-exec TLS relocation left as written: relaxation is off (-z notlsrelax or --no-relax) (first: 'tv' at {{.*}}tls.o:(.text+0x13))
# RUN: %tld -shared %t/tls.o %t/libtls.so -z guidance=nodirect,nolazyload -o %t/x.so 2>&1 \
# RUN:   | FileCheck %s --check-prefix=TLS-SO --implicit-check-not=guidance
# TLS-SO:      tld: guidance: 1 general-dynamic TLS relocation relaxed to initial-exec, not local-exec: the output is a shared object, and initial-exec code in it sets DF_STATIC_TLS: dlopen can load it only into the static TLS reserve (first: 'tv' at {{.*}}tls.o:(.text+0x4))
# TLS-SO-NEXT: tld: guidance: 1 initial-exec TLS relocation left as written: the output is a shared object, and initial-exec code in it sets DF_STATIC_TLS: dlopen can load it only into the static TLS reserve (first: 'tv' at {{.*}}tls.o:(.text+0x13))
# TLS-SO-NEXT: tld: guidance: 1 general-dynamic TLS relocation left as written: the output is a shared object, whose TLS block is placed at run time (first: 'own' at {{.*}}tls.o:(.text+0x1e))
# RUN: %tld -shared %t/tls.o %t/libtls.so -z guidance=nodirect,nolazyload,notls -o %t/x.so 2>&1 | count 0
# RUN: %tld -static %t/tls.o %t/tlslib.o -z notlsrelax \
# RUN:   -z guidance -o %t/x 2>&1 | FileCheck %s --check-prefix=TLS-STATIC --implicit-check-not=guidance
# TLS-STATIC:      tld: guidance: 2 general-dynamic TLS relocations left as written: relaxation is off (-z notlsrelax or --no-relax) (first: 'tv' at {{.*}}tls.o:(.text+0x4))
# TLS-STATIC-NEXT: tld: guidance: 1 initial-exec TLS relocation left as written: relaxation is off (-z notlsrelax or --no-relax) (first: 'tv' at {{.*}}tls.o:(.text+0x13))

#--- a.s
.globl _start
.text
_start:
  call f2@PLT
  movq d1(%rip), %rax
  call f1@PLT
  ret

#--- b.s
.globl _start
.text
_start: call f2@PLT

#--- c.s
.globl _start
.text
_start:
  call f2@PLT
  call rtfn@PLT

#--- rt.s
.globl rtfn
.type rtfn,@function
.text
rtfn: ret

#--- got.s
.globl g
.text
g: call *f2@GOTPCREL(%rip)
  call f3@PLT
  ret

#--- l1.s
.globl f1, d1
.type f1,@function
.type d1,@object
.size d1,8
.text
f1: ret
.data
d1: .quad 1

#--- l2.s
.globl f2
.type f2,@function
.text
f2: ret

#--- l3.s
.globl f3
.type f3,@function
.text
f3: ret

#--- so.s
## Two undefined references.
.globl entry
.text
entry:
  call undef1@PLT
  call undef2@PLT
  ret

#--- text.s
## A text relocation: an absolute address in .text.
.globl entry
.text
entry:
  .quad local
local: ret

#--- v1.map
{ global: _start; };

#--- tls.s
.globl _start
.text
_start:
  data16 leaq tv@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  movq tv@gottpoff(%rip), %rax
  movl %fs:(%rax), %eax
  data16 leaq own@tlsgd(%rip), %rdi
  data16 data16 rex64 call __tls_get_addr@PLT
  ret
.section .tbss,"awT",@nobits
.globl own
own: .zero 4

#--- tlslib.s
.globl tv, __tls_get_addr
.type tv,@object
.size tv,4
.type __tls_get_addr,@function
__tls_get_addr: ret
.section .tbss,"awT",@nobits
tv: .zero 4
