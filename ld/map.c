/* Link maps and tracing: the GNU-style map (-Map, --print-map, GNU -M), the Solaris link map
 * (-m in the tld flavour), the cross-reference table (--cref), symbol tracing (-y), archive
 * extraction reasons (--why-extract, and the map's first table) and --verbose's header.
 *
 * Everything here reads the link's state and prints it; nothing changes what is linked. The
 * maps are written after the output, so every address in them is final. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"

/* ---- archive extraction reasons --------------------------------------------------------- */

typedef struct extract_rec {
  const char *er_ref;    /* the file whose reference pulled the member in */
  const char *er_member; /* "lib.a(m.o)" */
  const char *er_sym;    /* the symbol (not NUL-terminated: er_symlen) */
  uint32_t er_symlen;
} extract_rec;

static int name_is(const ld_sym *s, const char *name) {
  return !strncmp(s->s_name, name, s->s_namelen) && !name[s->s_namelen];
}

/* Called when an archive member is extracted to define `s`: s->s_file is then the first file
 * that referenced it. */
void ld_note_extract(ld_sym *s, const char *member) {
  if (!ctx->opt.why_extract && !ctx->opt.map_file && ctx->opt.print_map != 1) return;
  extract_rec *r = ld_zalloc(1, sizeof *r);
  ld_vec_push(&ctx->extracts, r);
  /* -u and -e refer before any input does. */
  r->er_ref = s->s_file ? s->s_file->o_name : "--undefined";
  for (uint32_t i = 0; i < ctx->opt.undefs.n; i++)
    if (name_is(s, ctx->opt.undefs.v[i])) r->er_ref = "--undefined";
  if (ctx->opt.entry && name_is(s, ctx->opt.entry)) r->er_ref = "--entry";
  r->er_member = member;
  r->er_sym = s->s_name;
  r->er_symlen = s->s_namelen;
}

/* A report goes to standard output ("-") or, like the output, to a temporary put in place
 * with it (ld/output.c): a link that fails leaves the previous report as it was. */
static FILE *open_report(const char *path, const char *what) {
  if (!strcmp(path, "-")) return stdout;
  int h = ld_out_create(path, what, 0);
  return h < 0 ? NULL : ld_out_stream(h);
}

static void close_report(FILE *f, const char *path) {
  (void)path;
  fflush(f); /* a report's write errors are checked when it is committed */
}

static void write_why_extract(void) {
  FILE *f = open_report(ctx->opt.why_extract, "--why-extract file");
  if (!f) return;
  fprintf(f, "reference\textracted\tsymbol\n");
  for (uint32_t i = 0; i < ctx->extracts.n; i++) {
    const extract_rec *r = ctx->extracts.v[i];
    fprintf(f, "%s\t%s\t%.*s\n", r->er_ref, r->er_member, (int)r->er_symlen, r->er_sym);
  }
  close_report(f, ctx->opt.why_extract);
}

/* ---- symbol entries of the inputs ----------------------------------------------------------- */

/* The section index of entry k of an input's symbol table (objects: .symtab, shared objects:
 * .dynsym). Only undefined versus defined versus common matters here. */
static uint32_t raw_shndx(const ld_obj *o, uint32_t k) {
  const uint8_t *p = o->o_symtab + (uint64_t)k * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
  return elf_rd16(p + (o->o_is64 ? 6 : 14), o->o_be);
}

static const char *raw_name(const ld_obj *o, uint32_t k) {
  const uint8_t *p = o->o_symtab + (uint64_t)k * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
  uint32_t nm = elf_rd32(p, o->o_be);
  return nm < o->o_strsz ? o->o_strtab + nm : "";
}

static uint8_t raw_bind(const ld_obj *o, uint32_t k) {
  const uint8_t *p = o->o_symtab + (uint64_t)k * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
  return ELF_ST_BIND(p[o->o_is64 ? 4 : 12]);
}

/* Every input file (objects and shared objects) in link order. */
static ld_obj **files_in_order(uint32_t *n) {
  ld_obj **v = ld_xmalloc((ctx->objs.n + ctx->shared.n + 1) * sizeof *v);
  uint32_t a = 0, b = 0, k = 0;
  while (a < ctx->objs.n || b < ctx->shared.n) {
    ld_obj *x = a < ctx->objs.n ? ctx->objs.v[a] : NULL;
    ld_obj *y = b < ctx->shared.n ? ctx->shared.v[b] : NULL;
    if (x && (!y || x->o_id < y->o_id)) v[k++] = x, a++;
    else v[k++] = y, b++;
  }
  *n = k;
  return v;
}

