#include <stdio.h>
extern int hsym(void) __attribute__((visibility("hidden")));
int main(void) { printf("%d\n", hsym()); return 0; }
