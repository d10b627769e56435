/* Small freestanding helpers: strings, formatting, the allocator, futex locks, signal masks.
 * Contract: usable from stage 2 on (needs relocated data); the allocator and the locks need no
 * thread pointer, so they work before the first TCB exists. */
#include "rtld_int.h"

size_t rtld_strlen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

int rtld_strcmp(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return (unsigned char)*a - (unsigned char)*b;
}

int rtld_strncmp(const char *a, const char *b, size_t n) {
  for (; n; n--, a++, b++) {
    if (*a != *b) return (unsigned char)*a - (unsigned char)*b;
    if (!*a) return 0;
  }
  return 0;
}

const char *rtld_strchr(const char *s, int c) {
  for (; *s; s++)
    if (*s == (char)c) return s;
  return c ? NULL : s;
}

char *rtld_strndup(const char *s, size_t n) {
  char *d = rtld_alloc(n + 1);
  if (!d) return NULL;
  for (size_t i = 0; i < n; i++) d[i] = s[i];
  d[n] = 0;
  return d;
}

char *rtld_strdup(const char *s) { return rtld_strndup(s, rtld_strlen(s)); }

const char *rtld_getenv(const char *name) {
  size_t n = rtld_strlen(name);
  for (char **e = rtld_g.g_envp; e && *e; e++)
    if (!rtld_strncmp(*e, name, n) && (*e)[n] == '=') return *e + n + 1;
  return NULL;
}

/* ---- formatting ---------------------------------------------------------------------------- */

struct rtld_out {
  char *buf;
  size_t cap, len;
};

static void out_c(struct rtld_out *o, char c) {
  if (o->len + 1 < o->cap) o->buf[o->len] = c;
  o->len++;
}

static void out_pad(struct rtld_out *o, const char *s, size_t n, int width, int left, char pad) {
  int fill = width > (int)n ? width - (int)n : 0;
  if (!left)
    while (fill-- > 0) out_c(o, pad);
  for (size_t i = 0; i < n; i++) out_c(o, s[i]);
  if (left)
    while (fill-- > 0) out_c(o, ' ');
}

/* *v /= base, returning the remainder, in 32-bit steps: a 32-bit target has no 64-bit division
 * instruction, and rtld links no libgcc. base < 2^16. */
static unsigned divmod(unsigned long long *v, unsigned base) {
  uint32_t hi = (uint32_t)(*v >> 32), lo = (uint32_t)*v;
  uint32_t qhi = hi / base, r = hi % base;
  uint32_t t = r << 16 | lo >> 16, q1 = t / base;
  r = t % base;
  t = r << 16 | (lo & 0xffff);
  uint32_t q0 = t / base;
  *v = (unsigned long long)qhi << 32 | q1 << 16 | q0;
  return t % base;
}

#define RTLD_UARG(ap, lng)                                                                         \
  ((lng) > 1 ? va_arg(ap, unsigned long long)                                                      \
   : (lng)   ? va_arg(ap, unsigned long)                                                           \
             : va_arg(ap, unsigned))

