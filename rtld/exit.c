/* Exit handlers (DESIGN.md §8): atexit, __cxa_atexit, __cxa_finalize, and the thread_local
 * destructors of __cxa_thread_atexit_impl.
 *
 * Every handler belongs to an object: the one holding the dso handle __cxa_atexit was given, or
 * atexit's caller. exit() runs the calling thread's thread_local destructors, then every handler
 * latest first, then the finalisers (rtld/init.c). dlclose runs the handlers of the objects it
 * unloads before their finalisers. A thread's thread_local destructors run when it ends, latest
 * first; while an object has destructors registered and not yet run, it stays loaded (a dlclose
 * meanwhile leaves it for the thread's exit to unload). Handlers run with no lock of this file
 * held, so a handler may register another. */
#include "rtld_int.h"

struct rtld_handler {
  void (*h_fn)(void *);
  void *h_arg;
  struct rtld_obj *h_obj; /* may be NULL (no object found) */
};

static struct rtld_handler *rtld_handlers;
static size_t rtld_nhandlers, rtld_handlers_cap;
static volatile int rtld_handlers_lock;

static struct rtld_obj *owner_of(const void *p) {
  rtld_read_begin();
  struct rtld_obj *o = rtld_obj_of_addr((uintptr_t)p);
  rtld_read_end();
  return o;
}

RTLD_EXPORT int __cxa_atexit(void (*fn)(void *), void *arg, void *dso) {
  struct rtld_obj *o = owner_of(dso);
  rtld_lock(&rtld_handlers_lock);
  if (rtld_nhandlers == rtld_handlers_cap) {
    size_t nc = rtld_handlers_cap ? 2 * rtld_handlers_cap : 32;
    struct rtld_handler *n = rtld_realloc_array(rtld_handlers, rtld_nhandlers, nc, sizeof *n);
    if (!n) {
      rtld_unlock(&rtld_handlers_lock);
      return -1;
    }
    rtld_handlers = n;
    rtld_handlers_cap = nc;
  }
  rtld_handlers[rtld_nhandlers].h_fn = fn;
  rtld_handlers[rtld_nhandlers].h_arg = arg;
  rtld_handlers[rtld_nhandlers++].h_obj = o;
  rtld_unlock(&rtld_handlers_lock);
  return 0;
}

RTLD_EXPORT int atexit(void (*fn)(void)) {
  return __cxa_atexit((void (*)(void *))(void *)fn, NULL, __builtin_return_address(0));
}

/* Runs, latest first, the handlers `match` accepts, each once; new ones may arrive meanwhile. */
static void run_handlers(int (*match)(const struct rtld_handler *, const void *), const void *key) {
  for (;;) {
    struct rtld_handler h = {NULL, NULL, NULL};
    rtld_lock(&rtld_handlers_lock);
    for (size_t i = rtld_nhandlers; i-- > 0;)
      if (rtld_handlers[i].h_fn && match(&rtld_handlers[i], key)) {
        h = rtld_handlers[i];
        rtld_handlers[i].h_fn = NULL;
        break;
      }
    if (!h.h_fn) {
      size_t k = 0;
      for (size_t i = 0; i < rtld_nhandlers; i++)
        if (rtld_handlers[i].h_fn) rtld_handlers[k++] = rtld_handlers[i];
      rtld_nhandlers = k;
    }
    rtld_unlock(&rtld_handlers_lock);
    if (!h.h_fn) return;
    h.h_fn(h.h_arg);
  }
}

static int match_all(const struct rtld_handler *h, const void *key) {
  (void)h, (void)key;
  return 1;
}
static int match_obj(const struct rtld_handler *h, const void *key) { return h->h_obj == key; }
static int match_closing(const struct rtld_handler *h, const void *key) {
  (void)key;
  return h->h_obj && h->h_obj->o_closing;
}

RTLD_EXPORT void __cxa_finalize(void *dso) {
  if (!dso) run_handlers(match_all, NULL);
  else run_handlers(match_obj, owner_of(dso));
}

void rtld_run_atexit_handlers(struct rtld_obj **objs, size_t n) {
  (void)objs;
  (void)n;
  run_handlers(match_closing, NULL);
}

void rtld_run_exit_handlers(void) {
  rtld_run_thread_dtors(rtld_self());
  run_handlers(match_all, NULL);
}

/* ---- thread_local destructors -------------------------------------------------------------- */

struct rtld_tls_dtor {
  void (*d_fn)(void *);
  void *d_obj;
  struct rtld_obj *d_owner; /* may be NULL */
  struct rtld_tls_dtor *d_next;
};

RTLD_EXPORT int __cxa_thread_atexit_impl(void (*fn)(void *), void *obj, void *dso) {
  struct rtld_tls_dtor *d = rtld_alloc(sizeof *d);
  if (!d) return -1;
  struct rtld_tcb *t = rtld_self();
  d->d_fn = fn;
  d->d_obj = obj;
  rtld_dl_lock();
  d->d_owner = owner_of(dso);
  if (d->d_owner) d->d_owner->o_tls_dtors++;
  rtld_dl_unlock();
  d->d_next = t->t_tls_dtors;
  t->t_tls_dtors = d;
  return 0;
}

/* The C++ ABI's name, used by code that calls it directly (libsupc++ forwards here). */
RTLD_EXPORT int __cxa_thread_atexit(void (*fn)(void *), void *obj, void *dso) {
  return __cxa_thread_atexit_impl(fn, obj, dso);
}

void rtld_run_thread_dtors(struct rtld_tcb *t) {
  int unload = 0;
  while (t->t_tls_dtors) {
    struct rtld_tls_dtor *d = t->t_tls_dtors;
    t->t_tls_dtors = d->d_next;
    d->d_fn(d->d_obj);
    if (d->d_owner) {
      rtld_dl_lock();
      if (!--d->d_owner->o_tls_dtors && !d->d_owner->o_refcnt && !d->d_owner->o_startup) unload = 1;
      rtld_dl_unlock();
    }
    rtld_free(d);
  }
  if (unload) rtld_unload_unreachable();
}
