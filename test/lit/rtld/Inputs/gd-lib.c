/* A dynamic-TLS (GD) library for dlopen: NAME_val = VALUE and NAME_pad[SIZE] = {7}. */
#include <rtld.h>
#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
__thread int CAT(NAME, val) = VALUE;
__thread char CAT(NAME, pad)[SIZE] = {7};
int *CAT(NAME, addr)(void) { return &CAT(NAME, val); }
int CAT(NAME, get)(void) { return CAT(NAME, val) + (CAT(NAME, pad)[0] == 7 ? 0 : 1000000); }
/* For the signal test: the first access of a thread to this module, from a handler. */
int CAT(NAME, touch)(void) { return ++CAT(NAME, val); }
/* An int inside the padding, for writes that must stay within the module's block. */
int *CAT(NAME, pad_int)(void) { return (int *)(void *)(CAT(NAME, pad) + 64); }
