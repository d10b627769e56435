#include "lto-cxx.h"

namespace {
struct Rect : Shape {
  int w, h;
  Rect(int w, int h) : w(w), h(h) {}
  int area() const override {
    ++tl_count;
    return w * h;
  }
  std::string name() const override { return "rect"; }
};
} // namespace

Shape *make_rect(int w, int h) { return new Rect(w, h); }
int checked(int v) {
  if (v < 0) throw std::out_of_range("negative " + std::to_string(twice(v) + shared_inline(v)));
  return v;
}
