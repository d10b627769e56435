/* Demangled symbol names: for diagnostics (--demangle, the default, as with GNU ld and lld;
 * --no-demangle keeps the mangled names) and for extern "C++" version script patterns.
 *
 * C++ names (_Z...) go through the C++ runtime's __cxa_demangle, loaded once when first needed
 * (if libstdc++ is not installed, names stay mangled). Rust names in the legacy scheme, which
 * stable rustc emits (_ZN...17h<16 hex digits>E), are decoded here: the path joined with "::",
 * the $..$ escapes undone and the trailing hash dropped, as rustc-demangle and GNU's tools print
 * them. Rust names in the v0 scheme (_R...) are decoded here too, printed as GNU ld prints them
 * (paths without crate disambiguators, generic arguments, <T as Trait>, closures, types, consts,
 * Punycode identifiers). */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"

typedef char *(*cxa_demangle_fn)(const char *, char *, size_t *, int *);
static cxa_demangle_fn cxa_demangle;
static pthread_once_t cxa_once = PTHREAD_ONCE_INIT;

static void load_cxa(void) {
  void *h = dlopen("libstdc++.so.6", RTLD_LAZY);
  if (h) *(void **)&cxa_demangle = dlsym(h, "__cxa_demangle");
}

char *ld_demangle_cxx(const char *name) {
  pthread_once(&cxa_once, load_cxa);
  if (!cxa_demangle) return NULL;
  int st;
  return cxa_demangle(name, NULL, NULL, &st);
}

int ld_can_demangle_cxx(void) {
  pthread_once(&cxa_once, load_cxa);
  return cxa_demangle != NULL;
}

/* The legacy Rust escapes of one path component. */
static const struct {
  const char *esc, *text;
} rust_escapes[] = {{"$SP$", "@"}, {"$BP$", "*"}, {"$RF$", "&"}, {"$LT$", "<"},
                    {"$GT$", ">"}, {"$LP$", "("}, {"$RP$", ")"}, {"$C$", ","}};

static int is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

/* "_ZN" {len name} "17h" 16-hex "E": Rust's legacy mangling. NULL if `name` is not one. */
static char *demangle_rust_legacy(const char *name) {
  if (strncmp(name, "_ZN", 3)) return NULL;
  const char *p = name + 3;
  size_t cap = strlen(name) * 2 + 8, n = 0;
  char *out = ld_xmalloc(cap);
  int ncomp = 0;
  while (*p && *p != 'E') {
    char *end;
    unsigned long len = strtoul(p, &end, 10);
    if (end == p || len == 0 || strlen(end) < len) goto fail;
    const char *c = end;
    p = end + len;
    /* The last component is the hash: h and 16 hex digits, then E. */
    if (*p == 'E' && p[1] == 0 && len == 17 && c[0] == 'h') {
      for (int i = 1; i < 17; i++)
        if (!is_hex(c[i])) goto fail;
      if (!ncomp) goto fail;
      out[n] = 0;
      return out;
    }
    if (ncomp++) out[n++] = ':', out[n++] = ':';
    if (c[0] == '_' && c[1] == '$') c++; /* a component starting with an escape gets a _ */
    for (const char *q = c; q < p;) {
      if (q[0] == '.' && q + 1 < p && q[1] == '.') {
        out[n++] = ':', out[n++] = ':', q += 2;
        continue;
      }
      if (*q == '$') {
        size_t k;
        for (k = 0; k < sizeof rust_escapes / sizeof rust_escapes[0]; k++) {
          size_t el = strlen(rust_escapes[k].esc);
          if ((size_t)(p - q) >= el && !strncmp(q, rust_escapes[k].esc, el)) {
            out[n++] = rust_escapes[k].text[0];
            q += el;
            break;
          }
        }
        if (k < sizeof rust_escapes / sizeof rust_escapes[0]) continue;
        if (q + 2 < p && q[1] == 'u') { /* $uXX$: a character by its code */
          char *e2;
          unsigned long cp = strtoul(q + 2, &e2, 16);
          if (e2 < p && *e2 == '$' && cp > 0 && cp < 0x80) {
            out[n++] = (char)cp;
            q = e2 + 1;
            continue;
          }
        }
        goto fail;
      }
      out[n++] = *q++;
    }
  }
fail:
  free(out);
  return NULL;
}

