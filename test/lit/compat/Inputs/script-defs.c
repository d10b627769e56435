/* Symbols a linker script given as an input defines from the program's own. */
#include <stdio.h>
extern char script_sym[], script_sym2[];
int target_var = 3;
int main(void) {
  printf("%d %d\n", script_sym2 - script_sym, (int)(script_sym2 - (char *)&target_var));
  return 0;
}
