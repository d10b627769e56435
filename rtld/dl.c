/* The dl API: dlopen, dlsym, dlvsym, dlclose, dlerror, dladdr, dlinfo, dl_iterate_phdr
 * (DESIGN.md §8).
 *
 * dlopen holds the dl lock and the thread-creation lock exclusively from the first mapping to
 * the commit, so the live-thread count it reserves TLS for cannot change. Until the commit the
 * new objects sit on g_pending only: a failure unmaps them, releases their reservations and
 * restores the module-id and static-TLS counters, leaving the process exactly as before.
 * Initialisers run after both locks are released (rtld/init.c).
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

/* Breadth-first list of o and everything it needs. */
static int build_scope(struct rtld_obj *o) {
  if (o->o_scope) return 0;
  unsigned cap = 8, n = 0;
  struct rtld_obj **l = rtld_alloc(cap * sizeof *l);
  if (!l) return -1;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next) g->o_mark = 0;
  for (struct rtld_obj *g = rtld_g.g_pending; g; g = g->o_new_next) g->o_mark = 0;
  l[n++] = o;
  o->o_mark = 1;
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < l[i]->o_ndeps; j++) {
      struct rtld_obj *d = l[i]->o_deps[j];
      if (!d || d->o_mark) continue;
      if (n == cap) {
        struct rtld_obj **nl = rtld_realloc_array(l, cap, cap * 2, sizeof *l);
        if (!nl) {
          rtld_free(l);
          return -1;
        }
        l = nl;
        cap *= 2;
      }
      d->o_mark = 1;
      l[n++] = d;
    }
  o->o_scope = l;
  o->o_nscope = n;
  return 0;
}

static void dlopen_undo(size_t modid0, size_t used0) {
  struct rtld_obj *o = rtld_g.g_pending;
  rtld_g.g_pending = NULL;
  while (o) {
    struct rtld_obj *next = o->o_new_next;
    rtld_tls_release(o);
    rtld_unmap(o);
    o = next;
  }
  rtld_tls_release_dtvs();
  rtld_g.g_tls_next_modid = modid0;
  rtld_g.g_tls_static_used = used0;
}

/* A copy of a scope list, for one object's lazy binding. */
static struct rtld_scope *scope_copy(struct rtld_obj **v, unsigned n, const struct rtld_obj *skip) {
  struct rtld_scope *s = rtld_alloc(sizeof *s + n * sizeof *v);
  if (!s) return NULL;
  for (unsigned i = 0; i < n; i++)
    if (v[i] != skip && !v[i]->o_closing) s->s_v[s->s_n++] = v[i];
  return s;
}

