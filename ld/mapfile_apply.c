/* Applying the mapfile model (mapfile/mapfile.h) to the link: the segment plan and the entrance
 * criteria that place input sections, symbol scopes and versions, absolute symbol definitions,
 * assertions, segment size symbols and the stack's flags. The parser knows nothing of linking;
 * this file is where the model meets the link. Every function is a no-op without a mapfile. */
#include <dlfcn.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "mapfile.h"
#include "plugin.h"

static mf_model *M(void) { return ctx->opt.mapfile; }

static const char *where(mf_loc l) { return l.file ? ld_sprintf("%s: %u", l.file, l.line) : NULL; }

/* The state of applying the mapfile model (ctx->opt.mapfile) to the link, by its passes:
 *   - the segment plan: ld_mapfile_plan (at the start of placement) writes plan_segs and the
 *     plan's segments (ctx->psegs); placement, layout and the size symbols read them;
 *   - symbol scope: ld_mapfile_symbols gives each symbol its scope and version, and checks the
 *     ASSERTs (assert_list) once every symbol has its scope.
 * The dynamic lists' model is the link context's (ctx->dynlist). Each function that fills a
 * member starts it afresh. */
static struct mapfile_pass {
  mf_segment **plan_segs; /* the model's segments in plan order (index = pseg index), or NULL */
  ld_vec assert_list;     /* asserted*: symbols whose ASSERT is checked, in the mapfile's order */
} P;

/* ---- segments ------------------------------------------------------------------------- */

static int seg_index(const mf_segment *sg) {
  for (uint32_t i = 0; i < ctx->npsegs; i++)
    if (P.plan_segs[i] == sg) return (int)i;
  return -1;
}

/* A mapfile that names segments or entrance criteria replaces the default plan with the
 * Solaris one: its segments in SEGMENT_ORDER, then the rest in the order they were made. */
void ld_mapfile_plan(void) {
  P.plan_segs = NULL;
  mf_model *m = M();
  if (!m) return;
  int mentioned = m->m_ecs.n > 0 || m->m_seg_order.n > 0;
  for (uint32_t i = 0; i < m->m_segs.n; i++)
    if (((mf_segment *)m->m_segs.v[i])->sg_mentioned) mentioned = 1;
  if (!mentioned) return;
  P.plan_segs = ld_xcalloc(m->m_segs.n + 1, sizeof *P.plan_segs);
  ctx->psegs = ld_xcalloc(m->m_segs.n + 1, sizeof *ctx->psegs);
  uint32_t n = 0;
  for (uint32_t pass = 0; pass < 2; pass++) {
    mf_vec *v = pass == 0 ? &m->m_seg_order : &m->m_segs;
    for (uint32_t i = 0; i < v->n; i++) {
      mf_segment *sg = v->v[i];
      if (sg->sg_disabled) continue;
      int dup = 0;
      for (uint32_t k = 0; k < n; k++)
        if (P.plan_segs[k] == sg) dup = 1;
      if (dup) continue;
      ld_pseg *ps = &ctx->psegs[n];
      P.plan_segs[n++] = sg;
      ps->ps_name = sg->sg_name;
      ps->ps_type = sg->sg_type == MF_SEG_LOAD   ? PT_LOAD
                    : sg->sg_type == MF_SEG_NOTE ? PT_NOTE
                                                 : PT_NULL;
      ps->ps_flags = sg->sg_flags; /* effective: FLAGS operations already applied */
      if (ps->ps_type == PT_NOTE && !(sg->sg_set & MF_SGA_FLAGS)) ps->ps_flags = PF_R;
      if (sg->sg_set & MF_SGA_VADDR) ps->ps_vaddr_set = 1, ps->ps_vaddr = sg->sg_vaddr;
      if (sg->sg_set & MF_SGA_ALIGN) ps->ps_align = sg->sg_align;
      if (sg->sg_set & MF_SGA_ROUND) ps->ps_round = sg->sg_round;
      if (sg->sg_set & MF_SGA_MAX_SIZE) ps->ps_max_size = sg->sg_max_size;
      ps->ps_nohdr = sg->sg_nohdr;
      ps->ps_where = where(sg->sg_loc);
      for (uint32_t k = 0; k < sg->sg_size_syms.n; k++)
        ld_vec_push(&ps->ps_size_syms, sg->sg_size_syms.v[k]);
    }
  }
  ctx->npsegs = n;
  int text = seg_index(mf_find_segment(m, "text")), data = seg_index(mf_find_segment(m, "data"));
  if (text < 0 || data < 0) {
    /* The catch-all segments are disabled: the first loadable ones with the right permission. */
    for (uint32_t i = 0; i < n; i++) {
      if (ctx->psegs[i].ps_type != PT_LOAD) continue;
      if (text < 0 && !(ctx->psegs[i].ps_flags & PF_W)) text = (int)i;
      if (data < 0 && (ctx->psegs[i].ps_flags & PF_W)) data = (int)i;
    }
  }
  if (text < 0 || data < 0) {
    const mf_segment *sg = mf_find_segment(m, text < 0 ? "text" : "data");
    const char *w = sg ? where(sg->sg_loc) : NULL;
    ld_fatal("%s: no loadable segment is left for %s sections", w ? w : "mapfile",
             text < 0 ? "read-only" : "writable");
  }
  ctx->pseg_text = (uint32_t)text;
  ctx->pseg_data = (uint32_t)data;
}

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* The archive or path part of "lib.a(member.o)", and the member. */
static void split_name(const char *name, char **path, const char **member) {
  size_t n = strlen(name);
  const char *lp = strrchr(name, '(');
  if (n && name[n - 1] == ')' && lp) {
    *path = ld_sprintf("%.*s", (int)(lp - name), name);
    *member = ld_sprintf("%.*s", (int)(n - (size_t)(lp - name) - 2), lp + 1);
  } else {
    *path = (char *)name;
    *member = NULL;
  }
}

