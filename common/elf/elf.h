/* ELF constants for tld and its runtime linker. The system <elf.h> is never included: this header
 * is the project's only source of ELF numbers, so a cross link (a SPARC object on an x86-64 host)
 * sees the same values everywhere. Names are the ones the gABI, the three psABIs and the GNU
 * extensions use, so the macros read like the documents.
 *
 * No record structs are declared on purpose: file bytes are read and written one field at a time
 * through the accessors in bytes.h, whose byte order comes from the object, not the host. The
 * *_SIZE constants below give the on-disk record sizes for both classes instead. */
#ifndef TLD_COMMON_ELF_ELF_H
#define TLD_COMMON_ELF_ELF_H

#include <stdint.h>

/* ---- e_ident ---------------------------------------------------------------------------- */

#define EI_MAG0 0
#define EI_MAG1 1
#define EI_MAG2 2
#define EI_MAG3 3
#define EI_CLASS 4
#define EI_DATA 5
#define EI_VERSION 6
#define EI_OSABI 7
#define EI_ABIVERSION 8
#define EI_PAD 9
#define EI_NIDENT 16

#define ELFMAG0 0x7f
#define ELFMAG1 'E'
#define ELFMAG2 'L'
#define ELFMAG3 'F'
#define ELFMAG "\177ELF"
#define SELFMAG 4

#define ELFCLASSNONE 0
#define ELFCLASS32 1
#define ELFCLASS64 2

#define ELFDATANONE 0
#define ELFDATA2LSB 1 /* little-endian: x86-64, i386 */
#define ELFDATA2MSB 2 /* big-endian: every SPARC */

#define EV_NONE 0
#define EV_CURRENT 1

#define ELFOSABI_NONE 0
#define ELFOSABI_SYSV 0
#define ELFOSABI_HPUX 1
#define ELFOSABI_NETBSD 2
#define ELFOSABI_GNU 3 /* set by GNU tools once an object uses STT_GNU_IFUNC or STB_GNU_UNIQUE */
#define ELFOSABI_LINUX ELFOSABI_GNU
#define ELFOSABI_SOLARIS 6
#define ELFOSABI_FREEBSD 9
#define ELFOSABI_OPENBSD 12
#define ELFOSABI_STANDALONE 255

/* ---- e_type ----------------------------------------------------------------------------- */

#define ET_NONE 0
#define ET_REL 1
#define ET_EXEC 2
#define ET_DYN 3
#define ET_CORE 4
#define ET_LOOS 0xfe00
#define ET_HIOS 0xfeff
#define ET_LOPROC 0xff00
#define ET_HIPROC 0xffff

/* ---- e_machine -------------------------------------------------------------------------- */

/* Only x86-64, i386 and the SPARC family are targets; the rest let diagnostics name a wrong
 * input rather than print a bare number. */
#define EM_NONE 0
#define EM_M32 1
#define EM_SPARC 2 /* 32-bit SPARC V7/V8 */
#define EM_386 3
#define EM_68K 4
#define EM_88K 5
#define EM_IAMCU 6
#define EM_860 7
#define EM_MIPS 8
#define EM_SPARC32PLUS 18 /* 32-bit object using V8+ (V9 instructions) */
#define EM_PPC 20
#define EM_PPC64 21
#define EM_S390 22
#define EM_ARM 40
#define EM_SPARCV9 43 /* 64-bit SPARC */
#define EM_IA_64 50
#define EM_X86_64 62
#define EM_AARCH64 183
#define EM_RISCV 243
#define EM_LOONGARCH 258

/* e_flags of SPARC objects (memory model and ISA extensions). */
#define EF_SPARCV9_MM 0x3
#define EF_SPARCV9_TSO 0x0
#define EF_SPARCV9_PSO 0x1
#define EF_SPARCV9_RMO 0x2
#define EF_SPARC_LEDATA 0x800000
#define EF_SPARC_EXT_MASK 0xffff00
#define EF_SPARC_32PLUS 0x000100  /* generic V8+ features */
#define EF_SPARC_SUN_US1 0x000200 /* Sun UltraSPARC I extensions */
#define EF_SPARC_HAL_R1 0x000400  /* HAL R1 extensions */
#define EF_SPARC_SUN_US3 0x000800 /* Sun UltraSPARC III extensions */

/* ---- Section indices -------------------------------------------------------------------- */

#define SHN_UNDEF 0
#define SHN_LORESERVE 0xff00
#define SHN_LOPROC 0xff00
#define SHN_HIPROC 0xff1f
#define SHN_LOOS 0xff20
#define SHN_HIOS 0xff3f
#define SHN_ABS 0xfff1
#define SHN_COMMON 0xfff2
#define SHN_XINDEX 0xffff /* real index is in SHT_SYMTAB_SHNDX, or e_shnum/e_shstrndx in shdr 0 */
#define SHN_HIRESERVE 0xffff
#define SHN_X86_64_LCOMMON 0xff02 /* common symbol bound for .lbss (medium/large model) */

