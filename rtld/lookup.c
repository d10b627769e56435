/* Symbol lookup: GNU and SysV hash tables, symbol versions, scopes, binding dependencies.
 * Contract: callers hold the dl lock, or are in a reader section (rtld_read_begin): objects may
 * be appended to the list meanwhile, and objects being unloaded (o_closing) are skipped, but
 * nothing a reader can reach is unmapped until it leaves. An object being unloaded still finds
 * its own group (its finalisers may bind lazily). Scope order (DESIGN.md §8): the object itself
 * first when it was linked -Bsymbolic, then every RTLD_GLOBAL object in load order (the executable
 * first), then the dlopen group the object was loaded with. The first definition wins. A
 * reference whose Syminfo entry records a direct binding is looked up in the object the entry
 * names instead (after the interposers), as the Solaris runtime linker does (see direct()). */
#include "rtld_int.h"

uint32_t rtld_gnu_hash(const char *s) {
  uint32_t h = 5381;
  for (; *s; s++) h = h * 33 + (unsigned char)*s;
  return h;
}

uint32_t rtld_sysv_hash(const char *s) {
  uint32_t h = 0;
  for (; *s; s++) {
    h = (h << 4) + (unsigned char)*s;
    uint32_t g = h & 0xf0000000u;
    if (g) h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

static int version_ok(const struct rtld_obj *o, uint32_t i, const char *ver) {
  if (!o->o_versym) return 1;
  uint16_t v = o->o_versym[i];
  unsigned ndx = v & 0x7fff;
  if (!ver) return !(v & 0x8000) || ndx <= 1;
  if (ndx <= 1) return 1;
  return ndx < o->o_nvernames && o->o_vernames[ndx] && !rtld_strcmp(o->o_vernames[ndx], ver);
}

static int sym_ok(const struct rtld_obj *o, uint32_t i, const char *name, const char *ver) {
  const rtld_sym *s = &o->o_symtab[i];
  unsigned bind = s->st_info >> 4, type = s->st_info & 0xf;
  if (s->st_shndx == SHN_UNDEF) return 0;
  if (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE) return 0;
  if (type == STT_SECTION || type == STT_FILE) return 0;
  if ((s->st_other & 3) == STV_HIDDEN || (s->st_other & 3) == STV_INTERNAL) return 0;
  if (rtld_strcmp(o->o_strtab + s->st_name, name)) return 0;
  return version_ok(o, i, ver);
}

const rtld_sym *rtld_lookup_in(struct rtld_obj *o, const char *name, uint32_t gh, uint32_t sh,
                               const char *ver) {
  if (o->o_gnu_hash) {
    const uint32_t *h = o->o_gnu_hash;
    uint32_t nb = h[0], off = h[1], nbloom = h[2], shift = h[3];
    /* Bloom words are of the class's width. */
    const uintptr_t *bloom = (const uintptr_t *)(h + 4);
    const unsigned bits = 8 * sizeof(uintptr_t);
    const uint32_t *buckets = (const uint32_t *)(bloom + nbloom);
    const uint32_t *chain = buckets + nb;
    if (!nb || !nbloom) return NULL;
    uintptr_t w = bloom[(gh / bits) % nbloom];
    uintptr_t mask = ((uintptr_t)1 << (gh % bits)) | ((uintptr_t)1 << ((gh >> shift) % bits));
    if ((w & mask) != mask) return NULL;
    uint32_t i = buckets[gh % nb];
    if (i < off) return NULL;
    for (;; i++) {
      uint32_t c = chain[i - off];
      if ((c | 1) == (gh | 1) && sym_ok(o, i, name, ver)) return &o->o_symtab[i];
      if (c & 1) return NULL;
    }
  }
  if (o->o_hash) {
    uint32_t nb = o->o_hash[0], nc = o->o_hash[1];
    const uint32_t *bucket = o->o_hash + 2, *chain = bucket + nb;
    if (!nb) return NULL;
    /* A chain visits each symbol at most once, unless a malformed table makes it a loop. */
    uint32_t steps = 0;
    for (uint32_t i = bucket[sh % nb]; i && steps++ < nc; i = chain[i])
      if (sym_ok(o, i, name, ver)) return &o->o_symtab[i];
  }
  return NULL;
}

const char *const rtld_how_names[4] = {"", "direct", "interposer", "copy"};

static const rtld_syminfo *syminfo_of(const struct rtld_obj *o, uint32_t idx) {
  return o->o_syminfo && idx < o->o_nsyms ? &o->o_syminfo[idx] : NULL;
}

static int found(struct rtld_obj *g, const rtld_sym *d, unsigned how, struct rtld_def *out) {
  out->d_sym = d;
  out->d_obj = g;
  out->d_how = how;
  return 1;
}

/* Interposers, searched ahead of a direct binding, in the Solaris order: the program's
 * definitions flagged INTERPOSE when it has DF_1_SYMINTPOSE; the program and LD_PRELOAD objects
 * marked DF_1_INTERPOSE (the flag means nothing on any other object); the other LD_PRELOAD
 * objects. A COPY relocation leaves the program out. */
static int interposers(const char *name, uint32_t gh, uint32_t sh, const char *ver, int copy,
                       struct rtld_def *out) {
  struct rtld_obj *exe = rtld_g.g_exe;
  const rtld_sym *d;
  if (!copy && (exe->o_dt_flags_1 & (DF_1_INTERPOSE | DF_1_SYMINTPOSE)) &&
      (d = rtld_lookup_in(exe, name, gh, sh, ver))) {
    const rtld_syminfo *si = syminfo_of(exe, (uint32_t)(d - exe->o_symtab));
    if ((exe->o_dt_flags_1 & DF_1_INTERPOSE) || (si && (si->si_flags & SYMINFO_FLG_INTERPOSE)))
      return found(exe, d, RTLD_HOW_INTERPOSER, out);
  }
  for (int flagged = 1; flagged >= 0; flagged--)
    for (struct rtld_obj *g = rtld_g.g_head; g; g = __atomic_load_n(&g->l_next, __ATOMIC_ACQUIRE)) {
      if (!g->o_preload && !g->o_is_exe && !g->o_is_vdso) break; /* preloads follow these */
      if (!g->o_preload || g->o_closing || !(g->o_dt_flags_1 & DF_1_INTERPOSE) != !flagged)
        continue;
      if ((d = rtld_lookup_in(g, name, gh, sh, ver))) return found(g, d, RTLD_HOW_INTERPOSER, out);
    }
  return 0;
}

/* SYMINFO_BT_PARENT: the objects that need o, and the one that loaded it (its dlopen caller). */
static int parent_lookup(struct rtld_obj *o, const char *name, uint32_t gh, uint32_t sh,
                         const char *ver, struct rtld_def *out) {
  const rtld_sym *d;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = __atomic_load_n(&g->l_next, __ATOMIC_ACQUIRE)) {
    if (g->o_closing && !o->o_closing) continue;
    for (unsigned k = 0; k < g->o_ndeps; k++)
      if (__atomic_load_n(&g->o_deps[k], __ATOMIC_ACQUIRE) == o &&
          (d = rtld_lookup_in(g, name, gh, sh, ver)))
        return found(g, d, RTLD_HOW_DIRECT, out);
  }
  if (o->o_parent && (d = rtld_lookup_in(o->o_parent, name, gh, sh, ver)))
    return found(o->o_parent, d, RTLD_HOW_DIRECT, out);
  return 0;
}

static const char *name_of(const struct rtld_obj *o) {
  return o->o_is_exe ? rtld_g.g_progname : o->l_name;
}

/* The binding o's Syminfo entry si records for symbol `name` (DESIGN.md §8, the Solaris rules).
 * Whenever the entry names a dependency, that dependency is loaded first (a pending lazy one:
 * RTLD_RESOLVE_LOAD), even under LD_NODIRECT. The lookup is direct when o was linked -B direct
 * (DF_1_DIRECT) or the entry says DIRECTBIND, and for every COPY relocation: interposers, then
 * the named object only. A definition that refuses direct binding from outside (NOEXTDIRECT),
 * or none at all, leaves the reference to the scope search (returns 0). */
static int direct(struct rtld_obj *o, const rtld_syminfo *si, const char *name, uint32_t gh,
                  uint32_t sh, const char *ver, unsigned flags, struct rtld_def *out,
                  struct rtld_need *need) {
  unsigned bt = si->si_boundto, fl = si->si_flags, copy = flags & RTLD_RES_COPY;
  struct rtld_obj *t = NULL;
  if (bt < SYMINFO_BT_LOWRESERVE) {
    /* The index of a DT_NEEDED entry in o's dynamic array; anything else records nothing. */
    if (bt >= o->o_ndyn || !o->o_dyn_dep || !o->o_dyn_dep[bt]) return 0;
    unsigned k = o->o_dyn_dep[bt] - 1;
    if (!(t = rtld_dep(o, k))) {
      if (!rtld_dep_lazy(o, k)) return 0; /* not found under --list */
      need->n_obj = o;
      need->n_dep = k;
      need->n_sym = name;
      return RTLD_RESOLVE_LOAD;
    }
  } else if (bt == SYMINFO_BT_SELF) {
    t = o;
  } else if (bt != SYMINFO_BT_PARENT) {
    return 0;
  }
  if (rtld_g.g_nodirect ||
      (!copy && !(o->o_dt_flags_1 & DF_1_DIRECT) && !(fl & SYMINFO_FLG_DIRECTBIND)))
    return 0;
  const rtld_sym *d;
  /* The program's own reference to data it holds a copy of binds to the copy. */
  if (!copy && (fl & SYMINFO_FLG_COPY) && (d = rtld_lookup_in(o, name, gh, sh, ver)))
    return found(o, d, RTLD_HOW_COPY, out);
  if (rtld_g.g_interpose && interposers(name, gh, sh, ver, copy, out)) return 1;
  if (!(t ? (d = rtld_lookup_in(t, name, gh, sh, ver)) && found(t, d, RTLD_HOW_DIRECT, out)
          : parent_lookup(o, name, gh, sh, ver, out))) {
    rtld_debug(RTLD_DBG_BINDINGS, "direct binding of `%s' from %s: not found in %s; scope search",
               name, name_of(o), t ? name_of(t) : "its parents");
    return 0;
  }
  t = out->d_obj;
  const rtld_syminfo *ds = t != o ? syminfo_of(t, (uint32_t)(out->d_sym - t->o_symtab)) : NULL;
  if (ds && (ds->si_flags & SYMINFO_FLG_NOEXTDIRECT)) {
    rtld_debug(RTLD_DBG_BINDINGS,
               "direct binding of `%s' from %s rejected: %s refuses direct bindings from outside "
               "(NOEXTDIRECT); scope search",
               name, name_of(o), name_of(t));
    return 0;
  }
  /* A definition the program copied is reached through the copy (copies interpose). */
  if (!copy && t->o_copy_src)
    for (size_t i = 0; i < rtld_g.g_ncopies; i++)
      if (rtld_g.g_copies[i].c_src == t && rtld_g.g_copies[i].c_src_sym == out->d_sym)
        return found(rtld_g.g_exe, &rtld_g.g_exe->o_symtab[rtld_g.g_copies[i].c_idx], RTLD_HOW_COPY,
                     out);
  return 1;
}

int rtld_resolve(struct rtld_obj *o, uint32_t idx, struct rtld_obj **local, unsigned nlocal,
                 unsigned flags, struct rtld_def *out, struct rtld_need *need) {
  const rtld_sym *s = &o->o_symtab[idx];
  out->d_sym = NULL;
  out->d_obj = NULL;
  out->d_how = RTLD_HOW_SCOPE;
  if ((s->st_info >> 4) == STB_LOCAL) return found(o, s, RTLD_HOW_SCOPE, out);
  const char *name = o->o_strtab + s->st_name;
  const char *ver = NULL;
  if (o->o_versym) {
    unsigned ndx = o->o_versym[idx] & 0x7fff;
    if (ndx > 1 && ndx < o->o_nvernames) ver = o->o_vernames[ndx];
  }
  uint32_t gh = rtld_gnu_hash(name), sh = rtld_sysv_hash(name);
  const rtld_syminfo *si = syminfo_of(o, idx);
  if (si && (si->si_flags & SYMINFO_FLG_DIRECT)) {
    int r = direct(o, si, name, gh, sh, ver, flags, out, need);
    if (r) return r;
  }
  int skip_exe = (flags & RTLD_RES_COPY) != 0;
  const rtld_sym *d;
  if (o->o_dt_flags & DF_SYMBOLIC && (d = rtld_lookup_in(o, name, gh, sh, ver)))
    return found(o, d, RTLD_HOW_SCOPE, out);
  int closing = o->o_closing;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = __atomic_load_n(&g->l_next, __ATOMIC_ACQUIRE)) {
    if (!g->o_global || (skip_exe && g->o_is_exe) || (g->o_closing && !closing)) continue;
    if ((d = rtld_lookup_in(g, name, gh, sh, ver))) return found(g, d, RTLD_HOW_SCOPE, out);
  }
  for (unsigned i = 0; i < nlocal; i++) {
    if ((skip_exe && local[i]->o_is_exe) || (local[i]->o_closing && !closing)) continue;
    if ((d = rtld_lookup_in(local[i], name, gh, sh, ver)))
      return found(local[i], d, RTLD_HOW_SCOPE, out);
  }
  /* What this thread's transaction loaded lazily is in scope, though not yet committed. */
  if (rtld_txn_lookup(name, ver, gh, sh, out)) return 1;
  /* An unresolved weak reference is zero; no dependency is loaded to look for it. */
  if ((s->st_info >> 4) == STB_WEAK) return 1;
  if (!rtld_find_pending(1, local, nlocal, need)) return 0;
  need->n_sym = name;
  return RTLD_RESOLVE_LOAD;
}

