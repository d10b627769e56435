/* SHF_MERGE sections: strings (SHF_STRINGS, entities of 1, 2 or 4 bytes ending at a zero entity)
 * and fixed-size constants (sh_entsize bytes each) are split into pieces, and every output
 * section keeps one copy of each distinct piece.
 *
 * Runs after placement (so a group is what lands in one output section: the output section,
 * the entity size and whether they are strings), for final links and for -r alike:
 *
 *  1. split, in parallel by section: the pieces' input offsets and a 64-bit hash of each;
 *  2. size one table from an estimate of the distinct pieces (hashes sampled at 1/64 and
 *     counted), sharded by the hash's top bits, open addressing, filled in parallel without a
 *     lock: a slot is claimed with a compare-and-swap and published when its fields are set;
 *  3. each slot remembers its first occurrence in link order (an atomic minimum of
 *     section order and piece index) and the largest alignment any occurrence wants; the first
 *     occurrence owns the bytes, so which thread inserted first does not matter and the output
 *     is the same for any thread count;
 *  4. with -O2, tail merging of strings: a string that is the suffix of another is given no
 *     bytes of its own; distinct strings are bucketed by their last entity and each bucket
 *     sorted on its reversed strings (in parallel), so a suffix sorts next to its host;
 *  5. each section lays out the pieces it owns, in input order, as runs of bytes copied with
 *     one memcpy each; the section becomes that many bytes in its output section, so
 *     placement, linker scripts, maps and the writer treat it as any other input section.
 *
 * A reference into a merged section (a symbol in it, or its section symbol plus an addend) maps
 * to the owning copy through the piece that holds the offset (an index per 64 bytes of strings,
 * a division for constants; after layout each piece holds its final offset), and keeps its
 * offset within the piece: a pointer into the middle of a string stays in the middle of the
 * kept copy. Sections with relocations of their own, writable ones, and ones whose last string
 * has no terminator are left as they are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"

/* One slot of the table: 32 bytes. m_key is NULL while free and MS_BUSY while being filled. */
typedef struct mslot {
  const uint8_t *m_key; /* the piece's bytes, in the input mapping */
  uint32_t m_len;       /* bytes, the terminator included */
  uint32_t m_tag;       /* low half of the hash */
  /* First occurrence: (section order << 32) | piece index (an atomic minimum while filling).
   * For a tail-merged string: the slot of the string whose bytes it shares. */
  uint64_t m_owner;
  uint32_t m_out;    /* offset in the owner's output piece; tail-merged: offset in the host */
  uint16_t m_group;  /* its group: equal bytes in two groups are two pieces */
  uint8_t m_p2align; /* largest alignment an occurrence wants, log2 (an atomic maximum) */
  uint8_t m_suffix;  /* tail-merged into the string m_owner names */
} mslot;

#define MS_BUSY ((const uint8_t *)1)
#define SHARD_BITS 6 /* 64 shards */
#define IDX_SHIFT 6  /* a string's piece is found from an index entry per 64 input bytes */

/* Bytes of one section that are copied as they are: owned pieces adjacent in the input and in
 * the output. */
typedef struct mrun {
  uint32_t r_in, r_out, r_len;
} mrun;

typedef struct mgroup {
  const ld_osec *g_os;
  uint64_t g_entsize;
  uint8_t g_strings, g_tail;
  uint32_t g_nsec;
  uint64_t g_pieces, g_unique, g_suffixes, g_in, g_out;
} mgroup;

/* A piece of a section: its input offset, and its table slot (once final: its offset in the
 * output section). One array of ms_n + 1, the last holding the section's size: finding a
 * piece reads neighbouring words. */
typedef struct mpiece {
  uint32_t p_off;
  uint32_t p_slot;
} mpiece;

struct ld_msec {
  ld_isec *ms_sec;
  uint32_t ms_id; /* link order among merged sections: the ownership key's high half */
  uint16_t ms_group;
  uint8_t ms_p2align; /* the section's alignment, log2 */
  uint32_t ms_n;      /* pieces */
  mpiece *ms_p;       /* the pieces, ascending */
  uint32_t *ms_idx;   /* strings: the piece holding offset b << IDX_SHIFT, for each b */
  uint64_t *ms_hash;  /* while filling the table */
  mrun *ms_runs;
  uint32_t ms_nruns;
};

typedef struct tstr tstr;
typedef struct tbucket tbucket;

/* The state of the merge pass. Placement hands it the SHF_MERGE sections it places
 * (ctx->merge_noted); ld_merge_sections reads them, splits them into pieces, builds the table of
 * distinct pieces and lays out each section, and sets the sizes, alignments and flags of the
 * sections and output sections; later passes read the pieces' output offsets through
 * ld_merge_off and ld_merge_write. ld_merge_sections starts it afresh. */
