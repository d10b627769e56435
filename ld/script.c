/* Linker scripts as inputs, and response files.
 *
 * A script given as an input (glibc's libc.so) is read by the same parser as one given with -T
 * (ld/lscript.c), which follows GNU ld's rules for file-name lists: a name runs until
 * whitespace, '(', ')', ',', ';', a quote or the start of a comment; a quoted name is taken
 * verbatim up to the closing quote. Comments are C style and, as lld also accepts, '#' to end of
 * line. */
#include "script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lscript.h"
#include "mmap.h"

/* Recursion guard for @file including itself. */
#define RESPONSE_MAX_DEPTH 64

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n);
  if (!p) ld_fatal("out of memory");
  return p;
}

static char *dup_n(const char *s, size_t n) {
  char *d = xrealloc(NULL, n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int ld_is_script(const uint8_t *data, uint64_t size) {
  /* Text means: no control characters other than the usual whitespace. Bytes >= 0x80 are
   * allowed so that UTF-8 in comments does not disqualify a script. */
  for (uint64_t i = 0; i < size; i++) {
    uint8_t b = data[i];
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') return 0;
    if (b == 0x7f) return 0;
  }
  return 1;
}

/* One front end for every linker script: the command language's parser (ld/lscript.c) reads the
 * forms distributions ship as well, and reports what it does not take. */
int ld_script_parse(const char *path, const uint8_t *data, uint64_t size, ld_script *out) {
  return ld_lscript_parse(path, data, size, out);
}

/* ---- response files ---- */

typedef struct argvec {
  char **av_v;
  int av_n, av_cap;
} argvec;

static void push_arg(argvec *a, char *s) {
  if (a->av_n + 1 >= a->av_cap) {
    a->av_cap = a->av_cap ? a->av_cap * 2 : 16;
    a->av_v = xrealloc(a->av_v, (size_t)a->av_cap * sizeof *a->av_v);
  }
  a->av_v[a->av_n++] = s;
  a->av_v[a->av_n] = NULL;
}

static void expand_arg(argvec *a, char *arg, int depth);

/* Split a response file's text by GNU (libiberty) rules: whitespace separates arguments;
 * '...' and "..." quote; a backslash takes the next character literally, inside quotes too.
 * The text ends at its size or at a NUL byte, whichever comes first. Each argument is in turn
 * subject to @file expansion. */
static void split_response(argvec *a, const char *p, const char *end, int depth) {
  char *buf = xrealloc(NULL, (size_t)(end - p) + 1);
  for (;;) {
    while (p < end && *p && is_space(*p)) p++;
    if (p >= end || !*p) break;
    size_t n = 0;
    char quote = 0;
    while (p < end && *p) {
      char c = *p++;
      if (c == '\\') {
        if (p < end && *p) buf[n++] = *p++;
        continue;
      }
      if (quote) {
        if (c == quote) quote = 0;
        else buf[n++] = c;
        continue;
      }
      if (is_space(c)) break;
      if (c == '\'' || c == '"') quote = c;
      else buf[n++] = c;
    }
    expand_arg(a, dup_n(buf, n), depth);
  }
  free(buf);
}

static void expand_arg(argvec *a, char *arg, int depth) {
  if (arg[0] != '@' || arg[1] == '\0') {
    push_arg(a, arg);
    return;
  }
  ld_mapped *mf = ld_map_input(arg + 1);
  if (!mf) {
    /* GNU rule: an @word that names no readable file stays an ordinary argument. */
    push_arg(a, arg);
    return;
  }
  if (depth >= RESPONSE_MAX_DEPTH) {
    ld_error("%s: response files nested too deeply", arg + 1);
    return;
  }
  const char *p = (const char *)mf->mf_data;
  split_response(a, p, p ? p + mf->mf_size : p, depth + 1);
}

char **ld_expand_response_files(int *argc, char **argv) {
  argvec a = {0};
  a.av_v = xrealloc(NULL, sizeof *a.av_v);
  a.av_v[0] = NULL;
  a.av_cap = 1;
  /* argv[0] is the program name and never a response file. */
  for (int i = 0; i < *argc; i++) {
    if (i == 0) push_arg(&a, argv[0]);
    else expand_arg(&a, argv[i], 0);
  }
  *argc = a.av_n;
  return a.av_v;
}
