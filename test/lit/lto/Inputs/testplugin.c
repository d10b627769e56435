/* A linker plugin for tests, built against binutils' plugin-api.h (so that it also checks
 * tld's own declarations of the interface). It claims ELF objects that carry a section
 * `.gnu.lto_.testir`, whose text lists the file's "intermediate language" symbols, one a line:
 *
 *   def NAME | weakdef NAME | undef NAME | weakundef NAME | common NAME SIZE
 *       optionally followed by `hidden`, `protected`, `internal` and `comdat=KEY`
 *   obj PATH      the object that "compiling" this file gives (added at all_symbols_read)
 *
 * Options (-plugin-opt=): log=FILE (what happened, appended), api=N (ask get_api_version for
 * levels 0..N), symbols=1|2|3 (which get_symbols), lib=NAME and libpath=DIR (add_input_library,
 * set_extra_library_path), msg=LEVEL:TEXT (a message at all_symbols_read), noclaim. */
#define HAVE_STDINT_H 1
#include <plugin-api.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ld_plugin_message message;
static ld_plugin_add_symbols add_symbols;
static ld_plugin_get_symbols get_syms[4];
static ld_plugin_add_input_file add_input_file;
static ld_plugin_add_input_library add_input_library;
static ld_plugin_set_extra_library_path set_extra_library_path;
static ld_plugin_get_input_file get_input_file;
static ld_plugin_release_input_file release_input_file;
static ld_plugin_get_view get_view;
static ld_plugin_get_input_section_count section_count;
static ld_plugin_get_input_section_name section_name;
static ld_plugin_get_input_section_type section_type;
static ld_plugin_get_input_section_contents section_contents;
static ld_plugin_get_input_section_size section_size;
static ld_plugin_get_input_section_alignment section_alignment;
static ld_plugin_get_wrap_symbols get_wrap_symbols;
static ld_plugin_get_api_version get_api_version;

static const char *log_path, *lib, *libpath, *msg;
static int api_max = -1, symbols_version = 2, noclaim, api_level, gnu_ld;

struct claimed {
  char *name;
  long long offset;
  void *handle;
  int nsyms;
  struct ld_plugin_symbol *syms;
  char *objs[8];
  int nobjs;
};
static struct claimed *files;
static int nfiles;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void logf_(const char *fmt, ...) {
  if (!log_path) return;
  FILE *f = fopen(log_path, "a");
  if (!f) return;
  va_list ap;
  va_start(ap, fmt);
  vfprintf(f, fmt, ap);
  va_end(ap);
  fputc('\n', f);
  fclose(f);
}

static const char *base(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

static void parse_ir(struct claimed *c, const char *text, size_t len) {
  char *buf = malloc(len + 1);
  memcpy(buf, text, len);
  buf[len] = 0;
  c->syms = calloc(len / 4 + 1, sizeof *c->syms);
  for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
    char kind[32], name[256], rest[256] = "";
    if (sscanf(line, "%31s %255s %255[^\n]", kind, name, rest) < 2) continue;
    if (!strcmp(kind, "obj")) {
      if (c->nobjs < 8) c->objs[c->nobjs++] = strdup(name);
      continue;
    }
    struct ld_plugin_symbol *s = &c->syms[c->nsyms++];
    s->name = strdup(name);
    s->def = !strcmp(kind, "def")         ? LDPK_DEF
             : !strcmp(kind, "weakdef")   ? LDPK_WEAKDEF
             : !strcmp(kind, "undef")     ? LDPK_UNDEF
             : !strcmp(kind, "weakundef") ? LDPK_WEAKUNDEF
                                          : LDPK_COMMON;
    if (s->def == LDPK_COMMON) s->size = strtoull(rest, NULL, 0);
    if (strstr(rest, "hidden")) s->visibility = LDPV_HIDDEN;
    if (strstr(rest, "protected")) s->visibility = LDPV_PROTECTED;
    if (strstr(rest, "internal")) s->visibility = LDPV_INTERNAL;
    const char *k = strstr(rest, "comdat=");
    if (k) s->comdat_key = strndup(k + 7, strcspn(k + 7, " "));
    s->symbol_type = LDST_FUNCTION;
  }
  free(buf);
}

