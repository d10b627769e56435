/* Loading a group of objects as one transaction: what dlopen and lazy loading share
 * (DESIGN.md §8).
 *
 * A transaction runs with the dl lock held. Its first level takes the thread-creation lock
 * exclusively (so the live threads that TLS is reserved for stay the same) and notes the TLS
 * counters; the objects it maps wait on g_pending, in load order, until the outermost level
 * commits them. A lazy load that a relocation needs in the middle of a dlopen or of another lazy
 * load joins the transaction in progress and is committed, or undone, with it: a failed dlopen
 * leaves the process exactly as before, lazily loaded objects included, and no other thread
 * ever sees an object that could still be unmapped.
 *
 * Links. A lazy load fills in o_deps[k] of the object that needed the dependency. That store,
 * the growth of every group the requester belongs to (the dlopen scopes and local scopes that
 * hold it take the new objects in), and the requester's global visibility passing to them wait
 * for the commit too; until then only the transaction's own thread sees them (rtld_dep,
 * rtld_txn_lookup). Scope arrays the commit replaces are freed once no reader can hold them
 * (rtld_wait_readers). */
#include "rtld_int.h"

struct txn_link {
  struct rtld_obj *k_obj; /* the object whose dependency was loaded */
  unsigned k_dep;         /* its index in k_obj->o_deps */
  struct rtld_obj *k_target;
};

static struct {
  struct rtld_tcb *x_owner; /* the thread whose transaction is open, else NULL */
  unsigned x_depth;
  int x_failed, x_tls;
  size_t x_modid0, x_used0;
  struct txn_link *x_links;
  unsigned x_nlinks, x_cap;
  void **x_retired; /* scope arrays replaced at the commit */
  unsigned x_nretired, x_retired_cap;
} txn;

int rtld_txn_begin(void) {
  if (txn.x_depth++) return 0;
  rtld_ptc_exclusive();
  txn.x_failed = txn.x_tls = 0;
  txn.x_modid0 = rtld_g.g_tls_next_modid;
  txn.x_used0 = rtld_g.g_tls_static_used;
  __atomic_store_n(&txn.x_owner, rtld_self(), __ATOMIC_RELAXED);
  return 1;
}

int rtld_txn_mine(void) { return __atomic_load_n(&txn.x_owner, __ATOMIC_RELAXED) == rtld_self(); }

int rtld_txn_link(struct rtld_obj *o, unsigned k, struct rtld_obj *dep) {
  if (txn.x_nlinks == txn.x_cap) {
    unsigned nc = txn.x_cap ? 2 * txn.x_cap : 8;
    struct txn_link *n = rtld_realloc_array(txn.x_links, txn.x_nlinks, nc, sizeof *n);
    if (!n) return -1;
    txn.x_links = n;
    txn.x_cap = nc;
  }
  txn.x_links[txn.x_nlinks].k_obj = o;
  txn.x_links[txn.x_nlinks].k_dep = k;
  txn.x_links[txn.x_nlinks++].k_target = dep;
  return 0;
}

struct rtld_obj *rtld_txn_dep(const struct rtld_obj *o, unsigned k) {
  if (!txn.x_nlinks || !rtld_txn_mine()) return NULL;
  for (unsigned i = 0; i < txn.x_nlinks; i++)
    if (txn.x_links[i].k_obj == o && txn.x_links[i].k_dep == k) return txn.x_links[i].k_target;
  return NULL;
}

int rtld_txn_lookup(const char *name, const char *ver, uint32_t gh, uint32_t sh,
                    struct rtld_def *out) {
  if (!txn.x_nlinks || !rtld_txn_mine()) return 0;
  for (unsigned i = 0; i < txn.x_nlinks; i++) {
    struct rtld_obj *t = txn.x_links[i].k_target;
    struct rtld_obj **v = t->o_scope ? t->o_scope : &t;
    unsigned n = t->o_scope ? t->o_nscope : 1;
    for (unsigned j = 0; j < n; j++) {
      const rtld_sym *d = rtld_lookup_in(v[j], name, gh, sh, ver);
      if (d) {
        out->d_sym = d;
        out->d_obj = v[j];
        return 1;
      }
    }
  }
  return 0;
}

int rtld_is_known(const struct rtld_obj *o) {
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next)
    if (g == o) return !o->o_closing;
  for (struct rtld_obj *g = rtld_g.g_pending; g; g = g->o_new_next)
    if (g == o) return 1;
  return 0;
}

/* Breadth-first list of o and everything it needs that is loaded (pending lazy dependencies are
 * not). */
int rtld_build_scope(struct rtld_obj *o) {
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
  o->o_nscope = n;
  o->o_scope = l;
  return 0;
}

