/* Built against the first release of libver.so: needs VERS_1.0 only. */
#include <stdio.h>
int api_old(void);
extern int counter;
int main(void) {
  printf("old: api_old=%d counter=%d\n", api_old(), counter);
  return 0;
}
