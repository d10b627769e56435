/* pfn() defined twice: by libother.so (-DWHO='"other"', loaded first) and by libparent.so
 * (-DWHO='"parent"' -DPARENT), which needs libchild.so and calls its child_call().
 * libchild.so's reference to pfn is a mapfile PARENT symbol: bound directly to the object that
 * needs libchild.so. */
const char *pfn(void) { return WHO; }
#ifdef PARENT
const char *child_call(void);
const char *parent_child(void) { return child_call(); }
#endif
