/* A lazily loaded library with TLS (NAME, initial value VALUE): built -fPIC for dynamic TLS
 * (general dynamic) or with -ftls-model=initial-exec for static TLS (DF_STATIC_TLS, from the
 * backup reservation). Its initialiser counts its runs and takes a while, so that threads making
 * their first call at the same time find it still running; a call before it has finished
 * returns -1000. */
#include "../../rtld/Inputs/out.h"

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define F(x) CAT(NAME, x)

__thread int F(_var) = VALUE;
__thread char F(_pad)[PAD];
static volatile int ready, inits;

__attribute__((constructor)) static void init(void) {
  inits++;
  struct timespec ts = {0, 50 * 1000 * 1000};
  nanosleep(&ts, NULL);
  ready = 1;
}

int F(_get)(void) { return ready ? F(_var) + F(_pad)[PAD - 1] : -1000; }
void F(_set)(int v) { F(_var) = v; }
int F(_inits)(void) { return inits; }
