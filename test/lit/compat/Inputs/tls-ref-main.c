#include <stdio.h>
int get(void);
int main(void) { printf("%d\n", get()); return 0; }
