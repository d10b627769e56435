/* i386 relocations: the howto table, the implicit-addend reader and the field encoder.
 *
 * The i386 psABI uses REL relocations: the addend lives in the field itself, so the core reads it
 * with x86_read_addend before computing a value and then hands the value to x86_apply, which
 * overwrites the whole field. Every field is a plain little-endian 8-, 16- or 32-bit integer;
 * there are no instruction-embedded fields as on SPARC.
 *
 * Address arithmetic on i386 wraps modulo 2^32, so the 32-bit PC-relative, GOT and TLS forms have
 * no overflow check: a displacement of -4 and one of 0xfffffffc reach the same place. Only the
 * absolute word and the narrow 8/16-bit fields are checked.
 *
 * GOT-relative forms (GOT32, GOT32X, GOTOFF, TLS_GOTIE, TLS_IE_32, TLS_GD, TLS_LDM, TLS_GOTDESC)
 * are relative to the address the psABI calls _GLOBAL_OFFSET_TABLE_, which is the start of
 * .got.plt (see tg_got_base in the core). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "common/elf/bytes.h"
#include "ld_arch.h"

/* Row constructors: R(type, kind, size, check, bits, tls). No i386 field is shifted or needs an
 * aligned value. */
#define R(t, k, sz, ck, b, m) [t] = {#t, (k), (sz), (ck), (b), 0, 0, (m)}

