/* The linker-script command language (see lscript.h for what it is for). GNU ld's lexical rules
 * depend on context, and so do ours: where a file name, section name or pattern may stand, a word
 * runs until whitespace or one of ( ) { } , ; " = : < > (so that `*(.text.*)`, `/DISCARD/`,
 * `*crtbegin?.o` and `[A-Z]*` are single words); inside expressions a word is an identifier
 * ([A-Za-z0-9_.$]) or a number, and the C operators are tokens. The parser asks for a token in
 * the mode it wants, so nothing is consumed until a production has decided.
 *
 * Every error names file:line. Commands that are recognised but not supported (OVERLAY, ...) say
 * so; unknown words get the closest command suggested. */
#include "lscript.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mapfile.h"
#include "mmap.h"

ls_model ld_ls;

enum { K_EOF, K_WORD, K_NUM, K_STR, K_OP, K_ERR };
enum { OP_ASSIGN_BASE = 512 }; /* OP_ASSIGN_BASE + op: `op=` (op '=' for plain assignment) */

typedef struct ltok {
  int k;
  const char *s; /* K_WORD/K_STR text (not NUL-terminated) */
  size_t n;
  int op;          /* K_OP */
  uint64_t num;    /* K_NUM */
  const char *end; /* where the lexer continues after this token */
  unsigned line, end_line;
} ltok;

typedef struct lx {
  const char *path;
  const char *p, *end;
  unsigned line;
  int depth;      /* INCLUDE nesting */
  int nest;       /* parse_expr and unary operators being parsed, one inside the other */
  ld_script *out; /* input-list results */
  uint32_t ncap, dcap;
} lx;

static int err_at(lx *L, unsigned line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int err_at(lx *L, unsigned line, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ld_error("%s:%u: %s", L->path, line, msg);
  return -1;
}

static int is_sp(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whitespace and comments from p; returns the first significant position, counting lines. */
static const char *skip_blank(lx *L, const char *p, unsigned *line, int *bad) {
  for (;;) {
    while (p < L->end && is_sp(*p)) {
      if (*p == '\n') (*line)++;
      p++;
    }
    if (p < L->end && *p == '#') {
      while (p < L->end && *p != '\n') p++;
      continue;
    }
    if (L->end - p >= 2 && p[0] == '/' && p[1] == '*') {
      unsigned start = *line;
      p += 2;
      while (L->end - p >= 2 && !(p[0] == '*' && p[1] == '/')) {
        if (*p == '\n') (*line)++;
        p++;
      }
      if (L->end - p < 2) {
        err_at(L, start, "unterminated comment");
        *bad = 1;
        return L->end;
      }
      p += 2;
      continue;
    }
    return p;
  }
}

static int name_stop(lx *L, const char *p) {
  char c = *p;
  if (is_sp(c) || strchr("(){},;\"=:<>", c)) return 1;
  return c == '/' && L->end - p >= 2 && p[1] == '*';
}

static int ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '$';
}

/* The token at the current position, in name mode (names != 0) or expression mode. */
static ltok peek_mode(lx *L, int names) {
  ltok t = {0};
  int bad = 0;
  unsigned line = L->line;
  const char *p = skip_blank(L, L->p, &line, &bad);
  t.line = line;
  if (bad) {
    t.k = K_ERR;
    t.end = p;
    t.end_line = line;
    return t;
  }
  if (p >= L->end) {
    t.k = K_EOF;
    t.end = p;
    t.end_line = line;
    return t;
  }
  char c = *p;
  if (c == '"') {
    const char *q = memchr(p + 1, '"', (size_t)(L->end - p - 1));
    if (!q) {
      err_at(L, line, "unterminated quoted string");
      t.k = K_ERR;
      t.end = L->end;
      return t;
    }
    t.k = K_STR;
    t.s = p + 1;
    t.n = (size_t)(q - p - 1);
    for (const char *r = p; r < q; r++)
      if (*r == '\n') line++;
    t.end = q + 1;
    t.end_line = line;
    return t;
  }
  t.end_line = line;
  if (names && !name_stop(L, p)) {
    const char *s = p;
    while (p < L->end && !name_stop(L, p)) p++;
    t.k = K_WORD;
    t.s = s;
    t.n = (size_t)(p - s);
    t.end = p;
    return t;
  }
  if (!names && c >= '0' && c <= '9') {
    const char *s = p;
    while (p < L->end && ident_char(*p)) p++;
    char buf[72];
    size_t n = (size_t)(p - s);
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
    uint64_t mul = 1;
    if (n > 1 && (buf[n - 1] == 'K' || buf[n - 1] == 'k')) mul = 1024, buf[--n] = 0;
    else if (n > 1 && (buf[n - 1] == 'M' || buf[n - 1] == 'm')) mul = 1024 * 1024, buf[--n] = 0;
    /* GNU ld's forms: 0x and a leading 0 (octal) as in C, or a radix suffix h, o, b or d. */
    int base = 10;
    char *digits = buf;
    int hex_prefix = buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X');
    if (hex_prefix) base = 16, digits = buf + 2;
    else if (n > 1 && strchr("hHoObBdD", buf[n - 1])) {
      char r = buf[n - 1];
      base = (r == 'h' || r == 'H')   ? 16
             : (r == 'o' || r == 'O') ? 8
             : (r == 'b' || r == 'B') ? 2
                                      : 10;
      buf[--n] = 0;
    } else if (buf[0] == '0' && n > 1) base = 8;
    unsigned long long v = 0;
    int ok = 0;
    if (*digits && *digits != '-' && *digits != '+') {
      char *e;
      errno = 0;
      v = strtoull(digits, &e, base);
      ok = !*e && !errno;
    }
    if (!ok) {
      t.k = K_WORD; /* reported by the caller as an unexpected word */
      t.s = s;
      t.n = (size_t)(p - s);
    } else {
      t.k = K_NUM;
      t.num = (uint64_t)v * mul;
      t.s = s;
      t.n = (size_t)(p - s);
    }
    t.end = p;
    return t;
  }
  if (!names && ident_char(c)) {
    const char *s = p;
    while (p < L->end && ident_char(*p)) p++;
    t.k = K_WORD;
    t.s = s;
    t.n = (size_t)(p - s);
    t.end = p;
    return t;
  }
  /* Operators: the longest match. */
  static const struct {
    const char *s;
    int op;
  } ops[] = {
      {"<<=", OP_ASSIGN_BASE + LO_SHL},
      {">>=", OP_ASSIGN_BASE + LO_SHR},
      {"<<", LO_SHL},
      {">>", LO_SHR},
      {"<=", LO_LE},
      {">=", LO_GE},
      {"==", LO_EQ},
      {"!=", LO_NE},
      {"&&", LO_ANDAND},
      {"||", LO_OROR},
      {"+=", OP_ASSIGN_BASE + '+'},
      {"-=", OP_ASSIGN_BASE + '-'},
      {"*=", OP_ASSIGN_BASE + '*'},
      {"/=", OP_ASSIGN_BASE + '/'},
      {"&=", OP_ASSIGN_BASE + '&'},
      {"|=", OP_ASSIGN_BASE + '|'},
  };
  t.k = K_OP;
  t.s = p;
  if (!names)
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
      size_t n = strlen(ops[i].s);
      if ((size_t)(L->end - p) >= n && !memcmp(p, ops[i].s, n)) {
        t.op = ops[i].op;
        t.n = n;
        t.end = p + n;
        return t;
      }
    }
  t.op = c == '=' ? OP_ASSIGN_BASE + '=' : (unsigned char)c;
  t.n = 1;
  t.end = p + 1;
  return t;
}

static ltok peek(lx *L) { return peek_mode(L, 0); }
static ltok peekn(lx *L) { return peek_mode(L, 1); }
static void take(lx *L, const ltok *t) {
  L->p = t->end;
  L->line = t->end_line;
}

static int clip(size_t n) { return n > 64 ? 64 : (int)n; }

