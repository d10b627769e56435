// A C++ thread_local with a destructor: g++ registers it with __cxa_thread_atexit.
#include "out.h"
extern "C" {
__attribute__((visibility("hidden"))) void *__dso_handle = &__dso_handle;
}
struct Obj {
  int id;
  Obj() : id(0) {}
  ~Obj() { out("%s: ~Obj %d\n", NAME, id); }
};
thread_local Obj obj;
extern "C" void tl_set(int id) { obj.id = id; }
