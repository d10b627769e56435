/* The target interface (DESIGN.md §4). The core owns policy: which relocations need a GOT slot, a
 * PLT entry, a dynamic relocation or a TLS rewrite, and the value S+A-P etc. A target owns
 * encoding: how a computed value goes into an instruction or data field, the bytes of PLT entries,
 * and the TLS instruction rewrites. Only arch/ knows instruction encodings. */
#ifndef TLD_LD_TARGET_H
#define TLD_LD_TARGET_H

#include <stddef.h>
#include <stdint.h>

/* Generic relocation kinds. Values are computed by the core (ld/reloc.c) in the psABI's terms:
 * S symbol value, A addend, P place, G offset of the symbol's GOT slot from GOT, GOT the address
 * the psABI calls the GOT (x86-64: .got.plt start for GOTPC/GOTOFF; see tg_got_base), L PLT entry,
 * TP thread pointer, DTP start of the module's TLS block. */
enum ld_rkind {
  RK_NONE = 0,      /* R_*_NONE and pure markers: nothing is written */
  RK_ABS,           /* S + A */
  RK_PC,            /* S + A - P */
  RK_PLT_PC,        /* L + A - P (S + A - P when the symbol needs no PLT entry) */
  RK_GOT_PC,        /* GOT + G + A - P: PC-relative address of the symbol's GOT slot */
  RK_GOT_OFF,       /* G + A: offset of the slot from the GOT base (i386 GOT32, SPARC GOT13) */
  RK_GOT_ABS,       /* GOT + G + A: absolute address of the slot */
  RK_GOTREL,        /* S + A - GOT (GOTOFF) */
  RK_GOTPC,         /* GOT + A - P (x86-64 GOTPC32, i386 GOTPC, _GLOBAL_OFFSET_TABLE_ refs) */
  RK_GOTBASE_ABS,   /* GOT + A (rare; i386 R_386_GOTPC-like absolute forms) */
  RK_PLT_GOTREL,    /* L + A - GOT (PLTOFF64) */
  RK_SIZE,          /* Z + A: symbol size */
  RK_TPOFF,         /* S + A - TP: Local Exec offset, negative on variant II */
  RK_TPOFF_NEG,     /* TP - (S + A): i386 TLS_LE_32 / TLS_IE_32 forms */
  RK_DTPOFF,        /* S + A - DTP */
  RK_TLSGD_PC,      /* PC-relative address of the GD slot pair (x86-64 TLSGD) */
  RK_TLSGD_GOT,     /* GD slot pair as offset from GOT base (i386 TLS_GD, SPARC TLS_GD_HI22/LO10) */
  RK_TLSLD_PC,      /* PC-relative address of the module's LD slot (x86-64 TLSLD) */
  RK_TLSLD_GOT,     /* LD slot as offset from GOT base (i386 TLS_LDM, SPARC TLS_LDM_HI22/LO10) */
  RK_TLSIE_PC,      /* PC-relative address of the IE (TPOFF) slot (x86-64 GOTTPOFF) */
  RK_TLSIE_ABS,     /* absolute address of the IE slot (i386 TLS_IE) */
  RK_TLSIE_GOT,     /* IE slot as offset from GOT base (i386 TLS_GOTIE, SPARC TLS_IE_HI22/LO10) */
  RK_TLSIE_GOT_NEG, /* the same for code that subtracts its slot, which would have to hold
                       TP - (S + A) (i386 TLS_IE_32): supported only when relaxed to LE */
  RK_TLSDESC_PC,    /* PC-relative address of the descriptor (x86-64 GOTPC32_TLSDESC) */
  RK_TLSDESC_GOT,   /* descriptor as offset from GOT base (i386 TLS_GOTDESC) */
  RK_TLS_MARK,      /* marks an instruction of a TLS sequence; carries no value (TLSDESC_CALL,
                       SPARC TLS_*_ADD/LD/LDX/CALL when not relaxed need core handling) */
  RK_TLSGD_CALL,    /* SPARC TLS_GD_CALL / TLS_LDM_CALL: call __tls_get_addr (disp30) */
  RK_COPY_ONLY,     /* dynamic-only relocation types (COPY, GLOB_DAT, ...): an error in input */
  RK_UNSUPPORTED,
};

