/* Pass 10: write the output to a temporary file next to it: the input sections in pieces
 * assembled in parallel (copy each input section and apply its relocations in the same loop;
 * each piece writes only its own bytes), then, through a mapping of the file, the synthetic
 * sections, the symbol table, headers and build-id. ld/output.c renames the temporary into place
 * once everything else is written too; on any error before that the old output is untouched and
 * the temporary is removed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ld.h"

/* Input sections are written in pieces of about WCHUNK bytes of one output section: each piece
 * is assembled in a buffer of the thread (copies, relocations, zero gaps) and written with one
 * pwrite. Page-cache pages written whole need no clearing, and those bytes are never mapped
 * here, so the output costs neither a page fault per page nor resident memory; the synthetic
 * sections, symbol table and headers go through the mapping (the page cache keeps the two
 * coherent). */
#define WCHUNK ((uint64_t)1 << 20)

typedef struct wchunk {
  ld_osec *os;
  ld_isec **isecs; /* in ascending offset order */
  uint32_t n;
  uint64_t off, end; /* offsets in the output section */
} wchunk;

static void add_chunk(ld_vec *out, ld_osec *os, ld_isec **isecs, uint32_t n, uint64_t off,
                      uint64_t end) {
  wchunk *c = ld_xmalloc(sizeof *c);
  *c = (wchunk){os, isecs, n, off, end};
  ld_vec_push(out, c);
}

static int cmp_isec_off(const void *a, const void *b) {
  const ld_isec *x = *(ld_isec *const *)a, *y = *(ld_isec *const *)b;
  if (x->is_off != y->is_off) return x->is_off < y->is_off ? -1 : 1;
  return x->is_size < y->is_size ? -1 : x->is_size > y->is_size;
}

/* Pieces of one output section: runs of its input sections in offset order (a linker script's
 * fillers come after the sections they sit between), pushed to `out`. */
void ld_plan_pieces(ld_osec *os, ld_vec *out) {
  uint32_t n = os->os_isecs.n, first = 0;
  ld_isec **v = (ld_isec **)os->os_isecs.v;
  for (uint32_t k = 1; k < n; k++)
    if (v[k]->is_off < v[k - 1]->is_off) {
      v = ld_xmalloc(n * sizeof *v);
      memcpy(v, os->os_isecs.v, n * sizeof *v);
      ld_qsort(v, n, sizeof *v, cmp_isec_off);
      break;
    }
  uint64_t off = 0, end = 0;
  for (uint32_t k = 0; k < n; k++) {
    uint64_t a = v[k]->is_off, b = v[k]->is_off + v[k]->is_size;
    if (k > first && b - off > WCHUNK) {
      add_chunk(out, os, v + first, k - first, off, end);
      first = k;
    }
    if (k == first) off = a, end = b;
    if (b > end) end = b;
  }
  if (n > first) add_chunk(out, os, v + first, n - first, off, end);
}

uint64_t ld_piece_start(const void *piece) { return ((const wchunk *)piece)->off; }
uint64_t ld_piece_end(const void *piece) { return ((const wchunk *)piece)->end; }

/* Bytes [from, to) of a piece's output section, in the calling thread's buffer: its input
 * sections copied and relocated, everything else zero. The piece's sections lie in the range. */
uint8_t *ld_assemble_piece(const void *piece, uint64_t from, uint64_t to) {
  const wchunk *c = piece;
  uint8_t *wbuf = ld_scratch(to - from);
  uint64_t pos = from; /* bytes before pos are written in the buffer */
  for (uint32_t k = 0; k < c->n; k++) {
    ld_isec *is = c->isecs[k];
    uint8_t *out = wbuf + (is->is_off - from);
    if (is->is_off > pos) memset(wbuf + (pos - from), 0, is->is_off - pos);
    if (is->is_off + is->is_size > pos) pos = is->is_off + is->is_size;
    if (is->is_eh) {
      ld_write_eh_frame(is, out);
      continue;
    }
    if (is->is_type == SHT_NOBITS || !is->is_data) {
      memset(out, 0, is->is_size);
      continue;
    }
    if (is->is_merge) {
      ld_merge_write(is, out);
      continue;
    }
    memcpy(out, is->is_data, is->is_size);
    if (is->is_relsec) {
      ld_read_rels(is);
      ld_apply_relocs(is, out);
    }
  }
  if (to > pos) memset(wbuf + (pos - from), 0, to - pos);
  return wbuf;
}

