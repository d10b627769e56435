# R_386_SIZE32 writes Z + A, the symbol's size plus the field's implicit addend; for a variable
# of a shared object it is the size that object gives it. llvm-mc 14 cannot assemble i386
# `@SIZE`, so this file is assembled by the system assembler through the i386 compiler driver.
# REQUIRES: cc-x86
# RUN: %cc-x86 -c -x assembler -Wa,--defsym,LIB=1 %s -o %t-lib.o
# RUN: %tld -shared -soname lib.so %t-lib.o -o %t-lib.so
# RUN: %cc-x86 -c -x assembler %s -o %t.o
# RUN: llvm-readelf -r %t.o | FileCheck %s --check-prefix=OBJ
# RUN: %tld %t.o %t-lib.so -o %t
# RUN: llvm-objdump -d %t | FileCheck %s
# RUN: llvm-readelf -x .data %t | FileCheck %s --check-prefix=DATA

# Type 38 is R_386_SIZE32 (llvm-readelf 14 does not know its name).
# OBJ:      00000001 00000226 Unknown 00000008 obj
# OBJ-NEXT: 00000006 00000226 Unknown 00000008 obj
# OBJ-NEXT: 0000000b 00000326 Unknown 00000000 ext
# OBJ:      00000000 00000226 Unknown 00000008 obj
# OBJ-NEXT: 00000004 00000226 Unknown 00000008 obj

# CHECK:      <_start>:
# CHECK-NEXT: b8 18 00 00 00 movl $24, %eax
# CHECK-NEXT: b9 1c 00 00 00 movl $28, %ecx
# CHECK-NEXT: ba 28 00 00 00 movl $40, %edx

# DATA: 18000000 10000000

.ifdef LIB
.globl ext
.type ext,@object
.size ext, 40
.data
ext: .zero 40
.else
.globl _start, obj
.text
_start:
  movl $obj@SIZE, %eax
  movl $obj@SIZE+4, %ecx
  movl $ext@SIZE, %edx
  ret

.data
.long obj@SIZE
.long obj@SIZE - 8
.type obj,@object
.size obj, 24
obj: .zero 24
.endif
