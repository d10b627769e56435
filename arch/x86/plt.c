/* i386 PLT templates.
 *
 * .got.plt starts with three reserved words: the address of _DYNAMIC, then two words the dynamic
 * linker fills with its link-map pointer and its resolver. A lazy PLT entry first jumps through
 * its own .got.plt slot, which initially points back at the entry's `push`; that pushes the
 * offset of the entry's relocation in .rel.plt and jumps to PLT0, which pushes the link-map word
 * and jumps to the resolver.
 *
 * Two forms exist. The absolute form (for non-PIC executables) names .got.plt by address. The PIC
 * form (shared objects and PIE) addresses .got.plt through %ebx, which the caller must have
 * loaded with the GOT base; its entries hold slot offsets from that base. */
#include <stdint.h>

#include "common/elf/bytes.h"
#include "ld_arch.h"

#define X86_PLT_SIZE 16

/* PLT0.
 * Absolute form:                           PIC form (%ebx = .got.plt):
 *   ff 35 <gotplt+4>   pushl gotplt+4        ff b3 04 00 00 00   pushl 4(%ebx)
 *   ff 25 <gotplt+8>   jmp   *gotplt+8       ff a3 08 00 00 00   jmp   *8(%ebx)
 *   00 00 00 00        padding, never executed */
void x86_write_plt_header(uint8_t *buf, uint64_t plt0, uint64_t gotplt, int pic) {
  (void)plt0;
  buf[0] = 0xff, buf[1] = pic ? 0xb3 : 0x35;
  elf_wr32(buf + 2, (uint32_t)(pic ? 4 : gotplt + 4), 0);
  buf[6] = 0xff, buf[7] = pic ? 0xa3 : 0x25;
  elf_wr32(buf + 8, (uint32_t)(pic ? 8 : gotplt + 8), 0);
  elf_wr32(buf + 12, 0, 0);
}

/* PLT entry.
 *   ff 25 <got_slot>           jmp *got_slot          (absolute form)
 *   ff a3 <got_slot - gotplt>  jmp *off(%ebx)         (PIC form)
 *   68 <rel_off>               pushl $rel_off   (offset of the JMP_SLOT relocation in .rel.plt)
 *   e9 <plt0 - next>           jmp PLT0 */
void x86_write_plt_entry(ld_plt_entry *e) {
  uint8_t *buf = e->pe_plt + e->pe_off;
  uint64_t plt0 = e->pe_plt0, entry_addr = plt0 + e->pe_off, got_slot = e->pe_slot;
  uint64_t gotplt = e->pe_gotplt, rel_off = e->pe_rel_off;
  int pic = e->pe_pic;
  buf[0] = 0xff, buf[1] = pic ? 0xa3 : 0x25;
  elf_wr32(buf + 2, (uint32_t)(pic ? got_slot - gotplt : got_slot), 0);
  buf[6] = 0x68;
  elf_wr32(buf + 7, (uint32_t)rel_off, 0);
  buf[11] = 0xe9;
  elf_wr32(buf + 12, (uint32_t)(plt0 - (entry_addr + X86_PLT_SIZE)), 0);
}

/* With indirect branch tracking (-z ibtplt, or IBT in every input) a call goes through .plt.sec,
 * and the lazy half stays in .plt, each entry its slot's first target:
 *   .plt entry:                       .plt.sec entry:
 *     f3 0f 1e fb    endbr32            f3 0f 1e fb           endbr32
 *     68 <rel_off>   pushl $rel_off     ff 25 <got_slot>      jmp *got_slot        (absolute)
 *     e9 <rel32>     jmp PLT0           ff a3 <slot-gotplt>   jmp *off(%ebx)       (PIC)
 *     66 90          xchg %ax,%ax       66 0f 1f 44 00 00     nopw 0(%eax,%eax) */
void x86_write_ibt_plt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t plt0, uint32_t index,
                             uint64_t rel_off) {
  (void)index;
  buf[0] = 0xf3, buf[1] = 0x0f, buf[2] = 0x1e, buf[3] = 0xfb;
  buf[4] = 0x68;
  elf_wr32(buf + 5, (uint32_t)rel_off, 0);
  buf[9] = 0xe9;
  elf_wr32(buf + 10, (uint32_t)(plt0 - (entry_addr + 14)), 0);
  buf[14] = 0x66, buf[15] = 0x90;
}

void x86_write_plt_sec_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                             int pic) {
  (void)entry_addr;
  buf[0] = 0xf3, buf[1] = 0x0f, buf[2] = 0x1e, buf[3] = 0xfb;
  buf[4] = 0xff, buf[5] = pic ? 0xa3 : 0x25;
  elf_wr32(buf + 6, (uint32_t)(pic ? got_slot - gotplt : got_slot), 0);
  buf[10] = 0x66, buf[11] = 0x0f, buf[12] = 0x1f, buf[13] = 0x44, buf[14] = 0, buf[15] = 0;
}

/* IFUNC entry, resolved at start-up (no lazy binding):
 *   ff 25 <got_slot>           jmp *got_slot          (absolute form)
 *   ff a3 <got_slot - gotplt>  jmp *off(%ebx)         (PIC form)
 *   66 90                      xchg %ax,%ax (2-byte nop) to keep entries 8-byte sized */
void x86_write_iplt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                          int pic) {
  (void)entry_addr;
  buf[0] = 0xff, buf[1] = pic ? 0xa3 : 0x25;
  elf_wr32(buf + 2, (uint32_t)(pic ? got_slot - gotplt : got_slot), 0);
  buf[6] = 0x66, buf[7] = 0x90;
}
