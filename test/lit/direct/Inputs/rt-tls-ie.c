/* The program reads libtd.so's TLS variable with the initial-exec model (built without -fPIC):
 * its TPOFF relocation loads libtd.so, a lazily loaded dependency, while start-up relocates,
 * and libtd.so's block comes from the static TLS area. */
#include "../../rtld/Inputs/out.h"

extern __thread int td_var;
int td_get(void);

int main(void) {
  out("td_var %d td_get %d\n", td_var, td_get());
  td_var = 3;
  out("td_var %d td_get %d\n", td_var, td_get());
  return 0;
}
