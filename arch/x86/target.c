/* The i386 target (System V i386 psABI, Linux flavour).
 *
 * ABI summary for readers of the core: REL relocations with implicit addends; ELFCLASS32,
 * little-endian; the GOT base (_GLOBAL_OFFSET_TABLE_) is the start of .got.plt and PIC code keeps
 * it in %ebx; the thread pointer is the %gs segment base (TLS variant II, the TCB self pointer at
 * %gs:0). */
#include <stddef.h>
#include <stdint.h>

#include "ld_arch.h"

static int x86_accepts(uint16_t mach) { return mach == EM_386; }

const ld_target ld_target_x86 = {
    .tg_name = "x86",
    .tg_emulation = "elf_i386",
    .tg_bfd_name = "elf32-i386",
    .tg_machine = EM_386,
    .tg_mapfile_isa = "_x86",
    .tg_is64 = 0,
    .tg_be = 0,
    .tg_rela = 0,
    .tg_page_size = 0x1000,
    .tg_common_page_size = 0x1000,
    .tg_base = 0x08048000,
    .tg_interp = "/lib/ld-linux.so.2",

    .tg_r_relative = R_386_RELATIVE,
    .tg_r_glob_dat = R_386_GLOB_DAT,
    .tg_r_jump_slot = R_386_JMP_SLOT,
    .tg_r_copy = R_386_COPY,
    .tg_r_irelative = R_386_IRELATIVE,
    .tg_r_abs = R_386_32,
    .tg_r_dtpmod = R_386_TLS_DTPMOD32,
    .tg_r_dtpoff = R_386_TLS_DTPOFF32,
    /* The IE slot of TLS_IE/TLS_GOTIE holds the negative offset (TLS_TPOFF); TLS_IE_32's slot
     * would need R_386_TLS_TPOFF32, for which the interface has no field yet. */
    .tg_r_tpoff = R_386_TLS_TPOFF,
    .tg_r_tlsdesc = R_386_TLS_DESC,

    .tg_howto = x86_howto,
    .tg_nhowto = sizeof x86_howto / sizeof x86_howto[0],

    .tg_accepts = x86_accepts,
    .tg_read_addend = x86_read_addend,
    .tg_apply = x86_apply,
    /* GD/LD/IE -> LE, GD -> IE and descriptors; the Sun GD_32/PUSH/CALL/POP forms are not
     * accepted yet. Value conventions: see reloc.c. */
    .tg_tls_rewrite = x86_tls_rewrite,
    .tg_tls_ie_wins = 1,
    .tg_relax_got = x86_relax_got,
    .tg_got_field_absolute = x86_got_field_absolute,

    .tg_plt_header_size = 16,
    .tg_plt_entry_size = 16,
    .tg_plt_align = 16,
    .tg_write_plt_header = x86_write_plt_header,
    .tg_write_plt_entry = x86_write_plt_entry,
    .tg_iplt_entry_size = 8,
    .tg_write_iplt_entry = x86_write_iplt_entry,
    /* IBT: no endbr form of the 8-byte IFUNC entry (no i386 kernel enforces IBT). */
    .tg_write_ibt_plt_entry = x86_write_ibt_plt_entry,
    .tg_write_plt_sec_entry = x86_write_plt_sec_entry,
    .tg_gotplt_reserved = 3,
    .tg_plt_lazy_offset = 6,
    .tg_gnu_properties = 1,
    .tg_relr = 1,
};
