/* Applying a linker script (the model of ld/lscript.h) to the link.
 *
 * Placement: an input section goes to the output section of the first input description that
 * matches it, in script order; /DISCARD/ drops it. A section no description matches is an orphan:
 * with a SECTIONS layout it keeps its own name (joining a script section of that name when there
 * is one) and is placed after the script section whose flags are most like its own; with
 * INSERT scripts and the default layout it follows the default naming rules.
 *
 * /DISCARD/ applies as soon as every input is read, so .eh_frame and garbage collection never see
 * the sections it drops.
 *
 * Layout (a script with SECTIONS; an INSERT script's sections join it next to their anchors, and
 * without SECTIONS they join the default layout): the statements are evaluated in order with the
 * location counter, regions and LMAs; the whole walk is repeated until addresses, symbol values
 * and the number of program headers stop changing (forward references such as SIZEOF of a later
 * section settle that way), then once more to report ASSERTs, overflows and undefined names.
 * Program headers come from PHDRS, or else one PT_LOAD per run of sections that share
 * permissions, LMA offset and pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lscript.h"

/* Symbols the script defines: s_esym - LS_SYM_KIND indexes this table. */
typedef struct ls_symdef {
  ld_sym *d_sym;
  uint64_t d_val;
  uint8_t d_set; /* assigned earlier in the current walk */
} ls_symdef;

/* The state of one walk over the statements. */
typedef struct walk {
  int final; /* report errors (the last walk) */
  uint64_t dot;
  uint64_t hdr_size; /* SIZEOF_HEADERS */
  uint64_t page;
  ls_osec *in_os; /* the output section being laid out, or NULL */
  uint64_t os_start;
  ls_region *last_region;     /* of the last output section: orphans after it stay in it */
  ls_region *last_lma_region; /* its AT> region, which orphans after it extend */
} walk;

typedef struct item item;
typedef struct lsec lsec;
typedef struct load load;

/* The state of applying the scripts (ld_lscript_define through ld_lscript_finish and
 * ld_lscript_sym_value). It reads the parsed scripts (ld_ls), the link's options, objects and
 * output sections, and writes output sections, their addresses and the program headers into the
 * link context; what it keeps between its entry points is here. ld_lscript_reset starts it
 * afresh. */
#define LSCRIPT_PASS_INIT                                                                          \
  {                                                                                                \
    .script_obj = {.o_name = "<linker script>", .o_id = UINT32_MAX}, .default_region = {           \
      .r_name = "(default)",                                                                       \
      .r_len = UINT64_MAX                                                                          \
    }                                                                                              \
  }
static struct lscript_pass {
  ls_symdef *symdefs; /* symbols the scripts define: s_esym - LS_SYM_KIND indexes it */
  uint32_t nsymdefs;
  ld_obj script_obj;  /* the owner of sections and symbols the scripts create */
  ld_vec script_refs; /* names the scripts' expressions use (a PROVIDE for one of them is needed) */
  ld_vec discarded;   /* allocated sections /DISCARD/ dropped, whose symbols nothing may use */
  ld_vec orphan_osecs; /* orphans of a SECTIONS layout, by their own names */
  ls_insec *sort_in;   /* the input sections being sorted (the comparison's context) */
  walk W;              /* the current walk over the statements */
  item *items;         /* the scripted layout: statements and orphans in order */
  uint32_t nitems;
  ls_region default_region; /* the region of sections that name none */
  lsec *secs;               /* the laid-out sections, for segment building */
  uint32_t nsecs;
  load *loads; /* the PT_LOADs built */
  uint32_t nloads;
  int post_done; /* the assignments were evaluated after a layout without SECTIONS */
} P = LSCRIPT_PASS_INIT;

static int active(void) { return ld_ls.lm_stmts.n || ld_ls.lm_inserts.n || ld_ls.lm_regions.n; }

/* Every statement of every script, in order, with the bodies of output sections after them. */
static void foreach_stmt(void (*fn)(ls_stmt *, ls_osec *, void *), void *arg) {
  for (int pass = 0; pass < 2; pass++) {
    ld_vec *v = pass ? &ld_ls.lm_inserts : &ld_ls.lm_stmts;
    for (uint32_t i = 0; i < v->n; i++) {
      ls_stmt *s = v->v[i];
      fn(s, NULL, arg);
      if (s->st_kind == LS_OSEC)
        for (uint32_t k = 0; k < s->st_os->lo_nbody; k++) fn(s->st_os->lo_body[k], s->st_os, arg);
    }
  }
}

/* ---- symbols ---- */

static void define_one(ls_stmt *st, ls_osec *lo, void *arg) {
  (void)lo, (void)arg;
  if (st->st_kind != LS_ASSIGN || !strcmp(st->st_sym, ".")) return;
  uint32_t len = (uint32_t)strlen(st->st_sym);
  ld_sym *s = ld_sym_lookup(st->st_sym, len);
  int ours = s && s->s_def == SD_SYNTH && s->s_esym >= LS_SYM_KIND && s->s_esym < LS_SYM_KIND_END;
  if (st->st_provide && !ours) {
    /* PROVIDE defines only what is referenced (by an object or by the script) and defined
     * nowhere else; the symbols the link-editor defines itself (__rela_iplt_start,
     * __init_array_end, ...) keep their own values, which know about its synthetic sections. */
    int wanted = s ? s->s_referenced : 0;
    for (uint32_t i = 0; i < P.script_refs.n && !wanted; i++)
      wanted = !strcmp(P.script_refs.v[i], st->st_sym);
    if ((s && s->s_def != SD_UNDEF) || !wanted || ld_synth_kind(st->st_sym)) return;
  }
  if (!s) s = ld_sym_intern(st->st_sym, len);
  if (!ours) {
    P.symdefs = ld_xrealloc(P.symdefs, (P.nsymdefs + 1) * sizeof *P.symdefs);
    P.symdefs[P.nsymdefs] = (ls_symdef){.d_sym = s};
    s->s_esym = LS_SYM_KIND + P.nsymdefs++;
    s->s_def = SD_SYNTH;
    s->s_sec = NULL;
    s->s_file = NULL;
    s->s_type = STT_NOTYPE;
    s->s_bind = STB_GLOBAL;
    s->s_size = 0;
  }
  if (st->st_hidden) s->s_vis = STV_HIDDEN;
  st->st_symdef = s->s_esym - LS_SYM_KIND + 1;
}

static void collect_refs(const ls_expr *e) {
  if (!e) return;
  if (e->e_kind == LE_SYM) ld_vec_push(&P.script_refs, (void *)e->e_name);
  collect_refs(e->e_a);
  collect_refs(e->e_b);
  collect_refs(e->e_c);
}

static void refs_of(ls_stmt *st, ls_osec *lo, void *arg) {
  (void)lo, (void)arg;
  collect_refs(st->st_expr);
  if (st->st_kind == LS_OSEC) {
    ls_osec *o = st->st_os;
    collect_refs(o->lo_addr), collect_refs(o->lo_lma), collect_refs(o->lo_align),
        collect_refs(o->lo_subalign);
  }
}

/* ---- matching ---- */

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* A file pattern against an input's name: the path as given, its base name, or for an archive
 * member "lib.a(m.o)" the forms "archive:member" (either side may be empty or a pattern). */
static int file_match(const char *pat, const ld_obj *o) {
  const char *name = o->o_name;
  const char *colon = strchr(pat, ':');
  const char *paren = strrchr(name, '(');
  size_t nl = strlen(name);
  if (colon) {
    if (!paren || name[nl - 1] != ')') return 0;
    char *ar = ld_sprintf("%.*s", (int)(paren - name), name);
    char *mem = ld_sprintf("%.*s", (int)(nl - (size_t)(paren - name) - 2), paren + 1);
    char *pa = ld_sprintf("%.*s", (int)(colon - pat), pat);
    const char *pm = colon + 1;
    int a_ok = !*pa || ld_lscript_glob(pa, ar) || ld_lscript_glob(pa, base_name(ar));
    int m_ok = !*pm || ld_lscript_glob(pm, mem);
    return a_ok && m_ok;
  }
  if (ld_lscript_glob(pat, name) || ld_lscript_glob(pat, base_name(name))) return 1;
  if (paren && name[nl - 1] == ')') { /* a member by its own name */
    char *mem = ld_sprintf("%.*s", (int)(nl - (size_t)(paren - name) - 2), paren + 1);
    return ld_lscript_glob(pat, mem);
  }
  return 0;
}

static int excluded(const char *const *v, uint32_t n, const ld_obj *o) {
  for (uint32_t i = 0; i < n; i++)
    if (file_match(v[i], o)) return 1;
  return 0;
}

static int is_common(const ld_isec *is) {
  return is->is_idx == UINT32_MAX && is->is_type == SHT_NOBITS;
}

