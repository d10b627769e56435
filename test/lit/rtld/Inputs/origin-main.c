/* $ORIGIN of the program is its resolved directory, whatever path or symlink ran it and after a
 * chdir; dlopen called from a library searches that library's run path. */
#include "out.h"
void *outer_open(const char *name);
int needed_fn(void);

int main(void) {
  out("start-up dependency through $ORIGIN: %d\n", needed_fn());
  if (chdir("/")) out("FAIL chdir\n");
  void *h = dlopen("libneeded2.so", RTLD_NOW);
  out("dlopen after chdir through $ORIGIN: %s\n", h ? "found" : dlerror());
  void *direct = dlopen("libinner.so", RTLD_NOW);
  out("main's dlopen of libinner.so: %s\n", direct ? "found (wrong)" : "not found");
  void *i = outer_open("libinner.so");
  int (*f)(void) = i ? (int (*)(void))dlsym(i, "inner_fn") : 0;
  out("libouter's dlopen of libinner.so: %d\n", f ? f() : -1);
  return 0;
}