/* ---- Rust v0 (https://doc.rust-lang.org/rustc/symbol-mangling/v0.html) --------------------- */

typedef struct v0 {
  const char *s; /* after "_R" */
  size_t n, pos;
  char *out;
  size_t on, ocap;
  int err, depth;
  uint64_t bound; /* lifetimes bound by enclosing binders */
} v0;

static void v0_put(v0 *d, const char *t, size_t len) {
  if (d->err) return;
  if (d->on + len + 1 > d->ocap) {
    if (d->ocap > (1u << 20)) {
      d->err = 1;
      return;
    }
    d->ocap = (d->on + len + 1) * 2;
    d->out = ld_xrealloc(d->out, d->ocap);
  }
  memcpy(d->out + d->on, t, len);
  d->on += len;
}
static void v0_puts(v0 *d, const char *t) { v0_put(d, t, strlen(t)); }
static char v0_peek(v0 *d) { return d->pos < d->n ? d->s[d->pos] : 0; }
static char v0_next(v0 *d) {
  if (d->pos >= d->n) {
    d->err = 1;
    return 0;
  }
  return d->s[d->pos++];
}
static int v0_eat(v0 *d, char c) {
  if (v0_peek(d) != c) return 0;
  d->pos++;
  return 1;
}

/* base-62-number: "_" is 0, digits then "_" are their value plus one. */
static uint64_t v0_base62(v0 *d) {
  if (v0_eat(d, '_')) return 0;
  uint64_t v = 0;
  for (;;) {
    char c = v0_next(d);
    if (c == '_') return v + 1;
    int dig = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'z' ? c - 'a' + 10
              : c >= 'A' && c <= 'Z' ? c - 'A' + 36
                                     : -1;
    if (dig < 0 || v > UINT64_MAX / 62) {
      d->err = 1;
      return 0;
    }
    v = v * 62 + (uint64_t)dig;
  }
}

static uint64_t v0_decimal(v0 *d) {
  uint64_t v = 0;
  char c = v0_peek(d);
  if (c < '0' || c > '9') {
    d->err = 1;
    return 0;
  }
  if (c == '0') {
    d->pos++;
    return 0;
  }
  while ((c = v0_peek(d)) >= '0' && c <= '9') {
    if (v > (UINT64_MAX - 9) / 10) {
      d->err = 1;
      return 0;
    }
    v = v * 10 + (uint64_t)(c - '0');
    d->pos++;
  }
  return v;
}

static void v0_disambiguator(v0 *d) {
  if (v0_eat(d, 's')) v0_base62(d);
}

/* A code point as UTF-8. */
static void v0_utf8(v0 *d, uint32_t cp) {
  char b[4];
  size_t n = 0;
  if (cp < 0x80) b[n++] = (char)cp;
  else if (cp < 0x800) b[n++] = (char)(0xc0 | cp >> 6), b[n++] = (char)(0x80 | (cp & 0x3f));
  else if (cp < 0x10000)
    b[n++] = (char)(0xe0 | cp >> 12), b[n++] = (char)(0x80 | ((cp >> 6) & 0x3f)),
    b[n++] = (char)(0x80 | (cp & 0x3f));
  else
    b[n++] = (char)(0xf0 | cp >> 18), b[n++] = (char)(0x80 | ((cp >> 12) & 0x3f)),
    b[n++] = (char)(0x80 | ((cp >> 6) & 0x3f)), b[n++] = (char)(0x80 | (cp & 0x3f));
  v0_put(d, b, n);
}

