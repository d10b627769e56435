// Round trip through tld -r: exceptions across objects, thread_local (initial-exec from the
// executable, a template's static thread_local in a COMDAT group), templates instantiated in
// both objects, and static constructors in both.
#include <cstdio>
#include <stdexcept>
#include <string>

#include "rt.h"

static struct MainInit {
  MainInit() { std::printf("constructor: main\n"); }
} main_init;

int main() {
  std::printf("template: %d %s\n", twice<int>(21), twice<std::string>("ab").c_str());
  for (int i = 0; i < 4; i++) {
    try {
      std::printf("checked: %d\n", checked(i));
    } catch (const std::out_of_range &e) {
      std::printf("caught: %s\n", e.what());
    }
  }
  Counter<int>::value += 5;
  std::printf("tls: %d %d %d\n", bump(), bump(), Counter<int>::value);
  std::printf("common inline: %s\n", shared_name());
  return 0;
}