/* ---- build-id ---------------------------------------------------------------------------
 * A 160-bit hash of the image (four lanes of a 64-bit multiply-xor mix over 8-byte words, mixed
 * together at the end; fast and stable, not cryptographic; --build-id=uuid is random). It is taken
 * as the image is made: each piece's bytes are hashed in the buffer they are written from, so
 * nothing is read back; what goes through the mapping (headers, synthetic sections, the symbol
 * table) and the gaps between are hashed from it at the end, in slices of up to BID_SLICE bytes, in
 * parallel. The digests of all these regions, in file order, are hashed last: the same bytes and
 * layout give the same id whatever the thread count. */
#define BID_SLICE ((uint64_t)1 << 20)

typedef struct bid_region {
  uint64_t off, len, dig[4];
} bid_region;

static struct {
  bid_region *piece; /* one per piece (write chunk), then one per section made ahead */
  uint32_t npieces;
} B;

static void lanes(const uint8_t *b, uint64_t n, uint64_t out[4]) {
  uint64_t h[4] = {0x9e3779b97f4a7c15ULL, 0xc2b2ae3d27d4eb4fULL, 0x165667b19e3779f9ULL,
                   0x27d4eb2f165667c5ULL};
  uint64_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (int l = 0; l < 4; l++) {
      uint64_t w;
      memcpy(&w, b + i + 8 * l, 8);
      h[l] = (h[l] ^ w) * 0xff51afd7ed558ccdULL;
      h[l] ^= h[l] >> 31;
    }
  for (; i < n; i++) h[i & 3] = (h[i & 3] ^ b[i]) * 0xc4ceb9fe1a85ec53ULL;
  /* Each lane has seen every fourth word only: every word of the result is made from all four,
   * so that a change anywhere changes all of it. */
  uint64_t all = n;
  for (int l = 0; l < 4; l++) {
    h[l] ^= h[l] >> 33;
    h[l] *= 0xff51afd7ed558ccdULL;
    h[l] ^= h[l] >> 33;
    all = (all ^ h[l]) * 0xc4ceb9fe1a85ec53ULL;
    all ^= all >> 29;
  }
  for (int l = 0; l < 4; l++) {
    uint64_t x = h[l] ^ all ^ (0x9e3779b97f4a7c15ULL * (uint64_t)(l + 1));
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    out[l] = x;
  }
}

static void note_region(uint32_t i, uint64_t off, const uint8_t *b, uint64_t len) {
  if (!B.piece) return;
  B.piece[i].off = off;
  B.piece[i].len = len;
  lanes(b, len, B.piece[i].dig);
}

static int cmp_region(const void *a, const void *b) {
  const bid_region *x = a, *y = b;
  return x->off < y->off ? -1 : x->off > y->off;
}

static void hash_slice(uint32_t i, void *arg) {
  bid_region *r = &((bid_region *)arg)[i];
  lanes(ctx->buf + r->off, r->len, r->dig);
}

static void compute_build_id(void) {
  uint8_t *desc = ctx->buf + ctx->buildid->os_offset + 16;
  uint32_t len = (uint32_t)(ctx->opt.build_id == 1 ? 20 : 16);
  if (ctx->opt.build_id == 4) return; /* given in hex, already written */
  if (ctx->opt.build_id == 3) {
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0 || read(fd, desc, 16) != 16)
      ld_fatal("cannot read /dev/urandom for --build-id=uuid");
    close(fd);
    desc[6] = (desc[6] & 0x0f) | 0x40;
    desc[8] = (desc[8] & 0x3f) | 0x80;
    return;
  }
  memset(desc, 0, len);
  /* The pieces in file order; what lies between them is read through the mapping. */
  bid_region *p = B.piece;
  uint32_t np = 0;
  for (uint32_t i = 0; i < B.npieces; i++)
    if (p[i].len) p[np++] = p[i];
  ld_qsort(p, np, sizeof *p, cmp_region);
  uint64_t nrest = 0, pos = 0;
  for (uint32_t i = 0; i <= np; i++) {
    uint64_t to = i < np ? p[i].off : ctx->filesize;
    if (to > pos) nrest += (to - pos + BID_SLICE - 1) / BID_SLICE;
    if (i < np) pos = p[i].off + p[i].len;
  }
  bid_region *rest = ld_xcalloc(nrest + 1, sizeof *rest);
  uint32_t nr = 0;
  pos = 0;
  for (uint32_t i = 0; i <= np; i++) {
    uint64_t to = i < np ? p[i].off : ctx->filesize;
    for (; pos < to; pos += BID_SLICE)
      rest[nr++] = (bid_region){pos, to - pos < BID_SLICE ? to - pos : BID_SLICE, {0}};
    if (i < np) pos = p[i].off + p[i].len;
  }
  ld_par_for(nr, hash_slice, rest);
  /* Every region's offset, length and digest, in file order. */
  uint8_t *words = ld_xmalloc(((uint64_t)np + nr) * 48 + 1);
  uint64_t nw = 0;
  for (uint32_t i = 0, k = 0; i < np || k < nr;) {
    const bid_region *r = k >= nr || (i < np && p[i].off < rest[k].off) ? &p[i++] : &rest[k++];
    elf_wr64(words + nw, r->off, 0);
    elf_wr64(words + nw + 8, r->len, 0);
    for (int l = 0; l < 4; l++) elf_wr64(words + nw + 16 + 8 * l, r->dig[l], 0);
    nw += 48;
  }
  uint64_t h[4];
  lanes(words, nw, h);
  uint8_t out[32];
  for (int l = 0; l < 4; l++) elf_wr64(out + 8 * l, h[l], 1);
  memcpy(desc, out, len);
  free(words);
  free(rest);
}

