/* The files a link writes: the output, and the reports that go with it (-Map, --why-extract).
 * Each is written complete under a temporary and put in place by ld_out_commit, after everything
 * else the link does, reports first and the output last. A link that fails -- an error, a full
 * disk, a signal -- replaces nothing and leaves nothing behind.
 *
 *  - A regular file, or a name that does not exist yet, is written to an unnamed file in the same
 *    directory (O_TMPFILE) that gets a name only at commit, just before it takes the output's.
 *    Where the filesystem has no O_TMPFILE, the temporary is created with O_CREAT|O_EXCL|
 *    O_NOFOLLOW under a name with a random part, so a file or symbolic link planted there is
 *    never followed, truncated or reused. Either name fits in NAME_MAX whatever the length of the
 *    output's name.
 *  - An existing file that is not a regular file (a character device such as /dev/null, a FIFO)
 *    is never replaced: the contents are built in a memory file and copied into it at commit.
 *  - A file takes its name atomically: the name always names a complete file, the old one or the
 *    new one. Where the name exists, the temporary and the old file exchange names (renameat2
 *    RENAME_EXCHANGE) and the old file is then removed under the temporary's name; where nothing
 *    has the name, or the exchange is refused, rename(2) does it. The old file is never written
 *    to: a program that has it mapped (a shared library in use) keeps its bytes, and a second
 *    name (a hard link) keeps the old contents.
 *  - A big old output with one name is freed by a process of its own, forked by ld_out_prepare
 *    before there is any thread, so that the link does not wait for its pages and blocks to go.
 *  - ld_out_reserve allocates the blocks of what is written through a mapping, so a full disk is
 *    an error ("No space left on device"), not SIGBUS.
 *  - SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE remove the named temporaries before the process
 *    dies of the signal (for the instant after an exchange the name is the old file's: removing
 *    it is what the commit does next); SIGXFSZ is ignored so that a file-size limit is an error
 *    (EFBIG). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "ld.h"

#ifndef O_TMPFILE
#define O_TMPFILE (020000000 | O_DIRECTORY)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

enum { OF_TMPFILE = 1, OF_NAMED, OF_INPLACE };
#define MAX_OUT 8

typedef struct outfile {
  const char *of_path; /* the name it gets */
  const char *of_what; /* "output", "map file", ... for messages */
  char *of_dir;        /* its directory ("." for a bare name) */
  char *of_tmp;        /* OF_NAMED: the temporary's name; OF_TMPFILE: set at commit */
  FILE *of_stream;     /* a report written with stdio (owns of_fd), or NULL */
  int of_fd;
  int of_kind; /* OF_* */
  int of_last; /* committed after the others (the output itself) */
} outfile;

static outfile files[MAX_OUT];
static int nfiles;
/* The named temporaries, for the signal handler: published before the name exists, cleared
 * after it is gone (unlinking a name that does not exist is harmless). */
static char *_Atomic sig_names[MAX_OUT];

static void remove_named(void) {
  for (int i = 0; i < MAX_OUT; i++) {
    char *p = atomic_load(&sig_names[i]);
    if (p) unlink(p);
  }
}

static void on_signal(int sig) {
  int e = errno;
  remove_named();
  errno = e;
  raise(sig); /* the disposition was reset (SA_RESETHAND): dies of it once the handler returns */
}

static void install_handlers(void) {
  static int done;
  if (done) return;
  done = 1;
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction old, sa;
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue; /* nohup */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(sigs[i], &sa, NULL);
  }
  signal(SIGXFSZ, SIG_IGN);
}

void ld_out_discard(void) {
  remove_named();
  for (int i = 0; i < MAX_OUT; i++) atomic_store(&sig_names[i], NULL);
}

/* "<base>.tld-tmp.<8 hex digits>" in the output's directory, the base cut short so that the
 * name fits in NAME_MAX. */
static char *temp_name(const outfile *f) {
  const char *slash = strrchr(f->of_path, '/');
  const char *base = slash ? slash + 1 : f->of_path;
  uint32_t r;
  if (getrandom(&r, sizeof r, GRND_NONBLOCK) != sizeof r)
    r = (uint32_t)getpid() * 2654435761u ^ (uint32_t)time(NULL) ^ (uint32_t)clock();
  size_t keep = strlen(base), room = NAME_MAX - (sizeof ".tld-tmp.12345678" - 1);
  if (keep > room) keep = room;
  return ld_sprintf("%s/%.*s.tld-tmp.%08x", f->of_dir, (int)keep, base, r);
}