static int file_matches(const mf_ec *ec, const ld_obj *o) {
  if (!ec->ec_files.n) return 1;
  char *path;
  const char *member;
  split_name(o->o_name, &path, &member);
  for (uint32_t i = 0; i < ec->ec_files.n; i++) {
    const mf_file_test *ft = ec->ec_files.v[i];
    switch (ft->ft_kind) {
    case MF_FILE_BASENAME:
      /* The file's (or archive's) basename, or a member as "lib.a(member.o)" (version 1). */
      if (!strcmp(base_name(path), ft->ft_name) ||
          (member && !strcmp(base_name(o->o_name), ft->ft_name)))
        return 1;
      break;
    case MF_FILE_OBJNAME:
      if (!strcmp(member ? member : base_name(path), ft->ft_name)) return 1;
      break;
    case MF_FILE_PATH:
      if (!strcmp(o->o_name, ft->ft_name) || !strcmp(path, ft->ft_name)) return 1;
      break;
    }
  }
  return 0;
}

/* The planned segment of an input section (-1: the catch-all for its permissions), and its
 * place among the segment's IS_ORDER criteria (is_prio, UINT32_MAX if none). */
int32_t ld_mapfile_place(ld_isec *is) {
  mf_model *m = M();
  if (!m || !P.plan_segs || !(is->is_flags & SHF_ALLOC)) return -1;
  for (uint32_t i = 0; i < m->m_ecs.n; i++) {
    mf_ec *ec = m->m_ecs.v[i];
    if (ec->ec_is_name && strcmp(ec->ec_is_name, is->is_name)) continue;
    if (ec->ec_type_set && ec->ec_type != is->is_type) continue;
    if ((is->is_flags & ec->ec_flags_mask) != ec->ec_flags_value) continue;
    if (!file_matches(ec, is->is_file)) continue;
    int idx = seg_index(ec->ec_seg);
    if (idx < 0) return -1; /* its segment is disabled: the defaults apply */
    mf_segment *sg = ec->ec_seg;
    for (uint32_t k = 0; ec->ec_name && k < sg->sg_is_order.n; k++)
      if (!strcmp(sg->sg_is_order.v[k], ec->ec_name)) is->is_mf_order = k + 1;
    if (sg->sg_order_by_file) {
      /* Version 1 ?O: the segment's sections in the order of its mapping directives. */
      uint32_t k = 0;
      for (uint32_t j = 0; j <= i; j++)
        if (((mf_ec *)m->m_ecs.v[j])->ec_seg == sg) k++;
      is->is_mf_order = k;
    }
    return idx;
  }
  return -1;
}

