/* libctor.so is a start-up dependency; libctordl.so is dlopen'ed. Both initialisers start a
 * thread and wait for it while it binds lazily. */
#include "out.h"
extern int libctor_ready;
int main(void) {
  out("main: start-up initialiser done %d\n", libctor_ready);
  void *h = dlopen("libctordl.so", RTLD_LAZY);
  if (!h) return out("FAIL dlopen: %s\n", dlerror()), 1;
  int *r = (int *)dlsym(h, "libctordl_ready");
  out("main: dlopen'ed initialiser done %d\n", r ? *r : -1);
  return 0;
}
