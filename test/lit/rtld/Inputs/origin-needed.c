#include <rtld.h>
int needed_fn(void) { return 5; }
