/* Core data structures of the link-editor. Input structures are normalised to one wide form when
 * read (ELF32 and ELF64 differ only in ld/object.c and ld/write.c). Names are views into the
 * input mappings; nothing of an input is copied except into the output. */
#ifndef TLD_LD_LD_H
#define TLD_LD_LD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../common/elf/bytes.h"
#include "../common/elf/elf.h"
#include "diag.h"
#include "target.h"

typedef struct ld_obj ld_obj;
typedef struct ld_isec ld_isec;
typedef struct ld_osec ld_osec;
typedef struct ld_sym ld_sym;
typedef struct ld_seg ld_seg;
typedef struct ld_msec ld_msec;

/* ---- small containers ---------------------------------------------------------------- */

typedef struct ld_vec {
  void **v;
  uint32_t n, cap;
} ld_vec;
void ld_vec_push(ld_vec *vec, void *p);
void ld_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
/* One ELF symbol entry of the output's class and byte order (ld/outsyms.c). */
void ld_put_sym(uint8_t *p, uint32_t name, uint64_t value, uint64_t size, uint8_t info,
                uint8_t other, uint16_t shndx);
/* A section header of an input, normalised (ld/object.c); `i` must be below the header count. */
typedef struct ld_shdr {
  uint32_t name, type, link, info;
  uint64_t flags, addr, offset, size, align, entsize;
} ld_shdr;
void ld_read_shdr(const ld_obj *o, uint32_t i, ld_shdr *h);
void *ld_xmalloc(size_t n);
void *ld_xcalloc(size_t n, size_t sz);
void *ld_xrealloc(void *p, size_t n);
/* Zeroed memory from the calling thread's arena: never freed, never passed to free(). */
void *ld_zalloc(size_t n, size_t sz);
size_t ld_arena_used(void); /* bytes handed out so far (--stats) */
void ld_stat_memory(void);
void *ld_scratch(size_t n); /* the calling thread's reusable buffer, at least n bytes */
char *ld_xstrdup(const char *s);
char *ld_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline uint64_t ld_align(uint64_t v, uint64_t a) {
  return a > 1 ? (v + a - 1) & ~(a - 1) : v;
}

/* ---- symbols ------------------------------------------------------------------------- */

/* Where a symbol's definition comes from, in rank order for resolution. */
enum ld_symdef {
  SD_UNDEF = 0, /* referenced, not (yet) defined */
  SD_LAZY,      /* defined by an archive member not yet extracted */
  SD_SHARED,    /* defined by a shared object */
  SD_COMMON,    /* tentative definition */
  SD_REGULAR,   /* defined in a relocatable object (section or absolute) */
  SD_SYNTH,     /* defined by the link-editor (_end, __bss_start, ...) */
};

/* Per-symbol needs found by the relocation scan. */
enum {
  SN_GOT = 1 << 0,       /* a GOT slot holding the address */
  SN_PLT = 1 << 1,       /* a PLT entry */
  SN_TLSGD = 1 << 2,     /* a GD slot pair */
  SN_TLSIE = 1 << 3,     /* an IE (TP offset) slot */
  SN_TLSDESC = 1 << 4,   /* a TLS descriptor */
  SN_COPY = 1 << 5,      /* a copy relocation */
  SN_CANON_PLT = 1 << 6, /* address taken in a non-PIC output: the PLT entry is canonical */
  SN_DYNSYM = 1 << 7,    /* in .dynsym */
};

/* A symbol's slots in the synthetic sections, for the few symbols that have any (allocated by
 * ld_slots_w in the serial passes that hand slots out; ld_slots gives "none" otherwise). */
typedef struct ld_symslots {
  int32_t got;        /* index of the GOT slot, -1 if none */
  int32_t gd;         /* index of the first GD slot */
  int32_t ie;         /* index of the IE slot */
  int32_t desc;       /* index of the first descriptor slot */
  int32_t plt;        /* PLT entry index (in .plt or .iplt), -1 if none */
  int32_t gotplt;     /* .got.plt slot index (PLT), -1 if none */
  int32_t igot;       /* IFUNC: the .got slot the PLT entry jumps through, -1 if none */
  int32_t dynidx;     /* index in .dynsym, 0 if none */
  uint64_t copy_addr; /* SN_COPY: where the copy lives */
} ld_symslots;

struct ld_sym {
  const char *s_name;
  ld_obj *s_file;       /* defining (or lazy/shared) file; for SD_UNDEF the first referencer */
  ld_isec *s_sec;       /* defining section; NULL for absolute, common, undefined, shared */
  ld_symslots *s_slots; /* NULL until a slot is given (see ld_slots) */
  uint64_t s_value;     /* input: st_value; after layout: final address (see s_final) */
  uint64_t s_size;
  uint32_t s_namelen;
  uint32_t s_esym;       /* index in s_file's symbol table */
  uint32_t s_needs;      /* SN_* (atomic updates during a parallel scan) */
  uint32_t s_symidx;     /* index in the output .symtab, 0 if none (set by ld/outsyms.c and
                            ld/relocatable.c; read by the relocations they emit) */
  uint8_t s_def;         /* enum ld_symdef */
  uint8_t s_type;        /* STT_* */
  uint8_t s_bind;        /* STB_* (the strongest seen) */
  uint8_t s_vis;         /* STV_* (the most constraining seen) */
  uint8_t s_local;       /* an STB_LOCAL entry of one object (not in the global table) */
  uint8_t s_referenced;  /* referenced from a regular object */
  uint8_t s_weakref;     /* every reference was weak (undefined weak stays 0) */
  uint8_t s_final;       /* s_value is the final address */
  uint8_t s_alias_abs;   /* defined as SHN_ABS */
  uint8_t s_export;      /* goes to .dynsym */
  uint8_t s_used_in_reg; /* a regular object references it (vs only a shared one) */
  uint8_t s_shlib_ref;   /* a shared input references it: export a regular definition */
  uint8_t s_mark;        /* scratch flag of one pass (the output symbol table) */
  uint8_t s_eliminate;   /* mapfile ELIMINATE scope: not in .symtab either */
  uint8_t s_extern;      /* mapfile EXTERN/PARENT: defined elsewhere, no undefined error */
  uint8_t s_dynlist;     /* named by --dynamic-list / --export-dynamic-symbol */
  uint8_t s_dbflags;     /* SDB_*: direct-binding attributes (ld/syminfo.c) */
};

