/* Round trip through tld -r in C: TLS (local-exec, initial-exec and, with -fpic, general
 * dynamic), a common symbol defined in two objects, mergeable strings, a constructor, and a
 * weak undefined reference. */
#include <stdio.h>
#include <string.h>

extern __thread int tls_shared;
static __thread int tls_here = 4;
int common_var;
extern void weak_missing(void) __attribute__((weak));
int lib_value(int x);
const char *lib_name(void);

__attribute__((constructor)) static void init(void) { puts("constructor: main"); }

int main(void) {
  tls_here += tls_shared;
  common_var = 3;
  printf("tls: %d %d\n", tls_here, tls_shared);
  printf("lib: %d %s\n", lib_value(5), lib_name());
  printf("strings: %zu %s\n", strlen("a mergeable string"), "a mergeable string");
  printf("weak: %s\n", weak_missing ? "present" : "absent");
  return 0;
}
