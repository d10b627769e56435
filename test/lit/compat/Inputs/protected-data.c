/* Reads a library's protected variable directly (non-PIC code: a copy relocation). */
#include <stdio.h>
extern int pvar;
int main(void) {
  printf("%d\n", pvar);
  return 0;
}