/* Direct-binding attributes of a symbol: from a mapfile's FLAGS (DIRECT, NODIRECT, INTERPOSE,
 * EXTERN, PARENT), from -B nodirect, and from a dependency's .SUNW_syminfo refusing direct
 * binding to its definition. */
enum {
  SDB_DIRECT = 1 << 0,    /* bind directly (mapfile DIRECT) */
  SDB_NODIRECT = 1 << 1,  /* never bind directly (mapfile NODIRECT, -B nodirect) */
  SDB_INTERPOSE = 1 << 2, /* an individual interposer (mapfile INTERPOSE, executables) */
  SDB_EXTERN = 1 << 3,    /* mapfile EXTERN: defined outside, no particular object */
  SDB_PARENT = 1 << 4,    /* mapfile PARENT: defined by the parent object */
};

/* A symbol of the global table: what only such a symbol has follows the common part, so that
 * the many local symbols (ld_obj.o_locals) do without it. */
typedef struct ld_gsym {
  ld_sym g_sym;
  void *s_lazy_ar;       /* SD_LAZY: the struct ld_loaded_archive it comes from */
  const char *s_vername; /* SD_SHARED: version name of the definition (for .gnu.version_r) */
  /* Versioned definition from an object (.symver): "foo@@V" (default: the symbol is interned
   * as "foo") or "foo@V" (hidden: interned under the full name, output as "foo"). */
  const char *s_verdef;    /* the version name V, or NULL */
  uint32_t s_hash;         /* hash of the name in the global table */
  uint32_t s_lazy_member;  /* SD_LAZY: member index in the archive */
  uint32_t s_basenamelen;  /* length of "foo" when s_verdef is set */
  uint16_t s_shndx_in_lib; /* SD_SHARED: section index in the library (copy relocations) */
  uint16_t s_verneed;      /* version index given in .gnu.version (0: none) */
  uint16_t s_verdef_idx;   /* its index in .gnu.version_d */
  uint8_t s_verdef_hidden;
} ld_gsym;

/* The global part of a symbol: ld_g for one known to be global (to write), ld_gc for any (a
 * local one reads as all zero). */
extern const ld_gsym ld_nogsym;
static inline ld_gsym *ld_g(ld_sym *s) { return (ld_gsym *)s; }
static inline const ld_gsym *ld_gc(const ld_sym *s) {
  return s->s_local ? &ld_nogsym : (const ld_gsym *)s;
}

extern const ld_symslots ld_noslots;
static inline const ld_symslots *ld_slots(const ld_sym *s) {
  return s->s_slots ? s->s_slots : &ld_noslots;
}
/* The symbol's slots, made on first use: only from a serial pass. */
ld_symslots *ld_slots_w(ld_sym *s);

/* ---- input files --------------------------------------------------------------------- */

typedef struct ld_archive ld_archive;

enum ld_filekind { FK_OBJ = 1, FK_SHARED };

struct ld_obj {
  const char *o_name; /* for messages: "a.o" or "libc.a(printf.o)" */
  const uint8_t *o_data;
  uint64_t o_size;
  uint32_t o_id;  /* position in link order: ties are broken by it */
  uint8_t o_kind; /* FK_* */
  uint8_t o_is64, o_be;
  uint8_t o_as_needed;
  uint8_t o_needed; /* shared: referenced, keep DT_NEEDED */
  uint16_t o_machine;
  const char *o_soname; /* shared: DT_SONAME or the file name */

  uint32_t o_nsec;
  ld_isec **o_secs;       /* indexed by section header index; NULL for non-content sections */
  const uint8_t *o_shdrs; /* section header table */
  const char *o_shstrtab;
  uint64_t o_shstrsz;

  uint32_t o_nsym;
  uint32_t o_first_global;
  const uint8_t *o_symtab; /* symbol entries */
  const char *o_strtab;
  uint64_t o_strsz;
  const uint8_t *o_shndx; /* SHT_SYMTAB_SHNDX data or NULL */
  ld_sym *o_locals;       /* o_first_global entries */
  ld_sym **o_syms;        /* o_nsym entries: local entries point into o_locals */
  uint8_t *o_dropped;     /* per section: a member of a COMDAT group lost at parsing; or NULL */
  uint8_t o_gnu_attrs;    /* it has an SHT_GNU_ATTRIBUTES section */
  uint8_t o_local_needs;  /* the scan gave one of o_locals a need (GOT entry, TLS slot) */
  uint8_t o_exec_stack;   /* 1: .note.GNU-stack marks the stack executable; 2: no such note */
  /* .note.gnu.property: its 4-byte properties (pr_type, value), merged across inputs by the
   * rules of their ranges (ld/synth.c); o_has_gnu_property says the note was there. */
  uint32_t (*o_props)[2];
  uint32_t o_nprops;
  uint8_t o_has_gnu_property;
  uint8_t o_lto;        /* carries LTO intermediate language (.gnu.lto_* or .llvm.lto sections) */
  uint8_t o_ir;         /* claimed by a linker plugin: symbols only, no sections (ld/plugin.h) */
  uint8_t o_compressed; /* has SHF_COMPRESSED or .zdebug sections (ld/compress.c) */
  /* COMDAT groups found by parsing, claimed in link order by ld_object_symbols */
  struct ld_group {
    const char *g_sig;
    const uint8_t *g_members; /* section indices, 4 bytes each in the file's byte order */
    uint32_t g_n;
    uint32_t g_len, g_hash; /* the signature's length and table hash (ld_comdat_hash) */
  } * o_groups;
  uint32_t o_ngroups;
  /* Global symbols' table keys, computed while parsing (NULL until then): the name to intern
   * and its length (foo@@V interns as foo), or length UINT32_MAX for an entry not interned; the
   * length's top bit says the name holds a version (ld/object.c's GLEN_VERSIONED). */
  const char **o_gname;
  uint32_t *o_glen, *o_ghash;
  /* shared objects */
  const char **o_vernames; /* version index -> name (from .gnu.version_d) */
  const uint8_t *o_versym; /* .gnu.version, one 16-bit entry per .dynsym entry */
  uint32_t o_nver;
  uint32_t o_dt_needed_idx; /* its DT_NEEDED string offset in .dynstr */
  uint32_t
      o_dt_index; /* index of its DT_NEEDED entry in .dynamic, UINT32_MAX if none (ld/syminfo.c) */
  uint8_t o_dep;  /* DEP_*: positional dependency attributes */
  const char **o_deps; /* its own DT_NEEDED names (o_ndeps of them) */
  uint32_t o_ndeps;
  uint8_t o_deps_done; /* ld_shared_needs has looked at its references */
  /* .gnu.warning.SYM sections (SYM "" for a plain .gnu.warning): the messages a reference to
   * SYM (or linking the object) gives. */
  struct ld_warning {
    const char *w_sym, *w_msg;
    uint32_t w_len;
  } * o_warnings;
  uint32_t o_nwarnings;
};

