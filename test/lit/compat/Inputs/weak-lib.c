extern int wfn(void) __attribute__((weak));
int lib_weak(void) { return wfn ? wfn() : 0; }
