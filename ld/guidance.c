/* -z guidance[=noITEM,...]: advice about the link, in the manner of the Solaris link-editor,
 * one message per line on standard error ("tld: guidance: ..."). Nothing here changes the
 * output. The items, each of which -z guidance=noITEM leaves out:
 *   lazyload  -z lazyload before the first dependency when some dependency is reached only
 *             through the PLT (so it could be loaded at its first call; never the program
 *             interpreter, which is loaded first whatever the marks say); a lazily loaded
 *             dependency that start-up needs anyway, and why (a data relocation, a GOT slot, a
 *             copy relocation, TLS, -z now);
 *   direct    -B direct or -z direct before the first dependency; references that asked for
 *             direct binding but whose dependency refuses it (its NOEXTDIRECT definitions);
 *   defs      -z defs for a shared object that has undefined references;
 *   text      position-independent code for a shared object with text relocations (under
 *             -z textwarn; without it they are errors);
 *   unused    dependencies nothing refers to (a lazily loaded one would never be loaded);
 *   mapfile   version 2 syntax for a version 1 mapfile;
 *   tls       TLS relocations left as written or relaxed only part of the way, and why (tld's
 *             own item).
 * The relocations are looked at again for the lazyload and tls items: the scan decided what
 * each becomes, and this pass only asks that decision why. It runs only under -z guidance. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ld.h"

static void guide(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void guide(const char *fmt, ...) {
  char buf[2048];
  int n = snprintf(buf, sizeof buf, "tld: guidance: ");
  va_list ap;
  va_start(ap, fmt);
  int m = vsnprintf(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
  va_end(ap);
  size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
  if (len > sizeof buf - 2) len = sizeof buf - 2;
  buf[len++] = '\n';
  ssize_t w = write(2, buf, len); /* one write per line */
  (void)w;
}

static int on(uint32_t no_bit) { return !(ctx->opt.guidance & no_bit); }

static int is_pic(void) { return ctx->opt.outkind == OUT_PIE || ctx->opt.outkind == OUT_SHARED; }

/* ---- what each dependency is used for ------------------------------------------------------ */

typedef struct dep_use {
  uint32_t nrefs;        /* .dynsym references bound to it */
  const ld_sym *eager;   /* the first reference start-up must bind (NULL: none) */
  const char *eager_how; /* what binds it at start-up */
  const char *eager_loc; /* where ("a.o:(.data+0x8)"), NULL for a copy relocation */
  const char *eager_rel; /* the relocation type */
  uint32_t nrefused;     /* references asking for direct binding that it refuses */
  const ld_sym *refused; /* the first of them */
} dep_use;

typedef struct tls_group tls_group;

/* The state of the pass (ld_guidance starts it afresh). It reads the symbols, the relocations'
 * decisions and the dependencies, and writes only messages. */
static struct guidance_pass {
  dep_use *uses;   /* per position in the needed list */
  uint32_t *posof; /* o_id -> position + 1 in the needed list (0: not needed) */
  uint32_t nposof;
  tls_group *tgroups; /* TLS sequences not relaxed all the way, by reason */
  uint32_t ntgroups;
} P;

static dep_use *use_of(const ld_obj *o) {
  if (!o || o->o_id >= P.nposof || !P.posof[o->o_id]) return NULL;
  return &P.uses[P.posof[o->o_id] - 1];
}

/* A relocation against a symbol of a dependency: NULL when the reference can wait for its
 * first call (a PLT entry), else how start-up binds it. */
static const char *eager_kind(const ld_sym *s, const ld_howto *hw) {
  int fn = s->s_type == STT_FUNC || s->s_type == STT_GNU_IFUNC;
  if (hw->tls) return "is a TLS reference, which start-up resolves";
  switch (hw->kind) {
  case RK_PLT_PC:
  case RK_PLT_GOTREL: return NULL;
  case RK_PC:
    if (fn) return NULL;
    return "needs a copy relocation, which start-up applies";
  case RK_ABS:
    if (is_pic() && hw->size == (ctx->is64 ? 8 : 4))
      return "needs a dynamic relocation, which start-up applies";
    if (fn) return NULL; /* a canonical PLT entry stands for the function */
    return "needs a copy relocation, which start-up applies";
  default: return "is reached through a GOT slot, which start-up fills";
  }
}

/* ---- TLS ------------------------------------------------------------------------------------ */

typedef struct tls_group {
  int from, to;
  const char *why;
  const ld_obj *lib; /* where the variable is defined, when that is the reason */
  uint64_t n;
  const ld_sym *first;
  const char *first_loc;
} tls_group;

static const char *model_words(int m) {
  switch (m) {
  case TLSM_GD: return "general-dynamic";
  case TLSM_LD: return "local-dynamic";
  case TLSM_IE: return "initial-exec";
  case TLSM_LE: return "local-exec";
  case TLSM_DESC: return "descriptor";
  default: return "?";
  }
}

