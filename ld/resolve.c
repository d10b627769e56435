/* End of pass 2: after every input is read, define the symbols the link-editor provides and
 * report undefined references, each with the objects that make them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "lscript.h"

/* Symbols defined by the link-editor when referenced and not defined by an input. Their values
 * are set in ld_finalize_symbols. */
static const char *const synth_names[] = {
    "__bss_start",
    "_edata",
    "edata",
    "_end",
    "end",
    "__ehdr_start",
    "__executable_start",
    "_etext",
    "etext",
    "__etext",
    "__init_array_start",
    "__init_array_end",
    "__fini_array_start",
    "__fini_array_end",
    "__preinit_array_start",
    "__preinit_array_end",
    "_GLOBAL_OFFSET_TABLE_",
    "_DYNAMIC",
    "__rela_iplt_start",
    "__rela_iplt_end",
    "__rel_iplt_start",
    "__rel_iplt_end",
    "__GNU_EH_FRAME_HDR",
    "_TLS_MODULE_BASE_",
    "__dso_handle",
    "_PROCEDURE_LINKAGE_TABLE_",
};

int ld_synth_kind(const char *name) {
  for (size_t i = 0; i < sizeof synth_names / sizeof synth_names[0]; i++)
    if (!strcmp(name, synth_names[i])) return (int)i + 1;
  if (!strncmp(name, "__start_", 8) && ld_is_c_ident(name + 8)) return 1000;
  if (!strncmp(name, "__stop_", 7) && ld_is_c_ident(name + 7)) return 1001;
  return 0;
}

static void referencers(const ld_sym *s, char *refs, size_t size);

/* ---- .gnu.warning.SYM -------------------------------------------------------------------
 * A section .gnu.warning.SYM in an object or shared library holds a message the link-editor
 * gives when a regular object refers to SYM (glibc's libc.so.6 has them for gets, tmpnam, ...);
 * a plain .gnu.warning gives its message when the object is linked. GNU ld and gold do this;
 * --fatal-warnings makes them errors. Called while the object is parsed (in parallel): each
 * object keeps its own list. */
void ld_note_warning_section(ld_obj *o, const char *secname, const uint8_t *data, uint64_t size) {
  const char *sym = secname[12] == '.' ? secname + 13 : secname[12] ? NULL : "";
  if (!sym || size == 0) return;
  struct ld_warning *w = ld_zalloc(o->o_nwarnings + 1, sizeof *w);
  for (uint32_t i = 0; i < o->o_nwarnings; i++) w[i] = o->o_warnings[i];
  uint32_t len = (uint32_t)size;
  while (len && data[len - 1] == 0) len--;
  w[o->o_nwarnings].w_sym = sym;
  w[o->o_nwarnings].w_msg = (const char *)data;
  w[o->o_nwarnings].w_len = len;
  o->o_warnings = w;
  o->o_nwarnings++;
}

/* Where object `o` first refers to `s`: its relocation's location, else the object's name. */
static const char *first_reference(ld_obj *o, ld_sym *s) {
  for (uint32_t k = 0; k < o->o_nsec; k++) {
    ld_isec *is = o->o_secs[k];
    if (!is || !is->is_live || !is->is_relsec || !(is->is_flags & SHF_ALLOC)) continue;
    ld_read_rels(is);
    for (uint32_t r = 0; r < is->is_nrels; r++)
      if (is->is_rels[r].r_sym && o->o_syms[is->is_rels[r].r_sym] == s)
        return ld_sec_loc(is, is->is_rels[r].r_offset);
  }
  return o->o_name;
}

static void warn_references(ld_obj *from, const struct ld_warning *w) {
  ld_sym *s = ld_sym_lookup(w->w_sym, (uint32_t)strlen(w->w_sym));
  if (!s || !s->s_used_in_reg) return;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    if (o == from) continue;
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      if (o->o_syms[k] != s) continue;
      const uint8_t *p = o->o_symtab + (uint64_t)k * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
      if (elf_rd16(p + (o->o_is64 ? 6 : 14), o->o_be) != SHN_UNDEF) break;
      ld_warn("%s: %.*s", first_reference(o, s), (int)w->w_len, w->w_msg);
      break;
    }
  }
}

