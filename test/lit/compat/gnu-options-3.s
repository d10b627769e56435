# --push-state/--pop-state, --section-start, --unresolved-symbols and --hash-style, each checked
# against GNU ld on the same objects.
# REQUIRES: llvm-mc, ld.bfd
# RUN: split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 main.s -o main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 lib.s -o lib.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 member.s -o member.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 unused.s -o unused.o
# RUN: %ld-bfd -shared lib.o -soname libused.so -o libused.so
# RUN: %ld-bfd -shared unused.o -soname libunused.so -o libunused.so
# RUN: rm -f libm.a && llvm-ar rcs libm.a member.o

## --push-state --as-needed ... --pop-state: the state returns to --no-as-needed.
# RUN: %ld-bfd -pie main.o -L. --push-state --as-needed -lunused --pop-state -lused -o ps.gnu
# RUN: %tld -pie main.o -L. --push-state --as-needed -lunused --pop-state -lused -o ps.tld
# RUN: llvm-readelf -d ps.gnu | FileCheck %s --check-prefix=PUSH
# RUN: llvm-readelf -d ps.tld | FileCheck %s --check-prefix=PUSH
# PUSH-NOT: libunused.so
# PUSH:     (NEEDED) Shared library: [libused.so]
# PUSH-NOT: libunused.so
## ... and --whole-archive.
# RUN: %ld-bfd main.o --push-state --whole-archive libm.a --pop-state libused.so -o wa.gnu
# RUN: %tld main.o --push-state --whole-archive libm.a --pop-state libused.so -o wa.tld
# RUN: llvm-readelf -s wa.gnu | FileCheck %s --check-prefix=WHOLE
# RUN: llvm-readelf -s wa.tld | FileCheck %s --check-prefix=WHOLE
# WHOLE: member_only

## --section-start places an output section.
# RUN: %ld-bfd main.o libused.so --section-start=.mysec=0x600000 -o ss.gnu
# RUN: %tld main.o libused.so --section-start=.mysec=0x600000 -o ss.tld
# RUN: llvm-readelf -S ss.gnu | FileCheck %s --check-prefix=START
# RUN: llvm-readelf -S ss.tld | FileCheck %s --check-prefix=START
# START: .mysec PROGBITS 0000000000600000

## --unresolved-symbols.
# RUN: %ld-bfd main.o --unresolved-symbols=ignore-all -o un.gnu
# RUN: %tld main.o --unresolved-symbols=ignore-all -o un.tld
# RUN: not %ld-bfd -shared main.o --unresolved-symbols=report-all -o un.so 2>&1 | FileCheck %s --check-prefix=REPORT-GNU
# RUN: not %tld -shared main.o --unresolved-symbols=report-all -o un.so 2>&1 | FileCheck %s --check-prefix=REPORT
# REPORT-GNU: undefined reference to `libfn'
# REPORT: tld: error: undefined symbol: libfn

## --hash-style: which tables .dynsym gets.
# RUN: %ld-bfd -shared lib.o --hash-style=sysv -o sysv.gnu
# RUN: %tld -shared lib.o --hash-style=sysv -o sysv.tld
# RUN: %ld-bfd -shared lib.o --hash-style=gnu -o gnu.gnu
# RUN: %tld -shared lib.o --hash-style=gnu -o gnu.tld
# RUN: %ld-bfd -shared lib.o --hash-style=both -o both.gnu
# RUN: %tld -shared lib.o --hash-style=both -o both.tld
# RUN: llvm-readelf -S -d sysv.gnu | FileCheck %s --check-prefix=SYSV
# RUN: llvm-readelf -S -d sysv.tld | FileCheck %s --check-prefix=SYSV
# SYSV-NOT: .gnu.hash
# SYSV:     .hash HASH
# SYSV-NOT: .gnu.hash
# SYSV:     (HASH)
# SYSV-NOT: GNU_HASH
# RUN: llvm-readelf -S -d gnu.gnu | FileCheck %s --check-prefix=GNU
# RUN: llvm-readelf -S -d gnu.tld | FileCheck %s --check-prefix=GNU
# GNU-NOT: .hash HASH
# GNU:     .gnu.hash GNU_HASH
# GNU-NOT: (HASH)
# GNU:     (GNU_HASH)
# RUN: llvm-readelf -S -d both.gnu | FileCheck %s --check-prefix=BOTH
# RUN: llvm-readelf -S -d both.tld | FileCheck %s --check-prefix=BOTH
# BOTH-DAG: .hash HASH
# BOTH-DAG: .gnu.hash GNU_HASH
# BOTH-DAG: (HASH)
# BOTH-DAG: (GNU_HASH)
# RUN: llvm-readelf --hash-symbols both.tld | FileCheck %s --check-prefix=LOOKUP
# LOOKUP: Symbol table of .hash for image:
# LOOKUP: libfn
# LOOKUP: Symbol table of .gnu.hash for image:
# LOOKUP: libfn

#--- main.s
.globl _start
_start: call libfn@PLT
  ret
.section .mysec,"a",@progbits
.quad 1
.section .note.GNU-stack,"",@progbits
#--- lib.s
.globl libfn
.type libfn,@function
libfn: ret
.section .note.GNU-stack,"",@progbits
#--- unused.s
.globl unused_fn
unused_fn: ret
.section .note.GNU-stack,"",@progbits
#--- member.s
.globl member_only
member_only: ret
.section .note.GNU-stack,"",@progbits