/* %d %i %u %x %X %s %p %c %% with l, ll, z, j, t, h, a width (or *) and the 0 and - flags. */
int rtld_vfmt(char *buf, size_t cap, const char *fmt, va_list ap) {
  struct rtld_out o = {buf, cap, 0};
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      out_c(&o, *fmt);
      continue;
    }
    fmt++;
    int left = 0, zero = 0, width = 0, lng = 0;
    for (;; fmt++) {
      if (*fmt == '-') left = 1;
      else if (*fmt == '0') zero = 1;
      else break;
    }
    if (*fmt == '*') {
      width = va_arg(ap, int);
      fmt++;
    }
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    /* lng: 1 for long, size_t and ptrdiff_t; 2 for long long and intmax_t. */
    for (;; fmt++) {
      if (*fmt == 'l') lng++;
      else if (*fmt == 'z' || *fmt == 't') lng = 1;
      else if (*fmt == 'j') lng = 2;
      else if (*fmt != 'h') break;
    }
    char tmp[24];
    size_t n = 0;
    unsigned long long v = 0;
    int neg = 0, base = 10, upper = 0;
    switch (*fmt) {
    case 'd':
    case 'i': {
      long long s = lng > 1 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
      neg = s < 0;
      v = neg ? -(unsigned long long)s : (unsigned long long)s;
      goto number;
    }
    case 'u': v = RTLD_UARG(ap, lng); goto number;
    case 'X':
      upper = 1;
      /* fall through */
    case 'x':
      v = RTLD_UARG(ap, lng);
      base = 16;
      goto number;
    case 'p':
      v = (uintptr_t)va_arg(ap, void *);
      if (!v) {
        out_pad(&o, "(nil)", 5, width, left, ' ');
        break;
      }
      base = 16;
      out_c(&o, '0');
      out_c(&o, 'x');
      goto number;
    number:
      do {
        unsigned d = divmod(&v, (unsigned)base);
        tmp[sizeof tmp - 1 - n++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
      } while (v);
      if (neg) {
        if (zero && !left) {
          out_c(&o, '-');
          if (width) width--;
        } else {
          tmp[sizeof tmp - 1 - n++] = '-';
        }
      }
      out_pad(&o, tmp + sizeof tmp - n, n, width, left, zero && !left ? '0' : ' ');
      break;
    case 's': {
      const char *s = va_arg(ap, const char *);
      if (!s) s = "(null)";
      out_pad(&o, s, rtld_strlen(s), width, left, ' ');
      break;
    }
    case 'c':
      tmp[0] = (char)va_arg(ap, int);
      out_pad(&o, tmp, 1, width, left, ' ');
      break;
    case '%': out_c(&o, '%'); break;
    case 0: fmt--; break;
    default: out_c(&o, '%'); out_c(&o, *fmt);
    }
  }
  if (cap) buf[o.len < cap ? o.len : cap - 1] = 0;
  return (int)o.len;
}

