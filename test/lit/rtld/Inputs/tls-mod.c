/* Six TLS variables of module P: initialised and zero, at alignments 1, 64 and 4096, and P_ld(i),
 * their addresses through the local-dynamic model (this file is compiled with
 * -ftls-model=local-dynamic). */
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
void *CAT(P, ld)(int i) {
  switch (i) {
  case 0: return &V(a1);
  case 1: return &V(a64);
  case 2: return &V(a4096);
  case 3: return &V(z1);
  case 4: return &V(z64);
  case 5: return &V(z4096);
  }
  return 0;
}