/* Overflow checks applied by the core to (value >> shift) before the target encodes it. */
enum ld_rcheck {
  CK_NONE = 0, /* any value (fields that truncate by definition: lo10, 64-bit words) */
  CK_SIGNED,   /* fits in `bits` as a signed number */
  CK_UNSIGNED, /* fits in `bits` as an unsigned number */
  CK_EITHER,   /* fits signed or unsigned (e.g. R_X86_64_32 must be unsigned, R_386_32 either) */
};

/* One row per relocation type, indexed by r_type. A type missing from the table (name NULL) is
 * an error naming the file and place. `align` (if non-zero) requires value % align == 0. */
typedef struct ld_howto {
  const char *name; /* "R_X86_64_PC32" */
  uint8_t kind;     /* enum ld_rkind */
  uint8_t size;     /* bytes of the field in the section (for bounds checks): 0,1,2,4,8 */
  uint8_t check;    /* enum ld_rcheck */
  uint8_t bits;     /* width for the overflow check */
  uint8_t shift;    /* value is shifted right by this before the check */
  uint8_t align;    /* required alignment of the value, 0 = none */
  uint8_t tls;      /* one of the TLSM_* models below if the type belongs to a TLS sequence */
} ld_howto;

/* TLS access models of a relocation (DESIGN §5). */
enum { TLSM_NONE = 0, TLSM_GD, TLSM_LD, TLSM_IE, TLSM_LE, TLSM_DESC, TLSM_DTPOFF };

/* TLS rewrites a target may be asked for. */
enum ld_tls_rewrite {
  TLSR_GD_TO_IE = 1,
  TLSR_GD_TO_LE,
  TLSR_LD_TO_LE,
  TLSR_IE_TO_LE,
  TLSR_DESC_TO_IE,
  TLSR_DESC_TO_LE
};

/* One input relocation in normalised form. For REL targets the core reads the implicit addend
 * with tg_read_addend before calling anything here. The layout is that of an Elf64_Rela on a
 * little-endian host (r_info's low word is the type, its high word the symbol), so a 64-bit
 * little-endian RELA input is used in place, from the mapped file, without a copy; members of
 * archives are only 2-byte aligned, hence the packing. A second addend carried in the type
 * field (SPARC V9 R_SPARC_OLO10) is kept beside the array (ld_isec.is_rextra). */
typedef struct __attribute__((packed, aligned(1))) ld_rel {
  uint64_t r_offset;
  uint32_t r_type;
  uint32_t r_sym;
  int64_t r_addend;
} ld_rel;

/* Context handed to a TLS rewrite: the section's bytes in the output buffer (already copied from
 * the input), its size, and the relocation array of the section. */
typedef struct ld_tls_ctx {
  uint8_t *buf;       /* start of the section's bytes in the output */
  uint64_t size;      /* section size */
  const ld_rel *rels; /* all relocations of the section, sorted by r_offset */
  size_t nrels;
  size_t i;          /* index of the relocation that starts the sequence */
  uint64_t P;        /* address of rels[i].r_offset in the output */
  int64_t value;     /* LE: TP offset (S + A - TP, as computed by the core, negative);
                        IE: the address of the IE GOT slot (or its GOT-relative offset on
                            targets whose IE form is GOT-relative: see the target's comment) */
  uint64_t got_base; /* the GOT base address as the target's psABI uses it */
  const char *err;   /* out: a message when the rewrite fails */
} ld_tls_ctx;

