/* Thread-specific data and the synchronisation objects a program on ld.so.1 needs
 * (DESIGN.md §8): pthread_key_*, pthread_once, mutexes (normal, recursive, error-checking) and
 * condition variables, all on futexes. Process-private only.
 *
 * Keys: a table of PTHREAD_KEYS_MAX slots, each with a sequence number that is odd while the key
 * exists; a thread's value carries the sequence it was set under, so a value set before
 * pthread_key_delete is never seen through a key made later in the same slot. When a thread
 * ends, destructors run for its non-NULL values, up to PTHREAD_DESTRUCTOR_ITERATIONS rounds while
 * destructors keep setting values. */
#include "rtld_int.h"

#define RTLD_KEYS 1024
#define RTLD_KEY_ROUNDS 4

struct rtld_tsd {
  struct {
    unsigned long v_seq;
    void *v_val;
  } s_v[32];
};

static struct {
  volatile unsigned long k_seq;
  void (*k_dtor)(void *);
} rtld_keys[RTLD_KEYS];
static volatile int rtld_keys_lock;

RTLD_EXPORT int pthread_key_create(pthread_key_t *key, void (*dtor)(void *)) {
  rtld_lock(&rtld_keys_lock);
  for (unsigned i = 0; i < RTLD_KEYS; i++)
    if (!(rtld_keys[i].k_seq & 1)) {
      rtld_keys[i].k_dtor = dtor;
      __atomic_store_n(&rtld_keys[i].k_seq, rtld_keys[i].k_seq + 1, __ATOMIC_RELEASE);
      rtld_unlock(&rtld_keys_lock);
      *key = i;
      return 0;
    }
  rtld_unlock(&rtld_keys_lock);
  return EAGAIN;
}

RTLD_EXPORT int pthread_key_delete(pthread_key_t key) {
  if (key >= RTLD_KEYS || !(rtld_keys[key].k_seq & 1)) return EINVAL;
  rtld_lock(&rtld_keys_lock);
  __atomic_store_n(&rtld_keys[key].k_seq, rtld_keys[key].k_seq + 1, __ATOMIC_RELEASE);
  rtld_unlock(&rtld_keys_lock);
  return 0;
}

RTLD_EXPORT int pthread_setspecific(pthread_key_t key, const void *val) {
  if (key >= RTLD_KEYS) return EINVAL;
  unsigned long seq = __atomic_load_n(&rtld_keys[key].k_seq, __ATOMIC_ACQUIRE);
  if (!(seq & 1)) return EINVAL;
  struct rtld_tcb *t = rtld_self();
  struct rtld_tsd *b = t->t_tsd[key / 32];
  if (!b && !(b = t->t_tsd[key / 32] = rtld_alloc(sizeof *b))) return ENOMEM;
  b->s_v[key % 32].v_seq = seq;
  b->s_v[key % 32].v_val = (void *)val;
  return 0;
}

RTLD_EXPORT void *pthread_getspecific(pthread_key_t key) {
  if (key >= RTLD_KEYS) return NULL;
  struct rtld_tsd *b = rtld_self()->t_tsd[key / 32];
  if (!b || b->s_v[key % 32].v_seq != __atomic_load_n(&rtld_keys[key].k_seq, __ATOMIC_ACQUIRE))
    return NULL;
  return b->s_v[key % 32].v_val;
}

void rtld_run_tsd_dtors(struct rtld_tcb *t) {
  for (int round = 0, again = 1; again && round < RTLD_KEY_ROUNDS; round++) {
    again = 0;
    for (unsigned k = 0; k < RTLD_KEYS; k++) {
      struct rtld_tsd *b = t->t_tsd[k / 32];
      if (!b) {
        k |= 31;
        continue;
      }
      unsigned long seq = __atomic_load_n(&rtld_keys[k].k_seq, __ATOMIC_ACQUIRE);
      void *v = b->s_v[k % 32].v_val;
      void (*dtor)(void *) = rtld_keys[k].k_dtor;
      if (!v || b->s_v[k % 32].v_seq != seq || !(seq & 1)) continue;
      b->s_v[k % 32].v_val = NULL;
      if (dtor) {
        dtor(v);
        again = 1;
      }
    }
  }
  for (unsigned i = 0; i < 32; i++) {
    rtld_free(t->t_tsd[i]);
    t->t_tsd[i] = NULL;
  }
}

