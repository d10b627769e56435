/* Linked with a run path of its own ($ORIGIN/plugins); dlopen from here must search it. The
 * caller is found by dlopen's return address, so the call must not be a tail call (the same
 * holds with glibc). */
#include <rtld.h>
void *volatile outer_last;
void *outer_open(const char *name) {
  void *h = dlopen(name, RTLD_NOW);
  outer_last = h;
  return outer_last;
}
