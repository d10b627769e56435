/* SPARC PLT templates.
 *
 * SPARC lazy binding differs from x86: the PLT lives in a writable, executable section that the
 * dynamic linker patches at run time (.plt is both the code and the "GOT" of the calls), and the
 * 32-bit and 64-bit layouts differ (sparcv9 switches to a far form after 32768 entries). Both
 * layouts are below, as glibc's loader and tld's ld.so.1 consume them.
 *
 * The IFUNC entry of a static link loads the function's address from its GOT slot, which the C
 * library's start-up fills by applying the slot's R_SPARC_IRELATIVE, and jumps:
 *   sethi %hi(slot), %g1         03 << 24 | slot >> 10
 *   ld(x) [%g1 + %lo(slot)], %g1 c2006000 (ld) or c2586000 (ldx) | slot & 0x3ff
 *   jmpl  %g1, %g0               81c06000
 *   nop                          01000000   (the delay slot)
 * The slot's address must fit 32 bits (an executable's default addresses do; a PIE is refused). */
#include <stdint.h>

#include "common/elf/bytes.h"

static void sparc_iplt(uint8_t *buf, uint64_t got_slot, uint32_t load) {
  elf_wr32(buf, 0x03000000u | (uint32_t)((got_slot >> 10) & 0x3fffff), 1);
  elf_wr32(buf + 4, load | (uint32_t)(got_slot & 0x3ff), 1);
  elf_wr32(buf + 8, 0x81c06000u, 1);
  elf_wr32(buf + 12, 0x01000000u, 1);
}

void sparc_write_iplt_entry32(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                              int pic) {
  (void)entry_addr, (void)gotplt, (void)pic;
  sparc_iplt(buf, got_slot, 0xc2006000u);
}

void sparc_write_iplt_entry64(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                              int pic) {
  (void)entry_addr, (void)gotplt, (void)pic;
  sparc_iplt(buf, got_slot, 0xc2586000u);
}

/* ---- the lazy PLT ---------------------------------------------------------------------------
 * The PLT is writable and executable and serves as its own GOT: a JMP_SLOT relocation names the
 * entry itself, and the dynamic linker rewrites the entry's instructions to reach the function
 * (or, lazily, fills the four reserved entries .PLT0-.PLT3 with its resolver's trampoline, so the
 * link-editor leaves them zero). Entry n >= 4:
 *   sparc (12 bytes):     sethi (. - .PLT0), %g1      03000000 | offset
 *                         b,a   .PLT0                 30800000 | disp22 to .PLT0
 *                         nop                         01000000
 *   sparcv9 (32 bytes):   sethi (. - .PLT0), %g1      03000000 | offset
 *                         ba,a,pt %xcc, .PLT1         30680000 | disp19 to .PLT1
 *                         nop x 6
 * The sethi's immediate is the entry's byte offset itself (not its high bits): the resolver reads
 * %g1 >> 10 back as the offset of the entry, whose relocation it then looks up. */
void sparc_write_plt_entry32(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t plt0,
                             uint32_t index, uint64_t rel_off, uint64_t gotplt, int pic) {
  (void)got_slot, (void)index, (void)rel_off, (void)gotplt, (void)pic;
  uint64_t off = entry_addr - plt0;
  elf_wr32(buf, 0x03000000u | (uint32_t)(off & 0x3fffff), 1);
  elf_wr32(buf + 4, 0x30800000u | (uint32_t)(((plt0 - (entry_addr + 4)) >> 2) & 0x3fffff), 1);
  elf_wr32(buf + 8, 0x01000000u, 1);
}

void sparc_write_plt_entry64(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t plt0,
                             uint32_t index, uint64_t rel_off, uint64_t gotplt, int pic) {
  (void)got_slot, (void)index, (void)rel_off, (void)gotplt, (void)pic;
  uint64_t off = entry_addr - plt0;
  elf_wr32(buf, 0x03000000u | (uint32_t)(off & 0x3fffff), 1);
  elf_wr32(buf + 4, 0x30680000u | (uint32_t)(((plt0 + 32 - (entry_addr + 4)) >> 2) & 0x7ffff), 1);
  for (int k = 2; k < 8; k++) elf_wr32(buf + 4 * k, 0x01000000u, 1);
}

