# Symbol resolution in a static link: a COMDAT group seen twice is kept once (the first), the
# largest common symbol wins and lands in .bss with the largest alignment, a strong definition
# overrides a weak one, an undefined weak symbol is 0, -e sets the entry, -u extracts an archive
# member nothing else refers to, --defsym defines a symbol from another one, and --strip-all
# leaves no .symtab.
# REQUIRES: llvm-mc
# RUN: split-file %s %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/a.s -o %t/a.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/b.s -o %t/b.o
# RUN: %llvm-mc -filetype=obj -triple=x86_64 %t/m.s -o %t/m.o
# RUN: rm -f %t/lib.a
# RUN: llvm-ar rcs %t/lib.a %t/m.o
# RUN: %tld -static -e entry -u member_fn --defsym alias=weakfn %t/a.o %t/b.o %t/lib.a -o %t/out
# RUN: llvm-readelf -h -S -s -x .data %t/out | FileCheck %s
# RUN: llvm-objdump -d %t/out | FileCheck %s --check-prefix=TEXT

# CHECK:     Entry point address: 0x401120
# CHECK:     .text PROGBITS 0000000000401120 {{[0-9a-f]+}} 000015
# CHECK:     .bss  NOBITS   0000000000402150 {{[0-9a-f]+}} 000040 00 WA 0 0 16
# CHECK-DAG: 000000000040112d  0 NOTYPE GLOBAL DEFAULT 1 gfn
# CHECK-DAG: 0000000000402150 64 OBJECT GLOBAL DEFAULT 3 cbuf
# CHECK-DAG: 0000000000401130  0 NOTYPE GLOBAL DEFAULT 1 weakfn
# CHECK-DAG: 0000000000401134  0 NOTYPE GLOBAL DEFAULT 1 member_fn
# CHECK-DAG: 0000000000401130  0 NOTYPE GLOBAL DEFAULT 1 alias
# .quad cbuf, undefweak, alias
# CHECK:      Hex dump of section '.data':
# CHECK-NEXT: 0x00402135 50214000 00000000 00000000 00000000
# CHECK-NEXT: 0x00402145 30114000 00000000

# TEXT:      0000000000401120 <entry>:
# TEXT-NEXT: 401120: e8 0b 00 00 00 callq 0x401130 <weakfn>
# TEXT-NEXT: 401125: e8 d6 ee bf ff callq 0x0
# TEXT:      000000000040112d <gfn>:
# TEXT-NEXT: 40112d: 90 nop
# TEXT:      0000000000401130 <weakfn>:
# TEXT-NEXT: 401130: c3 retq
# TEXT:      0000000000401134 <member_fn>:
# TEXT-NOT:  int3

# Without -u the member stays in the archive.
# RUN: %tld -static -e entry --defsym alias=weakfn %t/a.o %t/b.o %t/lib.a -o %t/out2
# RUN: llvm-readelf -s %t/out2 | FileCheck %s --check-prefix=NOMEMBER
# NOMEMBER-NOT: member_fn

# RUN: %tld -static -e entry --defsym alias=0x1234 --strip-all %t/a.o %t/b.o -o %t/stripped
# RUN: llvm-readelf -S %t/stripped | FileCheck %s --check-prefix=STRIP
# STRIP-NOT: .symtab
# STRIP-NOT: .strtab
# RUN: llvm-readelf -x .data %t/stripped | FileCheck %s --check-prefix=NUM
# NUM: 34120000 00000000

#--- a.s
.globl entry
.text
entry:
  call weakfn
  call undefweak
  ret
.weak weakfn
weakfn:
  ud2
.weak undefweak

.section .text.g,"axG",@progbits,grp,comdat
.globl gfn
gfn:
  nop

.comm cbuf, 8, 8

.data
.quad cbuf, undefweak, alias

#--- b.s
.globl weakfn
.text
weakfn:
  ret

.section .text.g,"axG",@progbits,grp,comdat
.globl gfn
gfn:
  int3

.comm cbuf, 64, 16

#--- m.s
.globl member_fn
.text
member_fn:
  ret