static void describe(const ltok *t, char *buf, size_t n) {
  switch (t->k) {
  case K_EOF: snprintf(buf, n, "end of file"); break;
  case K_STR: snprintf(buf, n, "\"%.*s\"", clip(t->n), t->s); break;
  case K_ERR: snprintf(buf, n, "an error"); break;
  default: snprintf(buf, n, "'%.*s'", clip(t->n), t->s); break;
  }
}

static int expected(lx *L, const ltok *t, const char *what) {
  if (t->k == K_ERR) return -1;
  char found[96];
  describe(t, found, sizeof found);
  return err_at(L, t->line, "expected %s, found %s", what, found);
}

static int is_op(const ltok *t, int op) { return t->k == K_OP && t->op == op; }
static int is_word(const ltok *t, const char *w) {
  return t->k == K_WORD && t->n == strlen(w) && !memcmp(t->s, w, t->n);
}
static int is_assign_op(const ltok *t) { return t->k == K_OP && t->op >= OP_ASSIGN_BASE; }

/* Consume the operator `op` or report `what`. */
static int want(lx *L, int op, const char *what) {
  ltok t = peek(L);
  if (!is_op(&t, op)) return expected(L, &t, what);
  take(L, &t);
  return 0;
}

static char *dup_tok(const ltok *t) {
  char *d = ld_xmalloc(t->n + 1);
  memcpy(d, t->s, t->n);
  d[t->n] = 0;
  return d;
}

/* A name (bare word in name mode, or quoted). */
static char *want_name(lx *L, const char *what) {
  ltok t = peekn(L);
  if ((t.k != K_WORD && t.k != K_STR) || t.n == 0) {
    expected(L, &t, what);
    return NULL;
  }
  take(L, &t);
  return dup_tok(&t);
}

/* A file or directory name, which may start with '=' (under the sysroot, see ld/input.c): the
 * lexer makes "=/path" an assignment operator followed by a word. */
static char *want_file(lx *L, const char *what) {
  ltok t = peekn(L);
  if (!is_op(&t, OP_ASSIGN_BASE + '=')) return want_name(L, what);
  take(L, &t);
  ltok u = peekn(L);
  if ((u.k != K_WORD && u.k != K_STR) || u.s != t.end) {
    expected(L, &u, "a name after '='");
    return NULL;
  }
  take(L, &u);
  return ld_sprintf("=%.*s", (int)u.n, u.s);
}

/* ---- suggestions ---- */

static size_t edit_distance(const char *a, size_t na, const char *b) {
  size_t nb = strlen(b);
  if (na > 40 || nb > 40) return 99;
  size_t d[41][41];
  for (size_t i = 0; i <= na; i++) d[i][0] = i;
  for (size_t j = 0; j <= nb; j++) d[0][j] = j;
  for (size_t i = 1; i <= na; i++)
    for (size_t j = 1; j <= nb; j++) {
      size_t c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
      d[i][j] = c;
    }
  return d[na][nb];
}

/* "; did you mean 'X'?" for the closest of `words`, or "" when none is close. */
static const char *suggest(const ltok *t, const char *const *words) {
  const char *best = NULL;
  size_t bd = 3;
  for (size_t i = 0; words[i]; i++) {
    size_t d = edit_distance(t->s, t->n, words[i]);
    if (d < bd) bd = d, best = words[i];
  }
  return best ? ld_sprintf("; did you mean '%s'?", best) : "";
}

static const char *const top_commands[] = {"SECTIONS",
                                           "MEMORY",
                                           "PHDRS",
                                           "VERSION",
                                           "ENTRY",
                                           "ASSERT",
                                           "PROVIDE",
                                           "PROVIDE_HIDDEN",
                                           "HIDDEN",
                                           "INSERT",
                                           "OUTPUT_FORMAT",
                                           "OUTPUT_ARCH",
                                           "OUTPUT",
                                           "SEARCH_DIR",
                                           "GROUP",
                                           "INPUT",
                                           "AS_NEEDED",
                                           "STARTUP",
                                           "TARGET",
                                           "INCLUDE",
                                           "EXTERN",
                                           "REGION_ALIAS",
                                           "NOCROSSREFS",
                                           "FORCE_COMMON_ALLOCATION",
                                           "INHIBIT_COMMON_ALLOCATION",
                                           NULL};
static const char *const section_commands[] = {"KEEP",
                                               "SORT",
                                               "SORT_BY_NAME",
                                               "SORT_BY_ALIGNMENT",
                                               "SORT_BY_INIT_PRIORITY",
                                               "SORT_NONE",
                                               "EXCLUDE_FILE",
                                               "BYTE",
                                               "SHORT",
                                               "LONG",
                                               "QUAD",
                                               "SQUAD",
                                               "FILL",
                                               "ASSERT",
                                               "PROVIDE",
                                               "PROVIDE_HIDDEN",
                                               "HIDDEN",
                                               "COMMON",
                                               "CONSTRUCTORS",
                                               NULL};
static const char *const functions[] = {"ADDR",
                                        "LOADADDR",
                                        "SIZEOF",
                                        "ALIGNOF",
                                        "ALIGN",
                                        "ORIGIN",
                                        "LENGTH",
                                        "MAX",
                                        "MIN",
                                        "DEFINED",
                                        "CONSTANT",
                                        "SIZEOF_HEADERS",
                                        "ABSOLUTE",
                                        "LOG2CEIL",
                                        "NEXT",
                                        "DATA_SEGMENT_ALIGN",
                                        "DATA_SEGMENT_END",
                                        "DATA_SEGMENT_RELRO_END",
                                        "SEGMENT_START",
                                        "ASSERT",
                                        "BLOCK",
                                        "org",
                                        "len",
                                        NULL};
/* Recognised, and refused rather than half-understood. */
static const char *const unsupported[] = {"OVERLAY",      "NOCROSSREFS_TO",      "LD_FEATURE",
                                          "TARGET_ALIAS", "INPUT_SECTION_FLAGS", NULL};

static int in_list(const ltok *t, const char *const *words) {
  for (size_t i = 0; words[i]; i++)
    if (is_word(t, words[i])) return 1;
  return 0;
}

static int unsupported_form(lx *L, const ltok *t) {
  return err_at(L, t->line, "unsupported linker script command '%.*s'", clip(t->n), t->s);
}

static int unsupported_type(lx *L, const ltok *t) {
  return err_at(L, t->line, "unsupported output section type '%.*s' (NOLOAD is the one supported)",
                clip(t->n), t->s);
}

/* ---- expressions ---- */

static ls_expr *new_expr(lx *L, int kind, unsigned line) {
  ls_expr *e = ld_xcalloc(1, sizeof *e);
  e->e_kind = (uint8_t)kind;
  e->e_file = L->path;
  e->e_line = line;
  return e;
}

static ls_expr *parse_expr(lx *L);

/* Note e's depth, from its operands'; NULL (reported) beyond LS_EXPR_MAX_DEPTH. */
static ls_expr *sized(lx *L, ls_expr *e) {
  unsigned d = 0;
  const ls_expr *kids[3] = {e->e_a, e->e_b, e->e_c};
  for (int i = 0; i < 3; i++)
    if (kids[i] && kids[i]->e_depth > d) d = kids[i]->e_depth;
  e->e_depth = d + 1;
  if (e->e_depth > LS_EXPR_MAX_DEPTH) {
    err_at(L, e->e_line, "expression nested too deeply (more than %d levels of operators)",
           LS_EXPR_MAX_DEPTH);
    return NULL;
  }
  return e;
}

/* Enter one more level of parentheses or unary operators; -1 (reported) past the limit. */
static int nest(lx *L, unsigned line) {
  if (++L->nest <= LS_EXPR_MAX_DEPTH) return 0;
  L->nest--;
  return err_at(L, line, "expression nested too deeply (more than %d levels of parentheses)",
                LS_EXPR_MAX_DEPTH);
}

