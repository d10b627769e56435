/* Link-time optimisation through a linker plugin (gcc's liblto_plugin, LLVM's LLVMgold).
 *
 * The interface (ld/plugin_api.h) is the one GNU ld, gold and mold offer. A plugin named by
 * -plugin is loaded with dlopen before any input is read, and its `onload` gets the transfer
 * vector: the -plugin-opt options, the output's kind and name, and every entry point below.
 * Through them it registers its hooks:
 *
 *  - claim_file: every object that may hold its intermediate language is offered to it (in
 *    link order: files with LTO sections and LLVM bitcode, and for -r every object; or, when
 *    every plugin negotiated API level 1 with get_api_version, every object, from the
 *    parallel parse). A
 *    claimed file calls add_symbols and enters resolution as an IR object: an ld_obj with no
 *    sections whose symbol table is made from those symbols, so ranking, archive extraction
 *    and COMDAT claims treat it as any object (a definition in a group another object claimed
 *    first becomes a reference, as in a regular object).
 *  - all_symbols_read: when every input is read, the plugin asks how each of its symbols was
 *    resolved (get_symbols v1, v2, v3) and compiles; it hands back objects (add_input_file) and
 *    libraries (add_input_library, set_extra_library_path). The resolutions are those GNU ld
 *    reports (its rules are spelled out at resolution() below; `--verbose=2` prints them in
 *    GNU ld's words).
 *  - Then the IR objects are retired. Every symbol they named is resolved again from the
 *    regular objects, with the plugin's objects entered where the first claimed file was (so
 *    that their sections land there too, as GNU ld places them), then shared objects; archive
 *    indexes are read again for what is still undefined. Archive members extracted for the IR
 *    stay, as in GNU ld. Files added now are never offered to the plugin.
 *  - cleanup: once the output is written (main calls it), or at exit when the link failed.
 *
 * Everything here runs on the main thread except claim_file in parallel mode, where a claim
 * touches only its own pl_file (and the thread-safe arena and diagnostics). */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ld.h"
#include "plugin.h"
#include "plugin_api.h"

typedef struct pl_plugin {
  const char *pp_path;
  void *pp_dl;
  ld_plugin_claim_file_handler pp_claim;
  ld_plugin_claim_file_handler_v2 pp_claim2;
  ld_plugin_all_symbols_read_handler pp_all_read;
  ld_plugin_cleanup_handler pp_cleanup;
  ld_plugin_new_input_handler pp_new_input;
  int pp_api; /* level from get_api_version (LAPI_V0 unless negotiated) */
} pl_plugin;

/* A symbol the plugin added, copied out of its memory (it may free its own after
 * all_symbols_read; names end up in the symbol table). */
typedef struct pl_sym {
  const char *ps_name, *ps_comdat;
  uint64_t ps_size;
  uint8_t ps_def, ps_type, ps_vis;
  uint8_t ps_res; /* LDPR_*, decided when all symbols are read (v2's words) */
} pl_sym;

/* A file offered to the plugins; the handle they see. When claimed, pf_obj is its IR object:
 * it comes first so that an o_ir ld_obj is its pl_file. */
typedef struct pl_file {
  ld_obj pf_obj;
  ld_isec pf_sec;      /* the one section of the IR object: every definition is in it */
  const char *pf_path; /* the file the plugin reads (the archive, for a member) */
  uint64_t pf_off;     /* where the file's bytes start in pf_path */
  pl_sym *pf_syms;
  uint32_t pf_nsyms;
  int pf_fd;          /* open from get_input_file until release_input_file; -1 */
  uint8_t pf_entered; /* part of the link (get_symbols_v3 answers LDPS_NO_SYMS otherwise) */
} pl_file;

/* The state of the plugin passes: loading (ld_plugin_load, which starts it afresh), claiming
 * files while the inputs are read, and all_symbols_read, where the plugins' objects replace the
 * IR objects and --as-needed libraries are decided again. It reads the options and the inputs'
 * symbols, and writes objects, shared objects and symbols into the link context. */
static struct plugin_pass {
  pl_plugin *plugins;
  uint32_t nplugins;
  pl_plugin *loading;  /* the plugin whose onload runs */
  int phase;           /* 0 inputs are read, 1 all_symbols_read runs, 2 after */
  ld_vec entered;      /* pl_file* of the IR objects in link order */
  ld_vec added;        /* what the plugin added: "f" or "l" then the name */
  ld_vec dso_left_out; /* --as-needed shared objects left out (as_needed_libraries) */
  int cleanups_done;
} P;

/* Bits of ld_sym.s_mark while the plugin's symbols are resolved and replaced (cleared after). */
enum {
  PM_TOUCHED = 1, /* named by an IR object */
  PM_REGREF = 2,  /* referenced from a regular object (undefined, common, or a definition in a
                     discarded section), or by -u / -e: GNU ld's non_ir_ref_regular */
  PM_REGCOM = 4,  /* a regular object has it as a common */
  PM_DYN = 8,     /* a shared object has it, or a dynamic list names it: non_ir_ref_dynamic */
  PM_RESET = 16,  /* reset for resolving again */
  PM_DYNREF = 16, /* as_needed_libraries, before any reset: a shared object added so far
                     refers to it, not weakly */
  PM_SEEN = 32,   /* a regular object read so far refers to it, not weakly (as_needed_libraries) */
  PM_EXISTS = 64, /* a file read so far names it (as_needed_libraries) */
  PM_IRFIRST = 128, /* a claimed file named it first (as_needed_libraries) */
};

int ld_plugin_active(void) { return P.nplugins && P.phase == 0; }

int ld_plugin_parallel(void) {
  if (!ld_plugin_active()) return 0;
  for (uint32_t i = 0; i < P.nplugins; i++)
    if (P.plugins[i].pp_api < LAPI_V1) return 0;
  return 1;
}

int ld_is_bitcode(const uint8_t *d, uint64_t size) {
  if (size < 4) return 0;
  if (d[0] == 'B' && d[1] == 'C' && d[2] == 0xc0 && d[3] == 0xde) return 1;
  return d[0] == 0xde && d[1] == 0xc0 && d[2] == 0x17 && d[3] == 0x0b; /* wrapper 0x0b17c0de */
}

/* Serially, only files with LTO sections are offered; for -r every object is, as GNU ld offers
 * them: gcc's plugin counts the files it does not claim, and with any it makes regular code
 * (-flinker-output=nolto-rel) rather than an object of intermediate language that would take
 * the other objects' code with it when claimed again. */
int ld_plugin_candidate(const ld_obj *o, const uint8_t *d, uint64_t size) {
  if (!ld_plugin_active()) return 0;
  if (ld_is_bitcode(d, size)) return 1;
  if (ld_plugin_parallel() || ctx->opt.outkind == OUT_RELOC) return 1;
  return o && o->o_lto;
}

/* ---- entry points for the plugin ---------------------------------------------------------- */

static enum ld_plugin_status tv_register_claim_file(ld_plugin_claim_file_handler h) {
  if (!P.loading) return LDPS_ERR;
  P.loading->pp_claim = h;
  return LDPS_OK;
}

static enum ld_plugin_status tv_register_claim_file_v2(ld_plugin_claim_file_handler_v2 h) {
  if (!P.loading) return LDPS_ERR;
  P.loading->pp_claim2 = h;
  return LDPS_OK;
}

