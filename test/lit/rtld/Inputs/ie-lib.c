/* An initial-exec TLS library (DF_STATIC_TLS) meant for dlopen: SIZE bytes of initialised TLS
 * named NAME, read through IE code here and through GD code in ie-lib-gd.c. */
#include <rtld.h>
#define CAT2(a, b) a##_##b
#define CAT(a, b) CAT2(a, b)
__attribute__((tls_model("initial-exec"))) __thread int CAT(NAME, val) = VALUE;
__attribute__((tls_model("initial-exec"))) __thread char CAT(NAME, buf)[SIZE] = "image";
int *CAT(NAME, ie_addr)(void) { return &CAT(NAME, val); }
int CAT(NAME, get)(void) { return CAT(NAME, val) + (CAT(NAME, buf)[0] == 'i' ? 0 : 1000000); }
