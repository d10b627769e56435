/* Start-up TLS: the executable (ex) and two libraries (l1, l2) each define six TLS variables
 * (tls-mod.c). Every variable is reached through several access models; all must give the same
 * address, the right alignment and the initial values, in main and in 16 threads, and every
 * thread's copy must be its own. */
#include <rtld.h>

typedef void *(*acc_fn)(int);
#define DECL(p)                                                                                    \
  void *p##_gd(int), *p##_ie(int), *p##_ld(int), *p##_desc(int), *p##_x(int), *p##_xie(int);
DECL(l1)
DECL(l2)
void *ex_gd(int), *ex_ie(int), *ex_le(int), *ex_ld(int), *ex_desc(int);

/* TLS descriptors where the target has them (not SPARC: -DNO_TLSDESC). */
#ifdef NO_TLSDESC
#define DESC(p)
#else
#define DESC(p) p##_desc,
#endif

#define NACC 6
static const struct {
  const char *name;
  acc_fn acc[NACC];
} mods[3] = {
    {"ex", {ex_gd, ex_ie, ex_le, ex_ld, DESC(ex) 0}},
    {"l1", {l1_gd, l1_ie, l1_ld, DESC(l1) l1_x, l1_xie}},
    {"l2", {l2_gd, l2_ie, l2_ld, DESC(l2) l2_x, l2_xie}},
};
static const unsigned long align_of[6] = {1, 64, 4096, 1, 64, 4096};
static volatile int failures;

static void out(const char *fmt, ...) {
  char b[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  write(1, b, n);
}

static long get(int i, void *p) {
  switch (i % 3) {
  case 0: return *(char *)p;
  case 1: return i < 3 ? *(int *)p : *(long *)p;
  default: return *(int *)p;
  }
}

static void put(int i, void *p, long v) {
  switch (i % 3) {
  case 0: *(char *)p = (char)v; break;
  case 1:
    if (i < 3) *(int *)p = (int)v;
    else *(long *)p = v;
    break;
  default: *(int *)p = (int)v;
  }
}

/* Checks one thread's view; `seed` 0 is main. Returns the address of ex's first variable. */
static void *check(int seed, void **addrs) {
  static const long init[6] = {11, 64, 4096, 0, 0, 0};
  for (int m = 0; m < 3; m++)
    for (int i = 0; i < 6; i++) {
      void *a = mods[m].acc[0](i);
      for (int k = 1; k < NACC && mods[m].acc[k]; k++)
        if (mods[m].acc[k](i) != a) {
          out("FAIL %s var %d: accessor %d gives %p, accessor 0 %p\n", mods[m].name, i, k,
              mods[m].acc[k](i), a);
          failures++;
        }
      if ((unsigned long)a % align_of[i]) {
        out("FAIL %s var %d at %p not aligned to %lu\n", mods[m].name, i, a, align_of[i]);
        failures++;
      }
      if (get(i, a) != init[i]) {
        out("FAIL %s var %d (thread %d): initial value %ld, expected %ld\n", mods[m].name, i,
            seed, get(i, a), init[i]);
        failures++;
      }
      addrs[m * 6 + i] = a;
    }
  /* Write through one model, read through every other. */
  for (int m = 0; m < 3; m++)
    for (int i = 0; i < 6; i++) {
      long v = (seed * 7 + m * 3 + i) % 100 + 1;
      put(i, mods[m].acc[(i + seed) % 3](i), v);
      for (int k = 0; k < NACC && mods[m].acc[k]; k++)
        if (get(i, mods[m].acc[k](i)) != v) {
          out("FAIL %s var %d (thread %d): wrote %ld, read %ld via %d\n", mods[m].name, i, seed,
              v, get(i, mods[m].acc[k](i)), k);
          failures++;
        }
    }
  return addrs[0];
}

static void *main_addrs[18];
static void *thread_addrs[16][18];
static volatile int go;

static void *thread(void *arg) {
  long n = (long)arg;
  while (!go) sched_yield();
  check((int)n + 1, thread_addrs[n]);
  return 0;
}

int main(void) {
  check(0, main_addrs);
  pthread_t t[16];
  for (long i = 0; i < 16; i++)
    if (pthread_create(&t[i], 0, thread, (void *)i)) {
      out("FAIL pthread_create\n");
      return 1;
    }
  go = 1;
  for (int i = 0; i < 16; i++) pthread_join(t[i], 0);
  for (int i = 0; i < 16; i++)
    for (int v = 0; v < 18; v++) {
      if (thread_addrs[i][v] == main_addrs[v]) {
        out("FAIL thread %d shares variable %d with main\n", i, v);
        failures++;
      }
      for (int j = 0; j < i; j++)
        if (thread_addrs[i][v] == thread_addrs[j][v]) {
          out("FAIL threads %d and %d share variable %d\n", i, j, v);
          failures++;
        }
    }
  /* main's values survived the threads */
  for (int m = 0; m < 3; m++)
    for (int i = 0; i < 6; i++)
      if (get(i, main_addrs[m * 6 + i]) != (m * 3 + i) % 100 + 1) {
        out("FAIL main's %s var %d changed\n", mods[m].name, i);
        failures++;
      }
  out("startup tls: %d failures\n", failures);
  return failures != 0;
}
