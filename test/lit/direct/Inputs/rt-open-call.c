/* Opens each library named on the command line and calls its u_call(); says what it got, or
 * why the library was refused. */
#include "../../rtld/Inputs/out.h"

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    void *h = dlopen(argv[i], RTLD_LAZY);
    if (!h) {
      out("%d: refused: %s\n", i, dlerror());
      continue;
    }
    const char *(*f)(void) = (const char *(*)(void))dlsym(h, "u_call");
    out("%d: u_call %s\n", i, f ? f() : "(none)");
    dlclose(h);
  }
  return 0;
}
