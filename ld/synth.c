/* Pass 8: synthetic sections, sized from the scan's counts (GOT, PLT, dynamic relocations,
 * dynamic symbol table, hash tables, .interp, .eh_frame_hdr, build-id), and later their
 * contents (ld_fill_synthetic). Slots are handed out in a canonical symbol order, so the output
 * does not depend on the order in which a parallel scan saw the symbols. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"

ld_vec *ld_needy(void) { return &ctx->needy; }

static int has_needs(const ld_sym *s, void *arg) {
  (void)arg;
  return s->s_needs != 0;
}

/* The canonical order of symbols: by defining file (none last), its locals first, by index in
 * its symbol table, then by name -- after the group each one is given (.dynsym's GNU hash
 * bucket), if any. The keys are read once per symbol, not once per comparison. */
typedef struct sym_key {
  uint64_t hi; /* group, defining file's id, locals first */
  uint32_t esym;
  ld_sym *s;
} sym_key;

static int cmp_sym_key(const void *a, const void *b) {
  const sym_key *x = a, *y = b;
  if (x->hi != y->hi) return x->hi < y->hi ? -1 : 1;
  if (x->esym != y->esym) return x->esym < y->esym ? -1 : 1;
  return strcmp(x->s->s_name, y->s->s_name);
}

void ld_sort_canonical(ld_vec *v, const uint32_t *group) {
  sym_key *k = ld_xmalloc((v->n + 1) * sizeof *k);
  for (uint32_t i = 0; i < v->n; i++) {
    ld_sym *s = v->v[i];
    uint64_t f = s->s_file ? s->s_file->o_id : UINT32_MAX;
    k[i] = (sym_key){(group ? (uint64_t)group[i] << 33 : 0) | f << 1 | !s->s_local, s->s_esym, s};
  }
  ld_qsort(k, v->n, sizeof *k, cmp_sym_key);
  for (uint32_t i = 0; i < v->n; i++) v->v[i] = k[i].s;
  free(k);
}

static int is_ifunc(const ld_sym *s) {
  return s->s_type == STT_GNU_IFUNC && s->s_def == SD_REGULAR;
}
static int pic(void) { return ctx->opt.outkind == OUT_PIE || ctx->opt.outkind == OUT_SHARED; }
/* A link with no dynamic loader: TLS offsets and module ids are known now. */
static int no_loader(void) { return ctx->opt.is_static; }
/* IRELATIVE relocations go to .rela.iplt (bracketed by __rela_iplt_start/end, applied by the
 * C library's start-up) only in a static non-PIE link; elsewhere the loader applies them. */
static int iplt_rel(void) { return no_loader() && !pic(); }

/* How a GOT slot (or slot pair) is filled: decided once when the slots are handed out, counted
 * there into .rela.dyn's size, carried out by fill_got. */
enum {
  GF_NONE = 0,  /* no such slot */
  GF_VALUE,     /* its value is known at link time and written into it */
  GF_RELATIVE,  /* a RELATIVE relocation of that value (the RELATIVE run of .rela.dyn) */
  GF_RELR,      /* the value, and .relr.dyn has the loader add the base */
  GF_SYM,       /* dynamic relocations against the symbol: GLOB_DAT, DTPMOD + DTPOFF, TPOFF,
                   TLSDESC */
  GF_LOCAL,     /* one dynamic relocation with no symbol, the offset known: DTPMOD (the offset
                   written), TPOFF or TLSDESC with the offset as addend */
  GF_IREL,      /* IRELATIVE in .rela.dyn */
  GF_IREL_IPLT, /* IRELATIVE in .rela.iplt (static non-PIE links) */
};
typedef struct got_fill {
  uint8_t f_got, f_gd, f_ie, f_desc, f_igot;
} got_fill;

/* The state of the pass: ld_create_synthetic (which starts it afresh) reads the scan's needs
 * (each symbol's s_needs, the link context's counts), hands out GOT and PLT slots in canonical
 * order (ctx->needy) and sizes the synthetic sections; ld_fill_synthetic writes their contents
 * as decided here. */
static struct synth_pass {
  got_fill *fills;     /* per needy symbol */
  uint8_t module_fill; /* the module's LD slot */
  uint32_t got_nrel;   /* RELATIVE relocations of GOT slots */
  uint32_t got_ndyn;   /* the GOT's other .rela.dyn entries */
} P;