static int func_id(const ltok *t) {
  static const struct {
    const char *n;
    int id;
  } fns[] = {
      {"ADDR", LF_ADDR},
      {"LOADADDR", LF_LOADADDR},
      {"SIZEOF", LF_SIZEOF},
      {"ALIGNOF", LF_ALIGNOF},
      {"ALIGN", LF_ALIGN},
      {"BLOCK", LF_ALIGN},
      {"ORIGIN", LF_ORIGIN},
      {"org", LF_ORIGIN},
      {"LENGTH", LF_LENGTH},
      {"len", LF_LENGTH},
      {"MAX", LF_MAX},
      {"MIN", LF_MIN},
      {"DEFINED", LF_DEFINED},
      {"CONSTANT", LF_CONSTANT},
      {"SIZEOF_HEADERS", LF_SIZEOF_HEADERS},
      {"ABSOLUTE", LF_ABSOLUTE},
      {"LOG2CEIL", LF_LOG2CEIL},
      {"NEXT", LF_NEXT},
      {"DATA_SEGMENT_ALIGN", LF_DATA_SEGMENT_ALIGN},
      {"DATA_SEGMENT_END", LF_DATA_SEGMENT_END},
      {"DATA_SEGMENT_RELRO_END", LF_DATA_SEGMENT_RELRO_END},
      {"SEGMENT_START", LF_SEGMENT_START},
      {"ASSERT", LF_ASSERT},
  };
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
    if (is_word(t, fns[i].n)) return fns[i].id;
  return -1;
}

static ls_expr *parse_primary(lx *L) {
  ltok t = peek(L);
  if (t.k == K_NUM) {
    take(L, &t);
    ls_expr *e = new_expr(L, LE_NUM, t.line);
    e->e_num = t.num;
    e->e_depth = 1;
    return e;
  }
  if (is_op(&t, '(')) {
    take(L, &t);
    ls_expr *e = parse_expr(L);
    if (!e || want(L, ')', "')' to close the parenthesized expression") < 0) return NULL;
    return e;
  }
  if (t.k == K_OP && (t.op == '-' || t.op == '!' || t.op == '~' || t.op == '+')) {
    take(L, &t);
    if (nest(L, t.line) < 0) return NULL;
    ls_expr *a = parse_primary(L);
    L->nest--;
    if (!a) return NULL;
    if (t.op == '+') return a;
    ls_expr *e = new_expr(L, LE_UNARY, t.line);
    e->e_op = t.op;
    e->e_a = a;
    return sized(L, e);
  }
  if (t.k != K_WORD) {
    expected(L, &t, "an expression");
    return NULL;
  }
  if (is_word(&t, ".")) {
    take(L, &t);
    return sized(L, new_expr(L, LE_DOT, t.line));
  }
  if (t.s[0] >= '0' && t.s[0] <= '9') {
    err_at(L, t.line, "malformed number '%.*s'", clip(t.n), t.s);
    return NULL;
  }
  int fn = func_id(&t);
  if (fn == LF_SIZEOF_HEADERS) {
    take(L, &t);
    ld_ls.lm_uses_headers = 1;
    ls_expr *e = new_expr(L, LE_FUNC, t.line);
    e->e_op = fn;
    return sized(L, e);
  }
  ltok after;
  {
    lx save = *L;
    take(L, &t);
    after = peek(L);
    *L = save;
  }
  if (fn < 0 || !is_op(&after, '(')) {
    if (is_op(&after, '(')) {
      char what[128];
      snprintf(what, sizeof what, "unknown function '%.*s' in expression%s", clip(t.n), t.s,
               suggest(&t, functions));
      err_at(L, t.line, "%s", what);
      return NULL;
    }
    take(L, &t);
    ls_expr *e = new_expr(L, LE_SYM, t.line);
    e->e_name = dup_tok(&t);
    return sized(L, e);
  }
  take(L, &t);
  take(L, &after);
  ls_expr *e = new_expr(L, LE_FUNC, t.line);
  e->e_op = fn;
  switch (fn) {
  case LF_ADDR:
  case LF_LOADADDR:
  case LF_SIZEOF:
  case LF_ALIGNOF:
  case LF_ORIGIN:
  case LF_LENGTH:
  case LF_DEFINED:
  case LF_CONSTANT:
    if (!(e->e_name = want_name(L, fn == LF_ORIGIN || fn == LF_LENGTH ? "a memory region name"
                                   : fn == LF_DEFINED                 ? "a symbol name"
                                   : fn == LF_CONSTANT ? "MAXPAGESIZE or COMMONPAGESIZE"
                                                       : "an output section name")))
      return NULL;
    if (fn == LF_CONSTANT && strcmp(e->e_name, "MAXPAGESIZE") &&
        strcmp(e->e_name, "COMMONPAGESIZE")) {
      err_at(L, t.line, "CONSTANT(%s): expected MAXPAGESIZE or COMMONPAGESIZE", e->e_name);
      return NULL;
    }
    break;
  case LF_SEGMENT_START:
    if (!(e->e_name = want_name(L, "a segment name")) || want(L, ',', "',' in SEGMENT_START") < 0 ||
        !(e->e_a = parse_expr(L)))
      return NULL;
    break;
  case LF_ASSERT: {
    if (!(e->e_a = parse_expr(L)) || want(L, ',', "',' in ASSERT") < 0) return NULL;
    ltok m = peekn(L);
    if (m.k != K_STR && m.k != K_WORD) {
      expected(L, &m, "the message of ASSERT");
      return NULL;
    }
    take(L, &m);
    e->e_msg = dup_tok(&m);
    break;
  }
  default:
    if (!(e->e_a = parse_expr(L))) return NULL;
    if (fn == LF_ALIGN || fn == LF_MAX || fn == LF_MIN || fn == LF_DATA_SEGMENT_ALIGN ||
        fn == LF_DATA_SEGMENT_RELRO_END) {
      ltok c = peek(L);
      if (is_op(&c, ',')) {
        take(L, &c);
        if (!(e->e_b = parse_expr(L))) return NULL;
      } else if (fn != LF_ALIGN) {
        expected(L, &c, "',' and a second argument");
        return NULL;
      }
    }
  }
  if (want(L, ')', "')' to close the function's arguments") < 0) return NULL;
  return sized(L, e);
}

/* Binary operators by precedence, loosest first (C's order). */
static int prec(int op) {
  switch (op) {
  case LO_OROR: return 1;
  case LO_ANDAND: return 2;
  case '|': return 3;
  case '^': return 4;
  case '&': return 5;
  case LO_EQ:
  case LO_NE: return 6;
  case '<':
  case '>':
  case LO_LE:
  case LO_GE: return 7;
  case LO_SHL:
  case LO_SHR: return 8;
  case '+':
  case '-': return 9;
  case '*':
  case '/':
  case '%': return 10;
  default: return 0;
  }
}

static ls_expr *parse_binary(lx *L, int min) {
  ls_expr *a = parse_primary(L);
  while (a) {
    ltok t = peek(L);
    int p = t.k == K_OP ? prec(t.op) : 0;
    if (!p || p < min) return a;
    take(L, &t);
    ls_expr *b = parse_binary(L, p + 1);
    if (!b) return NULL;
    ls_expr *e = new_expr(L, LE_BINARY, t.line);
    e->e_op = t.op;
    e->e_a = a;
    e->e_b = b;
    a = sized(L, e);
  }
  return NULL;
}

static ls_expr *parse_cond(lx *L);

/* Every expression, parenthesized and function arguments included, is parsed here: the count
 * of levels bounds the recursion. */
static ls_expr *parse_expr(lx *L) {
  ltok t = peek(L);
  if (nest(L, t.line) < 0) return NULL;
  ls_expr *e = parse_cond(L);
  L->nest--;
  return e;
}

static ls_expr *parse_cond(lx *L) {
  ls_expr *c = parse_binary(L, 1);
  if (!c) return NULL;
  ltok t = peek(L);
  if (!is_op(&t, '?')) return c;
  take(L, &t);
  ls_expr *e = new_expr(L, LE_COND, t.line);
  e->e_a = c;
  if (!(e->e_b = parse_expr(L)) || want(L, ':', "':' in a conditional expression") < 0 ||
      !(e->e_c = parse_expr(L)))
    return NULL;
  return sized(L, e);
}

/* ---- statements ---- */

