/* A shared object defining it too: a hidden reference cannot bind to it. */
int hsym(void) { return 2; }
