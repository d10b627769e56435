/* Bootstrap stages 2 and 3 (DESIGN.md §8).
 *
 * Stage 2 (rtld_stage2). Entered from stage 1 once rtld's RELATIVE relocations are applied.
 * Contract: global data and the GOT may be used; no thread pointer exists yet, so nothing that
 * reads errno, dlerror or the TCB. It reads rtld's own dynamic section, applies the rest of rtld's
 * relocations (with -Bsymbolic there are none beyond RELATIVE, but the code does not rely on it)
 * and installs an initial thread pointer: a static TCB in rtld's .bss with an empty DTV.
 *
 * Stage 3 (rtld_stage3). Contract: everything in rtld works, with the single boot thread. It
 * reads the auxiliary vector and environment, loads the executable's dependencies breadth-first,
 * lays out static TLS, builds the main thread's TLS and TCB, relocates every object (dependencies
 * before the objects that need them, the executable last so COPY relocations see relocated
 * data), copies the TLS images, runs the initialisers in dependency order and returns the
 * executable's entry point to _rtld_start. Any failure is `ld.so.1: prog: fatal: ...` and exit
 * status 127. */
#include "rtld_int.h"

struct rtld_state rtld_g;
static struct rtld_obj rtld_self_obj;
static struct rtld_tcb rtld_boot_tcb;
static uintptr_t rtld_boot_dtv[1];

void _rtld_start(void);

uintptr_t rtld_stage2(uintptr_t *sp, uintptr_t base, rtld_dyn *dyn) {
  struct rtld_obj *self = &rtld_self_obj;
  self->l_addr = base;
  self->l_ld = dyn;
  self->o_is_rtld = 1;
  self->o_bind_now = 1;
  rtld_parse_dynamic(self);
  const rtld_ehdr *eh = (const rtld_ehdr *)base;
  self->o_phdr = (const rtld_phdr *)(base + eh->e_phoff);
  self->o_phnum = eh->e_phnum;
  char err[256];
  struct rtld_obj *scope[1] = {self};
  if (rtld_relocate(self, scope, 1, err, sizeof err)) {
    rtld_g.g_progname = "ld.so.1";
    rtld_fatal("%s", err);
  }
  self->o_lscope = NULL;
  self->o_nlscope = 0;
  rtld_boot_tcb.t_self = rtld_boot_tcb.t_self2 = &rtld_boot_tcb;
  rtld_boot_tcb.t_dtv = rtld_boot_dtv;
  rtld_arch_set_tp(&rtld_boot_tcb);
  return rtld_stage3(sp, base, dyn);
}

static size_t parse_size(const char *s, size_t dflt) {
  if (!s || !*s) return dflt;
  size_t v = 0, base = 10;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s += 2;
  }
  for (; *s; s++) {
    unsigned d;
    if (*s >= '0' && *s <= '9') d = (unsigned)(*s - '0');
    else if (base == 16 && *s >= 'a' && *s <= 'f') d = (unsigned)(*s - 'a' + 10);
    else if (base == 16 && *s >= 'A' && *s <= 'F') d = (unsigned)(*s - 'A' + 10);
    else return dflt;
    v = v * base + d;
  }
  return v;
}

static unsigned parse_debug(const char *s) {
  unsigned r = 0;
  while (s && *s) {
    const char *e = s;
    while (*e && *e != ',' && *e != ':') e++;
    size_t n = (size_t)(e - s);
    if (n == 5 && !rtld_strncmp(s, "files", 5)) r |= RTLD_DBG_FILES;
    else if (n == 8 && !rtld_strncmp(s, "bindings", 8)) r |= RTLD_DBG_BINDINGS;
    else if (n == 3 && !rtld_strncmp(s, "tls", 3)) r |= RTLD_DBG_TLS;
    else if (n == 5 && !rtld_strncmp(s, "reloc", 5)) r |= RTLD_DBG_RELOC;
    else if (n == 3 && !rtld_strncmp(s, "all", 3)) r |= 15;
    s = *e ? e + 1 : e;
  }
  return r;
}

static char *dir_part(const char *p) {
  const char *slash = NULL;
  for (const char *q = p; *q; q++)
    if (*q == '/') slash = q;
  if (!slash) return rtld_strdup(".");
  return rtld_strndup(p, slash == p ? 1 : (size_t)(slash - p));
}