/* .rela.dyn entries (outside the RELATIVE run) of a slot filled as `f`, `n` words wide. */
static uint32_t fill_dynrels(int f, uint32_t n) {
  return f == GF_SYM ? n : f == GF_LOCAL || f == GF_IREL ? 1 : 0;
}

static ld_osec *mk(const char *name, uint32_t type, uint64_t flags, uint64_t align, int synth,
                   uint64_t size, uint64_t entsize) {
  ld_osec *os = ld_new_osec(name, type, flags, align, synth);
  os->os_size = size;
  os->os_entsize = entsize;
  return os;
}

/* Sections with contents; GNU ld does not count an object with one or none as asking for a
 * stack. */
static uint32_t content_sections(const ld_obj *o) {
  uint32_t n = 0;
  for (uint32_t k = 0; k < o->o_nsec; k++) n += o->o_secs[k] != NULL;
  return n;
}

/* The properties of the output's .note.gnu.property, sorted by type: those with 4-byte values
 * of the generic and x86 ranges, merged as the ranges say (GNU ld's rules). An AND property
 * (GNU_PROPERTY_X86_FEATURE_1_AND: IBT, SHSTK) survives only if every object has it, and keeps
 * the bits they all set; an OR property (ISA_1_NEEDED, FEATURE_2_NEEDED) is the union of those
 * present; an x86 OR-AND property (ISA_1_USED, FEATURE_2_USED) is the union, present only if
 * every object has it. -z ibt and -z shstk set their bits whatever the objects say, -z
 * x86-64-vN its ISA level. Returns the count (at most max). */
static int prop_kind(uint32_t t) { /* 1 AND, 2 OR, 3 OR-AND, 0 dropped */
  if (t >= GNU_PROPERTY_UINT32_AND_LO && t <= GNU_PROPERTY_UINT32_AND_HI) return 1;
  if (t >= GNU_PROPERTY_UINT32_OR_LO && t <= GNU_PROPERTY_UINT32_OR_HI) return 2;
  if (t >= 0xc0000000u && t <= 0xc0007fffu) return 1;
  if (t >= 0xc0008000u && t <= 0xc000ffffu) return 2;
  if (t >= 0xc0010000u && t <= 0xc0017fffu) return 3;
  return 0;
}

/* -z cet-report=: the objects that lack the IBT or SHSTK property (those -z ibt and -z shstk do
 * not set anyway), in GNU ld's words. */
static void report_cet(void) {
  uint32_t want = (ctx->opt.z_ibt ? 0 : GNU_PROPERTY_X86_FEATURE_1_IBT) |
                  (ctx->opt.z_shstk ? 0 : GNU_PROPERTY_X86_FEATURE_1_SHSTK);
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    uint32_t have = 0;
    for (uint32_t k = 0; k < o->o_nprops; k++)
      if (o->o_props[k][0] == GNU_PROPERTY_X86_FEATURE_1_AND) have = o->o_props[k][1];
    uint32_t miss = want & ~have;
    if (!miss) continue;
    const char *what = miss == (GNU_PROPERTY_X86_FEATURE_1_IBT | GNU_PROPERTY_X86_FEATURE_1_SHSTK)
                           ? "IBT and SHSTK properties"
                       : miss == GNU_PROPERTY_X86_FEATURE_1_IBT ? "IBT property"
                                                                : "SHSTK property";
    (ctx->opt.cet_report == 2 ? ld_error : ld_warn)("%s: missing %s", o->o_name, what);
  }
}

/* A .note.gnu.property note of `n` properties with 4-byte values, each padded to the class's
 * word: 16 + n * (8 + word) bytes at `b` (both link kinds write it). */
void ld_write_properties(uint8_t *b, const uint32_t (*props)[2], uint32_t n) {
  uint32_t pal = ctx->is64 ? 8 : 4;
  int be = ctx->be;
  elf_wr32(b, 4, be);
  elf_wr32(b + 4, n * (8 + pal), be);
  elf_wr32(b + 8, NT_GNU_PROPERTY_TYPE_0, be);
  memcpy(b + 12, "GNU", 4);
  for (uint32_t i = 0; i < n; i++) {
    uint8_t *q = b + 16 + i * (8 + pal);
    elf_wr32(q, props[i][0], be);
    elf_wr32(q + 4, 4, be);
    elf_wr32(q + 8, props[i][1], be);
  }
}

