/* Binds to libreldepa.so's a_data at relocation (GLOB_DAT) and to a_fn through the PLT. */
#include <rtld.h>
extern int a_data;
int a_fn(int);
int b_fn(int x) { return a_fn(x) + a_data; }
