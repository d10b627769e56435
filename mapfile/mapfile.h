/* The mapfile model (DESIGN.md §6): what Solaris mapfiles (version 1 and 2) and GNU version
 * scripts say about a link, in one form that ld/ applies. This module parses and checks; it knows
 * nothing of linking. Every error in a mapfile is fatal, as in the Solaris link-editor: the
 * reader reports "tld: fatal: <file>: <line>: <text>" and exits, so a returned model is whole.
 *
 * How ld/ applies the model
 * -------------------------
 * Segments. mf_model.m_segs holds the segments in creation order. It is seeded with the Solaris
 * built-in segments (sg_builtin set): text (LOAD, R+X), data (LOAD, R+W), bss (LOAD, R+W,
 * disabled until a mapfile names it), on x64 also lrodata (LOAD, R) and ldata (LOAD, R+W), note
 * (NOTE) and extra (NULL). A mapfile may change them or add new ones. For each segment:
 *   - sg_flags: the effective PF_* flags. FLAGS operations (=, +=, -=) have been applied in
 *     order to the built-in default (0 for a new segment); MF_SGA_FLAGS says whether a mapfile
 *     gave any. DATA and STACK have already been expanded (see below);
 *   - each numeric attribute counts only if its MF_SGA_* bit is in sg_set;
 *   - sg_disabled: the segment is not created and its entrance criteria are skipped;
 *   - sg_os_order: output sections, by name, to place first and in this order;
 *   - sg_is_order: entrance criteria names (of this segment) whose sections come first, in order;
 *   - sg_size_syms: absolute symbols to define as the segment's memory size.
 * Segment order is m_seg_order (mf_segment*) for the segments it names, then the rest in the
 * default order. Segments with VADDR are placed at that address.
 *
 * Entrance criteria. m_ecs in mapfile order; they are tried before the built-in criteria and the
 * first match wins (see mf_ec). An input section matches when every given test holds.
 *
 * Symbols. m_versions holds version definitions in order; m_scope holds symbols named in
 * SYMBOL_SCOPE (and version 1 anonymous blocks, GNU anonymous version scripts): they get a scope
 * but no version. Within a list each symbol carries its own scope. m_autoreduce (non-zero) is
 * the scope that every global symbol not named anywhere gets ('*' in a hidden/local or eliminate
 * scope). Patterns (sy_wild) come only from GNU version scripts.
 *
 * Target. The mapfile is read before any input fixes the target, so the reader takes a
 * description of the target (mf_target, made from ld/target.h's by mf_model_for); with no -m /
 * -z target= the caller passes the host default, x86-64. It decides the predefined $if names
 * (_ELF32/_ELF64, the instruction set's _x86/_sparc, true), the word size for numbers and
 * addrsize, and which built-in segments exist. The module itself tests no machine. The segment flag
 * names DATA and STACK expand to R+W on every target (tld's Linux targets keep data and stack
 * non-executable; Solaris gave x86 and SPARC data R+W+X). */
#ifndef TLD_MAPFILE_MAPFILE_H
#define TLD_MAPFILE_MAPFILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct mf_vec {
  void **v;
  uint32_t n, cap;
} mf_vec;

/* Where something was said: for diagnostics the lead issues while applying the model. */
typedef struct mf_loc {
  const char *file;
  uint32_t line;
} mf_loc;

enum mf_segtype { MF_SEG_LOAD = 1, MF_SEG_NOTE, MF_SEG_NULL };

/* Bits of mf_segment.sg_set: which attributes a mapfile gave. */
enum {
  MF_SGA_ALIGN = 1 << 0,
  MF_SGA_MAX_SIZE = 1 << 1,
  MF_SGA_PADDR = 1 << 2,
  MF_SGA_VADDR = 1 << 3,
  MF_SGA_ROUND = 1 << 4,
  MF_SGA_FLAGS = 1 << 5, /* any FLAGS operation */
};

typedef struct mf_segment {
  const char *sg_name;
  uint8_t sg_type;          /* enum mf_segtype */
  uint8_t sg_builtin;       /* one of the predefined segments */
  uint8_t sg_mentioned;     /* named by a mapfile (the dump shows only these) */
  uint8_t sg_disabled;      /* DISABLE (bss starts disabled) */
  uint8_t sg_nohdr;         /* NOHDR / version 1 ?N: headers not in this segment */
  uint8_t sg_empty;         /* version 1 ?E: an empty reservation */
  uint8_t sg_order_by_file; /* version 1 ?O: input sections in file order */
  uint32_t sg_set;          /* MF_SGA_* */
  uint32_t sg_flags;        /* PF_*, effective (see above) */
  uint64_t sg_align, sg_max_size, sg_paddr, sg_vaddr, sg_round;
  mf_vec sg_os_order;  /* const char* output section names */
  mf_vec sg_is_order;  /* const char* entrance criteria names */
  mf_vec sg_size_syms; /* const char* */
  mf_loc sg_loc;       /* first mention (built-ins never mentioned: file NULL) */
} mf_segment;

