/* Accessor P_M(i): the address of module P's variable i, through whatever TLS access model this
 * file is compiled with (-ftls-model=..., -mtls-dialect=gnu2). */
#include <rtld.h>
#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
#define V(n) CAT(P, n)
extern __thread char V(a1);
extern __thread int V(a64)[4] __attribute__((aligned(64)));
extern __thread int V(a4096) __attribute__((aligned(4096)));
extern __thread char V(z1);
extern __thread long V(z64) __attribute__((aligned(64)));
extern __thread int V(z4096) __attribute__((aligned(4096)));
void *CAT(P, M)(int i) {
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
