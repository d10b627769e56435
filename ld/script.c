/* Linker scripts as inputs, and response files.
 *
 * Only the commands that distributions put in the ".so" files they ship are accepted (see
 * script.h); anything else is reported as unsupported rather than half-understood. The lexer
 * follows GNU ld's rules for file-name lists: a name runs until whitespace, '(', ')', ',', ';',
 * a quote or the start of a comment; a quoted name is taken verbatim up to the closing quote.
 * Comments are C style and, as lld also accepts, '#' to end of line. */
#include "script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lscript.h"
#include "mmap.h"

/* Recursion guard for AS_NEEDED(AS_NEEDED(...)) and for @file including itself. */
#define SCRIPT_MAX_DEPTH 32
#define RESPONSE_MAX_DEPTH 64

enum tok_kind { T_EOF, T_WORD, T_STRING, T_LPAREN, T_RPAREN, T_COMMA, T_SEMI, T_ERROR };

typedef struct tok {
  enum tok_kind tk_kind;
  const char *tk_text; /* T_WORD/T_STRING: the bytes (not NUL-terminated) */
  size_t tk_len;
  unsigned tk_line;
} tok;

typedef struct lexer {
  const char *lx_path;
  const char *lx_p, *lx_end;
  unsigned lx_line;
  tok lx_tok; /* current (lookahead) token */
} lexer;

typedef struct builder {
  ld_script_input *bd_inputs;
  uint32_t bd_ninputs, bd_cap;
  const char **bd_dirs;
  uint32_t bd_ndirs, bd_dcap;
} builder;

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

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Skip whitespace and comments. Returns -1 after reporting an unterminated comment. */
static int skip_blank(lexer *lx) {
  for (;;) {
    while (lx->lx_p < lx->lx_end && is_space(*lx->lx_p)) {
      if (*lx->lx_p == '\n') lx->lx_line++;
      lx->lx_p++;
    }
    if (lx->lx_p < lx->lx_end && *lx->lx_p == '#') {
      while (lx->lx_p < lx->lx_end && *lx->lx_p != '\n') lx->lx_p++;
      continue;
    }
    if (lx->lx_end - lx->lx_p >= 2 && lx->lx_p[0] == '/' && lx->lx_p[1] == '*') {
      unsigned start = lx->lx_line;
      lx->lx_p += 2;
      for (;;) {
        if (lx->lx_end - lx->lx_p < 2) {
          ld_error("%s:%u: unterminated comment", lx->lx_path, start);
          return -1;
        }
        if (lx->lx_p[0] == '*' && lx->lx_p[1] == '/') break;
        if (*lx->lx_p == '\n') lx->lx_line++;
        lx->lx_p++;
      }
      lx->lx_p += 2;
      continue;
    }
    return 0;
  }
}

static int ends_word(const lexer *lx, const char *p) {
  char c = *p;
  if (is_space(c) || c == '(' || c == ')' || c == ',' || c == ';' || c == '"') return 1;
  return c == '/' && lx->lx_end - p >= 2 && p[1] == '*';
}

/* Advance to the next token. Errors become T_ERROR after being reported. */
static void next(lexer *lx) {
  tok *t = &lx->lx_tok;
  t->tk_text = NULL;
  t->tk_len = 0;
  if (skip_blank(lx) < 0) {
    t->tk_kind = T_ERROR;
    return;
  }
  t->tk_line = lx->lx_line;
  if (lx->lx_p >= lx->lx_end) {
    t->tk_kind = T_EOF;
    return;
  }
  char c = *lx->lx_p;
  switch (c) {
  case '(':
    t->tk_kind = T_LPAREN;
    lx->lx_p++;
    return;
  case ')':
    t->tk_kind = T_RPAREN;
    lx->lx_p++;
    return;
  case ',':
    t->tk_kind = T_COMMA;
    lx->lx_p++;
    return;
  case ';':
    t->tk_kind = T_SEMI;
    lx->lx_p++;
    return;
  case '"': {
    const char *s = lx->lx_p + 1;
    const char *q = memchr(s, '"', (size_t)(lx->lx_end - s));
    if (!q) {
      ld_error("%s:%u: unterminated quoted string", lx->lx_path, lx->lx_line);
      t->tk_kind = T_ERROR;
      return;
    }
    for (const char *p = s; p < q; p++)
      if (*p == '\n') lx->lx_line++;
    t->tk_kind = T_STRING;
    t->tk_text = s;
    t->tk_len = (size_t)(q - s);
    lx->lx_p = q + 1;
    return;
  }
  default: {
    const char *s = lx->lx_p;
    while (lx->lx_p < lx->lx_end && !ends_word(lx, lx->lx_p)) lx->lx_p++;
    t->tk_kind = T_WORD;
    t->tk_text = s;
    t->tk_len = (size_t)(lx->lx_p - s);
    return;
  }
  }
}

