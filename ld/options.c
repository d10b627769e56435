/* Command line: two flavours over one option table (DESIGN.md §7). Invoked as `ld` (the way a C
 * driver calls a link-editor) or with `-z gnu`, a word that is both a GNU and a Solaris option
 * means the GNU one; invoked as `tld`, the Solaris meaning wins. Long options mean the same in
 * both. GNU accepts long options with one dash or two; so do we. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "ld.h"

#define TLD_VERSION "0.1.0"
const char ld_version[] = TLD_VERSION; /* also told to plugins (ld/plugin.c) */

/* Every option name we know, for --help and for suggestions. `arg` is the argument's name
 * (NULL for none); `fl` is 'g' (GNU flavour), 's' (Solaris flavour) or 0 (both). */
struct optdoc {
  const char *name, *arg, *help;
  char fl;
};

static const struct optdoc optdocs[] = {
    {"-o", "FILE", "write the output to FILE", 0},
    {"-e", "SYM", "entry point symbol (--entry)", 0},
    {"--entry", "SYM", "entry point symbol", 0},
    {"-l", "NAME", "search for libNAME.so / libNAME.a (or -l:FILE for an exact file name)", 0},
    {"-L", "DIR", "add DIR to the library search path (--library-path)", 0},
    {"--library-path", "DIR", "add DIR to the library search path", 0},
    {"-u", "SYM", "start with SYM undefined (--undefined)", 0},
    {"--undefined", "SYM", "start with SYM undefined", 0},
    {"-s", NULL, "strip all symbols (--strip-all)", 0},
    {"-S", NULL, "strip debugging sections (--strip-debug)", 0},
    {"--strip-all", NULL, "omit .symtab and .strtab", 0},
    {"--strip-debug", NULL, "omit debugging sections", 0},
    {"-static", NULL, "link a static executable; search only archives (-Bstatic, -dn)", 0},
    {"-Bstatic", NULL, "search archives only for the following -l options", 0},
    {"-Bdynamic", NULL, "search shared objects too for the following -l options", 0},
    {"-B", "WORD",
     "Solaris -B static|dynamic|symbolic|direct|nodirect|group|local|eliminate|reduce", 's'},
    {"-pie", NULL, "link a position-independent executable (--pic-executable)", 0},
    {"-no-pie", NULL, "link a position-dependent executable", 0},
    {"-shared", NULL, "link a shared object (-G, -Bshareable)", 0},
    {"-G", NULL, "link a shared object (Solaris)", 's'},
    {"-r", NULL, "link a relocatable object (--relocatable)", 0},
    {"-h", "NAME", "set DT_SONAME (-soname)", 0},
    {"-soname", "NAME", "set DT_SONAME", 0},
    {"-R", "PATH", "add a run-time search path (-rpath)", 0},
    {"-rpath", "PATH", "add a run-time search path", 0},
    {"-I", "FILE", "set the program interpreter (--dynamic-linker)", 0},
    {"--dynamic-linker", "FILE", "set the program interpreter", 0},
    {"--no-dynamic-linker", NULL, "no program interpreter (static PIE)", 0},
    {"-m", "EMUL", "GNU: emulation elf_x86_64, elf_i386, elf32_sparc, elf64_sparc", 'g'},
    {"-d", "y|n", "Solaris: dynamic (y) or static (n) linking", 's'},
    {"-z", "KEYWORD", "keyword options, see tld(1)", 0},
    {"--start-group", NULL, "begin a group of archives searched repeatedly (-()", 0},
    {"--end-group", NULL, "end a group (-))", 0},
    {"--push-state", NULL, "save --whole-archive, --as-needed and -Bstatic", 0},
    {"--pop-state", NULL, "restore what --push-state saved", 0},
    {"--whole-archive", NULL, "include every member of the following archives", 0},
    {"--no-whole-archive", NULL, "turn --whole-archive off", 0},
    {"--as-needed", NULL, "record DT_NEEDED only for libraries that are used", 0},
    {"--no-as-needed", NULL, "record DT_NEEDED for every library", 0},
    {"--gc-sections", NULL, "remove unreferenced sections", 0},
    {"--no-gc-sections", NULL, "keep unreferenced sections", 0},
    {"--print-gc-sections", NULL, "list the sections --gc-sections removes", 0},
    {"--eh-frame-hdr", NULL, "create .eh_frame_hdr and PT_GNU_EH_FRAME", 0},
    {"--no-eh-frame-hdr", NULL, "do not create .eh_frame_hdr", 0},
    {"--build-id", "[=STYLE]",
     "add an NT_GNU_BUILD_ID note: sha1 (default), md5, uuid, 0xHEX, none", 0},
    {"--defsym", "SYM=EXPR", "define SYM as a number or another symbol", 0},
    {"--sysroot", "DIR", "prefix for = and / in search paths", 0},
    {"--hash-style", "STYLE", "sysv, gnu or both", 0},
    {"--export-dynamic", NULL, "export every global symbol (-E)", 0},
    {"--dynamic-list", "FILE",
     "export the listed symbols; in a shared object only they stay preemptible", 0},
    {"--export-dynamic-symbol", "SYM", "export SYM from an executable", 0},
    {"-E", NULL, "export every global symbol", 'g'},
    {"--no-relax", NULL, "keep GOT loads and TLS sequences as written", 0},
    {"--relax", NULL, "relax GOT loads and TLS sequences (default)", 0},
    {"--threads", "[=N]", "number of threads (default: online CPUs)", 0},
    {"--no-threads", NULL, "run single-threaded", 0},
    {"--stats", NULL, "print per-pass times, counts, memory and TLS statistics", 0},
    {"--compress-debug-sections", "=none|zlib|zlib-gabi|zstd",
     "compress the output's .debug_* sections (SHF_COMPRESSED)", 0},
    {"--no-undefined", NULL, "report undefined symbols in shared objects (-z defs)", 0},
    {"--allow-shlib-undefined", NULL, "allow undefined symbols in shared libraries", 0},
    {"--no-allow-shlib-undefined", NULL, "report undefined symbols of shared libraries", 0},
    {"-Bsymbolic", NULL, "bind global references within a shared object", 0},
    {"-Bsymbolic-functions", NULL, "bind function references within a shared object", 0},
    {"--enable-new-dtags", NULL, "use DT_RUNPATH", 0},
    {"--disable-new-dtags", NULL, "use DT_RPATH", 0},
    {"--fatal-warnings", NULL, "treat warnings as errors", 0},
    {"--no-fatal-warnings", NULL, "warnings are warnings", 0},
    {"--version", NULL, "print the version and exit", 0},
    {"-v", NULL, "print the version (and continue)", 'g'},
    {"-V", NULL, "print the version and supported targets", 0},
    {"--help", NULL, "print this help", 0},
    {"--mapfile", "FILE",
     "read a Solaris mapfile (also -z mapfile=FILE; -M FILE in the Solaris flavour)", 0},
    {"-plugin", "FILE", "load a link-time optimisation plugin (gcc's liblto_plugin, LLVMgold)", 0},
    {"-plugin-opt", "OPT", "pass OPT to the -plugin before it", 0},
    {"--verbose", "[=N]",
     "print the version, target, search directories and each library tried; 2: also how "
     "each symbol of a plugin's file was resolved",
     0},
    {"-t", NULL, "GNU: print each input file as it is read (--trace)", 'g'},
    {"--trace", NULL, "print each input file as it is read", 0},
    {"-O", "LEVEL", "optimisation level of the output: -O2 compresses debug sections harder", 'g'},
    {"--image-base", "ADDR", "base address of the output", 0},
    {"--emit-relocs", NULL, "keep the inputs' relocations in the output", 0},
    {"-Map", "FILE", "write a link map to FILE ('-': standard output)", 0},
    {"--print-map", NULL, "write a link map to standard output (GNU -M)", 0},
    {"-M", NULL, "GNU: write a link map to standard output", 'g'},
    {"-m", NULL, "Solaris: write a link map to standard output", 's'},
    {"--cref", NULL, "write a cross-reference table (to the map file, if any)", 0},
    {"-y", "SYM", "report each file that defines or references SYM (--trace-symbol)", 0},
    {"--trace-symbol", "SYM", "report each file that defines or references SYM", 0},
    {"--why-extract", "FILE", "write why each archive member was extracted ('-': stdout)", 0},
    {"--wrap", "SYM", "bind references to SYM to __wrap_SYM, and __real_SYM to SYM", 0},
    {"-Ttext", "ADDR", "address of .text", 'g'},
    {"-Tdata", "ADDR", "address of .data", 'g'},
    {"-Tbss", "ADDR", "address of .bss", 'g'},
    {"-Ttext-segment", "ADDR", "address of the first segment (--image-base)", 'g'},
    {"-T", "FILE", "read a linker script (--script)", 0},
    {"--script", "FILE", "read a linker script", 0},
    {"--section-start", "SEC=ADDR", "address of output section SEC", 0},
    {"--exclude-libs", "LIB,...|ALL", "do not export the symbols of these archives", 0},
    {"--warn-common", NULL, "warn when a common symbol meets another or a definition", 0},
    {"--unresolved-symbols", "HOW",
     "ignore-all, report-all, ignore-in-object-files, ignore-in-shared-libs", 0},
    {"--no-undefined-version", NULL, "accepted", 0},
    {"--no-warn-mismatch", NULL, "accepted", 0},
    {"--sort-section", "name|alignment", "sort input sections within each output section", 0},
    {"--sort-common", "[=ascending|descending]", "sort common symbols by alignment (largest first)",
     0},
    {"--icf", "none|safe|all", "fold identical code sections", 0},
    {"--print-icf-sections", NULL, "list the sections --icf folds", 0},
    {"@FILE", NULL, "read options from FILE", 0},
};

