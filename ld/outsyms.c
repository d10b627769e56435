/* The output's .symtab/.strtab and .shstrtab (sized during layout, written after the sections),
 * and the build-id, computed over the finished image. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ld.h"

/* A run of consecutive entries of the output .symtab: n symbols from index idx + 1 on, whose
 * names are in .strtab from offset str on, one after the other. */
typedef struct symrun {
  ld_sym **sr_v;
  uint32_t sr_n, sr_idx, sr_str;
} symrun;

/* What one object brings to the output .symtab: its kept locals and the globals whose entry in
 * the table is its own, apart as they are hidden (local in the output) or not; and the bytes of
 * their names in .strtab. */
typedef struct objsyms {
  ld_sym **ob_loc, **ob_hid, **ob_vis;
  uint32_t ob_nloc, ob_nhid, ob_nvis;
  uint64_t ob_sloc, ob_shid, ob_svis;
} objsyms;

/* The state of the output symbol table: ld_symtab_prepare (during layout, which starts it
 * afresh) chooses the symbols kept and their order from the objects' and the resolved symbols,
 * and sizes .symtab and .strtab; ld_write_symtab writes them into the output. The order: every
 * object's kept locals, in link order; then the hidden globals, then the others, each in the
 * order of their defining (or first referencing) object and then, for those no object's entry
 * brings (link-editor defined symbols, imports from shared objects), by name. */
static struct symtab_pass {
  objsyms *objs;  /* per object, by gather */
  ld_vec *extras; /* per chunk of the symbol table: the globals no object's entry brings */
  symrun *runs;   /* the whole table after the null entry */
  uint32_t nruns, nlocal_out;
  uint32_t *parts; /* ld_write_symtab's pieces: from runs[parts[p]] to runs[parts[p + 1]] */
  uint32_t nparts;
  uint64_t gen; /* which link this is (for the threads' scratch) */
} P;
static uint16_t out_shndx(const ld_sym *s);

/* Which local symbols .symtab keeps, as GNU ld decides: by default all but assembler labels
 * (.L...) in mergeable sections, whose addresses mean nothing once strings are merged (all of
 * them with -r, which merges nothing); -X (--discard-locals) drops every .L label, -x
 * (--discard-all) every local symbol. */
static int is_label(const ld_sym *s) { return s->s_name[0] == '.' && s->s_name[1] == 'L'; }

int ld_keep_local_name(const ld_sym *s) {
  switch (ctx->opt.discard) {
  case DISCARD_ALL: return 0;
  case DISCARD_LOCALS: return !is_label(s);
  case DISCARD_NONE: return 1;
  default: /* the name is read last: it is the furthest away */
    return !s->s_sec || !(s->s_sec->is_flags & SHF_MERGE) || ctx->opt.outkind == OUT_RELOC ||
           !is_label(s);
  }
}

static int keep_local(const ld_sym *s) {
  if (!s->s_namelen || s->s_type == STT_SECTION || s->s_type == STT_FILE) return 0;
  if (s->s_sec && (!s->s_sec->is_live || !s->s_sec->is_out)) return 0;
  if (!s->s_sec && !s->s_alias_abs) return 0;
  return ld_keep_local_name(s);
}

static int keep_global(const ld_sym *s) {
  if (s->s_eliminate) return 0;
  /* Defined in a section --gc-sections removed: gone, as GNU ld drops it. */
  if (s->s_def == SD_REGULAR && s->s_sec && (!s->s_sec->is_live || !s->s_sec->is_out)) return 0;
  if (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH) return 1;
  if (s->s_def == SD_SHARED) return s->s_used_in_reg;
  return s->s_def == SD_UNDEF && s->s_referenced;
}

static int hidden_sym(const ld_sym *s) {
  return s->s_vis == STV_HIDDEN || s->s_vis == STV_INTERNAL;
}

/* The symbols object i brings to .symtab (run in parallel over the objects). A global is brought
 * by the one entry its s_file and s_esym name, so every global is looked at, and marked, by one
 * object only. */
