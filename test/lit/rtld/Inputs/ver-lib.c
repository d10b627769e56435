/* Two versions of vfn: vfn@V1 (old) and vfn@@V2 (the default). */
#include <rtld.h>
int vfn_v1(void) { return 1; }
int vfn_v2(void) { return 2; }
__asm__(".symver vfn_v1, vfn@V1");
__asm__(".symver vfn_v2, vfn@@V2");
