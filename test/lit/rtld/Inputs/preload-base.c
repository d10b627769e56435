#include <rtld.h>
int greet(void) { return 1; }
int only_here(void) { return 10; }
