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
  const char *why;
  rtld_parse_dynamic(self, &why);
  const rtld_ehdr *eh = (const rtld_ehdr *)base;
  self->o_phdr = (const rtld_phdr *)(base + eh->e_phoff);
  self->o_phnum = eh->e_phnum;
  char err[256];
  struct rtld_obj *scope[1] = {self};
  if (rtld_relocate(self, scope, 1, err, sizeof err)) {
    rtld_g.g_progname = "ld.so.1";
    rtld_fatal("%s", err);
  }
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

static RTLD_NORETURN void usage(int status) {
  rtld_printf(status ? 2 : 1,
              "usage: ld.so.1 [--list] [--library-path DIRS] [--preload LIBS] PROGRAM [ARGS...]\n"
              "Runs PROGRAM (a program linked against ld.so.1) with ARGS, as if ld.so.1 were "
              "its interpreter.\n"
              "  --list               list the objects PROGRAM needs and where they are found\n"
              "  --library-path DIRS  search DIRS first (as LD_LIBRARY_PATH would)\n"
              "  --preload LIBS       load LIBS before the program's dependencies (as "
              "LD_PRELOAD would)\n"
              "  --help               this text\n"
              "Default library path: %s\n",
              rtld_g.g_default_path);
  rtld_sys1(RTLD_SYS_exit_group, status);
  for (;;) {}
}

/* Loads the LD_PRELOAD (or --preload) list: names separated by spaces or colons. In secure
 * mode a name with a slash is ignored, and others are searched in the default path only and must
 * be set-user-ID files (glibc's rule). A name that cannot be loaded is a warning. */
