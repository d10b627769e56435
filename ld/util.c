/* Small containers, allocation that cannot fail, the parallel loop and pass timing. */
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "ld.h"

void *ld_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) ld_fatal("out of memory allocating %zu bytes", n);
  return p;
}

void *ld_xcalloc(size_t n, size_t sz) {
  void *p = calloc(n ? n : 1, sz ? sz : 1);
  if (!p) ld_fatal("out of memory allocating %zu bytes", n * sz);
  return p;
}

/* The arena: per-thread bump allocation from large anonymous mappings, never freed (the
 * process exits without freeing). Fresh mappings are zero, so nothing is cleared, and they are
 * asked for huge pages, so the memory of the parsing passes costs a page fault per 2 MiB rather
 * than per 4 KiB. Pages never touched are never resident. */
#define ARENA_CHUNK ((size_t)64 << 20)

static void *arena_map(size_t n) {
  void *p =
      mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) ld_fatal("out of memory mapping %zu bytes", n);
  (void)madvise(p, n, MADV_HUGEPAGE);
  return p;
}

/* What each thread has allocated, counted by the thread (for --stats): a shared counter would
 * be written by every allocation of every thread. */
#define ARENA_THREADS 64
static size_t *_Atomic arena_counts[ARENA_THREADS];
static atomic_int arena_nthreads;
static _Thread_local size_t arena_mine;
static _Thread_local int arena_counted;

size_t ld_arena_used(void) {
  size_t sum = 0;
  int n = atomic_load(&arena_nthreads);
  for (int i = 0; i < n && i < ARENA_THREADS; i++) {
    size_t *c = atomic_load(&arena_counts[i]);
    if (c) sum += __atomic_load_n(c, __ATOMIC_RELAXED);
  }
  return sum;
}

void *ld_zalloc(size_t n, size_t sz) {
  static _Thread_local uint8_t *cur, *end;
  if (sz && n > SIZE_MAX / sz) ld_fatal("out of memory allocating %zu x %zu bytes", n, sz);
  size_t len = (n * sz + 15) & ~(size_t)15;
  if (len == 0) len = 16;
  if (!arena_counted) {
    arena_counted = 1;
    int i = atomic_fetch_add(&arena_nthreads, 1);
    if (i < ARENA_THREADS) atomic_store(&arena_counts[i], &arena_mine);
  }
  __atomic_store_n(&arena_mine, arena_mine + len, __ATOMIC_RELAXED);
  if (len > ARENA_CHUNK / 8) return arena_map(len);
  if ((size_t)(end - cur) < len) {
    cur = arena_map(ARENA_CHUNK);
    end = cur + ARENA_CHUNK;
  }
  void *p = cur;
  cur += len;
  return p;
}

/* A buffer of the calling thread, reused by every pass that wants one (the output's pieces,
 * build-id's read-back): fresh memory is paid for once per thread. */
void *ld_scratch(size_t n) {
  static _Thread_local void *buf;
  static _Thread_local size_t cap;
  if (n > cap) {
    free(buf);
    cap = n > ((size_t)1 << 20) ? n : ((size_t)1 << 20);
    buf = ld_xmalloc(cap);
  }
  return buf;
}

void *ld_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) ld_fatal("out of memory allocating %zu bytes", n);
  return q;
}

char *ld_xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(ld_xmalloc(n), s, n);
}

char *ld_sprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = ld_xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

/* qsort that accepts an empty (NULL) array. */
void ld_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  if (n > 1) qsort(base, n, size, cmp);
}

void ld_vec_push(ld_vec *vec, void *p) {
  if (vec->n == vec->cap) {
    vec->cap = vec->cap ? vec->cap * 2 : 8;
    vec->v = ld_xrealloc(vec->v, vec->cap * sizeof *vec->v);
  }
  vec->v[vec->n++] = p;
}

/* ---- parallel loop -------------------------------------------------------------------
 * Work items are claimed with an atomic counter; every item writes only its own slots, so the
 * result does not depend on the thread count. The workers are made once, at the first loop,
 * and wait between loops: a loop costs a wake-up, not a thread (nor a fresh stack and arena).
 *
 * A worker joins a loop only while the loop is open, and the caller, once no item is left,
 * waits only for the workers that joined: a worker slow to wake (the kernel's wake-up can take
 * longer than a small loop) finds the loop closed and goes back to waiting, and the caller has
 * not waited for it. Between loops a worker watches for the next one a short while before it
 * sleeps: the loops of one pass often follow each other closely (archive members are read in
 * many small batches). */
struct par_job {
  uint32_t n, grain; /* items, and how many a thread claims at once */
  atomic_uint next;
  void (*fn)(uint32_t, void *);
  void *arg;
};

#define PAR_SPIN 4000 /* polls (each a pause) before sleeping: tens of microseconds */
/* The loop's state in one word: the loop's number, whether it is closed, the workers in it. */
#define ST_ACTIVE 0xffffu
#define ST_CLOSED 0x10000u
#define ST_GEN_SHIFT 17
#define ST_GEN(s) ((s) >> ST_GEN_SHIFT)