static const char *progname = "tld";

void ld_print_help(void) {
  printf("Usage: %s [options] file...\n\n"
         "tld links ELF objects, archives and shared objects for x86-64, i386, SPARC and\n"
         "SPARC V9 into executables, position-independent executables and shared objects.\n"
         "Invoked as 'ld' it takes GNU ld's options; invoked as 'tld' a letter that means\n"
         "different things to GNU ld and to the Solaris link-editor takes the Solaris meaning.\n\n"
         "Options:\n",
         progname);
  for (size_t i = 0; i < sizeof optdocs / sizeof optdocs[0]; i++) {
    char left[64];
    snprintf(left, sizeof left, "%s%s%s", optdocs[i].name, optdocs[i].arg ? " " : "",
             optdocs[i].arg ? optdocs[i].arg : "");
    printf("  %-26s %s%s\n", left, optdocs[i].help,
           optdocs[i].fl == 'g'   ? " [GNU flavour]"
           : optdocs[i].fl == 's' ? " [Solaris flavour]"
                                  : "");
  }
  printf("\n-z keywords: now lazy relro norelro execstack noexecstack text notext textoff defs\n"
         "  nodefs origin nodelete initfirst interpose separate-code noseparate-code\n"
         "  max-page-size=N common-page-size=N notlsrelax tlsrelax gnu\n"
         "  lazyload nolazyload direct nodirect (positional: for the dependencies that follow)\n"
         "  guidance[=noall,nodefs,nodirect,nolazyload,nomapfile,notext,nounused,notls]\n"
         "  target=x64|x86|sparc|sparcv9 muldefs stack-size=N ibt shstk\n"
         "  dynamic-undefined-weak nodynamic-undefined-weak keep-text-section-prefix\n"
         "  pack-relative-relocs nopack-relative-relocs\n");
}

static void print_version(void) {
  printf("tld %s (ELF link-editor; targets: x64 elf_x86_64, x86 elf_i386, sparc elf32_sparc, "
         "sparcv9 elf64_sparc)\n",
         TLD_VERSION);
}

