/* The runtime surface of tld's runtime linker, ld.so.1 (see ld.so.1(1)).
 *
 * Programs that run on ld.so.1 are built freestanding (`-ffreestanding -nostdinc -I
 * rtld/include`), so this header stands alone: it declares the few types it needs itself and
 * includes nothing. Every function below is exported by ld.so.1 with the standard name and
 * signature; every constant has its Linux (and glibc) value on the target being compiled for
 * (x86-64, i386, 32-bit SPARC or SPARC V9: SPARC numbers signals, some errno values and some
 * flags differently), so code written against the usual headers reads the same here. */
#ifndef TLD_RTLD_INCLUDE_RTLD_H
#define TLD_RTLD_INCLUDE_RTLD_H

#ifdef __cplusplus
extern "C" {
#endif

/* ---- basic types ------------------------------------------------------------------------- */

typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __PTRDIFF_TYPE__ ssize_t;
typedef long off_t;
typedef int pid_t;
typedef long time_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINTPTR_TYPE__ uintptr_t;
typedef __INTPTR_TYPE__ intptr_t;
typedef __builtin_va_list va_list;
#ifndef va_start
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(d, s) __builtin_va_copy(d, s)
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

/* ---- errno (one per thread) ---------------------------------------------------------------- */

int *__errno_location(void);
#define errno (*__errno_location())
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EAGAIN 11
#define ENOMEM 12
#define EFAULT 14
#define EBUSY 16
#define EINVAL 22
#ifdef __sparc__
#define ENOSYS 90
#define EDEADLK 78
#else
#define ENOSYS 38
#define EDEADLK 35
#endif
#ifdef __sparc__
#define ETIMEDOUT 60
#else
#define ETIMEDOUT 110
#endif

/* ---- system calls (Linux semantics; -1 and errno on failure) -------------------------------- */

#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS
#ifdef __sparc__
#define MAP_NORESERVE 0x40
#else
#define MAP_NORESERVE 0x4000
#endif
#define MAP_FAILED ((void *)-1)

struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIM_INFINITY (~0UL)
typedef unsigned long rlim_t;
struct rlimit {
  rlim_t rlim_cur;
  rlim_t rlim_max;
};

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#ifdef __sparc__
#define O_APPEND 0x8
#define O_CREAT 0x200
#define O_TRUNC 0x400
#define O_CLOEXEC 0x400000
#else
#define O_CREAT 0100
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_CLOEXEC 02000000
#endif

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
struct timeval {
  time_t tv_sec;
#if defined(__sparc__) && __SIZEOF_POINTER__ == 8
  int tv_usec; /* suseconds_t is int on SPARC V9 */
#else
  long tv_usec;
#endif
};

int open(const char *path, int flags, ...);
int close(int fd);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
ssize_t readlink(const char *path, char *buf, size_t size);
/* Through the vDSO where the kernel offers one. */
int clock_gettime(int clock, struct timespec *ts);
int gettimeofday(struct timeval *tv, void *tz);
ssize_t write(int fd, const void *buf, size_t n);
ssize_t read(int fd, void *buf, size_t n);
void _exit(int status) __attribute__((noreturn));
void exit(int status) __attribute__((noreturn)); /* runs finalisers first */
void abort(void) __attribute__((noreturn));
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
pid_t getpid(void);
pid_t gettid(void);
int kill(pid_t pid, int sig);
int tgkill(pid_t tgid, pid_t tid, int sig);
int raise(int sig);
int nanosleep(const struct timespec *req, struct timespec *rem);
int sched_yield(void);
int getrlimit(int resource, struct rlimit *rl);
int setrlimit(int resource, const struct rlimit *rl);

/* ---- signals ------------------------------------------------------------------------------ */

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGFPE 8
#define SIGKILL 9
#define SIGSEGV 11
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#ifdef __sparc__
#define SIGEMT 7
#define SIGBUS 10
#define SIGSYS 12
#define SIGURG 16
#define SIGSTOP 17
#define SIGTSTP 18
#define SIGCONT 19
#define SIGCHLD 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGIO 23
#define SIGPWR 29
#define SIGUSR1 30
#define SIGUSR2 31
#else
#define SIGBUS 7
#define SIGUSR1 10
#define SIGUSR2 12
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31
#endif
#define NSIG 65

#ifdef __sparc__
#define SA_ONSTACK 0x00000001
#define SA_RESTART 0x00000002
#define SA_RESETHAND 0x00000004
#define SA_NOCLDSTOP 0x00000008
#define SA_NODEFER 0x00000020
#define SA_NOCLDWAIT 0x00000100
#define SA_SIGINFO 0x00000200
#else
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#endif

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

typedef struct {
  unsigned long __val[1024 / (8 * sizeof(unsigned long))];
} sigset_t;

typedef struct {
  int si_signo;
  int si_errno;
  int si_code;
#if __SIZEOF_POINTER__ == 8
  int __pad0;
#endif
  union {
    int __pad[28];
    struct {
      pid_t si_pid;
      unsigned si_uid;
    } __kill;
    void *si_addr;
  } __u;
} siginfo_t;
#define si_pid __u.__kill.si_pid
#define si_addr __u.si_addr

typedef void (*sighandler_t)(int);
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

struct sigaction {
  union {
    void (*sa_handler)(int);
    void (*sa_sigaction)(int, siginfo_t *, void *);
  } __sa;
  sigset_t sa_mask;
  int sa_flags;
  void (*sa_restorer)(void); /* ignored: ld.so.1 supplies its own */
};
#define sa_handler __sa.sa_handler
#define sa_sigaction __sa.sa_sigaction

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);

