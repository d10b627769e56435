/* The same literals as merge-a.c, and a string that is the end of one of them. */
#include <uchar.h>
#include <wchar.h>

const char *greet_b(void) { return "hello, merged world"; }
const char *world_b(void) { return "world"; }
const wchar_t *wide_b(void) { return L"wide string"; }
const char16_t *utf16_b(void) { return u"utf-16 string"; }
double scale_b(double x) { return x * 3.25; }