/* OS_ORDER: the position of an output section in its segment's list (0: not listed). */
uint32_t ld_mapfile_os_order(const ld_osec *os) {
  if (!P.plan_segs || os->os_pseg < 0) return 0;
  mf_segment *sg = P.plan_segs[os->os_pseg];
  for (uint32_t k = 0; k < sg->sg_os_order.n; k++)
    if (!strcmp(sg->sg_os_order.v[k], os->os_name)) return k + 1;
  return 0;
}

/* PT_GNU_STACK flags, or 0 when the mapfile says nothing about the stack. */
uint32_t ld_mapfile_stack_flags(void) {
  mf_model *m = M();
  return m && m->m_stack_set ? m->m_stack_flags : 0;
}

/* ---- symbols -------------------------------------------------------------------------- */

/* Demangling for extern "C++" patterns, from the C++ runtime when it is installed. */
static char *demangle(const char *name) {
  static int warned;
  char *d = ld_demangle_cxx(name);
  if (!d && !ld_can_demangle_cxx() && !warned) {
    warned = 1;
    ld_warn("extern \"C++\" version script patterns match nothing: libstdc++.so.6's __cxa_demangle "
            "cannot be loaded");
  }
  return d;
}

/* Names for assertion messages, in the mapfile's words. */
static const char *type_name(unsigned t) {
  switch (t) {
  case STT_NOTYPE: return "NOTYPE";
  case STT_OBJECT: return "DATA";
  case STT_FUNC: return "FUNCTION";
  case STT_SECTION: return "SECTION";
  case STT_FILE: return "FILE";
  case STT_COMMON: return "COMMON";
  case STT_TLS: return "TLS";
  default: return ld_sprintf("%u", t);
  }
}

static const char *bind_name(unsigned b) {
  return b == STB_LOCAL    ? "LOCAL"
         : b == STB_GLOBAL ? "GLOBAL"
         : b == STB_WEAK   ? "WEAK"
                           : ld_sprintf("%u", b);
}

/* The entry of a model that decides symbol `s`, with the precedence GNU ld and lld give version
 * scripts: an exact name wins (the first one, in version order); then patterns other than "*",
 * a later version's before an earlier one's and, within a version, global before local; then
 * "*" in the same order. The scope-only list (anonymous scripts, SYMBOL_SCOPE) counts as the
 * earliest version. */
typedef struct match_ctx {
  ld_sym *s;
  const char *name; /* the name without its version */
  char *dm;         /* demangled, for extern "C++" entries (computed once) */
  int dm_done;
} match_ctx;

static int entry_matches(match_ctx *mc, const mf_sym *sy) {
  const char *name = mc->name;
  if (sy->sy_lang == MF_LANG_CXX) {
    if (!mc->dm_done) mc->dm = demangle(mc->name), mc->dm_done = 1;
    if (!mc->dm) return 0;
    name = mc->dm;
  }
  return sy->sy_wild ? fnmatch(sy->sy_name, name, 0) == 0 : !strcmp(sy->sy_name, name);
}

static mf_vec *version_list(mf_model *m, uint32_t v) {
  return v == 0 ? &m->m_scope : &((mf_version *)m->m_versions.v[v - 1])->vr_syms;
}

static int is_local_scope(const mf_sym *sy) {
  return sy->sy_scope == MF_SCOPE_HIDDEN || sy->sy_scope == MF_SCOPE_ELIMINATE;
}

