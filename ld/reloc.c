/* Pass 7: read the relocations of every live input section and decide, once, what each one
 * becomes (ld/reloc.h); ld/apply.c carries the decisions out in pass 10.
 *
 * The scan classifies every relocation by its generic kind (arch/<t>/reloc.c's table) and the
 * symbol and output it concerns, sets the symbol's needs (GOT slot, PLT entry, TLS slots, copy,
 * .dynsym), counts the dynamic relocations each section emits, and records the decision in
 * is_rexpr. Whether a TLS sequence is relaxed, and to what, is one function of the symbol and the
 * output (tls_target_model), asked only here (DESIGN.md §5). Sections are scanned in parallel:
 * needs are set with atomic ORs, decisions go to the section's own array. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "reloc.h"

/* ---- reading ------------------------------------------------------------------------- */

static int cmp_rel(const void *a, const void *b) {
  const ld_rel *x = a, *y = b;
  return x->r_offset < y->r_offset ? -1 : x->r_offset > y->r_offset;
}

typedef struct rel_extra {
  ld_rel r;
  int32_t extra;
} rel_extra;

/* Decode entry `i` (at p) of is's relocation section into x; *takes says whether its type takes
 * a second addend (*extra). With `report` an entry the link cannot use is an error; without, it
 * is only refused (the in-place check). */
static int decode_rel(ld_isec *is, const uint8_t *p, uint32_t i, ld_rel *x, int32_t *extra,
                      int *takes, int report) {
  ld_obj *o = is->is_file;
  const ld_target *tg = ctx->tg;
  int be = o->o_be, rela = tg->tg_rela;
  *extra = 0;
  *takes = 0;
  if (o->o_is64) {
    uint64_t info = elf_rd64(p + 8, be);
    x->r_offset = elf_rd64(p, be);
    x->r_sym = (uint32_t)(info >> 32);
    /* A target may keep more than the type in the type field: SPARC V9's R_SPARC_OLO10
     * carries a signed 24-bit second addend in its upper bits. */
    uint32_t type = (uint32_t)info;
    if (tg->tg_decode_info) *takes = tg->tg_decode_info(info, &type, extra);
    x->r_type = type;
    x->r_addend = rela ? (int64_t)elf_rd64(p + 16, be) : 0;
    if (*extra && !*takes) {
      if (report)
        ld_error("%s: relocation type %u with a secondary addend is not supported",
                 ld_sec_loc(is, x->r_offset), x->r_type);
      return 0;
    }
  } else {
    uint32_t info = elf_rd32(p + 4, be);
    x->r_offset = elf_rd32(p, be);
    x->r_sym = info >> 8;
    x->r_type = info & 0xff;
    x->r_addend = rela ? (int64_t)(int32_t)elf_rd32(p + 8, be) : 0;
  }
  if (x->r_sym >= o->o_nsym) {
    if (report)
      ld_error("%s: relocation %u has bad symbol index %u", ld_sec_loc(is, x->r_offset), i,
               x->r_sym);
    return 0;
  }
  /* Entries the symbol pass left without a symbol (a SPARC register declaration, say) cannot
   * be relocated against. */
  if (x->r_sym && !o->o_syms[x->r_sym]) {
    if (report)
      ld_error("%s: relocation %u refers to symbol %u, which cannot be relocated against",
               ld_sec_loc(is, x->r_offset), i, x->r_sym);
    return 0;
  }
  const ld_howto *hw = x->r_type < tg->tg_nhowto ? &tg->tg_howto[x->r_type] : NULL;
  if (!hw || !hw->name) {
    /* The target's table names every type its psABI defines. */
    if (report) ld_error("%s: unknown relocation type %u", ld_sec_loc(is, x->r_offset), x->r_type);
    return 0;
  }
  if (is->is_type == SHT_NOBITS || !is->is_data) {
    /* No bytes to relocate (nor, for REL, to hold the addend). */
    if (report)
      ld_error("%s: relocation %s applies to section %s, which has no contents (SHT_NOBITS)",
               ld_sec_loc(is, x->r_offset), hw->name, is->is_name);
    return 0;
  }
  if (x->r_offset > is->is_insize || hw->size > is->is_insize - x->r_offset) {
    if (report)
      ld_error("%s: relocation %s at offset 0x%llx is outside the section (size 0x%llx)",
               ld_sec_loc(is, x->r_offset), hw->name, (unsigned long long)x->r_offset,
               (unsigned long long)is->is_insize);
    return 0;
  }
  if (!rela && tg->tg_read_addend)
    x->r_addend = tg->tg_read_addend(is->is_data + x->r_offset, x->r_type);
  return 1;
}

