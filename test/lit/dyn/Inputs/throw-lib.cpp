// The shared library of cxx-throw-x64.test: throws a standard and a library-defined exception
// from several frames deep, through a callback into the executable.
#include <stdexcept>
#include <string>

struct lib_error : std::runtime_error {
    int code;
    lib_error(const std::string &what, int c) : std::runtime_error(what), code(c) {}
};

static int depth_reached;

static void descend(int depth) {
    depth_reached = depth;
    if (depth == 0) throw lib_error("thrown in the library", 77);
    descend(depth - 1);
}

void lib_throw(int kind) {
    if (kind == 0) descend(5);
    if (kind == 1) throw std::out_of_range("library range");
    std::string s("x");
    s.at(10);
}

int lib_call(int (*fn)(int), int x) {
    try {
        return fn(x);
    } catch (const std::logic_error &) {
        return -1; // not the type the callback throws: must pass through
    }
}

int lib_depth() { return depth_reached; }