/* ---- Section types ---------------------------------------------------------------------- */

#define SHT_NULL 0
#define SHT_PROGBITS 1
#define SHT_SYMTAB 2
#define SHT_STRTAB 3
#define SHT_RELA 4
#define SHT_HASH 5
#define SHT_DYNAMIC 6
#define SHT_NOTE 7
#define SHT_NOBITS 8
#define SHT_REL 9
#define SHT_SHLIB 10
#define SHT_DYNSYM 11
#define SHT_INIT_ARRAY 14
#define SHT_FINI_ARRAY 15
#define SHT_PREINIT_ARRAY 16
#define SHT_GROUP 17
#define SHT_SYMTAB_SHNDX 18
#define SHT_RELR 19
#define SHT_LOOS 0x60000000
#define SHT_LLVM_ADDRSIG 0x6fff4c03 /* symbols whose address is taken (for --icf=safe) */
#define SHT_GNU_ATTRIBUTES 0x6ffffff5
#define SHT_GNU_HASH 0x6ffffff6
#define SHT_GNU_LIBLIST 0x6ffffff7
#define SHT_CHECKSUM 0x6ffffff8
#define SHT_LOSUNW 0x6ffffffa
#define SHT_SUNW_move 0x6ffffffa
#define SHT_SUNW_COMDAT 0x6ffffffb
#define SHT_SUNW_syminfo 0x6ffffffc
#define SHT_GNU_verdef 0x6ffffffd
#define SHT_GNU_verneed 0x6ffffffe
#define SHT_GNU_versym 0x6fffffff
#define SHT_SUNW_verdef SHT_GNU_verdef /* Solaris spells the version sections this way */
#define SHT_SUNW_verneed SHT_GNU_verneed
#define SHT_SUNW_versym SHT_GNU_versym
#define SHT_HISUNW 0x6fffffff
#define SHT_HIOS 0x6fffffff
#define SHT_LOPROC 0x70000000
#define SHT_X86_64_UNWIND 0x70000001 /* .eh_frame on x86-64; treat as SHT_PROGBITS */
#define SHT_HIPROC 0x7fffffff
#define SHT_LOUSER 0x80000000
#define SHT_HIUSER 0x8fffffff

/* ---- Section flags ---------------------------------------------------------------------- */

#define SHF_WRITE 0x1
#define SHF_ALLOC 0x2
#define SHF_EXECINSTR 0x4
#define SHF_MERGE 0x10
#define SHF_STRINGS 0x20
#define SHF_INFO_LINK 0x40  /* sh_info is a section index */
#define SHF_LINK_ORDER 0x80 /* placed in the order of the section sh_link names */
#define SHF_OS_NONCONFORMING 0x100
#define SHF_GROUP 0x200
#define SHF_TLS 0x400
#define SHF_COMPRESSED 0x800    /* data begins with a compression header (ELF32/64_CHDR_SIZE) */
#define SHF_GNU_RETAIN 0x200000 /* a root for --gc-sections */
#define SHF_MASKOS 0x0ff00000
#define SHF_X86_64_LARGE 0x10000000 /* may lie beyond 2 GiB from the code (medium/large model) */
#define SHF_ORDERED 0x40000000u     /* Solaris */
#define SHF_EXCLUDE 0x80000000u     /* dropped from the output of a final link */
#define SHF_MASKPROC 0xf0000000u

/* ch_type of a compression header. */
#define ELFCOMPRESS_ZLIB 1
#define ELFCOMPRESS_ZSTD 2

/* First word of an SHT_GROUP section. */
#define GRP_COMDAT 0x1
#define GRP_MASKOS 0x0ff00000
#define GRP_MASKPROC 0xf0000000u

/* ---- Symbols ---------------------------------------------------------------------------- */

#define STN_UNDEF 0

#define STB_LOCAL 0
#define STB_GLOBAL 1
#define STB_WEAK 2
#define STB_LOOS 10
#define STB_GNU_UNIQUE 10 /* one definition per process, even across RTLD_LOCAL scopes */
#define STB_HIOS 12
#define STB_LOPROC 13
#define STB_HIPROC 15

#define STT_NOTYPE 0
#define STT_OBJECT 1
#define STT_FUNC 2
#define STT_SECTION 3
#define STT_FILE 4
#define STT_COMMON 5
#define STT_TLS 6
#define STT_LOOS 10
#define STT_GNU_IFUNC 10 /* value is a resolver returning the real address */
#define STT_HIOS 12
#define STT_LOPROC 13
#define STT_SPARC_REGISTER 13 /* claims a SPARC application register (%g2, %g3, %g6, %g7) */
#define STT_HIPROC 15