void ld_read_rels(ld_isec *is) {
  if (!is->is_relsec || is->is_rels) return;
  ld_obj *o = is->is_file;
  const uint8_t *h =
      o->o_shdrs + (uint64_t)is->is_relsec * (o->o_is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE);
  int be = o->o_be, rela = ctx->tg->tg_rela;
  uint64_t off = o->o_is64 ? elf_rd64(h + 24, be) : elf_rd32(h + 16, be);
  uint64_t size = o->o_is64 ? elf_rd64(h + 32, be) : elf_rd32(h + 20, be);
  uint32_t esz = o->o_is64 ? (rela ? ELF64_RELA_SIZE : ELF64_REL_SIZE)
                           : (rela ? ELF32_RELA_SIZE : ELF32_REL_SIZE);
  uint32_t n = (uint32_t)(size / esz);
  const uint8_t *base = o->o_data + off;
  int32_t ex;

  /* In place: the mapped entries already have ld_rel's layout. They are used as they are when
   * every entry is valid and the offsets ascend (as compilers and assemblers write them). */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (o->o_is64 && !be && rela && !ctx->tg->tg_decode_info && is->is_type != SHT_NOBITS &&
      is->is_data && (uintptr_t)base % _Alignof(ld_rel) == 0) {
    /* decode_rel's checks, for this form only: contents to relocate, entries aligned as ld_rel
     * (a malformed object may misplace them), a known type, a symbol of the file that can be
     * relocated against, a field inside the section; and ascending offsets. */
    const ld_rel *in = (const ld_rel *)base;
    const ld_howto *hw = ctx->tg->tg_howto;
    uint32_t i = 0, nh = ctx->tg->tg_nhowto, nsym = o->o_nsym;
    uint64_t lim = is->is_insize, prev = 0;
    for (; i < n; i++) {
      uint64_t ro = in[i].r_offset;
      uint32_t t = in[i].r_type, sym = in[i].r_sym;
      if (sym >= nsym || (sym && !o->o_syms[sym]) || t >= nh || !hw[t].name || ro < prev ||
          ro > lim || hw[t].size > lim - ro)
        break;
      prev = ro;
    }
    if (i == n) {
      is->is_rels = in;
      is->is_nrels = n;
      return;
    }
  }
#endif

  ld_rel *r = ld_zalloc(n ? n : 1, sizeof *r);
  int32_t *extra = NULL;
  int sorted = 1;
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    int takes;
    if (!decode_rel(is, base + (uint64_t)i * esz, i, &r[k], &ex, &takes, 1)) continue;
    if (takes) {
      if (!extra) extra = ld_zalloc(n, sizeof *extra);
      extra[k] = ex;
    }
    if (k && r[k - 1].r_offset > r[k].r_offset) sorted = 0;
    k++;
  }
  /* TLS sequences are found by adjacency: sort by offset, stably, keeping second addends with
   * their entries. */
  if (!sorted && !extra) {
    ld_qsort(r, k, sizeof *r, cmp_rel);
  } else if (!sorted) {
    rel_extra *t = ld_xmalloc((k ? k : 1) * sizeof *t);
    for (uint32_t i = 0; i < k; i++) t[i] = (rel_extra){r[i], extra[i]};
    ld_qsort(t, k, sizeof *t, cmp_rel); /* by the ld_rel at its start */
    for (uint32_t i = 0; i < k; i++) r[i] = t[i].r, extra[i] = t[i].extra;
    free(t);
  }
  is->is_rels = r;
  is->is_rextra = extra;
  is->is_nrels = k;
}

/* ---- symbol properties --------------------------------------------------------------- */

ld_gsym ld_null_gsym = {.g_sym = {.s_name = "", .s_def = SD_REGULAR, .s_alias_abs = 1}};

static int is_pic_output(void) {
  return ctx->opt.outkind == OUT_PIE || ctx->opt.outkind == OUT_SHARED;
}
static int is_exec_output(void) {
  return ctx->opt.outkind == OUT_EXEC || ctx->opt.outkind == OUT_PIE;
}

/* Can the symbol's definition be replaced at run time (so references must go through the
 * dynamic linker)? */
int ld_preemptible(const ld_sym *s) {
  if (s->s_local || s == &ld_null_sym) return 0;
  if (s->s_def == SD_SHARED) return 1;
  if (s->s_def == SD_UNDEF || s->s_def == SD_LAZY) {
    /* -z [no]dynamic-undefined-weak: an undefined weak symbol of a PIE or shared object is
     * left to the runtime linker (the default, as with GNU ld and lld), or resolved to zero
     * here. */
    if (s->s_weakref && ctx->opt.outkind != OUT_EXEC)
      return !ctx->opt.is_static && s->s_vis == STV_DEFAULT && ctx->opt.z_dyn_undef_weak != 0;
    return !ctx->opt.is_static && (s->s_vis == STV_DEFAULT) &&
           (ctx->opt.outkind == OUT_SHARED || !s->s_weakref);
  }
  if (ctx->opt.outkind != OUT_SHARED) return 0;
  if (s->s_vis != STV_DEFAULT) return 0;
  /* Named by a dynamic list or --export-dynamic-symbol: preemptible whatever -Bsymbolic says
   * (GNU ld and lld). */
  if (s->s_dynlist) return 1;
  if (ctx->opt.bsymbolic == 1) return 0;
  /* With a dynamic list, a shared object binds everything else within itself. */
  if (ld_have_dynamic_list()) return 0;
  if (ctx->opt.bsymbolic == 2 && (s->s_type == STT_FUNC || s->s_type == STT_GNU_IFUNC)) return 0;
  return 1;
}