static struct {
  pthread_mutex_t mu;
  pthread_cond_t go, done;
  struct par_job *_Atomic job; /* the open loop's, valid while a worker is in it */
  atomic_ullong state;         /* changes to a new loop number under mu */
  int nworkers;                /* threads made */
  int sleepers;                /* workers waiting on go (under mu) */
} pool = {.mu = PTHREAD_MUTEX_INITIALIZER,
          .go = PTHREAD_COND_INITIALIZER,
          .done = PTHREAD_COND_INITIALIZER,
          .state = ST_CLOSED};
static _Thread_local int in_loop; /* a loop body that starts a loop runs it itself */

static inline void cpu_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  atomic_signal_fence(memory_order_seq_cst);
#endif
}

static void run_items(struct par_job *job) {
  in_loop = 1;
  for (;;) {
    uint32_t i = atomic_fetch_add(&job->next, job->grain);
    if (i >= job->n) break;
    uint32_t end = job->n - i > job->grain ? i + job->grain : job->n;
    for (; i < end; i++) {
      ld_diag_item(i);
      job->fn(i, job->arg);
    }
  }
  ld_diag_item(-1);
  in_loop = 0;
}

/* Join the loop numbered gen if it is still open. */
static int join_loop(unsigned long long gen) {
  unsigned long long s = atomic_load(&pool.state);
  while (ST_GEN(s) == gen && !(s & ST_CLOSED))
    if (atomic_compare_exchange_weak(&pool.state, &s, s + 1)) return 1;
  return 0;
}

static void *par_worker(void *p) {
  (void)p;
  unsigned long long seen = 0;
  for (;;) {
    for (int k = 0; k < PAR_SPIN && ST_GEN(atomic_load(&pool.state)) == seen; k++) cpu_pause();
    if (ST_GEN(atomic_load(&pool.state)) == seen) {
      pthread_mutex_lock(&pool.mu);
      pool.sleepers++;
      while (ST_GEN(atomic_load(&pool.state)) == seen) pthread_cond_wait(&pool.go, &pool.mu);
      pool.sleepers--;
      pthread_mutex_unlock(&pool.mu);
    }
    seen = ST_GEN(atomic_load(&pool.state));
    if (!join_loop(seen)) continue;
    run_items(atomic_load(&pool.job));
    if (((atomic_fetch_sub(&pool.state, 1) - 1) & ST_ACTIVE) == 0) { /* the caller may sleep */
      pthread_mutex_lock(&pool.mu);
      pthread_cond_signal(&pool.done);
      pthread_mutex_unlock(&pool.mu);
    }
  }
  return NULL;
}

/* No item is left: close the loop once the workers in it are done. */
static void close_loop(void) {
  for (int k = 0;; k++) {
    unsigned long long s = atomic_load(&pool.state);
    if ((s & ST_ACTIVE) == 0) {
      if (atomic_compare_exchange_weak(&pool.state, &s, s | ST_CLOSED)) return;
      continue;
    }
    if (k < PAR_SPIN) {
      cpu_pause();
      continue;
    }
    pthread_mutex_lock(&pool.mu);
    while (atomic_load(&pool.state) & ST_ACTIVE) pthread_cond_wait(&pool.done, &pool.mu);
    pthread_mutex_unlock(&pool.mu);
  }
}

void ld_par_for(uint32_t n, void (*fn)(uint32_t i, void *arg), void *arg) {
  int nt = ctx ? ctx->opt.threads : 1;
  if (nt > 16) nt = 16;
  if (nt <= 1 || n < 2 || in_loop) {
    for (uint32_t i = 0; i < n; i++) fn(i, arg);
    return;
  }
  while (pool.nworkers < nt - 1) {
    pthread_t t;
    if (pthread_create(&t, NULL, par_worker, NULL) != 0) break;
    pthread_detach(t);
    pool.nworkers++;
  }
  /* Many small items are claimed a few at a time (the counter is written by every claim);
   * enough claims remain for the threads to even out. */
  uint32_t grain = n / (uint32_t)(16 * (pool.nworkers + 1));
  struct par_job job = {.n = n,
                        .grain = grain < 1    ? 1
                                 : grain > 16 ? 16
                                              : grain,
                        .fn = fn,
                        .arg = arg};
  atomic_init(&job.next, 0);
  atomic_store(&pool.job, &job);
  pthread_mutex_lock(&pool.mu);
  /* A new loop number, open, with no worker in it yet. */
  unsigned long long gen = ST_GEN(atomic_load(&pool.state)) + 1;
  atomic_store(&pool.state, gen << ST_GEN_SHIFT);
  if (pool.sleepers) pthread_cond_broadcast(&pool.go);
  pthread_mutex_unlock(&pool.mu);
  run_items(&job);
  close_loop();
  ld_diag_flush();
}
