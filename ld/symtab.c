/* The global symbol table: one open-addressing hash table keyed by name, sized from the inputs
 * before the first insertion and grown by doubling if that estimate was short. Names are views
 * into the input mappings. Also the table of COMDAT group signatures. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "plugin.h"

/* COMDAT signatures claimed, in an open-addressing table of inline entries: a probe that
 * misses reads only the slot. */
typedef struct comdat_slot {
  const char *name;     /* NULL: an empty slot */
  const void *ir_owner; /* claimed by a plugin's IR object (ld_comdat_claim_ir), or NULL */
  uint32_t len, hash;
  uint8_t released; /* the IR claim was given up: the next claim takes the signature */
} comdat_slot;

typedef struct comdat_set {
  comdat_slot *slots;
  uint32_t mask, count;
} comdat_set;

/* The symbol table keeps each slot's hash beside its pointer, so a probe that misses does not
 * touch the symbol. */
typedef struct sym_slot {
  uint32_t hash;
  ld_sym *sym;
} sym_slot;

/* The table, with what allocates its symbols and the COMDAT signatures claimed: every pass
 * reads it, the input pass and the link-editor's own definitions write it. ld_sym_init starts
 * it afresh (and the calling thread's pool: each thread's own pool is tpool). */
static struct symbol_table {
  sym_slot *slots;
  uint32_t mask;
  /* Written by every new symbol, also while threads intern: on a cache line of its own, so that
   * the threads' reads of the slots and the mask above are not disturbed. */
  _Alignas(64) uint32_t count;
  /* Symbols are allocated from chunks: one allocation per few thousand symbols. */
  _Alignas(64) ld_gsym *pool;
  uint32_t pool_left;
  comdat_set comdats; /* the COMDAT group signatures claimed, and by whom */
} T;

/* The chunks the table's symbols are allocated from, in the order they were made (ld_sym_init
 * starts afresh): ld_sym_foreach_chunk visits symbols in memory order. Every entry of a chunk that
 * has a name is a symbol of the table; the rest of a chunk is zero. */
static struct sym_chunks {
  ld_gsym **base;
  uint32_t *len;
  uint32_t n, cap;
  uint64_t gen; /* links made in this process: a thread's pool from an earlier one is dropped */
  pthread_mutex_t mu;
} C = {.mu = PTHREAD_MUTEX_INITIALIZER};

static ld_gsym *new_chunk(uint32_t len) {
  ld_gsym *p = ld_zalloc(len, sizeof *p);
  pthread_mutex_lock(&C.mu);
  if (C.n == C.cap) {
    C.cap = C.cap ? 2 * C.cap : 64;
    C.base = ld_xrealloc(C.base, C.cap * sizeof *C.base);
    C.len = ld_xrealloc(C.len, C.cap * sizeof *C.len);
  }
  C.base[C.n] = p, C.len[C.n] = len, C.n++;
  pthread_mutex_unlock(&C.mu);
  return p;
}

