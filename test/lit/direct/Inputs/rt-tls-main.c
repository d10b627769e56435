/* Lazily loaded dependencies with TLS, loaded while threads run. THREADS threads wait until
 * the main thread releases them; then all of them and the main thread make the first call into
 * libtd.so (dynamic TLS) and libts.so (static TLS) at once. Each must see the initial values in
 * its own blocks, set and read back its own, and find the initialiser done; exactly one load
 * and one initialisation happen. A thread created afterwards starts with the initial values. */
#include "../../rtld/Inputs/out.h"

#define THREADS 6

int td_get(void);
void td_set(int);
int td_inits(void);
int ts_get(void);
void ts_set(int);
int ts_inits(void);

static volatile int go, waiting;
static int res[THREADS + 2][4];

static int count_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  const char *n = info->dlpi_name;
  size_t l = strlen(n);
  if (l >= 8 && (!memcmp(n + l - 8, "libtd.so", 8) || !memcmp(n + l - 8, "libts.so", 8)))
    ++*(int *)data;
  return 0;
}

static int loaded(void) {
  int n = 0;
  dl_iterate_phdr(count_cb, &n);
  return n;
}

static void *work(void *arg) {
  int i = (int)(long)arg;
  __atomic_add_fetch(&waiting, 1, __ATOMIC_SEQ_CST);
  while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE)) {}
  res[i][0] = td_get();
  res[i][1] = ts_get();
  td_set(100 + i);
  ts_set(200 + i);
  struct timespec ts = {0, 1000 * 1000};
  nanosleep(&ts, NULL);
  res[i][2] = td_get();
  res[i][3] = ts_get();
  return NULL;
}

int main(void) {
  pthread_t t[THREADS + 1];
  for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, work, (void *)i);
  while (__atomic_load_n(&waiting, __ATOMIC_SEQ_CST) < THREADS) sched_yield();
  out("before: %d loaded\n", loaded());
  __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
  work((void *)(long)THREADS);
  for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
  pthread_create(&t[THREADS], NULL, work, (void *)(long)(THREADS + 1));
  pthread_join(t[THREADS], NULL);
  int bad = 0;
  for (int i = 0; i < THREADS + 2; i++)
    if (res[i][0] != 7 || res[i][1] != 11 || res[i][2] != 100 + i || res[i][3] != 200 + i) {
      out("thread %d: td %d ts %d, then %d %d\n", i, res[i][0], res[i][1], res[i][2], res[i][3]);
      bad++;
    }
  out("after: %d loaded, td inits %d, ts inits %d, %d threads wrong\n", loaded(), td_inits(),
      ts_inits(), bad);
  return 0;
}