static void publish(int i, char *name) { atomic_store(&sig_names[i], name); }

static int open_memory_file(void) {
  int fd = memfd_create("tld-output", MFD_CLOEXEC);
  if (fd >= 0) return fd;
  const char *dir = getenv("TMPDIR");
  fd = open(dir && *dir ? dir : "/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 && dir) fd = open("/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  return fd;
}

/* ---- the old output's release ------------------------------------------------------------
 * The call that takes the last name from a file frees it then and there: its cached pages and
 * its blocks, 10 to 25 ms for an output of 100 MiB on ext4, more while the old file is still
 * being written back. Instead a process of its own holds the old output (an O_PATH descriptor)
 * while the link runs, so that the file outlives its name, and lets go -- the kernel frees the
 * file in that process -- when the pipe it waits on is closed: at commit, or when the link ends
 * in any way, a failure or a signal included (the old output then keeps its name). It holds no
 * descriptor but those two: not the standard output that a make or a test harness reads to its
 * end. It is the link's child and nothing waits for it: it usually outlives the link by the time
 * its close takes and is reaped by init (or the nearest subreaper); where it ends first it is a
 * zombie until the link exits a moment later. A double fork would spare even that but puts a
 * wait for the middle process on the link's path, milliseconds on a loaded machine. Whatever is
 * refused (the file, the pipe, fork) leaves the old output to be freed the ordinary way. */
enum { RELEASE_MIN = 1 << 20 }; /* smaller ones cost less to free (0.3 ms a MiB) than a fork */
static int release_pipe = -1;   /* its write end, or -1 */

/* Close every descriptor but a and b. */
static void close_all_but(int a, int b) {
  int lo = a < b ? a : b, hi = a < b ? b : a;
#ifdef SYS_close_range
  if ((lo == 0 || syscall(SYS_close_range, 0u, (unsigned)lo - 1, 0u) == 0) &&
      (hi == lo + 1 || syscall(SYS_close_range, (unsigned)lo + 1, (unsigned)hi - 1, 0u) == 0) &&
      syscall(SYS_close_range, (unsigned)hi + 1, ~0u, 0u) == 0)
    return;
#endif
  struct rlimit rl;
  int max = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 65536 ? (int)rl.rlim_cur : 65536;
  for (int fd = 0; fd < max; fd++)
    if (fd != a && fd != b) close(fd);
}

static noreturn void release_when_told(int wait_fd, int old) {
  /* Terminal signals to the link's process group are not its business: it ends with the link. */
  static const int sigs[] = {SIGINT, SIGQUIT, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) signal(sigs[i], SIG_IGN);
  prctl(PR_SET_NAME, "tld old output");
  close_all_but(wait_fd, old);
  char c;
  while (read(wait_fd, &c, 1) < 0 && errno == EINTR) continue;
  close(old);
  _exit(0);
}

void ld_out_prepare(const char *path) {
  struct stat st;
  if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1 || st.st_size < RELEASE_MIN)
    return;
  /* O_PATH: no read permission needed, nothing opened in the file system's sense; it holds the
   * inode all the same. O_NOFOLLOW: a symbolic link is replaced, never what it points to. */
  int old = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  if (old < 0) return;
  int p[2];
  if (fstat(old, &st) < 0 || !S_ISREG(st.st_mode) || pipe2(p, O_CLOEXEC) < 0) {
    close(old);
    return;
  }
  if (p[1] <= 2) { /* started with a standard descriptor closed: keep what is written there out */
    int d = fcntl(p[1], F_DUPFD_CLOEXEC, 3);
    close(p[1]);
    if (d < 0) {
      close(p[0]);
      close(old);
      return;
    }
    p[1] = d;
  }
  pid_t pid = fork();
  if (pid == 0) release_when_told(p[0], old);
  close(old);
  close(p[0]);
  if (pid < 0) close(p[1]);
  else release_pipe = p[1];
}

