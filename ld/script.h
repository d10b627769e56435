/* Linker scripts as inputs, in the forms distributions ship them (glibc's libc.so, libm.so,
 * libgcc_s.so): GROUP(...), INPUT(...), AS_NEEDED(...), OUTPUT_FORMAT(...), OUTPUT_ARCH(...),
 * SEARCH_DIR(...), ENTRY(sym), C comments, quoted names, comma or space separated lists. */
#ifndef TLD_LD_SCRIPT_H
#define TLD_LD_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

typedef struct ld_script_input {
  const char *si_name;  /* a path, or for "-lfoo" the name "foo" with si_lib set */
  uint8_t si_lib;       /* written as -lname */
  uint8_t si_as_needed; /* inside AS_NEEDED(...) */
  uint8_t si_group;     /* inside GROUP(...) */
} ld_script_input;

typedef struct ld_script {
  ld_script_input *ls_inputs;
  uint32_t ls_ninputs;
  const char **ls_search_dirs; /* SEARCH_DIR entries, in order */
  uint32_t ls_nsearch_dirs;
  const char *ls_entry; /* ENTRY(sym), or NULL */
} ld_script;

/* Does the text look like a linker script (not ELF, not an archive)? Called only on inputs that
 * are neither; returns 1 if it is printable text. */
int ld_is_script(const uint8_t *data, uint64_t size);

/* Parse a script given as an input, with the linker-script parser (ld/lscript.c): its input
 * lists, search directories and entry go to `out`, anything else to the linker-script model. On
 * an error reports "tld: error: path:LINE: ..." with ld_error and returns -1. */
int ld_script_parse(const char *path, const uint8_t *data, uint64_t size, ld_script *out);

/* Expand "@file" response-file arguments (GNU rules: whitespace separates, '...' and "..." quote,
 * backslash escapes, nested @file allowed, a missing file leaves the argument as is). Returns a
 * new NULL-terminated argv; *argc updated. */
char **ld_expand_response_files(int *argc, char **argv);

#endif
