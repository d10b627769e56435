/* Building the model from version 2 directives (and the parts version 1 and GNU scripts share):
 * every semantic check of a mapfile happens here, with the location of the offending token. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/elf/elf.h"
#include "internal.h"
#include "ld/diag.h"

void *ld_zalloc(size_t n, size_t sz); /* ld/util.c: the arena */

/* ---- small helpers ------------------------------------------------------------------------ */

/* The model lives in the link-editor's arena (ld/util.c), as the rest of a link does: never
 * freed, and given back whole by a harness that reads many mapfiles in one process. */
void *mf_alloc(size_t n) { return ld_zalloc(1, n ? n : 1); }

char *mf_strndup(const char *s, size_t n) {
  char *p = mf_alloc(n + 1);
  memcpy(p, s, n);
  return p;
}

char *mf_strdup(const char *s) { return mf_strndup(s, strlen(s)); }

void mf_vec_push(mf_vec *vec, void *p) {
  if (vec->n == vec->cap) {
    vec->cap = vec->cap ? vec->cap * 2 : 8;
    void **nv = mf_alloc(vec->cap * sizeof *vec->v); /* the old array stays in the arena */
    if (vec->n) memcpy(nv, vec->v, vec->n * sizeof *vec->v);
    vec->v = nv;
  }
  vec->v[vec->n++] = p;
}

mf_tok *mf_tok_dup(const mf_tok *t) {
  mf_tok *d = mf_alloc(sizeof *d);
  *d = *t;
  return d;
}

mf_vec *mf_list_new(void) { return mf_alloc(sizeof(mf_vec)); }

/* ---- diagnostics: one form, "<file>: <line>: <text>", through ld's printer -------------- */

static void vformat(char *buf, size_t sz, const char *file, uint32_t line, const char *fmt,
                    va_list ap) {
  int n = line ? snprintf(buf, sz, "%s: %u: ", file, line) : snprintf(buf, sz, "%s: ", file);
  vsnprintf(buf + n, sz - (size_t)n, fmt, ap);
}

noreturn void mf_error_at(const char *file, uint32_t line, const char *fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vformat(buf, sizeof buf, file, line, fmt, ap);
  va_end(ap);
  ld_fatal("%s", buf);
}

noreturn void mf_error(mf_parser *P, uint32_t line, const char *fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vformat(buf, sizeof buf, P->file, line, fmt, ap);
  va_end(ap);
  ld_fatal("%s", buf);
}

void mf_warning(mf_parser *P, uint32_t line, const char *fmt, ...) {
  char buf[2048];
  va_list ap;
  va_start(ap, fmt);
  vformat(buf, sizeof buf, P->file, line, fmt, ap);
  va_end(ap);
  ld_warn("%s", buf);
}

/* ---- syntax contexts ---------------------------------------------------------------------- */

void mf_ctx_push(mf_parser *P, const char *name, const char *what) {
  if (P->nctx == (int)(sizeof P->ctx / sizeof P->ctx[0])) mf_error(P, P->line, "nesting too deep");
  P->ctx[P->nctx].name = name;
  P->ctx[P->nctx++].what = what;
}

void mf_ctx_pop(mf_parser *P) {
  if (P->nctx) P->nctx--;
}

/* Is `t` the keyword `kw`? Keywords are case-insensitive and must not be quoted. */
int mf_kw_is(mf_parser *P, const mf_tok *t, const char *kw) {
  if (strcasecmp(t->text, kw)) return 0;
  if (t->quoted) mf_error(P, t->line, "mapfile keywords should not be quoted: %s", t->raw);
  return 1;
}

uint64_t mf_mul(mf_parser *P, uint32_t line, uint64_t a, uint64_t b) {
  uint64_t r;
  if (__builtin_mul_overflow(a, b, &r) || (!P->m->m_is64 && r > 0xffffffffull))
    mf_error(P, line, "multiplication overflow (%llu * %llu)", (unsigned long long)a,
             (unsigned long long)b);
  return r;
}

