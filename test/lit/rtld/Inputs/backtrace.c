/* A backtrace through a signal frame with libgcc's unwinder: the handler, the signal-return
 * trampoline (a signal frame, described by ld.so.1's frame information), the interrupted
 * function and its callers. libgcc finds frame information through _dl_find_object. */
#include "out.h"

struct _Unwind_Context;
typedef int (*trace_fn)(struct _Unwind_Context *, void *);
int _Unwind_Backtrace(trace_fn, void *);
unsigned long _Unwind_GetIPInfo(struct _Unwind_Context *, int *);

static int step(struct _Unwind_Context *c, void *arg) {
  (void)arg;
  int before = 0;
  unsigned long ip = _Unwind_GetIPInfo(c, &before);
  Dl_info di;
  /* The frame a signal interrupted has an exact pc (before_insn); others a return address. */
  if (!dladdr((void *)(before ? ip : ip - 1), &di)) return out("frame: ?\n"), 0;
  if (di.dli_sname) out("frame: %s%s\n", di.dli_sname, before ? " (interrupted)" : "");
  else out("frame: in %s\n", di.dli_fname + strlen(di.dli_fname) - 7);
  return 0;
}

volatile int depth;
void handler(int sig) {
  (void)sig;
  _Unwind_Backtrace(step, 0);
  depth++; /* not a tail call */
}

__attribute__((noinline)) void interrupted(void) {
  raise(SIGUSR1);
  depth++;
}

int main(void) {
  struct sigaction sa;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sa.sa_handler = handler;
  sigaction(SIGUSR1, &sa, 0);
  interrupted();
  return 0;
}

/* libgcc's frame lookup links against an allocator it does not use here. */
static char arena[65536];
static unsigned long used;
void *malloc(size_t n) {
  void *p = arena + used;
  used += (n + 15) & ~15ul;
  return used <= sizeof arena ? p : 0;
}
void free(void *p) { (void)p; }