/* The index of the first pattern of `in` that takes `is`, or -1. */
static int insec_match(const ls_insec *in, const ld_isec *is) {
  const ld_obj *o = is->is_file;
  if (!o) return -1;
  if (in->in_file && !file_match(in->in_file, o)) return -1;
  if (in->in_nexcl && excluded(in->in_excl, in->in_nexcl, o)) return -1;
  const char *name = is_common(is) && ld_ls.lm_refs_common ? "COMMON" : is->is_name;
  for (uint32_t i = 0; i < in->in_npats; i++) {
    const ls_secpat *p = &in->in_pats[i];
    if (p->sp_nexcl && excluded(p->sp_excl, p->sp_nexcl, o)) continue;
    if (ld_lscript_glob(p->sp_glob, name)) return (int)i;
  }
  return -1;
}

typedef struct match {
  ls_osec *m_os;
  ls_insec *m_in;
} match;

static match find_match(const ld_isec *is) {
  match m = {0};
  for (int pass = 0; pass < 2; pass++) {
    ld_vec *v = pass ? &ld_ls.lm_inserts : &ld_ls.lm_stmts;
    for (uint32_t i = 0; i < v->n; i++) {
      ls_stmt *s = v->v[i];
      if (s->st_kind != LS_OSEC) continue;
      ls_osec *lo = s->st_os;
      /* ONLY_IF_RO / ONLY_IF_RW, judged by each input (GNU ld judges all of them together). */
      if (lo->lo_constraint && !!(is->is_flags & SHF_WRITE) != (lo->lo_constraint == 2)) continue;
      for (uint32_t k = 0; k < lo->lo_nbody; k++) {
        ls_stmt *b = lo->lo_body[k];
        if (b->st_kind == LS_INPUT && insec_match(b->st_in, is) >= 0) {
          m.m_os = lo;
          m.m_in = b->st_in;
          return m;
        }
      }
    }
  }
  return m;
}

/* /DISCARD/ applies as soon as every input is read, before .eh_frame records and garbage
 * collection are worked out, so that nothing of a discarded section survives. */
static void discard_early(void) {
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live) continue;
      match m = find_match(is);
      if (!m.m_os || !m.m_os->lo_discard) continue;
      is->is_live = 0;
      if (is->is_flags & SHF_ALLOC) ld_vec_push(&P.discarded, is);
    }
  }
}

void ld_lscript_define(void) {
  if (!active()) return;
  foreach_stmt(refs_of, NULL);
  foreach_stmt(define_one, NULL);
  discard_early();
}

/* A reference from a kept allocated section to a symbol of a discarded one is an error, as
 * GNU ld makes it (debugging sections and .eh_frame may refer to it). */
static void check_discarded_refs(void) {
  if (!P.discarded.n) return;
  for (uint32_t i = 0; i < P.discarded.n; i++) ((ld_isec *)P.discarded.v[i])->is_gc_mark = 2;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live || !(is->is_flags & SHF_ALLOC) || is->is_eh) continue;
      ld_read_rels(is);
      for (uint32_t r = 0; r < is->is_nrels; r++) {
        uint32_t si = is->is_rels[r].r_sym;
        ld_sym *s = si ? o->o_syms[si] : NULL;
        if (!s || !s->s_sec || s->s_sec->is_gc_mark != 2 || s->s_def != SD_REGULAR) continue;
        if (s->s_type == STT_SECTION || !*s->s_name)
          ld_error("%s: refers to section %s of %s, which the linker script discards",
                   ld_sec_loc(is, is->is_rels[r].r_offset), s->s_sec->is_name,
                   s->s_sec->is_file->o_name);
        else
          ld_error("%s: '%s' is defined in section %s of %s, which the linker script discards",
                   ld_sec_loc(is, is->is_rels[r].r_offset), s->s_name, s->s_sec->is_name,
                   s->s_sec->is_file->o_name);
      }
    }
  }
}

int ld_lscript_keep(const ld_isec *is) {
  if (!active()) return 0;
  match m = find_match(is);
  return m.m_in && m.m_in->in_keep && !m.m_os->lo_discard;
}

static ls_osec *script_osec_named(const char *name) {
  for (int pass = 0; pass < 2; pass++) {
    ld_vec *v = pass ? &ld_ls.lm_inserts : &ld_ls.lm_stmts;
    for (uint32_t i = 0; i < v->n; i++) {
      ls_stmt *s = v->v[i];
      if (s->st_kind == LS_OSEC && !strcmp(s->st_os->lo_name, name)) return s->st_os;
    }
  }
  return NULL;
}

static uint32_t out_type(const char *name, uint32_t type) {
  if (!strcmp(name, ".init_array")) return SHT_INIT_ARRAY;
  if (!strcmp(name, ".fini_array")) return SHT_FINI_ARRAY;
  if (!strcmp(name, ".preinit_array")) return SHT_PREINIT_ARRAY;
  if (type == SHT_X86_64_UNWIND) return SHT_PROGBITS;
  return type;
}

static ld_osec *script_out(ls_osec *lo, uint32_t type) {
  if (!lo->lo_out)
    lo->lo_out = ld_new_osec(lo->lo_name, out_type(lo->lo_name, type), 0, 1, SY_NONE);
  return lo->lo_out;
}

int ld_lscript_has_sections(void) { return ld_ls.lm_has_sections; }

ld_osec *ld_lscript_place(ld_isec *is, const char *default_name, int *orphan) {
  *orphan = 0;
  if (!active()) return NULL;
  match m = find_match(is);
  if (m.m_os) {
    if (m.m_os->lo_discard) {
      is->is_live = 0;
      return NULL;
    }
    ld_vec_push(&m.m_in->in_matched, is);
    return script_out(m.m_os, is->is_type);
  }
  /* An orphan joins a script section of its own (or, with INSERT, its default) name. */
  *orphan = ld_ls.lm_has_sections;
  const char *name = ld_ls.lm_has_sections ? is->is_name : default_name;
  ls_osec *lo = script_osec_named(name);
  if (lo && !lo->lo_discard) {
    ld_vec_push(&lo->lo_orphans, is);
    return script_out(lo, is->is_type);
  }
  if (!ld_ls.lm_has_sections) return NULL;
  for (uint32_t i = 0; i < P.orphan_osecs.n; i++) {
    ld_osec *os = P.orphan_osecs.v[i];
    if (!strcmp(os->os_name, name) && ((os->os_flags ^ is->is_flags) & SHF_ALLOC) == 0) return os;
  }
  ld_osec *os = ld_new_osec(name, out_type(name, is->is_type), 0, 1, SY_NONE);
  ld_vec_push(&P.orphan_osecs, os);
  return os;
}

/* ---- order within output sections ---- */

static uint32_t init_priority(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot || dot == name) return 65536;
  char *end;
  unsigned long v = strtoul(dot + 1, &end, 10);
  if (*end || end == dot + 1) return 65536;
  if (!strncmp(name, ".ctors", 6) || !strncmp(name, ".dtors", 6)) return 65535 - (uint32_t)v;
  return (uint32_t)v;
}

static int pattern_sort(const ld_isec *is) {
  int i = insec_match(P.sort_in, is);
  return i >= 0 ? P.sort_in->in_pats[i].sp_sort : LS_SORT_NONE;
}

/* Sorting keys of one description; the position in link order (is_off, set before sorting)
 * breaks ties so the order is stable. */
static int cmp_sorted(const void *a, const void *b) {
  const ld_isec *x = *(ld_isec *const *)a, *y = *(ld_isec *const *)b;
  int mx = pattern_sort(x), my = pattern_sort(y);
  int c = 0;
  if (mx == my && mx != LS_SORT_NONE) {
    int by_name = mx == LS_SORT_NAME || mx == LS_SORT_NAME_ALIGN;
    int by_align = mx == LS_SORT_ALIGN || mx == LS_SORT_ALIGN_NAME;
    if (mx == LS_SORT_INIT_PRIO) {
      uint32_t px = init_priority(x->is_name), py = init_priority(y->is_name);
      c = px < py ? -1 : px > py;
    }
    if (!c && by_name && mx == LS_SORT_NAME_ALIGN) {
      c = strcmp(x->is_name, y->is_name);
      if (!c && x->is_align != y->is_align) c = x->is_align > y->is_align ? -1 : 1;
    } else if (!c && by_align) {
      if (x->is_align != y->is_align) c = x->is_align > y->is_align ? -1 : 1;
      if (!c && mx == LS_SORT_ALIGN_NAME) c = strcmp(x->is_name, y->is_name);
    } else if (!c && by_name) {
      c = strcmp(x->is_name, y->is_name);
    }
  }
  if (c) return c;
  return x->is_off < y->is_off ? -1 : x->is_off > y->is_off;
}

static ld_isec *new_piece(ld_osec *os, uint64_t size, int nobits) {
  ld_isec *is = ld_xcalloc(1, sizeof *is);
  is->is_file = &P.script_obj;
  is->is_name = os->os_name;
  is->is_type = nobits ? SHT_NOBITS : SHT_PROGBITS;
  is->is_flags = os->os_flags;
  is->is_size = is->is_insize = size;
  is->is_align = 1;
  is->is_live = 1;
  is->is_idx = UINT32_MAX - 1;
  is->is_out = os;
  if (!nobits) is->is_data = ld_xcalloc(1, size ? size : 1);
  return is;
}

