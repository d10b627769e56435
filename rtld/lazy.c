/* Dependencies and lazy loading (DESIGN.md §8; the Solaris lazy loading model).
 *
 * A DT_NEEDED entry after a DT_POSFLAG_1 with DF_P1_LAZYLOAD is not loaded with the object that
 * needs it (unless LD_NOLAZYLOAD is set, or an object of that name is loaded already): its
 * o_deps entry stays NULL, pending, until a lookup needs it. rtld_resolve says when: the
 * reference's Syminfo entry names the dependency (a PLT entry at its first call, any other
 * relocation when its object is relocated), or a search found nothing while a dependency in the
 * scope is still pending (those are loaded breadth-first and the search tried again; dlsym
 * does the same). The load is a dlopen of the dependency with the requester's group: one
 * transaction (rtld/group.c) under the dl lock, its TLS reserved for every live thread (or the
 * load fails with nothing consumed), its initialisers run without the lock once it is
 * committed. Two threads that need the same dependency take the dl lock in turn; the second
 * finds it loaded and waits, like every later binding to it, until its initialisers have run
 * (unless they are its own: an initialiser may call back through the PLT). */
#include "rtld_int.h"

int rtld_deps_init(struct rtld_obj *o) {
  if (o->o_deps || !o->o_ndeps) return 0;
  size_t nd = o->o_ndeps, ny = o->o_syminfo ? o->o_ndyn : 0;
  char *m = rtld_alloc(nd * sizeof(struct rtld_obj *) + (nd + ny) * sizeof(uint32_t));
  if (!m) return -1;
  o->o_deps = (struct rtld_obj **)m;
  o->o_need_dyn = (uint32_t *)(m + nd * sizeof(struct rtld_obj *));
  o->o_dyn_dep = ny ? o->o_need_dyn + nd : NULL;
  unsigned k = 0;
  for (unsigned i = 0; i < o->o_ndyn && k < nd; i++) {
    if (o->l_ld[i].d_tag != DT_NEEDED) continue;
    /* DT_POSFLAG_1 applies to the entry that follows it. */
    int lazy = !rtld_g.g_nolazy && i && o->l_ld[i - 1].d_tag == DT_POSFLAG_1 &&
               (o->l_ld[i - 1].d_val & DF_P1_LAZYLOAD);
    o->o_need_dyn[k] = i | (lazy ? RTLD_NEED_LAZY : 0);
    if (ny) o->o_dyn_dep[i] = k + 1;
    k++;
  }
  return 0;
}

const char *rtld_dep_name(const struct rtld_obj *o, unsigned k) {
  return o->o_strtab + o->l_ld[o->o_need_dyn[k] & ~RTLD_NEED_LAZY].d_val;
}

struct rtld_obj *rtld_dep(const struct rtld_obj *o, unsigned k) {
  struct rtld_obj *d = __atomic_load_n(&o->o_deps[k], __ATOMIC_ACQUIRE);
  return d ? d : rtld_txn_dep(o, k);
}

static int pending_in(struct rtld_obj *g, struct rtld_need *need) {
  if (!__atomic_load_n(&g->o_npending, __ATOMIC_RELAXED) || g->o_closing) return 0;
  for (unsigned k = 0; k < g->o_ndeps; k++)
    if (rtld_dep_lazy(g, k) && !rtld_dep(g, k)) {
      need->n_obj = g;
      need->n_dep = k;
      return 1;
    }
  return 0;
}

int rtld_find_pending(int global, struct rtld_obj **local, unsigned nlocal,
                      struct rtld_need *need) {
  for (struct rtld_obj *g = global ? __atomic_load_n(&rtld_g.g_head, __ATOMIC_ACQUIRE) : NULL; g;
       g = __atomic_load_n(&g->l_next, __ATOMIC_ACQUIRE))
    if (g->o_global && pending_in(g, need)) return 1;
  for (unsigned i = 0; i < nlocal; i++)
    if (pending_in(local[i], need)) return 1;
  return 0;
}

struct rtld_obj *rtld_lazy_load(struct rtld_obj *o, unsigned k, const char *sym, char *err,
                                size_t errlen) {
  rtld_dl_lock();
  struct rtld_obj *y = rtld_dep(o, k);
  if (y) {
    /* Loaded meanwhile by another thread, or earlier in this thread's transaction. */
    rtld_dl_unlock();
    rtld_lazy_wait_init(y);
    return y;
  }
  const char *name = rtld_dep_name(o, k);
  rtld_debug(RTLD_DBG_FILES | RTLD_DBG_BINDINGS, "file=%s; needed by %s: lazy loading for `%s'",
             name, rtld_obj_name(o), sym);
  int top = rtld_txn_begin(), ok = 1;
  char why[512];
  /* An object of that name loaded already (by name or soname) satisfies the dependency. */
  if (!(y = rtld_find_loaded(name))) {
    if (!(y = rtld_load(name, o, why, sizeof why))) ok = 0;
    else if (!rtld_is_known(y)) {
      y->o_lazy = 1;
      ok = !rtld_load_group(y, o, 0, why, sizeof why);
    }
  }
  if (ok && rtld_txn_link(o, k, y)) {
    rtld_fmt(why, sizeof why, "%s: out of memory", name);
    ok = 0;
  }
  size_t n;
  struct rtld_obj **loaded = rtld_txn_end(ok, &n);
  rtld_dl_unlock();
  if (!ok) {
    rtld_fmt(err, errlen, "%s (lazily loaded dependency of %s, needed for symbol %s)", why,
             rtld_obj_name(o), sym);
    return NULL;
  }
  /* The transaction's own initialisers: now, unless a dlopen or start-up will run them. */
  if (top && !rtld_g.g_booting)
    for (size_t i = 0; i < n; i++) rtld_run_inits(loaded[i]);
  rtld_free(loaded);
  if (top) rtld_lazy_wait_init(y);
  return y;
}

/* Not during start-up relocation nor in a transaction: the initialisers run when it is done. */
void rtld_lazy_wait_init(struct rtld_obj *o) {
  if (!o->o_lazy || rtld_g.g_booting ||
      __atomic_load_n(&o->o_init_state, __ATOMIC_ACQUIRE) == RTLD_INIT_DONE || rtld_txn_mine())
    return;
  rtld_run_inits(o);
}
