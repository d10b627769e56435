/* The shared library of shlib-*.test: calls from the executable, a callback into it, data the
   executable reaches through a copy relocation, a function address compared across the two, an
   undefined weak function and a __thread variable defined here and used by the executable. */
#include <stdio.h>

int lib_counter = 100;
int lib_table[4] = {1, 2, 3, 4};
const char *lib_name = "shlib";
__thread int lib_tls = 7;
__thread long lib_tls_big[8] = {10, 20, 30, 40, 50, 60, 70, 80};

extern int exe_callback(int);
extern void weak_missing(void) __attribute__((weak));

int lib_add(int a, int b) { return a + b; }

int lib_call_back(int x) { return exe_callback(x) * 2; }

int lib_bump(void) { return ++lib_counter; }

int lib_sum_table(void) {
    int s = 0;
    for (int i = 0; i < 4; i++)
        s += lib_table[i];
    return s;
}

typedef int (*add_fn)(int, int);
add_fn lib_add_address(void) { return lib_add; }

int lib_has_weak(void) { return weak_missing != 0; }

int *lib_tls_address(void) { return &lib_tls; }

long lib_tls_sum(void) {
    long s = lib_tls;
    for (int i = 0; i < 8; i++)
        s += lib_tls_big[i];
    return s;
}