static enum ld_plugin_status tv_register_all_symbols_read(ld_plugin_all_symbols_read_handler h) {
  if (!P.loading) return LDPS_ERR;
  P.loading->pp_all_read = h;
  return LDPS_OK;
}

static enum ld_plugin_status tv_register_cleanup(ld_plugin_cleanup_handler h) {
  if (!P.loading) return LDPS_ERR;
  P.loading->pp_cleanup = h;
  return LDPS_OK;
}

static enum ld_plugin_status tv_register_new_input(ld_plugin_new_input_handler h) {
  if (!P.loading) return LDPS_ERR;
  P.loading->pp_new_input = h;
  return LDPS_OK;
}

/* Level 1 (parallel claim_file, add_symbols_v2, get_symbols_v3) when the plugin's range has
 * it, else the highest level it asked for. */
static int tv_get_api_version(const char *plugin_id, const char *plugin_version, int minimal,
                              int maximal, const char **linker_id, const char **linker_version) {
  (void)plugin_id, (void)plugin_version;
  *linker_id = "tld";
  *linker_version = ld_version;
  int v = maximal < LAPI_V1 ? maximal : LAPI_V1;
  if (v < minimal || v < LAPI_V0) return -1;
  if (P.loading) P.loading->pp_api = v;
  return v;
}

static enum ld_plugin_status tv_add_symbols(void *handle, int nsyms,
                                            const struct ld_plugin_symbol *syms) {
  pl_file *f = handle;
  if (!f || nsyms < 0 || (nsyms && !syms)) return LDPS_BAD_HANDLE;
  if (P.phase != 0) return LDPS_ERR;
  uint32_t n0 = f->pf_nsyms, n = n0 + (uint32_t)nsyms;
  pl_sym *v = ld_zalloc(n ? n : 1, sizeof *v);
  if (n0) memcpy(v, f->pf_syms, n0 * sizeof *v);
  for (int i = 0; i < nsyms; i++) {
    const struct ld_plugin_symbol *s = &syms[i];
    pl_sym *p = &v[n0 + (uint32_t)i];
    if (!s->name || !*s->name) {
      ld_error("%s: the plugin added a symbol without a name", f->pf_obj.o_name);
      return LDPS_ERR;
    }
    if ((unsigned char)s->def > LDPK_COMMON || (unsigned)s->visibility > LDPV_HIDDEN) {
      ld_error("%s: the plugin added symbol '%s' of unknown kind %d or visibility %d",
               f->pf_obj.o_name, s->name, s->def, s->visibility);
      return LDPS_ERR;
    }
    size_t len = strlen(s->name);
    char *nm = ld_zalloc(len + 1, 1);
    memcpy(nm, s->name, len);
    p->ps_name = nm;
    if (s->comdat_key && *s->comdat_key) {
      size_t kl = strlen(s->comdat_key);
      char *k = ld_zalloc(kl + 1, 1);
      memcpy(k, s->comdat_key, kl);
      p->ps_comdat = k;
    }
    p->ps_def = (uint8_t)s->def;
    p->ps_type = (uint8_t)s->symbol_type;
    p->ps_vis = (uint8_t)s->visibility;
    p->ps_size = s->size;
  }
  f->pf_syms = v;
  f->pf_nsyms = n;
  return LDPS_OK;
}

static const char *const kind_names[] = {"DEF", "WEAKDEF", "UNDEF", "WEAKUNDEF", "COMMON"};
static const char *const vis_names[] = {"DEFAULT", "PROTECTED", "INTERNAL", "HIDDEN"};
static const char *const res_names[] = {"UNKNOWN",        "UNDEF",
                                        "PREVAILING_DEF", "PREVAILING_DEF_IRONLY",
                                        "PREEMPTED_REG",  "PREEMPTED_IR",
                                        "RESOLVED_IR",    "RESOLVED_EXEC",
                                        "RESOLVED_DYN",   "PREVAILING_DEF_IRONLY_EXP"};

/* get_symbols: version 1 knows no IRONLY_EXP (it says PREVAILING_DEF instead); version 3
 * answers LDPS_NO_SYMS for a claimed file that did not become part of the link. */
static enum ld_plugin_status get_symbols(const void *handle, int nsyms,
                                         struct ld_plugin_symbol *syms, int version) {
  const pl_file *f = handle;
  if (!f || !f->pf_obj.o_ir || nsyms < 0 || (nsyms && !syms)) return LDPS_BAD_HANDLE;
  if (P.phase != 1) return LDPS_ERR;
  if (!f->pf_entered && version >= 3) return LDPS_NO_SYMS;
  for (int i = 0; i < nsyms; i++) {
    int res;
    if ((uint32_t)i < f->pf_nsyms && f->pf_entered) {
      res = f->pf_syms[i].ps_res;
    } else { /* not in the link: as GNU ld answers for a symbol it never saw */
      int undef = syms[i].def == LDPK_UNDEF || syms[i].def == LDPK_WEAKUNDEF;
      res = undef ? LDPR_UNDEF : LDPR_PREVAILING_DEF_IRONLY;
    }
    if (version == 1 && res == LDPR_PREVAILING_DEF_IRONLY_EXP) res = LDPR_PREVAILING_DEF;
    syms[i].resolution = res;
    if (ctx->opt.verbose >= 2) {
      unsigned k = (unsigned char)syms[i].def, v = (unsigned)syms[i].visibility;
      fprintf(stderr,
              "tld: %s (symbol from plugin): symbol `%s' definition: %s, visibility: %s, "
              "resolution: %s\n",
              f->pf_obj.o_name, syms[i].name ? syms[i].name : "", k <= 4 ? kind_names[k] : "?",
              v <= 3 ? vis_names[v] : "?", res_names[res]);
    }
  }
  return LDPS_OK;
}

static enum ld_plugin_status tv_get_symbols(const void *h, int n, struct ld_plugin_symbol *s) {
  return get_symbols(h, n, s, 1);
}
static enum ld_plugin_status tv_get_symbols_v2(const void *h, int n, struct ld_plugin_symbol *s) {
  return get_symbols(h, n, s, 2);
}
static enum ld_plugin_status tv_get_symbols_v3(const void *h, int n, struct ld_plugin_symbol *s) {
  return get_symbols(h, n, s, 3);
}

static enum ld_plugin_status add_input(const char *kind, const char *name) {
  if (P.phase != 1 || !name || !*name) return LDPS_ERR;
  ld_vec_push(&P.added, (void *)kind);
  ld_vec_push(&P.added, ld_xstrdup(name));
  return LDPS_OK;
}
static enum ld_plugin_status tv_add_input_file(const char *path) { return add_input("f", path); }
static enum ld_plugin_status tv_add_input_library(const char *name) { return add_input("l", name); }

static enum ld_plugin_status tv_set_extra_library_path(const char *path) {
  if (!path || !*path) return LDPS_ERR;
  ld_input_extra_dir(ld_xstrdup(path));
  return LDPS_OK;
}

