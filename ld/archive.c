/* Archive reader. The walk over member headers is one pass; names and the symbol index are
 * resolved afterwards, because nothing promises that the long-name table and the index come
 * first, and the index refers to members by the offset of their header.
 *
 * Layout facts relied on (System V / GNU ar, BSD ar, GNU thin archives):
 *  - an 8-byte magic, then 60-byte headers: name[16] date[12] uid[6] gid[6] mode[8] size[10]
 *    fmag[2] = "`\n"; the size field is decimal ASCII padded with spaces;
 *  - member data follow the header and are padded to an even offset ("\n"); the final pad byte
 *    may be missing;
 *  - GNU names end in '/'; "/" is the 32-bit index, "/SYM64/" the 64-bit one, "//" the long-name
 *    table whose entries end in "/\n" (plain "\n" accepted) and are referenced as "/<decimal>";
 *  - BSD names "#1/<len>" put <len> name bytes (NUL padded) in front of the data, counted in
 *    the size field; the BSD index is "__.SYMDEF" (optionally " SORTED", "_64");
 *  - in a thin archive only the index and long-name members carry data; every other header
 *    names a file relative to the archive's directory, and its size field is that file's size;
 *    "/<name>:<origin>" names the member at header offset <origin> of the regular archive <name>.
 * Every index, in every format, locates a member by the offset of its header. */
#include "archive.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../common/elf/bytes.h"
#include "diag.h"
#include "mmap.h"

#define AR_MAGIC "!<arch>\n"
#define AR_THIN_MAGIC "!<thin>\n"
#define AR_MAGIC_LEN 8
#define AR_HDR_LEN 60

enum ar_kind {
  AK_REGULAR,
  AK_GNU_INDEX,   /* "/" */
  AK_GNU_INDEX64, /* "/SYM64/" */
  AK_LONG_NAMES,  /* "//" */
  AK_BSD_INDEX,   /* "__.SYMDEF", "__.SYMDEF SORTED" */
  AK_BSD_INDEX64, /* "__.SYMDEF_64", "__.SYMDEF_64 SORTED" */
};

/* What the walk learns about a regular member before its name can be resolved. */
typedef struct ar_raw {
  const uint8_t *rw_name;     /* the 16-byte header name field */
  const uint8_t *rw_bsd_name; /* for "#1/len": the name bytes in front of the data, else NULL */
  uint64_t rw_bsd_len;
} ar_raw;

/* Walk state shared by the helpers below. */
typedef struct ar_ctx {
  const char *ac_path;
  int ac_thin;
  const uint8_t *ac_long; /* "//" contents, or NULL */
  uint64_t ac_long_size;
  const uint8_t *ac_index; /* first index member found, with its kind */
  uint64_t ac_index_size;
  enum ar_kind ac_index_kind;
  /* Last archive a thin archive's nested-member references pointed into; members of one nested
   * archive are consecutive, so one entry is enough. */
  const char *ac_nested_path;
  ld_archive ac_nested;
} ar_ctx;

int ld_is_archive(const uint8_t *data, uint64_t size) {
  if (!data || size < AR_MAGIC_LEN) return 0;
  return memcmp(data, AR_MAGIC, AR_MAGIC_LEN) == 0 ||
         memcmp(data, AR_THIN_MAGIC, AR_MAGIC_LEN) == 0;
}

/* Decimal field padded with spaces on the right; at least one digit. Returns -1 if malformed. */
static int parse_decimal(const uint8_t *p, size_t len, uint64_t *out) {
  uint64_t v = 0;
  size_t i = 0;
  while (i < len && p[i] >= '0' && p[i] <= '9') v = v * 10 + (uint64_t)(p[i++] - '0');
  if (i == 0) return -1;
  for (; i < len; i++)
    if (p[i] != ' ') return -1;
  *out = v;
  return 0;
}

/* Does the 16-byte name field hold exactly `s` followed by spaces? */
static int name_is(const uint8_t *field, const char *s) {
  size_t n = strlen(s);
  if (memcmp(field, s, n) != 0) return 0;
  for (size_t i = n; i < 16; i++)
    if (field[i] != ' ') return 0;
  return 1;
}

