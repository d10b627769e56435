/* Initialisers and finalisers (DESIGN.md §8).
 * Initialisers run in dependency order: a depth-first walk of DT_NEEDED from the root, each
 * object after everything it needs (a cycle is broken where the walk re-enters it). The
 * executable's DT_PREINIT_ARRAY runs before anything else. Finalisers run in the reverse of the
 * order the initialisers ran, at exit() and, for unloaded objects, at dlclose; the handlers an
 * object registered with atexit or __cxa_atexit run before its finalisers.
 *
 * Contract: initialisers run with no rtld lock held, so an initialiser may start a thread and
 * wait for it while that thread binds lazily, calls dlsym, or even dlopens something else. Each
 * object is initialised once: a thread claims it (o_init_state RUNNING, o_init_tid) under the dl
 * lock, runs it unlocked and marks it DONE; a thread that needs an object another thread is
 * initialising waits for it, while a recursive dlopen from the initialising thread itself
 * returns at once (as glibc and musl do). Finalisers run with the dl lock held. */
#include "rtld_int.h"

static int record_init(struct rtld_obj *o) {
  if (rtld_g.g_init_count == rtld_g.g_init_cap) {
    size_t nc = rtld_g.g_init_cap ? rtld_g.g_init_cap * 2 : 32;
    struct rtld_obj **n = rtld_realloc_array(rtld_g.g_init_order, rtld_g.g_init_cap, nc, sizeof *n);
    if (!n) return -1;
    rtld_g.g_init_order = n;
    rtld_g.g_init_cap = nc;
  }
  rtld_g.g_init_order[rtld_g.g_init_count++] = o;
  return 0;
}

/* dl lock held: appends root's closure, dependencies first, to list (o_mark is the visit flag). */
static void order(struct rtld_obj *o, struct rtld_obj **list, size_t *n) {
  if (o->o_mark) return;
  o->o_mark = 1;
  for (unsigned i = 0; i < o->o_ndeps; i++)
    if (o->o_deps[i]) order(o->o_deps[i], list, n);
  if (o->o_init_state != RTLD_INIT_DONE) list[(*n)++] = o;
}

static void call_inits(struct rtld_obj *o) {
  rtld_debug(RTLD_DBG_FILES, "calling init: %s", o->o_is_exe ? rtld_g.g_progname : o->l_name);
  if (o->o_init) o->o_init();
  for (size_t i = 0; i < o->o_init_count; i++)
    if ((uintptr_t)o->o_init_array[i] + 1 > 1)
      o->o_init_array[i](rtld_g.g_argc, rtld_g.g_argv, rtld_g.g_envp);
}

void rtld_run_inits(struct rtld_obj *root) {
  int me = (int)rtld_sys0(RTLD_SYS_gettid);
  /* The executable's preinit array runs first of all. */
  if (root->o_is_exe && root->o_init_state == RTLD_INIT_NONE) {
    for (size_t i = 0; i < root->o_preinit_count; i++)
      root->o_preinit_array[i](rtld_g.g_argc, rtld_g.g_argv, rtld_g.g_envp);
    root->o_preinit_count = 0;
  }
  rtld_dl_lock();
  size_t total = 0, n = 0;
  for (struct rtld_obj *g = rtld_g.g_head; g; g = g->l_next) {
    g->o_mark = 0;
    total++;
  }
  struct rtld_obj **list = rtld_alloc(total * sizeof *list);
  if (!list) rtld_fatal("out of memory running initialisers");
  order(root, list, &n);
  rtld_dl_unlock();
  for (size_t i = 0; i < n; i++) {
    struct rtld_obj *o = list[i];
    for (;;) {
      rtld_dl_lock();
      int st = o->o_init_state;
      if (st == RTLD_INIT_DONE || (st == RTLD_INIT_RUNNING && o->o_init_tid == me)) {
        rtld_dl_unlock();
        break;
      }
      if (st == RTLD_INIT_NONE) {
        o->o_init_state = RTLD_INIT_RUNNING;
        o->o_init_tid = me;
        if (record_init(o)) rtld_fatal("out of memory running initialisers");
        rtld_dl_unlock();
        call_inits(o);
        __atomic_store_n(&o->o_init_state, RTLD_INIT_DONE, __ATOMIC_RELEASE);
        rtld_futex_wake(&o->o_init_state, 0x7fffffff);
        break;
      }
      rtld_dl_unlock();
      rtld_futex_wait(&o->o_init_state, RTLD_INIT_RUNNING);
    }
  }
  rtld_free(list);
}

void rtld_run_startup_inits(struct rtld_obj *exe) {
  /* The list as start-up left it: initialisers may start threads that load and unload. */
  size_t n = 0, k = 0;
  for (struct rtld_obj *o = rtld_g.g_head; o; o = o->l_next) n++;
  struct rtld_obj **v = rtld_alloc(n * sizeof *v);
  if (!v) rtld_fatal("out of memory running initialisers");
  for (struct rtld_obj *o = rtld_g.g_head; o; o = o->l_next) v[k++] = o;
  for (size_t i = 0; i < exe->o_preinit_count; i++)
    exe->o_preinit_array[i](rtld_g.g_argc, rtld_g.g_argv, rtld_g.g_envp);
  exe->o_preinit_count = 0;
  for (size_t i = 0; i < n; i++)
    if (v[i]->o_preload) rtld_run_inits(v[i]);
  rtld_run_inits(exe);
  for (size_t i = 0; i < n; i++)
    if (__atomic_load_n(&v[i]->o_init_state, __ATOMIC_ACQUIRE) == RTLD_INIT_NONE)
      rtld_run_inits(v[i]);
  rtld_free(v);
}

static void fini_one(struct rtld_obj *o) {
  if (o->o_fini_done) return;
  o->o_fini_done = 1;
  rtld_debug(RTLD_DBG_FILES, "calling fini: %s", o->o_is_exe ? rtld_g.g_progname : o->l_name);
  for (size_t i = o->o_fini_count; i-- > 0;)
    if ((uintptr_t)o->o_fini_array[i] + 1 > 1) o->o_fini_array[i]();
  if (o->o_fini) o->o_fini();
}

/* Finalisers of the objects being unloaded (o_closing), in reverse initialisation order; their
 * entries leave the order list, which is compacted. A finaliser may dlclose something else: the
 * nested call runs what is left in the same order, and the scan restarts after every call. */
void rtld_run_finis(void) {
  for (;;) {
    struct rtld_obj *o = NULL;
    for (size_t i = rtld_g.g_init_count; i-- > 0;)
      if (rtld_g.g_init_order[i] && rtld_g.g_init_order[i]->o_closing) {
        o = rtld_g.g_init_order[i];
        rtld_g.g_init_order[i] = NULL;
        break;
      }
    if (!o) break;
    fini_one(o);
  }
  size_t k = 0;
  for (size_t i = 0; i < rtld_g.g_init_count; i++)
    if (rtld_g.g_init_order[i]) rtld_g.g_init_order[k++] = rtld_g.g_init_order[i];
  rtld_g.g_init_count = k;
}

void rtld_run_all_finis(void) {
  rtld_dl_lock();
  for (size_t i = rtld_g.g_init_count; i-- > 0;) {
    struct rtld_obj *o = rtld_g.g_init_order[i];
    if (o) fini_one(o);
  }
  rtld_dl_unlock();
}
