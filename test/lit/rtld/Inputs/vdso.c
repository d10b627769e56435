/* The vDSO (linux-vdso.so.1; linux-gate.so.1 on i386) is in dl_iterate_phdr's list, and clock_gettime/gettimeofday work (through it: the
 * test checks under strace that they make no system call). */
#include "out.h"

static int cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size, (void)data;
  int loads = 0;
  for (int i = 0; i < info->dlpi_phnum; i++) loads += info->dlpi_phdr[i].p_type == 1;
  if (!strcmp(info->dlpi_name, "linux-vdso.so.1") || !strcmp(info->dlpi_name, "linux-gate.so.1"))
    out("dl_iterate_phdr: %s with %d PT_LOAD, base %s\n", info->dlpi_name, loads,
        info->dlpi_addr ? "set" : "zero");
  return 0;
}

int main(void) {
  dl_iterate_phdr(cb, 0);
  struct timespec a, b;
  struct timeval tv;
  int bad = 0;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (int i = 0; i < 1000; i++) {
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (b.tv_sec < a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec < a.tv_nsec)) bad++;
    a = b;
  }
  gettimeofday(&tv, 0);
  struct timespec rt;
  clock_gettime(CLOCK_REALTIME, &rt);
  long diff = rt.tv_sec - tv.tv_sec;
  out("clock_gettime: monotonic %s, realtime and gettimeofday agree %s\n", bad ? "NO" : "yes",
      diff >= 0 && diff <= 1 ? "yes" : "NO");
  return 0;
}