/* Positional attributes of a shared-object input: -z lazyload / -z nolazyload and -z direct /
 * -z nodirect in effect where it was named (and -B direct's default of lazy loading), and
 * whether such an option came before it (for -z guidance). */
enum {
  DEP_LAZY = 1 << 0,         /* DT_POSFLAG_1 DF_P1_LAZYLOAD before its DT_NEEDED */
  DEP_DIRECT = 1 << 1,       /* -z direct: references bound to it bind directly */
  DEP_NODIRECT = 1 << 2,     /* -z nodirect: they do not, even under -B direct */
  DEP_LAZY_GIVEN = 1 << 3,   /* -z lazyload, -z nolazyload or -B direct came before it */
  DEP_DIRECT_GIVEN = 1 << 4, /* -z direct, -z nodirect, -B direct or -B nodirect did */
};

/* ---- sections ------------------------------------------------------------------------ */

/* A record of a split .eh_frame section (CIE or FDE). */
typedef struct ld_ehrec {
  uint32_t er_off, er_size; /* in the input section */
  uint32_t er_out;          /* offset in the output section (after layout) */
  /* FDE: index of its CIE record in the same section; -1 for a CIE; a CIE written once for
   * several sections: -2 - its index among those kept. */
  int32_t er_cie;
  uint8_t er_live;
  uint8_t er_pad; /* zero bytes added at its end: the alignment gap to the next section */
} ld_ehrec;

struct ld_isec {
  ld_obj *is_file;
  const char *is_name;
  uint32_t is_idx; /* section header index in is_file */
  uint32_t is_type;
  uint64_t is_flags;
  uint64_t is_size;   /* size in the output (eh_frame: after dropping dead FDEs) */
  uint64_t is_insize; /* size in the input */
  uint64_t is_align;
  uint64_t is_entsize;
  const uint8_t *is_data; /* NULL for SHT_NOBITS */
  uint32_t is_relsec;     /* index of the SHT_REL(A) section that applies to it, 0 if none */
  ld_osec *is_out;
  uint64_t is_off; /* offset in is_out */
  uint8_t is_live; /* kept (comdat winner, not garbage-collected) */
  uint8_t is_gc_mark;
  uint8_t is_tls_dyn;    /* the scan kept a General Dynamic or descriptor sequence here */
  const ld_rel *is_rels; /* normalised relocations (read at scan), sorted by offset; may
                            point into the mapped input (see ld_rel) */
  int32_t *is_rextra;    /* per relocation: its second addend (R_SPARC_OLO10's, see
                            tg_decode_info); NULL when no type of the section takes one */
  uint32_t is_nrels;
  /* Per relocation of an allocated section: what the scan decided (enum ld_rexpr, ld/reloc.h);
   * NULL until the scan. */
  uint8_t *is_rexpr;
  ld_ehrec *is_eh; /* .eh_frame records */
  uint32_t is_neh;
  uint32_t is_prio;     /* .init_array.N sort key */
  uint32_t is_mf_order; /* mapfile IS_ORDER position (0: none) */
  /* Dynamic relocations this section's relocations produce (counted by the scan; their slots in
   * .rela.dyn are given by the bases, RELATIVE ones first, so writing can run in parallel). */
  uint32_t is_nrelative, is_ndynrel;
  uint32_t is_relative_base, is_dynrel_base;
  ld_msec *is_merge; /* SHF_MERGE split into pieces (ld/merge.c); NULL otherwise */
  uint32_t *is_relr; /* offsets of its relative relocations that go to .relr.dyn (ld/relr.c) */
  uint32_t is_nrelr;
};

extern ld_isec ld_discarded_isec; /* see ld/object.c */

/* Synthetic section kinds: their contents are produced by ld/synth.c. */
enum ld_synth {
  SY_NONE = 0,
  SY_INTERP,
  SY_GOT,
  SY_GOTPLT,
  SY_PLT,
  SY_IPLT,
  SY_RELA_DYN,
  SY_RELA_PLT,
  SY_RELA_IPLT,
  SY_DYNAMIC,
  SY_DYNSYM,
  SY_DYNSTR,
  SY_HASH,
  SY_GNU_HASH,
  SY_EH_FRAME_HDR,
  SY_BUILD_ID,
  SY_SYMTAB,
  SY_STRTAB,
  SY_SHSTRTAB,
  SY_COMMON_BSS,
  SY_COPY_BSS,
  SY_GNU_PROPERTY,
  SY_VERSYM,
  SY_VERNEED,
  SY_VERDEF,
  SY_SYMINFO,
  SY_RELR,
  SY_PACKAGE_NOTE, /* --package-metadata: contents in os_buf */
  SY_PLT_SEC,      /* x86 IBT: the entries callers reach (ctx->ibt_plt) */
};

struct ld_osec {
  const char *os_name;
  uint32_t os_type;
  uint64_t os_flags;
  uint64_t os_align;
  uint64_t os_size;
  uint64_t os_addr;
  uint64_t os_offset;
  uint64_t os_entsize;
  uint32_t os_link, os_info; /* resolved at layout for synthetic sections */
  uint32_t os_shndx;         /* index in the output section header table (0: not emitted) */
  uint32_t os_rank;          /* placement order */
  uint8_t os_synth;          /* enum ld_synth */
  uint8_t os_relro;
  ld_vec os_isecs;      /* ld_isec* in placement order */
  uint8_t *os_buf;      /* synthetic contents built before writing (may be NULL) */
  uint32_t os_seq;      /* creation order, for determinism */
  uint32_t os_seg;      /* index of its PT_LOAD, -1 none */
  uint8_t os_has_fixed; /* -Ttext/--section-start gave its address (os_fixed_addr) */
  uint64_t os_fixed_addr;
  int32_t os_pseg; /* planned segment when a mapfile assigned one; -1 otherwise */
};

