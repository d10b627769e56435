// The C++ program of the LTO tests: virtual calls, an exception thrown in one translation unit
// and caught in the other, a thread_local, and templates and inline functions instantiated in
// both units (COMDAT groups the LTO and the regular objects share when they are mixed).
#include <stdexcept>
#include <string>

struct Shape {
  virtual ~Shape() {}
  virtual int area() const = 0;
  virtual std::string name() const = 0;
};
Shape *make_rect(int w, int h);
int checked(int v);
extern thread_local int tl_count;
template <class T> T twice(T x) { return x + x; }
inline int shared_inline(int x) { return twice(x) + 1; }