static void note_tls(ld_isec *is, const ld_rel *r, const ld_howto *hw, const ld_sym *s) {
  int from = hw->tls;
  if (from != TLSM_GD && from != TLSM_LD && from != TLSM_IE && from != TLSM_DESC) return;
  if (hw->kind == RK_TLS_MARK || hw->kind == RK_TLSGD_CALL) return;
  int to = ld_tls_target_model(s, from);
  if (to == TLSM_LE) return; /* as far as it goes */
  const char *why;
  const ld_obj *lib = NULL;
  if (!ctx->opt.tls_relax) why = "relaxation is off (-z notlsrelax or --no-relax)";
  else if (ctx->opt.outkind == OUT_SHARED)
    why = to == TLSM_IE ? "the output is a shared object, and initial-exec code in it sets "
                          "DF_STATIC_TLS: dlopen can load it only into the static TLS reserve"
                        : "the output is a shared object, whose TLS block is placed at run time";
  else if (s->s_def == SD_SHARED)
    why = "the variable is defined in a shared object", lib = s->s_file;
  else why = "the variable is not defined in the output";
  for (uint32_t i = 0; i < P.ntgroups; i++) {
    tls_group *g = &P.tgroups[i];
    if (g->from == from && g->to == to && g->why == why && g->lib == lib) {
      g->n++;
      return;
    }
  }
  P.tgroups = ld_xrealloc(P.tgroups, (P.ntgroups + 1) * sizeof *P.tgroups);
  P.tgroups[P.ntgroups++] =
      (tls_group){from, to, why, lib, 1, s, ld_xstrdup(ld_sec_loc(is, r->r_offset))};
}

/* ---- the relocations, once more --------------------------------------------------------- */

static void look_at_relocations(int deps, int tls) {
  const ld_target *tg = ctx->tg;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live || !(is->is_flags & SHF_ALLOC) || !is->is_rels) continue;
      for (uint32_t j = 0; j < is->is_nrels; j++) {
        const ld_rel *r = &is->is_rels[j];
        if (!r->r_sym || r->r_type >= tg->tg_nhowto) continue;
        const ld_howto *hw = &tg->tg_howto[r->r_type];
        const ld_sym *s = o->o_syms[r->r_sym];
        if (!s || hw->kind == RK_NONE) continue;
        if (tls && hw->tls) note_tls(is, r, hw, s);
        if (!deps || s->s_def != SD_SHARED || hw->kind == RK_TLS_MARK || hw->kind == RK_TLSGD_CALL)
          continue;
        dep_use *u = use_of(s->s_file);
        const char *how;
        if (!u || u->eager || !(how = eager_kind(s, hw))) continue;
        u->eager = s;
        u->eager_how = how;
        u->eager_loc = ld_xstrdup(ld_sec_loc(is, r->r_offset));
        u->eager_rel = hw->name;
      }
    }
  }
}

/* ---- the items ------------------------------------------------------------------------------ */

static void mapfile_item(void) {
  const char *f;
  for (uint32_t i = 0; (f = ld_mapfile_v1_file(i)) != NULL; i++)
    guide("version 2 mapfile syntax recommended: %s", f);
}

static void lazyload_item(ld_vec *needed, ld_obj *first) {
  char list[1024];
  size_t len = 0;
  uint32_t ncand = 0;
  for (uint32_t i = 0; i < needed->n && !ctx->opt.z_now; i++) {
    dep_use *u = &P.uses[i];
    if (!u->nrefs || u->eager || ld_syminfo_is_interp(needed->v[i])) continue;
    const char *nm = ((ld_obj *)needed->v[i])->o_soname;
    if (len + strlen(nm) + 8 < sizeof list)
      len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", ncand ? ", " : "", nm);
    ncand++;
  }
  if (first && !(first->o_dep & DEP_LAZY_GIVEN) && ncand)
    guide("-z lazyload option recommended before first dependency: %s %s reached only through "
          "the PLT and could be loaded at first use",
          list, ncand == 1 ? "is" : "are");
  for (uint32_t i = 0; i < needed->n; i++) {
    ld_obj *o = needed->v[i];
    dep_use *u = &P.uses[i];
    if (!(o->o_dep & DEP_LAZY) || !u->nrefs) continue;
    if (ctx->opt.z_now)
      guide("%s is lazily loaded, but -z now binds every reference at start-up, which loads it "
            "then",
            o->o_soname);
    else if (u->eager && u->eager_loc)
      guide("%s is lazily loaded, but start-up needs it: '%s' at %s (%s) %s", o->o_soname,
            u->eager->s_name, u->eager_loc, u->eager_rel, u->eager_how);
  }
}

static void direct_item(ld_vec *needed, ld_obj *first) {
  int given =
      first ? (first->o_dep & DEP_DIRECT_GIVEN) != 0 : ctx->opt.b_direct || ctx->opt.b_nodirect;
  if (!given) guide("-B direct or -z direct option recommended before first dependency");
  for (uint32_t i = 0; i < needed->n; i++) {
    dep_use *u = &P.uses[i];
    if (u->nrefused)
      guide("%u reference%s to %s %s not bound directly: its .SUNW_syminfo refuses direct binding "
            "to %s (first: '%s')",
            u->nrefused, u->nrefused == 1 ? "" : "s", ((ld_obj *)needed->v[i])->o_soname,
            u->nrefused == 1 ? "is" : "are", u->nrefused == 1 ? "it" : "them", u->refused->s_name);
  }
}