/* The global symbol an input's entry k stands for (after --wrap), or NULL. */
static ld_sym *entry_sym(const ld_obj *o, uint32_t k) {
  if (o->o_kind == FK_OBJ) return o->o_syms[k];
  if (o->o_syms[k]) return o->o_syms[k];
  const char *nm = raw_name(o, k);
  return *nm ? ld_sym_lookup(nm, (uint32_t)strlen(nm)) : NULL;
}

/* -y SYM: each file that defines or references SYM, in link order, in GNU ld's words. */
static void trace_symbols(void) {
  uint32_t n;
  ld_obj **files = files_in_order(&n);
  for (uint32_t i = 0; i < n; i++) {
    ld_obj *o = files[i];
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      ld_sym *s = entry_sym(o, k);
      if (!s || raw_bind(o, k) == STB_LOCAL) continue;
      for (uint32_t t = 0; t < ctx->opt.trace_syms.n; t++) {
        if (!name_is(s, ctx->opt.trace_syms.v[t])) continue;
        fprintf(stderr, "%s: %s %.*s\n", o->o_name,
                raw_shndx(o, k) == SHN_UNDEF ? "reference to" : "definition of", (int)s->s_namelen,
                s->s_name);
        break;
      }
    }
  }
  free(files);
}

void ld_trace_symbols(void) {
  if (ctx->opt.verbose && ctx->tg && !ctx->opt.target)
    printf("target: %s (emulation %s), from the first input\n", ctx->tg->tg_name,
           ctx->tg->tg_emulation);
  if (ctx->opt.trace_syms.n) trace_symbols();
  if (ctx->opt.why_extract) write_why_extract();
}

/* --verbose: what the link will use, before any input is read (GNU ld prints its version,
 * emulation and search directories the same way). */
void ld_verbose_header(const ld_vec *dirs) {
  if (ctx->opt.target)
    printf("target: %s (emulation %s)\n", ctx->opt.target->tg_name, ctx->opt.target->tg_emulation);
  printf("library search directories:%s\n", dirs->n ? "" : " (none)");
  for (uint32_t i = 0; i < dirs->n; i++) printf("  %s\n", (const char *)dirs->v[i]);
}

/* ---- --cref ----------------------------------------------------------------------------- */

typedef struct cref_ent {
  ld_sym *ce_sym;
  ld_obj *ce_file;
  uint8_t ce_def;
} cref_ent;

static int cmp_cref(const void *a, const void *b) {
  const cref_ent *x = a, *y = b;
  if (x->ce_sym != y->ce_sym) {
    uint32_t n =
        x->ce_sym->s_namelen < y->ce_sym->s_namelen ? x->ce_sym->s_namelen : y->ce_sym->s_namelen;
    int c = memcmp(x->ce_sym->s_name, y->ce_sym->s_name, n);
    if (c) return c;
    if (x->ce_sym->s_namelen != y->ce_sym->s_namelen)
      return x->ce_sym->s_namelen < y->ce_sym->s_namelen ? -1 : 1;
    return x->ce_sym < y->ce_sym ? -1 : 1;
  }
  if (x->ce_def != y->ce_def) return x->ce_def ? -1 : 1; /* definitions first */
  return x->ce_file->o_id < y->ce_file->o_id ? -1 : x->ce_file->o_id > y->ce_file->o_id;
}

/* GNU ld's table: each symbol (sorted), then the file that defines it, then every file that
 * refers to it, in link order; one file per line in the second column. */