/* Punycode (RFC 3492) with Rust's "_" delimiter: the ASCII part, "_", then the deltas. */
static void v0_punycode(v0 *d, const char *t, size_t len) {
  uint32_t cps[256];
  size_t n = 0, basic = 0;
  for (size_t i = 0; i < len; i++)
    if (t[i] == '_') basic = i + 1;
  for (size_t i = 0; i + 1 < basic && n < 256; i++) cps[n++] = (uint8_t)t[i];
  uint64_t code = 128, bias = 72, i = 0;
  for (size_t p = basic; p < len;) {
    uint64_t old = i, w = 1;
    for (uint64_t k = 36;; k += 36) {
      if (p >= len) {
        d->err = 1;
        return;
      }
      char c = t[p++];
      uint64_t digit = c >= 'a' && c <= 'z' ? (uint64_t)(c - 'a') : (uint64_t)(c - '0' + 26);
      if (digit > 35 || w > (1u << 24)) {
        d->err = 1;
        return;
      }
      i += digit * w;
      uint64_t tk = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < tk) break;
      w *= 36 - tk;
    }
    uint64_t delta = old == 0 ? (i - old) / 700 : (i - old) / 2; /* bias adaptation */
    delta += delta / (n + 1);
    uint64_t k = 0;
    while (delta > 455) delta /= 35, k += 36;
    bias = k + 36 * delta / (delta + 38);
    code += i / (n + 1);
    i %= n + 1;
    if (n >= 256 || code > 0x10ffff) {
      d->err = 1;
      return;
    }
    memmove(cps + i + 1, cps + i, (n - i) * sizeof cps[0]);
    cps[i++] = (uint32_t)code;
    n++;
  }
  for (size_t k = 0; k < n; k++) v0_utf8(d, cps[k]);
}

/* identifier: [disambiguator] ["u"] length ["_"] bytes. With `print` 0 it is only skipped. */
static void v0_ident(v0 *d, int print, uint64_t *dis) {
  if (dis) *dis = 0;
  if (v0_eat(d, 's')) {
    uint64_t v = v0_base62(d);
    if (dis) *dis = v + 1;
  }
  int puny = v0_eat(d, 'u');
  uint64_t len = v0_decimal(d);
  v0_eat(d, '_');
  if (d->err || len > d->n - d->pos) {
    d->err = 1;
    return;
  }
  const char *t = d->s + d->pos;
  d->pos += len;
  if (!print) return;
  if (puny) v0_punycode(d, t, len);
  else v0_put(d, t, len);
}

static void v0_path(v0 *d, int in_value);
static void v0_type(v0 *d);

static void v0_backref(v0 *d, void (*fn)(v0 *, int), int arg) {
  size_t here = d->pos - 1; /* the 'B' */
  uint64_t to = v0_base62(d);
  if (d->err || to >= here || d->depth > 200) {
    d->err = 1;
    return;
  }
  size_t save = d->pos;
  d->pos = (size_t)to;
  d->depth++;
  fn(d, arg);
  d->depth--;
  d->pos = save;
}

static void v0_type_arg(v0 *d, int unused) {
  (void)unused;
  v0_type(d);
}

static void v0_lifetime(v0 *d, uint64_t i) {
  if (i == 0) {
    v0_puts(d, "'_");
    return;
  }
  if (i > d->bound) {
    d->err = 1;
    return;
  }
  uint64_t depth = d->bound - i;
  char b[24] = "'";
  if (depth < 26) b[1] = (char)('a' + depth), b[2] = 0;
  else snprintf(b + 1, sizeof b - 1, "_%llu", (unsigned long long)depth);
  v0_puts(d, b);
}

static void v0_const(v0 *d, int unused);

static void v0_generic_args(v0 *d) {
  v0_puts(d, "<");
  for (int first = 1; !d->err && !v0_eat(d, 'E'); first = 0) {
    if (!first) v0_puts(d, ", ");
    if (v0_eat(d, 'L')) v0_lifetime(d, v0_base62(d));
    else if (v0_eat(d, 'K')) v0_const(d, 0);
    else v0_type(d);
  }
  v0_puts(d, ">");
}

/* for<'a, 'b> : the lifetimes a binder introduces, named by their depth. */
static void v0_binder(v0 *d) {
  if (!v0_eat(d, 'G')) return;
  uint64_t n = v0_base62(d) + 1;
  if (n > 64) {
    d->err = 1;
    return;
  }
  v0_puts(d, "for<");
  for (uint64_t k = 0; k < n; k++) {
    if (k) v0_puts(d, ", ");
    d->bound++;
    v0_lifetime(d, 1);
  }
  v0_puts(d, "> ");
}

static void v0_fn_sig(v0 *d) {
  uint64_t bound = d->bound;
  v0_binder(d);
  if (v0_eat(d, 'U')) v0_puts(d, "unsafe ");
  if (v0_eat(d, 'K')) {
    v0_puts(d, "extern \"");
    if (v0_eat(d, 'C')) v0_puts(d, "C");
    else {
      size_t start = d->on;
      v0_ident(d, 1, NULL);
      for (size_t k = start; k < d->on; k++)
        if (d->out[k] == '_') d->out[k] = '-';
    }
    v0_puts(d, "\" ");
  }
  v0_puts(d, "fn(");
  for (int first = 1; !d->err && !v0_eat(d, 'E'); first = 0) {
    if (!first) v0_puts(d, ", ");
    v0_type(d);
  }
  v0_puts(d, ")");
  if (v0_eat(d, 'u')) { /* -> () is not printed */
  } else {
    v0_puts(d, " -> ");
    v0_type(d);
  }
  d->bound = bound;
}

