/* What the lexer (lexer.l), the grammar (parser.y) and the model builders share. Not for ld/. */
#ifndef TLD_MAPFILE_INTERNAL_H
#define TLD_MAPFILE_INTERNAL_H

#include <stdint.h>
#include <stdnoreturn.h>

#include "mapfile.h"

/* The value of every grammar symbol. Tokens fill text/raw/line; lists are built in `list`. */
typedef struct mf_tok {
  const char *text;  /* identifier, unescaped string, number spelling */
  const char *raw;   /* as written (strings with their quotes), for messages */
  const char *canon; /* keyword tokens: the keyword's canonical (upper case) name */
  uint64_t num;      /* integers; for operators '=', '+' or '-' */
  uint32_t line;
  uint8_t quoted;
  mf_vec *list; /* lists of mf_tok* (values, words) */
} mf_tok;

enum mf_mode { MF_MODE_V1 = 1, MF_MODE_V2, MF_MODE_VS };

/* A syntax context for messages: "expected '=' following ALIGN", "expected segment name
 * following LOAD_SEGMENT". `what` names the kind of name expected there, if any. */
typedef struct mf_ctx {
  const char *name;
  const char *what;
} mf_ctx;

typedef struct mf_parser {
  mf_model *m;
  const char *file;
  int mode;
  int started;     /* the start token has been returned */
  uint32_t line;   /* current line in the lexer */
  const char *src; /* the text being scanned, and the offset of the end of the last match:
                      messages show the rest of a bad word, which flex has cut off */
  size_t off;
  const char *tok_raw; /* the last token as written (NULL at end of file) */
  uint32_t tok_line;
  const char *prev_end; /* end of the previous word or string token, to find glued tokens */
  mf_ctx ctx[16];
  int nctx;
  /* building */
  int segtype;         /* directive being parsed: enum mf_segtype */
  const char *dirname; /* its name */
  mf_segment *seg;
  mf_ec *ec;
  mf_version *ver;
  mf_vec pending; /* mf_sym* of the symbol list being read */
  int scope;      /* current scope in a symbol list */
  mf_sym *sym;
  mf_assert *as;
  mf_depend *dep;
  mf_cap *cap;
  int lang;              /* GNU: extern "C++" in effect */
  int vs_nodes, vs_anon; /* GNU: version nodes read, anonymous ones among them */
} mf_parser;

/* Diagnostics: "tld: fatal: <file>: <line>: <text>" (exits) and the warning form. */
noreturn void mf_error(mf_parser *P, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void mf_warning(mf_parser *P, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
noreturn void mf_error_at(const char *file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* lexer.l: scan and parse one preprocessed buffer. */
void mf_parse_buffer(mf_parser *P, const char *buf, size_t len);
/* parser.y: keyword token for an unquoted version 2 identifier (0 if none); its canonical name. */
int mf_keyword(const char *s, const char **canon);

/* cond.c: version 2 conditional input. Returns the text with control-directive lines and
 * skipped lines blanked (newlines kept, so line numbers hold). `start` is the offset of the line
 * after $mapfile_version. */
char *mf_preprocess(mf_model *m, const char *file, const char *buf, size_t len, size_t start);

/* model.c: building blocks the grammar actions call. */
void mf_ctx_push(mf_parser *P, const char *name, const char *what);
void mf_ctx_pop(mf_parser *P);
mf_tok *mf_tok_dup(const mf_tok *t);
mf_vec *mf_list_new(void);
int mf_kw_is(mf_parser *P, const mf_tok *t, const char *kw); /* case-insensitive, unquoted */
uint64_t mf_mul(mf_parser *P, uint32_t line, uint64_t a, uint64_t b);
uint64_t mf_addrsize(mf_parser *P, const mf_tok *t);
int mf_sht_lookup(const char *s, uint32_t *type);
const char *mf_sht_name(uint32_t type);
uint32_t mf_symflag_lookup(mf_parser *P, const mf_tok *t);

mf_segment *mf_seg_use(mf_parser *P, const mf_tok *name, int type, const char *dir);
mf_segment *mf_seg_new(mf_model *m, const char *name, int type, mf_loc loc);
void mf_seg_num(mf_parser *P, const mf_tok *attr, const mf_tok *val);
void mf_seg_flags(mf_parser *P, int op, mf_vec *vals, uint32_t line);
void mf_stack_flags(mf_parser *P, int op, mf_vec *vals, uint32_t line);
void mf_seg_list(mf_parser *P, const mf_tok *attr, int op, mf_vec *vals);
void mf_ec_begin(mf_parser *P, uint32_t line);
void mf_ec_name(mf_parser *P, const mf_tok *name);
void mf_ec_end(mf_parser *P);
void mf_ec_files(mf_parser *P, int kind, int op, mf_vec *vals);
void mf_ec_flags(mf_parser *P, int op, mf_vec *vals);
void mf_ec_is_name(mf_parser *P, const mf_tok *name);
void mf_ec_type(mf_parser *P, const mf_tok *name);
void mf_seg_order(mf_parser *P, int op, mf_vec *vals);

void mf_scope_set(mf_parser *P, const mf_tok *name);
void mf_sym_begin(mf_parser *P, const mf_tok *name);
void mf_sym_end(mf_parser *P);
void mf_sym_auto(mf_parser *P, uint32_t line);
void mf_sym_attr(mf_parser *P, const mf_tok *attr, const mf_tok *val);
void mf_sym_flags(mf_parser *P, int op, mf_vec *vals);
void mf_assert_begin(mf_parser *P, uint32_t line);
void mf_assert_attr(mf_parser *P, const mf_tok *attr, const mf_tok *val);
void mf_assert_end(mf_parser *P);
void mf_syms_end(mf_parser *P, const mf_tok *vername, mf_vec *parents);

void mf_dep_begin(mf_parser *P, const mf_tok *soname);
void mf_dep_attr(mf_parser *P, const mf_tok *attr, const mf_tok *ver);
void mf_cap_begin(mf_parser *P, const mf_tok *id, uint32_t line);
void mf_cap_attr(mf_parser *P, const mf_tok *attr, int op, mf_vec *vals);
void mf_cap_end(mf_parser *P);

/* model_v1.c: version 1 statements. */
void mf_v1_segment(mf_parser *P, const mf_tok *name, mf_vec *words);
void mf_v1_mapping(mf_parser *P, const mf_tok *name, mf_vec *words, mf_vec *files);
void mf_v1_order(mf_parser *P, const mf_tok *name, mf_vec *words);
void mf_v1_sizesym(mf_parser *P, const mf_tok *name, const mf_tok *sym);
void mf_v1_depend(mf_parser *P, const mf_tok *name, mf_vec *words);
void mf_v1_symbol(mf_parser *P, const mf_tok *name, mf_vec *words);

/* GNU version scripts. */
void mf_vs_symbol(mf_parser *P, const mf_tok *pat);
void mf_vs_node(mf_parser *P, const mf_tok *name, mf_vec *parents, uint32_t line);

#endif