/* ---- pthread_once ---------------------------------------------------------------------------
 * 0 not run, 1 running, 2 done, 3 running with waiters. */
RTLD_EXPORT int pthread_once(pthread_once_t *once, void (*fn)(void)) {
  volatile int *c = (volatile int *)once;
  for (;;) {
    int s = __atomic_load_n(c, __ATOMIC_ACQUIRE);
    if (s == 2) return 0;
    if (s == 0 && __sync_bool_compare_and_swap(c, 0, 1)) {
      fn();
      if (__atomic_exchange_n(c, 2, __ATOMIC_RELEASE) == 3) rtld_futex_wake(c, 0x7fffffff);
      return 0;
    }
    if (s == 1) __sync_bool_compare_and_swap(c, 1, 3);
    if (s == 1 || s == 3) rtld_futex_wait(c, 3);
  }
}

/* ---- mutexes --------------------------------------------------------------------------------
 * The words glibc uses: the lock (0 free, 1 held, 2 held with waiters), the recursion count, the
 * owner's tid, and the kind. */
struct rtld_mutex {
  volatile int m_lock;
  unsigned m_count;
  int m_owner;
  unsigned m_nusers;
  int m_kind;
};
_Static_assert(sizeof(struct rtld_mutex) <= sizeof(pthread_mutex_t), "pthread_mutex_t");

static int my_tid(void) {
  struct rtld_tcb *t = rtld_self();
  if (!t->t_tid) t->t_tid = (int)rtld_sys0(RTLD_SYS_gettid);
  return t->t_tid;
}

RTLD_EXPORT int pthread_mutexattr_init(pthread_mutexattr_t *a) {
  a->__kind = PTHREAD_MUTEX_DEFAULT;
  return 0;
}
RTLD_EXPORT int pthread_mutexattr_destroy(pthread_mutexattr_t *a) {
  (void)a;
  return 0;
}
RTLD_EXPORT int pthread_mutexattr_settype(pthread_mutexattr_t *a, int kind) {
  if (kind < PTHREAD_MUTEX_NORMAL || kind > PTHREAD_MUTEX_ERRORCHECK) return EINVAL;
  a->__kind = kind;
  return 0;
}

RTLD_EXPORT int pthread_mutex_init(pthread_mutex_t *mx, const pthread_mutexattr_t *a) {
  struct rtld_mutex *m = (struct rtld_mutex *)mx;
  m->m_lock = 0;
  m->m_count = 0;
  m->m_owner = 0;
  m->m_nusers = 0;
  m->m_kind = a ? a->__kind : PTHREAD_MUTEX_DEFAULT;
  return 0;
}
RTLD_EXPORT int pthread_mutex_destroy(pthread_mutex_t *mx) {
  return ((struct rtld_mutex *)mx)->m_lock ? EBUSY : 0;
}

RTLD_EXPORT int pthread_mutex_lock(pthread_mutex_t *mx) {
  struct rtld_mutex *m = (struct rtld_mutex *)mx;
  if (m->m_kind != PTHREAD_MUTEX_NORMAL) {
    int me = my_tid();
    if (m->m_owner == me) {
      if (m->m_kind == PTHREAD_MUTEX_ERRORCHECK) return EDEADLK;
      m->m_count++;
      return 0;
    }
    rtld_lock(&m->m_lock);
    m->m_owner = me;
    m->m_count = 1;
    return 0;
  }
  rtld_lock(&m->m_lock);
  return 0;
}