static int has_data_or_dot(const ls_osec *lo) {
  for (uint32_t k = 0; k < lo->lo_nbody; k++) {
    const ls_stmt *b = lo->lo_body[k];
    if (b->st_kind == LS_DATA) return 2;
    if (b->st_kind == LS_ASSIGN && !strcmp(b->st_sym, ".")) return 1;
  }
  return 0;
}

static void order_osec(ls_osec *lo) {
  if (lo->lo_discard) return;
  int extra = has_data_or_dot(lo);
  if (!lo->lo_out) {
    /* A section that only moves the location counter or holds data still exists. */
    if (!extra || !ld_ls.lm_has_sections) return;
    ld_osec *os = script_out(lo, extra == 2 && !lo->lo_noload ? SHT_PROGBITS : SHT_NOBITS);
    os->os_flags = SHF_ALLOC | SHF_WRITE;
  }
  ld_osec *os = lo->lo_out;
  os->os_isecs.n = 0;
  for (uint32_t k = 0; k < lo->lo_nbody; k++) {
    ls_stmt *b = lo->lo_body[k];
    if (b->st_kind == LS_DATA) {
      b->st_data = new_piece(os, b->st_size, 0);
      if (os->os_type == SHT_NOBITS) os->os_type = SHT_PROGBITS;
      ld_vec_push(&os->os_isecs, b->st_data);
      continue;
    }
    if (b->st_kind != LS_INPUT) continue;
    ls_insec *in = b->st_in;
    ld_vec live = {0};
    for (uint32_t i = 0; i < in->in_matched.n; i++) {
      ld_isec *is = in->in_matched.v[i];
      if (!is->is_live) continue;
      is->is_off = live.n;
      ld_vec_push(&live, is);
    }
    P.sort_in = in;
    ld_qsort(live.v, live.n, sizeof(void *), cmp_sorted);
    in->in_matched = live;
    for (uint32_t i = 0; i < live.n; i++) ld_vec_push(&os->os_isecs, live.v[i]);
  }
  ld_vec live = {0};
  for (uint32_t i = 0; i < lo->lo_orphans.n; i++)
    if (((ld_isec *)lo->lo_orphans.v[i])->is_live) ld_vec_push(&live, lo->lo_orphans.v[i]);
  lo->lo_orphans = live;
  for (uint32_t i = 0; i < live.n; i++) ld_vec_push(&os->os_isecs, live.v[i]);
  /* Inputs of different types make a PROGBITS section (unless its name gives the type). */
  for (uint32_t i = 0; i < os->os_isecs.n; i++) {
    const ld_isec *is = os->os_isecs.v[i];
    if (is->is_type != SHT_NOBITS && is->is_type != os->os_type && os->os_type != SHT_NOBITS &&
        out_type(os->os_name, SHT_PROGBITS) == SHT_PROGBITS)
      os->os_type = SHT_PROGBITS;
  }
  if (lo->lo_noload) os->os_type = SHT_NOBITS;
}

static uint64_t const_eval(const ls_expr *e, int *ok);

void ld_lscript_order(void) {
  if (!active()) return;
  check_discarded_refs();
  for (uint32_t i = 0; i < ld_ls.lm_stmts.n; i++) {
    ls_stmt *s = ld_ls.lm_stmts.v[i];
    if (s->st_kind == LS_OSEC) order_osec(s->st_os);
  }
  for (uint32_t i = 0; i < ld_ls.lm_inserts.n; i++) {
    ls_stmt *s = ld_ls.lm_inserts.v[i];
    ls_osec *lo = s->st_os;
    order_osec(lo);
    if (!lo->lo_out) continue;
    /* With the default layout only constant addresses and alignments apply. */
    int ok = 1;
    if (lo->lo_align) {
      uint64_t a = const_eval(lo->lo_align, &ok);
      if (ok && a > lo->lo_out->os_align) lo->lo_out->os_align = a;
    }
    ok = 1;
    const ls_expr *ad = lo->lo_addr;
    if (ad && ad->e_kind == LE_FUNC && ad->e_op == LF_ALIGN && !ad->e_b) { /* `.x ALIGN(n) :` */
      uint64_t a = const_eval(ad->e_a, &ok);
      if (ok && a > lo->lo_out->os_align) lo->lo_out->os_align = a;
    } else if (ad) {
      uint64_t a = const_eval(lo->lo_addr, &ok);
      if (ok) lo->lo_out->os_has_fixed = 1, lo->lo_out->os_fixed_addr = a;
    }
  }
}

/* ---- expressions ---- */

/* Values are 64-bit unsigned, with wrapping arithmetic, as in eval(). */
static uint64_t const_eval(const ls_expr *e, int *ok) {
  switch (e->e_kind) {
  case LE_NUM: return e->e_num;
  case LE_UNARY: {
    uint64_t a = const_eval(e->e_a, ok);
    return e->e_op == '-' ? 0 - a : e->e_op == '!' ? !a : ~a;
  }
  case LE_BINARY: {
    uint64_t a = const_eval(e->e_a, ok), b = const_eval(e->e_b, ok);
    switch (e->e_op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b ? a / b : (*ok = 0);
    case '%': return b ? a % b : (*ok = 0);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case LO_SHL: return a << (b & 63);
    case LO_SHR: return a >> (b & 63);
    default: *ok = 0; return 0;
    }
  }
  default: *ok = 0; return 0;
  }
}

static void eval_error(const ls_expr *e, const char *fmt, const char *what) {
  if (!P.W.final) return;
  char msg[256];
  snprintf(msg, sizeof msg, fmt, what);
  ld_error("%s:%u: %s", e->e_file, e->e_line, msg);
}

static ld_osec *osec_by_name(const char *name, ls_osec **lop) {
  *lop = script_osec_named(name);
  if (*lop) return (*lop)->lo_out;
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    if (!strcmp(os->os_name, name) && (os->os_synth || os->os_isecs.n)) return os;
  }
  return NULL;
}

static uint64_t sym_value(const ls_expr *e) {
  ld_sym *s = ld_sym_lookup(e->e_name, (uint32_t)strlen(e->e_name));
  if (s && s->s_def == SD_SYNTH && s->s_esym >= LS_SYM_KIND && s->s_esym < LS_SYM_KIND_END)
    return P.symdefs[s->s_esym - LS_SYM_KIND].d_val;
  if (s && s->s_def == SD_REGULAR) return ld_sym_addr(s);
  if (s && s->s_def == SD_SYNTH) return s->s_final ? s->s_value : 0;
  eval_error(e, "undefined symbol '%s' referenced in an expression", e->e_name);
  return 0;
}

static uint64_t align_up(uint64_t v, uint64_t a) { return a > 1 ? (v + a - 1) / a * a : v; }