/* The only name SIZE takes is addrsize, the target's word size. */
uint64_t mf_addrsize(mf_parser *P, const mf_tok *t) {
  if (mf_kw_is(P, t, "addrsize")) return P->m->m_is64 ? 8 : 4;
  mf_error(P, t->line, "expected integer value following SIZE: %s", t->raw);
}

/* ---- segments ----------------------------------------------------------------------------- */

static const char *pt_name(int type) {
  return type == MF_SEG_LOAD ? "PT_LOAD" : type == MF_SEG_NOTE ? "PT_NOTE" : "PT_NULL";
}

mf_segment *mf_seg_new(mf_model *m, const char *name, int type, mf_loc loc) {
  mf_segment *s = mf_alloc(sizeof *s);
  s->sg_name = name;
  s->sg_type = (uint8_t)type;
  s->sg_loc = loc;
  mf_vec_push(&m->m_segs, s);
  return s;
}

mf_segment *mf_find_segment(const mf_model *m, const char *name) {
  for (uint32_t i = 0; i < m->m_segs.n; i++) {
    mf_segment *s = m->m_segs.v[i];
    if (!strcmp(s->sg_name, name)) return s;
  }
  return NULL;
}

mf_segment *mf_seg_use(mf_parser *P, const mf_tok *name, int type, const char *dir) {
  mf_segment *s = mf_find_segment(P->m, name->text);
  if (s && s->sg_type != type)
    mf_error(P, name->line, "%s segment cannot be used with %s directive: %s", pt_name(s->sg_type),
             dir, name->text);
  if (!s) s = mf_seg_new(P->m, mf_strdup(name->text), type, (mf_loc){P->file, name->line});
  if (!s->sg_loc.file) s->sg_loc = (mf_loc){P->file, name->line}; /* a built-in's first mention */
  s->sg_mentioned = 1;
  s->sg_disabled = 0; /* naming a disabled segment enables it */
  return s;
}

static int in_seg_order(const mf_model *m, const mf_segment *s) {
  for (uint32_t i = 0; i < m->m_seg_order.n; i++)
    if (m->m_seg_order.v[i] == s) return 1;
  return 0;
}

void mf_seg_num(mf_parser *P, const mf_tok *attr, const mf_tok *val) {
  mf_segment *s = P->seg;
  const char *a = attr->canon;
  uint64_t v = val->num;
  if (!strcmp(a, "ALIGN") || !strcmp(a, "ROUND")) {
    if (v == 0 || (v & (v - 1)))
      mf_error(P, val->line, "%s value must be a power of 2: %s", a, val->text);
    if (a[0] == 'A') s->sg_align = v, s->sg_set |= MF_SGA_ALIGN;
    else s->sg_round = v, s->sg_set |= MF_SGA_ROUND;
  } else if (!strcmp(a, "MAX_SIZE")) {
    s->sg_max_size = v, s->sg_set |= MF_SGA_MAX_SIZE;
  } else {
    if (in_seg_order(P->m, s))
      mf_error(P, attr->line,
               "segment cannot have an explicit address and also be in the SEGMENT_ORDER list: %s",
               s->sg_name);
    if (a[0] == 'P') s->sg_paddr = v, s->sg_set |= MF_SGA_PADDR;
    else s->sg_vaddr = v, s->sg_set |= MF_SGA_VADDR;
  }
}

static uint32_t seg_flag_bits(mf_parser *P, mf_vec *vals) {
  uint32_t f = 0;
  for (uint32_t i = 0; i < vals->n; i++) {
    mf_tok *t = vals->v[i];
    if (mf_kw_is(P, t, "READ")) f |= PF_R;
    else if (mf_kw_is(P, t, "WRITE")) f |= PF_W;
    else if (mf_kw_is(P, t, "EXECUTE")) f |= PF_X;
    /* tld's data and stack are R+W on every target (mapfile.h). */
    else if (mf_kw_is(P, t, "DATA") || mf_kw_is(P, t, "STACK")) f |= PF_R | PF_W;
    else
      mf_error(P, t->line, "expected segment flag (DATA, EXECUTE, READ, STACK, WRITE): %s", t->raw);
  }
  return f;
}

