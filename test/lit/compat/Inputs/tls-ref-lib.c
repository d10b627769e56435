extern __thread int ext_tls;
int get(void) { return ext_tls; }
