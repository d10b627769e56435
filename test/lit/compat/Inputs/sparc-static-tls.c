#include <stdio.h>
__thread int tv = 7;
static __thread int stv = 3;
extern __thread int ext_tv;
__thread int ext_tv = 11;
int main(void) { tv++; stv++; printf("%d %d %d\n", tv, stv, ext_tv); return 0; }