static struct merge_pass {
  ld_msec **msecs; /* the merged sections, in link order */
  uint32_t nmsecs;
  mgroup *groups; /* by (output section, entity size, strings) */
  uint32_t ngroups, gcap;
  /* The groups' index + 1, open addressing, grown at half full (a -r link may have one output
   * section per COMDAT group). */
  uint32_t *gmap, gmap_cap;
  mslot *tab;          /* the table of distinct pieces, in shards */
  uint32_t shard_bits; /* log2 of the slots in one shard */
  int overflowed;      /* a shard filled up: the table is built again, larger */
  tstr *tail_all;      /* tail merging: the candidate strings, by bucket */
  tbucket *buckets;
  ld_vec *shard_strs; /* per shard: tail-merge candidates (tstr*), found in parallel */
  int finalized;      /* each piece's slot number is replaced by its output offset */
} P;

/* ---- hashing ------------------------------------------------------------------------- */

/* A 64-bit hash of a piece: eight bytes a step (read little-endian), each step a multiply and a
 * shift; the last partial word with another multiplier; the length at the end. */
#define HSEED 0x9e3779b97f4a7c15ULL
static inline uint64_t le64(const uint8_t *p) { return elf_rd64(p, 0); }
static inline uint64_t mix_word(uint64_t h, uint64_t w) {
  h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 31);
}
static inline uint64_t mix_tail(uint64_t h, uint64_t w) {
  h = (h ^ w) * 0x94d049bb133111ebULL;
  return h ^ (h >> 29);
}
static inline uint64_t mix_end(uint64_t h, uint64_t n) {
  h = (h ^ (n * 0xff51afd7ed558ccdULL)) * 0xd6e8feb86659fd93ULL;
  return h ^ (h >> 32);
}

static uint64_t mhash(const uint8_t *p, uint64_t n) {
  uint64_t h = HSEED, left = n;
  for (; left >= 8; p += 8, left -= 8) h = mix_word(h, le64(p));
  if (left) {
    uint64_t w = 0;
    for (uint64_t i = 0; i < left; i++) w |= (uint64_t)p[i] << (8 * i);
    h = mix_tail(h, w);
  }
  return mix_end(h, n);
}

/* ---- which sections ------------------------------------------------------------------- */

static int is_zero_entity(const uint8_t *p, uint64_t k) {
  for (uint64_t i = 0; i < k; i++)
    if (p[i]) return 0;
  return 1;
}

/* Will `is` be merged once placed? Its bytes must split into whole pieces. */
int ld_merge_candidate(const ld_isec *is) {
  if (!(is->is_flags & SHF_MERGE) || (is->is_flags & SHF_WRITE) || is->is_relsec) return 0;
  uint64_t k = is->is_entsize;
  if (!is->is_data || is->is_type == SHT_NOBITS || k == 0 || is->is_insize == 0 ||
      is->is_insize % k || is->is_insize >= UINT32_MAX || is->is_eh)
    return 0;
  if (is->is_flags & SHF_STRINGS) {
    if (k != 1 && k != 2 && k != 4) return 0;
    if (!is_zero_entity(is->is_data + is->is_insize - k, k)) return 0;
  }
  return 1;
}

static int mergeable(const ld_isec *is) {
  return is->is_live && is->is_out && ld_merge_candidate(is);
}

/* The bytes of the piece of `is` that holds offset `off`, read from the input: for code folding,
 * which compares targets before anything is merged. Returns 0 if `is` is not split into pieces. */
int ld_merge_piece_at(const ld_isec *is, uint64_t off, const uint8_t **p, uint64_t *len,
                      uint64_t *in_piece) {
  if (!ld_merge_candidate(is) || off >= is->is_insize) return 0;
  uint64_t k = is->is_entsize, start = off - off % k, end;
  if (is->is_flags & SHF_STRINGS) {
    while (start >= k && !is_zero_entity(is->is_data + start - k, k)) start -= k;
    end = off - off % k;
    while (end < is->is_insize && !is_zero_entity(is->is_data + end, k)) end += k;
    end = end < is->is_insize ? end + k : is->is_insize;
  } else {
    end = start + k;
  }
  *p = is->is_data + start;
  *len = end - start;
  *in_piece = off - start;
  return 1;
}

static uint32_t group_hash(const ld_osec *os, uint64_t entsize, int strings) {
  uint64_t v =
      ((uint64_t)(uintptr_t)os ^ (entsize << 1 | (uint64_t)strings)) * 0x9e3779b97f4a7c15ULL;
  return (uint32_t)(v >> 32);
}

static void gmap_grow(void) {
  uint32_t cap = P.gmap_cap ? P.gmap_cap * 2 : 64;
  uint32_t *m = ld_xcalloc(cap, sizeof *m);
  for (uint32_t g = 0; g < P.ngroups; g++) {
    uint32_t j =
        group_hash(P.groups[g].g_os, P.groups[g].g_entsize, P.groups[g].g_strings) & (cap - 1);
    while (m[j]) j = (j + 1) & (cap - 1);
    m[j] = g + 1;
  }
  free(P.gmap);
  P.gmap = m;
  P.gmap_cap = cap;
}

