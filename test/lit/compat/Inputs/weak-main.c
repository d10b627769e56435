/* Weak undefined references: a default one may be satisfied at run time (by a preloaded
 * library) in a PIE or shared object; a hidden one stays null. */
#include <stdio.h>
extern int wfn(void) __attribute__((weak));
extern int hfn(void) __attribute__((weak, visibility("hidden")));
int lib_weak(void);
int main(void) {
  printf("exe wfn %d hfn %d lib %d\n", wfn ? wfn() : 0, hfn ? hfn() : 0, lib_weak());
  return 0;
}
