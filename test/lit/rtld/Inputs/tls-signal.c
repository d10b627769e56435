/* Signal safety of dynamic TLS, under fire: while the main thread dlopens and dlcloses TLS
 * modules (libsig0.so .. libsig3.so) round after round, a sender thread sends SIGUSR1 to every
 * other thread, the main thread included, as fast as it can. The handler touches the TLS of every
 * module that is loaded at that moment: often a thread's first access to a module, which takes
 * its block (and, when the module ids outgrew its DTV, its new DTV) from what dlopen reserved,
 * while another thread is in the middle of dlopen or dlclose. Every access must see the module's
 * own initial image and this thread's own copy; nothing may allocate (malloc aborts) or fail.
 * usage: prog FACTOR (100 * FACTOR rounds) */
#include "out.h"

void *malloc(size_t n) {
  (void)n;
  write(2, "FAIL malloc called\n", 19);
  abort();
}

#define NW 4  /* workers */
#define NMOD 4
typedef int (*int_fn)(void);

/* Published modules: the handler calls what it finds here. A module is unpublished, and every
 * handler that may have seen it has returned, before it is closed. */
static int_fn volatile touch[NMOD];
static int_fn volatile value[NMOD];
static volatile unsigned seq[NW + 1]; /* odd while the thread is in the handler */
static volatile long hits[NW + 1], firsts;
static volatile int fails, stop;
static pid_t tids[NW + 1];
static __thread int self = -1;

static void handler(int sig) {
  (void)sig;
  int me = self;
  if (me < 0) return;
  __atomic_add_fetch(&seq[me], 1, __ATOMIC_SEQ_CST);
  for (int k = 0; k < NMOD; k++) {
    int_fn t = touch[k], g = value[k];
    if (!t || !g) continue;
    int v = t(); /* ++NAME_val: 1000 * (k + 1) + 1 on this thread's first access */
    if (v <= 1000 * (k + 1)) {
      out("FAIL thread %d module %d: value %d\n", me, k, v);
      fails++;
    }
    if (v == 1000 * (k + 1) + 1) __atomic_add_fetch(&firsts, 1, __ATOMIC_RELAXED);
    if (g() != v) out("FAIL thread %d module %d: image or block disagrees\n", me, k), fails++;
  }
  hits[me]++;
  __atomic_add_fetch(&seq[me], 1, __ATOMIC_SEQ_CST);
}

static long handled(void) {
  long total = 0;
  for (int i = 0; i <= NW; i++) total += hits[i];
  return total;
}

static void *worker(void *arg) {
  self = (int)(long)arg;
  tids[self] = gettid();
  while (!stop) sched_yield();
  return 0;
}

static void *sender(void *arg) {
  (void)arg;
  pid_t pid = getpid();
  unsigned n = 0;
  while (!stop) {
    int i = (int)(n++ % (NW + 1));
    if (tids[i]) tgkill(pid, tids[i], SIGUSR1);
    if (n % 8 == 0) sched_yield();
  }
  return 0;
}

static void unpublish(int k) {
  touch[k] = 0;
  value[k] = 0;
  /* A handler that read the old pointers entered before they changed: wait for the handler each
   * thread is in, if any, to end (a later one sees the new pointers). */
  for (int i = 0; i <= NW; i++) {
    unsigned s = __atomic_load_n(&seq[i], __ATOMIC_SEQ_CST);
    if (s & 1)
      while (__atomic_load_n(&seq[i], __ATOMIC_SEQ_CST) == s) sched_yield();
  }
}

int main(int argc, char **argv) {
  long rounds = 100 * arg_count(argc, argv, 1, 1);
  struct sigaction sa;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sa.sa_handler = handler;
  sigaction(SIGUSR1, &sa, 0);
  self = NW;
  tids[NW] = gettid();
  pthread_t w[NW], s;
  for (long i = 0; i < NW; i++) pthread_create(&w[i], 0, worker, (void *)i);
  pthread_create(&s, 0, sender, 0);
  static const char *const names[NMOD] = {"libsig0.so", "libsig1.so", "libsig2.so",
                                          "libsig3.so"};
  static const char *const touches[NMOD] = {"sig0_touch", "sig1_touch", "sig2_touch",
                                            "sig3_touch"};
  static const char *const gets[NMOD] = {"sig0_get", "sig1_get", "sig2_get", "sig3_get"};
  void *h[NMOD] = {0};
  /* Past the rounds asked for, rounds go on (up to a hundred times as many) until the handlers
   * have run more often than there were rounds: on a loaded machine the sender may not have
   * been scheduled much before the last round. */
  for (long r = 0; r < rounds || (handled() <= rounds && r < 100 * rounds); r++) {
    int k = (int)(r % NMOD);
    if (h[k]) {
      unpublish(k);
      if (dlclose(h[k])) out("FAIL dlclose %s: %s\n", names[k], dlerror()), fails++;
      h[k] = 0;
    }
    h[k] = dlopen(names[k], RTLD_NOW);
    if (!h[k]) return out("FAIL dlopen %s: %s\n", names[k], dlerror()), 1;
    int_fn g = (int_fn)dlsym(h[k], gets[k]);
    /* Freshly loaded: this thread's first access sees the initial image. */
    if (g() != 1000 * (k + 1)) out("FAIL round %ld: module %d not fresh: %d\n", r, k, g()), fails++;
    value[k] = g;
    touch[k] = (int_fn)dlsym(h[k], touches[k]);
    sched_yield();
  }
  stop = 1;
  for (int k = 0; k < NMOD; k++) unpublish(k);
  pthread_join(s, 0);
  for (int i = 0; i < NW; i++) pthread_join(w[i], 0);
  long total = handled();
  out("%ld rounds, signals handled in every thread: %s, first accesses from handlers: %s, %d "
      "failures\n",
      rounds, total > rounds ? "yes" : "no", firsts > 0 ? "yes" : "no", fails);
  return fails != 0;
}