static int claim(const struct ld_plugin_input_file *file, const unsigned char *text, size_t len) {
  struct claimed c = {0};
  c.name = strdup(file->name);
  c.offset = (long long)file->offset;
  c.handle = file->handle;
  parse_ir(&c, (const char *)text, len);
  if (add_symbols(file->handle, c.nsyms, c.syms) != LDPS_OK) return 0;
  pthread_mutex_lock(&mu);
  files = realloc(files, (nfiles + 1) * sizeof *files);
  files[nfiles++] = c;
  pthread_mutex_unlock(&mu);
  return 1;
}

/* A linker without the section queries (GNU ld): the section found in the view, for ELF64
 * little-endian objects. */
static enum ld_plugin_status claim_by_view(const struct ld_plugin_input_file *file,
                                           int *claimed) {
  const unsigned char *d = NULL;
  if (get_view(file->handle, (const void **)&d) != LDPS_OK) return LDPS_ERR;
  if (file->filesize < 64 || memcmp(d, "\177ELF\2\1", 6)) return LDPS_OK;
  uint64_t shoff;
  uint16_t shnum, shstrndx;
  memcpy(&shoff, d + 40, 8);
  memcpy(&shnum, d + 60, 2);
  memcpy(&shstrndx, d + 62, 2);
  const unsigned char *sh = d + shoff, *str = sh + 64 * (size_t)shstrndx;
  uint64_t stroff;
  memcpy(&stroff, str + 24, 8);
  for (unsigned i = 1; i < shnum; i++) {
    uint32_t nm;
    uint64_t off, size;
    memcpy(&nm, sh + 64 * i, 4);
    memcpy(&off, sh + 64 * i + 24, 8);
    memcpy(&size, sh + 64 * i + 32, 8);
    if (strcmp((const char *)d + stroff + nm, ".gnu.lto_.testir")) continue;
    *claimed = claim(file, d + off, size);
    return *claimed ? LDPS_OK : LDPS_ERR;
  }
  return LDPS_OK;
}

static enum ld_plugin_status claim_file(const struct ld_plugin_input_file *file, int *claimed) {
  *claimed = 0;
  unsigned n = 0;
  logf_("offered %s", base(file->name));
  if (noclaim) return LDPS_OK;
  if (!section_count) return claim_by_view(file, claimed);
  if (section_count(file->handle, &n) != LDPS_OK) return LDPS_OK;
  for (unsigned i = 1; i < n; i++) {
    struct ld_plugin_section sec = {file->handle, i};
    char *nm = NULL;
    if (section_name(sec, &nm) != LDPS_OK) return LDPS_ERR;
    int ours = !strcmp(nm, ".gnu.lto_.testir");
    free(nm);
    if (!ours) continue;
    unsigned type = 0, align = 0;
    uint64_t size = 0;
    const unsigned char *text;
    size_t len;
    if (section_type(sec, &type) != LDPS_OK || section_size(sec, &size) != LDPS_OK ||
        section_alignment(sec, &align) != LDPS_OK ||
        section_contents(sec, &text, &len) != LDPS_OK || size != len || type != 1)
      return LDPS_ERR;
    /* The view and the descriptor show the same bytes as the section query. */
    const void *view = NULL;
    char head[4];
    if (get_view(file->handle, &view) != LDPS_OK || memcmp(view, "\177ELF", 4) ||
        (const unsigned char *)text < (const unsigned char *)view ||
        (const unsigned char *)text + len > (const unsigned char *)view + file->filesize ||
        pread(file->fd, head, 4, file->offset) != 4 || memcmp(head, "\177ELF", 4))
      return LDPS_ERR;
    *claimed = claim(file, text, len);
    return *claimed ? LDPS_OK : LDPS_ERR;
  }
  return LDPS_OK;
}