static uint64_t eval(const ls_expr *e) {
  switch (e->e_kind) {
  case LE_NUM: return e->e_num;
  case LE_DOT: return P.W.dot;
  case LE_SYM: return sym_value(e);
  case LE_UNARY: {
    uint64_t a = eval(e->e_a);
    return e->e_op == '-' ? 0 - a : e->e_op == '!' ? !a : ~a;
  }
  case LE_COND: return eval(e->e_a) ? eval(e->e_b) : eval(e->e_c);
  case LE_BINARY: {
    uint64_t a = eval(e->e_a), b = eval(e->e_b);
    switch (e->e_op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
    case '%':
      if (!b) {
        eval_error(e, "division by zero%s", "");
        return 0;
      }
      return e->e_op == '/' ? a / b : a % b;
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case LO_SHL: return a << (b & 63);
    case LO_SHR: return a >> (b & 63);
    case '<': return a < b;
    case '>': return a > b;
    case LO_LE: return a <= b;
    case LO_GE: return a >= b;
    case LO_EQ: return a == b;
    case LO_NE: return a != b;
    case LO_ANDAND: return a && b;
    case LO_OROR: return a || b;
    }
    return 0;
  }
  case LE_FUNC: break;
  }
  ls_osec *lo;
  ld_osec *os;
  ls_region *r;
  switch (e->e_op) {
  case LF_ADDR:
  case LF_LOADADDR:
  case LF_SIZEOF:
  case LF_ALIGNOF:
    os = osec_by_name(e->e_name, &lo);
    if (!os && !lo) {
      if (e->e_op != LF_SIZEOF)
        eval_error(e, "undefined section '%s' referenced in an expression", e->e_name);
      return 0;
    }
    if (e->e_op == LF_SIZEOF) return os ? os->os_size : 0;
    if (e->e_op == LF_ALIGNOF) return os ? os->os_align : 1;
    if (e->e_op == LF_LOADADDR && lo) return lo->lo_lma_val;
    return os ? os->os_addr : 0;
  case LF_ORIGIN:
  case LF_LENGTH:
    r = ld_lscript_region(e->e_name);
    if (!r) {
      eval_error(e, "undefined memory region '%s' referenced in an expression", e->e_name);
      return 0;
    }
    return e->e_op == LF_ORIGIN ? r->r_org : r->r_len;
  case LF_ALIGN: {
    uint64_t a = e->e_b ? eval(e->e_b) : eval(e->e_a);
    uint64_t v = e->e_b ? eval(e->e_a) : P.W.dot;
    return align_up(v, a);
  }
  case LF_NEXT: return align_up(P.W.dot, eval(e->e_a));
  case LF_MAX: {
    uint64_t a = eval(e->e_a), b = eval(e->e_b);
    return a > b ? a : b;
  }
  case LF_MIN: {
    uint64_t a = eval(e->e_a), b = eval(e->e_b);
    return a < b ? a : b;
  }
  case LF_DEFINED: {
    ld_sym *s = ld_sym_lookup(e->e_name, (uint32_t)strlen(e->e_name));
    if (!s) return 0;
    if (s->s_def == SD_SYNTH && s->s_esym >= LS_SYM_KIND && s->s_esym < LS_SYM_KIND_END)
      return P.symdefs[s->s_esym - LS_SYM_KIND].d_set;
    return s->s_def == SD_REGULAR || s->s_def == SD_SHARED || s->s_def == SD_SYNTH ||
           s->s_def == SD_COMMON;
  }
  case LF_CONSTANT: return !strcmp(e->e_name, "MAXPAGESIZE") ? P.W.page : ld_common_page_size();
  case LF_SIZEOF_HEADERS: return P.W.hdr_size;
  case LF_ABSOLUTE: return eval(e->e_a);
  case LF_LOG2CEIL: {
    uint64_t v = eval(e->e_a), r2 = 0;
    while (r2 < 64 && ((uint64_t)1 << r2) < v) r2++;
    return r2;
  }
  case LF_DATA_SEGMENT_ALIGN: {
    uint64_t maxp = eval(e->e_a);
    return align_up(P.W.dot, maxp) + (P.W.dot & (maxp - 1));
  }
  case LF_DATA_SEGMENT_END: return eval(e->e_a);
  /* With -z relro, as lld does: the location counter goes to the next page, where the relro
   * range ends (ld_phdrs_tail); GNU ld pads DATA_SEGMENT_ALIGN to end it there instead. */
  case LF_DATA_SEGMENT_RELRO_END: {
    uint64_t v = eval(e->e_b);
    return ctx->opt.z_relro ? align_up(P.W.dot, P.W.page) : v;
  }
  case LF_SEGMENT_START:
    if (!strcmp(e->e_name, "text-segment") && ctx->opt.image_base_given) return ctx->opt.image_base;
    return eval(e->e_a);
  case LF_ASSERT: {
    uint64_t v = eval(e->e_a);
    if (!v && P.W.final) ld_error("%s:%u: %s", e->e_file, e->e_line, e->e_msg);
    return v;
  }
  }
  return 0;
}

/* A plain number (no location counter, symbol or section): inside an output section, `. = N`
 * is an offset from the section's start. */
static int is_plain_number(const ls_expr *e) {
  int ok = 1;
  const_eval(e, &ok);
  return ok;
}

static uint64_t apply_op(uint64_t old, int op, uint64_t v) {
  switch (op) {
  case '+': return old + v;
  case '-': return old - v;
  case '*': return old * v;
  case '/': return v ? old / v : 0;
  case '&': return old & v;
  case '|': return old | v;
  case LO_SHL: return old << (v & 63);
  case LO_SHR: return old >> (v & 63);
  default: return v;
  }
}

static void do_assign(ls_stmt *st) {
  if (strcmp(st->st_sym, ".")) {
    if (!st->st_symdef) return; /* a PROVIDE nothing needed */
    uint64_t v = eval(st->st_expr);
    ls_symdef *d = &P.symdefs[st->st_symdef - 1];
    d->d_val = apply_op(d->d_val, st->st_op, v);
    d->d_set = 1;
    return;
  }
  uint64_t v = eval(st->st_expr);
  if (P.W.in_os && st->st_op == '=' && is_plain_number(st->st_expr)) v += P.W.os_start;
  uint64_t nd = apply_op(P.W.dot, st->st_op, v);
  if (P.W.in_os && nd < P.W.dot && P.W.final)
    ld_error("%s:%u: cannot move the location counter backwards (from 0x%llx to 0x%llx) inside "
             "output section %s",
             st->st_file, st->st_line, (unsigned long long)P.W.dot, (unsigned long long)nd,
             P.W.in_os->lo_name);
  P.W.dot = nd;
}

static void do_assert(ls_stmt *st) {
  uint64_t v = eval(st->st_expr);
  if (!v && P.W.final)
    ld_error("%s:%u: assertion failed: %s", st->st_file, st->st_line, st->st_msg);
}

/* ---- the scripted layout ---- */

typedef struct item {
  ls_stmt *it_st;     /* a statement of the script, or NULL */
  ld_osec *it_orphan; /* an orphan output section */
  uint64_t it_lma;    /* the orphan's load address */
} item;

/* How alike two sections' flags are, for placing orphans. */
static int likeness(const ld_osec *a, const ld_osec *b) {
  uint64_t m = SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR;
  if ((a->os_flags & m) != (b->os_flags & m))
    return (a->os_flags & (SHF_ALLOC | SHF_WRITE)) == (b->os_flags & (SHF_ALLOC | SHF_WRITE));
  int score = 2;
  if ((a->os_type == SHT_NOBITS) == (b->os_type == SHT_NOBITS)) score += 2;
  if ((a->os_flags & SHF_TLS) == (b->os_flags & SHF_TLS)) score += 1;
  if (a->os_type == b->os_type) score += 1;
  return score;
}

static int is_script_out(const ld_osec *os) {
  for (uint32_t i = 0; i < P.nitems; i++) {
    ls_stmt *s = P.items[i].it_st;
    if (s && s->st_kind == LS_OSEC && s->st_os->lo_out == os) return 1;
  }
  return 0;
}

static void build_items(ld_vec *nonalloc) {
  P.items = ld_xcalloc(ld_ls.lm_stmts.n + ld_ls.lm_inserts.n + ctx->osecs.n + 1, sizeof *P.items);
  P.nitems = 0;
  for (uint32_t i = 0; i < ld_ls.lm_stmts.n; i++) P.items[P.nitems++].it_st = ld_ls.lm_stmts.v[i];
  /* INSERT scripts next to their anchors in the SECTIONS layout. */
  for (uint32_t i = 0; i < ld_ls.lm_inserts.n; i++) {
    ls_stmt *s = ld_ls.lm_inserts.v[i];
    uint32_t at = P.nitems + 1;
    for (uint32_t k = 0; k < P.nitems && at > P.nitems; k++)
      if (P.items[k].it_st->st_kind == LS_OSEC &&
          !strcmp(P.items[k].it_st->st_os->lo_name, s->st_anchor))
        at = s->st_after ? k + 1 : k;
    if (at > P.nitems) {
      ld_error("%s:%u: INSERT %s %s: no output section named %s", s->st_file, s->st_insert_line,
               s->st_after ? "AFTER" : "BEFORE", s->st_anchor, s->st_anchor);
      continue;
    }
    memmove(&P.items[at + 1], &P.items[at], (P.nitems - at) * sizeof *P.items);
    P.items[at] = (item){.it_st = s};
    P.nitems++;
  }
  /* Synthetic sections the script names take their places first; any other orphan goes after
   * the last section most like it (and after orphans already put there). */
  for (uint32_t i = 0; i < 2 * ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i % ctx->osecs.n];
    int pass = i >= ctx->osecs.n;
    if (is_script_out(os) || (!os->os_synth && !os->os_isecs.n)) continue;
    int best = 0;
    uint32_t at = P.nitems;
    for (uint32_t k = 0; k < P.nitems && os->os_synth; k++)
      if (!P.items[k].it_orphan && P.items[k].it_st->st_kind == LS_OSEC &&
          !strcmp(P.items[k].it_st->st_os->lo_name, os->os_name) &&
          !P.items[k].it_st->st_os->lo_discard)
        best = 100, at = k + 1;
    if ((best == 100) == pass) continue;
    if (!(os->os_flags & SHF_ALLOC)) {
      ld_vec_push(nonalloc, os);
      continue;
    }
    for (uint32_t k = 0; k < P.nitems && best < 100; k++) {
      ld_osec *o = P.items[k].it_orphan;
      if (!o && P.items[k].it_st->st_kind == LS_OSEC) o = P.items[k].it_st->st_os->lo_out;
      if (!o || !(o->os_flags & SHF_ALLOC) || (!o->os_isecs.n && !o->os_synth)) continue;
      int l = likeness(os, o);
      if (l && l >= best) best = l, at = k + 1;
    }
    while (at < P.nitems && P.items[at].it_orphan) at++;
    memmove(&P.items[at + 1], &P.items[at], (P.nitems - at) * sizeof *P.items);
    P.items[at] = (item){.it_orphan = os};
    P.nitems++;
  }
}