typedef struct {
  void *ss_sp;
  int ss_flags;
  size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
int sigaltstack(const stack_t *ss, stack_t *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);

static inline int sigemptyset(sigset_t *s) {
  for (unsigned i = 0; i < sizeof s->__val / sizeof s->__val[0]; i++) s->__val[i] = 0;
  return 0;
}
static inline int sigfillset(sigset_t *s) {
  for (unsigned i = 0; i < sizeof s->__val / sizeof s->__val[0]; i++) s->__val[i] = ~0UL;
  return 0;
}
static inline int sigaddset(sigset_t *s, int sig) {
  s->__val[(sig - 1) / 64] |= 1UL << ((sig - 1) % 64);
  return 0;
}
static inline int sigdelset(sigset_t *s, int sig) {
  s->__val[(sig - 1) / 64] &= ~(1UL << ((sig - 1) % 64));
  return 0;
}
static inline int sigismember(const sigset_t *s, int sig) {
  return (s->__val[(sig - 1) / 64] >> ((sig - 1) % 64)) & 1;
}

/* ---- memory and strings ------------------------------------------------------------------- */

void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
/* %d %i %u %x %X %s %p %c %%, with l/ll/z, a width and the 0 and - flags. */
int snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);

/* ---- threads ------------------------------------------------------------------------------ */

typedef unsigned long pthread_t;
typedef union {
  char __size[56];
  long __align;
} pthread_attr_t;
#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

int pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg);
int pthread_join(pthread_t t, void **result);
int pthread_detach(pthread_t t);
void pthread_exit(void *result) __attribute__((noreturn));
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_attr_init(pthread_attr_t *a);
int pthread_attr_destroy(pthread_attr_t *a);
int pthread_attr_setstacksize(pthread_attr_t *a, size_t size);
int pthread_attr_setdetachstate(pthread_attr_t *a, int state);

/* Thread-specific data: PTHREAD_KEYS_MAX keys, destructors run at thread exit for up to
 * PTHREAD_DESTRUCTOR_ITERATIONS rounds. */
typedef unsigned pthread_key_t;
#define PTHREAD_KEYS_MAX 1024
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
int pthread_key_create(pthread_key_t *key, void (*dtor)(void *));
int pthread_key_delete(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);
void *pthread_getspecific(pthread_key_t key);

typedef int pthread_once_t;
#define PTHREAD_ONCE_INIT 0
int pthread_once(pthread_once_t *once, void (*fn)(void));

/* Process-private mutexes (normal, recursive, error-checking) and condition variables on
 * futexes; the sizes and static initialisers are glibc's. */
typedef union {
  char __size[40];
  long __align;
} pthread_mutex_t;
typedef struct {
  int __kind;
} pthread_mutexattr_t;
typedef union {
  char __size[48];
  long long __align;
} pthread_cond_t;
#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_INITIALIZER                                                                  \
  {                                                                                                \
    { 0 }                                                                                          \
  }