static enum ld_plugin_status tv_message(int level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static enum ld_plugin_status tv_message(int level, const char *fmt, ...) {
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt ? fmt : "(null)", ap);
  va_end(ap);
  switch (level) {
  case LDPL_INFO: fprintf(stderr, "tld: %s\n", buf); break;
  case LDPL_WARNING: ld_warn("%s", buf); break;
  case LDPL_FATAL: ld_fatal("%s", buf);
  default: ld_error("%s", buf); break;
  }
  return LDPS_OK;
}

static enum ld_plugin_status tv_get_input_file(const void *handle,
                                               struct ld_plugin_input_file *file) {
  pl_file *f = (pl_file *)handle;
  if (!f || !file) return LDPS_BAD_HANDLE;
  if (f->pf_fd < 0) f->pf_fd = open(f->pf_path, O_RDONLY | O_CLOEXEC);
  if (f->pf_fd < 0) {
    ld_error("%s: cannot open it again for the plugin: %s", f->pf_path, strerror(errno));
    return LDPS_ERR;
  }
  file->name = f->pf_path;
  file->fd = f->pf_fd;
  file->offset = (off_t)f->pf_off;
  file->filesize = (off_t)f->pf_obj.o_size;
  file->handle = f;
  return LDPS_OK;
}

static enum ld_plugin_status tv_release_input_file(const void *handle) {
  pl_file *f = (pl_file *)handle;
  if (!f) return LDPS_BAD_HANDLE;
  if (f->pf_fd >= 0) close(f->pf_fd);
  f->pf_fd = -1;
  return LDPS_OK;
}

/* The bytes are the input's mapping: no copy, valid until exit. */
static enum ld_plugin_status tv_get_view(const void *handle, const void **viewp) {
  const pl_file *f = handle;
  if (!f || !viewp) return LDPS_BAD_HANDLE;
  static const uint8_t empty[1];
  *viewp = f->pf_obj.o_data ? f->pf_obj.o_data : empty;
  return LDPS_OK;
}

/* The section queries read the file's ELF section headers; a file that is not ELF (bitcode)
 * has none to give. */
static int elf_view(const pl_file *f, ld_obj *e) {
  const uint8_t *d = f->pf_obj.o_data;
  uint64_t size = f->pf_obj.o_size;
  memset(e, 0, sizeof *e);
  if (!d || size < EI_NIDENT || memcmp(d, "\177ELF", 4)) return -1;
  e->o_is64 = d[EI_CLASS] == ELFCLASS64;
  e->o_be = d[EI_DATA] == ELFDATA2MSB;
  int be = e->o_be;
  if (size < (e->o_is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE)) return -1;
  uint64_t shoff = e->o_is64 ? elf_rd64(d + 40, be) : elf_rd32(d + 32, be);
  uint32_t shnum = elf_rd16(d + (e->o_is64 ? 60 : 48), be);
  uint32_t ndx = elf_rd16(d + (e->o_is64 ? 62 : 50), be);
  uint64_t esz = e->o_is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE;
  if (!shoff || shoff > size || size - shoff < esz) return -1;
  e->o_shdrs = d + shoff;
  e->o_nsec = 1;
  ld_shdr h0;
  ld_read_shdr(e, 0, &h0);
  if (shnum == 0) shnum = (uint32_t)h0.size;
  if (ndx == SHN_XINDEX) ndx = h0.link;
  if ((size - shoff) / esz < shnum || ndx >= shnum) return -1;
  e->o_nsec = shnum;
  ld_shdr hs;
  ld_read_shdr(e, ndx, &hs);
  if (hs.offset > size || hs.size > size - hs.offset) return -1;
  e->o_data = d;
  e->o_size = size;
  e->o_shstrtab = (const char *)d + hs.offset;
  e->o_shstrsz = hs.size;
  return 0;
}

static enum ld_plugin_status section_of(const struct ld_plugin_section *s, ld_obj *e, ld_shdr *h) {
  if (!s->handle || elf_view(s->handle, e) < 0) return LDPS_BAD_HANDLE;
  if (s->shndx >= e->o_nsec) return LDPS_ERR;
  ld_read_shdr(e, s->shndx, h);
  return LDPS_OK;
}

static enum ld_plugin_status tv_get_input_section_count(const void *handle, unsigned *count) {
  ld_obj e;
  if (!handle || elf_view(handle, &e) < 0) return LDPS_BAD_HANDLE;
  *count = e.o_nsec;
  return LDPS_OK;
}

static enum ld_plugin_status tv_get_input_section_type(const struct ld_plugin_section s,
                                                       unsigned *type) {
  ld_obj e;
  ld_shdr h;
  enum ld_plugin_status st = section_of(&s, &e, &h);
  if (st == LDPS_OK) *type = h.type;
  return st;
}

/* The name is the plugin's to free. */
static enum ld_plugin_status tv_get_input_section_name(const struct ld_plugin_section s,
                                                       char **name) {
  ld_obj e;
  ld_shdr h;
  enum ld_plugin_status st = section_of(&s, &e, &h);
  if (st != LDPS_OK) return st;
  if (h.name >= e.o_shstrsz) return LDPS_ERR;
  size_t len = strnlen(e.o_shstrtab + h.name, e.o_shstrsz - h.name);
  char *p = malloc(len + 1);
  if (!p) return LDPS_ERR;
  memcpy(p, e.o_shstrtab + h.name, len);
  p[len] = 0;
  *name = p;
  return LDPS_OK;
}

static enum ld_plugin_status tv_get_input_section_contents(const struct ld_plugin_section s,
                                                           const unsigned char **contents,
                                                           size_t *len) {
  ld_obj e;
  ld_shdr h;
  enum ld_plugin_status st = section_of(&s, &e, &h);
  if (st != LDPS_OK) return st;
  uint64_t size = h.type == SHT_NOBITS ? 0 : h.size;
  if (h.offset > e.o_size || size > e.o_size - h.offset) return LDPS_ERR;
  *contents = e.o_data + h.offset;
  *len = (size_t)size;
  return LDPS_OK;
}

static enum ld_plugin_status tv_get_input_section_alignment(const struct ld_plugin_section s,
                                                            unsigned *align) {
  ld_obj e;
  ld_shdr h;
  enum ld_plugin_status st = section_of(&s, &e, &h);
  if (st == LDPS_OK) *align = (unsigned)h.align;
  return st;
}

static enum ld_plugin_status tv_get_input_section_size(const struct ld_plugin_section s,
                                                       uint64_t *size) {
  ld_obj e;
  ld_shdr h;
  enum ld_plugin_status st = section_of(&s, &e, &h);
  if (st == LDPS_OK) *size = h.size;
  return st;
}

static enum ld_plugin_status tv_get_wrap_symbols(uint64_t *n, const char ***list) {
  static const char *none[1];
  *n = ctx->opt.wraps.n;
  *list = ctx->opt.wraps.n ? (const char **)ctx->opt.wraps.v : none;
  return LDPS_OK;
}

/* ---- loading ------------------------------------------------------------------------------ */

/* At the end of the link, and at any exit before it: a plugin's cleanup may use its own static
 * objects, so it runs before their destructors do (main calls it; the atexit handler, registered
 * after every onload, runs ahead of the handlers those registered). */