static ls_stmt *new_stmt(lx *L, int kind, unsigned line) {
  ls_stmt *s = ld_xcalloc(1, sizeof *s);
  s->st_kind = (uint8_t)kind;
  s->st_file = L->path;
  s->st_line = line;
  return s;
}

/* `sym op= expr` after the symbol's token `name` (already taken). */
static ls_stmt *parse_assign_rest(lx *L, const ltok *name, int provide, int hidden) {
  ltok op = peek(L);
  if (!is_assign_op(&op)) {
    expected(L, &op, "'=' or an assignment operator");
    return NULL;
  }
  take(L, &op);
  ls_stmt *s = new_stmt(L, LS_ASSIGN, name->line);
  s->st_sym = dup_tok(name);
  s->st_op = op.op - OP_ASSIGN_BASE;
  s->st_provide = (uint8_t)provide;
  s->st_hidden = (uint8_t)hidden;
  if (!(s->st_expr = parse_expr(L))) return NULL;
  if (provide && !strcmp(s->st_sym, ".")) {
    err_at(L, name->line, "PROVIDE cannot assign the location counter");
    return NULL;
  }
  return s;
}

/* PROVIDE(sym = expr), PROVIDE_HIDDEN(...), HIDDEN(...): the keyword is taken. */
static ls_stmt *parse_provide(lx *L, const ltok *kw) {
  int provide = !is_word(kw, "HIDDEN"), hidden = !is_word(kw, "PROVIDE");
  char what[64];
  snprintf(what, sizeof what, "'(' after %.*s", clip(kw->n), kw->s);
  if (want(L, '(', what) < 0) return NULL;
  ltok name = peekn(L);
  if (name.k != K_WORD) {
    expected(L, &name, "a symbol name");
    return NULL;
  }
  take(L, &name);
  ls_stmt *s = parse_assign_rest(L, &name, provide, hidden);
  snprintf(what, sizeof what, "')' to close %.*s", clip(kw->n), kw->s);
  if (!s || want(L, ')', what) < 0) return NULL;
  return s;
}

static ls_stmt *parse_assert(lx *L, unsigned line) {
  if (want(L, '(', "'(' after ASSERT") < 0) return NULL;
  ls_stmt *s = new_stmt(L, LS_ASSERT, line);
  if (!(s->st_expr = parse_expr(L)) || want(L, ',', "',' and a message in ASSERT") < 0) return NULL;
  ltok m = peekn(L);
  if (m.k != K_STR && m.k != K_WORD) {
    expected(L, &m, "the message of ASSERT");
    return NULL;
  }
  take(L, &m);
  s->st_msg = dup_tok(&m);
  if (want(L, ')', "')' to close ASSERT") < 0) return NULL;
  return s;
}

/* Optional ';' after a statement. */
static void opt_semi(lx *L) {
  ltok t = peek(L);
  if (is_op(&t, ';')) take(L, &t);
}

static int sort_kind(const ltok *t) {
  if (is_word(t, "SORT") || is_word(t, "SORT_BY_NAME")) return LS_SORT_NAME;
  if (is_word(t, "SORT_BY_ALIGNMENT")) return LS_SORT_ALIGN;
  if (is_word(t, "SORT_BY_INIT_PRIORITY")) return LS_SORT_INIT_PRIO;
  if (is_word(t, "SORT_NONE")) return 100;
  return -1;
}

/* EXCLUDE_FILE(f f ...): the keyword is taken. */
static int parse_exclude(lx *L, const char ***v, uint32_t *n) {
  if (want(L, '(', "'(' after EXCLUDE_FILE") < 0) return -1;
  for (;;) {
    ltok t = peekn(L);
    if (is_op(&t, ')')) {
      take(L, &t);
      return 0;
    }
    if (is_op(&t, ',')) {
      take(L, &t);
      continue;
    }
    if (t.k != K_WORD && t.k != K_STR) return expected(L, &t, "a file name or ')' in EXCLUDE_FILE");
    take(L, &t);
    *v = ld_xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = dup_tok(&t);
  }
}

static void add_pat(ls_insec *in, const char *glob, int sort, const char **excl, uint32_t nexcl) {
  in->in_pats = ld_xrealloc(in->in_pats, (in->in_npats + 1) * sizeof *in->in_pats);
  in->in_pats[in->in_npats++] =
      (ls_secpat){.sp_glob = glob, .sp_sort = (uint8_t)sort, .sp_excl = excl, .sp_nexcl = nexcl};
  if (!strcmp(glob, "COMMON")) in->in_common = 1, ld_ls.lm_refs_common = 1;
}

/* The section list of an input description, after its '(' up to and including ')'. */
static int parse_secpats(lx *L, ls_insec *in) {
  const char **excl = NULL;
  uint32_t nexcl = 0;
  for (;;) {
    ltok t = peekn(L);
    if (is_op(&t, ')')) {
      take(L, &t);
      return 0;
    }
    if (is_op(&t, ',')) {
      take(L, &t);
      continue;
    }
    if (t.k != K_WORD && t.k != K_STR) return expected(L, &t, "a section name pattern or ')'");
    take(L, &t);
    if (is_word(&t, "EXCLUDE_FILE")) {
      if (parse_exclude(L, &excl, &nexcl) < 0) return -1;
      continue;
    }
    int sk = sort_kind(&t);
    if (sk >= 0) {
      /* SORT_x(pattern...) or SORT_x(SORT_y(pattern...)) */
      if (want(L, '(', "'(' after a SORT keyword") < 0) return -1;
      ltok u = peekn(L);
      int sk2 = sort_kind(&u);
      int depth = 1;
      if (sk2 >= 0) {
        take(L, &u);
        if (want(L, '(', "'(' after a SORT keyword") < 0) return -1;
        depth = 2;
        if (sk == LS_SORT_NAME && sk2 == LS_SORT_ALIGN) sk = LS_SORT_NAME_ALIGN;
        else if (sk == LS_SORT_ALIGN && sk2 == LS_SORT_NAME) sk = LS_SORT_ALIGN_NAME;
      }
      for (;;) {
        ltok p = peekn(L);
        if (is_op(&p, ')')) break;
        if (is_op(&p, ',')) {
          take(L, &p);
          continue;
        }
        if (p.k != K_WORD && p.k != K_STR) return expected(L, &p, "a section name pattern in SORT");
        take(L, &p);
        if (is_word(&p, "EXCLUDE_FILE")) {
          if (parse_exclude(L, &excl, &nexcl) < 0) return -1;
          continue;
        }
        add_pat(in, dup_tok(&p), sk == 100 ? LS_SORT_NONE : sk, excl, nexcl);
        excl = NULL, nexcl = 0;
      }
      while (depth--)
        if (want(L, ')', "')' to close SORT") < 0) return -1;
      continue;
    }
    add_pat(in, dup_tok(&t), LS_SORT_NONE, excl, nexcl);
    excl = NULL, nexcl = 0;
  }
}

/* An input section description starting at the name-mode token `t` (not yet taken). */
static ls_stmt *parse_insec(lx *L, ltok t, int keep) {
  ls_stmt *s = new_stmt(L, LS_INPUT, t.line);
  ls_insec *in = ld_xcalloc(1, sizeof *in);
  s->st_in = in;
  in->in_keep = (uint8_t)keep;
  take(L, &t);
  if (is_word(&t, "EXCLUDE_FILE")) {
    if (parse_exclude(L, &in->in_excl, &in->in_nexcl) < 0) return NULL;
    t = peekn(L);
    if (t.k != K_WORD && t.k != K_STR) {
      expected(L, &t, "a file name pattern after EXCLUDE_FILE");
      return NULL;
    }
    take(L, &t);
  }
  if (is_word(&t, "COMMON")) { /* bare COMMON: the commons of every file */
    add_pat(in, "COMMON", LS_SORT_NONE, NULL, 0);
    return s;
  }
  if (sort_kind(&t) >= 0) { /* SORT(file pattern): files are taken in link order */
    if (want(L, '(', "'(' after a SORT keyword") < 0) return NULL;
    t = peekn(L);
    if (t.k != K_WORD && t.k != K_STR) {
      expected(L, &t, "a file name pattern");
      return NULL;
    }
    take(L, &t);
    if (want(L, ')', "')' to close SORT") < 0) return NULL;
  }
  in->in_file = strcmp(dup_tok(&t), "*") ? dup_tok(&t) : NULL;
  ltok p = peek(L);
  if (!is_op(&p, '(')) { /* a file named alone: all of its sections */
    add_pat(in, "*", LS_SORT_NONE, NULL, 0);
    return s;
  }
  take(L, &p);
  if (parse_secpats(L, in) < 0) return NULL;
  return s;
}