/* A multiply-xor hash over 8-byte words: long C++ names are common. */
static uint32_t name_hash(const char *s, uint32_t n) {
  uint64_t h = 0x243f6a8885a308d3ULL ^ n;
  uint32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  if (i < n) {
    uint64_t w = 0;
    memcpy(&w, s + i, n - i);
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  return (uint32_t)h | 1; /* never 0: a slot's hash of 0 means "being published" */
}

const ld_gsym ld_nogsym;
const ld_symslots ld_noslots = {-1, -1, -1, -1, -1, -1, -1, 0, 0};

ld_symslots *ld_slots_w(ld_sym *s) {
  if (!s->s_slots) {
    s->s_slots = ld_zalloc(1, sizeof *s->s_slots);
    *s->s_slots = ld_noslots;
  }
  return s->s_slots;
}

static void comdat_reset(void);
static __thread ld_gsym *tpool;
static __thread uint32_t tpool_left;
static __thread uint64_t tpool_gen; /* the link (C.gen) tpool belongs to */

/* An empty table, with no COMDAT signature claimed: a link makes it once, before any symbol is
 * entered (a test harness that links again in the same process starts afresh with it). */
void ld_sym_init(uint32_t expected) {
  uint32_t cap = 1024;
  while (cap < expected * 2) cap <<= 1;
  T.slots = ld_zalloc(cap, sizeof *T.slots);
  T.mask = cap - 1;
  T.count = 0;
  T.pool = NULL, T.pool_left = 0;
  tpool = NULL, tpool_left = 0;
  /* A harness may have freed what an earlier link allocated: nothing of it is kept. */
  C.base = NULL, C.len = NULL, C.n = C.cap = 0, C.gen++;
  comdat_reset();
}

static void grow(void) {
  uint32_t cap = (T.mask + 1) * 2;
  sym_slot *ns = ld_zalloc(cap, sizeof *ns);
  for (uint32_t i = 0; i <= T.mask; i++) {
    if (!T.slots[i].sym) continue;
    uint32_t j = T.slots[i].hash & (cap - 1);
    while (ns[j].sym) j = (j + 1) & (cap - 1);
    ns[j] = T.slots[i];
  }
  T.slots = ns;
  T.mask = cap - 1;
}

ld_sym *ld_sym_lookup(const char *name, uint32_t len) {
  uint32_t h = name_hash(name, len);
  for (uint32_t j = h & T.mask;; j = (j + 1) & T.mask) {
    ld_sym *s = T.slots[j].sym;
    if (!s) return NULL;
    if (T.slots[j].hash == h && s->s_namelen == len && !memcmp(s->s_name, name, len)) return s;
  }
}

ld_sym *ld_sym_intern(const char *name, uint32_t len) {
  uint32_t h = name_hash(name, len);
  uint32_t j;
  for (j = h & T.mask;; j = (j + 1) & T.mask) {
    ld_sym *s = T.slots[j].sym;
    if (!s) break;
    if (T.slots[j].hash == h && s->s_namelen == len && !memcmp(s->s_name, name, len)) return s;
  }
  if (!T.pool_left) {
    T.pool_left = 4096;
    T.pool = new_chunk(T.pool_left);
  }
  ld_sym *s = &T.pool++->g_sym;
  T.pool_left--;
  s->s_name = name;
  s->s_namelen = len;
  ld_g(s)->s_hash = h;
  s->s_bind = STB_GLOBAL;
  s->s_weakref = 1;
  T.slots[j].hash = h;
  T.slots[j].sym = s;
  if (++T.count * 4 > (T.mask + 1) * 3) grow();
  return s;
}

void ld_sym_foreach(void (*fn)(ld_sym *, void *), void *arg) {
  for (uint32_t i = 0; i <= T.mask; i++)
    if (T.slots[i].sym) fn(T.slots[i].sym, arg);
}

/* The symbols keep() accepts, in the order ld_sym_foreach visits them, looked at in parallel:
 * keep only reads. Each slice of the table fills its own vector; they are joined in order. */
#define COLLECT_SLICES 64
typedef struct collect_job {
  int (*keep)(const ld_sym *, void *);
  void *arg;
  ld_vec part[COLLECT_SLICES];
} collect_job;

static void collect_slice(uint32_t c, void *p) {
  collect_job *job = p;
  uint32_t n = T.mask + 1, lo = (uint32_t)((uint64_t)n * c / COLLECT_SLICES),
           hi = (uint32_t)((uint64_t)n * (c + 1) / COLLECT_SLICES);
  for (uint32_t i = lo; i < hi; i++)
    if (T.slots[i].sym && job->keep(T.slots[i].sym, job->arg))
      ld_vec_push(&job->part[c], T.slots[i].sym);
}

void ld_sym_collect(int (*keep)(const ld_sym *, void *), void *arg, ld_vec *out) {
  collect_job *job = ld_xcalloc(1, sizeof *job);
  job->keep = keep;
  job->arg = arg;
  ld_par_for(COLLECT_SLICES, collect_slice, job);
  for (uint32_t c = 0; c < COLLECT_SLICES; c++) {
    for (uint32_t k = 0; k < job->part[c].n; k++) ld_vec_push(out, job->part[c].v[k]);
    free(job->part[c].v);
  }
  free(job);
}

uint32_t ld_sym_nchunks(void) { return C.n; }

void ld_sym_foreach_chunk(uint32_t c, void (*fn)(ld_sym *, void *), void *arg) {
  ld_gsym *p = C.base[c];
  for (uint32_t i = 0; i < C.len[c]; i++)
    if (p[i].g_sym.s_name) fn(&p[i].g_sym, arg);
}

typedef struct slot_sym {
  uint32_t slot;
  ld_sym *sym;
} slot_sym;

static int cmp_slot(const void *a, const void *b) {
  const slot_sym *x = a, *y = b;
  return x->slot < y->slot ? -1 : x->slot > y->slot;
}

void ld_sym_sort(ld_sym **v, uint32_t n) {
  if (n < 2) return;
  slot_sym *t = ld_xmalloc(n * sizeof *t);
  for (uint32_t i = 0; i < n; i++) {
    uint32_t j = ld_gc(v[i])->s_hash & T.mask;
    while (T.slots[j].sym != v[i]) j = (j + 1) & T.mask;
    t[i] = (slot_sym){j, v[i]};
  }
  qsort(t, n, sizeof *t, cmp_slot);
  for (uint32_t i = 0; i < n; i++) v[i] = t[i].sym;
  free(t);
}

/* What a parallel loop over the chunks found, one vector per chunk (freed here): into `out`, in
 * ld_sym_foreach's order. */
void ld_sym_join_chunks(ld_vec *found, ld_vec *out) {
  for (uint32_t c = 0; c < C.n; c++) {
    for (uint32_t i = 0; i < found[c].n; i++) ld_vec_push(out, found[c].v[i]);
    free(found[c].v);
  }
  free(found);
  ld_sym_sort((ld_sym **)out->v, out->n);
}

uint32_t ld_sym_count(void) { return T.count; }

/* ---- concurrent interning ---------------------------------------------------------------
 * Objects parsed in parallel intern their global names in parallel too. The table does not grow
 * meanwhile (ld_sym_reserve makes room first). A new symbol is published by a compare-and-swap
 * of the slot's pointer; its hash follows, so a reader that sees the pointer before the hash
 * takes the hash from the symbol. Which thread creates a symbol does not matter: every field a
 * new symbol has is a function of its name. */
/* `more` counts every name about to be interned, most of them already present or repeated:
 * room is made for all of them, at up to 15/16 of the table (linear probing still ends), and a
 * table left fuller than 3/4 grows at the next serial insertion. */
void ld_sym_reserve(uint32_t more) {
  while ((uint64_t)(T.count + more) * 16 > (uint64_t)(T.mask + 1) * 15) grow();
}

ld_sym *ld_sym_intern_mt(const char *name, uint32_t len, uint32_t h) {
  for (uint32_t j = h & T.mask;; j = (j + 1) & T.mask) {
    ld_sym *s = __atomic_load_n(&T.slots[j].sym, __ATOMIC_ACQUIRE);
    if (!s) {
      if (!tpool_left || tpool_gen != C.gen) {
        tpool_left = 1024;
        tpool = new_chunk(tpool_left);
        tpool_gen = C.gen;
      }
      ld_sym *n = &tpool->g_sym;
      n->s_name = name;
      n->s_namelen = len;
      ld_g(n)->s_hash = h;
      n->s_bind = STB_GLOBAL;
      n->s_weakref = 1;
      ld_sym *expected = NULL;
      if (__atomic_compare_exchange_n(&T.slots[j].sym, &expected, n, 0, __ATOMIC_ACQ_REL,
                                      __ATOMIC_ACQUIRE)) {
        __atomic_store_n(&T.slots[j].hash, h, __ATOMIC_RELEASE);
        __atomic_fetch_add(&T.count, 1, __ATOMIC_RELAXED);
        tpool++, tpool_left--;
        return n;
      }
      /* Another thread filled the slot first: n stays in the pool for reuse, nameless meanwhile
       * (a named entry of a chunk is a symbol of the table). */
      n->s_name = NULL;
      s = expected;
    }
    uint32_t sh = __atomic_load_n(&T.slots[j].hash, __ATOMIC_ACQUIRE);
    if (!sh) sh = ld_gc(s)->s_hash;
    if (sh == h && s->s_namelen == len && !memcmp(s->s_name, name, len)) return s;
  }
}
uint32_t ld_sym_capacity(void) { return T.mask + 1; }

/* For callers that hashed names ahead (in parallel): interning with a known hash. */
uint32_t ld_sym_hash(const char *name, uint32_t len) { return name_hash(name, len); }

/* ---- COMDAT signatures --------------------------------------------------------------- */

static void comdat_reset(void) { T.comdats = (comdat_set){0}; } /* a link frees nothing */

uint32_t ld_comdat_hash(const char *sig, uint32_t len) { return name_hash(sig, len); }

/* The slot of signature `sig`, or the empty slot where it would go. */
static comdat_slot *comdat_find(const char *sig, uint32_t len, uint32_t h) {
  for (uint32_t j = h & T.comdats.mask;; j = (j + 1) & T.comdats.mask) {
    comdat_slot *e = &T.comdats.slots[j];
    if (!e->name || (e->hash == h && e->len == len && !memcmp(e->name, sig, len))) return e;
  }
}

/* Start loading the slot a signature of that hash probes first (claims in link order are many,
 * each a likely cache miss: the caller asks a few claims ahead). */
void ld_comdat_prefetch(uint32_t h) {
  if (T.comdats.slots) __builtin_prefetch(&T.comdats.slots[h & T.comdats.mask]);
}

/* The second step, once the slot has come: the name a match is compared with. */
void ld_comdat_prefetch_name(uint32_t h) {
  if (!T.comdats.slots) return;
  const comdat_slot *e = &T.comdats.slots[h & T.comdats.mask];
  if (e->name && e->hash == h) __builtin_prefetch(e->name);
}

/* Has an object entered earlier claimed the group `sig`? */
int ld_comdat_claimed_h(const char *sig, uint32_t len, uint32_t h) {
  if (!T.comdats.slots) return 0;
  comdat_slot *e = comdat_find(sig, len, h);
  return e->name && !e->released;
}

int ld_comdat_claimed(const char *sig) {
  uint32_t len = (uint32_t)strlen(sig);
  return ld_comdat_claimed_h(sig, len, name_hash(sig, len));
}

static int claim(const char *sig, uint32_t len, uint32_t h, const void *ir_owner);

/* Claim the group `sig` for the object now being read. Returns 1 if this is the first group of
 * that signature (it is kept), 0 if an earlier object holds it (this one is discarded). */
int ld_comdat_claim(const char *sig) {
  uint32_t len = (uint32_t)strlen(sig);
  return claim(sig, len, name_hash(sig, len), NULL);
}

int ld_comdat_claim_h(const char *sig, uint32_t len, uint32_t h) {
  return claim(sig, len, h, NULL);
}

/* Link-time optimisation: an IR object claims the signatures of its symbols' groups (a group
 * it already holds stays its own); the claims are released when the objects the plugin made
 * replace the IR objects, and those claim them again in their place. */
int ld_comdat_claim_ir(const char *sig, const void *owner) {
  uint32_t len = (uint32_t)strlen(sig);
  return claim(sig, len, name_hash(sig, len), owner);
}

void ld_comdat_release_ir(void) {
  for (uint32_t i = 0; T.comdats.slots && i <= T.comdats.mask; i++) {
    comdat_slot *c = &T.comdats.slots[i];
    if (c->name && c->ir_owner) c->released = 1, c->ir_owner = NULL;
  }
}

/* Room for `more` signatures (the groups of the objects about to be entered, many of them
 * repeated): the table, at most half full, is made big enough once rather than grown. */
static void comdat_resize(uint32_t cap) {
  comdat_slot *ns = ld_xcalloc(cap, sizeof *ns);
  for (uint32_t i = 0; T.comdats.slots && i <= T.comdats.mask; i++) {
    comdat_slot *x = &T.comdats.slots[i];
    if (!x->name) continue;
    uint32_t k = x->hash & (cap - 1);
    while (ns[k].name) k = (k + 1) & (cap - 1);
    ns[k] = *x;
  }
  free(T.comdats.slots);
  T.comdats.slots = ns;
  T.comdats.mask = cap - 1;
}

void ld_comdat_reserve(uint32_t more) {
  uint64_t want = ((uint64_t)T.comdats.count + more) * 2 + 1;
  uint32_t cap = T.comdats.slots ? T.comdats.mask + 1 : 4096;
  while (cap < want && cap < (1u << 30)) cap <<= 1;
  if (!T.comdats.slots || cap > T.comdats.mask + 1) comdat_resize(cap);
}

static int claim(const char *sig, uint32_t len, uint32_t h, const void *ir_owner) {
  if (!T.comdats.slots) comdat_resize(4096);
  comdat_slot *e = comdat_find(sig, len, h);
  if (e->name) {
    if (e->released) {
      e->released = 0;
      e->ir_owner = ir_owner;
      return 1;
    }
    return ir_owner && e->ir_owner == ir_owner;
  }
  *e = (comdat_slot){.name = sig, .ir_owner = ir_owner, .len = len, .hash = h};
  if (++T.comdats.count * 2 > T.comdats.mask + 1) comdat_resize((T.comdats.mask + 1) * 2);
  return 1;
}
