/* Calls a library's protected function, and compares its address with the library's. */
#include <stdio.h>
int pfn(void);
int call_pfn(void);
void *pfn_addr(void);
int main(void) {
  printf("%d %d equal %d\n", pfn(), call_pfn(), (void *)pfn == pfn_addr());
  return 0;
}