static ls_stmt *parse_data(lx *L, const ltok *kw) {
  ls_stmt *s = new_stmt(L, LS_DATA, kw->line);
  s->st_size = is_word(kw, "BYTE") ? 1 : is_word(kw, "SHORT") ? 2 : is_word(kw, "LONG") ? 4 : 8;
  if (want(L, '(', "'(' after a data command") < 0 || !(s->st_expr = parse_expr(L)) ||
      want(L, ')', "')' to close the data command") < 0)
    return NULL;
  return s;
}

static void push_body(ls_osec *os, ls_stmt *s) {
  os->lo_body = ld_xrealloc(os->lo_body, (os->lo_nbody + 1) * sizeof *os->lo_body);
  os->lo_body[os->lo_nbody++] = s;
}

static int parse_fill(lx *L, uint32_t *fill) {
  ls_expr *e = parse_expr(L);
  if (!e) return -1;
  if (e->e_kind != LE_NUM) return err_at(L, e->e_line, "a fill pattern must be a number");
  *fill = (uint32_t)e->e_num;
  return 0;
}

/* A word of capitals followed by '(' where an input description is expected: a misspelt
 * keyword rather than a file name. */
static int looks_like_keyword(lx *L, const ltok *t) {
  if (t->n < 3) return 0;
  for (size_t i = 0; i < t->n; i++)
    if (!((t->s[i] >= 'A' && t->s[i] <= 'Z') || t->s[i] == '_')) return 0;
  lx save = *L;
  take(L, t);
  ltok p = peek(L);
  *L = save;
  return is_op(&p, '(');
}

/* The statements of an output section, after '{' up to and including '}'. */
static int parse_osec_body(lx *L, ls_osec *os) {
  for (;;) {
    ltok t = peekn(L);
    if (is_op(&t, '}')) {
      take(L, &t);
      return 0;
    }
    if (is_op(&t, ';')) {
      take(L, &t);
      continue;
    }
    if (t.k == K_EOF) return expected(L, &t, "'}' to close the output section");
    if (t.k != K_WORD && t.k != K_STR)
      return expected(L, &t, "an input section description or an assignment");
    ls_stmt *s = NULL;
    if (is_word(&t, "KEEP")) {
      take(L, &t);
      if (want(L, '(', "'(' after KEEP") < 0) return -1;
      ltok u = peekn(L);
      if (u.k != K_WORD && u.k != K_STR)
        return expected(L, &u, "an input section description in KEEP");
      if (!(s = parse_insec(L, u, 1)) || want(L, ')', "')' to close KEEP") < 0) return -1;
    } else if (is_word(&t, "BYTE") || is_word(&t, "SHORT") || is_word(&t, "LONG") ||
               is_word(&t, "QUAD") || is_word(&t, "SQUAD")) {
      take(L, &t);
      if (!(s = parse_data(L, &t))) return -1;
    } else if (is_word(&t, "FILL")) {
      take(L, &t);
      if (want(L, '(', "'(' after FILL") < 0 || parse_fill(L, &os->lo_fill) < 0 ||
          want(L, ')', "')' to close FILL") < 0)
        return -1;
      os->lo_has_fill = 1;
      continue;
    } else if (is_word(&t, "ASSERT")) {
      take(L, &t);
      if (!(s = parse_assert(L, t.line))) return -1;
    } else if (is_word(&t, "PROVIDE") || is_word(&t, "PROVIDE_HIDDEN") || is_word(&t, "HIDDEN")) {
      take(L, &t);
      if (!(s = parse_provide(L, &t))) return -1;
    } else if (is_word(&t, "CONSTRUCTORS") || is_word(&t, "CREATE_OBJECT_SYMBOLS")) {
      take(L, &t); /* a.out-era commands: nothing to do for ELF */
      continue;
    } else if (in_list(&t, unsupported)) {
      return unsupported_form(L, &t);
    } else {
      /* An assignment if an assignment operator follows the word, else an input description. */
      lx save = *L;
      ltok w = peek(L);
      take(L, &w);
      ltok op = peek(L);
      if (w.k == K_WORD && is_assign_op(&op)) {
        if (!(s = parse_assign_rest(L, &w, 0, 0))) return -1;
      } else {
        *L = save;
        if (!in_list(&t, section_commands) && looks_like_keyword(L, &t))
          return err_at(L, t.line, "unknown keyword '%.*s' in an output section%s", clip(t.n), t.s,
                        suggest(&t, section_commands));
        if (!(s = parse_insec(L, t, 0))) return -1;
      }
    }
    s->st_file = L->path;
    push_body(os, s);
    opt_semi(L);
  }
}

static ls_region *find_region(const char *name) {
  for (uint32_t i = 0; i < ld_ls.lm_aliases.n; i += 2)
    if (!strcmp(ld_ls.lm_aliases.v[i], name)) name = ld_ls.lm_aliases.v[i + 1];
  for (uint32_t i = 0; i < ld_ls.lm_regions.n; i++) {
    ls_region *r = ld_ls.lm_regions.v[i];
    if (!strcmp(r->r_name, name)) return r;
  }
  return NULL;
}

ls_region *ld_lscript_region(const char *name) { return find_region(name); }

