/* .eh_frame: split each input section into CIE and FDE records, drop the FDEs whose function
 * was discarded (a losing COMDAT group or --gc-sections), and build .eh_frame_hdr's sorted
 * search table from the written output. Work is proportional to the records kept. */
#include <stdlib.h>
#include <string.h>

#include "ld.h"

typedef struct kept_cie kept_cie;

/* The state of the .eh_frame passes. ld_eh_finish (after garbage collection) reads the records
 * ld_split_eh_frame made and counts the live FDEs; ld_eh_share_cies (after placement) chooses the
 * CIEs kept; writing .eh_frame and .eh_frame_hdr reads both. ld_eh_finish starts it afresh. */
static struct eh_pass {
  uint32_t n_live_fde; /* FDEs written: .eh_frame_hdr's table has as many entries */
  kept_cie *kept;      /* the CIEs kept (see share_in) */
  uint32_t nkept, kept_cap;
} P;

uint32_t ld_eh_fde_count(void) { return P.n_live_fde; }

/* Is the section a relocation at `off` of `is` points into live? */
static int target_live(ld_isec *is, uint64_t off) {
  /* Relocations are sorted: binary search for the first at or after off. */
  uint32_t lo = 0, hi = is->is_nrels;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (is->is_rels[mid].r_offset < off) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= is->is_nrels || is->is_rels[lo].r_offset != off) return 1; /* absolute: keep */
  const ld_rel *r = &is->is_rels[lo];
  if (r->r_sym == 0) return 1;
  ld_sym *s = is->is_file->o_syms[r->r_sym];
  if (!s) return 1;
  if (s->s_local) return s->s_sec ? s->s_sec->is_live : 1;
  if (s->s_def == SD_REGULAR && s->s_sec) return s->s_sec->is_live;
  return 1;
}

static void split_one(ld_isec *is) {
  const uint8_t *d = is->is_data;
  uint64_t size = is->is_insize, off = 0;
  int be = is->is_file->o_be;
  uint32_t cap = 16, n = 0;
  ld_ehrec *recs = ld_xmalloc(cap * sizeof *recs);
  ld_read_rels(is);
  while (off < size) {
    if (size - off < 4) {
      ld_error("%s: truncated .eh_frame record", ld_sec_loc(is, off));
      break;
    }
    uint64_t len = elf_rd32(d + off, be), hdr = 4;
    if (len == 0xffffffff) {
      ld_error("%s: 64-bit DWARF .eh_frame records are not supported", ld_sec_loc(is, off));
      break;
    }
    if (len > size - off - 4) {
      ld_error("%s: .eh_frame record of length 0x%llx extends past the section",
               ld_sec_loc(is, off), (unsigned long long)len);
      break;
    }
    if (n == cap) recs = ld_xrealloc(recs, (cap *= 2) * sizeof *recs);
    ld_ehrec *r = &recs[n];
    r->er_off = (uint32_t)off;
    r->er_size = (uint32_t)(len + hdr);
    r->er_cie = -1;
    r->er_live = 1;
    r->er_pad = 0;
    if (len >= 4) {
      uint32_t id = elf_rd32(d + off + 4, be);
      if (id != 0) { /* FDE: id is the distance back to its CIE */
        uint64_t cie_off = off + 4 - id;
        int32_t ci = -1;
        for (int32_t k = (int32_t)n - 1; k >= 0; k--)
          if (recs[k].er_off == cie_off) {
            ci = k;
            break;
          }
        if (ci < 0 || recs[ci].er_cie != -1) {
          ld_error("%s: FDE points to no CIE", ld_sec_loc(is, off));
          break;
        }
        r->er_cie = ci;
        /* Final liveness comes after garbage collection (ld_eh_finish); identical code folding,
         * which runs before, wants the FDEs of the functions live now. */
        r->er_live = ctx->opt.icf ? (uint8_t)target_live(is, off + 8) : 1;
      }
    }
    n++;
    off += len + hdr;
  }
  is->is_eh = recs;
  is->is_neh = n;
}

