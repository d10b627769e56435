# More GNU ld options, each checked against GNU ld on the same objects: dynamic tags (-F, -f,
# --audit, --depaudit/-P, Solaris -N), -z flags (global, nodlopen, nodump, loadfltr,
# globalaudit, unique), --default-symver, --warn-unresolved-symbols, --gc-keep-exported,
# --print-output-format, -z indirect-extern-access, -z lam-u57, -z cet-report,
# --dependency-file, and the options tld refuses rather than ignore (tld(1)).
# REQUIRES: llvm-mc, ld.bfd
# RUN: split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 a.s -o a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 und.s -o und.o

# RUN: %ld-bfd -shared a.o -F libfilt.so -f libaux.so --audit libaud.so -P libdep.so -z global \
# RUN:   -z nodlopen -z nodump -z loadfltr -z globalaudit -z unique -o tags.gnu
# RUN: %tld -shared a.o -F libfilt.so -f libaux.so --audit libaud.so -P libdep.so -z global \
# RUN:   -z nodlopen -z nodump -z loadfltr -z globalaudit -z unique -o tags.tld
# (GNU readelf names DT_AUDIT, DT_DEPAUDIT and DT_GNU_FLAGS_1; llvm-readelf 14 does not.)
# RUN: readelf -d tags.gnu | FileCheck %s --check-prefix=TAGS
# RUN: readelf -d tags.tld | FileCheck %s --check-prefix=TAGS
# TAGS-DAG: (FILTER) Filter library: [libfilt.so]
# TAGS-DAG: (AUXILIARY) Auxiliary library: [libaux.so]
# TAGS-DAG: (AUDIT) Audit library: [libaud.so]
# TAGS-DAG: (DEPAUDIT) Dependency audit library: [libdep.so]
# TAGS-DAG: (FLAGS_1) Flags: GLOBAL LOADFLTR NOOPEN NODUMP GLOBAUDIT
# TAGS-DAG: (GNU_FLAGS_1) Flags: UNIQUE
# RUN: %tld -G a.o -N libextra.so.1 -p libaud.so -o sol.tld
# RUN: readelf -d sol.tld | FileCheck %s --check-prefix=SOL
# SOL-DAG: (NEEDED) Shared library: [libextra.so.1]
# SOL-DAG: (AUDIT) Audit library: [libaud.so]
# RUN: %tld -shared a.o --spare-dynamic-tags=7 -o spare.tld
# RUN: llvm-readelf -d spare.tld | FileCheck %s --check-prefix=SPARE
# SPARE: Dynamic section at offset {{.*}} contains [[#]] entries

# RUN: %ld-bfd -shared a.o --default-symver -soname libds.so.1 -o ds.gnu
# RUN: %tld -shared a.o --default-symver -soname libds.so.1 -o ds.tld
# RUN: llvm-readelf --dyn-syms -V ds.gnu | FileCheck %s --check-prefix=SYMVER
# RUN: llvm-readelf --dyn-syms -V ds.tld | FileCheck %s --check-prefix=SYMVER
# SYMVER-DAG: {{ }}func1@@libds.so.1
# SYMVER-DAG: {{ }}data1@@libds.so.1
# SYMVER:     Flags: BASE Index: 1 Cnt: 1 Name: libds.so.1
# SYMVER-NEXT: Flags: none Index: 2 Cnt: 1 Name: libds.so.1

# RUN: %ld-bfd --warn-unresolved-symbols und.o -o und.gnu 2>&1 | FileCheck %s --check-prefix=UNRES-GNU
# RUN: %tld --warn-unresolved-symbols und.o -o und.tld 2>&1 | FileCheck %s --check-prefix=UNRES
# UNRES-GNU: warning: undefined reference to `missing_fn'
# UNRES: tld: warning: undefined symbol: missing_fn
# RUN: not %tld --warn-unresolved-symbols --error-unresolved-symbols und.o -o und.tld

# RUN: %ld-bfd --gc-sections --gc-keep-exported a.o -o gk.gnu
# RUN: %tld --gc-sections --gc-keep-exported a.o -o gk.tld
# RUN: llvm-readelf -s gk.gnu | FileCheck %s --check-prefix=KEEP
# RUN: llvm-readelf -s gk.tld | FileCheck %s --check-prefix=KEEP
# KEEP: FUNC GLOBAL DEFAULT {{[0-9]+}} unused_fn
# RUN: %tld --gc-sections a.o -o gc.tld
# RUN: llvm-readelf -s gc.tld | FileCheck %s --check-prefix=GONE
# GONE-NOT: unused_fn

# RUN: %ld-bfd --print-output-format | FileCheck %s --check-prefix=FORMAT
# RUN: %tld --print-output-format | FileCheck %s --check-prefix=FORMAT
# FORMAT: elf64-x86-64
# RUN: %tld -m elf32_sparc --print-output-format | FileCheck %s --check-prefix=FORMAT-SPARC
# FORMAT-SPARC: elf32-sparc

# RUN: %ld-bfd -shared -z indirect-extern-access -z lam-u57 a.o -o prop.gnu
# RUN: %tld -shared -z indirect-extern-access -z lam-u57 a.o -o prop.tld
# RUN: readelf -n prop.gnu | FileCheck %s --check-prefix=PROP
# RUN: readelf -n prop.tld | FileCheck %s --check-prefix=PROP
# PROP-DAG: 1_needed: indirect external access
# PROP-DAG: x86 feature: LAM_U57

# RUN: %ld-bfd -z ibt -z cet-report=warning a.o -o cet.gnu 2>&1 | FileCheck %s --check-prefix=CET
# RUN: %tld -z ibt -z cet-report=warning a.o -o cet.tld 2>&1 | FileCheck %s --check-prefix=CET
# CET: a.o: {{(warning: )?}}missing SHSTK property
# RUN: not %tld -z cet-report=error a.o -o cet.tld 2>&1 | FileCheck %s --check-prefix=CETERR
# CETERR: tld: error: a.o: missing IBT and SHSTK properties

# RUN: %ld-bfd --dependency-file=dep.gnu a.o -o depout
# RUN: %tld --dependency-file=dep.tld a.o -o depout
# RUN: diff dep.gnu dep.tld
# RUN: FileCheck %s --check-prefix=DEP < dep.tld
# DEP:      depout: \
# DEP-NEXT:   a.o
# DEP-EMPTY:
# DEP-NEXT: a.o:

# RUN: not %tld --omagic a.o -o x 2>&1 | FileCheck %s --check-prefix=REFUSE
# RUN: not %gnudir/ld -N a.o -o x 2>&1 | FileCheck %s --check-prefix=REFUSE
# RUN: not %tld -b binary a.o -o x 2>&1 | FileCheck %s --check-prefix=REFUSE
# RUN: not %tld --copy-dt-needed-entries a.o -o x 2>&1 | FileCheck %s --check-prefix=REFUSE
# RUN: not %tld -z call-nop=suffix-nop a.o -o x 2>&1 | FileCheck %s --check-prefix=REFUSE
# REFUSE: (see tld(1), "Options of GNU ld")
# RUN: %tld -z call-nop=prefix-addr --no-keep-memory --reduce-memory-overheads a.o -o x

#--- a.s
.text
.globl _start, func1, unused_fn
.type func1,@function
.type unused_fn,@function
_start: ret
func1: ret
.section .text.unused,"ax",@progbits
unused_fn: ret
.data
.globl data1
.type data1,@object
.size data1, 8
data1: .quad 1
.section .note.GNU-stack,"",@progbits

#--- und.s
.globl _start
_start: call missing_fn
  ret
.section .note.GNU-stack,"",@progbits
