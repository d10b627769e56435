/* Command line: two flavours over one option table (DESIGN.md §7). Invoked as `ld` (the way a C
 * driver calls a link-editor) or with `-z gnu`, a word that is both a GNU and a Solaris option
 * means the GNU one; invoked as `tld`, the Solaris meaning wins. Long options mean the same in
 * both. GNU accepts long options with one dash or two; so do we. */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ld.h"
#include "options.h"

#define TLD_VERSION "0.1.0"
const char ld_version[] = TLD_VERSION; /* also told to plugins (ld/plugin.c) */

/* Every option, in one table: --help lists the rows that have a help text, in order; an unknown
 * option is compared with them for "did you mean"; and ld_parse_options parses each argument by
 * its row. A row's action stores a flag (OA_SET), a string (OA_STR), appends to a list (OA_VEC),
 * accepts and ignores (OA_NOP), refuses (OA_UNSUP), or calls a function (OA_FN) for an option
 * with positional state (struct optstate), a checked value or several effects. `takes` says how
 * the value comes: after '=' or as the next argument, only after '=', or, for single letters,
 * joined or next ("-ofile", "-o file"). Letters are tried after every longer name, in the
 * flavour their row names (`only`). OA_CODE rows are documentation only: -m, whose meaning
 * depends on the word after it, is parsed by emulation_option, and @FILE by the caller. `name`
 * is spelled as --help shows it; "--x" and "-x" are the same option (not for single letters).
 * `arg` names the value for --help. The -z keywords have a table of their own (zdefs,
 * ld/zkeywords.c). */
enum { OA_CODE, OA_SET, OA_STR, OA_VEC, OA_FN, OA_NOP, OA_UNSUP };
struct optstate;
struct optdef {
  const char *name, *arg, *help; /* help NULL: accepted, not listed */
  char fl;       /* what --help says: 'g' GNU flavour, 's' Solaris flavour, 0 both */
  char only;     /* the flavour a single letter is parsed in: 'g', 's' or 0 (both) */
  uint8_t act;   /* OA_* */
  uint8_t takes; /* TK_*: whether a value follows, and how */
  uint32_t off;  /* the ld_options field OA_SET, OA_STR and OA_VEC write, checked for its type */
  int val;       /* what OA_SET stores */
  void (*fn)(struct optstate *st, const char *v, const char *a, const char *n); /* OA_FN */
};
/* TK_ARG: the next argument or after '='; TK_EQ: only after '=', and optional. The TK_L* rows
 * are single letters, given with one dash: TK_L0 without a value ("-s"), TK_LARG with one joined
 * or in the next argument ("-ofile", "-o file"), TK_LANY with a joined value or none and the
 * function reading further arguments itself. Letters are tried after every longer name. */
enum { TK_NONE, TK_ARG, TK_EQ, TK_L0, TK_LARG, TK_LANY };

#define OPT_CODE(name, arg, help, fl)                                                              \
  { name, arg, help, fl, 0, OA_CODE, 0, 0, 0, NULL }
#define OPT_FN(name, arg, help, fl, takes, fn)                                                     \
  { name, arg, help, fl, 0, OA_FN, takes, 0, 0, fn }
#define OPT_SET(name, help, fl, takes, f, v)                                                       \
  { name, NULL, help, fl, 0, OA_SET, takes, OPT_FIELD(f, int), v, NULL }
#define OPT_STR(name, arg, help, fl, f)                                                            \
  { name, arg, help, fl, 0, OA_STR, 1, OPT_FIELD(f, const char *), 0, NULL }
#define OPT_VEC(name, arg, help, fl, f)                                                            \
  { name, arg, help, fl, 0, OA_VEC, 1, OPT_FIELD(f, ld_vec), 0, NULL }
#define OPT_NOP(name, arg, help, fl, takes)                                                        \
  { name, arg, help, fl, 0, OA_NOP, takes, 0, 0, NULL }
#define OPT_UNSUP(name, arg, help, fl, takes)                                                      \
  { name, arg, help, fl, 0, OA_UNSUP, takes, 0, 0, NULL }
/* Single letters, parsed in the flavour `only` (0: both). */
#define OPT_LSET(name, help, fl, only, f, v)                                                       \
  { name, NULL, help, fl, only, OA_SET, TK_L0, OPT_FIELD(f, int), v, NULL }
#define OPT_LSTR(name, arg, help, fl, only, f)                                                     \
  { name, arg, help, fl, only, OA_STR, TK_LARG, OPT_FIELD(f, const char *), 0, NULL }
#define OPT_LVEC(name, arg, help, fl, only, f)                                                     \
  { name, arg, help, fl, only, OA_VEC, TK_LARG, OPT_FIELD(f, ld_vec), 0, NULL }
#define OPT_LFN(name, arg, help, fl, only, takes, fn)                                              \
  { name, arg, help, fl, only, OA_FN, takes, 0, 0, fn }
#define OPT_LNOP(name, only, takes)                                                                \
  { name, NULL, NULL, 0, only, OA_NOP, takes, 0, 0, NULL }

/* A number as C writes it (decimal, 0x hex, 0 octal): digits only -- strtoull would also take
 * blanks and a sign, and make "-1" a huge value -- and no more than 64 bits. */
int ld_opt_parse_num(const char *s, uint64_t *out) {
  char *end;
  if (!isdigit((unsigned char)*s)) return -1;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (*end || errno) return -1;
  *out = v;
  return 0;
}

static const char *progname = "tld";
static void print_version(void);
static void print_emulations(void);
static void unknown_option(const char *arg);

static void add_input(struct optstate *st, const char *name, int lib) {
  ld_input_arg *ia = ld_xcalloc(1, sizeof *ia);
  ia->ia_name = name;
  ia->ia_lib = (uint8_t)lib;
  ia->ia_whole = (uint8_t)st->whole;
  ia->ia_static = (uint8_t)st->bstatic;
  ia->ia_as_needed = (uint8_t)st->as_needed;
  ia->ia_group = (int16_t)st->group;
  ia->ia_dep = st->dep;
  ld_vec_push(&st->opt->inputs, ia);
}

static void add_group_marker(struct optstate *st, int start) {
  ld_input_arg *ia = ld_xcalloc(1, sizeof *ia);
  ia->ia_group_start = (uint8_t)start;
  ia->ia_group_end = (uint8_t)!start;
  ld_vec_push(&st->opt->inputs, ia);
}

/* "SYM", "SYM+N", "SYM-N" or "N": what --defsym accepts. */
static int defsym_expr_ok(const char *e) {
  uint64_t v;
  if (!ld_opt_parse_num(e, &v) || (e[0] == '-' && !ld_opt_parse_num(e + 1, &v))) return 1;
  const char *op = NULL;
  for (const char *p = e + 1; *p; p++)
    if (*p == '+' || *p == '-') op = p;
  if (op && ld_opt_parse_num(op + 1, &v)) return 0;
  size_t len = op ? (size_t)(op - e) : strlen(e);
  if (!len || isdigit((unsigned char)e[0])) return 0;
  for (size_t k = 0; k < len; k++)
    if (isspace((unsigned char)e[k]) || e[k] == '+' || e[k] == '-' || e[k] == '=') return 0;
  return 1;
}

static void add_section_start(ld_options *o, const char *opt, const char *name, const char *addr) {
  ld_section_start *ss = ld_xcalloc(1, sizeof *ss);
  ss->ss_name = name;
  if (ld_opt_parse_num(addr, &ss->ss_addr)) {
    ld_error("%s: '%s' is not an address", opt, addr);
    return;
  }
  for (uint32_t k = 0; k < o->section_starts.n; k++) { /* the last one given wins */
    ld_section_start *old = o->section_starts.v[k];
    if (!strcmp(old->ss_name, name)) {
      old->ss_addr = ss->ss_addr;
      return;
    }
  }
  ld_vec_push(&o->section_starts, ss);
}