#define STV_DEFAULT 0
#define STV_INTERNAL 1
#define STV_HIDDEN 2
#define STV_PROTECTED 3

/* st_info and st_other are one byte in both classes, so these carry no class prefix. */
#define ELF_ST_BIND(info) ((unsigned)(info) >> 4)
#define ELF_ST_TYPE(info) ((unsigned)(info)&0xfu)
#define ELF_ST_INFO(bind, type) ((unsigned char)(((unsigned)(bind) << 4) | ((unsigned)(type)&0xfu)))
#define ELF_ST_VISIBILITY(other) ((unsigned)(other)&0x3u)

/* ---- r_info ----------------------------------------------------------------------------- */

#define ELF32_R_SYM(info) ((uint32_t)(info) >> 8)
#define ELF32_R_TYPE(info) ((uint32_t)(info)&0xffu)
#define ELF32_R_INFO(sym, type) (((uint32_t)(sym) << 8) | ((uint32_t)(type)&0xffu))

#define ELF64_R_SYM(info) ((uint32_t)((uint64_t)(info) >> 32))
#define ELF64_R_TYPE(info) ((uint32_t)((uint64_t)(info)&0xffffffffu))
#define ELF64_R_INFO(sym, type) (((uint64_t)(sym) << 32) | (uint64_t)(uint32_t)(type))

/* SPARC V9 splits the 64-bit type field: the low 8 bits are the relocation type, the upper 24 a
 * signed extra addend (used by R_SPARC_OLO10). */
#define ELF64_R_TYPE_ID(info) (ELF64_R_TYPE(info) & 0xffu)
#define ELF64_R_TYPE_DATA(info)                                                                    \
  ((int32_t)(((ELF64_R_TYPE(info) >> 8) ^ 0x800000u)) - (int32_t)0x800000)
#define ELF64_R_TYPE_INFO(data, type)                                                              \
  ((((uint32_t)(data)&0xffffffu) << 8) | ((uint32_t)(type)&0xffu))

/* ---- Program headers -------------------------------------------------------------------- */

#define PT_NULL 0
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_NOTE 4
#define PT_SHLIB 5
#define PT_PHDR 6
#define PT_TLS 7
#define PT_LOOS 0x60000000
#define PT_GNU_EH_FRAME 0x6474e550 /* .eh_frame_hdr */
#define PT_GNU_STACK 0x6474e551    /* p_flags say whether the stack is executable */
#define PT_GNU_RELRO 0x6474e552    /* made read-only after relocation */
#define PT_GNU_PROPERTY 0x6474e553 /* .note.gnu.property */
#define PT_SUNWBSS 0x6ffffffa
#define PT_SUNWSTACK 0x6ffffffb
#define PT_HIOS 0x6fffffff
#define PT_LOPROC 0x70000000
#define PT_HIPROC 0x7fffffff

#define PF_X 0x1
#define PF_W 0x2
#define PF_R 0x4
#define PF_MASKOS 0x0ff00000
#define PF_MASKPROC 0xf0000000u

/* ---- Dynamic section tags --------------------------------------------------------------- */

#define DT_NULL 0
#define DT_NEEDED 1
#define DT_PLTRELSZ 2
#define DT_PLTGOT 3
#define DT_HASH 4
#define DT_STRTAB 5
#define DT_SYMTAB 6
#define DT_RELA 7
#define DT_RELASZ 8
#define DT_RELAENT 9
#define DT_STRSZ 10
#define DT_SYMENT 11
#define DT_INIT 12
#define DT_FINI 13
#define DT_SONAME 14
#define DT_RPATH 15
#define DT_SYMBOLIC 16
#define DT_REL 17
#define DT_RELSZ 18
#define DT_RELENT 19
#define DT_PLTREL 20
#define DT_DEBUG 21
#define DT_TEXTREL 22
#define DT_JMPREL 23
#define DT_BIND_NOW 24
#define DT_INIT_ARRAY 25
#define DT_FINI_ARRAY 26
#define DT_INIT_ARRAYSZ 27
#define DT_FINI_ARRAYSZ 28
#define DT_RUNPATH 29
#define DT_FLAGS 30
#define DT_ENCODING 32 /* tags from here on: even means d_ptr, odd means d_val */
#define DT_PREINIT_ARRAY 32
#define DT_PREINIT_ARRAYSZ 33
#define DT_SYMTAB_SHNDX 34
#define DT_RELRSZ 35
#define DT_RELR 36
#define DT_RELRENT 37
#define DT_LOOS 0x6000000d
#define DT_HIOS 0x6ffff000

