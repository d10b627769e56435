/* Built against the current libver.so: api_old@@VERS_2.0 and VERS_2.0's functions. Its own
 * api_prot does not replace the library's protected one; ext_hook is the library's EXTERN. */
#include <stdio.h>
int api_old(void), api_new(void), call_prot(void);
extern int counter;
int api_prot(void) { return 99; }
int ext_hook(void) { return 1000; }
int main(void) {
  printf("new: api_old=%d api_new=%d call_prot=%d api_prot=%d counter=%d\n", api_old(), api_new(),
         call_prot(), api_prot(), counter);
  return 0;
}