/* An output section description; its name token is taken. */
static ls_stmt *parse_osec(lx *L, const ltok *name) {
  ls_stmt *s = new_stmt(L, LS_OSEC, name->line);
  ls_osec *os = ld_xcalloc(1, sizeof *os);
  s->st_os = os;
  os->lo_name = dup_tok(name);
  os->lo_file = L->path;
  os->lo_line = name->line;
  os->lo_discard = !strcmp(os->lo_name, "/DISCARD/");
  ltok t = peek(L);
  if (!is_op(&t, ':')) {
    /* (TYPE) or an address expression, possibly followed by (TYPE). */
    int typed = 0;
    if (is_op(&t, '(')) {
      lx save = *L;
      take(L, &t);
      ltok w = peekn(L);
      if (is_word(&w, "NOLOAD")) {
        take(L, &w);
        os->lo_noload = 1;
        if (want(L, ')', "')' after the section type") < 0) return NULL;
        typed = 1;
      } else if (is_word(&w, "COPY") || is_word(&w, "INFO") || is_word(&w, "DSECT") ||
                 is_word(&w, "READONLY") || is_word(&w, "OVERLAY") || is_word(&w, "TYPE")) {
        unsupported_type(L, &w);
        return NULL;
      } else {
        *L = save;
      }
    }
    if (!typed) {
      if (!(os->lo_addr = parse_expr(L))) return NULL;
      ltok u = peek(L);
      if (is_op(&u, '(')) {
        take(L, &u);
        ltok w = peekn(L);
        if (is_word(&w, "COPY") || is_word(&w, "INFO") || is_word(&w, "DSECT") ||
            is_word(&w, "READONLY") || is_word(&w, "OVERLAY") || is_word(&w, "TYPE")) {
          unsupported_type(L, &w);
          return NULL;
        }
        if (!is_word(&w, "NOLOAD")) {
          expected(L, &w, "the section type NOLOAD");
          return NULL;
        }
        take(L, &w);
        os->lo_noload = 1;
        if (want(L, ')', "')' after the section type") < 0) return NULL;
      }
    }
  }
  char what[160];
  snprintf(what, sizeof what, "':' after output section %s", os->lo_name);
  if (want(L, ':', what) < 0) return NULL;
  for (;;) {
    t = peekn(L);
    if (is_word(&t, "AT")) {
      take(L, &t);
      ltok u = peek(L);
      if (is_op(&u, '>')) {
        take(L, &u);
        if (!(os->lo_lma_region = want_name(L, "a memory region name after AT>"))) return NULL;
        continue;
      }
      if (want(L, '(', "'(' or '>' after AT") < 0 || !(os->lo_lma = parse_expr(L)) ||
          want(L, ')', "')' to close AT") < 0)
        return NULL;
    } else if (is_word(&t, "ALIGN")) {
      take(L, &t);
      if (want(L, '(', "'(' after ALIGN") < 0 || !(os->lo_align = parse_expr(L)) ||
          want(L, ')', "')' to close ALIGN") < 0)
        return NULL;
    } else if (is_word(&t, "SUBALIGN")) {
      take(L, &t);
      if (want(L, '(', "'(' after SUBALIGN") < 0 || !(os->lo_subalign = parse_expr(L)) ||
          want(L, ')', "')' to close SUBALIGN") < 0)
        return NULL;
    } else if (is_word(&t, "ALIGN_WITH_INPUT")) {
      take(L, &t);
    } else if (is_word(&t, "ONLY_IF_RO") || is_word(&t, "ONLY_IF_RW")) {
      take(L, &t);
      os->lo_constraint = t.s[9] == 'O' ? 1 : 2;
    } else if (t.k == K_WORD && in_list(&t, unsupported)) {
      unsupported_form(L, &t);
      return NULL;
    } else {
      break;
    }
  }
  t = peek(L);
  if (!is_op(&t, '{')) {
    snprintf(what, sizeof what, "'{' to open output section %s", os->lo_name);
    expected(L, &t, what);
    return NULL;
  }
  take(L, &t);
  if (parse_osec_body(L, os) < 0) return NULL;
  for (;;) {
    t = peekn(L);
    if (is_op(&t, '>')) {
      take(L, &t);
      if (!(os->lo_region = want_name(L, "a memory region name after '>'"))) return NULL;
    } else if (is_word(&t, "AT")) {
      take(L, &t);
      if (want(L, '>', "'>' after AT") < 0 ||
          !(os->lo_lma_region = want_name(L, "a memory region name after AT>")))
        return NULL;
    } else if (is_op(&t, ':')) {
      take(L, &t);
      char *ph = want_name(L, "a program header name after ':'");
      if (!ph) return NULL;
      os->lo_phdrs = ld_xrealloc(os->lo_phdrs, (os->lo_nphdrs + 1) * sizeof *os->lo_phdrs);
      os->lo_phdrs[os->lo_nphdrs++] = ph;
    } else if (t.k == K_OP && t.op == OP_ASSIGN_BASE + '=') {
      take(L, &t);
      if (parse_fill(L, &os->lo_fill) < 0) return NULL;
      os->lo_has_fill = 1;
    } else if (is_op(&t, ',')) {
      take(L, &t);
      break;
    } else {
      break;
    }
  }
  return s;
}

/* SECTIONS { ... }: the keyword is taken. Returns the statements via `v`. */
static int parse_sections(lx *L, ld_vec *v) {
  if (want(L, '{', "'{' after SECTIONS") < 0) return -1;
  for (;;) {
    ltok t = peekn(L);
    if (is_op(&t, '}')) {
      take(L, &t);
      return 0;
    }
    if (is_op(&t, ';')) {
      take(L, &t);
      continue;
    }
    if (t.k == K_EOF) return expected(L, &t, "'}' to close SECTIONS");
    if (t.k != K_WORD && t.k != K_STR)
      return expected(L, &t, "an output section description or an assignment");
    ls_stmt *s;
    if (is_word(&t, "ASSERT")) {
      take(L, &t);
      if (!(s = parse_assert(L, t.line))) return -1;
    } else if (is_word(&t, "PROVIDE") || is_word(&t, "PROVIDE_HIDDEN") || is_word(&t, "HIDDEN")) {
      take(L, &t);
      if (!(s = parse_provide(L, &t))) return -1;
    } else if (is_word(&t, "ENTRY")) {
      take(L, &t);
      char *sym;
      if (want(L, '(', "'(' after ENTRY") < 0 || !(sym = want_name(L, "a symbol in ENTRY")) ||
          want(L, ')', "')' to close ENTRY") < 0)
        return -1;
      L->out->ls_entry = sym;
      continue;
    } else if (in_list(&t, unsupported)) {
      return unsupported_form(L, &t);
    } else {
      lx save = *L;
      ltok w = peek(L);
      take(L, &w);
      ltok op = peek(L);
      if (w.k == K_WORD && w.n == t.n && is_assign_op(&op)) {
        if (!(s = parse_assign_rest(L, &w, 0, 0))) return -1;
      } else {
        *L = save;
        take(L, &t);
        if (!(s = parse_osec(L, &t))) return -1;
      }
    }
    ld_vec_push(v, s);
    opt_semi(L);
  }
}

static int parse_memory(lx *L) {
  if (want(L, '{', "'{' after MEMORY") < 0) return -1;
  for (;;) {
    ltok t = peekn(L);
    if (is_op(&t, '}')) {
      take(L, &t);
      return 0;
    }
    if (is_op(&t, ';') || is_op(&t, ',')) {
      take(L, &t);
      continue;
    }
    if (t.k != K_WORD) return expected(L, &t, "a memory region name or '}'");
    take(L, &t);
    ls_region *r = ld_xcalloc(1, sizeof *r);
    r->r_name = dup_tok(&t);
    r->r_file = L->path;
    r->r_line = t.line;
    if (find_region(r->r_name))
      return err_at(L, t.line, "memory region '%s' is defined twice", r->r_name);
    ltok u = peek(L);
    if (is_op(&u, '(')) {
      take(L, &u);
      ltok a = peekn(L);
      if (a.k != K_WORD) return expected(L, &a, "memory region attributes such as rwx");
      take(L, &a);
      int neg = 0;
      for (size_t i = 0; i < a.n; i++) {
        uint32_t bit;
        switch (a.s[i]) {
        case 'r':
        case 'R': bit = 1; break;
        case 'w':
        case 'W': bit = 2; break;
        case 'x':
        case 'X': bit = 4; break;
        case 'a':
        case 'A': bit = 8; break;
        case 'i':
        case 'I':
        case 'l':
        case 'L': bit = 16; break;
        case '!': neg = 1; continue;
        default:
          return err_at(L, a.line,
                        "unknown memory region attribute '%c' (expected r, w, x, a, i, l or !)",
                        a.s[i]);
        }
        if (neg) r->r_nattr |= bit;
        else r->r_attr |= bit;
      }
      if (want(L, ')', "')' after the region attributes") < 0) return -1;
    }
    if (want(L, ':', "':' after the memory region name") < 0) return -1;
    for (int k = 0; k < 2; k++) {
      ltok w = peek(L);
      int org = is_word(&w, "ORIGIN") || is_word(&w, "org") || is_word(&w, "o");
      int len = is_word(&w, "LENGTH") || is_word(&w, "len") || is_word(&w, "l");
      if ((k == 0 && !org) || (k == 1 && !len)) return expected(L, &w, k ? "LENGTH" : "ORIGIN");
      take(L, &w);
      if (want(L, OP_ASSIGN_BASE + '=', "'='") < 0) return -1;
      ls_expr *e = parse_expr(L);
      if (!e) return -1;
      if (k == 0) {
        r->r_origin = e;
        if (want(L, ',', "',' before LENGTH") < 0) return -1;
      } else {
        r->r_length = e;
      }
    }
    ld_vec_push(&ld_ls.lm_regions, r);
  }
}