uint32_t ld_merge_properties(uint32_t (*out)[2], uint32_t max) {
  uint32_t n = 0;
  if (ctx->opt.cet_report) report_cet();
  /* Every type any object has, then its merged value. */
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nprops; k++) {
      uint32_t t = o->o_props[k][0], j = 0;
      if (!prop_kind(t)) continue;
      while (j < n && out[j][0] != t) j++;
      if (j == n && n < max) out[n][0] = t, out[n++][1] = 0;
    }
  }
  uint32_t kept = 0;
  for (uint32_t j = 0; j < n; j++) {
    uint32_t t = out[j][0], kind = (uint32_t)prop_kind(t), v = kind == 1 ? ~0u : 0;
    int everywhere = ctx->objs.n > 0;
    for (uint32_t i = 0; i < ctx->objs.n; i++) {
      ld_obj *o = ctx->objs.v[i];
      int has = 0;
      for (uint32_t k = 0; k < o->o_nprops; k++)
        if (o->o_props[k][0] == t) {
          has = 1;
          v = kind == 1 ? v & o->o_props[k][1] : v | o->o_props[k][1];
        }
      everywhere &= has;
    }
    if (kind != 2 && !everywhere) continue;
    if (kind == 1 && !v) continue; /* an AND property with no bit left says nothing */
    out[kept][0] = t, out[kept++][1] = v;
  }
  n = kept;
  uint32_t force[3][2] = {{GNU_PROPERTY_X86_FEATURE_1_AND, 0},
                          {GNU_PROPERTY_X86_ISA_1_NEEDED, 0},
                          {GNU_PROPERTY_1_NEEDED, 0}};
  if (ctx->opt.z_ibt) force[0][1] |= GNU_PROPERTY_X86_FEATURE_1_IBT;
  if (ctx->opt.z_shstk) force[0][1] |= GNU_PROPERTY_X86_FEATURE_1_SHSTK;
  force[0][1] |= ctx->opt.feature_1_extra; /* -z lam-u48, -z lam-u57 */
  force[1][1] = ctx->opt.isa_needed;
  if (ctx->opt.indirect_extern_access) force[2][1] = GNU_PROPERTY_1_NEEDED_INDIRECT_EXTERN_ACCESS;
  for (int f = 0; f < 3; f++) {
    if (!force[f][1]) continue;
    uint32_t j = 0;
    while (j < n && out[j][0] != force[f][0]) j++;
    if (j == n && n < max) out[n][0] = force[f][0], out[n++][1] = 0;
    if (j < n) out[j][1] |= force[f][1];
  }
  /* Sorted by type, as the gABI extension asks. */
  for (uint32_t a = 1; a < n; a++)
    for (uint32_t b = a; b > 0 && out[b - 1][0] > out[b][0]; b--) {
      uint32_t t0 = out[b][0], t1 = out[b][1];
      out[b][0] = out[b - 1][0], out[b][1] = out[b - 1][1];
      out[b - 1][0] = t0, out[b - 1][1] = t1;
    }
  return n;
}

