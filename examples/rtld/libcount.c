/* A library of the rtld demo: one TLS counter reached the General Dynamic way (it is compiled
 * -fPIC and the variable is global, so code outside and inside the library may use it) and one
 * Initial Exec variable, which gives the library DF_STATIC_TLS and a place in the static block. */
#include <rtld.h>

__thread long lib_count = 1000;
__thread long lib_ie __attribute__((tls_model("initial-exec"))) = 7;

long lib_bump(long by) {
  lib_count += by;
  lib_ie += 1;
  return lib_count + lib_ie;
}
