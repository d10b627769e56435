/* An IFUNC the executable defines and exports; a library takes its address too. */
#include <stdio.h>
static int impl(void) { return 7; }
static void *resolve(void) { return (void *)impl; }
int exe_ifn(void) __attribute__((ifunc("resolve")));
void *get_from_lib(void);
int main(void) {
  printf("exe %d equal %d\n", exe_ifn(), (void *)exe_ifn == get_from_lib());
  return 0;
}