void ld_create_synthetic(void) {
  P = (struct synth_pass){0};
  const ld_target *tg = ctx->tg;
  uint32_t w = ctx->is64 ? 8 : 4;
  uint32_t relsz = ctx->is64 ? (tg->tg_rela ? 24 : 16) : (tg->tg_rela ? 12 : 8);
  uint32_t niplt_rel = 0;

  /* Locals with needs (GOT loads or TLS slots of static symbols). */
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    if (!o->o_local_needs) continue;
    for (uint32_t k = 1; k < o->o_first_global; k++)
      if (o->o_locals[k].s_needs) ld_vec_push(&ctx->needy, &o->o_locals[k]);
  }
  ld_sym_collect(has_needs, NULL, &ctx->needy);
  ld_sort_canonical(&ctx->needy, NULL);

  /* GOT slots, and how each is filled: decided here once (got_fill), counted here, carried out
   * by fill_got. */
  /* Words reserved at the GOT's base in dynamic outputs (SPARC: _DYNAMIC's address). */
  uint32_t got_reserved = (pic() || !ctx->opt.is_static) ? tg->tg_got_reserved : 0;
  uint32_t ngot = got_reserved;
  P.fills = ld_xcalloc(ctx->needy.n ? ctx->needy.n : 1, sizeof *P.fills);
  for (uint32_t i = 0; i < ctx->needy.n; i++) {
    ld_sym *s = ctx->needy.v[i];
    got_fill *f = &P.fills[i];
    int pre = ld_preemptible(s);
    if (s->s_needs & SN_GOT) {
      ld_slots_w(s)->got = (int32_t)ngot++;
      if (is_ifunc(s)) f->f_got = iplt_rel() ? GF_IREL_IPLT : GF_IREL;
      else if (pre) f->f_got = GF_SYM;
      else if (pic() && !s->s_alias_abs && !((s->s_def == SD_UNDEF) && s->s_weakref)) {
        f->f_got = ld_relr_on() ? GF_RELR : GF_RELATIVE;
        if (f->f_got == GF_RELR) ld_relr_got_slot(ld_slots(s)->got);
      } else f->f_got = GF_VALUE;
    }
    if (s->s_needs & SN_TLSGD) {
      ld_slots_w(s)->gd = (int32_t)ngot;
      ngot += 2;
      f->f_gd = no_loader() ? GF_VALUE : pre ? GF_SYM : GF_LOCAL;
    }
    if (s->s_needs & SN_TLSIE) {
      ld_slots_w(s)->ie = (int32_t)ngot++;
      f->f_ie = no_loader() || (!pre && !pic()) ? GF_VALUE : pre ? GF_SYM : GF_LOCAL;
    }
    if (s->s_needs & SN_TLSDESC) {
      ld_slots_w(s)->desc = (int32_t)ngot;
      ngot += 2;
      f->f_desc = pre ? GF_SYM : GF_LOCAL;
    }
  }
  if (ctx->need_ld_slot) {
    ctx->ld_slot = (int32_t)ngot;
    ngot += 2;
    P.module_fill = no_loader() ? GF_VALUE : GF_LOCAL;
  } else {
    ctx->ld_slot = -1;
  }
  /* IFUNC PLT entries (static or local IFUNCs): each jumps through its own GOT slot, filled
   * by an IRELATIVE relocation. */
  for (uint32_t i = 0; i < ctx->needy.n; i++) {
    ld_sym *s = ctx->needy.v[i];
    if (!(s->s_needs & SN_PLT) || !is_ifunc(s)) continue;
    ld_slots_w(s)->igot = (int32_t)ngot++;
    ld_slots_w(s)->plt = (int32_t)ctx->iplt_syms.n;
    ld_vec_push(&ctx->iplt_syms, s);
    P.fills[i].f_igot = iplt_rel() ? GF_IREL_IPLT : GF_IREL;
  }
  /* The dynamic relocations the GOT needs: they take the first slots of each run. */
  for (uint32_t i = 0; i < ctx->needy.n; i++) {
    const got_fill *f = &P.fills[i];
    P.got_nrel += (f->f_got == GF_RELATIVE);
    P.got_ndyn += fill_dynrels(f->f_got, 1) + fill_dynrels(f->f_gd, 2) + fill_dynrels(f->f_ie, 1) +
                  fill_dynrels(f->f_desc, 1) + fill_dynrels(f->f_igot, 1);
    niplt_rel += (f->f_got == GF_IREL_IPLT) + (f->f_igot == GF_IREL_IPLT);
  }
  P.got_ndyn += fill_dynrels(P.module_fill, 1);
  uint32_t nrelative = P.got_nrel, ndyn = P.got_ndyn;
  ctx->ngot = ngot;
  ctx->got_reserved = got_reserved;
  if (ngot || ctx->need_got_base)
    ctx->got = mk(".got", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, w, SY_GOT, (uint64_t)ngot * w, w);
  if (ctx->got) ctx->got->os_relro = 1;
  /* .got.plt carries _GLOBAL_OFFSET_TABLE_ on x86; created when anything refers to the GOT
   * base or there is a lazy PLT. */
  if (ctx->need_got_base && tg->tg_gotplt_reserved && !ctx->opt.is_static)
    ctx->gotplt = mk(".got.plt", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, w, SY_GOTPLT,
                     (uint64_t)tg->tg_gotplt_reserved * w, w);
  if (ctx->iplt_syms.n && (!tg->tg_write_iplt_entry || (pic() && tg->tg_iplt_pic_unsupported)))
    ld_error("%s: IFUNC symbol '%s' needs a PLT entry, which is not implemented for %s%s",
             ((ld_sym *)ctx->iplt_syms.v[0])->s_file
                 ? ((ld_sym *)ctx->iplt_syms.v[0])->s_file->o_name
                 : "(unknown file)",
             ((ld_sym *)ctx->iplt_syms.v[0])->s_name, tg->tg_name,
             pic() ? " position-independent outputs" : "");
  if (ctx->iplt_syms.n)
    ctx->iplt = mk(".iplt", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 16, SY_IPLT,
                   (uint64_t)ctx->iplt_syms.n * tg->tg_iplt_entry_size, 0);

  /* Dynamic relocations from sections. */
  for (uint32_t i = 0; i < ctx->rel_secs.n; i++) {
    ld_isec *is = ctx->rel_secs.v[i];
    nrelative += is->is_nrelative;
    ndyn += is->is_ndynrel;
  }
  /* Slots: RELATIVE first (DT_RELACOUNT), then the rest; the GOT's first in each run, then each
   * section's in order. */
  ctx->nrelative = nrelative;
  ctx->nreladyn = nrelative + ndyn;
  uint32_t rbase = P.got_nrel, dbase = nrelative + P.got_ndyn;
  for (uint32_t i = 0; i < ctx->rel_secs.n; i++) {
    ld_isec *is = ctx->rel_secs.v[i];
    is->is_relative_base = rbase;
    is->is_dynrel_base = dbase;
    rbase += is->is_nrelative;
    dbase += is->is_ndynrel;
  }

  ld_relr_create(); /* before .dynamic: its tags and glibc's version need depend on it */
  int dynamic = pic() || !ctx->opt.is_static;
  if (dynamic) {
    uint32_t ncopy = ld_dynamic_create();
    ld_dynamic_set_copy_base(nrelative + ndyn);
    ndyn += ncopy;
    ctx->nreladyn = nrelative + ndyn;
  }
  const char *relname = tg->tg_rela ? ".rela.dyn" : ".rel.dyn";
  uint32_t reltype = tg->tg_rela ? SHT_RELA : SHT_REL;
  if (ctx->nreladyn || dynamic)
    ctx->reladyn =
        mk(relname, reltype, SHF_ALLOC, w, SY_RELA_DYN, (uint64_t)ctx->nreladyn * relsz, relsz);
  if (niplt_rel)
    ctx->relaiplt = mk(tg->tg_rela ? ".rela.iplt" : ".rel.iplt", reltype, SHF_ALLOC, w,
                       SY_RELA_IPLT, (uint64_t)niplt_rel * relsz, relsz);
  if (ctx->ehframe && ctx->opt.eh_frame_hdr && ctx->ehframe->os_isecs.n) {
    uint32_t nfde = ld_eh_fde_count();
    ctx->ehframehdr = mk(".eh_frame_hdr", SHT_PROGBITS, SHF_ALLOC, 4, SY_EH_FRAME_HDR,
                         12 + (uint64_t)nfde * 8, 0);
  }
  if (ctx->opt.build_id) {
    uint64_t len = ctx->opt.build_id == 1   ? 20
                   : ctx->opt.build_id == 4 ? strlen(ctx->opt.build_id_hex) / 2
                                            : 16;
    ctx->buildid =
        mk(".note.gnu.build-id", SHT_NOTE, SHF_ALLOC, 4, SY_BUILD_ID, 16 + ld_align(len, 4), 0);
  }
  /* .note.gnu.property: the inputs' properties merged (ld_merge_properties) with those the
   * options add, on targets that have them. */
  uint32_t props[64][2];
  uint32_t nprops = tg->tg_gnu_properties ? ld_merge_properties(props, 64) : 0;
  /* Indirect branch tracking: when the output is marked IBT (or -z ibtplt asks), every PLT
   * entry a branch can reach starts with endbr, as GNU ld and lld lay them out. */
  for (uint32_t i = 0; i < nprops; i++)
    if (props[i][0] == GNU_PROPERTY_X86_FEATURE_1_AND &&
        (props[i][1] & GNU_PROPERTY_X86_FEATURE_1_IBT))
      ctx->ibt_plt = 1;
  if (ctx->opt.z_ibtplt) ctx->ibt_plt = 1;
  if (!tg->tg_write_plt_sec_entry) ctx->ibt_plt = 0;
  if (ctx->ibt_plt && ctx->plt)
    ctx->pltsec = mk(".plt.sec", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 16, SY_PLT_SEC,
                     (uint64_t)ctx->plt_syms.n * tg->tg_plt_entry_size, 0);
  if (nprops) {
    uint32_t pal = ctx->is64 ? 8 : 4, dsz = nprops * (8 + pal);
    ctx->gnuprop = mk(".note.gnu.property", SHT_NOTE, SHF_ALLOC, w, SY_GNU_PROPERTY, 16 + dsz, 0);
    uint8_t *b = ctx->gnuprop->os_buf = ld_xcalloc(1, 16 + dsz);
    ld_write_properties(b, (const uint32_t(*)[2])props, nprops);
  }
  /* --package-metadata: an FDO_PACKAGING_METADATA note holding the JSON text (with its NUL,
   * padded; n_descsz counts the padding, as GNU ld writes it), for tools that identify the
   * package a crashing binary came from. */
  if (ctx->opt.package_metadata) {
    uint32_t len = (uint32_t)strlen(ctx->opt.package_metadata) + 1;
    uint64_t size = 16 + ld_align(len, 4);
    ctx->package = mk(".note.package", SHT_NOTE, SHF_ALLOC, 4, SY_PACKAGE_NOTE, size, 0);
    uint8_t *b = ctx->package->os_buf = ld_xcalloc(1, size);
    elf_wr32(b, 4, ctx->be);
    elf_wr32(b + 4, (uint32_t)ld_align(len, 4), ctx->be);
    elf_wr32(b + 8, NT_FDO_PACKAGING_METADATA, ctx->be);
    memcpy(b + 12, "FDO", 4);
    memcpy(b + 16, ctx->opt.package_metadata, len);
  }
  ctx->shstrtab = mk(".shstrtab", SHT_STRTAB, 0, 1, SY_SHSTRTAB, 0, 0);
  if (!ctx->opt.strip_all) {
    uint32_t symsz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
    ctx->symtab = mk(".symtab", SHT_SYMTAB, 0, w, SY_SYMTAB, 0, symsz);
    ctx->strtab = mk(".strtab", SHT_STRTAB, 0, 1, SY_STRTAB, 0, 0);
  }
  int any_note = 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    if (o->o_exec_stack) ctx->exec_stack = 1;
    if (o->o_exec_stack != 2) any_note = 1;
  }
  /* --warn-execstack (on unless --no-warn-execstack): say which object makes the stack
   * executable, as GNU ld does; a missing note counts when other objects have one. */
  if (ctx->opt.warn_execstack && !ctx->opt.z_execstack && !ctx->opt.z_noexecstack &&
      !ld_mapfile_stack_flags())
    for (uint32_t i = 0; i < ctx->objs.n; i++) {
      ld_obj *o = ctx->objs.v[i];
      if (o->o_exec_stack == 1)
        ld_warn("%s: requires executable stack (because the .note.GNU-stack section is "
                "executable)",
                o->o_name);
      else if (o->o_exec_stack == 2 && any_note && content_sections(o) > 1)
        ld_warn("%s: missing .note.GNU-stack section implies executable stack", o->o_name);
    }
  if (ctx->opt.warn_execstack == 1 && ctx->opt.z_execstack)
    ld_warn("enabling an executable stack because of -z execstack");
}

