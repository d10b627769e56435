#include <stdio.h>

int main(void)
{
	printf("hello, world %d\n", 42);
	return 0;
}