void ld_link_warnings(void) {
  for (int shared = 0; shared < 2; shared++) {
    ld_vec *files = shared ? &ctx->shared : &ctx->objs;
    for (uint32_t i = 0; i < files->n; i++) {
      ld_obj *o = files->v[i];
      for (uint32_t k = 0; k < o->o_nwarnings; k++) {
        const struct ld_warning *w = &o->o_warnings[k];
        if (*w->w_sym) warn_references(o, w);
        else if (!shared) ld_warn("%s: %.*s", o->o_name, (int)w->w_len, w->w_msg);
      }
    }
  }
}

/* The visibility of a symbol the link-editor defines, as GNU ld's default scripts give it: the
 * boundaries of the data and of the image in an executable are ordinary global symbols (-E
 * exports them); __start_/__stop_ are protected (-z start-stop-visibility), so a shared object
 * exports them; the rest are hidden. */
static uint8_t synth_visibility(const char *name, int kind) {
  if (kind == 1000 || kind == 1001) return (uint8_t)ctx->opt.start_stop_vis;
  if (ctx->opt.outkind == OUT_SHARED) return STV_HIDDEN;
  static const char *const global[] = {"__bss_start", "_edata",  "edata",
                                       "_end",        "end",     "_etext",
                                       "etext",       "__etext", "__executable_start"};
  for (size_t i = 0; i < sizeof global / sizeof global[0]; i++)
    if (!strcmp(name, global[i])) return STV_DEFAULT;
  return STV_HIDDEN;
}

/* `arg` is the list (ld_vec) of undefined symbols to report, which it adds to. */
/* The symbols check_sym has anything to do with (found in parallel, checked in table order). */
static int unsettled_sym(const ld_sym *s, void *arg) {
  (void)arg;
  return s->s_def == SD_LAZY ||
         ((s->s_def == SD_SHARED || s->s_def == SD_UNDEF) && s->s_referenced);
}

static void check_sym(ld_sym *s, void *arg) {
  ld_vec *undefined = arg;
  if (s->s_def == SD_LAZY && s->s_referenced && !s->s_weakref) {
    /* A strong reference that did not extract: cannot happen with lazy resolution unless the
     * archive member failed to parse; keep it undefined. */
    s->s_def = SD_UNDEF;
  }
  if (s->s_def == SD_LAZY) {
    s->s_def = SD_UNDEF; /* only weak references: stays an undefined weak */
    ld_g(s)->s_lazy_ar = NULL;
  }
  /* A hidden or internal reference must be bound inside the output; a shared object's
   * definition does not satisfy it. */
  if (s->s_def == SD_SHARED && s->s_referenced &&
      (s->s_vis == STV_HIDDEN || s->s_vis == STV_INTERNAL)) {
    char refs[1024];
    referencers(s, refs, sizeof refs);
    ld_error("undefined hidden symbol: %s (only %s defines it, and a hidden symbol cannot bind to "
             "a shared object)%s",
             s->s_name, s->s_file ? s->s_file->o_name : "a shared object", refs);
    return;
  }
  if (s->s_def != SD_UNDEF || !s->s_referenced) return;
  /* -r: references stay undefined for the final link to resolve (or define). */
  if (ctx->opt.outkind == OUT_RELOC) return;
  int k = ld_synth_kind(s->s_name);
  if (k) {
    s->s_def = SD_SYNTH;
    s->s_esym = (uint32_t)k;
    if (s->s_vis == STV_DEFAULT) s->s_vis = synth_visibility(s->s_name, k);
    /* The base of a local-dynamic descriptor sequence (gcc -mtls-dialect=gnu2): a TLS symbol
     * at offset 0 of the module's block. */
    if (!strcmp(s->s_name, "_TLS_MODULE_BASE_")) s->s_type = STT_TLS;
    if (k == 1000 || k == 1001) s->s_vis = s->s_vis; /* resolved (or reported) at layout */
    return;
  }
  if (s->s_weakref || s->s_extern) return;
  /* The call in a GD or LD sequence disappears when the sequence is relaxed; whether a real
   * reference remains is known only to the relocation scan, which reports it. */
  if (!strcmp(s->s_name, "__tls_get_addr") || !strcmp(s->s_name, "___tls_get_addr")) return;
  ld_vec_push(undefined, s);
}

static int cmp_name(const void *a, const void *b) {
  const ld_sym *x = *(ld_sym *const *)a, *y = *(ld_sym *const *)b;
  return strcmp(x->s_name, y->s_name);
}

