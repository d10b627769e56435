# MEMORY: sections go to a region with `> region` or, with neither address nor region, to the
# first region whose attributes fit them; AT> region and AT(lma) give load addresses (p_paddr,
# LOADADDR), and a section after one with a load offset in the same region keeps that offset;
# REGION_ALIAS names a region twice; ORIGIN and LENGTH read it. A section that does not fit its
# region is an error naming the region's line.
# REQUIRES: llvm-mc
# RUN: rm -rf %t && split-file %s %t && cd %t
# RUN: %llvm-mc -filetype=obj -triple=x86_64 s.s -o s.o
# RUN: %tld -static -T mem.lds s.o -o mem
# RUN: llvm-readelf -S -l -s mem | FileCheck %s
# RUN: not %tld -static -T small.lds s.o -o small 2>&1 | FileCheck %s --check-prefix=OVER

# CHECK:      .text   PROGBITS 0000000000100000 001000 000004
# CHECK-NEXT: .rodata PROGBITS 0000000000100004 001004 000002
# CHECK-NEXT: .data   PROGBITS 0000000000300000 002000 000008
# CHECK-NEXT: .bss    NOBITS   0000000000300008 002008 000010
# CHECK-NEXT: .tab    PROGBITS 0000000000300100 002100 000001
# CHECK:      LOAD 0x001000 0x0000000000100000 0x0000000000100000 0x000006 0x000006 R E 0x1000
# CHECK-NEXT: LOAD 0x002000 0x0000000000300000 0x0000000000100006 0x000008 0x000018 RW  0x1000
# CHECK-NEXT: LOAD 0x002100 0x0000000000300100 0x0000000000500000 0x000001 0x000001 RW  0x1000
# CHECK-DAG:  0000000000100006 0 NOTYPE GLOBAL DEFAULT ABS data_lma
# CHECK-DAG:  0000000000500000 0 NOTYPE GLOBAL DEFAULT ABS tab_lma
# CHECK-DAG:  0000000000308000 0 NOTYPE GLOBAL DEFAULT ABS ram_end
# CHECK-DAG:  0000000000000006 0 NOTYPE GLOBAL DEFAULT ABS rom_used

# OVER: tld: error: small.lds:3: section .text does not fit in memory region 'rom': it ends at 0x1004, the region at 0x1002 (overflowed by 0x2 bytes)
# OVER: tld: error: small.lds:4: section .data does not fit in memory region 'ram': it ends at 0x2008, the region at 0x2004 (overflowed by 0x4 bytes)

#--- mem.lds
MEMORY
{
  flash (rx) : ORIGIN = 0x100000, LENGTH = 1M
  ram (w!x)  : org = 0x300000, len = 32K
}
REGION_ALIAS("rom", flash)
SECTIONS
{
  .text : { *(.text) }
  .rodata : { *(.rodata) } > rom
  .data : { *(.data) } > ram AT > rom
  .bss : { *(.bss) } > ram
  .tab 0x300100 : AT(0x500000) { *(.tab) }
  data_lma = LOADADDR(.data);
  tab_lma = LOADADDR(.tab);
  ram_end = ORIGIN(ram) + LENGTH(ram);
  rom_used = SIZEOF(.text) + SIZEOF(.rodata);
}
#--- small.lds
MEMORY
{
  rom (rx) : ORIGIN = 0x1000, LENGTH = 2
  ram (rw) : ORIGIN = 0x2000, LENGTH = 4
}
SECTIONS
{
  .text : { *(.text) } > rom
  .data : { *(.data) } > ram
}
#--- s.s
.globl _start
.text
_start: nop; nop; nop; ret
.section .rodata,"a",@progbits
.short 1
.data
.quad 2
.bss
.zero 16
.section .tab,"aw",@progbits
.byte 3