static uint32_t apply_op(int op, uint32_t cur, uint32_t v) {
  return op == '=' ? v : op == '+' ? (cur | v) : (cur & ~v);
}

void mf_seg_flags(mf_parser *P, int op, mf_vec *vals, uint32_t line) {
  (void)line;
  P->seg->sg_flags = apply_op(op, P->seg->sg_flags, seg_flag_bits(P, vals));
  P->seg->sg_set |= MF_SGA_FLAGS;
}

void mf_stack_flags(mf_parser *P, int op, mf_vec *vals, uint32_t line) {
  (void)line;
  P->m->m_stack_set = 1;
  P->m->m_stack_flags = apply_op(op, P->m->m_stack_flags, seg_flag_bits(P, vals));
}

mf_ec *mf_find_ec(const mf_model *m, const char *name) {
  for (uint32_t i = 0; i < m->m_ecs.n; i++) {
    mf_ec *e = m->m_ecs.v[i];
    if (e->ec_name && !strcmp(e->ec_name, name)) return e;
  }
  return NULL;
}

/* OS_ORDER, SIZE_SYMBOL and IS_ORDER: lists of names; '=' replaces, '+=' appends. */
void mf_seg_list(mf_parser *P, const mf_tok *attr, int op, mf_vec *vals) {
  mf_segment *s = P->seg;
  mf_vec *dst = !strcmp(attr->canon, "OS_ORDER")      ? &s->sg_os_order
                : !strcmp(attr->canon, "SIZE_SYMBOL") ? &s->sg_size_syms
                                                      : &s->sg_is_order;
  if (op == '=') dst->n = 0;
  for (uint32_t i = 0; i < vals->n; i++) {
    mf_tok *t = vals->v[i];
    if (dst == &s->sg_is_order) {
      mf_ec *e = mf_find_ec(P->m, t->text);
      if (!e) mf_error(P, t->line, "unknown entrance criteria (ASSIGN_SECTION) name: %s", t->text);
      if (e->ec_seg != s)
        mf_error(P, t->line, "entrance criteria %s does not belong to segment %s", t->text,
                 s->sg_name);
    }
    mf_vec_push(dst, mf_strdup(t->text));
  }
}

/* ---- entrance criteria -------------------------------------------------------------------- */

void mf_ec_begin(mf_parser *P, uint32_t line) {
  mf_ec *e = mf_alloc(sizeof *e);
  e->ec_seg = P->seg;
  e->ec_loc = (mf_loc){P->file, line};
  mf_vec_push(&P->m->m_ecs, e);
  P->ec = e;
}

void mf_ec_name(mf_parser *P, const mf_tok *name) {
  if (mf_find_ec(P->m, name->text))
    mf_error(P, name->line, "cannot redefine entrance criteria: %s", name->text);
  P->ec->ec_name = mf_strdup(name->text);
}

void mf_ec_end(mf_parser *P) { P->ec = NULL; }

void mf_ec_files(mf_parser *P, int kind, int op, mf_vec *vals) {
  static const char *const names[] = {"", "FILE_BASENAME", "FILE_OBJNAME", "FILE_PATH"};
  mf_vec *dst = &P->ec->ec_files;
  if (op == '=') { /* replace the tests of this kind */
    uint32_t k = 0;
    for (uint32_t i = 0; i < dst->n; i++)
      if (((mf_file_test *)dst->v[i])->ft_kind != kind) dst->v[k++] = dst->v[i];
    dst->n = k;
  }
  for (uint32_t i = 0; i < vals->n; i++) {
    mf_tok *t = vals->v[i];
    if (kind != MF_FILE_PATH && strchr(t->text, '/'))
      mf_error(P, t->line, "%s value must not contain '/': %s", names[kind], t->text);
    mf_file_test *ft = mf_alloc(sizeof *ft);
    ft->ft_kind = (uint8_t)kind;
    ft->ft_name = mf_strdup(t->text);
    mf_vec_push(dst, ft);
  }
}

