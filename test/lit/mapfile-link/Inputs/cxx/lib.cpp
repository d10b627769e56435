// A C++ library whose interface a GNU version script chooses by demangled name (lib.ver).
namespace ns {
int f(int x) { return x + 1; }        // LIB_1: "ns::f(int)"
int f(double x) { return (int)x * 2; } // local: not named
int g_one() { return 10; }            // LIB_1: ns::g*
int g_two() { return 20; }            // LIB_1: ns::g*
int h_new() { return 30; }            // LIB_2: ns::h*
}
extern "C" int c_api_first() { return 1; }  // LIB_1: c_api_*
extern "C" int c_api_second() { return 2; } // LIB_1: c_api_*
extern "C" int c_other() { return 3; }      // LIB_2: c_[o]ther
extern "C" int c_private() { return 4; }    // local: *
