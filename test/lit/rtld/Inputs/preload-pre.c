/* Preloaded: its greet() interposes on libprebase.so's. Built as libpre1.so (VALUE 2) and
 * libpre2.so (VALUE 3, which defines pre2_extra too). */
#include <rtld.h>
int greet(void) { return VALUE; }
int pre2_extra(void) { return VALUE * 100; }