/* Tags whose d_un is a plain value. */
#define DT_VALRNGLO 0x6ffffd00
#define DT_GNU_PRELINKED 0x6ffffdf5
#define DT_GNU_CONFLICTSZ 0x6ffffdf6
#define DT_GNU_LIBLISTSZ 0x6ffffdf7
#define DT_CHECKSUM 0x6ffffdf8
#define DT_PLTPADSZ 0x6ffffdf9
#define DT_MOVEENT 0x6ffffdfa
#define DT_MOVESZ 0x6ffffdfb
#define DT_FEATURE_1 0x6ffffdfc
#define DT_POSFLAG_1 0x6ffffdfd /* DF_P1_* for the DT_NEEDED entry that follows */
#define DT_SYMINSZ 0x6ffffdfe
#define DT_SYMINENT 0x6ffffdff
#define DT_VALRNGHI 0x6ffffdff

/* Tags whose d_un is an address. */
#define DT_ADDRRNGLO 0x6ffffe00
#define DT_GNU_HASH 0x6ffffef5
#define DT_TLSDESC_PLT 0x6ffffef6
#define DT_TLSDESC_GOT 0x6ffffef7
#define DT_GNU_CONFLICT 0x6ffffef8
#define DT_GNU_LIBLIST 0x6ffffef9
#define DT_CONFIG 0x6ffffefa
#define DT_DEPAUDIT 0x6ffffefb
#define DT_AUDIT 0x6ffffefc
#define DT_PLTPAD 0x6ffffefd
#define DT_MOVETAB 0x6ffffefe
#define DT_SYMINFO 0x6ffffeff
#define DT_ADDRRNGHI 0x6ffffeff

/* Symbol versioning and relocation counts. */
#define DT_VERSYM 0x6ffffff0
#define DT_RELACOUNT 0x6ffffff9 /* leading R_*_RELATIVE entries of DT_RELA */
#define DT_RELCOUNT 0x6ffffffa  /* leading R_*_RELATIVE entries of DT_REL */
#define DT_FLAGS_1 0x6ffffffb
#define DT_VERDEF 0x6ffffffc
#define DT_VERDEFNUM 0x6ffffffd
#define DT_VERNEED 0x6ffffffe
#define DT_VERNEEDNUM 0x6fffffff

#define DT_LOPROC 0x70000000
#define DT_SPARC_REGISTER 0x70000001 /* index of an STT_SPARC_REGISTER symbol in .dynsym */
#define DT_AUXILIARY 0x7ffffffd
#define DT_USED 0x7ffffffe
#define DT_FILTER 0x7fffffff
#define DT_GNU_FLAGS_1 0x6ffffdf4 /* GNU extension flags: DF_GNU_1_* */
#define DF_GNU_1_UNIQUE 0x1       /* -z unique: loaded once, in the main namespace */
#define DT_HIPROC 0x7fffffff

/* DT_FLAGS */
#define DF_ORIGIN 0x1
#define DF_SYMBOLIC 0x2
#define DF_TEXTREL 0x4
#define DF_BIND_NOW 0x8
#define DF_STATIC_TLS 0x10

/* DT_FLAGS_1 */
#define DF_1_NOW 0x1
#define DF_1_GLOBAL 0x2
#define DF_1_GROUP 0x4
#define DF_1_NODELETE 0x8
#define DF_1_LOADFLTR 0x10
#define DF_1_INITFIRST 0x20
#define DF_1_NOOPEN 0x40
#define DF_1_ORIGIN 0x80
#define DF_1_DIRECT 0x100
#define DF_1_TRANS 0x200
#define DF_1_INTERPOSE 0x400
#define DF_1_NODEFLIB 0x800
#define DF_1_NODUMP 0x1000
#define DF_1_CONFALT 0x2000
#define DF_1_ENDFILTEE 0x4000
#define DF_1_DISPRELDNE 0x8000
#define DF_1_DISPRELPND 0x10000
#define DF_1_NODIRECT 0x20000
#define DF_1_IGNMULDEF 0x40000
#define DF_1_NOKSYMS 0x80000
#define DF_1_NOHDR 0x100000
#define DF_1_EDITED 0x200000
#define DF_1_NORELOC 0x400000
#define DF_1_SYMINTPOSE 0x800000
#define DF_1_GLOBAUDIT 0x1000000
#define DF_1_SINGLETON 0x2000000
#define DF_1_STUB 0x4000000
#define DF_1_PIE 0x8000000
#define DF_1_KMOD 0x10000000
#define DF_1_WEAKFILTER 0x20000000
#define DF_1_NOCOMMON 0x40000000

