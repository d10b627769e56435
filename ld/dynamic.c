/* Dynamic outputs: which libraries are needed, the dynamic symbol table and its hash tables,
 * symbol versions needed from libraries, the lazy PLT and its .got.plt and .rela.plt, copy
 * relocations, and the contents of .dynamic. Sizes are fixed in ld_dynamic_create (pass 10);
 * contents are written by ld_dynamic_fill (pass 13). */
#include <stdlib.h>
#include <string.h>

#include "ld.h"

int ld_preemptible(const ld_sym *s);
ld_vec *ld_needy(void);
uint64_t ld_plt_addr(const ld_sym *s);
void ld_emit_dynrel(uint32_t slot, uint64_t offset, uint32_t type, uint32_t symidx, int64_t addend);

/* ---- string table ---------------------------------------------------------------------- */

typedef struct dstr {
  char *buf;
  uint32_t len, cap;
} dstr;
static dstr dynstr;

static uint32_t dstr_add(const char *s, uint32_t n) {
  if (dynstr.len + n + 1 > dynstr.cap) {
    dynstr.cap = (dynstr.len + n + 1) * 2 + 256;
    dynstr.buf = ld_xrealloc(dynstr.buf, dynstr.cap);
  }
  uint32_t off = dynstr.len;
  memcpy(dynstr.buf + off, s, n);
  dynstr.buf[off + n] = 0;
  dynstr.len += n + 1;
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

static ld_vec dsyms;    /* index 1.. : ld_sym* */
static uint32_t *dname; /* .dynstr offset of each */
static uint32_t first_hashed, gnu_nbuckets, bloom_words;
static uint32_t *dhash;    /* gnu hash of each */
static ld_vec copies;      /* ld_sym* with a copy relocation */
static uint32_t copy_base; /* first .rela.dyn slot of the copy relocations */
static ld_vec needed;      /* ld_obj* in DT_NEEDED order */
static uint32_t soname_off, rpath_off;
static uint32_t nverneed_libs, nvernaux;
static uint32_t ndt;

typedef struct vneed {
  ld_obj *lib;
  const char *name;
  uint16_t idx;
} vneed;
static vneed *vneeds;
static uint32_t nvneeds;
static const char **vdefs; /* version names defined, index 2.. (index 1 is the base) */
static uint32_t *vdef_name;
static uint32_t nvdefs, vdef_base_name;
static uint32_t **vdef_parent_names; /* per version: .dynstr offsets of the versions it inherits */
static uint32_t *vdef_nparents;

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
  for (uint32_t i = 0; i < nvdefs; i++)
    if (!strcmp(vdefs[i], v)) return (uint16_t)(i + 2);
  vdefs = ld_xrealloc(vdefs, (nvdefs + 1) * sizeof *vdefs);
  vdefs[nvdefs++] = v;
  return (uint16_t)(nvdefs + 1);
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

static ld_vec cand;
static void collect(ld_sym *s, void *arg) {
  (void)arg;
  if (is_import(s) || is_export(s) || (s->s_needs & SN_COPY)) ld_vec_push(&cand, s);
}

static int cmp_canon(const void *a, const void *b) {
  const ld_sym *x = *(ld_sym *const *)a, *y = *(ld_sym *const *)b;
  uint32_t fx = x->s_file ? x->s_file->o_id : UINT32_MAX,
           fy = y->s_file ? y->s_file->o_id : UINT32_MAX;
  if (fx != fy) return fx < fy ? -1 : 1;
  if (x->s_esym != y->s_esym) return x->s_esym < y->s_esym ? -1 : 1;
  return strcmp(x->s_name, y->s_name);
}

/* A canonical PLT entry counts as a definition: the loader must find it through the hash table so
   that every object binds the function's address to the same PLT entry. */
static int dynsym_defined(const ld_sym *s) {
  return (s->s_needs & (SN_COPY | SN_CANON_PLT)) || s->s_def == SD_REGULAR || s->s_def == SD_SYNTH;
}

static uint32_t dyn_namelen(const ld_sym *s) {
  return ld_gc(s)->s_verdef ? ld_gc(s)->s_basenamelen : s->s_namelen;
}

static int cmp_bucket(const void *a, const void *b) {
  const ld_sym *x = *(ld_sym *const *)a, *y = *(ld_sym *const *)b;
  uint32_t bx = gnu_hash(x->s_name, dyn_namelen(x)) % gnu_nbuckets;
  uint32_t by = gnu_hash(y->s_name, dyn_namelen(y)) % gnu_nbuckets;
  if (bx != by) return bx < by ? -1 : 1;
  return cmp_canon(a, b);
}

static uint32_t verneed_index(ld_sym *s) {
  if (!ld_gc(s)->s_vername || s->s_def != SD_SHARED) return 0;
  if (!ld_mapfile_version_allowed(s->s_file->o_soname, ld_gc(s)->s_vername))
    ld_error("%s: symbol %s binds to version %s of %s, which DEPEND_VERSIONS does not allow",
             ld_mapfile_depend_where(s->s_file->o_soname), s->s_name, ld_gc(s)->s_vername,
             s->s_file->o_soname);
  for (uint32_t i = 0; i < nvneeds; i++)
    if (vneeds[i].lib == s->s_file && !strcmp(vneeds[i].name, ld_gc(s)->s_vername))
      return vneeds[i].idx;
  vneeds = ld_xrealloc(vneeds, (nvneeds + 1) * sizeof *vneeds);
  vneeds[nvneeds].lib = s->s_file;
  vneeds[nvneeds].name = ld_gc(s)->s_vername;
  vneeds[nvneeds].idx = (uint16_t)(2 + nvdefs + nvneeds);
  return vneeds[nvneeds++].idx;
}

/* Aliases of a copied symbol (another name for the same library address, such as environ and
 * __environ) share its copy. */
static void alias_copy(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_def != SD_SHARED || (s->s_needs & SN_COPY)) return;
  for (uint32_t i = 0; i < copies.n; i++) {
    ld_sym *c = copies.v[i];
    if (c->s_file == s->s_file && c->s_value == s->s_value) {
      s->s_needs |= SN_COPY;
      ld_slots_w(s)->copy_addr = ld_slots(c)->copy_addr;
    }
  }
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
      if (!tg->tg_plt_self_slot)
        ld_slots_w(s)->gotplt = (int32_t)(tg->tg_gotplt_reserved + ctx->plt_syms.n);
      ld_vec_push(&ctx->plt_syms, s);
    }
    if ((s->s_needs & SN_COPY) && s->s_def == SD_SHARED) ld_vec_push(&copies, s);
  }
  if (ctx->plt_syms.n && !tg->tg_plt_entry_size)
    ld_error("dynamic linking with a PLT is not implemented for %s yet", tg->tg_name);

  if (copies.n) {
    ctx->copybss = ld_new_osec(".dynbss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 1, SY_COPY_BSS);
    uint64_t off = 0;
    for (uint32_t i = 0; i < copies.n; i++) {
      ld_sym *s = copies.v[i];
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
  if (copies.n) ld_sym_foreach(alias_copy, NULL);

  /* Needed libraries, in command-line order. */
  for (uint32_t i = 0; i < ctx->shared.n; i++) {
    ld_obj *o = ctx->shared.v[i];
    o->o_needed = !o->o_as_needed;
  }
  ld_sym_foreach(collect, NULL);
  ld_qsort(cand.v, cand.n, sizeof(void *), cmp_canon);
  for (uint32_t i = 0; i < cand.n; i++) {
    ld_sym *s = cand.v[i];
    if (s->s_def == SD_SHARED && s->s_file) s->s_file->o_needed = 1;
  }
  for (uint32_t i = 0; i < ctx->shared.n; i++) {
    ld_obj *o = ctx->shared.v[i];
    if (o->o_needed) ld_vec_push(&needed, o);
  }

  /* Symbol order: undefined (imports) first, then the hashed definitions by bucket. */
  ld_vec undef = {0}, def = {0};
  for (uint32_t i = 0; i < cand.n; i++) {
    ld_sym *s = cand.v[i];
    ld_vec_push(dynsym_defined(s) ? &def : &undef, s);
  }
  uint32_t ndef = def.n;
  gnu_nbuckets = ndef / 4 + 1;
  bloom_words = 1;
  while (bloom_words * (ctx->is64 ? 64 : 32) < ndef * 12 / 8 + 1) bloom_words <<= 1;
  ld_qsort(def.v, def.n, sizeof(void *), cmp_bucket);
  dstr_add("", 0);
  for (uint32_t i = 0; i < undef.n; i++) ld_vec_push(&dsyms, undef.v[i]);
  first_hashed = 1 + undef.n;
  for (uint32_t i = 0; i < def.n; i++) ld_vec_push(&dsyms, def.v[i]);
  dname = ld_xcalloc(dsyms.n + 1, sizeof *dname);
  dhash = ld_xcalloc(dsyms.n + 1, sizeof *dhash);
  int versions = 0;
  if (ctx->opt.outkind == OUT_SHARED) seed_verdefs();
  for (uint32_t i = 0; i < dsyms.n; i++) {
    ld_sym *s = dsyms.v[i];
    ld_slots_w(s)->dynidx = (int32_t)(i + 1);
    dname[i] = dstr_add(s->s_name, ld_gc(s)->s_verdef ? ld_gc(s)->s_basenamelen : s->s_namelen);
    dhash[i] = gnu_hash(s->s_name, ld_gc(s)->s_verdef ? ld_gc(s)->s_basenamelen : s->s_namelen);
    if (ld_gc(s)->s_verdef && dynsym_defined(s) && s->s_def != SD_SHARED) {
      ld_g(s)->s_verdef_idx = verdef_index(ld_gc(s)->s_verdef);
      versions = 1;
    }
  }
  /* Needed versions are numbered after the defined ones. */
  for (uint32_t i = 0; i < dsyms.n; i++) {
    ld_sym *s = dsyms.v[i];
    ld_g(s)->s_verneed = (uint16_t)verneed_index(s);
    if (ld_gc(s)->s_verneed) versions = 1;
  }
  /* DT_RELR with glibc: a glibc that cannot read it must refuse the output, through a version
   * only those that can define (as GNU ld adds it: when some GLIBC_2.* of libc.so is needed). */
  if (ctx->relrdyn)
    for (uint32_t k = 0; k < nvneeds; k++) {
      const char *so = vneeds[k].lib->o_soname;
      if (strncmp(so, "libc.so.", 8) || strncmp(vneeds[k].name, "GLIBC_2.", 8)) continue;
      vneeds = ld_xrealloc(vneeds, (nvneeds + 1) * sizeof *vneeds);
      vneeds[nvneeds].lib = vneeds[k].lib;
      vneeds[nvneeds].name = "GLIBC_ABI_DT_RELR";
      vneeds[nvneeds].idx = (uint16_t)(2 + nvdefs + nvneeds);
      nvneeds++;
      break;
    }
  for (uint32_t i = 0; i < needed.n; i++) {
    ld_obj *o = needed.v[i];
    o->o_dt_needed_idx = dstr_add(o->o_soname, (uint32_t)strlen(o->o_soname));
  }
  soname_off = ctx->opt.soname ? dstr_add(ctx->opt.soname, (uint32_t)strlen(ctx->opt.soname)) : 0;
  rpath_off = 0;
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
    rpath_off = dstr_add(rp, (uint32_t)(q - rp));
  }
  /* Version names needed, grouped by library. */
  nverneed_libs = 0;
  nvernaux = nvneeds;
  for (uint32_t i = 0; i < needed.n; i++) {
    ld_obj *o = needed.v[i];
    int any = 0;
    for (uint32_t k = 0; k < nvneeds; k++)
      if (vneeds[k].lib == o) any = 1;
    nverneed_libs += (uint32_t)any;
  }
  if (nvdefs) {
    const char *base = ctx->opt.soname;
    if (!base) {
      const char *sl = strrchr(ctx->opt.output, '/');
      base = sl ? sl + 1 : ctx->opt.output;
    }
    vdef_base_name = dstr_add(base, (uint32_t)strlen(base));
    vdef_name = ld_xcalloc(nvdefs, sizeof *vdef_name);
    vdef_nparents = ld_xcalloc(nvdefs, sizeof *vdef_nparents);
    vdef_parent_names = ld_xcalloc(nvdefs, sizeof *vdef_parent_names);
    for (uint32_t k = 0; k < nvdefs; k++) {
      vdef_name[k] = dstr_add(vdefs[k], (uint32_t)strlen(vdefs[k]));
      const char *const *parents;
      uint32_t np = version_parents(vdefs[k], &parents);
      vdef_nparents[k] = np;
      vdef_parent_names[k] = ld_xcalloc(np + 1, sizeof(uint32_t));
      for (uint32_t j = 0; j < np; j++)
        vdef_parent_names[k][j] = dstr_add(parents[j], (uint32_t)strlen(parents[j]));
    }
  }
  uint32_t *vn_name = ld_xcalloc(nvneeds + 1, sizeof *vn_name);
  for (uint32_t k = 0; k < nvneeds; k++)
    vn_name[k] = dstr_add(vneeds[k].name, (uint32_t)strlen(vneeds[k].name));
  for (uint32_t k = 0; k < nvneeds; k++) vneeds[k].name = (const char *)(uintptr_t)vn_name[k];

  /* Sections. */
  if (!ctx->opt.no_dynamic_linker && ctx->opt.outkind != OUT_SHARED) {
    const char *ip = ctx->opt.interp ? ctx->opt.interp : default_interp(tg);
    ctx->interp = ld_new_osec(".interp", SHT_PROGBITS, SHF_ALLOC, 1, SY_INTERP);
    ctx->interp->os_size = strlen(ip) + 1;
    ctx->interp->os_buf = (uint8_t *)ld_xstrdup(ip);
  }
  uint32_t nsyms = dsyms.n + 1;
  ctx->dynsym = ld_new_osec(".dynsym", SHT_DYNSYM, SHF_ALLOC, w, SY_DYNSYM);
  ctx->dynsym->os_size = (uint64_t)nsyms * symsz;
  ctx->dynsym->os_entsize = symsz;
  ctx->dynstr = ld_new_osec(".dynstr", SHT_STRTAB, SHF_ALLOC, 1, SY_DYNSTR);
  ctx->dynstr->os_size = dynstr.len;
  if (ctx->opt.hash_style & 1) {
    ctx->hash = ld_new_osec(".hash", SHT_HASH, SHF_ALLOC, 4, SY_HASH);
    ctx->hash->os_size = 4 * (2 + (uint64_t)gnu_nbuckets + nsyms);
    ctx->hash->os_entsize = 4;
  }
  if (ctx->opt.hash_style & 2) {
    ctx->gnuhash = ld_new_osec(".gnu.hash", SHT_GNU_HASH, SHF_ALLOC, w, SY_GNU_HASH);
    ctx->gnuhash->os_size =
        16 + (uint64_t)bloom_words * w + 4 * (uint64_t)gnu_nbuckets + 4 * (uint64_t)ndef;
  }
  if (versions) {
    ctx->versym = ld_new_osec(".gnu.version", SHT_GNU_versym, SHF_ALLOC, 2, SY_VERSYM);
    ctx->versym->os_size = 2 * (uint64_t)nsyms;
    ctx->versym->os_entsize = 2;
    if (nvneeds) {
      ctx->verneed = ld_new_osec(".gnu.version_r", SHT_GNU_verneed, SHF_ALLOC, 4, SY_VERNEED);
      ctx->verneed->os_size = 16 * (uint64_t)nverneed_libs + 16 * (uint64_t)nvernaux;
      ctx->verneed->os_info = nverneed_libs;
    }
    if (nvdefs) {
      ctx->verdef = ld_new_osec(".gnu.version_d", SHT_GNU_verdef, SHF_ALLOC, 4, SY_VERDEF);
      uint64_t vsz = 28;
      for (uint32_t k = 0; k < nvdefs; k++) vsz += 28 + 8 * (uint64_t)vdef_nparents[k];
      ctx->verdef->os_size = vsz;
      ctx->verdef->os_info = nvdefs + 1;
    }
  }
  if (ctx->plt_syms.n) {
    ctx->plt = ld_new_osec(".plt", SHT_PROGBITS,
                           SHF_ALLOC | SHF_EXECINSTR | (tg->tg_plt_self_slot ? SHF_WRITE : 0),
                           tg->tg_plt_self_slot ? w : 16, SY_PLT);
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
  ld_syminfo_create(&dsyms, &needed); /* .SUNW_syminfo; numbers the DT_NEEDED entries */
  ndt = 34 + needed.n + (ctx->opt.soname ? 1 : 0) + (rpath_off ? 1 : 0) + ld_syminfo_ndt() +
        (ctx->relrdyn ? 3 : 0);
  ctx->dynamic = ld_new_osec(".dynamic", SHT_DYNAMIC, SHF_ALLOC | SHF_WRITE, w, SY_DYNAMIC);
  ctx->dynamic->os_size = (uint64_t)ndt * 2 * w;
  ctx->dynamic->os_entsize = 2 * w;
  ctx->dynamic->os_relro = 1;
  return copies.n;
}

void ld_dynamic_set_copy_base(uint32_t base) { copy_base = base; }

static void copy_to_abs(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_def == SD_SHARED && (s->s_needs & SN_COPY))
    ld_slots_w(s)->copy_addr += ctx->copybss->os_addr;
}

/* After layout: copied objects (and their aliases) get absolute addresses. */
void ld_dynamic_finalize(void) {
  if (ctx->copybss) ld_sym_foreach(copy_to_abs, NULL);
}

/* ---- contents -------------------------------------------------------------------------- */

static void fill_dynsym(void) {
  uint32_t symsz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  uint8_t *p = ctx->buf + ctx->dynsym->os_offset;
  memset(p, 0, symsz);
  for (uint32_t i = 0; i < dsyms.n; i++) {
    ld_sym *s = dsyms.v[i];
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
      shndx = s->s_sec && s->s_sec->is_out ? (uint16_t)s->s_sec->is_out->os_shndx : SHN_ABS;
      if (type == STT_TLS) value -= ctx->tls_addr; /* TLS symbols are offsets in the template */
      if (type == STT_GNU_IFUNC && ctx->opt.outkind != OUT_SHARED && ld_slots(s)->plt >= 0) {
        value = ld_plt_addr(s); /* the PLT entry stands for the function */
        type = STT_FUNC;
      }
    } else {
      /* An import is weak only if every reference to it is. */
      bind = s->s_weakref ? STB_WEAK : STB_GLOBAL;
      if (s->s_needs & SN_CANON_PLT) {
        value = ld_plt_addr(s);
        if (type == STT_GNU_IFUNC) type = STT_FUNC; /* the loader must not call the PLT entry */
      }
    }
    /* An import carries no size of its own (a copied object does: it is defined here). */
    uint64_t size = shndx == SHN_UNDEF ? 0 : s->s_size;
    ld_put_sym(e, dname[i], value, size, ELF_ST_INFO(bind, type), s->s_vis, shndx);
  }
}

