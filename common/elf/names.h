/* Printable names for ELF numbers, for diagnostics and map files. Every function returns a static
 * string, or NULL for a number it does not know; callers print the number then. */
#ifndef TLD_COMMON_ELF_NAMES_H
#define TLD_COMMON_ELF_NAMES_H

#include <stdint.h>

/* The psABI name of relocation `type` ("R_X86_64_PC32") for e_machine `machine`. EM_SPARC,
 * EM_SPARC32PLUS and EM_SPARCV9 share one table; for SPARC V9 pass ELF64_R_TYPE_ID, not the
 * whole type field. */
const char *elf_reloc_name(uint16_t machine, uint32_t type);

/* The gABI or GNU name of a section type ("SHT_PROGBITS"). Processor-specific types
 * (SHT_LOPROC..SHT_HIPROC) mean different things per machine and give NULL. */
const char *elf_section_type_name(uint32_t type);

/* A short name for the machines tld links ("x86-64", "i386", "SPARC", "SPARC32PLUS",
 * "SPARC V9"); NULL for any other. */
const char *elf_machine_name(uint16_t machine);

#endif
