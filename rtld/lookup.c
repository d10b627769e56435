/* Symbol lookup: GNU and SysV hash tables, symbol versions, scopes, binding dependencies.
 * Contract: callers hold the dl lock, or are in a reader section (rtld_read_begin): objects may
 * be appended to the list meanwhile, and objects being unloaded (o_closing) are skipped, but
 * nothing a reader can reach is unmapped until it leaves. An object being unloaded still finds
 * its own group (its finalisers may bind lazily). Scope order (DESIGN.md §8): the object itself
 * first when it was linked -Bsymbolic, then every RTLD_GLOBAL object in load order (the executable
 * first), then the dlopen group the object was loaded with. The first definition wins. */
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

int rtld_resolve(struct rtld_obj *o, uint32_t idx, struct rtld_obj **local, unsigned nlocal,
                 int skip_exe, struct rtld_def *out) {
  const rtld_sym *s = &o->o_symtab[idx];
  out->d_sym = NULL;
  out->d_obj = NULL;
  if ((s->st_info >> 4) == STB_LOCAL) {
    out->d_sym = s;
    out->d_obj = o;
    return 1;
  }
  const char *name = o->o_strtab + s->st_name;
  const char *ver = NULL;
  if (o->o_versym) {
    unsigned ndx = o->o_versym[idx] & 0x7fff;
    if (ndx > 1 && ndx < o->o_nvernames) ver = o->o_vernames[ndx];
  }
  uint32_t gh = rtld_gnu_hash(name), sh = rtld_sysv_hash(name);
  const rtld_sym *d;
  if (o->o_dt_flags & DF_SYMBOLIC && (d = rtld_lookup_in(o, name, gh, sh, ver))) {
    out->d_sym = d;
    out->d_obj = o;
    return 1;
  }
  int closing = o->o_closing;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = __atomic_load_n(&g->l_next, __ATOMIC_ACQUIRE)) {
    if (!g->o_global || (skip_exe && g->o_is_exe) || (g->o_closing && !closing)) continue;
    if ((d = rtld_lookup_in(g, name, gh, sh, ver))) {
      out->d_sym = d;
      out->d_obj = g;
      return 1;
    }
  }
  for (unsigned i = 0; i < nlocal; i++) {
    if ((skip_exe && local[i]->o_is_exe) || (local[i]->o_closing && !closing)) continue;
    if ((d = rtld_lookup_in(local[i], name, gh, sh, ver))) {
      out->d_sym = d;
      out->d_obj = local[i];
      return 1;
    }
  }
  /* An unresolved weak reference is zero. */
  return (s->st_info >> 4) == STB_WEAK;
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