static int is_undef_weak(const ld_sym *s) {
  return (s->s_def == SD_UNDEF || s->s_def == SD_LAZY) && s->s_weakref;
}

/* Symbol 0 is not among them: GNU ld and lld both take `S + A` against it for an address in the
 * output (a RELATIVE relocation in a position-independent one), and so does tld, so that the
 * programs agree. */
static int is_absolute(const ld_sym *s) {
  return s != &ld_null_sym && (s->s_alias_abs || is_undef_weak(s));
}

static int is_local_ifunc(const ld_sym *s) {
  return s->s_type == STT_GNU_IFUNC && s->s_def == SD_REGULAR;
}

static void need(ld_sym *s, uint32_t bits) {
  /* Most relocations repeat a need already noted: reading first keeps the symbol's cache line
   * shared between the threads of the scan. */
  if ((__atomic_load_n(&s->s_needs, __ATOMIC_RELAXED) & bits) != bits)
    __atomic_fetch_or(&s->s_needs, bits, __ATOMIC_RELAXED);
  /* Slots are handed out to locals only in the objects that have such a need. */
  if (s->s_local && s->s_file && !__atomic_load_n(&s->s_file->o_local_needs, __ATOMIC_RELAXED))
    __atomic_store_n(&s->s_file->o_local_needs, 1, __ATOMIC_RELAXED);
}

const char *ld_sym_name(const ld_sym *s) {
  if (s == &ld_null_sym) return "(none)";
  if (s->s_type == STT_SECTION && s->s_sec) return s->s_sec->is_name;
  return ld_dname(s->s_name);
}

/* A library's protected definition binds within the library: a copy of it, or a canonical PLT
 * entry standing for it, would not be what the library itself uses. GNU ld and lld refuse both;
 * so does tld. */
static int shared_protected(const ld_sym *s) {
  const ld_obj *o = s->s_file;
  if (s->s_def != SD_SHARED || !o || s->s_esym >= o->o_nsym) return 0;
  const uint8_t *p =
      o->o_symtab + (uint64_t)s->s_esym * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
  return ELF_ST_VISIBILITY(o->o_is64 ? p[5] : p[13]) == STV_PROTECTED;
}

static void check_protected(ld_isec *is, const ld_rel *r, const ld_sym *s, int copy) {
  if (copy && ctx->opt.z_nocopyreloc) { /* GNU ld would write a text relocation instead */
    ld_error("%s: '%s' of %s would need a copy relocation, which -z nocopyreloc forbids; "
             "recompile with -fPIC",
             ld_sec_loc(is, r->r_offset), ld_sym_name(s), s->s_file->o_name);
    return;
  }
  if (!shared_protected(s)) return;
  ld_error("%s: %s protected symbol '%s' of %s; recompile with -fPIC", ld_sec_loc(is, r->r_offset),
           copy ? "a copy relocation cannot copy" : "a canonical PLT entry cannot stand for",
           ld_sym_name(s), s->s_file->o_name);
}

/* ---- the TLS model ------------------------------------------------------------------- */

/* The one rule for Local Dynamic: relaxed in every executable, unless --no-relax keeps the
 * sequences and something can run them (DESIGN.md §5). */
int ld_tls_ld_to_le(void) {
  return (ctx->opt.tls_relax || ctx->tls_relax_calls) && is_exec_output();
}

/* The TLS model a sequence of `model` against `s` becomes in this output: a function of the
 * symbol's preemptibility and the output alone, so every relocation of a sequence follows one
 * decision. Only the scan (and -z guidance, which reports it) asks. */
static int tls_target_model(const ld_sym *s, int model) {
  if (model == TLSM_LE || model == TLSM_DTPOFF) return model;
  if (model == TLSM_LD) return ld_tls_ld_to_le() ? TLSM_LE : TLSM_LD;
  /* With no loader nothing would ever resolve a descriptor (only IRELATIVE is applied at
   * start-up), so descriptors are relaxed even under -z notlsrelax. */
  int relax = ctx->opt.tls_relax || (model == TLSM_DESC && ctx->opt.is_static) ||
              (model == TLSM_GD && ctx->tls_relax_calls);
  if (!relax || !is_exec_output()) return model;
  if (!ld_preemptible(s)) return TLSM_LE;
  if (model == TLSM_GD || model == TLSM_DESC) return TLSM_IE;
  return model;
}

/* Do the General Dynamic and descriptor sequences of a variable with an IE slot use it
 * (tg_tls_ie_wins: shared objects of targets that do as GNU ld does)? */
static int ie_wins(void) {
  return ctx->tg->tg_tls_ie_wins && ctx->opt.outkind == OUT_SHARED && ctx->opt.tls_relax;
}

/* For -z guidance (ld/guidance.c), after the scan: the same decisions, from outside, with
 * ie_wins_one's on top. */
int ld_tls_target_model(const ld_sym *s, int model) {
  int to = tls_target_model(s, model);
  if (to == model && (model == TLSM_GD || model == TLSM_DESC) && ie_wins() &&
      (s->s_needs & SN_TLSIE))
    to = TLSM_IE;
  return to;
}

