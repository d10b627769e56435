#include <rtld.h>
int inner_fn(void) { return 77; }
