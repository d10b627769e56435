/* Acceptance (2): the backup reservation. Threads exist before an IE library (libie.so, with
 * initialised TLS) is dlopen'ed; each must then see the initial image at its own address, the same
 * through IE and GD. libbig.so needs more than the reservation has left: dlopen fails with the
 * documented message and dl_iterate_phdr shows nothing new; libsmall.so still loads afterwards. */
#include <rtld.h>

static void out(const char *fmt, ...) {
  char b[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  write(1, b, n);
}

#define NT 8
static volatile int phase;
static volatile int done[NT];
static int *addr[NT];
static int fails;
typedef int (*get_fn)(void);
typedef int *(*addr_fn)(void);
static get_fn ie_get, small_get;
static addr_fn ie_ie, ie_gd;

static void *thread(void *arg) {
  long i = (long)arg;
  while (phase < 1) sched_yield();
  if (ie_get() != 1234) out("FAIL thread %ld: ie value %d\n", i, ie_get()), fails++;
  if (ie_ie() != ie_gd()) out("FAIL thread %ld: IE %p != GD %p\n", i, ie_ie(), ie_gd()), fails++;
  *ie_ie() = (int)i;
  addr[i] = ie_ie();
  done[i] = 1;
  while (phase < 2) sched_yield();
  if (small_get() != 99) out("FAIL thread %ld: small value %d\n", i, small_get()), fails++;
  if (*ie_gd() != i) out("FAIL thread %ld: ie value lost\n", i), fails++;
  done[i] = 2;
  return 0;
}

static int count_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  unsigned long *h = data;
  h[0]++;
  for (const char *s = info->dlpi_name; *s; s++) h[1] = h[1] * 31 + (unsigned char)*s;
  h[2] = info->dlpi_adds;
  return 0;
}

static void *load(const char *name) {
  void *h = dlopen(name, RTLD_NOW);
  if (!h) out("dlopen %s: %s\n", name, dlerror());
  return h;
}

int main(void) {
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) pthread_create(&t[i], 0, thread, (void *)i);
  void *h = load("libie.so");
  if (!h) return 1;
  ie_get = (get_fn)dlsym(h, "ie_get");
  ie_ie = (addr_fn)dlsym(h, "ie_ie_addr");
  ie_gd = (addr_fn)dlsym(h, "ie_gd_addr");
  if (ie_get() != 1234 || ie_ie() != ie_gd() || ie_ie() != dlsym(h, "ie_val"))
    out("FAIL main: ie %d %p %p\n", ie_get(), ie_ie(), ie_gd()), fails++;
  phase = 1;
  for (int i = 0; i < NT; i++)
    while (done[i] < 1) sched_yield();
  for (int i = 0; i < NT; i++)
    for (int j = 0; j < i; j++)
      if (addr[i] == addr[j]) out("FAIL threads %d and %d share ie_val\n", i, j), fails++;
  out("libie loaded: threads saw the image\n");

  unsigned long before[3] = {0, 0, 0}, after[3] = {0, 0, 0};
  dl_iterate_phdr(count_cb, before);
  void *big = dlopen("libbig.so", RTLD_NOW);
  if (big) out("libbig loaded\n");
  else out("libbig refused: %s\n", dlerror());
  dl_iterate_phdr(count_cb, after);
  if (!big && (before[0] != after[0] || before[1] != after[1] || before[2] != after[2]))
    out("FAIL dl_iterate_phdr changed: %lu objects -> %lu\n", before[0], after[0]), fails++;

  void *s = load("libsmall.so");
  if (!s) return 1;
  small_get = (get_fn)dlsym(s, "small_get");
  if (small_get() != 99) out("FAIL main: small %d\n", small_get()), fails++;
  phase = 2;
  for (int i = 0; i < NT; i++) pthread_join(t[i], 0);
  /* a library with static TLS is never unloaded */
  dlclose(h);
  if (ie_get() != 1234) out("FAIL ie unloaded\n"), fails++;
  out("backup reservation: %d failures\n", fails);
  return fails != 0;
}