/* The options a table row parses through a function: those that keep positional state (in
 * `struct optstate`), check their value, or have several effects. `v` is the value (NULL when
 * an optional one is absent), `a` the argument as given, `n` the option with its dashes made
 * one; a function uses what it needs. */
#define OPT_FN_DEF(fn)                                                                             \
  static void fn(struct optstate *st UNUSED, const char *v UNUSED, const char *a UNUSED,           \
                 const char *n UNUSED)

OPT_FN_DEF(opt_help) {
  ld_print_help();
  exit(0);
}
OPT_FN_DEF(opt_version) {
  print_version();
  printf("ELF link-editor for x86-64, i386, SPARC and SPARC V9; GNU and Solaris options\n");
  exit(0);
}
OPT_FN_DEF(opt_V) {
  print_version();
  print_emulations();
  st->print_version_and_go = 1;
}
OPT_FN_DEF(opt_v) { /* no Solaris meaning: the GNU one in both flavours */
  print_version();
  st->print_version_and_go = 1;
}
OPT_FN_DEF(opt_library) { add_input(st, v, 1); }
OPT_FN_DEF(opt_static) { /* -static, -Bstatic, -non_shared, -dn; Solaris -a */
  if (!strcmp(n, "-static") || !strcmp(n, "-a")) st->opt->is_static = 1;
  st->bstatic = 1;
}
OPT_FN_DEF(opt_dynamic) { /* -Bdynamic, -dy, -call_shared */
  st->bstatic = 0;
}
OPT_FN_DEF(opt_spare_dynamic_tags) {
  uint64_t t;
  if (ld_opt_parse_num(v, &t) || t > 1000) ld_error("--spare-dynamic-tags=%s: expected a count", v);
  else st->opt->spare_dynamic_tags = (uint32_t)t;
}
OPT_FN_DEF(opt_print_output_format) { st->print_output_format = 1; }
/* --format, --oformat (value after '=' or next) and -b (value next): ELF, as every input and
 * output is; other formats (binary, ihex, srec) are not. */
OPT_FN_DEF(opt_format) {
  const char *f = v;
  if (!f || !*f) {
    if (st->i + 1 < st->argc) f = st->argv[++st->i];
    else {
      if (!v && strcmp(n, "-b")) ld_error("option '%s' needs an argument", n);
      f = "";
    }
  }
  if (strcmp(f, "default") && strncmp(f, "elf", 3))
    ld_error("%s %s: only ELF is supported (see tld(1), \"Options of GNU ld\")", a, f);
}
OPT_FN_DEF(opt_demangle) { /* any style: the default one */
  st->opt->no_demangle = 0;
}
OPT_FN_DEF(opt_require_defined) {
  ld_vec_push(&st->opt->require_defined, (void *)v);
  ld_vec_push(&st->opt->undefs, (void *)v); /* a root, as -u */
}
OPT_FN_DEF(opt_orphan_handling) {
  ld_options *o = st->opt;
  if (!strcmp(v, "place")) o->orphan = ORPHAN_PLACE;
  else if (!strcmp(v, "discard")) o->orphan = ORPHAN_DISCARD;
  else if (!strcmp(v, "warn")) o->orphan = ORPHAN_WARN;
  else if (!strcmp(v, "error")) o->orphan = ORPHAN_ERROR;
  else ld_error("--orphan-handling=%s: expected place, discard, warn or error", v);
}
OPT_FN_DEF(opt_package_metadata) { /* no value: no note */
  st->opt->package_metadata = v && *v ? v : NULL;
}
OPT_FN_DEF(opt_start_group) { /* --start-group, -( */
  st->group++;
  add_group_marker(st, 1);
}
OPT_FN_DEF(opt_end_group) { /* --end-group, -) */
  if (st->group == 0)
    ld_error("%s", n[1] == ')' ? "-) without -(" : "--end-group without --start-group");
  else st->group--, add_group_marker(st, 0);
}
OPT_FN_DEF(opt_push_state) {
  if (st->nsaved == 16) {
    ld_error("--push-state nested too deeply");
    return;
  }
  st->saved[st->nsaved][0] = st->whole, st->saved[st->nsaved][1] = st->as_needed;
  st->saved[st->nsaved++][2] = st->bstatic;
}
OPT_FN_DEF(opt_pop_state) {
  if (!st->nsaved) {
    ld_error("--pop-state without --push-state");
    return;
  }
  st->nsaved--;
  st->whole = st->saved[st->nsaved][0], st->as_needed = st->saved[st->nsaved][1];
  st->bstatic = st->saved[st->nsaved][2];
}
OPT_FN_DEF(opt_whole_archive) { /* --whole-archive, --no-whole-archive */
  st->whole = n[1] != 'n';
}
OPT_FN_DEF(opt_as_needed) { /* --as-needed, --no-as-needed */
  st->as_needed = n[1] != 'n';
}
OPT_FN_DEF(opt_eh_frame_hdr) { /* --eh-frame-hdr, --no-eh-frame-hdr */
  st->opt->eh_frame_hdr = n[1] != 'n';
  st->opt->eh_frame_hdr_given = 1;
}
OPT_FN_DEF(opt_build_id) {
  ld_options *o = st->opt;
  const char *s = v;
  if (!s || !strcmp(s, "sha1") || !strcmp(s, "tree") || !strcmp(s, "fast")) o->build_id = 1;
  else if (!strcmp(s, "md5")) o->build_id = 2;
  else if (!strcmp(s, "uuid")) o->build_id = 3;
  else if (!strcmp(s, "none")) o->build_id = 0;
  else if (!strncmp(s, "0x", 2) && s[2]) o->build_id = 4, o->build_id_hex = s + 2;
  else ld_error("--build-id=%s: unknown style (sha1, md5, uuid, 0xHEX, none)", s);
}
OPT_FN_DEF(opt_defsym) {
  const char *eq = strchr(v, '=');
  if (!eq || eq == v) {
    ld_error("--defsym %s: expected SYMBOL=EXPRESSION", v);
    return;
  }
  ld_defsym *d = ld_xcalloc(1, sizeof *d);
  d->name = ld_sprintf("%.*s", (int)(eq - v), v);
  d->expr = eq + 1;
  if (!defsym_expr_ok(d->expr)) {
    ld_error("--defsym %s: expected SYMBOL, NUMBER, SYMBOL+NUMBER or SYMBOL-NUMBER after '='", v);
    return;
  }
  ld_vec_push(&st->opt->defsyms, d);
}
OPT_FN_DEF(opt_hash_style) {
  ld_options *o = st->opt;
  if (!strcmp(v, "sysv")) o->hash_style = 1;
  else if (!strcmp(v, "gnu")) o->hash_style = 2;
  else if (!strcmp(v, "both")) o->hash_style = 3;
  else ld_error("--hash-style=%s: expected sysv, gnu or both", v);
}
OPT_FN_DEF(opt_no_relax) { /* TLS too, but see ld_scan_relocs */
  st->opt->relax = 0;
  if (st->opt->tls_relax) st->opt->tls_relax = 2;
}
OPT_FN_DEF(opt_relax) {
  st->opt->relax = 1;
  st->opt->tls_relax = 1;
}
OPT_FN_DEF(opt_threads) { /* --threads alone: the default, every online CPU */
  uint64_t t;
  if (!v) return;
  if (ld_opt_parse_num(v, &t) || t == 0) ld_error("--threads=%s: expected a positive number", v);
  else st->opt->threads = (int)(t > 64 ? 64 : t);
}
OPT_FN_DEF(opt_compress_debug) {
  ld_options *o = st->opt;
  const char *how = v ? v : "zlib";
  if (!strcmp(how, "none")) o->compress_debug = 0;
  else if (!strcmp(how, "zlib") || !strcmp(how, "zlib-gabi")) o->compress_debug = ELFCOMPRESS_ZLIB;
  else if (!strcmp(how, "zstd")) o->compress_debug = ELFCOMPRESS_ZSTD;
  else
    ld_error("--compress-debug-sections=%s: expected none, zlib, zlib-gabi or zstd (zlib-gnu, "
             "the .zdebug form, is read but not written)",
             how);
}
OPT_FN_DEF(opt_no_undefined) {
  st->opt->z_defs = 1;
  st->opt->z_defs_given = 1;
}
OPT_FN_DEF(opt_fatal_warnings) { /* --fatal-warnings, --no-fatal-warnings */
  ld_fatal_warnings = n[1] != 'n';
}
OPT_FN_DEF(opt_plugin) {
  ld_plugin_arg *pa = ld_xcalloc(1, sizeof *pa);
  pa->pa_path = v;
  ld_vec_push(&st->opt->plugins, pa);
}
OPT_FN_DEF(opt_plugin_opt) { /* an option of the -plugin before it */
  ld_options *o = st->opt;
  if (!o->plugins.n) ld_error("-plugin-opt %s: no -plugin before it", v);
  else ld_vec_push(&((ld_plugin_arg *)o->plugins.v[o->plugins.n - 1])->pa_opts, (void *)v);
}
/* GNU ld prints its version first; alone it stops there. --verbose=2 also reports how each
 * symbol of a plugin's file was resolved. */
