/* One of two libraries defining who() and what() (built with -DNAME=a -DWHO='"A"' and
 * -DNAME=b -DWHO='"B"'): NAME_call() calls who(), NAME_what() calls what(), NAME_read() reads
 * NAME_data. Linked -B direct, these references are recorded as bound to the library itself. */
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define F(x) CAT(NAME, x)

const char *who(void) { return WHO; }
const char *what(void) { return WHO; }
const char *F(_call)(void) { return who(); }
const char *F(_what)(void) { return what(); }
int F(_data) = 7;
int F(_read)(void) { return F(_data); }
