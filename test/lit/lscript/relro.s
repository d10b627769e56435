# PT_GNU_RELRO with a linker script's SECTIONS (-z relro is the default), as lld writes it: from
# the first relro section (.data.rel.ro, init arrays, .dynamic, .got, the TLS template) to the
# end of the run, its size rounded up to the page where DATA_SEGMENT_RELRO_END moved the location
# counter, and the section after the run in a PT_LOAD of its own. When a script puts writable data
# on the page the relro run ends on, the size is not rounded: a loader protects whole pages, and
# that page must stay writable. -z norelro: no PT_GNU_RELRO.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 a.s -o a.o
# RUN: %tld -pie -z relro -T page.lds a.o -o page
# RUN: llvm-readelf -S -l page | FileCheck %s --check-prefix=PAGE
# RUN: %tld -pie -T shared.lds a.o -o shared
# RUN: llvm-readelf -S -l shared | FileCheck %s --check-prefix=SHARED
# RUN: %tld -pie -z norelro -T page.lds a.o -o norelro
# RUN: llvm-readelf -l norelro | FileCheck %s --check-prefix=NORELRO

# PAGE:      .data.rel.ro PROGBITS 00000000000012c0 0002c0 000008
# PAGE:      .got         PROGBITS 00000000000014f0 0004f0 000008
# PAGE-NEXT: .data        PROGBITS 0000000000002000 001000 000008
# PAGE:      LOAD      0x000000 0x0000000000000000 0x0000000000000000 0x0002c0 0x0002c0 R E 0x1000
# PAGE-NEXT: LOAD      0x0002c0 0x00000000000012c0 0x00000000000012c0 0x000238 0x000238 RW  0x1000
# PAGE-NEXT: LOAD      0x001000 0x0000000000002000 0x0000000000002000 0x000020 0x000020 RW  0x1000
# PAGE:      GNU_RELRO 0x0002c0 0x00000000000012c0 0x00000000000012c0 0x000238 0x000d40 R   0x1
# PAGE:      03 .data.rel.ro .init_array .dynamic .got {{$}}
# PAGE-NEXT: 04 .data .got.plt {{$}}
# PAGE:      07 .data.rel.ro .init_array .dynamic .got {{$}}

# SHARED:      .got         PROGBITS 0000000000000480 000480 000008
# SHARED-NEXT: .data        PROGBITS 0000000000000488 000488 000008
# SHARED:      LOAD      0x000000 0x0000000000000000 0x0000000000000000 0x0004a8 0x0004a8 RWE 0x1000
# SHARED:      GNU_RELRO 0x000250 0x0000000000000250 0x0000000000000250 0x000238 0x000238 R   0x1

# NORELRO-NOT: GNU_RELRO

#--- a.s
.globl _start
.text
_start: movq foo@GOTPCREL(%rip), %rax
  ret
.section .data.rel.ro,"aw"
.quad _start
.data
.globl foo
foo: .quad 1
.section .init_array,"aw",@init_array
.quad _start
.section .note.GNU-stack,"",@progbits

#--- page.lds
SECTIONS {
  . = SIZEOF_HEADERS;
  .text : { *(.text) }
  . = DATA_SEGMENT_ALIGN (CONSTANT (MAXPAGESIZE), CONSTANT (COMMONPAGESIZE));
  .data.rel.ro : { *(.data.rel.ro) }
  .init_array : { *(.init_array) }
  .dynamic : { *(.dynamic) }
  .got : { *(.got) }
  . = DATA_SEGMENT_RELRO_END (0, .);
  .data : { *(.data) }
  . = DATA_SEGMENT_END (.);
}

#--- shared.lds
SECTIONS {
  . = SIZEOF_HEADERS;
  .text : { *(.text) }
  .data.rel.ro : { *(.data.rel.ro) }
  .init_array : { *(.init_array) }
  .dynamic : { *(.dynamic) }
  .got : { *(.got) }
  .data : { *(.data) }
}
