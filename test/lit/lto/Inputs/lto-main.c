/* A C program in two translation units for the link-time optimisation tests: scale() is
 * defined in lto-lib.c and, with LTO, inlined here and gone from the output. */
#include <stdio.h>
#include <string.h>

int scale(int x);
int table_sum(void);
extern __thread int tls_counter;
void bump(int n);
extern int shared_common;
__attribute__((weak)) int maybe_weak(void) { return 1; }

int main(int argc, char **argv) {
  (void)argv;
  bump(3);
  bump(4);
  char buf[32];
  snprintf(buf, sizeof buf, "%d", scale(argc + 6));
  printf("scale %s table %d tls %d weak %d common %d len %zu\n", buf, table_sum(), tls_counter,
         maybe_weak(), shared_common, strlen(buf));
  return 0;
}
