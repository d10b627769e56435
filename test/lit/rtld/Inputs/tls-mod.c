/* Six TLS variables of module P: initialised and zero, at alignments 1, 64 and 4096. */
#include <rtld.h>
#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
#define V(n) CAT(P, n)
__thread char V(a1) = 11;
__thread int V(a64)[4] __attribute__((aligned(64))) = {64, 1, 2, 3};
__thread int V(a4096) __attribute__((aligned(4096))) = 4096;
__thread char V(z1);
__thread long V(z64) __attribute__((aligned(64)));
__thread int V(z4096) __attribute__((aligned(4096)));