RTLD_EXPORT int pthread_mutex_trylock(pthread_mutex_t *mx) {
  struct rtld_mutex *m = (struct rtld_mutex *)mx;
  if (m->m_kind == PTHREAD_MUTEX_RECURSIVE && m->m_owner == my_tid()) {
    m->m_count++;
    return 0;
  }
  if (!__sync_bool_compare_and_swap(&m->m_lock, 0, 1)) return EBUSY;
  if (m->m_kind != PTHREAD_MUTEX_NORMAL) {
    m->m_owner = my_tid();
    m->m_count = 1;
  }
  return 0;
}

RTLD_EXPORT int pthread_mutex_unlock(pthread_mutex_t *mx) {
  struct rtld_mutex *m = (struct rtld_mutex *)mx;
  if (m->m_kind != PTHREAD_MUTEX_NORMAL) {
    if (m->m_owner != my_tid()) return EPERM;
    if (--m->m_count) return 0;
    m->m_owner = 0;
  }
  rtld_unlock(&m->m_lock);
  return 0;
}

/* ---- condition variables --------------------------------------------------------------------
 * A sequence number: a waiter notes it, releases the mutex and sleeps while it is unchanged;
 * signal and broadcast advance it and wake one or all. A waiter may wake spuriously, which POSIX
 * allows. */
struct rtld_cond {
  volatile int c_seq;
};
_Static_assert(sizeof(struct rtld_cond) <= sizeof(pthread_cond_t), "pthread_cond_t");

RTLD_EXPORT int pthread_cond_init(pthread_cond_t *c, const void *attr) {
  (void)attr;
  ((struct rtld_cond *)c)->c_seq = 0;
  return 0;
}
RTLD_EXPORT int pthread_cond_destroy(pthread_cond_t *c) {
  (void)c;
  return 0;
}

static int cond_wait(pthread_cond_t *cv, pthread_mutex_t *mx, const struct timespec *abs) {
  struct rtld_cond *c = (struct rtld_cond *)cv;
  struct rtld_mutex *m = (struct rtld_mutex *)mx;
  int seq = __atomic_load_n(&c->c_seq, __ATOMIC_ACQUIRE);
  unsigned count = m->m_count;
  if (m->m_kind != PTHREAD_MUTEX_NORMAL) {
    if (m->m_owner != my_tid()) return EPERM;
    m->m_count = 1;
  }
  pthread_mutex_unlock(mx);
  long r = 0;
  if (abs) /* FUTEX_WAIT_BITSET | PRIVATE | CLOCK_REALTIME: an absolute CLOCK_REALTIME deadline */
    r = rtld_sys6(RTLD_SYS_futex, (long)&c->c_seq, 9 | 128 | 256, seq, (long)abs, 0, -1);
  else rtld_futex_wait(&c->c_seq, seq);
  pthread_mutex_lock(mx);
  if (m->m_kind != PTHREAD_MUTEX_NORMAL) m->m_count = count;
  return r == -ETIMEDOUT ? ETIMEDOUT : 0;
}

RTLD_EXPORT int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m) {
  return cond_wait(c, m, NULL);
}
RTLD_EXPORT int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                                       const struct timespec *abs) {
  return cond_wait(c, m, abs);
}
RTLD_EXPORT int pthread_cond_signal(pthread_cond_t *cv) {
  struct rtld_cond *c = (struct rtld_cond *)cv;
  __atomic_add_fetch(&c->c_seq, 1, __ATOMIC_RELEASE);
  rtld_futex_wake(&c->c_seq, 1);
  return 0;
}
RTLD_EXPORT int pthread_cond_broadcast(pthread_cond_t *cv) {
  struct rtld_cond *c = (struct rtld_cond *)cv;
  __atomic_add_fetch(&c->c_seq, 1, __ATOMIC_RELEASE);
  rtld_futex_wake(&c->c_seq, 0x7fffffff);
  return 0;
}
