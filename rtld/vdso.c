/* The vDSO (DESIGN.md §8): the kernel maps a small shared object into every process and names
 * it with AT_SYSINFO_EHDR. It joins the object list right after the program (as with glibc, so
 * dl_iterate_phdr and dladdr see it, and unwinders find its frame information), is never a
 * dependency, never searched for symbols and never unloaded. Its clock functions, named by the
 * target (rtld_arch.h: RTLD_ARCH_VDSO_*; a target without a vDSO leaves them undefined), serve
 * clock_gettime and gettimeofday without a system call. The kernel's object is trusted like the
 * program is; its headers are still checked before use. */
#include "rtld_int.h"

static struct rtld_obj rtld_vdso_obj;
long (*rtld_vdso_clock_gettime)(long, void *);
long (*rtld_vdso_gettimeofday)(void *, void *);

#ifdef RTLD_ARCH_VDSO_VERSION
static void *vdso_sym(struct rtld_obj *o, const char *name) {
  const rtld_sym *s =
      rtld_lookup_in(o, name, rtld_gnu_hash(name), rtld_sysv_hash(name), RTLD_ARCH_VDSO_VERSION);
  return s && (s->st_info & 0xf) == STT_FUNC ? (void *)(o->l_addr + s->st_value) : NULL;
}
#endif

void rtld_vdso_setup(void) {
  uintptr_t b = rtld_g.g_vdso;
  if (!b) return;
  const rtld_ehdr *eh = (const rtld_ehdr *)b;
  if (eh->e_ident[0] != 0x7f || eh->e_ident[1] != 'E' || eh->e_ident[EI_CLASS] != RTLD_ARCH_CLASS ||
      eh->e_phentsize != sizeof(rtld_phdr) || !eh->e_phnum)
    return;
  struct rtld_obj *o = &rtld_vdso_obj;
  o->o_phdr = (const rtld_phdr *)(b + eh->e_phoff);
  o->o_phnum = eh->e_phnum;
  int have_load = 0;
  for (unsigned i = 0; i < o->o_phnum; i++) {
    const rtld_phdr *p = &o->o_phdr[i];
    if (p->p_type == PT_LOAD && !have_load) {
      o->l_addr = b + p->p_offset - p->p_vaddr;
      have_load = 1;
    }
  }
  for (unsigned i = 0; i < o->o_phnum; i++)
    if (o->o_phdr[i].p_type == PT_DYNAMIC) o->l_ld = (rtld_dyn *)(o->l_addr + o->o_phdr[i].p_vaddr);
  if (!have_load || !o->l_ld) return;
  const char *why;
  if (rtld_parse_dynamic(o, &why)) return;
  if (!o->o_strtab || !o->o_symtab || (!o->o_hash && !o->o_gnu_hash)) return;
  o->l_name = (char *)(o->o_soname ? o->o_soname : "linux-vdso.so.1");
  o->o_is_vdso = o->o_startup = o->o_nodelete = 1;
  o->o_init_state = RTLD_INIT_DONE;
  rtld_commit(o);
#ifdef RTLD_ARCH_VDSO_VERSION
  rtld_vdso_clock_gettime = (long (*)(long, void *))vdso_sym(o, RTLD_ARCH_VDSO_CLOCK_GETTIME);
  rtld_vdso_gettimeofday = (long (*)(void *, void *))vdso_sym(o, RTLD_ARCH_VDSO_GETTIMEOFDAY);
#endif
  rtld_debug(RTLD_DBG_FILES, "vDSO %s at %p: clock_gettime %s, gettimeofday %s", o->l_name,
             (void *)b, rtld_vdso_clock_gettime ? "bound" : "by system call",
             rtld_vdso_gettimeofday ? "bound" : "by system call");
}