/* The rewrite that takes a sequence of `model` to `to` (a relaxation tls_target_model chose). */
static int tls_rewrite_expr(int model, int to) {
  switch (model) {
  case TLSM_GD: return to == TLSM_LE ? RE_TLS_GD_TO_LE : RE_TLS_GD_TO_IE;
  case TLSM_LD: return RE_TLS_LD_TO_LE;
  case TLSM_IE: return RE_TLS_IE_TO_LE;
  case TLSM_DESC: return to == TLSM_LE ? RE_TLS_DESC_TO_LE : RE_TLS_DESC_TO_IE;
  }
  return RE_NONE;
}

/* ---- scan ---------------------------------------------------------------------------- */

/* A dynamic relocation that patches a read-only section is a text relocation: an error unless
 * -z notext allows it (then DF_TEXTREL marks the output). */
static void check_textrel(ld_isec *is, const ld_rel *r, const ld_howto *hw, const ld_sym *s) {
  if (is->is_flags & SHF_WRITE) return;
  if (!ctx->opt.z_text) {
    ctx->has_textrel = 1;
    return;
  }
  ld_error("%s: relocation %s against '%s' in read-only section '%s' needs a text relocation; "
           "recompile with -fPIC or link with -z notext",
           ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s), is->is_name);
}

static int is_tls_get_addr(const ld_sym *s) {
  return !s->s_local && ((s->s_namelen == 14 && !memcmp(s->s_name, "__tls_get_addr", 14)) ||
                         (s->s_namelen == 15 && !memcmp(s->s_name, "___tls_get_addr", 15)));
}

/* A relocation of a TLS sequence (hw->tls): its symbol's needs and the decision. */
/* What the scan of one section found for the whole link (TLS statistics, the GOT's base, the
 * LD slot, DF_STATIC_TLS): noted here, added to the link context once per section, so that the
 * threads of the scan do not write the context's cache lines for every relocation. */
typedef struct scan_tally {
  uint64_t tls_in[8], tls_out[8][8];
  uint8_t got_base, ld_slot, static_tls, tls_any;
} scan_tally;
static _Thread_local scan_tally *tally;

static void add_tally(const scan_tally *t) {
  if (t->got_base && !__atomic_load_n(&ctx->need_got_base, __ATOMIC_RELAXED))
    __atomic_store_n(&ctx->need_got_base, 1, __ATOMIC_RELAXED);
  if (t->ld_slot) __atomic_store_n(&ctx->need_ld_slot, 1, __ATOMIC_RELAXED);
  if (t->static_tls) __atomic_store_n(&ctx->static_tls, 1, __ATOMIC_RELAXED);
  if (!t->tls_any) return;
  for (int m = 0; m < 8; m++) {
    if (t->tls_in[m]) __atomic_fetch_add(&ctx->stat_tls_in[m], t->tls_in[m], __ATOMIC_RELAXED);
    for (int k = 0; k < 8; k++)
      if (t->tls_out[m][k])
        __atomic_fetch_add(&ctx->stat_tls_out[m][k], t->tls_out[m][k], __ATOMIC_RELAXED);
  }
}

