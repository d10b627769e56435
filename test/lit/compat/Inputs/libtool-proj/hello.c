/* The shared library the libtool project builds. */
#include <stdio.h>
static int calls;
int hello(const char *who) {
  printf("hello, %s (%d)\n", who, ++calls);
  return calls;
}
