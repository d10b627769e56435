/* Pass 8: place input sections into output sections by the usual name rules, and order the
 * output sections into segments. What depends on a section alone is worked out in parallel, the
 * output sections are made and filled in link order, and what depends on an output section alone
 * is again done in parallel: the output is the same whatever the thread count. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "lscript.h"

/* The state of placement (ld_place_sections starts it afresh). It reads the objects' live
 * sections, the commons, the mapfiles' and scripts' placement rules, and writes the output
 * sections (ctx->osecs) with their input sections, and hands SHF_MERGE sections to merging. */
typedef struct sgroup sgroup;
static struct place_pass {
  ld_vec extra_isecs; /* commons turned into .bss pieces */
  /* Output sections by name and planned segment: an open-addressing map, kept at most half full
   * (there are few output sections, but nothing limits how many names inputs bring). */
  ld_osec **omap;
  uint32_t omap_mask, omap_count;
  /* Each live section's output section name, found by classify: the sections of object i are
   * entries sec_base[i] on of sec_gid (an index in groups[i], NONE when not live) and sec_bits
   * (SB_*). */
  uint32_t *sec_base, *sec_gid;
  uint8_t *sec_bits;
  sgroup **groups; /* per object: its output section names, in the order of their first use */
  uint32_t *ngroups;
  ld_vec *merges; /* per object: its SHF_MERGE sections (when by_group; in the arena) */
  int scripted;   /* a linker script takes part */
  /* No linker script, mapfile or --orphan-handling: every section goes where its name says, so
   * the serial part works on each object's names rather than on its sections. */
  int by_group;
  const char *last_name; /* the name and output section of place's last get_osec */
  ld_osec *last_os;
  pthread_mutex_t omap_mu; /* classify's lookup_osec */
  uint64_t gen;            /* which placement this is (for the threads' caches) */
} P;

/* The sections of one object that go to output sections of one name, and (by_group) what they
 * give their output section when they join it, as join would give it one section at a time. */
struct sgroup {
  const char *g_name;
  uint32_t g_hash; /* hash_str(g_name) */
  uint32_t g_n;    /* its sections */
  ld_isec *g_first;
  ld_osec *g_os; /* by_group: its output section, and where its next section goes in it */
  uint32_t g_pos;
  uint8_t g_own;      /* the name is not in outs[] */
  uint8_t g_progbits; /* one of them is not SHT_NOBITS */
  uint64_t g_flags;   /* the flags join gives */
  uint64_t g_align;
  /* The entry size join leaves: starting from 0 or from the first one's, g_ent_all; from any
   * other, g_ent_rest (what the sections after the first leave starting from 0). */
  uint64_t g_ent_first, g_ent_all, g_ent_rest;
};

#define NONE UINT32_MAX

int ld_is_c_ident(const char *s) {
  if (!*s) return 0;
  for (const char *p = s; *p; p++) {
    int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
             (p != s && *p >= '0' && *p <= '9');
    if (!ok) return 0;
  }
  return 1;
}

/* An output section not yet in ctx->osecs (os_seq UINT32_MAX until list_osec). */
static ld_osec *make_osec(const char *name, uint32_t type, uint64_t flags, uint64_t align,
                          int synth) {
  ld_osec *os = ld_xcalloc(1, sizeof *os);
  os->os_name = name;
  os->os_type = type;
  os->os_flags = flags;
  os->os_align = align ? align : 1;
  os->os_synth = (uint8_t)synth;
  os->os_seq = UINT32_MAX;
  os->os_seg = UINT32_MAX;
  os->os_pseg = -1;
  return os;
}

static void list_osec(ld_osec *os) {
  os->os_seq = ctx->osecs.n; /* creation order: nothing leaves ctx->osecs */
  ld_vec_push(&ctx->osecs, os);
}

ld_osec *ld_new_osec(const char *name, uint32_t type, uint64_t flags, uint64_t align, int synth) {
  ld_osec *os = make_osec(name, type, flags, align, synth);
  list_osec(os);
  return os;
}

/* Is `q` the name `n`, or the part of it before a '.'? Every name of the tables below has at least
 * three characters: the first three settle most cases. */