/* Same test for a BSD name, which is NUL padded rather than space padded. */
static int bsd_name_is(const uint8_t *p, uint64_t len, const char *s) {
  size_t n = strlen(s);
  if (len < n || memcmp(p, s, n) != 0) return 0;
  for (uint64_t i = n; i < len; i++)
    if (p[i] != '\0') return 0;
  return 1;
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n);
  if (!p) ld_fatal("out of memory");
  return p;
}

static char *dup_bytes(const uint8_t *p, size_t n) {
  char *s = xrealloc(NULL, n + 1);
  memcpy(s, p, n);
  s[n] = '\0';
  return s;
}

static void *xmalloc_array(uint64_t n, size_t elem) {
  if (n == 0) return NULL;
  if (n > SIZE_MAX / elem) ld_fatal("out of memory");
  return xrealloc(NULL, (size_t)n * elem);
}

/* Resolve a member's name from its header. Returns NULL (after reporting) if malformed.
 * *origin is set for a thin archive's "/<name>:<origin>" reference, which denotes the member
 * whose header is at <origin> inside the archive <name> (GNU ar flattens an archive added to a
 * thin archive this way); otherwise it is UINT64_MAX. */
static char *member_name(const ar_ctx *c, const ar_raw *rw, uint64_t hdr_off, uint64_t *origin) {
  *origin = UINT64_MAX;
  if (rw->rw_bsd_name) {
    uint64_t n = rw->rw_bsd_len;
    while (n > 0 && rw->rw_bsd_name[n - 1] == '\0') n--;
    return dup_bytes(rw->rw_bsd_name, (size_t)n);
  }
  const uint8_t *f = rw->rw_name;
  if (f[0] == '/' && f[1] >= '0' && f[1] <= '9') {
    /* GNU ar writes some references in thin archives with a trailing '/' ("/0   .../"), so
     * the digits may be followed by spaces and slashes. */
    uint64_t off = 0;
    size_t i = 1;
    while (i < 16 && f[i] >= '0' && f[i] <= '9') off = off * 10 + (uint64_t)(f[i++] - '0');
    if (c->ac_thin && i < 15 && f[i] == ':' && f[i + 1] >= '0' && f[i + 1] <= '9') {
      uint64_t o = 0;
      for (i++; i < 16 && f[i] >= '0' && f[i] <= '9'; i++) o = o * 10 + (uint64_t)(f[i] - '0');
      *origin = o;
    }
    while (i < 16 && (f[i] == ' ' || f[i] == '/')) i++;
    if (i != 16) {
      ld_error("%s: member at offset 0x%llx: bad long name reference", c->ac_path,
               (unsigned long long)hdr_off);
      return NULL;
    }
    if (!c->ac_long) {
      ld_error("%s: member at offset 0x%llx: long name reference without a '//' table", c->ac_path,
               (unsigned long long)hdr_off);
      return NULL;
    }
    if (off >= c->ac_long_size) {
      ld_error("%s: member at offset 0x%llx: long name offset %llu is past the name table",
               c->ac_path, (unsigned long long)hdr_off, (unsigned long long)off);
      return NULL;
    }
    const uint8_t *s = c->ac_long + off;
    const uint8_t *nl = memchr(s, '\n', (size_t)(c->ac_long_size - off));
    if (!nl) {
      ld_error("%s: member at offset 0x%llx: unterminated long name", c->ac_path,
               (unsigned long long)hdr_off);
      return NULL;
    }
    size_t n = (size_t)(nl - s);
    if (n > 0 && s[n - 1] == '/') n--;
    if (n == 0 || memchr(s, '\0', n)) {
      ld_error("%s: member at offset 0x%llx: bad long name", c->ac_path,
               (unsigned long long)hdr_off);
      return NULL;
    }
    return dup_bytes(s, n);
  }
  /* Short name: GNU terminates it with '/', BSD pads it with spaces. */
  size_t n = 16;
  while (n > 0 && f[n - 1] == ' ') n--;
  if (n > 0 && f[n - 1] == '/') n--;
  return dup_bytes(f, n);
}

static int64_t find_member(const ld_archive *ar, uint64_t off);

/* Thin archive member: the name is a path relative to the archive's directory, naming either
 * the member file itself or, with an origin, a regular archive holding it. */
