/* Dynamic outputs: which libraries are needed, the dynamic symbol table and its hash tables,
 * symbol versions needed from libraries, the lazy PLT and its .got.plt and .rela.plt, copy
 * relocations, and the contents of .dynamic. Sizes are fixed in ld_dynamic_create (pass 8);
 * contents are written by ld_dynamic_fill (pass 10). */
#include <stdlib.h>
#include <string.h>

#include "ld.h"

/* ---- string table ---------------------------------------------------------------------- */

typedef struct dstr {
  char *buf;
  uint32_t len, cap;
} dstr;

/* What this pass keeps between ld_dynamic_create (pass 8), which decides and sizes everything,
 * and ld_dynamic_finalize and ld_dynamic_fill (passes 9 and 10), which only write it out. Nothing
 * outside this file reads it (ld_syminfo_create is handed the symbol and library lists). */
typedef struct vneed {
  ld_obj *lib;
  const char *name;
  uint16_t idx;
} vneed;
static struct dynamic_pass {
  dstr dynstr;     /* .dynstr as it is built */
  ld_vec cand;     /* ld_sym*: every symbol .dynsym could hold, in canonical order */
  ld_vec dsyms;    /* ld_sym*: .dynsym from index 1 */
  uint32_t *dname; /* .dynstr offset of each */
  uint32_t *dhash; /* GNU hash of each */
  uint32_t first_hashed, gnu_nbuckets, bloom_words;
  ld_vec copies;      /* ld_sym* with a copy relocation */
  uint32_t copy_base; /* first .rela.dyn slot of the copy relocations */
  ld_vec needed;      /* ld_obj* in DT_NEEDED order */
  uint32_t soname_off, rpath_off;
  /* .dynstr offsets of the names the options add: Solaris -N needed names, -F filters, -f
   * auxiliaries, --audit and --depaudit. */
  uint32_t *extra_needed_off, *filter_off, *aux_off, audit_off, depaudit_off;
  uint32_t nverneed_libs, nvernaux;
  uint32_t ndt;  /* .dynamic entries */
  vneed *vneeds; /* versions needed from libraries */
  uint32_t nvneeds;
  const char **vdefs; /* version names defined, index 2.. (index 1 is the base) */
  uint32_t *vdef_name;
  uint32_t nvdefs, vdef_base_name;
  uint32_t **vdef_parent_names; /* per version: .dynstr offsets of the versions it inherits */
  uint32_t *vdef_nparents;
} D;

static uint32_t dstr_add(const char *s, uint32_t n) {
  if (D.dynstr.len + n + 1 > D.dynstr.cap) {
    D.dynstr.cap = (D.dynstr.len + n + 1) * 2 + 256;
    D.dynstr.buf = ld_xrealloc(D.dynstr.buf, D.dynstr.cap);
  }
  uint32_t off = D.dynstr.len;
  memcpy(D.dynstr.buf + off, s, n);
  D.dynstr.buf[off + n] = 0;
  D.dynstr.len += n + 1;
  return off;
}

/* ---- hashes ------------------------------------------------------------------------------ */

static uint32_t gnu_hash(const char *s, uint32_t n) {
  uint32_t h = 5381;
  for (uint32_t i = 0; i < n; i++) h = h * 33 + (uint8_t)s[i];
  return h;
}

