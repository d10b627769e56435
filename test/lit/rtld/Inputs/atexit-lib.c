/* Registers an atexit and a __cxa_atexit handler in its initialiser; built as libae.so (closed
 * by dlclose), libaf.so (finalised early with __cxa_finalize) and libag.so (left for exit). */
#include "out.h"
__attribute__((visibility("hidden"))) void *__dso_handle = &__dso_handle;
static void h1(void) { out("%s: atexit handler\n", NAME); }
static void h2(void *a) { out("%s: __cxa_atexit handler %s\n", NAME, (const char *)a); }
void *dso_of_lib(void) { return &__dso_handle; }
__attribute__((constructor)) static void init(void) {
  atexit(h1);
  __cxa_atexit(h2, (void *)"arg", &__dso_handle);
}
__attribute__((destructor)) static void fini(void) { out("%s: finaliser\n", NAME); }