void mf_ec_flags(mf_parser *P, int op, mf_vec *vals) {
  mf_ec *e = P->ec;
  if (op == '=') e->ec_flags_mask = e->ec_flags_value = 0;
  for (uint32_t i = 0; i < vals->n; i++) {
    mf_tok *t = vals->v[i];
    uint64_t f;
    if (mf_kw_is(P, t, "ALLOC")) f = SHF_ALLOC;
    else if (mf_kw_is(P, t, "WRITE")) f = SHF_WRITE;
    else if (mf_kw_is(P, t, "EXECUTE")) f = SHF_EXECINSTR;
    else if (mf_kw_is(P, t, "AMD64_LARGE")) f = SHF_X86_64_LARGE;
    else
      mf_error(P, t->line, "expected section flag (ALLOC, AMD64_LARGE, EXECUTE, WRITE): %s",
               t->raw);
    if (op == '-') {
      e->ec_flags_mask &= ~f, e->ec_flags_value &= ~f;
      continue;
    }
    e->ec_flags_mask |= f;
    if (t->num) e->ec_flags_value &= ~f; /* negated with '!' */
    else e->ec_flags_value |= f;
  }
}

void mf_ec_is_name(mf_parser *P, const mf_tok *name) { P->ec->ec_is_name = mf_strdup(name->text); }

static const struct {
  const char *name;
  uint32_t type;
} sht_names[] = {
    {"NULL", SHT_NULL},
    {"PROGBITS", SHT_PROGBITS},
    {"SYMTAB", SHT_SYMTAB},
    {"STRTAB", SHT_STRTAB},
    {"RELA", SHT_RELA},
    {"HASH", SHT_HASH},
    {"DYNAMIC", SHT_DYNAMIC},
    {"NOTE", SHT_NOTE},
    {"NOBITS", SHT_NOBITS},
    {"REL", SHT_REL},
    {"SHLIB", SHT_SHLIB},
    {"DYNSYM", SHT_DYNSYM},
    {"INIT_ARRAY", SHT_INIT_ARRAY},
    {"FINI_ARRAY", SHT_FINI_ARRAY},
    {"PREINIT_ARRAY", SHT_PREINIT_ARRAY},
    {"GROUP", SHT_GROUP},
    {"SYMTAB_SHNDX", SHT_SYMTAB_SHNDX},
    {"SUNW_COMDAT", SHT_SUNW_COMDAT},
    {"GNU_HASH", SHT_GNU_HASH},
    {"SUNW_verdef", SHT_SUNW_verdef},
    {"SUNW_verneed", SHT_SUNW_verneed},
    {"SUNW_versym", SHT_SUNW_versym},
};

/* Section type by name: SHT_PROGBITS or PROGBITS (case-insensitive); 0 if unknown. */
int mf_sht_lookup(const char *s, uint32_t *type) {
  if (!strncasecmp(s, "SHT_", 4)) s += 4;
  for (size_t i = 0; i < sizeof sht_names / sizeof sht_names[0]; i++)
    if (!strcasecmp(s, sht_names[i].name)) {
      *type = sht_names[i].type;
      return 1;
    }
  return 0;
}

const char *mf_sht_name(uint32_t type) {
  for (size_t i = 0; i < sizeof sht_names / sizeof sht_names[0]; i++)
    if (sht_names[i].type == type) return sht_names[i].name;
  return "?";
}

void mf_ec_type(mf_parser *P, const mf_tok *name) {
  uint32_t t;
  if (name->quoted) mf_error(P, name->line, "mapfile keywords should not be quoted: %s", name->raw);
  if (!mf_sht_lookup(name->text, &t))
    mf_error(P, name->line, "expected section type: %s", name->raw);
  P->ec->ec_type = t;
  P->ec->ec_type_set = 1;
}

void mf_seg_order(mf_parser *P, int op, mf_vec *vals) {
  mf_model *m = P->m;
  if (op == '=') m->m_seg_order.n = 0;
  for (uint32_t i = 0; i < vals->n; i++) {
    mf_tok *t = vals->v[i];
    mf_segment *s = mf_find_segment(m, t->text);
    if (!s) mf_error(P, t->line, "SEGMENT_ORDER: unknown segment: %s", t->text);
    if (s->sg_set & (MF_SGA_VADDR | MF_SGA_PADDR))
      mf_error(P, t->line,
               "segment cannot have an explicit address and also be in the SEGMENT_ORDER list: %s",
               t->text);
    if (in_seg_order(m, s))
      mf_error(P, t->line, "segment is already in the SEGMENT_ORDER list: %s", t->text);
    s->sg_mentioned = 1;
    mf_vec_push(&m->m_seg_order, s);
  }
}

