/* Freestanding LTO code whose only use of memcpy is a structure copy: the compiler's output
 * calls memcpy, its intermediate language does not name it. */
struct big {
  char b[8192];
};
static struct big a, b;

__attribute__((noinline)) void copy(void) { a = b; }

int main(void) {
  b.b[100] = 42;
  copy();
  return a.b[100];
}
