/* Interposition and direct bindings: libdla.so and libdlb.so call their own who() and what()
 * through direct bindings unless an interposer comes first. With -DOWN, the program defines
 * who() and what() itself (returning "X"); whether they interpose depends on how it is linked
 * (-z interpose, a mapfile INTERPOSE flag on who only, or neither). */
#include "../../rtld/Inputs/out.h"

const char *a_call(void);
const char *b_call(void);
const char *a_what(void);

#ifdef OWN
const char *who(void) { return "X"; }
const char *what(void) { return "X"; }
#endif

int main(int argc, char **argv) {
  (void)argc;
  out("%s: a_call %s b_call %s a_what %s\n", argv[1], a_call(), b_call(), a_what());
  return 0;
}
