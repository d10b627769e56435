/* Pass 8: place input sections into output sections by the usual name rules, and order the
 * output sections into segments. Placement runs over files in link order, so the output is the
 * same whatever the thread count. */
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "lscript.h"

/* The state of placement (ld_place_sections starts it afresh). It reads the objects' live
 * sections, the commons, the mapfiles' and scripts' placement rules, and writes the output
 * sections (ctx->osecs) with their input sections, and hands SHF_MERGE sections to merging. */
static struct place_pass {
  ld_vec extra_isecs; /* commons turned into .bss pieces */
  /* Output sections by name and planned segment: an open-addressing map, kept at most half full
   * (there are few output sections, but nothing limits how many names inputs bring). */
  ld_osec **omap;
  uint32_t omap_mask, omap_count;
} P;

int ld_is_c_ident(const char *s) {
  if (!*s) return 0;
  for (const char *p = s; *p; p++) {
    int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
             (p != s && *p >= '0' && *p <= '9');
    if (!ok) return 0;
  }
  return 1;
}

ld_osec *ld_new_osec(const char *name, uint32_t type, uint64_t flags, uint64_t align, int synth) {
  ld_osec *os = ld_xcalloc(1, sizeof *os);
  os->os_name = name;
  os->os_type = type;
  os->os_flags = flags;
  os->os_align = align ? align : 1;
  os->os_synth = (uint8_t)synth;
  os->os_seq = ctx->osecs.n; /* creation order: nothing leaves ctx->osecs */
  os->os_seg = UINT32_MAX;
  os->os_pseg = -1;
  ld_vec_push(&ctx->osecs, os);
  return os;
}

static int prefix_is(const char *name, const char *p) {
  size_t n = strlen(p);
  return !strncmp(name, p, n) && (name[n] == 0 || name[n] == '.');
}

/* The output section an input section goes to. */
static const char *out_name(const ld_isec *is) {
  const char *n = is->is_name;
  static const char *const prefixes[] = {
      ".text",
      ".rodata",
      ".data.rel.ro",
      ".data",
      ".bss",
      ".tdata",
      ".tbss",
      ".init_array",
      ".fini_array",
      ".preinit_array",
      ".ctors",
      ".dtors",
      ".gcc_except_table",
      ".sdata",
      ".sbss",
      ".ldata",
      ".lrodata",
      ".lbss",
      ".init",
      ".fini",
  };
  /* By name alone, as GNU ld's default script places them: a section named like code or data
   * joins that output section even without SHF_ALLOC (and is then loaded with it). */
  {
    static const char *const kept[] = {".text.unlikely", ".text.exit", ".text.startup",
                                       ".text.hot"};
    if (ctx->opt.keep_text_prefix) /* -z keep-text-section-prefix */
      for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        if (prefix_is(n, kept[i])) return kept[i];
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
      if (prefix_is(n, prefixes[i])) return prefixes[i];
    if (!strncmp(n, ".gnu.linkonce.t.", 16)) return ".text";
    if (!strncmp(n, ".gnu.linkonce.r.", 16)) return ".rodata";
    if (!strncmp(n, ".gnu.linkonce.d.", 16)) return ".data";
    if (!strncmp(n, ".gnu.linkonce.b.", 16)) return ".bss";
  }
  return n;
}

static uint32_t hash_str(const char *s) {
  uint32_t h = 5381;
  while (*s) h = h * 33 + (uint8_t)*s++;
  return h;
}

static uint32_t osec_hash(const char *name, int32_t pseg) {
  return hash_str(name) + (uint32_t)(pseg + 1) * 0x9e3779b9u;
}

static void omap_grow(void) {
  uint32_t cap = P.omap ? (P.omap_mask + 1) * 2 : 1024;
  ld_osec **n = ld_xcalloc(cap, sizeof *n);
  for (uint32_t i = 0; P.omap && i <= P.omap_mask; i++) {
    ld_osec *os = P.omap[i];
    if (!os) continue;
    uint32_t j = osec_hash(os->os_name, os->os_pseg) & (cap - 1);
    while (n[j]) j = (j + 1) & (cap - 1);
    n[j] = os;
  }
  free(P.omap);
  P.omap = n;
  P.omap_mask = cap - 1;
}