/* Returns the file's handle, or -1 after reporting an error. */
int ld_out_create(const char *path, const char *what, int last) {
  if (nfiles == MAX_OUT) ld_fatal("internal: more than %d output files", MAX_OUT);
  install_handlers();
  int i = nfiles;
  outfile *f = &files[i];
  memset(f, 0, sizeof *f);
  f->of_path = path;
  f->of_what = what;
  f->of_last = last;
  const char *slash = strrchr(path, '/');
  f->of_dir =
      slash ? ld_sprintf("%.*s", slash == path ? 1 : (int)(slash - path), path) : ld_xstrdup(".");

  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    /* Not a regular file: written in place at commit, never replaced. */
    f->of_fd = S_ISDIR(st.st_mode) ? (errno = EISDIR, -1) : open_memory_file();
    if (f->of_fd < 0) {
      ld_error("cannot open %s %s: %s", what, path, strerror(errno));
      return -1;
    }
    f->of_kind = OF_INPLACE;
  } else {
    /* O_TMPFILE needs /proc to give the file a name at commit (linkat through /proc/self/fd). */
    f->of_fd = access("/proc/self/fd", X_OK) == 0
                   ? open(f->of_dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666)
                   : -1;
    f->of_kind = OF_TMPFILE;
    if (f->of_fd < 0) {
      f->of_kind = OF_NAMED;
      for (int tries = 0; f->of_fd < 0; tries++) {
        f->of_tmp = temp_name(f);
        publish(i, f->of_tmp);
        f->of_fd = open(f->of_tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (f->of_fd >= 0) break;
        int e = errno;
        publish(i, NULL);
        free(f->of_tmp);
        f->of_tmp = NULL;
        if (e != EEXIST || tries == 100) {
          ld_error("cannot open %s %s: %s", what, path, strerror(e));
          return -1;
        }
      }
    }
  }
  nfiles++;
  return i;
}

int ld_out_fd(int h) { return files[h].of_fd; }

FILE *ld_out_stream(int h) {
  outfile *f = &files[h];
  if (!f->of_stream) {
    f->of_stream = fdopen(f->of_fd, "w");
    if (!f->of_stream) ld_fatal("cannot write %s %s: %s", f->of_what, f->of_path, strerror(errno));
  }
  return f->of_stream;
}

static void write_error(const outfile *f, int e) {
  ld_fatal("cannot write %s %s: %s", f->of_what, f->of_path, strerror(e));
}

void ld_out_pwrite(int h, const void *buf, uint64_t len, uint64_t off) {
  for (uint64_t done = 0; done < len;) {
    uint64_t n = len - done > (1u << 30) ? (1u << 30) : len - done;
    ssize_t w = pwrite(files[h].of_fd, (const uint8_t *)buf + done, n, (off_t)(off + done));
    if (w <= 0) write_error(&files[h], w < 0 ? errno : EIO);
    done += (uint64_t)w;
  }
}

/* Give [off, off + len) its blocks now: bytes written through a shared mapping of a sparse file
 * would otherwise be allocated when the pages are written back, or on a full disk not at all
 * (SIGBUS). Where the filesystem cannot allocate ahead, the range is written with zeros. */
void ld_out_reserve(int h, uint64_t off, uint64_t len) {
  if (!len) return;
  outfile *f = &files[h];
  if (fallocate(f->of_fd, 0, (off_t)off, (off_t)len) == 0) return;
  if (errno != EOPNOTSUPP && errno != ENOSYS) write_error(f, errno);
  static const uint8_t zeros[65536];
  for (uint64_t done = 0; done < len;) {
    uint64_t n = len - done > sizeof zeros ? sizeof zeros : len - done;
    ld_out_pwrite(h, zeros, n, off + done);
    done += n;
  }
}

/* The memory file's contents into the existing file, which is opened as it is (no O_CREAT, no
 * O_TRUNC): a device or FIFO stays what it is. */