/* DT_POSFLAG_1 */
#define DF_P1_LAZYLOAD 0x1
#define DF_P1_GROUPPERM 0x2

/* ---- Syminfo (Solaris direct bindings and lazy loading) ---------------------------------
 * .SUNW_syminfo (SHT_SUNW_syminfo, DT_SYMINFO/DT_SYMINSZ/DT_SYMINENT) has one entry per .dynsym
 * entry, at the same index, in both classes: { Half si_boundto; Half si_flags; }. si_boundto is
 * the index in .dynamic of the DT_NEEDED entry of the object that holds the definition, or one
 * of the reserved values below. */
#define SYMINFO_ENTRY_SIZE 4
#define SYMINFO_BT_SELF 0xffff       /* defined in this object */
#define SYMINFO_BT_PARENT 0xfffe     /* defined by the parent (a filter's filtee) */
#define SYMINFO_BT_NONE 0xfffd       /* no particular binding */
#define SYMINFO_BT_EXTERN 0xfffc     /* defined outside, in no particular object */
#define SYMINFO_BT_LOWRESERVE 0xff00 /* values from here up are reserved */
#define SYMINFO_FLG_DIRECT 0x0001    /* the reference is associated with si_boundto's object */
#define SYMINFO_FLG_FILTER 0x0002    /* a standard filter (SYMINFO_FLG_PASSTHRU in old headers) */
#define SYMINFO_FLG_PASSTHRU SYMINFO_FLG_FILTER
#define SYMINFO_FLG_COPY 0x0004        /* the definition was copied by a copy relocation */
#define SYMINFO_FLG_LAZYLOAD 0x0008    /* si_boundto's object is loaded lazily */
#define SYMINFO_FLG_DIRECTBIND 0x0010  /* bind the reference directly to si_boundto's object */
#define SYMINFO_FLG_NOEXTDIRECT 0x0020 /* no other object may bind directly to this definition */
#define SYMINFO_FLG_AUXILIARY 0x0040   /* an auxiliary filter */
#define SYMINFO_FLG_INTERPOSE 0x0080   /* the definition is an individual interposer */
#define SYMINFO_FLG_CAP 0x0100         /* associated with capabilities */
#define SYMINFO_FLG_DEFERRED 0x0200    /* a deferred reference */
#define SYMINFO_NONE 0
#define SYMINFO_CURRENT 1 /* the version entry 0's si_flags carries */

/* ---- Symbol versioning ------------------------------------------------------------------ */

#define VER_DEF_NONE 0
#define VER_DEF_CURRENT 1 /* vd_version */
#define VER_NEED_NONE 0
#define VER_NEED_CURRENT 1 /* vn_version */

#define VER_FLG_BASE 0x1 /* the verdef naming the object itself */
#define VER_FLG_WEAK 0x2

/* .gnu.version entries. The top bit hides a definition from binding by unversioned references. */
#define VER_NDX_LOCAL 0
#define VER_NDX_GLOBAL 1
#define VER_NDX_LORESERVE 0xff00
#define VER_NDX_ELIMINATE 0xff01
#define VERSYM_HIDDEN 0x8000
#define VERSYM_VERSION 0x7fff

/* ---- Notes and GNU properties ----------------------------------------------------------- */

#define ELF_NOTE_GNU "GNU"

#define NT_GNU_ABI_TAG 1
#define NT_GNU_HWCAP 2
#define NT_GNU_BUILD_ID 3
#define NT_GNU_GOLD_VERSION 4
#define NT_GNU_PROPERTY_TYPE_0 5
#define NT_FDO_PACKAGING_METADATA 0xcafe1a7eu /* owner "FDO": JSON package metadata */

/* pr_type of an entry in NT_GNU_PROPERTY_TYPE_0. The *_AND ranges are combined across inputs
 * by bitwise and (a feature holds only if every input has it), the *_OR ranges by bitwise or. */
#define GNU_PROPERTY_STACK_SIZE 1
#define GNU_PROPERTY_NO_COPY_ON_PROTECTED 2
#define GNU_PROPERTY_UINT32_AND_LO 0xb0000000u
#define GNU_PROPERTY_UINT32_AND_HI 0xb0007fffu
#define GNU_PROPERTY_UINT32_OR_LO 0xb0008000u
#define GNU_PROPERTY_UINT32_OR_HI 0xb000ffffu
#define GNU_PROPERTY_1_NEEDED GNU_PROPERTY_UINT32_OR_LO
#define GNU_PROPERTY_1_NEEDED_INDIRECT_EXTERN_ACCESS 0x1
#define GNU_PROPERTY_LOPROC 0xc0000000u
#define GNU_PROPERTY_HIPROC 0xdfffffffu
#define GNU_PROPERTY_LOUSER 0xe0000000u
#define GNU_PROPERTY_HIUSER 0xffffffffu