/* The region of a section with neither address nor `> region`: the first whose attributes
 * accept the section's flags. */
static ls_region *pick_region(const ld_osec *os) {
  for (uint32_t i = 0; i < ld_ls.lm_regions.n; i++) {
    ls_region *r = ld_ls.lm_regions.v[i];
    uint32_t f = 0;
    if (os->os_flags & SHF_WRITE) f |= 2;
    if (os->os_flags & SHF_EXECINSTR) f |= 4;
    if (!(os->os_flags & SHF_WRITE)) f |= 1;
    if (os->os_flags & SHF_ALLOC) f |= 8;
    if (f & r->r_nattr) continue;
    if (!r->r_attr || (f & r->r_attr)) return r;
  }
  return NULL;
}

static ls_region *region_named(const char *name, const char *file, unsigned line) {
  ls_region *r = ld_lscript_region(name);
  if (!r && P.W.final) ld_error("%s:%u: no memory region named '%s'", file, line, name);
  return r;
}

static void check_region(ls_region *r, uint64_t end, const char *sec) {
  if (!P.W.final || r == &P.default_region || end <= r->r_org + r->r_len || r->r_used == 2) return;
  r->r_used = 2; /* reported once */
  ld_error("%s:%u: section %s does not fit in memory region '%s': it ends at 0x%llx, the region at "
           "0x%llx (overflowed by 0x%llx bytes)",
           r->r_file, r->r_line, sec, r->r_name, (unsigned long long)end,
           (unsigned long long)(r->r_org + r->r_len),
           (unsigned long long)(end - r->r_org - r->r_len));
}

static void place_piece(ld_isec *is, uint64_t start, uint64_t subalign) {
  uint64_t a = subalign ? subalign : is->is_align;
  P.W.dot = align_up(P.W.dot, a);
  is->is_off = P.W.dot - start;
  P.W.dot += is->is_size;
}

static int is_tbss(const ld_osec *os) {
  return (os->os_flags & SHF_TLS) && os->os_type == SHT_NOBITS;
}

static void fill_gaps(ls_osec *lo, ld_osec *os) {
  /* Pieces in offset order; every gap gets a filler holding the pattern (big-endian, repeated
   * from the section's start). */
  uint32_t n = os->os_isecs.n;
  uint64_t pos = 0;
  for (uint32_t i = 0; i <= n; i++) {
    uint64_t next = i < n ? ((ld_isec *)os->os_isecs.v[i])->is_off : os->os_size;
    if (i < n && ((ld_isec *)os->os_isecs.v[i])->is_size == 0) continue;
    if (next > pos) {
      ld_isec *f = new_piece(os, next - pos, 0);
      uint8_t *b = (uint8_t *)f->is_data;
      for (uint64_t k = 0; k < next - pos; k++)
        b[k] = (uint8_t)(lo->lo_fill >> (8 * (3 - ((pos + k) & 3))));
      f->is_off = pos;
      ld_vec_push(&os->os_isecs, f);
    }
    if (i < n) {
      ld_isec *is = os->os_isecs.v[i];
      if (is->is_off + is->is_size > pos) pos = is->is_off + is->is_size;
    }
  }
}

static int assigns_symbol(const ls_osec *lo) {
  for (uint32_t k = 0; k < lo->lo_nbody; k++)
    if (lo->lo_body[k]->st_kind == LS_ASSIGN && strcmp(lo->lo_body[k]->st_sym, ".")) return 1;
  return 0;
}

static void layout_osec(ls_osec *lo) {
  ld_osec *os = lo->lo_out;
  if (lo->lo_discard) return;
  int alloc = !os || (os->os_flags & SHF_ALLOC);
  ls_region *vr = NULL;
  if (lo->lo_region) vr = region_named(lo->lo_region, lo->lo_file, lo->lo_line);
  else if (!lo->lo_addr && alloc && os && ld_ls.lm_regions.n) vr = pick_region(os);
  uint64_t align = os ? os->os_align : 1;
  if (lo->lo_align) {
    uint64_t a = eval(lo->lo_align);
    if (a > align) align = a;
    if (os && a > os->os_align) os->os_align = a;
  }
  uint64_t start;
  const ld_section_start *ss = NULL; /* -Ttext, --section-start: over the script's address */
  for (uint32_t k = 0; k < ctx->opt.section_starts.n; k++)
    if (!strcmp(((const ld_section_start *)ctx->opt.section_starts.v[k])->ss_name, lo->lo_name))
      ss = ctx->opt.section_starts.v[k];
  if (!alloc) start = 0;
  else if (ss) start = ss->ss_addr;
  else if (lo->lo_addr) start = eval(lo->lo_addr);
  else start = align_up(vr ? vr->r_cur : P.W.dot, align);
  uint64_t saved_dot = P.W.dot;
  P.W.dot = start;
  P.W.in_os = lo;
  P.W.os_start = start;
  uint64_t subalign = lo->lo_subalign ? eval(lo->lo_subalign) : 0;
  for (uint32_t k = 0; k < lo->lo_nbody; k++) {
    ls_stmt *b = lo->lo_body[k];
    switch (b->st_kind) {
    case LS_INPUT:
      for (uint32_t i = 0; i < b->st_in->in_matched.n; i++)
        place_piece(b->st_in->in_matched.v[i], start, subalign);
      break;
    case LS_DATA:
      if (b->st_data) {
        place_piece(b->st_data, start, 0);
        uint64_t v = eval(b->st_expr);
        uint8_t *p = (uint8_t *)b->st_data->is_data;
        switch (b->st_size) {
        case 1: p[0] = (uint8_t)v; break;
        case 2: elf_wr16(p, (uint16_t)v, ctx->be); break;
        case 4: elf_wr32(p, (uint32_t)v, ctx->be); break;
        default: elf_wr64(p, v, ctx->be); break;
        }
      }
      break;
    case LS_ASSIGN: do_assign(b); break;
    case LS_ASSERT: do_assert(b); break;
    default: break;
    }
  }
  for (uint32_t i = 0; i < lo->lo_orphans.n; i++) place_piece(lo->lo_orphans.v[i], start, subalign);
  P.W.in_os = NULL;
  uint64_t size = P.W.dot - start;
  if (!size && (!os || !os->os_isecs.n) && !assigns_symbol(lo)) {
    /* An empty section is dropped, and so is its address: the location counter stays. */
    P.W.dot = saved_dot;
    if (os) os->os_addr = start, os->os_size = 0;
    lo->lo_lma_val = start;
    return;
  }
  if (os) {
    os->os_addr = alloc ? start : 0;
    os->os_size = size;
  }
  if (!alloc) {
    P.W.dot = saved_dot;
    lo->lo_lma_val = 0;
    return;
  }
  int nobits = os && os->os_type == SHT_NOBITS;
  /* The load address (GNU ld's rules): AT(), AT> region, else the same VMA-to-LMA offset as the
   * last section of its region, else the VMA. */
  ls_region *dr = vr ? vr : &P.default_region;
  uint64_t lma = start;
  if (lo->lo_lma) {
    lma = eval(lo->lo_lma);
  } else if (lo->lo_lma_region) {
    ls_region *lr = region_named(lo->lo_lma_region, lo->lo_file, lo->lo_line);
    if (lr) {
      lma = align_up(lr->r_cur, align);
      if (!nobits) lr->r_cur = lma + size;
      check_region(lr, lma + size, lo->lo_name);
    }
  } else if (!lo->lo_addr && !ss && dr->r_used) {
    lma = start + (uint64_t)dr->r_delta;
  }
  lo->lo_lma_val = lma;
  dr->r_delta = (int64_t)(lma - start);
  if (dr->r_used != 2) dr->r_used = 1;
  uint64_t end = (os && is_tbss(os)) ? start : start + size;
  P.W.last_region = vr;
  P.W.last_lma_region =
      lo->lo_lma_region && !lo->lo_lma ? ld_lscript_region(lo->lo_lma_region) : NULL;
  if (vr) {
    vr->r_cur = end;
    check_region(vr, start + size, lo->lo_name);
  }
  P.W.dot = end;
  if (P.W.final && os && lo->lo_has_fill && !nobits) fill_gaps(lo, os);
}