static void split_obj(uint32_t i, void *arg) {
  (void)arg;
  ld_obj *o = ctx->objs.v[i];
  for (uint32_t k = 0; k < o->o_nsec; k++) {
    ld_isec *is = o->o_secs[k];
    if (!is || !is->is_live || is->is_type == SHT_NOBITS || strcmp(is->is_name, ".eh_frame"))
      continue;
    split_one(is);
  }
}

/* Each object's .eh_frame is split on its own, in parallel. */
void ld_split_eh_frame(void) { ld_par_for(ctx->objs.n, split_obj, NULL); }

/* Output offsets of the live records of `is`, and its size. */
static void record_offsets(ld_isec *is) {
  uint32_t out = 0;
  for (uint32_t j = 0; j < is->is_neh; j++) {
    ld_ehrec *r = &is->is_eh[j];
    if (!r->er_live) continue;
    r->er_out = out;
    out += r->er_size;
  }
  is->is_size = out;
}

/* One object's records after garbage collection: final liveness, output offsets, and the count
 * of its FDEs that go to .eh_frame_hdr (in counts[i]). */
typedef struct finish_job {
  ld_isec *last;
  uint32_t *counts;
} finish_job;

static void finish_obj(uint32_t i, void *arg) {
  finish_job *job = arg;
  ld_obj *o = ctx->objs.v[i];
  uint32_t n = 0;
  for (uint32_t k = 0; k < o->o_nsec; k++) {
    ld_isec *is = o->o_secs[k];
    if (!is || !is->is_eh) continue;
    for (uint32_t j = 0; j < is->is_neh; j++) {
      ld_ehrec *r = &is->is_eh[j];
      if (r->er_size == 4 && (is != job->last || j + 1 != is->is_neh)) r->er_live = 0;
      if (r->er_cie >= 0) r->er_live = r->er_live && (uint8_t)target_live(is, r->er_off + 8);
      if (r->er_live && r->er_cie >= 0 && r->er_size > 8) n++;
    }
    record_offsets(is);
  }
  job->counts[i] = n;
}

/* Called after garbage collection: final liveness and output offsets of the records, each
 * object's in parallel. */
void ld_eh_finish(void) {
  P = (struct eh_pass){0};
  /* Zero terminators end the walk of frame registries; only the last one in the output may
   * stay (crtend.o's __FRAME_END__): the last live .eh_frame of the last object that has one. */
  finish_job job = {NULL, ld_xcalloc(ctx->objs.n + 1, sizeof *job.counts)};
  for (uint32_t i = ctx->objs.n; i-- > 0 && !job.last;) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = o->o_nsec; k-- > 0;)
      if (o->o_secs[k] && o->o_secs[k]->is_eh && o->o_secs[k]->is_live) {
        job.last = o->o_secs[k];
        break;
      }
  }
  ld_par_for(ctx->objs.n, finish_obj, &job);
  for (uint32_t i = 0; i < ctx->objs.n; i++) P.n_live_fde += job.counts[i];
  free(job.counts);
}

/* Output offset (within the section's output piece) of input offset `off`. */
uint64_t ld_ehframe_map(const ld_isec *is, uint64_t off, int *dropped) {
  uint32_t lo = 0, hi = is->is_neh;
  *dropped = 0;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    const ld_ehrec *r = &is->is_eh[mid];
    if (off < r->er_off) hi = mid;
    else if (off >= (uint64_t)r->er_off + r->er_size) lo = mid + 1;
    else {
      if (!r->er_live) *dropped = 1;
      return r->er_out + (off - r->er_off);
    }
  }
  /* The end of the section. */
  return is->is_size;
}

/* ---- shared CIEs -------------------------------------------------------------------------- */

/* Identical CIEs are written once per output section: the first in output order is kept and
 * the FDEs of the others point at it (a CIE pointer counts backwards, so the kept one must come
 * first). Two CIEs are identical when their bytes are and their relocations (a personality
 * routine's address) have the same types, places, addends and targets. A CIE not kept records
 * the one it shares as er_cie = -2 - (index in P.kept). */
typedef struct kept_cie {
  ld_isec *k_sec;
  uint32_t k_rec;
} kept_cie;

