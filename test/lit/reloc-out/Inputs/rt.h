// Shared by rt-main.cpp and rt-lib.cpp: inline and template definitions land in COMDAT groups
// in both objects.
#include <string>

template <class T> T twice(T x) { return x + x; }
template <class T> struct Counter { static thread_local T value; };
template <class T> thread_local T Counter<T>::value = T(1);
inline const char *shared_name() {
  static std::string name = "once";
  name += "!";
  return name.c_str();
}
extern thread_local int tls_count;
int checked(int i);
int bump();
