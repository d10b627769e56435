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
  uint64_t m = ~(1ull << (SIGABRT - 1));
  rtld_sys4(RTLD_SYS_rt_sigprocmask, SIG_SETMASK, (long)&m, 0, 8);
  raise(SIGABRT);
  _exit(127);
}

RTLD_EXPORT void *mmap(void *a, size_t n, int prot, int flags, int fd, off_t off) {
  return (void *)ret(rtld_sys6(RTLD_SYS_mmap, (long)a, (long)n, prot, flags, fd, off));
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
RTLD_EXPORT int getrlimit(int res, struct rlimit *rl) {
  return (int)ret(rtld_sys2(RTLD_SYS_getrlimit, res, (long)rl));
}
RTLD_EXPORT int setrlimit(int res, const struct rlimit *rl) {
  return (int)ret(rtld_sys2(RTLD_SYS_setrlimit, res, (long)rl));
}

/* The kernel's sigaction: handler, flags, restorer, an 8-byte mask. */
struct rtld_ksigaction {
  void *k_handler;
  unsigned long k_flags;
  void (*k_restorer)(void);
  uint64_t k_mask;
};
#define RTLD_SA_RESTORER 0x04000000ul

RTLD_EXPORT int sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
  struct rtld_ksigaction k, ko;
  if (act) {
    k.k_handler = (void *)act->sa_handler;
    k.k_flags = (unsigned long)(unsigned)act->sa_flags | RTLD_SA_RESTORER;
    k.k_restorer = rtld_sigreturn;
    k.k_mask = act->sa_mask.__val[0];
  }
  long r = rtld_sys4(RTLD_SYS_rt_sigaction, sig, act ? (long)&k : 0, old ? (long)&ko : 0, 8);
  if (r < 0) return (int)ret(r);
  if (old) {
    sigemptyset(&old->sa_mask);
    old->sa_handler = (void (*)(int))ko.k_handler;
    old->sa_flags = (int)(ko.k_flags & ~RTLD_SA_RESTORER);
    old->sa_mask.__val[0] = ko.k_mask;
    old->sa_restorer = NULL;
  }
  return 0;
}

RTLD_EXPORT int sigaltstack(const stack_t *ss, stack_t *old) {
  return (int)ret(rtld_sys2(RTLD_SYS_sigaltstack, (long)ss, (long)old));
}

RTLD_EXPORT int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  uint64_t o = 0;
  long r = rtld_sys4(RTLD_SYS_rt_sigprocmask, how, set ? (long)&set->__val[0] : 0, (long)&o, 8);
  if (r < 0) return (int)ret(r);
  if (old) {
    sigemptyset(old);
    old->__val[0] = o;
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