static void gather(uint32_t i, void *arg) {
  (void)arg;
  /* The thread's scratch, as large as the largest object's table seen in this link (P.gen; the
   * arena's memory), reused: only what is kept is copied. */
  static _Thread_local ld_sym **scratch;
  static _Thread_local uint64_t cap, gen;
  ld_obj *o = ctx->objs.v[i];
  objsyms *ob = &P.objs[i];
  uint32_t nl = o->o_first_global ? o->o_first_global - 1 : 0;
  uint32_t ng = o->o_nsym > o->o_first_global ? o->o_nsym - o->o_first_global : 0;
  if (gen != P.gen || (uint64_t)nl + 2 * (uint64_t)ng > cap) {
    cap = (uint64_t)nl + 2 * (uint64_t)ng;
    scratch = ld_zalloc(cap, sizeof *scratch);
    gen = P.gen;
  }
  /* Counted here and stored at the end: neighbouring objects' counts share cache lines. */
  ld_sym **loc = scratch, **hid = loc + nl, **vis = hid + ng;
  uint32_t nloc = 0, nhid = 0, nvis = 0;
  uint64_t sloc = 0, shid = 0, svis = 0;
  for (uint32_t k = 1; k < o->o_first_global; k++) {
    ld_sym *s = &o->o_locals[k];
    if (!keep_local(s)) continue;
    loc[nloc++] = s;
    sloc += s->s_namelen + 1;
  }
  for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
    ld_sym *s = o->o_syms[k];
    if (!s || s->s_file != o || s->s_esym != k || s->s_mark || !keep_global(s)) continue;
    s->s_mark = 1;
    if (hidden_sym(s)) {
      hid[nhid++] = s;
      shid += s->s_namelen + 1;
    } else {
      vis[nvis++] = s;
      svis += s->s_namelen + 1;
    }
  }
  ld_sym **v = ld_zalloc((size_t)nloc + nhid + nvis, sizeof *v);
  memcpy(v, loc, nloc * sizeof *v);
  memcpy(v + nloc, hid, nhid * sizeof *v);
  memcpy(v + nloc + nhid, vis, nvis * sizeof *v);
  *ob = (objsyms){.ob_loc = v,
                  .ob_hid = v + nloc,
                  .ob_vis = v + nloc + nhid,
                  .ob_nloc = nloc,
                  .ob_nhid = nhid,
                  .ob_nvis = nvis,
                  .ob_sloc = sloc,
                  .ob_shid = shid,
                  .ob_svis = svis};
}

static void add_rest(ld_sym *s, void *arg) {
  if (s->s_mark || !keep_global(s)) return;
  s->s_mark = 1;
  ld_vec_push(arg, s);
}

/* The globals no object brings, in chunk c of the symbol table (run in parallel over the
 * chunks; they are sorted by name, so the order they are found in does not matter). */
static void gather_rest(uint32_t c, void *arg) {
  (void)arg;
  ld_sym_foreach_chunk(c, add_rest, &P.extras[c]);
}

static int cmp_name(const void *a, const void *b) {
  const ld_sym *x = *(ld_sym *const *)a, *y = *(ld_sym *const *)b;
  uint32_t n = x->s_namelen < y->s_namelen ? x->s_namelen : y->s_namelen;
  int c = memcmp(x->s_name, y->s_name, n);
  return c ? c : (int)x->s_namelen - (int)y->s_namelen;
}

/* The next run of the output .symtab: `n` entries of `v`, after those before it. */
static void add_run(ld_sym **v, uint32_t n, uint32_t *idx, uint64_t *str, uint64_t strsz) {
  if (!n) return;
  P.runs[P.nruns++] = (symrun){.sr_v = v, .sr_n = n, .sr_idx = *idx, .sr_str = (uint32_t)*str};
  *idx += n;
  *str += strsz;
}

void ld_symtab_prepare(void) {
  static uint64_t links;
  P = (struct symtab_pass){.gen = ++links};
  /* Section names. */
  uint64_t shsz = 1;
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    if (!os->os_synth && os->os_isecs.n == 0) continue;
    shsz += strlen(os->os_name) + 1;
  }
  ctx->shstrtab->os_size = shsz;
  if (!ctx->symtab) return;
  uint32_t nobj = ctx->objs.n, nsruns = ld_sym_nchunks();
  P.objs = ld_xcalloc((size_t)nobj + 1, sizeof *P.objs);
  P.extras = ld_xcalloc(nsruns, sizeof *P.extras);
  ld_par_for(ctx->objs.n, gather, NULL);
  ld_par_for(nsruns, gather_rest, NULL);
  /* The globals no object brings, by name; hidden ones first, as everywhere. */
  uint32_t nextra = 0;
  for (uint32_t r = 0; r < nsruns; r++) nextra += P.extras[r].n;
  ld_sym **extra = ld_zalloc((size_t)nextra * 2 + 1, sizeof *extra), **xhid = extra + nextra;
  uint32_t nx = 0, nxhid = 0, nxvis = 0;
  for (uint32_t r = 0; r < nsruns; r++) {
    for (uint32_t k = 0; k < P.extras[r].n; k++) extra[nx++] = P.extras[r].v[k];
    free(P.extras[r].v);
  }
  free(P.extras);
  ld_qsort(extra, nextra, sizeof *extra, cmp_name);
  uint64_t sxhid = 0, sxvis = 0;
  for (uint32_t k = 0; k < nextra; k++) {
    ld_sym *s = extra[k];
    if (hidden_sym(s)) xhid[nxhid++] = s, sxhid += s->s_namelen + 1;
    else extra[nxvis++] = s, sxvis += s->s_namelen + 1;
  }
  /* The runs of the table, in its order. */
  P.runs = ld_xmalloc(((size_t)nobj * 3 + 3) * sizeof *P.runs);
  uint32_t idx = 0;
  uint64_t str = 1;
  for (uint32_t i = 0; i < nobj; i++)
    add_run(P.objs[i].ob_loc, P.objs[i].ob_nloc, &idx, &str, P.objs[i].ob_sloc);
  P.nlocal_out = idx;
  for (uint32_t i = 0; i < nobj; i++)
    add_run(P.objs[i].ob_hid, P.objs[i].ob_nhid, &idx, &str, P.objs[i].ob_shid);
  add_run(xhid, nxhid, &idx, &str, sxhid);
  uint32_t nlocal = idx; /* hidden globals are local in the output, as the gABI requires */
  for (uint32_t i = 0; i < nobj; i++)
    add_run(P.objs[i].ob_vis, P.objs[i].ob_nvis, &idx, &str, P.objs[i].ob_svis);
  add_run(extra, nxvis, &idx, &str, sxvis);
  free(P.objs);
  uint32_t esz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  ctx->symtab->os_size = (uint64_t)(1 + idx) * esz;
  ctx->symtab->os_info = 1 + nlocal;
  ctx->strtab->os_size = str;
}