static void write_chunk(uint32_t i, void *arg) {
  wchunk *c = ((ld_vec *)arg)->v[i]; /* the chunks (ld_write_output) */
  uint64_t len = c->end - c->off;
  if (len == 0) return;
  uint8_t *wbuf = ld_assemble_piece(c, c->off, c->end);
  uint64_t at = c->os->os_offset + c->off, done = 0;
  note_region(i, at, wbuf, len);
  while (done < len) {
    ssize_t w = pwrite(ctx->out_fd, wbuf + done, len - done, (off_t)(at + done));
    if (w <= 0)
      ld_fatal("cannot write output %s: %s", ctx->opt.output, strerror(w < 0 ? errno : EIO));
    done += (uint64_t)w;
  }
}

static void write_ehdr(void) {
  uint8_t *b = ctx->buf;
  int be = ctx->be, is64 = ctx->is64;
  memcpy(b, "\177ELF", 4);
  b[EI_CLASS] = is64 ? ELFCLASS64 : ELFCLASS32;
  b[EI_DATA] = be ? ELFDATA2MSB : ELFDATA2LSB;
  b[EI_VERSION] = EV_CURRENT;
  b[EI_OSABI] = ELFOSABI_SYSV;
  uint16_t type = ctx->opt.outkind == OUT_EXEC ? ET_EXEC : ET_DYN;
  uint16_t mach;
  uint32_t flags;
  ld_output_ident(&mach, &flags);
  uint32_t shnum = ctx->norder + 1;
  uint64_t shoff = ctx->filesize - (uint64_t)shnum * (is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE);
  elf_wr16(b + 16, type, be);
  elf_wr16(b + 18, mach, be);
  elf_wr32(b + 20, EV_CURRENT, be);
  if (is64) {
    elf_wr64(b + 24, ctx->entry, be);
    elf_wr64(b + 32, ctx->ehdr_phoff, be);
    elf_wr64(b + 40, shoff, be);
    elf_wr32(b + 48, flags, be);
    elf_wr16(b + 52, ELF64_EHDR_SIZE, be);
    elf_wr16(b + 54, ELF64_PHDR_SIZE, be);
    elf_wr16(b + 56, (uint16_t)ctx->nsegs, be);
    elf_wr16(b + 58, ELF64_SHDR_SIZE, be);
    elf_wr16(b + 60, (uint16_t)shnum, be);
    elf_wr16(b + 62, (uint16_t)ctx->shstrtab->os_shndx, be);
  } else {
    elf_wr32(b + 24, (uint32_t)ctx->entry, be);
    elf_wr32(b + 28, (uint32_t)ctx->ehdr_phoff, be);
    elf_wr32(b + 32, (uint32_t)shoff, be);
    elf_wr32(b + 36, flags, be);
    elf_wr16(b + 40, ELF32_EHDR_SIZE, be);
    elf_wr16(b + 42, ELF32_PHDR_SIZE, be);
    elf_wr16(b + 44, (uint16_t)ctx->nsegs, be);
    elf_wr16(b + 46, ELF32_SHDR_SIZE, be);
    elf_wr16(b + 48, (uint16_t)shnum, be);
    elf_wr16(b + 50, (uint16_t)ctx->shstrtab->os_shndx, be);
  }
  /* Program headers. */
  uint8_t *p = b + ctx->ehdr_phoff;
  for (uint32_t i = 0; i < ctx->nsegs; i++) {
    ld_seg *s = &ctx->segs[i];
    if (is64) {
      elf_wr32(p, s->sg_type, be);
      elf_wr32(p + 4, s->sg_flags, be);
      elf_wr64(p + 8, s->sg_offset, be);
      elf_wr64(p + 16, s->sg_vaddr, be);
      elf_wr64(p + 24, s->sg_has_paddr ? s->sg_paddr : s->sg_vaddr, be);
      elf_wr64(p + 32, s->sg_filesz, be);
      elf_wr64(p + 40, s->sg_memsz, be);
      elf_wr64(p + 48, s->sg_align, be);
      p += ELF64_PHDR_SIZE;
    } else {
      elf_wr32(p, s->sg_type, be);
      elf_wr32(p + 4, (uint32_t)s->sg_offset, be);
      elf_wr32(p + 8, (uint32_t)s->sg_vaddr, be);
      elf_wr32(p + 12, (uint32_t)(s->sg_has_paddr ? s->sg_paddr : s->sg_vaddr), be);
      elf_wr32(p + 16, (uint32_t)s->sg_filesz, be);
      elf_wr32(p + 20, (uint32_t)s->sg_memsz, be);
      elf_wr32(p + 24, s->sg_flags, be);
      elf_wr32(p + 28, (uint32_t)s->sg_align, be);
      p += ELF32_PHDR_SIZE;
    }
  }
}