static int in_list(struct rtld_obj *const *v, unsigned n, const struct rtld_obj *o) {
  for (unsigned i = 0; i < n; i++)
    if (v[i] == o) return 1;
  return 0;
}

/* v followed by what of `more` v lacks, leaving out objects being unloaded. */
struct rtld_scope *rtld_scope_copy(struct rtld_obj **v, unsigned n, struct rtld_obj **more,
                                   unsigned nmore) {
  struct rtld_scope *s = rtld_alloc(sizeof *s + (n + nmore) * sizeof *v);
  if (!s) return NULL;
  for (unsigned i = 0; i < n; i++)
    if (!v[i]->o_closing) s->s_v[s->s_n++] = v[i];
  for (unsigned i = 0; i < nmore; i++)
    if (!more[i]->o_closing && !in_list(s->s_v, s->s_n, more[i])) s->s_v[s->s_n++] = more[i];
  return s;
}

int rtld_load_group(struct rtld_obj *root, struct rtld_obj *req, int mode, char *err,
                    size_t errlen) {
  struct rtld_obj **tail = &rtld_g.g_pending;
  while (*tail) tail = &(*tail)->o_new_next;
  *tail = root;
  tail = &root->o_new_next;
  size_t n = 0;
  for (struct rtld_obj *o = root; o; o = o->o_new_next, n++) {
    if (rtld_deps_init(o)) goto oom;
    for (unsigned k = 0; k < o->o_ndeps; k++) {
      const char *name = rtld_dep_name(o, k);
      struct rtld_obj *dep = rtld_find_loaded(name);
      if (!dep && rtld_dep_lazy(o, k)) {
        o->o_npending++;
        rtld_debug(RTLD_DBG_FILES | RTLD_DBG_BINDINGS, "file=%s; needed by %s: lazy, deferred",
                   name, rtld_obj_name(o));
        continue;
      }
      if (!dep) {
        if (!(dep = rtld_load(name, o, err, errlen))) return -1;
        if (!rtld_is_known(dep)) {
          *tail = dep;
          tail = &dep->o_new_next;
        }
      }
      o->o_deps[k] = dep;
    }
  }
  int tls = 0;
  for (struct rtld_obj *o = root; o; o = o->o_new_next) {
    if (mode & RTLD_NOW) o->o_bind_now = 1;
    if (o->o_tls_memsz && rtld_tls_dlopen_assign(o, err, errlen)) return -1;
    tls |= o->o_tls_memsz != 0;
  }
  for (struct rtld_obj *o = root; o; o = o->o_new_next)
    if (o->o_tls_memsz && rtld_tls_reserve(o, err, errlen)) return -1;
  if (tls) {
    if (rtld_tls_reserve_dtvs(err, errlen)) return -1;
    txn.x_tls = 1;
  }
  if (rtld_build_scope(root)) goto oom;
  /* Each new object binds in the requester's group (a lazy load) and in root's own. */
  struct rtld_scope *base = req ? req->o_lscope : NULL;
  for (struct rtld_obj *o = root; o; o = o->o_new_next)
    if (!(o->o_lscope = rtld_scope_copy(base ? base->s_v : NULL, base ? base->s_n : 0,
                                        root->o_scope, root->o_nscope)))
      goto oom;
  /* Relocate the dependencies before the objects that need them. A relocation may load a lazy
   * dependency: that joins the transaction after these and relocates itself. */
  struct rtld_obj **v = rtld_alloc(n * sizeof *v);
  if (!v) goto oom;
  size_t i = 0;
  for (struct rtld_obj *o = root; i < n; o = o->o_new_next) v[i++] = o;
  while (i--) {
    struct rtld_scope *ls = v[i]->o_lscope;
    if (rtld_relocate(v[i], ls->s_v, ls->s_n, err, errlen)) {
      rtld_free(v);
      return -1;
    }
  }
  rtld_free(v);
  return 0;
oom:
  rtld_fmt(err, errlen, "%s: out of memory", root->l_name);
  return -1;
}

static void retire(void *p) {
  if (txn.x_nretired == txn.x_retired_cap) {
    unsigned nc = txn.x_retired_cap ? 2 * txn.x_retired_cap : 8;
    void **n = rtld_realloc_array(txn.x_retired, txn.x_nretired, nc, sizeof *n);
    if (!n) return; /* out of memory: the old array is never freed */
    txn.x_retired = n;
    txn.x_retired_cap = nc;
  }
  txn.x_retired[txn.x_nretired++] = p;
}

/* The groups that hold the link's object take the link's target and its group in, behind what
 * they have. Out of memory, a group stays as it was: its members still reach the target through
 * direct bindings and the pending-dependency search. */