/* One ELF symbol entry of the output's class and byte order. */
void ld_put_sym(uint8_t *p, uint32_t name, uint64_t value, uint64_t size, uint8_t info,
                uint8_t other, uint16_t shndx) {
  int be = ctx->be;
  if (ctx->is64) {
    elf_wr32(p, name, be);
    p[4] = info;
    p[5] = other;
    elf_wr16(p + 6, shndx, be);
    elf_wr64(p + 8, value, be);
    elf_wr64(p + 16, size, be);
  } else {
    elf_wr32(p, name, be);
    elf_wr32(p + 4, (uint32_t)value, be);
    elf_wr32(p + 8, (uint32_t)size, be);
    p[12] = info;
    p[13] = other;
    elf_wr16(p + 14, shndx, be);
  }
}

static uint16_t out_shndx(const ld_sym *s) {
  if (s->s_sec) return s->s_sec->is_out ? (uint16_t)s->s_sec->is_out->os_shndx : SHN_UNDEF;
  if (s->s_def == SD_UNDEF || s->s_def == SD_SHARED) return SHN_UNDEF;
  if (s->s_def == SD_SYNTH) return ld_synth_shndx(s);
  return SHN_ABS;
}

/* The output symbol table is written in parallel, in pieces of a few thousand entries made of
 * whole runs: each run knows where its entries and its names go. (Threads that wrote small
 * neighbouring pieces would meet on the same pages of the output.) */
#define SYM_PIECE 4096u

static void write_run(const symrun *run) {
  uint32_t esz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  uint8_t *base = ctx->buf + ctx->symtab->os_offset;
  char *str = (char *)ctx->buf + ctx->strtab->os_offset;
  uint32_t soff = run->sr_str;
  for (uint32_t j = 0; j < run->sr_n; j++) {
    ld_sym *s = run->sr_v[j];
    uint32_t k = run->sr_idx + j;
    uint8_t *p = base + (uint64_t)(k + 1) * esz;
    memcpy(str + soff, s->s_name, s->s_namelen);
    str[soff + s->s_namelen] = 0;
    s->s_symidx = k + 1; /* for --emit-relocs */
    uint32_t name = soff;
    soff += s->s_namelen + 1;
    if (k < P.nlocal_out) {
      uint64_t value = ld_local_addr(s);
      if (s->s_type == STT_TLS && s->s_sec) value -= ctx->tls_addr;
      ld_put_sym(p, name, value, s->s_size, ELF_ST_INFO(STB_LOCAL, s->s_type), s->s_vis,
                 out_shndx(s));
      continue;
    }
    int hidden = hidden_sym(s);
    uint8_t bind = hidden ? STB_LOCAL
                          : (s->s_def == SD_UNDEF || s->s_def == SD_SHARED
                                 ? (s->s_weakref ? STB_WEAK : STB_GLOBAL)
                                 : s->s_bind);
    uint8_t type = s->s_type;
    if (bind == STB_GNU_UNIQUE) bind = STB_GLOBAL;
    uint64_t value = s->s_def == SD_UNDEF || s->s_def == SD_SHARED ? 0 : s->s_value;
    if (type == STT_TLS && value) value -= ctx->tls_addr; /* offsets in the TLS template */
    ld_put_sym(p, name, value, s->s_size, ELF_ST_INFO(bind, type), s->s_vis, out_shndx(s));
  }
}

static void write_part(uint32_t p, void *arg) {
  (void)arg;
  for (uint32_t r = P.parts[p]; r < P.parts[p + 1]; r++) write_run(&P.runs[r]);
}

void ld_write_symtab(void) {
  if (!ctx->symtab) return;
  uint32_t esz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  memset(ctx->buf + ctx->symtab->os_offset, 0, esz);
  ctx->buf[ctx->strtab->os_offset] = 0;
  P.parts = ld_xmalloc(((size_t)P.nruns + 2) * sizeof *P.parts);
  P.nparts = 0;
  for (uint32_t r = 0, n = SYM_PIECE; r < P.nruns; r++) {
    if (n >= SYM_PIECE) P.parts[P.nparts++] = r, n = 0;
    n += P.runs[r].sr_n;
  }
  P.parts[P.nparts] = P.nruns;
  ld_par_for(P.nparts, write_part, NULL);
}
