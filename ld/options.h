/* What the option parser (ld/options.c) and the -z keyword parser (ld/zkeywords.c) share: the
 * positional state of a command line, and a few helpers. Nothing else includes it. */
#ifndef TLD_LD_OPTIONS_H
#define TLD_LD_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "ld.h"

/* The state the arguments before the current one left: what applies to inputs named next. */
struct optstate {
  int whole, as_needed, bstatic, group;
  uint8_t dep; /* DEP_* for the shared objects named next */
  ld_options *opt;
  int saved[16][3]; /* --push-state: whole, as_needed, bstatic */
  int nsaved;
  int print_version_and_go, print_output_format;
  int gnu;     /* the GNU flavour, as it was when parsing began */
  int argc, i; /* the argument being parsed: argv[i] */
  char **argv;
};

/* The offset of an ld_options field of type T; any other type does not compile. */
#define OPT_FIELD(f, T)                                                                            \
  ((uint32_t)(offsetof(ld_options, f) + 0 * sizeof(_Generic(((ld_options *)0)->f, T : 1))))
#define UNUSED __attribute__((unused))

/* A number as C writes it; 0, or -1 when `s` is not one (ld/options.c). */
int ld_opt_parse_num(const char *s, uint64_t *out);
/* The edit distance of two words, for "did you mean" (ld/options.c). */
size_t ld_edit_distance(const char *a, const char *b);
/* One -z keyword, and the -z list of --help (ld/zkeywords.c). */
void ld_z_keyword(struct optstate *st, const char *kw);
void ld_print_z_help(void);

#endif
