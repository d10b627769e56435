/* Binds to libreldepa.so's a_fn lazily only. */
#include <rtld.h>
int a_fn(int);
int c_fn(int x) { return a_fn(x) + 1; }