static int map_thin_member(ar_ctx *c, ld_ar_member *m, uint64_t origin) {
  const char *name = m->am_name;
  char *path;
  const char *slash = strrchr(c->ac_path, '/');
  if (name[0] == '/' || !slash) {
    path = (char *)name;
  } else {
    size_t dl = (size_t)(slash - c->ac_path) + 1, nl = strlen(name);
    path = xrealloc(NULL, dl + nl + 1);
    memcpy(path, c->ac_path, dl);
    memcpy(path + dl, name, nl + 1);
  }
  if (origin != UINT64_MAX) {
    if (!c->ac_nested_path || strcmp(c->ac_nested_path, path) != 0) {
      ld_mapped *nf = ld_map_file(path);
      if (!nf) {
        ld_error("%s: thin archive member '%s': cannot open %s: %s", c->ac_path, name, path,
                 ld_map_strerror(errno));
        return -1;
      }
      /* Only a regular archive may be nested: GNU ar never nests thin ones, and refusing them
       * keeps a self-referencing archive from recursing. */
      if (!nf->mf_data || nf->mf_size < AR_MAGIC_LEN ||
          memcmp(nf->mf_data, AR_MAGIC, AR_MAGIC_LEN) != 0) {
        ld_error("%s: thin archive member '%s': %s is not a regular archive", c->ac_path, name,
                 path);
        return -1;
      }
      if (ld_archive_parse(path, nf->mf_data, nf->mf_size, &c->ac_nested) < 0) return -1;
      c->ac_nested_path = path;
    }
    int64_t k = find_member(&c->ac_nested, origin);
    if (k < 0) {
      ld_error("%s: member at offset 0x%llx: no member of %s at offset 0x%llx", c->ac_path,
               (unsigned long long)m->am_offset, path, (unsigned long long)origin);
      return -1;
    }
    const ld_ar_member *n = &c->ac_nested.ar_members[k];
    m->am_name = n->am_name;
    m->am_data = n->am_data;
    m->am_size = n->am_size;
    return 0;
  }
  ld_mapped *mf = ld_map_file(path);
  if (!mf) {
    ld_error("%s: thin archive member '%s': cannot open %s: %s", c->ac_path, name, path,
             ld_map_strerror(errno));
    return -1;
  }
  static const uint8_t empty[1];
  m->am_data = mf->mf_data ? mf->mf_data : empty;
  m->am_size = mf->mf_size;
  return 0;
}

/* Index of the regular member whose header is at `off`, or -1. Members are in ascending offset
 * order because the walk visits them front to back. */