OPT_FN_DEF(opt_verbose) {
  ld_options *o = st->opt;
  uint64_t lvl = 1;
  if (v && (ld_opt_parse_num(v, &lvl) || lvl > 1000))
    ld_error("--verbose=%s: expected a number", v), lvl = 1;
  if (!o->verbose) print_version();
  if (lvl < 1) lvl = 1;
  if ((int)lvl > o->verbose) o->verbose = (int)lvl;
  st->print_version_and_go = 1;
}
OPT_FN_DEF(opt_image_base) {
  if (ld_opt_parse_num(v, &st->opt->image_base)) ld_error("--image-base=%s: expected a number", v);
  st->opt->image_base_given = 1;
}
OPT_FN_DEF(opt_icf) {
  if (!strcmp(v, "none")) st->opt->icf = 0;
  else if (!strcmp(v, "safe")) st->opt->icf = 1;
  else if (!strcmp(v, "all")) st->opt->icf = 2;
  else ld_error("--icf=%s: expected none, safe or all", v);
}
OPT_FN_DEF(opt_sort_section) {
  if (!strcmp(v, "name")) st->opt->sort_section = 1;
  else if (!strcmp(v, "alignment")) st->opt->sort_section = 2;
  else ld_error("--sort-section=%s: expected name or alignment", v);
}
OPT_FN_DEF(opt_sort_common) {
  if (!v || !strcmp(v, "descending")) st->opt->sort_common = 1;
  else if (!strcmp(v, "ascending")) st->opt->sort_common = 2;
  else unknown_option(a);
}
OPT_FN_DEF(opt_unresolved_symbols) {
  ld_options *o = st->opt;
  if (!strcmp(v, "ignore-all")) o->unresolved = UNRES_IGNORE_ALL;
  else if (!strcmp(v, "report-all")) o->unresolved = UNRES_REPORT_ALL;
  else if (!strcmp(v, "ignore-in-object-files")) o->unresolved = UNRES_IGNORE_OBJECTS;
  else if (!strcmp(v, "ignore-in-shared-libs")) o->unresolved = UNRES_IGNORE_SHLIBS;
  else
    ld_error("--unresolved-symbols=%s: expected ignore-all, report-all, ignore-in-object-files "
             "or ignore-in-shared-libs",
             v);
}
OPT_FN_DEF(opt_exclude_libs) {
  char *list = ld_xstrdup(v), *save = NULL;
  for (char *w = strtok_r(list, ",:", &save); w; w = strtok_r(NULL, ",:", &save)) {
    if (!strcmp(w, "ALL")) st->opt->exclude_libs_all = 1;
    else ld_vec_push(&st->opt->exclude_libs, w);
  }
}
OPT_FN_DEF(opt_section_start) {
  const char *eq = strrchr(v, '=');
  if (!eq || eq == v) {
    ld_error("--section-start %s: expected SECTION=ADDRESS", v);
    return;
  }
  add_section_start(st->opt, "--section-start", ld_sprintf("%.*s", (int)(eq - v), v), eq + 1);
}
OPT_FN_DEF(opt_tsection) { /* -Ttext, -Tdata, -Tbss: the section is in the option's name */
  int len = (int)strcspn(n, "=");
  add_section_start(st->opt, ld_sprintf("%.*s", len, n), ld_sprintf(".%.*s", len - 2, n + 2), v);
}
OPT_FN_DEF(opt_text_segment) {
  if (ld_opt_parse_num(v, &st->opt->image_base))
    ld_error("-Ttext-segment: '%s' is not an address", v);
  st->opt->image_base_given = 1;
}
OPT_FN_DEF(opt_z) { ld_z_keyword(st, v); }
OPT_FN_DEF(opt_R) {
  /* GNU: -R naming a file (not a directory) is --just-symbols. */
  struct stat sb;
  if (st->gnu && stat(v, &sb) == 0 && S_ISREG(sb.st_mode)) {
    ld_error("-R %s (--just-symbols) is not supported (see tld(1), \"Options of GNU ld\")", v);
    return;
  }
  ld_vec_push(&st->opt->rpaths, (void *)v);
}
OPT_FN_DEF(opt_O) { st->opt->optimize = atoi(v); }
OPT_FN_DEF(opt_Y) { /* the default library directories: -Y P,dir:dir (Solaris), -Y dir (GNU) */
  const char *d = !strncmp(v, "P,", 2) ? v + 2 : v;
  char *list = ld_xstrdup(d), *save = NULL;
  for (char *w = strtok_r(list, ":", &save); w; w = strtok_r(NULL, ":", &save))
    ld_vec_push(&st->opt->libdirs, w);
}
OPT_FN_DEF(opt_d) { /* Solaris -d y|n */
  if (!strcmp(v, "y")) st->bstatic = 0;
  else if (!strcmp(v, "n")) st->opt->is_static = 1, st->bstatic = 1;
  else ld_error("-d %s: expected y or n", v);
}
OPT_FN_DEF(opt_magic) { /* GNU -N (--omagic), -n (--nmagic) */
  ld_error("%s (--%s) is not supported (see tld(1), \"Options of GNU ld\")", a,
           a[1] == 'N' ? "omagic" : "nmagic");
}
OPT_FN_DEF(opt_gnu_G) { /* GNU -G size: the MIPS small-data size, nothing on tld's targets */
  if (v) return;
  if (st->i + 1 < st->argc && isdigit((unsigned char)st->argv[st->i + 1][0])) st->i++;
  else unknown_option(a);
}
OPT_FN_DEF(opt_B) { /* Solaris -B word (separate or joined) */
  ld_options *o = st->opt;
  const char *w = v ? v : st->i + 1 < st->argc ? st->argv[++st->i] : "";
  if (!strcmp(w, "static")) st->bstatic = 1;
  else if (!strcmp(w, "dynamic")) st->bstatic = 0;
  else if (!strcmp(w, "symbolic")) o->bsymbolic = 1;
  else if (!strcmp(w, "direct") || !strcmp(w, "nodirect")) {
    /* Not positional: -B direct binds every reference (and definition) directly and makes lazy
     * loading the default; -B nodirect keeps every definition interposable. */
    int *mine = w[0] == 'd' ? &o->b_direct : &o->b_nodirect;
    int *other = w[0] == 'd' ? &o->b_nodirect : &o->b_direct;
    if (*other) ld_error("-B direct and -B nodirect are incompatible");
    *mine = 1;
  } else if (!strcmp(w, "group") || !strcmp(w, "local") || !strcmp(w, "eliminate") ||
             !strcmp(w, "reduce") || !strcmp(w, "translator") || !strcmp(w, "lazyload") ||
             !strcmp(w, "nolazyload"))
    ; /* accepted; scope reduction arrives with mapfiles */
  else
    ld_error("-B %s: unknown keyword (static, dynamic, symbolic, direct, nodirect, group, local, "
             "eliminate, reduce)",
             w);
}
/* -m EMULATION (joined or separate; GNU) and, in the Solaris flavour, -m alone: the link map to
 * standard output. Parsed before the letters: "-m" with a joined word that is no emulation is
 * an unknown option, and "--m" is -m. Returns 0 when `n` is not one of these. */