/* ---- addresses of slots -------------------------------------------------------------- */

uint64_t ld_got_base(void) {
  if (ctx->gotplt) return ctx->gotplt->os_addr;
  if (ctx->got) return ctx->got->os_addr;
  return 0;
}

uint64_t ld_got_slot_addr(int32_t idx) {
  if (idx < 0 || !ctx->got) return 0;
  return ctx->got->os_addr + (uint64_t)idx * (ctx->is64 ? 8 : 4);
}

uint64_t ld_plt_addr(const ld_sym *s) {
  if (ld_slots(s)->plt < 0) return 0;
  if (s->s_type == STT_GNU_IFUNC && s->s_def == SD_REGULAR && ctx->iplt)
    return ctx->iplt->os_addr + (uint64_t)ld_slots(s)->plt * ctx->tg->tg_iplt_entry_size;
  if (ctx->pltsec)
    return ctx->pltsec->os_addr + (uint64_t)ld_slots(s)->plt * ctx->tg->tg_plt_entry_size;
  if (ctx->plt)
    return ctx->plt->os_addr + ctx->tg->tg_plt_header_size +
           ld_plt_entry_offset(ctx->tg, (uint32_t)ld_slots(s)->plt);
  return 0;
}

/* ---- dynamic relocation output --------------------------------------------------------- */

