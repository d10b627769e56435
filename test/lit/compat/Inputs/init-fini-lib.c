#include <unistd.h>
void my_init(void) { write(1, "init\n", 5); }
void my_fini(void) { write(1, "fini\n", 5); }
void _fini(void) {}
int lib_value(void) { return 42; }
