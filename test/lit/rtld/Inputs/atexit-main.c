/* Exit handlers per object at dlclose and exit, __cxa_finalize, thread_local destructors at
 * thread exit (the object stays loaded until they ran), pthread keys with destructor rounds,
 * pthread_once, mutexes and condition variables, dlvsym. */
#include "out.h"

static int count_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)info, (void)size;
  ++*(int *)data;
  return 0;
}
static int objects(void) {
  int n = 0;
  dl_iterate_phdr(count_cb, &n);
  return n;
}

static void main_h1(void) { out("main: first atexit handler\n"); }
static void main_h2(void) { out("main: second atexit handler\n"); }
__attribute__((destructor)) static void main_fini(void) { out("main: finaliser\n"); }

/* thread_local destructors */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int go, ready;
static void *tl_thread(void *arg) {
  ((void (*)(int))arg)(5);
  pthread_mutex_lock(&mu);
  ready = 1;
  pthread_cond_broadcast(&cv);
  while (!go) pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  return 0;
}

/* keys */
static pthread_key_t k1, k2;
static int rounds;
static void k1_dtor(void *v) {
  rounds++;
  if (rounds < 3) pthread_setspecific(k1, v); /* set again: another round */
}
static void k2_dtor(void *v) { out("key 2 destructor: %s\n", (const char *)v); }
static void *key_thread(void *arg) {
  (void)arg;
  pthread_setspecific(k1, (void *)1);
  pthread_setspecific(k2, "value");
  return pthread_getspecific(k2);
}

/* once, mutex, cond */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
static void once_fn(void) { once_runs++; }
static pthread_mutex_t counter_mu;
static long counter;
static void *count_thread(void *arg) {
  (void)arg;
  pthread_once(&once, once_fn);
  for (int i = 0; i < 20000; i++) {
    pthread_mutex_lock(&counter_mu);
    counter++;
    pthread_mutex_unlock(&counter_mu);
  }
  return 0;
}

int main(void) {
  atexit(main_h1);
  int base = objects();

  void *ae = dlopen("libae.so", RTLD_NOW);
  if (!ae) return out("FAIL %s\n", dlerror()), 1;
  out("closing libae\n");
  dlclose(ae);
  void *af = dlopen("libaf.so", RTLD_NOW);
  __cxa_finalize(((void *(*)(void))dlsym(af, "dso_of_lib"))());
  out("closing libaf\n");
  dlclose(af);
  dlopen("libag.so", RTLD_NOW);
  atexit(main_h2);

  /* A thread_local destructor keeps libtl.so loaded after dlclose until the thread ends. */
  void *tl = dlopen("libtl.so", RTLD_NOW);
  pthread_t t;
  pthread_create(&t, 0, tl_thread, dlsym(tl, "tl_set"));
  pthread_mutex_lock(&mu);
  while (!ready) pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  int before = objects();
  dlclose(tl);
  out("libtl closed with a destructor pending: objects %d\n", objects() - before);
  pthread_mutex_lock(&mu);
  go = 1;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&mu);
  pthread_join(t, 0);
  out("thread ended: objects %d\n", objects() - before);
  void *tl2 = dlopen("libtl2.so", RTLD_NOW);
  ((void (*)(int))dlsym(tl2, "tl_set"))(9);

  /* Keys. */
  pthread_key_create(&k1, k1_dtor);
  pthread_key_create(&k2, k2_dtor);
  void *r;
  pthread_create(&t, 0, key_thread, 0);
  pthread_join(t, &r);
  out("key thread saw %s; key 1 destructor rounds %d\n", (const char *)r, rounds);
  pthread_setspecific(k2, "main");
  pthread_key_delete(k2);
  pthread_key_t k3;
  pthread_key_create(&k3, 0);
  out("recreated key %s, old value %s\n", k3 == k2 ? "reuses the slot" : "is new",
      pthread_getspecific(k3) ? "visible (wrong)" : "gone");

  /* once, mutex, cond */
  pthread_mutex_init(&counter_mu, 0);
  pthread_t ts[4];
  for (int i = 0; i < 4; i++) pthread_create(&ts[i], 0, count_thread, 0);
  for (int i = 0; i < 4; i++) pthread_join(ts[i], 0);
  out("once ran %d time, counter %ld\n", once_runs, counter);
  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_t rm;
  pthread_mutex_init(&rm, &ma);
  int a = pthread_mutex_lock(&rm), b = pthread_mutex_lock(&rm), c = pthread_mutex_unlock(&rm),
      d = pthread_mutex_unlock(&rm), e = pthread_mutex_unlock(&rm);
  out("recursive mutex: %d %d %d %d, extra unlock %s\n", a, b, c, d, e == EPERM ? "EPERM" : "?");
  struct timespec ts0;
  clock_gettime(CLOCK_REALTIME, &ts0);
  ts0.tv_nsec += 20000000;
  if (ts0.tv_nsec >= 1000000000) ts0.tv_sec++, ts0.tv_nsec -= 1000000000;
  pthread_mutex_lock(&mu);
  out("timed wait: %s\n", pthread_cond_timedwait(&cv, &mu, &ts0) == ETIMEDOUT ? "ETIMEDOUT" : "?");
  pthread_mutex_unlock(&mu);

  /* dlvsym */
  void *v = dlopen("libver.so", RTLD_NOW);
  int (*v1)(void) = (int (*)(void))dlvsym(v, "vfn", "V1");
  int (*v2)(void) = (int (*)(void))dlvsym(v, "vfn", "V2");
  int (*vd)(void) = (int (*)(void))dlsym(v, "vfn");
  void *v3 = dlvsym(v, "vfn", "V3");
  out("dlvsym: V1 %d, V2 %d, default %d, V3 %p (%s)\n", v1 ? v1() : -1, v2 ? v2() : -1,
      vd ? vd() : -1, v3, dlerror());
  out("objects at exit: %d\n", objects() - base);
  return 0;
}
