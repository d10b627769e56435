int wfn(void) { return 11; }
int hfn(void) { return 22; }
