/* x86-64 PLT (psABI "Procedure Linkage Table", lazy binding).
 *
 * .got.plt holds three reserved words (the address of _DYNAMIC, then the link map and the
 * resolver entry point that ld.so stores), followed by one slot per PLT entry. Each slot starts
 * out pointing at the `push` of its own entry, so the first call falls into PLT0 and the
 * resolver; afterwards the `jmp *slot` goes straight to the function. Every branch and load is
 * RIP-relative, so the same bytes serve executables, PIEs and shared objects. */
#include <stdint.h>

#include "common/elf/bytes.h"
#include "ld_arch.h"

/* A RIP-relative displacement from the end of the instruction ending at `next` to `target`. */
static void x64_put_rel32(uint8_t *field, uint64_t target, uint64_t next) {
  elf_wr32(field, (uint32_t)(target - next), 0);
}

/* PLT0, 16 bytes at `plt0`:
 *   ff 35 <GOT+8 - (plt0+6)>    push GOT+8(%rip)       (link map)
 *   ff 25 <GOT+16 - (plt0+12)>  jmp *GOT+16(%rip)      (resolver)
 *   0f 1f 40 00                 nopl 0(%rax)           (pads to 16) */
void x64_write_plt_header(uint8_t *buf, uint64_t plt0, uint64_t gotplt, int pic) {
  (void)pic; /* RIP-relative: one form for every output */
  buf[0] = 0xff;
  buf[1] = 0x35;
  x64_put_rel32(buf + 2, gotplt + 8, plt0 + 6);
  buf[6] = 0xff;
  buf[7] = 0x25;
  x64_put_rel32(buf + 8, gotplt + 16, plt0 + 12);
  buf[12] = 0x0f;
  buf[13] = 0x1f;
  buf[14] = 0x40;
  buf[15] = 0x00;
}

/* PLTn, 16 bytes at `entry_addr`:
 *   ff 25 <slot - (entry+6)>    jmp *slot(%rip)
 *   68 <index>                  push $index            (index of the JUMP_SLOT in .rela.plt)
 *   e9 <plt0 - (entry+16)>      jmp PLT0
 * ld.so finds the relocation from the pushed index, so `rel_off` is not needed here. */
void x64_write_plt_entry(ld_plt_entry *e) {
  uint8_t *buf = e->pe_plt + e->pe_off;
  uint64_t plt0 = e->pe_plt0, entry_addr = plt0 + e->pe_off, got_slot = e->pe_slot;
  uint32_t index = e->pe_index;
  buf[0] = 0xff;
  buf[1] = 0x25;
  x64_put_rel32(buf + 2, got_slot, entry_addr + 6);
  buf[6] = 0x68;
  elf_wr32(buf + 7, index, 0);
  buf[11] = 0xe9;
  x64_put_rel32(buf + 12, plt0, entry_addr + 16);
}

/* With indirect branch tracking (-z ibtplt, or IBT in every input) a call goes through .plt.sec,
 * and the lazy half stays in .plt, each entry its slot's first target:
 *   .plt entry, 16 bytes:                    .plt.sec entry, 16 bytes:
 *     f3 0f 1e fa       endbr64                f3 0f 1e fa         endbr64
 *     68 <index>        push $index            ff 25 <rel32>       jmp *slot(%rip)
 *     e9 <rel32>        jmp PLT0               66 0f 1f 44 00 00   nopw 0(%rax,%rax)
 *     66 90             xchg %ax,%ax */
void x64_write_ibt_plt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t plt0, uint32_t index,
                             uint64_t rel_off) {
  (void)rel_off;
  static const uint8_t endbr64[4] = {0xf3, 0x0f, 0x1e, 0xfa};
  for (int i = 0; i < 4; i++) buf[i] = endbr64[i];
  buf[4] = 0x68;
  elf_wr32(buf + 5, index, 0);
  buf[9] = 0xe9;
  x64_put_rel32(buf + 10, plt0, entry_addr + 14);
  buf[14] = 0x66;
  buf[15] = 0x90;
}

void x64_write_plt_sec_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                             int pic) {
  (void)gotplt, (void)pic;
  static const uint8_t head[4] = {0xf3, 0x0f, 0x1e, 0xfa};
  static const uint8_t nop6[6] = {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00};
  for (int i = 0; i < 4; i++) buf[i] = head[i];
  buf[4] = 0xff;
  buf[5] = 0x25;
  x64_put_rel32(buf + 6, got_slot, entry_addr + 10);
  for (int i = 0; i < 6; i++) buf[10 + i] = nop6[i];
}

/* The IFUNC entry with indirect branch tracking: the same jump after an endbr64. */
void x64_write_ibt_iplt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                              int pic) {
  x64_write_plt_sec_entry(buf, entry_addr, got_slot, gotplt, pic);
}

/* IFUNC entry of a static output, 16 bytes: the slot already holds the resolved address
 * (IRELATIVE, applied by the startup code), so there is no lazy path:
 *   ff 25 <slot - (entry+6)>          jmp *slot(%rip)
 *   66 2e 0f 1f 84 00 00 00 00 00     nopw %cs:0(%rax,%rax) (never executed; keeps 16-byte entries)
 */
void x64_write_iplt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                          int pic) {
  (void)gotplt, (void)pic;
  static const uint8_t nop10[10] = {0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0};
  buf[0] = 0xff;
  buf[1] = 0x25;
  x64_put_rel32(buf + 2, got_slot, entry_addr + 6);
  for (int i = 0; i < 10; i++) buf[6 + i] = nop10[i];
}