static mf_sym *find_in(mf_model *m, ld_sym *s) {
  match_ctx mc = {.s = s, .name = s->s_name};
  char *tmp = NULL;
  if (ld_gc(s)->s_verdef)
    mc.name = tmp = ld_sprintf("%.*s", (int)ld_gc(s)->s_basenamelen, s->s_name);
  mf_sym *hit = NULL;
  uint32_t nv = m->m_versions.n + 1;
  for (uint32_t v = 0; v < nv && !hit; v++) { /* exact names */
    mf_vec *list = version_list(m, v);
    for (uint32_t i = 0; i < list->n && !hit; i++) {
      mf_sym *sy = list->v[i];
      if (!sy->sy_wild && entry_matches(&mc, sy)) hit = sy;
    }
  }
  for (int star = 0; star < 2 && !hit; star++) /* patterns, then "*" */
    for (uint32_t v = nv; v-- > 0 && !hit;)
      for (int local = 0; local < 2 && !hit; local++) {
        mf_vec *list = version_list(m, v);
        for (uint32_t i = 0; i < list->n && !hit; i++) {
          mf_sym *sy = list->v[i];
          if (!sy->sy_wild || is_local_scope(sy) != local ||
              (strcmp(sy->sy_name, "*") == 0) != star)
            continue;
          if (entry_matches(&mc, sy)) hit = sy;
        }
      }
  free(mc.dm);
  free(tmp);
  return hit;
}

static void apply_scope(ld_sym *s, int scope) {
  switch (scope) {
  case MF_SCOPE_HIDDEN: s->s_vis = STV_HIDDEN; break;
  case MF_SCOPE_ELIMINATE: s->s_vis = STV_HIDDEN, s->s_eliminate = 1; break;
  case MF_SCOPE_PROTECTED:
    if (s->s_vis == STV_DEFAULT) s->s_vis = STV_PROTECTED;
    break;
  default: break; /* default, exported, singleton: global */
  }
}

typedef struct asserted {
  ld_sym *s;
  mf_sym *sy;
} asserted;

static void scope_one(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_def != SD_REGULAR && s->s_def != SD_SYNTH) return;
  if (s->s_def == SD_SYNTH && s->s_esym < 5000) return; /* link-editor symbols stay as they are */
  mf_sym *sy = find_in(M(), s);
  if (sy) {
    apply_scope(s, sy->sy_scope);
    if (sy->sy_ver && !ld_gc(s)->s_verdef && sy->sy_scope != MF_SCOPE_HIDDEN &&
        sy->sy_scope != MF_SCOPE_ELIMINATE) {
      ld_g(s)->s_verdef = sy->sy_ver->vr_name;
      ld_g(s)->s_basenamelen = s->s_namelen;
    }
    if (sy->sy_assert) {
      /* Checked after every symbol has its scope, in the mapfile's order. */
      asserted *a = ld_xmalloc(sizeof *a);
      a->s = s;
      a->sy = sy;
      ld_vec_push(&P.assert_list, a);
    }
    return;
  }
  if (M()->m_autoreduce) apply_scope(s, M()->m_autoreduce);
}

static int cmp_asserted(const void *x, const void *y) {
  const asserted *a = *(asserted *const *)x, *b = *(asserted *const *)y;
  uint32_t la = a->sy->sy_assert->as_loc.line, lb = b->sy->sy_assert->as_loc.line;
  if (la != lb) return la < lb ? -1 : 1;
  return strcmp(a->s->s_name, b->s->s_name);
}