/* ---- symbols ------------------------------------------------------------------------------ */

static const struct {
  const char *name;
  int scope;
} scopes[] = {
    {"DEFAULT", MF_SCOPE_DEFAULT},     {"ELIMINATE", MF_SCOPE_ELIMINATE},
    {"EXPORTED", MF_SCOPE_EXPORTED},   {"HIDDEN", MF_SCOPE_HIDDEN},
    {"GLOBAL", MF_SCOPE_DEFAULT},      {"LOCAL", MF_SCOPE_HIDDEN},
    {"PROTECTED", MF_SCOPE_PROTECTED}, {"SINGLETON", MF_SCOPE_SINGLETON},
    {"SYMBOLIC", MF_SCOPE_PROTECTED},
};

const char *mf_scope_name(int scope) {
  static const char *const n[] = {"none",      "default", "exported", "singleton",
                                  "protected", "hidden",  "eliminate"};
  return scope >= 0 && scope <= MF_SCOPE_ELIMINATE ? n[scope] : "?";
}

void mf_scope_set(mf_parser *P, const mf_tok *name) {
  for (size_t i = 0; i < sizeof scopes / sizeof scopes[0]; i++)
    if (mf_kw_is(P, name, scopes[i].name)) {
      P->scope = scopes[i].scope;
      return;
    }
  mf_error(P, name->line,
           "expected symbol scope (DEFAULT, ELIMINATE, EXPORTED, HIDDEN, GLOBAL, LOCAL, "
           "PROTECTED, SINGLETON, SYMBOLIC): %s",
           name->raw);
}

void mf_sym_begin(mf_parser *P, const mf_tok *name) {
  mf_sym *s = mf_alloc(sizeof *s);
  s->sy_name = mf_strdup(name->text);
  s->sy_scope = (uint8_t)P->scope;
  s->sy_lang = MF_LANG_C;
  s->sy_loc = (mf_loc){P->file, name->line};
  mf_vec_push(&P->pending, s);
  P->sym = s;
}

void mf_sym_end(mf_parser *P) {
  mf_sym *s = P->sym;
  if ((s->sy_flags & (MF_SYF_EXTERN | MF_SYF_PARENT)) && (s->sy_set & (MF_SYA_SIZE | MF_SYA_VALUE)))
    mf_error(P, s->sy_loc.line, "VALUE and SIZE cannot be used with EXTERN or PARENT: %s",
             s->sy_name);
  if ((s->sy_flags & (MF_SYF_EXTERN | MF_SYF_PARENT)) && s->sy_assert)
    mf_error(P, s->sy_assert->as_loc.line, "can't assert attributes of extern/parent symbol: %s",
             s->sy_name);
  if (s->sy_filter && s->sy_auxiliary)
    mf_error(P, s->sy_loc.line, "FILTER and AUXILIARY cannot both be given: %s", s->sy_name);
  P->sym = NULL;
}

void mf_sym_auto(mf_parser *P, uint32_t line) {
  if (P->scope != MF_SCOPE_HIDDEN && P->scope != MF_SCOPE_ELIMINATE)
    mf_error(P, line, "auto-reduction ('*') can only be used in hidden/local, or eliminate scope");
  /* Eliminate is the stronger reduction: once asked for, it stays. */
  if (P->m->m_autoreduce != MF_SCOPE_ELIMINATE) {
    P->m->m_autoreduce = (uint8_t)P->scope;
    P->m->m_autoreduce_loc = (mf_loc){P->file, line};
  }
}

