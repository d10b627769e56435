/* SPARC PLT templates.
 *
 * SPARC lazy binding differs from x86: the PLT lives in a writable, executable section that the
 * dynamic linker patches at run time (.plt is both the code and the "GOT" of the calls), and the
 * 32-bit and 64-bit layouts differ (sparcv9 switches to a far form after 32768 entries). That lazy
 * PLT is not written yet (dynamic linking on SPARC comes later): both targets report no PLT (sizes
 * 0, writers NULL), and the core reports an error if a link needs one.
 *
 * What is here is the IFUNC entry of a static link: it loads the function's address from its GOT
 * slot, which the C library's start-up fills by applying the slot's R_SPARC_IRELATIVE, and jumps:
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

/* sparc: a nop after the last entry. The dynamic linker rewrites an entry's second and third
 * words into `sethi %hi(f), %g1; jmp %g1 + %lo(f)`, whose delay slot is the next entry's first
 * word, or for the last entry this one. */
void sparc_write_plt_tail32(uint8_t *buf) { elf_wr32(buf, 0x01000000u, 1); }