/* The relocations of `is` inside record `r`: [*first, *end). */
static void record_rels(const ld_isec *is, const ld_ehrec *r, uint32_t *first, uint32_t *end) {
  uint32_t lo = 0, hi = is->is_nrels;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (is->is_rels[mid].r_offset < r->er_off) lo = mid + 1;
    else hi = mid;
  }
  *first = lo;
  while (lo < is->is_nrels && is->is_rels[lo].r_offset < (uint64_t)r->er_off + r->er_size) lo++;
  *end = lo;
}

/* What a relocation refers to, as two words that are equal for equal targets. */
static void rel_target(const ld_isec *is, const ld_rel *rel, uint64_t *a, uint64_t *b) {
  ld_sym *s = rel->r_sym ? is->is_file->o_syms[rel->r_sym] : NULL;
  if (s && s->s_local) {
    *a = (uint64_t)(uintptr_t)s->s_sec;
    *b = s->s_value;
    if (!s->s_sec) *a = 1; /* absolute */
  } else {
    *a = (uint64_t)(uintptr_t)s;
    *b = 0;
  }
}

static uint64_t cie_hash(const ld_isec *is, const ld_ehrec *r) {
  uint64_t h = 0xcbf29ce484222325ULL;
  const uint8_t *p = is->is_data + r->er_off;
  for (uint32_t i = 0; i < r->er_size; i++) h = (h ^ p[i]) * 0x100000001b3ULL;
  uint32_t f, e;
  record_rels(is, r, &f, &e);
  for (uint32_t k = f; k < e; k++) {
    uint64_t a, b;
    rel_target(is, &is->is_rels[k], &a, &b);
    h = (h ^ (a + b * 31 + is->is_rels[k].r_type)) * 0x100000001b3ULL;
  }
  return h;
}

static int cie_equal(const ld_isec *x, const ld_ehrec *rx, const ld_isec *y, const ld_ehrec *ry) {
  if (rx->er_size != ry->er_size ||
      memcmp(x->is_data + rx->er_off, y->is_data + ry->er_off, rx->er_size))
    return 0;
  uint32_t fx, ex, fy, ey;
  record_rels(x, rx, &fx, &ex);
  record_rels(y, ry, &fy, &ey);
  if (ex - fx != ey - fy) return 0;
  for (uint32_t k = 0; k < ex - fx; k++) {
    const ld_rel *p = &x->is_rels[fx + k], *q = &y->is_rels[fy + k];
    uint64_t pa, pb, qa, qb;
    rel_target(x, p, &pa, &pb);
    rel_target(y, q, &qa, &qb);
    if (p->r_offset - rx->er_off != q->r_offset - ry->er_off || p->r_type != q->r_type ||
        p->r_addend != q->r_addend || pa != qa || pb != qb)
      return 0;
  }
  return 1;
}

/* The live CIEs of an output section, in output order, and their hashes (made in parallel). */
typedef struct cie_ref {
  ld_isec *sec;
  uint32_t rec;
  uint64_t hash;
} cie_ref;

static void hash_cie(uint32_t i, void *arg) {
  cie_ref *c = &((cie_ref *)arg)[i];
  c->hash = cie_hash(c->sec, &c->sec->is_eh[c->rec]);
}