void ld_plugin_cleanup(void) {
  if (P.cleanups_done || !P.nplugins) return;
  P.cleanups_done = 1;
  for (uint32_t i = 0; i < P.nplugins; i++)
    if (P.plugins[i].pp_cleanup && P.plugins[i].pp_cleanup() != LDPS_OK)
      fprintf(stderr, "tld: warning: plugin %s: cleanup failed\n", P.plugins[i].pp_path);
}

static int output_type(void) {
  switch (ctx->opt.outkind) {
  case OUT_RELOC: return LDPO_REL;
  case OUT_SHARED: return LDPO_DYN;
  case OUT_PIE: return LDPO_PIE;
  default: return LDPO_EXEC;
  }
}

void ld_plugin_load(void) {
  P = (struct plugin_pass){0};
  ld_vec *args = &ctx->opt.plugins;
  if (!args->n) return;
  P.plugins = ld_xcalloc(args->n, sizeof *P.plugins);
  for (uint32_t i = 0; i < args->n; i++) {
    ld_plugin_arg *pa = args->v[i];
    pl_plugin *p = &P.plugins[P.nplugins];
    p->pp_path = pa->pa_path;
    p->pp_dl = dlopen(pa->pa_path, RTLD_NOW | RTLD_LOCAL);
    if (!p->pp_dl) ld_fatal("cannot load plugin %s: %s", pa->pa_path, dlerror());
    ld_plugin_onload onload;
    *(void **)&onload = dlsym(p->pp_dl, "onload");
    if (!onload) ld_fatal("plugin %s: no `onload' entry point", pa->pa_path);

    struct ld_plugin_tv *tv = ld_xcalloc(40 + pa->pa_opts.n, sizeof *tv);
    uint32_t n = 0;
#define TV_VAL(tag, v) (tv[n].tv_tag = (tag), tv[n++].tv_u.tv_val = (v))
#define TV_STR(tag, s) (tv[n].tv_tag = (tag), tv[n++].tv_u.tv_string = (s))
#define TV_FN(tag, f) (tv[n].tv_tag = (tag), tv[n++].tv_u.tv_fn = (void (*)(void))(f))
    TV_FN(LDPT_MESSAGE, tv_message);
    TV_VAL(LDPT_API_VERSION, LD_PLUGIN_API_VERSION);
    TV_VAL(LDPT_LINKER_OUTPUT, output_type());
    TV_STR(LDPT_OUTPUT_NAME, ctx->opt.output);
    TV_FN(LDPT_GET_API_VERSION, tv_get_api_version);
    TV_FN(LDPT_REGISTER_CLAIM_FILE_HOOK, tv_register_claim_file);
    TV_FN(LDPT_REGISTER_CLAIM_FILE_HOOK_V2, tv_register_claim_file_v2);
    TV_FN(LDPT_REGISTER_ALL_SYMBOLS_READ_HOOK, tv_register_all_symbols_read);
    TV_FN(LDPT_REGISTER_CLEANUP_HOOK, tv_register_cleanup);
    TV_FN(LDPT_REGISTER_NEW_INPUT_HOOK, tv_register_new_input);
    TV_FN(LDPT_ADD_SYMBOLS, tv_add_symbols);
    TV_FN(LDPT_ADD_SYMBOLS_V2, tv_add_symbols);
    TV_FN(LDPT_GET_INPUT_FILE, tv_get_input_file);
    TV_FN(LDPT_GET_VIEW, tv_get_view);
    TV_FN(LDPT_RELEASE_INPUT_FILE, tv_release_input_file);
    TV_FN(LDPT_GET_SYMBOLS, tv_get_symbols);
    TV_FN(LDPT_GET_SYMBOLS_V2, tv_get_symbols_v2);
    TV_FN(LDPT_GET_SYMBOLS_V3, tv_get_symbols_v3);
    TV_FN(LDPT_ADD_INPUT_FILE, tv_add_input_file);
    TV_FN(LDPT_ADD_INPUT_LIBRARY, tv_add_input_library);
    TV_FN(LDPT_SET_EXTRA_LIBRARY_PATH, tv_set_extra_library_path);
    TV_FN(LDPT_GET_INPUT_SECTION_COUNT, tv_get_input_section_count);
    TV_FN(LDPT_GET_INPUT_SECTION_TYPE, tv_get_input_section_type);
    TV_FN(LDPT_GET_INPUT_SECTION_NAME, tv_get_input_section_name);
    TV_FN(LDPT_GET_INPUT_SECTION_CONTENTS, tv_get_input_section_contents);
    TV_FN(LDPT_GET_INPUT_SECTION_ALIGNMENT, tv_get_input_section_alignment);
    TV_FN(LDPT_GET_INPUT_SECTION_SIZE, tv_get_input_section_size);
    TV_FN(LDPT_GET_WRAP_SYMBOLS, tv_get_wrap_symbols);
    /* gcc names its default libraries with -pass-through= for the plugin to add back after
     * LTO; GNU ld drops those options, and so does this link-editor: every archive is searched
     * again for what the plugin's objects need anyway, and -r must not pull in libc. */
    for (uint32_t k = 0; k < pa->pa_opts.n; k++) {
      const char *opt = pa->pa_opts.v[k];
      if (opt[0] != '-' || strncmp(opt + 1 + (opt[1] == '-'), "pass-through=", 13))
        TV_STR(LDPT_OPTION, opt);
    }
    TV_VAL(LDPT_NULL, 0);
#undef TV_VAL
#undef TV_STR
#undef TV_FN
    P.loading = p;
    P.nplugins++;
    enum ld_plugin_status st = onload(tv);
    P.loading = NULL;
    if (st != LDPS_OK) ld_fatal("plugin %s: onload failed (status %d)", pa->pa_path, (int)st);
    if (!p->pp_claim && !p->pp_claim2)
      ld_warn("plugin %s registered no claim_file hook: it will see no input", pa->pa_path);
  }
  atexit(ld_plugin_cleanup);
  ld_check_errors();
}

/* ---- claiming ----------------------------------------------------------------------------- */

/* The IR object: one symbol entry per plugin symbol (ELF64 in the host's byte order; nothing
 * of it is written out), definitions in section 1. */
