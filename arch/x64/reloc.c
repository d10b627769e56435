/* x86-64 relocations: the howto table, field encoding, GOTPCRELX relaxation and the TLS
 * instruction rewrites.
 *
 * x86-64 is little-endian, every instruction field is a plain 8/16/32/64-bit integer, and
 * PC-relative fields count from the end of the instruction, which the assembler folds into the
 * addend (almost always -4 for a 32-bit field that ends its instruction). The core computes every
 * value; what lives here is the byte layout of the few instruction sequences the psABI lets a
 * link-editor rewrite.
 *
 * Value conventions for x64_tls_rewrite (the contract with ld/reloc.c):
 *  - LE rewrites (GD->LE, IE->LE, DESC->LE) write ctx->value, the symbol's offset from the thread
 *    pointer: S - TP. The relocations that start these sequences (TLSGD, GOTTPOFF,
 *    GOTPC32_TLSDESC) are PC-relative and carry the addend -4 that only describes where their
 *    field sits in the instruction; the core must leave that addend out of the TP offset.
 *  - IE rewrites (GD->IE, DESC->IE) receive ctx->value = the absolute address of the symbol's IE
 *    GOT slot; the PC-relative displacement from the end of the rewritten instruction is computed
 *    here.
 *  - LD->LE only replaces the __tls_get_addr call; the core recomputes the DTPOFF32/DTPOFF64
 *    fields of the sequence as TP-relative values.
 *
 * Every multi-byte field goes through bytes.h with be = 0. */
#include <string.h>

#include "common/elf/bytes.h"
#include "ld_arch.h"

/* The two retired MPX relocations. <elf.h> no longer names them, but old objects may carry them;
 * their fields are ordinary rel32 branch displacements. */
enum { X64_R_PC32_BND = 39, X64_R_PLT32_BND = 40 };

#define H(num, nm, kind, size, check, bits, tls)                                                   \
  [num] = {nm, (kind), (size), (check), (bits), 0, 0, (tls)}
