/* The SPARC targets: "sparc" (32-bit, V8 and V8+) and "sparcv9" (64-bit), over one relocation
 * list (reloc.c) that yields a howto table per target.
 *
 * ABI summary for readers of the core: big-endian, RELA relocations; the thread pointer is %g7
 * (TLS variant II); PIC code keeps the GOT base (_GLOBAL_OFFSET_TABLE_) in %l7, and GOT-relative
 * forms (GOT10/13/22, TLS_*_HI22/LO10, GOTDATA_*) are relative to it. On sparcv9 the stack
 * pointer carries a bias of 2047, which only matters to start-up code, not to the link-editor.
 *
 * e_machine: the sparc target accepts EM_SPARC and EM_SPARC32PLUS inputs and names EM_SPARC as
 * its machine; an output built from EM_SPARC32PLUS inputs (gcc -m32 on a V9 toolchain, which
 * uses V9 instructions) must itself be EM_SPARC32PLUS and carry the inputs' e_flags
 * (EF_SPARC_32PLUS and the memory-model bits), or the kernel and loaders refuse or mis-handle
 * it. The core should therefore write the e_machine of the first input when the target accepts
 * it rather than tg_machine blindly. */
#include <stddef.h>
#include <stdint.h>

#include "common/elf/elf.h"
#include "ld/target.h"

/* From reloc.c. */
extern const ld_howto sparc_howto32[], sparc_howto64[];
void sparc_apply(uint8_t *loc, uint32_t type, uint64_t val);
int sparc_tls_rewrite32(ld_tls_ctx *ctx, int how);
int sparc_relax_got(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs);
void sparc_write_iplt_entry32(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                              int pic);
void sparc_write_iplt_entry64(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                              int pic);
void sparc_write_plt_entry32(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t plt0,
                             uint32_t index, uint64_t rel_off, uint64_t gotplt, int pic);
void sparc_write_plt_entry64(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t plt0,
                             uint32_t index, uint64_t rel_off, uint64_t gotplt, int pic);
void sparc_write_plt_tail32(uint8_t *buf);
uint64_t sparc_plt_far_offset64(uint32_t i);
void sparc_write_plt_far64(uint8_t *plt, uint64_t plt0, uint32_t i, uint32_t n, uint64_t *slot_off,
                           int64_t *addend);
int sparc_tls_rewrite64(ld_tls_ctx *ctx, int how);

static int sparc_accepts32(uint16_t mach) { return mach == EM_SPARC || mach == EM_SPARC32PLUS; }
static int sparc_accepts64(uint16_t mach) { return mach == EM_SPARCV9; }

/* Fields common to both targets. The lazy PLT is its own GOT (see plt.c). No GOT relaxation
 * (GOTDATA_OP) yet; RELA needs no addend reader. The TLS rewrites differ only in the load width
 * of GD -> IE (ld or ldx) and are per relocation: see the contract in reloc.c. */
#define SPARC_COMMON                                                                               \
  .tg_be = 1, .tg_rela = 1, .tg_r_relative = R_SPARC_RELATIVE, .tg_r_glob_dat = R_SPARC_GLOB_DAT,  \
  .tg_r_jump_slot = R_SPARC_JMP_SLOT, .tg_r_copy = R_SPARC_COPY,                                   \
  .tg_r_irelative = R_SPARC_IRELATIVE, .tg_r_tlsdesc = 0, .tg_nhowto = R_SPARC_REV32 + 1,          \
  .tg_read_addend = NULL, .tg_apply = sparc_apply, .tg_relax_got = sparc_relax_got,                \
  .tg_write_plt_header = NULL, .tg_plt_self_slot = 1, .tg_got_reserved = 1,                        \
  .tg_iplt_entry_size = 16, .tg_iplt_pic_unsupported = 1, .tg_gotplt_reserved = 0,                 \
  .tg_merge_eflags = 1, .tg_common_page_size = 0x2000

/* GNU ld's sparc32 Linux layout: 64 KiB maximum page, text at 0x10000. */
const ld_target ld_target_sparc = {
    .tg_name = "sparc",
    .tg_emulation = "elf32_sparc",
    .tg_machine = EM_SPARC,
    .tg_is64 = 0,
    .tg_page_size = 0x10000,
    .tg_base = 0x10000,
    .tg_interp = "/lib/ld-linux.so.2",
    .tg_r_abs = R_SPARC_32,
    .tg_r_dtpmod = R_SPARC_TLS_DTPMOD32,
    .tg_r_dtpoff = R_SPARC_TLS_DTPOFF32,
    .tg_r_tpoff = R_SPARC_TLS_TPOFF32,
    .tg_howto = sparc_howto32,
    .tg_accepts = sparc_accepts32,
    .tg_tls_rewrite = sparc_tls_rewrite32,
    .tg_write_iplt_entry = sparc_write_iplt_entry32,
    .tg_plt_header_size = 4 * 12, /* .PLT0-.PLT3, filled by the dynamic linker */
    .tg_plt_entry_size = 12,
    .tg_write_plt_entry = sparc_write_plt_entry32,
    .tg_plt_tail_size = 4,
    .tg_write_plt_tail = sparc_write_plt_tail32,
    .tg_machine_upgrade = EM_SPARC32PLUS,
    SPARC_COMMON,
};

/* GNU ld's sparc64 Linux layout: 1 MiB maximum page, text at 0x100000. */
const ld_target ld_target_sparcv9 = {
    .tg_name = "sparcv9",
    .tg_emulation = "elf64_sparc",
    .tg_machine = EM_SPARCV9,
    .tg_is64 = 1,
    .tg_page_size = 0x100000,
    .tg_base = 0x100000,
    .tg_interp = "/lib64/ld-linux.so.2",
    .tg_r_abs = R_SPARC_64,
    .tg_r_dtpmod = R_SPARC_TLS_DTPMOD64,
    .tg_r_dtpoff = R_SPARC_TLS_DTPOFF64,
    .tg_r_tpoff = R_SPARC_TLS_TPOFF64,
    .tg_howto = sparc_howto64,
    .tg_accepts = sparc_accepts64,
    .tg_tls_rewrite = sparc_tls_rewrite64,
    .tg_write_iplt_entry = sparc_write_iplt_entry64,
    .tg_plt_header_size = 4 * 32, /* .PLT0-.PLT3, filled by the dynamic linker */
    .tg_plt_entry_size = 32,
    .tg_write_plt_entry = sparc_write_plt_entry64,
    /* Entries 32768 and up, the four reserved ones counted, are far entries (plt.c). */
    .tg_plt_far_from = 32768 - 4,
    .tg_plt_far_offset = sparc_plt_far_offset64,
    .tg_write_plt_far = sparc_write_plt_far64,
    .tg_rinfo_type_bits = 8,
    .tg_r_olo10 = R_SPARC_OLO10,
    SPARC_COMMON,
};
