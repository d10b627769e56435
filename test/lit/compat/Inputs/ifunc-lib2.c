int exe_ifn(void);
void *get_from_lib(void) { return (void *)exe_ifn; }