static void share_in(ld_osec *os) {
  uint32_t ncie = 0;
  for (uint32_t i = 0; i < os->os_isecs.n; i++) {
    ld_isec *is = os->os_isecs.v[i];
    for (uint32_t j = 0; is->is_eh && j < is->is_neh; j++)
      ncie += is->is_eh[j].er_cie < 0 && is->is_eh[j].er_live;
  }
  if (ncie < 2) return;
  cie_ref *cies = ld_xmalloc(ncie * sizeof *cies);
  uint32_t nc = 0;
  for (uint32_t i = 0; i < os->os_isecs.n; i++) {
    ld_isec *is = os->os_isecs.v[i];
    for (uint32_t j = 0; is->is_eh && j < is->is_neh; j++)
      if (is->is_eh[j].er_cie < 0 && is->is_eh[j].er_live) cies[nc++] = (cie_ref){is, j, 0};
  }
  ld_par_for(nc, hash_cie, cies);
  uint32_t cap = 16;
  while (cap < ncie * 2) cap <<= 1;
  uint32_t *map = ld_xmalloc(cap * sizeof *map); /* index in kept + 1, 0 for none */
  uint64_t *hashes = ld_xmalloc(cap * sizeof *hashes);
  memset(map, 0, cap * sizeof *map);
  for (uint32_t c = 0; c < nc;) {
    ld_isec *is = cies[c].sec;
    int dropped_any = 0;
    for (; c < nc && cies[c].sec == is; c++) {
      uint32_t j = cies[c].rec;
      ld_ehrec *r = &is->is_eh[j];
      uint64_t h = cies[c].hash;
      uint32_t slot = (uint32_t)h & (cap - 1);
      for (; map[slot]; slot = (slot + 1) & (cap - 1)) {
        const kept_cie *k = &P.kept[map[slot] - 1];
        if (hashes[slot] == h && cie_equal(k->k_sec, &k->k_sec->is_eh[k->k_rec], is, r)) break;
      }
      if (map[slot]) {
        r->er_live = 0;
        r->er_cie = -2 - (int32_t)(map[slot] - 1);
        dropped_any = 1;
        continue;
      }
      if (P.nkept == P.kept_cap)
        P.kept =
            ld_xrealloc(P.kept, (P.kept_cap = P.kept_cap ? P.kept_cap * 2 : 64) * sizeof *P.kept);
      P.kept[P.nkept++] = (kept_cie){is, j};
      map[slot] = P.nkept;
      hashes[slot] = h;
    }
    if (dropped_any) record_offsets(is);
  }
  free(cies);
  free(map);
  free(hashes);
}

/* A gap between two input sections (the next one's alignment) would read as a zero terminator
 * to a reader walking the records: the last record before it grows over it instead, its
 * length counting the zero bytes, which read as DW_CFA_nop. */
static void absorb_gaps(ld_osec *os) {
  uint64_t off = 0;
  ld_ehrec *last = NULL;
  ld_isec *last_sec = NULL;
  for (uint32_t i = 0; i < os->os_isecs.n; i++) {
    ld_isec *is = os->os_isecs.v[i];
    uint64_t at = ld_align(off, is->is_align);
    if (at > off && last && at - off < 256) {
      last->er_pad = (uint8_t)(at - off);
      last_sec->is_size += at - off;
    }
    off = at + is->is_size;
    for (uint32_t j = 0; is->is_eh && j < is->is_neh; j++)
      if (is->is_eh[j].er_live) last = is->is_eh[j].er_size > 4 ? &is->is_eh[j] : NULL;
    if (is->is_size) last_sec = is;
    if (!is->is_eh && is->is_size) last = NULL;
  }
}

/* After placement: identical CIEs are shared within each output section, and gaps between
 * sections are absorbed. */
void ld_eh_share_cies(void) {
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    if (!os->os_isecs.n || !((ld_isec *)os->os_isecs.v[0])->is_eh) continue;
    share_in(os);
    absorb_gaps(os);
  }
}

void ld_write_eh_frame(ld_isec *is, uint8_t *out) {
  /* Relocate a private copy of the input, then keep the live records. */
  uint8_t *tmp = ld_xmalloc(is->is_insize ? is->is_insize : 1);
  memcpy(tmp, is->is_data, is->is_insize);
  ld_apply_relocs(is, tmp);
  int be = ctx->be;
  for (uint32_t j = 0; j < is->is_neh; j++) {
    ld_ehrec *r = &is->is_eh[j];
    if (!r->er_live) continue;
    memcpy(out + r->er_out, tmp + r->er_off, r->er_size);
    if (r->er_pad) {
      memset(out + r->er_out + r->er_size, 0, r->er_pad);
      elf_wr32(out + r->er_out, elf_rd32(out + r->er_out, be) + r->er_pad, be);
    }
    if (r->er_cie < 0) continue;
    /* The CIE pointer counts back from this field to the CIE: this section's, or the one of an
     * earlier section that it shares. */
    const ld_ehrec *c = &is->is_eh[r->er_cie];
    uint64_t at = is->is_off + r->er_out + 4, cie = is->is_off + c->er_out;
    if (c->er_cie <= -2) {
      const kept_cie *k = &P.kept[-2 - c->er_cie];
      cie = k->k_sec->is_off + k->k_sec->is_eh[k->k_rec].er_out;
    }
    elf_wr32(out + r->er_out + 4, (uint32_t)(at - cie), be);
  }
  free(tmp);
}

