/* -z pack-relative-relocs: relative relocations of aligned words go to .relr.dyn (DT_RELR)
 * instead of .rela.dyn. A RELR table is a list of words: an even word is the address of a word
 * to relocate (the next word, if any, follows it); an odd word is a bitmap of the 63 (31 on a
 * 32-bit target) words after the last ones described, bit 1 + k meaning the k-th of them. The
 * addend stays in the relocated word itself (the loader adds the load base to it), so a RELA
 * target writes S + A in place as a REL target does.
 *
 * Which relocations: the scan (ld/reloc.c) asks ld_relr_ok for every relative relocation it
 * would count, and records the offsets of those it takes; the GOT's relative slots are taken
 * whole. The table's size is fixed once the input sections' offsets in their output sections
 * are known (before addresses): the words are encoded per output section, from its start, which
 * is aligned to at least a word, so the addresses change nothing but the address entries. When
 * the output is written the same encoding is made with the final addresses.
 *
 * As GNU ld does, an output that uses DT_RELR and needs glibc's GLIBC_2.* versions also needs
 * GLIBC_ABI_DT_RELR, so that a glibc that cannot read the table refuses to load it. */
#include <stdlib.h>
#include <string.h>

#include "ld.h"

int ld_relr_on(void) {
  return ctx->opt.pack_relr && ctx->tg->tg_relr &&
         (ctx->opt.outkind == OUT_PIE || ctx->opt.outkind == OUT_SHARED);
}

/* Does the relative relocation at `r` of `is` go to .relr.dyn? An aligned word of a section that
 * keeps its offsets (not .eh_frame, whose records move). */
int ld_relr_ok(const ld_isec *is, const ld_rel *r) {
  uint64_t w = ctx->is64 ? 8 : 4;
  return ld_relr_on() && is->is_align >= w && r->r_offset % w == 0 && !is->is_eh;
}

/* The scan's record of one: offsets grow in the section's relocation order (sorted). */
void ld_relr_note(ld_isec *is, uint64_t off) {
  uint32_t n = is->is_nrelr; /* capacity: 8, then doubled whenever n reaches a power of two */
  if (n == 0) is->is_relr = ld_xmalloc(8 * sizeof *is->is_relr);
  else if (n >= 8 && (n & (n - 1)) == 0)
    is->is_relr = ld_xrealloc(is->is_relr, 2 * (size_t)n * sizeof *is->is_relr);
  is->is_relr[is->is_nrelr++] = (uint32_t)off;
}

void ld_relr_got_slot(int32_t idx) { ld_vec_push(&ctx->relr_got_slots, (void *)(uintptr_t)idx); }

/* Encode the ascending word addresses `a` (base added to each) into `out` (NULL: count only);
 * returns the number of words. */
static uint64_t encode(const uint64_t *a, uint64_t n, uint64_t base, uint8_t *out) {
  uint64_t w = ctx->is64 ? 8 : 4, nbits = w * 8 - 1, words = 0;
  for (uint64_t i = 0; i < n;) {
    if (out) elf_wrw(out + words * w, base + a[i], ctx->is64, ctx->be);
    words++;
    uint64_t where = a[i++] + w;
    for (;;) {
      uint64_t bits = 0;
      while (i < n && a[i] >= where && a[i] - where < nbits * w) {
        bits |= (uint64_t)1 << ((a[i] - where) / w);
        i++;
      }
      if (!bits) break;
      if (out) elf_wrw(out + words * w, bits << 1 | 1, ctx->is64, ctx->be);
      words++;
      where += nbits * w;
    }
  }
  return words;
}

static int cmp_off(const void *a, const void *b) {
  const ld_isec *x = *(ld_isec *const *)a, *y = *(ld_isec *const *)b;
  return x->is_off < y->is_off ? -1 : x->is_off > y->is_off;
}