/* Output sections are keyed by name and planned segment: a mapfile may send sections of one
 * name to two segments. */
static ld_osec *get_osec(const char *name, const ld_isec *is, int32_t pseg) {
  if (!P.omap || P.omap_count * 2 >= P.omap_mask + 1) omap_grow();
  uint32_t type = is->is_type;
  for (uint32_t j = osec_hash(name, pseg) & P.omap_mask;; j = (j + 1) & P.omap_mask) {
    ld_osec *os = P.omap[j];
    if (!os) {
      uint32_t otype = type;
      if (!strcmp(name, ".init_array")) otype = SHT_INIT_ARRAY;
      if (!strcmp(name, ".fini_array")) otype = SHT_FINI_ARRAY;
      if (!strcmp(name, ".preinit_array")) otype = SHT_PREINIT_ARRAY;
      if (otype == SHT_X86_64_UNWIND) otype = SHT_PROGBITS; /* .eh_frame, as other tools emit it */
      os = ld_new_osec(name, otype, 0, 1, SY_NONE);
      os->os_pseg = pseg;
      P.omap[j] = os;
      P.omap_count++;
      return os;
    }
    if (os->os_pseg == pseg && !strcmp(os->os_name, name)) return os;
  }
}

static uint32_t init_prio(const char *name) {
  /* .init_array.NNNNN / .fini_array.NNNNN: lower numbers run first. .ctors.NNNNN are in the
   * opposite sense (65535 - N). Plain names sort after every numbered one. */
  const char *dot = strrchr(name, '.');
  if (!dot || dot == name) return 65536;
  char *end;
  unsigned long v = strtoul(dot + 1, &end, 10);
  if (*end || end == dot + 1) return 65536;
  if (!strncmp(name, ".ctors", 6) || !strncmp(name, ".dtors", 6)) return 65535 - (uint32_t)v;
  return (uint32_t)v;
}

static int cmp_prio(const void *a, const void *b) {
  const ld_isec *x = *(ld_isec *const *)a, *y = *(ld_isec *const *)b;
  if (x->is_prio != y->is_prio) return x->is_prio < y->is_prio ? -1 : 1;
  if (x->is_file->o_id != y->is_file->o_id) return x->is_file->o_id < y->is_file->o_id ? -1 : 1;
  return x->is_idx < y->is_idx ? -1 : x->is_idx > y->is_idx;
}

/* Output sections GNU ld's default scripts name (after out_name has folded .text.foo and the
 * like into .text): an input section going elsewhere is an orphan for --orphan-handling. */
