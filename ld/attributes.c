/* GNU object attributes (.gnu.attributes, SHT_GNU_ATTRIBUTES): the inputs' sections are merged
 * into one, as GNU ld merges them, rather than concatenated (which gives a section no tool can
 * read). The format: the version byte 'A', then vendor subsections, each a 4-byte length (its
 * own included), the vendor's NUL-terminated name and scoped groups; a group is a ULEB128 scope
 * tag (1: the whole file), a 4-byte length, then attributes, each a ULEB128 tag and a value: a
 * ULEB128 number for an even tag, a NUL-terminated string for an odd one (Tag_compatibility,
 * 32, has both).
 *
 * File attributes of the "gnu" vendor are merged: those the target names (tg_attr_union_tags:
 * SPARC's hardware capability masks, Tag_GNU_Sparc_HWCAPS 4 and Tag_GNU_Sparc_HWCAPS2 8) are the
 * union of the inputs', as the output needs every capability any part of it uses; any other
 * attribute keeps the first value seen, and
 * a different value later is reported. Attributes of other vendors, and those of single sections
 * or symbols, are not kept (GNU ld keeps only what it knows how to merge). */
#include <stdlib.h>
#include <string.h>

#include "ld.h"

#define NATTR 64

typedef struct attr {
  uint64_t tag, num;
  const char *str; /* odd tags (and Tag_compatibility's string); NULL otherwise */
  const char *from;
} attr;

static int uleb(const uint8_t *p, const uint8_t *end, uint64_t *v) {
  uint64_t r = 0;
  int shift = 0, n = 0;
  while (p + n < end && shift < 64) {
    uint8_t b = p[n++];
    r |= (uint64_t)(b & 0x7f) << shift;
    shift += 7;
    if (!(b & 0x80)) {
      *v = r;
      return n;
    }
  }
  return -1;
}

static uint32_t put_uleb(uint8_t *p, uint64_t v) {
  uint32_t n = 0;
  do {
    uint8_t b = v & 0x7f;
    v >>= 7;
    p[n++] = b | (v ? 0x80 : 0);
  } while (v);
  return n;
}

static int merge_one(attr *a, uint32_t *na, const ld_isec *is, uint64_t tag, uint64_t num,
                     const char *str) {
  int as_union = tag < 64 && (ctx->tg->tg_attr_union_tags >> tag & 1);
  for (uint32_t i = 0; i < *na; i++) {
    if (a[i].tag != tag) continue;
    if (as_union) a[i].num |= num;
    else if (a[i].num != num || (a[i].str && str && strcmp(a[i].str, str)))
      ld_warn("%s: GNU attribute %llu differs from %s's; the first is kept", is->is_file->o_name,
              (unsigned long long)tag, a[i].from);
    return 0;
  }
  if (*na == NATTR) return -1;
  a[*na] = (attr){tag, num, str, is->is_file->o_name};
  ++*na;
  return 0;
}

/* Read one section's "gnu" file attributes into `a`. Returns -1 (reported) when malformed. */
static int read_section(attr *a, uint32_t *na, const ld_isec *is) {
  const uint8_t *p = is->is_data, *end = p + is->is_insize;
  int be = is->is_file->o_be;
  if (p == end) return 0;
  if (*p++ != 'A') goto bad;
  while (p < end) {
    if (end - p < 5) goto bad;
    uint32_t len = elf_rd32(p, be);
    if (len < 5 || len > (uint64_t)(end - p)) goto bad;
    const uint8_t *sub_end = p + len;
    const char *vendor = (const char *)p + 4;
    const uint8_t *q = memchr(vendor, 0, (size_t)(sub_end - (const uint8_t *)vendor));
    if (!q) goto bad;
    q++;
    int gnu = !strcmp(vendor, "gnu");
    while (gnu && q < sub_end) {
      uint64_t scope;
      int n = uleb(q, sub_end, &scope);
      if (n < 0 || sub_end - q < n + 4) goto bad;
      uint32_t glen = elf_rd32(q + n, be);
      if (glen < (uint32_t)n + 4 || glen > (uint64_t)(sub_end - q)) goto bad;
      const uint8_t *g = q + n + 4, *gend = q + glen;
      q = gend;
      if (scope != 1) continue; /* section and symbol attributes are not kept */
      while (g < gend) {
        uint64_t tag, num = 0;
        const char *str = NULL;
        if ((n = uleb(g, gend, &tag)) < 0) goto bad;
        g += n;
        if (!(tag & 1) || tag == 32) {
          if ((n = uleb(g, gend, &num)) < 0) goto bad;
          g += n;
        }
        if ((tag & 1) || tag == 32) {
          const uint8_t *z = memchr(g, 0, (size_t)(gend - g));
          if (!z) goto bad;
          str = (const char *)g;
          g = z + 1;
        }
        if (merge_one(a, na, is, tag, num, str) < 0) goto bad;
      }
    }
    p = sub_end;
  }
  return 0;
bad:
  ld_error("%s: malformed section %s", is->is_file->o_name, is->is_name);
  return -1;
}

static int cmp_tag(const void *x, const void *y) {
  const attr *a = x, *b = y;
  return a->tag < b->tag ? -1 : a->tag > b->tag;
}

void ld_merge_gnu_attributes(void) {
  ld_isec *first = NULL;
  attr a[NATTR];
  uint32_t na = 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; o->o_gnu_attrs && k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live || is->is_type != SHT_GNU_ATTRIBUTES) continue;
      if (read_section(a, &na, is) < 0) return;
      if (first) is->is_live = 0;
      else first = is;
    }
  }
  if (!first) return;
  if (!na) { /* nothing of the gnu vendor's to keep */
    first->is_live = 0;
    return;
  }
  qsort(a, na, sizeof a[0], cmp_tag);
  /* 'A', then one "gnu" subsection holding one file group. */
  uint64_t body = 0;
  for (uint32_t i = 0; i < na; i++)
    body +=
        10 + ((!(a[i].tag & 1) || a[i].tag == 32) ? 10 : 0) + (a[i].str ? strlen(a[i].str) + 1 : 0);
  uint8_t *buf = ld_zalloc(1, 1 + 4 + 4 + 1 + 4 + body);
  uint32_t n = 0;
  buf[n++] = 'A';
  uint32_t sub = n;
  n += 4;
  memcpy(buf + n, "gnu", 4);
  n += 4;
  uint32_t grp = n;
  buf[n++] = 1;
  n += 4;
  for (uint32_t i = 0; i < na; i++) {
    n += put_uleb(buf + n, a[i].tag);
    if (!(a[i].tag & 1) || a[i].tag == 32) n += put_uleb(buf + n, a[i].num);
    if (a[i].str) {
      size_t l = strlen(a[i].str) + 1;
      memcpy(buf + n, a[i].str, l);
      n += (uint32_t)l;
    }
  }
  int be = ctx->be;
  elf_wr32(buf + sub, n - sub, be);
  elf_wr32(buf + grp + 1, n - grp, be);
  first->is_data = buf;
  first->is_size = first->is_insize = n;
}
