/* librelr.so: tables of pointers (relative relocations), read through a function. */
#include <rtld.h>
static const char *names[] = {"zero", "one", "two", "three", "four", "five", "six", "seven"};
static int values[70];
int *slots[70];
const char *relr_name(int i) { return names[i]; }
long relr_sum(void) {
  long s = 0;
  for (int i = 0; i < 70; i++) {
    values[i] = i;
    slots[i] = &values[i];
  }
  for (int i = 0; i < 70; i++) s += *slots[i];
  return s;
}
static int (*callbacks[])(int) = {0};
int relr_has_callback(void) { return callbacks[0] == 0; }