/* One PLT entry to write (tg_write_plt_entry). */
typedef struct ld_plt_entry {
  uint8_t *pe_plt;     /* the bytes of the whole .plt */
  uint64_t pe_plt0;    /* its address */
  uint64_t pe_gotplt;  /* the address of .got.plt, 0 if the output has none */
  uint32_t pe_index;   /* the entry's number, counted after the header */
  uint32_t pe_count;   /* the number of entries */
  uint64_t pe_off;     /* the entry's offset in .plt (ld_plt_entry_offset, after the header) */
  uint64_t pe_rel_off; /* the offset of its JMP_SLOT relocation in .rela.plt */
  int pe_pic;          /* position-independent output (i386 reaches .got.plt through %ebx) */
  /* In: the entry's .got.plt word, 0 when the target has no .got.plt. Out: the word its JMP_SLOT
   * relocation names, and that relocation's addend (unchanged: the .got.plt word, 0). */
  uint64_t pe_slot;
  int64_t pe_addend;
} ld_plt_entry;

typedef struct ld_target ld_target;

/* A target is a const descriptor; the core calls a hook only through the inline functions at the
 * end of this file when the hook may be NULL, and those supply the default. What the defaults
 * describe is x86: relocation types of 32 bits, the TLS variant II layout, PLT entries of one
 * size that bind through .got.plt words, an output machine and flags that are the target's. */
struct ld_target {
  const char *tg_name;      /* "x64", "x86", "sparc", "sparcv9" */
  const char *tg_emulation; /* GNU emulation name for -m: "elf_x86_64", ... */
  const char *tg_bfd_name;  /* GNU's name of the output format: "elf64-x86-64", ... */
  const char *const *tg_emulation_aliases; /* other spellings drivers use; NULL-terminated */
  uint16_t tg_machine;                     /* EM_* written to the output */
  /* For mapfiles (mf_model_for): the predefined $if name of the instruction set ("_x86",
   * "_sparc"), and whether the built-in lrodata and ldata segments of the large code model
   * exist. */
  const char *tg_mapfile_isa;
  uint8_t tg_large_segs;
  uint8_t tg_is64;       /* ELFCLASS64 */
  uint8_t tg_be;         /* big-endian */
  uint8_t tg_rela;       /* RELA (1) or REL (0) relocations */
  uint64_t tg_page_size; /* max page size: segment alignment */
  /* The page size programs run with (SPARC's 8 KiB pages under a 1 MiB or 64 KiB maximum):
   * PT_GNU_RELRO's granule, -z common-page-size overriding it (ld_common_page_size). A loader
   * protects the range page by page, and rounding it to the maximum would reach past what the
   * segment maps. */
  uint64_t tg_common_page_size;
  uint64_t tg_base;      /* default base address of an executable */
  const char *tg_interp; /* default interpreter for glibc-style links (-I overrides) */

  /* Dynamic relocation numbers (0 where the target has none). */
  uint32_t tg_r_relative, tg_r_glob_dat, tg_r_jump_slot, tg_r_copy, tg_r_irelative;
  uint32_t tg_r_abs; /* word-sized absolute: R_X86_64_64, R_386_32, R_SPARC_32/64 */
  uint32_t tg_r_dtpmod, tg_r_dtpoff, tg_r_tpoff, tg_r_tlsdesc;

  const ld_howto *tg_howto; /* indexed by r_type */
  uint32_t tg_nhowto;

  /* Does `mach` (an input's e_machine) belong to this target? (EM_SPARC32PLUS for sparc.) */
  int (*tg_accepts)(uint16_t mach);
  /* The output's e_machine and e_flags, starting from tg_machine and 0, folded over every input
   * object's (ld_output_ident). NULL: tg_machine and 0. */
  void (*tg_output_ident)(uint16_t in_machine, uint32_t in_flags, uint16_t *machine,
                          uint32_t *flags);

  /* REL targets: the implicit addend stored at `loc` for type `type`. */
  int64_t (*tg_read_addend)(const uint8_t *loc, uint32_t type);
  /* ELF64 r_info whose type field carries more than the type (SPARC V9: a second addend in its
   * upper 24 bits, for R_SPARC_OLO10): set *type and *extra, and return whether this type takes
   * a second addend. NULL: the type is all 32 bits, and no type takes one. */
  int (*tg_decode_info)(uint64_t info, uint32_t *type, int32_t *extra);
  /* The value written for a type that takes a second addend, from the value the core computed
   * (S + A) and that addend; the core checks the result against the row. Needed when
   * tg_decode_info can return 1. */
  uint64_t (*tg_extra_value)(uint32_t type, uint64_t value, int32_t extra);