#define PTHREAD_COND_INITIALIZER                                                                   \
  {                                                                                                \
    { 0 }                                                                                          \
  }
int pthread_mutexattr_init(pthread_mutexattr_t *a);
int pthread_mutexattr_destroy(pthread_mutexattr_t *a);
int pthread_mutexattr_settype(pthread_mutexattr_t *a, int kind);
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_cond_init(pthread_cond_t *c, const void *attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);

/* Exit handlers: run at exit() (latest first, before the finalisers) and, for an object's own
 * handlers, when dlclose unloads it. thread_local destructors run at thread exit (and at exit()
 * for the calling thread); the object stays loaded until they have run. */
int atexit(void (*fn)(void));
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso_handle);
void __cxa_finalize(void *dso_handle);
int __cxa_thread_atexit_impl(void (*fn)(void *), void *obj, void *dso_handle);
int __cxa_thread_atexit(void (*fn)(void *), void *obj, void *dso_handle);

/* ---- dynamic linking ---------------------------------------------------------------------- */

#define RTLD_LAZY 0x00001
#define RTLD_NOW 0x00002
#define RTLD_NOLOAD 0x00004
#define RTLD_GLOBAL 0x00100
#define RTLD_LOCAL 0
#define RTLD_NODELETE 0x01000
#define RTLD_DEFAULT ((void *)0)
#define RTLD_NEXT ((void *)-1l)

#define RTLD_DI_LMID 1
#define RTLD_DI_LINKMAP 2
#define RTLD_DI_ORIGIN 6
#define RTLD_DI_TLS_MODID 9
#define RTLD_DI_TLS_DATA 10

typedef struct {
  const char *dli_fname;
  void *dli_fbase;
  const char *dli_sname;
  void *dli_saddr;
} Dl_info;

typedef struct {
  uint32_t p_type;
  uint32_t p_flags;
  uint64_t p_offset;
  uint64_t p_vaddr;
  uint64_t p_paddr;
  uint64_t p_filesz;
  uint64_t p_memsz;
  uint64_t p_align;
} Elf64_Phdr;

typedef struct {
  uint32_t p_type;
  uint32_t p_offset;
  uint32_t p_vaddr;
  uint32_t p_paddr;
  uint32_t p_filesz;
  uint32_t p_memsz;
  uint32_t p_flags;
  uint32_t p_align;
} Elf32_Phdr;

/* ElfW(Phdr): the program header of the class being compiled for. */
#if __SIZEOF_POINTER__ == 8
#define ElfW(type) Elf64_##type
#else
#define ElfW(type) Elf32_##type
#endif

struct dl_phdr_info {
  uintptr_t dlpi_addr;
  const char *dlpi_name;
  const ElfW(Phdr) * dlpi_phdr;
  uint16_t dlpi_phnum;
  unsigned long long dlpi_adds;
  unsigned long long dlpi_subs;
  size_t dlpi_tls_modid;
  void *dlpi_tls_data;
};

/* The public head of every loaded object (RTLD_DI_LINKMAP). */
struct link_map {
  uintptr_t l_addr;
  char *l_name;
  void *l_ld;
  struct link_map *l_next;
  struct link_map *l_prev;
};

typedef struct {
  unsigned long ti_module;
  unsigned long ti_offset;
} tls_index;

void *dlopen(const char *file, int mode);
void *dlsym(void *handle, const char *name);
int dlclose(void *handle);
char *dlerror(void);
int dladdr(const void *addr, Dl_info *info);
int dlinfo(void *handle, int request, void *arg);
int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *info, size_t size, void *data), void *data);
void *__tls_get_addr(tls_index *ti);
void *dlvsym(void *handle, const char *name, const char *version);

/* glibc's interface for unwinders (libgcc uses it when present): the object holding pc, its
 * mapped range and its PT_GNU_EH_FRAME. Lock-free and async-signal-safe. */
struct dl_find_object {
  unsigned long long dlfo_flags;
  void *dlfo_map_start;
  void *dlfo_map_end;
  struct link_map *dlfo_link_map;
  void *dlfo_eh_frame;
  unsigned long long __dlfo_reserved[7];
};
int _dl_find_object(void *pc, struct dl_find_object *result);

#ifdef __cplusplus
}
#endif
#endif