static void v0_dyn(v0 *d) {
  uint64_t bound = d->bound;
  v0_binder(d);
  v0_puts(d, "dyn ");
  for (int first = 1; !d->err && !v0_eat(d, 'E'); first = 0) {
    if (!first) v0_puts(d, " + ");
    /* A trait path, whose generic arguments stay open for associated type bindings. */
    size_t mark = d->on;
    v0_path(d, 0);
    int open = 0;
    if (d->on > mark && d->out[d->on - 1] == '>') d->on--, open = 1;
    while (!d->err && v0_eat(d, 'p')) {
      v0_puts(d, open ? ", " : "<");
      open = 1;
      v0_ident(d, 1, NULL);
      v0_puts(d, " = ");
      v0_type(d);
    }
    if (open) v0_puts(d, ">");
  }
  d->bound = bound;
  if (!v0_eat(d, 'L')) d->err = 1;
  else {
    uint64_t l = v0_base62(d);
    if (l) v0_puts(d, " + "), v0_lifetime(d, l);
  }
}

static void v0_type(v0 *d) {
  static const char *const basic[26] = {
      ['a' - 'a'] = "i8",    ['b' - 'a'] = "bool", ['c' - 'a'] = "char", ['d' - 'a'] = "f64",
      ['e' - 'a'] = "str",   ['f' - 'a'] = "f32",  ['h' - 'a'] = "u8",   ['i' - 'a'] = "isize",
      ['j' - 'a'] = "usize", ['l' - 'a'] = "i32",  ['m' - 'a'] = "u32",  ['n' - 'a'] = "i128",
      ['o' - 'a'] = "u128",  ['p' - 'a'] = "_",    ['s' - 'a'] = "i16",  ['t' - 'a'] = "u16",
      ['u' - 'a'] = "()",    ['v' - 'a'] = "...",  ['x' - 'a'] = "i64",  ['y' - 'a'] = "u64",
      ['z' - 'a'] = "!"};
  if (++d->depth > 200) d->err = 1;
  char c = v0_peek(d);
  if (d->err) return;
  if (c >= 'a' && c <= 'z' && basic[c - 'a']) {
    d->pos++;
    v0_puts(d, basic[c - 'a']);
  } else if (v0_eat(d, 'A') || v0_eat(d, 'S')) {
    v0_puts(d, "[");
    v0_type(d);
    if (c == 'A') v0_puts(d, "; "), v0_const(d, 0);
    v0_puts(d, "]");
  } else if (v0_eat(d, 'T')) {
    v0_puts(d, "(");
    int n = 0;
    for (; !d->err && !v0_eat(d, 'E'); n++) {
      if (n) v0_puts(d, ", ");
      v0_type(d);
    }
    v0_puts(d, n == 1 ? ",)" : ")");
  } else if (v0_eat(d, 'R') || v0_eat(d, 'Q')) {
    v0_puts(d, "&");
    if (v0_eat(d, 'L')) {
      uint64_t l = v0_base62(d);
      if (l) v0_lifetime(d, l), v0_puts(d, " ");
    }
    if (c == 'Q') v0_puts(d, "mut ");
    v0_type(d);
  } else if (v0_eat(d, 'P') || v0_eat(d, 'O')) {
    v0_puts(d, c == 'P' ? "*const " : "*mut ");
    v0_type(d);
  } else if (v0_eat(d, 'F')) {
    v0_fn_sig(d);
  } else if (v0_eat(d, 'D')) {
    v0_dyn(d);
  } else if (v0_eat(d, 'B')) {
    v0_backref(d, v0_type_arg, 0);
  } else {
    v0_path(d, 0);
  }
  d->depth--;
}