  /* Encode `val` (already checked by the core) into the field at `loc`. */
  void (*tg_apply)(uint8_t *loc, uint32_t type, uint64_t val);

  /* TLS rewrite `how` of the sequence starting at ctx->rels[ctx->i]. Checks the bytes it
   * expects, rewrites them, and returns how many relocations (>= 1, counting rels[i]) it
   * consumed; the core skips those. Returns -1 with ctx->err set on unexpected bytes.
   * NULL if the target has no TLS relaxation yet. */
  int (*tg_tls_rewrite)(ld_tls_ctx *ctx, int how);
  /* The thread pointer's address, from the executable's TLS block (tls_start, its memory size and
   * alignment). NULL: variant II, the block ends at the thread pointer:
   * tls_start + round_up(memsz, align). A variant I target puts the block after the TCB. */
  uint64_t (*tg_tls_tp)(uint64_t tls_start, uint64_t memsz, uint64_t align);
  /* In a shared object, a General Dynamic or descriptor sequence whose variable some other
   * sequence reaches with Initial Exec becomes Initial Exec too (the IE slot and the static-TLS
   * flag are there anyway; the GD pair or descriptor and their dynamic relocations go), as GNU
   * ld does on this target. Needs tg_tls_rewrite's TLSR_GD_TO_IE and TLSR_DESC_TO_IE to work
   * in position-independent code. 0: sequences stay as written. */
  uint8_t tg_tls_ie_wins;

  /* GOT-load relaxation (x86-64 GOTPCRELX/REX_GOTPCRELX, i386 GOT32X): rewrite the load at
   * `loc` (the field; instruction bytes precede it, back to `buf_start` at most) into an address
   * computation when the symbol is local to the output. Returns the generic kind whose value the
   * core then writes into the same field: RK_PC (S + A - P), RK_GOTREL (S + A - GOT), or RK_ABS
   * (S, the absolute address, whatever the field's addend); 0 keeps the GOT load, which is always
   * correct. `to_abs` allows the absolute form (non-PIC output, 0 <= S < 2^31). */
  int (*tg_relax_got)(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs);
  /* A GOT relocation's addend belongs to the symbol (the entry for S + A, SPARC's
   * %gdop(.Ldata+8)) rather than to the slot's address (x86's foo@GOTPCREL - 4). One slot per
   * symbol cannot hold S + A, so such a reference to a local symbol is always relaxed (as GNU ld
   * does even with --no-relax), and one that cannot be is an error. */
  uint8_t tg_got_addend_in_entry;
  /* Does the GOT-offset field at `loc` (instruction bytes before it, back to `buf_start`) address
   * its slot absolutely, with no GOT base register (i386 `movl x@GOT, %r`)? Asked by the scan of
   * the input's bytes. NULL: never. */
  int (*tg_got_field_absolute)(const uint8_t *buf_start, const uint8_t *loc);

  /* The GOT. Words reserved at _GLOBAL_OFFSET_TABLE_ in dynamic outputs, the first holding
   * _DYNAMIC's link-time address (SPARC: 1; x86 keeps them in .got.plt instead: 0). */
  uint8_t tg_got_reserved;
  /* Words reserved at the start of .got.plt (x86: 3: _DYNAMIC, the link map, the resolver). A
   * target with a .got.plt gives each PLT entry a word there, first pointing tg_plt_lazy_offset
   * bytes into the entry (after its indirect jump); 0: no .got.plt, the PLT entries themselves
   * are what their JMP_SLOT relocations name (SPARC: the dynamic linker rewrites them). */
  uint32_t tg_gotplt_reserved;
  uint8_t tg_plt_lazy_offset;