static void layout_orphan(item *it) {
  ld_osec *os = it->it_orphan;
  ls_region *r = P.W.last_region;
  uint64_t start = align_up(r ? r->r_cur : P.W.dot, os->os_align);
  if (!os->os_synth) {
    uint64_t off = 0;
    for (uint32_t i = 0; i < os->os_isecs.n; i++) {
      ld_isec *is = os->os_isecs.v[i];
      off = align_up(off, is->is_align);
      is->is_off = off;
      off += is->is_size;
    }
    os->os_size = off;
  }
  os->os_addr = start;
  P.W.dot = is_tbss(os) ? start : start + os->os_size;
  /* Its load address keeps the region's VMA-to-LMA offset, as a script section's would. */
  ls_region *dr = r ? r : &P.default_region;
  it->it_lma = dr->r_used ? start + (uint64_t)dr->r_delta : start;
  if (r) {
    r->r_cur = P.W.dot;
    check_region(r, start + os->os_size, os->os_name);
  }
  ls_region *lr = P.W.last_lma_region;
  if (lr && os->os_type != SHT_NOBITS && it->it_lma >= lr->r_org &&
      it->it_lma < lr->r_org + lr->r_len) {
    lr->r_cur = it->it_lma + os->os_size;
    check_region(lr, lr->r_cur, os->os_name);
  }
}

static void walk_all(int final, uint64_t hdr_size, uint64_t page) {
  P.W = (walk){.final = final, .hdr_size = hdr_size, .page = page};
  for (uint32_t i = 0; i < ld_ls.lm_regions.n; i++) {
    ls_region *r = ld_ls.lm_regions.v[i];
    r->r_org = eval(r->r_origin);
    r->r_len = eval(r->r_length);
    r->r_cur = r->r_org;
    r->r_delta = 0;
    r->r_used = 0;
  }
  P.default_region.r_used = 0;
  P.default_region.r_delta = 0;
  for (uint32_t i = 0; i < P.nsymdefs; i++) P.symdefs[i].d_set = 0;
  for (uint32_t i = 0; i < P.nitems; i++) {
    item *it = &P.items[i];
    if (it->it_orphan) {
      layout_orphan(it);
      continue;
    }
    ls_stmt *st = it->it_st;
    switch (st->st_kind) {
    case LS_ASSIGN: do_assign(st); break;
    case LS_ASSERT: do_assert(st); break;
    case LS_OSEC: layout_osec(st->st_os); break;
    default: break;
    }
  }
}

static ld_osec *item_osec(const item *it) {
  if (it->it_orphan) return it->it_orphan;
  if (it->it_st->st_kind != LS_OSEC || it->it_st->st_os->lo_discard) return NULL;
  ld_osec *os = it->it_st->st_os->lo_out;
  if (!os || !(os->os_flags & SHF_ALLOC)) return NULL;
  if (!os->os_isecs.n && !os->os_size && !os->os_synth) return NULL;
  return os;
}

static uint64_t lma_of(const item *it) {
  return it->it_orphan ? it->it_lma : it->it_st->st_os->lo_lma_val;
}

static uint32_t perm(const ld_osec *os) {
  return PF_R | ((os->os_flags & SHF_WRITE) ? PF_W : 0) |
         ((os->os_flags & SHF_EXECINSTR) ? PF_X : 0);
}

/* Segment building. Each laid-out section has its PT_LOAD (index into the list of loads) or -1. */
typedef struct lsec {
  ld_osec *os;
  const ls_osec *lo; /* the script's description, or NULL for an orphan (messages) */
  uint64_t lma;
  const char **phdrs; /* PHDRS names (inherited from the previous section when it names none) */
  uint32_t nphdrs;
  int32_t load;
} lsec;

typedef struct load {
  uint64_t vaddr, paddr, memsz, filesz, offset, align;
  uint32_t flags;
  uint8_t hdrs, has_progbits, nobits_tail;
  int32_t phdr; /* its PHDRS entry, or -1 */
} load;

static void collect_secs(void) {
  P.secs = ld_xcalloc(P.nitems + 1, sizeof *P.secs);
  P.nsecs = 0;
  const char **ph = NULL;
  uint32_t nph = 0;
  for (uint32_t i = 0; i < P.nitems; i++) {
    ld_osec *os = item_osec(&P.items[i]);
    if (!os) continue;
    if (!P.items[i].it_orphan && P.items[i].it_st->st_os->lo_nphdrs) {
      ph = P.items[i].it_st->st_os->lo_phdrs;
      nph = P.items[i].it_st->st_os->lo_nphdrs;
    }
    const ls_osec *lo = P.items[i].it_orphan ? NULL : P.items[i].it_st->st_os;
    P.secs[P.nsecs++] = (lsec){
        .os = os, .lo = lo, .lma = lma_of(&P.items[i]), .phdrs = ph, .nphdrs = nph, .load = -1};
  }
}

/* "script.lds:12" of a laid-out section's description ("linker script" for an orphan). */
static const char *where_of(const lsec *s) {
  return s->lo ? ld_sprintf("%s:%u", s->lo->lo_file, s->lo->lo_line) : "linker script";
}

static int32_t phdr_index(const char *name) {
  for (uint32_t i = 0; i < ld_ls.lm_phdrs.n; i++)
    if (!strcmp(((ls_phdr *)ld_ls.lm_phdrs.v[i])->ph_name, name)) return (int32_t)i;
  return -1;
}

/* A `:name` that PHDRS does not define, once where it is written (the sections after it that
 * inherit the list say nothing more). */
static void check_phdr_names(const ld_vec *stmts) {
  for (uint32_t i = 0; i < stmts->n; i++) {
    const ls_stmt *st = stmts->v[i];
    if (st->st_kind != LS_OSEC) continue;
    const ls_osec *lo = st->st_os;
    for (uint32_t k = 0; k < lo->lo_nphdrs; k++)
      if (strcmp(lo->lo_phdrs[k], "NONE") && phdr_index(lo->lo_phdrs[k]) < 0)
        ld_error("%s:%u: output section %s is assigned to program header ':%s', which PHDRS "
                 "does not define",
                 lo->lo_file, lo->lo_line, lo->lo_name, lo->lo_phdrs[k]);
  }
}

static int in_phdr(const lsec *s, uint32_t p) {
  for (uint32_t k = 0; k < s->nphdrs; k++)
    if (phdr_index(s->phdrs[k]) == (int32_t)p) return 1;
  return 0;
}

static void make_loads(uint64_t page, int final) {
  P.loads = ld_xrealloc(P.loads, (P.nsecs + ld_ls.lm_phdrs.n + 1) * sizeof *P.loads);
  P.nloads = 0;
  if (ld_ls.lm_phdrs.n) {
    for (uint32_t p = 0; p < ld_ls.lm_phdrs.n; p++) {
      ls_phdr *ph = ld_ls.lm_phdrs.v[p];
      if (ph->ph_type != PT_LOAD) continue;
      load *l = &P.loads[P.nloads];
      memset(l, 0, sizeof *l);
      l->phdr = (int32_t)p;
      l->hdrs = ph->ph_filehdr || ph->ph_phdrs;
      for (uint32_t i = 0; i < P.nsecs; i++)
        if (P.secs[i].load < 0 && in_phdr(&P.secs[i], p)) P.secs[i].load = (int32_t)P.nloads;
      P.nloads++;
    }
    if (final) {
      check_phdr_names(&ld_ls.lm_stmts);
      check_phdr_names(&ld_ls.lm_inserts);
    }
    return;
  }
  /* As lld: the first section after the relro run starts a PT_LOAD of its own, so that
   * PT_GNU_RELRO can end where that segment begins; but not on the page the relro run ends on,
   * which two segments would map twice. */
  const ld_osec *relro_end = NULL;
  for (uint32_t i = 0, in = 0; i < P.nsecs; i++) {
    if (is_tbss(P.secs[i].os)) continue;
    if (ld_osec_relro(P.secs[i].os)) in = 1;
    else if (in) {
      relro_end = P.secs[i].os;
      break;
    }
  }
  uint64_t cur_end = 0;
  int64_t cur_delta = 0;
  for (uint32_t i = 0; i < P.nsecs; i++) {
    ld_osec *os = P.secs[i].os;
    if (is_tbss(os)) {
      P.secs[i].load = P.nloads ? (int32_t)P.nloads - 1 : -1;
      continue;
    }
    int nobits = os->os_type == SHT_NOBITS;
    int64_t delta = (int64_t)(P.secs[i].lma - os->os_addr);
    load *l = P.nloads ? &P.loads[P.nloads - 1] : NULL;
    int share_page = l && os->os_addr >= cur_end && cur_end > l->vaddr &&
                     (os->os_addr / page) == ((cur_end - 1) / page);
    int fresh =
        !l || os->os_addr < cur_end || (delta != cur_delta && !nobits) ||
        (!nobits && l->nobits_tail) ||
        (!share_page && (perm(os) != l->flags || os->os_addr - cur_end >= page || os == relro_end));
    if (fresh) {
      l = &P.loads[P.nloads++];
      memset(l, 0, sizeof *l);
      l->vaddr = os->os_addr;
      l->paddr = P.secs[i].lma;
      l->flags = perm(os);
      l->phdr = -1;
      cur_delta = delta;
    }
    l->flags |= perm(os);
    if (nobits) l->nobits_tail = 1;
    P.secs[i].load = (int32_t)(l - P.loads);
    cur_end = os->os_addr + os->os_size;
  }
}