RTLD_EXPORT void *dlopen(const char *file, int mode) {
  if (!file) return rtld_g.g_exe;
  char err[512];
  void *ra = __builtin_return_address(0);
  rtld_dl_lock();
  rtld_ptc_exclusive();
  /* The caller's run paths apply (glibc's rule): found by the return address. */
  struct rtld_obj *caller = rtld_obj_of_addr((uintptr_t)ra);
  if (!caller || caller->o_closing) caller = rtld_g.g_exe;
  size_t modid0 = rtld_g.g_tls_next_modid, used0 = rtld_g.g_tls_static_used;
  struct rtld_obj *root = rtld_find_loaded(file);
  struct rtld_obj **tail = &rtld_g.g_pending;
  if (!root) {
    if (mode & RTLD_NOLOAD) goto out_null;
    root = rtld_load(file, caller, err, sizeof err);
    if (!root) goto fail;
  }
  if (!is_handle(root)) {
    /* New: the root and, breadth-first, everything it needs that is not loaded yet. */
    *tail = root;
    tail = &root->o_new_next;
    for (struct rtld_obj *o = root; o; o = o->o_new_next) {
      if (o->o_ndeps && !(o->o_deps = rtld_alloc(o->o_ndeps * sizeof *o->o_deps))) {
        rtld_fmt(err, sizeof err, "%s: out of memory", o->l_name);
        goto fail;
      }
      unsigned k = 0;
      for (rtld_dyn *d = o->l_ld; d->d_tag != DT_NULL; d++) {
        if (d->d_tag != DT_NEEDED) continue;
        const char *name = o->o_strtab + d->d_val;
        struct rtld_obj *dep = rtld_find_loaded(name);
        if (!dep) {
          dep = rtld_load(name, o, err, sizeof err);
          if (!dep) goto fail;
          int known = is_handle(dep);
          for (struct rtld_obj *p = rtld_g.g_pending; p && !known; p = p->o_new_next)
            if (p == dep) known = 1;
          if (!known) {
            *tail = dep;
            tail = &dep->o_new_next;
          }
        }
        o->o_deps[k++] = dep;
      }
    }
    int tls = 0;
    for (struct rtld_obj *o = rtld_g.g_pending; o; o = o->o_new_next) {
      if (mode & RTLD_NOW) o->o_bind_now = 1;
      if (o->o_tls_memsz && rtld_tls_dlopen_assign(o, err, sizeof err)) goto fail;
      tls |= o->o_tls_memsz != 0;
    }
    for (struct rtld_obj *o = rtld_g.g_pending; o; o = o->o_new_next)
      if (o->o_tls_memsz && rtld_tls_reserve(o, err, sizeof err)) goto fail;
    if (tls && rtld_tls_reserve_dtvs(err, sizeof err)) goto fail;
    if (build_scope(root)) {
      rtld_fmt(err, sizeof err, "%s: out of memory", root->l_name);
      goto fail;
    }
    for (struct rtld_obj *o = rtld_g.g_pending; o; o = o->o_new_next)
      if (!(o->o_lscope = scope_copy(root->o_scope, root->o_nscope, NULL))) {
        rtld_fmt(err, sizeof err, "%s: out of memory", o->l_name);
        goto fail;
      }
    /* Relocate the dependencies before the objects that need them. */
    struct rtld_obj *stack[256];
    unsigned n = 0;
    for (struct rtld_obj *o = rtld_g.g_pending; o && n < 256; o = o->o_new_next) stack[n++] = o;
    while (n--)
      if (rtld_relocate(stack[n], root->o_scope, root->o_nscope, err, sizeof err)) goto fail;
    /* Point of no return: commit. */
    if (tls) rtld_tls_commit_dtvs();
    for (struct rtld_obj *o = rtld_g.g_pending, *next; o; o = next) {
      next = o->o_new_next;
      o->o_new_next = NULL;
      rtld_commit(o);
      if (o->o_tls_modid) rtld_tls_commit(o);
      rtld_debug(RTLD_DBG_FILES, "file=%s committed", o->l_name);
    }
    rtld_g.g_pending = NULL;
  } else if (build_scope(root)) {
    rtld_fmt(err, sizeof err, "%s: out of memory", root->l_name);
    goto fail;
  }
  root->o_refcnt++;
  if (mode & RTLD_GLOBAL)
    for (unsigned i = 0; i < root->o_nscope; i++) root->o_scope[i]->o_global = 1;
  if (mode & RTLD_NODELETE) root->o_nodelete = 1;
  rtld_ptc_exclusive_end();
  rtld_dl_unlock();
  rtld_run_inits(root);
  return root;
fail:
  dlopen_undo(modid0, used0);
  rtld_set_dlerror("%s", err);
out_null:
  rtld_ptc_exclusive_end();
  rtld_dl_unlock();
  return NULL;
}

static void *def_addr(const struct rtld_def *d) {
  if ((d->d_sym->st_info & 0xf) == STT_TLS)
    return rtld_tls_addr(d->d_obj->o_tls_modid, d->d_sym->st_value);
  uintptr_t a = d->d_obj->l_addr + d->d_sym->st_value;
  if ((d->d_sym->st_info & 0xf) == STT_GNU_IFUNC) a = ((uintptr_t(*)(void))a)();
  return (void *)a;
}

static void *do_sym(void *h, const char *name, const char *ver, void *caller) {
  struct rtld_def d;
  int ok, dep = 0;
  do {
    rtld_read_begin();
    struct rtld_obj *c = rtld_obj_of_addr((uintptr_t)caller);
    if (h == RTLD_DEFAULT || h == rtld_g.g_exe) {
      ok = rtld_lookup_global(name, ver, NULL, &d);
      struct rtld_scope *ls = c && h == RTLD_DEFAULT ? c->o_lscope : NULL;
      if (!ok && ls) ok = rtld_lookup_list(ls->s_v, ls->s_n, name, ver, &d);
    } else if (h == RTLD_NEXT) {
      ok = c && rtld_lookup_global(name, ver, c, &d);
    } else if (!is_handle(h)) {
      rtld_read_end();
      rtld_set_dlerror("dlsym: invalid handle %p", h);
      return NULL;
    } else {
      struct rtld_obj *o = h;
      ok = rtld_lookup_list(o->o_scope ? o->o_scope : &o, o->o_scope ? o->o_nscope : 1, name, ver,
                            &d);
    }
    /* A lookup by scope rather than by handle keeps what it found loaded while the caller is. */
    if (ok && c && (h == RTLD_DEFAULT || h == RTLD_NEXT)) dep = rtld_add_reldep(c, d.d_obj);
    rtld_read_end();
  } while (dep == 1);
  if (!ok || dep < 0) {
    if (ver) rtld_set_dlerror("dlsym: undefined symbol: %s, version %s", name, ver);
    else rtld_set_dlerror("dlsym: undefined symbol: %s", name);
    return NULL;
  }
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
    struct rtld_scope *ns = scope_copy(ls->s_v, ls->s_n, NULL);
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
