/* libu.so, linked -B direct against libdla.so (lazily loaded): u_call() calls who(). */
const char *who(void);
const char *u_call(void) { return who(); }
