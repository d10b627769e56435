// Uses every exported function of lib.cpp.
#include <cstdio>
namespace ns {
int f(int);
int g_one();
int g_two();
int h_new();
}
extern "C" int c_api_first(), c_api_second(), c_other();
int main() {
  std::printf("cxx: %d %d %d %d %d %d %d\n", ns::f(1), ns::g_one(), ns::g_two(), ns::h_new(),
              c_api_first(), c_api_second(), c_other());
  return 0;
}
