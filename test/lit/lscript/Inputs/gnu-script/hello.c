/* Built with GNU ld's default script given to tld with -T (gnu-default-script-x64.test). */
#include <stdio.h>
int v = 5;
__thread int t = 3;
int main(void) {
  printf("hello %d %d\n", v, t);
  return 0;
}