static size_t edit_distance(const char *a, const char *b) {
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
  for (size_t i = 0; i < sizeof optdocs / sizeof optdocs[0]; i++) {
    const char *n = optdocs[i].name;
    size_t d = edit_distance(want, n);
    if (want[1] == '-' && n[1] != '-') { /* --foo vs -foo */
      char tmp[66];
      snprintf(tmp, sizeof tmp, "-%s", n);
      size_t d2 = edit_distance(want, tmp);
      if (d2 < d) d = d2, n = optdocs[i].name;
    }
    if (d < bestd) bestd = d, best = optdocs[i].name;
  }
  if (best && strlen(want) > 2) ld_error("unknown option '%s'; did you mean '%s'?", arg, best);
  else ld_error("unknown option '%s'", arg);
}

static const ld_target *target_by_emulation(const char *e) {
  const ld_target *all[] = {&ld_target_x64, &ld_target_x86, &ld_target_sparc, &ld_target_sparcv9};
  for (int i = 0; i < 4; i++)
    if (!strcmp(all[i]->tg_emulation, e) || !strcmp(all[i]->tg_name, e)) return all[i];
  /* Spellings other link-editors and drivers use. */
  if (!strcmp(e, "elf32_x86_64")) return NULL;
  if (!strcmp(e, "elf64_sparc_fbsd") || !strcmp(e, "elf64sparc")) return &ld_target_sparcv9;
  if (!strcmp(e, "elf32sparc")) return &ld_target_sparc;
  return NULL;
}

/* A number as C writes it (decimal, 0x hex, 0 octal): digits only -- strtoull would also take
 * blanks and a sign, and make "-1" a huge value -- and no more than 64 bits. */
static int parse_num(const char *s, uint64_t *out) {
  char *end;
  if (!isdigit((unsigned char)*s)) return -1;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (*end || errno) return -1;
  *out = v;
  return 0;
}

struct optstate {
  int whole, as_needed, bstatic, group;
  uint8_t dep; /* DEP_* for the shared objects named next */
  ld_options *opt;
  int saved[16][3]; /* --push-state: whole, as_needed, bstatic */
  int nsaved;
};

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

/* -z guidance[=item,...]: each item names advice to leave out (Solaris spells them noall,
 * nodefs, nodirect, nolazyload, nomapfile, notext, nounused; notls is tld's). Given more than
 * once, the items add up. */
static void guidance_keyword(ld_options *o, const char *kw) {
  static const struct {
    const char *name;
    uint32_t bit;
  } items[] = {{"noall", ~(uint32_t)GUIDE_ON},  {"nodefs", GUIDE_NO_DEFS},
               {"nodirect", GUIDE_NO_DIRECT},   {"nolazyload", GUIDE_NO_LAZYLOAD},
               {"nomapfile", GUIDE_NO_MAPFILE}, {"notext", GUIDE_NO_TEXT},
               {"nounused", GUIDE_NO_UNUSED},   {"notls", GUIDE_NO_TLS}};
  o->guidance |= GUIDE_ON;
  if (kw[8] != '=') return;
  char *list = ld_xstrdup(kw + 9), *save = NULL;
  for (char *w = strtok_r(list, ", \t", &save); w; w = strtok_r(NULL, ", \t", &save)) {
    size_t k = 0;
    while (k < sizeof items / sizeof items[0] && strcasecmp(w, items[k].name)) k++;
    if (k == sizeof items / sizeof items[0])
      ld_warn("-z guidance: unknown item '%s' ignored (noall, nodefs, nodirect, nolazyload, "
              "nomapfile, notext, nounused, notls)",
              w);
    else o->guidance |= items[k].bit;
  }
}

static void z_keyword(struct optstate *st, const char *kw) {
  ld_options *o = st->opt;
  uint64_t v;
  if (!strcmp(kw, "now")) o->z_now = 1;
  else if (!strcmp(kw, "lazy")) o->z_now = 0;
  else if (!strcmp(kw, "relro")) o->z_relro = 1;
  else if (!strcmp(kw, "norelro")) o->z_relro = 0;
  else if (!strcmp(kw, "execstack")) o->z_execstack = 1, o->z_noexecstack = 0;
  else if (!strcmp(kw, "noexecstack")) o->z_noexecstack = 1, o->z_execstack = 0;
  else if (!strcmp(kw, "text")) o->z_text = 1;
  else if (!strcmp(kw, "notext") || !strcmp(kw, "textoff")) o->z_text = 0;
  else if (!strcmp(kw, "textwarn")) o->z_text = 0, o->z_textwarn = 1;
  else if (!strcmp(kw, "defs")) o->z_defs = 1, o->z_defs_given = 1;
  else if (!strcmp(kw, "nodefs") || !strcmp(kw, "undefs"))
    o->z_defs = 0, o->allow_undefined = 1, o->z_defs_given = 1;
  else if (!strcmp(kw, "origin")) o->z_origin = 1;
  else if (!strcmp(kw, "nodelete")) o->z_nodelete = 1;
  else if (!strcmp(kw, "initfirst")) o->z_initfirst = 1;
  else if (!strcmp(kw, "interpose")) o->z_interpose = 1;
  else if (!strcmp(kw, "separate-code")) o->z_separate_code = 1;
  else if (!strcmp(kw, "noseparate-code")) o->z_separate_code = 0;
  else if (!strcmp(kw, "notlsrelax")) o->tls_relax = 0;
  else if (!strcmp(kw, "tlsrelax")) o->tls_relax = 1;
  else if (!strcmp(kw, "guidance") || !strncmp(kw, "guidance=", 9)) guidance_keyword(o, kw);
  /* Positional, as in Solaris: each applies to the dependencies named after it. */
  else if (!strcmp(kw, "lazyload")) st->dep |= DEP_LAZY | DEP_LAZY_GIVEN;
  else if (!strcmp(kw, "nolazyload")) st->dep = (uint8_t)((st->dep & ~DEP_LAZY) | DEP_LAZY_GIVEN);
  else if (!strcmp(kw, "direct"))
    st->dep = (uint8_t)((st->dep & ~DEP_NODIRECT) | DEP_DIRECT | DEP_DIRECT_GIVEN);
  else if (!strcmp(kw, "nodirect"))
    st->dep = (uint8_t)((st->dep & ~DEP_DIRECT) | DEP_NODIRECT | DEP_DIRECT_GIVEN);
  else if (!strcmp(kw, "gnu")) o->gnu_flavour = 1;
  else if (!strcmp(kw, "muldefs")) o->allow_multiple_def = 1;
  else if (!strcmp(kw, "mapfile-dump")) o->mapfile_dump = 1;
  else if (!strncmp(kw, "mapfile=", 8) && kw[8]) ld_vec_push(&o->mapfiles, (void *)(kw + 8));
  else if (!strncmp(kw, "target=", 7)) {
    o->target = target_by_emulation(kw + 7);
    if (!o->target) ld_error("-z target=%s: unknown target (x64, x86, sparc, sparcv9)", kw + 7);
  } else if (!strncmp(kw, "max-page-size=", 14)) {
    if (parse_num(kw + 14, &v) || v == 0 || (v & (v - 1)))
      ld_error("-z %s: expected a power of two", kw);
    else o->page_size = v;
  } else if (!strncmp(kw, "stack-size=", 11)) {
    if (parse_num(kw + 11, &v)) ld_error("-z %s: expected a number", kw);
    else o->stack_size = v;
  } else if (!strcmp(kw, "pack-relative-relocs")) o->pack_relr = 1;
  else if (!strcmp(kw, "nopack-relative-relocs")) o->pack_relr = 0;
  else if (!strcmp(kw, "ibt")) o->z_ibt = 1;
  else if (!strcmp(kw, "shstk")) o->z_shstk = 1;
  else if (!strcmp(kw, "dynamic-undefined-weak")) o->z_dyn_undef_weak = 1;
  else if (!strcmp(kw, "nodynamic-undefined-weak")) o->z_dyn_undef_weak = 0;
  else if (!strcmp(kw, "keep-text-section-prefix")) o->keep_text_prefix = 1;
  else if (!strcmp(kw, "nokeep-text-section-prefix")) o->keep_text_prefix = 0;
  else if (!strncmp(kw, "common-page-size=", 17) || !strcmp(kw, "combreloc") ||
           !strcmp(kw, "nocombreloc") || !strcmp(kw, "noexecheap") || !strcmp(kw, "nocopyreloc") ||
           !strcmp(kw, "nodlopen") || !strcmp(kw, "nocopyreloc") ||
           !strcmp(kw, "dynamic-undefined-weak") || !strcmp(kw, "nodynamic-undefined-weak") ||
           !strcmp(kw, "noverbose") || !strcmp(kw, "verbose") ||
           !strcmp(kw, "keep-text-section-prefix") || !strcmp(kw, "ignore") ||
           !strcmp(kw, "record")) {
    /* Accepted; those with an effect on dynamic outputs are honoured where implemented. */
  } else {
    ld_warn("-z %s ignored (unknown keyword)", kw);
  }
}

