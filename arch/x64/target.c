/* The x86-64 target descriptor (DESIGN.md §4). Encoders live in reloc.c, PLT writers in plt.c;
 * this file only ties them to the identity and defaults of the x86-64 psABI. */
#include "ld/target.h"
#include "common/elf/elf.h"

/* reloc.c: the table is indexed by r_type up to the last psABI number. */
extern const ld_howto x64_howto[R_X86_64_CODE_6_GOTPC32_TLSDESC + 1];
void x64_apply(uint8_t *loc, uint32_t type, uint64_t val);
int x64_tls_rewrite(ld_tls_ctx *ctx, int how);
int x64_relax_got(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs);

/* plt.c */
void x64_write_plt_header(uint8_t *buf, uint64_t plt0, uint64_t gotplt, int pic);
void x64_write_plt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t plt0,
                         uint32_t index, uint64_t rel_off, uint64_t gotplt, int pic);
void x64_write_iplt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                          int pic);

static int x64_accepts(uint16_t mach) { return mach == EM_X86_64; }

const ld_target ld_target_x64 = {
    .tg_name = "x64",
    .tg_emulation = "elf_x86_64",
    .tg_machine = EM_X86_64,
    .tg_is64 = 1,
    .tg_be = 0,
    .tg_rela = 1,
    .tg_page_size = 0x1000,
    .tg_base = 0x400000,
    .tg_interp = "/lib64/ld-linux-x86-64.so.2",

    .tg_r_relative = R_X86_64_RELATIVE,
    .tg_r_glob_dat = R_X86_64_GLOB_DAT,
    .tg_r_jump_slot = R_X86_64_JUMP_SLOT,
    .tg_r_copy = R_X86_64_COPY,
    .tg_r_irelative = R_X86_64_IRELATIVE,
    .tg_r_abs = R_X86_64_64,
    .tg_r_dtpmod = R_X86_64_DTPMOD64,
    .tg_r_dtpoff = R_X86_64_DTPOFF64,
    .tg_r_tpoff = R_X86_64_TPOFF64,
    .tg_r_tlsdesc = R_X86_64_TLSDESC,

    .tg_howto = x64_howto,
    .tg_nhowto = sizeof x64_howto / sizeof x64_howto[0],

    .tg_accepts = x64_accepts,
    .tg_read_addend = 0, /* RELA: addends come from the relocation records */
    .tg_apply = x64_apply,
    .tg_tls_rewrite = x64_tls_rewrite,
    .tg_relax_got = x64_relax_got,

    .tg_plt_header_size = 16,
    .tg_plt_entry_size = 16,
    .tg_write_plt_header = x64_write_plt_header,
    .tg_write_plt_entry = x64_write_plt_entry,
    .tg_iplt_entry_size = 16,
    .tg_write_iplt_entry = x64_write_iplt_entry,

    /* _DYNAMIC, the link map and the resolver. */
    .tg_gotplt_reserved = 3,
    .tg_plt_lazy_offset = 6,
    .tg_x86_properties = 1,
    .tg_relr = 1,
};
