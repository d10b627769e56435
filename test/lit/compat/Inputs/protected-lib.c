__attribute__((visibility("protected"))) int pfn(void) { return 1; }
__attribute__((visibility("protected"))) int pvar = 5;
int call_pfn(void) { return pfn(); }
void *pfn_addr(void) { return (void*)pfn; }
int *pvar_addr(void) { return &pvar; }