int rtld_find_copies(struct rtld_obj *exe, struct rtld_need *need, char *err, size_t errlen) {
  size_t n = 0, nrela = exe->o_relasz / sizeof(rtld_rela);
  for (size_t i = 0; i < nrela; i++)
    if (RTLD_R_TYPE(exe->o_rela[i].r_info) == RTLD_R_COPY) n++;
  if (!n) return 0;
  struct rtld_copy *c = rtld_alloc(n * sizeof *c);
  if (!c) {
    rtld_fmt(err, errlen, "out of memory");
    return -1;
  }
  n = 0;
  for (size_t i = 0; i < nrela; i++) {
    const rtld_rela *r = &exe->o_rela[i];
    uint32_t si = RTLD_R_SYM(r->r_info);
    if (RTLD_R_TYPE(r->r_info) != RTLD_R_COPY || !si || si >= exe->o_nsyms) continue;
    struct rtld_def d;
    int k = rtld_resolve(exe, si, NULL, 0, RTLD_RES_COPY, &d, need);
    if (k == RTLD_RESOLVE_LOAD) {
      rtld_free(c);
      return k;
    }
    if (k != 1 || !d.d_sym) continue; /* reported when the relocation is applied */
    c[n].c_idx = si;
    c[n].c_src = d.d_obj;
    c[n++].c_src_sym = d.d_sym;
    d.d_obj->o_copy_src = 1;
  }
  rtld_g.g_copies = c;
  rtld_g.g_ncopies = n;
  return 0;
}

