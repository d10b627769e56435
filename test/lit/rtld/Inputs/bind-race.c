/* Lazy binding under contention: NT threads released at once each call callall(), which calls
 * thousands of functions of another library through fresh (lazy) PLT entries in the same order,
 * so several threads take the resolver for the same entry at the same moment; on SPARC they patch
 * the same PLT instructions. Every call must return its function's value, the first time and the
 * next (through the bound entry). */
#include "out.h"

int callall(void);

#define NT 4
static volatile int go, ready;
static int result[NT][2];

static void *thread(void *arg) {
  long i = (long)arg;
  __atomic_add_fetch(&ready, 1, __ATOMIC_SEQ_CST);
  while (!go) {
  }
  result[i][0] = callall();
  result[i][1] = callall();
  return 0;
}

int main(void) {
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) pthread_create(&t[i], 0, thread, (void *)i);
  while (ready < NT) sched_yield();
  go = 1;
  int fails = 0;
  for (int i = 0; i < NT; i++) {
    pthread_join(t[i], 0);
    for (int k = 0; k < 2; k++)
      if (result[i][k]) out("FAIL thread %d, pass %d: function %d\n", i, k, result[i][k] - 1), fails++;
  }
  out("%d threads bound and called every function: %s\n", NT, fails ? "no" : "yes");
  return fails != 0;
}