#define GNU_PROPERTY_X86_FEATURE_2_USED 0xc0010001u
#define GNU_PROPERTY_X86_FEATURE_2_NEEDED 0xc0008001u
#define GNU_PROPERTY_X86_FEATURE_1_AND 0xc0000002u
#define GNU_PROPERTY_X86_ISA_1_NEEDED 0xc0008002u
#define GNU_PROPERTY_X86_ISA_1_USED 0xc0010002u

#define GNU_PROPERTY_X86_FEATURE_1_IBT 0x1
#define GNU_PROPERTY_X86_FEATURE_1_SHSTK 0x2
#define GNU_PROPERTY_X86_FEATURE_1_LAM_U48 0x4
#define GNU_PROPERTY_X86_FEATURE_1_LAM_U57 0x8

#define GNU_PROPERTY_X86_ISA_1_BASELINE 0x1
#define GNU_PROPERTY_X86_ISA_1_V2 0x2
#define GNU_PROPERTY_X86_ISA_1_V3 0x4
#define GNU_PROPERTY_X86_ISA_1_V4 0x8

/* ---- Auxiliary vector (Linux a_type values) --------------------------------------------- */

#define AT_NULL 0
#define AT_IGNORE 1
#define AT_EXECFD 2
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7 /* load address of the interpreter */
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_NOTELF 10
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_FPUCW 18
#define AT_DCACHEBSIZE 19
#define AT_ICACHEBSIZE 20
#define AT_UCACHEBSIZE 21
#define AT_IGNOREPPC 22
#define AT_SECURE 23 /* set-id or capability-raised start: ignore LD_* search paths */
#define AT_BASE_PLATFORM 24
#define AT_RANDOM 25 /* address of 16 random bytes (stack protector and pointer guard seeds) */
#define AT_HWCAP2 26
#define AT_RSEQ_FEATURE_SIZE 27
#define AT_RSEQ_ALIGN 28
#define AT_HWCAP3 29
#define AT_HWCAP4 30
#define AT_EXECFN 31
#define AT_SYSINFO 32
#define AT_SYSINFO_EHDR 33 /* the vDSO's ELF header */
#define AT_MINSIGSTKSZ 51

/* ---- On-disk record sizes --------------------------------------------------------------- */

#define ELF32_EHDR_SIZE 52
#define ELF64_EHDR_SIZE 64
#define ELF32_PHDR_SIZE 32
#define ELF64_PHDR_SIZE 56
#define ELF32_SHDR_SIZE 40
#define ELF64_SHDR_SIZE 64
#define ELF32_SYM_SIZE 16
#define ELF64_SYM_SIZE 24
#define ELF32_REL_SIZE 8
#define ELF64_REL_SIZE 16
#define ELF32_RELA_SIZE 12
#define ELF64_RELA_SIZE 24
#define ELF32_DYN_SIZE 8
#define ELF64_DYN_SIZE 16
#define ELF32_CHDR_SIZE 12
#define ELF64_CHDR_SIZE 24
#define ELF32_AUXV_SIZE 8
#define ELF64_AUXV_SIZE 16
/* Class-independent records: notes and versioning use 32-bit fields in both classes. */
#define ELF_NHDR_SIZE 12
#define ELF_VERDEF_SIZE 20
#define ELF_VERDAUX_SIZE 8
#define ELF_VERNEED_SIZE 16
#define ELF_VERNAUX_SIZE 16
#define ELF_VERSYM_SIZE 2

/* ---- x86-64 relocations (x86-64 psABI) -------------------------------------------------- */