static void write_shdrs(void) {
  int be = ctx->be, is64 = ctx->is64;
  uint32_t esz = is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE;
  uint8_t *base = ctx->buf + ctx->filesize - (uint64_t)(ctx->norder + 1) * esz;
  /* Section names go into .shstrtab, laid out when its size was computed. */
  uint8_t *names = ctx->buf + ctx->shstrtab->os_offset;
  uint32_t noff = 1;
  names[0] = 0;
  memset(base, 0, esz);
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    uint8_t *h = base + (uint64_t)(i + 1) * esz;
    size_t len = strlen(os->os_name);
    memcpy(names + noff, os->os_name, len + 1);
    uint32_t link = 0, info = 0;
    if (os->os_synth == SY_SYMTAB) link = ctx->strtab->os_shndx, info = os->os_info;
    if (os->os_synth == SY_DYNSYM) link = ctx->dynstr->os_shndx, info = 1;
    if (os->os_synth == SY_HASH || os->os_synth == SY_GNU_HASH) link = ctx->dynsym->os_shndx;
    if (os->os_synth == SY_DYNAMIC) link = ctx->dynstr->os_shndx;
    if (os->os_synth == SY_VERSYM) link = ctx->dynsym->os_shndx;
    if (os->os_synth == SY_VERNEED || os->os_synth == SY_VERDEF)
      link = ctx->dynstr->os_shndx, info = os->os_info;
    if (os->os_synth == SY_RELA_PLT) {
      link = ctx->dynsym->os_shndx;
      info = ctx->gotplt ? ctx->gotplt->os_shndx : 0;
    }
    if (os->os_synth == SY_RELA_DYN && ctx->dynsym) link = ctx->dynsym->os_shndx;
    /* Solaris: the symbol table it describes, and the .dynamic its si_boundto indexes. */
    if (os->os_synth == SY_SYMINFO) link = ctx->dynsym->os_shndx, info = ctx->dynamic->os_shndx;
    uint64_t flags = os->os_flags;
    if (os->os_synth == SY_RELA_IPLT && ctx->got) flags |= SHF_INFO_LINK, info = ctx->got->os_shndx;
    if (is64) {
      elf_wr32(h, noff, be);
      elf_wr32(h + 4, os->os_type, be);
      elf_wr64(h + 8, flags, be);
      elf_wr64(h + 16, os->os_addr, be);
      elf_wr64(h + 24, os->os_offset, be);
      elf_wr64(h + 32, os->os_size, be);
      elf_wr32(h + 40, link, be);
      elf_wr32(h + 44, info, be);
      elf_wr64(h + 48, os->os_align, be);
      elf_wr64(h + 56, os->os_entsize, be);
    } else {
      elf_wr32(h, noff, be);
      elf_wr32(h + 4, os->os_type, be);
      elf_wr32(h + 8, (uint32_t)flags, be);
      elf_wr32(h + 12, (uint32_t)os->os_addr, be);
      elf_wr32(h + 16, (uint32_t)os->os_offset, be);
      elf_wr32(h + 20, (uint32_t)os->os_size, be);
      elf_wr32(h + 24, link, be);
      elf_wr32(h + 28, info, be);
      elf_wr32(h + 32, (uint32_t)os->os_align, be);
      elf_wr32(h + 36, (uint32_t)os->os_entsize, be);
    }
    noff += (uint32_t)len + 1;
  }
}