static void make_ir(pl_file *f) {
  ld_obj *o = &f->pf_obj;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  int be = 1;
#else
  int be = 0;
#endif
  o->o_kind = FK_OBJ;
  o->o_ir = 1;
  o->o_is64 = 1;
  o->o_be = (uint8_t)be;
  o->o_machine = ctx->tg ? ctx->tg->tg_machine : 0;
  o->o_nsec = 2;
  o->o_secs = ld_zalloc(2, sizeof *o->o_secs);
  o->o_secs[1] = &f->pf_sec;
  f->pf_sec.is_file = o;
  f->pf_sec.is_name = "(claimed by the plugin)";
  f->pf_sec.is_idx = 1;
  f->pf_sec.is_align = 1;
  f->pf_sec.is_live = 1;
  uint64_t strsz = 1;
  for (uint32_t k = 0; k < f->pf_nsyms; k++) strsz += strlen(f->pf_syms[k].ps_name) + 1;
  char *str = ld_zalloc(strsz, 1);
  uint8_t *tab = ld_zalloc(f->pf_nsyms + 1, ELF64_SYM_SIZE);
  uint64_t off = 1;
  for (uint32_t k = 0; k < f->pf_nsyms; k++) {
    const pl_sym *ps = &f->pf_syms[k];
    uint8_t *p = tab + (uint64_t)(k + 1) * ELF64_SYM_SIZE;
    size_t len = strlen(ps->ps_name);
    memcpy(str + off, ps->ps_name, len + 1);
    int weak = ps->ps_def == LDPK_WEAKDEF || ps->ps_def == LDPK_WEAKUNDEF;
    int type = ps->ps_def == LDPK_COMMON      ? STT_OBJECT
               : ps->ps_type == LDST_FUNCTION ? STT_FUNC
               : ps->ps_type == LDST_VARIABLE ? STT_OBJECT
                                              : STT_NOTYPE;
    static const uint8_t vis[4] = {STV_DEFAULT, STV_PROTECTED, STV_INTERNAL, STV_HIDDEN};
    uint16_t shndx = ps->ps_def == LDPK_COMMON                              ? SHN_COMMON
                     : ps->ps_def == LDPK_DEF || ps->ps_def == LDPK_WEAKDEF ? 1
                                                                            : SHN_UNDEF;
    elf_wr32(p, (uint32_t)off, be);
    p[4] = ELF_ST_INFO(weak ? STB_WEAK : STB_GLOBAL, type);
    p[5] = vis[ps->ps_vis & 3];
    elf_wr16(p + 6, shndx, be);
    elf_wr64(p + 8, ps->ps_def == LDPK_COMMON ? 1 : 0, be); /* a common's alignment */
    elf_wr64(p + 16, ps->ps_size, be);
    off += len + 1;
  }
  o->o_symtab = tab;
  o->o_nsym = f->pf_nsyms + 1;
  o->o_first_global = 1;
  o->o_strtab = str;
  o->o_strsz = strsz;
}

ld_obj *ld_plugin_claim(const char *name, const char *path, uint64_t off, const uint8_t *d,
                        uint64_t size) {
  pl_file *f = ld_zalloc(1, sizeof *f);
  f->pf_obj.o_name = name;
  f->pf_obj.o_data = d;
  f->pf_obj.o_size = size;
  f->pf_path = path;
  f->pf_off = off;
  f->pf_fd = -1;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    ld_error("%s: cannot open %s for the plugin: %s", name, path, strerror(errno));
    return NULL;
  }
  struct ld_plugin_input_file in = {
      .name = path, .fd = fd, .offset = (off_t)off, .filesize = (off_t)size, .handle = f};
  int claimed = 0;
  for (uint32_t i = 0; i < P.nplugins && !claimed; i++) {
    pl_plugin *p = &P.plugins[i];
    if (!p->pp_claim && !p->pp_claim2) continue;
    enum ld_plugin_status st =
        p->pp_claim2 ? p->pp_claim2(&in, &claimed, 1) : p->pp_claim(&in, &claimed);
    if (st != LDPS_OK) {
      ld_error("%s: plugin %s reported an error reading it", name, p->pp_path);
      claimed = 0;
      break;
    }
  }
  close(fd);
  if (!claimed) return NULL;
  make_ir(f);
  return &f->pf_obj;
}

/* In link order: a definition whose COMDAT group an earlier object (regular or IR) holds is a
 * reference, as a regular object's definition in a losing group is. */
void ld_plugin_enter(ld_obj *ir) {
  pl_file *f = (pl_file *)ir;
  f->pf_entered = 1;
  ld_vec_push(&P.entered, f);
  const char *last = NULL;
  int last_ok = 1;
  for (uint32_t k = 0; k < f->pf_nsyms; k++) {
    const pl_sym *ps = &f->pf_syms[k];
    if (!ps->ps_comdat || (ps->ps_def != LDPK_DEF && ps->ps_def != LDPK_WEAKDEF)) continue;
    int ok = last && !strcmp(last, ps->ps_comdat) ? last_ok : ld_comdat_claim_ir(ps->ps_comdat, f);
    last = ps->ps_comdat, last_ok = ok;
    if (!ok)
      elf_wr16((uint8_t *)ir->o_symtab + (uint64_t)(k + 1) * ELF64_SYM_SIZE + 6, SHN_UNDEF,
               ir->o_be);
  }
}

int ld_plugin_refuse(const char *name, const ld_obj *o, const uint8_t *d, uint64_t size) {
  if (!o) {
    if (!ld_is_bitcode(d, size)) return 0;
    if (P.phase)
      ld_error("%s: is LLVM bitcode and is needed after link-time optimisation ran: it cannot "
               "be compiled any more",
               name);
    else if (P.nplugins) ld_error("%s: is LLVM bitcode, and no plugin claimed it", name);
    else
      ld_error("%s: is LLVM bitcode (clang -flto): linking it needs LLVM's LTO plugin (-plugin "
               "LLVMgold.so, which clang -flto passes to the linker)",
               name);
    return 1;
  }
  if (!o->o_lto || ctx->opt.outkind == OUT_RELOC) return 0;
  /* GCC marks an object without machine code by a common symbol __gnu_lto_slim. */
  uint32_t esz = o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  for (uint32_t i = o->o_first_global; i < o->o_nsym; i++) {
    uint32_t nm = elf_rd32(o->o_symtab + (uint64_t)i * esz, o->o_be);
    if (nm >= o->o_strsz || strcmp(o->o_strtab + nm, "__gnu_lto_slim")) continue;
    if (P.phase)
      ld_error("%s: holds only LTO intermediate language (gcc -flto without -ffat-lto-objects) "
               "and is needed after link-time optimisation ran: it cannot be compiled any more",
               o->o_name);
    else if (P.nplugins)
      ld_error("%s: holds only LTO intermediate language (gcc -flto without "
               "-ffat-lto-objects), and no plugin claimed it",
               o->o_name);
    else
      ld_error("%s: holds only LTO intermediate language (gcc -flto without "
               "-ffat-lto-objects): linking it needs the compiler's LTO plugin (-plugin, which "
               "gcc -flto passes to the linker)",
               o->o_name);
    return 1;
  }
  return 0;
}

/* ---- resolutions -------------------------------------------------------------------------- */

static int left_out(const ld_obj *o);

/* Symbols GNU ld's default linker scripts (or its backend) define by the time the plugin asks:
 * a reference to one is RESOLVED_EXEC although nothing here defines it yet. */
static int linker_defined(const ld_sym *s) {
  static const char *const always[] = {"__bss_start",
                                       "_edata",
                                       "edata",
                                       "_end",
                                       "end",
                                       "__executable_start",
                                       "_etext",
                                       "etext",
                                       "__etext",
                                       "__init_array_start",
                                       "__init_array_end",
                                       "__fini_array_start",
                                       "__fini_array_end",
                                       "__preinit_array_start",
                                       "__preinit_array_end"};
  for (uint32_t i = 0; i < ctx->opt.defsyms.n; i++)
    if (!strcmp(((ld_defsym *)ctx->opt.defsyms.v[i])->name, s->s_name)) return 1;
  if (ctx->opt.outkind == OUT_RELOC) return 0;
  for (size_t i = 0; i < sizeof always / sizeof always[0]; i++)
    if (!strcmp(s->s_name, always[i])) return 1;
  if (!ctx->opt.is_static)
    return !strcmp(s->s_name, "_GLOBAL_OFFSET_TABLE_") || !strcmp(s->s_name, "_DYNAMIC");
  if (ctx->opt.outkind == OUT_EXEC)
    return !strcmp(s->s_name, "__rela_iplt_start") || !strcmp(s->s_name, "__rela_iplt_end") ||
           !strcmp(s->s_name, "__rel_iplt_start") || !strcmp(s->s_name, "__rel_iplt_end");
  return 0;
}

