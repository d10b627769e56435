/* Initialisers and finalisers (DESIGN.md §8).
 * Initialisers run in dependency order: a depth-first walk of DT_NEEDED from the root, each
 * object after everything it needs (a cycle is broken where the walk re-enters it). The
 * executable's DT_PREINIT_ARRAY runs before anything else. Finalisers run in the reverse of the
 * order the initialisers ran, at exit() and, for unloaded objects, at dlclose.
 * Contract: called with the dl lock held and the thread-creation lock free, since an initialiser
 * may create threads or call dlopen. */
#include "rtld_int.h"

static void record_init(struct rtld_obj *o) {
  if (rtld_g.g_init_count == rtld_g.g_init_cap) {
    size_t nc = rtld_g.g_init_cap ? rtld_g.g_init_cap * 2 : 32;
    struct rtld_obj **n = rtld_realloc_array(rtld_g.g_init_order, rtld_g.g_init_cap, nc, sizeof *n);
    if (!n) rtld_fatal("out of memory");
    rtld_g.g_init_order = n;
    rtld_g.g_init_cap = nc;
  }
  rtld_g.g_init_order[rtld_g.g_init_count++] = o;
}

static void init_one(struct rtld_obj *o) {
  if (o->o_init_started) return;
  o->o_init_started = 1;
  for (unsigned i = 0; i < o->o_ndeps; i++)
    if (o->o_deps[i]) init_one(o->o_deps[i]);
  record_init(o);
  rtld_debug(RTLD_DBG_FILES, "calling init: %s", o->o_is_exe ? rtld_g.g_progname : o->l_name);
  if (o->o_is_exe)
    for (size_t i = 0; i < o->o_preinit_count; i++)
      o->o_preinit_array[i](rtld_g.g_argc, rtld_g.g_argv, rtld_g.g_envp);
  if (o->o_init) o->o_init();
  for (size_t i = 0; i < o->o_init_count; i++)
    if ((uintptr_t)o->o_init_array[i] + 1 > 1)
      o->o_init_array[i](rtld_g.g_argc, rtld_g.g_argv, rtld_g.g_envp);
}

void rtld_run_inits(struct rtld_obj *root) {
  /* The executable's preinit array runs first of all. */
  if (root->o_is_exe && !root->o_init_started) {
    for (size_t i = 0; i < root->o_preinit_count; i++)
      root->o_preinit_array[i](rtld_g.g_argc, rtld_g.g_argv, rtld_g.g_envp);
    root->o_preinit_count = 0;
  }
  init_one(root);
}

static void fini_one(struct rtld_obj *o) {
  if (o->o_fini_done) return;
  o->o_fini_done = 1;
  rtld_debug(RTLD_DBG_FILES, "calling fini: %s", o->o_is_exe ? rtld_g.g_progname : o->l_name);
  for (size_t i = o->o_fini_count; i-- > 0;)
    if ((uintptr_t)o->o_fini_array[i] + 1 > 1) o->o_fini_array[i]();
  if (o->o_fini) o->o_fini();
}

/* Finalisers of the objects marked o_mark, in reverse initialisation order; their entries leave
 * the order list (they are about to be unmapped). */
void rtld_run_finis(struct rtld_obj **objs, size_t n) {
  (void)objs;
  (void)n;
  for (size_t i = rtld_g.g_init_count; i-- > 0;) {
    struct rtld_obj *o = rtld_g.g_init_order[i];
    if (o && o->o_mark) {
      fini_one(o);
      rtld_g.g_init_order[i] = NULL;
    }
  }
}

void rtld_run_all_finis(void) {
  rtld_dl_lock();
  for (size_t i = rtld_g.g_init_count; i-- > 0;) {
    struct rtld_obj *o = rtld_g.g_init_order[i];
    if (o) fini_one(o);
  }
  rtld_dl_unlock();
}
