/* Conditional input of version 2 mapfiles: $if/$elif/$else/$endif, $add/$clear, $error.
 * Directives are lines of their own, so they are handled here, line by line, before the lexer
 * runs: directive lines and lines in skipped regions are blanked (their newline kept, so the
 * lexer's line numbers stay true). As with the C preprocessor, inside a skipped region only the
 * directive name is looked at, except that $else ordering is always checked. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

typedef struct cond_frame {
  uint32_t if_line;   /* line of the $if */
  uint32_t else_line; /* line of its $else, 0 if none yet */
  int parent_live;    /* the enclosing region is being read */
  int live;           /* this branch is being read */
  int taken;          /* some branch of this $if has been read */
} cond_frame;

typedef struct cond_state {
  mf_model *m;
  const char *file;
  uint32_t line;
  const char *p; /* expression cursor */
} cond_state;

static int defined(mf_model *m, const char *name, size_t len) {
  for (uint32_t i = 0; i < m->m_defines.n; i++) {
    const char *d = m->m_defines.v[i];
    if (strlen(d) == len && !strncmp(d, name, len)) return 1;
  }
  return 0;
}

/* Expression tokens: identifiers, 0, 1, '!', "&&", "||", '(' and ')'. */
enum { CT_END, CT_ID, CT_NOT, CT_AND, CT_OR, CT_LP, CT_RP };

static int ctok(cond_state *c, const char **start, size_t *len) {
  while (*c->p == ' ' || *c->p == '\t') c->p++;
  *start = c->p;
  const char *p = c->p;
  if (!*p) return CT_END;
  if (isalpha((unsigned char)*p) || *p == '_') {
    while (isalnum((unsigned char)*p) || *p == '_') p++;
    *len = (size_t)(p - c->p);
    c->p = p;
    return CT_ID;
  }
  if ((*p == '0' || *p == '1') && !isalnum((unsigned char)p[1]) && p[1] != '_') {
    *len = 1;
    c->p++;
    return CT_ID;
  }
  if (*p == '!') return c->p++, CT_NOT;
  if (*p == '(') return c->p++, CT_LP;
  if (*p == ')') return c->p++, CT_RP;
  if (p[0] == '&' && p[1] == '&') return c->p += 2, CT_AND;
  if (p[0] == '|' && p[1] == '|') return c->p += 2, CT_OR;
  mf_error_at(c->file, c->line, "syntax error in conditional expression at: %s", p);
}

static int expr(cond_state *c, int depth);

/* Parentheses and '!' recurse; past this many levels the expression is refused, so that no
 * mapfile can overflow the stack. */
#define COND_MAX_DEPTH 1000

static int operand(cond_state *c, int depth) {
  const char *s;
  size_t len;
  if (depth > COND_MAX_DEPTH)
    mf_error_at(c->file, c->line,
                "conditional expression nested too deeply (more than %d levels of parentheses "
                "and '!')",
                COND_MAX_DEPTH);
  switch (ctok(c, &s, &len)) {
  case CT_NOT: return !operand(c, depth + 1);
  case CT_LP: {
    int v = expr(c, depth + 1);
    if (ctok(c, &s, &len) != CT_RP)
      mf_error_at(c->file, c->line, "unbalanced parenthesis in conditional expression");
    return v;
  }
  case CT_ID:
    if (len == 1 && (*s == '0' || *s == '1')) return *s == '1';
    return defined(c->m, s, len);
  case CT_AND:
  case CT_OR: mf_error_at(c->file, c->line, "invalid operator use in conditional expression");
  case CT_RP: mf_error_at(c->file, c->line, "unbalanced parenthesis in conditional expression");
  default: mf_error_at(c->file, c->line, "malformed conditional expression");
  }
}

/* && and || have equal precedence and associate to the left. */
static int expr(cond_state *c, int depth) {
  int v = operand(c, depth);
  for (;;) {
    const char *save = c->p, *s;
    size_t len;
    int t = ctok(c, &s, &len);
    if (t == CT_AND) v = operand(c, depth) && v;
    else if (t == CT_OR) v = operand(c, depth) || v;
    else if (t == CT_END || (t == CT_RP && depth > 0)) {
      c->p = save;
      return v;
    } else if (t == CT_RP) {
      mf_error_at(c->file, c->line, "unbalanced parenthesis in conditional expression");
    } else if (t == CT_NOT) {
      mf_error_at(c->file, c->line, "invalid operator use in conditional expression");
    } else {
      mf_error_at(c->file, c->line, "malformed conditional expression");
    }
  }
}

static int evaluate(cond_state *c, const char *text) {
  c->p = text;
  return expr(c, 0);
}