static int sym_type(mf_parser *P, const mf_tok *t) {
  if (mf_kw_is(P, t, "COMMON")) return STT_COMMON;
  if (mf_kw_is(P, t, "DATA")) return STT_OBJECT;
  if (mf_kw_is(P, t, "FUNCTION")) return STT_FUNC;
  mf_error(P, t->line, "expected symbol type (COMMON, DATA, FUNCTION): %s", t->raw);
}

void mf_sym_attr(mf_parser *P, const mf_tok *attr, const mf_tok *val) {
  mf_sym *s = P->sym;
  const char *a = attr->canon;
  if (!strcmp(a, "AUXILIARY")) s->sy_auxiliary = mf_strdup(val->text);
  else if (!strcmp(a, "FILTER")) s->sy_filter = mf_strdup(val->text);
  else if (!strcmp(a, "SIZE")) s->sy_size = val->num, s->sy_set |= MF_SYA_SIZE;
  else if (!strcmp(a, "VALUE")) s->sy_value = val->num, s->sy_set |= MF_SYA_VALUE;
  else s->sy_type = (uint8_t)sym_type(P, val), s->sy_set |= MF_SYA_TYPE;
}

static const struct {
  const char *name;
  uint32_t flag;
} symflags[] = {
    {"DIRECT", MF_SYF_DIRECT},       {"DYNSORT", MF_SYF_DYNSORT},   {"EXTERN", MF_SYF_EXTERN},
    {"INTERPOSE", MF_SYF_INTERPOSE}, {"NODIRECT", MF_SYF_NODIRECT}, {"NODYNSORT", MF_SYF_NODYNSORT},
    {"PARENT", MF_SYF_PARENT},
};

/* A symbol flag by name; 0 if the word is not one. Shared with version 1. */
uint32_t mf_symflag_lookup(mf_parser *P, const mf_tok *t) {
  for (size_t i = 0; i < sizeof symflags / sizeof symflags[0]; i++)
    if (mf_kw_is(P, t, symflags[i].name)) return symflags[i].flag;
  return 0;
}

void mf_sym_flags(mf_parser *P, int op, mf_vec *vals) {
  mf_sym *s = P->sym;
  if (op == '=') s->sy_flags = 0;
  for (uint32_t i = 0; i < vals->n; i++) {
    mf_tok *t = vals->v[i];
    uint32_t f = mf_symflag_lookup(P, t);
    if (!f)
      mf_error(P, t->line,
               "expected symbol flag (DIRECT, DYNSORT, EXTERN, INTERPOSE, NODIRECT, NODYNSORT, "
               "PARENT): %s",
               t->raw);
    s->sy_flags |= f;
  }
  if ((s->sy_flags & MF_SYF_DIRECT) && (s->sy_flags & MF_SYF_NODIRECT))
    mf_error(P, s->sy_loc.line, "DIRECT and NODIRECT cannot both be given: %s", s->sy_name);
}

void mf_assert_begin(mf_parser *P, uint32_t line) {
  mf_assert *a = mf_alloc(sizeof *a);
  a->as_loc = (mf_loc){P->file, line};
  P->sym->sy_assert = a;
  P->as = a;
}