/* A planned segment (the layout's unit): by default the classes of ld/layout.c; a mapfile
 * replaces the plan with its own segments. */
typedef struct ld_pseg {
  const char *ps_name;
  uint32_t ps_type;     /* PT_LOAD, PT_NOTE or PT_NULL */
  uint32_t ps_flags;    /* PF_* */
  uint64_t ps_vaddr;    /* when ps_vaddr_set */
  uint64_t ps_align;    /* 0: the page size */
  uint64_t ps_round;    /* 0: none; the segment's size is rounded up to it */
  uint64_t ps_max_size; /* 0: none */
  uint8_t ps_vaddr_set;
  uint8_t ps_relro;     /* covered by PT_GNU_RELRO */
  uint8_t ps_nohdr;     /* the headers are not in this segment even if it is first */
  ld_vec ps_size_syms;  /* const char*: absolute symbols set to the segment's memory size */
  const char *ps_where; /* "map.file: 12" for messages, NULL for built-in segments */
  /* layout results */
  uint64_t ps_start, ps_end;
  uint8_t ps_present;
} ld_pseg;

struct ld_seg {
  uint32_t sg_type, sg_flags;
  uint64_t sg_offset, sg_vaddr, sg_filesz, sg_memsz, sg_align;
  uint64_t sg_paddr; /* p_paddr when sg_has_paddr (a linker script's LMA), else p_vaddr */
  uint8_t sg_has_paddr;
};

/* ---- options ------------------------------------------------------------------------- */

enum ld_outkind { OUT_EXEC = 0, OUT_PIE, OUT_SHARED, OUT_RELOC };

typedef struct ld_input_arg {
  const char *ia_name; /* path or library name */
  uint8_t ia_lib;      /* -lname */
  uint8_t ia_whole;    /* --whole-archive in effect */
  uint8_t ia_static;   /* -Bstatic in effect */
  uint8_t ia_as_needed;
  int16_t ia_group; /* group nesting: >0 inside --start-group */
  uint8_t ia_group_start, ia_group_end;
  uint8_t ia_dep;    /* DEP_*: what a shared object named here gets */
  uint8_t ia_script; /* given with -T: looked for in the -L directories too */
} ld_input_arg;

/* -plugin FILE and the -plugin-opt options that follow it. */
typedef struct ld_plugin_arg {
  const char *pa_path;
  ld_vec pa_opts; /* const char* */
} ld_plugin_arg;

typedef struct ld_defsym {
  const char *name;
  const char *expr; /* symbol name or number */
} ld_defsym;

typedef struct ld_options {
  int gnu_flavour; /* invoked as ld or -z gnu */
  const char *output;
  int output_defaulted;    /* no -o: a linker script's OUTPUT() may name the output */
  const ld_target *target; /* from -m, else from the first input */
  int outkind;
  int is_static; /* no dynamic sections needed (static exec / static-pie is PIE) */
  int no_dynamic_linker;
  const char *entry;
  const char *interp;
  const char *soname;
  ld_vec inputs;  /* ld_input_arg* */
  ld_vec libdirs; /* const char* */
  const char *sysroot;
  ld_vec undefs;  /* -u */
  ld_vec defsyms; /* ld_defsym* */
  ld_vec rpaths;
  int strip_all, strip_debug;
  int gc_sections, print_gc;
  int eh_frame_hdr;
  int build_id; /* 0 none, 1 sha1-like (our 160-bit hash), 2 md5-like 128, 3 uuid, 4 hex */
  const char *build_id_hex;
  int relax;     /* GOT relaxation */
  int tls_relax; /* 1, 0 (-z notlsrelax), 2 (--no-relax: 0 unless a static link needs it) */
  int stats;
  int threads;
  int z_now, z_relro, z_execstack, z_noexecstack, z_text, z_defs, z_origin, z_nodelete;
  int z_separate_code, z_initfirst, z_interpose;
  int export_dynamic;
  int hash_style; /* 1 sysv, 2 gnu, 3 both */
  int new_dtags;
  int allow_undefined; /* shared default: undefined allowed */
  int bsymbolic;
  int eh_frame_hdr_given;
  int emit_relocs;
  int warn_common;
  int allow_multiple_def;
  uint64_t image_base;
  int image_base_given;
  uint64_t page_size;
  ld_vec mapfiles;
  ld_vec dynamic_lists;     /* --dynamic-list files */
  ld_vec export_syms;       /* --export-dynamic-symbol names */
  ld_vec version_scripts;   /* --version-script files, in order (const char*) */
  int mapfile_dump;         /* -z mapfile-dump: print the mapfile model and exit */
  struct mf_model *mapfile; /* the -M / --version-script model (mapfile/mapfile.h), or NULL */
  int verbose; /* --verbose[=N]: 2 also reports the resolution of every plugin symbol */
  int trace;
  ld_vec plugins; /* ld_plugin_arg*: link-time optimisation plugins, in order */
  /* Link maps and tracing (ld/map.c). */
  const char *map_file; /* -Map=FILE ("-" is standard output) */
  int print_map;        /* 1: GNU map to standard output (--print-map, GNU -M); 2: Solaris -m */
  int cref;
  ld_vec trace_syms;       /* -y SYM: const char* */
  const char *why_extract; /* --why-extract=FILE ("-" is standard output) */
  int print_icf;
  /* Symbols and sections. */
  ld_vec wraps;          /* --wrap=SYM: const char* */
  ld_vec section_starts; /* ld_section_start*: -Ttext, -Tdata, -Tbss, --section-start */
  ld_vec exclude_libs;   /* --exclude-libs: archive file names (const char*) */
  int exclude_libs_all;
  int unresolved;      /* UNRES_*: --unresolved-symbols */
  uint64_t stack_size; /* -z stack-size=N (0: none given) */
  int z_ibt, z_shstk;
  int z_dyn_undef_weak; /* -1 default, 0 nodynamic-undefined-weak, 1 dynamic-undefined-weak */
  int keep_text_prefix; /* -z keep-text-section-prefix */
  int sort_section;     /* 0 none, 1 name, 2 alignment */
  int sort_common;
  int icf; /* 0 none, 1 safe, 2 all */
  /* Direct bindings and lazy loading (ld/syminfo.c), -z guidance (ld/guidance.c). */
  int b_direct, b_nodirect; /* -B direct, -B nodirect */
  uint32_t guidance;        /* GUIDE_*: 0 without -z guidance */
  int z_defs_given;         /* -z defs, -z nodefs or --no-undefined was given */
  int z_textwarn;           /* -z textwarn */

  /* Output size: merged strings, compressed debug sections, packed relative relocations. */
  int tail_merge;     /* merged strings share the bytes of strings they are the suffix of */
  int optimize;       /* -O LEVEL */
  int compress_debug; /* --compress-debug-sections: 0 none, ELFCOMPRESS_ZLIB, ELFCOMPRESS_ZSTD */
  int pack_relr;      /* -z pack-relative-relocs */

  /* GNU options that real builds pass (see tld(1), "Options of GNU ld"). */
  const char *init_sym, *fini_sym; /* -init, -fini: DT_INIT, DT_FINI (NULL: _init, _fini) */
  ld_vec require_defined;          /* --require-defined: const char*, roots that must be defined */
  ld_vec export_sym_lists;         /* --export-dynamic-symbol-list files */
  int dynamic_list_data;           /* --dynamic-list-data */
  int dynamic_list_cpp_new, dynamic_list_cpp_typeinfo;
  int discard;                  /* DISCARD_*: which local symbols .symtab drops */
  int orphan;                   /* ORPHAN_*: --orphan-handling */
  int undefined_version;        /* --undefined-version (1, default) or --no-undefined-version */
  int warn_rwx;                 /* --[no-]warn-rwx-segments (default on) */
  int warn_execstack;           /* --[no-]warn-execstack (default: on for objects asking) */
  const char *package_metadata; /* --package-metadata: JSON for .note.package */
  int allow_shlib_undefined;    /* -1 default: errors for executables only */
  int z_nodefaultlib;           /* DF_1_NODEFLIB */
  uint32_t isa_needed;          /* -z x86-64-vN: GNU_PROPERTY_X86_ISA_1_NEEDED bits */
  int z_ibtplt;                 /* PLT entries that start with endbr (x86) */
  uint64_t common_page_size;    /* -z common-page-size (0: the target's) */
  int no_demangle;              /* --no-demangle: mangled names in messages */
  int warn_unresolved;          /* --warn-unresolved-symbols: undefined symbols are warnings */
  ld_vec filters;               /* -F/--filter: DT_FILTER names (const char*) */
  ld_vec auxiliaries;           /* -f/--auxiliary: DT_AUXILIARY names */
  ld_vec extra_needed;          /* Solaris -N: DT_NEEDED names added as given */
  const char *audit, *depaudit; /* --audit, --depaudit (-P): DT_AUDIT, DT_DEPAUDIT */
  uint64_t flags_1_extra;       /* -z global, nodlopen, nodump, loadfltr, globalaudit */
  int z_unique;                 /* -z unique: DF_GNU_1_UNIQUE in DT_GNU_FLAGS_1 */
  uint32_t feature_1_extra;     /* -z lam-u48, lam-u57: GNU_PROPERTY_X86_FEATURE_1_AND bits */
  int indirect_extern_access;   /* -z indirect-extern-access */
  int cet_report;               /* -z cet-report=: 0 none, 1 warning, 2 error */
  int gc_keep_exported;         /* --gc-keep-exported */
  const char *dependency_file;  /* --dependency-file */
  uint32_t spare_dynamic_tags;  /* --spare-dynamic-tags */
  int default_symver;           /* --default-symver */
  int z_nocopyreloc;            /* copy relocations are errors */
  int z_start_stop_gc;          /* __start_/__stop_ references do not keep sections */
  int start_stop_vis;           /* STV_* of __start_/__stop_ (default protected) */
} ld_options;

