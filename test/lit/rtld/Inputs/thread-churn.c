/* Detached-thread churn: COUNT detached threads (argv[1]), at most 8 alive at once, with stack
 * sizes that vary, so a new thread's mapping lands where an ended one's was but with its stack and
 * TCB at other offsets. Every thread fills a stack buffer, yields, and checks it; a kernel
 * clear-tid store into a freed mapping shows up as a corrupted buffer, TLS value or a crash. */
#include "out.h"

static volatile long done, alive;
static __thread long mine = 42;

static void *body(void *arg) {
  volatile long buf[1024];
  for (unsigned i = 0; i < 1024; i++) buf[i] = ~(long)i;
  for (int k = 0; k < 3; k++) sched_yield();
  for (unsigned i = 0; i < 1024; i++)
    if (buf[i] != ~(long)i) {
      out("FAIL stack word %u of thread %ld overwritten\n", i, (long)arg);
      break;
    }
  if (mine != 42) out("FAIL tls %ld\n", mine);
  mine = (long)arg;
  __atomic_add_fetch(&done, 1, __ATOMIC_SEQ_CST);
  __atomic_sub_fetch(&alive, 1, __ATOMIC_SEQ_CST);
  return 0;
}

int main(int argc, char **argv) {
  long n = arg_count(argc, argv, 1, 1000);
  pthread_attr_t a;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, 65536);
  pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
  for (long i = 0; i < n; i++) {
    while (__atomic_load_n(&alive, __ATOMIC_SEQ_CST) >= 8) sched_yield();
    __atomic_add_fetch(&alive, 1, __ATOMIC_SEQ_CST);
    pthread_t t;
    pthread_attr_setstacksize(&a, 65536 + (size_t)(i % 13) * 4096);
    int e = pthread_create(&t, &a, body, (void *)i);
    if (e) return out("FAIL pthread_create %d at %ld\n", e, i), 1;
  }
  while (__atomic_load_n(&done, __ATOMIC_SEQ_CST) < n) sched_yield();
  out("detached churn: %ld threads ran\n", done);
  return 0;
}
