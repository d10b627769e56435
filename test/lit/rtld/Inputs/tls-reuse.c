/* dlopen/dlclose cycles of a GD-TLS module, a TLS-descriptor module and a module without TLS,
 * with 5 threads alive that touch the open module's TLS every 16 cycles. Module ids must be
 * reused (the old limit of 4096 ids is crossed), every open must see fresh initial values, and
 * the address space must stay flat. COUNT cycles (argv[1]). */
#include "out.h"

#define NT 5
typedef int (*int_fn)(void);
static int_fn volatile cur;
static volatile int gen, acks, stop, fails;

/* The size of the address space in KiB, from /proc/self/maps (under qemu-user the guest's own
 * mappings, where /proc/self/statm would describe qemu). */
static long vm_kib(void) {
  static char b[65536];
  int fd = open("/proc/self/maps", O_RDONLY);
  if (fd < 0) return -1;
  long n = 0, r;
  while (n < (long)sizeof b - 1 && (r = read(fd, b + n, sizeof b - 1 - n)) > 0) n += r;
  close(fd);
  unsigned long long total = 0;
  for (long i = 0; i < n;) {
    unsigned long long lo = 0, hi = 0;
    for (; i < n && b[i] != '-'; i++) lo = lo * 16 + (b[i] <= '9' ? b[i] - '0' : b[i] - 'a' + 10);
    for (i++; i < n && b[i] != ' '; i++) hi = hi * 16 + (b[i] <= '9' ? b[i] - '0' : b[i] - 'a' + 10);
    total += hi - lo;
    while (i < n && b[i] != '\n') i++;
    i++;
  }
  return (long)(total >> 10);
}

static void *thread(void *arg) {
  (void)arg;
  int seen = 0;
  while (!stop) {
    if (gen == seen) {
      sched_yield();
      continue;
    }
    seen = gen;
    int v = cur();
    if (v != 4322) out("FAIL thread saw %d\n", v), fails++;
    __atomic_add_fetch(&acks, 1, __ATOMIC_SEQ_CST);
  }
  return 0;
}

int main(int argc, char **argv) {
  long n = arg_count(argc, argv, 1, 3000);
  static const char *const libs[3] = {"libcyclegd.so", "libcycledesc.so", "libcyclenone.so"};
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) pthread_create(&t[i], 0, thread, 0);
  size_t maxid = 0;
  long vm0 = 0;
  for (long i = 0; i < n; i++) {
    int k = (int)(i % 3);
    void *h = dlopen(libs[k], RTLD_NOW);
    if (!h) return out("FAIL cycle %ld: %s\n", i, dlerror()), 1;
    if (k < 2) {
      int_fn get = (int_fn)dlsym(h, "gd_get"), touch = (int_fn)dlsym(h, "gd_touch");
      size_t id = 0;
      dlinfo(h, RTLD_DI_TLS_MODID, &id);
      if (id > maxid) maxid = id;
      if (get() != 4321) out("FAIL cycle %ld: initial value %d\n", i, get()), fails++;
      touch();
      if (i % 16 < 2) {
        cur = touch;
        int want = acks + NT;
        gen++;
        while (acks < want) sched_yield();
      }
    } else if (!dlsym(h, "d_fn")) {
      out("FAIL dlsym d_fn\n"), fails++;
    }
    if (dlclose(h)) out("FAIL dlclose: %s\n", dlerror()), fails++;
    if (i == n / 10) vm0 = vm_kib();
  }
  long grow = vm_kib() - vm0;
  stop = 1;
  for (int i = 0; i < NT; i++) pthread_join(t[i], 0);
  out("%ld cycles, highest module id %lu, %s\n", n, maxid,
      grow <= 256 ? "address space flat" : "address space grew");
  out("address space: %ld KiB after %ld cycles, %ld KiB more at the end\n", vm0, n / 10, grow);
  if (grow > 256) out("FAIL address space grew by %ld KiB\n", grow);
  return fails != 0;
}
