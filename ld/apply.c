/* Pass 10, the relocation half: carry out what the scan decided for each relocation
 * (ld/reloc.h). Values are computed here, in one place, from S, A, P, G, GOT, L, TP and DTP as
 * the psABIs name them; the target encodes each into its field (tg_apply) and rewrites the TLS
 * sequences the scan chose to relax (tg_tls_rewrite). Nothing is decided again: the only choice
 * left to this pass is the target's, whether a GOT load it was offered (RE_GOT_*_RELAX) has an
 * instruction it can rewrite. Sections are applied in parallel, each into its own bytes of the
 * output; their dynamic relocations go to slots the scan's counts reserved. */
#include <stdio.h>
#include <string.h>

#include "ld.h"
#include "reloc.h"

/* Address of a symbol for relocation purposes: S. */
static uint64_t sym_value(const ld_sym *s) {
  if (s == &ld_null_sym) return 0;
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
             ld_sym_name(ld_rel_sym(is, &is->is_rels[i])));
    return 1;
  }
  return n;
}

/* Non-allocated sections (debugging information) are not scanned: every value is resolved
 * here, nothing is dynamic, and a reference to a discarded section becomes 0 (a tombstone) so that
 * readers can tell it apart. Many references in a row name one symbol: its value is kept from one
 * to the next (not for a merged section's symbol, whose addend picks the place). */