static uint16_t group_of(const ld_isec *is) {
  int strings = (is->is_flags & SHF_STRINGS) != 0;
  if (2 * (P.ngroups + 1) > P.gmap_cap) gmap_grow();
  uint32_t j = group_hash(is->is_out, is->is_entsize, strings) & (P.gmap_cap - 1);
  for (; P.gmap[j]; j = (j + 1) & (P.gmap_cap - 1)) {
    const mgroup *g = &P.groups[P.gmap[j] - 1];
    if (g->g_os == is->is_out && g->g_entsize == is->is_entsize && g->g_strings == strings)
      return (uint16_t)(P.gmap[j] - 1);
  }
  if (P.ngroups == 0xffff) return 0xffff; /* left as they are */
  P.gmap[j] = P.ngroups + 1;
  if (P.ngroups == P.gcap)
    P.groups = ld_xrealloc(P.groups, (P.gcap = P.gcap ? P.gcap * 2 : 16) * sizeof *P.groups);
  mgroup *g = &P.groups[P.ngroups];
  memset(g, 0, sizeof *g);
  g->g_os = is->is_out;
  g->g_entsize = is->is_entsize;
  g->g_strings = (uint8_t)strings;
  /* Tail merging costs a sort of the distinct strings, whose bytes are all over the inputs, for
   * little: a C++ program of 100 MiB (LLVM) saves 0.07 % (75 KiB of .rodata) for 14 ms of
   * sorting, debug strings under one per cent of .debug_str. As lld, only -O2 asks for it. */
  g->g_tail = (uint8_t)(strings && ctx->opt.tail_merge && ctx->opt.optimize >= 2);
  return (uint16_t)P.ngroups++;
}

static uint8_t log2_of(uint64_t a) {
  uint8_t l = 0;
  while (l < 63 && ((uint64_t)1 << (l + 1)) <= a) l++;
  return l;
}

/* ---- 1. splitting --------------------------------------------------------------------- */