static void fill_hashes(void) {
  int be = ctx->be;
  uint32_t nsyms = dsyms.n + 1;
  if (ctx->hash) {
    uint8_t *h = ctx->buf + ctx->hash->os_offset;
    uint32_t nb = gnu_nbuckets;
    elf_wr32(h, nb, be);
    elf_wr32(h + 4, nsyms, be);
    uint8_t *bucket = h + 8, *chain = h + 8 + 4 * (uint64_t)nb;
    memset(bucket, 0, 4 * (size_t)nb + 4 * (size_t)nsyms);
    for (uint32_t i = 1; i < nsyms; i++) {
      ld_sym *s = dsyms.v[i - 1];
      uint32_t b = sysv_hash(s->s_name, dyn_namelen(s)) % nb;
      elf_wr32(chain + 4 * (uint64_t)i, elf_rd32(bucket + 4 * (uint64_t)b, be), be);
      elf_wr32(bucket + 4 * (uint64_t)b, i, be);
    }
  }
  if (ctx->gnuhash) {
    uint8_t *h = ctx->buf + ctx->gnuhash->os_offset;
    uint32_t w = ctx->is64 ? 8 : 4, bits = w * 8, shift = 26;
    elf_wr32(h, gnu_nbuckets, be);
    elf_wr32(h + 4, first_hashed, be);
    elf_wr32(h + 8, bloom_words, be);
    elf_wr32(h + 12, shift, be);
    uint8_t *bloom = h + 16, *buckets = bloom + (uint64_t)bloom_words * w;
    uint8_t *chain = buckets + 4 * (uint64_t)gnu_nbuckets;
    memset(bloom, 0, (size_t)bloom_words * w + 4 * (size_t)gnu_nbuckets);
    uint32_t ndef = nsyms - first_hashed;
    for (uint32_t k = 0; k < ndef; k++) {
      uint32_t i = first_hashed + k, hv = dhash[i - 1];
      uint8_t *bw = bloom + (uint64_t)((hv / bits) & (bloom_words - 1)) * w;
      uint64_t word = elf_rdw(bw, ctx->is64, be);
      word |= 1ULL << (hv % bits);
      word |= 1ULL << ((hv >> shift) % bits);
      elf_wrw(bw, word, ctx->is64, be);
      uint32_t b = hv % gnu_nbuckets;
      if (!elf_rd32(buckets + 4 * (uint64_t)b, be)) elf_wr32(buckets + 4 * (uint64_t)b, i, be);
      int last = k + 1 == ndef || dhash[i] % gnu_nbuckets != b;
      elf_wr32(chain + 4 * (uint64_t)k, (hv & ~1u) | (last ? 1u : 0u), be);
    }
  }
}

