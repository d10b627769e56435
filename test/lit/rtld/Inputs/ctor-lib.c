/* An initialiser that starts a thread and waits for it: the thread binds lazily (worker_fn,
 * through the PLT), looks up a symbol with dlsym and dlopens another library. The initialiser
 * itself dlopens its own library again (recursive dlopen returns at once) and another one, and
 * calls dlsym. Built as libctor.so (a start-up dependency) and libctordl.so (dlopen'ed). */
#include "out.h"
int worker_fn(int);

static volatile int thread_result;

static void *thread_body(void *arg) {
  (void)arg;
  int a = worker_fn(14); /* first call: lazy binding */
  int (*f)(int) = (int (*)(int))dlsym(RTLD_DEFAULT, "worker_fn");
  void *h = dlopen("libctorother.so", RTLD_LAZY);
  int (*g)(int) = h ? (int (*)(int))dlsym(h, "other_fn") : 0;
  thread_result = a + (f ? f(1) : -1000) + (g ? g(0) : -1000);
  return 0;
}

#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
int CAT(NAME, ready);

__attribute__((constructor)) static void init(void) {
  pthread_t t;
  if (pthread_create(&t, 0, thread_body, 0)) out("FAIL pthread_create\n");
  pthread_join(t, 0);
  void *self = dlopen(SELF, RTLD_NOLOAD | RTLD_LAZY);
  void *h = dlopen("libctorother.so", RTLD_NOW);
  int (*g)(int) = h ? (int (*)(int))dlsym(h, "other_fn") : 0;
  out("%s init: thread result %d, self %s, recursive dlsym %d\n", SELF, thread_result,
      self ? "found" : "missing", g ? g(1) : -1);
  CAT(NAME, ready) = 1;
}
