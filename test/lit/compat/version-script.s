# Version scripts as GNU ld and lld read them; each output is checked against GNU ld's with the
# same lines. Precedence: an exact name wins; then patterns other than "*", a later version's
# before an earlier one's, and within a version global before local; "*" comes last. extern
# "C++" patterns match demangled names. A script named without a directory is found in the -L
# directories; several --version-script options add up. A .symver version no script defines is
# an error.
# REQUIRES: llvm-mc, ld.bfd, ld.lld
# RUN: split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 a.s -o a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 symver.s -o symver.o

## b* in V1 and ba* in V2: the later version's pattern wins.
# RUN: %ld-bfd -shared a.o --version-script=p1.map -o p1.gnu
# RUN: %tld -shared a.o --version-script=p1.map -o p1.tld
# RUN: llvm-readelf --dyn-syms p1.gnu | FileCheck %s --check-prefix=P1
# RUN: llvm-readelf --dyn-syms p1.tld | FileCheck %s --check-prefix=P1
# P1-DAG: {{ }}bar@@V2
# P1-DAG: {{ }}baz1@@V2
# P1-DAG: {{ }}bazX@@V2
# P1-NOT: qux

## "*" is the last resort: local baz* beats global *.
# RUN: %ld-bfd -shared a.o --version-script=p2.map -o p2.gnu
# RUN: %tld -shared a.o --version-script=p2.map -o p2.tld
# RUN: llvm-readelf --dyn-syms p2.gnu | FileCheck %s --check-prefix=P2
# RUN: llvm-readelf --dyn-syms p2.tld | FileCheck %s --check-prefix=P2
# P2-NOT: baz
# P2-DAG: {{ }}bar@@V1
# P2-DAG: {{ }}qux@@V1
# P2-NOT: baz

## Exact names first (baz1 global in V1, bar local in V2), then V2's b* over V1's local baz*.
# RUN: %ld-bfd -shared a.o --version-script=p3.map -o p3.gnu
# RUN: %tld -shared a.o --version-script=p3.map -o p3.tld
# RUN: llvm-readelf --dyn-syms p3.gnu | FileCheck %s --check-prefix=P3
# RUN: llvm-readelf --dyn-syms p3.tld | FileCheck %s --check-prefix=P3
# P3-NOT: bar
# P3-DAG: {{ }}baz1@@V1
# P3-DAG: {{ }}baz2@@V2
# P3-DAG: {{ }}bazX@@V2
# P3-NOT: bar

## ?, [...] and a later version; local q* beats global * in the same version.
# RUN: %ld-bfd -shared a.o --version-script=p4.map -o p4.gnu
# RUN: %tld -shared a.o --version-script=p4.map -o p4.tld
# RUN: llvm-readelf --dyn-syms p4.gnu | FileCheck %s --check-prefix=P4
# RUN: llvm-readelf --dyn-syms p4.tld | FileCheck %s --check-prefix=P4
# P4-NOT: qux
# P4-DAG: {{ }}bar@@V3
# P4-DAG: {{ }}baz1@@V2
# P4-DAG: {{ }}baz2@@V2
# P4-DAG: {{ }}bazX@@V3
# P4-NOT: qux

## extern "C++": demangled names, with patterns and exact quoted names.
# RUN: %ld-bfd -shared a.o --version-script=cxx.map -o cxx.gnu
# RUN: %tld -shared a.o --version-script=cxx.map -o cxx.tld
# RUN: llvm-readelf --dyn-syms cxx.gnu | FileCheck %s --check-prefix=CXX
# RUN: llvm-readelf --dyn-syms cxx.tld | FileCheck %s --check-prefix=CXX
# CXX-NOT: _ZN2ns1gEd
# CXX-DAG: {{ }}_ZN2ns1fEi@@CXX
# CXX-DAG: {{ }}_ZN2ns1S1mEv@@CXX
# CXX-NOT: _ZN2ns1gEd

