/* SPARC relocations for both targets: 32-bit V8/V8+ ("sparc") and 64-bit V9 ("sparcv9").
 *
 * SPARC is big-endian and uses RELA relocations, so fields in the input hold no addend and every
 * field is written by masking it out of the existing word and inserting the new bits: the rest of
 * the instruction (opcode, registers) is kept. Most fields live inside 32-bit instructions:
 *
 *   disp30   call                    bits 29..0   word displacement (value >> 2)
 *   disp22   Bicc, FBfcc             bits 21..0   word displacement
 *   disp19   BPcc, FBPfcc            bits 18..0   word displacement
 *   disp16   BPr                     bits 21..20 (d16hi) and 13..0 (d16lo)
 *   disp10   CBcond                  bits 20..19 (d10hi) and 12..5 (d10lo)
 *   imm22    sethi                   bits 21..0   usually value >> 10 (%hi)
 *   simm13   arithmetic, load/store  bits 12..0   sign-extended by the CPU; %lo uses bits 9..0
 *
 * Addresses wider than 32 bits are built from pieces: %hh/%hm/%lm (HH22, HM10, LM22) for the
 * full 64-bit medany/embmedany models, %h44/%m44/%l44 for 44-bit addresses, and %hix/%lox
 * (HIX22, LOX10) which build a negative value as `sethi ~v>>10` followed by `xor` with a simm13
 * whose bits 12..10 are set: the xor restores the low bits and sign-extends the top.
 *
 * The TLS and GOTDATA forms that are consumed by `xor` (TLS_LDO_*, TLS_LE_*, GOTDATA_*) are
 * encoded according to the sign of the value taken as a 64-bit signed number: %hix/%lox when
 * negative, plain %hi/%lo when not. Both give the right result with `xor`, and the choice lets one
 * encoder serve a DTP offset (never negative), a TP offset (negative, variant II) and an LDO
 * offset that the core recomputed as TP-relative after LD -> LE relaxation.
 *
 * Contract with the core: sparc_apply receives the full computed value (S + A, S + A - P, ...),
 * not shifted; the howto's `shift` is only used for the core's overflow check. Exceptions:
 *  - R_SPARC_OLO10: ELF64 r_info carries a signed 24-bit second addend in the upper bits of the
 *    type (ELF64_R_TYPE_DATA). The core must pass r_type as ELF64_R_TYPE_ID (the low 8 bits) and
 *    hand sparc_apply the simm13 value itself: ((S + A) & 0x3ff) + ELF64_R_TYPE_DATA(r_info),
 *    checked as a signed 13-bit number (the row says so).
 *  - R_SPARC_REGISTER describes an application register's initial value in a relocatable
 *    object; r_offset is a register number, not a place. It writes nothing.
 *
 * The two targets share one list of rows and differ only in overflow checks: on sparc a 32-bit
 * address computation wraps like the CPU does, so %hi and call displacements are never out of
 * range; on sparcv9 a %hi must fit 32 bits and a call must reach within +-2 GiB. */
#include <stddef.h>
#include <stdint.h>

#include "common/elf/bytes.h"
#include "ld_arch.h"

/* The fields a relocation writes, by where its bits go (sparc_apply encodes each one). */
enum sparc_field {
  SF_NONE = 0, /* no field: markers, dynamic-only and unsupported types */
  SF_INSN,     /* no field; the instruction is rewritten only when relaxed (GOTDATA_OP) */
  SF_W8,       /* data: a byte, halfword, word, doubleword (big-endian) */
  SF_W16,
  SF_W32,
  SF_W64,
  SF_REV32,     /* a little-endian word (R_SPARC_REV32) */
  SF_DISP30,    /* call: value >> 2 in bits 29..0 */
  SF_DISP22,    /* Bicc: value >> 2 in bits 21..0 */
  SF_DISP19,    /* BPcc: value >> 2 in bits 18..0 */
  SF_DISP16,    /* BPr: value >> 2 split into d16hi and d16lo */
  SF_DISP10,    /* CBcond: value >> 2 split into d10hi and d10lo */
  SF_HI22,      /* sethi: value >> 10 */
  SF_IMM22,     /* sethi: the value itself (R_SPARC_22) */
  SF_HH22,      /* sethi: value >> 42 */
  SF_H44,       /* sethi: value >> 22 */
  SF_H34,       /* sethi: value >> 12 */
  SF_HIX22,     /* sethi: ~value >> 10 */
  SF_HIX_OR_HI, /* sethi of a value consumed by xor: %hix when negative, %hi otherwise */
  SF_LO10,      /* simm13: the low 10 bits */
  SF_HM10,      /* simm13: bits 41..32 */
  SF_M44,       /* simm13: bits 21..12 */
  SF_L44,       /* simm13: the low 12 bits */
  SF_SIMM13,    /* simm13, and the narrower immediates below */
  SF_SIMM11,
  SF_SIMM7,
  SF_SIMM6,
  SF_SIMM5,
  SF_LOX10,     /* simm13: the low 10 bits with bits 12..10 set */
  SF_LOX_OR_LO, /* simm13 of a value consumed by xor: %lox when negative, %lo otherwise */
};

