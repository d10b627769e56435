/* Small translation units for the resolution tests (resolution-x64.test), one per -D: each is
 * compiled with or without -flto, and the plugin's resolutions are compared with GNU ld's. */
#if defined(S1) /* a library: exported, hidden, local by version script, weak, common */
int exported(int x) { return x + 1; }
static int hidden_helper(int x) { return x * 3; }
__attribute__((visibility("hidden"))) int hid(int x) { return hidden_helper(x); }
int localized(int x) { return hid(x) + exported(x); }
int api(int x) { return localized(x); }
int common_var;
__attribute__((weak)) int weakdef(void) { return 1; }
extern int undef_weak __attribute__((weak));
int use(void) { return &undef_weak != 0; }
__attribute__((visibility("protected"))) int prot(void) { return 1; }
__attribute__((visibility("internal"))) int intl(void) { return 2; }
int use2(void) { return prot() + intl(); }
#elif defined(MAIN)
int api(int);
int main(void) { return api(1) - 5; }
#elif defined(DSO) /* a shared object that calls back into the program */
int cb(void);
int dso_def(void) { return 5; }
int dso_call(void) { return cb(); }
#elif defined(E1) /* the program: defines cb and dso_def, uses linker-defined symbols, --wrap */
#include <stdio.h>
int dso_call(void);
int cb(void) { return 7; }
int dso_def(void) { return 9; }
extern char _end[], __bss_start[], __start_mysec[], __ehdr_start[];
extern int defsym_sym;
__attribute__((section("mysec"), used)) int in_sec = 1;
int wrapped(int x);
int main(void) {
  printf("%d %p %p %p %p %p %d\n", dso_call(), (void *)_end, (void *)__bss_start,
         (void *)__start_mysec, (void *)__ehdr_start, (void *)&defsym_sym, wrapped(1));
  return 0;
}
#elif defined(WRAP)
int wrapped(int x) { return x; }
int __real_wrapped(int);
int __wrap_wrapped(int x) { return __real_wrapped(x) + 100; }
#elif defined(WK) /* a weak and a strong definition */
__attribute__((weak)) int wk(void) { return 1; }
int strongdef(void) { return 2; }
#elif defined(WK2)
int wk(void) { return 3; }
__attribute__((weak)) int strongdef(void) { return 4; }
int main(void) { return wk() + strongdef() - 5; }
#elif defined(CM) /* commons */
int cvar;
int main(void) { return cvar; }
#elif defined(CMDEF)
int cvar = 0;
#elif defined(CMCOM)
int cvar;
#elif defined(WEAKREF)
extern int wk(void) __attribute__((weak));
int callwk(void) { return wk ? wk() - 1 : 0; }
#elif defined(D)
int cvar = 0;
int wk(void) { return 1; }
int callwk(void);
int main(void) { return cvar + callwk(); }
#elif defined(CB) /* a definition a shared object refers to */
int cb(void) { return 7; }
int main(void) { return 0; }
#endif
