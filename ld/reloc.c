/* Pass 9 (scan) and the relocation half of pass 13 (apply).
 *
 * The scan classifies every relocation by its generic kind (arch/<t>/reloc.c's table) and sets
 * the symbol's needs: GOT slot, PLT entry, TLS slots, dynamic relocations. The TLS model of each
 * symbol is decided here once (DESIGN.md §5), and apply follows that decision for every
 * relocation of a sequence. Values are computed in one place (rel_value) from S, A, P, G, GOT,
 * L, TP and DTP as the psABIs name them. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"

/* ---- reading ------------------------------------------------------------------------- */

static int cmp_rel(const void *a, const void *b) {
  const ld_rel *x = a, *y = b;
  return x->r_offset < y->r_offset ? -1 : x->r_offset > y->r_offset;
}

typedef struct rel_extra {
  ld_rel r;
  int32_t extra;
} rel_extra;

/* Decode entry `i` (at p) of is's relocation section into x. With `report` an entry the link
 * cannot use is an error; without, it is only refused (the in-place check). */
static int decode_rel(ld_isec *is, const uint8_t *p, uint32_t i, ld_rel *x, int32_t *extra,
                      int report) {
  ld_obj *o = is->is_file;
  const ld_target *tg = ctx->tg;
  int be = o->o_be, rela = tg->tg_rela;
  *extra = 0;
  if (o->o_is64) {
    uint64_t info = elf_rd64(p + 8, be);
    x->r_offset = elf_rd64(p, be);
    x->r_sym = (uint32_t)(info >> 32);
    /* A target may keep more than the type in the type field: SPARC V9's R_SPARC_OLO10
     * carries a signed 24-bit second addend in its upper bits. */
    uint32_t tbits = tg->tg_rinfo_type_bits;
    x->r_type = tbits ? (uint32_t)info & ((1u << tbits) - 1) : (uint32_t)info;
    x->r_addend = rela ? (int64_t)elf_rd64(p + 16, be) : 0;
    *extra = tbits ? (int32_t)((uint32_t)info & ~((1u << tbits) - 1)) >> tbits : 0;
    if (*extra && x->r_type != tg->tg_r_olo10) {
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
  if (o->o_is64 && !be && rela && !ctx->tg->tg_rinfo_type_bits && is->is_type != SHT_NOBITS &&
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
    if (!decode_rel(is, base + (uint64_t)i * esz, i, &r[k], &ex, 1)) continue;
    if (ex) {
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

/* Symbol index 0: absolute zero. Not local, so it has the global part too. */
static ld_gsym null_gsym = {.g_sym = {.s_name = "", .s_def = SD_REGULAR, .s_alias_abs = 1}};
#define null_sym (null_gsym.g_sym)

static ld_sym *rel_sym(ld_isec *is, const ld_rel *r) {
  if (r->r_sym == 0) return &null_sym;
  return is->is_file->o_syms[r->r_sym];
}

static int is_pic_output(void) {
  return ctx->opt.outkind == OUT_PIE || ctx->opt.outkind == OUT_SHARED;
}
static int is_exec_output(void) {
  return ctx->opt.outkind == OUT_EXEC || ctx->opt.outkind == OUT_PIE;
}

/* Can the symbol's definition be replaced at run time (so references must go through the
 * dynamic linker)? */
int ld_preemptible(const ld_sym *s) {
  if (s->s_local || s == &null_sym) return 0;
  if (s->s_def == SD_SHARED) return 1;
  if (s->s_def == SD_UNDEF || s->s_def == SD_LAZY) {
    /* -z [no]dynamic-undefined-weak: an undefined weak symbol of a PIE or shared object is
     * left to the runtime linker, or resolved to zero here. */
    if (s->s_weakref && ctx->opt.z_dyn_undef_weak >= 0 && ctx->opt.outkind != OUT_EXEC)
      return !ctx->opt.is_static && s->s_vis == STV_DEFAULT && ctx->opt.z_dyn_undef_weak;
    return !ctx->opt.is_static && (s->s_vis == STV_DEFAULT) &&
           (ctx->opt.outkind == OUT_SHARED || !s->s_weakref);
  }
  if (ctx->opt.outkind != OUT_SHARED) return 0;
  if (s->s_vis != STV_DEFAULT) return 0;
  if (ctx->opt.bsymbolic == 1) return 0;
  /* With a dynamic list, a shared object binds everything else within itself. */
  if (ctx->opt.dynamic_lists.n && !s->s_dynlist) return 0;
  if (ctx->opt.bsymbolic == 2 && s->s_type == STT_FUNC) return 0;
  return 1;
}

static int is_undef_weak(const ld_sym *s) {
  return (s->s_def == SD_UNDEF || s->s_def == SD_LAZY) && s->s_weakref;
}

/* Symbol 0 is not among them: GNU ld and lld both take `S + A` against it for an address in the
 * output (a RELATIVE relocation in a position-independent one), and so does tld, so that the
 * programs agree. */
static int is_absolute(const ld_sym *s) {
  return s != &null_sym && (s->s_alias_abs || is_undef_weak(s));
}

static int is_local_ifunc(const ld_sym *s) {
  return s->s_type == STT_GNU_IFUNC && s->s_def == SD_REGULAR;
}

static void need(ld_sym *s, uint32_t bits) {
  __atomic_fetch_or(&s->s_needs, bits, __ATOMIC_RELAXED);
}

const char *ld_sym_name(const ld_sym *s) {
  if (s == &null_sym) return "(none)";
  if (s->s_type == STT_SECTION && s->s_sec) return s->s_sec->is_name;
  return s->s_name;
}

/* The TLS model a sequence of `model` against `s` becomes in this output. */
static int tls_target_model(const ld_sym *s, int model) {
  if (model == TLSM_LE || model == TLSM_DTPOFF) return model;
  /* With no loader nothing would ever resolve a descriptor (only IRELATIVE is applied at
   * start-up), so descriptors are relaxed even under -z notlsrelax. */
  int relax = ctx->opt.tls_relax || (model == TLSM_DESC && ctx->opt.is_static);
  if (!relax || !is_exec_output()) return model;
  if (!ld_preemptible(s)) return TLSM_LE;
  if (model == TLSM_GD || model == TLSM_DESC) return TLSM_IE;
  return model;
}

/* For -z guidance (ld/guidance.c): the same decision, from outside. */
int ld_tls_target_model(const ld_sym *s, int model) { return tls_target_model(s, model); }

static const char *model_name[] = {"none", "GD", "LD", "IE", "LE", "DESC", "DTPOFF"};

/* ---- scan ---------------------------------------------------------------------------- */

static atomic_int need_got_base;
static atomic_int need_ld_slot;

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

static void scan_section(ld_isec *is) {
  ld_read_rels(is);
  const ld_target *tg = ctx->tg;
  int alloc = (is->is_flags & SHF_ALLOC) != 0;
  int writable = (is->is_flags & SHF_WRITE) != 0;
  int prev_relaxed_call = 0; /* the previous relocation began a relaxed GD/LD sequence */
  for (uint32_t i = 0; i < is->is_nrels; i++) {
    const ld_rel *r = &is->is_rels[i];
    const ld_howto *hw = &tg->tg_howto[r->r_type];
    ld_sym *s = rel_sym(is, r);
    int kind = hw->kind;
    int after_relaxed = prev_relaxed_call;
    prev_relaxed_call = 0;
    if (kind == RK_NONE) continue;
    if (s->s_local && s->s_bind != STB_LOCAL && s->s_def == SD_UNDEF) {
      ld_error("%s: undefined symbol: (a global symbol without a name, index %u)",
               ld_sec_loc(is, r->r_offset), r->r_sym);
      continue;
    }
    if (is_tls_get_addr(s)) {
      if (after_relaxed) continue; /* the call is rewritten away with its sequence */
      if (s->s_def == SD_UNDEF && !s->s_weakref &&
          !(ctx->opt.outkind == OUT_SHARED && ctx->opt.allow_undefined)) {
        ld_error("%s: undefined symbol: %s", ld_sec_loc(is, r->r_offset), s->s_name);
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
    if (!alloc) {
      /* Debugging and other non-allocated sections: resolved statically, nothing needed. */
      continue;
    }
    if (s->s_sec && s->s_sec != &ld_discarded_isec && !(s->s_sec->is_flags & SHF_ALLOC) &&
        s->s_def == SD_REGULAR && kind != RK_SIZE) {
      /* A loaded section cannot point into one that is not loaded: it has no address. */
      ld_error("%s: relocation %s refers to '%s' in section %s, which is not loaded (no "
               "SHF_ALLOC)",
               ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s), s->s_sec->is_name);
      continue;
    }
    if (kind == RK_COPY_ONLY) {
      ld_error("%s: relocation %s is only valid in dynamic relocation sections",
               ld_sec_loc(is, r->r_offset), hw->name);
      continue;
    }
    if (kind == RK_UNSUPPORTED) {
      ld_error("%s: relocation %s is not supported; references '%s'", ld_sec_loc(is, r->r_offset),
               hw->name, ld_sym_name(s));
      continue;
    }
    int is_tls_sym = s->s_type == STT_TLS;
    if (hw->tls && hw->tls != TLSM_NONE && kind != RK_TLS_MARK && kind != RK_TLSGD_CALL &&
        s != &null_sym && !is_tls_sym && s->s_def != SD_UNDEF && s->s_def != SD_LAZY) {
      /* An undefined symbol has no type yet: its definition (or its absence) is checked when
       * it is resolved. */
      ld_error("%s: TLS relocation %s against non-TLS symbol '%s'", ld_sec_loc(is, r->r_offset),
               hw->name, ld_sym_name(s));
      continue;
    }
    if (!hw->tls && is_tls_sym && kind != RK_NONE) {
      ld_error("%s: relocation %s against TLS symbol '%s' (a TLS access model is required)",
               ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
      continue;
    }
    int pre = ld_preemptible(s);
    if (hw->tls) {
      int model = hw->tls;
      /* Local Exec and Local Dynamic offsets are fixed at link time: the variable must be in
       * this output. */
      if ((model == TLSM_LE || model == TLSM_LD || model == TLSM_DTPOFF) && s->s_def == SD_SHARED &&
          kind != RK_TLS_MARK && kind != RK_TLSGD_CALL) {
        ld_error("%s: relocation %s against '%s' cannot be resolved: the variable is defined in "
                 "shared object %s, and %s code needs it in the output",
                 ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s), s->s_file->o_name,
                 model == TLSM_LE ? "Local Exec" : "Local Dynamic");
        continue;
      }
      if (model == TLSM_DTPOFF || kind == RK_TLS_MARK || kind == RK_TLSGD_CALL) {
        /* A call marker names the variable, not __tls_get_addr: when the sequence stays, the
         * call needs __tls_get_addr (through a PLT entry when it is in a shared object). */
        if (kind == RK_TLSGD_CALL && tls_target_model(s, model) == model) {
          ld_sym *t = ld_sym_lookup("__tls_get_addr", 14);
          if (!t || (t->s_def != SD_REGULAR && t->s_def != SD_SHARED)) {
            ld_error("%s: undefined symbol: __tls_get_addr (called by the TLS sequence of '%s')",
                     ld_sec_loc(is, r->r_offset), ld_sym_name(s));
            continue;
          }
          ctx->tls_get_addr = t;
          t->s_used_in_reg = 1;
          if (ld_preemptible(t)) need(t, SN_PLT | SN_DYNSYM);
        }
        continue;
      }
      if (model == TLSM_LE && ctx->opt.outkind == OUT_SHARED) {
        ld_error("%s: relocation %s against '%s' cannot be used when making a shared object; "
                 "recompile with -fPIC",
                 ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
        continue;
      }
      int to = tls_target_model(s, model);
      if ((model == TLSM_GD || model == TLSM_LD) && to != model) prev_relaxed_call = 1;
      __atomic_fetch_add(&ctx->stat_tls_in[model], 1, __ATOMIC_RELAXED);
      __atomic_fetch_add(&ctx->stat_tls_out[model][to], 1, __ATOMIC_RELAXED);
      switch (to) {
      case TLSM_GD: need(s, SN_TLSGD); break;
      case TLSM_LD: atomic_store(&need_ld_slot, 1); break;
      case TLSM_IE:
        /* A form whose code subtracts its slot needs TP - (S + A) there; the one IE slot a
         * symbol has holds S + A - TP. */
        if (tg->tg_r_ie_neg && r->r_type == tg->tg_r_ie_neg) {
          ld_error("%s: relocation %s against '%s' is supported only when relaxed to Local Exec",
                   ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
          continue;
        }
        need(s, SN_TLSIE);
        if (ctx->opt.outkind == OUT_SHARED) ctx->static_tls = 1;
        /* The slot's absolute address (i386 TLS_IE) moves with the object. */
        if (kind == RK_TLSIE_ABS && is_pic_output()) {
          if (ld_relr_ok(is, r)) ld_relr_note(is, r->r_offset);
          else is->is_nrelative++;
          check_textrel(is, r, hw, s);
        }
        break;
      case TLSM_DESC: need(s, SN_TLSDESC); break;
      default: break;
      }
      if (kind == RK_TLSGD_GOT || kind == RK_TLSLD_GOT || kind == RK_TLSIE_GOT ||
          kind == RK_TLSDESC_GOT)
        atomic_store(&need_got_base, 1);
      continue;
    }
    /* Any reference to _GLOBAL_OFFSET_TABLE_ (`.quad _GLOBAL_OFFSET_TABLE_`, a PC32 to it)
     * needs a GOT for the symbol to have an address. */
    if (s->s_name && s->s_name[0] == '_' && !strcmp(s->s_name, "_GLOBAL_OFFSET_TABLE_"))
      atomic_store(&need_got_base, 1);
    switch (kind) {
    case RK_ABS:
      if (is_local_ifunc(s)) {
        if (is_pic_output()) is->is_ndynrel++, check_textrel(is, r, hw, s); /* IRELATIVE */
        else need(s, SN_PLT | SN_CANON_PLT);
        break;
      }
      if (pre) {
        if (hw->size == (ctx->is64 ? 8 : 4) && is_pic_output()) {
          is->is_ndynrel++;
          check_textrel(is, r, hw, s);
          need(s, SN_DYNSYM);
        } else if (is_exec_output() && s->s_def == SD_SHARED) {
          /* A shared library's IFUNC (libm's atan) is a function here too, never copied. */
          int fn = s->s_type == STT_FUNC || s->s_type == STT_GNU_IFUNC;
          need(s, fn ? (SN_PLT | SN_CANON_PLT) : SN_COPY);
        } else {
          ld_error("%s: relocation %s against preemptible symbol '%s' cannot be used here; "
                   "recompile with -fPIC",
                   ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
        }
        break;
      }
      if (is_pic_output() && !is_absolute(s)) {
        if (hw->size != (ctx->is64 ? 8 : 4)) {
          ld_error("%s: relocation %s against '%s' cannot be used when making a %s; recompile "
                   "with -fPIC",
                   ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s),
                   ctx->opt.outkind == OUT_PIE ? "PIE object" : "shared object");
          break;
        }
        if (ld_relr_ok(is, r)) ld_relr_note(is, r->r_offset);
        else is->is_nrelative++;
        check_textrel(is, r, hw, s);
      }
      break;
    case RK_PC:
    case RK_PLT_PC:
      if (is_local_ifunc(s)) need(s, SN_PLT);
      else if (pre) {
        if (kind == RK_PLT_PC || s->s_type == STT_FUNC || s->s_type == STT_GNU_IFUNC)
          need(s, SN_PLT | SN_DYNSYM);
        else if (is_exec_output() && s->s_def == SD_SHARED) need(s, SN_COPY);
        else
          ld_error("%s: relocation %s against preemptible symbol '%s'; recompile with -fPIC",
                   ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s));
      }
      break;
    case RK_GOT_PC:
    case RK_GOT_OFF:
    case RK_GOT_ABS:
      need(s, SN_GOT);
      if (kind != RK_GOT_PC) atomic_store(&need_got_base, 1);
      break;
    case RK_GOTREL:
    case RK_GOTPC:
    case RK_GOTBASE_ABS:
      atomic_store(&need_got_base, 1);
      if (kind == RK_GOTREL && is_local_ifunc(s)) need(s, SN_PLT);
      break;
    case RK_PLT_GOTREL:
      atomic_store(&need_got_base, 1);
      if (is_local_ifunc(s) || pre) need(s, SN_PLT);
      break;
    default: break;
    }
    (void)writable;
  }
}

static void scan_one(uint32_t i, void *arg) {
  ld_vec *v = arg;
  scan_section(v->v[i]);
}

static ld_vec scan_list;

int ld_need_got_base(void) { return atomic_load(&need_got_base); }
int ld_need_ld_slot(void) { return atomic_load(&need_ld_slot); }

void ld_scan_relocs(void) {
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (is && is->is_live && is->is_relsec) ld_vec_push(&scan_list, is);
    }
  }
  ld_par_for(scan_list.n, scan_one, &scan_list);
  if (ctx->opt.stats) {
    for (int m = 1; m <= TLSM_DESC; m++) {
      if (!ctx->stat_tls_in[m]) continue;
      char buf[256];
      int n = snprintf(buf, sizeof buf, "%s %llu ->", model_name[m],
                       (unsigned long long)ctx->stat_tls_in[m]);
      const char *sep = " ";
      for (int t = 1; t <= TLSM_DESC; t++)
        if (ctx->stat_tls_out[m][t]) {
          n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%s %llu", sep, model_name[t],
                        (unsigned long long)ctx->stat_tls_out[m][t]);
          sep = ", ";
        }
      fprintf(stderr, "tld: stats: TLS relocations: %s\n", buf);
    }
  }
}

/* ---- apply --------------------------------------------------------------------------- */

uint64_t ld_got_base(void);
uint64_t ld_got_slot_addr(int32_t idx);
uint64_t ld_plt_addr(const ld_sym *s);
void ld_emit_dynrel(uint32_t slot, uint64_t offset, uint32_t type, uint32_t symidx, int64_t addend);
uint64_t ld_ehframe_map(const ld_isec *is, uint64_t off, int *dropped);

/* Address of a symbol for relocation purposes: S. */
static uint64_t sym_value(const ld_sym *s) {
  if (s == &null_sym) return 0;
  if (s->s_local) {
    if (s->s_type == STT_SECTION || s->s_sec) {
      ld_isec *sec = s->s_sec;
      if (!sec || !sec->is_live || !sec->is_out) return 0;
      if (sec->is_eh) {
        int dropped;
        return sec->is_out->os_addr + sec->is_off + ld_ehframe_map(sec, s->s_value, &dropped);
      }
      if (sec->is_merge) return ld_merge_addr(sec, s->s_value);
      return ld_isec_addr(sec) + s->s_value;
    }
    return s->s_value;
  }
  return ld_sym_addr((ld_sym *)s);
}

static void overflow(ld_isec *is, const ld_rel *r, const ld_howto *hw, const ld_sym *s, int64_t v) {
  int64_t lo, hi;
  if (hw->check == CK_UNSIGNED)
    lo = 0, hi = hw->bits >= 64 ? INT64_MAX : (int64_t)((1ULL << hw->bits) - 1);
  else if (hw->check == CK_SIGNED)
    lo = -(int64_t)(1ULL << (hw->bits - 1)), hi = (int64_t)((1ULL << (hw->bits - 1)) - 1);
  else lo = -(int64_t)(1ULL << (hw->bits - 1)), hi = (int64_t)((1ULL << hw->bits) - 1);
  /* The field holds v >> shift (a word displacement, a %hi): give the range in v's units. */
  if (hw->shift && hw->bits + hw->shift < 63)
    lo = (int64_t)((uint64_t)lo << hw->shift), hi = (int64_t)(((uint64_t)hi + 1) << hw->shift) - 1;
  ld_error("%s: relocation %s out of range: %lld is not in [%lld, %lld]; references '%s'",
           ld_sec_loc(is, r->r_offset), hw->name, (long long)v, (long long)lo, (long long)hi,
           ld_sym_name(s));
}

static int fits(const ld_howto *hw, uint64_t v) {
  if (hw->check == CK_NONE || hw->bits >= 64) return 1;
  int64_t sv = (int64_t)v >> hw->shift;
  uint64_t uv = v >> hw->shift;
  switch (hw->check) {
  case CK_SIGNED:
    return sv >= -(int64_t)(1ULL << (hw->bits - 1)) && sv < (int64_t)(1ULL << (hw->bits - 1));
  case CK_UNSIGNED: return uv < (1ULL << hw->bits);
  case CK_EITHER:
    return sv >= -(int64_t)(1ULL << (hw->bits - 1)) && (sv < 0 || uv < (1ULL << hw->bits));
  }
  return 1;
}

static void put(ld_isec *is, uint8_t *loc, const ld_rel *r, const ld_howto *hw, const ld_sym *s,
                uint64_t v) {
  if (!fits(hw, v)) {
    overflow(is, r, hw, s, (int64_t)v);
    return;
  }
  if (hw->align && (v % hw->align)) {
    ld_error("%s: relocation %s: value 0x%llx is not a multiple of %u; references '%s'",
             ld_sec_loc(is, r->r_offset), hw->name, (unsigned long long)v, hw->align,
             ld_sym_name(s));
    return;
  }
  ctx->tg->tg_apply(loc, r->r_type, v);
}

static uint64_t tp_value(void) { return ctx->tp_addr; }

static int tls_rewrite(ld_isec *is, uint8_t *out, uint32_t i, int how, int64_t value, uint64_t P) {
  if (!ctx->tg->tg_tls_rewrite) {
    ld_error("%s: TLS relaxation is not implemented for %s; link with -z notlsrelax",
             ld_sec_loc(is, is->is_rels[i].r_offset), ctx->tg->tg_name);
    return 1;
  }
  ld_tls_ctx tc = {.buf = out,
                   .size = is->is_size,
                   .rels = is->is_rels,
                   .nrels = is->is_nrels,
                   .i = i,
                   .P = P,
                   .value = value,
                   .got_base = ld_got_base()};
  int n = ctx->tg->tg_tls_rewrite(&tc, how);
  if (n < 1) {
    ld_error("%s: %s; references '%s'", ld_sec_loc(is, is->is_rels[i].r_offset),
             tc.err ? tc.err : "unexpected instruction sequence for TLS relaxation",
             ld_sym_name(rel_sym(is, &is->is_rels[i])));
    return 1;
  }
  return n;
}

/* Dynamic relocation slots handed out while applying one section, in order. */
typedef struct dyncur {
  uint32_t rel, dyn;
} dyncur;

/* Non-allocated sections (debug information): every value is resolved here, nothing is
 * dynamic, and a reference to a discarded section becomes 0 (a tombstone) so that readers can
 * tell it apart. Many references in a row name one symbol: its value is kept from one to the
 * next (not for a merged section's symbol, whose addend picks the place). */
static void apply_nonalloc(ld_isec *is, uint8_t *out) {
  const ld_target *tg = ctx->tg;
  const ld_sym *last = NULL;
  uint64_t last_S = 0;
  for (uint32_t i = 0; i < is->is_nrels; i++) {
    const ld_rel *r = &is->is_rels[i];
    const ld_howto *hw = &tg->tg_howto[r->r_type];
    int kind = hw->kind;
    if (kind == RK_NONE) continue;
    ld_sym *s = rel_sym(is, r);
    uint64_t S, A = (uint64_t)r->r_addend;
    if (s == last) {
      S = last_S;
    } else if (s->s_type == STT_SECTION && s->s_local && s->s_sec && s->s_sec->is_merge &&
               s->s_sec->is_live) {
      S = ld_merge_addr(s->s_sec, s->s_value + A);
      A = 0;
    } else {
      S = last_S = sym_value(s);
      last = s;
    }
    uint64_t v;
    if (kind == RK_DTPOFF) v = S + A - ctx->tls_addr;
    else if (kind == RK_PC) v = S + A - r->r_offset;
    else if (kind == RK_SIZE) v = s->s_size + A;
    else v = S + A;
    if (s->s_local && s->s_sec && !s->s_sec->is_live) v = 0;
    if (hw->size) tg->tg_apply(out + r->r_offset, r->r_type, v);
  }
}

void ld_apply_relocs(ld_isec *is, uint8_t *out) {
  if (!(is->is_flags & SHF_ALLOC)) {
    apply_nonalloc(is, out);
    return;
  }
  const ld_target *tg = ctx->tg;
  uint64_t base = ld_isec_addr(is);
  int exec = is_exec_output();
  dyncur cur = {is->is_relative_base, is->is_dynrel_base};
  for (uint32_t i = 0; i < is->is_nrels; i++) {
    const ld_rel *r = &is->is_rels[i];
    const ld_howto *hw = &tg->tg_howto[r->r_type];
    int kind = hw->kind;
    if (kind == RK_NONE) continue;
    ld_sym *s = rel_sym(is, r);
    uint8_t *loc = out + r->r_offset;
    uint64_t P = base + r->r_offset;
    if (is->is_eh) { /* records move when dead FDEs are dropped */
      int dropped;
      P = base + ld_ehframe_map(is, r->r_offset, &dropped);
      if (dropped) continue;
    }
    uint64_t S;
    int64_t A = r->r_addend;
    if (s->s_type == STT_SECTION && s->s_local && s->s_sec && s->s_sec->is_merge &&
        s->s_sec->is_live) {
      /* A section symbol's addend picks the piece (and the place in it): it is mapped whole. */
      S = ld_merge_addr(s->s_sec, s->s_value + (uint64_t)A);
      A = 0;
    } else {
      S = sym_value(s);
    }
    if (hw->tls) {
      int model = hw->tls;
      if (kind == RK_TLS_MARK || kind == RK_TLSGD_CALL) {
        /* The instruction a marker names is rewritten with its sequence; when not relaxed, a
         * call marker becomes a call to __tls_get_addr. */
        int to = tls_target_model(s, model);
        /* A marker inside an LD sequence's offset computation (SPARC TLS_LDO_ADD) follows the
         * module's LD->LE decision. */
        if (model == TLSM_DTPOFF) {
          model = TLSM_LD;
          to = (ctx->opt.tls_relax && exec) ? TLSM_LE : TLSM_LD;
        }
        if (to != model && to != TLSM_NONE) {
          int how = model == TLSM_GD     ? (to == TLSM_LE ? TLSR_GD_TO_LE : TLSR_GD_TO_IE)
                    : model == TLSM_LD   ? TLSR_LD_TO_LE
                    : model == TLSM_IE   ? TLSR_IE_TO_LE
                    : model == TLSM_DESC ? (to == TLSM_LE ? TLSR_DESC_TO_LE : TLSR_DESC_TO_IE)
                                         : 0;
          int64_t val = to == TLSM_LE ? (int64_t)(S - tp_value())
                                      : (int64_t)ld_got_slot_addr(ld_slots(s)->ie);
          if (how) i += (uint32_t)tls_rewrite(is, out, i, how, val, P) - 1;
        } else if (kind == RK_TLSGD_CALL && ctx->tls_get_addr) {
          ld_sym *t = ctx->tls_get_addr;
          uint64_t L = ld_slots(t)->plt >= 0 ? ld_plt_addr(t) : ld_sym_addr(t);
          put(is, loc, r, hw, t, L + (uint64_t)A - P);
        }
        continue;
      }
      if (model == TLSM_DTPOFF) {
        /* After LD->LE the offsets of an LD sequence are relative to the thread pointer. */
        uint64_t v = (ctx->opt.tls_relax && exec) ? S + (uint64_t)A - tp_value()
                                                  : S + (uint64_t)A - ctx->tls_addr;
        put(is, loc, r, hw, s, v);
        continue;
      }
      int to = tls_target_model(s, model);
      if (to != model) {
        int how = model == TLSM_GD   ? (to == TLSM_LE ? TLSR_GD_TO_LE : TLSR_GD_TO_IE)
                  : model == TLSM_LD ? TLSR_LD_TO_LE
                  : model == TLSM_IE ? TLSR_IE_TO_LE
                                     : (to == TLSM_LE ? TLSR_DESC_TO_LE : TLSR_DESC_TO_IE);
        int64_t val =
            to == TLSM_LE ? (int64_t)(S - tp_value()) : (int64_t)ld_got_slot_addr(ld_slots(s)->ie);
        i += (uint32_t)tls_rewrite(is, out, i, how, val, P) - 1;
        continue;
      }
      uint64_t v = 0, gb = ld_got_base();
      switch (kind) {
      case RK_TPOFF: v = S + (uint64_t)A - tp_value(); break;
      case RK_TPOFF_NEG: v = tp_value() - (S + (uint64_t)A); break;
      case RK_TLSGD_PC: v = ld_got_slot_addr(ld_slots(s)->gd) + (uint64_t)A - P; break;
      case RK_TLSGD_GOT: v = ld_got_slot_addr(ld_slots(s)->gd) + (uint64_t)A - gb; break;
      case RK_TLSLD_PC: v = ld_got_slot_addr(ctx->ld_slot) + (uint64_t)A - P; break;
      case RK_TLSLD_GOT: v = ld_got_slot_addr(ctx->ld_slot) + (uint64_t)A - gb; break;
      case RK_TLSIE_PC: v = ld_got_slot_addr(ld_slots(s)->ie) + (uint64_t)A - P; break;
      case RK_TLSIE_ABS:
        v = ld_got_slot_addr(ld_slots(s)->ie) + (uint64_t)A;
        if (is_pic_output() && !ld_relr_ok(is, r)) {
          ld_emit_dynrel(cur.rel++, P, tg->tg_r_relative, 0, (int64_t)v);
          if (tg->tg_rela) v = 0; /* the addend is in the relocation */
        }
        break;
      case RK_TLSIE_GOT: v = ld_got_slot_addr(ld_slots(s)->ie) + (uint64_t)A - gb; break;
      case RK_TLSDESC_PC: v = ld_got_slot_addr(ld_slots(s)->desc) + (uint64_t)A - P; break;
      case RK_TLSDESC_GOT: v = ld_got_slot_addr(ld_slots(s)->desc) + (uint64_t)A - gb; break;
      default: continue;
      }
      put(is, loc, r, hw, s, v);
      continue;
    }
    uint64_t v = 0, gb;
    switch (kind) {
    case RK_ABS:
      if (is_local_ifunc(s)) {
        if (is_pic_output()) {
          ld_emit_dynrel(cur.dyn++, P, tg->tg_r_irelative, 0, (int64_t)(S + (uint64_t)A));
          v = 0;
          if (!tg->tg_rela) v = S + (uint64_t)A;
        } else {
          v = ld_plt_addr(s) + (uint64_t)A;
        }
        break;
      }
      v = S + (uint64_t)A;
      if (s->s_needs & SN_CANON_PLT) v = ld_plt_addr(s) + (uint64_t)A;
      if (s->s_needs & SN_COPY) v = ld_slots(s)->copy_addr + (uint64_t)A;
      /* With RELA dynamic relocations the addend lives in the relocation and the field holds 0
       * (SPARC's loader adds a RELATIVE relocation's value to the field). */
      if (ld_preemptible(s) && hw->size == (ctx->is64 ? 8 : 4) && is_pic_output()) {
        ld_emit_dynrel(cur.dyn++, P, tg->tg_r_abs, (uint32_t)ld_slots(s)->dynidx, A);
        tg->tg_apply(loc, r->r_type, tg->tg_rela ? 0 : (uint64_t)A);
        continue;
      } else if (is_pic_output() && !is_absolute(s) && hw->size == (ctx->is64 ? 8 : 4)) {
        if (ld_relr_ok(is, r)) { /* .relr.dyn: the word holds the value, the loader adds the base */
          tg->tg_apply(loc, r->r_type, v);
          continue;
        }
        ld_emit_dynrel(cur.rel++, P, tg->tg_r_relative, 0, (int64_t)v);
        if (tg->tg_rela) {
          tg->tg_apply(loc, r->r_type, 0);
          continue;
        }
      }
      break;
    case RK_PC:
      v = S + (uint64_t)A - P;
      if (ld_slots(s)->plt >= 0 && (is_local_ifunc(s) || ld_preemptible(s)))
        v = ld_plt_addr(s) + (uint64_t)A - P;
      if (s->s_needs & SN_COPY) v = ld_slots(s)->copy_addr + (uint64_t)A - P;
      break;
    case RK_PLT_PC: v = (ld_slots(s)->plt >= 0 ? ld_plt_addr(s) : S) + (uint64_t)A - P; break;
    case RK_GOT_PC:
    case RK_GOT_OFF:
    case RK_GOT_ABS: {
      /* GOT-load relaxation: a load of a local symbol's address from the GOT becomes an
       * address computation. The slot stays (unused) so the layout is independent of it. */
      if ((kind == RK_GOT_PC || kind == RK_GOT_OFF) && ctx->opt.relax && tg->tg_relax_got &&
          !ld_preemptible(s) && !is_local_ifunc(s) && s != &null_sym &&
          (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH) && !is_undef_weak(s)) {
        /* The address computation stays PC-relative (lea) even in a non-PIC output: as fast as
         * an immediate, and independent of where the symbol lands. The instruction is rewritten
         * in a copy first: when the relaxed value does not fit the field (the symbol is too far
         * away), the GOT load stays, as GNU ld keeps it -- the slot is there. */
        int to_abs = 0;
        uint8_t copy[16];
        uint64_t back = r->r_offset < 8 ? r->r_offset : 8;
        uint64_t span = back + (hw->size < 8 ? hw->size : 8);
        memcpy(copy, loc - back, span);
        int rk = tg->tg_relax_got(copy, copy + back, r->r_type, A, to_abs);
        if (rk) {
          v = rk == RK_ABS      ? S
              : rk == RK_GOTREL ? S + (uint64_t)A - ld_got_base()
                                : S + (uint64_t)A - P;
          if (fits(hw, v)) {
            memcpy(loc - back, copy, span);
            tg->tg_apply(loc, r->r_type, v);
            continue;
          }
        }
      }
      uint64_t slot = ld_got_slot_addr(ld_slots(s)->got);
      gb = ld_got_base();
      v = kind == RK_GOT_PC    ? slot + (uint64_t)A - P
          : kind == RK_GOT_OFF ? slot - gb + (uint64_t)A
                               : slot + (uint64_t)A;
      /* A GOT-offset field in an instruction with no GOT base register addresses the slot
       * absolutely: G + A + GOT, as GNU ld and lld compute it. */
      if (kind == RK_GOT_OFF && tg->tg_got_field_absolute && tg->tg_got_field_absolute(out, loc)) {
        v += gb;
        if (is_pic_output())
          ld_error("%s: relocation %s against '%s' without a base register cannot be used when "
                   "making a %s; recompile with -fPIC",
                   ld_sec_loc(is, r->r_offset), hw->name, ld_sym_name(s),
                   ctx->opt.outkind == OUT_PIE ? "PIE object" : "shared object");
      }
      break;
    }
    case RK_GOTREL:
      /* A local IFUNC's address is its PLT entry, as for RK_ABS and RK_PC. */
      v = (ld_slots(s)->plt >= 0 && is_local_ifunc(s) ? ld_plt_addr(s) : S) + (uint64_t)A -
          ld_got_base();
      break;
    case RK_GOTPC: v = ld_got_base() + (uint64_t)A - P; break;
    case RK_GOTBASE_ABS: v = ld_got_base() + (uint64_t)A; break;
    case RK_PLT_GOTREL:
      v = (ld_slots(s)->plt >= 0 ? ld_plt_addr(s) : S) + (uint64_t)A - ld_got_base();
      break;
    case RK_SIZE: v = s->s_size + (uint64_t)A; break;
    default: continue;
    }
    if (r->r_type == tg->tg_r_olo10 && tg->tg_r_olo10)
      v = (v & 0x3ff) + (uint64_t)(int64_t)(is->is_rextra ? is->is_rextra[i] : 0);
    put(is, loc, r, hw, s, v);
  }
}
