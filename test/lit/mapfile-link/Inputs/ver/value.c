/* Prints the address of a symbol whose value a mapfile gives. */
#include <stdio.h>
extern char mf_abs[];
int main(void) {
  printf("mf_abs=%#lx\n", (unsigned long)mf_abs);
  return 0;
}
