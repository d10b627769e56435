/* A library whose dynamic TLS (SIZE bytes of .tbss) is too large to reserve for every thread. */
#include <rtld.h>
__thread char huge_pad[SIZE];
char *huge_addr(void) { return huge_pad; }
