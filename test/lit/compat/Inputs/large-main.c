#include <stdio.h>
#include <string.h>
int big[1000];
static int local_data = 5;
__thread int tv = 9;
extern int lib_fn(int);
int (*fp)(const char *) = puts;
int main(void) { big[3] = local_data; printf("%d %d %d %zu\n", big[3], tv, lib_fn(2), strlen("abc")); fp("fp"); return 0; }
