/* A lazily loaded library: NAME_fn() returns VALUE, NAME_data is VALUE. With -DCALLS=other, it
 * needs `other`_fn() (its own lazily loaded dependency). */
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define F(x) CAT(NAME, x)

#ifdef CALLS
int CAT(CALLS, _fn)(void);
int F(_fn)(void) { return VALUE + CAT(CALLS, _fn)(); }
#else
int F(_fn)(void) { return VALUE; }
#endif
int F(_data) = VALUE;