/* Does `arg` (with its leading dashes normalised to one) name `opt`, either exactly (the value
 * then comes from the next argument, if `takes`) or as `opt=value`? */
static const char *match_long(const char *arg, const char *opt, int takes, int *consumed_next,
                              int argc, char **argv, int *i) {
  size_t n = strlen(opt);
  if (strncmp(arg, opt, n)) return NULL;
  if (arg[n] == 0) {
    if (!takes) return "";
    if (*i + 1 >= argc) {
      ld_error("option '%s' needs an argument", arg);
      return "";
    }
    *consumed_next = 1;
    return argv[++*i];
  }
  /* `arg` is the normalised copy in a buffer reused for every option: keep the value. */
  if (arg[n] == '=' && takes) return ld_xstrdup(arg + n + 1);
  return NULL;
}

/* "SYM", "SYM+N", "SYM-N" or "N": what --defsym accepts. */
static int defsym_expr_ok(const char *e) {
  uint64_t v;
  if (!parse_num(e, &v) || (e[0] == '-' && !parse_num(e + 1, &v))) return 1;
  const char *op = NULL;
  for (const char *p = e + 1; *p; p++)
    if (*p == '+' || *p == '-') op = p;
  if (op && parse_num(op + 1, &v)) return 0;
  size_t len = op ? (size_t)(op - e) : strlen(e);
  if (!len || isdigit((unsigned char)e[0])) return 0;
  for (size_t k = 0; k < len; k++)
    if (isspace((unsigned char)e[k]) || e[k] == '+' || e[k] == '-' || e[k] == '=') return 0;
  return 1;
}

