/* A library with a strong reference it does not satisfy itself, and a weak one. */
extern int missing_fn(void);
extern int weak_fn(void) __attribute__((weak));
int lib_call(void) { return missing_fn() + (weak_fn ? weak_fn() : 0); }
