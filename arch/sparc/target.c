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
 * it: sparc_output_ident says so. */
#include <stddef.h>
#include <stdint.h>

#include "ld_arch.h"

static int sparc_accepts32(uint16_t mach) { return mach == EM_SPARC || mach == EM_SPARC32PLUS; }
static int sparc_accepts64(uint16_t mach) { return mach == EM_SPARCV9; }

/* e_flags are the OR of the inputs' (the memory model and the instruction set extensions); an
 * EM_SPARC32PLUS input makes a 32-bit output EM_SPARC32PLUS too (see above). */
static void sparc_output_ident32(uint16_t in_machine, uint32_t in_flags, uint16_t *machine,
                                 uint32_t *flags) {
  if (in_machine == EM_SPARC32PLUS) *machine = EM_SPARC32PLUS;
  *flags |= in_flags;
}
static void sparc_output_ident64(uint16_t in_machine, uint32_t in_flags, uint16_t *machine,
                                 uint32_t *flags) {
  (void)in_machine, (void)machine;
  *flags |= in_flags;
}

/* ELF64 r_info: the type is the low 8 bits of the type field, and R_SPARC_OLO10 carries a signed
 * 24-bit second addend in the upper 24 (ELF64_R_TYPE_DATA). Its value is ((S + A) & 0x3ff) plus
 * that addend, checked as the row's simm13. */
static int sparc_decode_info64(uint64_t info, uint32_t *type, int32_t *extra) {
  *type = (uint32_t)info & 0xff;
  *extra = (int32_t)((uint32_t)info & ~0xffu) >> 8;
  return *type == R_SPARC_OLO10;
}
static uint64_t sparc_extra_value64(uint32_t type, uint64_t value, int32_t extra) {
  return type == R_SPARC_OLO10 ? (value & 0x3ff) + (uint64_t)(int64_t)extra : value;
}

static const char *const sparc_aliases32[] = {"elf32sparc", NULL};
static const char *const sparc_aliases64[] = {"elf64_sparc_fbsd", "elf64sparc", NULL};

/* Fields common to both targets. There is no .got.plt: the lazy PLT is writable and executable
 * and is its own GOT (see plt.c); a GOT word at _GLOBAL_OFFSET_TABLE_ holds _DYNAMIC. GOTDATA_OP
 * sequences are relaxed (sparc_relax_got), and a GOT relocation's addend belongs to the entry's
 * symbol; RELA needs no addend reader. The TLS rewrites differ only in the load width of GD -> IE
 * (ld or ldx) and are per relocation: see the contract in reloc.c. */
#define SPARC_COMMON                                                                               \
  .tg_be = 1, .tg_rela = 1, .tg_r_relative = R_SPARC_RELATIVE, .tg_r_glob_dat = R_SPARC_GLOB_DAT,  \
  .tg_r_jump_slot = R_SPARC_JMP_SLOT, .tg_r_copy = R_SPARC_COPY,                                   \
  .tg_r_irelative = R_SPARC_IRELATIVE, .tg_r_tlsdesc = 0,                                          \
  .tg_nhowto = sizeof sparc_howto32 / sizeof sparc_howto32[0], .tg_read_addend = NULL,             \
  .tg_apply = sparc_apply, .tg_relax_got = sparc_relax_got, .tg_write_plt_header = NULL,           \
  .tg_plt_flags = SHF_WRITE, .tg_got_reserved = 1, .tg_iplt_entry_size = 16,                       \
  .tg_iplt_pic_unsupported = 1, .tg_gotplt_reserved = 0, .tg_got_addend_in_entry = 1,              \
  .tg_attr_union_tags = 1u << 4 | 1u << 8, .tg_mapfile_isa = "_sparc"

/* GNU ld's sparc32 Linux layout: 64 KiB maximum page, text at 0x10000. */
const ld_target ld_target_sparc = {
    .tg_name = "sparc",
    .tg_emulation = "elf32_sparc",
    .tg_bfd_name = "elf32-sparc",
    .tg_emulation_aliases = sparc_aliases32,
    .tg_machine = EM_SPARC,
    .tg_is64 = 0,
    .tg_page_size = 0x10000,
    .tg_common_page_size = 0x2000,
    .tg_base = 0x10000,
    .tg_interp = "/lib/ld-linux.so.2",
    .tg_r_abs = R_SPARC_32,
    .tg_r_dtpmod = R_SPARC_TLS_DTPMOD32,
    .tg_r_dtpoff = R_SPARC_TLS_DTPOFF32,
    .tg_r_tpoff = R_SPARC_TLS_TPOFF32,
    .tg_howto = sparc_howto32,
    .tg_accepts = sparc_accepts32,
    .tg_output_ident = sparc_output_ident32,
    .tg_tls_rewrite = sparc_tls_rewrite32,
    .tg_write_iplt_entry = sparc_write_iplt_entry32,
    .tg_plt_header_size = 4 * 12, /* .PLT0-.PLT3, filled by the dynamic linker */
    .tg_plt_entry_size = 12,
    .tg_plt_align = 4,
    .tg_write_plt_entry = sparc_write_plt_entry32,
    .tg_plt_tail_size = 4,
    .tg_write_plt_tail = sparc_write_plt_tail32,
    SPARC_COMMON,
};

/* GNU ld's sparc64 Linux layout: 1 MiB maximum page, text at 0x100000. */
const ld_target ld_target_sparcv9 = {
    .tg_name = "sparcv9",
    .tg_emulation = "elf64_sparc",
    .tg_bfd_name = "elf64-sparc",
    .tg_emulation_aliases = sparc_aliases64,
    .tg_machine = EM_SPARCV9,
    .tg_is64 = 1,
    .tg_page_size = 0x100000,
    .tg_common_page_size = 0x2000,
    .tg_base = 0x100000,
    .tg_interp = "/lib64/ld-linux.so.2",
    .tg_r_abs = R_SPARC_64,
    .tg_r_dtpmod = R_SPARC_TLS_DTPMOD64,
    .tg_r_dtpoff = R_SPARC_TLS_DTPOFF64,
    .tg_r_tpoff = R_SPARC_TLS_TPOFF64,
    .tg_howto = sparc_howto64,
    .tg_accepts = sparc_accepts64,
    .tg_output_ident = sparc_output_ident64,
    .tg_decode_info = sparc_decode_info64,
    .tg_extra_value = sparc_extra_value64,
    .tg_tls_rewrite = sparc_tls_rewrite64,
    .tg_write_iplt_entry = sparc_write_iplt_entry64,
    .tg_plt_header_size = 4 * 32, /* .PLT0-.PLT3, filled by the dynamic linker */
    .tg_plt_entry_size = 32,
    .tg_plt_align = 8,
    /* Entries 32768 and up, the four reserved ones counted, are far entries (plt.c). */
    .tg_plt_entry_offset = sparc_plt_entry_offset64,
    .tg_write_plt_entry = sparc_write_plt_entry64,
    SPARC_COMMON,
};