enum { DISCARD_MERGE_L = 0, DISCARD_NONE, DISCARD_LOCALS, DISCARD_ALL };
enum { ORPHAN_PLACE = 0, ORPHAN_DISCARD, ORPHAN_WARN, ORPHAN_ERROR };

/* -z guidance[=noITEM,...]: GUIDE_ON, and the kinds of advice left out. */
enum {
  GUIDE_ON = 1 << 0,
  GUIDE_NO_DEFS = 1 << 1,
  GUIDE_NO_DIRECT = 1 << 2,
  GUIDE_NO_LAZYLOAD = 1 << 3,
  GUIDE_NO_MAPFILE = 1 << 4,
  GUIDE_NO_TEXT = 1 << 5,
  GUIDE_NO_UNUSED = 1 << 6,
  GUIDE_NO_TLS = 1 << 7,
};

enum {
  UNRES_DEFAULT = 0,
  UNRES_IGNORE_ALL,
  UNRES_REPORT_ALL,
  UNRES_IGNORE_OBJECTS,
  UNRES_IGNORE_SHLIBS
};

typedef struct ld_section_start {
  const char *ss_name; /* output section name */
  uint64_t ss_addr;
} ld_section_start;

/* ---- the link ------------------------------------------------------------------------- */

typedef struct ld_ctx {
  ld_options opt;
  const ld_target *tg;
  int is64, be;
  ld_vec objs;        /* ld_obj* of relocatable objects in link order (extracted members
                         appended when extracted) */
  ld_vec shared;      /* ld_obj* shared objects */
  ld_vec archives;    /* struct ld_loaded_archive* */
  ld_vec osecs;       /* ld_osec* all output sections, creation order */
  ld_vec search_dirs; /* const char*: -L, SEARCH_DIR and a plugin's library paths, in order
                         (ld/input.c; ld/plugin.c adds through ld_input_extra_dir) */
  ld_osec **order;    /* output sections in final order */
  uint32_t norder;
  ld_seg *segs;
  uint32_t nsegs;
  ld_pseg *psegs;      /* the segment plan (NULL until layout: the default classes) */
  uint64_t image_base; /* address of the ELF header */
  uint32_t npsegs;
  uint32_t pseg_text, pseg_data; /* a mapfile plan's segments for sections not placed by it */
  /* special output sections (NULL when absent) */
  ld_osec *got, *gotplt, *plt, *iplt, *reladyn, *relaplt, *relaiplt, *dynamic, *dynsym, *dynstr,
      *hash, *gnuhash, *interp, *ehframe, *ehframehdr, *buildid, *symtab, *strtab, *shstrtab, *bss,
      *tdata, *tbss, *gnuprop, *copybss, *copyrelro, *versym, *verneed, *verdef, *package, *pltsec;
  ld_osec *relrdyn; /* -z pack-relative-relocs */
  int ibt_plt;      /* PLT entries with endbr: .plt holds the lazy halves, .plt.sec the calls */
  struct mf_model *dynlist; /* --dynamic-list and --export-dynamic-symbol-list files, read
                               once (ld/mapfile_apply.c; the plugin may ask first), or NULL */
  ld_vec extracts;    /* struct extract_rec* (ld/map.c): why each archive member was extracted,
                         in order; written by the input pass (ld_note_extract), read by the maps */
  ld_vec merge_noted; /* ld_isec* with SHF_MERGE, in link order: written by placement (pass 5,
                         ld_merge_note), read by ld_merge_sections */
  /* What the relocation scan (pass 7, ld/reloc.c) found beyond each relocation's decision and
   * its symbol's needs; written by its threads with atomic stores, read from pass 8 on. */
  int need_got_base;   /* something refers to the GOT's base (_GLOBAL_OFFSET_TABLE_, G, GOT) */
  int need_ld_slot;    /* a Local Dynamic sequence stays: the module's LD slot pair */
  int tls_relax_calls; /* --no-relax in a static link with no __tls_get_addr: GD and LD relaxed */
  /* GOT accounting (slots are words) */
  uint32_t ngot;
  uint32_t got_reserved; /* words at the GOT's base before the first slot */
  int32_t ld_slot;       /* the module's LD slot pair, -1 if none */
  ld_vec rel_secs;       /* ld_isec*: the live sections with relocations, in link order (the
                            scan's list; only they have dynamic or .relr.dyn relocations) */
  ld_vec needy;          /* ld_sym* with any SN_* need, in canonical order (ld/synth.c hands out
                            slots in it; ld/dynamic.c reads it) */
  ld_vec relr_got_slots; /* GOT slot indices (as uintptr_t) whose relative relocations go to
                            .relr.dyn: ld/synth.c hands them out, ld/relr.c encodes them */
  ld_vec got_syms;       /* ld_sym* with any GOT need, in order */
  ld_vec plt_syms;       /* ld_sym* with a PLT entry in .plt */
  ld_vec iplt_syms;      /* ld_sym* with an IFUNC PLT entry in a static link */
  ld_vec dynsyms;        /* ld_sym* in .dynsym order (index 1..) */
  uint32_t nreladyn;     /* count of .rela.dyn entries */
  uint32_t nrelative;
  /* TLS segment */
  uint64_t tls_addr, tls_filesz, tls_memsz, tls_align;
  uint64_t tp_addr; /* the thread pointer's value relative to the executable's block */
  /* counters for --stats */
  uint64_t stat_tls_in[8], stat_tls_out[8][8];
  uint64_t stat_nrels;
  double stat_pass_start; /* when the last pass ended (ld_stat_pass) */
  /* output */
  uint8_t *buf; /* the output mapped; input sections' bytes are written with pwrite */
  int out_fd;   /* the output (a temporary until renamed) */
  uint64_t filesize;
  uint64_t ehdr_phoff, nphdr;
  uint64_t entry;
  ld_sym *tls_get_addr;
  ld_vec dyn_needed; /* const char* DT_NEEDED strings */
  int has_textrel;
  int static_tls; /* DF_STATIC_TLS */
  int exec_stack;
} ld_ctx;