static void write_rel(uint8_t *p, uint64_t off, uint32_t type, uint32_t sym, int64_t addend) {
  int be = ctx->be;
  if (ctx->is64) {
    elf_wr64(p, off, be);
    elf_wr64(p + 8, (uint64_t)sym << 32 | type, be);
    if (ctx->tg->tg_rela) elf_wr64(p + 16, (uint64_t)addend, be);
  } else {
    elf_wr32(p, (uint32_t)off, be);
    elf_wr32(p + 4, sym << 8 | (type & 0xff), be);
    if (ctx->tg->tg_rela) elf_wr32(p + 8, (uint32_t)addend, be);
  }
}

static uint32_t relsize(void) {
  return ctx->is64 ? (ctx->tg->tg_rela ? 24 : 16) : (ctx->tg->tg_rela ? 12 : 8);
}

void ld_emit_dynrel(uint32_t slot, uint64_t offset, uint32_t type, uint32_t symidx,
                    int64_t addend) {
  if (!ctx->reladyn || slot >= ctx->nreladyn) {
    ld_error("internal: dynamic relocation slot %u out of range", slot);
    return;
  }
  write_rel(ctx->buf + ctx->reladyn->os_offset + (uint64_t)slot * relsize(), offset, type, symidx,
            addend);
}

