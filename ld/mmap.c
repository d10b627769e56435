#include "mmap.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Every mapping, so that a pointer into one can be traced back to its file (ld_mapped_path_of). */
static pthread_mutex_t maps_mu = PTHREAD_MUTEX_INITIALIZER;
static ld_mapped **maps;
static size_t nmaps, capmaps;

ld_mapped *ld_map_file(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return NULL;
  struct stat st;
  if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return NULL;
  }
  ld_mapped *m = calloc(1, sizeof *m);
  m->mf_path = strdup(path);
  m->mf_size = (uint64_t)st.st_size;
  if (st.st_size > 0) {
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      close(fd);
      free(m);
      return NULL;
    }
    m->mf_data = p;
  }
  close(fd);
  if (m->mf_data) {
    pthread_mutex_lock(&maps_mu);
    if (nmaps == capmaps) {
      size_t cap = capmaps ? capmaps * 2 : 256;
      ld_mapped **nm = realloc(maps, cap * sizeof *nm);
      if (nm) maps = nm, capmaps = cap;
    }
    if (nmaps < capmaps) maps[nmaps++] = m;
    pthread_mutex_unlock(&maps_mu);
  }
  return m;
}

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
