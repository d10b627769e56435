/* Input files are mapped read-only, never copied. */
#ifndef TLD_LD_MMAP_H
#define TLD_LD_MMAP_H

#include <stdint.h>

typedef struct ld_mapped {
  const char *mf_path;
  const uint8_t *mf_data; /* NULL for an empty file */
  uint64_t mf_size;
} ld_mapped;

/* Map `path`; returns NULL (errno set) if it cannot be opened. Mappings live until exit. */
ld_mapped *ld_map_file(const char *path);

#endif