int rtld_fmt(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = rtld_vfmt(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

static void rtld_write_all(int fd, const char *s, size_t n) {
  while (n) {
    long r = rtld_sys3(RTLD_SYS_write, fd, (long)s, (long)n);
    if (r == -4) continue;
    if (r <= 0) return;
    s += r;
    n -= (size_t)r;
  }
}

void rtld_printf(int fd, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = rtld_vfmt(buf, sizeof buf, fmt, ap);
  va_end(ap);
  rtld_write_all(fd, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
}

void rtld_debug(unsigned cat, const char *fmt, ...) {
  static const char *const names[] = {"files", "bindings", "tls", "reloc"};
  if (!(rtld_g.g_debug & cat)) return;
  char buf[1024];
  int k = 0;
  while (!(((cat & rtld_g.g_debug) >> k) & 1)) k++; /* the first category asked for */
  int n = rtld_fmt(buf, sizeof buf, "ld.so.1: %d: %s: ", (int)rtld_sys0(RTLD_SYS_getpid), names[k]);
  va_list ap;
  va_start(ap, fmt);
  n += rtld_vfmt(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
  va_end(ap);
  if (n > (int)sizeof buf - 2) n = (int)sizeof buf - 2;
  buf[n++] = '\n';
  rtld_write_all(2, buf, (size_t)n);
}

void rtld_fatal(const char *fmt, ...) {
  char buf[1024];
  int n = rtld_fmt(buf, sizeof buf,
                   "ld.so.1: %s: fatal: ", rtld_g.g_progname ? rtld_g.g_progname : "?");
  va_list ap;
  va_start(ap, fmt);
  n += rtld_vfmt(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
  va_end(ap);
  if (n > (int)sizeof buf - 2) n = (int)sizeof buf - 2;
  buf[n++] = '\n';
  rtld_write_all(2, buf, (size_t)n);
  rtld_sys1(RTLD_SYS_exit_group, 127);
  for (;;) {}
}

/* ---- memory -------------------------------------------------------------------------------- */

void *rtld_mmap(size_t len) {
  long r = rtld_sys_mmap(0, len, 3 /* RW */, 0x22 /* PRIVATE|ANON */, -1, 0);
  return (unsigned long)r > -4096UL ? NULL : (void *)r;
}

void rtld_munmap(void *p, size_t len) { rtld_sys2(RTLD_SYS_munmap, (long)p, (long)len); }

/* struct statx: stx_mode (16 bits) at 28, stx_ino at 32, stx_size at 40, stx_dev_major/minor at
 * 136/140; 256 bytes. */
int rtld_fstat(int fd, uint64_t *dev, uint64_t *ino, uint64_t *size, unsigned *mode) {
  uint64_t b[32];
  long r = rtld_sys5(RTLD_SYS_statx, fd, (long)"", 0x1000 /* AT_EMPTY_PATH */,
                     0x2 | 0x100 | 0x200 /* STATX_MODE | STATX_INO | STATX_SIZE */, (long)b);
  if (r < 0) return -1;
  const uint32_t *w = (const uint32_t *)b;
  *mode = ((const uint16_t *)b)[14];
  *ino = b[4];
  *size = b[5];
  *dev = (uint64_t)w[34] << 32 | w[35];
  return 0;
}

/* A size-class allocator for rtld's own bookkeeping (objects, names, descriptors). Classes are
 * powers of two from 16 to 2048 bytes carved from 64 KiB chunks; larger requests get their own
 * mapping. Each block has an 16-byte header holding its class (or its mapping length). rtld never
 * calls this from the TLS slow path or a signal handler. */
#define RTLD_NCLASS 8
static void *rtld_free_lists[RTLD_NCLASS];
static char *rtld_chunk_cur, *rtld_chunk_end;
static volatile int rtld_alloc_lock;

void *rtld_alloc(size_t n) {
  size_t need = n + 16;
  if (need > 2048) {
    size_t len = rtld_align_up(need, 4096);
    uint64_t *m = rtld_mmap(len);
    if (!m) return NULL;
    m[0] = len;
    m[1] = 0xffff;
    return m + 2;
  }
  unsigned k = 0;
  while ((16u << k) < need) k++;
  rtld_lock(&rtld_alloc_lock);
  uint64_t *b = rtld_free_lists[k];
  int reused = b != NULL;
  if (b) {
    rtld_free_lists[k] = *(void **)(b + 2);
  } else {
    size_t sz = 16u << k;
    if (rtld_chunk_end - rtld_chunk_cur < (long)sz) {
      char *c = rtld_mmap(65536);
      if (!c) {
        rtld_unlock(&rtld_alloc_lock);
        return NULL;
      }
      rtld_chunk_cur = c;
      rtld_chunk_end = c + 65536;
    }
    b = (uint64_t *)rtld_chunk_cur;
    rtld_chunk_cur += sz;
  }
  rtld_unlock(&rtld_alloc_lock);
  b[0] = 16u << k;
  b[1] = k;
  /* A fresh chunk is zero already (anonymous mapping); a reused block is cleared a word at a
   * time (every block is a multiple of 16 bytes). */
  uint64_t *p = b + 2;
  if (reused)
    for (size_t i = 0; i < (n + 7) / 8; i++) p[i] = 0;
  return p;
}

void rtld_free(void *p) {
  if (!p) return;
  uint64_t *b = (uint64_t *)p - 2;
  if (b[1] == 0xffff) {
    rtld_munmap(b, b[0]);
    return;
  }
  rtld_lock(&rtld_alloc_lock);
  *(void **)p = rtld_free_lists[b[1]];
  rtld_free_lists[b[1]] = b;
  rtld_unlock(&rtld_alloc_lock);
}

void *rtld_realloc_array(void *p, size_t old_n, size_t new_n, size_t elem) {
  char *q = rtld_alloc(new_n * elem);
  if (!q) return NULL;
  for (size_t i = 0; i < old_n * elem; i++) q[i] = ((char *)p)[i];
  rtld_free(p);
  return q;
}

/* ---- futex locks --------------------------------------------------------------------------- */

long rtld_futex_wait(volatile int *addr, int val) {
  return rtld_sys4(RTLD_SYS_futex, (long)addr, 128 /* WAIT|PRIVATE */, val, 0);
}

long rtld_futex_wake(volatile int *addr, int n) {
  return rtld_sys3(RTLD_SYS_futex, (long)addr, 129 /* WAKE|PRIVATE */, n);
}

/* 0 free, 1 held, 2 held with waiters. */
void rtld_lock(volatile int *l) {
  int c = __sync_val_compare_and_swap(l, 0, 1);
  if (!c) return;
  if (c != 2) c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
  while (c) {
    rtld_futex_wait(l, 2);
    c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
  }
}

void rtld_unlock(volatile int *l) {
  if (__atomic_exchange_n(l, 0, __ATOMIC_RELEASE) == 2) rtld_futex_wake(l, 1);
}

/* The thread-creation lock: a count of shared holders, or -1 while held exclusively. */
static volatile int rtld_ptc_word;

void rtld_ptc_shared(void) {
  for (;;) {
    int s = __atomic_load_n(&rtld_ptc_word, __ATOMIC_ACQUIRE);
    if (s >= 0 && __sync_bool_compare_and_swap(&rtld_ptc_word, s, s + 1)) return;
    if (s < 0) rtld_futex_wait(&rtld_ptc_word, s);
  }
}

void rtld_ptc_shared_end(void) {
  if (__atomic_sub_fetch(&rtld_ptc_word, 1, __ATOMIC_RELEASE) == 0)
    rtld_futex_wake(&rtld_ptc_word, 0x7fffffff);
}

void rtld_ptc_exclusive(void) {
  for (;;) {
    int s = __atomic_load_n(&rtld_ptc_word, __ATOMIC_ACQUIRE);
    if (s == 0 && __sync_bool_compare_and_swap(&rtld_ptc_word, 0, -1)) return;
    rtld_futex_wait(&rtld_ptc_word, s);
  }
}

void rtld_ptc_exclusive_end(void) {
  __atomic_store_n(&rtld_ptc_word, 0, __ATOMIC_RELEASE);
  rtld_futex_wake(&rtld_ptc_word, 0x7fffffff);
}

static volatile int rtld_dl_word;
static volatile int rtld_dl_owner;
static int rtld_dl_depth;

void rtld_dl_lock(void) {
  int me = (int)rtld_sys0(RTLD_SYS_gettid);
  if (__atomic_load_n(&rtld_dl_owner, __ATOMIC_RELAXED) == me) {
    rtld_dl_depth++;
    return;
  }
  rtld_lock(&rtld_dl_word);
  rtld_dl_owner = me;
  rtld_dl_depth = 1;
}

void rtld_dl_unlock(void) {
  if (--rtld_dl_depth) return;
  rtld_dl_owner = 0;
  rtld_unlock(&rtld_dl_word);
}

int rtld_dl_lock_held(void) {
  return __atomic_load_n(&rtld_dl_owner, __ATOMIC_RELAXED) == (int)rtld_sys0(RTLD_SYS_gettid);
}

/* Reader sections. A reader bumps its own thread's count (a full barrier) before it reads the
 * object list; dlclose unlinks objects, issues a full barrier, and then waits for every other
 * thread's count to be zero. A reader that started before the unlink is waited for; one that
 * started after cannot find the unlinked objects. Counts nest (a signal handler may bind lazily
 * while its thread is in a lookup). */
void rtld_read_begin(void) {
  __atomic_add_fetch(&((struct rtld_tcb *)rtld_arch_tp())->t_readers, 1, __ATOMIC_SEQ_CST);
}

void rtld_read_end(void) {
  __atomic_sub_fetch(&((struct rtld_tcb *)rtld_arch_tp())->t_readers, 1, __ATOMIC_RELEASE);
}

/* Called with the thread list stable (the thread-creation lock held). */
void rtld_wait_readers(void) {
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  struct rtld_tcb *self = rtld_arch_tp(), *t = rtld_g.g_threads;
  if (!t) return;
  do {
    if (t != self)
      while (__atomic_load_n(&t->t_readers, __ATOMIC_ACQUIRE)) rtld_sys0(RTLD_SYS_sched_yield);
    t = t->t_next;
  } while (t != rtld_g.g_threads);
}

static volatile int rtld_reldep_word;

void rtld_reldep_lock(uint64_t *mask) {
  rtld_block_signals(mask);
  rtld_lock(&rtld_reldep_word);
}

void rtld_reldep_unlock(const uint64_t *mask) {
  rtld_unlock(&rtld_reldep_word);
  rtld_restore_signals(mask);
}

void rtld_block_signals(uint64_t *old) {
  uint64_t all = ~0ull;
  rtld_sys4(RTLD_SYS_rt_sigprocmask, 0 /* SIG_BLOCK */, (long)&all, (long)old, 8);
}

void rtld_restore_signals(const uint64_t *old) {
  rtld_sys4(RTLD_SYS_rt_sigprocmask, 2 /* SIG_SETMASK */, (long)old, 0, 8);
}

/* The kernel's wake for CLONE_CHILD_CLEARTID is not a private-futex wake. */
long rtld_futex_wait_shared(volatile int *addr, int val) {
  return rtld_sys4(RTLD_SYS_futex, (long)addr, 0 /* WAIT */, val, 0);
}