static int emulation_option(struct optstate *st, const char *n) {
  if (strcmp(n, "-m") && (strncmp(n, "-m", 2) || !n[2] || !ld_target_named(n + 2))) return 0;
  const char *e = n[2] ? n + 2 : NULL;
  if (!e) {
    if (st->i + 1 < st->argc && ld_target_named(st->argv[st->i + 1])) e = st->argv[++st->i];
    else if (!st->gnu) {
      st->opt->print_map = 2; /* Solaris -m: link map to stdout */
      return 1;
    } else if (st->i + 1 < st->argc) e = st->argv[++st->i];
    else {
      ld_error("option '-m' needs an argument");
      return 1;
    }
  }
  const ld_target *t = ld_target_named(e);
  if (!t) ld_error("unknown emulation '%s' (%s)", e, ld_target_names(TN_EMULATION, ", "));
  else st->opt->target = t;
  return 1;
}
OPT_FN_DEF(opt_script) {
  add_input(st, v, 0);
  ((ld_input_arg *)st->opt->inputs.v[st->opt->inputs.n - 1])->ia_script = 1;
}

static const struct optdef optdefs[] = {
    OPT_LSTR("-o", "FILE", "write the output to FILE", 0, 0, output),
    OPT_LSTR("-e", "SYM", "entry point symbol (--entry)", 0, 0, entry),
    OPT_STR("--entry", "SYM", "entry point symbol", 0, entry),
    OPT_LFN("-l", "NAME", "search for libNAME.so / libNAME.a (or -l:FILE for an exact file name)",
            0, 0, TK_LARG, opt_library),
    OPT_LVEC("-L", "DIR", "add DIR to the library search path (--library-path)", 0, 0, libdirs),
    OPT_VEC("--library-path", "DIR", "add DIR to the library search path", 0, libdirs),
    OPT_LVEC("-u", "SYM", "start with SYM undefined (--undefined)", 0, 0, undefs),
    OPT_VEC("--undefined", "SYM", "start with SYM undefined", 0, undefs),
    OPT_LSET("-s", "strip all symbols (--strip-all)", 0, 0, strip_all, 1),
    OPT_LSET("-S", "strip debugging sections (--strip-debug)", 0, 0, strip_debug, 1),
    OPT_SET("--strip-all", "omit .symtab and .strtab", 0, 0, strip_all, 1),
    OPT_SET("--strip-debug", "omit debugging sections", 0, 0, strip_debug, 1),
    OPT_FN("-static", NULL, "link a static executable; search only archives (-Bstatic, -dn)", 0,
           TK_NONE, opt_static),
    OPT_FN("-Bstatic", NULL, "search archives only for the following -l options", 0, TK_NONE,
           opt_static),
    OPT_FN("-Bdynamic", NULL, "search shared objects too for the following -l options", 0, TK_NONE,
           opt_dynamic),
    OPT_LFN("-B", "WORD",
            "Solaris -B static|dynamic|symbolic|direct|nodirect|group|local|eliminate|reduce", 's',
            0, TK_LANY, opt_B),
    OPT_SET("-pie", "link a position-independent executable (--pic-executable)", 0, 0, outkind,
            OUT_PIE),
    OPT_SET("-no-pie", "link a position-dependent executable", 0, 0, outkind, OUT_EXEC),
    OPT_SET("-shared", "link a shared object (-G, -Bshareable)", 0, 0, outkind, OUT_SHARED),
    OPT_LSET("-G", "link a shared object (Solaris)", 's', 's', outkind, OUT_SHARED),
    OPT_LSET("-r", "link a relocatable object (--relocatable)", 0, 0, outkind, OUT_RELOC),
    OPT_LSTR("-h", "NAME", "set DT_SONAME (-soname)", 0, 0, soname),
    OPT_STR("-soname", "NAME", "set DT_SONAME", 0, soname),
    OPT_LFN("-R", "PATH", "add a run-time search path (-rpath)", 0, 0, TK_LARG, opt_R),
    OPT_VEC("-rpath", "PATH", "add a run-time search path", 0, rpaths),
    OPT_LSTR("-I", "FILE", "set the program interpreter (--dynamic-linker)", 0, 0, interp),
    OPT_STR("--dynamic-linker", "FILE", "set the program interpreter", 0, interp),
    OPT_SET("--no-dynamic-linker", "no program interpreter (static PIE)", 0, 0, no_dynamic_linker,
            1),
    OPT_CODE("-m", "EMUL", "GNU: emulation elf_x86_64, elf_i386, elf32_sparc, elf64_sparc", 'g'),
    OPT_LFN("-d", "y|n", "Solaris: dynamic (y) or static (n) linking", 's', 's', TK_LARG, opt_d),
    OPT_LFN("-z", "KEYWORD", "keyword options, see tld(1)", 0, 0, TK_LARG, opt_z),
    OPT_FN("--start-group", NULL, "begin a group of archives searched repeatedly (-()", 0, TK_NONE,
           opt_start_group),
    OPT_FN("--end-group", NULL, "end a group (-))", 0, TK_NONE, opt_end_group),
    OPT_FN("--push-state", NULL, "save --whole-archive, --as-needed and -Bstatic", 0, TK_NONE,
           opt_push_state),
    OPT_FN("--pop-state", NULL, "restore what --push-state saved", 0, TK_NONE, opt_pop_state),
    OPT_FN("--whole-archive", NULL, "include every member of the following archives", 0, TK_NONE,
           opt_whole_archive),
    OPT_FN("--no-whole-archive", NULL, "turn --whole-archive off", 0, TK_NONE, opt_whole_archive),
    OPT_FN("--as-needed", NULL, "record DT_NEEDED only for libraries that are used", 0, TK_NONE,
           opt_as_needed),
    OPT_FN("--no-as-needed", NULL, "record DT_NEEDED for every library", 0, TK_NONE, opt_as_needed),
    OPT_SET("--gc-sections", "remove unreferenced sections", 0, 0, gc_sections, 1),
    OPT_SET("--no-gc-sections", "keep unreferenced sections", 0, 0, gc_sections, 0),
    OPT_SET("--print-gc-sections", "list the sections --gc-sections removes", 0, 0, print_gc, 1),
    OPT_FN("--eh-frame-hdr", NULL, "create .eh_frame_hdr and PT_GNU_EH_FRAME", 0, TK_NONE,
           opt_eh_frame_hdr),
    OPT_FN("--no-eh-frame-hdr", NULL, "do not create .eh_frame_hdr", 0, TK_NONE, opt_eh_frame_hdr),
    OPT_FN("--build-id", "[=STYLE]",
           "add an NT_GNU_BUILD_ID note: sha1 (default), md5, uuid, 0xHEX, none", 0, TK_EQ,
           opt_build_id),
    OPT_FN("--defsym", "SYM=EXPR", "define SYM as a number or another symbol", 0, TK_ARG,
           opt_defsym),
    OPT_STR("--sysroot", "DIR", "prefix for = and / in search paths", 0, sysroot),
    OPT_FN("--hash-style", "STYLE", "sysv, gnu or both", 0, TK_ARG, opt_hash_style),
    OPT_SET("--export-dynamic", "export every global symbol (-E)", 0, 0, export_dynamic, 1),
    OPT_VEC("--dynamic-list", "FILE",
            "export the listed symbols; in a shared object only they stay preemptible", 0,
            dynamic_lists),
    OPT_VEC("--export-dynamic-symbol", "GLOB", "export matching symbols; keep them preemptible", 0,
            export_syms),
    OPT_VEC("--export-dynamic-symbol-list", "FILE", "--export-dynamic-symbol for each name of FILE",
            0, export_sym_lists),
    OPT_SET("--dynamic-list-data", "add every data symbol to the dynamic list", 0, 0,
            dynamic_list_data, 1),
    OPT_SET("--dynamic-list-cpp-new", "add C++ operator new and delete to the dynamic list", 0, 0,
            dynamic_list_cpp_new, 1),
    OPT_SET("--dynamic-list-cpp-typeinfo", "add C++ typeinfo symbols to the dynamic list", 0, 0,
            dynamic_list_cpp_typeinfo, 1),
    OPT_STR("-init", "SYM", "DT_INIT names SYM (default _init)", 0, init_sym),
    OPT_STR("-fini", "SYM", "DT_FINI names SYM (default _fini)", 0, fini_sym),
    OPT_FN("--require-defined", "SYM", "as -u, and an error if SYM ends up undefined", 0, TK_ARG,
           opt_require_defined),
    OPT_SET("--discard-all", "omit every local symbol from .symtab (-x)", 0, 0, discard,
            DISCARD_ALL),
    OPT_SET("--discard-locals", "omit assembler-local (.L) symbols from .symtab (-X)", 0, 0,
            discard, DISCARD_LOCALS),
    OPT_SET("--discard-none", "keep every local symbol in .symtab", 0, 0, discard, DISCARD_NONE),
    OPT_FN("--orphan-handling", "MODE",
           "sections a linker script does not place: place, warn, error, discard", 0, TK_ARG,
           opt_orphan_handling),
    OPT_SET("--no-undefined-version", "a version script naming an undefined symbol is an error", 0,
            0, undefined_version, 0),
    OPT_SET("--undefined-version", "allow version scripts to name undefined symbols (default)", 0,
            0, undefined_version, 1),
    OPT_SET("--warn-rwx-segments", "warn about a segment both writable and executable (default)", 0,
            0, warn_rwx, 1),
    OPT_SET("--no-warn-rwx-segments", "do not warn about writable and executable segments", 0, 0,
            warn_rwx, 0),
    OPT_SET("--warn-execstack", "warn when the output needs an executable stack", 0, 0,
            warn_execstack, 1),
    OPT_SET("--no-warn-execstack", "do not warn about executable stacks", 0, 0, warn_execstack, 0),
    OPT_FN("--package-metadata", "=JSON", "add a .note.package note holding JSON", 0, TK_EQ,
           opt_package_metadata),
    OPT_SET("--error-unresolved-symbols", "undefined symbols are errors (default)", 0, 0,
            warn_unresolved, 0),
    OPT_SET("--warn-unresolved-symbols", "undefined symbols are warnings", 0, 0, warn_unresolved,
            1),
    OPT_VEC("--filter", "NAME", "a DT_FILTER entry: the object filters NAME (-F)", 0, filters),
    OPT_VEC("--auxiliary", "NAME", "a DT_AUXILIARY entry (-f)", 0, auxiliaries),
    OPT_STR("--audit", "LIB", "a DT_AUDIT entry (Solaris -p)", 0, audit),
    OPT_STR("--depaudit", "LIB", "a DT_DEPAUDIT entry (-P)", 0, depaudit),
    OPT_SET("--gc-keep-exported", "--gc-sections keeps every global of an executable", 0, 0,
            gc_keep_exported, 1),
    OPT_STR("--dependency-file", "FILE", "write a make rule: the output depends on every file read",
            0, dependency_file),
    OPT_FN("--spare-dynamic-tags", "N", "N more DT_NULL entries in .dynamic", 0, TK_ARG,
           opt_spare_dynamic_tags),
    OPT_SET("--default-symver", "version unversioned exports with the soname", 0, 0, default_symver,
            1),
    OPT_FN("--print-output-format", NULL, "print the output's BFD format name", 0, TK_NONE,
           opt_print_output_format),
    OPT_FN("--demangle", NULL, "demangle C++ and Rust names in messages (default)", 0, TK_EQ,
           opt_demangle),
    OPT_SET("--no-demangle", "keep mangled names in messages", 0, 0, no_demangle, 1),
    OPT_LFN("-Y", "[P,]DIR:...", "add default library directories", 0, 0, TK_LARG, opt_Y),
    OPT_LSET("-E", "export every global symbol", 'g', 0, export_dynamic, 1),
    OPT_FN("--no-relax", NULL, "keep GOT loads and TLS sequences as written", 0, TK_NONE,
           opt_no_relax),
    OPT_FN("--relax", NULL, "relax GOT loads and TLS sequences (default)", 0, TK_NONE, opt_relax),
    OPT_FN("--threads", "[=N]", "number of threads (default: online CPUs)", 0, TK_EQ, opt_threads),
    OPT_SET("--no-threads", "run single-threaded", 0, 0, threads, 1),
    OPT_SET("--stats", "print per-pass times, counts, memory and TLS statistics", 0, 0, stats, 1),
    OPT_FN("--compress-debug-sections", "=none|zlib|zlib-gabi|zstd",
           "compress the output's .debug_* sections (SHF_COMPRESSED)", 0, TK_EQ,
           opt_compress_debug),
    OPT_FN("--no-undefined", NULL, "report undefined symbols in shared objects (-z defs)", 0,
           TK_NONE, opt_no_undefined),
    OPT_SET("--allow-shlib-undefined",
            "allow shared inputs' references nothing defines (default for -shared)", 0, 0,
            allow_shlib_undefined, 1),
    OPT_SET("--no-allow-shlib-undefined",
            "shared inputs' references nothing defines are errors (default otherwise)", 0, 0,
            allow_shlib_undefined, 0),
    OPT_SET("-Bsymbolic", "bind global references within a shared object", 0, 0, bsymbolic, 1),
    OPT_SET("-Bsymbolic-functions", "bind function references within a shared object", 0, 0,
            bsymbolic, 2),
    OPT_SET("--enable-new-dtags", "use DT_RUNPATH", 0, 0, new_dtags, 1),
    OPT_SET("--disable-new-dtags", "use DT_RPATH", 0, 0, new_dtags, 0),
    OPT_FN("--fatal-warnings", NULL, "treat warnings as errors", 0, TK_NONE, opt_fatal_warnings),
    OPT_FN("--no-fatal-warnings", NULL, "warnings are warnings", 0, TK_NONE, opt_fatal_warnings),
    OPT_FN("--version", NULL, "print the version and exit", 0, TK_NONE, opt_version),
    OPT_FN("-v", NULL, "print the version (and continue)", 0, TK_NONE, opt_v),
    OPT_FN("-V", NULL, "print the version and supported targets", 0, TK_NONE, opt_V),
    OPT_FN("--help", NULL, "print this help", 0, TK_NONE, opt_help),
    OPT_VEC("--mapfile", "FILE",
            "read a Solaris mapfile (also -z mapfile=FILE; -M FILE in the Solaris flavour)", 0,
            mapfiles),
    OPT_FN("-plugin", "FILE",
           "load a link-time optimisation plugin (gcc's liblto_plugin, LLVMgold)", 0, TK_ARG,
           opt_plugin),
    OPT_FN("-plugin-opt", "OPT", "pass OPT to the -plugin before it", 0, TK_ARG, opt_plugin_opt),
    OPT_FN("--verbose", "[=N]",
           "print the version, target, search directories and each library tried; 2: also how "
           "each symbol of a plugin's file was resolved",
           0, TK_EQ, opt_verbose),
    OPT_LSET("-t", "GNU: print each input file as it is read (--trace)", 'g', 'g', trace, 1),
    OPT_SET("--trace", "print each input file as it is read", 0, 0, trace, 1),
    OPT_LFN("-O", "LEVEL", "optimisation level of the output: -O2 compresses debug sections harder",
            'g', 0, TK_LARG, opt_O),
    OPT_FN("--image-base", "ADDR", "base address of the output", 0, TK_ARG, opt_image_base),
    OPT_SET("--emit-relocs", "keep the inputs' relocations in the output", 0, 0, emit_relocs, 1),
    OPT_STR("-Map", "FILE", "write a link map to FILE ('-': standard output)", 0, map_file),
    OPT_SET("--print-map", "write a link map to standard output (GNU -M)", 0, 0, print_map, 1),
    OPT_LSET("-M", "GNU: write a link map to standard output", 'g', 'g', print_map, 1),
    OPT_CODE("-m", NULL, "Solaris: write a link map to standard output", 's'),
    OPT_SET("--cref", "write a cross-reference table (to the map file, if any)", 0, 0, cref, 1),
    OPT_LVEC("-y", "SYM", "report each file that defines or references SYM (--trace-symbol)", 0, 0,
             trace_syms),
    OPT_VEC("--trace-symbol", "SYM", "report each file that defines or references SYM", 0,
            trace_syms),
    OPT_STR("--why-extract", "FILE", "write why each archive member was extracted ('-': stdout)", 0,
            why_extract),
    OPT_VEC("--wrap", "SYM", "bind references to SYM to __wrap_SYM, and __real_SYM to SYM", 0,
            wraps),
    OPT_FN("-Ttext", "ADDR", "address of .text", 'g', TK_ARG, opt_tsection),
    OPT_FN("-Tdata", "ADDR", "address of .data", 'g', TK_ARG, opt_tsection),
    OPT_FN("-Tbss", "ADDR", "address of .bss", 'g', TK_ARG, opt_tsection),
    OPT_FN("-Ttext-segment", "ADDR", "address of the first segment (--image-base)", 'g', TK_ARG,
           opt_text_segment),
    OPT_LFN("-T", "FILE", "read a linker script (--script)", 0, 0, TK_LARG, opt_script),
    OPT_FN("--script", "FILE", "read a linker script", 0, TK_ARG, opt_script),
    OPT_FN("--section-start", "SEC=ADDR", "address of output section SEC", 0, TK_ARG,
           opt_section_start),
    OPT_FN("--exclude-libs", "LIB,...|ALL", "do not export the symbols of these archives", 0,
           TK_ARG, opt_exclude_libs),
    OPT_SET("--warn-common", "warn when a common symbol meets another or a definition", 0, 0,
            warn_common, 1),
    OPT_FN("--unresolved-symbols", "HOW",
           "ignore-all, report-all, ignore-in-object-files, ignore-in-shared-libs", 0, TK_ARG,
           opt_unresolved_symbols),
    OPT_NOP("--no-warn-mismatch", NULL, "accepted", 0, 0),
    OPT_FN("--sort-section", "name|alignment", "sort input sections within each output section", 0,
           TK_ARG, opt_sort_section),
    OPT_FN("--sort-common", "[=ascending|descending]",
           "sort common symbols by alignment (largest first)", 0, TK_EQ, opt_sort_common),
    OPT_FN("--icf", "none|safe|all", "fold identical code sections", 0, TK_ARG, opt_icf),
    OPT_SET("--print-icf-sections", "list the sections --icf folds", 0, 0, print_icf, 1),
    OPT_CODE("@FILE", NULL, "read options from FILE", 0),
    /* Accepted spellings --help does not list: aliases, GNU options without an effect on
     * tld's output (tld(1), "Options of GNU ld"), and those tld refuses. */
    OPT_SET("--no-print-map", NULL, 0, 0, print_map, 0),
    OPT_SET("--no-print-icf-sections", NULL, 0, 0, print_icf, 0),
    OPT_STR("--output", NULL, NULL, 0, output),
    OPT_SET("--pic-executable", NULL, 0, 0, outkind, OUT_PIE),
    OPT_SET("--no-pic-executable", NULL, 0, 0, outkind, OUT_EXEC),
    OPT_SET("-Bshareable", NULL, 0, 0, outkind, OUT_SHARED),
    OPT_SET("--relocatable", NULL, 0, 0, outkind, OUT_RELOC),
    OPT_SET("--no-print-gc-sections", NULL, 0, 0, print_gc, 0),
    OPT_SET("--no-export-dynamic", NULL, 0, 0, export_dynamic, 0),
    OPT_SET("--print-stats", NULL, 0, 0, stats, 1),
    OPT_SET("-Bno-symbolic", NULL, 0, 0, bsymbolic, 0),
    OPT_SET("--allow-multiple-definition", NULL, 0, 0, allow_multiple_def, 1),
    OPT_VEC("--version-script", NULL, NULL, 0, version_scripts),
    OPT_UNSUP("--omagic", NULL, NULL, 0, 0), OPT_UNSUP("--nmagic", NULL, NULL, 0, 0),
    OPT_UNSUP("--just-symbols", NULL, NULL, 0, 1), OPT_UNSUP("--noinhibit-exec", NULL, NULL, 0, 0),
    OPT_UNSUP("--unique", NULL, NULL, 0, TK_EQ), OPT_UNSUP("--split-by-file", NULL, NULL, 0, 0),
    OPT_UNSUP("--split-by-reloc", NULL, NULL, 0, 0), OPT_UNSUP("--mri-script", NULL, NULL, 0, 1),
    OPT_UNSUP("--copy-dt-needed-entries", NULL, NULL, 0, 0),
    OPT_UNSUP("--add-needed", NULL, NULL, 0, 0),
    OPT_UNSUP("--default-imported-symver", NULL, NULL, 0, 0),
    OPT_UNSUP("--version-exports-section", NULL, NULL, 0, 1),
    OPT_UNSUP("--enable-non-contiguous-regions", NULL, NULL, 0, 0),
    OPT_UNSUP("-Ur", NULL, NULL, 0, 0), OPT_NOP("--no-keep-memory", NULL, NULL, 0, 0),
    OPT_NOP("--reduce-memory-overheads", NULL, NULL, 0, 0),
    OPT_NOP("--traditional-format", NULL, NULL, 0, 0),
    OPT_NOP("--force-exe-suffix", NULL, NULL, 0, 0),
    OPT_NOP("--ld-generated-unwind-info", NULL, NULL, 0, 0),
    OPT_NOP("--no-ld-generated-unwind-info", NULL, NULL, 0, 0),
    OPT_NOP("--print-memory-usage", NULL, NULL, 0, 0),
    OPT_NOP("--no-check-sections", NULL, NULL, 0, 0), OPT_NOP("--check-sections", NULL, NULL, 0, 0),
    OPT_NOP("--warn-constructors", NULL, NULL, 0, 0),
    OPT_NOP("--warn-multiple-gp", NULL, NULL, 0, 0),
    OPT_NOP("--no-warn-multiple-gp", NULL, NULL, 0, 0),
    OPT_NOP("--warn-section-align", NULL, NULL, 0, 0), OPT_NOP("--warn-textrel", NULL, NULL, 0, 0),
    OPT_NOP("--warn-alternate-em", NULL, NULL, 0, 0),
    OPT_NOP("--error-handling-script", NULL, NULL, 0, 1),
    OPT_NOP("--print-map-discarded", NULL, NULL, 0, 0),
    OPT_NOP("--no-print-map-discarded", NULL, NULL, 0, 0),
    OPT_NOP("--print-map-locals", NULL, NULL, 0, 0),
    OPT_NOP("--no-print-map-locals", NULL, NULL, 0, 0),
    OPT_NOP("--ctf-variables", NULL, NULL, 0, 0), OPT_NOP("--no-ctf-variables", NULL, NULL, 0, 0),
    OPT_NOP("--ctf-share-types", NULL, NULL, 0, 1),
    OPT_NOP("--no-warn-search-mismatch", NULL, NULL, 0, 0),
    OPT_NOP("--no-omagic", NULL, NULL, 0, 0), OPT_NOP("--no-add-needed", NULL, NULL, 0, 0),
    OPT_NOP("--no-copy-dt-needed-entries", NULL, NULL, 0, 0),
    OPT_NOP("--warn-shared-textrel", NULL, NULL, 0, 0),
    OPT_NOP("--color-diagnostics", NULL, NULL, 0, 0),
    OPT_NOP("--no-color-diagnostics", NULL, NULL, 0, 0),
    OPT_NOP("--disable-linker-version", NULL, NULL, 0, 0),
    OPT_NOP("--enable-linker-version", NULL, NULL, 0, 0), OPT_NOP("--warn-once", NULL, NULL, 0, 0),
    OPT_NOP("--nostdlib", NULL, NULL, 0, 0), OPT_NOP("-Qy", NULL, NULL, 0, 0),
    OPT_NOP("-Qn", NULL, NULL, 0, 0), OPT_NOP("-rpath-link", NULL, NULL, 0, 1),
    OPT_FN("--library", NULL, NULL, 0, TK_ARG, opt_library),
    OPT_FN("-non_shared", NULL, NULL, 0, TK_NONE, opt_static),
    OPT_FN("-dn", NULL, NULL, 0, TK_NONE, opt_static),
    OPT_FN("-dy", NULL, NULL, 0, TK_NONE, opt_dynamic),
    OPT_FN("-call_shared", NULL, NULL, 0, TK_NONE, opt_dynamic),
    OPT_FN("--target-help", NULL, NULL, 0, TK_NONE, opt_help),
    OPT_FN("--format", NULL, NULL, 0, TK_EQ, opt_format),
    OPT_FN("--oformat", NULL, NULL, 0, TK_EQ, opt_format),
    OPT_FN("-b", NULL, NULL, 0, TK_NONE, opt_format),
    OPT_FN("-(", NULL, NULL, 0, TK_NONE, opt_start_group),
    OPT_FN("-)", NULL, NULL, 0, TK_NONE, opt_end_group),
    /* Single letters --help does not list, and the other flavour's meaning of some. */
    OPT_LVEC("-F", NULL, NULL, 0, 0, filters),             /* DT_FILTER */
    OPT_LVEC("-f", NULL, NULL, 0, 0, auxiliaries),         /* DT_AUXILIARY */
    OPT_LSTR("-P", NULL, NULL, 0, 0, depaudit),            /* DT_DEPAUDIT */
    OPT_LNOP("-Q", 0, TK_LARG),                            /* ident: none */
    OPT_LFN("-N", NULL, NULL, 0, 'g', TK_LANY, opt_magic), /* GNU --omagic */
    OPT_LVEC("-N", NULL, NULL, 0, 's', extra_needed),      /* Solaris: a DT_NEEDED entry as given */
    OPT_LSTR("-p", NULL, NULL, 0, 's', audit),             /* Solaris: DT_AUDIT */
    OPT_LFN("-G", NULL, NULL, 0, 'g', TK_LANY, opt_gnu_G),
    OPT_LSET("-x", NULL, 0, 0, discard, DISCARD_ALL),
    OPT_LSET("-X", NULL, 0, 0, discard, DISCARD_LOCALS), OPT_LNOP("-t", 's', TK_L0),
    OPT_LNOP("-d", 'g', TK_L0),                          /* GNU: assign commons (always done) */
    OPT_LVEC("-M", NULL, NULL, 0, 's', mapfiles),        /* Solaris -M mapfile */
    OPT_LFN("-n", NULL, NULL, 0, 'g', TK_L0, opt_magic), /* GNU --nmagic */
    OPT_LNOP("-g", 0, TK_L0),                            /* GNU: ignored, as by GNU ld */
    OPT_LNOP("-i", 0, TK_L0), OPT_LNOP("-q", 0, TK_L0),
    OPT_LFN("-a", NULL, NULL, 0, 's', TK_L0, opt_static), /* Solaris: static */
};

