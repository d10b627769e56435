/* Input files are mapped read-only, never copied. */
#ifndef TLD_LD_MMAP_H
#define TLD_LD_MMAP_H

#include <stdint.h>

typedef struct ld_mapped {
  const char *mf_path;
  const uint8_t *mf_data; /* NULL for an empty file */
  uint64_t mf_size;
} ld_mapped;

/* Map `path` (a file that cannot be mapped, such as a FIFO, is read into memory); returns NULL
 * with errno set (EISDIR for a directory) if it cannot be read. Mappings live until exit. */
ld_mapped *ld_map_file(const char *path);

/* Map the pages of [p, p + n) of a mapped input into the page tables in one call, ahead of
 * reading them all (a page fault each costs more). Only advice: ignored where unsupported. */
void ld_prefault(const void *p, uint64_t n);

#endif
