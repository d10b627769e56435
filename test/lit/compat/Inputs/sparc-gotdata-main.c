#include <stdio.h>
int get1(void *got); int get3(void *got);
extern char _GLOBAL_OFFSET_TABLE_[];
int main(void) { printf("%d %d\n", get1(_GLOBAL_OFFSET_TABLE_), get3(_GLOBAL_OFFSET_TABLE_)); return 0; }
