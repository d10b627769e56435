/* Linker scripts beyond the input lists of ld/script.c: the command language as GNU ld documents
 * it (SECTIONS, MEMORY, PHDRS, assignments, PROVIDE, ASSERT, VERSION, INSERT, ...). Mapfiles stay
 * the primary layout language; scripts exist so that existing builds work.
 *
 * ld/lscript.c parses a script into the model below; ld/lscript_apply.c applies it: placement of
 * input sections (first matching pattern wins), KEEP as gc roots, script-defined symbols (SD_SYNTH
 * with kinds LS_SYM_KIND + n), and the scripted layout (location counter, regions, LMAs, PHDRS)
 * that replaces ld/layout.c's default plan when a script has SECTIONS without INSERT. */
#ifndef TLD_LD_LSCRIPT_H
#define TLD_LD_LSCRIPT_H

#include <stdint.h>

#include "ld.h"
#include "script.h"

/* Symbol kinds (ld_sym.s_esym of an SD_SYNTH symbol) of script-defined symbols. */
#define LS_SYM_KIND 6000u
#define LS_SYM_KIND_END 7000000u

/* ---- expressions ---- */

enum ls_ekind {
  LE_NUM,    /* e_num */
  LE_DOT,    /* the location counter */
  LE_SYM,    /* e_name */
  LE_UNARY,  /* e_op applied to e_a: '-', '!', '~' */
  LE_BINARY, /* e_a e_op e_b; e_op is a char or one of LO_* */
  LE_COND,   /* e_a ? e_b : e_c */
  LE_FUNC,   /* e_op is LF_*, arguments e_a, e_b; e_name for section/region/constant names */
};

enum { LO_SHL = 256, LO_SHR, LO_LE, LO_GE, LO_EQ, LO_NE, LO_ANDAND, LO_OROR };

enum {
  LF_ADDR,
  LF_LOADADDR,
  LF_SIZEOF,
  LF_ALIGNOF,
  LF_ALIGN,
  LF_ORIGIN,
  LF_LENGTH,
  LF_MAX,
  LF_MIN,
  LF_DEFINED,
  LF_CONSTANT,
  LF_SIZEOF_HEADERS,
  LF_ABSOLUTE,
  LF_LOG2CEIL,
  LF_NEXT,
  LF_DATA_SEGMENT_ALIGN,
  LF_DATA_SEGMENT_END,
  LF_DATA_SEGMENT_RELRO_END,
  LF_SEGMENT_START,
  LF_ASSERT,
};

typedef struct ls_expr {
  uint8_t e_kind; /* enum ls_ekind */
  int e_op;
  uint64_t e_num;
  const char *e_name;
  const char *e_msg; /* ASSERT(e, "msg") used as an expression */
  struct ls_expr *e_a, *e_b, *e_c;
  const char *e_file; /* where it was written, for messages */
  unsigned e_line;
  unsigned e_depth; /* levels of the tree below and including this node */
} ls_expr;

/* Deeper expressions are refused when parsed, so that parsing and every walk over an expression
 * (evaluation included) recurse a bounded number of times. */
#define LS_EXPR_MAX_DEPTH 1000

/* ---- statements ---- */

enum ls_skind {
  LS_ASSIGN, /* st_sym op st_expr; st_sym "." is the location counter */
  LS_ASSERT, /* st_expr, st_msg */
  LS_INPUT,  /* st_in */
  LS_DATA,   /* BYTE/SHORT/LONG/QUAD/SQUAD: st_size bytes of st_expr */
  LS_FILL,   /* FILL(st_expr) inside an output section */
  LS_OSEC,   /* st_os */
};

enum {
  LS_SORT_NONE = 0,
  LS_SORT_NAME,
  LS_SORT_ALIGN,
  LS_SORT_INIT_PRIO,
  LS_SORT_NAME_ALIGN,
  LS_SORT_ALIGN_NAME
};

typedef struct ls_secpat {
  const char *sp_glob;  /* section name pattern */
  const char **sp_excl; /* EXCLUDE_FILE inside the list: files whose sections it skips */
  uint32_t sp_nexcl;
  uint8_t sp_sort; /* LS_SORT_* */
} ls_secpat;

/* An input section description: `KEEP(file(pat pat ...))`. */
typedef struct ls_insec {
  const char *in_file;  /* file pattern; NULL: every file */
  const char **in_excl; /* EXCLUDE_FILE before the file pattern */
  uint32_t in_nexcl;
  ls_secpat *in_pats;
  uint32_t in_npats;
  uint8_t in_keep;
  uint8_t in_common; /* COMMON (or a pattern naming it) */
  ld_vec in_matched; /* ld_isec* in link order (filled by placement) */
} ls_insec;

struct ls_stmt;
struct ls_region;

