/* An IFUNC defined in a library, an alias of it, and the address the library sees. */
static int impl(void) { return 5; }
static void *resolve(void) { return (void *)impl; }
int ifn(void) __attribute__((ifunc("resolve")));
int alias_ifn(void) __attribute__((alias("ifn")));
void *lib_addr(void) { return (void *)ifn; }
void *lib_alias_addr(void) { return (void *)alias_ifn; }
