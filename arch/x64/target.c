/* The x86-64 target descriptor (DESIGN.md §4). Encoders live in reloc.c, PLT writers in plt.c;
 * this file only ties them to the identity and defaults of the x86-64 psABI. */
#include "ld_arch.h"

static int x64_accepts(uint16_t mach) { return mach == EM_X86_64; }

const ld_target ld_target_x64 = {
    .tg_name = "x64",
    .tg_emulation = "elf_x86_64",
    .tg_bfd_name = "elf64-x86-64",
    .tg_machine = EM_X86_64,
    .tg_mapfile_isa = "_x86",
    .tg_large_segs = 1,
    .tg_is64 = 1,
    .tg_be = 0,
    .tg_rela = 1,
    .tg_page_size = 0x1000,
    .tg_common_page_size = 0x1000,
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
    .tg_tls_ie_wins = 1,
    .tg_relax_got = x64_relax_got,

    .tg_plt_header_size = 16,
    .tg_plt_entry_size = 16,
    .tg_plt_align = 16,
    .tg_write_plt_header = x64_write_plt_header,
    .tg_write_plt_entry = x64_write_plt_entry,
    .tg_iplt_entry_size = 16,
    .tg_write_iplt_entry = x64_write_iplt_entry,
    .tg_write_ibt_plt_entry = x64_write_ibt_plt_entry,
    .tg_write_plt_sec_entry = x64_write_plt_sec_entry,
    .tg_write_ibt_iplt_entry = x64_write_ibt_iplt_entry,

    /* _DYNAMIC, the link map and the resolver. */
    .tg_gotplt_reserved = 3,
    .tg_plt_lazy_offset = 6,
    .tg_gnu_properties = 1,
    .tg_relr = 1,
};
