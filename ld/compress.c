/* Compressed sections (gABI SHF_COMPRESSED, zlib or zstd; and the older GNU ".zdebug" form).
 *
 * Inputs: a compressed section is inflated once, before anything reads its bytes (relocation
 * addends on REL targets, merged .debug_str), in parallel by object, into the arena; from then on
 * it is an ordinary section of its uncompressed size and alignment.
 *
 * Outputs (--compress-debug-sections=zlib|zstd): after layout, each non-allocated .debug_*
 * output section is assembled in the writer's pieces (about 1 MiB each: input sections copied
 * and relocated in a buffer of the thread), compressed in parallel. zlib: every piece is a raw
 * deflate stream ended by a sync flush (the last one finished), so the pieces concatenate into
 * one stream; a zlib header goes in front and the Adler-32 of the whole, combined from the
 * pieces' checksums, behind. zstd: a frame is fed the writer's pieces of up to 16 MiB one after
 * the other, keeping their history; frames concatenate. The section gets an Elf_Chdr,
 * SHF_COMPRESSED and the compressed size, and the non-allocated sections after it move up. A
 * section that would not shrink stays as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "ld.h"

/* ---- inputs ------------------------------------------------------------------------------ */

static int inflate_zlib(const uint8_t *src, uint64_t n, uint8_t *dst, uint64_t size) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit(&z) != Z_OK) return -1;
  int rc = Z_OK;
  uint64_t in = 0, out = 0;
  while (rc == Z_OK) {
    /* zlib counts in uInt: feed it at most 1 GiB at a time. */
    uint64_t ci = n - in > (1u << 30) ? (1u << 30) : n - in;
    uint64_t co = size - out > (1u << 30) ? (1u << 30) : size - out;
    z.next_in = (Bytef *)(uintptr_t)(src + in);
    z.avail_in = (uInt)ci;
    z.next_out = dst + out;
    z.avail_out = (uInt)co;
    rc = inflate(&z, Z_NO_FLUSH);
    in += ci - z.avail_in;
    out += co - z.avail_out;
    if (rc == Z_OK && ci == z.avail_in && co == z.avail_out) rc = Z_BUF_ERROR; /* no progress */
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END && out == size ? 0 : -1;
}

/* Inflate `is` in place of its compressed bytes. */
static void decompress(ld_isec *is) {
  ld_obj *o = is->is_file;
  const uint8_t *d = is->is_data;
  uint64_t n = is->is_insize, size, align = is->is_align;
  uint32_t type;
  const uint8_t *src;
  if (!(is->is_flags & SHF_COMPRESSED)) {       /* .zdebug_*: "ZLIB", then the size big-endian */
    if (n < 12 || memcmp(d, "ZLIB", 4)) return; /* not compressed after all: leave it */
    size = elf_rd64(d + 4, 1);
    type = ELFCOMPRESS_ZLIB;
    src = d + 12;
    is->is_name = ld_sprintf(".%s", is->is_name + 2);
  } else {
    uint64_t hsz = o->o_is64 ? ELF64_CHDR_SIZE : ELF32_CHDR_SIZE;
    if (is->is_flags & SHF_ALLOC) { /* the gABI forbids it: the loader would map the stream */
      ld_error("%s: section %s is allocated and compressed (SHF_ALLOC with SHF_COMPRESSED)",
               ld_sec_loc(is, 0), is->is_name);
      return;
    }
    if (n < hsz) {
      ld_error("%s: compressed section is shorter than its header", ld_sec_loc(is, 0));
      return;
    }
    type = elf_rd32(d, o->o_be);
    size = o->o_is64 ? elf_rd64(d + 8, o->o_be) : elf_rd32(d + 4, o->o_be);
    align = o->o_is64 ? elf_rd64(d + 16, o->o_be) : elf_rd32(d + 8, o->o_be);
    src = d + hsz;
    if (align & (align - 1)) {
      ld_error("%s: compressed section has alignment %llu, not a power of two", ld_sec_loc(is, 0),
               (unsigned long long)align);
      return;
    }
  }
  n -= (uint64_t)(src - d);
  /* Neither method expands without bound: zlib at most 1032 times, zstd (an RLE block of 4
   * bytes makes 128 KiB) at most 32768 times. A larger claim is a broken header, refused before
   * anything is allocated for it. */
  uint64_t ratio = type == ELFCOMPRESS_ZSTD ? 32768 : 1032;
  if (size > ((uint64_t)1 << 40) || size / ratio > n + 64) {
    ld_error("%s: compressed section claims %llu bytes inflated from %llu", ld_sec_loc(is, 0),
             (unsigned long long)size, (unsigned long long)n);
    return;
  }
  uint8_t *dst = ld_zalloc(size ? size : 1, 1);
  int ok;
  if (type == ELFCOMPRESS_ZLIB) {
    ok = inflate_zlib(src, n, dst, size) == 0;
  } else if (type == ELFCOMPRESS_ZSTD) {
    size_t r = ZSTD_decompress(dst, size, src, n);
    ok = !ZSTD_isError(r) && r == size;
  } else {
    ld_error("%s: unknown compression type %u", ld_sec_loc(is, 0), type);
    return;
  }
  if (!ok) {
    ld_error("%s: cannot decompress the section (%s, %llu bytes expected)", ld_sec_loc(is, 0),
             type == ELFCOMPRESS_ZLIB ? "zlib" : "zstd", (unsigned long long)size);
    return;
  }
  is->is_data = dst;
  is->is_size = is->is_insize = size;
  is->is_align = align ? align : 1;
  is->is_flags &= ~(uint64_t)SHF_COMPRESSED;
}

