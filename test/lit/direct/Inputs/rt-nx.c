/* nx() of libnx.so. Built twice: plainly, and with a mapfile that marks nx NODIRECT, so that a
 * library linked against the first refuses, at run time, the direct binding it recorded. */
const char *nx(void) { return "lib"; }