/* The offsets in `os` of its words to relocate, ascending. */
static uint64_t *collect(const ld_osec *os, uint64_t *n) {
  uint64_t w = ctx->is64 ? 8 : 4, cnt = 0;
  if (os == ctx->got) cnt = ctx->relr_got_slots.n;
  ld_vec secs = {0};
  for (uint32_t k = 0; k < os->os_isecs.n; k++) {
    ld_isec *is = os->os_isecs.v[k];
    if (is->is_nrelr && is->is_live) ld_vec_push(&secs, is), cnt += is->is_nrelr;
  }
  ld_qsort(secs.v, secs.n, sizeof(void *), cmp_off);
  uint64_t *a = ld_xmalloc((cnt ? cnt : 1) * sizeof *a), m = 0;
  if (os == ctx->got)
    for (uint32_t k = 0; k < ctx->relr_got_slots.n; k++)
      a[m++] = (uint64_t)(uintptr_t)ctx->relr_got_slots.v[k] * w;
  for (uint32_t k = 0; k < secs.n; k++) {
    const ld_isec *is = secs.v[k];
    for (uint32_t j = 0; j < is->is_nrelr; j++) a[m++] = is->is_off + is->is_relr[j];
  }
  free(secs.v);
  *n = m;
  return a;
}

static int has_words(const ld_osec *os) {
  if (os == ctx->got && ctx->relr_got_slots.n) return 1;
  for (uint32_t k = 0; k < os->os_isecs.n; k++)
    if (((ld_isec *)os->os_isecs.v[k])->is_nrelr) return 1;
  return 0;
}

/* Pass 10: .relr.dyn exists when any word goes there (its size comes with the layout). */
void ld_relr_create(void) {
  if (ctx->opt.pack_relr && !ctx->tg->tg_relr)
    ld_warn("-z pack-relative-relocs ignored: no DT_RELR for %s", ctx->tg->tg_name);
  if (!ld_relr_on()) return;
  int any = ctx->relr_got_slots.n != 0;
  for (uint32_t i = 0; i < ctx->rel_secs.n && !any; i++)
    any = ((ld_isec *)ctx->rel_secs.v[i])->is_nrelr != 0;
  if (!any) return;
  uint32_t w = ctx->is64 ? 8 : 4;
  ctx->relrdyn = ld_new_osec(".relr.dyn", SHT_RELR, SHF_ALLOC, w, SY_RELR);
  ctx->relrdyn->os_entsize = w;
}

/* Layout, once input sections have their offsets in their output sections: the table's size. */
void ld_relr_size(void) {
  if (!ctx->relrdyn) return;
  uint64_t words = 0;
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    if (!has_words(os)) continue;
    uint64_t n, *a = collect(os, &n);
    words += encode(a, n, 0, NULL);
    free(a);
  }
  ctx->relrdyn->os_size = words * (ctx->is64 ? 8 : 4);
}

static int cmp_addr(const void *a, const void *b) {
  const ld_osec *x = *(ld_osec *const *)a, *y = *(ld_osec *const *)b;
  return x->os_addr < y->os_addr ? -1 : x->os_addr > y->os_addr;
}

/* Writing: the table, with final addresses, output sections in address order. */
void ld_relr_fill(void) {
  if (!ctx->relrdyn) return;
  uint64_t w = ctx->is64 ? 8 : 4, cap = ctx->relrdyn->os_size / w, words = 0;
  uint8_t *out = ctx->buf + ctx->relrdyn->os_offset;
  ld_osec **list = ld_xmalloc((ctx->osecs.n + 1) * sizeof *list);
  uint32_t nl = 0;
  for (uint32_t i = 0; i < ctx->osecs.n; i++)
    if (has_words(ctx->osecs.v[i])) list[nl++] = ctx->osecs.v[i];
  ld_qsort(list, nl, sizeof *list, cmp_addr);
  for (uint32_t i = 0; i < nl; i++) {
    uint64_t n, *a = collect(list[i], &n);
    uint64_t need = encode(a, n, 0, NULL);
    if (words + need > cap)
      ld_fatal("internal: .relr.dyn needs %llu words, %llu were laid out",
               (unsigned long long)(words + need), (unsigned long long)cap);
    words += encode(a, n, list[i]->os_addr, out + words * w);
    free(a);
  }
  /* A linker script that moved sections apart within an output section may leave room: empty
   * bitmaps relocate nothing. */
  for (; words < cap; words++) elf_wrw(out + words * w, 1, ctx->is64, ctx->be);
  free(list);
}
