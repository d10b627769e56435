/* The archive member defining the hidden reference. */
int hsym(void) { return 1; }
