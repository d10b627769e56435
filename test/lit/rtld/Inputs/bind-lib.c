/* libfn.so: functions with vector and integer arguments (lazy binding must preserve them), an
 * RTLD_NEXT target, TLS for dlinfo, and a finaliser. */
#include <rtld.h>
__thread long fn_tls = 5;
double fn_mix(int a, double b, int c, double d, int e, double f, int g, double h, int i,
              double j, int k, double l, double m, double n) {
  return a + b + c + d + e + f + g + h + i + j + k + l + m + n;
}
long fn_ints(long a, long b, long c, long d, long e, long f, long g) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g;
}
int next_fn(void) { return 2; }
static void fini(void) __attribute__((destructor));
static void fini(void) { write(1, "libfn fini\n", 11); }
static void init(void) __attribute__((constructor));
static void init(void) { write(1, "libfn init\n", 11); }
