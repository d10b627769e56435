/* The plugin the rtld demo dlopens after its threads exist: its TLS is reserved for each of
 * them at dlopen, and each thread's first access takes its block from that reservation. It is
 * compiled with TLS descriptors (-mtls-dialect=gnu2); its static variable is reached the Local
 * Dynamic way. */
#include <rtld.h>

__thread char plugin_name[16] = "plugin";
__thread long plugin_calls;
static __thread long plugin_local = 2;

long plugin_entry(long x) {
  plugin_calls++;
  return x * 3 + plugin_calls + (plugin_name[0] == 'p') + plugin_local - 2;
}
