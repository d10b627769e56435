/* Input files are mapped read-only, never copied. */
#ifndef TLD_LD_MMAP_H
#define TLD_LD_MMAP_H

#include <stdint.h>

typedef struct ld_mapped {
  const char *mf_path;
  const uint8_t *mf_data; /* NULL for an empty file */
  uint64_t mf_size;
} ld_mapped;

/* Map the regular file `path`; returns NULL with errno set if it cannot be opened, EISDIR for a
 * directory and ENODEV for any other file that is not regular. Mappings live until exit. */
ld_mapped *ld_map_file(const char *path);
/* The same for a file the user names (an input, a script, a response file): a FIFO -- a pipe, a
 * process substitution -- is read into memory instead. */
ld_mapped *ld_map_input(const char *path);
/* strerror for the errno those leave ("not a regular file" for ENODEV). */
const char *ld_map_strerror(int e);

/* The mapped file that `p` points into, and p's offset in it; NULL if none. Linear in the
 * number of mappings: for the rare caller (a thin archive's member offered to an LTO plugin). */
const char *ld_mapped_path_of(const void *p, uint64_t *off);

/* Map the pages of [p, p + n) of a mapped input into the page tables in one call, ahead of
 * reading them all (a page fault each costs more). Only advice: ignored where unsupported. */
void ld_prefault(const void *p, uint64_t n);

#endif