static inline int prefix_is(const char *n, const char *q) {
  if (n[0] != q[0] || n[1] != q[1] || n[2] != q[2]) return 0;
  size_t i = 3;
  while (q[i] && n[i] == q[i]) i++;
  return !q[i] && (n[i] == 0 || n[i] == '.');
}

/* The output sections that input sections join by the start of their names, as GNU ld's default
 * script places them (a section named like code or data joins that output section even without
 * SHF_ALLOC, and is then loaded with it); the last four only with -z keep-text-section-prefix. */
static const char *const outs[] = {
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
    ".text.unlikely",
    ".text.exit",
    ".text.startup",
    ".text.hot",
};
enum {
  OUT_TEXT = 0,
  OUT_RODATA = 1,
  OUT_DATA = 3,
  OUT_BSS = 4,
  OUT_CTORS = 10,
  OUT_DTORS = 11,
  OUT_KEPT = 20,
  NOUTS = sizeof outs / sizeof outs[0]
};

/* The entry of outs[] that an input section of this name joins, or -1: it goes to an output
 * section of its own name. A pure function of the name. */
static int out_index(const char *n) {
  if (ctx->opt.keep_text_prefix) /* -z keep-text-section-prefix */
    for (int i = OUT_KEPT; i < NOUTS; i++)
      if (prefix_is(n, outs[i])) return i;
  for (int i = 0; i < OUT_KEPT; i++)
    if (prefix_is(n, outs[i])) return i;
  if (n[0] == '.' && n[1] == 'g' && !strncmp(n, ".gnu.linkonce.", 14) && n[14] && n[15] == '.')
    switch (n[14]) {
    case 't': return OUT_TEXT;
    case 'r': return OUT_RODATA;
    case 'd': return OUT_DATA;
    case 'b': return OUT_BSS;
    default: break;
    }
  return -1;
}

/* The output section an input section of this name goes to. */
static const char *out_name(const char *n) {
  int i = out_index(n);
  return i < 0 ? n : outs[i];
}

static uint32_t hash_str(const char *s) {
  uint32_t h = 5381;
  while (*s) h = h * 33 + (uint8_t)*s++;
  return h;
}

static uint32_t osec_key(uint32_t hash, int32_t pseg) {
  return hash + (uint32_t)(pseg + 1) * 0x9e3779b9u;
}

static void omap_grow(void) {
  uint32_t cap = P.omap ? (P.omap_mask + 1) * 2 : 1024;
  ld_osec **n = ld_xcalloc(cap, sizeof *n);
  for (uint32_t i = 0; P.omap && i <= P.omap_mask; i++) {
    ld_osec *os = P.omap[i];
    if (!os) continue;
    uint32_t j = osec_key(hash_str(os->os_name), os->os_pseg) & (cap - 1);
    while (n[j]) j = (j + 1) & (cap - 1);
    n[j] = os;
  }
  free(P.omap);
  P.omap = n;
  P.omap_mask = cap - 1;
}

/* Output sections are keyed by name and planned segment: a mapfile may send sections of one
 * name to two segments. `hash` is hash_str(name). One made here is listed in ctx->osecs only
 * when its first section joins it (list_placed): output sections are in the order their first
 * sections have in the link, whichever thread asked for them first. */
static ld_osec *lookup_osec(const char *name, uint32_t hash, int32_t pseg) {
  if (!P.omap || P.omap_count * 2 >= P.omap_mask + 1) omap_grow();
  for (uint32_t j = osec_key(hash, pseg) & P.omap_mask;; j = (j + 1) & P.omap_mask) {
    ld_osec *os = P.omap[j];
    if (!os) {
      os = make_osec(name, 0, 0, 1, SY_NONE);
      os->os_pseg = pseg;
      P.omap[j] = os;
      P.omap_count++;
      return os;
    }
    if (os->os_pseg == pseg && (os->os_name == name || !strcmp(os->os_name, name))) return os;
  }
}

