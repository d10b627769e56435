/* TLS variables defined apart from their users (tls-threads.c): reached from there through
 * extern declarations, so non-PIC code uses IE sequences and -fPIC code GD sequences. */
__thread int t_ext = 42;
__thread long long t_ext_zero;

int *t_ext_addr(void) { return &t_ext; }