/* What is written through the mapping -- the headers, the synthetic sections, the section header
 * table -- gets its blocks before it is written (the input sections go with pwrite, which
 * reports a full disk itself). */
static void reserve_mapped(int h) {
  uint64_t esz = ctx->is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE;
  uint64_t phsz = ctx->is64 ? ELF64_PHDR_SIZE : ELF32_PHDR_SIZE;
  uint64_t shsz = ctx->is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE;
  ld_out_reserve(h, 0, esz);
  ld_out_reserve(h, ctx->ehdr_phoff, (uint64_t)ctx->nsegs * phsz);
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (os->os_synth && os->os_type != SHT_NOBITS) ld_out_reserve(h, os->os_offset, os->os_size);
  }
  uint64_t shtab = (uint64_t)(ctx->norder + 1) * shsz;
  ld_out_reserve(h, ctx->filesize - shtab, shtab);
}

/* Everything but the rename: --emit-relocs and the link maps still add to or describe the
 * output, and ld_out_commit puts it in place after them. */
void ld_write_output(void) {
  const char *out = ctx->opt.output;
  int h = ld_out_create(out, "output", 1);
  if (h < 0) ld_check_errors();
  int fd = ld_out_fd(h);
  if (ftruncate(fd, (off_t)ctx->filesize) < 0)
    ld_fatal("cannot write output %s: %s", out, strerror(errno));
  reserve_mapped(h);
  void *m =
      ctx->filesize ? mmap(NULL, ctx->filesize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) : NULL;
  if (m == MAP_FAILED) ld_fatal("cannot map output %s: %s", out, strerror(errno));
  ctx->buf = m;
  ctx->out_fd = fd;

  ld_vec chunks = {0}; /* wchunk*: the pieces the threads write */
  ld_vec made = {0};   /* ld_osec*: sections whose contents were made already */
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (os->os_synth || os->os_type == SHT_NOBITS) continue;
    if (os->os_buf) { /* contents made already (a compressed debug section) */
      ld_vec_push(&made, os);
      for (uint64_t done = 0; done < os->os_size;) {
        ssize_t w = pwrite(ctx->out_fd, os->os_buf + done, os->os_size - done,
                           (off_t)(os->os_offset + done));
        if (w <= 0) ld_fatal("cannot write output %s: %s", out, strerror(w < 0 ? errno : EIO));
        done += (uint64_t)w;
      }
      continue;
    }
    ld_plan_pieces(os, &chunks);
  }
  B.piece = NULL;
  B.npieces = chunks.n + made.n;
  if (ctx->buildid && ctx->opt.build_id != 3 && ctx->opt.build_id != 4)
    B.piece = ld_xcalloc(B.npieces + 1, sizeof *B.piece);
  for (uint32_t k = 0; k < made.n; k++) {
    ld_osec *os = made.v[k];
    note_region(chunks.n + k, os->os_offset, os->os_buf, os->os_size);
  }
  free(made.v);
  ld_stat_pass("write: map, plan pieces");
  ld_par_for(chunks.n, write_chunk, &chunks);
  ld_stat_pass("write: sections and relocations");
  ld_fill_synthetic();
  ld_stat_pass("write: GOT, PLT, dynamic sections");
  if (ctx->ehframehdr) ld_write_eh_frame_hdr();
  ld_stat_pass("write: .eh_frame_hdr");
  ld_write_symtab();
  write_ehdr();
  write_shdrs();
  ld_check_errors();
  ld_stat_pass("write: symbols, headers");
  if (ctx->buildid) compute_build_id();
  free(B.piece);
  B.piece = NULL;
  if (ctx->opt.stats) ld_stat_memory();
  if (m && munmap(m, ctx->filesize) < 0)
    ld_fatal("cannot write output %s: %s", out, strerror(errno));
  ctx->buf = NULL;
  ld_stat_pass("write: build-id, unmap");
  if (ctx->opt.outkind != OUT_RELOC) {
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0777 & ~mask);
  }
}
