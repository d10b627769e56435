#include <stdio.h>
int lib_call(void);
int main(void) {
  printf("%d\n", lib_call());
  return 0;
}
