/* Strings and constants that merge-b.c has too: after the link each is one copy. */
#include <string.h>
#include <uchar.h>
#include <wchar.h>

const char *greet_a(void) { return "hello, merged world"; }
const wchar_t *wide_a(void) { return L"wide string"; }
const char16_t *utf16_a(void) { return u"utf-16 string"; }
double scale_a(double x) { return x * 3.25; }

int show(const char *msg) {
  int len = (int)strlen(msg);
  const char *tail = msg + len / 2;
  return len + (tail[0] == ' ');
}