static void check_assert(ld_sym *s, mf_sym *sy) {
  mf_assert *as = sy->sy_assert;
  const char *w = where(as->as_loc);
  if ((as->as_set & MF_SYA_TYPE) && as->as_type != s->s_type)
    ld_error("%s: assertion failed: type of symbol %s should be: %s is: %s", w, s->s_name,
             type_name(as->as_type), type_name(s->s_type));
  if ((as->as_set & MF_SYA_SIZE) && as->as_size != s->s_size)
    ld_error("%s: assertion failed: size of symbol %s should be: %llu is: %llu", w, s->s_name,
             (unsigned long long)as->as_size, (unsigned long long)s->s_size);
  if ((as->as_set & MF_SYA_BIND) && as->as_bind != s->s_bind)
    ld_error("%s: assertion failed: binding of symbol %s should be: %s is: %s", w, s->s_name,
             bind_name(as->as_bind), bind_name(s->s_bind));
  if ((as->as_set & MF_SYA_SHATTR) && s->s_sec &&
      (s->s_sec->is_type == SHT_NOBITS) != (as->as_nobits != 0))
    ld_error("%s: assertion failed: symbol %s is %sin an SHT_NOBITS section", w, s->s_name,
             s->s_sec->is_type == SHT_NOBITS ? "" : "not ");
  if (as->as_set & MF_SYA_ALIAS) {
    ld_sym *t = ld_sym_lookup(as->as_alias, (uint32_t)strlen(as->as_alias));
    if (!t || (t->s_def != SD_REGULAR && t->s_def != SD_SYNTH))
      ld_error("%s: assertion failed: unknown symbol in ALIAS: %s", w, as->as_alias);
    else if (t->s_sec != s->s_sec || t->s_value != s->s_value)
      ld_error("%s: assertion failed: symbol %s is not an alias of %s", w, s->s_name, as->as_alias);
  }
}

/* Before the undefined-symbol check: symbols the mapfile defines (VALUE) or declares as defined
 * elsewhere (EXTERN, PARENT), and segment size symbols. */
void ld_mapfile_define(void) {
  mf_model *m = M();
  if (!m) return;
  for (uint32_t v = 0; v <= m->m_versions.n; v++) {
    mf_vec *list = v < m->m_versions.n ? &((mf_version *)m->m_versions.v[v])->vr_syms : &m->m_scope;
    for (uint32_t i = 0; i < list->n; i++) {
      mf_sym *sy = list->v[i];
      if (sy->sy_wild) continue;
      if (sy->sy_flags & (MF_SYF_EXTERN | MF_SYF_PARENT)) {
        ld_sym *s = ld_sym_lookup(sy->sy_name, (uint32_t)strlen(sy->sy_name));
        if (s) s->s_extern = 1;
        continue;
      }
      if (!(sy->sy_set & MF_SYA_VALUE)) continue;
      ld_sym *s = ld_sym_intern(sy->sy_name, (uint32_t)strlen(sy->sy_name));
      if (s->s_def == SD_REGULAR) {
        ld_error("%s: symbol %s is defined by the mapfile and by %s", where(sy->sy_loc),
                 sy->sy_name, s->s_file ? s->s_file->o_name : "the link");
        continue;
      }
      s->s_def = SD_SYNTH;
      s->s_esym = 5000; /* a fixed absolute value */
      s->s_value = sy->sy_value;
      s->s_size = sy->sy_size;
      s->s_type =
          (sy->sy_set & MF_SYA_TYPE) && sy->sy_type != STT_COMMON ? sy->sy_type : STT_OBJECT;
      s->s_bind = STB_GLOBAL;
      s->s_alias_abs = 1;
      s->s_referenced = 1;
      s->s_file = NULL;
      s->s_sec = NULL;
    }
  }
  for (uint32_t i = 0; i < m->m_segs.n; i++) {
    mf_segment *sg = m->m_segs.v[i];
    for (uint32_t k = 0; k < sg->sg_size_syms.n; k++) {
      const char *nm = sg->sg_size_syms.v[k];
      ld_sym *s = ld_sym_intern(nm, (uint32_t)strlen(nm));
      s->s_def = SD_SYNTH;
      s->s_esym = 5001; /* the size of the segment named by s_lazy_member */
      ld_g(s)->s_lazy_member = i;
      s->s_type = STT_OBJECT;
      s->s_alias_abs = 1;
      s->s_referenced = 1;
      s->s_file = NULL;
      s->s_sec = NULL;
    }
  }
}

/* The value of a SIZE_SYMBOL after layout. */
uint64_t ld_mapfile_size_symbol(const ld_sym *s) {
  mf_model *m = M();
  if (!m || ld_gc(s)->s_lazy_member >= m->m_segs.n || !P.plan_segs) return 0;
  int idx = seg_index(m->m_segs.v[ld_gc(s)->s_lazy_member]);
  if (idx < 0) return 0;
  ld_pseg *ps = &ctx->psegs[idx];
  return ps->ps_present ? ps->ps_end - ps->ps_start : 0;
}