void ld_print_help(void) {
  printf("Usage: %s [options] file...\n\n"
         "tld links ELF objects, archives and shared objects for x86-64, i386, SPARC and\n"
         "SPARC V9 into executables, position-independent executables and shared objects.\n"
         "Invoked as 'ld' it takes GNU ld's options; invoked as 'tld' a letter that means\n"
         "different things to GNU ld and to the Solaris link-editor takes the Solaris meaning.\n\n"
         "Options:\n",
         progname);
  for (size_t i = 0; i < sizeof optdefs / sizeof optdefs[0]; i++) {
    if (!optdefs[i].help) continue;
    char left[64];
    snprintf(left, sizeof left, "%s%s%s", optdefs[i].name, optdefs[i].arg ? " " : "",
             optdefs[i].arg ? optdefs[i].arg : "");
    printf("  %-26s %s%s\n", left, optdefs[i].help,
           optdefs[i].fl == 'g'   ? " [GNU flavour]"
           : optdefs[i].fl == 's' ? " [Solaris flavour]"
                                  : "");
  }
  ld_print_z_help();
  /* Build tools read these two lines: libtool decides from "supported targets:" followed by an
   * ELF target that the link-editor can build shared libraries. */
  printf("\n%s: supported targets: %s\n%s: supported emulations: %s\n", progname,
         ld_target_names(TN_BFD, " "), progname, ld_target_names(TN_EMULATION, " "));
}