int rtld_lookup_list(struct rtld_obj **list, unsigned n, const char *name, const char *ver,
                     struct rtld_def *out) {
  uint32_t gh = rtld_gnu_hash(name), sh = rtld_sysv_hash(name);
  for (unsigned i = 0; i < n; i++) {
    const rtld_sym *d = rtld_lookup_in(list[i], name, gh, sh, ver);
    if (d) {
      out->d_sym = d;
      out->d_obj = list[i];
      return 1;
    }
  }
  return 0;
}

int rtld_lookup_global(const char *name, const char *ver, struct rtld_obj *after,
                       struct rtld_def *out) {
  uint32_t gh = rtld_gnu_hash(name), sh = rtld_sysv_hash(name);
  struct rtld_obj *g = after ? after->l_next : rtld_g.g_head;
  for (; g; g = __atomic_load_n(&g->l_next, __ATOMIC_ACQUIRE)) {
    if ((!g->o_global && g != after) || g->o_closing) continue;
    const rtld_sym *d = rtld_lookup_in(g, name, gh, sh, ver);
    if (d) {
      out->d_sym = d;
      out->d_obj = g;
      return 1;
    }
  }
  return 0;
}

/* Objects that stay loaded whatever happens need no binding dependency. */
static int permanent(const struct rtld_obj *o) {
  return o->o_startup || o->o_is_rtld || o->o_is_vdso;
}