static int64_t find_member(const ld_archive *ar, uint64_t off) {
  uint32_t lo = 0, hi = ar->ar_nmembers;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    uint64_t o = ar->ar_members[mid].am_offset;
    if (o == off) return mid;
    if (o < off) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

static int bad_index(const ar_ctx *c, const char *what) {
  ld_error("%s: symbol index: %s", c->ac_path, what);
  return -1;
}

/* Bind one index entry to its member; `name` must already be known NUL-terminated. */
static int add_sym(const ar_ctx *c, ld_archive *ar, uint32_t i, const uint8_t *name, uint64_t off) {
  int64_t m = find_member(ar, off);
  if (m < 0) {
    ld_error("%s: symbol index entry %u ('%s') refers to offset 0x%llx, which is not a member",
             c->ac_path, (unsigned)i, (const char *)name, (unsigned long long)off);
    return -1;
  }
  ar->ar_syms[i].as_name = (const char *)name;
  ar->ar_syms[i].as_member = (uint32_t)m;
  return 0;
}

/* GNU index: big-endian count, count offsets, then count NUL-terminated names in order. */
static int parse_gnu_index(const ar_ctx *c, ld_archive *ar, int is64) {
  const uint8_t *p = c->ac_index;
  uint64_t size = c->ac_index_size, w = is64 ? 8 : 4;
  if (size < w) return bad_index(c, "truncated");
  uint64_t n = is64 ? elf_rd64(p, 1) : elf_rd32(p, 1);
  if (n > (size - w) / w) return bad_index(c, "count exceeds its size");
  if (n > UINT32_MAX) return bad_index(c, "too many symbols");
  const uint8_t *offs = p + w, *s = p + w + n * w, *end = p + size;
  ar->ar_syms = xmalloc_array(n, sizeof *ar->ar_syms);
  ar->ar_nsyms = (uint32_t)n;
  for (uint64_t i = 0; i < n; i++) {
    const uint8_t *z = memchr(s, '\0', (size_t)(end - s));
    if (!z) return bad_index(c, "name table truncated");
    uint64_t off = is64 ? elf_rd64(offs + i * w, 1) : elf_rd32(offs + i * w, 1);
    if (add_sym(c, ar, (uint32_t)i, s, off) < 0) return -1;
    s = z + 1;
  }
  return 0;
}

/* BSD index: byte count of the ranlib array, {name offset, header offset} pairs, byte count of
 * the name table, names. Fields are in the target's byte order, which the archive does not
 * record; the order that makes the sizes consistent is taken, little-endian first. */
static int parse_bsd_index_order(const ar_ctx *c, ld_archive *ar, int is64, int be, int report) {
  const uint8_t *p = c->ac_index;
  uint64_t size = c->ac_index_size, w = is64 ? 8 : 4;
  if (size < w) return report ? bad_index(c, "truncated") : -1;
  uint64_t rsize = elf_rdw(p, is64, be);
  if (rsize > size - w || rsize % (2 * w) != 0 || size - w - rsize < w)
    return report ? bad_index(c, "ranlib size exceeds its size") : -1;
  const uint8_t *ents = p + w, *st = ents + rsize;
  uint64_t ssize = elf_rdw(st, is64, be);
  if (ssize > size - w - rsize - w)
    return report ? bad_index(c, "string table size exceeds its size") : -1;
  const uint8_t *strs = st + w;
  uint64_t n = rsize / (2 * w);
  if (n > UINT32_MAX) return report ? bad_index(c, "too many symbols") : -1;
  /* Validate every name before committing to this byte order. */
  for (uint64_t i = 0; i < n; i++) {
    uint64_t sx = elf_rdw(ents + i * 2 * w, is64, be);
    if (sx >= ssize || !memchr(strs + sx, '\0', (size_t)(ssize - sx)))
      return report ? bad_index(c, "name offset out of range") : -1;
  }
  if (!report && n > 0) {
    /* A byte order that puts any entry off a member header is the wrong one. */
    for (uint64_t i = 0; i < n; i++)
      if (find_member(ar, elf_rdw(ents + i * 2 * w + w, is64, be)) < 0) return -1;
  }
  ar->ar_syms = xmalloc_array(n, sizeof *ar->ar_syms);
  ar->ar_nsyms = (uint32_t)n;
  for (uint64_t i = 0; i < n; i++) {
    uint64_t sx = elf_rdw(ents + i * 2 * w, is64, be);
    uint64_t off = elf_rdw(ents + i * 2 * w + w, is64, be);
    if (add_sym(c, ar, (uint32_t)i, strs + sx, off) < 0) return -1;
  }
  return 0;
}

static int parse_bsd_index(const ar_ctx *c, ld_archive *ar, int is64) {
  if (parse_bsd_index_order(c, ar, is64, 0, 0) == 0) return 0;
  if (parse_bsd_index_order(c, ar, is64, 1, 0) == 0) return 0;
  /* Neither order fits: report in little-endian terms. */
  return parse_bsd_index_order(c, ar, is64, 0, 1);
}

/* One member header at `off`, which the caller has checked has room for it: its kind, where its
 * data start and their size, and its name fields. In a thin archive a regular member's bytes
 * live in another file, so their size is not checked against this one. Returns -1 after
 * reporting. */
typedef struct ar_hdr {
  enum ar_kind kind;
  uint64_t doff, msize;
  ar_raw rw;
} ar_hdr;

static int read_header(const char *path, const uint8_t *data, uint64_t size, uint64_t off, int thin,
                       ar_hdr *hd) {
  const uint8_t *h = data + off;
  uint64_t msize;
  if (h[58] != '`' || h[59] != '\n' || parse_decimal(h + 48, 10, &msize) < 0) {
    ld_error("%s: member at offset 0x%llx: bad header", path, (unsigned long long)off);
    return -1;
  }
  uint64_t doff = off + AR_HDR_LEN;
  enum ar_kind kind = AK_REGULAR;
  *hd = (ar_hdr){.rw = {.rw_name = h}};
  if (name_is(h, "/")) kind = AK_GNU_INDEX;
  else if (name_is(h, "/SYM64/")) kind = AK_GNU_INDEX64;
  else if (name_is(h, "//")) kind = AK_LONG_NAMES;
  else if (memcmp(h, "#1/", 3) == 0) {
    uint64_t bsd_len;
    if (parse_decimal(h + 3, 13, &bsd_len) < 0 || bsd_len > msize || bsd_len > size - doff) {
      ld_error("%s: member at offset 0x%llx: bad BSD name length", path, (unsigned long long)off);
      return -1;
    }
    const uint8_t *bsd_name = data + doff;
    hd->rw.rw_bsd_name = bsd_name;
    hd->rw.rw_bsd_len = bsd_len;
    doff += bsd_len;
    msize -= bsd_len;
    if (bsd_name_is(bsd_name, bsd_len, "__.SYMDEF") ||
        bsd_name_is(bsd_name, bsd_len, "__.SYMDEF SORTED"))
      kind = AK_BSD_INDEX;
    else if (bsd_name_is(bsd_name, bsd_len, "__.SYMDEF_64") ||
             bsd_name_is(bsd_name, bsd_len, "__.SYMDEF_64 SORTED"))
      kind = AK_BSD_INDEX64;
  } else if (name_is(h, "__.SYMDEF") || name_is(h, "__.SYMDEF SORTED")) {
    kind = AK_BSD_INDEX;
  } else if (name_is(h, "__.SYMDEF_64") || name_is(h, "__.SYMDEF_64 SORTED")) {
    kind = AK_BSD_INDEX64;
  }
  if ((!thin || kind != AK_REGULAR) && msize > size - doff) {
    ld_error("%s: member at offset 0x%llx: size %llu extends past the end of the archive", path,
             (unsigned long long)off, (unsigned long long)msize);
    return -1;
  }
  hd->kind = kind;
  hd->doff = doff;
  hd->msize = msize;
  return 0;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* An indexed archive read lazily: its members are the distinct offsets the GNU index names
 * (those that leave room for a header; add_sym reports the others). */
static void members_from_index(const ar_ctx *c, uint64_t size, ld_archive *out) {
  int is64 = c->ac_index_kind == AK_GNU_INDEX64;
  uint64_t w = is64 ? 8 : 4, isz = c->ac_index_size;
  if (isz < w) return;
  uint64_t n = is64 ? elf_rd64(c->ac_index, 1) : elf_rd32(c->ac_index, 1);
  if (n > (isz - w) / w || n > UINT32_MAX) return; /* parse_gnu_index reports it */
  uint64_t *offs = xmalloc_array(n + 1, sizeof *offs), k = 0;
  for (uint64_t i = 0; i < n; i++) {
    uint64_t off =
        is64 ? elf_rd64(c->ac_index + w + i * w, 1) : elf_rd32(c->ac_index + w + i * w, 1);
    if (off >= AR_MAGIC_LEN && off <= size && size - off >= AR_HDR_LEN) offs[k++] = off;
  }
  if (k > 1) qsort(offs, (size_t)k, sizeof *offs, cmp_u64);
  ld_ar_member *mem = xmalloc_array(k + 1, sizeof *mem);
  uint32_t nmem = 0;
  for (uint64_t i = 0; i < k; i++)
    if (i == 0 || offs[i] != offs[i - 1]) mem[nmem++] = (ld_ar_member){.am_offset = offs[i]};
  free(offs);
  out->ar_members = mem;
  out->ar_nmembers = nmem;
}

int ld_archive_member(ld_archive *ar, uint32_t m) {
  ld_ar_member *am = &ar->ar_members[m];
  if (am->am_name) return 0;
  ar_hdr hd;
  if (read_header(ar->ar_path, ar->ar_data, ar->ar_size, am->am_offset, 0, &hd) < 0) return -1;
  if (hd.kind != AK_REGULAR) {
    ld_error("%s: symbol index names offset 0x%llx, which is not a regular member", ar->ar_path,
             (unsigned long long)am->am_offset);
    return -1;
  }
  ar_ctx c = {.ac_path = ar->ar_path, .ac_long = ar->ar_long, .ac_long_size = ar->ar_long_size};
  uint64_t origin;
  char *name = member_name(&c, &hd.rw, am->am_offset, &origin);
  if (!name) return -1;
  am->am_data = ar->ar_data + hd.doff;
  am->am_size = hd.msize;
  am->am_name = name;
  return 0;
}

static int parse_archive(const char *path, const uint8_t *data, uint64_t size, ld_archive *out,
                         int indexed);

int ld_archive_parse(const char *path, const uint8_t *data, uint64_t size, ld_archive *out) {
  return parse_archive(path, data, size, out, 0);
}

int ld_archive_parse_indexed(const char *path, const uint8_t *data, uint64_t size,
                             ld_archive *out) {
  return parse_archive(path, data, size, out, 1);
}

static int parse_archive(const char *path, const uint8_t *data, uint64_t size, ld_archive *out,
                         int indexed) {
  memset(out, 0, sizeof *out);
  out->ar_path = path;
  out->ar_data = data;
  out->ar_size = size;
  if (!ld_is_archive(data, size)) {
    ld_error("%s: not an archive", path);
    return -1;
  }
  ar_ctx c = {.ac_path = path};
  c.ac_thin = memcmp(data, AR_THIN_MAGIC, AR_MAGIC_LEN) == 0;
  out->ar_thin = c.ac_thin;

  ld_ar_member *mem = NULL;
  ar_raw *raw = NULL;
  uint32_t nmem = 0, cap = 0;
  int stopped = 0;

  uint64_t off = AR_MAGIC_LEN;
  while (off < size) {
    /* A lone pad byte after the last member's data is not a truncated header. */
    if (size - off == 1 && data[off] == '\n') break;
    if (size - off < AR_HDR_LEN) {
      ld_error("%s: member at offset 0x%llx: truncated header", path, (unsigned long long)off);
      return -1;
    }
    ar_hdr hd;
    if (read_header(path, data, size, off, c.ac_thin, &hd) < 0) return -1;
    enum ar_kind kind = hd.kind;
    uint64_t doff = hd.doff, msize = hd.msize;
    int has_data = !c.ac_thin || kind != AK_REGULAR;

    /* Indexed, with a GNU index (and any long-name table) read: the members are known from
     * the index; their headers are read when wanted. */
    if (kind == AK_REGULAR && indexed && !c.ac_thin && c.ac_index &&
        (c.ac_index_kind == AK_GNU_INDEX || c.ac_index_kind == AK_GNU_INDEX64) &&
        c.ac_index_size >= 8 &&
        (c.ac_index_kind == AK_GNU_INDEX64 ? elf_rd64(c.ac_index, 1) : elf_rd32(c.ac_index, 1))) {
      stopped = 1;
      break;
    }
    switch (kind) {
    case AK_REGULAR:
      if (nmem == cap) {
        if (cap >= UINT32_MAX / 2) {
          ld_error("%s: too many members", path);
          return -1;
        }
        cap = cap ? cap * 2 : 64;
        mem = xrealloc(mem, (size_t)cap * sizeof *mem);
        raw = xrealloc(raw, (size_t)cap * sizeof *raw);
      }
      mem[nmem] = (ld_ar_member){.am_data = data + doff, .am_size = msize, .am_offset = off};
      raw[nmem] = hd.rw;
      nmem++;
      break;
    case AK_LONG_NAMES:
      if (!c.ac_long) {
        c.ac_long = data + doff;
        c.ac_long_size = msize;
      }
      break;
    default:
      /* Only the first index counts; a later one would be a stale leftover. */
      if (!c.ac_index) {
        c.ac_index = data + doff;
        c.ac_index_size = msize;
        c.ac_index_kind = kind;
      }
      break;
    }

    uint64_t next = has_data ? doff + msize : doff;
    off = next + (next & 1);
  }

  out->ar_long = c.ac_long;
  out->ar_long_size = c.ac_long_size;
  if (stopped) members_from_index(&c, size, out);
  else out->ar_members = mem, out->ar_nmembers = nmem;
  for (uint32_t i = 0; i < nmem; i++) {
    uint64_t origin;
    char *name = member_name(&c, &raw[i], mem[i].am_offset, &origin);
    if (!name) return -1;
    mem[i].am_name = name;
    if (c.ac_thin && map_thin_member(&c, &mem[i], origin) < 0) return -1;
  }
  free(raw);

  if (!c.ac_index) return 0;
  switch (c.ac_index_kind) {
  case AK_GNU_INDEX: return parse_gnu_index(&c, out, 0);
  case AK_GNU_INDEX64: return parse_gnu_index(&c, out, 1);
  case AK_BSD_INDEX: return parse_bsd_index(&c, out, 0);
  case AK_BSD_INDEX64: return parse_bsd_index(&c, out, 1);
  default: return 0;
  }
}