static uint32_t sysv_hash(const char *s, uint32_t n) {
  uint32_t h = 0, g;
  for (uint32_t i = 0; i < n; i++) {
    h = (h << 4) + (uint8_t)s[i];
    g = h & 0xf0000000;
    if (g) h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

/* ---- the dynamic symbol list ----------------------------------------------------------- */

/* The parents of version `v` as the mapfile gives them (none for .symver-only versions). */
static uint32_t version_parents(const char *v, const char *const **out) {
  for (uint32_t i = 0; i < ld_mapfile_nversions(); i++) {
    uint32_t np;
    const char *const *parents;
    if (!strcmp(ld_mapfile_version(i, &np, &parents), v)) {
      *out = parents;
      return np;
    }
  }
  return 0;
}

static uint16_t verdef_index(const char *v);

static int script_defines_version(const char *v) {
  for (uint32_t i = 0; i < ld_mapfile_nversions(); i++) {
    uint32_t np;
    const char *const *parents;
    if (!strcmp(ld_mapfile_version(i, &np, &parents), v)) return 1;
  }
  return 0;
}

/* A mapfile's or version script's versions come first, in their order, whether or not a symbol
 * uses them (a version with no symbols still names an interface). */
static void seed_verdefs(void) {
  for (uint32_t i = 0; i < ld_mapfile_nversions(); i++) {
    uint32_t np;
    const char *const *parents;
    verdef_index(ld_mapfile_version(i, &np, &parents));
  }
}

static uint16_t verdef_index(const char *v) {
  for (uint32_t i = 0; i < D.nvdefs; i++)
    if (!strcmp(D.vdefs[i], v)) return (uint16_t)(i + 2);
  D.vdefs = ld_xrealloc(D.vdefs, (D.nvdefs + 1) * sizeof *D.vdefs);
  D.vdefs[D.nvdefs++] = v;
  return (uint16_t)(D.nvdefs + 1);
}

static int is_export(const ld_sym *s) {
  if (s->s_local) return 0;
  if (s->s_def != SD_REGULAR && s->s_def != SD_SYNTH) return 0;
  if (s->s_vis == STV_HIDDEN || s->s_vis == STV_INTERNAL) return 0;
  if (ctx->opt.outkind == OUT_SHARED || ctx->opt.export_dynamic) return 1;
  return s->s_shlib_ref || s->s_dynlist;
}

static int is_import(const ld_sym *s) {
  if (s->s_local) return 0;
  if (s->s_def == SD_SHARED) return s->s_used_in_reg || s->s_needs;
  if (s->s_def == SD_UNDEF && s->s_referenced)
    return (ctx->opt.outkind == OUT_SHARED && !(s->s_weakref && ctx->opt.z_dyn_undef_weak == 0)) ||
           (s->s_needs && ld_preemptible(s));
  return 0;
}

static int is_dynamic(const ld_sym *s, void *arg) {
  (void)arg;
  return is_import(s) || is_export(s) || (s->s_needs & SN_COPY);
}

/* The order of .dynsym: the canonical one (ld_sort_canonical), the hashed part by GNU hash
 * bucket first. */
static uint32_t dyn_namelen(const ld_sym *s);
static void sort_dynamic(ld_vec *v, int by_bucket) {
  uint32_t *bucket = NULL;
  if (by_bucket) {
    bucket = ld_xmalloc((v->n + 1) * sizeof *bucket);
    for (uint32_t i = 0; i < v->n; i++) {
      const ld_sym *s = v->v[i];
      bucket[i] = gnu_hash(s->s_name, dyn_namelen(s)) % D.gnu_nbuckets;
    }
  }
  ld_sort_canonical(v, bucket);
  free(bucket);
}

/* A canonical PLT entry counts as a definition: the loader must find it through the hash table so
   that every object binds the function's address to the same PLT entry. */
static int dynsym_defined(const ld_sym *s) {
  return (s->s_needs & (SN_COPY | SN_CANON_PLT)) || s->s_def == SD_REGULAR || s->s_def == SD_SYNTH;
}

static uint32_t dyn_namelen(const ld_sym *s) {
  return ld_gc(s)->s_verdef ? ld_gc(s)->s_basenamelen : s->s_namelen;
}

static uint32_t verneed_index(ld_sym *s) {
  if (!ld_gc(s)->s_vername || s->s_def != SD_SHARED) return 0;
  if (!s->s_file->o_needed) return 0; /* weakly bound to a library --as-needed dropped */
  if (!ld_mapfile_version_allowed(s->s_file->o_soname, ld_gc(s)->s_vername))
    ld_error("%s: symbol %s binds to version %s of %s, which DEPEND_VERSIONS does not allow",
             ld_mapfile_depend_where(s->s_file->o_soname), s->s_name, ld_gc(s)->s_vername,
             s->s_file->o_soname);
  for (uint32_t i = 0; i < D.nvneeds; i++)
    if (D.vneeds[i].lib == s->s_file && !strcmp(D.vneeds[i].name, ld_gc(s)->s_vername))
      return D.vneeds[i].idx;
  D.vneeds = ld_xrealloc(D.vneeds, (D.nvneeds + 1) * sizeof *D.vneeds);
  D.vneeds[D.nvneeds].lib = s->s_file;
  D.vneeds[D.nvneeds].name = ld_gc(s)->s_vername;
  D.vneeds[D.nvneeds].idx = (uint16_t)(2 + D.nvdefs + D.nvneeds);
  return D.vneeds[D.nvneeds++].idx;
}

/* Aliases of a copied symbol (another name for the same library address, such as environ and
 * __environ) share its copy. */
static ld_sym *copied_alias(const ld_sym *s) {
  if (s->s_def != SD_SHARED || (s->s_needs & SN_COPY)) return NULL;
  ld_sym *last = NULL;
  for (uint32_t i = 0; i < D.copies.n; i++) {
    ld_sym *c = D.copies.v[i];
    if (c->s_file == s->s_file && c->s_value == s->s_value) last = c;
  }
  return last;
}

static int is_copied_alias(const ld_sym *s, void *arg) {
  (void)arg;
  return copied_alias(s) != NULL;
}

/* The default program interpreter is tld's own runtime linker where it is installed:
 * TLD_PREFIX/lib/tld/<target>/ld.so.1 (make install puts it there). Compiler drivers always pass
 * --dynamic-linker, so glibc links are not affected. */
#ifndef TLD_PREFIX
#define TLD_PREFIX "/usr/local"
#endif
static const char *default_interp(const ld_target *tg) {
  return ld_sprintf("%s/lib/tld/%s/ld.so.1", TLD_PREFIX, tg->tg_name);
}

/* Called from ld_create_synthetic for dynamic outputs. Returns the number of .rela.dyn entries
 * it adds (copy relocations); *plt_n the lazy PLT entries. */
uint32_t ld_dynamic_create(void) {
  const ld_target *tg = ctx->tg;
  uint32_t w = ctx->is64 ? 8 : 4;
  uint32_t symsz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  uint32_t relsz = ctx->is64 ? (tg->tg_rela ? 24 : 16) : (tg->tg_rela ? 12 : 8);
  ld_vec *needy = ld_needy();

  /* Lazy PLT entries for preemptible functions; copy relocations for data. */
  for (uint32_t i = 0; i < needy->n; i++) {
    ld_sym *s = needy->v[i];
    if ((s->s_needs & SN_PLT) && ld_slots(s)->plt < 0 &&
        !(s->s_type == STT_GNU_IFUNC && s->s_def == SD_REGULAR)) {
      ld_slots_w(s)->plt = (int32_t)ctx->plt_syms.n;
      if (tg->tg_gotplt_reserved) /* a word of .got.plt, where the target has one */
        ld_slots_w(s)->gotplt = (int32_t)(tg->tg_gotplt_reserved + ctx->plt_syms.n);
      ld_vec_push(&ctx->plt_syms, s);
    }
    if ((s->s_needs & SN_COPY) && s->s_def == SD_SHARED) ld_vec_push(&D.copies, s);
  }
  if (ctx->plt_syms.n && !tg->tg_plt_entry_size)
    ld_error("dynamic linking with a PLT is not implemented for %s yet", tg->tg_name);

  if (D.copies.n) {
    ctx->copybss = ld_new_osec(".dynbss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 1, SY_COPY_BSS);
    uint64_t off = 0;
    for (uint32_t i = 0; i < D.copies.n; i++) {
      ld_sym *s = D.copies.v[i];
      uint64_t al = s->s_value ? (s->s_value & -s->s_value) : 16;
      if (al > 64) al = 64;
      if (al > ctx->copybss->os_align) ctx->copybss->os_align = al;
      off = ld_align(off, al);
      ld_slots_w(s)->copy_addr = off; /* made absolute after layout */
      off += s->s_size;
    }
    ctx->copybss->os_size = off;
  }
  /* Other names of a copied object (environ and __environ) share its copy. */
  if (D.copies.n) {
    ld_vec aliases = {0};
    ld_sym_collect(is_copied_alias, NULL, &aliases);
    for (uint32_t i = 0; i < aliases.n; i++) {
      ld_sym *s = aliases.v[i], *c = copied_alias(s);
      s->s_needs |= SN_COPY;
      ld_slots_w(s)->copy_addr = ld_slots(c)->copy_addr;
    }
    free(aliases.v);
  }

  /* Needed libraries, in command-line order. */
  for (uint32_t i = 0; i < ctx->shared.n; i++) {
    ld_obj *o = ctx->shared.v[i];
    o->o_needed = !o->o_as_needed;
  }
  ld_sym_collect(is_dynamic, NULL, &D.cand);
  sort_dynamic(&D.cand, 0);
  /* --as-needed: a library is needed when it satisfies a strong reference; weak references
   * alone do not keep it (GNU ld, lld). */
  for (uint32_t i = 0; i < D.cand.n; i++) {
    ld_sym *s = D.cand.v[i];
    if (s->s_def == SD_SHARED && s->s_file && !s->s_weakref) s->s_file->o_needed = 1;
  }
  /* ... or when it satisfies a needed library's strong reference, as GNU ld has it (lld and gold
   * drop such a library, and the program then fails to start). */
  for (int more = 1; more;) {
    more = 0;
    uint32_t dropped = 0; /* nothing to look for when every library is needed already */
    for (uint32_t i = 0; i < ctx->shared.n; i++) dropped += !((ld_obj *)ctx->shared.v[i])->o_needed;
    for (uint32_t i = 0; dropped && i < ctx->shared.n; i++) {
      ld_obj *o = ctx->shared.v[i];
      if (o->o_needed) more |= ld_shared_needs(o);
    }
  }
  for (uint32_t i = 0; i < ctx->shared.n; i++) {
    ld_obj *o = ctx->shared.v[i];
    if (o->o_needed) ld_vec_push(&D.needed, o);
  }
  ld_check_shlib_undefined();

  /* Symbol order: undefined (imports) first, then the hashed definitions by bucket. */
  ld_vec undef = {0}, def = {0};
  for (uint32_t i = 0; i < D.cand.n; i++) {
    ld_sym *s = D.cand.v[i];
    ld_vec_push(dynsym_defined(s) ? &def : &undef, s);
  }
  uint32_t ndef = def.n;
  D.gnu_nbuckets = ndef / 4 + 1;
  D.bloom_words = 1;
  while (D.bloom_words * (ctx->is64 ? 64 : 32) < ndef * 12 / 8 + 1) D.bloom_words <<= 1;
  sort_dynamic(&def, 1);
  dstr_add("", 0);
  for (uint32_t i = 0; i < undef.n; i++) ld_vec_push(&D.dsyms, undef.v[i]);
  D.first_hashed = 1 + undef.n;
  for (uint32_t i = 0; i < def.n; i++) ld_vec_push(&D.dsyms, def.v[i]);
  D.dname = ld_xcalloc(D.dsyms.n + 1, sizeof *D.dname);
  D.dhash = ld_xcalloc(D.dsyms.n + 1, sizeof *D.dhash);
  int versions = 0;
  if (ctx->opt.outkind == OUT_SHARED) seed_verdefs();
  /* --default-symver: exported definitions without a version get one named after the object. */
  const char *defver = NULL;
  if (ctx->opt.default_symver && ctx->opt.outkind == OUT_SHARED) {
    const char *sl = strrchr(ctx->opt.output, '/');
    defver = ctx->opt.soname ? ctx->opt.soname : sl ? sl + 1 : ctx->opt.output;
  }
  for (uint32_t i = 0; i < D.dsyms.n; i++) {
    ld_sym *s = D.dsyms.v[i];
    if (defver && !ld_gc(s)->s_verdef && dynsym_defined(s) && s->s_def != SD_SHARED &&
        !(s->s_needs & (SN_COPY | SN_CANON_PLT))) {
      ld_g(s)->s_verdef = defver;
      ld_g(s)->s_basenamelen = s->s_namelen;
    }
    ld_slots_w(s)->dynidx = (int32_t)(i + 1);
    D.dname[i] = dstr_add(s->s_name, ld_gc(s)->s_verdef ? ld_gc(s)->s_basenamelen : s->s_namelen);
    D.dhash[i] = gnu_hash(s->s_name, ld_gc(s)->s_verdef ? ld_gc(s)->s_basenamelen : s->s_namelen);
    if (ld_gc(s)->s_verdef && dynsym_defined(s) && s->s_def != SD_SHARED) {
      /* A .symver version must be one a version script (or mapfile) defines, as GNU ld and
       * lld require of a shared object. */
      if (ctx->opt.outkind == OUT_SHARED && ld_gc(s)->s_verdef != defver &&
          !script_defines_version(ld_gc(s)->s_verdef))
        ld_error("%s: symbol %.*s%s%s has undefined version %s (no version script defines it)",
                 s->s_file ? s->s_file->o_name : "<internal>", (int)ld_gc(s)->s_basenamelen,
                 s->s_name, ld_gc(s)->s_verdef_hidden ? "@" : "@@", ld_gc(s)->s_verdef,
                 ld_gc(s)->s_verdef);
      ld_g(s)->s_verdef_idx = verdef_index(ld_gc(s)->s_verdef);
      versions = 1;
    }
  }
  /* Needed versions are numbered after the defined ones. */
  for (uint32_t i = 0; i < D.dsyms.n; i++) {
    ld_sym *s = D.dsyms.v[i];
    ld_g(s)->s_verneed = (uint16_t)verneed_index(s);
    if (ld_gc(s)->s_verneed) versions = 1;
  }
  /* DT_RELR with glibc: a glibc that cannot read it must refuse the output, through a version
   * only those that can define (as GNU ld adds it: when some GLIBC_2.* of libc.so is needed). */
  if (ctx->relrdyn)
    for (uint32_t k = 0; k < D.nvneeds; k++) {
      const char *so = D.vneeds[k].lib->o_soname;
      if (strncmp(so, "libc.so.", 8) || strncmp(D.vneeds[k].name, "GLIBC_2.", 8)) continue;
      D.vneeds = ld_xrealloc(D.vneeds, (D.nvneeds + 1) * sizeof *D.vneeds);
      D.vneeds[D.nvneeds].lib = D.vneeds[k].lib;
      D.vneeds[D.nvneeds].name = "GLIBC_ABI_DT_RELR";
      D.vneeds[D.nvneeds].idx = (uint16_t)(2 + D.nvdefs + D.nvneeds);
      D.nvneeds++;
      break;
    }
  for (uint32_t i = 0; i < D.needed.n; i++) {
    ld_obj *o = D.needed.v[i];
    o->o_dt_needed_idx = dstr_add(o->o_soname, (uint32_t)strlen(o->o_soname));
  }
  D.soname_off = ctx->opt.soname ? dstr_add(ctx->opt.soname, (uint32_t)strlen(ctx->opt.soname)) : 0;
  D.extra_needed_off = ld_xcalloc(ctx->opt.extra_needed.n + 1, sizeof(uint32_t));
  for (uint32_t i = 0; i < ctx->opt.extra_needed.n; i++)
    D.extra_needed_off[i] =
        dstr_add(ctx->opt.extra_needed.v[i], strlen(ctx->opt.extra_needed.v[i]));
  D.filter_off = ld_xcalloc(ctx->opt.filters.n + 1, sizeof(uint32_t));
  for (uint32_t i = 0; i < ctx->opt.filters.n; i++)
    D.filter_off[i] = dstr_add(ctx->opt.filters.v[i], (uint32_t)strlen(ctx->opt.filters.v[i]));
  D.aux_off = ld_xcalloc(ctx->opt.auxiliaries.n + 1, sizeof(uint32_t));
  for (uint32_t i = 0; i < ctx->opt.auxiliaries.n; i++)
    D.aux_off[i] = dstr_add(ctx->opt.auxiliaries.v[i], (uint32_t)strlen(ctx->opt.auxiliaries.v[i]));
  if (ctx->opt.audit) D.audit_off = dstr_add(ctx->opt.audit, (uint32_t)strlen(ctx->opt.audit));
  if (ctx->opt.depaudit)
    D.depaudit_off = dstr_add(ctx->opt.depaudit, (uint32_t)strlen(ctx->opt.depaudit));
  D.rpath_off = 0;
  if (ctx->opt.rpaths.n) {
    size_t len = 0;
    for (uint32_t i = 0; i < ctx->opt.rpaths.n; i++) len += strlen(ctx->opt.rpaths.v[i]) + 1;
    char *rp = ld_xmalloc(len + 1), *q = rp;
    for (uint32_t i = 0; i < ctx->opt.rpaths.n; i++) {
      if (i) *q++ = ':';
      size_t l = strlen(ctx->opt.rpaths.v[i]);
      memcpy(q, ctx->opt.rpaths.v[i], l);
      q += l;
    }
    *q = 0;
    D.rpath_off = dstr_add(rp, (uint32_t)(q - rp));
  }
  /* Version names needed, grouped by library. */
  D.nverneed_libs = 0;
  D.nvernaux = D.nvneeds;
  for (uint32_t i = 0; i < D.needed.n; i++) {
    ld_obj *o = D.needed.v[i];
    int any = 0;
    for (uint32_t k = 0; k < D.nvneeds; k++)
      if (D.vneeds[k].lib == o) any = 1;
    D.nverneed_libs += (uint32_t)any;
  }
  if (D.nvdefs) {
    const char *base = ctx->opt.soname;
    if (!base) {
      const char *sl = strrchr(ctx->opt.output, '/');
      base = sl ? sl + 1 : ctx->opt.output;
    }
    D.vdef_base_name = dstr_add(base, (uint32_t)strlen(base));
    D.vdef_name = ld_xcalloc(D.nvdefs, sizeof *D.vdef_name);
    D.vdef_nparents = ld_xcalloc(D.nvdefs, sizeof *D.vdef_nparents);
    D.vdef_parent_names = ld_xcalloc(D.nvdefs, sizeof *D.vdef_parent_names);
    for (uint32_t k = 0; k < D.nvdefs; k++) {
      D.vdef_name[k] = dstr_add(D.vdefs[k], (uint32_t)strlen(D.vdefs[k]));
      const char *const *parents;
      uint32_t np = version_parents(D.vdefs[k], &parents);
      D.vdef_nparents[k] = np;
      D.vdef_parent_names[k] = ld_xcalloc(np + 1, sizeof(uint32_t));
      for (uint32_t j = 0; j < np; j++)
        D.vdef_parent_names[k][j] = dstr_add(parents[j], (uint32_t)strlen(parents[j]));
    }
  }
  uint32_t *vn_name = ld_xcalloc(D.nvneeds + 1, sizeof *vn_name);
  for (uint32_t k = 0; k < D.nvneeds; k++)
    vn_name[k] = dstr_add(D.vneeds[k].name, (uint32_t)strlen(D.vneeds[k].name));
  for (uint32_t k = 0; k < D.nvneeds; k++) D.vneeds[k].name = (const char *)(uintptr_t)vn_name[k];

  /* Sections. */
  if (!ctx->opt.no_dynamic_linker && ctx->opt.outkind != OUT_SHARED) {
    const char *ip = ctx->opt.interp ? ctx->opt.interp : default_interp(tg);
    ctx->interp = ld_new_osec(".interp", SHT_PROGBITS, SHF_ALLOC, 1, SY_INTERP);
    ctx->interp->os_size = strlen(ip) + 1;
    ctx->interp->os_buf = (uint8_t *)ld_xstrdup(ip);
  }
  uint32_t nsyms = D.dsyms.n + 1;
  ctx->dynsym = ld_new_osec(".dynsym", SHT_DYNSYM, SHF_ALLOC, w, SY_DYNSYM);
  ctx->dynsym->os_size = (uint64_t)nsyms * symsz;
  ctx->dynsym->os_entsize = symsz;
  ctx->dynstr = ld_new_osec(".dynstr", SHT_STRTAB, SHF_ALLOC, 1, SY_DYNSTR);
  ctx->dynstr->os_size = D.dynstr.len;
  if (ctx->opt.hash_style & 1) {
    ctx->hash = ld_new_osec(".hash", SHT_HASH, SHF_ALLOC, 4, SY_HASH);
    ctx->hash->os_size = 4 * (2 + (uint64_t)D.gnu_nbuckets + nsyms);
    ctx->hash->os_entsize = 4;
  }
  if (ctx->opt.hash_style & 2) {
    ctx->gnuhash = ld_new_osec(".gnu.hash", SHT_GNU_HASH, SHF_ALLOC, w, SY_GNU_HASH);
    ctx->gnuhash->os_size =
        16 + (uint64_t)D.bloom_words * w + 4 * (uint64_t)D.gnu_nbuckets + 4 * (uint64_t)ndef;
  }
  if (versions) {
    ctx->versym = ld_new_osec(".gnu.version", SHT_GNU_versym, SHF_ALLOC, 2, SY_VERSYM);
    ctx->versym->os_size = 2 * (uint64_t)nsyms;
    ctx->versym->os_entsize = 2;
    if (D.nvneeds) {
      ctx->verneed = ld_new_osec(".gnu.version_r", SHT_GNU_verneed, SHF_ALLOC, 4, SY_VERNEED);
      ctx->verneed->os_size = 16 * (uint64_t)D.nverneed_libs + 16 * (uint64_t)D.nvernaux;
      ctx->verneed->os_info = D.nverneed_libs;
    }
    if (D.nvdefs) {
      ctx->verdef = ld_new_osec(".gnu.version_d", SHT_GNU_verdef, SHF_ALLOC, 4, SY_VERDEF);
      uint64_t vsz = 28;
      for (uint32_t k = 0; k < D.nvdefs; k++) vsz += 28 + 8 * (uint64_t)D.vdef_nparents[k];
      ctx->verdef->os_size = vsz;
      ctx->verdef->os_info = D.nvdefs + 1;
    }
  }
  if (ctx->plt_syms.n) {
    ctx->plt = ld_new_osec(".plt", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR | tg->tg_plt_flags,
                           tg->tg_plt_align, SY_PLT);
    ctx->plt->os_size = tg->tg_plt_header_size + (uint64_t)ctx->plt_syms.n * tg->tg_plt_entry_size +
                        tg->tg_plt_tail_size;
    ctx->relaplt =
        ld_new_osec(tg->tg_rela ? ".rela.plt" : ".rel.plt", tg->tg_rela ? SHT_RELA : SHT_REL,
                    SHF_ALLOC | SHF_INFO_LINK, w, SY_RELA_PLT);
    ctx->relaplt->os_size = (uint64_t)ctx->plt_syms.n * relsz;
    ctx->relaplt->os_entsize = relsz;
  }
  if (!ctx->gotplt && tg->tg_gotplt_reserved) {
    ctx->gotplt = ld_new_osec(".got.plt", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, w, SY_GOTPLT);
  }
  if (ctx->gotplt) {
    ctx->gotplt->os_size = (uint64_t)(tg->tg_gotplt_reserved + ctx->plt_syms.n) * w;
    ctx->gotplt->os_entsize = w;
    /* Bound at load time, the PLT's slots need not stay writable. */
    if (ctx->opt.z_now) ctx->gotplt->os_relro = 1;
  }
  ld_syminfo_create(&D.dsyms, &D.needed); /* .SUNW_syminfo; numbers the DT_NEEDED entries */
  D.ndt = 34 + D.needed.n + (ctx->opt.soname ? 1 : 0) + (D.rpath_off ? 1 : 0) + ld_syminfo_ndt() +
          (ctx->relrdyn ? 3 : 0) + ctx->opt.extra_needed.n + ctx->opt.filters.n +
          ctx->opt.auxiliaries.n + (ctx->opt.audit ? 1 : 0) + (ctx->opt.depaudit ? 1 : 0) +
          (ctx->opt.z_unique ? 1 : 0) + ctx->opt.spare_dynamic_tags;
  ctx->dynamic = ld_new_osec(".dynamic", SHT_DYNAMIC, SHF_ALLOC | SHF_WRITE, w, SY_DYNAMIC);
  ctx->dynamic->os_size = (uint64_t)D.ndt * 2 * w;
  ctx->dynamic->os_entsize = 2 * w;
  ctx->dynamic->os_relro = 1;
  return D.copies.n;
}

void ld_dynamic_set_copy_base(uint32_t base) { D.copy_base = base; }

/* After layout: copied objects (and their aliases) get absolute addresses. Every one of them is
 * in .dynsym. */
void ld_dynamic_finalize(void) {
  if (!ctx->copybss) return;
  for (uint32_t i = 0; i < D.dsyms.n; i++) {
    ld_sym *s = D.dsyms.v[i];
    if (s->s_def == SD_SHARED && (s->s_needs & SN_COPY))
      ld_slots_w(s)->copy_addr += ctx->copybss->os_addr;
  }
}

/* ---- contents -------------------------------------------------------------------------- */

static void fill_dynsym(void) {
  uint32_t symsz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  uint8_t *p = ctx->buf + ctx->dynsym->os_offset;
  memset(p, 0, symsz);
  for (uint32_t i = 0; i < D.dsyms.n; i++) {
    ld_sym *s = D.dsyms.v[i];
    uint8_t *e = p + (uint64_t)(i + 1) * symsz;
    uint8_t type = s->s_type, bind = s->s_bind == STB_WEAK ? STB_WEAK : STB_GLOBAL;
    if (s->s_bind == STB_GNU_UNIQUE && s->s_def == SD_REGULAR) bind = STB_GNU_UNIQUE;
    uint64_t value = 0;
    uint16_t shndx = SHN_UNDEF;
    if (s->s_needs & SN_COPY) {
      value = ld_slots(s)->copy_addr;
      shndx = (uint16_t)ctx->copybss->os_shndx;
    } else if (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH) {
      value = s->s_value;
      shndx = s->s_sec && s->s_sec->is_out ? (uint16_t)s->s_sec->is_out->os_shndx
              : s->s_def == SD_SYNTH       ? ld_synth_shndx(s)
                                           : SHN_ABS;
      if (type == STT_TLS) value -= ctx->tls_addr; /* TLS symbols are offsets in the template */
      if (type == STT_GNU_IFUNC && ctx->opt.outkind != OUT_SHARED && ld_slots(s)->plt >= 0) {
        value = ld_plt_addr(s); /* the PLT entry stands for the function */
        type = STT_FUNC;
      }
    } else {
      /* An import is weak only if every reference to it is. */
      bind = s->s_weakref ? STB_WEAK : STB_GLOBAL;
      if (s->s_needs & SN_CANON_PLT) value = ld_plt_addr(s);
      /* An import resolving to a library's IFUNC is a plain function here (GNU ld, lld): the
       * loader resolves it in the library, and must not call a canonical PLT entry. */
      if (type == STT_GNU_IFUNC) type = STT_FUNC;
    }
    /* An import carries no size of its own (a copied object does: it is defined here). */
    uint64_t size = shndx == SHN_UNDEF ? 0 : s->s_size;
    ld_put_sym(e, D.dname[i], value, size, ELF_ST_INFO(bind, type), s->s_vis, shndx);
  }
}

static void fill_hashes(void) {
  int be = ctx->be;
  uint32_t nsyms = D.dsyms.n + 1;
  if (ctx->hash) {
    uint8_t *h = ctx->buf + ctx->hash->os_offset;
    uint32_t nb = D.gnu_nbuckets;
    elf_wr32(h, nb, be);
    elf_wr32(h + 4, nsyms, be);
    uint8_t *bucket = h + 8, *chain = h + 8 + 4 * (uint64_t)nb;
    memset(bucket, 0, 4 * (size_t)nb + 4 * (size_t)nsyms);
    for (uint32_t i = 1; i < nsyms; i++) {
      ld_sym *s = D.dsyms.v[i - 1];
      uint32_t b = sysv_hash(s->s_name, dyn_namelen(s)) % nb;
      elf_wr32(chain + 4 * (uint64_t)i, elf_rd32(bucket + 4 * (uint64_t)b, be), be);
      elf_wr32(bucket + 4 * (uint64_t)b, i, be);
    }
  }
  if (ctx->gnuhash) {
    uint8_t *h = ctx->buf + ctx->gnuhash->os_offset;
    uint32_t w = ctx->is64 ? 8 : 4, bits = w * 8, shift = 26;
    elf_wr32(h, D.gnu_nbuckets, be);
    elf_wr32(h + 4, D.first_hashed, be);
    elf_wr32(h + 8, D.bloom_words, be);
    elf_wr32(h + 12, shift, be);
    uint8_t *bloom = h + 16, *buckets = bloom + (uint64_t)D.bloom_words * w;
    uint8_t *chain = buckets + 4 * (uint64_t)D.gnu_nbuckets;
    memset(bloom, 0, (size_t)D.bloom_words * w + 4 * (size_t)D.gnu_nbuckets);
    uint32_t ndef = nsyms - D.first_hashed;
    for (uint32_t k = 0; k < ndef; k++) {
      uint32_t i = D.first_hashed + k, hv = D.dhash[i - 1];
      uint8_t *bw = bloom + (uint64_t)((hv / bits) & (D.bloom_words - 1)) * w;
      uint64_t word = elf_rdw(bw, ctx->is64, be);
      word |= 1ULL << (hv % bits);
      word |= 1ULL << ((hv >> shift) % bits);
      elf_wrw(bw, word, ctx->is64, be);
      uint32_t b = hv % D.gnu_nbuckets;
      if (!elf_rd32(buckets + 4 * (uint64_t)b, be)) elf_wr32(buckets + 4 * (uint64_t)b, i, be);
      int last = k + 1 == ndef || D.dhash[i] % D.gnu_nbuckets != b;
      elf_wr32(chain + 4 * (uint64_t)k, (hv & ~1u) | (last ? 1u : 0u), be);
    }
  }
}

static void fill_versions(void) {
  if (!ctx->versym) return;
  int be = ctx->be;
  uint8_t *v = ctx->buf + ctx->versym->os_offset;
  elf_wr16(v, 0, be);
  for (uint32_t i = 0; i < D.dsyms.n; i++) {
    ld_sym *s = D.dsyms.v[i];
    uint16_t x = ld_gc(s)->s_verneed ? ld_gc(s)->s_verneed : VER_NDX_GLOBAL;
    if (ld_gc(s)->s_verdef_idx)
      x = (uint16_t)(ld_gc(s)->s_verdef_idx | (ld_gc(s)->s_verdef_hidden ? VERSYM_HIDDEN : 0));
    elf_wr16(v + 2 * (uint64_t)(i + 1), x, be);
  }
  if (ctx->verdef) {
    /* The base definition (the object's own name), then one per version: its name, then the
     * names of the versions it inherits. */
    uint8_t *p = ctx->buf + ctx->verdef->os_offset;
    for (uint32_t k = 0; k <= D.nvdefs; k++) {
      uint32_t name = k ? D.vdef_name[k - 1] : D.vdef_base_name;
      uint32_t np = k ? D.vdef_nparents[k - 1] : 0;
      const char *nm = D.dynstr.buf + name;
      uint32_t size = 20 + 8 * (1 + np);
      elf_wr16(p, 1, be);
      elf_wr16(p + 2, k ? 0 : VER_FLG_BASE, be);
      elf_wr16(p + 4, (uint16_t)(k + 1), be);
      elf_wr16(p + 6, (uint16_t)(1 + np), be);
      elf_wr32(p + 8, sysv_hash(nm, (uint32_t)strlen(nm)), be);
      elf_wr32(p + 12, 20, be);
      elf_wr32(p + 16, k == D.nvdefs ? 0 : size, be);
      for (uint32_t j = 0; j <= np; j++) {
        elf_wr32(p + 20 + 8 * j, j ? D.vdef_parent_names[k - 1][j - 1] : name, be);
        elf_wr32(p + 24 + 8 * j, j == np ? 0 : 8, be);
      }
      p += size;
    }
  }
  if (!ctx->verneed) return;
  uint8_t *p = ctx->buf + ctx->verneed->os_offset;
  uint32_t libs_done = 0;
  for (uint32_t li = 0; li < D.needed.n; li++) {
    ld_obj *o = D.needed.v[li];
    uint32_t cnt = 0;
    for (uint32_t k = 0; k < D.nvneeds; k++)
      if (D.vneeds[k].lib == o) cnt++;
    if (!cnt) continue;
    libs_done++;
    elf_wr16(p, 1, be);
    elf_wr16(p + 2, (uint16_t)cnt, be);
    elf_wr32(p + 4, o->o_dt_needed_idx, be);
    elf_wr32(p + 8, 16, be);
    elf_wr32(p + 12, libs_done == D.nverneed_libs ? 0 : 16 + 16 * cnt, be);
    uint8_t *a = p + 16;
    uint32_t j = 0;
    for (uint32_t k = 0; k < D.nvneeds; k++) {
      if (D.vneeds[k].lib != o) continue;
      uint32_t off = (uint32_t)(uintptr_t)D.vneeds[k].name;
      const char *nm = D.dynstr.buf + off;
      elf_wr32(a, sysv_hash(nm, (uint32_t)strlen(nm)), be);
      elf_wr16(a + 4, 0, be);
      elf_wr16(a + 6, D.vneeds[k].idx, be);
      elf_wr32(a + 8, off, be);
      elf_wr32(a + 12, ++j == cnt ? 0 : 16, be);
      a += 16;
    }
    p = a;
  }
}

static uint32_t relsize(void) {
  return ctx->is64 ? (ctx->tg->tg_rela ? 24 : 16) : (ctx->tg->tg_rela ? 12 : 8);
}

static void fill_plt(void) {
  const ld_target *tg = ctx->tg;
  int be = ctx->be, is64 = ctx->is64;
  uint32_t w = is64 ? 8 : 4;
  if (ctx->gotplt) {
    uint8_t *g = ctx->buf + ctx->gotplt->os_offset;
    elf_wrw(g, ctx->dynamic ? ctx->dynamic->os_addr : 0, is64, be);
  }
  if (!ctx->plt) return;
  uint64_t plt0 = ctx->plt->os_addr;
  uint8_t *pb = ctx->buf + ctx->plt->os_offset;
  int pic = ctx->opt.outkind == OUT_PIE || ctx->opt.outkind == OUT_SHARED;
  uint64_t gotplt = ctx->gotplt ? ctx->gotplt->os_addr : 0;
  if (tg->tg_plt_header_size && tg->tg_write_plt_header)
    tg->tg_write_plt_header(pb, plt0, gotplt, pic);
  uint8_t *rel = ctx->buf + ctx->relaplt->os_offset;
  if (tg->tg_plt_tail_size)
    tg->tg_write_plt_tail(pb + tg->tg_plt_header_size +
                          (uint64_t)ctx->plt_syms.n * tg->tg_plt_entry_size);
  for (uint32_t i = 0; i < ctx->plt_syms.n; i++) {
    ld_sym *s = ctx->plt_syms.v[i];
    int32_t word = ld_slots(s)->gotplt; /* its .got.plt word, -1 if none */
    ld_plt_entry e = {.pe_plt = pb,
                      .pe_plt0 = plt0,
                      .pe_gotplt = gotplt,
                      .pe_index = i,
                      .pe_count = ctx->plt_syms.n,
                      .pe_off = tg->tg_plt_header_size + ld_plt_entry_offset(tg, i),
                      .pe_rel_off = (uint64_t)i * relsize(),
                      .pe_pic = pic,
                      .pe_slot = word >= 0 ? gotplt + (uint64_t)word * w : 0};
    uint64_t entry = plt0 + e.pe_off;
    if (ctx->pltsec) {
      /* IBT: the call goes through .plt.sec; the lazy half here is the word's first target. */
      uint64_t sec = ctx->pltsec->os_addr + (uint64_t)i * tg->tg_plt_entry_size;
      tg->tg_write_ibt_plt_entry(pb + e.pe_off, entry, plt0, i, e.pe_rel_off);
      tg->tg_write_plt_sec_entry(ctx->buf + ctx->pltsec->os_offset +
                                     (uint64_t)i * tg->tg_plt_entry_size,
                                 sec, e.pe_slot, gotplt, pic);
      elf_wrw(ctx->buf + ctx->gotplt->os_offset + (uint64_t)word * w, entry, is64, be);
    } else {
      tg->tg_write_plt_entry(&e);
      /* Lazy: the word first points back into the entry, after its indirect jump. */
      if (word >= 0)
        elf_wrw(ctx->buf + ctx->gotplt->os_offset + (uint64_t)word * w,
                entry + tg->tg_plt_lazy_offset, is64, be);
    }
    uint64_t slot = e.pe_slot;
    int64_t addend = e.pe_addend;
    uint8_t *r = rel + (uint64_t)i * relsize();
    if (is64) {
      elf_wr64(r, slot, be);
      elf_wr64(r + 8, (uint64_t)ld_slots(s)->dynidx << 32 | tg->tg_r_jump_slot, be);
      if (tg->tg_rela) elf_wr64(r + 16, (uint64_t)addend, be);
    } else {
      elf_wr32(r, (uint32_t)slot, be);
      elf_wr32(r + 4, (uint32_t)ld_slots(s)->dynidx << 8 | tg->tg_r_jump_slot, be);
      if (tg->tg_rela) elf_wr32(r + 8, (uint32_t)addend, be);
    }
  }
}

static void fill_copies(void) {
  for (uint32_t i = 0; i < D.copies.n; i++) {
    ld_sym *s = D.copies.v[i];
    ld_emit_dynrel(D.copy_base + i, ld_slots(s)->copy_addr, ctx->tg->tg_r_copy,
                   (uint32_t)ld_slots(s)->dynidx, 0);
  }
}

static ld_osec *find(const char *name, uint32_t type) {
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if ((name && !strcmp(os->os_name, name)) || (type && os->os_type == type)) return os;
  }
  return NULL;
}

static void fill_dynamic(void) {
  int is64 = ctx->is64, be = ctx->be;
  uint32_t w = is64 ? 8 : 4;
  uint8_t *d = ctx->buf + ctx->dynamic->os_offset;
  uint32_t n = 0;
#define DT(tag, val)                                                                               \
  do {                                                                                             \
    elf_wrw(d + (uint64_t)n * 2 * w, (uint64_t)(tag), is64, be);                                   \
    elf_wrw(d + (uint64_t)n * 2 * w + w, (uint64_t)(val), is64, be);                               \
    n++;                                                                                           \
  } while (0)
  for (uint32_t i = 0; i < D.needed.n; i++) {
    ld_obj *o = D.needed.v[i];
    if (o->o_dep & DEP_LAZY) DT(DT_POSFLAG_1, DF_P1_LAZYLOAD); /* for the entry that follows */
    if (n != o->o_dt_index) ld_fatal("internal: DT_NEEDED of %s is not at its index", o->o_name);
    DT(DT_NEEDED, o->o_dt_needed_idx);
  }
  for (uint32_t i = 0; i < ctx->opt.extra_needed.n; i++) DT(DT_NEEDED, D.extra_needed_off[i]);
  if (ctx->opt.soname) DT(DT_SONAME, D.soname_off);
  for (uint32_t i = 0; i < ctx->opt.filters.n; i++) DT(DT_FILTER, D.filter_off[i]);
  for (uint32_t i = 0; i < ctx->opt.auxiliaries.n; i++) DT(DT_AUXILIARY, D.aux_off[i]);
  if (ctx->opt.audit) DT(DT_AUDIT, D.audit_off);
  if (ctx->opt.depaudit) DT(DT_DEPAUDIT, D.depaudit_off);
  if (D.rpath_off) DT(ctx->opt.new_dtags ? DT_RUNPATH : DT_RPATH, D.rpath_off);
  /* -init/-fini name other functions; a name nothing defines gives no tag, as with GNU ld. */
  const char *in = ctx->opt.init_sym ? ctx->opt.init_sym : "_init";
  const char *fi = ctx->opt.fini_sym ? ctx->opt.fini_sym : "_fini";
  ld_sym *init = ld_sym_lookup(in, (uint32_t)strlen(in));
  ld_sym *fini = ld_sym_lookup(fi, (uint32_t)strlen(fi));
  if (init && init->s_def == SD_REGULAR) DT(DT_INIT, init->s_value);
  if (fini && fini->s_def == SD_REGULAR) DT(DT_FINI, fini->s_value);
  ld_osec *os;
  /* Loaders ignore DT_PREINIT_ARRAY outside executables. */
  if (ctx->opt.outkind != OUT_SHARED && (os = find(NULL, SHT_PREINIT_ARRAY))) {
    DT(DT_PREINIT_ARRAY, os->os_addr);
    DT(DT_PREINIT_ARRAYSZ, os->os_size);
  }
  if ((os = find(NULL, SHT_INIT_ARRAY))) {
    DT(DT_INIT_ARRAY, os->os_addr);
    DT(DT_INIT_ARRAYSZ, os->os_size);
  }
  if ((os = find(NULL, SHT_FINI_ARRAY))) {
    DT(DT_FINI_ARRAY, os->os_addr);
    DT(DT_FINI_ARRAYSZ, os->os_size);
  }
  if (ctx->hash) DT(DT_HASH, ctx->hash->os_addr);
  if (ctx->gnuhash) DT(DT_GNU_HASH, ctx->gnuhash->os_addr);
  DT(DT_STRTAB, ctx->dynstr->os_addr);
  DT(DT_SYMTAB, ctx->dynsym->os_addr);
  DT(DT_STRSZ, ctx->dynstr->os_size);
  DT(DT_SYMENT, is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
  if (ctx->opt.outkind != OUT_SHARED) DT(DT_DEBUG, 0);
  /* Where the dynamic linker finds the words lazy binding patches: .got.plt, or a PLT that is its
   * own GOT (SPARC). */
  if (ctx->plt) DT(DT_PLTGOT, ctx->gotplt ? ctx->gotplt->os_addr : ctx->plt->os_addr);
  if (ctx->relaplt) {
    DT(DT_PLTRELSZ, ctx->relaplt->os_size);
    DT(DT_PLTREL, ctx->tg->tg_rela ? DT_RELA : DT_REL);
    DT(DT_JMPREL, ctx->relaplt->os_addr);
  }
  if (ctx->reladyn && ctx->reladyn->os_size) {
    if (ctx->tg->tg_rela) {
      DT(DT_RELA, ctx->reladyn->os_addr);
      DT(DT_RELASZ, ctx->reladyn->os_size);
      DT(DT_RELAENT, relsize());
      if (ctx->nrelative) DT(DT_RELACOUNT, ctx->nrelative);
    } else {
      DT(DT_REL, ctx->reladyn->os_addr);
      DT(DT_RELSZ, ctx->reladyn->os_size);
      DT(DT_RELENT, relsize());
      if (ctx->nrelative) DT(DT_RELCOUNT, ctx->nrelative);
    }
  }
  if (ctx->relrdyn) {
    DT(DT_RELR, ctx->relrdyn->os_addr);
    DT(DT_RELRSZ, ctx->relrdyn->os_size);
    DT(DT_RELRENT, is64 ? 8 : 4);
  }
  if (ctx->versym) DT(DT_VERSYM, ctx->versym->os_addr);
  if (ctx->verdef) {
    DT(DT_VERDEF, ctx->verdef->os_addr);
    DT(DT_VERDEFNUM, D.nvdefs + 1);
  }
  if (ctx->verneed) {
    DT(DT_VERNEED, ctx->verneed->os_addr);
    DT(DT_VERNEEDNUM, D.nverneed_libs);
  }
  ld_osec *si = ld_syminfo_osec();
  if (si) {
    DT(DT_SYMINFO, si->os_addr);
    DT(DT_SYMINSZ, si->os_size);
    DT(DT_SYMINENT, SYMINFO_ENTRY_SIZE);
  }
  uint64_t flags = 0, flags1 = ld_syminfo_flags1();
  if (ctx->opt.z_now) flags |= DF_BIND_NOW, flags1 |= DF_1_NOW;
  if (ctx->opt.z_origin) flags |= DF_ORIGIN, flags1 |= DF_1_ORIGIN;
  if (ctx->static_tls) flags |= DF_STATIC_TLS;
  if (ctx->has_textrel) flags |= DF_TEXTREL;
  /* -Bsymbolic binds every symbol within the object: the loader is told so, unless a dynamic
   * list or --export-dynamic-symbol keeps some preemptible (GNU ld then says nothing). */
  int symbolic = ctx->opt.bsymbolic == 1 && !ld_have_dynamic_list() && !ctx->opt.export_syms.n &&
                 !ctx->opt.export_sym_lists.n && ctx->opt.outkind == OUT_SHARED;
  if (symbolic) flags |= DF_SYMBOLIC;
  if (ctx->opt.outkind == OUT_PIE) flags1 |= DF_1_PIE;
  if (ctx->opt.z_nodelete) flags1 |= DF_1_NODELETE;
  if (ctx->opt.z_initfirst) flags1 |= DF_1_INITFIRST;
  if (ctx->opt.z_interpose) flags1 |= DF_1_INTERPOSE;
  if (ctx->opt.z_nodefaultlib) flags1 |= DF_1_NODEFLIB;
  flags1 |= ctx->opt.flags_1_extra; /* -z global, nodlopen, nodump, loadfltr, globalaudit */
  if (symbolic) DT(DT_SYMBOLIC, 0);
  if (flags) DT(DT_FLAGS, flags);
  if (flags1) DT(DT_FLAGS_1, flags1);
  if (ctx->opt.z_unique) DT(DT_GNU_FLAGS_1, DF_GNU_1_UNIQUE);
  if (ctx->has_textrel) DT(DT_TEXTREL, 0);
  uint64_t max = ctx->dynamic->os_size / (2 * w);
  if (n > max)
    ld_fatal("internal: .dynamic has %u entries, room for %llu", n, (unsigned long long)max);
  while (n < max) DT(DT_NULL, 0);
#undef DT
}

void ld_dynamic_fill(void) {
  if (!ctx->dynamic) return;
  memcpy(ctx->buf + ctx->dynstr->os_offset, D.dynstr.buf, D.dynstr.len);
  fill_dynsym();
  ld_syminfo_fill();
  fill_hashes();
  fill_versions();
  fill_plt();
  fill_copies();
  fill_dynamic();
}
