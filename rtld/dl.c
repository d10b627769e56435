/* The dl API: dlopen, dlsym, dlvsym, dlclose, dlerror, dladdr, dlinfo, dl_iterate_phdr
 * (DESIGN.md §8).
 *
 * dlopen loads its object and what that needs as one transaction (rtld/group.c): the dl lock and
 * the thread-creation lock are held exclusively from the first mapping to the commit, so the
 * live-thread count it reserves TLS for cannot change. Until the commit the new objects sit on
 * g_pending only: a failure unmaps them, releases their reservations and restores the module-id
 * and static-TLS counters, leaving the process exactly as before. Initialisers run after both
 * locks are released (rtld/init.c).
 *
 * Unloading. An object stays loaded while something can reach it: a dlopen handle not yet
 * closed (o_refcnt), a start-up or NODELETE object, an object that needs it (DT_NEEDED), or an
 * object that bound a symbol to it (o_reldeps: at relocation, lazily, or through dlsym with
 * RTLD_DEFAULT or RTLD_NEXT), or thread_local destructors it registered that have not run.
 * dlclose drops a handle and unloads every loaded object none of those reach: their atexit
 * handlers and finalisers run, they leave the object list, their TLS is reclaimed, and they are
 * unmapped only once no thread is still inside a lookup that could have found them. */
#include "rtld_int.h"

void rtld_set_dlerror(const char *fmt, ...) {
  struct rtld_tcb *t = rtld_self();
  va_list ap;
  va_start(ap, fmt);
  rtld_vfmt(t->t_dlerr, sizeof t->t_dlerr, fmt, ap);
  va_end(ap);
  t->t_dlerr_set = 1;
}

RTLD_EXPORT char *dlerror(void) {
  struct rtld_tcb *t = rtld_self();
  if (!t->t_dlerr_set) return NULL;
  t->t_dlerr_set = 0;
  return t->t_dlerr;
}

/* A committed object that is not being unloaded (dl lock or reader section). */
static int is_handle(void *h) {
  for (struct rtld_obj *o = rtld_g.g_head; o; o = __atomic_load_n(&o->l_next, __ATOMIC_ACQUIRE))
    if (o == h) return !o->o_closing;
  return 0;
}

RTLD_EXPORT void *dlopen(const char *file, int mode) {
  if (!file) return rtld_g.g_exe;
  char err[512];
  void *ra = __builtin_return_address(0);
  rtld_dl_lock();
  /* The caller's run paths apply (glibc's rule): found by the return address. */
  struct rtld_obj *caller = rtld_obj_of_addr((uintptr_t)ra);
  if (!caller || caller->o_closing) caller = rtld_g.g_exe;
  struct rtld_obj *root = rtld_find_loaded(file);
  if (!root && (mode & RTLD_NOLOAD)) {
    rtld_dl_unlock();
    return NULL;
  }
  int ok = 1;
  rtld_txn_begin();
  if (!root && !(root = rtld_load(file, caller, err, sizeof err))) ok = 0;
  if (ok && !rtld_is_known(root)) {
    /* New: the root and, breadth-first, everything it needs now. */
    ok = !rtld_load_group(root, NULL, mode, err, sizeof err);
  } else if (ok && rtld_build_scope(root)) {
    rtld_fmt(err, sizeof err, "%s: out of memory", root->l_name);
    ok = 0;
  }
  size_t nlazy;
  struct rtld_obj **lazy = rtld_txn_end(ok, &nlazy);
  if (!ok) {
    rtld_set_dlerror("%s", err);
    rtld_dl_unlock();
    return NULL;
  }
  root->o_refcnt++;
  if (mode & RTLD_GLOBAL)
    for (unsigned i = 0; i < root->o_nscope; i++) root->o_scope[i]->o_global = 1;
  if (mode & RTLD_NODELETE) root->o_nodelete = 1;
  rtld_dl_unlock();
  rtld_run_inits(root);
  /* Lazily loaded objects the relocations needed that root's group does not reach. */
  for (size_t i = 0; i < nlazy; i++) rtld_run_inits(lazy[i]);
  rtld_free(lazy);
  return root;
}

