/* Bootstrap stage 1 (DESIGN.md §8).
 *
 * Entered from _rtld_start with the kernel's stack and the run-time address of rtld's own
 * _DYNAMIC. Contract: nothing is relocated yet, so this file may touch no global data and call
 * nothing that is not static inline or PC-relative; no string literals whose address is stored,
 * no function pointers, no switch tables. It finds rtld's load bias, applies rtld's RELATIVE
 * relocations (DT_RELA, or DT_REL with the addend in place), and hands over to stage 2 in another
 * translation unit, so the compiler cannot move a global access above the relocation loop. */
#include "rtld_int.h"

uintptr_t rtld_stage2(uintptr_t *sp, uintptr_t base, rtld_dyn *dyn);

uintptr_t rtld_stage1(uintptr_t *sp, rtld_dyn *dyn) {
  /* argc, argv..., NULL, envp..., NULL, auxv pairs */
  uintptr_t *p = sp + 1 + sp[0] + 1;
  while (*p) p++;
  p++;
  uintptr_t base = 0, at_phdr = 0, at_phnum = 0;
  for (; p[0] != AT_NULL; p += 2) {
    if (p[0] == AT_BASE) base = p[1];
    else if (p[0] == AT_PHDR) at_phdr = p[1];
    else if (p[0] == AT_PHNUM) at_phnum = p[1];
  }
  if (!base) {
    /* Run as a command (`ld.so.1 prog`): the kernel's AT_PHDR describes rtld itself, and its
     * PT_DYNAMIC gives the bias. */
    const rtld_phdr *ph = (const rtld_phdr *)at_phdr;
    for (uintptr_t i = 0; i < at_phnum; i++)
      if (ph[i].p_type == PT_DYNAMIC) base = (uintptr_t)dyn - ph[i].p_vaddr;
  }
  uintptr_t rela = 0, relasz = 0;
  for (rtld_dyn *d = dyn; d->d_tag != DT_NULL; d++) {
    if (d->d_tag == RTLD_DT_RELOC) rela = d->d_val;
    else if (d->d_tag == RTLD_DT_RELOCSZ) relasz = d->d_val;
  }
  const rtld_rela *r = (const rtld_rela *)(base + rela);
  for (uintptr_t i = 0; i < relasz / sizeof *r; i++)
    if (RTLD_R_TYPE(r[i].r_info) == RTLD_R_RELATIVE) {
      uintptr_t *where = (uintptr_t *)(base + r[i].r_offset);
      *where = base + rtld_rel_addend(&r[i], where, 0);
    }
  return rtld_stage2(sp, base, dyn);
}