/* ---- .eh_frame_hdr ------------------------------------------------------------------- */

enum {
  PE_absptr = 0x00,
  PE_uleb128 = 0x01,
  PE_udata2 = 0x02,
  PE_udata4 = 0x03,
  PE_udata8 = 0x04,
  PE_sleb128 = 0x09,
  PE_sdata2 = 0x0a,
  PE_sdata4 = 0x0b,
  PE_sdata8 = 0x0c,
  PE_pcrel = 0x10,
  PE_datarel = 0x30,
  PE_omit = 0xff,
};

static uint64_t uleb(const uint8_t **p, const uint8_t *end) {
  uint64_t v = 0;
  int sh = 0;
  while (*p < end) {
    uint8_t b = *(*p)++;
    if (sh < 64) v |= (uint64_t)(b & 0x7f) << sh;
    sh += 7;
    if (!(b & 0x80)) break;
  }
  return v;
}

/* The pointer encoding of FDE addresses in a CIE ('R' augmentation), or absptr. */
static int cie_fde_encoding(const uint8_t *cie, uint32_t size) {
  const uint8_t *p = cie + 8, *end = cie + size;
  if (p >= end) return PE_absptr;
  p++; /* version */
  const char *aug = (const char *)p;
  const uint8_t *z = memchr(p, 0, (size_t)(end - p));
  if (!z) return -1;
  p = z + 1;
  if (aug[0] == 'e' && aug[1] == 'h') p += ctx->is64 ? 8 : 4;
  uleb(&p, end); /* code alignment */
  uleb(&p, end); /* data alignment (sleb, skipped the same way) */
  p++;           /* return register (version 1: one byte) */
  if (aug[0] != 'z') return PE_absptr;
  uleb(&p, end);
  for (const char *a = aug + 1; *a && p < end; a++) {
    if (*a == 'R') return *p;
    if (*a == 'L') p++;
    else if (*a == 'P') {
      uint8_t enc = *p++;
      switch (enc & 0x0f) {
      case PE_udata2:
      case PE_sdata2: p += 2; break;
      case PE_udata4:
      case PE_sdata4: p += 4; break;
      case PE_udata8:
      case PE_sdata8: p += 8; break;
      case PE_absptr: p += ctx->is64 ? 8 : 4; break;
      default: return -1;
      }
    } else if (*a == 'S' || *a == 'B') {
    } else return -1;
  }
  return PE_absptr;
}

static int read_enc(const uint8_t *p, int enc, uint64_t pc, uint64_t *out) {
  int be = ctx->be;
  uint64_t v;
  switch (enc & 0x0f) {
  case PE_absptr: v = ctx->is64 ? elf_rd64(p, be) : elf_rd32(p, be); break;
  case PE_udata4: v = elf_rd32(p, be); break;
  case PE_sdata4: v = (uint64_t)(int64_t)(int32_t)elf_rd32(p, be); break;
  case PE_udata8:
  case PE_sdata8: v = elf_rd64(p, be); break;
  case PE_udata2: v = elf_rd16(p, be); break;
  case PE_sdata2: v = (uint64_t)(int64_t)(int16_t)elf_rd16(p, be); break;
  default: return -1;
  }
  if ((enc & 0x70) == PE_pcrel) v += pc;
  else if ((enc & 0x70) != 0) return -1;
  if (!ctx->is64) v &= 0xffffffffu;
  *out = v;
  return 0;
}

typedef struct fde_ent {
  uint64_t pc, fde;
} fde_ent;