static int parse_phdrs(lx *L) {
  static const struct {
    const char *n;
    uint32_t t;
  } types[] = {
      {"PT_NULL", PT_NULL},
      {"PT_LOAD", PT_LOAD},
      {"PT_DYNAMIC", PT_DYNAMIC},
      {"PT_INTERP", PT_INTERP},
      {"PT_NOTE", PT_NOTE},
      {"PT_SHLIB", PT_SHLIB},
      {"PT_PHDR", PT_PHDR},
      {"PT_TLS", PT_TLS},
      {"PT_GNU_EH_FRAME", PT_GNU_EH_FRAME},
      {"PT_GNU_STACK", PT_GNU_STACK},
      {"PT_GNU_RELRO", PT_GNU_RELRO},
      {"PT_GNU_PROPERTY", PT_GNU_PROPERTY},
  };
  static const char *const type_names[] = {
      "PT_NULL",      "PT_LOAD",         "PT_DYNAMIC", "PT_INTERP",       "PT_NOTE",
      "PT_SHLIB",     "PT_PHDR",         "PT_TLS",     "PT_GNU_EH_FRAME", "PT_GNU_STACK",
      "PT_GNU_RELRO", "PT_GNU_PROPERTY", NULL};
  if (want(L, '{', "'{' after PHDRS") < 0) return -1;
  for (;;) {
    ltok t = peekn(L);
    if (is_op(&t, '}')) {
      take(L, &t);
      return 0;
    }
    if (is_op(&t, ';')) {
      take(L, &t);
      continue;
    }
    if (t.k != K_WORD) return expected(L, &t, "a program header name or '}'");
    take(L, &t);
    ls_phdr *ph = ld_xcalloc(1, sizeof *ph);
    ph->ph_name = dup_tok(&t);
    ph->ph_file = L->path;
    ph->ph_line = t.line;
    ltok ty = peek(L);
    int found = 0;
    if (ty.k == K_NUM) {
      ph->ph_type = (uint32_t)ty.num;
      found = 1;
    } else {
      for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (is_word(&ty, types[i].n)) ph->ph_type = types[i].t, found = 1;
    }
    if (!found) {
      if (ty.k == K_WORD)
        return err_at(L, ty.line, "unknown program header type '%.*s'%s", clip(ty.n), ty.s,
                      suggest(&ty, type_names));
      return expected(L, &ty, "a program header type such as PT_LOAD");
    }
    take(L, &ty);
    for (;;) {
      ltok a = peek(L);
      if (is_op(&a, ';')) {
        take(L, &a);
        break;
      }
      if (is_word(&a, "FILEHDR")) ph->ph_filehdr = 1;
      else if (is_word(&a, "PHDRS")) ph->ph_phdrs = 1;
      else if (is_word(&a, "AT") || is_word(&a, "FLAGS")) {
        take(L, &a);
        ls_expr *e;
        if (want(L, '(', "'('") < 0 || !(e = parse_expr(L)) || want(L, ')', "')'") < 0) return -1;
        if (a.s[0] == 'A') ph->ph_at = e;
        else ph->ph_flags = e;
        continue;
      } else return expected(L, &a, "FILEHDR, PHDRS, AT, FLAGS or ';'");
      take(L, &a);
    }
    ld_vec_push(&ld_ls.lm_phdrs, ph);
  }
}

/* VERSION { ... }: the text between the braces is a version script, read by the mapfile model's
 * version-script reader. */
static int parse_version(lx *L, unsigned line) {
  ltok t = peek(L);
  if (!is_op(&t, '{')) return expected(L, &t, "'{' after VERSION");
  take(L, &t);
  const char *start = L->p;
  unsigned start_line = L->line;
  int depth = 1;
  const char *p = L->p;
  while (p < L->end && depth) {
    if (*p == '{') depth++;
    else if (*p == '}') depth--;
    else if (*p == '\n') L->line++;
    if (depth) p++;
  }
  if (p >= L->end) return err_at(L, line, "VERSION: '{' is never closed");
  L->p = p + 1;
  /* The block goes to the version-script reader with as many newlines in front as there are
   * lines before it, so that the reader's messages name the script's own lines. */
  size_t len = (size_t)(p - start);
  char *text = ld_xmalloc((size_t)start_line + len + 1);
  memset(text, '\n', start_line - 1);
  memcpy(text + start_line - 1, start, len);
  text[start_line - 1 + len] = '\n';
  ld_options *o = &ctx->opt;
  int fresh = !o->mapfile;
  if (fresh) o->mapfile = mf_model_for(ctx->tg ? ctx->tg : ld_targets[0]); /* host's default */
  mf_read_version_script_text(o->mapfile, L->path, text, start_line + len);
  if (fresh) mf_finish(o->mapfile);
  return 0;
}

static void add_input(lx *L, const char *name, int lib, int as_needed, int group) {
  ld_script *o = L->out;
  if (o->ls_ninputs == L->ncap) {
    L->ncap = L->ncap ? L->ncap * 2 : 8;
    o->ls_inputs = ld_xrealloc(o->ls_inputs, L->ncap * sizeof *o->ls_inputs);
  }
  o->ls_inputs[o->ls_ninputs++] = (ld_script_input){.si_name = name,
                                                    .si_lib = (uint8_t)lib,
                                                    .si_as_needed = (uint8_t)as_needed,
                                                    .si_group = (uint8_t)group};
}

static int parse_input_list(lx *L, int as_needed, int group, int depth) {
  if (depth > 16) return err_at(L, L->line, "AS_NEEDED nested too deeply");
  for (;;) {
    ltok t = peekn(L);
    if (is_op(&t, ')')) {
      take(L, &t);
      return 0;
    }
    if (is_op(&t, ',')) {
      take(L, &t);
      continue;
    }
    if (is_op(&t, OP_ASSIGN_BASE + '=')) {
      char *name = want_file(L, "a file name or ')'");
      if (!name) return -1;
      add_input(L, name, 0, as_needed, group);
      continue;
    }
    if (t.k != K_WORD && t.k != K_STR) return expected(L, &t, "a file name or ')'");
    take(L, &t);
    if (is_word(&t, "AS_NEEDED")) {
      if (want(L, '(', "'(' after AS_NEEDED") < 0 || parse_input_list(L, 1, group, depth + 1) < 0)
        return -1;
      continue;
    }
    if (t.k == K_WORD && t.n == 2 && !memcmp(t.s, "-l", 2))
      return err_at(L, t.line, "expected a library name after '-l'");
    if (t.k == K_WORD && t.n > 2 && !memcmp(t.s, "-l", 2))
      add_input(L, ld_sprintf("%.*s", (int)t.n - 2, t.s + 2), 1, as_needed, group);
    else add_input(L, dup_tok(&t), 0, as_needed, group);
  }
}

static int parse_text(lx *L);

static int parse_include(lx *L, unsigned line) {
  char *name = want_name(L, "a file name after INCLUDE");
  if (!name) return -1;
  if (L->depth > 16) return err_at(L, line, "INCLUDE nested too deeply");
  ld_mapped *m = ld_map_input(name);
  if (!m) return err_at(L, line, "INCLUDE %s: cannot open: %s", name, ld_map_strerror(errno));
  lx sub = *L;
  sub.path = name;
  sub.p = (const char *)m->mf_data;
  sub.end = sub.p + (m->mf_data ? m->mf_size : 0);
  sub.line = 1;
  sub.depth = L->depth + 1;
  int r = parse_text(&sub);
  L->ncap = sub.ncap;
  L->dcap = sub.dcap;
  return r;
}