static void grow_groups(const struct txn_link *k) {
  struct rtld_obj *t = k->k_target, **add = t->o_scope ? t->o_scope : &t;
  unsigned nadd = t->o_scope ? t->o_nscope : 1;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next) {
    struct rtld_scope *ls = g->o_lscope;
    if (ls && in_list(ls->s_v, ls->s_n, k->k_obj)) {
      struct rtld_scope *ns = rtld_scope_copy(ls->s_v, ls->s_n, add, nadd);
      if (ns && ns->s_n != ls->s_n) {
        __atomic_store_n(&g->o_lscope, ns, __ATOMIC_RELEASE);
        retire(ls);
      } else {
        rtld_free(ns);
      }
    }
    unsigned sn = g->o_nscope;
    if (g->o_scope && in_list(g->o_scope, sn, k->k_obj)) {
      struct rtld_scope *ns = rtld_scope_copy(g->o_scope, sn, add, nadd);
      if (!ns || ns->s_n == sn) {
        rtld_free(ns);
        continue;
      }
      struct rtld_obj **nv = rtld_alloc(ns->s_n * sizeof *nv);
      if (nv) {
        for (unsigned i = 0; i < ns->s_n; i++) nv[i] = ns->s_v[i];
        /* The array before its length: a reader loads the length first (rtld/dl.c). */
        struct rtld_obj **old = g->o_scope;
        __atomic_store_n(&g->o_scope, nv, __ATOMIC_RELEASE);
        __atomic_store_n(&g->o_nscope, ns->s_n, __ATOMIC_RELEASE);
        retire(old);
      }
      rtld_free(ns);
    }
  }
}

static void commit(void) {
  if (txn.x_tls) rtld_tls_commit_dtvs();
  /* A lazily loaded group is global when the object that needed it is. */
  for (struct rtld_obj *g = rtld_g.g_pending; g; g = g->o_new_next) g->o_mark = 1;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next) g->o_mark = 0;
  for (unsigned i = 0; i < txn.x_nlinks; i++) {
    struct txn_link *k = &txn.x_links[i];
    if (!k->k_obj->o_global) continue;
    struct rtld_obj *t = k->k_target;
    for (unsigned j = 0; j < (t->o_scope ? t->o_nscope : 1); j++) {
      struct rtld_obj *m = t->o_scope ? t->o_scope[j] : t;
      if (m->o_mark) m->o_global = 1;
    }
  }
  for (struct rtld_obj *o = rtld_g.g_pending, *next; o; o = next) {
    next = o->o_new_next;
    o->o_new_next = NULL;
    rtld_commit(o);
    if (o->o_tls_modid) rtld_tls_commit(o);
    rtld_debug(RTLD_DBG_FILES, "file=%s committed", o->l_name);
  }
  rtld_g.g_pending = NULL;
  for (unsigned i = 0; i < txn.x_nlinks; i++) {
    struct txn_link *k = &txn.x_links[i];
    __atomic_store_n(&k->k_obj->o_deps[k->k_dep], k->k_target, __ATOMIC_RELEASE);
    __atomic_sub_fetch(&k->k_obj->o_npending, 1, __ATOMIC_RELAXED);
    grow_groups(k);
  }
  if (txn.x_nretired) {
    rtld_wait_readers();
    for (unsigned i = 0; i < txn.x_nretired; i++) rtld_free(txn.x_retired[i]);
    txn.x_nretired = 0;
  }
}

static void undo(void) {
  struct rtld_obj *o = rtld_g.g_pending;
  rtld_g.g_pending = NULL;
  while (o) {
    struct rtld_obj *next = o->o_new_next;
    rtld_tls_release(o);
    rtld_unmap(o);
    o = next;
  }
  rtld_tls_release_dtvs();
  rtld_g.g_tls_next_modid = txn.x_modid0;
  rtld_g.g_tls_static_used = txn.x_used0;
}

struct rtld_obj **rtld_txn_end(int ok, size_t *n) {
  *n = 0;
  if (!ok) txn.x_failed = 1;
  if (--txn.x_depth) return NULL;
  struct rtld_obj **targets = NULL;
  if (!txn.x_failed) {
    commit();
    /* What the caller initialises: each lazily loaded group's root. */
    if (txn.x_nlinks && (targets = rtld_alloc(txn.x_nlinks * sizeof *targets)))
      for (unsigned i = 0; i < txn.x_nlinks; i++) targets[(*n)++] = txn.x_links[i].k_target;
  } else {
    undo();
  }
  txn.x_nlinks = 0;
  __atomic_store_n(&txn.x_owner, NULL, __ATOMIC_RELAXED);
  rtld_ptc_exclusive_end();
  return targets;
}
