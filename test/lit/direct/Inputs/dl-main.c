/* A program on libdla, libdlb and libdlc linked with direct bindings and lazy loading. Built for
 * glibc, or with -DRTLD for tld's ld.so.1. It says whether libdlc is mapped before and after its
 * first use (dl_iterate_phdr), whose who() each caller reached, and reads data and TLS through
 * the libraries. */
#ifdef RTLD
#include <rtld.h>
#else
#define _GNU_SOURCE
#include <link.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#endif

const char *a_call(void);
const char *b_call(void);
const char *who(void);
int c_fn(void);
extern int a_data;

static void out(const char *fmt, ...) {
  char b[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  if (write(1, b, (size_t)n) != n) _exit(2);
}

static int mapped_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  const char *n = info->dlpi_name ? info->dlpi_name : "";
  size_t l = strlen(n);
  if (l >= 9 && !memcmp(n + l - 9, "libdlc.so", 9)) *(int *)data = 1;
  return 0;
}

static int libdlc_mapped(void) {
  int found = 0;
  dl_iterate_phdr(mapped_cb, &found);
  return found;
}

int main(void) {
  out("libdlc mapped at start: %d\n", libdlc_mapped());
  out("a_call: %s\n", a_call());
  out("b_call: %s\n", b_call());
  out("main: %s\n", who());
  out("a_data: %d\n", a_data);
  out("c_fn: %d\n", c_fn());
  out("libdlc mapped after use: %d\n", libdlc_mapped());
  return 0;
}
