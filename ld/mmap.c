#include "mmap.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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
  return m;
}

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

void ld_prefault(const void *p, uint64_t n) {
  uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t a = (uintptr_t)p & ~(pg - 1), e = ((uintptr_t)p + n + pg - 1) & ~(pg - 1);
  if (n) (void)madvise((void *)a, e - a, MADV_POPULATE_READ);
}
