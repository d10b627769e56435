/* Opened RTLD_GLOBAL; later libraries bind to it without naming it in DT_NEEDED. */
#include <rtld.h>
int a_data = 7;
int a_fn(int x) { return x * 10 + a_data; }