/* `is`, the first section in link order to join `os`, lists it and gives it its type. */
static void list_placed(ld_osec *os, const ld_isec *is) {
  if (os->os_seq != UINT32_MAX) return;
  const char *name = os->os_name;
  uint32_t otype = is->is_type;
  if (!strcmp(name, ".init_array")) otype = SHT_INIT_ARRAY;
  if (!strcmp(name, ".fini_array")) otype = SHT_FINI_ARRAY;
  if (!strcmp(name, ".preinit_array")) otype = SHT_PREINIT_ARRAY;
  if (otype == SHT_X86_64_UNWIND) otype = SHT_PROGBITS; /* .eh_frame, as other tools emit it */
  os->os_type = otype;
  list_osec(os);
}

/* A thread's cache of the output sections classify has looked up in this placement (P.gen):
 * names the objects share are looked up under the lock once per thread. Its memory is the arena's
 * (that of a link: a cache of an earlier placement is dropped, not freed). */
static _Thread_local struct osec_cache {
  uint64_t gen;
  ld_osec **v;
  uint32_t *hash;
  uint32_t mask, n;
} tcache;

static ld_osec *lookup_osec_mt(const char *name, uint32_t hash) {
  struct osec_cache *c = &tcache;
  if (c->gen != P.gen || c->n * 2 >= c->mask) {
    uint32_t cap = c->gen != P.gen ? 64 : 2 * (c->mask + 1);
    ld_osec **ov = c->v;
    uint32_t *oh = c->hash, omask = c->gen == P.gen ? c->mask : 0;
    c->v = ld_zalloc(cap, sizeof *c->v);
    c->hash = ld_zalloc(cap, sizeof *c->hash);
    c->mask = cap - 1;
    c->n = 0;
    for (uint32_t i = 0; omask && i <= omask; i++) /* grown: keep what it held */
      if (ov[i]) {
        uint32_t j = oh[i] & c->mask;
        while (c->v[j]) j = (j + 1) & c->mask;
        c->v[j] = ov[i], c->hash[j] = oh[i], c->n++;
      }
    c->gen = P.gen;
  }
  uint32_t j = hash & c->mask;
  for (; c->v[j]; j = (j + 1) & c->mask)
    if (c->hash[j] == hash && (c->v[j]->os_name == name || !strcmp(c->v[j]->os_name, name)))
      return c->v[j];
  pthread_mutex_lock(&P.omap_mu);
  ld_osec *os = lookup_osec(name, hash, -1);
  pthread_mutex_unlock(&P.omap_mu);
  c->v[j] = os, c->hash[j] = hash, c->n++;
  return os;
}

