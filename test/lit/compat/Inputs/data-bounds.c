/* The executable's own data boundaries, found directly and through the dynamic symbol table:
 * with -E they are exported, relative to their sections, so both give the same address in a
 * PIE too. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
extern char _end[], _edata[], __bss_start[];
int bss_var;
int main(void) {
  printf("_end %s\n", dlsym(RTLD_DEFAULT, "_end") == (void *)_end ? "same" : "differs");
  printf("_edata %s\n", dlsym(RTLD_DEFAULT, "_edata") == (void *)_edata ? "same" : "differs");
  printf("__bss_start %s\n",
         dlsym(RTLD_DEFAULT, "__bss_start") == (void *)__bss_start ? "same" : "differs");
  printf("order %d\n", __bss_start <= (char *)&bss_var && (char *)&bss_var < _end);
  return 0;
}