static void add_name(mf_model *m, const char *file, uint32_t line, const char *arg, int add) {
  const char *p = arg;
  while (*p) {
    while (*p == ' ' || *p == '\t') p++;
    const char *s = p;
    if (!isalpha((unsigned char)*p) && *p != '_')
      mf_error_at(file, line, "syntax error in conditional expression at: %s", p);
    while (isalnum((unsigned char)*p) || *p == '_') p++;
    size_t len = (size_t)(p - s);
    if (*p && *p != ' ' && *p != '\t')
      mf_error_at(file, line, "syntax error in conditional expression at: %s", p);
    for (uint32_t i = 0; i < m->m_defines.n; i++) {
      const char *d = m->m_defines.v[i];
      if (strlen(d) == len && !strncmp(d, s, len)) {
        m->m_defines.v[i] = m->m_defines.v[--m->m_defines.n]; /* removed; re-added below */
        break;
      }
    }
    if (add) mf_vec_push(&m->m_defines, mf_strndup(s, len));
    while (*p == ' ' || *p == '\t') p++;
  }
}

char *mf_preprocess(mf_model *m, const char *file, const char *buf, size_t len, size_t start) {
  char *out = mf_alloc(len + 1);
  cond_frame stack[64];
  int depth = 0;
  uint32_t line = 1;
  cond_state c = {.m = m, .file = file};
  for (size_t i = 0; i < len;) {
    size_t eol = i;
    while (eol < len && buf[eol] != '\n') eol++;
    int live = depth == 0 || stack[depth - 1].live;
    size_t j = i;
    while (j < eol && (buf[j] == ' ' || buf[j] == '\t' || buf[j] == '\r')) j++;
    if (i < start || j == eol || buf[j] != '$') {
      /* Ordinary text: kept when live, blanked otherwise. */
      for (size_t k = i; k < eol; k++) out[k] = (live && i >= start) ? buf[k] : ' ';
    } else {
      /* A control directive: its name, then the argument up to a comment. */
      size_t n = j + 1;
      while (n < eol && (isalnum((unsigned char)buf[n]) || buf[n] == '_')) n++;
      char name[32];
      snprintf(name, sizeof name, "%.*s", (int)(n - j), buf + j);
      size_t a = n, e = eol;
      while (a < e && (buf[a] == ' ' || buf[a] == '\t')) a++;
      for (size_t k = a; k < e; k++)
        if (buf[k] == '#') {
          e = k;
          break;
        }
      while (e > a && (buf[e - 1] == ' ' || buf[e - 1] == '\t' || buf[e - 1] == '\r')) e--;
      char *arg = mf_strndup(buf + a, e - a);
      int has_arg = e > a;
      c.line = line;
      for (size_t k = i; k < eol; k++) out[k] = ' ';
      if (!strcasecmp(name, "$if")) {
        if (depth == (int)(sizeof stack / sizeof stack[0]))
          mf_error_at(file, line, "$if directives nested too deeply");
        cond_frame *f = &stack[depth++];
        f->if_line = line, f->else_line = 0, f->parent_live = live;
        f->live = 0;
        if (live) {
          if (!has_arg) mf_error_at(file, line, "%s directive requires an argument", name);
          f->live = evaluate(&c, arg);
        }
        f->taken = f->live;
      } else if (!strcasecmp(name, "$elif") || !strcasecmp(name, "$else") ||
                 !strcasecmp(name, "$endif")) {
        if (!depth) mf_error_at(file, line, "%s directive used without opening $if", name);
        cond_frame *f = &stack[depth - 1];
        int is_endif = !strcasecmp(name, "$endif"), is_else = !strcasecmp(name, "$else");
        if (!is_endif && f->else_line)
          mf_error_at(file, line, "%s directive preceded by $else on line %u", name, f->else_line);
        if (f->parent_live) {
          if ((is_else || is_endif) && has_arg)
            mf_error_at(file, line, "%s directive does not accept arguments", name);
          if (!is_else && !is_endif && !has_arg)
            mf_error_at(file, line, "%s directive requires an argument", name);
        }
        if (is_endif) {
          depth--;
        } else if (is_else) {
          f->else_line = line;
          f->live = f->parent_live && !f->taken;
          f->taken = 1;
        } else {
          f->live = f->parent_live && !f->taken && evaluate(&c, arg);
          if (f->live) f->taken = 1;
        }
      } else if (!live) {
        /* Other directives in a skipped region are not looked at. */
      } else if (!strcasecmp(name, "$add") || !strcasecmp(name, "$clear")) {
        if (!has_arg) mf_error_at(file, line, "%s directive requires an argument", name);
        add_name(m, file, line, arg, !strcasecmp(name, "$add"));
      } else if (!strcasecmp(name, "$error")) {
        mf_error_at(file, line, "error: %s", arg);
      } else if (!strcasecmp(name, "$mapfile_version")) {
        mf_error_at(file, line, "$mapfile_version must be first directive in file");
      } else {
        mf_error_at(file, line, "unrecognized mapfile control directive: %s", name);
      }
    }
    if (eol < len) out[eol] = '\n', line++;
    i = eol + 1;
  }
  if (depth)
    mf_error_at(file, line > 1 && len && buf[len - 1] == '\n' ? line - 1 : line,
                "EOF encountered without closing $endif for $if on line %u",
                stack[depth - 1].if_line);
  return out;
}