static int parse_text(lx *L) {
  for (;;) {
    ltok t = peekn(L);
    if (t.k == K_EOF) return 0;
    if (t.k == K_ERR) return -1;
    if (is_op(&t, ';')) {
      take(L, &t);
      continue;
    }
    if (t.k != K_WORD) return expected(L, &t, "a linker script command");
    take(L, &t);
    if (is_word(&t, "SECTIONS")) {
      ld_vec v = {0};
      if (parse_sections(L, &v) < 0) return -1;
      ltok u = peekn(L);
      if (is_word(&u, "INSERT")) {
        take(L, &u);
        ltok w = peekn(L);
        int after = is_word(&w, "AFTER");
        if (!after && !is_word(&w, "BEFORE"))
          return expected(L, &w, "AFTER or BEFORE after INSERT");
        take(L, &w);
        char *anchor = want_name(L, "an output section name after INSERT");
        if (!anchor) return -1;
        for (uint32_t i = 0; i < v.n; i++) {
          ls_stmt *s = v.v[i];
          if (s->st_kind != LS_OSEC) {
            /* Assignments of an INSERT script are evaluated after layout, outside the sections. */
            ld_vec_push(&ld_ls.lm_stmts, s);
            continue;
          }
          s->st_anchor = anchor;
          s->st_after = (uint8_t)after;
          s->st_insert_line = u.line;
          ld_vec_push(&ld_ls.lm_inserts, s);
        }
      } else {
        for (uint32_t i = 0; i < v.n; i++) ld_vec_push(&ld_ls.lm_stmts, v.v[i]);
        ld_ls.lm_has_sections = 1;
      }
    } else if (is_word(&t, "MEMORY")) {
      if (parse_memory(L) < 0) return -1;
    } else if (is_word(&t, "PHDRS")) {
      if (parse_phdrs(L) < 0) return -1;
    } else if (is_word(&t, "VERSION")) {
      if (parse_version(L, t.line) < 0) return -1;
    } else if (is_word(&t, "ENTRY")) {
      char *sym;
      if (want(L, '(', "'(' after ENTRY") < 0 || !(sym = want_name(L, "a symbol in ENTRY")) ||
          want(L, ')', "')' to close ENTRY") < 0)
        return -1;
      L->out->ls_entry = sym;
    } else if (is_word(&t, "ASSERT")) {
      ls_stmt *s = parse_assert(L, t.line);
      if (!s) return -1;
      ld_vec_push(&ld_ls.lm_stmts, s);
    } else if (is_word(&t, "PROVIDE") || is_word(&t, "PROVIDE_HIDDEN") || is_word(&t, "HIDDEN")) {
      ls_stmt *s = parse_provide(L, &t);
      if (!s) return -1;
      ld_vec_push(&ld_ls.lm_stmts, s);
    } else if (is_word(&t, "GROUP") || is_word(&t, "INPUT")) {
      int group = t.s[0] == 'G';
      if (want(L, '(', group ? "'(' after GROUP" : "'(' after INPUT") < 0 ||
          parse_input_list(L, 0, group, 0) < 0)
        return -1;
    } else if (is_word(&t, "AS_NEEDED")) {
      if (want(L, '(', "'(' after AS_NEEDED") < 0 || parse_input_list(L, 1, 0, 0) < 0) return -1;
    } else if (is_word(&t, "STARTUP")) {
      char *f;
      if (want(L, '(', "'(' after STARTUP") < 0 || !(f = want_name(L, "a file name in STARTUP")) ||
          want(L, ')', "')' to close STARTUP") < 0)
        return -1;
      add_input(L, f, 0, 0, 0);
    } else if (is_word(&t, "OUTPUT")) {
      char *f;
      if (want(L, '(', "'(' after OUTPUT") < 0 || !(f = want_name(L, "a file name in OUTPUT")) ||
          want(L, ')', "')' to close OUTPUT") < 0)
        return -1;
      if (ctx->opt.output_defaulted) ctx->opt.output = f, ctx->opt.output_defaulted = 0;
    } else if (is_word(&t, "SEARCH_DIR")) {
      char *d;
      if (want(L, '(', "'(' after SEARCH_DIR") < 0 ||
          !(d = want_file(L, "a directory in SEARCH_DIR")) ||
          want(L, ')', "')' to close SEARCH_DIR") < 0)
        return -1;
      ld_script *o = L->out;
      if (o->ls_nsearch_dirs == L->dcap) {
        L->dcap = L->dcap ? L->dcap * 2 : 4;
        o->ls_search_dirs = ld_xrealloc(o->ls_search_dirs, L->dcap * sizeof *o->ls_search_dirs);
      }
      o->ls_search_dirs[o->ls_nsearch_dirs++] = d;
    } else if (is_word(&t, "OUTPUT_FORMAT") || is_word(&t, "OUTPUT_ARCH") ||
               is_word(&t, "TARGET") || is_word(&t, "EXTERN") || is_word(&t, "NOCROSSREFS") ||
               is_word(&t, "REGION_ALIAS")) {
      /* The target comes from the objects, so format and architecture names are checked for form
       * only. NOCROSSREFS is a check we do not make; EXTERN makes references. */
      char what[48];
      snprintf(what, sizeof what, "'(' after %.*s", clip(t.n), t.s);
      if (want(L, '(', what) < 0) return -1;
      ld_vec names = {0};
      for (;;) {
        ltok u = peekn(L);
        if (is_op(&u, ')')) {
          take(L, &u);
          break;
        }
        if (is_op(&u, ',') || is_op(&u, ':')) { /* OUTPUT_ARCH(i386:x86-64) */
          take(L, &u);
          continue;
        }
        if (u.k != K_WORD && u.k != K_STR) return expected(L, &u, "a name or ')'");
        take(L, &u);
        ld_vec_push(&names, dup_tok(&u));
      }
      if (is_word(&t, "EXTERN"))
        for (uint32_t i = 0; i < names.n; i++) { /* as -u: a strong reference from now on */
          const char *nm = names.v[i];
          ld_vec_push(&ctx->opt.undefs, (void *)nm);
          ld_sym *s = ld_sym_intern(nm, (uint32_t)strlen(nm));
          s->s_referenced = 1;
          s->s_weakref = 0;
          if (s->s_def == SD_LAZY) ld_extract_lazy(s);
        }
      if (is_word(&t, "REGION_ALIAS")) {
        if (names.n != 2) return err_at(L, t.line, "REGION_ALIAS takes an alias and a region name");
        ld_vec_push(&ld_ls.lm_aliases, names.v[0]);
        ld_vec_push(&ld_ls.lm_aliases, names.v[1]);
      }
    } else if (is_word(&t, "INCLUDE")) {
      if (parse_include(L, t.line) < 0) return -1;
    } else if (is_word(&t, "FORCE_COMMON_ALLOCATION") || is_word(&t, "INHIBIT_COMMON_ALLOCATION")) {
      /* Commons are allocated in every output this link-editor makes. */
    } else if (in_list(&t, unsupported)) {
      return unsupported_form(L, &t);
    } else {
      ltok op = peek(L);
      if (is_assign_op(&op)) {
        ls_stmt *s = parse_assign_rest(L, &t, 0, 0);
        if (!s) return -1;
        if (!strcmp(s->st_sym, "."))
          return err_at(L, t.line, "the location counter may be assigned only inside SECTIONS");
        ld_vec_push(&ld_ls.lm_stmts, s);
        opt_semi(L);
        continue;
      }
      return err_at(L, t.line, "unknown linker script command '%.*s'%s", clip(t.n), t.s,
                    suggest(&t, top_commands));
    }
  }
}

int ld_lscript_parse(const char *path, const uint8_t *data, uint64_t size, ld_script *out) {
  memset(out, 0, sizeof *out);
  lx L = {.path = path,
          .p = (const char *)data,
          .end = (const char *)data + (data ? size : 0),
          .line = 1,
          .out = out};
  return parse_text(&L);
}

/* fnmatch-like globbing: * ? [set] [!set] [^set] and ranges. */
int ld_lscript_glob(const char *pat, const char *s) {
  for (;;) {
    char c = *pat;
    if (!c) return !*s;
    if (c == '*') {
      while (*pat == '*') pat++;
      if (!*pat) return 1;
      for (; *s; s++)
        if (ld_lscript_glob(pat, s)) return 1;
      return 0;
    }
    if (!*s) return 0;
    if (c == '?') {
      pat++, s++;
      continue;
    }
    if (c == '[') {
      const char *p = pat + 1;
      int neg = *p == '!' || *p == '^';
      if (neg) p++;
      int hit = 0;
      const char *q = p;
      while (*q && (*q != ']' || q == p)) {
        if (q[1] == '-' && q[2] && q[2] != ']') {
          if (*s >= q[0] && *s <= q[2]) hit = 1;
          q += 3;
        } else {
          if (*s == *q) hit = 1;
          q++;
        }
      }
      if (*q != ']') { /* no closing bracket: a literal '[' */
        if (*s != '[') return 0;
        pat++, s++;
        continue;
      }
      if (hit == neg) return 0;
      pat = q + 1, s++;
      continue;
    }
    if (c == '\\' && pat[1]) c = *++pat;
    if (c != *s) return 0;
    pat++, s++;
  }
}
