#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "rt.h"

thread_local int tls_count = 100;
static thread_local int tls_private = 1;

static struct LibInit {
  LibInit() { std::printf("constructor: lib %d\n", twice<int>(2)); }
} lib_init;

int checked(int i) {
  std::vector<int> v{10, 20};
  if (i >= (int)v.size()) throw std::out_of_range("index " + std::to_string(i));
  return v.at((size_t)i) + twice<int>(i);
}

int bump() {
  tls_private++;
  return ++tls_count + tls_private + Counter<int>::value;
}
