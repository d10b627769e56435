#include <stdio.h>
int lib_value(void);
int main(void) {
  printf("main %d\n", lib_value());
  fflush(stdout);
  return 0;
}