void mf_assert_attr(mf_parser *P, const mf_tok *attr, const mf_tok *val) {
  mf_assert *a = P->as;
  const char *n = attr->canon;
  if (!strcmp(n, "ALIAS")) {
    a->as_alias = mf_strdup(val->text), a->as_set |= MF_SYA_ALIAS;
  } else if (!strcmp(n, "BIND") || !strcmp(n, "BINDING")) {
    if (mf_kw_is(P, val, "GLOBAL")) a->as_bind = STB_GLOBAL;
    else if (mf_kw_is(P, val, "LOCAL")) a->as_bind = STB_LOCAL;
    else if (mf_kw_is(P, val, "WEAK")) a->as_bind = STB_WEAK;
    else mf_error(P, val->line, "expected binding (GLOBAL, LOCAL, WEAK): %s", val->raw);
    a->as_set |= MF_SYA_BIND;
  } else if (!strcmp(n, "SH_ATTR")) {
    if (mf_kw_is(P, val, "BITS")) a->as_nobits = 0;
    else if (mf_kw_is(P, val, "NOBITS")) a->as_nobits = 1;
    else mf_error(P, val->line, "expected section attribute (BITS, NOBITS): %s", val->raw);
    a->as_set |= MF_SYA_SHATTR;
  } else if (!strcmp(n, "SIZE")) {
    a->as_size = val->num, a->as_set |= MF_SYA_SIZE;
  } else {
    static const struct {
      const char *n;
      uint8_t t;
    } types[] = {{"DATA", STT_OBJECT},   {"OBJECT", STT_OBJECT},   {"FUNC", STT_FUNC},
                 {"FUNCTION", STT_FUNC}, {"SECTION", STT_SECTION}, {"FILE", STT_FILE},
                 {"COMMON", STT_COMMON}, {"TLS", STT_TLS}};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
      if (mf_kw_is(P, val, types[i].n)) {
        a->as_type = types[i].t, a->as_set |= MF_SYA_TYPE;
        return;
      }
    mf_error(P, val->line,
             "expected symbol type (COMMON, DATA, FILE, FUNC, FUNCTION, OBJECT, SECTION, TLS): %s",
             val->raw);
  }
}

void mf_assert_end(mf_parser *P) {
  if ((P->as->as_set & MF_SYA_ALIAS) && !(P->as->as_set & MF_SYA_BIND))
    mf_error(P, P->as->as_loc.line, "ALIAS assertions may only be used with BINDING");
  P->as = NULL;
}

mf_version *mf_find_version(const mf_model *m, const char *name) {
  for (uint32_t i = 0; i < m->m_versions.n; i++) {
    mf_version *v = m->m_versions.v[i];
    if (!strcmp(v->vr_name, name)) return v;
  }
  return NULL;
}

/* The end of a symbol list: its symbols join the named version (created on first use; a later
 * list for the same name adds to it) or, unnamed, the scope-only list. */
void mf_syms_end(mf_parser *P, const mf_tok *vername, mf_vec *parents) {
  mf_version *v = NULL;
  if (vername) {
    v = mf_find_version(P->m, vername->text);
    if (!v) {
      v = mf_alloc(sizeof *v);
      v->vr_name = mf_strdup(vername->text);
      v->vr_loc = (mf_loc){P->file, vername->line};
      mf_vec_push(&P->m->m_versions, v);
    }
  } else if (parents && parents->n) {
    mf_tok *t = parents->v[0];
    mf_error(P, t->line, "a symbol list without a version cannot inherit: %s", t->text);
  }
  for (uint32_t i = 0; parents && i < parents->n; i++) {
    mf_tok *t = parents->v[i];
    if (!strcmp(t->text, v->vr_name))
      mf_error(P, t->line, "version cannot inherit from itself: %s", t->text);
    mf_vec_push(&v->vr_parents, mf_tok_dup(t));
  }
  for (uint32_t i = 0; i < P->pending.n; i++) {
    mf_sym *s = P->pending.v[i];
    s->sy_ver = v;
    mf_vec_push(v ? &v->vr_syms : &P->m->m_scope, s);
  }
  P->pending.n = 0;
}

/* ---- DEPEND_VERSIONS and CAPABILITY ------------------------------------------------------- */

void mf_dep_begin(mf_parser *P, const mf_tok *soname) {
  for (uint32_t i = 0; i < P->m->m_depends.n; i++) {
    mf_depend *d = P->m->m_depends.v[i];
    if (!strcmp(d->dp_soname, soname->text)) {
      P->dep = d;
      return;
    }
  }
  mf_depend *d = mf_alloc(sizeof *d);
  d->dp_soname = mf_strdup(soname->text);
  d->dp_loc = (mf_loc){P->file, soname->line};
  mf_vec_push(&P->m->m_depends, d);
  P->dep = d;
}

void mf_dep_attr(mf_parser *P, const mf_tok *attr, const mf_tok *ver) {
  mf_vec_push(!strcmp(attr->canon, "ALLOW") ? &P->dep->dp_allow : &P->dep->dp_require,
              mf_strdup(ver->text));
}