static void preload(const char *list, int listing) {
  char name[256], err[512];
  while (list && *list) {
    while (*list == ' ' || *list == ':') list++;
    size_t n = 0;
    while (list[n] && list[n] != ' ' && list[n] != ':') n++;
    if (!n) break;
    if (n < sizeof name) {
      for (size_t i = 0; i < n; i++) name[i] = list[i];
      name[n] = 0;
      struct rtld_obj *o = NULL;
      if (rtld_g.g_secure && rtld_strchr(name, '/')) {
        rtld_debug(RTLD_DBG_FILES, "secure mode: preload %s ignored", name);
      } else if (!(o = rtld_find_loaded(name))) {
        o = rtld_load(name, rtld_g.g_secure ? NULL : rtld_g.g_exe, err, sizeof err);
        if (o && rtld_g.g_secure && !o->o_setuid) {
          rtld_debug(RTLD_DBG_FILES, "secure mode: preload %s is not set-user-ID: ignored", name);
          rtld_unmap(o);
          o = NULL;
        } else if (o) {
          o->o_preload = 1;
          rtld_g.g_interpose = 1;
          rtld_commit(o);
        } else if (listing) {
          rtld_printf(1, "\t%s => not found\n", name);
        } else {
          rtld_printf(2, "ld.so.1: %s: warning: %s from LD_PRELOAD cannot be preloaded: %s\n",
                      rtld_g.g_progname, name, err);
        }
      }
    }
    list += n;
  }
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
    case AT_SYSINFO_EHDR: rtld_g.g_vdso = a[1]; break;
    default: break;
    }
  }
  rtld_g.g_progname = rtld_g.g_argc > 0 ? rtld_g.g_argv[0] : "?";
  /* The environment variables ld.so.1 reads, in one pass. */
  const char *env_debug = NULL, *env_trace = NULL, *env_bind = NULL, *env_path = NULL,
             *env_reserve = NULL, *env_preload = NULL, *env_nodirect = NULL, *env_nolazy = NULL;
  for (char **v = rtld_g.g_envp; *v; v++) {
    const char *x = *v;
    if (x[0] != 'L' || x[1] != 'D' || x[2] != '_') continue;
    static const char *const names[] = {"DEBUG=",
                                        "TRACE_LOADED_OBJECTS=",
                                        "BIND_NOW=",
                                        "LIBRARY_PATH=",
                                        "TLS_STATIC_RESERVE=",
                                        "PRELOAD=",
                                        "NODIRECT=",
                                        "NOLAZYLOAD="};
    const char **slots[] = {&env_debug,   &env_trace,   &env_bind,     &env_path,
                            &env_reserve, &env_preload, &env_nodirect, &env_nolazy};
    for (unsigned k = 0; k < 8; k++) {
      size_t n = rtld_strlen(names[k]);
      if (!rtld_strncmp(x + 3, names[k], n)) {
        if (!*slots[k]) *slots[k] = x + 3 + n;
        break;
      }
    }
  }
  rtld_g.g_debug = parse_debug(env_debug);

  /* ld.so.1 run as a command: the kernel started ld.so.1 itself, whose path is argv[0]. */
  int command = at_entry == (uintptr_t)_rtld_start, listing = 0;
  const char *opt_path = NULL, *opt_preload = NULL;
  self->l_name = (char *)(command ? rtld_g.g_progname : "ld.so.1");
  for (unsigned i = 0; !command && i < at_phnum; i++) {
    const rtld_phdr *p = &((const rtld_phdr *)at_phdr)[i];
    if (p->p_type == PT_INTERP) {
      uintptr_t bias = 0;
      for (unsigned j = 0; j < at_phnum; j++)
        if (((const rtld_phdr *)at_phdr)[j].p_type == PT_PHDR)
          bias = at_phdr - ((const rtld_phdr *)at_phdr)[j].p_vaddr;
      self->l_name = (char *)(bias + p->p_vaddr);
    }
  }
  self->o_origin = rtld_origin_of(self->l_name);
  if (!self->o_origin) rtld_fatal("out of memory");
  {
    /* The default path: ld.so.1's own directory, then the installed library directory. */
    const char *lib = RTLD_DEFAULT_LIBDIR;
    size_t n1 = rtld_strlen(self->o_origin), n2 = rtld_strlen(lib);
    char *d = rtld_alloc(n1 + n2 + 2);
    if (!d) rtld_fatal("out of memory");
    for (size_t i = 0; i < n1; i++) d[i] = self->o_origin[i];
    d[n1] = ':';
    for (size_t i = 0; i <= n2; i++) d[n1 + 1 + i] = lib[i];
    rtld_g.g_default_path = rtld_strcmp(self->o_origin, lib) ? d : lib;
  }
  struct rtld_obj *exe = NULL;
  char err[512];
  if (command) {
    int k = 1;
    for (; k < rtld_g.g_argc && rtld_g.g_argv[k][0] == '-'; k++) {
      const char *a = rtld_g.g_argv[k];
      if (!rtld_strcmp(a, "--list")) listing = 1;
      else if (!rtld_strcmp(a, "--help")) usage(0);
      else if (!rtld_strcmp(a, "--library-path") && k + 1 < rtld_g.g_argc)
        opt_path = rtld_g.g_argv[++k];
      else if (!rtld_strcmp(a, "--preload") && k + 1 < rtld_g.g_argc)
        opt_preload = rtld_g.g_argv[++k];
      else if (!rtld_strcmp(a, "--")) {
        k++;
        break;
      } else {
        rtld_printf(2, "ld.so.1: unknown option %s\n", a);
        usage(127);
      }
    }
    if (k >= rtld_g.g_argc) {
      rtld_printf(2, "ld.so.1: missing program name\n");
      usage(127);
    }
    rtld_g.g_progname = rtld_g.g_argv[k];
    exe = rtld_map_program(rtld_g.g_argv[k], &at_entry, err, sizeof err);
    if (!exe) rtld_fatal("%s", err);
    /* The program sees its own argv: argc, argv, envp and auxv move down by k words in place,
     * and the auxiliary vector describes the program. */
    uintptr_t *w = sp;
    size_t words = 1 + (size_t)rtld_g.g_argc + 1 + (size_t)(e - rtld_g.g_envp) + 1;
    for (uintptr_t *a = auxv;; a += 2) {
      words += 2;
      if (a[0] == AT_NULL) break;
    }
    w[0] = (uintptr_t)(rtld_g.g_argc - k);
    for (size_t i = 1; i + k < words; i++) w[i] = w[i + k];
    rtld_g.g_argc -= k;
    rtld_g.g_envp -= k;
    auxv -= k;
    for (uintptr_t *a = auxv; a[0] != AT_NULL; a += 2) {
      if (a[0] == AT_PHDR) a[1] = (uintptr_t)exe->o_phdr;
      else if (a[0] == AT_PHNUM) a[1] = exe->o_phnum;
      else if (a[0] == AT_ENTRY) a[1] = at_entry;
      else if (a[0] == AT_BASE) a[1] = base;
      else if (a[0] == AT_EXECFN) a[1] = (uintptr_t)rtld_g.g_argv[0];
    }
    rtld_g.g_progname = rtld_g.g_argv[0];
  }
  if (!listing) {
    listing = env_trace && *env_trace;
  }
  rtld_g.g_bind_now = env_bind && *env_bind;
  rtld_g.g_nodirect = env_nodirect && *env_nodirect;
  /* A listing shows every dependency, lazily loaded ones too. */
  rtld_g.g_nolazy = (env_nolazy && *env_nolazy) || listing;
  rtld_g.g_booting = 1;
  if (!rtld_g.g_secure) rtld_g.g_library_path = opt_path ? opt_path : env_path;
  rtld_g.g_tls_reserve = parse_size(env_reserve, 2048);
  if (rtld_g.g_tls_reserve > (1ul << 30)) rtld_fatal("LD_TLS_STATIC_RESERVE too large");
  if (at_random) {
    const unsigned char *r = (const unsigned char *)at_random;
    uintptr_t c = 0;
    for (unsigned i = 0; i < sizeof c; i++) c |= (uintptr_t)r[i] << (8 * i);
    rtld_g.g_canary = c & ~(uintptr_t)0xff; /* a zero low byte stops string overruns */
  }
  rtld_boot_tcb.t_canary = rtld_g.g_canary;

  static struct rtld_obj exe_obj;
  if (!exe) {
    /* The executable, mapped by the kernel. */
    exe = &exe_obj;
    exe->o_phdr = (const rtld_phdr *)at_phdr;
    exe->o_phnum = (unsigned)at_phnum;
    for (unsigned i = 0; i < exe->o_phnum; i++)
      if (exe->o_phdr[i].p_type == PT_PHDR) exe->l_addr = at_phdr - exe->o_phdr[i].p_vaddr;
    for (unsigned i = 0; i < exe->o_phnum; i++) {
      const rtld_phdr *p = &exe->o_phdr[i];
      if (p->p_type == PT_DYNAMIC) exe->l_ld = (rtld_dyn *)(exe->l_addr + p->p_vaddr);
      else if (p->p_type == PT_TLS && p->p_memsz) {
        exe->o_tls_image = (const void *)(exe->l_addr + p->p_vaddr);
        exe->o_tls_filesz = p->p_filesz;
        exe->o_tls_memsz = p->p_memsz;
        exe->o_tls_align = p->p_align ? p->p_align : 1;
      } else if (p->p_type == PT_GNU_RELRO) {
        rtld_set_relro(exe, p);
      }
    }
    if (!exe->l_ld) rtld_fatal("the program has no dynamic section");
    /* $ORIGIN of the program is worked out when first needed (rtld_origin). */
    rtld_g.g_execfn = (const char *)at_execfn;
    const char *why;
    if (rtld_parse_dynamic(exe, &why)) rtld_fatal("%s", why);
  }
  exe->o_is_exe = 1;
  exe->l_name = (char *)"";
  rtld_g.g_exe = exe;
  if (exe->o_dt_flags_1 & (DF_1_INTERPOSE | DF_1_SYMINTPOSE)) rtld_g.g_interpose = 1;
  rtld_commit(exe);
  rtld_debug(RTLD_DBG_FILES, "file=%s [0]; program; ld.so.1 at %p", rtld_g.g_progname,
             (void *)base);
  rtld_vdso_setup();

  /* LD_PRELOAD objects come right after the program, so their definitions win. */
  preload(opt_preload ? opt_preload : env_preload, listing);

  /* Dependencies, breadth-first: the committed list is the queue. */
  int self_listed = 0, missing = 0;
  for (struct rtld_obj *o = exe; o; o = o->l_next) {
    o->o_global = 1;
    o->o_startup = 1;
    o->o_nodelete = 1;
    o->o_refcnt = 1;
    if (o->o_is_vdso) o->o_global = 0;
    if (o->o_is_rtld || o->o_is_vdso) continue;
    if (rtld_deps_init(o)) rtld_fatal("out of memory");
    for (unsigned k = 0; k < o->o_ndeps; k++) {
      const char *name = rtld_dep_name(o, k);
      struct rtld_obj *dep = rtld_find_loaded(name);
      if (!dep && rtld_dep_lazy(o, k)) {
        /* Loaded when a reference first needs it (rtld/lazy.c). */
        o->o_npending++;
        rtld_debug(RTLD_DBG_FILES | RTLD_DBG_BINDINGS, "file=%s; needed by %s: lazy, deferred",
                   name, rtld_obj_name(o));
        continue;
      }
      if (dep == self && !self_listed) {
        self_listed = 1;
        rtld_commit(self);
      } else if (!dep) {
        dep = rtld_load(name, o, err, sizeof err);
        if (!dep && listing) {
          rtld_printf(1, "\t%s => not found\n", name);
          missing = 1;
          continue;
        }
        if (!dep) rtld_fatal("%s", err);
        int known = 0;
        for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next)
          if (g == dep) known = 1;
        if (!known) rtld_commit(dep);
      }
      o->o_deps[k] = dep;
    }
  }
  if (!self_listed) {
    rtld_commit(self);
    self->o_global = self->o_startup = self->o_nodelete = 1;
  }
  if (listing) {
    /* What ldd shows: each object, the name it was asked for, where it was found. */
    for (struct rtld_obj *o = exe->l_next; o; o = o->l_next) {
      if (o->o_is_rtld || o->o_is_vdso)
        rtld_printf(1, "\t%s (%p)\n", o->o_is_vdso ? o->o_soname : o->l_name, (void *)o->l_addr);
      else
        rtld_printf(1, "\t%s => %s (%p)\n", o->o_soname ? o->o_soname : o->l_name, o->l_name,
                    (void *)o->l_addr);
    }
    rtld_sys1(RTLD_SYS_exit_group, missing);
  }

  /* Static TLS, then the main thread's real TCB replaces the boot TCB. */
  rtld_tls_startup_layout();
  struct rtld_tcb *main_tcb = rtld_tls_init_main();
  main_tcb->t_errno = rtld_boot_tcb.t_errno;
  rtld_arch_set_tp(main_tcb);
  rtld_threads_init(main_tcb);

  /* The program's copy relocations first: a direct binding to data the program copies must
   * reach the copy, and the dependency a copy comes from is loaded now even if lazy. */
  struct rtld_need need;
  int r;
  while ((r = rtld_find_copies(exe, &need, err, sizeof err)) == RTLD_RESOLVE_LOAD)
    if (!rtld_lazy_load(need.n_obj, need.n_dep, need.n_sym, err, sizeof err)) rtld_fatal("%s", err);
  if (r) rtld_fatal("%s", err);
  /* Relocate in reverse load order: dependencies first, the executable last. A relocation that
   * needs a lazily loaded dependency loads it now (it joins the list behind the others). */
  for (struct rtld_obj *o = rtld_g.g_tail; o; o = o->l_prev)
    if (rtld_relocate(o, NULL, 0, err, sizeof err)) rtld_fatal("%s", err);
  rtld_tls_copy_main_images();

  rtld_g.g_booting = 0;
  rtld_run_startup_inits(exe);
  rtld_debug(RTLD_DBG_FILES, "transferring control: %s", rtld_g.g_progname);
  return at_entry;
}