static int decide_tls(ld_isec *is, const ld_rel *r, const ld_howto *hw, ld_sym *s,
                      int *relaxed_call) {
  int kind = hw->kind, model = hw->tls;
  int mark = kind == RK_TLS_MARK || kind == RK_TLSGD_CALL;
  /* Local Exec and Local Dynamic offsets are fixed at link time: the variable must be in this
   * output. */
  if ((model == TLSM_LE || model == TLSM_LD || model == TLSM_DTPOFF) && s->s_def == SD_SHARED &&
      !mark) {
    ld_error("%s: relocation %s against '%s' cannot be resolved: the variable is defined in "
             "shared object %s, and %s code needs it in the output",
             ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s), s->s_file->o_name,
             model == TLSM_LE ? "Local Exec" : "Local Dynamic");
    return RE_NONE;
  }
  if (model == TLSM_DTPOFF) {
    /* An offset in a Local Dynamic sequence, or an instruction of one that uses it (SPARC
     * TLS_LDO_ADD): they follow the module's LD -> LE decision. */
    if (mark) return ld_tls_ld_to_le() ? RE_TLS_LD_TO_LE : RE_NONE;
    return ld_tls_ld_to_le() ? RE_DTPOFF_TP : RE_DTPOFF;
  }
  if (mark) {
    /* A call marker names the variable, not __tls_get_addr: when the sequence stays, the call
     * needs __tls_get_addr (through a PLT entry when it is in a shared object). */
    int to = tls_target_model(s, model);
    if (to != model) return tls_rewrite_expr(model, to);
    if (kind != RK_TLSGD_CALL) return RE_NONE;
    ld_sym *t = ld_sym_lookup("__tls_get_addr", 14);
    if (!t || (t->s_def != SD_REGULAR && t->s_def != SD_SHARED)) {
      ld_error("%s: undefined symbol: __tls_get_addr (called by the TLS sequence of '%s')",
               ld_sec_loc(is, r->r_offset), ld_sym_name(s));
      return RE_NONE;
    }
    /* Every call notes the same: written once, read after (shared cache lines stay shared). */
    if (__atomic_load_n(&ctx->tls_get_addr, __ATOMIC_RELAXED) != t)
      __atomic_store_n(&ctx->tls_get_addr, t, __ATOMIC_RELAXED);
    if (!__atomic_load_n(&t->s_used_in_reg, __ATOMIC_RELAXED))
      __atomic_store_n(&t->s_used_in_reg, 1, __ATOMIC_RELAXED);
    if (ld_preemptible(t)) need(t, SN_PLT | SN_DYNSYM);
    return RE_TLS_CALL;
  }
  if (model == TLSM_LE && ctx->opt.outkind == OUT_SHARED) {
    ld_error("%s: relocation %s against '%s' cannot be used when making a shared object; "
             "recompile with -fPIC",
             ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
    return RE_NONE;
  }
  int to = tls_target_model(s, model);
  if ((model == TLSM_GD || model == TLSM_LD) && to != model) *relaxed_call = 1;
  tally->tls_in[model]++;
  tally->tls_out[model][to]++;
  tally->tls_any = 1;
  if (to == TLSM_GD || to == TLSM_DESC) is->is_tls_dyn = 1;
  switch (to) {
  case TLSM_GD: need(s, SN_TLSGD); break;
  case TLSM_LD: tally->ld_slot = 1; break;
  case TLSM_IE:
    /* A form whose code subtracts its slot needs TP - (S + A) there; the one IE slot a symbol
     * has holds S + A - TP. */
    if (kind == RK_TLSIE_GOT_NEG) {
      ld_error("%s: relocation %s against '%s' is supported only when relaxed to Local Exec",
               ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
      return RE_NONE;
    }
    need(s, SN_TLSIE);
    if (ctx->opt.outkind == OUT_SHARED) tally->static_tls = 1;
    break;
  case TLSM_DESC: need(s, SN_TLSDESC); break;
  default: break;
  }
  if (kind == RK_TLSGD_GOT || kind == RK_TLSLD_GOT || kind == RK_TLSIE_GOT ||
      kind == RK_TLSIE_GOT_NEG || kind == RK_TLSDESC_GOT)
    tally->got_base = 1;
  if (to != model) return tls_rewrite_expr(model, to);
  switch (kind) {
  case RK_TPOFF: return RE_TPOFF;
  case RK_TPOFF_NEG: return RE_TPOFF_NEG;
  case RK_TLSGD_PC: return RE_TLSGD_PC;
  case RK_TLSGD_GOT: return RE_TLSGD_GOT;
  case RK_TLSLD_PC: return RE_TLSLD_PC;
  case RK_TLSLD_GOT: return RE_TLSLD_GOT;
  case RK_TLSIE_PC: return RE_TLSIE_PC;
  case RK_TLSIE_ABS:
    /* The slot's absolute address (i386 TLS_IE) moves with the object. */
    if (!is_pic_output()) return RE_TLSIE_ABS;
    check_textrel(is, r, hw, s);
    if (!ld_relr_ok(is, r)) return RE_TLSIE_ABS_DYN;
    ld_relr_note(is, r->r_offset);
    return RE_TLSIE_ABS;
  case RK_TLSIE_GOT: return RE_TLSIE_GOT;
  case RK_TLSDESC_PC: return RE_TLSDESC_PC;
  case RK_TLSDESC_GOT: return RE_TLSDESC_GOT;
  }
  ld_error("%s: relocation %s: a TLS relocation of kind %d has no value (internal)",
           ld_sec_loc(is, r->r_offset), hw->name, kind);
  return RE_NONE;
}

/* The addend as apply takes it: a section symbol's addend into a merged section picks the piece,
 * and is no addend of the value. */
static int64_t rel_addend(const ld_sym *s, const ld_rel *r) {
  if (s->s_type == STT_SECTION && s->s_local && s->s_sec && s->s_sec->is_merge && s->s_sec->is_live)
    return 0;
  return r->r_addend;
}

void ld_got_addend_error(ld_isec *is, const ld_rel *r, const ld_howto *hw, const ld_sym *s,
                         uint64_t A) {
  ld_error("%s: relocation %s against '%s' + 0x%llx needs a GOT entry for the symbol plus an "
           "offset, which tld does not make (the code cannot be relaxed)",
           ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s), (unsigned long long)A);
}

/* What relocation `r` of allocated section `is` becomes: its symbol's needs, the dynamic
 * relocation it asks for, the value apply writes. */