static int word_is(const tok *t, const char *s) {
  return t->tk_kind == T_WORD && t->tk_len == strlen(s) && memcmp(t->tk_text, s, t->tk_len) == 0;
}

/* Length of a token as quoted in a message: long enough to recognize, short enough for a line. */
static int clip(size_t len) { return len > 64 ? 64 : (int)len; }

/* Printable description of the current token for "expected X, found Y" messages. */
static void describe(const tok *t, char *buf, size_t n) {
  switch (t->tk_kind) {
  case T_EOF: snprintf(buf, n, "end of file"); break;
  case T_LPAREN: snprintf(buf, n, "'('"); break;
  case T_RPAREN: snprintf(buf, n, "')'"); break;
  case T_COMMA: snprintf(buf, n, "','"); break;
  case T_SEMI: snprintf(buf, n, "';'"); break;
  case T_STRING: snprintf(buf, n, "\"%.*s\"", clip(t->tk_len), t->tk_text); break;
  default: snprintf(buf, n, "'%.*s'", clip(t->tk_len), t->tk_text); break;
  }
}

/* Report "expected <what>" at the current token (unless the lexer already reported). */
static int expected(lexer *lx, const char *what) {
  if (lx->lx_tok.tk_kind == T_ERROR) return -1;
  char found[96];
  describe(&lx->lx_tok, found, sizeof found);
  ld_error("%s:%u: expected %s, found %s", lx->lx_path, lx->lx_tok.tk_line, what, found);
  return -1;
}

static int expect(lexer *lx, enum tok_kind k, const char *what) {
  if (lx->lx_tok.tk_kind != k) return expected(lx, what);
  next(lx);
  return 0;
}

static void add_input(builder *b, const char *name, int lib, int as_needed, int group) {
  if (b->bd_ninputs == b->bd_cap) {
    b->bd_cap = b->bd_cap ? b->bd_cap * 2 : 8;
    b->bd_inputs = xrealloc(b->bd_inputs, b->bd_cap * sizeof *b->bd_inputs);
  }
  b->bd_inputs[b->bd_ninputs++] = (ld_script_input){.si_name = name,
                                                    .si_lib = (uint8_t)lib,
                                                    .si_as_needed = (uint8_t)as_needed,
                                                    .si_group = (uint8_t)group};
}

/* Input list of GROUP, INPUT or AS_NEEDED, after its '(' and up to and including its ')'.
 * Names may be separated by commas or whitespace. */
static int parse_input_list(lexer *lx, builder *b, int as_needed, int group, int depth) {
  for (;;) {
    tok *t = &lx->lx_tok;
    switch (t->tk_kind) {
    case T_RPAREN: next(lx); return 0;
    case T_COMMA: next(lx); continue;
    case T_STRING:
      if (t->tk_len == 0) return expected(lx, "a file name");
      add_input(b, dup_n(t->tk_text, t->tk_len), 0, as_needed, group);
      next(lx);
      continue;
    case T_WORD:
      if (word_is(t, "AS_NEEDED")) {
        if (depth >= SCRIPT_MAX_DEPTH) {
          ld_error("%s:%u: AS_NEEDED nested too deeply", lx->lx_path, t->tk_line);
          return -1;
        }
        next(lx);
        if (expect(lx, T_LPAREN, "'(' after AS_NEEDED") < 0) return -1;
        if (parse_input_list(lx, b, 1, group, depth + 1) < 0) return -1;
        continue;
      }
      if (t->tk_len >= 2 && t->tk_text[0] == '-' && t->tk_text[1] == 'l') {
        if (t->tk_len == 2) {
          ld_error("%s:%u: expected a library name after '-l'", lx->lx_path, t->tk_line);
          return -1;
        }
        add_input(b, dup_n(t->tk_text + 2, t->tk_len - 2), 1, as_needed, group);
      } else {
        add_input(b, dup_n(t->tk_text, t->tk_len), 0, as_needed, group);
      }
      next(lx);
      continue;
    default: return expected(lx, "a file name or ')'");
    }
  }
}

