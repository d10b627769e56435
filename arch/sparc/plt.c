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
