/* What the SPARC targets' files share (reloc.c: the relocation tables, field encoding, GOTDATA
 * and TLS rewrites; plt.c: PLT templates; target.c: the two descriptors, sparc and sparcv9).
 * Every function here is a hook of ld/target.h; nothing else of the link-editor calls them by
 * name. */
#ifndef TLD_ARCH_SPARC_LD_ARCH_H
#define TLD_ARCH_SPARC_LD_ARCH_H

#include <stdint.h>

#include "common/elf/elf.h"
#include "ld/target.h"

/* The relocation tables of the two targets, one row list (reloc.c's SPARC_RELOCS) indexed by
 * r_type up to the last type of the psABI: reloc.c defines them with this size, target.c takes
 * their size from the definition. */
#define SPARC_NHOWTO (R_SPARC_REV32 + 1)
extern const ld_howto sparc_howto32[SPARC_NHOWTO], sparc_howto64[SPARC_NHOWTO];

/* reloc.c */
void sparc_apply(uint8_t *loc, uint32_t type, uint64_t val);
int sparc_relax_got(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs);
int sparc_tls_rewrite32(ld_tls_ctx *ctx, int how);
int sparc_tls_rewrite64(ld_tls_ctx *ctx, int how);

/* plt.c */
void sparc_write_iplt_entry32(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                              int pic);
void sparc_write_iplt_entry64(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                              int pic);
void sparc_write_plt_entry32(ld_plt_entry *e);
void sparc_write_plt_entry64(ld_plt_entry *e);
void sparc_write_plt_tail32(uint8_t *buf);
uint64_t sparc_plt_entry_offset64(uint32_t i);

#endif