int rtld_add_reldep(struct rtld_obj *o, struct rtld_obj *def) {
  if (!def || def == o || permanent(def) || def->o_nodelete) return 0;
  for (unsigned i = 0; i < o->o_ndeps; i++)
    if (o->o_deps[i] == def) return 0;
  uint64_t mask;
  int r = 0;
  rtld_reldep_lock(&mask);
  if (def->o_closing && !o->o_closing) {
    r = 1;
    goto out;
  }
  for (unsigned i = 0; i < o->o_nreldeps; i++)
    if (o->o_reldeps[i] == def) goto out;
  if (o->o_nreldeps == o->o_reldeps_cap) {
    unsigned nc = o->o_reldeps_cap ? 2 * o->o_reldeps_cap : 4;
    struct rtld_obj **n = rtld_realloc_array(o->o_reldeps, o->o_nreldeps, nc, sizeof *n);
    if (!n) {
      r = -1;
      goto out;
    }
    o->o_reldeps = n;
    o->o_reldeps_cap = nc;
  }
  o->o_reldeps[o->o_nreldeps++] = def;
  rtld_debug(RTLD_DBG_FILES, "binding dependency: %s keeps %s loaded",
             o->o_is_exe ? rtld_g.g_progname : o->l_name, def->l_name);
out:
  rtld_reldep_unlock(&mask);
  return r;
}
