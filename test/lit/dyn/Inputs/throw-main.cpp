// The executable of cxx-throw-x64.test: catches what the shared library throws (throw-lib.cpp),
// by its own type, by a base class, and an exception of its own thrown through the library.
#include <cstdio>
#include <stdexcept>
#include <string>

struct lib_error : std::runtime_error {
    int code;
    lib_error(const std::string &what, int c) : std::runtime_error(what), code(c) {}
};

void lib_throw(int kind);
int lib_call(int (*fn)(int), int x);
int lib_depth();

struct exe_error {
    int value;
};

static int thrower(int x) { throw exe_error{x * 2}; }

int main() {
    try {
        lib_throw(0);
    } catch (const lib_error &e) {
        std::printf("caught: %s code %d depth %d\n", e.what(), e.code, lib_depth());
    }
    try {
        lib_throw(1);
    } catch (const std::exception &e) {
        std::printf("caught: %s\n", e.what());
    }
    try {
        lib_throw(2);
    } catch (const std::out_of_range &) {
        std::printf("caught: out_of_range from std::string\n");
    }
    try {
        lib_call(thrower, 21);
    } catch (const exe_error &e) {
        std::printf("caught: exe_error %d through the library\n", e.value);
    }
    return 0;
}