static int cmp_claimed(const void *a, const void *b) {
  const struct claimed *x = a, *y = b;
  int c = strcmp(base(x->name), base(y->name));
  return c ? c : (x->offset > y->offset) - (x->offset < y->offset);
}

static const char *const res_names[] = {
    "UNKNOWN",       "UNDEF",        "PREVAILING_DEF", "PREVAILING_DEF_IRONLY",
    "PREEMPTED_REG", "PREEMPTED_IR", "RESOLVED_IR",    "RESOLVED_EXEC",
    "RESOLVED_DYN",  "PREVAILING_DEF_IRONLY_EXP"};

static enum ld_plugin_status all_symbols_read(void) {
  /* Claims may have come from several threads: report them in a fixed order. */
  qsort(files, nfiles, sizeof *files, cmp_claimed);
  for (int i = 0; i < nfiles; i++) {
    struct claimed *c = &files[i];
    enum ld_plugin_status st = get_syms[symbols_version](c->handle, c->nsyms, c->syms);
    if (st == LDPS_NO_SYMS) {
      logf_("resolve %s@%lld: not in the link", base(c->name), c->offset);
      c->nobjs = 0;
      continue;
    }
    if (st != LDPS_OK) return LDPS_ERR;
    for (int k = 0; k < c->nsyms; k++)
      logf_("resolve %s@%lld: %s %s", base(c->name), c->offset, c->syms[k].name,
            res_names[c->syms[k].resolution]);
    /* GNU ld answers get_input_file without a descriptor. */
    struct ld_plugin_input_file in;
    char head[4];
    if (!gnu_ld && (get_input_file(c->handle, &in) != LDPS_OK ||
                    pread(in.fd, head, 4, in.offset) != 4 || memcmp(head, "\177ELF", 4) ||
                    release_input_file(c->handle) != LDPS_OK))
      return LDPS_ERR;
  }
  uint64_t nwrap = 0;
  const char **wraps = NULL;
  if (get_wrap_symbols && get_wrap_symbols(&nwrap, &wraps) == LDPS_OK)
    for (uint64_t i = 0; i < nwrap; i++) logf_("wrap %s", wraps[i]);
  if (msg) message(msg[0] - '0', "testplugin says %s", msg + 2);
  if (libpath && set_extra_library_path(libpath) != LDPS_OK) return LDPS_ERR;
  for (int i = 0; i < nfiles; i++)
    for (int k = 0; k < files[i].nobjs; k++)
      if (add_input_file(files[i].objs[k]) != LDPS_OK) return LDPS_ERR;
  if (lib && add_input_library(lib) != LDPS_OK) return LDPS_ERR;
  return LDPS_OK;
}

static enum ld_plugin_status new_input(const struct ld_plugin_input_file *file) {
  unsigned n = 0;
  if (section_count) section_count(file->handle, &n);
  logf_("new input %s, %u sections", base(file->name), n);
  return LDPS_OK;
}

static enum ld_plugin_status cleanup(void) {
  logf_("cleanup");
  return LDPS_OK;
}

