/* libplug.so, dlopen'ed and dlclose'd: its finaliser must run at dlclose. */
#include <rtld.h>
__thread int plug_tls = 8;
int plug_fn(void) { return plug_tls; }
static void fini(void) __attribute__((destructor));
static void fini(void) { write(1, "libplug fini\n", 13); }
