/* An interposer candidate: who() and what() return WHO. Preloaded, linked -z interpose, or
 * loaded as an ordinary dependency (where DF_1_INTERPOSE means nothing). */
const char *who(void) { return WHO; }
const char *what(void) { return WHO; }