static void add_section_start(ld_options *o, const char *opt, const char *name, const char *addr) {
  ld_section_start *ss = ld_xcalloc(1, sizeof *ss);
  ss->ss_name = name;
  if (parse_num(addr, &ss->ss_addr)) {
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

/* Options of link maps and tracing, and those that place or fold sections. Returns 1 when `n`
 * (the option with its dashes normalised to one) was one of them. */
static int trace_and_layout_option(struct optstate *st, const char *n, int argc, char **argv,
                                   int *i) {
  ld_options *o = st->opt;
  int nx = 0;
  const char *v;
#define LONG(name, takes) ((v = match_long(n, name, takes, &nx, argc, argv, i)) != NULL)
  if (LONG("-Map", 1)) {
    o->map_file = v;
    return 1;
  }
  if (LONG("-print-map", 0)) {
    o->print_map = 1;
    return 1;
  }
  if (LONG("-no-print-map", 0)) {
    o->print_map = 0;
    return 1;
  }
  if (LONG("-cref", 0)) {
    o->cref = 1;
    return 1;
  }
  if (LONG("-trace-symbol", 1)) {
    ld_vec_push(&o->trace_syms, (void *)v);
    return 1;
  }
  if (LONG("-why-extract", 1)) {
    o->why_extract = v;
    return 1;
  }
  if (LONG("-print-icf-sections", 0)) {
    o->print_icf = 1;
    return 1;
  }
  if (LONG("-no-print-icf-sections", 0)) {
    o->print_icf = 0;
    return 1;
  }
  if (LONG("-wrap", 1)) {
    ld_vec_push(&o->wraps, (void *)v);
    return 1;
  }
  if (LONG("-icf", 1)) {
    if (!strcmp(v, "none")) o->icf = 0;
    else if (!strcmp(v, "safe")) o->icf = 1;
    else if (!strcmp(v, "all")) o->icf = 2;
    else ld_error("--icf=%s: expected none, safe or all", v);
    return 1;
  }
  if (LONG("-sort-section", 1)) {
    if (!strcmp(v, "name")) o->sort_section = 1;
    else if (!strcmp(v, "alignment")) o->sort_section = 2;
    else ld_error("--sort-section=%s: expected name or alignment", v);
    return 1;
  }
  if (!strcmp(n, "-sort-common") || !strcmp(n, "-sort-common=descending")) {
    o->sort_common = 1;
    return 1;
  }
  if (!strcmp(n, "-sort-common=ascending")) {
    o->sort_common = 2;
    return 1;
  }
  if (LONG("-unresolved-symbols", 1)) {
    if (!strcmp(v, "ignore-all")) o->unresolved = UNRES_IGNORE_ALL;
    else if (!strcmp(v, "report-all")) o->unresolved = UNRES_REPORT_ALL;
    else if (!strcmp(v, "ignore-in-object-files")) o->unresolved = UNRES_IGNORE_OBJECTS;
    else if (!strcmp(v, "ignore-in-shared-libs")) o->unresolved = UNRES_IGNORE_SHLIBS;
    else
      ld_error("--unresolved-symbols=%s: expected ignore-all, report-all, ignore-in-object-files "
               "or ignore-in-shared-libs",
               v);
    return 1;
  }
  if (LONG("-exclude-libs", 1)) {
    char *list = ld_xstrdup(v), *save = NULL;
    for (char *w = strtok_r(list, ",:", &save); w; w = strtok_r(NULL, ",:", &save)) {
      if (!strcmp(w, "ALL")) o->exclude_libs_all = 1;
      else ld_vec_push(&o->exclude_libs, w);
    }
    return 1;
  }
  if (LONG("-section-start", 1)) {
    const char *eq = strrchr(v, '=');
    if (!eq || eq == v) {
      ld_error("--section-start %s: expected SECTION=ADDRESS", v);
      return 1;
    }
    add_section_start(o, "--section-start", ld_sprintf("%.*s", (int)(eq - v), v), eq + 1);
    return 1;
  }
  static const char *const tsecs[][2] = {
      {"-Ttext", ".text"}, {"-Tdata", ".data"}, {"-Tbss", ".bss"}};
  for (int k = 0; k < 3; k++)
    if (LONG(tsecs[k][0], 1)) {
      add_section_start(o, tsecs[k][0], tsecs[k][1], v);
      return 1;
    }
  if (LONG("-Ttext-segment", 1)) {
    if (parse_num(v, &o->image_base)) ld_error("-Ttext-segment: '%s' is not an address", v);
    o->image_base_given = 1;
    return 1;
  }
#undef LONG
  (void)nx;
  return 0;
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
  long nproc = sysconf(_SC_NPROCESSORS_ONLN);
  o->threads = nproc > 0 ? (int)nproc : 1;
  struct optstate st = {.opt = o};
  int print_version_and_go = 0;
  int gnu = o->gnu_flavour;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int nx = 0;
    const char *v;
    if (a[0] != '-' || a[1] == 0) {
      add_input(&st, a, 0);
      continue;
    }
    /* Normalise "--name" to "-name": GNU takes both. Single letters keep their meaning. */
    char norm[256];
    if (a[1] == '-' && a[2]) snprintf(norm, sizeof norm, "-%s", a + 2);
    else snprintf(norm, sizeof norm, "%s", a);
    const char *n = norm;
#define LONG(name, takes) ((v = match_long(n, name, takes, &nx, argc, argv, &i)) != NULL)
    if (LONG("-help", 0)) {
      ld_print_help();
      exit(0);
    }
    if (LONG("-version", 0)) {
      print_version();
      exit(0);
    }
    if (!strcmp(n, "-V")) {
      print_version();
      print_version_and_go = 1;
      continue;
    }
    if (!strcmp(n, "-v") && gnu) {
      print_version();
      print_version_and_go = 1;
      continue;
    }
    if (LONG("-output", 1)) {
      o->output = v;
      continue;
    }
    if (LONG("-entry", 1)) {
      o->entry = v;
      continue;
    }
    if (LONG("-library-path", 1)) {
      ld_vec_push(&o->libdirs, (void *)v);
      continue;
    }
    if (LONG("-library", 1)) {
      add_input(&st, v, 1);
      continue;
    }
    if (LONG("-undefined", 1)) {
      ld_vec_push(&o->undefs, (void *)v);
      continue;
    }
    if (LONG("-strip-all", 0)) {
      o->strip_all = 1;
      continue;
    }
    if (LONG("-strip-debug", 0)) {
      o->strip_debug = 1;
      continue;
    }
    if (LONG("-static", 0) || LONG("-Bstatic", 0) || LONG("-non_shared", 0) || LONG("-dn", 0)) {
      if (!strcmp(n, "-static")) o->is_static = 1;
      st.bstatic = 1;
      continue;
    }
    if (LONG("-Bdynamic", 0) || LONG("-dy", 0) || LONG("-call_shared", 0)) {
      st.bstatic = 0;
      continue;
    }
    if (LONG("-pie", 0) || LONG("-pic-executable", 0)) {
      o->outkind = OUT_PIE;
      continue;
    }
    if (LONG("-no-pie", 0) || LONG("-no-pic-executable", 0)) {
      o->outkind = OUT_EXEC;
      continue;
    }
    if (LONG("-shared", 0) || LONG("-Bshareable", 0)) {
      o->outkind = OUT_SHARED;
      continue;
    }
    if (LONG("-relocatable", 0)) {
      o->outkind = OUT_RELOC;
      continue;
    }
    if (LONG("-soname", 1)) {
      o->soname = v;
      continue;
    }
    if (LONG("-rpath", 1)) {
      ld_vec_push(&o->rpaths, (void *)v);
      continue;
    }
    if (LONG("-rpath-link", 1)) continue;
    if (LONG("-dynamic-list", 1)) {
      ld_vec_push(&o->dynamic_lists, (void *)v);
      continue;
    }
    if (LONG("-export-dynamic-symbol", 1)) {
      ld_vec_push(&o->export_syms, (void *)v);
      continue;
    }
    if (LONG("-dynamic-linker", 1)) {
      o->interp = v;
      continue;
    }
    if (LONG("-no-dynamic-linker", 0)) {
      o->no_dynamic_linker = 1;
      continue;
    }
    if (LONG("-start-group", 0)) {
      st.group++;
      add_group_marker(&st, 1);
      continue;
    }
    if (LONG("-end-group", 0)) {
      if (st.group == 0) ld_error("--end-group without --start-group");
      else st.group--, add_group_marker(&st, 0);
      continue;
    }
    if (LONG("-push-state", 0)) {
      if (st.nsaved == 16) {
        ld_error("--push-state nested too deeply");
        continue;
      }
      st.saved[st.nsaved][0] = st.whole, st.saved[st.nsaved][1] = st.as_needed;
      st.saved[st.nsaved++][2] = st.bstatic;
      continue;
    }
    if (LONG("-pop-state", 0)) {
      if (!st.nsaved) {
        ld_error("--pop-state without --push-state");
        continue;
      }
      st.nsaved--;
      st.whole = st.saved[st.nsaved][0], st.as_needed = st.saved[st.nsaved][1];
      st.bstatic = st.saved[st.nsaved][2];
      continue;
    }
    if (LONG("-whole-archive", 0)) {
      st.whole = 1;
      continue;
    }
    if (LONG("-no-whole-archive", 0)) {
      st.whole = 0;
      continue;
    }
    if (LONG("-as-needed", 0)) {
      st.as_needed = 1;
      continue;
    }
    if (LONG("-no-as-needed", 0)) {
      st.as_needed = 0;
      continue;
    }
    if (LONG("-gc-sections", 0)) {
      o->gc_sections = 1;
      continue;
    }
    if (LONG("-no-gc-sections", 0)) {
      o->gc_sections = 0;
      continue;
    }
    if (LONG("-print-gc-sections", 0)) {
      o->print_gc = 1;
      continue;
    }
    if (LONG("-no-print-gc-sections", 0)) {
      o->print_gc = 0;
      continue;
    }
    if (LONG("-eh-frame-hdr", 0)) {
      o->eh_frame_hdr = 1;
      o->eh_frame_hdr_given = 1;
      continue;
    }
    if (LONG("-no-eh-frame-hdr", 0)) {
      o->eh_frame_hdr = 0;
      o->eh_frame_hdr_given = 1;
      continue;
    }
    if (!strcmp(n, "-build-id")) {
      o->build_id = 1;
      continue;
    }
    if (!strncmp(n, "-build-id=", 10)) {
      const char *s = n + 10;
      if (!strcmp(s, "sha1") || !strcmp(s, "tree") || !strcmp(s, "fast")) o->build_id = 1;
      else if (!strcmp(s, "md5")) o->build_id = 2;
      else if (!strcmp(s, "uuid")) o->build_id = 3;
      else if (!strcmp(s, "none")) o->build_id = 0;
      else if (!strncmp(s, "0x", 2) && s[2]) o->build_id = 4, o->build_id_hex = ld_xstrdup(s + 2);
      else ld_error("--build-id=%s: unknown style (sha1, md5, uuid, 0xHEX, none)", s);
      continue;
    }
    if (LONG("-defsym", 1)) {
      const char *eq = strchr(v, '=');
      if (!eq || eq == v) {
        ld_error("--defsym %s: expected SYMBOL=EXPRESSION", v);
        continue;
      }
      ld_defsym *d = ld_xcalloc(1, sizeof *d);
      d->name = ld_sprintf("%.*s", (int)(eq - v), v);
      d->expr = eq + 1;
      if (!defsym_expr_ok(d->expr)) {
        ld_error("--defsym %s: expected SYMBOL, NUMBER, SYMBOL+NUMBER or SYMBOL-NUMBER after '='",
                 v);
        continue;
      }
      ld_vec_push(&o->defsyms, d);
      continue;
    }
    if (LONG("-sysroot", 1)) {
      o->sysroot = v;
      continue;
    }
    if (LONG("-hash-style", 1)) {
      if (!strcmp(v, "sysv")) o->hash_style = 1;
      else if (!strcmp(v, "gnu")) o->hash_style = 2;
      else if (!strcmp(v, "both")) o->hash_style = 3;
      else ld_error("--hash-style=%s: expected sysv, gnu or both", v);
      continue;
    }
    if (LONG("-export-dynamic", 0)) {
      o->export_dynamic = 1;
      continue;
    }
    if (LONG("-no-export-dynamic", 0)) {
      o->export_dynamic = 0;
      continue;
    }
    if (LONG("-no-relax", 0)) {
      o->relax = 0;
      o->tls_relax = 0;
      continue;
    }
    if (LONG("-relax", 0)) {
      o->relax = 1;
      o->tls_relax = 1;
      continue;
    }
    if (LONG("-no-threads", 0)) {
      o->threads = 1;
      continue;
    }
    if (!strcmp(n, "-threads")) continue;
    if (!strncmp(n, "-threads=", 9)) {
      uint64_t t;
      if (parse_num(n + 9, &t) || t == 0)
        ld_error("--threads=%s: expected a positive number", n + 9);
      else o->threads = (int)(t > 64 ? 64 : t);
      continue;
    }
    if (!strcmp(n, "-compress-debug-sections") || !strncmp(n, "-compress-debug-sections=", 25)) {
      const char *how = n[24] == '=' ? n + 25 : "zlib";
      if (!strcmp(how, "none")) o->compress_debug = 0;
      else if (!strcmp(how, "zlib") || !strcmp(how, "zlib-gabi"))
        o->compress_debug = ELFCOMPRESS_ZLIB;
      else if (!strcmp(how, "zstd")) o->compress_debug = ELFCOMPRESS_ZSTD;
      else
        ld_error("--compress-debug-sections=%s: expected none, zlib, zlib-gabi or zstd (zlib-gnu, "
                 "the .zdebug form, is read but not written)",
                 how);
      continue;
    }
    if (LONG("-stats", 0) || LONG("-print-stats", 0)) {
      o->stats = 1;
      continue;
    }
    if (LONG("-no-undefined", 0)) {
      o->z_defs = 1;
      o->z_defs_given = 1;
      continue;
    }
    if (LONG("-allow-shlib-undefined", 0) || LONG("-no-allow-shlib-undefined", 0)) continue;
    if (LONG("-Bsymbolic", 0)) {
      o->bsymbolic = 1;
      continue;
    }
    if (LONG("-Bsymbolic-functions", 0)) {
      o->bsymbolic = 2;
      continue;
    }
    if (LONG("-Bno-symbolic", 0)) {
      o->bsymbolic = 0;
      continue;
    }
    if (LONG("-enable-new-dtags", 0)) {
      o->new_dtags = 1;
      continue;
    }
    if (LONG("-disable-new-dtags", 0)) {
      o->new_dtags = 0;
      continue;
    }
    if (LONG("-fatal-warnings", 0)) {
      ld_fatal_warnings = 1;
      continue;
    }
    if (LONG("-no-fatal-warnings", 0)) {
      ld_fatal_warnings = 0;
      continue;
    }
    if (LONG("-plugin", 1)) {
      ld_plugin_arg *pa = ld_xcalloc(1, sizeof *pa);
      pa->pa_path = v;
      ld_vec_push(&o->plugins, pa);
      continue;
    }
    if (LONG("-plugin-opt", 1)) { /* an option of the -plugin before it */
      if (!o->plugins.n) ld_error("-plugin-opt %s: no -plugin before it", v);
      else ld_vec_push(&((ld_plugin_arg *)o->plugins.v[o->plugins.n - 1])->pa_opts, (void *)v);
      continue;
    }
    if (LONG("-verbose", 0) || !strncmp(n, "-verbose=", 9)) {
      /* GNU ld prints its version first; alone it stops there. --verbose=2 also reports how
       * each symbol of a plugin's file was resolved. */
      uint64_t lvl = 1;
      if (n[8] == '=' && (parse_num(n + 9, &lvl) || lvl > 1000))
        ld_error("--verbose=%s: expected a number", n + 9), lvl = 1;
      if (!o->verbose) print_version();
      if (lvl < 1) lvl = 1;
      if ((int)lvl > o->verbose) o->verbose = (int)lvl;
      print_version_and_go = 1;
      continue;
    }
    if (LONG("-trace", 0)) {
      o->trace = 1;
      continue;
    }
    if (LONG("-image-base", 1)) {
      if (parse_num(v, &o->image_base)) ld_error("--image-base=%s: expected a number", v);
      o->image_base_given = 1;
      continue;
    }
    if (LONG("-emit-relocs", 0)) {
      o->emit_relocs = 1;
      continue;
    }
    if (LONG("-warn-common", 0)) {
      o->warn_common = 1;
      continue;
    }
    if (LONG("-allow-multiple-definition", 0)) {
      o->allow_multiple_def = 1;
      continue;
    }
    if (LONG("-eh-frame-hdr", 0)) continue;
    if (trace_and_layout_option(&st, n, argc, argv, &i)) continue;
    if (LONG("-no-add-needed", 0) || LONG("-add-needed", 0) || LONG("-copy-dt-needed-entries", 0) ||
        LONG("-no-copy-dt-needed-entries", 0) || LONG("-no-warn-mismatch", 0) ||
        LONG("-warn-shared-textrel", 0) || LONG("-no-keep-memory", 0) ||
        LONG("-color-diagnostics", 0) || LONG("-no-color-diagnostics", 0) ||
        LONG("-disable-linker-version", 0) || LONG("-enable-linker-version", 0) ||
        LONG("-no-undefined-version", 0) || LONG("-undefined-version", 0) ||
        LONG("-warn-once", 0) || LONG("-no-warn-execstack", 0) ||
        LONG("-no-warn-rwx-segments", 0) || LONG("-nostdlib", 0) || LONG("-demangle", 0) ||
        LONG("-no-demangle", 0) || LONG("-enable-new-dtags", 0) || LONG("-Qy", 0) || LONG("-Qn", 0))
      continue;
    if (LONG("-version-script", 1)) {
      o->version_script = v;
      continue;
    }
    if (LONG("-script", 1)) {
      add_input(&st, v, 0);
      continue;
    } /* -T */
    if (LONG("-mapfile", 1)) {
      ld_vec_push(&o->mapfiles, (void *)v);
      continue;
    }
    if (LONG("-dependency-file", 1)) continue;
    /* Words whose meaning depends on the flavour and on the argument. */
    if (!strcmp(n, "-m") || (!strncmp(n, "-m", 2) && n[2] && target_by_emulation(n + 2))) {
      const char *e = n[2] ? n + 2 : NULL;
      if (!e) {
        if (i + 1 < argc && target_by_emulation(argv[i + 1])) e = argv[++i];
        else if (!gnu) {
          o->print_map = 2;
          continue;
        } /* Solaris -m: link map to stdout */
        else if (i + 1 < argc)
          e = argv[++i];
        else {
          ld_error("option '-m' needs an argument");
          continue;
        }
      }
      const ld_target *t = target_by_emulation(e);
      if (!t)
        ld_error("unknown emulation '%s' (elf_x86_64, elf_i386, elf32_sparc, elf64_sparc)", e);
      else o->target = t;
      continue;
    }
    if (n[1] == 'B' && !strcmp(a, n)) { /* Solaris -B word (separate or joined) */
      const char *w = n[2] ? n + 2 : (i + 1 < argc ? argv[++i] : "");
      if (!strcmp(w, "static")) st.bstatic = 1;
      else if (!strcmp(w, "dynamic")) st.bstatic = 0;
      else if (!strcmp(w, "symbolic")) o->bsymbolic = 1;
      else if (!strcmp(w, "direct") || !strcmp(w, "nodirect")) {
        /* Not positional: -B direct binds every reference (and definition) directly and makes
         * lazy loading the default; -B nodirect keeps every definition interposable. */
        int *mine = w[0] == 'd' ? &o->b_direct : &o->b_nodirect;
        int *other = w[0] == 'd' ? &o->b_nodirect : &o->b_direct;
        if (*other) ld_error("-B direct and -B nodirect are incompatible");
        *mine = 1;
      } else if (!strcmp(w, "group") || !strcmp(w, "local") || !strcmp(w, "eliminate") ||
                 !strcmp(w, "reduce") || !strcmp(w, "translator") || !strcmp(w, "lazyload") ||
                 !strcmp(w, "nolazyload"))
        ; /* accepted; scope reduction arrives with mapfiles */
      else
        ld_error("-B %s: unknown keyword (static, dynamic, symbolic, direct, nodirect, group, "
                 "local, eliminate, reduce)",
                 w);
      continue;
    }
    if (!strcmp(n, "-(")) {
      st.group++;
      add_group_marker(&st, 1);
      continue;
    }
    if (!strcmp(n, "-)")) {
      if (st.group == 0) ld_error("-) without -(");
      else st.group--, add_group_marker(&st, 0);
      continue;
    }
    /* Single letters, value joined or separate. */
    char c = n[1];
    const char *val = n[2] ? argv[i] + (a[1] == '-' ? 3 : 2) : NULL;
#define TAKE()                                                                                     \
  do {                                                                                             \
    if (!val) {                                                                                    \
      if (i + 1 >= argc) {                                                                         \
        ld_error("option '%s' needs an argument", a);                                              \
        continue;                                                                                  \
      }                                                                                            \
      val = argv[++i];                                                                             \
    }                                                                                              \
  } while (0)
    if (a[1] == '-') {
      unknown_option(a);
      continue;
    }
    switch (c) {
    case 'o':
      TAKE();
      o->output = val;
      continue;
    case 'e':
      TAKE();
      o->entry = val;
      continue;
    case 'l':
      TAKE();
      add_input(&st, val, 1);
      continue;
    case 'L':
      TAKE();
      ld_vec_push(&o->libdirs, (void *)val);
      continue;
    case 'u':
      TAKE();
      ld_vec_push(&o->undefs, (void *)val);
      continue;
    case 'y':
      TAKE();
      ld_vec_push(&o->trace_syms, (void *)val);
      continue; /* --trace-symbol */
    case 'z':
      TAKE();
      z_keyword(&st, val);
      continue;
    case 'R':
      TAKE();
      ld_vec_push(&o->rpaths, (void *)val);
      continue;
    case 'h':
      TAKE();
      o->soname = val;
      continue;
    case 'I':
      TAKE();
      o->interp = val;
      continue;
    case 'T':
      TAKE();
      add_input(&st, val, 0);
      continue; /* a script given with -T */
    case 'O':
      TAKE();
      o->optimize = atoi(val);
      continue;
    case 'Y': TAKE(); continue;
    case 'F':
    case 'f':
    case 'P':
    case 'N':
    case 'Q': TAKE(); continue;
    default: break;
    }
    if (!val) {
      switch (c) {
      case 's': o->strip_all = 1; continue;
      case 'S': o->strip_debug = 1; continue;
      case 'r': o->outkind = OUT_RELOC; continue;
      case 'E': o->export_dynamic = 1; continue;
      case 'G':
        if (!gnu) {
          o->outkind = OUT_SHARED;
          continue;
        }
        break;
      case 't': o->trace = gnu ? 1 : o->trace; continue;
      case 'd':
        if (gnu) continue;
        break; /* GNU -d: assign commons (always done) */
      case 'M':
        if (gnu) {
          o->print_map = 1;
          continue;
        }
        break; /* GNU -M: map to stdout */
      case 'i':
      case 'n':
      case 'x':
      case 'X':
      case 'q': continue;
      case 'a':
        if (!gnu) {
          o->is_static = 1;
          st.bstatic = 1;
          continue;
        }
        break;
      case 'b':
        if (!gnu) continue;
        break;
      default: break;
      }
    }
    if (c == 'd' && !gnu) { /* Solaris -d y|n */
      TAKE();
      if (!strcmp(val, "y")) st.bstatic = 0;
      else if (!strcmp(val, "n")) o->is_static = 1, st.bstatic = 1;
      else ld_error("-d %s: expected y or n", val);
      continue;
    }
    if (c == 'M' && !gnu) {
      TAKE();
      ld_vec_push(&o->mapfiles, (void *)val);
      continue;
    }
    unknown_option(a);
#undef TAKE
#undef LONG
  }
  if (st.group) ld_error("--start-group without --end-group");
  /* -B direct makes lazy loading the default for the dependencies before any -z lazyload or
   * -z nolazyload, wherever it appears (it is a global option in Solaris). */
  for (uint32_t i = 0; i < o->inputs.n && (o->b_direct || o->b_nodirect); i++) {
    ld_input_arg *ia = o->inputs.v[i];
    if (o->b_direct && !(ia->ia_dep & DEP_LAZY_GIVEN)) ia->ia_dep |= DEP_LAZY;
    ia->ia_dep |= DEP_DIRECT_GIVEN | (o->b_direct ? DEP_LAZY_GIVEN : 0);
  }
  if (o->inputs.n == 0 && ld_nerrors() == 0 && !o->mapfile_dump) {
    if (print_version_and_go) exit(0);
    ld_error("no input files");
  }
  if (!o->output) o->output = "a.out", o->output_defaulted = 1;
  if (o->outkind == OUT_RELOC && o->gc_sections)
    ld_error("-r and --gc-sections may not be used together");
  if (o->outkind == OUT_SHARED && !o->z_defs) o->allow_undefined = 1;
  if (o->is_static && o->outkind == OUT_PIE) o->no_dynamic_linker = 1;
  if (o->z_text < 0) o->z_text = 1; /* text relocations are errors unless -z notext */
  /* GNU ld writes .eh_frame_hdr only when asked (gcc asks, but not for -static); the tld
   * flavour always does. */
  if (!o->eh_frame_hdr_given) o->eh_frame_hdr = !o->gnu_flavour;
}
