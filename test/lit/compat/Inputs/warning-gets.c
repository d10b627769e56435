#include <stdio.h>
char *gets(char *);
int main(void) {
  char b[10];
  return gets(b) ? 0 : 1;
}