void mf_cap_begin(mf_parser *P, const mf_tok *id, uint32_t line) {
  mf_cap *c = mf_alloc(sizeof *c);
  c->cp_id = id ? mf_strdup(id->text) : NULL;
  c->cp_loc = (mf_loc){P->file, line};
  mf_vec_push(&P->m->m_caps, c);
  P->cap = c;
}

void mf_cap_attr(mf_parser *P, const mf_tok *attr, int op, mf_vec *vals) {
  size_t len = strlen(attr->canon) + 3;
  for (uint32_t i = 0; i < vals->n; i++) len += strlen(((mf_tok *)vals->v[i])->text) + 1;
  char *w = mf_alloc(len + 1);
  int n = sprintf(w, "%s%s", attr->canon, op == '=' ? "=" : op == '+' ? "+=" : "-=");
  for (uint32_t i = 0; i < vals->n; i++)
    n += sprintf(w + n, "%s%s", i ? " " : "", ((mf_tok *)vals->v[i])->text);
  mf_vec_push(&P->cap->cp_words, w);
}

/* Capabilities select among alternative code on Solaris; Linux has no such mechanism, so the
 * definition is kept for the dump and otherwise ignored, loudly. */
void mf_cap_end(mf_parser *P) {
  mf_warning(P, P->cap->cp_loc.line,
             "CAPABILITY has no effect on Linux targets; the definition is ignored");
  P->cap = NULL;
}

/* ---- the model ---------------------------------------------------------------------------- */

mf_model *mf_model_new(const mf_target *t) {
  mf_model *m = mf_alloc(sizeof *m);
  m->m_is64 = t->is64;
  m->m_target = t->name;
  m->m_stack_flags = PF_R | PF_W;
  mf_loc none = {NULL, 0};
  struct {
    const char *name;
    int type;
    uint32_t flags;
    int disabled;
    int large;
  } builtin[] = {
      {"text", MF_SEG_LOAD, PF_R | PF_X, 0, 0},  {"data", MF_SEG_LOAD, PF_R | PF_W, 0, 0},
      {"bss", MF_SEG_LOAD, PF_R | PF_W, 1, 0},   {"lrodata", MF_SEG_LOAD, PF_R, 0, 1},
      {"ldata", MF_SEG_LOAD, PF_R | PF_W, 0, 1}, {"note", MF_SEG_NOTE, 0, 0, 0},
      {"extra", MF_SEG_NULL, 0, 0, 0},
  };
  for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
    if (builtin[i].large && !t->large_segs) continue;
    mf_segment *s = mf_seg_new(m, builtin[i].name, builtin[i].type, none);
    s->sg_builtin = 1;
    s->sg_flags = builtin[i].flags;
    s->sg_disabled = (uint8_t)builtin[i].disabled;
  }
  /* The names $if can test without $add (solaris-link-editors.md §4.1). */
  mf_vec_push(&m->m_defines, mf_strdup(t->is64 ? "_ELF64" : "_ELF32"));
  if (t->isa) mf_vec_push(&m->m_defines, mf_strdup(t->isa));
  mf_vec_push(&m->m_defines, mf_strdup("true"));
  return m;
}

/* Checks that need every file: inherited versions must be defined somewhere in the link's
 * mapfiles (a version may name one defined later or in another file). */
void mf_finish(mf_model *m) {
  for (uint32_t i = 0; i < m->m_versions.n; i++) {
    mf_version *v = m->m_versions.v[i];
    for (uint32_t j = 0; j < v->vr_parents.n; j++) {
      mf_tok *t = v->vr_parents.v[j];
      if (!mf_find_version(m, t->text))
        mf_error_at(v->vr_loc.file, t->line, "version %s inherits from undefined version: %s",
                    v->vr_name, t->text);
    }
  }
  /* Replace the parents' token records by plain names, as mapfile.h promises. */
  for (uint32_t i = 0; i < m->m_versions.n; i++) {
    mf_version *v = m->m_versions.v[i];
    for (uint32_t j = 0; j < v->vr_parents.n; j++)
      v->vr_parents.v[j] = (void *)((mf_tok *)v->vr_parents.v[j])->text;
  }
}
