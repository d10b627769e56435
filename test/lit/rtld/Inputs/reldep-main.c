/* dlclose of an RTLD_GLOBAL library that later libraries bound to (at relocation, lazily, or
 * through dlsym) must not unmap it while they can still reach it. */
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
typedef int (*fn)(int);

int main(void) {
  int base = objects();
  /* Relocation-time binding (GLOB_DAT) and a PLT call. */
  void *a = dlopen("libreldepa.so", RTLD_GLOBAL | RTLD_LAZY);
  void *b = dlopen("libreldepb.so", RTLD_NOW);
  if (!a || !b) return out("FAIL dlopen: %s\n", dlerror()), 1;
  fn bf = (fn)dlsym(b, "b_fn");
  dlclose(a);
  out("b after closing a: %d, objects +%d\n", bf(2), objects() - base);
  dlclose(b);
  out("after closing b: objects +%d\n", objects() - base);

  /* A lazy binding made after both were opened. */
  a = dlopen("libreldepa.so", RTLD_GLOBAL | RTLD_LAZY);
  void *c = dlopen("libreldepc.so", RTLD_LAZY);
  fn cf = (fn)dlsym(c, "c_fn");
  out("c: %d\n", cf(3));
  dlclose(a);
  out("c after closing a: %d, objects +%d\n", cf(4), objects() - base);
  dlclose(c);
  out("after closing c: objects +%d\n", objects() - base);

  /* Nothing bound to it: it goes at once. */
  a = dlopen("libreldepa.so", RTLD_GLOBAL | RTLD_LAZY);
  void *d = dlopen("libreldepd.so", RTLD_LAZY);
  dlclose(a);
  out("unbound a closed: objects +%d\n", objects() - base);
  dlclose(d);
  long lmid = -1;
  void *self = dlopen(0, RTLD_LAZY);
  int r = dlinfo(self, RTLD_DI_LMID, &lmid);
  out("dlinfo RTLD_DI_LMID: %d %ld\n", r, lmid);
  return 0;
}