/* "\n>>> referenced by a.o" for up to four objects that refer to s, in link order. */
static void referencers(const ld_sym *s, char *refs, size_t size) {
  size_t n = 0;
  int count = 0, more = 0;
  refs[0] = 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      if (o->o_syms[k] != s) continue;
      if (count == 4) {
        more++;
        break;
      }
      int w = snprintf(refs + n, size - n, "\n>>> referenced by %s", o->o_name);
      if (w > 0 && (size_t)w < size - n) n += (size_t)w;
      count++;
      break;
    }
  }
  if (more) snprintf(refs + n, size - n, "\n>>> and more");
}

static void report_undefined(ld_sym *s) {
  char refs[1024];
  referencers(s, refs, sizeof refs);
  /* --warn-unresolved-symbols: warnings, and the link goes on. */
  (ctx->opt.warn_unresolved ? ld_warn : ld_error)("undefined symbol: %s%s", ld_dname(s->s_name),
                                                  refs);
}

static void define_defsyms(void) {
  for (uint32_t i = 0; i < ctx->opt.defsyms.n; i++) {
    ld_defsym *d = ctx->opt.defsyms.v[i];
    ld_sym *s = ld_sym_intern(d->name, (uint32_t)strlen(d->name));
    s->s_def = SD_SYNTH;
    s->s_esym = 2000 + i; /* see ld_finalize_symbols */
    s->s_referenced = 1;
    s->s_type = STT_NOTYPE;
    s->s_bind = STB_GLOBAL;
    s->s_file = NULL;
    s->s_sec = NULL;
  }
}

/* --wrap=SYM: an undefined reference to SYM becomes one to __wrap_SYM, and one to __real_SYM
 * becomes one to SYM. Returns `name` itself when no --wrap applies. */
const char *ld_wrap_name(const char *name) {
  for (uint32_t i = 0; i < ctx->opt.wraps.n; i++) {
    const char *w = ctx->opt.wraps.v[i];
    if (!strcmp(name, w)) return ld_sprintf("__wrap_%s", w);
    if (!strncmp(name, "__real_", 7) && !strcmp(name + 7, w)) return name + 7;
  }
  return name;
}

/* GNU ld's scripts define _edata, _end and __bss_start in every executable, referenced or not
 * (so -E exports them). */
static void define_data_bounds(void) {
  if (ctx->opt.outkind != OUT_EXEC && ctx->opt.outkind != OUT_PIE) return;
  static const char *const names[] = {"__bss_start", "_edata", "_end"};
  for (int i = 0; i < 3; i++) {
    ld_sym *s = ld_sym_intern(names[i], (uint32_t)strlen(names[i]));
    if (s->s_def == SD_UNDEF && !s->s_referenced)
      s->s_referenced = 1, s->s_weakref = 1, s->s_bind = STB_GLOBAL;
  }
}

/* --require-defined: the symbol must end up defined (in an object, a shared object or by the
 * link-editor). */
static void check_required(void) {
  for (uint32_t i = 0; i < ctx->opt.require_defined.n; i++) {
    const char *nm = ctx->opt.require_defined.v[i];
    ld_sym *s = ld_sym_lookup(nm, (uint32_t)strlen(nm));
    if (!s || s->s_def == SD_UNDEF || s->s_def == SD_LAZY)
      ld_error("required symbol '%s' is not defined (--require-defined)", nm);
  }
}

void ld_resolve(void) {
  define_data_bounds();
  define_defsyms();
  ld_mapfile_define();
  ld_lscript_define(); /* symbols a linker script assigns or PROVIDEs */
  ld_vec undefined = {0}, unsettled = {0};
  ld_sym_collect(unsettled_sym, NULL, &unsettled);
  for (uint32_t i = 0; i < unsettled.n; i++) check_sym(unsettled.v[i], &undefined);
  free(unsettled.v);
  check_required();
  int report = !(ctx->opt.outkind == OUT_SHARED && ctx->opt.allow_undefined);
  int unres = ctx->opt.unresolved; /* --unresolved-symbols: the inputs here are objects */
  if (unres == UNRES_IGNORE_ALL || unres == UNRES_IGNORE_OBJECTS) report = 0;
  if (unres == UNRES_REPORT_ALL || unres == UNRES_IGNORE_SHLIBS) report = 1;
  if (undefined.n && report) {
    ld_qsort(undefined.v, undefined.n, sizeof(void *), cmp_name);
    for (uint32_t i = 0; i < undefined.n; i++) report_undefined(undefined.v[i]);
  }
  if (ctx->opt.outkind != OUT_RELOC) ld_link_warnings();
}