extern ld_ctx *ctx;

/* ---- passes (ld/main.c lists them in order) -------------------------------------------- */

void ld_parse_options(int argc, char **argv, ld_options *opt);
void ld_print_help(void);
void ld_load_inputs(void);                                                     /* ld/input.c */
ld_obj *ld_parse_object(const char *name, const uint8_t *data, uint64_t size); /* ld/object.c */
/* `by_search`: found by a -l search (a library without DT_SONAME is then named by its file
 * name; otherwise by the path it was opened by). */
ld_obj *ld_parse_shared_file(const char *name, const uint8_t *data, uint64_t size, int as_needed,
                             int by_search);
void ld_shared_symbols(ld_obj *o);   /* ld/shared.c */
void ld_check_shlib_undefined(void); /* ld/shared.c: --no-allow-shlib-undefined, needed libraries */
int ld_shared_needs(ld_obj *o);      /* ld/shared.c: --as-needed through libraries */
/* ld/resolve.c: .gnu.warning sections; their warnings are given after resolution. */
void ld_note_warning_section(ld_obj *o, const char *secname, const uint8_t *data, uint64_t size);
void ld_link_warnings(void);
void ld_merge_gnu_attributes(void);        /* ld/attributes.c */
void ld_note_dependency(const char *path); /* ld/input.c: --dependency-file */
void ld_write_dependency_file(void);
/* ld/demangle.c */
const char *ld_dname(const char *name);  /* for messages: demangled unless --no-demangle */
char *ld_demangle_cxx(const char *name); /* malloc'd, or NULL if not C++ or no C++ runtime */
int ld_can_demangle_cxx(void);
uint32_t ld_merge_properties(uint32_t (*out)[2], uint32_t max); /* ld/synth.c */
void ld_write_properties(uint8_t *b, const uint32_t (*props)[2], uint32_t n);
void ld_parse_shared(ld_obj *o);   /* ld/object.c */
void ld_object_symbols(ld_obj *o); /* ld/object.c: enter globals in the table */
void ld_sym_init(uint32_t expected);
ld_sym *ld_sym_lookup(const char *name, uint32_t len);
ld_sym *ld_sym_intern(const char *name, uint32_t len);
uint32_t ld_sym_hash(const char *name, uint32_t len);
void ld_sym_reserve(uint32_t more); /* room for `more` symbols without growing */
ld_sym *ld_sym_intern_mt(const char *name, uint32_t len, uint32_t hash); /* thread-safe */
uint32_t ld_object_prepare(ld_obj *o); /* ld/object.c: parallel-safe; returns #globals */
void ld_object_intern(ld_obj *o);      /* ld/object.c: after ld_sym_reserve, parallel */
void ld_sym_foreach(void (*fn)(ld_sym *, void *), void *arg);
void ld_sym_collect(int (*keep)(const ld_sym *, void *), void *arg, ld_vec *out);
/* The symbols of the table as they lie in memory, in ld_sym_nchunks() chunks: parallel loops
 * over the chunks touch memory in order. Which chunk holds a symbol depends on the threads that
 * read the inputs, so such a loop's results must not depend on the order it meets symbols in;
 * ld_sym_sort puts symbols it collected into ld_sym_foreach's order. */