static int default_script_names(const char *n) {
  static const char *const names[] = {".interp",
                                      ".note.gnu.build-id",
                                      ".init",
                                      ".plt",
                                      ".iplt",
                                      ".plt.got",
                                      ".plt.sec",
                                      ".text",
                                      ".fini",
                                      ".rodata",
                                      ".rodata1",
                                      ".eh_frame_hdr",
                                      ".eh_frame",
                                      ".sframe",
                                      ".gcc_except_table",
                                      ".gnu_extab",
                                      ".exception_ranges",
                                      ".tdata",
                                      ".tbss",
                                      ".tcommon",
                                      ".preinit_array",
                                      ".init_array",
                                      ".fini_array",
                                      ".ctors",
                                      ".dtors",
                                      ".jcr",
                                      ".data.rel.ro",
                                      ".dynamic",
                                      ".got",
                                      ".igot",
                                      ".got.plt",
                                      ".igot.plt",
                                      ".data",
                                      ".data1",
                                      ".bss",
                                      ".dynbss",
                                      ".lbss",
                                      ".lrodata",
                                      ".ldata",
                                      ".comment",
                                      ".gnu.build.attributes",
                                      ".gnu.attributes",
                                      ".line",
                                      ".gnu.warning",
                                      ".stab",
                                      ".stabstr",
                                      ".sdata",
                                      ".sbss"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (prefix_is(n, names[i])) return 1;
  return !strncmp(n, ".debug", 6) || !strncmp(n, ".zdebug", 7) || !strncmp(n, ".gnu_extab", 10) ||
         !strncmp(n, ".exception_ranges", 17) || !strncmp(n, ".stab", 5);
}

/* --orphan-handling: what happens to a section no input description (of a SECTIONS script, or
 * of GNU ld's default script) places. Returns 0 when it is discarded. */
static int orphan(ld_isec *is, const char *name) {
  if (ctx->opt.orphan == ORPHAN_PLACE) return 1;
  switch (ctx->opt.orphan) {
  case ORPHAN_DISCARD: is->is_live = 0; return 0;
  case ORPHAN_WARN:
    ld_warn("%s: orphan section '%s' is placed in output section '%s'", is->is_file->o_name,
            is->is_name, name);
    return 1;
  default: ld_error("%s: unplaced orphan section '%s'", is->is_file->o_name, is->is_name); return 1;
  }
}

static void place(ld_isec *is) {
  if (!is->is_live) return;
  const char *name = out_name(is);
  int is_orphan;
  /* a linker script's SECTIONS (ld/lscript_apply.c) */
  ld_osec *os = ld_lscript_place(is, name, &is_orphan);
  if (!is->is_live) return; /* /DISCARD/ */
  if (!ld_lscript_has_sections()) is_orphan = !default_script_names(name);
  if (is_orphan && ctx->opt.orphan && !orphan(is, os ? os->os_name : name)) return;
  if (!os) os = get_osec(name, is, ld_mapfile_place(is));
  if (os->os_type == SHT_NOBITS && is->is_type != SHT_NOBITS) os->os_type = SHT_PROGBITS;
  if (is->is_type == SHT_INIT_ARRAY || is->is_type == SHT_FINI_ARRAY ||
      is->is_type == SHT_PREINIT_ARRAY || !strcmp(name, ".ctors") || !strcmp(name, ".dtors"))
    is->is_prio = init_prio(is->is_name);
  os->os_flags |= is->is_flags & ~(uint64_t)(SHF_GROUP | SHF_MERGE | SHF_STRINGS | SHF_INFO_LINK |
                                             SHF_LINK_ORDER | SHF_GNU_RETAIN);
  if (is->is_align > os->os_align) os->os_align = is->is_align;
  if (os->os_entsize == 0) os->os_entsize = is->is_entsize;
  else if (os->os_entsize != is->is_entsize) os->os_entsize = 0;
  is->is_out = os;
  ld_vec_push(&os->os_isecs, is);
  if (is->is_flags & SHF_MERGE) ld_merge_note(is);
}

/* Commons become pieces of .bss, one per symbol, largest alignment first is not needed:
 * they are placed in symbol order after every input .bss. */
static void add_common(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_def != SD_COMMON) return;
  ld_isec *is = ld_xcalloc(1, sizeof *is);
  is->is_file = s->s_file;
  is->is_name = (s->s_type == STT_TLS) ? ".tbss" : ".bss";
  is->is_type = SHT_NOBITS;
  is->is_flags = SHF_ALLOC | SHF_WRITE | (s->s_type == STT_TLS ? SHF_TLS : 0);
  is->is_size = is->is_insize = s->s_size;
  is->is_align = s->s_value ? s->s_value : 1;
  is->is_live = 1;
  is->is_idx = UINT32_MAX;
  s->s_sec = is;
  s->s_value = 0;
  s->s_def = SD_REGULAR;
  if (s->s_type != STT_TLS) s->s_type = STT_OBJECT;
  ld_vec_push(&P.extra_isecs, is);
}

/* is_off is free until layout: it holds each piece's first position, so that the sorts below
 * keep the original order among equals. */
static int cmp_common(const void *a, const void *b) {
  const ld_isec *x = *(ld_isec *const *)a, *y = *(ld_isec *const *)b;
  if (ctx->opt.sort_common && x->is_align != y->is_align) /* --sort-common */
    return (x->is_align > y->is_align) == (ctx->opt.sort_common == 1) ? -1 : 1;
  if (x->is_file->o_id != y->is_file->o_id) return x->is_file->o_id < y->is_file->o_id ? -1 : 1;
  return x->is_off < y->is_off ? -1 : x->is_off > y->is_off;
}

