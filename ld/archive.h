/* Archive reader: System V / GNU "!<arch>\n" archives with a symbol index ("/" or "/SYM64/"),
 * GNU long names ("//" table, "/123" references), BSD-style "#1/len" names, and GNU thin
 * archives ("!<thin>\n", members are files named relative to the archive's directory).
 * Nothing is copied: member data are views into the archive's mapping (or, for thin archives,
 * into the member file's own mapping made with ld_map_file). */
#ifndef TLD_LD_ARCHIVE_H
#define TLD_LD_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

typedef struct ld_ar_member {
  const char *am_name;    /* member name (NUL-terminated, allocated); NULL until read */
  const uint8_t *am_data; /* member bytes */
  uint64_t am_size;
  uint64_t am_offset; /* offset of the member header in the archive (for messages) */
} ld_ar_member;

typedef struct ld_ar_symbol {
  const char *as_name; /* view into the index string table, NUL-terminated */
  uint32_t as_member;  /* index into ar_members */
} ld_ar_symbol;

typedef struct ld_archive {
  const char *ar_path;
  int ar_thin;
  const uint8_t *ar_data; /* the archive's bytes */
  uint64_t ar_size;
  const uint8_t *ar_long; /* GNU "//" long-name table, or NULL */
  uint64_t ar_long_size;
  ld_ar_member *ar_members; /* regular members only (index, long-name table excluded) */
  uint32_t ar_nmembers;
  ld_ar_symbol *ar_syms; /* symbol index in file order; empty if the archive has none */
  uint32_t ar_nsyms;
} ld_archive;

/* Is this an archive (regular or thin)? */
int ld_is_archive(const uint8_t *data, uint64_t size);

/* Parse the archive at `path` whose bytes are `data`. On malformed input reports a located
 * error with ld_error ("tld: error: libx.a: member at offset 0x1234: bad header") and returns -1.
 * An archive without a symbol index is accepted (ar_nsyms = 0); the caller then falls back to
 * reading every member's symbol table. */
int ld_archive_parse(const char *path, const uint8_t *data, uint64_t size, ld_archive *out);

/* The same, for an archive whose members will only be taken through its index: when it has a
 * GNU index, only the headers in front of the first member are read, the members are the
 * offsets the index names, and each member's header is read by ld_archive_member when it is
 * first wanted (an archive without one is read whole, as by ld_archive_parse). */
int ld_archive_parse_indexed(const char *path, const uint8_t *data, uint64_t size, ld_archive *out);

/* Make member m's name, bytes and size known (read its header if not yet). Returns -1 after
 * reporting a malformed header. Not safe to call for one archive from two threads. */
int ld_archive_member(ld_archive *ar, uint32_t m);

#endif