  /* The PLT. The header (tg_plt_header_size bytes, 0 for none) is written by
   * tg_write_plt_header (NULL: left zero, for the dynamic linker to fill); the entries follow,
   * tg_plt_entry_size bytes apart unless tg_plt_entry_offset (NULL: i * tg_plt_entry_size)
   * places entry i elsewhere (SPARC V9's far entries, past 32768); then tg_plt_tail_size bytes
   * written by tg_write_plt_tail. The section is tg_plt_align aligned, with tg_plt_flags added to
   * SHF_ALLOC | SHF_EXECINSTR (SPARC: SHF_WRITE, the PLT is patched at run time); its size is
   * header + n * tg_plt_entry_size + tail whatever the offsets. */
  uint32_t tg_plt_header_size, tg_plt_entry_size, tg_plt_tail_size;
  uint32_t tg_plt_align, tg_plt_flags;
  uint64_t (*tg_plt_entry_offset)(uint32_t i);
  void (*tg_write_plt_header)(uint8_t *buf, uint64_t plt0, uint64_t gotplt, int pic);
  void (*tg_write_plt_entry)(ld_plt_entry *e);
  void (*tg_write_plt_tail)(uint8_t *buf);
  /* PLT entry for an IFUNC resolved at start-up: jump through `got_slot` (no lazy binding). */
  uint32_t tg_iplt_entry_size;
  uint8_t tg_iplt_pic_unsupported; /* the IFUNC entry has only an absolute form */
  void (*tg_write_iplt_entry)(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                              int pic);

  /* Indirect branch tracking (x86 -z ibtplt, or every input marked IBT): lazy entries in .plt
   * start with endbr and push and jump to PLT0 (the slot first points at the entry itself);
   * callers reach the function through .plt.sec, whose entries (tg_plt_entry_size bytes) start
   * with endbr and jump through the slot. IFUNC entries start with endbr too. NULL where the
   * target has no such form. */
  void (*tg_write_ibt_plt_entry)(uint8_t *buf, uint64_t entry_addr, uint64_t plt0, uint32_t index,
                                 uint64_t rel_off);
  void (*tg_write_plt_sec_entry)(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot,
                                 uint64_t gotplt, int pic);
  void (*tg_write_ibt_iplt_entry)(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot,
                                  uint64_t gotplt, int pic);

  /* The inputs' GNU properties (.note.gnu.property, the generic and x86 ranges) are merged into
   * the output's (ld_merge_properties). */
  uint8_t tg_gnu_properties;
  /* GNU file attributes (.gnu.attributes, tags below 64) whose values are bit masks merged as
   * the union of the inputs' (SPARC's hardware capabilities); a bit per tag, 0: none. */
  uint64_t tg_attr_union_tags;
  /* -z pack-relative-relocs is supported: the psABI's loaders read DT_RELR. */
  uint8_t tg_relr;
};

/* The descriptors (arch/<t>/target.c), and every target tld links for in the order an input's
 * e_machine is matched, NULL-terminated (ld/target.c). */
extern const ld_target ld_target_x64, ld_target_x86, ld_target_sparc, ld_target_sparcv9;
extern const ld_target *const ld_targets[];
/* The target of a GNU emulation name (-m), a target name (-z target=) or another spelling of one;
 * NULL if none. */
const ld_target *ld_target_named(const char *name);
/* The names of every target, joined by `sep`: tg_name, tg_emulation or tg_bfd_name. */
enum { TN_NAME, TN_EMULATION, TN_BFD };
const char *ld_target_names(int kind, const char *sep);
/* The target an input of this machine and class belongs to; NULL if none. */
const ld_target *ld_target_of(uint16_t machine, int is64);

/* ---- hooks with their defaults ---- */

/* Offset of PLT entry i (counted after the header) from the end of the header. */
static inline uint64_t ld_plt_entry_offset(const ld_target *tg, uint32_t i) {
  return tg->tg_plt_entry_offset ? tg->tg_plt_entry_offset(i) : (uint64_t)i * tg->tg_plt_entry_size;
}

static inline uint64_t ld_tls_tp(const ld_target *tg, uint64_t start, uint64_t memsz,
                                 uint64_t align) {
  if (tg->tg_tls_tp) return tg->tg_tls_tp(start, memsz, align);
  return start + (align > 1 ? (memsz + align - 1) & ~(align - 1) : memsz);
}

#endif