static void split_one(uint32_t i, void *arg) {
  (void)arg;
  ld_msec *m = P.msecs[i];
  ld_isec *is = m->ms_sec;
  const uint8_t *d = is->is_data;
  uint64_t size = is->is_insize, k = is->is_entsize;
  int strings = (is->is_flags & SHF_STRINGS) != 0;
  uint32_t cap = strings ? (uint32_t)(size / (32 * k)) + 16 : (uint32_t)(size / k), n = 0;
  mpiece *pc = ld_xmalloc(((size_t)cap + 1) * sizeof *pc);
  uint64_t *h = ld_xmalloc((size_t)cap * sizeof *h);
  for (uint64_t pos = 0; pos < size;) {
    uint64_t start = pos, hv;
    if (!strings) {
      pos += k;
      hv = mhash(d + start, k);
    } else if (k == 1) {
      /* The terminator is looked for in the words the hash reads: a word with a zero byte holds
       * the end of the string (the section's last byte is one). Words go to two hashes in
       * turn, so that two chains of multiplications overlap. */
      uint64_t ha = HSEED, hb = ~HSEED, t;
      for (;;) {
        if (size - pos < 8) {
          const uint8_t *z = memchr(d + pos, 0, size - pos);
          uint64_t w = 0;
          t = (uint64_t)(z - (d + pos)) + 1;
          for (uint64_t b = 0; b < t; b++) w |= (uint64_t)d[pos + b] << (8 * b);
          ha = mix_tail(ha, w);
          break;
        }
        uint64_t w = le64(d + pos);
        uint64_t zero = (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
        if (!zero) {
          uint64_t x = mix_word(ha, w);
          ha = hb, hb = x;
          pos += 8;
          continue;
        }
        t = (uint64_t)(__builtin_ctzll(zero) >> 3) + 1; /* bytes up to the terminator */
        ha = mix_tail(ha, w & (t == 8 ? ~0ULL : (1ULL << (8 * t)) - 1));
        break;
      }
      pos += t;
      hv = mix_end(ha ^ (hb << 32 | hb >> 32), pos - start);
    } else {
      while (!is_zero_entity(d + pos, k)) pos += k;
      pos += k;
      hv = mhash(d + start, pos - start);
    }
    if (n == cap) {
      cap *= 2;
      pc = ld_xrealloc(pc, ((size_t)cap + 1) * sizeof *pc);
      h = ld_xrealloc(h, (size_t)cap * sizeof *h);
    }
    pc[n].p_off = (uint32_t)start;
    h[n++] = hv;
  }
  pc[n].p_off = (uint32_t)size;
  if (strings) {
    uint32_t nb = (uint32_t)((size + (1u << IDX_SHIFT) - 1) >> IDX_SHIFT), j = 0;
    m->ms_idx = ld_xmalloc((size_t)nb * sizeof *m->ms_idx);
    for (uint32_t b = 0; b < nb; b++) {
      while (pc[j + 1].p_off <= (uint64_t)b << IDX_SHIFT) j++;
      m->ms_idx[b] = j;
    }
  }
  m->ms_n = n;
  m->ms_p = pc;
  m->ms_hash = h;
}

/* ---- 2-3. the table ------------------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Distinct pieces, estimated from the hashes whose low six bits are zero. */
static uint64_t estimate_distinct(uint64_t total) {
  uint64_t cap = total / 32 + 64, n = 0;
  uint64_t *s = ld_xmalloc(cap * sizeof *s);
  for (uint32_t i = 0; i < P.nmsecs; i++)
    for (uint32_t j = 0; j < P.msecs[i]->ms_n; j++) {
      uint64_t h = P.msecs[i]->ms_hash[j];
      if (h & 63) continue;
      if (n == cap) s = ld_xrealloc(s, (cap *= 2) * sizeof *s);
      s[n++] = h ^ P.msecs[i]->ms_group;
    }
  ld_qsort(s, n, sizeof *s, cmp_u64);
  uint64_t d = 0;
  for (uint64_t j = 0; j < n; j++) d += j == 0 || s[j] != s[j - 1];
  free(s);
  return d * 64;
}

static int insert(const uint8_t *p, uint32_t len, uint64_t h, uint16_t g, uint64_t key, uint8_t p2,
                  uint32_t *where) {
  uint64_t mask = ((uint64_t)1 << P.shard_bits) - 1;
  uint64_t base = (h >> (64 - SHARD_BITS)) << P.shard_bits;
  uint64_t start = (h >> 24) & mask;
  uint32_t tag = (uint32_t)h;
  for (uint64_t probe = 0; probe <= mask;) {
    uint64_t idx = base + ((start + probe) & mask);
    mslot *s = &P.tab[idx];
    const uint8_t *k = __atomic_load_n(&s->m_key, __ATOMIC_ACQUIRE);
    if (!k) {
      if (!__atomic_compare_exchange_n(&s->m_key, &k, MS_BUSY, 0, __ATOMIC_ACQUIRE,
                                       __ATOMIC_ACQUIRE))
        continue; /* another thread took it: look at it again */
      s->m_len = len;
      s->m_tag = tag;
      s->m_group = g;
      s->m_owner = key;
      s->m_p2align = p2;
      __atomic_store_n(&s->m_key, p, __ATOMIC_RELEASE);
      *where = (uint32_t)idx;
      return 1;
    }
    while (k == MS_BUSY) {
      __builtin_ia32_pause();
      k = __atomic_load_n(&s->m_key, __ATOMIC_ACQUIRE);
    }
    if (s->m_tag == tag && s->m_len == len && s->m_group == g && !memcmp(k, p, len)) {
      uint64_t cur = __atomic_load_n(&s->m_owner, __ATOMIC_RELAXED);
      while (key < cur && !__atomic_compare_exchange_n(&s->m_owner, &cur, key, 1, __ATOMIC_RELAXED,
                                                       __ATOMIC_RELAXED)) {}
      uint8_t a = __atomic_load_n(&s->m_p2align, __ATOMIC_RELAXED);
      while (p2 > a && !__atomic_compare_exchange_n(&s->m_p2align, &a, p2, 1, __ATOMIC_RELAXED,
                                                    __ATOMIC_RELAXED)) {}
      *where = (uint32_t)idx;
      return 1;
    }
    probe++;
  }
  return 0;
}

static void insert_one(uint32_t i, void *arg) {
  (void)arg;
  ld_msec *m = P.msecs[i];
  const uint8_t *d = m->ms_sec->is_data;
  uint64_t mask = ((uint64_t)1 << P.shard_bits) - 1;
  for (uint32_t j = 0; j < m->ms_n; j++) {
    if (__atomic_load_n(&P.overflowed, __ATOMIC_RELAXED)) return;
    /* The slot a few pieces ahead is fetched while this one is inserted. */
    if (j + 8 < m->ms_n) {
      uint64_t h8 = m->ms_hash[j + 8];
      __builtin_prefetch(&P.tab[((h8 >> (64 - SHARD_BITS)) << P.shard_bits) + ((h8 >> 24) & mask)]);
    }
    /* A piece keeps the alignment it had: the section's, as far as its offset has it (the
     * padding between aligned strings wants none). */
    uint32_t off = m->ms_p[j].p_off;
    uint8_t p2 = off ? (uint8_t)__builtin_ctz(off) : m->ms_p2align;
    if (p2 > m->ms_p2align) p2 = m->ms_p2align;
    if (!insert(d + off, m->ms_p[j + 1].p_off - off, m->ms_hash[j], m->ms_group,
                (uint64_t)m->ms_id << 32 | j, p2, &m->ms_p[j].p_slot)) {
      __atomic_store_n(&P.overflowed, 1, __ATOMIC_RELAXED);
      return;
    }
  }
}

/* ---- 4. tail merging ------------------------------------------------------------------ */

/* A distinct string as the sort sees it: its end and its length in bytes (terminator
 * excluded). */
typedef struct tstr {
  const uint8_t *t_end; /* just past the last byte before the terminator */
  uint32_t t_len;       /* bytes before the terminator */
  uint32_t t_slot;
  uint64_t t_key0; /* chunk 0 (below), kept here: the first level sorts without the bytes */
} tstr;

/* The sort key of reversed strings, eight bytes at a time: chunk d holds the bytes d * 8 ...
 * d * 8 + 7 counted from the end, the nearest to the end highest; a chunk the string does not
 * fill is padded with zeros below and ranks below a full one with the same bytes, so that a
 * string sorts just before the strings it is the end of. (Bytes are compared, not entities:
 * a string is an entity-wise suffix of another exactly when it is a byte-wise one.) */
static inline uint64_t chunk_of(const tstr *t, uint32_t d, uint32_t *nbytes) {
  uint64_t at = (uint64_t)d * 8;
  if (at >= t->t_len) {
    *nbytes = 0;
    return 0;
  }
  uint64_t n = t->t_len - at < 8 ? t->t_len - at : 8, v = 0;
  const uint8_t *p = t->t_end - at - n;
  if (n == 8) {
    v = elf_rd64(p, 0); /* read little-endian: the byte nearest the end is the highest */
  } else {
    for (uint64_t i = 0; i < n; i++) v |= (uint64_t)p[n - 1 - i] << (56 - 8 * i);
  }
  *nbytes = (uint32_t)n;
  return v;
}

static inline uint64_t chunk(const tstr *t, uint32_t d, uint32_t *nbytes) {
  if (d) return chunk_of(t, d, nbytes);
  *nbytes = t->t_len < 8 ? t->t_len : 8;
  return t->t_key0;
}

/* -1, 0 or 1 as chunk d of a sorts before, with or after chunk d of b. */
static inline int chunk_cmp(uint64_t x, uint32_t nx, uint64_t y, uint32_t ny) {
  if (x != y) return x < y ? -1 : 1;
  return nx < ny ? -1 : nx > ny;
}

static int rev_less(const tstr *a, const tstr *b, uint32_t d) {
  for (;; d++) {
    uint32_t na, nb;
    uint64_t x = chunk(a, d, &na), y = chunk(b, d, &nb);
    int c = chunk_cmp(x, na, y, nb);
    if (c) return c < 0;
    if (na < 8) return 0;
  }
}

/* Multikey quicksort of reversed strings, ascending, eight bytes a level. */
static void mkqs(tstr *a, size_t n, uint32_t d) {
  while (n > 1) {
    if (n < 12) {
      for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && rev_less(&a[j], &a[j - 1], d); j--) {
          tstr t = a[j];
          a[j] = a[j - 1];
          a[j - 1] = t;
        }
      return;
    }
    /* The pivot: the median of the first, middle and last chunks. */
    uint32_t n0, n1, n2, nv;
    uint64_t x = chunk(&a[0], d, &n0), y = chunk(&a[n / 2], d, &n1), z = chunk(&a[n - 1], d, &n2);
    uint64_t v;
    if (chunk_cmp(x, n0, y, n1) < 0) {
      if (chunk_cmp(y, n1, z, n2) < 0) v = y, nv = n1;
      else if (chunk_cmp(x, n0, z, n2) < 0) v = z, nv = n2;
      else v = x, nv = n0;
    } else {
      if (chunk_cmp(x, n0, z, n2) < 0) v = x, nv = n0;
      else if (chunk_cmp(y, n1, z, n2) < 0) v = z, nv = n2;
      else v = y, nv = n1;
    }
    size_t lt = 0, i = 0, gt = n;
    while (i < gt) {
      uint32_t nc;
      uint64_t c = chunk(&a[i], d, &nc);
      int r = chunk_cmp(c, nc, v, nv);
      tstr t;
      if (r < 0) t = a[lt], a[lt++] = a[i], a[i++] = t;
      else if (r > 0) gt--, t = a[gt], a[gt] = a[i], a[i] = t;
      else i++;
    }
    mkqs(a, lt, d);
    mkqs(a + gt, n - gt, d);
    if (nv < 8) return; /* equal strings: cannot happen for distinct ones */
    a += lt, n = gt - lt, d++;
  }
}