static void write_cref(FILE *f) {
  uint32_t n, cap = 256, m = 0;
  ld_obj **files = files_in_order(&n);
  cref_ent *v = ld_xmalloc(cap * sizeof *v);
  for (uint32_t i = 0; i < n; i++) {
    ld_obj *o = files[i];
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      ld_sym *s = entry_sym(o, k);
      if (!s || raw_bind(o, k) == STB_LOCAL) continue;
      if (m == cap) v = ld_xrealloc(v, (cap *= 2) * sizeof *v);
      v[m].ce_sym = s;
      v[m].ce_file = o;
      v[m].ce_def = raw_shndx(o, k) != SHN_UNDEF;
      m++;
    }
  }
  ld_qsort(v, m, sizeof *v, cmp_cref);
  fprintf(f, "\nCross Reference Table\n\n%-50s%s\n", "Symbol", "File");
  for (uint32_t i = 0; i < m; i++) {
    if (i == 0 || v[i].ce_sym != v[i - 1].ce_sym) {
      int w = (int)v[i].ce_sym->s_namelen;
      fprintf(f, "%.*s", w, v[i].ce_sym->s_name);
      if (w >= 50) fprintf(f, "\n%50s", "");
      else fprintf(f, "%*s", 50 - w, "");
    } else {
      fprintf(f, "%50s", "");
    }
    fprintf(f, "%s\n", v[i].ce_file->o_name);
  }
  free(v);
  free(files);
}

/* ---- the GNU-style map ---------------------------------------------------------------------- */

typedef struct map_sym {
  const ld_isec *ms_sec;
  ld_sym *ms_sym;
} map_sym;

static int cmp_map_sym(const void *a, const void *b) {
  const map_sym *x = a, *y = b;
  if (x->ms_sec != y->ms_sec) return (uintptr_t)x->ms_sec < (uintptr_t)y->ms_sec ? -1 : 1;
  if (x->ms_sym->s_value != y->ms_sym->s_value)
    return x->ms_sym->s_value < y->ms_sym->s_value ? -1 : 1;
  uint32_t n =
      x->ms_sym->s_namelen < y->ms_sym->s_namelen ? x->ms_sym->s_namelen : y->ms_sym->s_namelen;
  int c = memcmp(x->ms_sym->s_name, y->ms_sym->s_name, n);
  return c ? c : (int)x->ms_sym->s_namelen - (int)y->ms_sym->s_namelen;
}

/* The state of writing the maps (ld_write_maps starts it afresh): the global symbols defined in
 * kept input sections, by section and address. The maps read the whole link and write only the
 * reports. */
static struct map_pass {
  map_sym *msyms;
  uint32_t nmsyms;
} P;

/* The global symbols defined in kept input sections, grouped by section, by address. */
static void collect_map_syms(void) {
  uint32_t cap = 256;
  P.msyms = ld_xmalloc(cap * sizeof *P.msyms);
  P.nmsyms = 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      ld_sym *s = o->o_syms[k];
      if (!s || s->s_file != o || s->s_esym != k || s->s_def != SD_REGULAR || !s->s_sec) continue;
      if (!s->s_sec->is_live || !s->s_sec->is_out) continue;
      if (P.nmsyms == cap) P.msyms = ld_xrealloc(P.msyms, (cap *= 2) * sizeof *P.msyms);
      P.msyms[P.nmsyms].ms_sec = s->s_sec;
      P.msyms[P.nmsyms++].ms_sym = s;
    }
  }
  ld_qsort(P.msyms, P.nmsyms, sizeof *P.msyms, cmp_map_sym);
}

static const map_sym *first_sym_of(const ld_isec *is) {
  uint32_t lo = 0, hi = P.nmsyms;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if ((uintptr_t)P.msyms[mid].ms_sec < (uintptr_t)is) lo = mid + 1;
    else hi = mid;
  }
  return lo < P.nmsyms && P.msyms[lo].ms_sec == is ? &P.msyms[lo] : NULL;
}

static const char *hex(uint64_t v) { return ld_sprintf("0x%llx", (unsigned long long)v); }

/* A name in the first column: padded to `width`, or alone on its line when it is too long. */
static void map_name(FILE *f, const char *lead, const char *name, int width) {
  int len = (int)(strlen(lead) + strlen(name));
  fprintf(f, "%s%s", lead, name);
  if (len >= width) fprintf(f, "\n%*s", width, "");
  else fprintf(f, "%*s", width - len, "");
}

static int is_link_editor_table(const ld_osec *os) {
  return os->os_synth == SY_SYMTAB || os->os_synth == SY_STRTAB || os->os_synth == SY_SHSTRTAB;
}