/* The symbol flags that shape .SUNW_syminfo (ld/syminfo.c): DIRECT and NODIRECT on a definition
 * or on a reference, INTERPOSE on a definition of a dynamic executable, EXTERN and PARENT on a
 * reference. Named symbols only: patterns come from GNU version scripts, which have no flags. */
static void syminfo_flags(void) {
  mf_model *m = M();
  int dyn_exec = (ctx->opt.outkind == OUT_EXEC || ctx->opt.outkind == OUT_PIE) &&
                 !ctx->opt.is_static && ctx->opt.outkind != OUT_RELOC;
  for (uint32_t v = 0; v <= m->m_versions.n; v++) {
    mf_vec *list = v < m->m_versions.n ? &((mf_version *)m->m_versions.v[v])->vr_syms : &m->m_scope;
    for (uint32_t i = 0; i < list->n; i++) {
      mf_sym *sy = list->v[i];
      uint32_t f = sy->sy_flags;
      if (sy->sy_wild || !(f & (MF_SYF_DIRECT | MF_SYF_NODIRECT | MF_SYF_INTERPOSE | MF_SYF_EXTERN |
                                MF_SYF_PARENT)))
        continue;
      if ((f & MF_SYF_INTERPOSE) && !dyn_exec) {
        ld_error("%s: symbol %s: INTERPOSE can only be used when building a dynamic executable",
                 where(sy->sy_loc), sy->sy_name);
        continue;
      }
      ld_sym *s = ld_sym_lookup(sy->sy_name, (uint32_t)strlen(sy->sy_name));
      int known = s && s->s_def != SD_LAZY && (s->s_def != SD_UNDEF || s->s_referenced);
      if (!known) {
        if (f & (MF_SYF_DIRECT | MF_SYF_NODIRECT | MF_SYF_INTERPOSE))
          ld_warn("%s: symbol %s is neither defined nor referenced by the link: its %s flag has "
                  "no effect",
                  where(sy->sy_loc), sy->sy_name,
                  f & MF_SYF_INTERPOSE ? "INTERPOSE"
                  : f & MF_SYF_DIRECT  ? "DIRECT"
                                       : "NODIRECT");
        continue;
      }
      if ((f & MF_SYF_INTERPOSE) && s->s_def != SD_REGULAR && s->s_def != SD_SYNTH) {
        ld_warn("%s: symbol %s: INTERPOSE applies to definitions, and %s is not defined here",
                where(sy->sy_loc), sy->sy_name, sy->sy_name);
        f &= ~(uint32_t)MF_SYF_INTERPOSE;
      }
      s->s_dbflags |=
          (uint8_t)((f & MF_SYF_DIRECT ? SDB_DIRECT : 0) |
                    (f & MF_SYF_NODIRECT ? SDB_NODIRECT : 0) |
                    (f & MF_SYF_INTERPOSE ? SDB_INTERPOSE : 0) |
                    (f & MF_SYF_EXTERN ? SDB_EXTERN : 0) | (f & MF_SYF_PARENT ? SDB_PARENT : 0));
    }
  }
}

/* --no-undefined-version: every name (not pattern) a version node makes global must be defined
 * by the link, as lld and GNU ld check. */
static void check_undefined_versions(void) {
  mf_model *m = M();
  for (uint32_t v = 0; v < m->m_versions.n; v++) {
    mf_version *ver = m->m_versions.v[v];
    for (uint32_t i = 0; i < ver->vr_syms.n; i++) {
      mf_sym *sy = ver->vr_syms.v[i];
      if (sy->sy_wild || sy->sy_lang != MF_LANG_C || sy->sy_scope == MF_SCOPE_HIDDEN ||
          sy->sy_scope == MF_SCOPE_ELIMINATE || (sy->sy_flags & (MF_SYF_EXTERN | MF_SYF_PARENT)))
        continue;
      ld_sym *s = ld_sym_lookup(sy->sy_name, (uint32_t)strlen(sy->sy_name));
      if (!s || (s->s_def != SD_REGULAR && s->s_def != SD_SYNTH && s->s_def != SD_COMMON))
        ld_error("%s: version script assigns version %s to symbol '%s', which is not defined "
                 "(--no-undefined-version)",
                 where(sy->sy_loc), ver->vr_name, sy->sy_name);
    }
  }
}

