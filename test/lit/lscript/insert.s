# INSERT AFTER / INSERT BEFORE with the default layout: the script's output sections join the
# default order next to the named section (in its segment), everything else is laid out as
# without the script, and symbols assigned inside an inserted section take its addresses. The
# script is given as an input file, not with -T; its top-level assignment and ASSERT apply too.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 r.s -o r.o
# RUN: %tld -static r.o ins.lds -o ins
# RUN: llvm-readelf -S -l -s ins | FileCheck %s
# RUN: %tld -static r.o -defsym=__mytab_start=0 -defsym=__mytab_end=0 -o plain
# RUN: llvm-readelf -S -l plain | FileCheck %s --check-prefix=PLAIN
# RUN: not %tld -static r.o bad.lds -o bad 2>&1 | FileCheck %s --check-prefix=BAD
# A section cannot change segments by moving: it stays, with a warning.
# RUN: %tld -static r.o warn.lds -o warned 2>&1 | FileCheck %s --check-prefix=WARN
# WARN: tld: warning: warn.lds:1: INSERT AFTER .data: .mytab has other permissions than .data, so it stays where the default layout puts it
# With a SECTIONS layout (-T) the inserted section goes next to the script's section.
# RUN: %tld -static -T base.lds ins.lds r.o -o scripted
# RUN: llvm-readelf -S scripted | FileCheck %s --check-prefix=SCRIPTED
# SCRIPTED:      .text    PROGBITS 0000000000010000 001000 00000f
# SCRIPTED-NEXT: .rodata  PROGBITS 000000000001000f
# SCRIPTED-NEXT: .mytab   PROGBITS 0000000000010010
# SCRIPTED-NEXT: .early   PROGBITS 0000000000010040 {{[0-9a-f]+}} 000001 00 WA 0 0 64
# SCRIPTED-NEXT: .data    PROGBITS 0000000000010041

# CHECK:      .text    PROGBITS 0000000000401158 000158 00000f 00 AX 0 0  4
# CHECK-NEXT: .rodata  PROGBITS 0000000000402167 000167 000001 00  A 0 0  1
# CHECK-NEXT: .mytab   PROGBITS 0000000000402168 000168 000002 00  A 0 0  1
# CHECK-NEXT: .early   PROGBITS 0000000000403180 000180 000001 00 WA 0 0 64
# CHECK-NEXT: .data    PROGBITS 0000000000403181 000181 000001 00 WA 0 0  1
# CHECK:      Segment Sections...
# CHECK-NEXT: 00 {{$}}
# CHECK-NEXT: 01 .text
# CHECK-NEXT: 02 .rodata .mytab
# CHECK-NEXT: 03 .early .data
# CHECK-DAG:  000000000040216a 0 NOTYPE GLOBAL DEFAULT ABS __mytab_end
# CHECK-DAG:  0000000000402168 0 NOTYPE GLOBAL DEFAULT ABS __mytab_start
# CHECK-DAG:  0000000000001234 0 NOTYPE GLOBAL DEFAULT ABS mark

# Without the script the same inputs keep the default order (.tab.* and .early as orphans).
# PLAIN:      .text    PROGBITS 0000000000401158
# PLAIN-NEXT: .rodata  PROGBITS
# PLAIN-NEXT: .tab.b
# PLAIN-NEXT: .tab.a
# PLAIN-NEXT: .data    PROGBITS
# PLAIN-NEXT: .early   PROGBITS

# BAD: tld: error: bad.lds:5: INSERT AFTER .nosuch: no output section named .nosuch
# BAD: tld: error: bad.lds:7: assertion failed: mark is wrong

#--- ins.lds
SECTIONS
{
  .mytab : { __mytab_start = .; KEEP(*(.tab.*)) __mytab_end = .; }
} INSERT AFTER .rodata
SECTIONS
{
  .early ALIGN(64) : { *(.early) }
} INSERT BEFORE .data
mark = 0x1234;
ASSERT(mark == 0x1234, "mark is wrong")
#--- base.lds
SECTIONS
{
  . = 0x10000;
  .text : { *(.text) }
  .rodata : { *(.rodata) }
  .data : { *(.data) }
}
#--- warn.lds
SECTIONS { .mytab : { __mytab_start = .; *(.tab.*) __mytab_end = .; } } INSERT AFTER .data
#--- bad.lds
/* An anchor that does not exist, and an assertion that fails. */
SECTIONS
{
  .mytab : { __mytab_start = .; *(.tab.*) __mytab_end = .; }
} INSERT AFTER .nosuch
mark = 0x1235;
ASSERT(mark == 0x1234, "mark is wrong")
#--- r.s
.globl _start
.text
_start:
  lea __mytab_start(%rip), %rax
  lea __mytab_end(%rip), %rax
  ret
.section .rodata,"a",@progbits
.byte 1
.section .tab.b,"a",@progbits
.byte 0xbb
.section .tab.a,"a",@progbits
.byte 0xaa
.data
.byte 2
.section .early,"aw",@progbits
.byte 3
.section .note.GNU-stack,"",@progbits
