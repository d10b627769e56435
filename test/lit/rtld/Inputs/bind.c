/* Acceptance (4): lazy and immediate binding, RTLD_NEXT, dladdr, dlinfo, dlclose running
 * finalisers, and dlopen of broken files. */
#include <rtld.h>
double fn_mix(int, double, int, double, int, double, int, double, int, double, int, double, double,
              double);
long fn_ints(long, long, long, long, long, long, long);
extern __thread long fn_tls;

static void out(const char *fmt, ...) {
  char b[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  write(1, b, n);
}

int next_fn(void) {
  int (*next)(void) = (int (*)(void))dlsym(RTLD_NEXT, "next_fn");
  return 1 + (next ? 10 * next() : 0);
}

int main(int argc, char **argv) {
  double d = fn_mix(1, 0.5, 2, 0.25, 3, 0.125, 4, 1.5, 5, 2.5, 6, 3.5, 4.5, 5.5);
  long l = fn_ints(1, 2, 3, 4, 5, 6, 7);
  out("mix=%d ints=%ld\n", (int)(d * 1000), l);
  out("next=%d\n", next_fn());

  Dl_info info;
  if (dladdr((void *)((char *)fn_ints + 3), &info))
    out("dladdr: %s %s %d\n", info.dli_sname, info.dli_fname + strlen(info.dli_fname) - 8,
        info.dli_saddr == (void *)fn_ints);
  if (dladdr((void *)main, &info)) out("dladdr main: %s\n", info.dli_sname);

  void *h = dlopen("libplug.so", RTLD_LAZY);
  if (!h) return out("dlopen: %s\n", dlerror()), 1;
  struct link_map *lm = 0;
  size_t id = 0;
  void *data = (void *)1;
  dlinfo(h, RTLD_DI_LINKMAP, &lm);
  dlinfo(h, RTLD_DI_TLS_MODID, &id);
  dlinfo(h, RTLD_DI_TLS_DATA, &data);
  out("dlinfo: %s module %lu data-before %p\n", lm->l_name + strlen(lm->l_name) - 10, id, data);
  int *p = dlsym(h, "plug_tls");
  dlinfo(h, RTLD_DI_TLS_DATA, &data);
  out("dlinfo: data-after matches %d value %d\n", data == (void *)p, *p);
  int (*f)(void) = (int (*)(void))dlsym(h, "plug_fn");
  out("plug_fn=%d\n", f());
  void *missing = dlsym(h, "no_such_symbol");
  out("dlsym missing: %p %s\n", missing, dlerror());
  out("dlclose=%d\n", dlclose(h));
  out("after dlclose\n");
  for (int i = 1; i < argc; i++) {
    void *b = dlopen(argv[i], RTLD_NOW);
    out("broken %d: %p %s\n", i, b, b ? "" : dlerror());
  }
  out("fn_tls=%ld\n", fn_tls);
  return 0;
}
