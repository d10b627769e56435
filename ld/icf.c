/* --icf=safe|all: identical code folding. Two executable, read-only sections fold into one when
 * their flags, bytes and relocations are the same and each pair of relocations points at the
 * same place — the same symbol, the same offset of the same section, the same place in equal
 * pieces of mergeable sections (which merging makes one), or the same offset of two sections
 * that fold themselves. That last condition is circular, so the sections are split
 * into classes by everything else first, and the classes are refined by their relocations'
 * targets until no class splits any more (a fixed point); what remains in one class is
 * identical.
 *
 * `all` folds any such section. `safe` leaves alone a section whose address may be compared:
 * one that any relocation other than a call (RK_PLT_PC) refers to, from any allocated section
 * but .eh_frame, and one that defines a symbol other modules may see.
 *
 * Runs after garbage collection and before the .eh_frame records are final: the FDEs of a
 * folded section are dropped here, and every symbol defined in it is moved to the section it
 * folded into (same offset: the bytes are the same). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"

/* The state of the pass (ld_icf starts it afresh). It reads the live sections, their bytes and
 * relocations and the symbols, and writes is_live of the folded sections, the symbols moved and
 * the FDEs dropped. */
static struct icf_pass {
  ld_isec **cand; /* the candidates */
  uint32_t ncand;
  uint32_t *cls;         /* class of each candidate */
  ld_isec **folded_into; /* per candidate: the section it folds into, or NULL */
  /* Candidate index by section: open addressing on the pointer. */
  ld_isec **idx_keys;
  uint32_t *idx_vals, idx_mask;
} P;