typedef struct tbucket {
  uint32_t b_first, b_n; /* range in tail_all */
  uint16_t b_group;
  uint8_t b_empty; /* the bucket of the empty string */
} tbucket;

static void tail_bucket(uint32_t bi, void *arg) {
  (void)arg;
  tbucket *b = &P.buckets[bi];
  if (b->b_empty || b->b_n < 2) return;
  tstr *a = P.tail_all + b->b_first;
  mkqs(a, b->b_n, 0);
  /* A string whose reversal is a prefix of the next one's is its suffix; walk from the end so
   * that the next one already knows its host. */
  for (uint32_t i = b->b_n - 1; i-- > 0;) {
    const tstr *t = &a[i], *u = &a[i + 1];
    if (t->t_len > u->t_len || memcmp(u->t_end - t->t_len, t->t_end - t->t_len, t->t_len)) continue;
    mslot *s = &P.tab[t->t_slot], *host = &P.tab[u->t_slot];
    uint32_t h = u->t_slot;
    if (host->m_suffix) h = (uint32_t)host->m_owner, host = &P.tab[h];
    s->m_suffix = 1;
    s->m_owner = h;
    s->m_out = host->m_len - s->m_len;
  }
}

static void collect_shard(uint32_t sh, void *arg) {
  (void)arg;
  uint64_t n = (uint64_t)1 << P.shard_bits;
  ld_vec *v = &P.shard_strs[sh];
  for (uint64_t j = 0; j < n; j++) {
    mslot *s = &P.tab[((uint64_t)sh << P.shard_bits) + j];
    if (!s->m_key) continue;
    mgroup *g = &P.groups[s->m_group];
    if (!g->g_tail || ((uint64_t)1 << s->m_p2align) > g->g_entsize) continue;
    ld_vec_push(v, (void *)(uintptr_t)(((uint64_t)sh << P.shard_bits) + j));
  }
}