static int decide(ld_isec *is, const ld_rel *r, const ld_howto *hw, ld_sym *s, int *relaxed_call) {
  const ld_target *tg = ctx->tg;
  int kind = hw->kind;
  if (kind == RK_COPY_ONLY) {
    ld_error("%s: relocation %s is only valid in dynamic relocation sections",
             ld_sec_loc(is, r->r_offset), hw->name);
    return RE_NONE;
  }
  if (kind == RK_UNSUPPORTED) {
    ld_error("%s: relocation %s is not supported; references '%s'", ld_sec_loc(is, r->r_offset),
             hw->name, ld_sym_name(s));
    return RE_NONE;
  }
  int is_tls_sym = s->s_type == STT_TLS;
  if (hw->tls && hw->tls != TLSM_NONE && kind != RK_TLS_MARK && kind != RK_TLSGD_CALL &&
      s != &ld_null_sym && !is_tls_sym && s->s_def != SD_UNDEF && s->s_def != SD_LAZY) {
    /* An undefined symbol has no type yet: its definition (or its absence) is checked when it
     * is resolved. */
    ld_error("%s: TLS relocation %s against non-TLS symbol '%s'", ld_sec_loc(is, r->r_offset),
             hw->name, ld_sym_name(s));
    return RE_NONE;
  }
  if (!hw->tls && is_tls_sym) {
    ld_error("%s: relocation %s against TLS symbol '%s' (a TLS access model is required)",
             ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
    return RE_NONE;
  }
  if (hw->tls) return decide_tls(is, r, hw, s, relaxed_call);
  /* Any reference to _GLOBAL_OFFSET_TABLE_ (`.quad _GLOBAL_OFFSET_TABLE_`, a PC32 to it) needs a
   * GOT for the symbol to have an address. */
  if (s->s_name && s->s_name[0] == '_' && !strcmp(s->s_name, "_GLOBAL_OFFSET_TABLE_"))
    tally->got_base = 1;
  int pre = ld_preemptible(s), word = hw->size == (ctx->is64 ? 8 : 4);
  switch (kind) {
  case RK_ABS:
    if (is_local_ifunc(s)) {
      if (!is_pic_output()) {
        need(s, SN_PLT | SN_CANON_PLT);
        return RE_ABS_PLT;
      }
      check_textrel(is, r, hw, s);
      return RE_DYN_IREL;
    }
    if (pre) {
      if (word && is_pic_output()) {
        check_textrel(is, r, hw, s);
        need(s, SN_DYNSYM);
        return RE_DYN_ABS;
      }
      if (is_exec_output() && s->s_def == SD_SHARED) {
        /* A shared library's IFUNC (libm's atan) is a function here too, never copied. */
        int fn = s->s_type == STT_FUNC || s->s_type == STT_GNU_IFUNC;
        check_protected(is, r, s, !fn);
        need(s, fn ? (SN_PLT | SN_CANON_PLT) : SN_COPY);
        return fn ? RE_ABS_PLT : RE_ABS_COPY;
      }
      ld_error("%s: relocation %s against preemptible symbol '%s' cannot be used here; "
               "recompile with -fPIC",
               ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
      return RE_NONE;
    }
    if (is_pic_output() && !is_absolute(s)) {
      if (!word) {
        ld_error("%s: relocation %s against '%s' cannot be used when making a %s; recompile "
                 "with -fPIC",
                 ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s),
                 ctx->opt.outkind == OUT_PIE ? "PIE object" : "shared object");
        return RE_NONE;
      }
      int relr = ld_relr_ok(is, r);
      if (relr) ld_relr_note(is, r->r_offset);
      check_textrel(is, r, hw, s);
      return relr ? RE_RELR : RE_DYN_REL;
    }
    return RE_ABS;
  case RK_PC:
  case RK_PLT_PC:
    if (is_local_ifunc(s)) {
      need(s, SN_PLT);
      return RE_PC_PLT;
    }
    if (!pre) return RE_PC;
    if (kind == RK_PLT_PC || s->s_type == STT_FUNC || s->s_type == STT_GNU_IFUNC) {
      need(s, SN_PLT | SN_DYNSYM);
      return RE_PC_PLT;
    }
    if (is_exec_output() && s->s_def == SD_SHARED) {
      check_protected(is, r, s, 1);
      need(s, SN_COPY);
      return RE_PC_COPY;
    }
    ld_error("%s: relocation %s against preemptible symbol '%s'; recompile with -fPIC",
             ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
    return RE_NONE;
  case RK_GOT_PC:
  case RK_GOT_OFF:
  case RK_GOT_ABS:
    need(s, SN_GOT);
    if (kind != RK_GOT_PC) tally->got_base = 1;
    /* A GOT-offset field in an instruction with no GOT base register addresses the slot
     * absolutely: G + A + GOT, as GNU ld and lld compute it. */
    if (kind == RK_GOT_OFF && tg->tg_got_field_absolute &&
        tg->tg_got_field_absolute(is->is_data, is->is_data + r->r_offset)) {
      if (is_pic_output())
        ld_error("%s: relocation %s against '%s' without a base register cannot be used when "
                 "making a %s; recompile with -fPIC",
                 ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s),
                 ctx->opt.outkind == OUT_PIE ? "PIE object" : "shared object");
      return RE_GOT_ABS;
    }
    /* GOT-load relaxation: a load of a local symbol's address from the GOT may become an
     * address computation (the target looks at the instruction when applying). The slot stays
     * (unused) so the layout is independent of it. A reference whose addend belongs to the
     * symbol must be relaxed, --no-relax or not: its slot could not hold S + A. */
    int addend_in_entry = tg->tg_got_addend_in_entry && rel_addend(s, r) != 0;
    if (kind != RK_GOT_ABS && (ctx->opt.relax || addend_in_entry) && tg->tg_relax_got && !pre &&
        !is_local_ifunc(s) && s != &ld_null_sym &&
        (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH) && !is_undef_weak(s))
      return kind == RK_GOT_PC ? RE_GOT_PC_RELAX : RE_GOT_OFF_RELAX;
    if (addend_in_entry) {
      ld_got_addend_error(is, r, hw, s, (uint64_t)rel_addend(s, r));
      return RE_NONE;
    }
    return kind == RK_GOT_PC ? RE_GOT_PC : kind == RK_GOT_OFF ? RE_GOT_OFF : RE_GOT_ABS;
  case RK_GOTREL:
    tally->got_base = 1;
    /* A local IFUNC's address is its PLT entry, as for RK_ABS and RK_PC. */
    if (is_local_ifunc(s)) {
      need(s, SN_PLT);
      return RE_GOTREL_PLT;
    }
    return RE_GOTREL;
  case RK_GOTPC: tally->got_base = 1; return RE_GOTPC;
  case RK_GOTBASE_ABS: tally->got_base = 1; return RE_GOTBASE;
  case RK_PLT_GOTREL:
    tally->got_base = 1;
    if (is_local_ifunc(s) || pre) {
      need(s, SN_PLT);
      return RE_GOTREL_PLT;
    }
    return RE_GOTREL;
  case RK_SIZE: return RE_SIZE;
  case RK_DTPOFF: return RE_DTPOFF; /* outside a TLS sequence (SPARC TLS_DTPOFF32 in data) */
  }
  ld_error("%s: relocation %s: kind %d has no value (internal)", ld_sec_loc(is, r->r_offset),
           hw->name, kind);
  return RE_NONE;
}

static void scan_section(ld_isec *is) {
  ld_read_rels(is);
  const ld_target *tg = ctx->tg;
  int alloc = (is->is_flags & SHF_ALLOC) != 0;
  uint8_t *rexpr = alloc ? ld_zalloc(is->is_nrels ? is->is_nrels : 1, 1) : NULL;
  uint32_t nrel = 0, ndyn = 0;
  int relaxed_call = 0; /* the previous relocation began a relaxed GD/LD sequence */
  uint32_t eh = 0;      /* .eh_frame: the record at or after the relocation (both sorted) */
  scan_tally t = {0};
  tally = &t;
  for (uint32_t i = 0; i < is->is_nrels; i++) {
    const ld_rel *r = &is->is_rels[i];
    const ld_howto *hw = &tg->tg_howto[r->r_type];
    ld_sym *s = ld_rel_sym(is, r);
    int after_relaxed = relaxed_call;
    relaxed_call = 0;
    if (hw->kind == RK_NONE) continue;
    if (s->s_local && s->s_bind != STB_LOCAL && s->s_def == SD_UNDEF) {
      ld_error("%s: undefined symbol: (a global symbol without a name, index %u)",
               ld_sec_loc(is, r->r_offset), r->r_sym);
      continue;
    }
    if (is_tls_get_addr(s)) {
      if (after_relaxed) continue; /* the call is rewritten away with its sequence */
      if (s->s_def == SD_UNDEF && !s->s_weakref &&
          !(ctx->opt.outkind == OUT_SHARED && ctx->opt.allow_undefined)) {
        ld_error("%s: undefined symbol: %s", ld_sec_loc(is, r->r_offset), ld_dname(s->s_name));
        continue;
      }
    }
    if (s->s_sec && (s->s_sec->is_flags & SHF_MERGE) && s->s_sec != &ld_discarded_isec) {
      /* A mergeable section is a set of pieces located by offset: a reference must land inside
       * it (a section symbol's offset is its addend), as lld requires. */
      uint64_t off = s->s_value + (s->s_type == STT_SECTION ? (uint64_t)r->r_addend : 0);
      if (s->s_type == STT_SECTION ? off >= s->s_sec->is_insize : off > s->s_sec->is_insize) {
        ld_error("%s: relocation %s refers to offset 0x%llx of mergeable section %s (size 0x%llx), "
                 "which is outside it",
                 ld_sec_loc(is, r->r_offset), hw->name, (unsigned long long)off, s->s_sec->is_name,
                 (unsigned long long)s->s_sec->is_insize);
        continue;
      }
    }
    /* Debugging and other non-allocated sections: resolved statically, nothing needed. */
    if (!alloc) continue;
    if (s->s_sec && s->s_sec != &ld_discarded_isec && !(s->s_sec->is_flags & SHF_ALLOC) &&
        s->s_def == SD_REGULAR && hw->kind != RK_SIZE) {
      /* A loaded section cannot point into one that is not loaded: it has no address. */
      ld_error("%s: relocation %s refers to '%s' in section %s, which is not loaded (no "
               "SHF_ALLOC)",
               ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s), s->s_sec->is_name);
      continue;
    }
    if (is->is_eh) { /* a record that is not kept is not written */
      while (eh < is->is_neh &&
             r->r_offset >= (uint64_t)is->is_eh[eh].er_off + is->is_eh[eh].er_size)
        eh++;
      if (eh < is->is_neh && r->r_offset >= is->is_eh[eh].er_off && !is->is_eh[eh].er_live)
        continue;
    }
    int e = decide(is, r, hw, s, &relaxed_call);
    rexpr[i] = (uint8_t)e;
    int d = ld_rexpr_dynrel(e);
    nrel += d == 1, ndyn += d == 2;
  }
  is->is_rexpr = rexpr;
  is->is_nrelative = nrel;
  is->is_ndynrel = ndyn;
  tally = NULL;
  add_tally(&t);
}