/* File offsets and the program header table; returns the number of program headers. */
static uint32_t assign_offsets(uint64_t page, uint64_t ehsz, uint64_t hdrsz, int final) {
  /* Headers are loaded when the first PT_LOAD can start on the page below its first section
   * with room for them (or PHDRS asks). */
  uint64_t off = hdrsz;
  int hdrs_loaded = 0;
  uint64_t hdr_vaddr = 0;
  if (!ld_ls.lm_phdrs.n && P.nloads && P.nsecs) {
    load *l = &P.loads[0];
    /* Not when that page is page 0, which nothing may map. */
    if (l->vaddr % page >= hdrsz && (ld_ls.lm_uses_headers || l->vaddr - l->vaddr % page))
      l->hdrs = 1;
  }
  for (uint32_t L = 0; L < P.nloads; L++) {
    load *l = &P.loads[L];
    int first = 1;
    for (uint32_t i = 0; i < P.nsecs; i++) {
      if (P.secs[i].load != (int32_t)L) continue;
      ld_osec *os = P.secs[i].os;
      if (first) {
        first = 0;
        uint64_t v = os->os_addr;
        if (l->hdrs && L == 0 && !hdrs_loaded) {
          uint64_t o = hdrsz + ((v - hdrsz) & (page - 1));
          if (v < o) {
            if (final)
              ld_error("%s: not enough room for the program headers below section %s at 0x%llx",
                       where_of(&P.secs[i]), os->os_name, (unsigned long long)v);
            o = v & (page - 1);
          }
          l->offset = 0;
          l->vaddr = v - o;
          l->paddr = P.secs[i].lma - o;
          hdr_vaddr = l->vaddr;
          hdrs_loaded = 1;
          off = o;
        } else {
          l->hdrs = 0;
          off += (v - off) & (page - 1);
          l->offset = off;
          l->vaddr = v;
          l->paddr = P.secs[i].lma;
        }
      }
      if (os->os_type == SHT_NOBITS || is_tbss(os)) {
        os->os_offset = off;
        if (!is_tbss(os) && os->os_addr + os->os_size - l->vaddr > l->memsz)
          l->memsz = os->os_addr + os->os_size - l->vaddr;
        continue;
      }
      uint64_t o = l->offset + (os->os_addr - l->vaddr);
      if (o < off && final)
        ld_error("%s: section %s overlaps the previous section in the file", where_of(&P.secs[i]),
                 os->os_name);
      off = o;
      os->os_offset = off;
      off += os->os_size;
      l->filesz = off - l->offset;
      if (os->os_addr + os->os_size - l->vaddr > l->memsz)
        l->memsz = os->os_addr + os->os_size - l->vaddr;
      if (os->os_align > l->align) l->align = os->os_align;
    }
    if (l->hdrs && l->filesz < hdrsz) l->filesz = l->memsz = l->memsz > hdrsz ? l->memsz : hdrsz;
  }
  /* Sections outside every PT_LOAD still get file space. */
  for (uint32_t i = 0; i < P.nsecs; i++)
    if (P.secs[i].load < 0 && !is_tbss(P.secs[i].os)) {
      ld_osec *os = P.secs[i].os;
      off = align_up(off, os->os_align);
      os->os_offset = off;
      if (os->os_type != SHT_NOBITS) off += os->os_size;
    }
  ctx->image_base = hdrs_loaded ? hdr_vaddr : (P.nloads ? P.loads[0].vaddr : 0);

  /* The TLS template and the thread pointer (PT_TLS itself with the other headers). */
  ld_osec **v = ld_xmalloc((P.nsecs ? P.nsecs : 1) * sizeof *v);
  for (uint32_t i = 0; i < P.nsecs; i++) v[i] = P.secs[i].os;
  ld_tls_layout(v, P.nsecs);

  ctx->nsegs = 0;
#define SEG(t, f) ld_phdr((t), (f))
  if (ld_ls.lm_phdrs.n) {
    for (uint32_t p = 0; p < ld_ls.lm_phdrs.n; p++) {
      ls_phdr *ph = ld_ls.lm_phdrs.v[p];
      ld_seg *s = SEG(ph->ph_type, 0);
      uint32_t flags = 0;
      if (ph->ph_type == PT_LOAD) {
        for (uint32_t L = 0; L < P.nloads; L++)
          if (P.loads[L].phdr == (int32_t)p) {
            load *l = &P.loads[L];
            s->sg_vaddr = l->vaddr, s->sg_offset = l->offset, s->sg_filesz = l->filesz,
            s->sg_memsz = l->memsz;
            s->sg_paddr = l->paddr;
            s->sg_has_paddr = l->paddr != l->vaddr;
            s->sg_align = page;
            if (!l->filesz && !l->memsz && !l->hdrs) s->sg_offset = off;
          }
      } else if (ph->ph_type == PT_PHDR) {
        s->sg_offset = ehsz;
        s->sg_vaddr = hdr_vaddr + ehsz;
        s->sg_filesz = s->sg_memsz = hdrsz - ehsz;
        s->sg_align = ctx->is64 ? 8 : 4;
        flags = PF_R;
      } else {
        int any = 0;
        for (uint32_t i = 0; i < P.nsecs; i++) {
          if (!in_phdr(&P.secs[i], p)) continue;
          ld_osec *os = P.secs[i].os;
          uint64_t e = os->os_addr + os->os_size,
                   fe = os->os_offset + (os->os_type == SHT_NOBITS ? 0 : os->os_size);
          if (!any)
            s->sg_vaddr = os->os_addr, s->sg_offset = os->os_offset, s->sg_paddr = P.secs[i].lma;
          any = 1;
          if (e - s->sg_vaddr > s->sg_memsz) s->sg_memsz = e - s->sg_vaddr;
          if (os->os_type != SHT_NOBITS && fe - s->sg_offset > s->sg_filesz)
            s->sg_filesz = fe - s->sg_offset;
          if (os->os_align > s->sg_align) s->sg_align = os->os_align;
        }
        s->sg_has_paddr = s->sg_paddr != s->sg_vaddr;
        if (!s->sg_align) s->sg_align = ph->ph_type == PT_GNU_STACK ? 16 : 1;
      }
      for (uint32_t i = 0; i < P.nsecs; i++)
        if (in_phdr(&P.secs[i], p)) flags |= perm(P.secs[i].os);
      if (ph->ph_type == PT_GNU_STACK) flags = PF_R | PF_W;
      P.W.final = final;
      s->sg_flags = ph->ph_flags ? (uint32_t)eval(ph->ph_flags) : (flags ? flags : PF_R);
      if (ph->ph_at) {
        s->sg_paddr = eval(ph->ph_at);
        s->sg_has_paddr = 1;
      }
    }
    free(v);
    return ctx->nsegs;
  }
  ld_phdrs_head(ctx->interp && hdrs_loaded, hdr_vaddr,
                (uint32_t)((hdrsz - ehsz) / (ctx->is64 ? ELF64_PHDR_SIZE : ELF32_PHDR_SIZE)));
  for (uint32_t L = 0; L < P.nloads; L++) {
    load *l = &P.loads[L];
    ld_seg *s = SEG(PT_LOAD, l->flags);
    s->sg_vaddr = l->vaddr, s->sg_offset = l->offset, s->sg_filesz = l->filesz,
    s->sg_memsz = l->memsz;
    s->sg_paddr = l->paddr;
    s->sg_has_paddr = l->paddr != l->vaddr;
    s->sg_align = l->align > page ? l->align : page;
    for (uint32_t i = 0; i < P.nsecs; i++)
      if (P.secs[i].load == (int32_t)L) P.secs[i].os->os_seg = ctx->nsegs - 1;
  }
  ld_phdrs_tail(v, P.nsecs, ld_osec_relro, NULL);
#undef SEG
  free(v);
  return ctx->nsegs;
}

static uint64_t signature(void) {
  uint64_t h = 1469598103934665603ull;
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    h = (h ^ os->os_addr) * 1099511628211ull;
    h = (h ^ os->os_size) * 1099511628211ull;
  }
  for (uint32_t i = 0; i < P.nsymdefs; i++) h = (h ^ P.symdefs[i].d_val) * 1099511628211ull;
  return h;
}

static int cmp_nonalloc(const void *a, const void *b) {
  const ld_osec *x = *(ld_osec *const *)a, *y = *(ld_osec *const *)b;
  int rx = x->os_synth == SY_SYMTAB     ? 1
           : x->os_synth == SY_STRTAB   ? 2
           : x->os_synth == SY_SHSTRTAB ? 3
                                        : 0;
  int ry = y->os_synth == SY_SYMTAB     ? 1
           : y->os_synth == SY_STRTAB   ? 2
           : y->os_synth == SY_SHSTRTAB ? 3
                                        : 0;
  if (rx != ry) return rx - ry;
  return x->os_seq < y->os_seq ? -1 : x->os_seq > y->os_seq;
}

