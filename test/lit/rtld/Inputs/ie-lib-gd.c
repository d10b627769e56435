#include <rtld.h>
#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
extern __thread int CAT(NAME, val);
int *CAT(NAME, gd_addr)(void) { return &CAT(NAME, val); }