/* Mapfile IS_ORDER: sections of the listed entrance criteria first, in the list's order. */
static int cmp_mf_order(const void *a, const void *b) {
  const ld_isec *x = *(ld_isec *const *)a, *y = *(ld_isec *const *)b;
  uint32_t ox = x->is_mf_order ? x->is_mf_order : UINT32_MAX,
           oy = y->is_mf_order ? y->is_mf_order : UINT32_MAX;
  if (ox != oy) return ox < oy ? -1 : 1;
  return x->is_off < y->is_off ? -1 : x->is_off > y->is_off;
}

/* --sort-section=name|alignment (largest alignment first). */
static int cmp_sort_section(const void *a, const void *b) {
  const ld_isec *x = *(ld_isec *const *)a, *y = *(ld_isec *const *)b;
  int c = 0;
  if (ctx->opt.sort_section == 1) c = strcmp(x->is_name, y->is_name);
  else if (x->is_align != y->is_align) c = x->is_align > y->is_align ? -1 : 1;
  if (c) return c;
  return x->is_off < y->is_off ? -1 : x->is_off > y->is_off;
}

void ld_place_sections(void) {
  P = (struct place_pass){0};
  ld_mapfile_plan();
  ld_sym_foreach(add_common, NULL);
  /* Deterministic order for commons: by defining file, then by size (stable qsort is not
   * guaranteed, so break ties by name). */
  for (uint32_t i = 0; i < P.extra_isecs.n; i++) ((ld_isec *)P.extra_isecs.v[i])->is_off = i;
  ld_qsort(P.extra_isecs.v, P.extra_isecs.n, sizeof(void *), cmp_common);
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++)
      if (o->o_secs[k]) place(o->o_secs[k]);
  }
  for (uint32_t i = 0; i < P.extra_isecs.n; i++) place(P.extra_isecs.v[i]);
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    if (os->os_type == SHT_INIT_ARRAY || os->os_type == SHT_FINI_ARRAY ||
        os->os_type == SHT_PREINIT_ARRAY || !strcmp(os->os_name, ".ctors") ||
        !strcmp(os->os_name, ".dtors"))
      ld_qsort(os->os_isecs.v, os->os_isecs.n, sizeof(void *), cmp_prio);
    else if (ctx->opt.sort_section && strcmp(os->os_name, ".init") &&
             strcmp(os->os_name, ".fini") && strcmp(os->os_name, ".eh_frame")) {
      for (uint32_t k = 0; k < os->os_isecs.n; k++) ((ld_isec *)os->os_isecs.v[k])->is_off = k;
      ld_qsort(os->os_isecs.v, os->os_isecs.n, sizeof(void *), cmp_sort_section);
    }
    int ordered = 0;
    for (uint32_t k = 0; k < os->os_isecs.n; k++)
      ordered |= ((ld_isec *)os->os_isecs.v[k])->is_mf_order != 0;
    if (ordered) {
      for (uint32_t k = 0; k < os->os_isecs.n; k++) ((ld_isec *)os->os_isecs.v[k])->is_off = k;
      ld_qsort(os->os_isecs.v, os->os_isecs.n, sizeof(void *), cmp_mf_order);
    }
    /* An input section without SHF_ALLOC that shares its output section with allocated ones
     * (by name, or by a script's pattern) is loaded with them, so it is relocated as the
     * allocated, and writable, section it has become -- as GNU ld does: the layout and the
     * relocations must agree on where its bytes are. */
    if (os->os_flags & SHF_ALLOC)
      for (uint32_t k = 0; k < os->os_isecs.n; k++)
        ((ld_isec *)os->os_isecs.v[k])->is_flags |= os->os_flags & (SHF_ALLOC | SHF_WRITE);
    if (!strcmp(os->os_name, ".eh_frame")) ctx->ehframe = os;
    if (!strcmp(os->os_name, ".bss")) ctx->bss = os;
    if (!strcmp(os->os_name, ".tdata")) ctx->tdata = os;
    if (!strcmp(os->os_name, ".tbss")) ctx->tbss = os;
  }
  ld_lscript_order(); /* a script's input descriptions order their output sections */
}