/* An output section description. */
typedef struct ls_osec {
  const char *lo_name;
  ls_expr *lo_addr, *lo_lma, *lo_align, *lo_subalign;
  const char *lo_region, *lo_lma_region; /* `> region`, `AT > region` */
  const char **lo_phdrs;
  uint32_t lo_nphdrs;
  uint8_t lo_has_fill, lo_discard, lo_noload;
  uint8_t lo_constraint; /* 1 ONLY_IF_RO, 2 ONLY_IF_RW: which inputs it may take */
  uint32_t lo_fill;
  struct ls_stmt **lo_body;
  uint32_t lo_nbody;
  ld_osec *lo_out;   /* the output section (NULL until something is placed in it) */
  ld_vec lo_orphans; /* ld_isec* named like this section but matched by no pattern */
  const char *lo_file;
  unsigned lo_line;
  /* layout */
  uint64_t lo_lma_val;
  struct ls_region *lo_vma_r, *lo_lma_r;
} ls_osec;

typedef struct ls_stmt {
  uint8_t st_kind;    /* enum ls_skind */
  uint8_t st_provide; /* PROVIDE / PROVIDE_HIDDEN */
  uint8_t st_hidden;  /* HIDDEN / PROVIDE_HIDDEN */
  uint8_t st_size;    /* LS_DATA */
  int st_op;          /* LS_ASSIGN: '=' or the operator of `op=` (LO_SHL, LO_SHR too) */
  const char *st_sym;
  ls_expr *st_expr;
  const char *st_msg; /* LS_ASSERT */
  ls_insec *st_in;
  ls_osec *st_os;
  const char *st_file;
  unsigned st_line;
  uint32_t st_symdef;      /* LS_ASSIGN to a symbol: its entry in the symbol table + 1 */
  ld_isec *st_data;        /* LS_DATA: the piece holding its bytes */
  const char *st_anchor;   /* LS_OSEC of an INSERT script: the section it goes next to */
  uint8_t st_after;        /* INSERT AFTER (else BEFORE) */
  unsigned st_insert_line; /* the INSERT command's line */
} ls_stmt;

typedef struct ls_region {
  const char *r_name;
  uint32_t r_attr, r_nattr; /* SHF-like bits the region accepts / refuses: 'r' 'w' 'x' 'a' */
  ls_expr *r_origin, *r_length;
  uint64_t r_org, r_len; /* evaluated */
  uint64_t r_cur;        /* next free address while laying out */
  int64_t r_delta;       /* LMA - VMA of the last section placed in it */
  uint8_t r_used;
  const char *r_file;
  unsigned r_line;
} ls_region;

typedef struct ls_phdr {
  const char *ph_name;
  uint32_t ph_type;
  uint8_t ph_filehdr, ph_phdrs;
  ls_expr *ph_at, *ph_flags;
  const char *ph_file;
  unsigned ph_line;
} ls_phdr;

/* Everything every script said, merged in the order they were read. */
typedef struct ls_model {
  ld_vec lm_stmts;     /* ls_stmt*: SECTIONS contents and top-level assignments/ASSERTs */
  int lm_has_sections; /* a SECTIONS without INSERT: the scripted layout */
  ld_vec lm_inserts;   /* ls_stmt* (LS_OSEC) of SECTIONS followed by INSERT */
  ld_vec lm_regions;   /* ls_region* */
  ld_vec lm_phdrs;     /* ls_phdr* */
  ld_vec lm_aliases;   /* const char* pairs: REGION_ALIAS(alias, region) */
  int lm_refs_common;  /* some pattern names COMMON */
  int lm_uses_headers; /* SIZEOF_HEADERS appears */
} ls_model;

extern ls_model ld_ls;

/* Parse a whole script (called by ld_script_parse when it meets a command beyond the input
 * lists): input-list commands fill `out` as ld/script.c does; the rest is merged into ld_ls.
 * Returns -1 after reporting an error with the script's file:line. */
int ld_lscript_parse(const char *path, const uint8_t *data, uint64_t size, ld_script *out);

/* ---- hooks into the passes (ld/lscript_apply.c); each is a no-op without a script ---- */

void ld_lscript_define(void);           /* ld/resolve.c: script-defined symbols */
int ld_lscript_keep(const ld_isec *is); /* ld/gc.c: KEEP roots */
/* ld/sections.c: the output section of `is`; *orphan is set when a SECTIONS layout has no
 * input description for it. */
ld_osec *ld_lscript_place(ld_isec *is, const char *default_name, int *orphan);
int ld_lscript_has_sections(void);                 /* a SECTIONS layout decides what an orphan is */
void ld_lscript_order(void);                       /* ld/sections.c: end of placement */
int ld_lscript_layout(void);                       /* ld/layout.c: 1 if the script laid out */
void ld_lscript_insert(ld_osec **ord, uint32_t n); /* ld/layout.c: INSERT AFTER/BEFORE */
uint64_t ld_lscript_sym_value(ld_sym *s);          /* ld/layout.c synth_value */
void ld_lscript_finish(void);                      /* ld/layout.c: before symbol values */

void ld_lscript_reset(void); /* forget every script: a harness's next link in the process */

/* Parser helpers shared with the apply side. */
ls_region *ld_lscript_region(const char *name);
int ld_lscript_glob(const char *pat, const char *s);

#endif
