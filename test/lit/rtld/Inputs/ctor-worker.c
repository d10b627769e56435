/* The library whose functions the initialiser's thread calls through a lazy PLT slot. */
#include <rtld.h>
int worker_fn(int x) { return x * 3; }
int other_fn(int x) { return x + 1000; }