static int is_wrapped(const char *name) {
  for (uint32_t i = 0; i < ctx->opt.wraps.n; i++)
    if (!strcmp(name, (const char *)ctx->opt.wraps.v[i])) return 1;
  return 0;
}

/* Could code outside the output see it (GNU ld's test for IRONLY_EXP)? A version script is
 * asked about the name as the plugin gave it (foo@@V included). */
static int visible_outside(const ld_sym *s, const char *name) {
  if (ctx->opt.outkind == OUT_RELOC) return 1;
  if (!(s->s_mark & PM_DYN) && !ctx->opt.export_dynamic && ctx->opt.outkind != OUT_SHARED) return 0;
  ld_gsym as_named;
  memset(&as_named, 0, sizeof as_named);
  as_named.g_sym.s_name = name;
  as_named.g_sym.s_namelen = (uint32_t)strlen(name);
  if (ld_mapfile_hides(&as_named.g_sym)) return 0;
  return s->s_vis == STV_DEFAULT || s->s_vis == STV_PROTECTED;
}

/* GNU ld's rules, by where the symbol's winning definition is:
 *  - nowhere (or only a weak reference's archive member): UNDEF;
 *  - for the plugin's reference or common: in this file PREVAILING_DEF_IRONLY (refined below),
 *    in another claimed file RESOLVED_IR, in a shared object RESOLVED_DYN, elsewhere (a regular
 *    object, the linker) RESOLVED_EXEC; a regular object's common takes a claimed file's;
 *  - for the plugin's definition: this one PREVAILING_DEF_IRONLY (refined below), another
 *    claimed file's PREEMPTED_IR, anything else PREEMPTED_REG;
 *  - IRONLY becomes PREVAILING_DEF when regular code refers to the symbol (an undefined entry,
 *    a common, a definition in a discarded group, -u, -e), when it is the real symbol of a
 *    --wrap that __real_ refers to, or a __wrap_ symbol; RESOLVED_IR for a wrapped reference
 *    bound here; IRONLY_EXP when code outside the output could see it: a shared object names
 *    it, a dynamic list or --export-dynamic-symbol does, -E, or the output is a shared object,
 *    and neither its visibility nor a version script hides it (always for -r). */
static int resolution(const pl_file *f, uint32_t k) {
  const pl_sym *ps = &f->pf_syms[k];
  ld_sym *s = f->pf_obj.o_syms ? f->pf_obj.o_syms[k + 1] : NULL;
  int ref = ps->ps_def == LDPK_UNDEF || ps->ps_def == LDPK_WEAKUNDEF || ps->ps_def == LDPK_COMMON;
  if (!s) return ref ? LDPR_UNDEF : LDPR_PREVAILING_DEF_IRONLY;
  enum { W_LINKER, W_SELF, W_IR, W_DYN, W_REG } where;
  if (s->s_def == SD_UNDEF || s->s_def == SD_LAZY) {
    if (!linker_defined(s)) return LDPR_UNDEF;
    where = W_LINKER;
  } else if (s->s_def == SD_SHARED) {
    if (left_out(s->s_file)) return LDPR_UNDEF;
    where = W_DYN;
  } else if (s->s_def == SD_SYNTH || !s->s_file) {
    where = W_LINKER;
  } else if (!s->s_file->o_ir || (s->s_def == SD_COMMON && (s->s_mark & PM_REGCOM))) {
    where = W_REG;
  } else {
    where = s->s_file == &f->pf_obj ? W_SELF : W_IR;
  }
  int res;
  if (ref)
    res = where == W_SELF  ? LDPR_PREVAILING_DEF_IRONLY
          : where == W_IR  ? LDPR_RESOLVED_IR
          : where == W_DYN ? LDPR_RESOLVED_DYN
                           : LDPR_RESOLVED_EXEC;
  else
    res = where == W_SELF ? LDPR_PREVAILING_DEF_IRONLY
          : where == W_IR ? LDPR_PREEMPTED_IR
                          : LDPR_PREEMPTED_REG;
  if (res != LDPR_PREVAILING_DEF_IRONLY) return res;
  int wrapper = !ref && !strncmp(ps->ps_name, "__wrap_", 7) && is_wrapped(ps->ps_name + 7);
  int real = is_wrapped(s->s_name) && s->s_referenced;
  if ((s->s_mark & PM_REGREF) || real || wrapper) return LDPR_PREVAILING_DEF;
  if (ps->ps_def != LDPK_COMMON && ref && is_wrapped(ps->ps_name)) return LDPR_RESOLVED_IR;
  if (visible_outside(s, ps->ps_name)) return LDPR_PREVAILING_DEF_IRONLY_EXP;
  return LDPR_PREVAILING_DEF_IRONLY;
}

/* Section index and binding of entry i of an object's (or a shared object's) symbol table. */
static uint32_t entry_shndx(const ld_obj *o, uint32_t i, uint8_t *bind) {
  uint32_t esz = o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  const uint8_t *p = o->o_symtab + (uint64_t)i * esz;
  *bind = ELF_ST_BIND(p[o->o_is64 ? 4 : 12]);
  uint32_t shndx = elf_rd16(p + (o->o_is64 ? 6 : 14), o->o_be);
  if (shndx == SHN_XINDEX && o->o_shndx) shndx = elf_rd32(o->o_shndx + 4 * (uint64_t)i, o->o_be);
  return shndx;
}

/* An entry of a regular object: is it a reference as GNU ld counts them (undefined, common, or
 * defined in a section that is not kept), and is it a common? */
static void regular_entry(const ld_obj *o, uint32_t i, int *ref, int *common) {
  uint8_t bind;
  uint32_t shndx = entry_shndx(o, i, &bind);
  *common = shndx == SHN_COMMON;
  if (shndx == SHN_UNDEF || shndx == SHN_COMMON) {
    *ref = 1;
    return;
  }
  if (shndx == SHN_ABS || (shndx >= SHN_LORESERVE && shndx != SHN_XINDEX) || shndx >= o->o_nsec) {
    *ref = 0;
    return;
  }
  const ld_isec *sec = o->o_secs[shndx];
  *ref = !sec || !sec->is_live;
}

static void mark_name(const char *name, uint8_t bit) {
  ld_sym *s = ld_sym_lookup(name, (uint32_t)strlen(name));
  if (s && (s->s_mark & PM_TOUCHED)) s->s_mark |= bit;
}

/* --as-needed shared objects, as GNU ld reads them: one is added only if, when it is read, it
 * defines what a regular object read before it refers to (not weakly), or what a shared object
 * added before it refers to (not weakly) unless one of those lists it in DT_NEEDED, or gives a
 * definition without a version (not weak) of a symbol a claimed file named first. A library whose
 * symbols all have versions (libstdc++) and that only claimed files want is not added yet, and
 * shows the plugin nothing of its own: its definitions are UNDEF, and it makes visible from outside
 * only the symbols that existed before it was read (GNU ld keeps that mark when it takes the
 * library's symbols out again). GNU ld reads it again after link-time optimisation; this
 * link-editor keeps it all along, in P.dso_left_out. */

