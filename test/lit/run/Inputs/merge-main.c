/* Prints the merged strings and whether each literal of the two files is one copy. */
#include <stdio.h>
#include <string.h>
#include <uchar.h>
#include <wchar.h>

const char *greet_a(void), *greet_b(void), *world_b(void);
const wchar_t *wide_a(void), *wide_b(void);
const char16_t *utf16_a(void), *utf16_b(void);
double scale_a(double), scale_b(double);
int show(const char *msg);

int main(void) {
  char u[32];
  int i = 0;
  for (const char16_t *p = utf16_b(); *p; p++) u[i++] = (char)*p;
  u[i] = 0;
  printf("%s|%s|%ls|%s|%g\n", greet_a(), world_b(), wide_b(), u, scale_a(2) + scale_b(2));
  printf("one copy: %d %d %d\n", greet_a() == greet_b(), wide_a() == wide_b(),
         utf16_a() == utf16_b());
  printf("intact: %d %d\n", !strcmp(greet_b() + 14, world_b()), !wcscmp(wide_a(), L"wide string"));
  printf("show: %d\n", show(greet_b()));
  return 0;
}