static int is_compressed(const ld_isec *is) {
  if (is->is_type == SHT_NOBITS || !is->is_data) return 0;
  return (is->is_flags & SHF_COMPRESSED) || !strncmp(is->is_name, ".zdebug", 7);
}

static void decompress_obj(uint32_t i, void *arg) {
  ld_obj *o = ((ld_vec *)arg)->v[i];
  for (uint32_t k = 0; k < o->o_nsec; k++)
    if (o->o_secs[k] && o->o_secs[k]->is_live && is_compressed(o->o_secs[k]))
      decompress(o->o_secs[k]);
}

void ld_decompress_inputs(void) {
  ld_vec objs = {0};
  for (uint32_t i = 0; i < ctx->objs.n; i++)
    if (((ld_obj *)ctx->objs.v[i])->o_compressed) ld_vec_push(&objs, ctx->objs.v[i]);
  if (objs.n) ld_par_for(objs.n, decompress_obj, &objs);
  free(objs.v);
}

/* ---- outputs ----------------------------------------------------------------------------- */

/* A piece compressed on its own: bytes [z_from, z_to) of the section, from a buffer, or
 * assembled from writer pieces z_pieces[0 .. z_n) (each covering the gap to the next). */
typedef struct zpiece {
  ld_osec *z_os;
  void **z_pieces;
  uint32_t z_n;
  const uint8_t *z_src;
  uint64_t z_from, z_to;
  uint8_t *z_out;
  uint64_t z_outlen;
  uint32_t z_adler;
  uint8_t z_last;
} zpiece;

static int zlevel(void) {
  if (ctx->opt.compress_debug == ELFCOMPRESS_ZSTD) return ctx->opt.optimize >= 2 ? 9 : 3;
  return ctx->opt.optimize >= 2 ? 6 : 1;
}

/* The bytes of writer piece k of z: [*from, *to) of the section. */
static const uint8_t *sub_piece(const zpiece *z, uint32_t k, uint64_t *from, uint64_t *to) {
  *from = k ? ld_piece_start(z->z_pieces[k]) : z->z_from;
  *to = k + 1 < z->z_n ? ld_piece_start(z->z_pieces[k + 1]) : z->z_to;
  return ld_assemble_piece(z->z_pieces[k], *from, *to);
}

/* zstd: one frame, fed writer piece by writer piece, so that it keeps the history of the
 * earlier ones (debug information repeats itself over long distances). */
static void compress_zstd(zpiece *z) {
  uint64_t n = z->z_to - z->z_from;
  size_t cap = ZSTD_compressBound(n);
  z->z_out = ld_xmalloc(cap);
  if (z->z_src) {
    size_t r = ZSTD_compress(z->z_out, cap, z->z_src + z->z_from, n, zlevel());
    if (ZSTD_isError(r)) ld_fatal("zstd: %s", ZSTD_getErrorName(r));
    z->z_outlen = r;
    return;
  }
  ZSTD_CCtx *c = ZSTD_createCCtx();
  if (!c) ld_fatal("zstd: cannot start compressing");
  ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, zlevel());
  ZSTD_CCtx_setPledgedSrcSize(c, n);
  ZSTD_outBuffer out = {z->z_out, cap, 0};
  for (uint32_t k = 0; k < z->z_n; k++) {
    uint64_t from, to;
    const uint8_t *src = sub_piece(z, k, &from, &to);
    ZSTD_inBuffer in = {src, to - from, 0};
    ZSTD_EndDirective end = k + 1 == z->z_n ? ZSTD_e_end : ZSTD_e_continue;
    for (;;) {
      size_t r = ZSTD_compressStream2(c, &out, &in, end);
      if (ZSTD_isError(r)) ld_fatal("zstd: %s", ZSTD_getErrorName(r));
      if (end == ZSTD_e_end ? r == 0 : in.pos == in.size) break;
    }
  }
  z->z_outlen = out.pos;
  ZSTD_freeCCtx(c);
}

