/* libdlb.so: the other library defining who(); linked with -B direct, its own call of who() is
 * recorded as bound to itself (SYMINFO_BT_SELF, DIRECTBIND). */
const char *who(void) { return "B"; }
const char *b_call(void) { return who(); }
