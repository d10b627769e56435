#include "mmap.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Every mapping, so that a pointer into one can be traced back to its file (ld_mapped_path_of). */
static pthread_mutex_t maps_mu = PTHREAD_MUTEX_INITIALIZER;
static ld_mapped **maps;
static size_t nmaps, capmaps;

static void remember(ld_mapped *m) {
  if (!m->mf_data) return;
  pthread_mutex_lock(&maps_mu);
  if (nmaps == capmaps) {
    size_t cap = capmaps ? capmaps * 2 : 256;
    ld_mapped **nm = realloc(maps, cap * sizeof *nm);
    if (nm) maps = nm, capmaps = cap;
  }
  if (nmaps < capmaps) maps[nmaps++] = m;
  pthread_mutex_unlock(&maps_mu);
}

/* A FIFO (a pipe, a process substitution) cannot be mapped: it is read whole. */
static ld_mapped *read_whole(int fd, const char *path) {
  size_t cap = 65536, n = 0;
  uint8_t *buf = malloc(cap);
  for (;;) {
    if (!buf) {
      errno = ENOMEM;
      return NULL;
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      int e = errno;
      free(buf);
      errno = e;
      return NULL;
    }
    if (r == 0) break;
    n += (size_t)r;
    if (n == cap) {
      uint8_t *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
      if (!nb) free(buf);
      buf = nb, cap *= 2;
    }
  }
  ld_mapped *m = calloc(1, sizeof *m);
  if (!m) {
    free(buf);
    errno = ENOMEM;
    return NULL;
  }
  m->mf_path = strdup(path);
  m->mf_size = n;
  m->mf_data = n ? buf : NULL;
  if (!n) free(buf);
  return m;
}

static ld_mapped *map_or_read(const char *path, int read_fifo) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat st;
  int e = 0;
  if (fstat(fd, &st) < 0) e = errno;
  else if (S_ISDIR(st.st_mode)) e = EISDIR;
  else if (!S_ISREG(st.st_mode) && !(read_fifo && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))))
    e = ENODEV;
  if (e) {
    close(fd);
    errno = e;
    return NULL;
  }
  if (!S_ISREG(st.st_mode)) {
    ld_mapped *m = read_whole(fd, path);
    e = errno;
    close(fd);
    if (m) remember(m);
    errno = e;
    return m;
  }
  ld_mapped *m = calloc(1, sizeof *m);
  m->mf_path = strdup(path);
  m->mf_size = (uint64_t)st.st_size;
  if (st.st_size > 0) {
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      int e = errno;
      close(fd);
      free(m);
      errno = e;
      return NULL;
    }
    m->mf_data = p;
  }
  close(fd);
  remember(m);
  return m;
}

ld_mapped *ld_map_file(const char *path) { return map_or_read(path, 0); }

ld_mapped *ld_map_input(const char *path) { return map_or_read(path, 1); }

const char *ld_map_strerror(int e) { return e == ENODEV ? "not a regular file" : strerror(e); }

const char *ld_mapped_path_of(const void *p, uint64_t *off) {
  const char *path = NULL;
  pthread_mutex_lock(&maps_mu);
  for (size_t i = 0; i < nmaps && !path; i++) {
    const uint8_t *d = maps[i]->mf_data;
    if ((const uint8_t *)p >= d && (const uint8_t *)p < d + maps[i]->mf_size) {
      path = maps[i]->mf_path;
      *off = (uint64_t)((const uint8_t *)p - d);
    }
  }
  pthread_mutex_unlock(&maps_mu);
  return path;
}

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

void ld_prefault(const void *p, uint64_t n) {
  uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t a = (uintptr_t)p & ~(pg - 1), e = ((uintptr_t)p + n + pg - 1) & ~(pg - 1);
  if (n) (void)madvise((void *)a, e - a, MADV_POPULATE_READ);
}