#define R_X86_64_NONE 0
#define R_X86_64_64 1
#define R_X86_64_PC32 2
#define R_X86_64_GOT32 3
#define R_X86_64_PLT32 4
#define R_X86_64_COPY 5
#define R_X86_64_GLOB_DAT 6
#define R_X86_64_JUMP_SLOT 7
#define R_X86_64_RELATIVE 8
#define R_X86_64_GOTPCREL 9
#define R_X86_64_32 10  /* must zero-extend to the 64-bit value */
#define R_X86_64_32S 11 /* must sign-extend to the 64-bit value */
#define R_X86_64_16 12
#define R_X86_64_PC16 13
#define R_X86_64_8 14
#define R_X86_64_PC8 15
/* General- and local-dynamic, initial- and local-exec TLS. */
#define R_X86_64_DTPMOD64 16
#define R_X86_64_DTPOFF64 17
#define R_X86_64_TPOFF64 18
#define R_X86_64_TLSGD 19
#define R_X86_64_TLSLD 20
#define R_X86_64_DTPOFF32 21
#define R_X86_64_GOTTPOFF 22
#define R_X86_64_TPOFF32 23
/* Medium and large code models. */
#define R_X86_64_PC64 24
#define R_X86_64_GOTOFF64 25
#define R_X86_64_GOTPC32 26
#define R_X86_64_GOT64 27
#define R_X86_64_GOTPCREL64 28
#define R_X86_64_GOTPC64 29
#define R_X86_64_GOTPLT64 30
#define R_X86_64_PLTOFF64 31
#define R_X86_64_SIZE32 32
#define R_X86_64_SIZE64 33
/* TLS descriptors. */
#define R_X86_64_GOTPC32_TLSDESC 34
#define R_X86_64_TLSDESC_CALL 35
#define R_X86_64_TLSDESC 36
#define R_X86_64_IRELATIVE 37
#define R_X86_64_RELATIVE64 38 /* x32 only */
/* 39 and 40 were the retired MPX forms and are no longer defined. */
/* Relaxable GOT loads. A CODE_n form says the instruction starts n bytes before the field, which
 * is how the link-editor finds the opcode of APX encodings (REX2 for 4, EVEX for 6). */
#define R_X86_64_GOTPCRELX 41
#define R_X86_64_REX_GOTPCRELX 42
#define R_X86_64_CODE_4_GOTPCRELX 43
#define R_X86_64_CODE_4_GOTTPOFF 44
#define R_X86_64_CODE_4_GOTPC32_TLSDESC 45
#define R_X86_64_CODE_5_GOTPCRELX 46
#define R_X86_64_CODE_5_GOTTPOFF 47
#define R_X86_64_CODE_5_GOTPC32_TLSDESC 48
#define R_X86_64_CODE_6_GOTPCRELX 49
#define R_X86_64_CODE_6_GOTTPOFF 50
#define R_X86_64_CODE_6_GOTPC32_TLSDESC 51

/* ---- i386 relocations (i386 psABI) ------------------------------------------------------ */

#define R_386_NONE 0
#define R_386_32 1
#define R_386_PC32 2
#define R_386_GOT32 3
#define R_386_PLT32 4
#define R_386_COPY 5
#define R_386_GLOB_DAT 6
#define R_386_JMP_SLOT 7
#define R_386_RELATIVE 8
#define R_386_GOTOFF 9
#define R_386_GOTPC 10
#define R_386_32PLT 11
/* 12 and 13 are unassigned. The TLS forms below without the _32 suffix are the GNU dialect
 * (offsets of opposite sign or absolute GOT addresses); the _32 forms are the Sun dialect. */
#define R_386_TLS_TPOFF 14
#define R_386_TLS_IE 15
#define R_386_TLS_GOTIE 16
#define R_386_TLS_LE 17
#define R_386_TLS_GD 18
#define R_386_TLS_LDM 19
#define R_386_16 20
#define R_386_PC16 21
#define R_386_8 22
#define R_386_PC8 23
#define R_386_TLS_GD_32 24
#define R_386_TLS_GD_PUSH 25
#define R_386_TLS_GD_CALL 26
#define R_386_TLS_GD_POP 27
#define R_386_TLS_LDM_32 28
#define R_386_TLS_LDM_PUSH 29
#define R_386_TLS_LDM_CALL 30
#define R_386_TLS_LDM_POP 31
#define R_386_TLS_LDO_32 32
#define R_386_TLS_IE_32 33
#define R_386_TLS_LE_32 34
#define R_386_TLS_DTPMOD32 35
#define R_386_TLS_DTPOFF32 36
#define R_386_TLS_TPOFF32 37
#define R_386_SIZE32 38
#define R_386_TLS_GOTDESC 39
#define R_386_TLS_DESC_CALL 40
#define R_386_TLS_DESC 41
#define R_386_IRELATIVE 42
#define R_386_GOT32X 43 /* relaxable R_386_GOT32 */

/* ---- SPARC relocations (SPARC psABI; the same numbers in 32-bit, V8+ and V9 objects) ------- */