static ld_osec *get_osec(const char *name, uint32_t hash, const ld_isec *is, int32_t pseg) {
  ld_osec *os = lookup_osec(name, hash, pseg);
  list_placed(os, is);
  return os;
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

/* What classify finds about a section (place's `bits`). */
enum {
  SB_UNNAMED = 1, /* --orphan-handling: GNU ld's default script names no such output section */
  SB_MERGE = 2,   /* SHF_MERGE: merging wants it */
  SB_ALLOC = 4,   /* SHF_ALLOC */
  SB_WRITE = 8,   /* SHF_WRITE */
};

static uint8_t sec_bits(const ld_isec *is, const char *name) {
  return (uint8_t)((ctx->opt.orphan && !default_script_names(name) ? SB_UNNAMED : 0) |
                   (is->is_flags & SHF_MERGE ? SB_MERGE : 0) |
                   (is->is_flags & SHF_ALLOC ? SB_ALLOC : 0) |
                   (is->is_flags & SHF_WRITE ? SB_WRITE : 0));
}

/* The flags an output section keeps of its members'. */
#define JOIN_FLAGS                                                                                 \
  (~(uint64_t)(SHF_GROUP | SHF_MERGE | SHF_STRINGS | SHF_INFO_LINK | SHF_LINK_ORDER |              \
               SHF_GNU_RETAIN))

/* The entry size of an output section after a member of entry size e joins it: kept while every
 * member agrees. */
static inline uint64_t join_entsize(uint64_t cur, uint64_t e) {
  return cur == 0 ? e : cur == e ? cur : 0;
}

/* An input section joins its output section: the output section takes its flags, alignment and
 * entry size. The entry size stays only while every member agrees, which depends on the order
 * of the members: link order. */
static void join(ld_osec *os, ld_isec *is) {
  if (os->os_type == SHT_NOBITS && is->is_type != SHT_NOBITS) os->os_type = SHT_PROGBITS;
  os->os_flags |= is->is_flags & JOIN_FLAGS;
  if (is->is_align > os->os_align) os->os_align = is->is_align;
  os->os_entsize = join_entsize(os->os_entsize, is->is_entsize);
  is->is_out = os;
}

/* by_group: an object's sections of one name join their output section, all at once. */
static void join_group(ld_osec *os, const sgroup *g) {
  if (os->os_type == SHT_NOBITS && g->g_progbits) os->os_type = SHT_PROGBITS;
  os->os_flags |= g->g_flags;
  if (g->g_align > os->os_align) os->os_align = g->g_align;
  os->os_entsize =
      os->os_entsize == 0 || os->os_entsize == g->g_ent_first ? g->g_ent_all : g->g_ent_rest;
}

/* One live section into its output section, in link order (commons, and every section when not
 * by_group). `name` is its out_name, `hash` that name's hash_str, `bits` its SB_*. */
static void place(ld_isec *is, const char *name, uint32_t hash, uint8_t bits) {
  int is_orphan = 0;
  ld_osec *os = NULL;
  if (P.scripted) {
    /* a linker script's SECTIONS (ld/lscript_apply.c) */
    os = ld_lscript_place(is, name, &is_orphan);
    if (!is->is_live) return; /* /DISCARD/ */
  }
  if (!ld_lscript_has_sections()) is_orphan = bits & SB_UNNAMED;
  if (is_orphan && ctx->opt.orphan && !orphan(is, os ? os->os_name : name)) return;
  if (!os) {
    int32_t pseg = ld_mapfile_place(is);
    if (name == P.last_name && pseg == P.last_os->os_pseg) os = P.last_os;
    else os = get_osec(name, hash, is, pseg);
    P.last_name = name, P.last_os = os;
  }
  join(os, is);
  ld_vec_push(&os->os_isecs, is);
  if (bits & SB_MERGE) ld_merge_note(is);
}

/* A thread's scratch for classify, reused from object to object of one placement (P.gen; the
 * arena's memory, dropped afterwards): a map from the names of one object's output sections not in
 * outs[] to their groups (open addressing over group indices + 1, emptied after each object), and
 * the object's groups and SHF_MERGE sections as they are found (copied when the object is done). */
static _Thread_local struct classify_scratch {
  uint64_t gen;
  uint32_t *own_map, own_mask;
  sgroup *g;
  ld_isec **m;
  uint32_t gcap, mcap;
} cs;

/* Room in the arena for `cap` elements of `size` bytes, holding the first `n` of `p`. */
static void *arena_copy(const void *p, uint32_t n, uint32_t cap, size_t size) {
  void *q = ld_zalloc(cap, size);
  if (n) memcpy(q, p, n * size);
  return q;
}

/* hash_str of each entry of outs[]. */
static uint32_t outs_hash[NOUTS];

/* The part of placement that depends on nothing but the sections of object i (run in parallel
 * over the objects): each live section's output section name, that name's hash, its SB_* bits,
 * the object's groups of sections by that name, and each section's priority among .init_array.N
 * and the like (which matters only once it is placed). */
static void classify(uint32_t i, void *arg) {
  (void)arg;
  ld_obj *o = ctx->objs.v[i];
  uint32_t *gid = P.sec_gid + P.sec_base[i];
  uint8_t *bits = P.sec_bits + P.sec_base[i];
  uint32_t by_out[NOUTS]; /* group of each entry of outs[] */
  for (int k = 0; k < NOUTS; k++) by_out[k] = NONE;
  if (cs.gen != P.gen) cs = (struct classify_scratch){.gen = P.gen};
  if (!cs.own_map || (uint64_t)cs.own_mask + 1 < 2 * (uint64_t)o->o_nsec) {
    uint32_t c = 64;
    while (c < 2 * (uint64_t)o->o_nsec) c *= 2;
    cs.own_map = ld_zalloc(c, sizeof *cs.own_map);
    cs.own_mask = c - 1;
  }
  uint32_t *own_map = cs.own_map, own_mask = cs.own_mask, ng = 0, nm = 0;
  sgroup *g = cs.g;
  for (uint32_t k = 0; k < o->o_nsec; k++) {
    ld_isec *is = o->o_secs[k];
    if (!is || !is->is_live) {
      gid[k] = NONE;
      continue;
    }
    int x = out_index(is->is_name);
    const char *name = x < 0 ? is->is_name : outs[x];
    uint32_t h = x < 0 ? hash_str(name) : 0, *slot;
    if (x >= 0) slot = &by_out[x];
    else {
      uint32_t j = h & own_mask;
      while (own_map[j] &&
             (g[own_map[j] - 1].g_hash != h || strcmp(g[own_map[j] - 1].g_name, name)))
        j = (j + 1) & own_mask;
      slot = &own_map[j];
    }
    uint32_t n = x < 0 ? (*slot ? *slot - 1 : NONE) : *slot;
    if (n == NONE) {
      if (ng == cs.gcap) {
        cs.gcap = cs.gcap ? 2 * cs.gcap : 64;
        g = cs.g = arena_copy(g, ng, cs.gcap, sizeof *g);
      }
      n = ng++;
      g[n] = (sgroup){.g_name = name,
                      .g_hash = x < 0 ? h : outs_hash[x],
                      .g_first = is,
                      .g_own = x < 0,
                      .g_ent_first = is->is_entsize};
      *slot = x < 0 ? n + 1 : n;
      if (P.by_group) g[n].g_os = lookup_osec_mt(name, g[n].g_hash);
    }
    sgroup *gr = &g[n];
    if (P.by_group) is->is_out = gr->g_os;
    gr->g_progbits |= is->is_type != SHT_NOBITS;
    gr->g_flags |= is->is_flags & JOIN_FLAGS;
    if (is->is_align > gr->g_align) gr->g_align = is->is_align;
    gr->g_ent_all = join_entsize(gr->g_ent_all, is->is_entsize);
    if (gr->g_n++) gr->g_ent_rest = join_entsize(gr->g_ent_rest, is->is_entsize);
    gid[k] = n;
    bits[k] = sec_bits(is, name);
    if (P.by_group && (bits[k] & SB_MERGE)) {
      if (nm == cs.mcap) {
        cs.mcap = cs.mcap ? 2 * cs.mcap : 64;
        cs.m = arena_copy(cs.m, nm, cs.mcap, sizeof *cs.m);
      }
      cs.m[nm++] = is;
    }
    if (is->is_type == SHT_INIT_ARRAY || is->is_type == SHT_FINI_ARRAY ||
        is->is_type == SHT_PREINIT_ARRAY || x == OUT_CTORS || x == OUT_DTORS)
      is->is_prio = init_prio(is->is_name);
  }
  for (uint32_t n = 0; n < ng; n++) /* empty the map for the next object */
    if (g[n].g_own) {
      uint32_t j = g[n].g_hash & own_mask;
      while (own_map[j] != n + 1) j = (j + 1) & own_mask;
      own_map[j] = 0;
    }
  P.groups[i] = arena_copy(g, ng, ng, sizeof *g);
  P.ngroups[i] = ng;
  P.merges[i].v = arena_copy(cs.m, nm, nm, sizeof *cs.m);
  P.merges[i].n = nm;
}

/* The flags a member of `os` takes from it: an input section without SHF_ALLOC that shares its
 * output section with allocated ones (by name, or by a script's pattern) is loaded with them, so it
 * is relocated as the allocated, and writable, section it has become -- as GNU ld does: the layout
 * and the relocations must agree on where its bytes are. */
static uint64_t member_flags(const ld_osec *os) {
  return os->os_flags & SHF_ALLOC ? os->os_flags & (SHF_ALLOC | SHF_WRITE) : 0;
}

/* by_group, once the output sections are made and have room for them: object i's sections go to
 * their places and take their output section and its flags (run in parallel over the objects;
 * each writes only its own slots and sections). */
static void fill(uint32_t i, void *arg) {
  (void)arg;
  ld_obj *o = ctx->objs.v[i];
  const uint32_t *gid = P.sec_gid + P.sec_base[i];
  const uint8_t *bits = P.sec_bits + P.sec_base[i];
  sgroup *g = P.groups[i];
  for (uint32_t k = 0; k < o->o_nsec; k++)
    if (gid[k] != NONE) {
      sgroup *x = &g[gid[k]];
      ld_isec *is = o->o_secs[k];
      x->g_os->os_isecs.v[x->g_pos++] = is;
      uint64_t add = member_flags(x->g_os);
      uint64_t have = (bits[k] & SB_ALLOC ? SHF_ALLOC : 0) | (bits[k] & SB_WRITE ? SHF_WRITE : 0);
      if (add & ~have) is->is_flags |= add;
    }
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

/* Each output section once its members are known, in parallel (each touches only its own
 * members): they take its flags (unless fill gave them: by_group, in the output sections made by
 * placement, from ctx->osecs[*first] on, every member but commons, which have them) and are
 * ordered as asked. */
static void finish_osec(uint32_t i, void *arg) {
  ld_osec *os = ctx->osecs.v[i];
  ld_isec **v = (ld_isec **)os->os_isecs.v;
  uint32_t n = os->os_isecs.n;
  uint64_t add = member_flags(os);
  if ((!P.by_group || i < *(const uint32_t *)arg) && add)
    for (uint32_t k = 0; k < n; k++) v[k]->is_flags |= add;
  if (os->os_type == SHT_INIT_ARRAY || os->os_type == SHT_FINI_ARRAY ||
      os->os_type == SHT_PREINIT_ARRAY || !strcmp(os->os_name, ".ctors") ||
      !strcmp(os->os_name, ".dtors"))
    ld_qsort(v, n, sizeof *v, cmp_prio);
  else if (ctx->opt.sort_section && strcmp(os->os_name, ".init") && strcmp(os->os_name, ".fini") &&
           strcmp(os->os_name, ".eh_frame")) {
    for (uint32_t k = 0; k < n; k++) v[k]->is_off = k;
    ld_qsort(v, n, sizeof *v, cmp_sort_section);
  }
  int ordered = 0; /* a mapfile's IS_ORDER */
  for (uint32_t k = 0; ctx->opt.mapfile && k < n && !ordered; k++) ordered = v[k]->is_mf_order != 0;
  if (ordered) {
    for (uint32_t k = 0; k < n; k++) v[k]->is_off = k;
    ld_qsort(v, n, sizeof *v, cmp_mf_order);
  }
}

/* Commons become pieces of .bss, one per symbol, largest alignment first is not needed:
 * they are placed in symbol order after every input .bss. */
static void add_common(ld_sym *s) {
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

static int is_common(const ld_sym *s, void *arg) {
  (void)arg;
  return s->s_def == SD_COMMON;
}

void ld_place_sections(void) {
  double t0 = ld_now();
  static uint64_t placements;
  P = (struct place_pass){.omap_mu = PTHREAD_MUTEX_INITIALIZER, .gen = ++placements};
  ld_mapfile_plan();
  /* Commons, found in parallel, become sections in the table's order. */
  ld_vec commons = {0};
  ld_sym_collect(is_common, NULL, &commons);
  for (uint32_t i = 0; i < commons.n; i++) add_common(commons.v[i]);
  free(commons.v);
  /* Deterministic order for commons: by defining file, then by size (stable qsort is not
   * guaranteed, so break ties by name). */
  for (uint32_t i = 0; i < P.extra_isecs.n; i++) ((ld_isec *)P.extra_isecs.v[i])->is_off = i;
  ld_qsort(P.extra_isecs.v, P.extra_isecs.n, sizeof(void *), cmp_common);
  double t1 = ld_now();

  /* Any linker script at all (beyond lists of inputs) may place sections. */
  static const ls_model no_script;
  P.scripted = memcmp(&ld_ls, &no_script, sizeof no_script) != 0;
  P.by_group = !P.scripted && !ctx->opt.mapfile && !ctx->opt.orphan;
  uint32_t nobj = ctx->objs.n, first = ctx->osecs.n;
  P.sec_base = ld_xmalloc(((size_t)nobj + 1) * sizeof *P.sec_base);
  uint64_t nsec = 0;
  for (uint32_t i = 0; i < nobj; i++) {
    P.sec_base[i] = (uint32_t)nsec;
    nsec += ((ld_obj *)ctx->objs.v[i])->o_nsec;
  }
  if (nsec >= UINT32_MAX) ld_fatal("too many input sections (%llu)", (unsigned long long)nsec);
  P.sec_gid = ld_xmalloc((nsec + 1) * sizeof *P.sec_gid);
  P.sec_bits = ld_xmalloc(nsec + 1);
  P.groups = ld_xcalloc(nobj + 1, sizeof *P.groups);
  P.ngroups = ld_xcalloc(nobj + 1, sizeof *P.ngroups);
  P.merges = ld_xcalloc(nobj + 1, sizeof *P.merges);
  for (int x = 0; x < NOUTS; x++) outs_hash[x] = hash_str(outs[x]);
  ld_par_for(ctx->objs.n, classify, NULL);
  double t2 = ld_now();

  /* In link order: the output sections are made as their names are first met. By group, each
   * object's groups take their room in their output sections, which fill then fills. */
  for (uint32_t i = 0; i < nobj; i++) {
    ld_obj *o = ctx->objs.v[i];
    sgroup *g = P.groups[i];
    if (P.by_group) {
      for (uint32_t n = 0; n < P.ngroups[i]; n++) {
        ld_osec *os = g[n].g_os;
        list_placed(os, g[n].g_first);
        g[n].g_pos = os->os_isecs.n; /* room is made below */
        os->os_isecs.n += g[n].g_n;
        join_group(os, &g[n]);
      }
      for (uint32_t m = 0; m < P.merges[i].n; m++) ld_merge_note(P.merges[i].v[m]);
      continue;
    }
    const uint32_t *gid = P.sec_gid + P.sec_base[i];
    const uint8_t *bits = P.sec_bits + P.sec_base[i];
    for (uint32_t k = 0; k < o->o_nsec; k++)
      if (gid[k] != NONE && (!P.scripted || o->o_secs[k]->is_live))
        place(o->o_secs[k], g[gid[k]].g_name, g[gid[k]].g_hash, bits[k]);
  }
  for (uint32_t i = first; P.by_group && i < ctx->osecs.n; i++) {
    ld_vec *v = &((ld_osec *)ctx->osecs.v[i])->os_isecs; /* fill fills it */
    v->cap = v->n;
    v->v = ld_xmalloc((size_t)v->cap * sizeof *v->v);
  }
  for (uint32_t i = 0; i < P.extra_isecs.n; i++) {
    ld_isec *is = P.extra_isecs.v[i];
    const char *name = out_name(is->is_name);
    place(is, name, hash_str(name), sec_bits(is, name));
  }
  double t3 = ld_now();
  if (P.by_group) ld_par_for(ctx->objs.n, fill, NULL);
  free(P.sec_base), free(P.sec_gid), free(P.sec_bits);
  free(P.groups), free(P.ngroups), free(P.merges);
  ld_par_for(ctx->osecs.n, finish_osec, &first);
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    if (!strcmp(os->os_name, ".eh_frame")) ctx->ehframe = os;
    if (!strcmp(os->os_name, ".bss")) ctx->bss = os;
    if (!strcmp(os->os_name, ".tdata")) ctx->tdata = os;
    if (!strcmp(os->os_name, ".tbss")) ctx->tbss = os;
  }
  ld_lscript_order(); /* a script's input descriptions order their output sections */
  if (ctx->opt.stats)
    fprintf(stderr,
            "tld: stats:   placement: commons %.3f ms, names %.3f ms, output sections %.3f ms, "
            "members %.3f ms\n",
            (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, (ld_now() - t3) * 1e3);
}