static void tail_merge(void) {
  int any = 0;
  for (uint32_t g = 0; g < P.ngroups; g++) any |= P.groups[g].g_tail;
  if (!any) return;
  uint32_t nshards = 1u << SHARD_BITS;
  P.shard_strs = ld_xcalloc(nshards, sizeof *P.shard_strs);
  ld_par_for(nshards, collect_shard, NULL);
  /* Buckets by group and last entity (its low byte); 256 is the empty string's. */
  uint32_t nb = P.ngroups * 257;
  uint32_t *count = ld_xcalloc(nb + 1, sizeof *count);
  uint64_t total = 0;
  for (uint32_t sh = 0; sh < nshards; sh++) total += P.shard_strs[sh].n;
  uint32_t *key = ld_xmalloc((total ? total : 1) * sizeof *key);
  uint64_t t = 0;
  for (uint32_t sh = 0; sh < nshards; sh++)
    for (uint32_t j = 0; j < P.shard_strs[sh].n; j++, t++) {
      mslot *s = &P.tab[(uintptr_t)P.shard_strs[sh].v[j]];
      uint32_t k = (uint32_t)P.groups[s->m_group].g_entsize;
      uint32_t last = s->m_len > k ? s->m_key[s->m_len - 2 * k + (k - 1)] : 256;
      key[t] = s->m_group * 257u + last;
      count[key[t] + 1]++;
    }
  for (uint32_t b = 0; b < nb; b++) count[b + 1] += count[b];
  P.tail_all = ld_xmalloc((total ? total : 1) * sizeof *P.tail_all);
  P.buckets = ld_xcalloc(nb, sizeof *P.buckets);
  for (uint32_t b = 0; b < nb; b++) {
    P.buckets[b].b_first = count[b];
    P.buckets[b].b_n = count[b + 1] - count[b];
    P.buckets[b].b_group = (uint16_t)(b / 257);
    P.buckets[b].b_empty = b % 257 == 256;
  }
  uint32_t *fill = ld_xcalloc(nb, sizeof *fill);
  t = 0;
  for (uint32_t sh = 0; sh < nshards; sh++) {
    for (uint32_t j = 0; j < P.shard_strs[sh].n; j++, t++) {
      uint32_t si = (uint32_t)(uintptr_t)P.shard_strs[sh].v[j];
      mslot *s = &P.tab[si];
      uint32_t k = (uint32_t)P.groups[s->m_group].g_entsize;
      tstr *ts = &P.tail_all[P.buckets[key[t]].b_first + fill[key[t]]++];
      ts->t_end = s->m_key + s->m_len - k;
      ts->t_len = s->m_len - k;
      ts->t_slot = si;
      uint32_t nb;
      ts->t_key0 = chunk_of(ts, 0, &nb);
    }
    free(P.shard_strs[sh].v);
  }
  free(P.shard_strs);
  free(key);
  free(fill);
  free(count);
  ld_par_for(nb, tail_bucket, NULL);
  /* The empty string is the terminator of any string of its group: of the last string of the
   * group's first non-empty bucket (always a host, never a suffix). */
  for (uint32_t g = 0; g < P.ngroups; g++) {
    tbucket *e = &P.buckets[g * 257 + 256];
    if (!e->b_n) continue;
    for (uint32_t b = g * 257; b < g * 257 + 256; b++) {
      if (!P.buckets[b].b_n) continue;
      uint32_t h = P.tail_all[P.buckets[b].b_first + P.buckets[b].b_n - 1].t_slot;
      mslot *s = &P.tab[P.tail_all[e->b_first].t_slot];
      s->m_suffix = 1;
      s->m_owner = h;
      s->m_out = P.tab[h].m_len - s->m_len;
      break;
    }
  }
  free(P.tail_all);
  free(P.buckets);
}

/* ---- 5. layout of each section's own pieces -------------------------------------------- */

