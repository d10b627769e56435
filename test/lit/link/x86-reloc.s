# i386 data and PC-relative relocations: R_386_32, 16 and 8 write S + A (the addend is the
# field's own contents, sign-extended from its width); PC32 (call, jmp), PC16 and PC8 write
# S + A - P. A narrow field whose value does not fit is a located error.
# REQUIRES: llvm-mc
# RUN: %llvm-mc -filetype=obj -triple=i386 %s -o %t.o
# RUN: %tld -static %t.o --defsym sym=0x12345678 --defsym small=0x7f -o %t
# RUN: llvm-objdump -d %t | FileCheck %s --check-prefix=TEXT
# RUN: llvm-readelf -x .text -x .data %t | FileCheck %s --check-prefix=DATA
# RUN: not %tld -static %t.o --defsym sym=0x12345678 --defsym small=0x1ff -o %t.bad 2>&1 \
# RUN:   | FileCheck %s --check-prefix=ERR

# TEXT:      080490b4 <_start>:
# TEXT-NEXT: b8 7a 56 34 12    movl $305419898, %eax
# TEXT-NEXT: 66 b8 82 00       movw $130, %ax
# TEXT-NEXT: b0 83             movb $-125, %al
# TEXT-NEXT: e8 0d 00 00 00    calll 0x80490d1 <fn>
# TEXT-NEXT: e9 08 00 00 00    jmp 0x80490d1 <fn>
# TEXT-NEXT: c3                retl

# PC8 at 0x80490ca: tgt + 1 - P = 9; PC16 at 0x80490cb: tgt + 0x100 - P = 0x107;
# PC32 at 0x80490cd: tgt - 0x1000 - P = 0xfffff005.
# .long sym + 0x20 = 0x12345698; .word small + 3 = 0x82; .byte small + 4 = 0x83;
# .byte small - 0x90 = 0xef.
# DATA:      Hex dump of section '.text':
# DATA-NEXT: 0x080490b4 b87a5634 1266b882 00b083e8 0d000000
# DATA-NEXT: 0x080490c4 e9080000 00c30907 0105f0ff ffc3c3
# DATA:      Hex dump of section '.data':
# DATA-NEXT: 0x0804a0d3 98563412 820083ef

# ERR: error: {{.*}}.o:(.text+0xa): relocation R_386_8 out of range: 515 is not in [-128, 255]; references 'small'

.globl _start, fn
.text
_start:
  movl $sym+2, %eax
  movw $small+3, %ax
  movb $small+4, %al
  call fn
  jmp fn
  ret
  .byte tgt - . + 1
  .word tgt - . + 0x100
  .long tgt - . - 0x1000

.section .text.b,"ax",@progbits
fn: ret
tgt: ret

.data
.long sym + 0x20
.word small + 3
.byte small + 4
.byte small - 0x90
