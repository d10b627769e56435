/* libdlc.so: a dependency with TLS, reached only through a call: a lazy-loading candidate. */
__thread int c_tls = 5;
int c_fn(void) { return c_tls + 1; }
