/* Binds to nothing. */
#include <rtld.h>
int d_fn(int x) { return x + 2; }