/* After resolution: scopes, versions, assertions, direct-binding flags. */
void ld_mapfile_symbols(void) {
  P.assert_list = (ld_vec){0};
  if (!M()) return;
  if (!ctx->opt.undefined_version && ctx->opt.outkind == OUT_SHARED) check_undefined_versions();
  ld_sym_foreach(scope_one, NULL);
  ld_qsort(P.assert_list.v, P.assert_list.n, sizeof(void *), cmp_asserted);
  for (uint32_t i = 0; i < P.assert_list.n; i++) {
    asserted *a = P.assert_list.v[i];
    check_assert(a->s, a->sy);
  }
  syminfo_flags();
}

/* The version 1 mapfiles read, for -z guidance (NULL past the last). */
const char *ld_mapfile_v1_file(uint32_t i) {
  return M() && i < M()->m_v1_files.n ? M()->m_v1_files.v[i] : NULL;
}

/* Version definitions the mapfile declares, in order, with their parents; for .gnu.version_d. */
uint32_t ld_mapfile_nversions(void) { return M() ? M()->m_versions.n : 0; }
const char *ld_mapfile_version(uint32_t i, uint32_t *nparents, const char *const **parents) {
  mf_version *v = M()->m_versions.v[i];
  *nparents = v->vr_parents.n;
  *parents = (const char *const *)v->vr_parents.v;
  return v->vr_name;
}

/* DEPEND_VERSIONS: may a reference bind to version `ver` of the library `soname`? */
int ld_mapfile_version_allowed(const char *soname, const char *ver) {
  mf_model *m = M();
  if (!m) return 1;
  for (uint32_t i = 0; i < m->m_depends.n; i++) {
    mf_depend *d = m->m_depends.v[i];
    if (strcmp(d->dp_soname, soname) || !d->dp_allow.n) continue;
    for (uint32_t k = 0; k < d->dp_allow.n; k++)
      if (!strcmp(d->dp_allow.v[k], ver)) return 1;
    return 0;
  }
  return 1;
}

/* Does DEPEND_VERSIONS give the library `soname` an ALLOW list? */
int ld_mapfile_version_restricted(const char *soname) {
  mf_model *m = M();
  for (uint32_t i = 0; m && soname && i < m->m_depends.n; i++) {
    mf_depend *d = m->m_depends.v[i];
    if (!strcmp(d->dp_soname, soname) && d->dp_allow.n) return 1;
  }
  return 0;
}

/* "map.file: 3" of the DEPEND_VERSIONS that restricts `soname`, for messages ("mapfile" if none).
 */
const char *ld_mapfile_depend_where(const char *soname) {
  mf_model *m = M();
  for (uint32_t i = 0; m && soname && i < m->m_depends.n; i++) {
    mf_depend *d = m->m_depends.v[i];
    if (!strcmp(d->dp_soname, soname) && d->dp_allow.n && d->dp_loc.file) return where(d->dp_loc);
  }
  return "mapfile";
}

/* ---- --dynamic-list -------------------------------------------------------------------------
 * A dynamic list ({ sym; pattern*; extern "C++" { ... }; }) has the syntax of an anonymous
 * version script and is read by the same reader into a model of its own. Listed symbols are
 * exported from an executable; in a shared object they alone stay preemptible. */

/* The C++ names --dynamic-list-cpp-new and --dynamic-list-cpp-typeinfo add: operator new and
 * delete in all their forms, and typeinfo objects and their names. */
static int cpp_listed(const ld_sym *s) {
  const char *n = s->s_name;
  if (ctx->opt.dynamic_list_cpp_new && (!strncmp(n, "_Znw", 4) || !strncmp(n, "_Zna", 4) ||
                                        !strncmp(n, "_Zdl", 4) || !strncmp(n, "_Zda", 4)))
    return 1;
  return ctx->opt.dynamic_list_cpp_typeinfo && (!strncmp(n, "_ZTI", 4) || !strncmp(n, "_ZTS", 4));
}