static void apply_nonalloc(ld_isec *is, uint8_t *out) {
  const ld_target *tg = ctx->tg;
  const ld_sym *last = NULL;
  uint64_t last_S = 0;
  for (uint32_t i = 0; i < is->is_nrels; i++) {
    const ld_rel *r = &is->is_rels[i];
    const ld_howto *hw = &tg->tg_howto[r->r_type];
    int kind = hw->kind;
    if (kind == RK_NONE) continue;
    ld_sym *s = ld_rel_sym(is, r);
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
  if (!is->is_nrels) return;
  if (!is->is_rexpr) ld_fatal("internal: %s was not scanned", ld_sec_loc(is, 0));
  const ld_target *tg = ctx->tg;
  const uint8_t *rexpr = is->is_rexpr;
  uint64_t base = ld_isec_addr(is), gb = ld_got_base(), tp = ctx->tp_addr;
  int rela = tg->tg_rela;
  uint32_t rel_slot = is->is_relative_base, dyn_slot = is->is_dynrel_base;
  for (uint32_t i = 0; i < is->is_nrels; i++) {
    int e = rexpr[i];
    if (e == RE_NONE) continue;
    const ld_rel *r = &is->is_rels[i];
    const ld_howto *hw = &tg->tg_howto[r->r_type];
    ld_sym *s = ld_rel_sym(is, r);
    uint8_t *loc = out + r->r_offset;
    uint64_t P = base + r->r_offset;
    if (is->is_eh) { /* records move when dead FDEs are dropped */
      int dropped;
      P = base + ld_ehframe_map(is, r->r_offset, &dropped);
    }
    uint64_t S, A = (uint64_t)r->r_addend;
    if (s->s_type == STT_SECTION && s->s_local && s->s_sec && s->s_sec->is_merge &&
        s->s_sec->is_live) {
      /* A section symbol's addend picks the piece (and the place in it): it is mapped whole. */
      S = ld_merge_addr(s->s_sec, s->s_value + A);
      A = 0;
    } else {
      S = sym_value(s);
    }
    const ld_symslots *sl = ld_slots(s);
    uint64_t v;
    switch (e) {
    case RE_ABS: v = S + A; break;
    case RE_ABS_PLT: v = ld_plt_addr(s) + A; break;
    case RE_ABS_COPY: v = sl->copy_addr + A; break;
    case RE_DYN_ABS:
      /* With RELA dynamic relocations the addend lives in the relocation and the field holds 0
       * (SPARC's loader adds a RELATIVE relocation's value to the field). */
      ld_emit_dynrel(dyn_slot++, P, tg->tg_r_abs, (uint32_t)sl->dynidx, (int64_t)A);
      tg->tg_apply(loc, r->r_type, rela ? 0 : A);
      continue;
    case RE_DYN_REL:
      v = S + A;
      ld_emit_dynrel(rel_slot++, P, tg->tg_r_relative, 0, (int64_t)v);
      if (rela) {
        tg->tg_apply(loc, r->r_type, 0);
        continue;
      }
      break;
    case RE_DYN_IREL:
      ld_emit_dynrel(dyn_slot++, P, tg->tg_r_irelative, 0, (int64_t)(S + A));
      v = rela ? 0 : S + A;
      break;
    case RE_RELR: /* the word holds the value, the loader adds the base */
      tg->tg_apply(loc, r->r_type, S + A);
      continue;
    case RE_PC: v = S + A - P; break;
    case RE_PC_PLT: v = ld_plt_addr(s) + A - P; break;
    case RE_PC_COPY: v = sl->copy_addr + A - P; break;
    case RE_GOT_PC_RELAX:
    case RE_GOT_OFF_RELAX: {
      /* The address computation stays PC-relative (lea) even in a non-PIC output: as fast as
       * an immediate, and independent of where the symbol lands. The instruction is rewritten
       * in a copy first: when the relaxed value does not fit the field (the symbol is too far
       * away), the GOT load stays, as GNU ld keeps it -- the slot is there. */
      uint8_t copy[16];
      uint64_t back = r->r_offset < 8 ? r->r_offset : 8;
      uint64_t span = back + (hw->size < 8 ? hw->size : 8);
      memcpy(copy, loc - back, span);
      int rk = tg->tg_relax_got(copy, copy + back, r->r_type, (int64_t)A, 0);
      if (rk) {
        v = rk == RK_ABS ? S : rk == RK_GOTREL ? S + A - gb : S + A - P;
        if (fits(hw, v)) {
          memcpy(loc - back, copy, span);
          tg->tg_apply(loc, r->r_type, v);
          continue;
        }
      }
      if (tg->tg_got_addend_in_entry && A) {
        ld_got_addend_error(is, r, hw, s, A);
        continue;
      }
      v = e == RE_GOT_PC_RELAX ? ld_got_slot_addr(sl->got) + A - P
                               : ld_got_slot_addr(sl->got) - gb + A;
      break;
    }
    case RE_GOT_PC: v = ld_got_slot_addr(sl->got) + A - P; break;
    case RE_GOT_OFF: v = ld_got_slot_addr(sl->got) - gb + A; break;
    case RE_GOT_ABS: v = ld_got_slot_addr(sl->got) + A; break;
    case RE_GOTREL: v = S + A - gb; break;
    case RE_GOTREL_PLT: v = ld_plt_addr(s) + A - gb; break;
    case RE_GOTPC: v = gb + A - P; break;
    case RE_GOTBASE: v = gb + A; break;
    case RE_SIZE: v = s->s_size + A; break;
    case RE_TPOFF: v = S + A - tp; break;
    case RE_TPOFF_NEG: v = tp - (S + A); break;
    case RE_DTPOFF: v = S + A - ctx->tls_addr; break;
    case RE_DTPOFF_TP: v = S + A - tp; break;
    case RE_TLSGD_PC: v = ld_got_slot_addr(sl->gd) + A - P; break;
    case RE_TLSGD_GOT: v = ld_got_slot_addr(sl->gd) + A - gb; break;
    case RE_TLSLD_PC: v = ld_got_slot_addr(ctx->ld_slot) + A - P; break;
    case RE_TLSLD_GOT: v = ld_got_slot_addr(ctx->ld_slot) + A - gb; break;
    case RE_TLSIE_PC: v = ld_got_slot_addr(sl->ie) + A - P; break;
    case RE_TLSIE_ABS: v = ld_got_slot_addr(sl->ie) + A; break;
    case RE_TLSIE_ABS_DYN:
      v = ld_got_slot_addr(sl->ie) + A;
      ld_emit_dynrel(rel_slot++, P, tg->tg_r_relative, 0, (int64_t)v);
      if (rela) v = 0; /* the addend is in the relocation */
      break;
    case RE_TLSIE_GOT: v = ld_got_slot_addr(sl->ie) + A - gb; break;
    case RE_TLSDESC_PC: v = ld_got_slot_addr(sl->desc) + A - P; break;
    case RE_TLSDESC_GOT: v = ld_got_slot_addr(sl->desc) + A - gb; break;
    case RE_TLS_CALL: {
      ld_sym *t = ctx->tls_get_addr;
      uint64_t L = ld_slots(t)->plt >= 0 ? ld_plt_addr(t) : ld_sym_addr(t);
      put(is, loc, r, hw, t, L + A - P);
      continue;
    }
    case RE_TLS_GD_TO_IE:
    case RE_TLS_GD_TO_LE:
    case RE_TLS_LD_TO_LE:
    case RE_TLS_IE_TO_LE:
    case RE_TLS_DESC_TO_IE:
    case RE_TLS_DESC_TO_LE: {
      int how = ld_rexpr_rewrite(e);
      int to_le = how != TLSR_GD_TO_IE && how != TLSR_DESC_TO_IE;
      int64_t val = to_le ? (int64_t)(S - tp) : (int64_t)ld_got_slot_addr(sl->ie);
      i += (uint32_t)tls_rewrite(is, out, i, how, val, P) - 1;
      continue;
    }
    default: ld_fatal("internal: %s: no relocation decision %d", ld_sec_loc(is, r->r_offset), e);
    }
    /* A type that takes a second addend (SPARC V9's OLO10): the target combines the two. */
    if (is->is_rextra) v = tg->tg_extra_value(r->r_type, v, is->is_rextra[i]);
    put(is, loc, r, hw, s, v);
  }
  /* The scan reserved this section's dynamic relocations from the same decisions. */
  if (rel_slot != is->is_relative_base + is->is_nrelative ||
      dyn_slot != is->is_dynrel_base + is->is_ndynrel)
    ld_fatal("internal: %s: %u and %u dynamic relocations reserved, %u and %u written",
             ld_sec_loc(is, 0), is->is_nrelative, is->is_ndynrel, rel_slot - is->is_relative_base,
             dyn_slot - is->is_dynrel_base);
}
