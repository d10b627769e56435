# --hash-style chooses the symbol hash tables: sysv writes .hash (DT_HASH), gnu writes .gnu.hash
# (DT_GNU_HASH), both (the default) writes both. Every exported symbol is reachable through each
# table (llvm-readelf walks them the way the loader does); GNU hash chain values are the symbols'
# hashes with bit 0 marking the end of a chain, and the Bloom filter has the two bits of each.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: %tld -shared --hash-style=sysv %t.o -o %t-sysv.so
# RUN: %tld -shared --hash-style=gnu %t.o -o %t-gnu.so
# RUN: %tld -shared --hash-style=both %t.o -o %t-both.so
# RUN: %tld -shared %t.o -o %t-default.so
# RUN: cmp %t-both.so %t-default.so

# RUN: llvm-readelf -S -d %t-sysv.so | FileCheck %s --check-prefix=SYSV
# RUN: llvm-readelf --hash-symbols %t-sysv.so | FileCheck %s --check-prefix=SYSVSYM
# SYSV-NOT:  .gnu.hash
# SYSV:      [ 1] .hash HASH 00000000000001c8 0001c8 00001c 04 A 2 0 4
# SYSV-NOT:  .gnu.hash
# SYSV:      (HASH) 0x1c8
# SYSV-NOT:  GNU_HASH
# SYSVSYM:      Symbol table of .hash for image:
# SYSVSYM-NEXT: Num Buc: Value Size Type Bind Vis Ndx Name
# SYSVSYM-NEXT: 3 0: {{0+}}[[#%x,]] 8 OBJECT GLOBAL DEFAULT 8 data
# SYSVSYM-NEXT: 2 0: {{0+}}[[#%x,]] 0 FUNC GLOBAL DEFAULT 5 f2
# SYSVSYM-NEXT: 1 0: {{0+}}[[#%x,]] 0 FUNC GLOBAL DEFAULT 5 f1
# SYSVSYM-NOT:  .gnu.hash

# RUN: llvm-readelf -S -d %t-gnu.so | FileCheck %s --check-prefix=GNU
# RUN: llvm-readelf --hash-symbols --gnu-hash-table %t-gnu.so | FileCheck %s --check-prefix=GNUSYM
# GNU-NOT:  .hash
# GNU:      [ 1] .gnu.hash GNU_HASH 00000000000001c8 0001c8 000028 00 A 2 0 8
# GNU-NOT:  .hash
# GNU:      (GNU_HASH) 0x1c8
# GNU-NOT:  (HASH)
# GNUSYM:      Symbol table of .gnu.hash for image:
# GNUSYM-NEXT: Num Buc: Value Size Type Bind Vis Ndx Name
# GNUSYM-NEXT: 1 0: {{0+}}[[#%x,]] 0 FUNC GLOBAL DEFAULT 5 f1
# GNUSYM-NEXT: 2 0: {{0+}}[[#%x,]] 0 FUNC GLOBAL DEFAULT 5 f2
# GNUSYM-NEXT: 3 0: {{0+}}[[#%x,]] 8 OBJECT GLOBAL DEFAULT 8 data
# GNUSYM:      GnuHashTable {
# GNUSYM-NEXT:   Num Buckets: 1
# GNUSYM-NEXT:   First Hashed Symbol Index: 1
# GNUSYM-NEXT:   Num Mask Words: 1
# GNUSYM-NEXT:   Shift Count: 26
# GNUSYM-NEXT:   Bloom Filter: [0xB0000001]
# GNUSYM-NEXT:   Buckets: [1]
# GNUSYM-NEXT:   Values: [0x59779C, 0x59779C, 0x7C95915F]
# GNUSYM-NEXT: }

# RUN: llvm-readelf -S -d %t-both.so | FileCheck %s --check-prefix=BOTH
# BOTH: .hash     HASH
# BOTH: .gnu.hash GNU_HASH
# BOTH: (HASH)
# BOTH: (GNU_HASH)

## Imports are not hashed: the GNU table starts after them.
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %S/Inputs/import.s -o %t-import.o
# RUN: %tld -shared --hash-style=gnu %t-import.o %t-sysv.so -o %t-import.so
# RUN: llvm-readelf --dyn-syms --gnu-hash-table %t-import.so | FileCheck %s --check-prefix=IMPORT
# IMPORT:      1: {{0+}} 0 FUNC GLOBAL DEFAULT UND f1
# IMPORT-NEXT: 2: {{0+}}[[#%x,]] 0 NOTYPE GLOBAL DEFAULT [[#]] user
# IMPORT:      First Hashed Symbol Index: 2

.globl f1, f2, data
.type f1,@function
.type f2,@function
.type data,@object
.size data, 8
.text
f1: ret
f2: ret
.data
data: .quad 0
