/* Name tables indexed by number. Each entry is written N(R_X86_64_PC32), which places the macro's
 * own spelling at the macro's value, so a name can never drift from its number. */
#include "names.h"

#include "elf.h"

#include <stddef.h>

#define N(x) [x] = #x
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const x86_64_relocs[] = {
    N(R_X86_64_NONE),
    N(R_X86_64_64),
    N(R_X86_64_PC32),
    N(R_X86_64_GOT32),
    N(R_X86_64_PLT32),
    N(R_X86_64_COPY),
    N(R_X86_64_GLOB_DAT),
    N(R_X86_64_JUMP_SLOT),
    N(R_X86_64_RELATIVE),
    N(R_X86_64_GOTPCREL),
    N(R_X86_64_32),
    N(R_X86_64_32S),
    N(R_X86_64_16),
    N(R_X86_64_PC16),
    N(R_X86_64_8),
    N(R_X86_64_PC8),
    N(R_X86_64_DTPMOD64),
    N(R_X86_64_DTPOFF64),
    N(R_X86_64_TPOFF64),
    N(R_X86_64_TLSGD),
    N(R_X86_64_TLSLD),
    N(R_X86_64_DTPOFF32),
    N(R_X86_64_GOTTPOFF),
    N(R_X86_64_TPOFF32),
    N(R_X86_64_PC64),
    N(R_X86_64_GOTOFF64),
    N(R_X86_64_GOTPC32),
    N(R_X86_64_GOT64),
    N(R_X86_64_GOTPCREL64),
    N(R_X86_64_GOTPC64),
    N(R_X86_64_GOTPLT64),
    N(R_X86_64_PLTOFF64),
    N(R_X86_64_SIZE32),
    N(R_X86_64_SIZE64),
    N(R_X86_64_GOTPC32_TLSDESC),
    N(R_X86_64_TLSDESC_CALL),
    N(R_X86_64_TLSDESC),
    N(R_X86_64_IRELATIVE),
    N(R_X86_64_RELATIVE64),
    N(R_X86_64_GOTPCRELX),
    N(R_X86_64_REX_GOTPCRELX),
    N(R_X86_64_CODE_4_GOTPCRELX),
    N(R_X86_64_CODE_4_GOTTPOFF),
    N(R_X86_64_CODE_4_GOTPC32_TLSDESC),
    N(R_X86_64_CODE_5_GOTPCRELX),
    N(R_X86_64_CODE_5_GOTTPOFF),
    N(R_X86_64_CODE_5_GOTPC32_TLSDESC),
    N(R_X86_64_CODE_6_GOTPCRELX),
    N(R_X86_64_CODE_6_GOTTPOFF),
    N(R_X86_64_CODE_6_GOTPC32_TLSDESC),
};

static const char *const i386_relocs[] = {
    N(R_386_NONE),         N(R_386_32),           N(R_386_PC32),
    N(R_386_GOT32),        N(R_386_PLT32),        N(R_386_COPY),
    N(R_386_GLOB_DAT),     N(R_386_JMP_SLOT),     N(R_386_RELATIVE),
    N(R_386_GOTOFF),       N(R_386_GOTPC),        N(R_386_32PLT),
    N(R_386_TLS_TPOFF),    N(R_386_TLS_IE),       N(R_386_TLS_GOTIE),
    N(R_386_TLS_LE),       N(R_386_TLS_GD),       N(R_386_TLS_LDM),
    N(R_386_16),           N(R_386_PC16),         N(R_386_8),
    N(R_386_PC8),          N(R_386_TLS_GD_32),    N(R_386_TLS_GD_PUSH),
    N(R_386_TLS_GD_CALL),  N(R_386_TLS_GD_POP),   N(R_386_TLS_LDM_32),
    N(R_386_TLS_LDM_PUSH), N(R_386_TLS_LDM_CALL), N(R_386_TLS_LDM_POP),
    N(R_386_TLS_LDO_32),   N(R_386_TLS_IE_32),    N(R_386_TLS_LE_32),
    N(R_386_TLS_DTPMOD32), N(R_386_TLS_DTPOFF32), N(R_386_TLS_TPOFF32),
    N(R_386_SIZE32),       N(R_386_TLS_GOTDESC),  N(R_386_TLS_DESC_CALL),
    N(R_386_TLS_DESC),     N(R_386_IRELATIVE),    N(R_386_GOT32X),
};

