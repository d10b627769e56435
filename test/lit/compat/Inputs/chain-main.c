#include <stdio.h>
int get2(void);
int main(void) {
  printf("%d\n", get2());
  return 0;
}