static uint32_t ptr_hash(const void *p) {
  uint64_t v = (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15ULL;
  return (uint32_t)(v >> 32);
}

static void idx_put(ld_isec *is, uint32_t i) {
  uint32_t j = ptr_hash(is) & P.idx_mask;
  while (P.idx_keys[j]) j = (j + 1) & P.idx_mask;
  P.idx_keys[j] = is;
  P.idx_vals[j] = i;
}

/* The candidate index of `is`, or UINT32_MAX. */
static uint32_t idx_get(const ld_isec *is) {
  if (!is) return UINT32_MAX;
  for (uint32_t j = ptr_hash(is) & P.idx_mask; P.idx_keys[j]; j = (j + 1) & P.idx_mask)
    if (P.idx_keys[j] == is) return P.idx_vals[j];
  return UINT32_MAX;
}

static int eligible(const ld_isec *is) {
  if (!is->is_live || !is->is_data || is->is_size == 0 || is->is_eh) return 0;
  if (is->is_type != SHT_PROGBITS) return 0;
  if ((is->is_flags & (SHF_ALLOC | SHF_EXECINSTR | SHF_WRITE)) != (SHF_ALLOC | SHF_EXECINSTR))
    return 0;
  if (is->is_flags & (SHF_GNU_RETAIN | SHF_LINK_ORDER | SHF_TLS)) return 0;
  /* .init/.fini are pieces of one function; C-identifier names have __start_/__stop_ users. */
  if (!strcmp(is->is_name, ".init") || !strcmp(is->is_name, ".fini") || ld_is_c_ident(is->is_name))
    return 0;
  return 1;
}

/* A relocation that names a mergeable section by its section symbol. */
static int into_merged(const ld_isec *is, const ld_rel *r) {
  ld_sym *s = r->r_sym ? is->is_file->o_syms[r->r_sym] : NULL;
  return s && s->s_local && s->s_type == STT_SECTION && s->s_sec && ld_merge_candidate(s->s_sec);
}

/* ---- the first split: everything but the relocations' targets ---------------------------- */

static int cmp_contents(const void *a, const void *b) {
  const ld_isec *x = P.cand[*(const uint32_t *)a], *y = P.cand[*(const uint32_t *)b];
  if (x->is_flags != y->is_flags) return x->is_flags < y->is_flags ? -1 : 1;
  if (x->is_size != y->is_size) return x->is_size < y->is_size ? -1 : 1;
  if (x->is_nrels != y->is_nrels) return x->is_nrels < y->is_nrels ? -1 : 1;
  int c = memcmp(x->is_data, y->is_data, x->is_size);
  if (c) return c;
  for (uint32_t r = 0; r < x->is_nrels; r++) {
    const ld_rel *p = &x->is_rels[r], *q = &y->is_rels[r];
    if (p->r_offset != q->r_offset) return p->r_offset < q->r_offset ? -1 : 1;
    if (p->r_type != q->r_type) return p->r_type < q->r_type ? -1 : 1;
    /* Into a mergeable section through its section symbol, the addend picks a piece: the
     * targets' comparison looks at the piece and the place in it. */
    int pm = into_merged(x, p), qm = into_merged(y, q);
    if (pm != qm) return pm < qm ? -1 : 1;
    if (!pm && p->r_addend != q->r_addend) return p->r_addend < q->r_addend ? -1 : 1;
  }
  return 0;
}

/* ---- refinement: the relocations' targets ------------------------------------------------ */

/* A relocation target as a sortable key: (kind, a, b). Sections that are candidates are named
 * by their class, so that targets in two sections of one class compare equal. */
typedef struct tkey {
  int kind;
  uint64_t a, b;
  const uint8_t *p; /* kind 5: the bytes of the piece (a: their length, b: the place in it) */
} tkey;

static tkey target_key(const ld_isec *is, const ld_rel *r) {
  tkey k = {0, 0, 0, NULL};
  ld_sym *s = r->r_sym ? is->is_file->o_syms[r->r_sym] : NULL;
  if (!s) return k;
  /* A symbol another module may interpose is its own target, wherever it is defined. */
  ld_isec *t = (s->s_local || (s->s_def == SD_REGULAR && !ld_preemptible(s))) ? s->s_sec : NULL;
  uint32_t ti = idx_get(t);
  uint64_t off = s->s_value + (into_merged(is, r) ? (uint64_t)r->r_addend : 0);
  /* A piece of a mergeable section is its bytes: equal strings in two objects are one. */
  if (t && t->is_live && ld_merge_piece_at(t, off, &k.p, &k.a, &k.b)) k.kind = 5;
  else if (ti != UINT32_MAX) k.kind = 1, k.a = P.cls[ti], k.b = s->s_value;
  else if (t) k.kind = 2, k.a = (uint64_t)(uintptr_t)t, k.b = s->s_value;
  else if (!s->s_local) k.kind = 3, k.a = (uint64_t)(uintptr_t)s;
  else k.kind = 4, k.a = s->s_value, k.b = s->s_alias_abs;
  return k;
}

static int cmp_key(const tkey *p, const tkey *q) {
  if (p->kind != q->kind) return p->kind < q->kind ? -1 : 1;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  if (p->kind == 5) {
    int c = memcmp(p->p, q->p, p->a);
    if (c) return c;
  }
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  return 0;
}

static int cmp_refine(const void *a, const void *b) {
  uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
  if (P.cls[i] != P.cls[j]) return P.cls[i] < P.cls[j] ? -1 : 1;
  const ld_isec *x = P.cand[i], *y = P.cand[j];
  for (uint32_t r = 0; r < x->is_nrels; r++) {
    tkey p = target_key(x, &x->is_rels[r]), q = target_key(y, &y->is_rels[r]);
    int c = cmp_key(&p, &q);
    if (c) return c;
  }
  /* Equal: keep link order, so the first of a class is the one kept. */
  return i < j ? -1 : i > j;
}

static int same_class_and_targets(uint32_t i, uint32_t j) {
  if (P.cls[i] != P.cls[j]) return 0;
  const ld_isec *x = P.cand[i], *y = P.cand[j];
  for (uint32_t r = 0; r < x->is_nrels; r++) {
    tkey p = target_key(x, &x->is_rels[r]), q = target_key(y, &y->is_rels[r]);
    if (cmp_key(&p, &q)) return 0;
  }
  return 1;
}

/* Number the classes of the sorted `order` into `out` (a new class wherever a neighbour differs);
 * returns how many there are. cmp_refine orders equals by index, so it is not asked about
 * equality: same_class_and_targets is. */
static uint32_t assign(const uint32_t *order, int refine, uint32_t *out) {
  uint32_t n = 0;
  for (uint32_t k = 0; k < P.ncand; k++) {
    uint32_t a = k ? order[k - 1] : 0, b = order[k];
    if (k == 0 || (refine ? !same_class_and_targets(a, b) : cmp_contents(&a, &b) != 0)) n++;
    out[b] = n - 1;
  }
  return n;
}

/* ---- safe: whose address may be compared -------------------------------------------------- */

static void mark_address_taken(uint8_t *taken) {
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live || is->is_eh || !(is->is_flags & SHF_ALLOC) || !is->is_relsec)
        continue;
      ld_read_rels(is);
      for (uint32_t r = 0; r < is->is_nrels; r++) {
        const ld_rel *rel = &is->is_rels[r];
        ld_sym *s = rel->r_sym ? o->o_syms[rel->r_sym] : NULL;
        if (!s || !s->s_sec) continue;
        uint32_t ti = idx_get(s->s_sec);
        if (ti == UINT32_MAX) continue;
        const ld_howto *hw = &ctx->tg->tg_howto[rel->r_type];
        if (hw->kind != RK_PLT_PC) taken[ti] = 1;
      }
    }
    /* Definitions other modules may see (and compare). */
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      ld_sym *s = o->o_syms[k];
      if (!s || s->s_file != o || s->s_def != SD_REGULAR) continue;
      uint32_t ti = idx_get(s->s_sec);
      if (ti == UINT32_MAX) continue;
      int visible = s->s_vis == STV_DEFAULT || s->s_vis == STV_PROTECTED;
      if (visible && (ctx->opt.outkind == OUT_SHARED || ctx->opt.export_dynamic || s->s_shlib_ref))
        taken[ti] = 1;
    }
  }
}