uint32_t ld_sym_nchunks(void);
void ld_sym_foreach_chunk(uint32_t c, void (*fn)(ld_sym *, void *), void *arg);
void ld_sym_sort(ld_sym **v, uint32_t n);
void ld_sym_join_chunks(ld_vec *found, ld_vec *out); /* found[c]: chunk c's, freed */
uint32_t ld_sym_count(void);
uint32_t ld_sym_capacity(void); /* slots of the table (--stats) */
/* ld/symtab.c: COMDAT signatures, claimed in link order; the first claim wins */
int ld_comdat_claim(const char *sig);
int ld_comdat_claimed(const char *sig);
/* The same with the signature's length and hash (ld_comdat_hash) made ahead, in parallel. */
uint32_t ld_comdat_hash(const char *sig, uint32_t len);
int ld_comdat_claim_h(const char *sig, uint32_t len, uint32_t hash);
void ld_comdat_prefetch(uint32_t hash);
void ld_comdat_prefetch_name(uint32_t hash);
void ld_comdat_reserve(uint32_t more);
int ld_comdat_claimed_h(const char *sig, uint32_t len, uint32_t hash);
void ld_resolve(void); /* ld/resolve.c: archive extraction to a fixed point */
void ld_extract_lazy(ld_sym *s);
void ld_note_lazy_ref(ld_sym *s);    /* ld/input.c: a strong reference to a lazy symbol */
int ld_synth_kind(const char *name); /* ld/resolve.c: non-zero for a linker-defined name */
void ld_split_eh_frame(void);        /* ld/ehframe.c */
void ld_eh_finish(void);             /* ld/ehframe.c: record offsets after gc */
void ld_eh_share_cies(void);    /* ld/ehframe.c: after placement, identical CIEs written once */
uint32_t ld_eh_fde_count(void); /* ld/ehframe.c: FDEs kept (the .eh_frame_hdr table) */
/* ld/ehframe.c: where input offset `off` of a split .eh_frame section lands in its output copy;
 * *dropped is set when the record holding it is not kept. */
uint64_t ld_ehframe_map(const ld_isec *is, uint64_t off, int *dropped);
void ld_gc_sections(void); /* ld/gc.c */
void ld_icf(void);         /* ld/icf.c: --icf */
/* ld/merge.c: SHF_MERGE sections, after placement. A reference to offset `off` of a merged
 * section maps to offset ld_merge_off(...) of its output section (where the kept copy is, in
 * whichever section of the group owns it); ld_merge_finalize, once the input sections' offsets
 * are known, makes that lookup cheaper. */
void ld_merge_note(ld_isec *is); /* placement: a SHF_MERGE section placed, in link order */
void ld_merge_sections(void);
void ld_merge_finalize(void);
uint64_t ld_merge_off(const ld_isec *is, uint64_t off);
uint64_t ld_merge_addr(const ld_isec *is, uint64_t off);
void ld_merge_write(const ld_isec *is, uint8_t *out);
int ld_merge_candidate(const ld_isec *is);
int ld_merge_piece_at(const ld_isec *is, uint64_t off, const uint8_t **p, uint64_t *len,
                      uint64_t *in_piece);
/* ld/map.c: link maps and tracing */
void ld_verbose_header(const ld_vec *dirs);
void ld_note_extract(ld_sym *s, const char *member);
void ld_trace_symbols(void);
void ld_write_maps(void);
const char *ld_wrap_name(const char *name); /* ld/resolve.c: --wrap */
void ld_place_sections(void);               /* ld/sections.c */
void ld_scan_relocs(void);                  /* ld/reloc.c */
/* ld/reloc.c: are an executable's Local Dynamic sequences relaxed to Local Exec (their
 * DTP-relative offsets TP-relative, _TLS_MODULE_BASE_ at the thread pointer)? From the scan on. */
int ld_tls_ld_to_le(void);
void ld_create_synthetic(void); /* ld/synth.c */
void ld_layout(void);           /* ld/layout.c */
/* ld/layout.c: what follows from the addresses, shared by the default layout and a linker
 * script's SECTIONS: the TLS template (aligned before addresses, laid out after), the program
 * headers around the PT_LOADs each layout makes (ld_phdrs_count says how many), the
 * non-allocated sections and the section header table. `in_relro` says which sections
 * PT_GNU_RELRO covers, `own_note` which notes have a PT_NOTE of their own (may be NULL). */
int ld_osec_relro(const ld_osec *os); /* with -z relro, a section PT_GNU_RELRO may cover */
ld_seg *ld_phdr(uint32_t type, uint32_t flags); /* appends to ctx->segs */
void ld_phdr_cover(ld_seg *s, const ld_osec *os);
void ld_tls_template(ld_osec **v, uint32_t n);
ld_osec *ld_tls_layout(ld_osec **v, uint32_t n);
uint32_t ld_phdrs_count(ld_osec **v, uint32_t n, int phdr, int (*in_relro)(const ld_osec *),
                        int (*own_note)(const ld_osec *));
void ld_phdrs_head(int phdr, uint64_t hdr_vaddr, uint32_t nph);
void ld_phdrs_tail(ld_osec **v, uint32_t n, int (*in_relro)(const ld_osec *),
                   int (*own_note)(const ld_osec *));
void ld_layout_file(ld_osec **v, uint32_t from, uint32_t n, uint64_t off);
void ld_finalize_symbols(void);                  /* ld/layout.c */
void ld_write_output(void);                      /* ld/write.c */
void ld_fill_synthetic(void);                    /* ld/synth.c */
void ld_apply_relocs(ld_isec *is, uint8_t *out); /* ld/apply.c */
/* ld/write.c: an output section's bytes in pieces of about a MiB, each assembled (copied and
 * relocated) in the calling thread's buffer; ld/compress.c compresses them one by one. */
void ld_plan_pieces(ld_osec *os, ld_vec *out);
uint64_t ld_piece_start(const void *piece);
uint64_t ld_piece_end(const void *piece);
uint8_t *ld_assemble_piece(const void *piece, uint64_t from, uint64_t to);
/* ld/outsyms.c: the output's .symtab, sized before layout and written after it; the build-id
 * hashes the finished file. */