/* The first line is what build tools parse: libtool and Meson look for "GNU" to know the
 * command-line dialect (as they do for lld and mold), Meson takes the version number from it. */
static void print_version(void) { printf("tld %s (compatible with GNU linkers)\n", TLD_VERSION); }

/* -V: the version and the emulations, in GNU ld's layout. */
static void print_emulations(void) {
  printf("  Supported emulations:\n   %s\n", ld_target_names(TN_EMULATION, "\n   "));
}

size_t ld_edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 40 || lb > 40) return 99;
  size_t d[41][41];
  for (size_t i = 0; i <= la; i++) d[i][0] = i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++) {
      size_t c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
      d[i][j] = c;
    }
  return d[la][lb];
}

static void unknown_option(const char *arg) {
  const char *best = NULL;
  size_t bestd = 4;
  char want[64];
  snprintf(want, sizeof want, "%s", arg);
  char *eq = strchr(want, '=');
  if (eq) *eq = 0;
  for (size_t i = 0; i < sizeof optdefs / sizeof optdefs[0]; i++) {
    /* Not the options tld accepts and ignores or refuses, nor the short spellings --help does
     * not list (letters, -dn, -b, -( ...): too near any short word to be a useful guess. */
    if (optdefs[i].act == OA_NOP || optdefs[i].act == OA_UNSUP) continue;
    if (!optdefs[i].help && strlen(optdefs[i].name) < 4) continue;
    const char *n = optdefs[i].name;
    size_t d = ld_edit_distance(want, n);
    if (want[1] == '-' && n[1] != '-') { /* --foo vs -foo */
      char tmp[66];
      snprintf(tmp, sizeof tmp, "-%s", n);
      size_t d2 = ld_edit_distance(want, tmp);
      if (d2 < d) d = d2, n = optdefs[i].name;
    }
    if (d < bestd) bestd = d, best = optdefs[i].name;
  }
  if (best && strlen(want) > 2) ld_error("unknown option '%s'; did you mean '%s'?", arg, best);
  else ld_error("unknown option '%s'", arg);
}

