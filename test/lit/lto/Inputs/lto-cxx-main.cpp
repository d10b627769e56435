#include "lto-cxx.h"
#include <iostream>
#include <memory>
#include <vector>

thread_local int tl_count = 0;
struct Global {
  Global() { std::cout << "ctor\n"; }
  ~Global() { std::cout << "dtor\n"; }
} global;

int main() {
  std::vector<std::unique_ptr<Shape>> v;
  v.emplace_back(make_rect(2, 3));
  v.emplace_back(make_rect(4, 4));
  int sum = 0;
  for (auto &s : v) {
    sum += s->area();
    std::cout << s->name() << " " << s->area() << "\n";
  }
  try {
    checked(-1);
  } catch (const std::exception &e) {
    std::cout << "caught " << e.what() << "\n";
  }
  std::cout << "sum " << twice(sum) << " inline " << shared_inline(sum) << " tl " << tl_count
            << "\n";
}