static void v0_const(v0 *d, int unused) {
  (void)unused;
  if (v0_eat(d, 'p')) {
    v0_puts(d, "_");
    return;
  }
  if (v0_eat(d, 'B')) {
    v0_backref(d, v0_const, 0);
    return;
  }
  char t = v0_next(d);
  int neg = 0;
  if (strchr("hmtyoja", t) == NULL && strchr("lsxnib", t) == NULL && t != 'c') {
    d->err = 1; /* other constant kinds are not printed */
    return;
  }
  if (strchr("alsxni", t)) neg = v0_eat(d, 'n');
  uint64_t v = 0;
  int digits = 0;
  for (char c; (c = v0_next(d)) != '_' && !d->err; digits++) {
    int x = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (x < 0 || digits >= 16) {
      d->err = 1;
      return;
    }
    v = v << 4 | (uint64_t)x;
  }
  char b[32];
  if (t == 'b') snprintf(b, sizeof b, "%s", v ? "true" : "false");
  else if (t == 'c') {
    if (v >= 0x20 && v < 0x7f && v != '\'' && v != '\\') snprintf(b, sizeof b, "'%c'", (int)v);
    else snprintf(b, sizeof b, "'\\u{%llx}'", (unsigned long long)v);
  } else snprintf(b, sizeof b, "%s%llu", neg ? "-" : "", (unsigned long long)v);
  v0_puts(d, b);
}

static void v0_path_arg(v0 *d, int in_value) { v0_path(d, in_value); }

static void v0_path(v0 *d, int in_value) {
  if (++d->depth > 200) d->err = 1;
  char c = v0_next(d);
  if (d->err) return;
  switch (c) {
  case 'C': v0_ident(d, 1, NULL); break;
  case 'N': {
    char ns = v0_next(d);
    v0_path(d, in_value);
    if (ns >= 'A' && ns <= 'Z') { /* closures and shims: {closure:name#N} */
      v0_puts(d, "::{");
      if (ns == 'C') v0_puts(d, "closure");
      else if (ns == 'S') v0_puts(d, "shim");
      else v0_put(d, &ns, 1);
      v0_puts(d, ":");
      size_t mark = d->on;
      uint64_t dis;
      v0_ident(d, 1, &dis);
      if (d->on == mark) d->on--; /* no name: no ':' */
      char b[24];
      snprintf(b, sizeof b, "#%llu}", (unsigned long long)(dis ? dis : 0));
      v0_puts(d, b);
    } else {
      v0_puts(d, "::");
      v0_ident(d, 1, NULL);
    }
    break;
  }
  case 'M':
  case 'X':
  case 'Y': {
    if (c != 'Y') { /* the impl's own path (which module) is not printed */
      v0_disambiguator(d);
      size_t mark = d->on;
      v0_path(d, 0);
      d->on = mark;
    }
    v0_puts(d, "<");
    v0_type(d);
    if (c != 'M') v0_puts(d, " as "), v0_path(d, 0);
    v0_puts(d, ">");
    break;
  }
  case 'I':
    v0_path(d, in_value);
    if (in_value) v0_puts(d, "::");
    v0_generic_args(d);
    break;
  case 'B': v0_backref(d, v0_path_arg, in_value); break;
  default: d->err = 1;
  }
  d->depth--;
}

static char *demangle_rust_v0(const char *name) {
  if (strncmp(name, "_R", 2)) return NULL;
  v0 d = {.s = name + 2};
  d.n = strcspn(d.s, ".$"); /* a vendor suffix (.llvm.123) is not part of the name */
  if (v0_peek(&d) >= '0' && v0_peek(&d) <= '9') return NULL; /* a later encoding version */
  v0_path(&d, 1);
  if (!d.err && d.pos < d.n) { /* the instantiating crate: parsed, not printed */
    size_t mark = d.on;
    v0_path(&d, 0);
    d.on = mark;
  }
  if (d.err || d.pos != d.n) {
    free(d.out);
    return NULL;
  }
  v0_put(&d, "", 1);
  return d.out;
}

const char *ld_dname(const char *name) {
  if (!name || ctx->opt.no_demangle || name[0] != '_') return name;
  char *d = NULL;
  if (name[1] == 'Z') {
    d = demangle_rust_legacy(name);
    if (!d) d = ld_demangle_cxx(name);
  } else if (name[1] == 'R') {
    d = demangle_rust_v0(name);
  }
  if (!d) return name;
  const char *r = ld_sprintf("%s", d);
  free(d);
  return r;
}