/* tg_tls_ie_wins, once every Initial Exec reference is known: the General Dynamic and
 * descriptor sequences (their markers too) of a variable that has an IE slot become IE, and the
 * variable needs no GD pair or descriptor of its own. Only sections whose scan kept such a
 * sequence are walked again. */
static void ie_wins_one(uint32_t i, void *arg) {
  ld_isec *is = ((ld_vec *)arg)->v[i];
  if (!is->is_tls_dyn || !is->is_rexpr) return;
  const ld_target *tg = ctx->tg;
  for (uint32_t k = 0; k < is->is_nrels; k++) {
    const ld_rel *r = &is->is_rels[k];
    const ld_howto *hw = &tg->tg_howto[r->r_type];
    uint8_t *e = &is->is_rexpr[k];
    int gd = *e == RE_TLSGD_PC || *e == RE_TLSGD_GOT,
        desc = *e == RE_TLSDESC_PC || *e == RE_TLSDESC_GOT ||
               (*e == RE_NONE && hw->tls == TLSM_DESC && hw->kind == RK_TLS_MARK);
    if (!gd && !desc) continue;
    ld_sym *s = ld_rel_sym(is, r);
    if (!(__atomic_load_n(&s->s_needs, __ATOMIC_RELAXED) & SN_TLSIE)) continue;
    *e = (uint8_t)(gd ? RE_TLS_GD_TO_IE : RE_TLS_DESC_TO_IE);
    __atomic_fetch_and(&s->s_needs, ~(uint32_t)(SN_TLSGD | SN_TLSDESC), __ATOMIC_RELAXED);
    if (hw->kind != RK_TLS_MARK) {
      int m = gd ? TLSM_GD : TLSM_DESC;
      __atomic_fetch_sub(&ctx->stat_tls_out[m][m], 1, __ATOMIC_RELAXED);
      __atomic_fetch_add(&ctx->stat_tls_out[m][TLSM_IE], 1, __ATOMIC_RELAXED);
    }
  }
}