/* X(type, kind, field, size, check on sparc, bits on sparc, check on sparcv9, bits on sparcv9,
 *   shift, align, tls model). Types the psABI defines but no generic kind covers (absolute PLT
 *   addresses L + A) are RK_UNSUPPORTED; dynamic-only types are RK_COPY_ONLY. */
#define SPARC_RELOCS(X)                                                                            \
  X(R_SPARC_NONE, RK_NONE, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)                    \
  X(R_SPARC_8, RK_ABS, SF_W8, 1, CK_EITHER, 8, CK_EITHER, 8, 0, 0, TLSM_NONE)                      \
  X(R_SPARC_16, RK_ABS, SF_W16, 2, CK_EITHER, 16, CK_EITHER, 16, 0, 0, TLSM_NONE)                  \
  X(R_SPARC_32, RK_ABS, SF_W32, 4, CK_EITHER, 32, CK_EITHER, 32, 0, 0, TLSM_NONE)                  \
  X(R_SPARC_DISP8, RK_PC, SF_W8, 1, CK_SIGNED, 8, CK_SIGNED, 8, 0, 0, TLSM_NONE)                   \
  X(R_SPARC_DISP16, RK_PC, SF_W16, 2, CK_SIGNED, 16, CK_SIGNED, 16, 0, 0, TLSM_NONE)               \
  X(R_SPARC_DISP32, RK_PC, SF_W32, 4, CK_NONE, 32, CK_SIGNED, 32, 0, 0, TLSM_NONE)                 \
  X(R_SPARC_WDISP30, RK_PC, SF_DISP30, 4, CK_NONE, 30, CK_SIGNED, 30, 2, 4, TLSM_NONE)             \
  X(R_SPARC_WDISP22, RK_PC, SF_DISP22, 4, CK_SIGNED, 22, CK_SIGNED, 22, 2, 4, TLSM_NONE)           \
  X(R_SPARC_HI22, RK_ABS, SF_HI22, 4, CK_NONE, 22, CK_UNSIGNED, 22, 10, 0, TLSM_NONE)              \
  X(R_SPARC_22, RK_ABS, SF_IMM22, 4, CK_EITHER, 22, CK_EITHER, 22, 0, 0, TLSM_NONE)                \
  X(R_SPARC_13, RK_ABS, SF_SIMM13, 4, CK_SIGNED, 13, CK_SIGNED, 13, 0, 0, TLSM_NONE)               \
  X(R_SPARC_LO10, RK_ABS, SF_LO10, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_NONE)                   \
  X(R_SPARC_GOT10, RK_GOT_OFF, SF_LO10, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_NONE)              \
  X(R_SPARC_GOT13, RK_GOT_OFF, SF_SIMM13, 4, CK_SIGNED, 13, CK_SIGNED, 13, 0, 0, TLSM_NONE)        \
  X(R_SPARC_GOT22, RK_GOT_OFF, SF_HI22, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_NONE)             \
  X(R_SPARC_PC10, RK_PC, SF_LO10, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_NONE)                    \
  X(R_SPARC_PC22, RK_PC, SF_HI22, 4, CK_NONE, 22, CK_EITHER, 22, 10, 0, TLSM_NONE)                 \
  X(R_SPARC_WPLT30, RK_PLT_PC, SF_DISP30, 4, CK_NONE, 30, CK_SIGNED, 30, 2, 4, TLSM_NONE)          \
  X(R_SPARC_COPY, RK_COPY_ONLY, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)               \
  X(R_SPARC_GLOB_DAT, RK_COPY_ONLY, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)           \
  X(R_SPARC_JMP_SLOT, RK_COPY_ONLY, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)           \
  X(R_SPARC_RELATIVE, RK_COPY_ONLY, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)           \
  X(R_SPARC_UA32, RK_ABS, SF_W32, 4, CK_EITHER, 32, CK_EITHER, 32, 0, 0, TLSM_NONE)                \
  X(R_SPARC_PLT32, RK_UNSUPPORTED, SF_NONE, 4, CK_NONE, 32, CK_NONE, 32, 0, 0, TLSM_NONE)          \
  X(R_SPARC_HIPLT22, RK_UNSUPPORTED, SF_NONE, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_NONE)       \
  X(R_SPARC_LOPLT10, RK_UNSUPPORTED, SF_NONE, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_NONE)        \
  X(R_SPARC_PCPLT32, RK_PLT_PC, SF_W32, 4, CK_NONE, 32, CK_SIGNED, 32, 0, 0, TLSM_NONE)            \
  X(R_SPARC_PCPLT22, RK_PLT_PC, SF_HI22, 4, CK_NONE, 22, CK_EITHER, 22, 10, 0, TLSM_NONE)          \
  X(R_SPARC_PCPLT10, RK_PLT_PC, SF_LO10, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_NONE)             \
  X(R_SPARC_10, RK_ABS, SF_LO10, 4, CK_EITHER, 10, CK_EITHER, 10, 0, 0, TLSM_NONE)                 \
  X(R_SPARC_11, RK_ABS, SF_SIMM11, 4, CK_EITHER, 11, CK_EITHER, 11, 0, 0, TLSM_NONE)               \
  X(R_SPARC_64, RK_ABS, SF_W64, 8, CK_NONE, 64, CK_NONE, 64, 0, 0, TLSM_NONE)                      \
  X(R_SPARC_OLO10, RK_ABS, SF_SIMM13, 4, CK_SIGNED, 13, CK_SIGNED, 13, 0, 0, TLSM_NONE)            \
  X(R_SPARC_HH22, RK_ABS, SF_HH22, 4, CK_NONE, 22, CK_NONE, 22, 42, 0, TLSM_NONE)                  \
  X(R_SPARC_HM10, RK_ABS, SF_HM10, 4, CK_NONE, 10, CK_NONE, 10, 32, 0, TLSM_NONE)                  \
  X(R_SPARC_LM22, RK_ABS, SF_HI22, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_NONE)                  \
  X(R_SPARC_PC_HH22, RK_PC, SF_HH22, 4, CK_NONE, 22, CK_NONE, 22, 42, 0, TLSM_NONE)                \
  X(R_SPARC_PC_HM10, RK_PC, SF_HM10, 4, CK_NONE, 10, CK_NONE, 10, 32, 0, TLSM_NONE)                \
  X(R_SPARC_PC_LM22, RK_PC, SF_HI22, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_NONE)                \
  X(R_SPARC_WDISP16, RK_PC, SF_DISP16, 4, CK_SIGNED, 16, CK_SIGNED, 16, 2, 4, TLSM_NONE)           \
  X(R_SPARC_WDISP19, RK_PC, SF_DISP19, 4, CK_SIGNED, 19, CK_SIGNED, 19, 2, 4, TLSM_NONE)           \
  X(R_SPARC_GLOB_JMP, RK_UNSUPPORTED, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)         \
  X(R_SPARC_7, RK_ABS, SF_SIMM7, 4, CK_EITHER, 7, CK_EITHER, 7, 0, 0, TLSM_NONE)                   \
  X(R_SPARC_5, RK_ABS, SF_SIMM5, 4, CK_EITHER, 5, CK_EITHER, 5, 0, 0, TLSM_NONE)                   \
  X(R_SPARC_6, RK_ABS, SF_SIMM6, 4, CK_EITHER, 6, CK_EITHER, 6, 0, 0, TLSM_NONE)                   \
  X(R_SPARC_DISP64, RK_PC, SF_W64, 8, CK_NONE, 64, CK_NONE, 64, 0, 0, TLSM_NONE)                   \
  X(R_SPARC_PLT64, RK_UNSUPPORTED, SF_NONE, 8, CK_NONE, 64, CK_NONE, 64, 0, 0, TLSM_NONE)          \
  X(R_SPARC_HIX22, RK_ABS, SF_HIX22, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_NONE)                \
  X(R_SPARC_LOX10, RK_ABS, SF_LOX10, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_NONE)                 \
  X(R_SPARC_H44, RK_ABS, SF_H44, 4, CK_NONE, 22, CK_UNSIGNED, 22, 22, 0, TLSM_NONE)                \
  X(R_SPARC_M44, RK_ABS, SF_M44, 4, CK_NONE, 10, CK_NONE, 10, 12, 0, TLSM_NONE)                    \
  X(R_SPARC_L44, RK_ABS, SF_L44, 4, CK_NONE, 12, CK_NONE, 12, 0, 0, TLSM_NONE)                     \
  X(R_SPARC_REGISTER, RK_NONE, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)                \
  X(R_SPARC_UA64, RK_ABS, SF_W64, 8, CK_NONE, 64, CK_NONE, 64, 0, 0, TLSM_NONE)                    \
  X(R_SPARC_UA16, RK_ABS, SF_W16, 2, CK_EITHER, 16, CK_EITHER, 16, 0, 0, TLSM_NONE)                \
  X(R_SPARC_TLS_GD_HI22, RK_TLSGD_GOT, SF_HI22, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_GD)       \
  X(R_SPARC_TLS_GD_LO10, RK_TLSGD_GOT, SF_LO10, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_GD)        \
  X(R_SPARC_TLS_GD_ADD, RK_TLS_MARK, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_GD)            \
  X(R_SPARC_TLS_GD_CALL, RK_TLSGD_CALL, SF_DISP30, 4, CK_NONE, 30, CK_SIGNED, 30, 2, 4, TLSM_GD)   \
  X(R_SPARC_TLS_LDM_HI22, RK_TLSLD_GOT, SF_HI22, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_LD)      \
  X(R_SPARC_TLS_LDM_LO10, RK_TLSLD_GOT, SF_LO10, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_LD)       \
  X(R_SPARC_TLS_LDM_ADD, RK_TLS_MARK, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_LD)           \
  X(R_SPARC_TLS_LDM_CALL, RK_TLSGD_CALL, SF_DISP30, 4, CK_NONE, 30, CK_SIGNED, 30, 2, 4, TLSM_LD)  \
  X(R_SPARC_TLS_LDO_HIX22, RK_DTPOFF, SF_HIX_OR_HI, 4, CK_NONE, 22, CK_NONE, 22, 10, 0,            \
    TLSM_DTPOFF)                                                                                   \
  X(R_SPARC_TLS_LDO_LOX10, RK_DTPOFF, SF_LOX_OR_LO, 4, CK_NONE, 10, CK_NONE, 10, 0, 0,             \
    TLSM_DTPOFF)                                                                                   \
  X(R_SPARC_TLS_LDO_ADD, RK_TLS_MARK, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_DTPOFF)       \
  X(R_SPARC_TLS_IE_HI22, RK_TLSIE_GOT, SF_HI22, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_IE)       \
  X(R_SPARC_TLS_IE_LO10, RK_TLSIE_GOT, SF_LO10, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_IE)        \
  X(R_SPARC_TLS_IE_LD, RK_TLS_MARK, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_IE)             \
  X(R_SPARC_TLS_IE_LDX, RK_TLS_MARK, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_IE)            \
  X(R_SPARC_TLS_IE_ADD, RK_TLS_MARK, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_IE)            \
  X(R_SPARC_TLS_LE_HIX22, RK_TPOFF, SF_HIX_OR_HI, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_LE)     \
  X(R_SPARC_TLS_LE_LOX10, RK_TPOFF, SF_LOX_OR_LO, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_LE)      \
  X(R_SPARC_TLS_DTPMOD32, RK_COPY_ONLY, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)       \
  X(R_SPARC_TLS_DTPMOD64, RK_COPY_ONLY, SF_NONE, 8, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)       \
  X(R_SPARC_TLS_DTPOFF32, RK_DTPOFF, SF_W32, 4, CK_NONE, 32, CK_NONE, 32, 0, 0, TLSM_NONE)         \
  X(R_SPARC_TLS_DTPOFF64, RK_DTPOFF, SF_W64, 8, CK_NONE, 64, CK_NONE, 64, 0, 0, TLSM_NONE)         \
  X(R_SPARC_TLS_TPOFF32, RK_COPY_ONLY, SF_NONE, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)        \
  X(R_SPARC_TLS_TPOFF64, RK_COPY_ONLY, SF_NONE, 8, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)        \
  X(R_SPARC_GOTDATA_HIX22, RK_GOTREL, SF_HIX_OR_HI, 4, CK_NONE, 22, CK_NONE, 22, 10, 0, TLSM_NONE) \
  X(R_SPARC_GOTDATA_LOX10, RK_GOTREL, SF_LOX_OR_LO, 4, CK_NONE, 10, CK_NONE, 10, 0, 0, TLSM_NONE)  \
  X(R_SPARC_GOTDATA_OP_HIX22, RK_GOT_OFF, SF_HIX_OR_HI, 4, CK_NONE, 22, CK_NONE, 22, 10, 0,        \
    TLSM_NONE)                                                                                     \
  X(R_SPARC_GOTDATA_OP_LOX10, RK_GOT_OFF, SF_LOX_OR_LO, 4, CK_NONE, 10, CK_NONE, 10, 0, 0,         \
    TLSM_NONE)                                                                                     \
  X(R_SPARC_GOTDATA_OP, RK_GOT_OFF, SF_INSN, 4, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)           \
  X(R_SPARC_H34, RK_ABS, SF_H34, 4, CK_NONE, 22, CK_UNSIGNED, 22, 12, 0, TLSM_NONE)                \
  X(R_SPARC_SIZE32, RK_SIZE, SF_W32, 4, CK_EITHER, 32, CK_EITHER, 32, 0, 0, TLSM_NONE)             \
  X(R_SPARC_SIZE64, RK_SIZE, SF_W64, 8, CK_NONE, 64, CK_NONE, 64, 0, 0, TLSM_NONE)                 \
  X(R_SPARC_WDISP10, RK_PC, SF_DISP10, 4, CK_SIGNED, 10, CK_SIGNED, 10, 2, 4, TLSM_NONE)           \
  X(R_SPARC_JMP_IREL, RK_COPY_ONLY, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)           \
  X(R_SPARC_IRELATIVE, RK_COPY_ONLY, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)          \
  X(R_SPARC_GNU_VTINHERIT, RK_NONE, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)           \
  X(R_SPARC_GNU_VTENTRY, RK_NONE, SF_NONE, 0, CK_NONE, 0, CK_NONE, 0, 0, 0, TLSM_NONE)             \
  X(R_SPARC_REV32, RK_ABS, SF_REV32, 4, CK_EITHER, 32, CK_EITHER, 32, 0, 0, TLSM_NONE)

