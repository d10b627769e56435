/* libchild.so: its pfn() reference is bound to its parent (rt-child.map). */
const char *pfn(void);
const char *child_call(void) { return pfn(); }