/* The row of the table that parses `n` (an option with its leading dashes made one): its name
 * exactly, or NAME=VALUE when it takes a value; NULL when the code parses it. */
static const struct optdef *table_option(const char *n) {
  for (size_t k = 0; k < sizeof optdefs / sizeof optdefs[0]; k++) {
    const struct optdef *d = &optdefs[k];
    if (d->act == OA_CODE || d->takes >= TK_L0) continue;
    const char *name = d->name[1] == '-' ? d->name + 1 : d->name;
    size_t len = strlen(name);
    if (!strncmp(n, name, len) && (!n[len] || (n[len] == '=' && d->takes))) return d;
  }
  return NULL;
}

/* The row of a single letter given as `a` (one dash) in this flavour: a letter without a value
 * matches only alone. */
static const struct optdef *letter_option(const char *a, int gnu) {
  for (size_t k = 0; k < sizeof optdefs / sizeof optdefs[0]; k++) {
    const struct optdef *d = &optdefs[k];
    if (d->takes < TK_L0 || d->name[1] != a[1]) continue;
    if (d->only && (d->only == 'g') != (gnu != 0)) continue;
    if (d->takes == TK_L0 && a[2]) continue;
    return d;
  }
  return NULL;
}

/* Carry out a table row's action; `a` is the argument as given, `n` normalised. */
static void table_apply(struct optstate *st, const struct optdef *d, const char *a, const char *n) {
  const char *v = NULL;
  const char *eq = d->takes == TK_ARG || d->takes == TK_EQ ? strchr(n, '=') : NULL;
  if (eq) v = ld_xstrdup(eq + 1); /* `n` is a buffer reused for every option */
  else if ((d->takes == TK_LARG || d->takes == TK_LANY) && a[2]) v = a + 2;
  else if (d->takes == TK_ARG || d->takes == TK_LARG) {
    if (st->i + 1 < st->argc) v = st->argv[++st->i];
    else {
      ld_error("option '%s' needs an argument", n);
      return;
    }
  }
  char *field = (char *)st->opt + d->off;
  switch (d->act) {
  case OA_SET: *(int *)field = d->val; break;
  case OA_STR: *(const char **)field = v; break;
  case OA_VEC: ld_vec_push((ld_vec *)field, (void *)v); break;
  case OA_FN: d->fn(st, v, a, n); break;
  case OA_UNSUP: ld_error("%s is not supported (see tld(1), \"Options of GNU ld\")", a); break;
  default: break; /* OA_NOP */
  }
}

