/* The i386 target (System V i386 psABI, Linux flavour).
 *
 * ABI summary for readers of the core: REL relocations with implicit addends; ELFCLASS32,
 * little-endian; the GOT base (_GLOBAL_OFFSET_TABLE_) is the start of .got.plt and PIC code keeps
 * it in %ebx; the thread pointer is the %gs segment base (TLS variant II, the TCB self pointer at
 * %gs:0). */
#include <stddef.h>
#include <stdint.h>

#include "common/elf/elf.h"
#include "ld/target.h"

/* From reloc.c. */
extern const ld_howto x86_howto[];
extern const uint32_t x86_nhowto;
int64_t x86_read_addend(const uint8_t *loc, uint32_t type);
void x86_apply(uint8_t *loc, uint32_t type, uint64_t val);
int x86_tls_rewrite(ld_tls_ctx *ctx, int how);

/* From plt.c. */
void x86_write_plt_header(uint8_t *buf, uint64_t plt0, uint64_t gotplt, int pic);
void x86_write_plt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t plt0,
                         uint32_t index, uint64_t rel_off, uint64_t gotplt, int pic);
void x86_write_iplt_entry(uint8_t *buf, uint64_t entry_addr, uint64_t got_slot, uint64_t gotplt,
                          int pic);
int x86_relax_got(uint8_t *buf_start, uint8_t *loc, uint32_t type, int64_t addend, int to_abs);
int x86_got_field_absolute(const uint8_t *buf_start, const uint8_t *loc);

static int x86_accepts(uint16_t mach) { return mach == EM_386; }

const ld_target ld_target_x86 = {
    .tg_name = "x86",
    .tg_emulation = "elf_i386",
    .tg_machine = EM_386,
    .tg_is64 = 0,
    .tg_be = 0,
    .tg_rela = 0,
    .tg_page_size = 0x1000,
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
    .tg_nhowto = R_386_GOT32X + 1,

    .tg_accepts = x86_accepts,
    .tg_read_addend = x86_read_addend,
    .tg_apply = x86_apply,
    /* GD/LD/IE -> LE, GD -> IE and descriptors; the Sun GD_32/PUSH/CALL/POP forms are not
     * accepted yet. Value conventions: see reloc.c. */
    .tg_tls_rewrite = x86_tls_rewrite,
    .tg_relax_got = x86_relax_got,
    .tg_got_field_absolute = x86_got_field_absolute,
    .tg_r_ie_neg = R_386_TLS_IE_32,

    .tg_plt_header_size = 16,
    .tg_plt_entry_size = 16,
    .tg_write_plt_header = x86_write_plt_header,
    .tg_write_plt_entry = x86_write_plt_entry,
    .tg_iplt_entry_size = 8,
    .tg_write_iplt_entry = x86_write_iplt_entry,
    .tg_gotplt_reserved = 3,
    .tg_plt_lazy_offset = 6,
    .tg_x86_properties = 1,
    .tg_relr = 1,
};
