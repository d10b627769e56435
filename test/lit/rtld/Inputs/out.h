/* A formatted write to standard output for the test programs (no stdio on ld.so.1). */
#include <rtld.h>

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2), unused));
static void out(const char *fmt, ...) {
  char b[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  write(1, b, (size_t)(n < (int)sizeof b ? n : (int)sizeof b - 1));
}

static long arg_count(int argc, char **argv, int i, long dflt) __attribute__((unused));
static long arg_count(int argc, char **argv, int i, long dflt) {
  if (argc <= i) return dflt;
  long v = 0;
  for (const char *s = argv[i]; *s >= '0' && *s <= '9'; s++) v = v * 10 + (*s - '0');
  return v;
}