/* Notes on individual rows:
 *  - TLS_LDO_ADD is tagged TLSM_DTPOFF, not TLSM_LD: it marks `add %o0, r, r` of a DTP-relative
 *    access, which may appear any number of times after one LDM call and is rewritten to use %g7
 *    when the LD sequence is relaxed to LE.
 *  - TLS_DTPOFF32/64 appear in data (debug information) and stay DTP-relative whatever model the
 *    code uses, hence no TLS model.
 *  - GOTDATA_OP marks the `ld [%l7 + r], r` of a GOTDATA_OP_HIX22/LOX10 sequence. Its kind is a
 *    GOT one so that the core offers it to sparc_relax_got; kept, it writes nothing. */

#define SPARC_ROW32(t, k, f, sz, c32, b32, c64, b64, sh, al, m)                                    \
  [t] = {#t, (k), (sz), (c32), (b32), (sh), (al), (m)},
#define SPARC_ROW64(t, k, f, sz, c32, b32, c64, b64, sh, al, m)                                    \
  [t] = {#t, (k), (sz), (c64), (b64), (sh), (al), (m)},
#define SPARC_FIELD(t, k, f, sz, c32, b32, c64, b64, sh, al, m) [t] = (f),

const ld_howto sparc_howto32[] = {SPARC_RELOCS(SPARC_ROW32)};
const ld_howto sparc_howto64[] = {SPARC_RELOCS(SPARC_ROW64)};
static const uint8_t sparc_field[SPARC_NHOWTO] = {SPARC_RELOCS(SPARC_FIELD)};

/* Every row names its field: a type whose kind gives the core a value to write has one (so the
 * value cannot be range-checked and then dropped), a type that carries no value has none. */
#define SPARC_CHECK(t, k, f, sz, c32, b32, c64, b64, sh, al, m)                                    \
  _Static_assert(((f) == SF_NONE) == ((k) == RK_NONE || (k) == RK_COPY_ONLY ||                     \
                                      (k) == RK_UNSUPPORTED || (k) == RK_TLS_MARK),                \
                 #t                                                                                \
                 ": a type that carries a value needs a field, one that carries none has none");
SPARC_RELOCS(SPARC_CHECK)

#undef SPARC_ROW32
#undef SPARC_ROW64
#undef SPARC_FIELD
#undef SPARC_CHECK

/* Replace the bits `mask` of the instruction word at `loc` by `bits` (already positioned). */
static void sparc_insn(uint8_t *loc, uint32_t mask, uint32_t bits) {
  uint32_t w = elf_rd32(loc, 1);
  elf_wr32(loc, (w & ~mask) | (bits & mask), 1);
}

/* sethi half of a value consumed by `xor`: %hix22 when negative, %hi22 otherwise. */
static uint32_t sparc_hix_or_hi(uint64_t val) {
  return (uint32_t)(((int64_t)val < 0 ? ~val : val) >> 10);
}

/* simm13 half of the same: %lox10 (bits 12..10 set) when negative, %lo10 otherwise. */
static uint32_t sparc_lox_or_lo(uint64_t val) {
  return (uint32_t)(val & 0x3ff) | ((int64_t)val < 0 ? 0x1c00u : 0);
}

/* GOTDATA_OP relaxation. When the symbol is local to the output, the GOT load of a
 * GOTDATA_OP sequence becomes the computation of the address from the GOT base, so no GOT slot is
 * read (and a section symbol's addend, which a per-symbol slot could not carry, is exact):
 *   sethi %gdop_hix22(x), %g1        ->  sethi %hix(x - GOT), %g1     (GOTDATA_OP_HIX22)
 *   xor   %g1, %gdop_lox10(x), %g1   ->  xor   %g1, %lox(x - GOT), %g1 (GOTDATA_OP_LOX10)
 *   ld(x) [%l7 + %g1], %g2           ->  add   %l7, %g1, %g2          (GOTDATA_OP)
 * The core writes S + A - GOT (RK_GOTREL) into the first two; the load is rewritten here and its
 * relocation writes nothing. Any other instruction at a GOTDATA_OP keeps the whole sequence. */
int sparc_relax_got(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs) {
  (void)buf_start, (void)addend, (void)to_abs;
  if (type == R_SPARC_GOTDATA_OP_HIX22 || type == R_SPARC_GOTDATA_OP_LOX10) return RK_GOTREL;
  if (type != R_SPARC_GOTDATA_OP) return 0;
  uint32_t w = elf_rd32(loc, 1);
  uint32_t op = w >> 30, op3 = (w >> 19) & 0x3f, i = (w >> 13) & 1;
  if (op != 3 || (op3 != 0x00 && op3 != 0x0b) || i) return 0;           /* ld/ldx reg+reg */
  elf_wr32(loc, (w & ~(0xc0000000u | (0x3fu << 19))) | 0x80000000u, 1); /* op 2, op3 0: add */
  return RK_GOTREL;
}

/* A missing case is a compile-time error, not a value that is checked and never written. */
#pragma GCC diagnostic error "-Wswitch"

/* Encode `val` into the field of relocation `type` at `loc` (see the contract above). Types
 * that write nothing (markers, NONE, dynamic-only types) leave the bytes alone. */
void sparc_apply(uint8_t *loc, uint32_t type, uint64_t val) {
  if (type >= SPARC_NHOWTO) return;
  switch ((enum sparc_field)sparc_field[type]) {
  case SF_NONE:
  case SF_INSN: break;
  /* Data words. */
  case SF_W8: loc[0] = (uint8_t)val; break;
  case SF_W16: elf_wr16(loc, (uint16_t)val, 1); break;
  case SF_W32: elf_wr32(loc, (uint32_t)val, 1); break;
  case SF_W64: elf_wr64(loc, val, 1); break;
  case SF_REV32: elf_wr32(loc, (uint32_t)val, 0); break;
  /* Word displacements of branches and calls. */
  case SF_DISP30: sparc_insn(loc, 0x3fffffff, (uint32_t)(val >> 2)); break;
  case SF_DISP22: sparc_insn(loc, 0x3fffff, (uint32_t)(val >> 2)); break;
  case SF_DISP19: sparc_insn(loc, 0x7ffff, (uint32_t)(val >> 2)); break;
  case SF_DISP16: {
    uint32_t d = (uint32_t)(val >> 2);
    sparc_insn(loc, 0x303fff, (d & 0xc000) << 6 | (d & 0x3fff));
    break;
  }
  case SF_DISP10: {
    uint32_t d = (uint32_t)(val >> 2);
    sparc_insn(loc, 0x181fe0, (d & 0x300) << 11 | (d & 0xff) << 5);
    break;
  }
  /* sethi imm22. */
  case SF_HI22: sparc_insn(loc, 0x3fffff, (uint32_t)(val >> 10)); break;
  case SF_IMM22: sparc_insn(loc, 0x3fffff, (uint32_t)val); break;
  case SF_HH22: sparc_insn(loc, 0x3fffff, (uint32_t)(val >> 42)); break;
  case SF_H44: sparc_insn(loc, 0x3fffff, (uint32_t)(val >> 22)); break;
  case SF_H34: sparc_insn(loc, 0x3fffff, (uint32_t)(val >> 12)); break;
  case SF_HIX22: sparc_insn(loc, 0x3fffff, (uint32_t)(~val >> 10)); break;
  case SF_HIX_OR_HI: sparc_insn(loc, 0x3fffff, sparc_hix_or_hi(val)); break;
  /* simm13 and its narrower uses. */
  case SF_LO10: sparc_insn(loc, 0x3ff, (uint32_t)val); break;
  case SF_HM10: sparc_insn(loc, 0x3ff, (uint32_t)(val >> 32)); break;
  case SF_M44: sparc_insn(loc, 0x3ff, (uint32_t)(val >> 12)); break;
  case SF_L44: sparc_insn(loc, 0xfff, (uint32_t)val); break;
  case SF_SIMM13: sparc_insn(loc, 0x1fff, (uint32_t)val); break;
  case SF_SIMM11: sparc_insn(loc, 0x7ff, (uint32_t)val); break;
  case SF_SIMM7: sparc_insn(loc, 0x7f, (uint32_t)val); break;
  case SF_SIMM6: sparc_insn(loc, 0x3f, (uint32_t)val); break;
  case SF_SIMM5: sparc_insn(loc, 0x1f, (uint32_t)val); break;
  case SF_LOX10: sparc_insn(loc, 0x1fff, (uint32_t)(val & 0x3ff) | 0x1c00); break;
  case SF_LOX_OR_LO: sparc_insn(loc, 0x1fff, sparc_lox_or_lo(val)); break;
  }
}

/* ---- TLS rewrites ----------------------------------------------------------------------------
 *
 * The instructions of a SPARC TLS sequence are not contiguous: the compiler schedules them
 * freely, puts the GD_ADD/LDM_ADD in the call's delay slot, and one LDM call serves any number of
 * LDO_HIX22/LOX10/ADD triples. So each relocation is rewritten on its own: sparc_tls_rewrite
 * handles ctx->rels[ctx->i] and returns 1 (2 in the one case noted below). The core must call it
 * for EVERY relocation of a relaxed sequence, markers included, with ctx->value as follows:
 *   *_TO_LE   the TP offset of that relocation's symbol (S + A - TP, negative);
 *   GD_TO_IE  the address of the symbol's IE (TPOFF) slot, made relative to the GOT base (%l7)
 *             by the entry points below;
 * and must not apply the relocation afterwards (the rewrite writes any field itself). A GD_CALL
 * or LDM_CALL rewritten here no longer calls __tls_get_addr: it needs no PLT entry.
 *
 * Before and after, per relocation (r1..r3 stand for whatever registers the code uses):
 *
 * GD -> LE
 *   sethi %tgd_hi22(x), r1        GD_HI22   sethi %tle_hix22(x), r1
 *   add   r1, %tgd_lo10(x), r2    GD_LO10   xor   r1, %tle_lox10(x), r2
 *   add   %l7, r2, %o0            GD_ADD    add   %g7, r2, %o0
 *   call  __tls_get_addr          GD_CALL   nop
 * GD -> IE
 *   sethi %tgd_hi22(x), r1        GD_HI22   sethi %hi(slot), r1
 *   add   r1, %tgd_lo10(x), r2    GD_LO10   add   r1, %lo(slot), r2
 *   add   %l7, r2, %o0            GD_ADD    ld    [%l7 + r2], %o0     (ldx on sparcv9)
 *   call  __tls_get_addr          GD_CALL   add   %g7, %o0, %o0
 *   When the GD_ADD sits in the call's delay slot (the usual schedule), the two are rewritten
 *   together, the load in the call's place and the add in the slot, and 2 is returned:
 *   call  __tls_get_addr          GD_CALL   ld    [%l7 + r2], %o0
 *    add  %l7, r2, %o0            GD_ADD    add   %g7, %o0, %o0
 * LD -> LE
 *   sethi %tldm_hi22(x), r1       LDM_HI22  nop
 *   add   r1, %tldm_lo10(x), r2   LDM_LO10  nop
 *   add   %l7, r2, %o0            LDM_ADD   nop
 *   call  __tls_get_addr          LDM_CALL  clr %o0                   (or %g0, %g0, %o0)
 *   sethi %tldo_hix22(x), r1      LDO_HIX22 sethi %hix(tpoff), r1     (field only)
 *   xor   r1, %tldo_lox10(x), r2  LDO_LOX10 xor   r1, %lox(tpoff), r2 (field only)
 *   add   %o0, r2, r3             LDO_ADD   add   %g7, r2, r3
 *   (or   ld/st [%o0 + r2], r3              ld/st [%g7 + r2], r3: any rs1 + rs2 form)
 *   The LDO_ADD base becomes %g7 and the LDM_CALL leaves 0 in %o0, so an LDO_ADD that reads
 *   %o0 after the call still computes %g7 + tpoff either way.
 * IE -> LE
 *   sethi %tie_hi22(x), r1        IE_HI22   sethi %tle_hix22(x), r1
 *   add   r1, %tie_lo10(x), r2    IE_LO10   xor   r1, %tle_lox10(x), r2
 *   ld[x] [%l7 + r2], r3          IE_LD(X)  mov   r2, r3              (or %g0, r2, r3)
 *   add   %g7, r3, r4             IE_ADD    unchanged
 */

#define SPARC_NOP 0x01000000u
#define SPARC_RD(w) ((w)&0x3e000000u)
#define SPARC_RS1(w) ((w)&0x0007c000u)
#define SPARC_RS2(w) ((w)&0x0000001fu)
#define SPARC_G7_RS1 (7u << 14)
#define SPARC_O0_RD (8u << 25)

/* Instruction shapes the rewrites accept. op (bits 31..30), op3 (24..19) and the i bit (13). */
static int sparc_is_sethi(uint32_t w) { return (w & 0xc1c00000u) == 0x01000000u; }
static int sparc_is_call(uint32_t w) { return (w >> 30) == 1; }
static int sparc_is_op3(uint32_t w, uint32_t op, uint32_t op3) {
  return (w >> 30) == op && ((w >> 19) & 0x3f) == op3;
}
/* add or or with an immediate (the %lo half of an address). */
static int sparc_is_lo_imm(uint32_t w) {
  return (sparc_is_op3(w, 2, 0x00) || sparc_is_op3(w, 2, 0x02)) && (w & 0x2000);
}
static int sparc_is_xor_imm(uint32_t w) { return sparc_is_op3(w, 2, 0x03) && (w & 0x2000); }
static int sparc_is_add_reg(uint32_t w) { return sparc_is_op3(w, 2, 0x00) && !(w & 0x2000); }
/* Any arithmetic or memory instruction with two source registers: an LDO_ADD marks either the
 * add that forms the address or a load/store that uses %o0 + r directly. */
static int sparc_is_rr(uint32_t w) { return (w >> 30) >= 2 && !(w & 0x2000); }
/* ld (lduw) or ldx with a register index. */
static int sparc_is_ld_reg(uint32_t w, int is64) {
  return sparc_is_op3(w, 3, is64 ? 0x0b : 0x00) && !(w & 0x2000);
}

static int sparc_tls_rewrite(ld_tls_ctx *ctx, int how, int is64) {
  const ld_rel *r = &ctx->rels[ctx->i];
  if (r->r_offset > ctx->size || ctx->size - r->r_offset < 4) {
    ctx->err = "TLS relocation outside its section";
    return -1;
  }
  uint8_t *loc = ctx->buf + r->r_offset;
  uint32_t w = elf_rd32(loc, 1), n;
  uint64_t v = (uint64_t)ctx->value;
  int le = how == TLSR_GD_TO_LE || how == TLSR_LD_TO_LE || how == TLSR_IE_TO_LE;

  switch (r->r_type) {
  case R_SPARC_TLS_GD_HI22:
  case R_SPARC_TLS_IE_HI22:
    if (!sparc_is_sethi(w)) goto bad;
    if (how != TLSR_GD_TO_LE && how != TLSR_GD_TO_IE && how != TLSR_IE_TO_LE) goto bad_how;
    if (r->r_type == R_SPARC_TLS_IE_HI22 && how != TLSR_IE_TO_LE) goto bad_how;
    n = (w & ~0x3fffffu) | ((le ? sparc_hix_or_hi(v) : (uint32_t)(v >> 10)) & 0x3fffff);
    break;
  case R_SPARC_TLS_GD_LO10:
  case R_SPARC_TLS_IE_LO10:
    if (!sparc_is_lo_imm(w)) goto bad;
    if (how != TLSR_GD_TO_LE && how != TLSR_GD_TO_IE && how != TLSR_IE_TO_LE) goto bad_how;
    if (r->r_type == R_SPARC_TLS_IE_LO10 && how != TLSR_IE_TO_LE) goto bad_how;
    if (le) n = 0x80182000u | SPARC_RD(w) | SPARC_RS1(w) | sparc_lox_or_lo(v);
    else n = (w & ~0x1fffu) | (uint32_t)(v & 0x3ff);
    break;
  case R_SPARC_TLS_GD_ADD:
    if (!sparc_is_add_reg(w)) goto bad;
    if (how == TLSR_GD_TO_LE) n = (w & ~0x0007c000u) | SPARC_G7_RS1;
    else if (how == TLSR_GD_TO_IE)
      n = (is64 ? 0xc0580000u : 0xc0000000u) | SPARC_O0_RD | SPARC_RS1(w) | SPARC_RS2(w);
    else goto bad_how;
    break;
  case R_SPARC_TLS_GD_CALL:
    if (!sparc_is_call(w)) goto bad;
    if (how == TLSR_GD_TO_LE) n = SPARC_NOP;
    else if (how == TLSR_GD_TO_IE) {
      /* GD_ADD in the delay slot ran before the call; once neither is a branch they run in
       * address order, so the load moves up into the call's place and the add with %g7 goes
       * into the slot. Both are rewritten here and both relocations consumed. */
      const ld_rel *d = ctx->i + 1 < ctx->nrels ? &ctx->rels[ctx->i + 1] : NULL;
      if (d && d->r_type == R_SPARC_TLS_GD_ADD && d->r_offset == r->r_offset + 4 &&
          d->r_sym == r->r_sym) {
        if (ctx->size - r->r_offset < 8) goto bad;
        uint32_t a = elf_rd32(loc + 4, 1);
        if (!sparc_is_add_reg(a)) goto bad;
        uint32_t ld = (is64 ? 0xc0580000u : 0xc0000000u) | SPARC_O0_RD;
        ld |= SPARC_RS1(a) | SPARC_RS2(a);
        elf_wr32(loc, ld, 1);
        elf_wr32(loc + 4, 0x9001c008u, 1);
        return 2;
      }
      n = 0x9001c008u; /* add %g7, %o0, %o0 */
    } else goto bad_how;
    break;
  case R_SPARC_TLS_LDM_HI22:
  case R_SPARC_TLS_LDM_LO10:
  case R_SPARC_TLS_LDM_ADD:
    if (how != TLSR_LD_TO_LE) goto bad_how;
    if (r->r_type == R_SPARC_TLS_LDM_HI22   ? !sparc_is_sethi(w)
        : r->r_type == R_SPARC_TLS_LDM_LO10 ? !sparc_is_lo_imm(w)
                                            : !sparc_is_add_reg(w))
      goto bad;
    n = SPARC_NOP;
    break;
  case R_SPARC_TLS_LDM_CALL:
    if (how != TLSR_LD_TO_LE) goto bad_how;
    if (!sparc_is_call(w)) goto bad;
    n = 0x90100000u; /* or %g0, %g0, %o0 */
    break;
  case R_SPARC_TLS_LDO_HIX22:
    if (how != TLSR_LD_TO_LE) goto bad_how;
    if (!sparc_is_sethi(w)) goto bad;
    n = (w & ~0x3fffffu) | (sparc_hix_or_hi(v) & 0x3fffff);
    break;
  case R_SPARC_TLS_LDO_LOX10:
    if (how != TLSR_LD_TO_LE) goto bad_how;
    if (!sparc_is_xor_imm(w)) goto bad;
    n = (w & ~0x1fffu) | sparc_lox_or_lo(v);
    break;
  case R_SPARC_TLS_LDO_ADD:
    if (how != TLSR_LD_TO_LE) goto bad_how;
    if (!sparc_is_rr(w)) goto bad;
    n = (w & ~0x0007c000u) | SPARC_G7_RS1;
    break;
  case R_SPARC_TLS_IE_LD:
  case R_SPARC_TLS_IE_LDX:
    if (how != TLSR_IE_TO_LE) goto bad_how;
    if (!sparc_is_ld_reg(w, r->r_type == R_SPARC_TLS_IE_LDX)) goto bad;
    n = 0x80100000u | SPARC_RD(w) | SPARC_RS2(w); /* or %g0, rs2, rd */
    break;
  case R_SPARC_TLS_IE_ADD:
    if (how != TLSR_IE_TO_LE) goto bad_how;
    if (!sparc_is_add_reg(w)) goto bad;
    n = w;
    break;
  default: goto bad_how;
  }
  elf_wr32(loc, n, 1);
  return 1;

bad:
  ctx->err = "unexpected instruction in TLS sequence";
  return -1;
bad_how:
  ctx->err = "relocation cannot take part in this TLS relaxation";
  return -1;
}

/* The core hands IE rewrites the slot's address; SPARC code reaches it from the GOT base. */
int sparc_tls_rewrite32(ld_tls_ctx *ctx, int how) {
  if (how == TLSR_GD_TO_IE) ctx->value -= (int64_t)ctx->got_base;
  return sparc_tls_rewrite(ctx, how, 0);
}
int sparc_tls_rewrite64(ld_tls_ctx *ctx, int how) {
  if (how == TLSR_GD_TO_IE) ctx->value -= (int64_t)ctx->got_base;
  return sparc_tls_rewrite(ctx, how, 1);
}