enum ld_plugin_status onload(struct ld_plugin_tv *tv) {
  ld_plugin_register_claim_file reg_claim = NULL;
  ld_plugin_register_all_symbols_read reg_asr = NULL;
  ld_plugin_register_cleanup reg_cleanup = NULL;
  ld_plugin_register_new_input reg_new_input = NULL;
  int output = -1;
  const char *output_name = "";
  for (struct ld_plugin_tv *p = tv; p->tv_tag != LDPT_NULL; p++) {
    switch (p->tv_tag) {
    case LDPT_MESSAGE: message = p->tv_u.tv_message; break;
    case LDPT_LINKER_OUTPUT: output = p->tv_u.tv_val; break;
    case LDPT_GNU_LD_VERSION: gnu_ld = 1; break;
    case LDPT_OUTPUT_NAME: output_name = p->tv_u.tv_string; break;
    case LDPT_REGISTER_CLAIM_FILE_HOOK: reg_claim = p->tv_u.tv_register_claim_file; break;
    case LDPT_REGISTER_ALL_SYMBOLS_READ_HOOK:
      reg_asr = p->tv_u.tv_register_all_symbols_read;
      break;
    case LDPT_REGISTER_CLEANUP_HOOK: reg_cleanup = p->tv_u.tv_register_cleanup; break;
    case LDPT_REGISTER_NEW_INPUT_HOOK: reg_new_input = p->tv_u.tv_register_new_input; break;
    case LDPT_ADD_SYMBOLS: add_symbols = p->tv_u.tv_add_symbols; break;
    case LDPT_GET_SYMBOLS: get_syms[1] = p->tv_u.tv_get_symbols; break;
    case LDPT_GET_SYMBOLS_V2: get_syms[2] = p->tv_u.tv_get_symbols; break;
    case LDPT_GET_SYMBOLS_V3: get_syms[3] = p->tv_u.tv_get_symbols; break;
    case LDPT_ADD_INPUT_FILE: add_input_file = p->tv_u.tv_add_input_file; break;
    case LDPT_ADD_INPUT_LIBRARY: add_input_library = p->tv_u.tv_add_input_library; break;
    case LDPT_SET_EXTRA_LIBRARY_PATH:
      set_extra_library_path = p->tv_u.tv_set_extra_library_path;
      break;
    case LDPT_GET_INPUT_FILE: get_input_file = p->tv_u.tv_get_input_file; break;
    case LDPT_RELEASE_INPUT_FILE: release_input_file = p->tv_u.tv_release_input_file; break;
    case LDPT_GET_VIEW: get_view = p->tv_u.tv_get_view; break;
    case LDPT_GET_INPUT_SECTION_COUNT:
      section_count = p->tv_u.tv_get_input_section_count;
      break;
    case LDPT_GET_INPUT_SECTION_NAME: section_name = p->tv_u.tv_get_input_section_name; break;
    case LDPT_GET_INPUT_SECTION_TYPE: section_type = p->tv_u.tv_get_input_section_type; break;
    case LDPT_GET_INPUT_SECTION_CONTENTS:
      section_contents = p->tv_u.tv_get_input_section_contents;
      break;
    case LDPT_GET_INPUT_SECTION_SIZE: section_size = p->tv_u.tv_get_input_section_size; break;
    case LDPT_GET_INPUT_SECTION_ALIGNMENT:
      section_alignment = p->tv_u.tv_get_input_section_alignment;
      break;
    case LDPT_GET_WRAP_SYMBOLS: get_wrap_symbols = p->tv_u.tv_get_wrap_symbols; break;
    case LDPT_GET_API_VERSION: get_api_version = p->tv_u.tv_get_api_version; break;
    case LDPT_OPTION: {
      const char *o = p->tv_u.tv_string;
      if (!strncmp(o, "log=", 4)) log_path = o + 4;
      else if (!strncmp(o, "api=", 4)) api_max = atoi(o + 4);
      else if (!strncmp(o, "symbols=", 8)) symbols_version = atoi(o + 8);
      else if (!strncmp(o, "lib=", 4)) lib = o + 4;
      else if (!strncmp(o, "libpath=", 8)) libpath = o + 8;
      else if (!strncmp(o, "msg=", 4)) msg = o + 4;
      else if (!strcmp(o, "noclaim")) noclaim = 1;
      break;
    }
    default: break;
    }
  }
  logf_("onload: output %d %s", output, base(output_name));
  if (api_max >= 0 && get_api_version) {
    const char *id = NULL, *ver = NULL;
    api_level = get_api_version("testplugin", "1", 0, api_max, &id, &ver);
    logf_("api level %d, linker %s", api_level, id ? id : "?");
  }
  if (!reg_claim || !add_symbols || !get_syms[symbols_version] || !get_view) return LDPS_ERR;
  reg_claim(claim_file);
  if (reg_asr) reg_asr(all_symbols_read);
  if (reg_cleanup) reg_cleanup(cleanup);
  if (reg_new_input) reg_new_input(new_input);
  return LDPS_OK;
}