/* ---- contents -------------------------------------------------------------------------- */

static void fill_got(void) {
  if (!ctx->got) return;
  const ld_target *tg = ctx->tg;
  uint8_t *g = ctx->buf + ctx->got->os_offset;
  int is64 = ctx->is64, be = ctx->be;
  if (ctx->got_reserved && ctx->dynamic) elf_wrw(g, ctx->dynamic->os_addr, is64, be);
  uint32_t w = is64 ? 8 : 4;
  uint32_t rel = 0, dyn = ctx->nrelative, iplt = 0;
  uint8_t *ipltrel = ctx->relaiplt ? ctx->buf + ctx->relaiplt->os_offset : NULL;
  uint64_t tlsend = ctx->tp_addr;
#define WORD(idx, v) elf_wrw(g + (uint64_t)(idx)*w, (v), is64, be)
  for (uint32_t i = 0; i < ctx->needy.n; i++) {
    ld_sym *s = ctx->needy.v[i];
    const got_fill *f = &P.fills[i];
    const ld_symslots *sl = ld_slots(s);
    uint64_t S = s->s_local ? ld_local_addr(s) : ld_sym_addr(s);
    uint32_t dynidx = (uint32_t)sl->dynidx;
    if (f->f_got) {
      uint64_t slot = ld_got_slot_addr(sl->got);
      switch (f->f_got) {
      case GF_IREL:
      case GF_IREL_IPLT:
        if (f->f_got == GF_IREL) ld_emit_dynrel(dyn++, slot, tg->tg_r_irelative, 0, (int64_t)S);
        else
          write_rel(ipltrel + (uint64_t)iplt++ * relsize(), slot, tg->tg_r_irelative, 0,
                    (int64_t)S);
        if (!tg->tg_rela) WORD(sl->got, S);
        break;
      case GF_SYM: ld_emit_dynrel(dyn++, slot, tg->tg_r_glob_dat, dynidx, 0); break;
      default:
        if (s->s_needs & SN_CANON_PLT) S = ld_plt_addr(s);
        /* A RELA relocation carries the value; the slot holds 0 (SPARC's loader adds to it).
         * With .relr.dyn the slot holds the value. */
        WORD(sl->got, f->f_got == GF_RELATIVE && tg->tg_rela ? 0 : S);
        if (f->f_got == GF_RELATIVE) ld_emit_dynrel(rel++, slot, tg->tg_r_relative, 0, (int64_t)S);
      }
    }
    if (f->f_gd) {
      uint64_t slot = ld_got_slot_addr(sl->gd);
      if (f->f_gd == GF_VALUE) {
        WORD(sl->gd, 1);
        WORD(sl->gd + 1, S - ctx->tls_addr);
      } else if (f->f_gd == GF_SYM) {
        ld_emit_dynrel(dyn++, slot, tg->tg_r_dtpmod, dynidx, 0);
        ld_emit_dynrel(dyn++, slot + w, tg->tg_r_dtpoff, dynidx, 0);
      } else {
        ld_emit_dynrel(dyn++, slot, tg->tg_r_dtpmod, 0, 0);
        WORD(sl->gd + 1, S - ctx->tls_addr);
      }
    }
    if (f->f_ie) {
      uint64_t slot = ld_got_slot_addr(sl->ie);
      if (f->f_ie == GF_VALUE) {
        WORD(sl->ie, S - tlsend);
      } else {
        int pre = f->f_ie == GF_SYM;
        ld_emit_dynrel(dyn++, slot, tg->tg_r_tpoff, pre ? dynidx : 0,
                       pre ? 0 : (int64_t)(S - ctx->tls_addr));
        /* REL: the offset in the TLS block is the addend, kept in the slot itself. */
        if (!tg->tg_rela && !pre) WORD(sl->ie, S - ctx->tls_addr);
      }
    }
    if (f->f_desc) {
      int pre = f->f_desc == GF_SYM;
      ld_emit_dynrel(dyn++, ld_got_slot_addr(sl->desc), tg->tg_r_tlsdesc, pre ? dynidx : 0,
                     pre ? 0 : (int64_t)(S - ctx->tls_addr));
      /* REL: the addend is the descriptor's argument word, the second one. */
      if (!tg->tg_rela && !pre) WORD(sl->desc + 1, S - ctx->tls_addr);
    }
  }
  if (P.module_fill == GF_VALUE) WORD(ctx->ld_slot, 1);
  else if (P.module_fill == GF_LOCAL)
    ld_emit_dynrel(dyn++, ld_got_slot_addr(ctx->ld_slot), tg->tg_r_dtpmod, 0, 0);
  for (uint32_t i = 0; i < ctx->iplt_syms.n; i++) {
    ld_sym *s = ctx->iplt_syms.v[i];
    uint64_t slot = ld_got_slot_addr(ld_slots(s)->igot);
    uint64_t S = ld_sym_addr(s);
    if (!iplt_rel()) ld_emit_dynrel(dyn++, slot, tg->tg_r_irelative, 0, (int64_t)S);
    else write_rel(ipltrel + (uint64_t)iplt++ * relsize(), slot, tg->tg_r_irelative, 0, (int64_t)S);
    if (!tg->tg_rela) WORD(ld_slots(s)->igot, S);
    void (*write)(uint8_t *, uint64_t, uint64_t, uint64_t, int) =
        ctx->ibt_plt && tg->tg_write_ibt_iplt_entry ? tg->tg_write_ibt_iplt_entry
                                                    : tg->tg_write_iplt_entry;
    write(ctx->buf + ctx->iplt->os_offset + (uint64_t)i * tg->tg_iplt_entry_size,
          ctx->iplt->os_addr + (uint64_t)i * tg->tg_iplt_entry_size, slot, ld_got_base(), pic());
  }
#undef WORD
  /* The slots were reserved from the same decisions. */
  if (rel != P.got_nrel || dyn != ctx->nrelative + P.got_ndyn)
    ld_fatal("internal: the GOT's dynamic relocations: %u and %u reserved, %u and %u written",
             P.got_nrel, P.got_ndyn, rel, dyn - ctx->nrelative);
}