static int cmp_file_id(const void *a, const void *b) {
  const ld_obj *x = *(ld_obj *const *)a, *y = *(ld_obj *const *)b;
  return x->o_id < y->o_id ? -1 : x->o_id > y->o_id;
}

static int left_out(const ld_obj *o) {
  for (uint32_t i = 0; i < P.dso_left_out.n; i++)
    if (P.dso_left_out.v[i] == o) return 1;
  return 0;
}

/* The symbol of entry k of a shared object: its definitions are in o_syms, its references are
 * looked up by name. */
static ld_sym *dso_entry(const ld_obj *o, uint32_t k, uint32_t shndx, uint8_t bind) {
  if (o->o_syms[k]) return o->o_syms[k];
  if (shndx != SHN_UNDEF || bind == STB_LOCAL) return NULL;
  uint32_t esz = o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  uint32_t nm = elf_rd32(o->o_symtab + (uint64_t)k * esz, o->o_be);
  if (!nm || nm >= o->o_strsz) return NULL;
  return ld_sym_lookup(o->o_strtab + nm, (uint32_t)strlen(o->o_strtab + nm));
}

/* Does shared object o list `soname` in DT_NEEDED? */
static int lists_needed(const ld_obj *o, const char *soname) {
  for (uint32_t i = 1; i < o->o_nsec; i++) {
    ld_shdr h;
    ld_read_shdr(o, i, &h);
    if (h.type != SHT_DYNAMIC) continue;
    uint32_t ent = o->o_is64 ? 16 : 8;
    for (uint64_t k = 0; k + ent <= h.size && h.offset + k + ent <= o->o_size; k += ent) {
      const uint8_t *p = o->o_data + h.offset + k;
      uint64_t tag = elf_rdw(p, o->o_is64, o->o_be);
      uint64_t val = elf_rdw(p + ent / 2, o->o_is64, o->o_be);
      if (tag == DT_NULL) break;
      if (tag == DT_NEEDED && val < o->o_strsz && !strcmp(o->o_strtab + val, soname)) return 1;
    }
  }
  return 0;
}

static void as_needed_libraries(void) {
  uint32_t n = ctx->objs.n + ctx->shared.n;
  ld_obj **order = ld_xcalloc(n + 1, sizeof *order);
  if (ctx->objs.n) memcpy(order, ctx->objs.v, ctx->objs.n * sizeof *order);
  if (ctx->shared.n) memcpy(order + ctx->objs.n, ctx->shared.v, ctx->shared.n * sizeof *order);
  ld_qsort(order, n, sizeof *order, cmp_file_id);
  ld_vec seen = {0}, added_dsos = {0};
  for (uint32_t i = 0; i < n; i++) {
    ld_obj *o = order[i];
    if (o->o_ir) {
      for (uint32_t k = 1; k < o->o_nsym; k++) {
        ld_sym *s = o->o_syms[k];
        if (s && !(s->s_mark & PM_EXISTS)) s->s_mark |= PM_EXISTS | PM_IRFIRST;
      }
      continue;
    }
    int dso = o->o_kind == FK_SHARED, out = 0;
    if (dso && o->o_as_needed) {
      int needed = 0, listed = -1;
      for (uint32_t k = 1; k < o->o_nsym && !needed; k++) {
        ld_sym *s = o->o_syms[k];
        if (!s) continue;
        uint8_t bind;
        entry_shndx(o, k, &bind);
        uint16_t ver = o->o_versym ? elf_rd16(o->o_versym + 2 * (uint64_t)k, o->o_be) : 1;
        needed = (s->s_mark & PM_SEEN) ||
                 (bind != STB_WEAK && (ver & 0x7fff) <= 1 && (s->s_mark & PM_IRFIRST));
        if (!needed && (s->s_mark & PM_DYNREF)) {
          for (uint32_t d = 0; listed < 0 && d < added_dsos.n; d++)
            if (lists_needed(added_dsos.v[d], o->o_soname)) listed = 1;
          if (listed < 0) listed = 0;
          needed = !listed;
        }
      }
      if (!needed) ld_vec_push(&P.dso_left_out, o), out = 1;
    }
    if (dso && !out) ld_vec_push(&added_dsos, o);
    for (uint32_t k = dso ? 1 : o->o_first_global; k < o->o_nsym; k++) {
      uint8_t bind;
      uint32_t shndx = entry_shndx(o, k, &bind);
      ld_sym *s = dso ? dso_entry(o, k, shndx, bind) : o->o_syms[k];
      if (!s) continue;
      int touched = s->s_mark & PM_TOUCHED;
      if (dso && touched && (!out || (s->s_mark & PM_EXISTS))) s->s_mark |= PM_DYN;
      if (out) continue;
      if (touched) s->s_mark |= PM_EXISTS;
      uint8_t bit = dso ? PM_DYNREF : PM_SEEN;
      if (shndx != SHN_UNDEF || bind == STB_WEAK || (s->s_mark & bit)) continue;
      if (!(s->s_mark & (PM_SEEN | PM_DYNREF))) ld_vec_push(&seen, s);
      s->s_mark |= bit;
    }
  }
  for (uint32_t i = 0; i < seen.n; i++)
    ((ld_sym *)seen.v[i])->s_mark &= (uint8_t) ~(PM_SEEN | PM_DYNREF);
  free(seen.v);
  free(added_dsos.v);
  free(order);
}

static void decide_resolutions(void) {
  for (uint32_t i = 0; i < P.entered.n; i++) {
    pl_file *f = P.entered.v[i];
    for (uint32_t k = 1; k < f->pf_obj.o_nsym; k++)
      if (f->pf_obj.o_syms[k]) f->pf_obj.o_syms[k]->s_mark |= PM_TOUCHED;
  }
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    if (o->o_ir) continue;
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      ld_sym *s = o->o_syms[k];
      if (!s || !(s->s_mark & PM_TOUCHED)) continue;
      int ref, common;
      regular_entry(o, k, &ref, &common);
      if (ref) s->s_mark |= PM_REGREF;
      if (common) s->s_mark |= PM_REGCOM;
    }
  }
  as_needed_libraries();
  for (uint32_t i = 0; i < ctx->opt.undefs.n; i++) mark_name(ctx->opt.undefs.v[i], PM_REGREF);
  if (ctx->opt.entry) mark_name(ctx->opt.entry, PM_REGREF);
  for (uint32_t i = 0; i < P.entered.n; i++) {
    pl_file *f = P.entered.v[i];
    for (uint32_t k = 0; k < f->pf_nsyms; k++) {
      ld_sym *s = f->pf_obj.o_syms[k + 1];
      if (s && (s->s_mark & PM_TOUCHED) && !(s->s_mark & PM_DYN) && ld_dynamic_listed(s))
        s->s_mark |= PM_DYN;
      f->pf_syms[k].ps_res = (uint8_t)resolution(f, k);
    }
  }
}

/* ---- after all symbols are read ----------------------------------------------------------- */

