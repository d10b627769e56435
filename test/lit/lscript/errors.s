# Script diagnostics: each names file:line; a misspelt command, keyword, function or program
# header type gets the closest one suggested; forms recognised but not supported say so; a
# failed ASSERT prints its message.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 s.s -o s.o
# RUN: not %tld -static -T unclosed.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=UNCLOSED
# RUN: not %tld -static -T command.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=COMMAND
# RUN: not %tld -static -T keyword.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=KEYWORD
# RUN: not %tld -static -T function.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=FUNCTION
# RUN: not %tld -static -T phdr.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=PHDR
# RUN: not %tld -static -T attr.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=ATTR
# RUN: not %tld -static -T overlay.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=OVERLAY
# RUN: not %tld -static -T comment.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=COMMENT
# RUN: not %tld -static -T dot.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=DOT
# RUN: not %tld -static -T expr.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=EXPR
# RUN: not %tld -static -T assert.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=ASSERT
# RUN: not %tld -static -T backwards.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=BACK
# RUN: not %tld -static -T nophdr.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=NOPHDR
# RUN: not %tld -static -T version.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=VERSION
# RUN: not %tld -static -T type.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=TYPE
# RUN: not %tld -static -T number.lds s.o -o out 2>&1 | FileCheck %s --check-prefix=NUMBER
# RUN: %llvm-mc -filetype=obj -triple=x86_64 uses-junk.s -o uses-junk.o
# RUN: not %tld -static -T discard.lds uses-junk.o -o out 2>&1 | FileCheck %s --check-prefix=DISCARD

# UNCLOSED: tld: error: unclosed.lds:6: expected '}' to close SECTIONS, found end of file
# COMMAND:  tld: error: command.lds:2: unknown linker script command 'SECTOINS'; did you mean 'SECTIONS'?
# KEYWORD:  tld: error: keyword.lds:3: unknown keyword 'KEPP' in an output section; did you mean 'KEEP'?
# FUNCTION: tld: error: function.lds:4: unknown function 'ADDRR' in expression; did you mean 'ADDR'?
# PHDR:     tld: error: phdr.lds:1: unknown program header type 'PT_LOD'; did you mean 'PT_LOAD'?
# ATTR:     tld: error: attr.lds:1: unknown memory region attribute 'q' (expected r, w, x, a, i, l or !)
# OVERLAY:  tld: error: overlay.lds:3: unsupported linker script command 'OVERLAY'
# COMMENT:  tld: error: comment.lds:2: unterminated comment
# DOT:      tld: error: dot.lds:1: the location counter may be assigned only inside SECTIONS
# EXPR:     tld: error: expr.lds:3: expected an expression, found ';'
# ASSERT:      tld: error: assert.lds:4: assertion failed: text too small
# ASSERT-NEXT: tld: error: assert.lds:5: no memory region named 'nowhere'
# ASSERT-NEXT: tld: error: assert.lds:6: undefined memory region 'nowhere' referenced in an expression
# ASSERT-NEXT: tld: error: assert.lds:6: undefined symbol 'undefined_thing' referenced in an expression
# ASSERT-NEXT: tld: error: assert.lds:7: text is empty
# ASSERT-NEXT: tld: error: assert.lds:8: division by zero
# BACK:     tld: error: backwards.lds:3: cannot move the location counter backwards (from 0x1018 to 0x1008) inside output section .data
# NOPHDR:   tld: error: nophdr.lds:3: output section .text is assigned to program header ':nosuch', which PHDRS does not define
# NOPHDR-NOT: program header
# DISCARD:      tld: error: uses-junk.o:(.text+0x1): 'gone' is defined in section .junk of uses-junk.o, which the linker script discards
# DISCARD-NEXT: tld: error: uses-junk.o:(.text+0x8): refers to section .junk of uses-junk.o, which the linker script discards
# NUMBER:   tld: error: number.lds:1: malformed number '09'
# TYPE:     tld: error: type.lds:2: unsupported output section type 'INFO' (NOLOAD is the one supported)
# VERSION:  tld: fatal: version.lds: 3: version V1 inherits from undefined version: V0

#--- unclosed.lds
SECTIONS
{
  .text : { *(.text) }
  .data : { *(.data)
}
#--- command.lds
/* a typo */
SECTOINS { }
#--- keyword.lds
SECTIONS
{
  .text : { KEPP(*(.text)) }
}
#--- function.lds
SECTIONS
{
  .text : { *(.text) }
  x = ADDRR(.text);
}
#--- phdr.lds
PHDRS { text PT_LOD; }
#--- attr.lds
MEMORY { rom (rq) : ORIGIN = 0, LENGTH = 1 }
#--- overlay.lds
SECTIONS
{
  OVERLAY : { .a { *(.a) } .b { *(.b) } }
}
#--- comment.lds
SECTIONS { }
/* never closed
#--- dot.lds
. = 0x1000;
#--- expr.lds
SECTIONS
{
  x = 1 + ;
}
#--- assert.lds
SECTIONS
{
  .text : { *(.text) }
  ASSERT(SIZEOF(.text) > 0x100, "text too small")
  .data : { *(.data) } > nowhere
  y = ORIGIN(nowhere) + undefined_thing;
  z = ASSERT(SIZEOF(.nosuch), "text is empty");
  w = 1 / (SIZEOF(.text) - 1);
}
#--- backwards.lds
SECTIONS
{
  .data 0x1000 : { . = 0x10; *(.data) . = 0x8; }
}
#--- nophdr.lds
PHDRS { text PT_LOAD; }
SECTIONS {
  .text : { *(.text) } :nosuch
  .data : { *(.data) }
  .bss : { *(.bss) }
}
#--- version.lds
/* the version script reader reports this, at the script's line */
VERSION {
  V1 { global: f1; local: *; } V0;
}
#--- discard.lds
SECTIONS { .text : { *(.text) } /DISCARD/ : { *(.junk) } }
#--- uses-junk.s
.globl _start
_start:
  call gone
  lea local_junk(%rip), %rax
.section .junk,"ax",@progbits
.globl gone
gone: ret
local_junk: ret
#--- number.lds
x = 09;
#--- type.lds
SECTIONS {
  .info (INFO) : { *(.info) }
}
#--- s.s
.globl _start
.text
_start: ret
.data
.quad 1