static void defs_item(ld_vec *dsyms) {
  if (ctx->opt.outkind != OUT_SHARED || ctx->opt.z_defs_given) return;
  uint32_t n = 0;
  const ld_sym *first = NULL;
  for (uint32_t i = 0; i < dsyms->n; i++) {
    const ld_sym *s = dsyms->v[i];
    if (s->s_def != SD_UNDEF || s->s_weakref || s->s_extern) continue;
    if (!n++) first = s;
  }
  if (n)
    guide("-z defs option recommended for shared objects: %u undefined symbol%s (first: '%s'%s%s)",
          n, n == 1 ? "" : "s", first->s_name, first->s_file ? ", referenced by " : "",
          first->s_file ? first->s_file->o_name : "");
}

static void text_item(void) {
  if (ctx->opt.outkind != OUT_SHARED || !ctx->opt.z_textwarn || !ctx->has_textrel) return;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live || !(is->is_flags & SHF_ALLOC) || (is->is_flags & SHF_WRITE) ||
          !(is->is_nrelative + is->is_ndynrel))
        continue;
      guide("position-independent code (-fPIC) recommended for shared objects: %s needs %u text "
            "relocation%s",
            ld_sec_loc(is, 0), is->is_nrelative + is->is_ndynrel,
            is->is_nrelative + is->is_ndynrel == 1 ? "" : "s");
      return; /* the first is enough to say it */
    }
  }
}

static void unused_item(ld_vec *needed) {
  for (uint32_t i = 0; i < needed->n; i++) {
    ld_obj *o = needed->v[i];
    if (P.uses[i].nrefs) continue;
    if (o->o_dep & DEP_LAZY)
      guide("removal of unused dependency recommended: %s (it is lazily loaded, and nothing "
            "refers to it, so nothing would load it)",
            o->o_soname);
    else guide("removal of unused dependency recommended: %s", o->o_soname);
  }
}

static void tls_item(void) {
  for (uint32_t i = 0; i < P.ntgroups; i++) {
    tls_group *g = &P.tgroups[i];
    char verb[64];
    if (g->to == g->from) snprintf(verb, sizeof verb, "left as written");
    else snprintf(verb, sizeof verb, "relaxed to %s, not local-exec", model_words(g->to));
    guide("%llu %s TLS relocation%s %s: %s%s%s (first: '%s' at %s)", (unsigned long long)g->n,
          model_words(g->from), g->n == 1 ? "" : "s", verb, g->why, g->lib ? ", " : "",
          g->lib ? g->lib->o_soname : "", g->first->s_name, g->first_loc);
  }
}

void ld_guidance(void) {
  P = (struct guidance_pass){0};
  ld_vec none = {0};
  ld_vec *dsyms = ld_syminfo_dynsyms(), *needed = ld_syminfo_needed();
  int dynamic = dsyms != NULL;
  if (!dynamic) dsyms = needed = &none;

  uint32_t maxid = 0;
  for (uint32_t i = 0; i < needed->n; i++)
    if (((ld_obj *)needed->v[i])->o_id >= maxid) maxid = ((ld_obj *)needed->v[i])->o_id + 1;
  P.nposof = maxid;
  P.posof = ld_xcalloc(P.nposof + 1, sizeof *P.posof);
  P.uses = ld_xcalloc(needed->n + 1, sizeof *P.uses);
  for (uint32_t i = 0; i < needed->n; i++) P.posof[((ld_obj *)needed->v[i])->o_id] = i + 1;
  for (uint32_t i = 0; i < dsyms->n; i++) {
    const ld_sym *s = dsyms->v[i];
    dep_use *u = s->s_def == SD_SHARED ? use_of(s->s_file) : NULL;
    if (!u) continue;
    u->nrefs++;
    int asked = ctx->opt.b_direct || (s->s_file->o_dep & DEP_DIRECT) || (s->s_dbflags & SDB_DIRECT);
    if (asked && ld_syminfo_dep_refuses(s) && !u->nrefused++) u->refused = s;
  }
  int deps = dynamic && on(GUIDE_NO_LAZYLOAD);
  if (deps || on(GUIDE_NO_TLS)) look_at_relocations(deps, on(GUIDE_NO_TLS));

  ld_obj *first = ctx->shared.n ? ctx->shared.v[0] : NULL;
  if (on(GUIDE_NO_MAPFILE)) mapfile_item();
  if (dynamic && on(GUIDE_NO_LAZYLOAD)) lazyload_item(needed, first);
  if (dynamic && on(GUIDE_NO_DIRECT)) direct_item(needed, first);
  if (dynamic && on(GUIDE_NO_DEFS)) defs_item(dsyms);
  if (dynamic && on(GUIDE_NO_TEXT)) text_item();
  if (dynamic && on(GUIDE_NO_UNUSED)) unused_item(needed);
  if (on(GUIDE_NO_TLS)) tls_item();
}