static int cmp_fde(const void *a, const void *b) {
  const fde_ent *x = a, *y = b;
  if (x->pc != y->pc) return x->pc < y->pc ? -1 : 1;
  return x->fde < y->fde ? -1 : x->fde > y->fde;
}

/* By address, then by record: the records were collected in record order, so a stable sort of
 * the addresses is enough. Addresses within 4 GiB of the lowest (always, but for a contrived
 * layout) are sorted by two passes of a 16-bit radix sort. */
static void sort_fdes(fde_ent *e, uint32_t n) {
  uint64_t lo = UINT64_MAX, hi = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (e[i].pc < lo) lo = e[i].pc;
    if (e[i].pc > hi) hi = e[i].pc;
  }
  if (hi - lo > UINT32_MAX) {
    ld_qsort(e, n, sizeof *e, cmp_fde);
    return;
  }
  fde_ent *t = ld_xmalloc((size_t)n * sizeof *t);
  uint32_t *count = ld_xmalloc(65537 * sizeof *count);
  for (int pass = 0; pass < 2; pass++) {
    fde_ent *from = pass ? t : e, *to = pass ? e : t;
    int shift = 16 * pass;
    memset(count, 0, 65537 * sizeof *count);
    for (uint32_t i = 0; i < n; i++) count[(((from[i].pc - lo) >> shift) & 0xffff) + 1]++;
    for (uint32_t d = 0; d < 65536; d++) count[d + 1] += count[d];
    for (uint32_t i = 0; i < n; i++) to[count[((from[i].pc - lo) >> shift) & 0xffff]++] = from[i];
  }
  free(count);
  free(t);
}

void ld_write_eh_frame_hdr(void) {
  ld_osec *eh = ctx->ehframe, *hdr = ctx->ehframehdr;
  uint8_t *h = ctx->buf + hdr->os_offset;
  const uint8_t *e = ctx->buf + eh->os_offset;
  int be = ctx->be;
  fde_ent *ents = ld_xmalloc((P.n_live_fde + 1) * sizeof *ents);
  uint32_t n = 0;
  int ok = 1, last_enc = -1;
  uint64_t off = 0, last_cie = UINT64_MAX;
  while (off + 4 <= eh->os_size) {
    uint32_t len = elf_rd32(e + off, be);
    if (len == 0) {
      off += 4;
      continue;
    } /* terminator */
    if (off + 4 + len > eh->os_size) break;
    uint32_t id = elf_rd32(e + off + 4, be);
    if (id != 0 && len > 4) {
      uint64_t cie = off + 4 - id;
      if (cie != last_cie) { /* FDEs of one CIE mostly follow each other (CIEs are shared) */
        last_cie = cie;
        last_enc = cie < off ? cie_fde_encoding(e + cie, elf_rd32(e + cie, be) + 4) : -1;
      }
      int enc = last_enc;
      uint64_t pc;
      if (enc < 0 || read_enc(e + off + 8, enc, eh->os_addr + off + 8, &pc) < 0) ok = 0;
      else if (n < P.n_live_fde) ents[n].pc = pc, ents[n].fde = eh->os_addr + off, n++;
    }
    off += 4 + (uint64_t)len;
  }
  /* The records mostly come in address order already (input sections in link order). */
  uint32_t sorted = 1;
  while (sorted < n && cmp_fde(&ents[sorted - 1], &ents[sorted]) <= 0) sorted++;
  if (sorted < n) sort_fdes(ents, n);
  h[0] = 1;
  h[1] = PE_pcrel | PE_sdata4;
  h[2] = ok ? PE_udata4 : PE_omit;
  h[3] = ok ? (PE_datarel | PE_sdata4) : PE_omit;
  elf_wr32(h + 4, (uint32_t)(eh->os_addr - (hdr->os_addr + 4)), be);
  elf_wr32(h + 8, ok ? n : 0, be);
  for (uint32_t i = 0; ok && i < n; i++) {
    elf_wr32(h + 12 + 8 * i, (uint32_t)(ents[i].pc - hdr->os_addr), be);
    elf_wr32(h + 16 + 8 * i, (uint32_t)(ents[i].fde - hdr->os_addr), be);
  }
  free(ents);
}
