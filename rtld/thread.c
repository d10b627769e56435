/* Threads (DESIGN.md §8): one mapping per thread holding a guard page, the stack, the static TLS
 * area, the TCB, the DTV and a block for every dynamic TLS module, created with clone and
 * CLONE_SETTLS. Creation and exit hold the thread-creation lock shared, so dlopen (which holds it
 * exclusively) sees a fixed set of live threads; the live list itself is guarded by a small lock
 * taken with signals blocked. */
#include "rtld_int.h"

#define RTLD_DEFAULT_STACK (1ul << 20)
#define RTLD_GUARD RTLD_PAGE

static volatile int rtld_list_lock;

struct rtld_attr {
  size_t a_stacksize;
  int a_detach;
};

_Static_assert(offsetof(struct rtld_tcb, t_dtv) == RTLD_TCB_DTV, "TCB layout");
_Static_assert(offsetof(struct rtld_tcb, t_dtv_cap) == RTLD_TCB_DTV_CAP, "TCB layout");
_Static_assert(offsetof(struct rtld_tcb, t_canary) == RTLD_TCB_CANARY, "TCB layout");

struct rtld_tcb *rtld_self(void) {
  return rtld_arch_tp();
}

void rtld_threads_init(struct rtld_tcb *main_tcb) {
  main_tcb->t_tid = (int)rtld_sys0(RTLD_SYS_gettid);
  main_tcb->t_next = main_tcb->t_prev = main_tcb;
  rtld_g.g_threads = main_tcb;
  rtld_g.g_nthreads = 1;
}

static void list_add(struct rtld_tcb *t) {
  uint64_t m;
  rtld_block_signals(&m);
  rtld_lock(&rtld_list_lock);
  struct rtld_tcb *h = rtld_g.g_threads;
  t->t_next = h;
  t->t_prev = h->t_prev;
  h->t_prev->t_next = t;
  h->t_prev = t;
  rtld_g.g_nthreads++;
  rtld_unlock(&rtld_list_lock);
  rtld_restore_signals(&m);
}

static void list_remove(struct rtld_tcb *t) {
  rtld_lock(&rtld_list_lock);
  t->t_prev->t_next = t->t_next;
  t->t_next->t_prev = t->t_prev;
  if (rtld_g.g_threads == t) rtld_g.g_threads = t->t_next;
  rtld_g.g_nthreads--;
  rtld_unlock(&rtld_list_lock);
}

RTLD_EXPORT int pthread_attr_init(pthread_attr_t *a) {
  struct rtld_attr *r = (struct rtld_attr *)a;
  r->a_stacksize = RTLD_DEFAULT_STACK;
  r->a_detach = PTHREAD_CREATE_JOINABLE;
  return 0;
}
RTLD_EXPORT int pthread_attr_destroy(pthread_attr_t *a) {
  (void)a;
  return 0;
}
RTLD_EXPORT int pthread_attr_setstacksize(pthread_attr_t *a, size_t size) {
  if (size < 16384) return EINVAL;
  ((struct rtld_attr *)a)->a_stacksize = size;
  return 0;
}
RTLD_EXPORT int pthread_attr_setdetachstate(pthread_attr_t *a, int st) {
  if (st != PTHREAD_CREATE_JOINABLE && st != PTHREAD_CREATE_DETACHED) return EINVAL;
  ((struct rtld_attr *)a)->a_detach = st;
  return 0;
}

void rtld_thread_main(struct rtld_tcb *t) { pthread_exit(t->t_fn(t->t_arg)); }

RTLD_EXPORT int pthread_create(pthread_t *res, const pthread_attr_t *attr, void *(*fn)(void *),
                               void *arg) {
  size_t stack = RTLD_DEFAULT_STACK;
  int detach = 0;
  if (attr) {
    stack = rtld_align_up(((const struct rtld_attr *)attr)->a_stacksize, RTLD_PAGE);
    detach = ((const struct rtld_attr *)attr)->a_detach;
  }
  rtld_ptc_shared();
  size_t tls = rtld_tls_thread_size();
  size_t len = rtld_align_up(RTLD_GUARD + stack + tls, RTLD_PAGE);
  char *map = rtld_mmap(len);
  if (!map) {
    rtld_ptc_shared_end();
    return EAGAIN;
  }
  rtld_sys3(RTLD_SYS_mprotect, (long)map, RTLD_GUARD, 0);
  struct rtld_tcb *t = rtld_tls_setup_thread(map + RTLD_GUARD + stack, 1);
  t->t_fn = fn;
  t->t_arg = arg;
  t->t_map = map;
  t->t_map_len = len;
  t->t_state = detach ? RTLD_T_DETACHED : RTLD_T_JOINABLE;
  t->t_tid = 1;
  list_add(t);
  uintptr_t sp = (uintptr_t)(map + RTLD_GUARD + stack) & ~15ul;
  unsigned long flags = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000 | 0x100000 |
                        0x200000; /* VM FS FILES SIGHAND THREAD SYSVSEM SETTLS PARENT_SETTID
                                     CHILD_CLEARTID */
  unsigned long tls_arg[4];
  long r = rtld_clone(flags, (void *)sp, (int *)&t->t_tid, (int *)&t->t_tid,
                      rtld_arch_clone_tls(t, tls_arg), t);
  if (r < 0) {
    uint64_t m;
    rtld_block_signals(&m);
    list_remove(t);
    rtld_restore_signals(&m);
    rtld_ptc_shared_end();
    rtld_munmap(map, len);
    return EAGAIN;
  }
  rtld_ptc_shared_end();
  *res = (pthread_t)t;
  return 0;
}

RTLD_EXPORT void pthread_exit(void *result) {
  struct rtld_tcb *t = rtld_self();
  t->t_result = result;
  /* thread_local destructors first, then pthread_key destructors (glibc's order). */
  rtld_run_thread_dtors(t);
  rtld_run_tsd_dtors(t);
  uint64_t m;
  rtld_ptc_shared();
  rtld_block_signals(&m);
  list_remove(t);
  rtld_ptc_shared_end();
  rtld_tls_thread_exit(t);
  int old = __sync_val_compare_and_swap(&t->t_state, RTLD_T_JOINABLE, RTLD_T_EXITED);
  if (old == RTLD_T_DETACHED && t->t_map) rtld_unmap_and_exit(t->t_map, t->t_map_len);
  for (;;) rtld_sys1(RTLD_SYS_exit, 0);
}

RTLD_EXPORT int pthread_join(pthread_t th, void **res) {
  struct rtld_tcb *t = (struct rtld_tcb *)th;
  if (t == rtld_self()) return EDEADLK;
  if (!t->t_map) return EINVAL;
  int tid;
  while ((tid = t->t_tid)) rtld_futex_wait_shared(&t->t_tid, tid);
  if (res) *res = t->t_result;
  rtld_munmap(t->t_map, t->t_map_len);
  return 0;
}

RTLD_EXPORT int pthread_detach(pthread_t th) {
  struct rtld_tcb *t = (struct rtld_tcb *)th;
  int old = __sync_val_compare_and_swap(&t->t_state, RTLD_T_JOINABLE, RTLD_T_DETACHED);
  if (old == RTLD_T_EXITED) return pthread_join(th, NULL);
  return old == RTLD_T_DETACHED ? 22 : 0;
}

RTLD_EXPORT pthread_t pthread_self(void) { return (pthread_t)rtld_self(); }

RTLD_EXPORT int pthread_equal(pthread_t a, pthread_t b) { return a == b; }
