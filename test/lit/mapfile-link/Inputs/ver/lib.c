/* libver.so. Built with -DOLD it is the first release: VERS_1.0 only, api_old returns 1. The
 * current release keeps api_old@VERS_1.0 for old programs, makes api_old@@VERS_2.0 (returning 21)
 * the default, and adds VERS_2.0's api_new, api_prot (protected: call_prot always reaches this
 * one) and call_prot. helper is reduced to a local by `*`; gone is eliminated (not even in
 * .symtab). ext_hook is EXTERN: the program that loads the library defines it. With
 * -DPROT_IN_SOURCE api_prot is protected by the compiler instead (for the GNU version script,
 * which has no protected scope). */
int counter = 7;

#ifdef OLD
int api_old(void) { return 1; }
#else
int helper(int x) { return x + 100; }
int gone(void) { return 5; }
int ext_hook(void);

int api_old_v1(void) { return 1; }
int api_old_v2(void) { return 21; }
__asm__(".symver api_old_v1, api_old@VERS_1.0");
__asm__(".symver api_old_v2, api_old@@VERS_2.0");

int api_new(void) { return helper(2) + gone() + ext_hook(); }

#ifdef PROT_IN_SOURCE
__attribute__((visibility("protected")))
#endif
int api_prot(void) { return 3; }
int call_prot(void) { return api_prot(); }
#endif