void ld_symtab_prepare(void);
void ld_write_symtab(void);
/* ld/dynamic.c: dynamic outputs' sections, sized by ld_dynamic_create (pass 8; returns the copy
 * relocations it adds to .rela.dyn, whose first slot ld_dynamic_set_copy_base gives), copied
 * objects' addresses by ld_dynamic_finalize, contents by ld_dynamic_fill. */
uint32_t ld_dynamic_create(void);
void ld_dynamic_set_copy_base(uint32_t base);
void ld_dynamic_finalize(void);
void ld_dynamic_fill(void);
/* ld/synth.c: symbols with any SN_* need, in the canonical order slots are handed out in; the
 * addresses of GOT and PLT slots after layout; one entry of .rela.dyn. */
ld_vec *ld_needy(void);
/* ld/synth.c: symbols into the canonical order (file, locals first, index, name), after
 * group[i] if given. */
void ld_sort_canonical(ld_vec *v, const uint32_t *group);
uint64_t ld_got_base(void);
uint64_t ld_got_slot_addr(int32_t idx);
uint64_t ld_plt_addr(const ld_sym *s);
void ld_emit_dynrel(uint32_t slot, uint64_t offset, uint32_t type, uint32_t symidx, int64_t addend);
/* ld/reloc.c: the scan's policy, asked from outside */
int ld_preemptible(const ld_sym *s);
const char *ld_sym_name(const ld_sym *s);          /* a symbol's name for messages */
void ld_write_eh_frame_hdr(void);                  /* ld/ehframe.c */
void ld_write_eh_frame(ld_isec *is, uint8_t *out); /* ld/ehframe.c */
void ld_write_relocatable(void); /* ld/relocatable.c: the whole of -r after pass 4 */
void ld_emit_relocs(void);       /* ld/relocatable.c: --emit-relocs, after writing */
/* ld/output.c: the files a link writes, each under a temporary until ld_out_commit puts them in
 * place (the one with `last` set after the others). Failures are fatal and name the file. */
void ld_out_prepare(const char *path); /* before any thread: the old output freed elsewhere */
int ld_out_create(const char *path, const char *what, int last);
int ld_out_fd(int h);
FILE *ld_out_stream(int h); /* a report written with stdio */
void ld_out_pwrite(int h, const void *buf, uint64_t len, uint64_t off);
void ld_out_reserve(int h, uint64_t off, uint64_t len); /* blocks for what is written mapped */
void ld_out_commit(void);

/* helpers */
const char *ld_sec_loc(ld_isec *is, uint64_t off); /* "a.o:(.text+0x1c)" */
uint64_t ld_sym_addr(ld_sym *s);                   /* final address of a defined symbol */
uint64_t ld_local_addr(const ld_sym *s); /* ld/layout.c: S of a symbol defined in a section */
ld_osec *ld_new_osec(const char *name, uint32_t type, uint64_t flags, uint64_t align, int synth);
int ld_is_c_ident(const char *s);
void ld_read_rels(ld_isec *is);
uint64_t ld_isec_addr(ld_isec *is);
uint64_t ld_common_page_size(void);       /* -z common-page-size, else the target's (<= max) */
uint16_t ld_synth_shndx(const ld_sym *s); /* ld/layout.c: after layout */
int ld_keep_local_name(const ld_sym *s);  /* ld/outsyms.c: -x, -X and the default */
void ld_par_for(uint32_t n, void (*fn)(uint32_t i, void *arg), void *arg);
/* ld/mapfile_apply.c: each is a no-op without a mapfile */
void ld_mapfile_plan(void);
void ld_dynamic_lists(void);
int ld_have_dynamic_list(void); /* --dynamic-list or one of its variants was given */
int32_t ld_mapfile_place(ld_isec *is);
uint32_t ld_mapfile_os_order(const ld_osec *os);
uint32_t ld_mapfile_stack_flags(void);
void ld_mapfile_define(void);
void ld_mapfile_symbols(void);
uint64_t ld_mapfile_size_symbol(const ld_sym *s);
uint32_t ld_mapfile_nversions(void);
const char *ld_mapfile_version(uint32_t i, uint32_t *nparents, const char *const **parents);
int ld_mapfile_version_allowed(const char *soname, const char *ver);
int ld_mapfile_version_restricted(const char *soname);
const char *ld_mapfile_depend_where(const char *soname);
const char *ld_mapfile_v1_file(uint32_t i); /* version 1 mapfiles read (NULL past the end) */
/* ld/syminfo.c: .SUNW_syminfo, DT_POSFLAG_1, DF_1_DIRECT/NODIRECT/SYMINTPOSE */
void ld_syminfo_create(ld_vec *dsyms, ld_vec *needed);
uint32_t ld_syminfo_ndt(void); /* .dynamic entries it adds */
uint64_t ld_syminfo_flags1(void);
ld_osec *ld_syminfo_osec(void); /* NULL when the link has none */
void ld_syminfo_fill(void);
ld_vec *ld_syminfo_dynsyms(void);
ld_vec *ld_syminfo_needed(void);
int ld_syminfo_dep_refuses(const ld_sym *s);
int ld_syminfo_is_interp(const ld_obj *o);
int ld_tls_target_model(const ld_sym *s, int model); /* ld/reloc.c: TLSM_* it becomes */
/* ld/guidance.c: -z guidance, after the synthetic sections are sized */
void ld_guidance(void);
/* ld/target.c: the link's target (ctx->tg, its class and byte order), its relocation table
 * checked; the output's e_machine and e_flags (tg_output_ident over the link's objects) */
void ld_target_use(const ld_target *tg);
void ld_output_ident(uint16_t *machine, uint32_t *flags);
/* ld/stats.c: --stats */
double ld_now(void);
void ld_stat_pass(const char *name); /* the time since the previous mark, under `name` */
void ld_stat_inputs(void);
void ld_stat_tls(void);

/* ld/compress.c: compressed input sections inflated (pass 4, before anything reads them); the
 * output's debug sections compressed (after layout, before writing; -r: its own buffers). */
void ld_decompress_inputs(void);
void ld_compress_debug_sections(void);
void ld_compress_buffers(ld_osec **secs, uint8_t **bufs, uint32_t n);
/* ld/relr.c: -z pack-relative-relocs */
int ld_relr_on(void);
int ld_relr_ok(const ld_isec *is, const ld_rel *r);
void ld_relr_note(ld_isec *is, uint64_t off);
void ld_relr_got_slot(int32_t idx);
void ld_relr_create(void);
void ld_relr_size(void);
void ld_relr_fill(void);

#endif