static void *def_addr(const struct rtld_def *d) {
  if ((d->d_sym->st_info & 0xf) == STT_TLS)
    return rtld_tls_addr(d->d_obj->o_tls_modid, d->d_sym->st_value);
  uintptr_t a = d->d_obj->l_addr + d->d_sym->st_value;
  if ((d->d_sym->st_info & 0xf) == STT_GNU_IFUNC) a = ((uintptr_t(*)(void))a)();
  return (void *)a;
}

/* A lookup that finds nothing while objects in its scope have lazily loaded dependencies
 * pending loads them, breadth-first, and looks again; one that cannot be loaded is the dlerror
 * message. */
static void *do_sym(void *h, const char *name, const char *ver, void *caller) {
  struct rtld_def d;
  struct rtld_need need;
  int ok, dep, pending;
  for (;;) {
    dep = pending = 0;
    rtld_read_begin();
    struct rtld_obj *c = rtld_obj_of_addr((uintptr_t)caller);
    if (h == RTLD_DEFAULT || h == rtld_g.g_exe) {
      ok = rtld_lookup_global(name, ver, NULL, &d);
      struct rtld_scope *ls = c && h == RTLD_DEFAULT ? c->o_lscope : NULL;
      if (!ok && ls) ok = rtld_lookup_list(ls->s_v, ls->s_n, name, ver, &d);
      if (!ok) pending = rtld_find_pending(1, ls ? ls->s_v : NULL, ls ? ls->s_n : 0, &need);
    } else if (h == RTLD_NEXT) {
      ok = c && rtld_lookup_global(name, ver, c, &d);
      if (!ok && c) pending = rtld_find_pending(1, NULL, 0, &need);
    } else if (!is_handle(h)) {
      rtld_read_end();
      rtld_set_dlerror("dlsym: invalid handle %p", h);
      return NULL;
    } else {
      /* The scope's length before the array: a lazy load may replace both (rtld/group.c). */
      struct rtld_obj *o = h;
      unsigned n = __atomic_load_n(&o->o_nscope, __ATOMIC_ACQUIRE);
      struct rtld_obj **v = __atomic_load_n(&o->o_scope, __ATOMIC_ACQUIRE);
      if (!v || !n) v = &o, n = 1;
      ok = rtld_lookup_list(v, n, name, ver, &d);
      if (!ok) pending = rtld_find_pending(0, v, n, &need);
    }
    /* A lookup by scope rather than by handle keeps what it found loaded while the caller is. */
    if (ok && c && (h == RTLD_DEFAULT || h == RTLD_NEXT)) dep = rtld_add_reldep(c, d.d_obj);
    rtld_read_end();
    if (!ok && pending) {
      char err[768];
      if (!rtld_lazy_load(need.n_obj, need.n_dep, name, err, sizeof err)) {
        rtld_set_dlerror("dlsym: %s", err);
        return NULL;
      }
      continue;
    }
    if (dep != 1) break;
  }
  if (!ok || dep < 0) {
    if (ver) rtld_set_dlerror("dlsym: undefined symbol: %s, version %s", name, ver);
    else rtld_set_dlerror("dlsym: undefined symbol: %s", name);
    return NULL;
  }
  rtld_lazy_wait_init(d.d_obj);
  return def_addr(&d);
}

RTLD_EXPORT void *dlsym(void *h, const char *name) {
  return do_sym(h, name, NULL, __builtin_return_address(0));
}

RTLD_EXPORT void *dlvsym(void *h, const char *name, const char *version) {
  return do_sym(h, name, version, __builtin_return_address(0));
}