static void write_gnu_map(FILE *f) {
  int w = ctx->is64 ? 16 : 8;
  collect_map_syms();
  if (ctx->extracts.n) {
    fprintf(f, "Archive member included to satisfy reference by file (symbol)\n\n");
    for (uint32_t i = 0; i < ctx->extracts.n; i++) {
      const extract_rec *r = ctx->extracts.v[i];
      map_name(f, "", r->er_member, 30);
      fprintf(f, "%s (%.*s)\n", r->er_ref, (int)r->er_symlen, r->er_sym);
    }
    fprintf(f, "\n");
  }
  fprintf(f, "Discarded input sections\n\n");
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || is->is_live) continue;
      map_name(f, " ", is->is_name, 16);
      fprintf(f, "0x%0*llx %10s %s\n", w, 0ULL, hex(is->is_insize), o->o_name);
    }
  }
  fprintf(f, "\nMemory Configuration\n\n%-17s%-19s%-19s%s\n", "Name", "Origin", "Length",
          "Attributes");
  fprintf(f, "%-17s0x%0*llx 0x%0*llx\n\nLinker script and memory map\n\n", "*default*", w, 0ULL, w,
          ctx->is64 ? ~0ULL : 0xffffffffULL);
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (is_link_editor_table(os)) continue;
    fprintf(f, "\n");
    map_name(f, "", os->os_name, 16);
    fprintf(f, "0x%0*llx %10s\n", w, (unsigned long long)os->os_addr, hex(os->os_size));
    uint64_t end = 0;
    for (uint32_t k = 0; k < os->os_isecs.n; k++) {
      ld_isec *is = os->os_isecs.v[k];
      if (is->is_off > end) {
        fprintf(f, " %-15s0x%0*llx %10s \n", "*fill*", w, (unsigned long long)(os->os_addr + end),
                hex(is->is_off - end));
      }
      end = is->is_off + is->is_size;
      /* Commons have no input section: GNU ld calls their piece COMMON. */
      map_name(f, " ", is->is_idx == UINT32_MAX ? "COMMON" : is->is_name, 16);
      fprintf(f, "0x%0*llx %10s %s\n", w, (unsigned long long)ld_isec_addr(is), hex(is->is_size),
              is->is_file ? is->is_file->o_name : "<internal>");
      const map_sym *ms = first_sym_of(is);
      for (; ms && ms < P.msyms + P.nmsyms && ms->ms_sec == is; ms++)
        fprintf(f, "%16s0x%0*llx%16s%.*s\n", "", w, (unsigned long long)ms->ms_sym->s_value, "",
                (int)ms->ms_sym->s_namelen, ms->ms_sym->s_name);
    }
  }
  fprintf(f, "OUTPUT(%s elf%d-%s)\n", ctx->opt.output, ctx->is64 ? 64 : 32, ctx->tg->tg_name);
}

/* ---- the Solaris link map (-m) ------------------------------------------------------------ */

static void write_solaris_map(FILE *f) {
  fprintf(f, "\t\tLINK EDITOR MEMORY MAP\n\n\n");
  fprintf(f, "%-16s%-16s%s\n", "output", "input", "virtual");
  fprintf(f, "%-16s%-16s%-16s%s\n\n", "section", "section", "address", "size");
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (is_link_editor_table(os)) continue;
    map_name(f, "", os->os_name, 16);
    fprintf(f, "%16s%-16s%s\n", "", hex(os->os_addr), hex(os->os_size));
    for (uint32_t k = 0; k < os->os_isecs.n; k++) {
      ld_isec *is = os->os_isecs.v[k];
      fprintf(f, "%16s", "");
      map_name(f, "", is->is_idx == UINT32_MAX ? "COMMON" : is->is_name, 16);
      fprintf(f, "%-16s%-16s%s\n", hex(ld_isec_addr(is)), hex(is->is_size),
              is->is_file ? is->is_file->o_name : "<internal>");
    }
  }
}

void ld_write_maps(void) {
  P = (struct map_pass){0};
  FILE *mapf = NULL;
  if (ctx->opt.map_file) {
    mapf = open_report(ctx->opt.map_file, "map file");
    if (mapf) {
      write_gnu_map(mapf);
      if (ctx->opt.cref) write_cref(mapf);
      close_report(mapf, ctx->opt.map_file);
    }
  }
  if (ctx->opt.print_map == 1) write_gnu_map(stdout);
  if (ctx->opt.print_map == 2) write_solaris_map(stdout);
  if (ctx->opt.cref && !ctx->opt.map_file) write_cref(stdout);
  fflush(stdout);
  ld_check_errors();
}