void ld_parse_options(int argc, char **argv, ld_options *o) {
  const char *base = strrchr(argv[0], '/');
  base = base ? base + 1 : argv[0];
  progname = base;
  o->gnu_flavour = strcmp(base, "tld") != 0 && strncmp(base, "tld", 3) != 0;
  if (getenv("TLD_FLAVOUR")) o->gnu_flavour = !strcmp(getenv("TLD_FLAVOUR"), "gnu");
  for (int i = 1; i < argc; i++) /* -z gnu anywhere selects the GNU flavour */
    if (!strcmp(argv[i], "-z") && i + 1 < argc && !strcmp(argv[i + 1], "gnu")) o->gnu_flavour = 1;
  o->relax = 1;
  o->tls_relax = 1;
  o->hash_style = 3;
  o->new_dtags = 1;
  o->z_relro = 1;
  o->z_text = -1;
  o->z_dyn_undef_weak = -1;
  o->tail_merge = 1;
  o->undefined_version = 1;
  o->warn_rwx = -1;
  o->warn_execstack = -1;
  o->allow_shlib_undefined = -1;
  o->start_stop_vis = STV_PROTECTED;
  long nproc = sysconf(_SC_NPROCESSORS_ONLN);
  o->threads = nproc > 0 ? (int)nproc : 1;
  struct optstate st = {.opt = o, .argc = argc, .argv = argv};
  st.gnu = o->gnu_flavour;

  for (st.i = 1; st.i < argc; st.i++) {
    const char *a = argv[st.i];
    if (a[0] != '-' || a[1] == 0) {
      add_input(&st, a, 0);
      continue;
    }
    /* Normalise "--name" to "-name": GNU takes both. Single letters keep their meaning. */
    char norm[256];
    if (a[1] == '-' && a[2]) snprintf(norm, sizeof norm, "-%s", a + 2);
    else snprintf(norm, sizeof norm, "%s", a);
    const char *n = norm;
    const struct optdef *od = table_option(n);
    if (od) {
      table_apply(&st, od, a, n);
      continue;
    }
    if (emulation_option(&st, n)) continue;
    /* Single letters, value joined or separate; never with two dashes. */
    od = a[1] != '-' ? letter_option(a, st.gnu) : NULL;
    if (od) table_apply(&st, od, a, n);
    else unknown_option(a);
  }
  if (st.group) ld_error("--start-group without --end-group");
  /* -B direct makes lazy loading the default for the dependencies before any -z lazyload or
   * -z nolazyload, wherever it appears (it is a global option in Solaris). */
  for (uint32_t i = 0; i < o->inputs.n && (o->b_direct || o->b_nodirect); i++) {
    ld_input_arg *ia = o->inputs.v[i];
    if (o->b_direct && !(ia->ia_dep & DEP_LAZY_GIVEN)) ia->ia_dep |= DEP_LAZY;
    ia->ia_dep |= DEP_DIRECT_GIVEN | (o->b_direct ? DEP_LAZY_GIVEN : 0);
  }
  /* The BFD name of the output's format (the first target's by default). */
  if (st.print_output_format) {
    printf("%s\n", (o->target ? o->target : ld_targets[0])->tg_bfd_name);
    if (o->inputs.n == 0) exit(0);
  }
  if (o->inputs.n == 0 && ld_nerrors() == 0 && !o->mapfile_dump) {
    if (st.print_version_and_go) exit(0);
    ld_error("no input files");
  }
  if (!o->output) o->output = "a.out", o->output_defaulted = 1;
  if (o->outkind == OUT_RELOC && o->gc_sections)
    ld_error("-r and --gc-sections may not be used together");
  if (o->outkind == OUT_SHARED && !o->z_defs) o->allow_undefined = 1;
  /* A library's undefined references are errors when linking an executable (GNU ld, lld). */
  if (o->allow_shlib_undefined < 0) o->allow_shlib_undefined = o->outkind == OUT_SHARED;
  if (o->is_static && o->outkind == OUT_PIE) o->no_dynamic_linker = 1;
  if (o->z_text < 0) o->z_text = 1; /* text relocations are errors unless -z notext */
  /* GNU ld writes .eh_frame_hdr only when asked (gcc asks, but not for -static); the tld
   * flavour always does. */
  if (!o->eh_frame_hdr_given) o->eh_frame_hdr = !o->gnu_flavour;
}
