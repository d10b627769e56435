/* A PIE with relative relocations (pointer tables) and a library with its own, both packed
 * into DT_RELR: rtld applies them. */
#include <rtld.h>
const char *relr_name(int i);
long relr_sum(void);
int relr_has_callback(void);
const char *mine[] = {"alpha", "beta", "gamma"};
static long table[64];
long *ptrs[] = {&table[0], &table[1], &table[63]};
int main(void) {
  char buf[160];
  table[63] = 42;
  int n = snprintf(buf, sizeof buf, "%s %s %s | %s %s | sum %ld | cb %d | %ld %d\n", mine[0],
                   mine[1], mine[2], relr_name(3), relr_name(7), relr_sum(), relr_has_callback(),
                   *ptrs[2], ptrs[1] - ptrs[0]);
  write(1, buf, (size_t)n);
  return 0;
}
