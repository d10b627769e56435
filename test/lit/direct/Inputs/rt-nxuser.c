/* libnxuser.so, linked -B direct against libnx.so: its call of nx() is recorded as bound to
 * libnx.so. */
const char *nx(void);
const char *nxuser(void) { return nx(); }