/* File tests of an entrance criterion: any one of them must match. */
enum mf_filekind { MF_FILE_BASENAME = 1, MF_FILE_OBJNAME, MF_FILE_PATH };
typedef struct mf_file_test {
  uint8_t ft_kind; /* enum mf_filekind */
  const char *ft_name;
} mf_file_test;

/* An entrance criterion: the section goes to ec_seg when
 *   (ec_is_name == NULL || section name == ec_is_name) &&
 *   (!ec_type_set || sh_type == ec_type) &&
 *   (sh_flags & ec_flags_mask) == ec_flags_value &&
 *   (ec_files.n == 0 || one file test matches the section's file)
 * FILE_BASENAME compares the last path component of the file (or of the archive holding the
 * member); FILE_OBJNAME an archive member's name (or a plain file's basename); FILE_PATH the whole
 * path as given. SHF_X86_64_LARGE is the flag AMD64_LARGE names. */
typedef struct mf_ec {
  const char *ec_name; /* ASSIGN_SECTION name; NULL if anonymous */
  mf_segment *ec_seg;
  const char *ec_is_name;
  uint32_t ec_type;
  uint8_t ec_type_set;
  uint64_t ec_flags_mask, ec_flags_value;
  mf_vec ec_files; /* mf_file_test* */
  mf_loc ec_loc;
} mf_ec;

/* Symbol scopes, from widest to narrowest. Solaris synonyms: GLOBAL = DEFAULT,
 * SYMBOLIC = PROTECTED, LOCAL = HIDDEN; a GNU script's global/local are DEFAULT/HIDDEN. */
enum mf_scope {
  MF_SCOPE_DEFAULT = 1,
  MF_SCOPE_EXPORTED,  /* global, and not reducible by later links */
  MF_SCOPE_SINGLETON, /* one instance in the process (STV_SINGLETON) */
  MF_SCOPE_PROTECTED, /* global, references bind within the object */
  MF_SCOPE_HIDDEN,    /* reduced to local */
  MF_SCOPE_ELIMINATE, /* reduced to local and dropped from .symtab */
};

/* Symbol flags (FLAGS = ..., version 1 attribute words). */
enum {
  MF_SYF_DIRECT = 1 << 0,
  MF_SYF_NODIRECT = 1 << 1,
  MF_SYF_DYNSORT = 1 << 2,
  MF_SYF_NODYNSORT = 1 << 3,
  MF_SYF_EXTERN = 1 << 4,    /* defined outside the object: no undefined-symbol error */
  MF_SYF_PARENT = 1 << 5,    /* defined by the object's parent (a filter's filtee) */
  MF_SYF_INTERPOSE = 1 << 6, /* an interposer (executables only: the lead checks) */
};

/* Which symbol attributes were given (mf_sym.sy_set, mf_assert.as_set). */
enum {
  MF_SYA_TYPE = 1 << 0,
  MF_SYA_SIZE = 1 << 1,
  MF_SYA_VALUE = 1 << 2,
  MF_SYA_BIND = 1 << 3,
  MF_SYA_SHATTR = 1 << 4,
  MF_SYA_ALIAS = 1 << 5,
};

/* ASSERT = { ... }: checked by the lead against the resolved symbol; a failure is fatal. */
typedef struct mf_assert {
  uint32_t as_set;   /* MF_SYA_* */
  uint8_t as_type;   /* STT_* */
  uint8_t as_bind;   /* STB_* */
  uint8_t as_nobits; /* SH_ATTR: 1 NOBITS, 0 BITS */
  uint64_t as_size;
  const char *as_alias;
  mf_loc as_loc;
} mf_assert;

enum mf_lang { MF_LANG_C = 0, MF_LANG_CXX };

typedef struct mf_version mf_version;

typedef struct mf_sym {
  const char *sy_name; /* a name, or a glob pattern when sy_wild */
  mf_version *sy_ver;  /* NULL: scope only */
  uint8_t sy_scope;    /* enum mf_scope */
  uint8_t sy_wild;     /* contains * ? or [ (GNU version scripts) */
  uint8_t sy_lang;     /* enum mf_lang: C++ patterns match demangled names */
  uint8_t sy_type;     /* STT_OBJECT, STT_FUNC or STT_COMMON when MF_SYA_TYPE */
  uint32_t sy_set;     /* MF_SYA_TYPE, MF_SYA_SIZE, MF_SYA_VALUE */
  uint32_t sy_flags;   /* MF_SYF_* */
  uint64_t sy_size, sy_value;
  const char *sy_filter, *sy_auxiliary; /* FILTER / AUXILIARY soname, NULL if none */
  mf_assert *sy_assert;                 /* NULL if none */
  mf_loc sy_loc;
} mf_sym;

