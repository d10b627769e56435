/* Thread-local data defined in one LTO unit and used in another. */
__thread int tls_other_unit = 1000;
int other_unit_get(void) { return tls_other_unit++; }