static void fill_versions(void) {
  if (!ctx->versym) return;
  int be = ctx->be;
  uint8_t *v = ctx->buf + ctx->versym->os_offset;
  elf_wr16(v, 0, be);
  for (uint32_t i = 0; i < dsyms.n; i++) {
    ld_sym *s = dsyms.v[i];
    uint16_t x = ld_gc(s)->s_verneed ? ld_gc(s)->s_verneed : VER_NDX_GLOBAL;
    if (ld_gc(s)->s_verdef_idx)
      x = (uint16_t)(ld_gc(s)->s_verdef_idx | (ld_gc(s)->s_verdef_hidden ? VERSYM_HIDDEN : 0));
    elf_wr16(v + 2 * (uint64_t)(i + 1), x, be);
  }
  if (ctx->verdef) {
    /* The base definition (the object's own name), then one per version: its name, then the
     * names of the versions it inherits. */
    uint8_t *p = ctx->buf + ctx->verdef->os_offset;
    for (uint32_t k = 0; k <= nvdefs; k++) {
      uint32_t name = k ? vdef_name[k - 1] : vdef_base_name;
      uint32_t np = k ? vdef_nparents[k - 1] : 0;
      const char *nm = dynstr.buf + name;
      uint32_t size = 20 + 8 * (1 + np);
      elf_wr16(p, 1, be);
      elf_wr16(p + 2, k ? 0 : VER_FLG_BASE, be);
      elf_wr16(p + 4, (uint16_t)(k + 1), be);
      elf_wr16(p + 6, (uint16_t)(1 + np), be);
      elf_wr32(p + 8, sysv_hash(nm, (uint32_t)strlen(nm)), be);
      elf_wr32(p + 12, 20, be);
      elf_wr32(p + 16, k == nvdefs ? 0 : size, be);
      for (uint32_t j = 0; j <= np; j++) {
        elf_wr32(p + 20 + 8 * j, j ? vdef_parent_names[k - 1][j - 1] : name, be);
        elf_wr32(p + 24 + 8 * j, j == np ? 0 : 8, be);
      }
      p += size;
    }
  }
  if (!ctx->verneed) return;
  uint8_t *p = ctx->buf + ctx->verneed->os_offset;
  uint32_t libs_done = 0;
  for (uint32_t li = 0; li < needed.n; li++) {
    ld_obj *o = needed.v[li];
    uint32_t cnt = 0;
    for (uint32_t k = 0; k < nvneeds; k++)
      if (vneeds[k].lib == o) cnt++;
    if (!cnt) continue;
    libs_done++;
    elf_wr16(p, 1, be);
    elf_wr16(p + 2, (uint16_t)cnt, be);
    elf_wr32(p + 4, o->o_dt_needed_idx, be);
    elf_wr32(p + 8, 16, be);
    elf_wr32(p + 12, libs_done == nverneed_libs ? 0 : 16 + 16 * cnt, be);
    uint8_t *a = p + 16;
    uint32_t j = 0;
    for (uint32_t k = 0; k < nvneeds; k++) {
      if (vneeds[k].lib != o) continue;
      uint32_t off = (uint32_t)(uintptr_t)vneeds[k].name;
      const char *nm = dynstr.buf + off;
      elf_wr32(a, sysv_hash(nm, (uint32_t)strlen(nm)), be);
      elf_wr16(a + 4, 0, be);
      elf_wr16(a + 6, vneeds[k].idx, be);
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
    uint64_t off = tg->tg_plt_header_size + ld_plt_entry_offset(tg, i);
    uint64_t entry = plt0 + off, slot;
    int64_t addend = 0;
    if (tg->tg_plt_far_from && i >= tg->tg_plt_far_from) {
      uint64_t slot_off;
      tg->tg_write_plt_far(pb, plt0, i, ctx->plt_syms.n, &slot_off, &addend);
      slot = plt0 + slot_off;
    } else {
      slot = tg->tg_plt_self_slot ? entry : gotplt + (uint64_t)ld_slots(s)->gotplt * w;
      tg->tg_write_plt_entry(pb + off, entry, slot, plt0, i, (uint64_t)i * relsize(), gotplt, pic);
    }
    /* Lazy: the slot first points back into the entry, after its indirect jump. */
    if (!tg->tg_plt_self_slot)
      elf_wrw(ctx->buf + ctx->gotplt->os_offset + (uint64_t)ld_slots(s)->gotplt * w,
              entry + tg->tg_plt_lazy_offset, is64, be);
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
  for (uint32_t i = 0; i < copies.n; i++) {
    ld_sym *s = copies.v[i];
    ld_emit_dynrel(copy_base + i, ld_slots(s)->copy_addr, ctx->tg->tg_r_copy,
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
  for (uint32_t i = 0; i < needed.n; i++) {
    ld_obj *o = needed.v[i];
    if (o->o_dep & DEP_LAZY) DT(DT_POSFLAG_1, DF_P1_LAZYLOAD); /* for the entry that follows */
    if (n != o->o_dt_index) ld_fatal("internal: DT_NEEDED of %s is not at its index", o->o_name);
    DT(DT_NEEDED, o->o_dt_needed_idx);
  }
  if (ctx->opt.soname) DT(DT_SONAME, soname_off);
  if (rpath_off) DT(ctx->opt.new_dtags ? DT_RUNPATH : DT_RPATH, rpath_off);
  ld_sym *init = ld_sym_lookup("_init", 5), *fini = ld_sym_lookup("_fini", 5);
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
  if (ctx->plt && ctx->tg->tg_plt_self_slot) DT(DT_PLTGOT, ctx->plt->os_addr);
  else if (ctx->gotplt && ctx->plt) DT(DT_PLTGOT, ctx->gotplt->os_addr);
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
    DT(DT_VERDEFNUM, nvdefs + 1);
  }
  if (ctx->verneed) {
    DT(DT_VERNEED, ctx->verneed->os_addr);
    DT(DT_VERNEEDNUM, nverneed_libs);
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
  if (ctx->opt.bsymbolic == 1) flags |= DF_SYMBOLIC;
  if (ctx->opt.outkind == OUT_PIE) flags1 |= DF_1_PIE;
  if (ctx->opt.z_nodelete) flags1 |= DF_1_NODELETE;
  if (ctx->opt.z_initfirst) flags1 |= DF_1_INITFIRST;
  if (ctx->opt.z_interpose) flags1 |= DF_1_INTERPOSE;
  if (flags) DT(DT_FLAGS, flags);
  if (flags1) DT(DT_FLAGS_1, flags1);
  if (ctx->has_textrel) DT(DT_TEXTREL, 0);
  uint64_t max = ctx->dynamic->os_size / (2 * w);
  if (n > max)
    ld_fatal("internal: .dynamic has %u entries, room for %llu", n, (unsigned long long)max);
  while (n < max) DT(DT_NULL, 0);
#undef DT
}

void ld_dynamic_fill(void) {
  if (!ctx->dynamic) return;
  memcpy(ctx->buf + ctx->dynstr->os_offset, dynstr.buf, dynstr.len);
  fill_dynsym();
  ld_syminfo_fill();
  fill_hashes();
  fill_versions();
  fill_plt();
  fill_copies();
  fill_dynamic();
}