/* dl lock held: unloads every object nothing reaches any more (see the top of this file). */
static void unload_unreachable(void) {
  size_t total = 0, n = 0, sp = 0, nfix = 0;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next) total++;
  struct rtld_obj **gone = rtld_alloc(2 * total * sizeof *gone), **stack = gone + total;
  struct rtld_scope **fix = rtld_alloc(2 * total * sizeof *fix);
  if (!gone || !fix) goto out; /* out of memory: unload nothing */
  uint64_t mask;
  rtld_reldep_lock(&mask);
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next) {
    g->o_mark = g->o_closing; /* an outer dlclose is unloading these already */
    if (!g->o_mark && (g->o_startup || g->o_is_rtld || g->o_is_vdso || g->o_nodelete ||
                       g->o_refcnt || g->o_tls_dtors)) {
      g->o_mark = 1;
      stack[sp++] = g;
    }
  }
  while (sp) {
    struct rtld_obj *o = stack[--sp];
    for (unsigned i = 0; i < o->o_ndeps + o->o_nreldeps; i++) {
      struct rtld_obj *d = i < o->o_ndeps ? o->o_deps[i] : o->o_reldeps[i - o->o_ndeps];
      if (d && !d->o_mark) {
        d->o_mark = 1;
        stack[sp++] = d;
      }
    }
  }
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next)
    if (!g->o_mark) {
      g->o_closing = 1;
      gone[n++] = g;
    }
  rtld_reldep_unlock(&mask);
  if (!n) goto out;
  /* New lazy-binding scopes for the objects that stay, made before anything is torn down. */
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next) {
    struct rtld_scope *ls = g->o_lscope;
    if (g->o_closing || !ls) continue;
    unsigned k = 0;
    while (k < ls->s_n && !ls->s_v[k]->o_closing) k++;
    if (k == ls->s_n) continue;
    struct rtld_scope *ns = rtld_scope_copy(ls->s_v, ls->s_n, NULL, 0);
    if (!ns) {
      /* out of memory: unload nothing this time */
      for (size_t i = 0; i < nfix; i++) rtld_free(fix[i]);
      rtld_reldep_lock(&mask);
      for (size_t i = 0; i < n; i++) gone[i]->o_closing = 0;
      rtld_reldep_unlock(&mask);
      goto out;
    }
    fix[nfix++] = ns;
  }
  rtld_run_atexit_handlers(gone, n);
  rtld_run_finis();
  rtld_ptc_exclusive();
  nfix = 0;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next) {
    struct rtld_scope *ls = g->o_lscope;
    if (g->o_closing || !ls) continue;
    unsigned k = 0;
    while (k < ls->s_n && !ls->s_v[k]->o_closing) k++;
    if (k == ls->s_n) continue;
    __atomic_store_n(&g->o_lscope, fix[nfix], __ATOMIC_RELEASE);
    fix[nfix++] = ls; /* the old one, freed after the grace period */
  }
  for (size_t i = 0; i < n; i++) {
    struct rtld_obj *o = gone[i];
    rtld_uncommit(o);
    if (o->o_tls_live) rtld_tls_unload(o);
    rtld_debug(RTLD_DBG_FILES, "file=%s unloaded", o->l_name);
  }
  rtld_wait_readers();
  rtld_ptc_exclusive_end();
  for (size_t i = 0; i < n; i++) rtld_unmap(gone[i]);
  for (size_t i = 0; i < nfix; i++) rtld_free(fix[i]);
out:
  rtld_free(gone);
  rtld_free(fix);
}

void rtld_unload_unreachable(void) {
  rtld_dl_lock();
  unload_unreachable();
  rtld_dl_unlock();
}

RTLD_EXPORT int dlclose(void *h) {
  rtld_dl_lock();
  struct rtld_obj *root = h;
  if (!is_handle(h) || !root->o_refcnt) {
    rtld_dl_unlock();
    rtld_set_dlerror("dlclose: invalid handle %p", h);
    return -1;
  }
  if (!root->o_startup) {
    root->o_refcnt--;
    unload_unreachable();
  }
  rtld_dl_unlock();
  return 0;
}

static uintptr_t obj_base(const struct rtld_obj *o) {
  uintptr_t lo = (uintptr_t)-1;
  for (unsigned i = 0; i < o->o_phnum; i++)
    if (o->o_phdr[i].p_type == PT_LOAD && o->o_phdr[i].p_vaddr < lo) lo = o->o_phdr[i].p_vaddr;
  return o->l_addr + (lo & ~(RTLD_PAGE - 1));
}