/* ---- the sparcv9 far PLT --------------------------------------------------------------------
 * A near entry's sethi holds the entry's offset, which must fit its 22 bits, and the resolver
 * finds the entry from it; so the psABI gives entries 32768 and up (reserved ones counted)
 * another form. They come in blocks of 160: 160 entries of six instructions, then their 160
 * pointer words (the last block holds as many as are left), each entry 24 + 8 bytes in all:
 *   mov   %o7, %g5            8a10000f   keep the caller's return address
 *   call  .+8                 40000002   %o7 = this instruction's address
 *   nop                       01000000
 *   ldx   [%o7 + P], %g1      c25be000 | (pointer - (entry + 4))
 *   jmpl  %o7 + %g1, %g1      83c3c001
 *   mov   %g5, %o7            9e100005
 * The pointer word is a displacement from the entry's call: it first holds .PLT0 - (entry + 4),
 * so the entry reaches .PLT0 (the dynamic linker's far resolver) with the address of its jmpl in
 * %g1. Its JMP_SLOT names the pointer word, with addend -(entry + 4), and the dynamic linker
 * stores value - (entry + 4) there: one aligned 8-byte store binds the entry. */
#define SPARC_PLT64_NEAR 32768u /* entries, the 4 reserved ones included */
#define SPARC_PLT64_BLOCK 160u
#define SPARC_PLT64_HEADER (4 * 32u)

uint64_t sparc_plt_far_offset64(uint32_t i) {
  uint64_t e = (uint64_t)i + 4 - SPARC_PLT64_NEAR;
  return (uint64_t)SPARC_PLT64_NEAR * 32 - SPARC_PLT64_HEADER +
         e / SPARC_PLT64_BLOCK * (SPARC_PLT64_BLOCK * 32) + e % SPARC_PLT64_BLOCK * 24;
}

void sparc_write_plt_far64(uint8_t *plt, uint64_t plt0, uint32_t i, uint32_t n, uint64_t *slot_off,
                           int64_t *addend) {
  uint64_t e = (uint64_t)i + 4 - SPARC_PLT64_NEAR, nfar = (uint64_t)n + 4 - SPARC_PLT64_NEAR;
  uint64_t block = e / SPARC_PLT64_BLOCK, j = e % SPARC_PLT64_BLOCK;
  uint64_t in_block =
      block == nfar / SPARC_PLT64_BLOCK ? nfar % SPARC_PLT64_BLOCK : SPARC_PLT64_BLOCK;
  uint64_t start = (uint64_t)SPARC_PLT64_NEAR * 32 + block * (SPARC_PLT64_BLOCK * 32);
  uint64_t entry = start + j * 24, ptr = start + in_block * 24 + j * 8;
  uint8_t *p = plt + entry;
  elf_wr32(p, 0x8a10000fu, 1);
  elf_wr32(p + 4, 0x40000002u, 1);
  elf_wr32(p + 8, 0x01000000u, 1);
  elf_wr32(p + 12, 0xc25be000u | (uint32_t)((ptr - (entry + 4)) & 0x1fff), 1);
  elf_wr32(p + 16, 0x83c3c001u, 1);
  elf_wr32(p + 20, 0x9e100005u, 1);
  elf_wr64(plt + ptr, (uint64_t)0 - (entry + 4), 1);
  *slot_off = ptr;
  *addend = -(int64_t)(plt0 + entry + 4);
}

/* sparc: a nop after the last entry. The dynamic linker rewrites an entry's second and third
 * words into `sethi %hi(f), %g1; jmp %g1 + %lo(f)`, whose delay slot is the next entry's first
 * word, or for the last entry this one. */
void sparc_write_plt_tail32(uint8_t *buf) { elf_wr32(buf, 0x01000000u, 1); }