static void layout_one(uint32_t i, void *arg) {
  (void)arg;
  ld_msec *m = P.msecs[i];
  uint64_t off = 0, base = (uint64_t)m->ms_id << 32;
  uint8_t p2 = 0;
  uint32_t cap = 4, nr = 0;
  mrun *runs = ld_xmalloc(cap * sizeof *runs);
  for (uint32_t j = 0; j < m->ms_n; j++) {
    mslot *s = &P.tab[m->ms_p[j].p_slot];
    if (s->m_suffix || s->m_owner != (base | j)) continue;
    off = ld_align(off, (uint64_t)1 << s->m_p2align);
    if (s->m_p2align > p2) p2 = s->m_p2align;
    s->m_out = (uint32_t)off;
    if (nr && runs[nr - 1].r_in + runs[nr - 1].r_len == m->ms_p[j].p_off &&
        runs[nr - 1].r_out + runs[nr - 1].r_len == off) {
      runs[nr - 1].r_len += s->m_len;
    } else {
      if (nr == cap) runs = ld_xrealloc(runs, (cap *= 2) * sizeof *runs);
      runs[nr++] = (mrun){m->ms_p[j].p_off, (uint32_t)off, s->m_len};
    }
    off += s->m_len;
  }
  m->ms_runs = runs;
  m->ms_nruns = nr;
  m->ms_sec->is_size = off;
  m->ms_sec->is_align = (uint64_t)1 << p2;
}

/* ---- the pass ----------------------------------------------------------------------------- */

void ld_merge_note(ld_isec *is) { ld_vec_push(&ctx->merge_noted, is); }

