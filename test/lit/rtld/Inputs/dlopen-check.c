/* dlopen each file named on the command line (RTLD_NOW) and report, one line each, whether it
 * loaded or why not; a failed dlopen must leave the object list as it was. Used by the malformed
 * object tests and by scripts/rtld-mutate.py. */
#include "out.h"

static int count_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)info, (void)size;
  ++*(int *)data;
  return 0;
}
static int objects(void) {
  int n = 0;
  dl_iterate_phdr(count_cb, &n);
  return n;
}

#ifndef PLAIN
/* A fault is the loader's unless the faulting instruction is in the object being opened (a
 * mutated object's own initialiser may fault: no loader can prevent that). */
static const char *current;
static char altstack[65536];
static void fault(int sig, siginfo_t *si, void *ucv) {
  (void)si;
  void *pc = *(void **)((char *)ucv + 168); /* uc_mcontext.gregs[REG_RIP] on x86-64 */
  Dl_info di;
  const char *where = dladdr(pc, &di) && di.dli_fname ? di.dli_fname : "?";
  size_t n = strlen(where), m = strlen(current);
  if (n >= m && !strcmp(where + n - m, current)) {
    out("signal %d in the object's own code\n", sig);
    _exit(3);
  }
  out("FAIL signal %d at %p in %s\n", sig, pc, where);
  _exit(4);
}
#endif

int main(int argc, char **argv) {
  int fails = 0;
#ifndef PLAIN
  stack_t ss = {altstack, 0, sizeof altstack};
  sigaltstack(&ss, 0);
  struct sigaction sa;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sa.sa_sigaction = fault;
  sigaction(SIGSEGV, &sa, 0);
  sigaction(SIGBUS, &sa, 0);
  sigaction(SIGILL, &sa, 0);
  sigaction(SIGFPE, &sa, 0);
#endif
  for (int i = 1; i < argc; i++) {
    int before = objects();
#ifndef PLAIN
    current = argv[i];
#endif
    void *h = dlopen(argv[i], RTLD_NOW);
    if (h) {
      /* A lookup that misses walks a hash chain of every object in the handle's scope. */
      out("%d: loaded%s\n", i, dlsym(h, "no_such_symbol_anywhere") ? " (found a missing symbol)" : "");
      dlclose(h);
      continue; /* a NODELETE or static-TLS object stays: that is no leak */
    } else {
      const char *e = dlerror();
      const char *name = argv[i], *base = name;
      for (; *name; name++)
        if (*name == '/') base = name + 1;
      /* print the message without the directory part of the path */
      const char *m = e ? e : "(no message)";
      for (const char *p = m; *p; p++)
        if (!memcmp(p, base, strlen(base))) {
          m = p;
          break;
        }
      out("%d: refused: %s\n", i, m);
      if (!e) out("FAIL %d: no dlerror message\n", i), fails++;
    }
    if (objects() != before)
      out("FAIL %d: %d objects before, %d after\n", i, before, objects()), fails++;
  }
  return fails != 0;
}