static void fill_buildid_header(void) {
  if (!ctx->buildid) return;
  uint8_t *b = ctx->buf + ctx->buildid->os_offset;
  uint32_t len = (uint32_t)(ctx->buildid->os_size - 16);
  if (ctx->opt.build_id == 1) len = 20;
  else if (ctx->opt.build_id == 4) len = (uint32_t)strlen(ctx->opt.build_id_hex) / 2;
  else len = 16;
  elf_wr32(b, 4, ctx->be);
  elf_wr32(b + 4, len, ctx->be);
  elf_wr32(b + 8, NT_GNU_BUILD_ID, ctx->be);
  memcpy(b + 12, "GNU", 4);
  if (ctx->opt.build_id == 4) {
    for (uint32_t i = 0; i < len; i++) {
      unsigned v;
      char t[3] = {ctx->opt.build_id_hex[2 * i], ctx->opt.build_id_hex[2 * i + 1], 0};
      sscanf(t, "%x", &v);
      b[16 + i] = (uint8_t)v;
    }
  }
}

void ld_fill_synthetic(void) {
  fill_got();
  ld_relr_fill();
  if (ctx->interp)
    memcpy(ctx->buf + ctx->interp->os_offset, ctx->interp->os_buf, ctx->interp->os_size);
  ld_dynamic_fill();
  fill_buildid_header();
  if (ctx->gnuprop)
    memcpy(ctx->buf + ctx->gnuprop->os_offset, ctx->gnuprop->os_buf, ctx->gnuprop->os_size);
  if (ctx->package)
    memcpy(ctx->buf + ctx->package->os_offset, ctx->package->os_buf, ctx->package->os_size);
}
