/* The runtime surface of rtld/include/rtld.h that is not dynamic linking or threads: system-call
 * wrappers with Linux semantics (-1 and a per-thread errno on failure), memory and string
 * helpers, snprintf, exit. These are exported; rtld's own code calls them only where noted, and
 * the build's -fno-tree-loop-distribute-patterns keeps the compiler from turning these loops into
 * calls to themselves. */
#include "rtld_int.h"

static long ret(long r) {
  if ((unsigned long)r > -4096ul) {
    rtld_self()->t_errno = (int)-r;
    return -1;
  }
  return r;
}

RTLD_EXPORT int *__errno_location(void) { return &rtld_self()->t_errno; }

RTLD_EXPORT ssize_t write(int fd, const void *b, size_t n) {
  return ret(rtld_sys3(RTLD_SYS_write, fd, (long)b, (long)n));
}
RTLD_EXPORT ssize_t read(int fd, void *b, size_t n) {
  return ret(rtld_sys3(RTLD_SYS_read, fd, (long)b, (long)n));
}
RTLD_EXPORT int open(const char *path, int flags, ...) {
  va_list ap;
  va_start(ap, flags);
  int mode = (flags & 0100) ? va_arg(ap, int) : 0;
  va_end(ap);
  return (int)ret(rtld_sys4(RTLD_SYS_openat, -100 /* AT_FDCWD */, (long)path, flags, mode));
}
RTLD_EXPORT int close(int fd) { return (int)ret(rtld_sys1(RTLD_SYS_close, fd)); }
RTLD_EXPORT int chdir(const char *path) { return (int)ret(rtld_sys1(RTLD_SYS_chdir, (long)path)); }
RTLD_EXPORT char *getcwd(char *buf, size_t size) {
  return ret(rtld_sys2(RTLD_SYS_getcwd, (long)buf, (long)size)) < 0 ? NULL : buf;
}
RTLD_EXPORT ssize_t readlink(const char *path, char *buf, size_t size) {
  return ret(rtld_sys4(RTLD_SYS_readlinkat, -100, (long)path, (long)buf, (long)size));
}
/* Through the vDSO when the kernel offers it (rtld/vdso.c); its functions return -errno. */
RTLD_EXPORT int clock_gettime(int clock, struct timespec *ts) {
  if (rtld_vdso_clock_gettime) return (int)ret(rtld_vdso_clock_gettime(clock, ts));
  return (int)ret(rtld_sys2(RTLD_SYS_clock_gettime, clock, (long)ts));
}
RTLD_EXPORT int gettimeofday(struct timeval *tv, void *tz) {
  if (rtld_vdso_gettimeofday) return (int)ret(rtld_vdso_gettimeofday(tv, tz));
  return (int)ret(rtld_sys2(RTLD_SYS_gettimeofday, (long)tv, (long)tz));
}
RTLD_EXPORT void _exit(int status) {
  for (;;) rtld_sys1(RTLD_SYS_exit_group, status);
}

static volatile int rtld_exiting;

RTLD_EXPORT void exit(int status) {
  if (!__sync_lock_test_and_set(&rtld_exiting, 1)) {
    rtld_run_exit_handlers();
    rtld_run_all_finis();
  }
  _exit(status);
}

RTLD_EXPORT void abort(void) {
  unsigned long m[8 / sizeof(unsigned long)];
  for (unsigned i = 0; i < sizeof m / sizeof m[0]; i++) m[i] = ~0ul;
  m[0] &= ~(1ul << (SIGABRT - 1));
  rtld_sys4(RTLD_SYS_rt_sigprocmask, SIG_SETMASK, (long)m, 0, 8);
  raise(SIGABRT);
  _exit(127);
}

RTLD_EXPORT void *mmap(void *a, size_t n, int prot, int flags, int fd, off_t off) {
  return (void *)ret(rtld_sys_mmap((uintptr_t)a, n, prot, flags, fd, (uint64_t)off));
}
RTLD_EXPORT int munmap(void *a, size_t n) {
  return (int)ret(rtld_sys2(RTLD_SYS_munmap, (long)a, (long)n));
}
RTLD_EXPORT int mprotect(void *a, size_t n, int prot) {
  return (int)ret(rtld_sys3(RTLD_SYS_mprotect, (long)a, (long)n, prot));
}
RTLD_EXPORT pid_t getpid(void) { return (pid_t)rtld_sys0(RTLD_SYS_getpid); }
RTLD_EXPORT pid_t gettid(void) { return (pid_t)rtld_sys0(RTLD_SYS_gettid); }
RTLD_EXPORT int kill(pid_t p, int sig) { return (int)ret(rtld_sys2(RTLD_SYS_kill, p, sig)); }
RTLD_EXPORT int tgkill(pid_t g, pid_t t, int sig) {
  return (int)ret(rtld_sys3(RTLD_SYS_tgkill, g, t, sig));
}
RTLD_EXPORT int raise(int sig) { return tgkill(getpid(), gettid(), sig); }
RTLD_EXPORT int nanosleep(const struct timespec *req, struct timespec *rem) {
  return (int)ret(rtld_sys2(RTLD_SYS_nanosleep, (long)req, (long)rem));
}
RTLD_EXPORT int sched_yield(void) { return (int)ret(rtld_sys0(RTLD_SYS_sched_yield)); }
/* Through prlimit64, whose 64-bit limits are the same on every target; a limit that does not fit
 * a 32-bit rlim_t reads as RLIM_INFINITY. */
