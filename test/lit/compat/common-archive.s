# Common symbols and archives. When an archive is read while the link holds a symbol as common,
# a member with a real definition of it is extracted and its definition replaces the common; a
# member with only another common is not extracted; an archive read before the common extracts
# nothing for it. An undefined reference extracts a member whose definition is a common. GNU ld
# and lld agree; both outputs are checked with the same lines.
# REQUIRES: llvm-mc, ld.bfd, ld.lld
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/main.s -o %t/main.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/def.s -o %t/def.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/com.s -o %t/com.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/ref.s -o %t/ref.o
# RUN: rm -f %t/def.a %t/com.a && llvm-ar rcs %t/def.a %t/def.o && llvm-ar rcs %t/com.a %t/com.o

# RUN: %ld-bfd %t/main.o %t/def.a -o %t/def.gnu
# RUN: %ld-lld %t/main.o %t/def.a -o %t/def.lld
# RUN: %tld -static %t/main.o %t/def.a -o %t/def.tld
# RUN: llvm-readelf -s %t/def.gnu | FileCheck %s --check-prefix=DEF
# RUN: llvm-readelf -s %t/def.lld | FileCheck %s --check-prefix=DEF
# RUN: llvm-readelf -s %t/def.tld | FileCheck %s --check-prefix=DEF
# DEF-DAG: 8 OBJECT GLOBAL DEFAULT {{[0-9]+}} shared_var
# DEF-DAG: OBJECT GLOBAL DEFAULT {{[0-9]+}} member_defined
# RUN: llvm-objdump -s -j .data %t/def.tld | FileCheck %s --check-prefix=VALUE
# VALUE: 2a000000 00000000

# RUN: %ld-bfd %t/main.o %t/com.a -o %t/com.gnu
# RUN: %ld-lld %t/main.o %t/com.a -o %t/com.lld
# RUN: %tld -static %t/main.o %t/com.a -o %t/com.tld
# RUN: llvm-readelf -s %t/com.gnu | FileCheck %s --check-prefix=ONLYCOM
# RUN: llvm-readelf -s %t/com.lld | FileCheck %s --check-prefix=ONLYCOM
# RUN: llvm-readelf -s %t/com.tld | FileCheck %s --check-prefix=ONLYCOM
# ONLYCOM-NOT: member_common_only
# ONLYCOM:     OBJECT GLOBAL DEFAULT {{[0-9]+}} shared_var
# ONLYCOM-NOT: member_common_only

# RUN: %ld-bfd %t/def.a %t/main.o -o %t/before.gnu
# RUN: %ld-lld %t/def.a %t/main.o -o %t/before.lld
# RUN: %tld -static %t/def.a %t/main.o -o %t/before.tld
# RUN: llvm-readelf -s %t/before.gnu | FileCheck %s --check-prefix=BEFORE
# RUN: llvm-readelf -s %t/before.lld | FileCheck %s --check-prefix=BEFORE
# RUN: llvm-readelf -s %t/before.tld | FileCheck %s --check-prefix=BEFORE
# BEFORE-NOT: member_defined
# BEFORE:     4 OBJECT GLOBAL DEFAULT {{[0-9]+}} shared_var
# BEFORE-NOT: member_defined

# RUN: %ld-bfd %t/ref.o %t/com.a -o %t/ref.gnu
# RUN: %tld -static %t/ref.o %t/com.a -o %t/ref.tld
# RUN: llvm-readelf -s %t/ref.gnu | FileCheck %s --check-prefix=REF
# RUN: llvm-readelf -s %t/ref.tld | FileCheck %s --check-prefix=REF
# REF-DAG: OBJECT GLOBAL DEFAULT {{[0-9]+}} member_common_only
# REF-DAG: OBJECT GLOBAL DEFAULT {{[0-9]+}} shared_var

#--- main.s
.globl _start
_start: movl shared_var(%rip), %eax
  ret
.comm shared_var, 4, 4

#--- def.s
.data
.globl shared_var, member_defined
.type shared_var,@object
.type member_defined,@object
.size shared_var, 8
.size member_defined, 4
shared_var: .quad 42
member_defined: .long 1

#--- com.s
.comm shared_var, 4, 4
.globl member_common_only
.comm member_common_only, 4, 4

#--- ref.s
.globl _start
_start: movl shared_var(%rip), %eax
  ret