static void mark_listed(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_def != SD_REGULAR && s->s_def != SD_SYNTH && s->s_def != SD_SHARED &&
      s->s_def != SD_UNDEF && s->s_def != SD_COMMON)
    return;
  /* --dynamic-list-data: every data object (GNU ld's STT_OBJECT and STT_COMMON). */
  if (ctx->opt.dynamic_list_data && s->s_def != SD_UNDEF &&
      (s->s_type == STT_OBJECT || s->s_type == STT_COMMON || s->s_def == SD_COMMON))
    s->s_dynlist = 1;
  else if (cpp_listed(s)) s->s_dynlist = 1;
  else if (ctx->dynlist && find_in(ctx->dynlist, s)) s->s_dynlist = 1;
}

/* --export-dynamic-symbol takes a glob, as in GNU ld and lld. */
static void mark_glob(ld_sym *s, void *arg) {
  if (!s->s_local && fnmatch((const char *)arg, s->s_name, 0) == 0) s->s_dynlist = 1;
}

int ld_have_dynamic_list(void) {
  return ctx->opt.dynamic_lists.n || ctx->opt.dynamic_list_data || ctx->opt.dynamic_list_cpp_new ||
         ctx->opt.dynamic_list_cpp_typeinfo;
}

/* --dynamic-list and --export-dynamic-symbol-list files (which have the dynamic list's syntax),
 * read once. */
static void read_dynamic_lists(void) {
  if (ctx->dynlist || (!ctx->opt.dynamic_lists.n && !ctx->opt.export_sym_lists.n)) return;
  ctx->dynlist = mf_model_for(ctx->tg ? ctx->tg : ld_targets[0]);
  for (uint32_t i = 0; i < ctx->opt.dynamic_lists.n; i++)
    mf_read_version_script(ctx->dynlist, ctx->opt.dynamic_lists.v[i]);
  for (uint32_t i = 0; i < ctx->opt.export_sym_lists.n; i++)
    mf_read_version_script(ctx->dynlist, ctx->opt.export_sym_lists.v[i]);
  mf_finish(ctx->dynlist);
}

void ld_dynamic_lists(void) {
  if (!ld_have_dynamic_list() && !ctx->opt.export_syms.n && !ctx->opt.export_sym_lists.n) return;
  read_dynamic_lists();
  ld_sym_foreach(mark_listed, NULL);
  for (uint32_t i = 0; i < ctx->opt.export_syms.n; i++) { /* --export-dynamic-symbol */
    const char *nm = ctx->opt.export_syms.v[i];
    if (strpbrk(nm, "*?[")) {
      ld_sym_foreach(mark_glob, (void *)nm);
      continue;
    }
    ld_sym *s = ld_sym_lookup(nm, (uint32_t)strlen(nm));
    if (s) s->s_dynlist = 1;
  }
}

/* Link-time optimisation (ld/plugin.c) asks before resolution ends: does a dynamic list or
 * --export-dynamic-symbol name the symbol, and does a version script or mapfile make it local
 * (a match with a local scope, or no match under `local: *`)? */
int ld_dynamic_listed(ld_sym *s) {
  for (uint32_t i = 0; i < ctx->opt.export_syms.n; i++)
    if (fnmatch(ctx->opt.export_syms.v[i], s->s_name, 0) == 0) return 1;
  if (cpp_listed(s)) return 1;
  read_dynamic_lists();
  return ctx->dynlist && find_in(ctx->dynlist, s) != NULL;
}

int ld_mapfile_hides(const ld_sym *s) {
  if (!M()) return 0;
  mf_sym *sy = find_in(M(), (ld_sym *)s);
  if (sy) return sy->sy_scope == MF_SCOPE_HIDDEN || sy->sy_scope == MF_SCOPE_ELIMINATE;
  return M()->m_autoreduce == MF_SCOPE_HIDDEN || M()->m_autoreduce == MF_SCOPE_ELIMINATE;
}
