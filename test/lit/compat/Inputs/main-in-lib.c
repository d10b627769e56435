#include <stdio.h>
int main(void) { puts("main in lib"); return 0; }
