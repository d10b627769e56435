/* Calls a library's IFUNC and compares its address with the library's view of it. */
#include <stdio.h>
int ifn(void);
int alias_ifn(void);
void *lib_addr(void);
void *lib_alias_addr(void);
int main(void) {
  printf("call %d %d\n", ifn(), alias_ifn());
  printf("equal %d %d\n", (void *)ifn == lib_addr(), (void *)alias_ifn == lib_alias_addr());
  return 0;
}
