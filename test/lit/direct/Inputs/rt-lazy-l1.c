/* libl1.so: its initialiser calls back through the PLT into the program, and into l1b_fn() of
 * its own lazily loaded dependency libl1b.so (loaded from inside the initialiser). */
#include "../../rtld/Inputs/out.h"

int prog_cb(int);
int l1b_fn(void);
static int ready;

__attribute__((constructor)) static void l1_init(void) {
  out("l1 init: callback %d, l1b %d\n", prog_cb(41), l1b_fn());
  ready = 1;
}

int l1_fn(void) { return ready ? 10 : -1; }
