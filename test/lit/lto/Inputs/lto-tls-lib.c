/* A shared library built with LTO: thread-local data defined here and used by the program,
 * symbol versions (an old and a default version of vfunc), and a version script that keeps
 * everything else local. */
__thread int tls_shared = 100;
static __thread int tls_private = 5;

int tls_add(int n) {
  tls_private += n;
  return tls_shared + tls_private;
}

__attribute__((symver("vfunc@VERS_1"))) int vfunc_old(void) { return 1; }
__attribute__((symver("vfunc@@VERS_2"))) int vfunc_new(void) { return 2; }

int internal_helper(int x) { return x * 3; }
int lib_api(int x) { return internal_helper(x) + 1; }
