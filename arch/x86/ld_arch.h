/* What the i386 target's files share (reloc.c: the relocation table, implicit addends, field
 * encoding, GOT and TLS rewrites; plt.c: PLT templates; target.c: the descriptor that ties them
 * together). Every function here is a hook of ld/target.h; nothing else of the link-editor calls
 * them by name. */
#ifndef TLD_ARCH_X86_LD_ARCH_H
#define TLD_ARCH_X86_LD_ARCH_H

#include <stdint.h>

#include "common/elf/elf.h"
#include "ld/target.h"

/* The relocation table, indexed by r_type up to the last type of the psABI: reloc.c defines it
 * with this size, target.c takes its size from the definition. */
#define X86_NHOWTO (R_386_GOT32X + 1)
extern const ld_howto x86_howto[X86_NHOWTO];

/* reloc.c */
int64_t x86_read_addend(const uint8_t *loc, uint32_t type);
void x86_apply(uint8_t *loc, uint32_t type, uint64_t val);
int x86_tls_rewrite(ld_tls_ctx *ctx, int how);
int x86_relax_got(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs);
int x86_got_field_absolute(const uint8_t *buf_start, const uint8_t *loc);

/* plt.c */
void x86_write_plt_header(uint8_t *buf, uint64_t plt0, uint64_t gotplt, int pic);
void x86_write_plt_entry(ld_plt_entry *e);
void x86_write_iplt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                          int pic);
void x86_write_ibt_plt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t plt0, uint32_t index,
                             uint64_t rel_off);
void x86_write_plt_sec_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                             int pic);

#endif