struct mf_version {
  const char *vr_name;
  mf_vec vr_parents; /* const char* inherited version names (all defined: checked) */
  mf_vec vr_syms;    /* mf_sym* */
  mf_loc vr_loc;
};

/* DEPEND_VERSIONS / version 1 "soname - ver ... $ADDVERS=ver;". */
typedef struct mf_depend {
  const char *dp_soname;
  mf_vec dp_allow;   /* const char* versions that may be bound to */
  mf_vec dp_require; /* const char* versions recorded as needed */
  mf_loc dp_loc;
} mf_depend;

/* CAPABILITY (and version 1 hwcap_1/sfcap_1): parsed, reported as having no effect. */
typedef struct mf_cap {
  const char *cp_id; /* capability group name, NULL if none */
  mf_vec cp_words;   /* const char* "HW_1+=SSE", ... in order, for the dump */
  mf_loc cp_loc;
} mf_cap;

typedef struct mf_model {
  int m_is64;
  const char *m_target; /* the target's name, for the dump */
  mf_vec m_segs;        /* mf_segment*, creation order */
  mf_vec m_seg_order;   /* mf_segment* (SEGMENT_ORDER) */
  mf_vec m_ecs;         /* mf_ec* */
  mf_vec m_versions;    /* mf_version* */
  mf_vec m_scope;       /* mf_sym* without a version */
  uint8_t m_autoreduce; /* enum mf_scope, 0 if none */
  mf_loc m_autoreduce_loc;
  uint8_t m_stack_set;      /* STACK (or a version 1 STACK segment) given */
  uint32_t m_stack_flags;   /* PF_*: FLAGS operations applied to the default R+W */
  uint8_t m_hdr_noalloc;    /* HDR_NOALLOC */
  uint32_t m_phdr_add_null; /* PHDR_ADD_NULL count */
  mf_vec m_depends;         /* mf_depend* */
  mf_vec m_caps;            /* mf_cap* */
  mf_vec m_defines;         /* const char* names of $add (persist across the link's mapfiles) */
  uint32_t m_nfiles;        /* mapfiles and version scripts read */
  mf_vec m_v1_files;        /* const char* paths of the version 1 mapfiles read */
} mf_model;

/* ---- reading ------------------------------------------------------------------------------ */

/* What the model needs to know of the target. */
typedef struct mf_target {
  const char *name; /* "x64", ... (the dump names it) */
  int is64;         /* the ELF class */
  const char *isa;  /* the predefined $if name of its instruction set: "_x86", "_sparc" */
  int large_segs;   /* the built-in lrodata and ldata segments exist (x86-64's large model) */
} mf_target;

/* A fresh model for a target. */
mf_model *mf_model_new(const mf_target *t);
/* The same for one of the link-editor's targets (ld/target.h; mapfile/driver.c). */
struct ld_target;
mf_model *mf_model_for(const struct ld_target *tg);

/* Read a mapfile (version chosen by its first token) or, if `path` is a directory, every visible
 * file in it sorted by name. Fatal on any error. */
void mf_read_mapfile(mf_model *m, const char *path);

/* Read a GNU version script into the same symbol model. Fatal on any error. */
void mf_read_version_script(mf_model *m, const char *path);

/* The same two for text already in memory (`len` bytes, not necessarily NUL-terminated), which
 * messages call `name`: a linker script's VERSION block, a test harness. */
void mf_read_mapfile_text(mf_model *m, const char *name, const char *text, size_t len);
void mf_read_version_script_text(mf_model *m, const char *name, const char *text, size_t len);

/* Checks that need every file read (inherited versions defined, IS_ORDER names). */
void mf_finish(mf_model *m);

/* The model in a stable text form (the -z mapfile-dump diagnostic aid; tests check it). */
void mf_dump(const mf_model *m, FILE *out);

/* Lookups for the lead. */
mf_segment *mf_find_segment(const mf_model *m, const char *name);
mf_ec *mf_find_ec(const mf_model *m, const char *name);
mf_version *mf_find_version(const mf_model *m, const char *name);
const char *mf_scope_name(int scope); /* "default", "hidden", ... */

/* The driver's entry (mapfile/driver.c): read the options' -M files and --version-script into a
 * model stored in opt->mapfile (NULL when there is none), before any input is read. With
 * -z mapfile-dump it prints the model to standard output and exits 0. `opt` is an ld_options*. */
struct ld_options;
void mf_read_all(struct ld_options *opt);

/* ---- small helpers shared by the module -------------------------------------------------- */

void mf_vec_push(mf_vec *vec, void *p);
void *mf_alloc(size_t n); /* zeroed, from the arena (never freed); exits on exhaustion */
char *mf_strdup(const char *s);
char *mf_strndup(const char *s, size_t n);

#endif