static void compress_piece(uint32_t i, void *arg) {
  zpiece *z = &((zpiece *)arg)[i];
  if (ctx->opt.compress_debug == ELFCOMPRESS_ZSTD) {
    compress_zstd(z);
    return;
  }
  uint64_t n = z->z_to - z->z_from;
  const uint8_t *src =
      z->z_src ? z->z_src + z->z_from : ld_assemble_piece(z->z_pieces[0], z->z_from, z->z_to);
  z_stream s;
  memset(&s, 0, sizeof s);
  if (deflateInit2(&s, zlevel(), Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    ld_fatal("zlib: cannot start compressing");
  uint64_t cap = deflateBound(&s, (uLong)n) + 16;
  z->z_out = ld_xmalloc(cap);
  s.next_in = (Bytef *)(uintptr_t)src;
  s.avail_in = (uInt)n;
  s.next_out = z->z_out;
  s.avail_out = (uInt)cap;
  int rc = deflate(&s, z->z_last ? Z_FINISH : Z_SYNC_FLUSH);
  if (rc != (z->z_last ? Z_STREAM_END : Z_OK) || s.avail_in)
    ld_fatal("zlib: cannot compress %s", z->z_os->os_name);
  z->z_outlen = cap - s.avail_out;
  deflateEnd(&s);
  z->z_adler = (uint32_t)adler32(1, src, (uInt)n);
}

/* zlib pieces of about 1 MiB (its window is 32 KiB: little is lost at the seams); zstd frames
 * of up to 16 MiB (its window is larger: a 1 MiB frame of .debug_info compresses 40 % worse). */
#define ZPIECE ((uint64_t)1 << 20)
#define ZFRAME ((uint64_t)16 << 20)

static void plan(ld_osec *os, const uint8_t *buf, zpiece **zs, uint32_t *nz, uint32_t *cap) {
  uint64_t step = ctx->opt.compress_debug == ELFCOMPRESS_ZSTD ? ZFRAME : ZPIECE;
  ld_vec pieces = {0};
  if (!buf) ld_plan_pieces(os, &pieces);
  uint32_t n = buf ? (uint32_t)((os->os_size + step - 1) / step) : pieces.n;
  uint64_t from = 0;
  for (uint32_t k = 0; k < n;) {
    if (*nz == *cap) *zs = ld_xrealloc(*zs, (*cap = *cap ? *cap * 2 : 64) * sizeof **zs);
    zpiece *z = &(*zs)[(*nz)++];
    memset(z, 0, sizeof *z);
    z->z_os = os;
    z->z_src = buf;
    z->z_from = from;
    uint32_t k1 = k + 1;
    if (!buf) {
      /* zlib: one writer piece; zstd: as many as fit the frame. */
      z->z_pieces = pieces.v + k;
      while (step == ZFRAME && k1 < n && ld_piece_start(pieces.v[k1]) - from < step) k1++;
      z->z_n = k1 - k;
    }
    /* A piece covers the gap before the next one and the tail of the section. */
    z->z_to = k1 == n ? os->os_size : buf ? from + step : ld_piece_start(pieces.v[k1]);
    z->z_last = k1 == n;
    from = z->z_to;
    k = k1;
  }
}

static int wants_compression(const ld_osec *os) {
  return !(os->os_flags & SHF_ALLOC) && !os->os_synth && os->os_type != SHT_NOBITS && os->os_size &&
         !strncmp(os->os_name, ".debug", 6) && !(os->os_flags & SHF_COMPRESSED);
}

/* The compressed pieces of `os` (zs[first..first+n)) with their header, in os->os_buf, when that
 * is smaller than the section; returns whether it was. */
static int assemble(ld_osec *os, zpiece *zs, uint32_t n) {
  int is64 = ctx->is64, be = ctx->be;
  uint64_t hsz = is64 ? ELF64_CHDR_SIZE : ELF32_CHDR_SIZE, total = hsz;
  int zstd = ctx->opt.compress_debug == ELFCOMPRESS_ZSTD;
  if (!zstd) total += 2 + 4; /* zlib header and Adler-32 */
  for (uint32_t k = 0; k < n; k++) total += zs[k].z_outlen;
  int keep = total < os->os_size;
  if (keep) {
    uint8_t *b = ld_xmalloc(total), *p = b + hsz;
    elf_wr32(b, zstd ? ELFCOMPRESS_ZSTD : ELFCOMPRESS_ZLIB, be);
    if (is64) {
      elf_wr32(b + 4, 0, be);
      elf_wr64(b + 8, os->os_size, be);
      elf_wr64(b + 16, os->os_align, be);
    } else {
      elf_wr32(b + 4, (uint32_t)os->os_size, be);
      elf_wr32(b + 8, (uint32_t)os->os_align, be);
    }
    uLong adler = 1;
    if (!zstd) {
      int lvl = zlevel();
      *p++ = 0x78; /* deflate, 32 KiB window; the level hint in the flags, checked mod 31 */
      *p++ = lvl <= 1 ? 0x01 : lvl >= 7 ? 0xda : 0x9c;
    }
    for (uint32_t k = 0; k < n; k++) {
      memcpy(p, zs[k].z_out, zs[k].z_outlen);
      p += zs[k].z_outlen;
      if (!zstd)
        adler = adler32_combine(adler, zs[k].z_adler, (z_off_t)(zs[k].z_to - zs[k].z_from));
    }
    if (!zstd) elf_wr32(p, (uint32_t)adler, 1);
    os->os_buf = b;
    os->os_size = total;
    os->os_flags |= SHF_COMPRESSED;
    os->os_align = is64 ? 8 : 4;
  }
  for (uint32_t k = 0; k < n; k++) free(zs[k].z_out);
  return keep;
}

/* Compress the sections named by `list` (ld_osec*), whose contents are `bufs[i]`, or are made by
 * the writer's pieces when bufs is NULL. Returns how many shrank. */
static uint32_t compress_list(ld_osec **list, uint32_t nos, uint8_t **bufs) {
  zpiece *zs = NULL;
  uint32_t nz = 0, cap = 0;
  uint32_t *first = ld_xmalloc((nos + 1) * sizeof *first);
  for (uint32_t i = 0; i < nos; i++) {
    first[i] = nz;
    plan(list[i], bufs ? bufs[i] : NULL, &zs, &nz, &cap);
  }
  first[nos] = nz;
  ld_par_for(nz, compress_piece, zs);
  uint32_t shrank = 0;
  for (uint32_t i = 0; i < nos; i++)
    shrank += (uint32_t)assemble(list[i], zs + first[i], first[i + 1] - first[i]);
  free(zs);
  free(first);
  return shrank;
}

static int cmp_offset(const void *a, const void *b) {
  const ld_osec *x = *(ld_osec *const *)a, *y = *(ld_osec *const *)b;
  return x->os_offset < y->os_offset ? -1 : x->os_offset > y->os_offset;
}

/* After layout, before the output is made: compress the debug sections, and move the sections
 * that follow the first of them (non-allocated, at the end of the file) up. */
void ld_compress_debug_sections(void) {
  ld_osec **list = ld_xmalloc((ctx->norder + 1) * sizeof *list);
  uint32_t n = 0;
  uint64_t first = UINT64_MAX;
  for (uint32_t i = 0; i < ctx->norder; i++)
    if (wants_compression(ctx->order[i])) {
      list[n++] = ctx->order[i];
      if (ctx->order[i]->os_offset < first) first = ctx->order[i]->os_offset;
    }
  /* Sections move up after the compressed ones: there must be none that is loaded (a linker
   * script may put one there). */
  for (uint32_t i = 0; i < ctx->norder; i++) {
    const ld_osec *os = ctx->order[i];
    if ((os->os_flags & SHF_ALLOC) && os->os_type != SHT_NOBITS && os->os_offset > first) {
      ld_warn("--compress-debug-sections ignored: loaded section %s follows the debug sections in "
              "the file",
              os->os_name);
      return;
    }
  }
  if (!n || !compress_list(list, n, NULL)) return;
  uint64_t from = UINT64_MAX;
  for (uint32_t i = 0; i < n; i++)
    if (list[i]->os_buf && list[i]->os_offset < from) from = list[i]->os_offset;
  /* Everything in the file from there on is a non-allocated section: lay those out again, in
   * their order. */
  uint32_t m = 0;
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (os->os_offset >= from && !(os->os_flags & SHF_ALLOC)) list[m++] = os;
  }
  ld_qsort(list, m, sizeof *list, cmp_offset);
  uint64_t off = from;
  for (uint32_t i = 0; i < m; i++) {
    list[i]->os_offset = off = ld_align(off, list[i]->os_align);
    off += list[i]->os_size;
  }
  uint64_t shesz = ctx->is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE;
  ctx->filesize = ld_align(off, ctx->is64 ? 8 : 4) + (uint64_t)(ctx->norder + 1) * shesz;
  free(list);
}

/* -r: the debug sections among `secs` (whose bytes are `bufs[i]`, as they will be written) are
 * compressed; a section that shrank has its compressed bytes in os_buf. */
void ld_compress_buffers(ld_osec **secs, uint8_t **bufs, uint32_t n) {
  ld_osec **list = ld_xmalloc((n + 1) * sizeof *list);
  uint8_t **b = ld_xmalloc((n + 1) * sizeof *b);
  uint32_t m = 0;
  for (uint32_t i = 0; i < n; i++)
    if (wants_compression(secs[i]) && bufs[i]) list[m] = secs[i], b[m++] = bufs[i];
  if (m) compress_list(list, m, b);
  free(list);
  free(b);
}