static const char *const sparc_relocs[] = {
    N(R_SPARC_NONE),
    N(R_SPARC_8),
    N(R_SPARC_16),
    N(R_SPARC_32),
    N(R_SPARC_DISP8),
    N(R_SPARC_DISP16),
    N(R_SPARC_DISP32),
    N(R_SPARC_WDISP30),
    N(R_SPARC_WDISP22),
    N(R_SPARC_HI22),
    N(R_SPARC_22),
    N(R_SPARC_13),
    N(R_SPARC_LO10),
    N(R_SPARC_GOT10),
    N(R_SPARC_GOT13),
    N(R_SPARC_GOT22),
    N(R_SPARC_PC10),
    N(R_SPARC_PC22),
    N(R_SPARC_WPLT30),
    N(R_SPARC_COPY),
    N(R_SPARC_GLOB_DAT),
    N(R_SPARC_JMP_SLOT),
    N(R_SPARC_RELATIVE),
    N(R_SPARC_UA32),
    N(R_SPARC_PLT32),
    N(R_SPARC_HIPLT22),
    N(R_SPARC_LOPLT10),
    N(R_SPARC_PCPLT32),
    N(R_SPARC_PCPLT22),
    N(R_SPARC_PCPLT10),
    N(R_SPARC_10),
    N(R_SPARC_11),
    N(R_SPARC_64),
    N(R_SPARC_OLO10),
    N(R_SPARC_HH22),
    N(R_SPARC_HM10),
    N(R_SPARC_LM22),
    N(R_SPARC_PC_HH22),
    N(R_SPARC_PC_HM10),
    N(R_SPARC_PC_LM22),
    N(R_SPARC_WDISP16),
    N(R_SPARC_WDISP19),
    N(R_SPARC_GLOB_JMP),
    N(R_SPARC_7),
    N(R_SPARC_5),
    N(R_SPARC_6),
    N(R_SPARC_DISP64),
    N(R_SPARC_PLT64),
    N(R_SPARC_HIX22),
    N(R_SPARC_LOX10),
    N(R_SPARC_H44),
    N(R_SPARC_M44),
    N(R_SPARC_L44),
    N(R_SPARC_REGISTER),
    N(R_SPARC_UA64),
    N(R_SPARC_UA16),
    N(R_SPARC_TLS_GD_HI22),
    N(R_SPARC_TLS_GD_LO10),
    N(R_SPARC_TLS_GD_ADD),
    N(R_SPARC_TLS_GD_CALL),
    N(R_SPARC_TLS_LDM_HI22),
    N(R_SPARC_TLS_LDM_LO10),
    N(R_SPARC_TLS_LDM_ADD),
    N(R_SPARC_TLS_LDM_CALL),
    N(R_SPARC_TLS_LDO_HIX22),
    N(R_SPARC_TLS_LDO_LOX10),
    N(R_SPARC_TLS_LDO_ADD),
    N(R_SPARC_TLS_IE_HI22),
    N(R_SPARC_TLS_IE_LO10),
    N(R_SPARC_TLS_IE_LD),
    N(R_SPARC_TLS_IE_LDX),
    N(R_SPARC_TLS_IE_ADD),
    N(R_SPARC_TLS_LE_HIX22),
    N(R_SPARC_TLS_LE_LOX10),
    N(R_SPARC_TLS_DTPMOD32),
    N(R_SPARC_TLS_DTPMOD64),
    N(R_SPARC_TLS_DTPOFF32),
    N(R_SPARC_TLS_DTPOFF64),
    N(R_SPARC_TLS_TPOFF32),
    N(R_SPARC_TLS_TPOFF64),
    N(R_SPARC_GOTDATA_HIX22),
    N(R_SPARC_GOTDATA_LOX10),
    N(R_SPARC_GOTDATA_OP_HIX22),
    N(R_SPARC_GOTDATA_OP_LOX10),
    N(R_SPARC_GOTDATA_OP),
    N(R_SPARC_H34),
    N(R_SPARC_SIZE32),
    N(R_SPARC_SIZE64),
    N(R_SPARC_WDISP10),
    N(R_SPARC_JMP_IREL),
    N(R_SPARC_IRELATIVE),
    N(R_SPARC_GNU_VTINHERIT),
    N(R_SPARC_GNU_VTENTRY),
    N(R_SPARC_REV32),
};

/* The generic range is dense enough for a table; the OS-specific types are few and scattered. */
static const char *const section_types[] = {
    N(SHT_NULL),  N(SHT_PROGBITS),     N(SHT_SYMTAB),     N(SHT_STRTAB),     N(SHT_RELA),
    N(SHT_HASH),  N(SHT_DYNAMIC),      N(SHT_NOTE),       N(SHT_NOBITS),     N(SHT_REL),
    N(SHT_SHLIB), N(SHT_DYNSYM),       N(SHT_INIT_ARRAY), N(SHT_FINI_ARRAY), N(SHT_PREINIT_ARRAY),
    N(SHT_GROUP), N(SHT_SYMTAB_SHNDX), N(SHT_RELR),
};

static const char *lookup(const char *const *table, size_t count, uint32_t index) {
  return index < count ? table[index] : NULL;
}

const char *elf_reloc_name(uint16_t machine, uint32_t type) {
  switch (machine) {
  case EM_X86_64: return lookup(x86_64_relocs, COUNT(x86_64_relocs), type);
  case EM_386: return lookup(i386_relocs, COUNT(i386_relocs), type);
  case EM_SPARC:
  case EM_SPARC32PLUS:
  case EM_SPARCV9: return lookup(sparc_relocs, COUNT(sparc_relocs), type);
  default: return NULL;
  }
}

const char *elf_section_type_name(uint32_t type) {
  if (type < COUNT(section_types)) return section_types[type];
  switch (type) {
  case SHT_LLVM_ADDRSIG: return "SHT_LLVM_ADDRSIG";
  case SHT_GNU_ATTRIBUTES: return "SHT_GNU_ATTRIBUTES";
  case SHT_GNU_HASH: return "SHT_GNU_HASH";
  case SHT_GNU_LIBLIST: return "SHT_GNU_LIBLIST";
  case SHT_CHECKSUM: return "SHT_CHECKSUM";
  case SHT_SUNW_move: return "SHT_SUNW_move";
  case SHT_SUNW_COMDAT: return "SHT_SUNW_COMDAT";
  case SHT_SUNW_syminfo: return "SHT_SUNW_syminfo";
  case SHT_GNU_verdef: return "SHT_GNU_verdef";
  case SHT_GNU_verneed: return "SHT_GNU_verneed";
  case SHT_GNU_versym: return "SHT_GNU_versym";
  default: return NULL;
  }
}

const char *elf_machine_name(uint16_t machine) {
  switch (machine) {
  case EM_X86_64: return "x86-64";
  case EM_386: return "i386";
  case EM_SPARC: return "SPARC";
  case EM_SPARC32PLUS: return "SPARC32PLUS";
  case EM_SPARCV9: return "SPARC V9";
  default: return NULL;
  }
}