RTLD_EXPORT int dladdr(const void *addr, Dl_info *info) {
  rtld_read_begin();
  struct rtld_obj *o = rtld_obj_of_addr((uintptr_t)addr);
  if (!o) {
    rtld_read_end();
    return 0;
  }
  info->dli_fname = o->o_is_exe ? rtld_g.g_argv[0] : o->l_name;
  info->dli_fbase = (void *)obj_base(o);
  info->dli_sname = NULL;
  info->dli_saddr = NULL;
  uintptr_t a = (uintptr_t)addr, best = 0;
  for (unsigned i = 1; i < o->o_nsyms; i++) {
    const rtld_sym *s = &o->o_symtab[i];
    unsigned type = s->st_info & 0xf;
    if (s->st_shndx == SHN_UNDEF || type == STT_TLS || type == STT_SECTION || type == STT_FILE)
      continue;
    uintptr_t v = o->l_addr + s->st_value;
    if (v > a || v < best) continue;
    if (s->st_size && a >= v + s->st_size) continue;
    best = v;
    info->dli_sname = o->o_strtab + s->st_name;
    info->dli_saddr = (void *)v;
  }
  rtld_read_end();
  return 1;
}

RTLD_EXPORT int dlinfo(void *h, int req, void *arg) {
  rtld_read_begin();
  int ok = is_handle(h);
  rtld_read_end();
  if (!ok) {
    rtld_set_dlerror("dlinfo: invalid handle %p", h);
    return -1;
  }
  struct rtld_obj *o = h;
  switch (req) {
  case RTLD_DI_LMID: *(long *)arg = 0; return 0; /* one namespace: LM_ID_BASE */
  case RTLD_DI_LINKMAP: *(void **)arg = o; return 0;
  case RTLD_DI_TLS_MODID: *(size_t *)arg = o->o_tls_modid; return 0;
  case RTLD_DI_TLS_DATA:
    *(void **)arg = o->o_tls_modid ? rtld_tls_peek(o->o_tls_modid) : NULL;
    return 0;
  case RTLD_DI_ORIGIN: {
    rtld_dl_lock();
    const char *s = rtld_origin(o) ? o->o_origin : ".";
    rtld_dl_unlock();
    char *d = arg;
    while ((*d++ = *s++)) {}
    return 0;
  }
  default: rtld_set_dlerror("dlinfo: unsupported request %d", req); return -1;
  }
}

RTLD_EXPORT int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data) {
  int r = 0;
  rtld_dl_lock();
  for (struct rtld_obj *o = rtld_g.g_head; o && !r; o = o->l_next) {
    struct dl_phdr_info info;
    info.dlpi_addr = o->l_addr;
    info.dlpi_name = o->o_is_exe ? "" : o->l_name;
    info.dlpi_phdr = (const void *)o->o_phdr;
    info.dlpi_phnum = (uint16_t)o->o_phnum;
    info.dlpi_adds = rtld_g.g_adds;
    info.dlpi_subs = rtld_g.g_subs;
    info.dlpi_tls_modid = o->o_tls_modid;
    info.dlpi_tls_data = o->o_tls_modid ? rtld_tls_peek(o->o_tls_modid) : NULL;
    r = cb(&info, sizeof info, data);
  }
  rtld_dl_unlock();
  return r;
}

RTLD_EXPORT int _dl_find_object(void *pc, struct dl_find_object *r) {
  rtld_read_begin();
  struct rtld_obj *o = rtld_obj_of_addr((uintptr_t)pc);
  if (o) {
    uintptr_t lo = (uintptr_t)-1, hi = 0, eh = 0;
    for (unsigned i = 0; i < o->o_phnum; i++) {
      const rtld_phdr *p = &o->o_phdr[i];
      if (p->p_type == PT_LOAD) {
        if (p->p_vaddr < lo) lo = p->p_vaddr;
        if (p->p_vaddr + p->p_memsz > hi) hi = p->p_vaddr + p->p_memsz;
      } else if (p->p_type == PT_GNU_EH_FRAME) {
        eh = o->l_addr + p->p_vaddr;
      }
    }
    r->dlfo_flags = 0;
    r->dlfo_map_start = (void *)(o->l_addr + (lo & ~4095ul));
    r->dlfo_map_end = (void *)rtld_align_up(o->l_addr + hi, 4096);
    r->dlfo_link_map = (struct link_map *)o;
    r->dlfo_eh_frame = (void *)eh;
  }
  rtld_read_end();
  return o ? 0 : -1;
}