static void scan_one(uint32_t i, void *arg) {
  ld_vec *v = arg;
  scan_section(v->v[i]);
}

/* The live sections with relocations, in link order: each object's are counted, then listed at
 * their place, in parallel. */
typedef struct rel_secs_job {
  uint32_t *at; /* at[i]: how many object i has (counting pass), then where they go */
  void **to;    /* NULL on the counting pass */
} rel_secs_job;

static void rel_secs_one(uint32_t i, void *arg) {
  rel_secs_job *job = arg;
  ld_obj *o = ctx->objs.v[i];
  uint32_t n = 0;
  for (uint32_t k = 0; k < o->o_nsec; k++) {
    ld_isec *is = o->o_secs[k];
    if (!is || !is->is_live || !is->is_relsec) continue;
    if (job->to) job->to[job->at[i] + n] = is;
    n++;
  }
  if (!job->to) job->at[i] = n;
}

static void rel_secs_of_objs(ld_vec *out) {
  rel_secs_job job = {ld_xcalloc(ctx->objs.n + 1, sizeof *job.at), NULL};
  ld_par_for(ctx->objs.n, rel_secs_one, &job);
  uint32_t total = 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    uint32_t n = job.at[i];
    job.at[i] = total;
    total += n;
  }
  free(out->v);
  out->v = job.to = ld_xmalloc((total + 1) * sizeof *out->v);
  out->n = total;
  out->cap = total + 1;
  ld_par_for(ctx->objs.n, rel_secs_one, &job);
  free(job.at);
}

void ld_scan_relocs(void) {
  /* --no-relax keeps TLS sequences as written, except in a static link with no __tls_get_addr
   * for them to call (glibc's libc.a has none on SPARC): there the rewrites are what makes the
   * program work, and GNU ld (which does them whatever --no-relax says) links it. */
  if (ctx->opt.tls_relax == 2) {
    ld_sym *g = ld_sym_lookup("__tls_get_addr", 14), *g3 = ld_sym_lookup("___tls_get_addr", 15);
    int have = (g && g->s_def != SD_UNDEF && g->s_def != SD_LAZY) ||
               (g3 && g3->s_def != SD_UNDEF && g3->s_def != SD_LAZY);
    ctx->opt.tls_relax = 0;
    ctx->tls_relax_calls = ctx->opt.is_static && !have;
  }
  ld_vec *scan_list = &ctx->rel_secs;
  rel_secs_of_objs(scan_list);
  ld_par_for(scan_list->n, scan_one, scan_list);
  if (ie_wins()) ld_par_for(scan_list->n, ie_wins_one, scan_list);
  ld_stat_tls();
}