RTLD_EXPORT int getrlimit(int res, struct rlimit *rl) {
  uint64_t k[2];
  long r = rtld_sys4(RTLD_SYS_prlimit64, 0, res, 0, (long)k);
  if (r < 0) return (int)ret(r);
  rl->rlim_cur = k[0] > (rlim_t)-1 ? RLIM_INFINITY : (rlim_t)k[0];
  rl->rlim_max = k[1] > (rlim_t)-1 ? RLIM_INFINITY : (rlim_t)k[1];
  return 0;
}
RTLD_EXPORT int setrlimit(int res, const struct rlimit *rl) {
  uint64_t k[2] = {rl->rlim_cur == RLIM_INFINITY ? ~0ull : rl->rlim_cur,
                   rl->rlim_max == RLIM_INFINITY ? ~0ull : rl->rlim_max};
  return (int)ret(rtld_sys4(RTLD_SYS_prlimit64, 0, res, (long)k, 0));
}

/* The kernel's sigaction: handler, flags, restorer, a 64-signal mask in words of the class's
 * width (signals 1-32 in the first word of a 32-bit target). SPARC ignores the restorer field and
 * takes the restorer as an argument (rtld_arch_rt_sigaction). */
struct rtld_ksigaction {
  void *k_handler;
  unsigned long k_flags;
  void (*k_restorer)(void);
  unsigned long k_mask[8 / sizeof(unsigned long)];
};

RTLD_EXPORT int sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
  struct rtld_ksigaction k, ko;
  void (*restorer)(void) = NULL;
  if (act) {
    restorer = RTLD_ARCH_SIGRESTORER(act->sa_flags & SA_SIGINFO);
    k.k_handler = (void *)act->sa_handler;
    k.k_flags = (unsigned long)(unsigned)act->sa_flags | RTLD_SA_RESTORER;
    k.k_restorer = restorer;
    for (unsigned i = 0; i < sizeof k.k_mask / sizeof k.k_mask[0]; i++)
      k.k_mask[i] = act->sa_mask.__val[i];
  }
  long r = rtld_arch_rt_sigaction(sig, act ? &k : NULL, old ? &ko : NULL, restorer);
  if (r < 0) return (int)ret(r);
  if (old) {
    sigemptyset(&old->sa_mask);
    old->sa_handler = (void (*)(int))ko.k_handler;
    old->sa_flags = (int)(ko.k_flags & ~RTLD_SA_RESTORER);
    for (unsigned i = 0; i < sizeof ko.k_mask / sizeof ko.k_mask[0]; i++)
      old->sa_mask.__val[i] = ko.k_mask[i];
    old->sa_restorer = NULL;
  }
  return 0;
}

RTLD_EXPORT int sigaltstack(const stack_t *ss, stack_t *old) {
  return (int)ret(rtld_sys2(RTLD_SYS_sigaltstack, (long)ss, (long)old));
}

RTLD_EXPORT int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  unsigned long o[8 / sizeof(unsigned long)] = {0};
  long r = rtld_sys4(RTLD_SYS_rt_sigprocmask, how, set ? (long)&set->__val[0] : 0, (long)o, 8);
  if (r < 0) return (int)ret(r);
  if (old) {
    sigemptyset(old);
    for (unsigned i = 0; i < sizeof o / sizeof o[0]; i++) old->__val[i] = o[i];
  }
  return 0;
}

RTLD_EXPORT void *memcpy(void *d, const void *s, size_t n) {
  char *dd = d;
  const char *ss = s;
  for (size_t i = 0; i < n; i++) dd[i] = ss[i];
  return d;
}
RTLD_EXPORT void *memmove(void *d, const void *s, size_t n) {
  char *dd = d;
  const char *ss = s;
  if (dd < ss)
    for (size_t i = 0; i < n; i++) dd[i] = ss[i];
  else
    for (size_t i = n; i-- > 0;) dd[i] = ss[i];
  return d;
}
RTLD_EXPORT void *memset(void *d, int c, size_t n) {
  unsigned char *dd = d;
  for (size_t i = 0; i < n; i++) dd[i] = (unsigned char)c;
  return d;
}
RTLD_EXPORT int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (size_t i = 0; i < n; i++)
    if (x[i] != y[i]) return x[i] - y[i];
  return 0;
}
RTLD_EXPORT size_t strlen(const char *s) { return rtld_strlen(s); }
RTLD_EXPORT int strcmp(const char *a, const char *b) { return rtld_strcmp(a, b); }

RTLD_EXPORT int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap) {
  return rtld_vfmt(buf, n, fmt, ap);
}
RTLD_EXPORT int snprintf(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = rtld_vfmt(buf, n, fmt, ap);
  va_end(ap);
  return r;
}