/* A symbol named by an IR object starts again as if only interned. */
static void reset_symbol(ld_sym *s) {
  ld_gsym *g = ld_g(s);
  const char *name = s->s_name;
  uint32_t len = s->s_namelen, hash = g->s_hash;
  memset(g, 0, sizeof *g);
  s->s_name = name;
  s->s_namelen = len;
  g->s_hash = hash;
  s->s_bind = STB_GLOBAL;
  s->s_weakref = 1;
  s->s_mark = PM_TOUCHED | PM_RESET;
}

typedef struct order_key {
  ld_obj *o;
  uint32_t key, sub;
} order_key;

static int cmp_order(const void *a, const void *b) {
  const order_key *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->sub < y->sub ? -1 : x->sub > y->sub;
}

static void new_input(ld_obj *o) {
  for (uint32_t i = 0; i < P.nplugins; i++) {
    if (!P.plugins[i].pp_new_input) continue;
    pl_file *f = ld_zalloc(1, sizeof *f);
    f->pf_obj = *o;
    f->pf_obj.o_ir = 0;
    f->pf_path = o->o_name;
    f->pf_fd = open(o->o_name, O_RDONLY | O_CLOEXEC);
    struct ld_plugin_input_file in = {
        .name = o->o_name, .fd = f->pf_fd, .offset = 0, .filesize = (off_t)o->o_size, .handle = f};
    if (P.plugins[i].pp_new_input(&in) != LDPS_OK)
      ld_error("%s: plugin %s's new_input hook failed", o->o_name, P.plugins[i].pp_path);
    if (f->pf_fd >= 0) close(f->pf_fd);
  }
}

/* The IR objects leave; the plugin's objects take the first one's place in link order and
 * every symbol the IR objects named is resolved again without them. */
static void replace_ir(void) {
  ld_comdat_release_ir();
  uint32_t first = UINT32_MAX, first_id = 0, n = 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    if (o->o_ir) {
      if (first == UINT32_MAX) first = n, first_id = o->o_id;
      continue;
    }
    ctx->objs.v[n++] = o;
  }
  ctx->objs.n = n;
  for (uint32_t i = 0; i < P.entered.n; i++) {
    pl_file *f = P.entered.v[i];
    for (uint32_t k = 1; k < f->pf_obj.o_nsym; k++) {
      ld_sym *s = f->pf_obj.o_syms[k];
      if (s && !(s->s_mark & PM_RESET)) reset_symbol(s);
    }
  }
  /* The objects the plugin added, parsed; other kinds of file wait until the end. */
  ld_vec lto = {0}, later = {0};
  for (uint32_t i = 0; i + 1 < P.added.n; i += 2) {
    const char *kind = P.added.v[i], *name = P.added.v[i + 1];
    int errs = ld_nerrors();
    ld_obj *o = *kind == 'f' ? ld_input_late(name, 0, 1) : NULL;
    if (o) ld_vec_push(&lto, o);
    else if (ld_nerrors() == errs)
      ld_vec_push(&later, (void *)kind), ld_vec_push(&later, (void *)name);
  }
  ld_check_errors();
  if (first == UINT32_MAX) first = n, first_id = UINT32_MAX - 1;
  /* Link order, and the ids that sort sections by it: the new objects sit at the first claimed
   * file's position, every other file keeps its relative place. */
  uint32_t total = n + lto.n + ctx->shared.n;
  order_key *keys = ld_xcalloc(total + 1, sizeof *keys);
  uint32_t m = 0;
  for (uint32_t i = 0; i < n; i++) {
    ld_obj *o = ctx->objs.v[i];
    keys[m++] = (order_key){o, o->o_id, 0};
  }
  for (uint32_t i = 0; i < lto.n; i++) keys[m++] = (order_key){lto.v[i], first_id, i};
  for (uint32_t i = 0; i < ctx->shared.n; i++) {
    ld_obj *o = ctx->shared.v[i];
    keys[m++] = (order_key){o, o->o_id, 0};
  }
  ld_qsort(keys, m, sizeof *keys, cmp_order);
  ctx->objs.n = 0;
  for (uint32_t i = 0; i < m; i++) {
    keys[i].o->o_id = i;
    if (keys[i].o->o_kind == FK_OBJ) ld_vec_push(&ctx->objs, keys[i].o);
  }
  free(keys);
  /* Resolve again in that order: the new objects whole (their COMDAT groups too), the others
   * only for the symbols the IR objects named; then the shared objects. */
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    int is_new = 0;
    for (uint32_t k = 0; k < lto.n && !is_new; k++) is_new = lto.v[k] == o;
    if (is_new) ld_object_symbols(o);
    else ld_object_reenter(o);
  }
  for (uint32_t i = 0; i < ctx->shared.n; i++) ld_shared_symbols(ctx->shared.v[i]);
  for (uint32_t i = 0; i < ctx->opt.undefs.n + (ctx->opt.entry ? 1 : 0); i++) {
    const char *nm = i < ctx->opt.undefs.n ? ctx->opt.undefs.v[i] : ctx->opt.entry;
    ld_sym *s = ld_sym_lookup(nm, (uint32_t)strlen(nm));
    if (s && (s->s_mark & PM_RESET)) s->s_referenced = 1, s->s_weakref = 0;
  }
  for (uint32_t i = 0; i < P.entered.n; i++) {
    pl_file *f = P.entered.v[i];
    for (uint32_t k = 1; k < f->pf_obj.o_nsym; k++)
      if (f->pf_obj.o_syms[k]) f->pf_obj.o_syms[k]->s_mark = 0;
  }
  for (uint32_t i = 0; i + 1 < later.n; i += 2)
    ld_input_late(later.v[i + 1], *(const char *)later.v[i] == 'l', 0);
  for (uint32_t i = 0; i < lto.n; i++) new_input(lto.v[i]);
  ld_input_rescan();
  free(lto.v);
  free(later.v);
}

/* Without a claimed file (gcc passes its plugin to every link) the hook still runs, and
 * nothing is resolved again: only what the plugin adds, if anything, is read. */
void ld_plugin_all_symbols_read(void) {
  if (!P.nplugins) return;
  ld_check_errors(); /* a link that already failed does not run the compiler */
  double t0 = ld_now();
  P.phase = 1;
  if (P.entered.n) decide_resolutions();
  double t1 = ld_now();
  for (uint32_t i = 0; i < P.nplugins; i++) {
    if (!P.plugins[i].pp_all_read) continue;
    if (P.plugins[i].pp_all_read() != LDPS_OK)
      ld_error("plugin %s: all_symbols_read failed", P.plugins[i].pp_path);
  }
  ld_check_errors();
  double t2 = ld_now();
  P.phase = 2;
  if (P.entered.n) {
    replace_ir();
  } else {
    for (uint32_t i = 0; i + 1 < P.added.n; i += 2)
      ld_input_late(P.added.v[i + 1], *(const char *)P.added.v[i] == 'l', 0);
    if (P.added.n) ld_input_rescan();
  }
  if (ctx->opt.stats)
    fprintf(stderr,
            "tld: stats:   LTO: %u claimed files; resolutions %.3f ms, the plugin's "
            "all_symbols_read %.3f ms (%u files added), replacing the claimed files %.3f ms\n",
            P.entered.n, (t1 - t0) * 1e3, (t2 - t1) * 1e3, P.added.n / 2, (ld_now() - t2) * 1e3);
}
