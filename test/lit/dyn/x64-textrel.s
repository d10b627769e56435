# A dynamic relocation against a read-only section is an error naming the place and the cure;
# with -z notext it is written, and .dynamic says so with DT_TEXTREL and DF_TEXTREL. -z text
# restores the error.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %s -o %t.o
# RUN: not %tld -shared %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=ERR
# RUN: not %tld -shared -z notext -z text %t.o -o %t.so 2>&1 | FileCheck %s --check-prefix=ERR
# ERR: tld: error: {{.*}}.o:(.text+0x2): relocation R_X86_64_64 against 'foo' in read-only section '.text' needs a text relocation; recompile with -fPIC or link with -z notext
# RUN: %tld -shared -z notext %t.o -o %t.so
# RUN: llvm-readelf -S -d -r %t.so | FileCheck %s
# CHECK:      .text PROGBITS 0000000000001250
# CHECK:      (FLAGS) TEXTREL
# CHECK-NEXT: (TEXTREL) 0x0
# CHECK:      Relocation section '.rela.dyn' {{.*}} contains 1 entries:
# CHECK:      0000000000001252 0000000100000001 R_X86_64_64 0000000000001250 foo + 0

.globl foo
.text
foo:
  movabsq $foo, %rax
  ret