/* ---- folding ---------------------------------------------------------------------------- */

static ld_isec *fold_target(const ld_isec *is) {
  uint32_t i = idx_get(is);
  return i == UINT32_MAX ? NULL : P.folded_into[i];
}

static void move_sym(ld_sym *s, void *arg) {
  (void)arg;
  ld_isec *t = s->s_sec ? fold_target(s->s_sec) : NULL;
  if (t) s->s_sec = t;
}

/* Drop the FDEs that describe a folded section (their function is the kept one's). */
static void drop_fdes(void) {
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live || !is->is_eh) continue;
      for (uint32_t j = 0; j < is->is_neh; j++) {
        ld_ehrec *er = &is->is_eh[j];
        if (er->er_cie < 0 || !er->er_live) continue;
        uint64_t at = (uint64_t)er->er_off + 8;
        uint32_t lo = 0, hi = is->is_nrels;
        while (lo < hi) {
          uint32_t mid = (lo + hi) / 2;
          if (is->is_rels[mid].r_offset < at) lo = mid + 1;
          else hi = mid;
        }
        if (lo >= is->is_nrels || is->is_rels[lo].r_offset != at) continue;
        ld_sym *s = is->is_rels[lo].r_sym ? o->o_syms[is->is_rels[lo].r_sym] : NULL;
        if (s && s->s_sec && fold_target(s->s_sec)) er->er_live = 0;
      }
    }
  }
}

void ld_icf(void) {
  P = (struct icf_pass){0};
  uint32_t cap = 256;
  P.cand = ld_xmalloc(cap * sizeof *P.cand);
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !eligible(is)) continue;
      ld_read_rels(is);
      if (P.ncand == cap) P.cand = ld_xrealloc(P.cand, (cap *= 2) * sizeof *P.cand);
      P.cand[P.ncand++] = is;
    }
  }
  if (P.ncand < 2) return;
  uint32_t tcap = 16;
  while (tcap < P.ncand * 2) tcap <<= 1;
  P.idx_mask = tcap - 1;
  P.idx_keys = ld_xcalloc(tcap, sizeof *P.idx_keys);
  P.idx_vals = ld_xcalloc(tcap, sizeof *P.idx_vals);
  for (uint32_t i = 0; i < P.ncand; i++) idx_put(P.cand[i], i);

  uint8_t *taken = ld_xcalloc(P.ncand, 1);
  if (ctx->opt.icf == 1) mark_address_taken(taken);

  uint32_t *order = ld_xmalloc(P.ncand * sizeof *order);
  uint32_t *next = ld_xmalloc(P.ncand * sizeof *next);
  P.cls = ld_xmalloc(P.ncand * sizeof *P.cls);
  for (uint32_t i = 0; i < P.ncand; i++) order[i] = i;
  ld_qsort(order, P.ncand, sizeof *order, cmp_contents);
  uint32_t nclass = assign(order, 0, P.cls);
  /* A section whose address is taken is a class of its own. */
  for (uint32_t i = 0; i < P.ncand; i++)
    if (taken[i]) P.cls[i] = nclass++;
  for (;;) {
    for (uint32_t i = 0; i < P.ncand; i++) order[i] = i;
    ld_qsort(order, P.ncand, sizeof *order, cmp_refine);
    uint32_t n = assign(order, 1, next);
    memcpy(P.cls, next, P.ncand * sizeof *P.cls);
    if (n == nclass) break;
    nclass = n;
  }

  /* The first section of each class (in link order) is kept; the rest fold into it. */
  ld_isec **first = ld_xcalloc(nclass + 1, sizeof *first);
  P.folded_into = ld_xcalloc(P.ncand, sizeof *P.folded_into);
  uint32_t nfolded = 0;
  for (uint32_t i = 0; i < P.ncand; i++) {
    if (!first[P.cls[i]]) {
      first[P.cls[i]] = P.cand[i];
      continue;
    }
    ld_isec *keep = first[P.cls[i]];
    P.folded_into[i] = keep;
    if (P.cand[i]->is_align > keep->is_align) keep->is_align = P.cand[i]->is_align;
    nfolded++;
    if (ctx->opt.print_icf)
      fprintf(stderr, "tld: ICF folding section '%s' in file '%s' into '%s' in file '%s'\n",
              P.cand[i]->is_name, P.cand[i]->is_file->o_name, keep->is_name, keep->is_file->o_name);
  }
  if (!nfolded) return;
  drop_fdes();
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_first_global; k++) move_sym(&o->o_locals[k], NULL);
  }
  ld_sym_foreach(move_sym, NULL);
  for (uint32_t i = 0; i < P.ncand; i++)
    if (P.folded_into[i]) P.cand[i]->is_live = 0;
}
