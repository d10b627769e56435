#include "out.h"
int greet(void);
int only_here(void);
int main(int argc, char **argv) {
  int (*extra)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "pre2_extra");
  out("%s: greet %d only_here %d extra %d\n", argc > 1 ? argv[1] : "-", greet(), only_here(),
      extra ? extra() : 0);
  return 0;
}