#define R_SPARC_NONE 0
#define R_SPARC_8 1
#define R_SPARC_16 2
#define R_SPARC_32 3
#define R_SPARC_DISP8 4
#define R_SPARC_DISP16 5
#define R_SPARC_DISP32 6
#define R_SPARC_WDISP30 7 /* call displacement, in words */
#define R_SPARC_WDISP22 8 /* Bicc displacement, in words */
#define R_SPARC_HI22 9    /* sethi: bits 31..10 */
#define R_SPARC_22 10
#define R_SPARC_13 11
#define R_SPARC_LO10 12 /* or/add: bits 9..0 */
#define R_SPARC_GOT10 13
#define R_SPARC_GOT13 14
#define R_SPARC_GOT22 15
#define R_SPARC_PC10 16
#define R_SPARC_PC22 17
#define R_SPARC_WPLT30 18
#define R_SPARC_COPY 19
#define R_SPARC_GLOB_DAT 20
#define R_SPARC_JMP_SLOT 21
#define R_SPARC_RELATIVE 22
#define R_SPARC_UA32 23 /* unaligned 32-bit word */
#define R_SPARC_PLT32 24
#define R_SPARC_HIPLT22 25
#define R_SPARC_LOPLT10 26
#define R_SPARC_PCPLT32 27
#define R_SPARC_PCPLT22 28
#define R_SPARC_PCPLT10 29
#define R_SPARC_10 30
#define R_SPARC_11 31
/* Added for V9 (64-bit addresses and new branch forms). */
#define R_SPARC_64 32
#define R_SPARC_OLO10 33 /* LO10 plus the extra addend in ELF64_R_TYPE_DATA */
#define R_SPARC_HH22 34  /* bits 63..42 */
#define R_SPARC_HM10 35  /* bits 41..32 */
#define R_SPARC_LM22 36  /* bits 31..10 */
#define R_SPARC_PC_HH22 37
#define R_SPARC_PC_HM10 38
#define R_SPARC_PC_LM22 39
#define R_SPARC_WDISP16 40  /* BPr, split 16-bit word displacement */
#define R_SPARC_WDISP19 41  /* BPcc */
#define R_SPARC_GLOB_JMP 42 /* dropped from the V9 ABI; never produced */
#define R_SPARC_7 43
#define R_SPARC_5 44
#define R_SPARC_6 45
#define R_SPARC_DISP64 46
#define R_SPARC_PLT64 47
#define R_SPARC_HIX22 48 /* sethi of the complement, for addresses in the top 4 GiB */
#define R_SPARC_LOX10 49
#define R_SPARC_H44 50      /* 44-bit medium/middle code model: bits 43..22 */
#define R_SPARC_M44 51      /* bits 21..12 */
#define R_SPARC_L44 52      /* bits 11..0 */
#define R_SPARC_REGISTER 53 /* initial value of an application register */
#define R_SPARC_UA64 54
#define R_SPARC_UA16 55
/* Thread-local storage. */
#define R_SPARC_TLS_GD_HI22 56
#define R_SPARC_TLS_GD_LO10 57
#define R_SPARC_TLS_GD_ADD 58
#define R_SPARC_TLS_GD_CALL 59
#define R_SPARC_TLS_LDM_HI22 60
#define R_SPARC_TLS_LDM_LO10 61
#define R_SPARC_TLS_LDM_ADD 62
#define R_SPARC_TLS_LDM_CALL 63
#define R_SPARC_TLS_LDO_HIX22 64
#define R_SPARC_TLS_LDO_LOX10 65
#define R_SPARC_TLS_LDO_ADD 66
#define R_SPARC_TLS_IE_HI22 67
#define R_SPARC_TLS_IE_LO10 68
#define R_SPARC_TLS_IE_LD 69
#define R_SPARC_TLS_IE_LDX 70
#define R_SPARC_TLS_IE_ADD 71
#define R_SPARC_TLS_LE_HIX22 72
#define R_SPARC_TLS_LE_LOX10 73
#define R_SPARC_TLS_DTPMOD32 74
#define R_SPARC_TLS_DTPMOD64 75
#define R_SPARC_TLS_DTPOFF32 76
#define R_SPARC_TLS_DTPOFF64 77
#define R_SPARC_TLS_TPOFF32 78
#define R_SPARC_TLS_TPOFF64 79
/* GOT-data: GOT loads the link-editor may turn into direct address arithmetic. */
#define R_SPARC_GOTDATA_HIX22 80
#define R_SPARC_GOTDATA_LOX10 81
#define R_SPARC_GOTDATA_OP_HIX22 82
#define R_SPARC_GOTDATA_OP_LOX10 83
#define R_SPARC_GOTDATA_OP 84
#define R_SPARC_H34 85 /* 34-bit code model: bits 33..12 */
#define R_SPARC_SIZE32 86
#define R_SPARC_SIZE64 87
#define R_SPARC_WDISP10 88 /* CBcond displacement */
/* GNU extensions at the top of the range. */
#define R_SPARC_JMP_IREL 248
#define R_SPARC_IRELATIVE 249
#define R_SPARC_GNU_VTINHERIT 250
#define R_SPARC_GNU_VTENTRY 251
#define R_SPARC_REV32 252 /* 32-bit word stored in the opposite byte order */

#endif