#define R(type, kind, size, check, bits, tls)                                                      \
  H(R_X86_64_##type, "R_X86_64_" #type, kind, size, check, bits, tls)

/* Indexed by r_type; the core reports any row with a NULL name as an unknown type. */
const ld_howto x64_howto[] = {
    R(NONE, RK_NONE, 0, CK_NONE, 0, TLSM_NONE),
    R(64, RK_ABS, 8, CK_NONE, 64, TLSM_NONE),
    R(PC32, RK_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    R(GOT32, RK_GOT_OFF, 4, CK_SIGNED, 32, TLSM_NONE),
    R(PLT32, RK_PLT_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    R(COPY, RK_COPY_ONLY, 0, CK_NONE, 0, TLSM_NONE),
    R(GLOB_DAT, RK_COPY_ONLY, 8, CK_NONE, 64, TLSM_NONE),
    R(JUMP_SLOT, RK_COPY_ONLY, 8, CK_NONE, 64, TLSM_NONE),
    R(RELATIVE, RK_COPY_ONLY, 8, CK_NONE, 64, TLSM_NONE),
    R(GOTPCREL, RK_GOT_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    /* A 32-bit absolute must zero-extend to the address, 32S sign-extend. */
    R(32, RK_ABS, 4, CK_UNSIGNED, 32, TLSM_NONE),
    R(32S, RK_ABS, 4, CK_SIGNED, 32, TLSM_NONE),
    R(16, RK_ABS, 2, CK_EITHER, 16, TLSM_NONE),
    R(PC16, RK_PC, 2, CK_SIGNED, 16, TLSM_NONE),
    R(8, RK_ABS, 1, CK_EITHER, 8, TLSM_NONE),
    R(PC8, RK_PC, 1, CK_SIGNED, 8, TLSM_NONE),
    /* Only the dynamic linker resolves a module id. */
    R(DTPMOD64, RK_COPY_ONLY, 8, CK_NONE, 64, TLSM_NONE),
    R(DTPOFF64, RK_DTPOFF, 8, CK_NONE, 64, TLSM_DTPOFF),
    /* Valid in an object as Local Exec data (`.quad x@tpoff`). */
    R(TPOFF64, RK_TPOFF, 8, CK_NONE, 64, TLSM_LE),
    R(TLSGD, RK_TLSGD_PC, 4, CK_SIGNED, 32, TLSM_GD),
    R(TLSLD, RK_TLSLD_PC, 4, CK_SIGNED, 32, TLSM_LD),
    R(DTPOFF32, RK_DTPOFF, 4, CK_SIGNED, 32, TLSM_DTPOFF),
    R(GOTTPOFF, RK_TLSIE_PC, 4, CK_SIGNED, 32, TLSM_IE),
    R(TPOFF32, RK_TPOFF, 4, CK_SIGNED, 32, TLSM_LE),
    R(PC64, RK_PC, 8, CK_NONE, 64, TLSM_NONE),
    R(GOTOFF64, RK_GOTREL, 8, CK_NONE, 64, TLSM_NONE),
    R(GOTPC32, RK_GOTPC, 4, CK_SIGNED, 32, TLSM_NONE),
    R(GOT64, RK_GOT_OFF, 8, CK_NONE, 64, TLSM_NONE),
    R(GOTPCREL64, RK_GOT_PC, 8, CK_NONE, 64, TLSM_NONE),
    R(GOTPC64, RK_GOTPC, 8, CK_NONE, 64, TLSM_NONE),
    /* GOTPLT64 is GOT64 plus a hint that a PLT entry is wanted; the slot is what is addressed. */
    R(GOTPLT64, RK_GOT_OFF, 8, CK_NONE, 64, TLSM_NONE),
    R(PLTOFF64, RK_PLT_GOTREL, 8, CK_NONE, 64, TLSM_NONE),
    R(SIZE32, RK_SIZE, 4, CK_UNSIGNED, 32, TLSM_NONE),
    R(SIZE64, RK_SIZE, 8, CK_NONE, 64, TLSM_NONE),
    R(GOTPC32_TLSDESC, RK_TLSDESC_PC, 4, CK_SIGNED, 32, TLSM_DESC),
    /* Marks `call *x@tlscall(%rax)`; r_offset is the call's first byte, no field. */
    R(TLSDESC_CALL, RK_TLS_MARK, 0, CK_NONE, 0, TLSM_DESC),
    R(TLSDESC, RK_COPY_ONLY, 8, CK_NONE, 64, TLSM_NONE),
    R(IRELATIVE, RK_COPY_ONLY, 8, CK_NONE, 64, TLSM_NONE),
    R(RELATIVE64, RK_COPY_ONLY, 8, CK_NONE, 64, TLSM_NONE),
    H(X64_R_PC32_BND, "R_X86_64_PC32_BND", RK_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    H(X64_R_PLT32_BND, "R_X86_64_PLT32_BND", RK_PLT_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    R(GOTPCRELX, RK_GOT_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    R(REX_GOTPCRELX, RK_GOT_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    /* APX: the instruction starts 4 (REX2), 5 or 6 (EVEX) bytes before the field. */
    R(CODE_4_GOTPCRELX, RK_GOT_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    R(CODE_4_GOTTPOFF, RK_TLSIE_PC, 4, CK_SIGNED, 32, TLSM_IE),
    R(CODE_4_GOTPC32_TLSDESC, RK_TLSDESC_PC, 4, CK_SIGNED, 32, TLSM_DESC),
    R(CODE_5_GOTPCRELX, RK_GOT_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    R(CODE_5_GOTTPOFF, RK_TLSIE_PC, 4, CK_SIGNED, 32, TLSM_IE),
    R(CODE_5_GOTPC32_TLSDESC, RK_TLSDESC_PC, 4, CK_SIGNED, 32, TLSM_DESC),
    R(CODE_6_GOTPCRELX, RK_GOT_PC, 4, CK_SIGNED, 32, TLSM_NONE),
    R(CODE_6_GOTTPOFF, RK_TLSIE_PC, 4, CK_SIGNED, 32, TLSM_IE),
    R(CODE_6_GOTPC32_TLSDESC, RK_TLSDESC_PC, 4, CK_SIGNED, 32, TLSM_DESC),
};

#undef R
#undef H

/* Every field is the low `size` bytes of the value, little-endian; the core has already checked
 * the range. Types without a row or without a field write nothing. */
void x64_apply(uint8_t *loc, uint32_t type, uint64_t val) {
  if (type >= X64_NHOWTO) return;
  switch (x64_howto[type].size) {
  case 1: loc[0] = (uint8_t)val; break;
  case 2: elf_wr16(loc, (uint16_t)val, 0); break;
  case 4: elf_wr32(loc, (uint32_t)val, 0); break;
  case 8: elf_wr64(loc, val, 0); break;
  default: break;
  }
}

/* ---- Instruction prefixes --------------------------------------------------------------- */

/* The relaxable instructions below all have the shape [prefix] opcode ModRM disp32 with
 * ModRM = 00 reg 101 (RIP-relative). The prefix is nothing (GOTPCRELX), a REX byte
 * 0100WRXB (REX_GOTPCRELX, GOTTPOFF, GOTPC32_TLSDESC) or a REX2 pair d5 M0R4X4B4 W R3X3B3
 * (CODE_4_*). Rewriting `op mem, reg` into `op $imm, reg` moves the register from ModRM.reg to
 * ModRM.rm, so its extension bits move from R to B. */
enum x64_pfx { X64_PFX_NONE, X64_PFX_REX, X64_PFX_REX2 };

/* Checks that the prefix of kind `pfx` is present before the opcode at loc[-2] and inside
 * [buf_start, loc). Only map-0 REX2 encodings without an index extension are accepted: the
 * instructions handled here have no SIB byte, so X bits set mean an encoding we do not know. */
static int x64_pfx_ok(const uint8_t *buf_start, const uint8_t *loc, enum x64_pfx pfx) {
  ptrdiff_t room = loc - buf_start;
  switch (pfx) {
  case X64_PFX_NONE: return room >= 2;
  case X64_PFX_REX: return room >= 3 && (loc[-3] & 0xf2) == 0x40;
  case X64_PFX_REX2: return room >= 4 && loc[-4] == 0xd5 && (loc[-3] & 0xa2) == 0;
  }
  return 0;
}

/* The prefix for the register-direct form: R bits become B bits, W is kept. */
static void x64_pfx_r_to_b(uint8_t *loc, enum x64_pfx pfx) {
  if (pfx == X64_PFX_REX) {
    uint8_t p = loc[-3];
    loc[-3] = (uint8_t)(0x40 | (p & 0x08) | (p >> 2 & 1));
  } else if (pfx == X64_PFX_REX2) {
    uint8_t p = loc[-3];
    loc[-3] = (uint8_t)((p & 0x08) | (p >> 2 & 0x11));
  }
}

/* ---- GOTPCRELX relaxation --------------------------------------------------------------- */

/* Rewrites a GOT load whose symbol resolves inside the output. The relocation's field (`loc`)
 * must end the instruction, so only r_addend == -4 is accepted. The return value tells the core
 * what to write into the same 32-bit field:
 *   RK_PC  (to_abs == 0):  S + A - P   (an ordinary PC32 value)
 *   RK_ABS (to_abs != 0):  S           (the absolute address)
 * to_abs is only for non-PIC output with 0 <= S < 2^31, since a REX.W imm32 sign-extends.
 *
 * to_abs == 0 (GOTPCRELX, REX_GOTPCRELX, CODE_4_GOTPCRELX):
 *   mov foo@GOTPCREL(%rip),%reg   [pfx] 8b 05+8*reg <disp>  ->  lea foo(%rip),%reg   [pfx] 8d ..
 *   call *foo@GOTPCREL(%rip)      ff 15 <disp>              ->  addr32 call foo      67 e8 <rel>
 *   jmp *foo@GOTPCREL(%rip)       ff 25 <disp>              ->  nop; jmp foo         90 e9 <rel>
 *   (the nop goes first so the displacement stays in the relocated field)
 * to_abs != 0 (the register moves to ModRM.rm; REX.R/REX2.R becomes .B):
 *   mov foo@GOTPCREL(%rip),%reg   [pfx] 8b 05+8*reg  ->  mov $foo,%reg     [pfx'] c7 c0+reg <imm>
 *   test %reg,foo@GOTPCREL(%rip)  [pfx] 85 05+8*reg  ->  test $foo,%reg    [pfx'] f7 c0+reg <imm>
 *   OP foo@GOTPCREL(%rip),%reg    [pfx] op 05+8*reg  ->  OP $foo,%reg      [pfx'] 81 c0+n*8+reg
 *     for OP = add 03 (n=0), or 0b (1), adc 13 (2), sbb 1b (3), and 23 (4), sub 2b (5),
 *     xor 33 (6), cmp 3b (7); call and jmp keep their GOT load (they cannot take an absolute).
 * Anything else keeps the GOT load (return 0), which is always correct. */
int x64_relax_got(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs) {
  enum x64_pfx pfx;
  if (addend != -4) return 0;
  switch (type) {
  case R_X86_64_GOTPCRELX: pfx = X64_PFX_NONE; break;
  case R_X86_64_REX_GOTPCRELX: pfx = X64_PFX_REX; break;
  case R_X86_64_CODE_4_GOTPCRELX: pfx = X64_PFX_REX2; break;
  default: return 0;
  }
  if (!x64_pfx_ok(buf_start, loc, pfx)) return 0;
  uint8_t op = loc[-2], modrm = loc[-1];

  if (op == 0xff && pfx == X64_PFX_NONE) {
    if (to_abs) return 0;
    if (modrm == 0x15) {
      loc[-2] = 0x67;
      loc[-1] = 0xe8;
      return RK_PC;
    }
    if (modrm == 0x25) {
      loc[-2] = 0x90;
      loc[-1] = 0xe9;
      return RK_PC;
    }
    return 0;
  }
  if ((modrm & 0xc7) != 0x05) return 0;
  uint8_t reg = modrm >> 3 & 7;

  if (!to_abs) {
    if (op != 0x8b) return 0;
    loc[-2] = 0x8d;
    return RK_PC;
  }
  if (op == 0x8b) {
    loc[-2] = 0xc7;
    loc[-1] = (uint8_t)(0xc0 | reg);
  } else if (op == 0x85) {
    loc[-2] = 0xf7;
    loc[-1] = (uint8_t)(0xc0 | reg);
  } else if ((op & 0xc7) == 0x03) {
    loc[-2] = 0x81;
    loc[-1] = (uint8_t)(0xc0 | (op & 0x38) | reg);
  } else {
    return 0;
  }
  x64_pfx_r_to_b(loc, pfx);
  return RK_ABS;
}

/* ---- TLS rewrites ----------------------------------------------------------------------- */

static const uint8_t x64_mov_fs0_rax[9] = {0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0};
static const uint8_t x64_nop6[6] = {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00};
static const uint8_t x64_nop10[10] = {0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00};

static int x64_fail(ld_tls_ctx *ctx, const char *msg) {
  ctx->err = msg;
  return -1;
}

/* Do the `n` bytes at section offset `off` exist and equal `want`? `off` may point before the
 * section (as a wrapped unsigned value), which simply fails. */
static int x64_bytes_are(const ld_tls_ctx *ctx, uint64_t off, const void *want, size_t n) {
  return off <= ctx->size && n <= ctx->size - off && memcmp(ctx->buf + off, want, n) == 0;
}

/* Writes a TP offset (LE) into a 32-bit field; the variant II offset is negative and small. */
static int x64_put_tpoff(ld_tls_ctx *ctx, uint64_t off) {
  if (ctx->value < INT32_MIN || ctx->value > INT32_MAX)
    return x64_fail(ctx, "TLS offset does not fit the 32-bit Local Exec field");
  elf_wr32(ctx->buf + off, (uint32_t)ctx->value, 0);
  return 0;
}

/* Writes the PC-relative displacement of the IE slot (ctx->value) into the field at `off`,
 * whose instruction ends at section offset `end`. */
static int x64_put_ie_disp(ld_tls_ctx *ctx, uint64_t off, uint64_t end) {
  uint64_t end_addr = ctx->P + (end - ctx->rels[ctx->i].r_offset);
  int64_t disp = (int64_t)((uint64_t)ctx->value - end_addr);
  if (disp < INT32_MIN || disp > INT32_MAX)
    return x64_fail(ctx, "TLS IE GOT slot out of reach of a 32-bit displacement");
  elf_wr32(ctx->buf + off, (uint32_t)disp, 0);
  return 0;
}

/* How the __tls_get_addr call of a GD or LD sequence is relocated. */
enum x64_call_kind { X64_CALL_PLT, X64_CALL_GOT, X64_CALL_PLTOFF };

/* Is rels[i+1] the relocation of the __tls_get_addr call at section offset `off`, of a type
 * that belongs to `kind`? */
static int x64_call_rel_is(const ld_tls_ctx *ctx, uint64_t off, enum x64_call_kind kind) {
  if (ctx->i + 1 >= ctx->nrels || ctx->rels[ctx->i + 1].r_offset != off) return 0;
  uint32_t t = ctx->rels[ctx->i + 1].r_type;
  switch (kind) {
  case X64_CALL_PLT: return t == R_X86_64_PLT32 || t == R_X86_64_PC32;
  case X64_CALL_GOT:
    return t == R_X86_64_GOTPCRELX || t == R_X86_64_REX_GOTPCRELX || t == R_X86_64_GOTPCREL;
  case X64_CALL_PLTOFF: return t == R_X86_64_PLTOFF64;
  }
  return 0;
}

/* The large code model calls __tls_get_addr through its GOT-relative PLT address:
 *   movabs $__tls_get_addr@pltoff,%rax   48 b8 <PLTOFF64>      (at `off`, 10 bytes)
 *   add %reg,%rax                        48/4c 01 c0+8*reg     (GOT base register, 3 bytes)
 *   call *%rax                           ff d0                 (2 bytes)
 * Checks those 15 bytes and the PLTOFF64 relocation on the immediate. */
static int x64_is_large_call(const ld_tls_ctx *ctx, uint64_t off) {
  static const uint8_t movabs[2] = {0x48, 0xb8}, call_rax[2] = {0xff, 0xd0};
  if (!x64_bytes_are(ctx, off, movabs, 2) || !x64_bytes_are(ctx, off + 13, call_rax, 2)) return 0;
  const uint8_t *add = ctx->buf + off + 10;
  if ((add[0] & 0xfb) != 0x48 || add[1] != 0x01 || (add[2] & 0xc7) != 0xc0) return 0;
  return x64_call_rel_is(ctx, off + 2, X64_CALL_PLTOFF);
}

/* General Dynamic, relocation TLSGD at `off`. Three call forms are recognised:
 *
 * 16 bytes, PLT call (gcc, clang):
 *   66 48 8d 3d <TLSGD>   66 66 48 e8 <PLT32/PC32>   data16 lea x@tlsgd(%rip),%rdi
 *                                                    data16 data16 rex64 call __tls_get_addr
 * 16 bytes, -fno-plt:
 *   66 48 8d 3d <TLSGD>   66 48 ff 15 <GOTPCRELX>    data16 lea x@tlsgd(%rip),%rdi
 *                                                    data16 rex64 call
 * *__tls_get_addr@GOTPCREL(%rip) both become LE: 64 48 8b 04 25 00 00 00 00   48 8d 80 <tpoff> mov
 * %fs:0,%rax; lea x@tpoff(%rax),%rax IE: 64 48 8b 04 25 00 00 00 00   48 03 05 <disp>     mov
 * %fs:0,%rax; add x@gottpoff(%rip),%rax
 *
 * 22 bytes, large code model:
 *   48 8d 3d <TLSGD>  48 b8 <PLTOFF64>  48/4c 01 xx  ff d0
 *                       lea x@tlsgd(%rip),%rdi; movabs $__tls_get_addr@pltoff,%rax;
 *                       add %reg,%rax; call *%rax
 * becomes
 *   LE: 64 48 8b 04 25 00 00 00 00  66 0f 1f 44 00 00  48 8d 80 <tpoff>
 *   IE: 64 48 8b 04 25 00 00 00 00  66 0f 1f 44 00 00  48 03 05 <disp>
 *                       mov %fs:0,%rax; nopw 0(%rax,%rax); lea/add as above
 *
 * The relocation on the call is consumed: returns 2. */
static int x64_gd(ld_tls_ctx *ctx, int to_ie) {
  static const uint8_t lea_rdi[3] = {0x48, 0x8d, 0x3d};
  static const uint8_t plt_call[4] = {0x66, 0x66, 0x48, 0xe8};
  static const uint8_t got_call[4] = {0x66, 0x48, 0xff, 0x15};
  static const uint8_t tail_le[3] = {0x48, 0x8d, 0x80}, tail_ie[3] = {0x48, 0x03, 0x05};
  uint64_t off = ctx->rels[ctx->i].r_offset;
  uint8_t *b = ctx->buf;
  const char *bad = "unexpected instruction bytes for TLSGD relaxation";

  if (off < 3 || !x64_bytes_are(ctx, off - 3, lea_rdi, 3)) return x64_fail(ctx, bad);
  uint64_t seq, tail;
  if (off >= 4 && b[off - 4] == 0x66) {
    int plt =
        x64_bytes_are(ctx, off + 4, plt_call, 4) && x64_call_rel_is(ctx, off + 8, X64_CALL_PLT);
    int got =
        x64_bytes_are(ctx, off + 4, got_call, 4) && x64_call_rel_is(ctx, off + 8, X64_CALL_GOT);
    if ((!plt && !got) || off + 12 > ctx->size) return x64_fail(ctx, bad);
    seq = off - 4;
    memcpy(b + seq, x64_mov_fs0_rax, 9);
    tail = seq + 9;
  } else if (x64_is_large_call(ctx, off + 4)) {
    seq = off - 3;
    memcpy(b + seq, x64_mov_fs0_rax, 9);
    memcpy(b + seq + 9, x64_nop6, 6);
    tail = seq + 15;
  } else {
    return x64_fail(ctx, bad);
  }
  memcpy(b + tail, to_ie ? tail_ie : tail_le, 3);
  int rc = to_ie ? x64_put_ie_disp(ctx, tail + 3, tail + 7) : x64_put_tpoff(ctx, tail + 3);
  return rc < 0 ? rc : 2;
}

/* Local Dynamic to Local Exec, relocation TLSLD at `off`. The call becomes a load of the
 * thread pointer padded to the same length; the DTPOFF fields that follow are the core's.
 *
 * 12 bytes:  48 8d 3d <TLSLD>  e8 <PLT32/PC32>    lea x@tlsld(%rip),%rdi; call __tls_get_addr
 *     ->     66 66 66 64 48 8b 04 25 00 00 00 00  data16 data16 data16 mov %fs:0,%rax
 * 13 bytes:  48 8d 3d <TLSLD>  ff 15 <GOTPCRELX>  ... call *__tls_get_addr@GOTPCREL(%rip)
 *     ->     66 66 66 66 64 48 8b 04 25 00 00 00 00   (four data16 prefixes, as the psABI shows)
 * 22 bytes:  48 8d 3d <TLSLD>  48 b8 <PLTOFF64>  48/4c 01 xx  ff d0   (large code model)
 *     ->     66 66 66 64 48 8b 04 25 00 00 00 00  66 2e 0f 1f 84 00 00 00 00 00
 *                                                 ... ; nopw %cs:0(%rax,%rax)
 * Returns 2: the call's relocation is consumed. */
static int x64_ld(ld_tls_ctx *ctx) {
  static const uint8_t lea_rdi[3] = {0x48, 0x8d, 0x3d};
  static const uint8_t got_call[2] = {0xff, 0x15};
  uint64_t off = ctx->rels[ctx->i].r_offset;
  uint8_t *b = ctx->buf;

  if (off < 3 || !x64_bytes_are(ctx, off - 3, lea_rdi, 3) || off + 4 >= ctx->size)
    return x64_fail(ctx, "unexpected instruction bytes for TLSLD relaxation");
  uint64_t seq = off - 3, npfx;
  if (b[off + 4] == 0xe8 && off + 9 <= ctx->size && x64_call_rel_is(ctx, off + 5, X64_CALL_PLT)) {
    npfx = 3;
  } else if (x64_bytes_are(ctx, off + 4, got_call, 2) && off + 10 <= ctx->size &&
             x64_call_rel_is(ctx, off + 6, X64_CALL_GOT)) {
    npfx = 4;
  } else if (x64_is_large_call(ctx, off + 4)) {
    npfx = 3;
    memcpy(b + seq + 12, x64_nop10, 10);
  } else {
    return x64_fail(ctx, "unexpected instruction bytes for TLSLD relaxation");
  }
  memset(b + seq, 0x66, npfx);
  memcpy(b + seq + npfx, x64_mov_fs0_rax, 9);
  return 2;
}

/* Initial Exec to Local Exec, relocation GOTTPOFF at `off` (or CODE_4_GOTTPOFF with REX2).
 * reg is ModRM.reg; r = REX.R, which becomes REX.B when the register moves to ModRM.rm.
 *   mov x@gottpoff(%rip),%reg   48|r<<2 8b 05+8*reg <disp>
 *     -> mov $x@tpoff,%reg       48|r    c7 c0+reg   <tpoff>
 *   add x@gottpoff(%rip),%reg   48|r<<2 03 05+8*reg <disp>      (reg not %rsp/%r12)
 *     -> lea x@tpoff(%reg),%reg  48|r<<2|r 8d 80+9*reg <tpoff>
 *   add x@gottpoff(%rip),%rsp/%r12 (a base of 100 would need a SIB byte there is no room for)
 *     -> add $x@tpoff,%reg       48|r    81 c4       <tpoff>
 * With REX2 (d5 <payload>) the payload's R4/R3 become B4/B3 in the same way, and `add` always
 * becomes `add $x@tpoff,%reg` (d5 <payload'> 81 c0+reg). Returns 1. */
static int x64_ie_to_le(ld_tls_ctx *ctx) {
  const ld_rel *r = &ctx->rels[ctx->i];
  enum x64_pfx pfx = r->r_type == R_X86_64_CODE_4_GOTTPOFF ? X64_PFX_REX2 : X64_PFX_REX;
  uint64_t off = r->r_offset;
  uint8_t *loc = ctx->buf + off;

  if (off + 4 > ctx->size || !x64_pfx_ok(ctx->buf, loc, pfx) ||
      (pfx == X64_PFX_REX ? (loc[-3] & 0xfb) != 0x48 : (loc[-3] & 0x08) == 0) ||
      (loc[-1] & 0xc7) != 0x05 || (loc[-2] != 0x8b && loc[-2] != 0x03))
    return x64_fail(ctx, "unexpected instruction bytes for GOTTPOFF (IE) relaxation");
  uint8_t reg = loc[-1] >> 3 & 7;
  if (loc[-2] == 0x8b) {
    loc[-2] = 0xc7;
    loc[-1] = (uint8_t)(0xc0 | reg);
    x64_pfx_r_to_b(loc, pfx);
  } else if (reg == 4 || pfx == X64_PFX_REX2) {
    loc[-2] = 0x81;
    loc[-1] = (uint8_t)(0xc0 | reg);
    x64_pfx_r_to_b(loc, pfx);
  } else {
    loc[-3] = (uint8_t)(loc[-3] | (loc[-3] >> 2 & 1));
    loc[-2] = 0x8d;
    loc[-1] = (uint8_t)(0x80 | reg << 3 | reg);
  }
  return x64_put_tpoff(ctx, off) < 0 ? -1 : 1;
}

/* TLS descriptors. Relocation GOTPC32_TLSDESC at `off` (CODE_4_GOTPC32_TLSDESC with REX2):
 *   lea x@tlsdesc(%rip),%reg    48|r<<2 8d 05+8*reg <disp>     (gcc and clang use %rax)
 *     LE -> mov $x@tpoff,%reg    48|r    c7 c0+reg   <tpoff>
 *     IE -> mov x@gottpoff(%rip),%reg  48|r<<2 8b 05+8*reg <disp of the IE slot>
 * Relocation TLSDESC_CALL at the call's first byte:
 *   call *x@tlscall(%rax)  ff 10  ->  xchg %ax,%ax (2-byte nop)  66 90
 * The two relocations need not be adjacent, so each is rewritten on its own: returns 1. */
static int x64_desc(ld_tls_ctx *ctx, int to_ie) {
  const ld_rel *r = &ctx->rels[ctx->i];
  uint64_t off = r->r_offset;
  uint8_t *loc = ctx->buf + off;

  if (r->r_type == R_X86_64_TLSDESC_CALL) {
    static const uint8_t call_rax[2] = {0xff, 0x10};
    if (!x64_bytes_are(ctx, off, call_rax, 2))
      return x64_fail(ctx, "unexpected instruction bytes for TLSDESC_CALL relaxation");
    loc[0] = 0x66;
    loc[1] = 0x90;
    return 1;
  }
  enum x64_pfx pfx = r->r_type == R_X86_64_CODE_4_GOTPC32_TLSDESC ? X64_PFX_REX2 : X64_PFX_REX;
  if (off + 4 > ctx->size || !x64_pfx_ok(ctx->buf, loc, pfx) ||
      (pfx == X64_PFX_REX ? (loc[-3] & 0xfb) != 0x48 : (loc[-3] & 0x08) == 0) || loc[-2] != 0x8d ||
      (loc[-1] & 0xc7) != 0x05)
    return x64_fail(ctx, "unexpected instruction bytes for GOTPC32_TLSDESC relaxation");
  if (to_ie) {
    loc[-2] = 0x8b;
    return x64_put_ie_disp(ctx, off, off + 4) < 0 ? -1 : 1;
  }
  loc[-2] = 0xc7;
  loc[-1] = (uint8_t)(0xc0 | (loc[-1] >> 3 & 7));
  x64_pfx_r_to_b(loc, pfx);
  return x64_put_tpoff(ctx, off) < 0 ? -1 : 1;
}

/* Dispatches on the relocation that starts the sequence, so a descriptor relocation handed over
 * with a GD_TO_* request is treated as the matching DESC_TO_* one. */
int x64_tls_rewrite(ld_tls_ctx *ctx, int how) {
  if (ctx->i >= ctx->nrels) return x64_fail(ctx, "TLS rewrite past the last relocation");
  uint32_t type = ctx->rels[ctx->i].r_type;
  int to_ie = how == TLSR_GD_TO_IE || how == TLSR_DESC_TO_IE;

  switch (type) {
  case R_X86_64_TLSGD:
    if (how != TLSR_GD_TO_IE && how != TLSR_GD_TO_LE) break;
    return x64_gd(ctx, to_ie);
  case R_X86_64_TLSLD:
    if (how != TLSR_LD_TO_LE) break;
    return x64_ld(ctx);
  case R_X86_64_GOTTPOFF:
  case R_X86_64_CODE_4_GOTTPOFF:
    if (how != TLSR_IE_TO_LE) break;
    return x64_ie_to_le(ctx);
  case R_X86_64_GOTPC32_TLSDESC:
  case R_X86_64_CODE_4_GOTPC32_TLSDESC:
  case R_X86_64_TLSDESC_CALL:
    if (how == TLSR_LD_TO_LE || how == TLSR_IE_TO_LE) break;
    return x64_desc(ctx, to_ie);
  case R_X86_64_CODE_5_GOTTPOFF:
  case R_X86_64_CODE_6_GOTTPOFF:
  case R_X86_64_CODE_5_GOTPC32_TLSDESC:
  case R_X86_64_CODE_6_GOTPC32_TLSDESC:
    return x64_fail(ctx, "TLS relaxation of EVEX-encoded (APX) instructions is not supported");
  default: break;
  }
  return x64_fail(ctx, "relocation does not start a TLS sequence that can be relaxed this way");
}