uintptr_t rtld_stage3(uintptr_t *sp, uintptr_t base, rtld_dyn *dyn) {
  (void)dyn;
  struct rtld_obj *self = &rtld_self_obj;
  rtld_g.g_self = self;
  rtld_g.g_argc = (int)sp[0];
  rtld_g.g_argv = (char **)(sp + 1);
  rtld_g.g_envp = rtld_g.g_argv + rtld_g.g_argc + 1;
  char **e = rtld_g.g_envp;
  while (*e) e++;
  uintptr_t *auxv = (uintptr_t *)(e + 1);
  uintptr_t at_phdr = 0, at_phnum = 0, at_entry = 0, at_random = 0, at_execfn = 0;
  for (uintptr_t *a = auxv; a[0] != AT_NULL; a += 2) {
    switch (a[0]) {
    case AT_PHDR: at_phdr = a[1]; break;
    case AT_PHNUM: at_phnum = a[1]; break;
    case AT_ENTRY: at_entry = a[1]; break;
    case AT_SECURE: rtld_g.g_secure = a[1] != 0; break;
    case AT_RANDOM: at_random = a[1]; break;
    case AT_EXECFN: at_execfn = a[1]; break;
    default: break;
    }
  }
  rtld_g.g_progname = rtld_g.g_argc > 0 ? rtld_g.g_argv[0] : "?";
  if (at_entry == (uintptr_t)_rtld_start) {
    rtld_printf(2,
                "usage: a program names ld.so.1 as its interpreter (tld -I %s); ld.so.1 "
                "cannot be run as a command\n",
                rtld_g.g_progname);
    rtld_sys1(RTLD_SYS_exit_group, 127);
  }
  rtld_g.g_debug = parse_debug(rtld_getenv("LD_DEBUG"));
  const char *bn = rtld_getenv("LD_BIND_NOW");
  rtld_g.g_bind_now = bn && *bn;
  if (!rtld_g.g_secure) rtld_g.g_library_path = rtld_getenv("LD_LIBRARY_PATH");
  rtld_g.g_tls_reserve = parse_size(rtld_getenv("LD_TLS_STATIC_RESERVE"), 2048);
  if (rtld_g.g_tls_reserve > (1ul << 30)) rtld_fatal("LD_TLS_STATIC_RESERVE too large");
  if (at_random) {
    const unsigned char *r = (const unsigned char *)at_random;
    uintptr_t c = 0;
    for (unsigned i = 0; i < sizeof c; i++) c |= (uintptr_t)r[i] << (8 * i);
    rtld_g.g_canary = c & ~(uintptr_t)0xff; /* a zero low byte stops string overruns */
  }
  rtld_boot_tcb.t_canary = rtld_g.g_canary;

  /* The executable, mapped by the kernel. */
  static struct rtld_obj exe_obj;
  struct rtld_obj *exe = &exe_obj;
  exe->o_is_exe = 1;
  exe->o_phdr = (const rtld_phdr *)at_phdr;
  exe->o_phnum = (unsigned)at_phnum;
  exe->l_name = (char *)"";
  const char *interp = NULL;
  for (unsigned i = 0; i < exe->o_phnum; i++)
    if (exe->o_phdr[i].p_type == PT_PHDR) exe->l_addr = at_phdr - exe->o_phdr[i].p_vaddr;
  for (unsigned i = 0; i < exe->o_phnum; i++) {
    const rtld_phdr *p = &exe->o_phdr[i];
    if (p->p_type == PT_DYNAMIC) exe->l_ld = (rtld_dyn *)(exe->l_addr + p->p_vaddr);
    else if (p->p_type == PT_INTERP) interp = (const char *)(exe->l_addr + p->p_vaddr);
    else if (p->p_type == PT_TLS && p->p_memsz) {
      exe->o_tls_image = (const void *)(exe->l_addr + p->p_vaddr);
      exe->o_tls_filesz = p->p_filesz;
      exe->o_tls_memsz = p->p_memsz;
      exe->o_tls_align = p->p_align ? p->p_align : 1;
    } else if (p->p_type == PT_GNU_RELRO) {
      exe->o_relro_start = (exe->l_addr + p->p_vaddr) & ~4095ul;
      exe->o_relro_end = (exe->l_addr + p->p_vaddr + p->p_memsz) & ~4095ul;
    }
  }
  if (!exe->l_ld) rtld_fatal("the program has no dynamic section");
  exe->o_origin = at_execfn ? dir_part((const char *)at_execfn) : NULL;
  rtld_parse_dynamic(exe);
  self->l_name = (char *)(interp ? interp : "ld.so.1");
  self->o_origin = dir_part(self->l_name);
  rtld_g.g_default_dir = self->o_origin;
  rtld_g.g_exe = exe;
  rtld_commit(exe);
  rtld_debug(RTLD_DBG_FILES, "file=%s [0]; program; ld.so.1 at %p", rtld_g.g_progname,
             (void *)base);

  /* Dependencies, breadth-first: the committed list is the queue. */
  char err[512];
  int self_listed = 0;
  for (struct rtld_obj *o = exe; o; o = o->l_next) {
    o->o_global = 1;
    o->o_startup = 1;
    o->o_nodelete = 1;
    o->o_refcnt = 1;
    if (o->o_is_rtld) continue;
    if (o->o_ndeps && !(o->o_deps = rtld_alloc(o->o_ndeps * sizeof *o->o_deps)))
      rtld_fatal("out of memory");
    unsigned k = 0;
    for (rtld_dyn *d = o->l_ld; d->d_tag != DT_NULL; d++) {
      if (d->d_tag != DT_NEEDED) continue;
      const char *name = o->o_strtab + d->d_val;
      struct rtld_obj *dep = rtld_find_loaded(name);
      if (dep == self && !self_listed) {
        self_listed = 1;
        rtld_commit(self);
      } else if (!dep) {
        dep = rtld_load(name, o, err, sizeof err);
        if (!dep) rtld_fatal("%s", err);
        int known = 0;
        for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next)
          if (g == dep) known = 1;
        if (!known) rtld_commit(dep);
      }
      o->o_deps[k++] = dep;
    }
  }
  if (!self_listed) {
    rtld_commit(self);
    self->o_global = self->o_startup = self->o_nodelete = 1;
  }

  /* Static TLS, then the main thread's real TCB replaces the boot TCB. */
  rtld_tls_startup_layout();
  struct rtld_tcb *main_tcb = rtld_tls_init_main();
  main_tcb->t_errno = rtld_boot_tcb.t_errno;
  rtld_arch_set_tp(main_tcb);
  rtld_threads_init(main_tcb);

  /* Relocate in reverse load order: dependencies first, the executable last. */
  for (struct rtld_obj *o = rtld_g.g_tail; o; o = o->l_prev)
    if (rtld_relocate(o, NULL, 0, err, sizeof err)) rtld_fatal("%s", err);
  rtld_tls_copy_main_images();

  rtld_dl_lock();
  rtld_run_inits(exe);
  rtld_dl_unlock();
  rtld_debug(RTLD_DBG_FILES, "transferring control: %s", rtld_g.g_progname);
  return at_entry;
}