/* One name argument of `cmd`, bare or quoted. Returns it, or NULL after reporting. */
static char *parse_name(lexer *lx, const char *cmd) {
  tok *t = &lx->lx_tok;
  if ((t->tk_kind != T_WORD && t->tk_kind != T_STRING) || t->tk_len == 0) {
    char what[64];
    snprintf(what, sizeof what, "a name in %s", cmd);
    expected(lx, what);
    return NULL;
  }
  char *name = dup_n(t->tk_text, t->tk_len);
  next(lx);
  return name;
}

/* A parenthesized name: "(name" — the caller closes it, since some commands take more. */
static char *parse_one_name(lexer *lx, const char *cmd) {
  char what[64];
  snprintf(what, sizeof what, "'(' after %s", cmd);
  if (expect(lx, T_LPAREN, what) < 0) return NULL;
  return parse_name(lx, cmd);
}

static int close_paren(lexer *lx, const char *cmd) {
  char what[64];
  snprintf(what, sizeof what, "')' to close %s", cmd);
  return expect(lx, T_RPAREN, what);
}

int ld_script_parse(const char *path, const uint8_t *data, uint64_t size, ld_script *out) {
  memset(out, 0, sizeof *out);
  lexer lx = {.lx_path = path,
              .lx_p = (const char *)data,
              .lx_end = (const char *)data + (data ? size : 0),
              .lx_line = 1};
  builder b = {0};
  next(&lx);
  for (;;) {
    tok *t = &lx.lx_tok;
    if (t->tk_kind == T_EOF) break;
    if (t->tk_kind == T_ERROR) return -1;
    if (t->tk_kind == T_SEMI) {
      next(&lx);
      continue;
    }
    if (t->tk_kind != T_WORD) return expected(&lx, "a command");
    if (word_is(t, "GROUP") || word_is(t, "INPUT")) {
      int group = t->tk_text[0] == 'G';
      next(&lx);
      if (expect(&lx, T_LPAREN, group ? "'(' after GROUP" : "'(' after INPUT") < 0) return -1;
      if (parse_input_list(&lx, &b, 0, group, 0) < 0) return -1;
    } else if (word_is(t, "OUTPUT_FORMAT")) {
      /* OUTPUT_FORMAT(default) or OUTPUT_FORMAT(default, big, little); the target comes from
       * the objects, so the names are checked for form only. */
      next(&lx);
      if (!parse_one_name(&lx, "OUTPUT_FORMAT")) return -1;
      if (lx.lx_tok.tk_kind == T_COMMA) {
        next(&lx);
        if (!parse_name(&lx, "OUTPUT_FORMAT") || expect(&lx, T_COMMA, "',' in OUTPUT_FORMAT") < 0 ||
            !parse_name(&lx, "OUTPUT_FORMAT"))
          return -1;
      }
      if (close_paren(&lx, "OUTPUT_FORMAT") < 0) return -1;
    } else if (word_is(t, "OUTPUT_ARCH")) {
      next(&lx);
      if (!parse_one_name(&lx, "OUTPUT_ARCH") || close_paren(&lx, "OUTPUT_ARCH") < 0) return -1;
    } else if (word_is(t, "SEARCH_DIR")) {
      next(&lx);
      char *dir = parse_one_name(&lx, "SEARCH_DIR");
      if (!dir || close_paren(&lx, "SEARCH_DIR") < 0) return -1;
      if (b.bd_ndirs == b.bd_dcap) {
        b.bd_dcap = b.bd_dcap ? b.bd_dcap * 2 : 4;
        b.bd_dirs = xrealloc(b.bd_dirs, b.bd_dcap * sizeof *b.bd_dirs);
      }
      b.bd_dirs[b.bd_ndirs++] = dir;
    } else if (word_is(t, "ENTRY")) {
      next(&lx);
      char *sym = parse_one_name(&lx, "ENTRY");
      if (!sym || close_paren(&lx, "ENTRY") < 0) return -1;
      out->ls_entry = sym;
    } else {
      /* SECTIONS, MEMORY, PHDRS, assignments, ...: the full command language (ld/lscript.c)
       * reads the whole script again and reports what it does not take. */
      return ld_lscript_parse(path, data, size, out);
    }
  }
  out->ls_inputs = b.bd_inputs;
  out->ls_ninputs = b.bd_ninputs;
  out->ls_search_dirs = b.bd_dirs;
  out->ls_nsearch_dirs = b.bd_ndirs;
  return 0;
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