static void copy_fd(outfile *f, int from, int to);
static void copy_in_place(outfile *f) {
  int out = open(f->of_path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (out < 0) write_error(f, errno);
  copy_fd(f, f->of_fd, out);
  if (close(out) < 0) write_error(f, errno);
}

/* Copy all of the file behind `from` to `to` (both descriptors). */
static void copy_fd(outfile *f, int from, int to) {
  struct stat st;
  if (fstat(from, &st) < 0) write_error(f, errno);
  uint8_t *buf = ld_scratch(1 << 20);
  for (uint64_t off = 0; off < (uint64_t)st.st_size;) {
    uint64_t want = (uint64_t)st.st_size - off > (1 << 20) ? (1 << 20) : (uint64_t)st.st_size - off;
    ssize_t r = pread(from, buf, want, (off_t)off);
    if (r <= 0) write_error(f, r < 0 ? errno : EIO);
    for (ssize_t done = 0; done < r;) {
      ssize_t w = write(to, buf + done, (size_t)(r - done));
      if (w <= 0) write_error(f, w < 0 ? errno : EIO);
      done += w;
    }
    off += (uint64_t)r;
  }
}

/* An unnamed temporary gets a name next to the output (to be renamed over it at once). Where
 * it cannot be linked (/proc/self/fd refused, a file system without linkat on such files), its
 * contents go to a named temporary instead. */
static void link_tmpfile(int i) {
  outfile *f = &files[i];
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", f->of_fd);
  for (int tries = 0;; tries++) {
    f->of_tmp = temp_name(f);
    publish(i, f->of_tmp);
    int e = 0;
    if (linkat(AT_FDCWD, proc, AT_FDCWD, f->of_tmp, AT_SYMLINK_FOLLOW) == 0) return;
    e = errno;
    if (e != EEXIST) {
      if (linkat(f->of_fd, "", AT_FDCWD, f->of_tmp, AT_EMPTY_PATH) == 0) return;
      e = errno == EEXIST ? EEXIST : 0;
    }
    if (e == EEXIST && tries < 100) {
      publish(i, NULL);
      free(f->of_tmp);
      continue;
    }
    /* Not linkable: copied to a new file of that name, made the way OF_NAMED makes one. */
    int fd = open(f->of_tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) write_error(f, errno);
    struct stat st;
    if (fstat(f->of_fd, &st) == 0) fchmod(fd, st.st_mode & 07777);
    copy_fd(f, f->of_fd, fd);
    if (close(fd) < 0) write_error(f, errno);
    return;
  }
}

/* A stream is closed (its write errors checked) before the file gets its name; an unnamed
 * temporary is linked before its descriptor goes. */
static void close_file(outfile *f) {
  int bad = f->of_stream ? fclose(f->of_stream) != 0 : close(f->of_fd) < 0;
  f->of_stream = NULL;
  f->of_fd = -1;
  if (bad) write_error(f, errno ? errno : EIO);
}

/* Swap two names atomically (renameat2 RENAME_EXCHANGE), called through the system call so that
 * a C library without the wrapper does not matter. */
static int exchange(const char *a, const char *b) {
#ifdef SYS_renameat2
  return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
  (void)a, (void)b;
  errno = ENOSYS;
  return -1;
#endif
}

/* The temporary takes the file's name. Where a file has that name already, the two names are
 * exchanged and the old file, now under the temporary's name, loses it: the same end as
 * rename(2) replacing it, and as atomic, but ext4 starts writing back the whole new file when a
 * rename replaces an existing name (its auto_da_alloc safeguard) and does not on an exchange.
 * Where the exchange is refused (a file system without it, a name that has gone) the rename does
 * the work, and reports what goes wrong. A directory is never exchanged: if one takes the name
 * in between, the names are swapped back and the rename fails as it always did. */
static int put_in_place(const char *tmp, const char *path) {
  struct stat st;
  if (lstat(path, &st) == 0 && !S_ISDIR(st.st_mode) && exchange(tmp, path) == 0) {
    if (unlink(tmp) == 0 || errno == ENOENT) return 0;
    int e = errno;
    if (exchange(tmp, path) < 0) return errno = e, -1;
  }
  return rename(tmp, path);
}

static void commit_one(int i) {
  outfile *f = &files[i];
  if (f->of_stream && (fflush(f->of_stream) != 0 || ferror(f->of_stream)))
    write_error(f, errno ? errno : EIO);
  if (f->of_kind == OF_INPLACE) {
    copy_in_place(f);
    close_file(f);
    return;
  }
  if (f->of_kind == OF_TMPFILE) link_tmpfile(i);
  close_file(f);
  if (put_in_place(f->of_tmp, f->of_path) < 0) write_error(f, errno);
  publish(i, NULL);
}

/* Everything is written: the reports, then the output, take their places. */
void ld_out_commit(void) {
  for (int last = 0; last < 2; last++)
    for (int i = 0; i < nfiles; i++)
      if (files[i].of_last == last && files[i].of_fd >= 0) commit_one(i);
  nfiles = 0;
  if (release_pipe >= 0) close(release_pipe); /* the old output is free to go */
  release_pipe = -1;
}
