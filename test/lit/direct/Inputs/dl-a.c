/* libdla.so: one of two libraries defining who(). */
const char *who(void) { return "A"; }
const char *a_call(void) { return who(); }
int a_data = 7;