/* Types 12 and 13 are unassigned in the psABI and stay NULL, which the core reports as unknown. */
const ld_howto x86_howto[] = {
    R(R_386_NONE, RK_NONE, 0, CK_NONE, 0, TLSM_NONE),
    R(R_386_32, RK_ABS, 4, CK_EITHER, 32, TLSM_NONE),
    R(R_386_PC32, RK_PC, 4, CK_NONE, 32, TLSM_NONE),
    R(R_386_GOT32, RK_GOT_OFF, 4, CK_NONE, 32, TLSM_NONE),
    R(R_386_PLT32, RK_PLT_PC, 4, CK_NONE, 32, TLSM_NONE),
    R(R_386_COPY, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    R(R_386_GLOB_DAT, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    R(R_386_JMP_SLOT, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    R(R_386_RELATIVE, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    R(R_386_GOTOFF, RK_GOTREL, 4, CK_NONE, 32, TLSM_NONE),
    R(R_386_GOTPC, RK_GOTPC, 4, CK_NONE, 32, TLSM_NONE),
    /* L + A as an absolute word: a Sun form no current toolchain emits and no generic kind
     * describes. */
    R(R_386_32PLT, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_NONE),
    R(R_386_TLS_TPOFF, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    /* movl x@indntpoff, %reg: absolute address of the IE slot (no PIC register). */
    R(R_386_TLS_IE, RK_TLSIE_ABS, 4, CK_NONE, 32, TLSM_IE),
    /* addl x@gotntpoff(%ebx), %reg: the slot holds the negative TP offset (TLS_TPOFF). */
    R(R_386_TLS_GOTIE, RK_TLSIE_GOT, 4, CK_NONE, 32, TLSM_IE),
    /* x@ntpoff: negative offset from the thread pointer. */
    R(R_386_TLS_LE, RK_TPOFF, 4, CK_NONE, 32, TLSM_LE),
    R(R_386_TLS_GD, RK_TLSGD_GOT, 4, CK_NONE, 32, TLSM_GD),
    R(R_386_TLS_LDM, RK_TLSLD_GOT, 4, CK_NONE, 32, TLSM_LD),
    R(R_386_16, RK_ABS, 2, CK_EITHER, 16, TLSM_NONE),
    R(R_386_PC16, RK_PC, 2, CK_SIGNED, 16, TLSM_NONE),
    R(R_386_8, RK_ABS, 1, CK_EITHER, 8, TLSM_NONE),
    R(R_386_PC8, RK_PC, 1, CK_SIGNED, 8, TLSM_NONE),
    /* The Sun GD/LDM forms split the call sequence over four relocations; they come with the
     * i386 TLS rewrites. */
    R(R_386_TLS_GD_32, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_GD),
    R(R_386_TLS_GD_PUSH, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_GD),
    R(R_386_TLS_GD_CALL, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_GD),
    R(R_386_TLS_GD_POP, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_GD),
    R(R_386_TLS_LDM_32, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_LD),
    R(R_386_TLS_LDM_PUSH, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_LD),
    R(R_386_TLS_LDM_CALL, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_LD),
    R(R_386_TLS_LDM_POP, RK_UNSUPPORTED, 4, CK_NONE, 32, TLSM_LD),
    /* x@dtpoff, in code after an LDM call and in debug information. */
    R(R_386_TLS_LDO_32, RK_DTPOFF, 4, CK_NONE, 32, TLSM_DTPOFF),
    /* subl x@gottpoff(%ebx), %reg. Unlike TLS_GOTIE, the slot would hold the NEGATED TP offset
     * TP - (S + A), a positive number, filled by R_386_TLS_TPOFF32 when dynamic: the core takes
     * it only when relaxed to Local Exec. */
    R(R_386_TLS_IE_32, RK_TLSIE_GOT_NEG, 4, CK_NONE, 32, TLSM_IE),
    /* x@tpoff: TP - (S + A), positive. */
    R(R_386_TLS_LE_32, RK_TPOFF_NEG, 4, CK_NONE, 32, TLSM_LE),
    R(R_386_TLS_DTPMOD32, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    R(R_386_TLS_DTPOFF32, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    R(R_386_TLS_TPOFF32, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    R(R_386_SIZE32, RK_SIZE, 4, CK_EITHER, 32, TLSM_NONE),
    R(R_386_TLS_GOTDESC, RK_TLSDESC_GOT, 4, CK_NONE, 32, TLSM_DESC),
    /* call *x@tlscall(%eax): a 2-byte instruction that carries no value. */
    R(R_386_TLS_DESC_CALL, RK_TLS_MARK, 2, CK_NONE, 0, TLSM_DESC),
    R(R_386_TLS_DESC, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    R(R_386_IRELATIVE, RK_COPY_ONLY, 4, CK_NONE, 0, TLSM_NONE),
    /* Same value as GOT32; the instruction may be relaxed (see tg_relax_got in target.c). */
    R(R_386_GOT32X, RK_GOT_OFF, 4, CK_NONE, 32, TLSM_NONE),
};

#undef R

/* Width in bytes of the field a relocation type writes, 0 for types that write nothing. Taken
 * from the table so that reading and writing agree with the core's bounds check. */
static unsigned x86_field_size(uint32_t type) {
  if (type >= X86_NHOWTO || x86_howto[type].name == NULL) return 0;
  if (x86_howto[type].kind == RK_NONE || x86_howto[type].kind == RK_TLS_MARK) return 0;
  return x86_howto[type].size;
}

/* The implicit addend of a REL relocation, sign-extended from its field width: assemblers store
 * negative addends (e.g. the -4 of a call displacement) as two's complement of that width. */
int64_t x86_read_addend(const uint8_t *loc, uint32_t type) {
  switch (x86_field_size(type)) {
  case 1: return (int8_t)loc[0];
  case 2: return (int16_t)elf_rd16(loc, 0);
  case 4: return (int32_t)elf_rd32(loc, 0);
  default: return 0;
  }
}

/* Store the low bits of `val` into the field; the core has already checked the range. */
void x86_apply(uint8_t *loc, uint32_t type, uint64_t val) {
  switch (x86_field_size(type)) {
  case 1: loc[0] = (uint8_t)val; break;
  case 2: elf_wr16(loc, (uint16_t)val, 0); break;
  case 4: elf_wr32(loc, (uint32_t)val, 0); break;
  default: break;
  }
}

/* GOT32/GOT32X in an instruction with no base register (`movl x@GOT, %r`: ModRM mod 00, r/m 101,
 * and not a lea) address the slot absolutely. */
int x86_got_field_absolute(const uint8_t *buf_start, const uint8_t *loc) {
  return loc - buf_start >= 2 && (loc[-1] & 0xc7) == 0x05 && loc[-2] != 0x8d;
}

/* ---- GOT32X relaxation ---------------------------------------------------------------------
 *
 * A load of a local symbol's address from the GOT becomes its computation from the GOT base:
 *   8b 80+8*r2+r1 <foo@GOT>     movl foo@GOT(%r1),%r2  ->  8d .. <foo@GOTOFF>  leal
 * foo@GOTOFF(%r1),%r2 (mod 10, a base register other than %esp, which would need a SIB byte). The
 * core then writes S + A - GOT (RK_GOTREL). Every other form keeps its GOT load. */
int x86_relax_got(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs) {
  (void)to_abs;
  if (type != R_386_GOT32X || addend != 0 || loc - buf_start < 2) return 0;
  uint8_t modrm = loc[-1];
  if (loc[-2] != 0x8b || (modrm & 0xc0) != 0x80 || (modrm & 7) == 4) return 0;
  loc[-2] = 0x8d;
  return RK_GOTREL;
}

/* ---- TLS rewrites ----------------------------------------------------------------------------
 *
 * Value conventions for x86_tls_rewrite (the contract with the core):
 *  - LE rewrites (GD->LE, IE->LE, DESC->LE) receive ctx->value = S + A - TP, the negative offset
 *    of the symbol from the thread pointer (%gs base). Forms that want the positive TP - (S + A)
 *    (TLS_IE_32 and the `subl` of GD->LE) negate it here.
 *  - IE rewrites (GD->IE, DESC->IE) receive ctx->value = the address of the symbol's IE slot,
 *    turned here into its offset from the GOT base (ctx->got_base); a slot holding the NEGATIVE TP
 * offset (dynamic R_386_TLS_TPOFF, the same slot TLS_GOTIE uses). The base register of the
 * rewritten load is the one the sequence already used for the GOT.
 *  - LD->LE only replaces the ___tls_get_addr call; the core recomputes the TLS_LDO_32 fields of
 *    the sequence as TP-relative values (S + A - TP).
 * GD and LD sequences are a lea and a call that must be adjacent: the call's relocation (PLT32,
 * PC32, or GOT32/GOT32X for the -fno-plt form) is consumed and 2 is returned. Descriptor and IE
 * relocations are rewritten one at a time and return 1. Sequences and results follow the psABI
 * ("ELF Handling For Thread-Local Storage") and match what other linkers produce byte for byte.
 */

static int x86_fail(ld_tls_ctx *ctx, const char *msg) {
  ctx->err = msg;
  return -1;
}

static int x86_bytes_are(const ld_tls_ctx *ctx, uint64_t off, const void *want, size_t n) {
  return off <= ctx->size && n <= ctx->size - off && memcmp(ctx->buf + off, want, n) == 0;
}

/* Is the relocation after rels[i] at `off` and of the kind a call to ___tls_get_addr carries?
 * `got` selects the indirect form `call *___tls_get_addr@GOT(%reg)`. */
static int x86_call_rel_is(const ld_tls_ctx *ctx, uint64_t off, int got) {
  if (ctx->i + 1 >= ctx->nrels || ctx->rels[ctx->i + 1].r_offset != off) return 0;
  uint32_t t = ctx->rels[ctx->i + 1].r_type;
  return got ? t == R_386_GOT32 || t == R_386_GOT32X : t == R_386_PLT32 || t == R_386_PC32;
}

static const uint8_t x86_mov_gs0_eax[6] = {0x65, 0xa1, 0, 0, 0, 0}; /* movl %gs:0, %eax */

/* Find the start of a GD or LD sequence whose lea field is at `off` and check its call.
 *   SIB form   8d 04 1d|8*r <field>  e8 <PLT32/PC32>       leal x@tlsgd(,%reg,1),%eax; call
 *   PLT form   8d 80+r <field>       e8 <PLT32/PC32> 90    leal x@tlsgd(%reg),%eax; call; nop
 *   GOT form   8d 80+r <field>       ff 90+r <GOT32(X)>    leal ...; call *___tls_get_addr@GOT
 * (the SIB form occurs only for GD). Returns the sequence start and sets *base to the register
 * holding the GOT, *len to the sequence length; or returns UINT64_MAX. */
static uint64_t x86_gd_ld_seq(const ld_tls_ctx *ctx, uint64_t off, int allow_sib, unsigned *base,
                              unsigned *len) {
  const uint8_t *b = ctx->buf;
  if (off < 2 || off + 4 > ctx->size) return UINT64_MAX;
  if (allow_sib && off >= 3 && b[off - 3] == 0x8d && b[off - 2] == 0x04 &&
      (b[off - 1] & 0xc7) == 0x05) {
    if (off + 9 > ctx->size || b[off + 4] != 0xe8 || !x86_call_rel_is(ctx, off + 5, 0))
      return UINT64_MAX;
    *base = b[off - 1] >> 3 & 7;
    *len = 12;
    return off - 3;
  }
  if (b[off - 2] != 0x8d || (b[off - 1] & 0xf8) != 0x80 || (b[off - 1] & 7) == 4) return UINT64_MAX;
  *base = b[off - 1] & 7;
  if (off + 10 <= ctx->size && b[off + 4] == 0xff && b[off + 5] == (0x90 | *base) &&
      x86_call_rel_is(ctx, off + 6, 1)) {
    *len = 12;
    return off - 2;
  }
  /* The PLT form is 11 bytes; the compiler pads it with a nop when it wants 12, which we keep. */
  if (off + 9 <= ctx->size && b[off + 4] == 0xe8 && x86_call_rel_is(ctx, off + 5, 0)) {
    *len = 11;
    return off - 2;
  }
  return UINT64_MAX;
}

/* General Dynamic, relocation TLS_GD at `off`:
 *   LE: 65 a1 00 00 00 00  81 e8 <TP - (S + A)>    movl %gs:0,%eax; subl $x@tpoff,%eax
 *   IE: 65 a1 00 00 00 00  03 80+r <slot offset>    movl %gs:0,%eax; addl x@gotntpoff(%r),%eax
 * Both are 12 bytes; the 11-byte PLT form borrows the byte after the call, which must be the
 * nop the compiler puts there (gcc always does). */
static int x86_gd(ld_tls_ctx *ctx, int to_ie) {
  uint64_t off = ctx->rels[ctx->i].r_offset;
  unsigned base, len;
  uint64_t seq = x86_gd_ld_seq(ctx, off, 1, &base, &len);
  if (seq == UINT64_MAX) return x86_fail(ctx, "unexpected instruction bytes for TLS_GD relaxation");
  if (len == 11 && (seq + 12 > ctx->size || ctx->buf[seq + 11] != 0x90))
    return x86_fail(ctx, "TLS_GD sequence with a PLT call must be followed by a nop");
  uint8_t *w = ctx->buf + seq;
  memcpy(w, x86_mov_gs0_eax, 6);
  if (to_ie) {
    w[6] = 0x03;
    w[7] = (uint8_t)(0x80 | base);
    elf_wr32(w + 8, (uint32_t)ctx->value, 0);
  } else {
    w[6] = 0x81;
    w[7] = 0xe8;
    elf_wr32(w + 8, (uint32_t) - (uint64_t)ctx->value, 0);
  }
  return 2;
}

/* Local Dynamic to Local Exec, relocation TLS_LDM at `off`:
 *   8d 80+r <field>  e8 <call>       ->  65 a1 00 00 00 00  90 8d 74 26 00
 *                                        movl %gs:0,%eax; nop; leal 0(%esi,%eiz,1),%esi
 *   8d 80+r <field>  ff 90+r <call>  ->  65 a1 00 00 00 00  8d b6 00 00 00 00
 *                                        movl %gs:0,%eax; leal 0(%esi),%esi */
static int x86_ld(ld_tls_ctx *ctx) {
  static const uint8_t pad5[5] = {0x90, 0x8d, 0x74, 0x26, 0x00};
  static const uint8_t pad6[6] = {0x8d, 0xb6, 0, 0, 0, 0};
  uint64_t off = ctx->rels[ctx->i].r_offset;
  unsigned base, len;
  uint64_t seq = x86_gd_ld_seq(ctx, off, 0, &base, &len);
  if (seq == UINT64_MAX)
    return x86_fail(ctx, "unexpected instruction bytes for TLS_LDM relaxation");
  memcpy(ctx->buf + seq, x86_mov_gs0_eax, 6);
  if (len == 11) memcpy(ctx->buf + seq + 6, pad5, 5);
  else memcpy(ctx->buf + seq + 6, pad6, 6);
  return 2;
}

/* Initial Exec to Local Exec. r2 is ModRM.reg, the destination.
 * TLS_IE (absolute slot address, no base register):
 *   a1 <field>                movl x@indntpoff,%eax       -> b8 <S+A-TP>     movl $v,%eax
 *   8b 05+8*r2 <field>        movl x@indntpoff,%r2        -> c7 c0+r2 <v>    movl $v,%r2
 *   03 05+8*r2 <field>        addl x@indntpoff,%r2        -> 81 c0+r2 <v>    addl $v,%r2
 * TLS_GOTIE (mod 10, any base but a SIB):
 *   8b 80+8*r2+r1 <field>     movl x@gotntpoff(%r1),%r2   -> c7 c0+r2 <S+A-TP>
 *   03 80+8*r2+r1 <field>     addl x@gotntpoff(%r1),%r2   -> 81 c0+r2 <S+A-TP>
 * TLS_IE_32 (the slot held the positive offset):
 *   8b 80+8*r2+r1 <field>     movl x@gottpoff(%r1),%r2    -> c7 c0+r2 <TP-(S+A)>
 *   2b 80+8*r2+r1 <field>     subl x@gottpoff(%r1),%r2    -> 81 e8+r2 <TP-(S+A)>
 *   03 80+8*r2+r1 <field>     addl x@gottpoff(%r1),%r2    -> 81 c0+r2 <TP-(S+A)> */
static int x86_ie_to_le(ld_tls_ctx *ctx) {
  const ld_rel *r = &ctx->rels[ctx->i];
  uint64_t off = r->r_offset;
  uint8_t *loc = ctx->buf + off;
  const char *bad = "unexpected instruction bytes for TLS IE relaxation";
  uint64_t v = (uint64_t)ctx->value;
  if (off < 1 || off + 4 > ctx->size) return x86_fail(ctx, bad);

  if (r->r_type == R_386_TLS_IE && loc[-1] == 0xa1) {
    loc[-1] = 0xb8;
  } else {
    if (off < 2) return x86_fail(ctx, bad);
    uint8_t op = loc[-2], modrm = loc[-1], r2 = modrm >> 3 & 7;
    if (r->r_type == R_386_TLS_IE) {
      if ((modrm & 0xc7) != 0x05 || (op != 0x8b && op != 0x03)) return x86_fail(ctx, bad);
    } else {
      if ((modrm & 0xc0) != 0x80 || (modrm & 7) == 4) return x86_fail(ctx, bad);
      if (op != 0x8b && op != 0x03 && !(op == 0x2b && r->r_type == R_386_TLS_IE_32))
        return x86_fail(ctx, bad);
    }
    loc[-2] = op == 0x8b ? 0xc7 : 0x81;
    loc[-1] = (uint8_t)((op == 0x2b ? 0xe8 : 0xc0) | r2);
  }
  if (r->r_type == R_386_TLS_IE_32) v = -v;
  elf_wr32(loc, (uint32_t)v, 0);
  return 1;
}

/* TLS descriptors. Relocation TLS_GOTDESC at `off`:
 *   8d 80+8*r+b <field>   leal x@tlsdesc(%b),%r
 *     LE -> 8d 05+8*r <S+A-TP>         leal x@ntpoff,%r
 *     IE -> 8b 80+8*r+b <slot offset>  movl x@gotntpoff(%b),%r
 * Relocation TLS_DESC_CALL at the call's first byte:
 *   ff 10  call *x@tlscall(%eax)  ->  66 90  xchg %ax,%ax */
static int x86_desc(ld_tls_ctx *ctx, int to_ie) {
  const ld_rel *r = &ctx->rels[ctx->i];
  uint64_t off = r->r_offset;
  uint8_t *loc = ctx->buf + off;
  if (r->r_type == R_386_TLS_DESC_CALL) {
    static const uint8_t call_eax[2] = {0xff, 0x10};
    if (!x86_bytes_are(ctx, off, call_eax, 2))
      return x86_fail(ctx, "unexpected instruction bytes for TLS_DESC_CALL relaxation");
    loc[0] = 0x66;
    loc[1] = 0x90;
    return 1;
  }
  if (off < 2 || off + 4 > ctx->size || loc[-2] != 0x8d || (loc[-1] & 0xc0) != 0x80 ||
      (loc[-1] & 7) == 4)
    return x86_fail(ctx, "unexpected instruction bytes for TLS_GOTDESC relaxation");
  if (to_ie) loc[-2] = 0x8b;
  else loc[-1] = (uint8_t)(0x05 | (loc[-1] & 0x38));
  elf_wr32(loc, (uint32_t)ctx->value, 0);
  return 1;
}

/* Dispatches on the relocation that starts the sequence; a descriptor relocation handed over
 * with a GD_TO_* request is treated as the matching DESC_TO_* one. */
int x86_tls_rewrite(ld_tls_ctx *ctx, int how) {
  if (ctx->i >= ctx->nrels) return x86_fail(ctx, "TLS rewrite past the last relocation");
  int to_ie = how == TLSR_GD_TO_IE || how == TLSR_DESC_TO_IE;
  /* The core hands IE rewrites the slot's address; i386 code reaches it from the GOT base. */
  if (to_ie) ctx->value -= (int64_t)ctx->got_base;
  switch (ctx->rels[ctx->i].r_type) {
  case R_386_TLS_GD:
    if (how != TLSR_GD_TO_IE && how != TLSR_GD_TO_LE) break;
    return x86_gd(ctx, to_ie);
  case R_386_TLS_LDM:
    if (how != TLSR_LD_TO_LE) break;
    return x86_ld(ctx);
  case R_386_TLS_IE:
  case R_386_TLS_GOTIE:
  case R_386_TLS_IE_32:
    if (how != TLSR_IE_TO_LE) break;
    return x86_ie_to_le(ctx);
  case R_386_TLS_GOTDESC:
  case R_386_TLS_DESC_CALL:
    if (how == TLSR_LD_TO_LE || how == TLSR_IE_TO_LE) break;
    return x86_desc(ctx, to_ie);
  default: break;
  }
  return x86_fail(ctx, "relocation does not start a TLS sequence that can be relaxed this way");
}