void ld_merge_sections(void) {
  P = (struct merge_pass){0};
  ld_vec list = {0};
  for (uint32_t n = 0; n < ctx->merge_noted.n; n++) {
    ld_isec *is = ctx->merge_noted.v[n];
    if (!mergeable(is)) continue;
    uint16_t g = group_of(is);
    if (g == 0xffff) continue;
    ld_msec *m = ld_zalloc(1, sizeof *m);
    m->ms_sec = is;
    m->ms_id = list.n;
    m->ms_group = g;
    m->ms_p2align = log2_of(is->is_align);
    P.groups[g].g_nsec++;
    P.groups[g].g_in += is->is_insize;
    is->is_merge = m;
    ld_vec_push(&list, m);
  }
  if (!list.n) return;
  P.msecs = (ld_msec **)list.v;
  P.nmsecs = list.n;
  double t0 = ld_now();
  ld_par_for(P.nmsecs, split_one, NULL);
  double t1 = ld_now();

  uint64_t total = 0;
  for (uint32_t i = 0; i < P.nmsecs; i++) total += P.msecs[i]->ms_n;
  /* Slots for one and a half times the estimate, rounded up to a power of two: at most two
   * thirds full. */
  uint64_t est = estimate_distinct(total);
  if (est > total) est = total;
  uint64_t want = est + est / 2 + 4096;
  for (;;) {
    /* At least 16 slots a shard; the estimate is ample, and a full shard starts it again. */
    P.shard_bits = 4;
    while (((uint64_t)1 << (P.shard_bits + SHARD_BITS)) < want) P.shard_bits++;
    if (P.shard_bits > 31 - SHARD_BITS)
      ld_fatal("too many mergeable pieces (%llu)", (unsigned long long)total);
    P.tab = ld_zalloc((size_t)1 << (P.shard_bits + SHARD_BITS), sizeof *P.tab);
    P.overflowed = 0;
    ld_par_for(P.nmsecs, insert_one, NULL);
    if (!P.overflowed) break;
    want = ((uint64_t)1 << (P.shard_bits + SHARD_BITS)) * 2;
  }
  for (uint32_t i = 0; i < P.nmsecs; i++) {
    free(P.msecs[i]->ms_hash);
    P.msecs[i]->ms_hash = NULL;
  }
  double t2 = ld_now();
  tail_merge();
  double t3 = ld_now();
  ld_par_for(P.nmsecs, layout_one, NULL);
  double t4 = ld_now();
  /* An output section made of one group only is mergeable itself (as other tools leave it). */
  for (uint32_t g = 0; g < P.ngroups; g++) {
    ld_osec *os = (ld_osec *)P.groups[g].g_os;
    int all = 1;
    for (uint32_t k = 0; k < os->os_isecs.n && all; k++) {
      const ld_isec *is = os->os_isecs.v[k];
      all = is->is_merge && is->is_merge->ms_group == g;
    }
    if (all) {
      os->os_flags |= SHF_MERGE | (P.groups[g].g_strings ? SHF_STRINGS : 0);
      os->os_entsize = P.groups[g].g_entsize;
    }
  }

  if (ctx->opt.stats) {
    uint64_t nslots = (uint64_t)1 << (P.shard_bits + SHARD_BITS);
    for (uint64_t j = 0; j < nslots; j++) {
      if (!P.tab[j].m_key) continue;
      mgroup *g = &P.groups[P.tab[j].m_group];
      g->g_unique++;
      g->g_suffixes += P.tab[j].m_suffix;
    }
    for (uint32_t i = 0; i < P.nmsecs; i++) {
      P.groups[P.msecs[i]->ms_group].g_pieces += P.msecs[i]->ms_n;
      P.groups[P.msecs[i]->ms_group].g_out += P.msecs[i]->ms_sec->is_size;
    }
    for (uint32_t g = 0; g < P.ngroups; g++) {
      mgroup *gr = &P.groups[g];
      fprintf(stderr,
              "tld: stats: merged %s (%s, entsize %llu): %u sections, %llu pieces, %llu distinct "
              "(%llu tail-merged), %.1f KiB -> %.1f KiB\n",
              gr->g_os->os_name, gr->g_strings ? "strings" : "constants",
              (unsigned long long)gr->g_entsize, gr->g_nsec, (unsigned long long)gr->g_pieces,
              (unsigned long long)gr->g_unique, (unsigned long long)gr->g_suffixes,
              gr->g_in / 1024.0, gr->g_out / 1024.0);
    }
    fprintf(stderr, "tld: stats: merge table: %llu slots in %u shards (%.1f MiB)\n",
            (unsigned long long)nslots, 1u << SHARD_BITS, nslots * sizeof(mslot) / 1048576.0);
    fprintf(stderr,
            "tld: stats:   merge: split %.3f ms, table %.3f ms, tail merging %.3f ms, layout %.3f "
            "ms\n",
            (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, (t4 - t3) * 1e3);
  }
}

/* ---- references ------------------------------------------------------------------------ */

/* After layout each piece's slot number is replaced by its offset in the output section
 * (P.finalized): a reference then costs the search for its piece in its own section's arrays. */

static void final_shard(uint32_t sh, void *arg) {
  int suffixes = arg != NULL;
  uint64_t n = (uint64_t)1 << P.shard_bits;
  for (uint64_t j = 0; j < n; j++) {
    mslot *s = &P.tab[((uint64_t)sh << P.shard_bits) + j];
    if (!s->m_key || s->m_suffix != suffixes) continue;
    if (suffixes) s->m_out += P.tab[s->m_owner].m_out;
    else s->m_out += (uint32_t)P.msecs[s->m_owner >> 32]->ms_sec->is_off;
  }
}

static void final_sec(uint32_t i, void *arg) {
  (void)arg;
  ld_msec *m = P.msecs[i];
  for (uint32_t j = 0; j < m->ms_n; j++) m->ms_p[j].p_slot = P.tab[m->ms_p[j].p_slot].m_out;
}

void ld_merge_finalize(void) {
  if (!P.nmsecs) return;
  /* Offsets in an output section of 4 GiB or more would not fit: keep mapping through the
   * owners then. */
  for (uint32_t g = 0; g < P.ngroups; g++)
    if (P.groups[g].g_os->os_size >= UINT32_MAX) return;
  ld_par_for(1u << SHARD_BITS, final_shard, NULL);
  ld_par_for(1u << SHARD_BITS, final_shard, (void *)1);
  ld_par_for(P.nmsecs, final_sec, NULL);
  P.finalized = 1;
}

/* The piece of `m` holding offset off: the last that starts at or before it. */
static inline uint32_t piece_of(const ld_msec *m, uint64_t off) {
  if (!m->ms_idx) {
    uint64_t j = off / m->ms_sec->is_entsize;
    return j < m->ms_n ? (uint32_t)j : m->ms_n - 1;
  }
  const mpiece *p = m->ms_p;
  if (off >= p[m->ms_n].p_off) return m->ms_n - 1;
  uint32_t j = m->ms_idx[off >> IDX_SHIFT];
  while (p[j + 1].p_off <= off) j++;
  return j;
}

uint64_t ld_merge_off(const ld_isec *is, uint64_t off) {
  const ld_msec *m = is->is_merge;
  uint32_t j = piece_of(m, off);
  uint64_t in = off - m->ms_p[j].p_off;
  if (P.finalized) return m->ms_p[j].p_slot + in;
  const mslot *s = &P.tab[m->ms_p[j].p_slot];
  if (s->m_suffix) {
    in += s->m_out;
    s = &P.tab[s->m_owner];
  }
  return P.msecs[s->m_owner >> 32]->ms_sec->is_off + s->m_out + in;
}

uint64_t ld_merge_addr(const ld_isec *is, uint64_t off) {
  return is->is_out->os_addr + ld_merge_off(is, off);
}

/* The bytes a merged section owns, into `out` (is_size bytes; gaps of alignment are zeroed). */
void ld_merge_write(const ld_isec *is, uint8_t *out) {
  const ld_msec *m = is->is_merge;
  uint64_t pos = 0;
  for (uint32_t r = 0; r < m->ms_nruns; r++) {
    const mrun *run = &m->ms_runs[r];
    if (run->r_out > pos) memset(out + pos, 0, run->r_out - pos);
    memcpy(out + run->r_out, is->is_data + run->r_in, run->r_len);
    pos = (uint64_t)run->r_out + run->r_len;
  }
  if (is->is_size > pos) memset(out + pos, 0, is->is_size - pos);
}
