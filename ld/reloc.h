/* The contract between the relocation scan (ld/reloc.c, pass 7), which decides, and apply
 * (ld/apply.c, pass 10), which carries the decisions out.
 *
 * The scan classifies every relocation of an allocated section once: by the generic kind of its
 * type (the target's table), the symbol (preemptible or not, IFUNC, TLS, defined where) and the
 * output (executable, PIE, shared object, static). What it decides is recorded per relocation as
 * one byte, an ld_rexpr, in ld_isec.is_rexpr (parallel to is_rels, allocated in the scanning
 * thread's arena): which value apply computes, which dynamic relocation it emits, which TLS
 * rewrite the target performs. Apply computes values from S, A, P, G, GOT, L, TP and DTP as the
 * psABIs name them and never decides again; the number of dynamic relocations a section emits is
 * counted from the same bytes, so .rela.dyn cannot be numbered differently by the two passes
 * (apply checks it).
 *
 * Names: S symbol value, A addend, P place, L the symbol's PLT entry, C its copy (a copy
 * relocation), G its GOT slot's address, GOT the GOT base the psABI names (ld_got_base), TP the
 * thread pointer (ctx->tp_addr), DTP the start of the module's TLS block, Z the symbol's size. */
#ifndef TLD_LD_RELOC_H
#define TLD_LD_RELOC_H

#include "ld.h"

enum ld_rexpr {
  RE_NONE = 0, /* nothing is written: R_*_NONE, a marker of a sequence kept as written, the call a
                  relaxed sequence consumes, a record of .eh_frame that is not kept */
  /* Absolute. */
  RE_ABS,      /* S + A */
  RE_ABS_PLT,  /* L + A: a canonical PLT entry, or a local IFUNC's entry (non-PIC output) */
  RE_ABS_COPY, /* C + A */
  RE_DYN_ABS,  /* dynamic tg_r_abs against the symbol, addend A; the field holds A (REL) or 0 */
  RE_DYN_REL,  /* dynamic RELATIVE of S + A; the field holds S + A (REL) or 0 */
  RE_DYN_IREL, /* dynamic IRELATIVE of a local IFUNC's S + A; the field as RE_DYN_REL */
  RE_RELR,     /* S + A; .relr.dyn makes the loader add the base */
  /* PC-relative. */
  RE_PC,      /* S + A - P */
  RE_PC_PLT,  /* L + A - P */
  RE_PC_COPY, /* C + A - P */
  /* The GOT. */
  RE_GOT_PC,        /* G + A - P */
  RE_GOT_OFF,       /* G - GOT + A */
  RE_GOT_ABS,       /* G + A (and a GOT-offset field with no base register: i386 movl x@GOT) */
  RE_GOT_PC_RELAX,  /* the target may turn the GOT load into S's computation; else RE_GOT_PC */
  RE_GOT_OFF_RELAX, /* the same for RE_GOT_OFF */
  RE_GOTREL,        /* S + A - GOT */
  RE_GOTREL_PLT,    /* L + A - GOT */
  RE_GOTPC,         /* GOT + A - P */
  RE_GOTBASE,       /* GOT + A */
  RE_SIZE,          /* Z + A */
  /* Thread-local storage. */
  RE_TPOFF,         /* S + A - TP */
  RE_TPOFF_NEG,     /* TP - (S + A) */
  RE_DTPOFF,        /* S + A - DTP */
  RE_DTPOFF_TP,     /* S + A - TP: an offset of a Local Dynamic sequence relaxed to Local Exec */
  RE_TLSGD_PC,      /* the GD slot pair: its address + A - P */
  RE_TLSGD_GOT,     /* ... its address - GOT + A */
  RE_TLSLD_PC,      /* the module's LD slot: its address + A - P */
  RE_TLSLD_GOT,     /* ... its address - GOT + A */
  RE_TLSIE_PC,      /* the IE slot: its address + A - P */
  RE_TLSIE_ABS,     /* ... its address + A */
  RE_TLSIE_ABS_DYN, /* ... its address + A, moved with the object by a dynamic RELATIVE */
  RE_TLSIE_GOT,     /* ... its address - GOT + A */
  RE_TLSDESC_PC,    /* the descriptor: its address + A - P */
  RE_TLSDESC_GOT,   /* ... its address - GOT + A */
  RE_TLS_CALL,      /* L + A - P of __tls_get_addr: the call of a sequence kept as written */
  /* The target rewrites the TLS sequence that starts here (tg_tls_rewrite, in the order of
   * enum ld_tls_rewrite): the value it gets is S - TP for LE, the IE slot's address for IE. */
  RE_TLS_GD_TO_IE,
  RE_TLS_GD_TO_LE,
  RE_TLS_LD_TO_LE,
  RE_TLS_IE_TO_LE,
  RE_TLS_DESC_TO_IE,
  RE_TLS_DESC_TO_LE,
  RE_COUNT
};

/* The rewrite an RE_TLS_*_TO_* decision asks of the target. */
static inline int ld_rexpr_rewrite(int e) { return e - RE_TLS_GD_TO_IE + TLSR_GD_TO_IE; }

/* Does the decision emit a dynamic relocation into the section's RELATIVE run (1), into the
 * run of the others (2), or none (0)? The scan counts with it and apply hands out slots with it. */
static inline int ld_rexpr_dynrel(int e) {
  return e == RE_DYN_REL || e == RE_TLSIE_ABS_DYN ? 1 : e == RE_DYN_ABS || e == RE_DYN_IREL ? 2 : 0;
}

/* Symbol index 0 of any object: absolute zero. Not a local symbol, so it has the global part. */
extern ld_gsym ld_null_gsym;
#define ld_null_sym (ld_null_gsym.g_sym)

static inline ld_sym *ld_rel_sym(const ld_isec *is, const ld_rel *r) {
  return r->r_sym ? is->is_file->o_syms[r->r_sym] : &ld_null_sym;
}

/* A GOT reference whose addend belongs to its symbol (tg_got_addend_in_entry) that cannot be
 * relaxed: the scan reports the ones it does not offer the target, apply those the target
 * declines. */
void ld_got_addend_error(ld_isec *is, const ld_rel *r, const ld_howto *hw, const ld_sym *s,
                         uint64_t A);

#endif
