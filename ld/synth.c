/* Pass 10: synthetic sections, sized from the scan's counts (GOT, PLT, dynamic relocations,
 * dynamic symbol table, hash tables, .interp, .eh_frame_hdr, build-id), and later their
 * contents (ld_fill_synthetic). Slots are handed out in a canonical symbol order, so the output
 * does not depend on the order in which a parallel scan saw the symbols. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"

int ld_preemptible(const ld_sym *s);
int ld_need_got_base(void);
int ld_need_ld_slot(void);
uint32_t ld_eh_fde_count(void);

static ld_vec needy; /* ld_sym* with any SN_* need, canonical order */

ld_vec *ld_needy(void) { return &needy; }
uint32_t ld_dynamic_create(void);
void ld_dynamic_set_copy_base(uint32_t base);
void ld_dynamic_fill(void);

static void collect(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_needs) ld_vec_push(&needy, s);
}

static int cmp_key(const void *a, const void *b) {
  const ld_sym *x = *(ld_sym *const *)a, *y = *(ld_sym *const *)b;
  uint32_t fx = x->s_file ? x->s_file->o_id : UINT32_MAX,
           fy = y->s_file ? y->s_file->o_id : UINT32_MAX;
  if (fx != fy) return fx < fy ? -1 : 1;
  if (x->s_local != y->s_local) return x->s_local ? -1 : 1;
  if (x->s_esym != y->s_esym) return x->s_esym < y->s_esym ? -1 : 1;
  return strcmp(x->s_name, y->s_name);
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

uint32_t ld_nrela_iplt;

static ld_osec *mk(const char *name, uint32_t type, uint64_t flags, uint64_t align, int synth,
                   uint64_t size, uint64_t entsize) {
  ld_osec *os = ld_new_osec(name, type, flags, align, synth);
  os->os_size = size;
  os->os_entsize = entsize;
  return os;
}

void ld_create_synthetic(void) {
  const ld_target *tg = ctx->tg;
  uint32_t w = ctx->is64 ? 8 : 4;
  uint32_t relsz = ctx->is64 ? (tg->tg_rela ? 24 : 16) : (tg->tg_rela ? 12 : 8);

  /* Locals with needs (GOT loads or TLS slots of static symbols). */
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 1; k < o->o_first_global; k++)
      if (o->o_locals[k].s_needs) ld_vec_push(&needy, &o->o_locals[k]);
  }
  ld_sym_foreach(collect, NULL);
  ld_qsort(needy.v, needy.n, sizeof(void *), cmp_key);

  /* GOT slots. */
  /* Words reserved at the GOT's base in dynamic outputs (SPARC: _DYNAMIC's address). */
  uint32_t got_reserved = (pic() || !ctx->opt.is_static) ? tg->tg_got_reserved : 0;
  uint32_t ngot = got_reserved, nrelative = 0, ndyn = 0, niplt_rel = 0;
  for (uint32_t i = 0; i < needy.n; i++) {
    ld_sym *s = needy.v[i];
    int pre = ld_preemptible(s);
    if (s->s_needs & SN_GOT) {
      ld_slots_w(s)->got = (int32_t)ngot++;
      if (is_ifunc(s)) {
        if (!iplt_rel()) ndyn++;
        else niplt_rel++;
      } else if (pre) {
        ndyn++;
      } else if (pic() && !s->s_alias_abs && !((s->s_def == SD_UNDEF) && s->s_weakref)) {
        if (ld_relr_on()) ld_relr_got_slot(ld_slots(s)->got);
        else nrelative++;
      }
    }
    if (s->s_needs & SN_TLSGD) {
      ld_slots_w(s)->gd = (int32_t)ngot;
      ngot += 2;
      if (!no_loader()) ndyn += pre ? 2 : 1;
    }
    if (s->s_needs & SN_TLSIE) {
      ld_slots_w(s)->ie = (int32_t)ngot++;
      if (!no_loader() && (pre || pic())) ndyn++;
    }
    if (s->s_needs & SN_TLSDESC) {
      ld_slots_w(s)->desc = (int32_t)ngot;
      ngot += 2;
      ndyn++;
    }
  }
  if (ld_need_ld_slot()) {
    ctx->ld_slot = (int32_t)ngot;
    ngot += 2;
    if (!no_loader()) ndyn++;
  } else {
    ctx->ld_slot = -1;
  }
  /* IFUNC PLT entries (static or local IFUNCs): each jumps through its own GOT slot, filled
   * by an IRELATIVE relocation. */
  for (uint32_t i = 0; i < needy.n; i++) {
    ld_sym *s = needy.v[i];
    if (!(s->s_needs & SN_PLT) || !is_ifunc(s)) continue;
    ld_slots_w(s)->igot = (int32_t)ngot++;
    ld_slots_w(s)->plt = (int32_t)ctx->iplt_syms.n;
    ld_vec_push(&ctx->iplt_syms, s);
    if (!iplt_rel()) ndyn++;
    else niplt_rel++;
  }
  ctx->ngot = ngot;
  ctx->got_reserved = got_reserved;
  if (ngot || ld_need_got_base())
    ctx->got = mk(".got", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, w, SY_GOT, (uint64_t)ngot * w, w);
  if (ctx->got) ctx->got->os_relro = 1;
  /* .got.plt carries _GLOBAL_OFFSET_TABLE_ on x86; created when anything refers to the GOT
   * base or there is a lazy PLT. */
  if (ld_need_got_base() && tg->tg_gotplt_reserved && !ctx->opt.is_static)
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
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live) continue;
      nrelative += is->is_nrelative;
      ndyn += is->is_ndynrel;
    }
  }
  /* Slots: RELATIVE first (DT_RELACOUNT), then the rest; sections after the GOT's. */
  uint32_t rbase = 0, dbase = 0;
  for (uint32_t i = 0; i < needy.n; i++) (void)0;
  ctx->nrelative = nrelative;
  ctx->nreladyn = nrelative + ndyn;
  /* GOT-derived entries take the first slots of each kind; then each section's in order. */
  uint32_t got_rel = 0, got_dyn = 0;
  for (uint32_t i = 0; i < needy.n; i++) {
    ld_sym *s = needy.v[i];
    int pre = ld_preemptible(s);
    if (s->s_needs & SN_GOT) {
      if (is_ifunc(s)) got_dyn += !iplt_rel();
      else if (pre) got_dyn++;
      else if (pic() && !s->s_alias_abs && !((s->s_def == SD_UNDEF) && s->s_weakref))
        got_rel += !ld_relr_on();
    }
    if ((s->s_needs & SN_TLSGD) && !no_loader()) got_dyn += pre ? 2 : 1;
    if ((s->s_needs & SN_TLSIE) && !no_loader() && (pre || pic())) got_dyn++;
    if (s->s_needs & SN_TLSDESC) got_dyn++;
    if ((s->s_needs & SN_PLT) && is_ifunc(s) && !iplt_rel()) got_dyn++;
  }
  if (ctx->ld_slot >= 0 && !no_loader()) got_dyn++;
  rbase = got_rel;
  dbase = nrelative + got_dyn;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live) continue;
      is->is_relative_base = rbase;
      is->is_dynrel_base = dbase;
      rbase += is->is_nrelative;
      dbase += is->is_ndynrel;
    }
  }
  ld_nrela_iplt = niplt_rel;

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
  /* x86 feature properties survive only if every input has them. */
  uint32_t and_bits = ~0u;
  int all = ctx->objs.n > 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    if (!o->o_has_gnu_property) {
      all = 0;
      break;
    }
    and_bits &= o->o_gnu_property_and;
  }
  /* -z ibt / -z shstk set their bits whatever the inputs say. */
  if (!all) and_bits = 0;
  and_bits |= (ctx->opt.z_ibt ? GNU_PROPERTY_X86_FEATURE_1_IBT : 0) |
              (ctx->opt.z_shstk ? GNU_PROPERTY_X86_FEATURE_1_SHSTK : 0);
  if (and_bits && tg->tg_x86_properties) {
    ctx->gnuprop =
        mk(".note.gnu.property", SHT_NOTE, SHF_ALLOC, w, SY_GNU_PROPERTY, ctx->is64 ? 32 : 28, 0);
    ctx->gnuprop->os_buf = ld_xcalloc(1, 32);
    uint8_t *b = ctx->gnuprop->os_buf;
    int be = ctx->be;
    elf_wr32(b, 4, be);
    elf_wr32(b + 4, ctx->is64 ? 16 : 12, be);
    elf_wr32(b + 8, NT_GNU_PROPERTY_TYPE_0, be);
    memcpy(b + 12, "GNU", 4);
    elf_wr32(b + 16, GNU_PROPERTY_X86_FEATURE_1_AND, be);
    elf_wr32(b + 20, 4, be);
    elf_wr32(b + 24, and_bits, be);
  }
  ctx->shstrtab = mk(".shstrtab", SHT_STRTAB, 0, 1, SY_SHSTRTAB, 0, 0);
  if (!ctx->opt.strip_all) {
    uint32_t symsz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
    ctx->symtab = mk(".symtab", SHT_SYMTAB, 0, w, SY_SYMTAB, 0, symsz);
    ctx->strtab = mk(".strtab", SHT_STRTAB, 0, 1, SY_STRTAB, 0, 0);
  }
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    if (o->o_exec_stack) ctx->exec_stack = 1;
  }
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
  for (uint32_t i = 0; i < needy.n; i++) {
    ld_sym *s = needy.v[i];
    int pre = ld_preemptible(s);
    uint64_t S = s->s_local ? 0 : 0;
    if (s->s_local) {
      extern uint64_t ld_local_addr(const ld_sym *);
      S = ld_local_addr(s);
    } else {
      S = ld_sym_addr(s);
    }
    if (ld_slots(s)->got >= 0) {
      uint64_t slot = ld_got_slot_addr(ld_slots(s)->got);
      if (is_ifunc(s)) {
        if (!iplt_rel()) ld_emit_dynrel(dyn++, slot, tg->tg_r_irelative, 0, (int64_t)S);
        else
          write_rel(ipltrel + (uint64_t)iplt++ * relsize(), slot, tg->tg_r_irelative, 0,
                    (int64_t)S);
        if (!tg->tg_rela) elf_wrw(g + (uint64_t)ld_slots(s)->got * w, S, is64, be);
      } else if (pre) {
        ld_emit_dynrel(dyn++, slot, tg->tg_r_glob_dat, (uint32_t)ld_slots(s)->dynidx, 0);
      } else {
        if (s->s_needs & SN_CANON_PLT) S = ld_plt_addr(s);
        int relative = pic() && !s->s_alias_abs && !((s->s_def == SD_UNDEF) && s->s_weakref);
        if (relative && ld_relr_on()) relative = 0; /* .relr.dyn: the slot holds the value */
        /* A RELA relocation carries the value; the slot holds 0 (SPARC's loader adds to it). */
        elf_wrw(g + (uint64_t)ld_slots(s)->got * w, relative && tg->tg_rela ? 0 : S, is64, be);
        if (relative) ld_emit_dynrel(rel++, slot, tg->tg_r_relative, 0, (int64_t)S);
      }
    }
    if (ld_slots(s)->gd >= 0) {
      uint64_t slot = ld_got_slot_addr(ld_slots(s)->gd);
      if (no_loader()) {
        elf_wrw(g + (uint64_t)ld_slots(s)->gd * w, 1, is64, be);
        elf_wrw(g + (uint64_t)(ld_slots(s)->gd + 1) * w, S - ctx->tls_addr, is64, be);
      } else if (pre) {
        ld_emit_dynrel(dyn++, slot, tg->tg_r_dtpmod, (uint32_t)ld_slots(s)->dynidx, 0);
        ld_emit_dynrel(dyn++, slot + w, tg->tg_r_dtpoff, (uint32_t)ld_slots(s)->dynidx, 0);
      } else {
        ld_emit_dynrel(dyn++, slot, tg->tg_r_dtpmod, 0, 0);
        elf_wrw(g + (uint64_t)(ld_slots(s)->gd + 1) * w, S - ctx->tls_addr, is64, be);
      }
    }
    if (ld_slots(s)->ie >= 0) {
      uint64_t slot = ld_got_slot_addr(ld_slots(s)->ie);
      if (no_loader() || (!pre && !pic())) {
        elf_wrw(g + (uint64_t)ld_slots(s)->ie * w, S - tlsend, is64, be);
      } else {
        ld_emit_dynrel(dyn++, slot, tg->tg_r_tpoff, pre ? (uint32_t)ld_slots(s)->dynidx : 0,
                       pre ? 0 : (int64_t)(S - ctx->tls_addr));
        /* REL: the offset in the TLS block is the addend, kept in the slot itself. */
        if (!tg->tg_rela && !pre)
          elf_wrw(g + (uint64_t)ld_slots(s)->ie * w, S - ctx->tls_addr, is64, be);
      }
    }
    if (ld_slots(s)->desc >= 0) {
      uint64_t slot = ld_got_slot_addr(ld_slots(s)->desc);
      ld_emit_dynrel(dyn++, slot, tg->tg_r_tlsdesc, pre ? (uint32_t)ld_slots(s)->dynidx : 0,
                     pre ? 0 : (int64_t)(S - ctx->tls_addr));
      /* REL: the addend is the descriptor's argument word, the second one. */
      if (!tg->tg_rela && !pre)
        elf_wrw(g + (uint64_t)(ld_slots(s)->desc + 1) * w, S - ctx->tls_addr, is64, be);
    }
  }
  if (ctx->ld_slot >= 0) {
    if (no_loader()) elf_wrw(g + (uint64_t)ctx->ld_slot * w, 1, is64, be);
    else ld_emit_dynrel(dyn++, ld_got_slot_addr(ctx->ld_slot), tg->tg_r_dtpmod, 0, 0);
  }
  for (uint32_t i = 0; i < ctx->iplt_syms.n; i++) {
    ld_sym *s = ctx->iplt_syms.v[i];
    uint64_t slot = ld_got_slot_addr(ld_slots(s)->igot);
    uint64_t S = ld_sym_addr(s);
    if (!iplt_rel()) ld_emit_dynrel(dyn++, slot, tg->tg_r_irelative, 0, (int64_t)S);
    else write_rel(ipltrel + (uint64_t)iplt++ * relsize(), slot, tg->tg_r_irelative, 0, (int64_t)S);
    if (!tg->tg_rela) elf_wrw(g + (uint64_t)ld_slots(s)->igot * w, S, is64, be);
    tg->tg_write_iplt_entry(ctx->buf + ctx->iplt->os_offset + (uint64_t)i * tg->tg_iplt_entry_size,
                            ctx->iplt->os_addr + (uint64_t)i * tg->tg_iplt_entry_size, slot,
                            ld_got_base(), pic());
  }
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
}