## Found through -L (GNU ld uses the -L options before it, lld all of them, as tld does); two
## scripts add up.
# RUN: mkdir -p dir && mv p2.map dir/only.map
# RUN: %ld-bfd -shared a.o -Ldir --version-script=only.map -o l.gnu
# RUN: %ld-lld -shared a.o --version-script=only.map -Ldir -o l.lld
# RUN: %tld -shared a.o -Ldir --version-script=only.map -o l.tld
# RUN: %tld -shared a.o --version-script=only.map -Ldir -o l2.tld
# RUN: llvm-readelf --dyn-syms l.gnu | FileCheck %s --check-prefix=P2
# RUN: llvm-readelf --dyn-syms l.lld | FileCheck %s --check-prefix=P2
# RUN: llvm-readelf --dyn-syms l.tld | FileCheck %s --check-prefix=P2
# RUN: llvm-readelf --dyn-syms l2.tld | FileCheck %s --check-prefix=P2
# RUN: %ld-bfd -shared a.o --version-script=s1.map --version-script=s2.map -o two.gnu
# RUN: %tld -shared a.o --version-script=s1.map --version-script=s2.map -o two.tld
# RUN: llvm-readelf --dyn-syms two.gnu | FileCheck %s --check-prefix=TWO
# RUN: llvm-readelf --dyn-syms two.tld | FileCheck %s --check-prefix=TWO
# TWO-DAG: {{ }}bar@@V1
# TWO-DAG: {{ }}qux@@V2

## .symver: foo@V1, foo@V2 and foo@@V3 from one object, with a script defining the versions;
## without one, the versions are undefined.
# RUN: %ld-bfd -shared symver.o --version-script=vers.map -o sv.gnu
# RUN: %tld -shared symver.o --version-script=vers.map -o sv.tld
# RUN: llvm-readelf --dyn-syms -V sv.gnu | FileCheck %s --check-prefix=SYMVER
# RUN: llvm-readelf --dyn-syms -V sv.tld | FileCheck %s --check-prefix=SYMVER
# SYMVER-DAG: {{ }}foo@V1
# SYMVER-DAG: {{ }}foo@V2
# SYMVER-DAG: {{ }}foo@@V3
# SYMVER:     Version definition section '.gnu.version_d'
# SYMVER:     Name: V1
# SYMVER:     Name: V2
# SYMVER:     Name: V3
# RUN: not %ld-bfd -shared symver.o -o x.so 2>&1 | FileCheck %s --check-prefix=NOVER-GNU
# RUN: not %tld -shared symver.o -o x.so 2>&1 | FileCheck %s --check-prefix=NOVER
# NOVER-GNU: version node not found for symbol foo@{{@?}}V{{[123]}}
# NOVER: tld: error: {{.*}}symver.o: symbol foo@{{@?}}V{{[123]}} has undefined version V{{[123]}} (no version script defines it)

#--- a.s
.text
.globl bar, baz1, baz2, bazX, qux, _ZN2ns1fEi, _ZN2ns1gEd, _ZN2ns1S1mEv
.type bar,@function
.type baz1,@function
.type baz2,@function
.type bazX,@function
.type qux,@function
bar: ret
baz1: ret
baz2: ret
bazX: ret
qux: ret
_ZN2ns1fEi: ret
_ZN2ns1gEd: ret
_ZN2ns1S1mEv: ret

#--- symver.s
.text
.globl foo_v1, foo_v2, foo_v3
foo_v1: ret
foo_v2: ret
foo_v3: ret
.symver foo_v1, foo@V1
.symver foo_v2, foo@V2
.symver foo_v3, foo@@V3

#--- p1.map
V1 { global: b*; local: *; };
V2 { global: ba*; local: baz?; };
#--- p2.map
V1 { global: *; local: baz*; };
#--- p3.map
V1 { global: baz1; local: baz*; };
V2 { global: b*; local: bar; };
#--- p4.map
V1 { global: ba?1; };
V2 { global: baz[12]; };
V3 { global: *; local: q*; };
#--- cxx.map
CXX { global: extern "C++" { ns::f*; "ns::S::m()"; }; local: *; };
#--- s1.map
V1 { global: bar; };
#--- s2.map
V2 { global: qux; } V1;
#--- vers.map
V1 { global: foo; local: *; };
V2 { global: foo; } V1;
V3 { global: foo; } V2;
