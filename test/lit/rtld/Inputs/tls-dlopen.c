/* Acceptance (3): dynamic TLS reserved at dlopen.
 * - 32 threads are parked when libgd.so is dlopen'ed; each then reads the initial values at its
 *   own address (its block comes from the dlopen reservation).
 * - A dlopen whose reservation cannot be made fails and leaves no trace (objects, module ids):
 *   libhuge.so, whose TLS for every live thread would exceed what rtld ever reserves, and with
 *   `prog N rlimit`, libbig.so under a lowered RLIMIT_AS (qemu-user ignores RLIMIT_AS, so only
 *   native runs ask for that); libbig.so then loads, with the next module id.
 * - A SIGUSR1 handler makes each thread's first access to a freshly dlopen'ed module, over and
 *   over (dlopen, signal every thread, dlclose); it must never fail and never call malloc. */
#include <rtld.h>

void *malloc(size_t n) {
  (void)n;
  write(2, "FAIL malloc called\n", 19);
  abort();
}

static void out(const char *fmt, ...) {
  char b[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  write(1, b, n);
}

#define NT 32
static volatile int phase;
static volatile int state[NT];
static int *addr[NT];
static volatile int fails;
static pid_t tids[NT];
typedef int *(*addr_fn)(void);
typedef int (*int_fn)(void);
static addr_fn gd_addr, big_addr;
static int_fn gd_get;
static int_fn volatile touch;
static volatile long handled[NT];
static __thread long my_index;

static void handler(int sig) {
  (void)sig;
  int_fn f = touch;
  if (f) {
    int v = f();
    if (v < 556) fails++; /* 555 + 1 on the first touch */
  }
  handled[my_index]++;
}

static void *thread(void *arg) {
  long i = (long)arg;
  my_index = i;
  tids[i] = gettid();
  state[i] = 1;
  while (phase < 1) sched_yield();
  if (gd_get() != 4321) out("FAIL thread %ld: value %d\n", i, gd_get()), fails++;
  *gd_addr() = (int)i;
  addr[i] = gd_addr();
  state[i] = 2;
  while (phase < 2) sched_yield();
  big_addr()[0] = (int)i;
  state[i] = 3;
  /* Signals arrive here, while the thread sleeps: a thread busy yielding would make their delivery
   * wait for the scheduler to come round to it. */
  while (phase < 3) {
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, 0);
  }
  if (*gd_addr() != i || big_addr()[0] != i) out("FAIL thread %ld lost values\n", i), fails++;
  return 0;
}

static void wait_state(int s) {
  for (int i = 0; i < NT; i++)
    while (state[i] < s) sched_yield();
}

static int count_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)info, (void)size;
  ++*(int *)data;
  return 0;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? (int)(argv[1][0] - '0') * 1000 : 1000;
  struct sigaction sa;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sa.sa_handler = handler;
  sigaction(SIGUSR1, &sa, 0);
  my_index = NT - 1; /* main does not take signals */
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) pthread_create(&t[i], 0, thread, (void *)i);
  wait_state(1);
  void *h = dlopen("libgd.so", RTLD_NOW);
  if (!h) return out("FAIL dlopen libgd.so: %s\n", dlerror()), 1;
  gd_addr = (addr_fn)dlsym(h, "gd_addr");
  gd_get = (int_fn)dlsym(h, "gd_get");
  size_t gd_id = 0;
  dlinfo(h, RTLD_DI_TLS_MODID, &gd_id);
  phase = 1;
  wait_state(2);
  for (int i = 0; i < NT; i++)
    for (int j = 0; j < i; j++)
      if (addr[i] == addr[j]) out("FAIL threads %d and %d share gd_val\n", i, j), fails++;
  out("libgd: %d threads read the initial values at distinct addresses\n", NT);

  int before = 0, after = 0;
  dl_iterate_phdr(count_cb, &before);
  void *hh = dlopen("libhuge.so", RTLD_NOW);
  if (hh) out("FAIL libhuge loaded\n"), fails++;
  else out("libhuge refused: %s\n", dlerror());
  dl_iterate_phdr(count_cb, &after);
  if (before != after) out("FAIL objects %d -> %d\n", before, after), fails++;
  void *hb;
  if (argc > 2) {
    struct rlimit old, low;
    getrlimit(RLIMIT_AS, &old);
    low = old;
    low.rlim_cur = 256ul << 20;
    if (setrlimit(RLIMIT_AS, &low)) out("FAIL setrlimit\n"), fails++;
    hb = dlopen("libbig.so", RTLD_NOW);
    if (hb) out("FAIL libbig loaded under RLIMIT_AS\n"), fails++;
    else out("libbig refused: %s\n", dlerror());
    setrlimit(RLIMIT_AS, &old);
    after = 0;
    dl_iterate_phdr(count_cb, &after);
    if (before != after) out("FAIL objects %d -> %d\n", before, after), fails++;
  }
  hb = dlopen("libbig.so", RTLD_NOW);
  if (!hb) return out("FAIL dlopen libbig.so: %s\n", dlerror()), 1;
  size_t big_id = 0;
  dlinfo(hb, RTLD_DI_TLS_MODID, &big_id);
  if (big_id != gd_id + 1) out("FAIL module id %lu after %lu\n", big_id, gd_id), fails++;
  big_addr = (addr_fn)dlsym(hb, "big_pad_int");
  phase = 2;
  wait_state(3);
  out("libbig loaded (module %lu after %lu)\n", big_id, gd_id);

  /* Signal-handler first accesses. */
  long hits = 0;
  for (int r = 0; r < rounds / 10; r++) {
    void *s = dlopen("libsig.so", RTLD_NOW);
    if (!s) return out("FAIL dlopen libsig.so: %s\n", dlerror()), 1;
    touch = (int_fn)dlsym(s, "sig_touch");
    for (int k = 0; k < 10; k++)
      for (int i = 0; i < NT - 1; i++) {
        long before_h = handled[i];
        tgkill(getpid(), tids[i], SIGUSR1);
        while (handled[i] == before_h) sched_yield();
        hits++;
      }
    touch = 0;
    dlclose(s);
  }
  phase = 3;
  for (int i = 0; i < NT; i++) pthread_join(t[i], 0);
  out("signal handler: %ld first and later accesses, %d failures\n", hits, fails);
  return fails != 0;
}