int ld_lscript_layout(void) {
  if (!ld_ls.lm_has_sections) return 0;
  const ld_target *tg = ctx->tg;
  uint64_t page = ctx->opt.page_size ? ctx->opt.page_size : tg->tg_page_size;
  uint64_t ehsz = ctx->is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE;
  uint64_t phsz = ctx->is64 ? ELF64_PHDR_SIZE : ELF32_PHDR_SIZE;
  ld_vec nonalloc = {0};
  build_items(&nonalloc);
  /* The TLS template starts at its largest alignment (as in the default layout). */
  {
    ld_osec **v = ld_xmalloc((P.nitems ? P.nitems : 1) * sizeof *v);
    uint32_t n = 0;
    for (uint32_t i = 0; i < P.nitems; i++) {
      ld_osec *os = P.items[i].it_orphan                   ? P.items[i].it_orphan
                    : P.items[i].it_st->st_kind == LS_OSEC ? P.items[i].it_st->st_os->lo_out
                                                           : NULL;
      if (os) v[n++] = os;
    }
    ld_tls_template(v, n);
    free(v);
  }
  uint32_t nph = ld_ls.lm_phdrs.n ? ld_ls.lm_phdrs.n : 4;
  uint64_t sig = 0;
  for (int iter = 0; iter < 8; iter++) {
    uint64_t hdrsz = ehsz + nph * phsz;
    walk_all(0, hdrsz, page);
    collect_secs();
    make_loads(page, 0);
    uint32_t n = assign_offsets(page, ehsz, hdrsz, 0);
    uint64_t s = signature();
    if (n == nph && s == sig) break;
    nph = n;
    sig = s;
  }
  uint64_t hdrsz = ehsz + nph * phsz;
  walk_all(1, hdrsz, page);
  collect_secs();
  make_loads(page, 1);
  uint32_t n = assign_offsets(page, ehsz, hdrsz, 1);
  if (n != nph) ld_error("linker script: the program headers did not settle (%u, then %u)", nph, n);
  ctx->nphdr = n;
  ctx->ehdr_phoff = ehsz;

  /* Output order: allocated sections as laid out, then the rest. */
  uint64_t off = hdrsz;
  for (uint32_t i = 0; i < P.nsecs; i++) {
    ld_osec *os = P.secs[i].os;
    uint64_t e = os->os_offset + (os->os_type == SHT_NOBITS ? 0 : os->os_size);
    if (e > off) off = e;
  }
  ld_vec na = {0};
  for (uint32_t i = 0; i < ld_ls.lm_stmts.n; i++) {
    ls_stmt *s = ld_ls.lm_stmts.v[i];
    if (s->st_kind == LS_OSEC && s->st_os->lo_out && !(s->st_os->lo_out->os_flags & SHF_ALLOC) &&
        !s->st_os->lo_discard && s->st_os->lo_out->os_isecs.n)
      ld_vec_push(&na, s->st_os->lo_out);
  }
  ld_qsort(nonalloc.v, nonalloc.n, sizeof(void *), cmp_nonalloc);
  for (uint32_t i = 0; i < nonalloc.n; i++) ld_vec_push(&na, nonalloc.v[i]);
  ld_osec **ord = ld_xmalloc((P.nsecs + na.n + 1) * sizeof *ord);
  uint32_t no = 0;
  for (uint32_t i = 0; i < P.nsecs; i++) ord[no++] = P.secs[i].os;
  /* Sections that exist only for what the script puts in them were not named when .shstrtab
   * was sized. */
  if (ctx->shstrtab) {
    uint64_t shsz = 1;
    for (uint32_t i = 0; i < no; i++) shsz += strlen(ord[i]->os_name) + 1;
    for (uint32_t i = 0; i < na.n; i++) shsz += strlen(((ld_osec *)na.v[i])->os_name) + 1;
    ctx->shstrtab->os_size = shsz;
  }
  for (uint32_t i = 0; i < na.n; i++) {
    ld_osec *os = na.v[i];
    if (!os->os_synth) {
      uint64_t o = 0;
      for (uint32_t k = 0; k < os->os_isecs.n; k++) {
        ld_isec *is = os->os_isecs.v[k];
        o = align_up(o, is->is_align);
        is->is_off = o;
        o += is->is_size;
      }
      os->os_size = o;
    }
    ord[no++] = os;
  }
  ctx->order = ord;
  ctx->norder = no;
  ld_layout_file(ord, P.nsecs, no, off);
  return 1;
}

/* ---- INSERT with the default layout ---- */

void ld_lscript_insert(ld_osec **ord, uint32_t n) {
  for (uint32_t i = 0; i < ld_ls.lm_inserts.n; i++) {
    ls_stmt *s = ld_ls.lm_inserts.v[i];
    ld_osec *os = s->st_os->lo_out;
    if (!os) continue;
    const char *anchor = s->st_anchor;
    int after = s->st_after;
    uint32_t at = n, me = n;
    for (uint32_t k = 0; k < n; k++) {
      if (ord[k] == os) me = k;
      if (!strcmp(ord[k]->os_name, anchor) && ord[k] != os && at == n) at = k;
    }
    if (me == n) continue;
    if (at == n) {
      ld_error("%s:%u: INSERT %s %s: no output section named %s", s->st_file, s->st_insert_line,
               after ? "AFTER" : "BEFORE", anchor, anchor);
      continue;
    }
    /* Only within the anchor's segment class: a section does not change segments by moving. */
    uint64_t m = SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR;
    if ((ord[at]->os_flags & m) != (os->os_flags & m)) {
      ld_warn("%s:%u: INSERT %s %s: %s has other permissions than %s, so it stays where the "
              "default layout puts it",
              s->st_file, s->st_insert_line, after ? "AFTER" : "BEFORE", anchor, os->os_name,
              anchor);
      continue;
    }
    memmove(&ord[me], &ord[me + 1], (n - me - 1) * sizeof *ord);
    if (at > me) at--;
    uint32_t pos = after ? at + 1 : at;
    memmove(&ord[pos + 1], &ord[pos], (n - 1 - pos) * sizeof *ord);
    ord[pos] = os;
  }
}

/* ---- symbol values ---- */

/* Without a SECTIONS layout, the script's assignments are evaluated once layout is done: at the
 * top level with the location counter at 0, inside inserted sections against their addresses. */
static void post_layout_eval(void) {
  P.post_done = 1;
  P.W = (walk){.final = 1,
               .page = ctx->opt.page_size ? ctx->opt.page_size : ctx->tg->tg_page_size,
               .hdr_size =
                   ctx->ehdr_phoff + ctx->nphdr * (ctx->is64 ? ELF64_PHDR_SIZE : ELF32_PHDR_SIZE)};
  for (uint32_t i = 0; i < ld_ls.lm_regions.n; i++) {
    ls_region *r = ld_ls.lm_regions.v[i];
    r->r_org = eval(r->r_origin);
    r->r_len = eval(r->r_length);
  }
  for (uint32_t i = 0; i < ld_ls.lm_stmts.n; i++) {
    ls_stmt *st = ld_ls.lm_stmts.v[i];
    if (st->st_kind == LS_ASSIGN) do_assign(st);
    else if (st->st_kind == LS_ASSERT) do_assert(st);
  }
  for (uint32_t i = 0; i < ld_ls.lm_inserts.n; i++) {
    ls_osec *lo = ((ls_stmt *)ld_ls.lm_inserts.v[i])->st_os;
    ld_osec *os = lo->lo_out;
    uint64_t start = os ? os->os_addr : 0;
    P.W.dot = start;
    P.W.in_os = lo;
    P.W.os_start = start;
    lo->lo_lma_val = start;
    for (uint32_t k = 0; k < lo->lo_nbody; k++) {
      ls_stmt *b = lo->lo_body[k];
      if (b->st_kind == LS_INPUT && b->st_in->in_matched.n) {
        ld_isec *last = b->st_in->in_matched.v[b->st_in->in_matched.n - 1];
        P.W.dot = start + last->is_off + last->is_size;
      } else if (b->st_kind == LS_ASSIGN && strcmp(b->st_sym, ".")) {
        do_assign(b);
      } else if (b->st_kind == LS_ASSERT) {
        do_assert(b);
      }
    }
    P.W.in_os = NULL;
  }
}

void ld_lscript_finish(void) {
  if (active() && !ld_ls.lm_has_sections && !P.post_done) post_layout_eval();
}

uint64_t ld_lscript_sym_value(ld_sym *s) {
  if (!ld_ls.lm_has_sections && !P.post_done) post_layout_eval();
  uint32_t k = s->s_esym - LS_SYM_KIND;
  return k < P.nsymdefs ? P.symdefs[k].d_val : 0;
}

/* ---- a new link ---- */

/* For a test harness that links more than once in a process: the scripts read so far and what
 * applying them left behind are forgotten (their memory is not freed: a link frees nothing). */
void ld_lscript_reset(void) {
  memset(&ld_ls, 0, sizeof ld_ls);
  P = (struct lscript_pass)LSCRIPT_PASS_INIT;
}
