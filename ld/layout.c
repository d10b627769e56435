/* Pass 9: order the output sections, group them into segments, assign addresses and file
 * offsets, build the program headers, and give every symbol its final value. Layout is fixed
 * when this file is done. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "lscript.h"

/* Segment classes in address order. */
enum { C_HDR = 0, C_TEXT, C_RODATA, C_RELRO, C_DATA, C_NONALLOC };

/* A writable section that only the dynamic linker writes, before the program runs: GOTs bound at
 * start-up, .dynamic, the init and fini arrays, .data.rel.ro, the TLS templates. With -z relro
 * PT_GNU_RELRO makes it read-only then. */
static int relro_kind(const ld_osec *os) {
  return os->os_relro || (os->os_flags & SHF_TLS) || os->os_type == SHT_INIT_ARRAY ||
         os->os_type == SHT_FINI_ARRAY || os->os_type == SHT_PREINIT_ARRAY ||
         !strcmp(os->os_name, ".data.rel.ro") || !strcmp(os->os_name, ".ctors") ||
         !strcmp(os->os_name, ".dtors") || !strcmp(os->os_name, ".jcr");
}

static int seg_class(const ld_osec *os) {
  uint64_t f = os->os_flags;
  if (!(f & SHF_ALLOC)) return C_NONALLOC;
  /* The TLS template is one run of sections whatever else their flags say (an executable or
   * read-only TLS section still belongs to it), as PT_TLS covers them all and nothing else. */
  if (f & SHF_TLS) return ctx->opt.z_relro ? C_RELRO : C_DATA;
  if (f & SHF_EXECINSTR) return (f & SHF_WRITE) ? C_DATA : C_TEXT; /* SPARC's .plt is both */
  if (!(f & SHF_WRITE)) {
    if (os->os_type == SHT_NOTE || os->os_synth == SY_INTERP || os->os_synth == SY_DYNSYM ||
        os->os_synth == SY_DYNSTR || os->os_synth == SY_HASH || os->os_synth == SY_GNU_HASH ||
        os->os_synth == SY_RELA_DYN || os->os_synth == SY_RELA_PLT ||
        os->os_synth == SY_RELA_IPLT || os->os_synth == SY_SYMINFO || os->os_synth == SY_RELR ||
        os->os_type == SHT_GNU_versym || os->os_type == SHT_GNU_verdef ||
        os->os_type == SHT_GNU_verneed)
      return C_HDR;
    return C_RODATA;
  }
  return relro_kind(os) && ctx->opt.z_relro ? C_RELRO : C_DATA;
}

int ld_osec_relro(const ld_osec *os) {
  uint64_t f = os->os_flags;
  return ctx->opt.z_relro && (f & SHF_ALLOC) && (f & SHF_WRITE) && !(f & SHF_EXECINSTR) &&
         relro_kind(os);
}

/* Order within a class. */
static int sub_rank(const ld_osec *os) {
  const char *n = os->os_name;
  switch (seg_class(os)) {
  case C_HDR:
    if (os->os_synth == SY_INTERP) return 0;
    if (os->os_type == SHT_NOTE) return 1;
    if (os->os_synth == SY_HASH) return 2;
    if (os->os_synth == SY_GNU_HASH) return 3;
    if (os->os_synth == SY_DYNSYM) return 4;
    if (os->os_synth == SY_DYNSTR) return 5;
    if (os->os_synth == SY_VERSYM) return 6;
    if (os->os_synth == SY_VERDEF) return 7;
    if (os->os_synth == SY_VERNEED) return 7;
    if (os->os_synth == SY_SYMINFO) return 7; /* made after the version sections */
    if (os->os_synth == SY_RELA_PLT) return 10;
    if (os->os_synth == SY_RELA_DYN) return 8;
    if (os->os_synth == SY_RELA_IPLT) return 9;
    if (os->os_synth == SY_RELR) return 11;
    return 6;
  case C_TEXT:
    if (!strcmp(n, ".init")) return 0;
    if (os->os_synth == SY_PLT || os->os_synth == SY_PLT_SEC) return 1;
    if (os->os_synth == SY_IPLT) return 2;
    if (!strcmp(n, ".text")) return 3;
    if (!strcmp(n, ".fini")) return 5;
    return 4;
  case C_RODATA:
    if (!strcmp(n, ".rodata")) return 0;
    if (os->os_synth == SY_EH_FRAME_HDR) return 2;
    if (!strcmp(n, ".eh_frame")) return 3;
    if (!strcmp(n, ".gcc_except_table")) return 4;
    return 1;
  case C_RELRO:
    if (os->os_flags & SHF_TLS) return os->os_type == SHT_NOBITS ? 1 : 0; /* .tdata, .tbss */
    if (os->os_type == SHT_PREINIT_ARRAY) return 2;
    if (os->os_type == SHT_INIT_ARRAY) return 3;
    if (os->os_type == SHT_FINI_ARRAY) return 4;
    if (os->os_synth == SY_DYNAMIC) return 7;
    if (os->os_synth == SY_GOT) return 8;
    if (os->os_synth == SY_GOTPLT) return 9;
    return 5;
  case C_DATA:
    if (os->os_flags & SHF_TLS) return os->os_type == SHT_NOBITS ? 1 : 0; /* without relro */
    if (os->os_type == SHT_NOBITS) return !strcmp(n, ".bss") ? 8 : 9;
    if (os->os_synth == SY_GOTPLT) return 2;
    if (!strcmp(n, ".data")) return 3;
    return 4;
  default:
    if (os->os_synth == SY_SYMTAB) return 90;
    if (os->os_synth == SY_STRTAB) return 91;
    if (os->os_synth == SY_SHSTRTAB) return 92;
    return 10;
  }
}

/* The default plan: one PT_LOAD per class, in class order. */
static const ld_pseg default_plan[C_NONALLOC] = {
    {.ps_name = "headers", .ps_type = PT_LOAD, .ps_flags = PF_R},
    {.ps_name = "text", .ps_type = PT_LOAD, .ps_flags = PF_R | PF_X},
    {.ps_name = "rodata", .ps_type = PT_LOAD, .ps_flags = PF_R},
    {.ps_name = "relro", .ps_type = PT_LOAD, .ps_flags = PF_R | PF_W, .ps_relro = 1},
    {.ps_name = "data", .ps_type = PT_LOAD, .ps_flags = PF_R | PF_W},
};

/* The state of the pass: the default plan in use, a fresh copy of default_plan that layout fills
 * in (each segment's presence and addresses) when no mapfile made a plan. */
static struct layout_pass {
  ld_pseg plan[C_NONALLOC];
  double st_sizes, st_symtab, st_addrs; /* --stats: where ld_layout's time went */
} P;

/* The planned segment of an output section; ctx->npsegs for non-allocated sections. */
static uint32_t seg_of(const ld_osec *os) {
  if (!(os->os_flags & SHF_ALLOC)) return ctx->npsegs;
  if (ctx->psegs == P.plan) return (uint32_t)seg_class(os);
  if (os->os_pseg >= 0) return (uint32_t)os->os_pseg;
  /* A mapfile plan's catch-all segments for sections no entrance criterion placed. */
  return (os->os_flags & SHF_WRITE) ? ctx->pseg_data : ctx->pseg_text;
}

/* A mapfile's NOTE segment has a PT_NOTE of its own. */
static int in_note_pseg(const ld_osec *os) {
  uint32_t c = seg_of(os);
  return c < ctx->npsegs && ctx->psegs[c].ps_type == PT_NOTE;
}

/* The default plan's relro segment (a mapfile's plan has none). */
static int in_relro_pseg(const ld_osec *os) {
  uint32_t c = seg_of(os);
  return c < ctx->npsegs && ctx->psegs[c].ps_relro;
}

static int cmp_osec(const void *a, const void *b) {
  const ld_osec *x = *(ld_osec *const *)a, *y = *(ld_osec *const *)b;
  uint32_t sx = seg_of(x), sy = seg_of(y);
  if (sx != sy) return sx < sy ? -1 : 1;
  /* A mapfile's OS_ORDER puts its output sections first in their segment. */
  uint32_t ox = ld_mapfile_os_order(x), oy = ld_mapfile_os_order(y);
  if (ox != oy) return (ox ? ox : UINT32_MAX) < (oy ? oy : UINT32_MAX) ? -1 : 1;
  int cx = seg_class(x), cy = seg_class(y);
  if (cx != cy) return cx - cy;
  /* NOBITS last within the writable classes so the file image ends before them. */
  int nx = x->os_type == SHT_NOBITS && !(x->os_flags & SHF_TLS);
  int ny = y->os_type == SHT_NOBITS && !(y->os_flags & SHF_TLS);
  if (nx != ny) return nx - ny;
  int rx = sub_rank(x), ry = sub_rank(y);
  if (rx != ry) return rx - ry;
  return x->os_seq < y->os_seq ? -1 : x->os_seq > y->os_seq;
}

/* Sizes of sections made of input pieces. */
static void size_osec(ld_osec *os) {
  if (os->os_synth) return;
  uint64_t off = 0;
  for (uint32_t i = 0; i < os->os_isecs.n; i++) {
    ld_isec *is = os->os_isecs.v[i];
    off = ld_align(off, is->is_align);
    is->is_off = off;
    off += is->is_size;
  }
  os->os_size = off;
}

/* ---- the tail both layouts share ---------------------------------------------------------
 *
 * The default layout (below, which also lays out a mapfile's plan) and a linker script's SECTIONS
 * (ld/lscript_apply.c) each give sections addresses and offsets and make their PT_LOADs; what
 * follows from the addresses is done here, once, for both: the TLS template and the thread
 * pointer, the other program headers (PT_PHDR and PT_INTERP before the loads; PT_DYNAMIC,
 * PT_NOTE, PT_TLS, PT_GNU_EH_FRAME, PT_GNU_STACK, PT_GNU_RELRO, PT_GNU_PROPERTY after them, in
 * that order), the offsets of the non-allocated sections and the section header table. */

ld_seg *ld_phdr(uint32_t type, uint32_t flags) {
  ctx->segs = ld_xrealloc(ctx->segs, (ctx->nsegs + 1) * sizeof *ctx->segs);
  ld_seg *s = &ctx->segs[ctx->nsegs++];
  memset(s, 0, sizeof *s);
  s->sg_type = type;
  s->sg_flags = flags;
  return s;
}

void ld_phdr_cover(ld_seg *s, const ld_osec *os) {
  uint64_t end_m =
      os->os_addr + ((os->os_flags & SHF_TLS) && os->os_type == SHT_NOBITS && s->sg_type != PT_TLS
                         ? 0
                         : os->os_size);
  uint64_t end_f = os->os_offset + (os->os_type == SHT_NOBITS ? 0 : os->os_size);
  if (!s->sg_memsz && !s->sg_filesz && !s->sg_vaddr) {
    s->sg_vaddr = os->os_addr;
    s->sg_offset = os->os_offset;
  }
  if (end_m - s->sg_vaddr > s->sg_memsz) s->sg_memsz = end_m - s->sg_vaddr;
  if (os->os_type != SHT_NOBITS && end_f - s->sg_offset > s->sg_filesz)
    s->sg_filesz = end_f - s->sg_offset;
  if (os->os_align > s->sg_align) s->sg_align = os->os_align;
}

/* Before addresses: the TLS template starts at its own alignment, so that TP - round(memsz,
 * align) keeps every variable aligned (the runtime aligns the thread pointer to the same value). */
void ld_tls_template(ld_osec **v, uint32_t n) {
  uint64_t tal = 1;
  ld_osec *first = NULL;
  for (uint32_t i = 0; i < n; i++)
    if (v[i]->os_flags & SHF_TLS) {
      if (!first) first = v[i];
      if (v[i]->os_align > tal) tal = v[i]->os_align;
    }
  if (first) first->os_align = tal;
}

/* After addresses: the TLS template's extent (.tdata then .tbss, in address order) and the
 * thread pointer, which the target places (tg_tls_tp; variant II by default). Returns the
 * template's first section, NULL when there is none. */
ld_osec *ld_tls_layout(ld_osec **v, uint32_t n) {
  ld_osec *first = NULL;
  ctx->tls_addr = ctx->tls_memsz = ctx->tls_filesz = 0;
  ctx->tls_align = 1;
  for (uint32_t i = 0; i < n; i++) {
    ld_osec *os = v[i];
    if (!(os->os_flags & SHF_TLS) || !(os->os_flags & SHF_ALLOC)) continue;
    if (!first) first = os, ctx->tls_addr = os->os_addr;
    if (os->os_align > ctx->tls_align) ctx->tls_align = os->os_align;
    ctx->tls_memsz = os->os_addr + os->os_size - ctx->tls_addr;
    if (os->os_type != SHT_NOBITS) ctx->tls_filesz = ctx->tls_memsz;
  }
  if (ctx->tls_memsz)
    ctx->tp_addr = ld_tls_tp(ctx->tg, ctx->tls_addr, ctx->tls_memsz, ctx->tls_align);
  return first;
}

/* The allocated notes PT_NOTE covers: the first run of them, adjacent but for alignment, that
 * are not in a PT_NOTE segment of their own (`own_note`, a mapfile's NOTE_SEGMENT; may be NULL). */
static int shared_note(const ld_osec *os, int (*own_note)(const ld_osec *)) {
  return os->os_type == SHT_NOTE && (os->os_flags & SHF_ALLOC) && !(own_note && own_note(os));
}

uint32_t ld_phdrs_count(ld_osec **v, uint32_t n, int phdr, int (*in_relro)(const ld_osec *),
                        int (*own_note)(const ld_osec *)) {
  uint32_t k = (phdr != 0) + (ctx->interp != NULL) + (ctx->dynamic != NULL) +
               (ctx->ehframehdr != NULL) + 1 /* GNU_STACK */ + (ctx->gnuprop != NULL);
  int note = 0, tls = 0, relro = 0;
  for (uint32_t i = 0; i < n; i++) {
    note |= shared_note(v[i], own_note);
    tls |= (v[i]->os_flags & SHF_TLS) && (v[i]->os_flags & SHF_ALLOC);
    relro |= in_relro(v[i]);
  }
  return k + (uint32_t)(note + tls + relro);
}

void ld_phdrs_head(int phdr, uint64_t hdr_vaddr, uint32_t nph) {
  uint64_t ehsz = ctx->is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE;
  uint64_t phsz = ctx->is64 ? ELF64_PHDR_SIZE : ELF32_PHDR_SIZE;
  if (phdr) {
    ld_seg *s = ld_phdr(PT_PHDR, PF_R);
    s->sg_offset = ehsz;
    s->sg_vaddr = hdr_vaddr + ehsz;
    s->sg_filesz = s->sg_memsz = nph * phsz;
    s->sg_align = ctx->is64 ? 8 : 4;
  }
  if (ctx->interp) {
    ld_seg *s = ld_phdr(PT_INTERP, PF_R);
    ld_phdr_cover(s, ctx->interp);
    s->sg_align = 1;
  }
}

void ld_phdrs_tail(ld_osec **v, uint32_t n, int (*in_relro)(const ld_osec *),
                   int (*own_note)(const ld_osec *)) {
  if (ctx->dynamic) {
    ld_seg *s = ld_phdr(PT_DYNAMIC, PF_R | PF_W);
    ld_phdr_cover(s, ctx->dynamic);
  }
  ld_seg *note = NULL;
  for (uint32_t i = 0; i < n; i++) {
    if (!shared_note(v[i], own_note)) continue;
    if (!note) note = ld_phdr(PT_NOTE, PF_R);
    else if (v[i]->os_offset != note->sg_offset + note->sg_filesz &&
             ld_align(note->sg_offset + note->sg_filesz, v[i]->os_align) != v[i]->os_offset)
      break;
    ld_phdr_cover(note, v[i]);
  }
  ld_osec *tls = ld_tls_layout(v, n);
  if (tls) {
    ld_seg *s = ld_phdr(PT_TLS, PF_R);
    s->sg_vaddr = ctx->tls_addr;
    s->sg_offset = tls->os_offset;
    s->sg_filesz = ctx->tls_filesz;
    s->sg_memsz = ctx->tls_memsz;
    s->sg_align = ctx->tls_align;
  }
  if (ctx->ehframehdr) {
    ld_seg *s = ld_phdr(PT_GNU_EH_FRAME, PF_R);
    ld_phdr_cover(s, ctx->ehframehdr);
  }
  {
    uint32_t sf = ld_mapfile_stack_flags();
    ld_seg *s = ld_phdr(
        PT_GNU_STACK,
        sf ? sf
           : PF_R | PF_W |
                 ((ctx->opt.z_execstack || (ctx->exec_stack && !ctx->opt.z_noexecstack)) ? PF_X
                                                                                         : 0));
    s->sg_align = 16;
    s->sg_memsz = ctx->opt.stack_size; /* -z stack-size= */
  }
  /* PT_GNU_RELRO: the first run of relro sections in address order. A loader protects it page by
   * page, so its size is rounded up to the next common page, which the last page of its PT_LOAD
   * covers (rounding to the maximum page would reach into unmapped memory, where the loader's
   * mprotect fails), unless that would reach a section after the run that is written at run time
   * (a linker script can put one on the same page). A common page larger than the run-time one
   * (-z common-page-size) reaches past that last page: the PT_LOAD's memory then extends to the
   * same boundary, zero-filled, so the range is mapped. */
  uint32_t r = 0;
  while (r < n && !in_relro(v[r])) r++;
  if (r < n) {
    ld_seg *s = ld_phdr(PT_GNU_RELRO, PF_R);
    for (; r < n && in_relro(v[r]); r++) ld_phdr_cover(s, v[r]);
    s->sg_align = 1;
    uint64_t common = ld_common_page_size();
    uint64_t end = ld_align(s->sg_vaddr + s->sg_memsz, common);
    for (; r < n; r++)
      if ((v[r]->os_flags & SHF_ALLOC) &&
          !((v[r]->os_flags & SHF_TLS) && v[r]->os_type == SHT_NOBITS))
        break;
    if (r == n || v[r]->os_addr >= end) {
      s->sg_memsz = end - s->sg_vaddr;
      for (uint32_t i = 0; i < ctx->nsegs && common > ctx->tg->tg_common_page_size; i++) {
        ld_seg *l = &ctx->segs[i];
        if (l->sg_type == PT_LOAD && l->sg_vaddr <= s->sg_vaddr &&
            s->sg_vaddr < l->sg_vaddr + l->sg_memsz && l->sg_vaddr + l->sg_memsz < end)
          l->sg_memsz = end - l->sg_vaddr;
      }
    }
  }
  if (ctx->gnuprop) {
    ld_seg *s = ld_phdr(PT_GNU_PROPERTY, PF_R);
    ld_phdr_cover(s, ctx->gnuprop);
  }
}

/* After the allocated sections: the non-allocated ones (v[from..n)) in the file, then the section
 * header table; every section's index. */
void ld_layout_file(ld_osec **v, uint32_t from, uint32_t n, uint64_t off) {
  for (uint32_t i = from; i < n; i++) {
    ld_osec *os = v[i];
    off = ld_align(off, os->os_align);
    os->os_offset = off;
    os->os_addr = 0;
    off += os->os_size;
  }
  off = ld_align(off, ctx->is64 ? 8 : 4);
  for (uint32_t i = 0; i < n; i++) v[i]->os_shndx = i + 1;
  ctx->filesize = off + (uint64_t)(n + 1) * (ctx->is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE);
}

/* -Ttext, -Tdata, -Tbss, --section-start: the section goes at its given address, which may not
 * go backwards. At the start of a segment (or for NOBITS) only the offset's congruence with the
 * address modulo the page size is kept; inside a segment the file keeps the gap, so that the
 * segment's offsets and addresses stay in step. */
static void fixed_address(ld_osec *os, const ld_osec *prev, uint64_t prev_end, int seg_first,
                          uint64_t page, uint64_t *addr, uint64_t *off) {
  uint64_t fa = os->os_fixed_addr;
  if (fa < prev_end) {
    if (prev)
      ld_error("section %s at 0x%llx is below the end of section %s (0x%llx-0x%llx): fixed section "
               "addresses must not go backwards or overlap",
               os->os_name, (unsigned long long)fa, prev->os_name,
               (unsigned long long)prev->os_addr, (unsigned long long)prev_end);
    else
      ld_error("section %s at 0x%llx overlaps the ELF and program headers (which end at 0x%llx)",
               os->os_name, (unsigned long long)fa, (unsigned long long)prev_end);
    return;
  }
  if (seg_first || os->os_type == SHT_NOBITS || fa < *addr) {
    if (os->os_type != SHT_NOBITS) *off += (fa - *off) & (page - 1);
  } else {
    *off += fa - *addr;
  }
  *addr = fa;
}

/* --warn-rwx-segments: on by default where the ABI has no writable code (SPARC's PLT is written
 * by the dynamic linker), as in GNU ld. */
static void check_rwx(void) {
  int warn =
      ctx->opt.warn_rwx == 1 || (ctx->opt.warn_rwx < 0 && !(ctx->tg->tg_plt_flags & SHF_WRITE));
  for (uint32_t i = 0; warn && i < ctx->nsegs; i++) {
    ld_seg *s = &ctx->segs[i];
    if (s->sg_type == PT_LOAD && (s->sg_flags & (PF_W | PF_X)) == (PF_W | PF_X)) {
      ld_warn("%s has a LOAD segment with RWX permissions", ctx->opt.output);
      return;
    }
  }
}

static void layout_default(void) {
  const ld_target *tg = ctx->tg;
  int is64 = ctx->is64;
  uint64_t page = ctx->opt.page_size ? ctx->opt.page_size : tg->tg_page_size;

  if (!ctx->psegs) {
    memcpy(P.plan, default_plan, sizeof P.plan);
    ctx->psegs = P.plan;
    ctx->npsegs = C_NONALLOC;
    if (!ctx->opt.z_relro) P.plan[C_RELRO].ps_relro = 0;
  }

  /* Drop empty input-made sections (keep synthetic ones that exist for their address). */
  ld_osec **ord = ld_xmalloc(ctx->osecs.n * sizeof *ord);
  uint32_t n = 0;
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    if (!os->os_synth && os->os_isecs.n == 0) continue;
    ord[n++] = os;
  }
  ld_qsort(ord, n, sizeof *ord, cmp_osec);
  ld_lscript_insert(ord, n); /* a linker script's INSERT AFTER/BEFORE */
  ctx->order = ord;
  ctx->norder = n;

  /* Which planned segments exist: the first loadable one always (it carries the headers). */
  uint32_t np = ctx->npsegs;
  for (uint32_t c = 0; c < np; c++) ctx->psegs[c].ps_present = 0;
  uint32_t first_load = 0;
  while (first_load < np && ctx->psegs[first_load].ps_type != PT_LOAD) first_load++;
  if (first_load < np) ctx->psegs[first_load].ps_present = 1;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t c = seg_of(ord[i]);
    if (c < np) ctx->psegs[c].ps_present = 1;
  }
  uint32_t nph = ld_phdrs_count(ord, n, ctx->interp != NULL, in_relro_pseg, in_note_pseg);
  for (uint32_t c = 0; c < np; c++)
    if (ctx->psegs[c].ps_present && ctx->psegs[c].ps_type != PT_NULL) nph++;
  ctx->nphdr = nph;
  ld_tls_template(ord, n);

  uint64_t ehsz = is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE;
  uint64_t phsz = is64 ? ELF64_PHDR_SIZE : ELF32_PHDR_SIZE;
  uint64_t base = ctx->opt.image_base_given ? ctx->opt.image_base
                                            : (ctx->opt.outkind == OUT_EXEC ? tg->tg_base : 0);
  if (first_load < np && ctx->psegs[first_load].ps_vaddr_set)
    base = ctx->psegs[first_load].ps_vaddr;
  ctx->image_base = base;
  ctx->ehdr_phoff = ehsz;
  uint64_t off = ehsz + nph * phsz;
  uint64_t addr = base + off;
  uint32_t cur = first_load;
  if (cur < np) ctx->psegs[cur].ps_start = base;
  const ld_osec *prev_os = NULL;
  uint64_t prev_end = base + off;
  /* Without the headers (NOHDR) the first segment also starts at its first section. */
  int seg_first = cur < np && ctx->psegs[cur].ps_nohdr;
  for (uint32_t k = 0; k < ctx->opt.section_starts.n; k++) {
    const ld_section_start *ss = ctx->opt.section_starts.v[k];
    for (uint32_t i = 0; i < n; i++)
      if (!strcmp(ord[i]->os_name, ss->ss_name) && (ord[i]->os_flags & SHF_ALLOC))
        ord[i]->os_has_fixed = 1, ord[i]->os_fixed_addr = ss->ss_addr;
  }
  uint32_t nalloc = 0;
  for (uint32_t i = 0; i < n; i++) {
    ld_osec *os = ord[i];
    uint32_t c = seg_of(os);
    if (c >= np) break;
    nalloc = i + 1;
    if (c != cur) {
      ld_pseg *ps = &ctx->psegs[c];
      if (cur < np) {
        ld_pseg *prev = &ctx->psegs[cur];
        prev->ps_end = addr;
        if (prev->ps_round) addr = prev->ps_end = ld_align(addr, prev->ps_round);
      }
      /* A new segment starts on a new page (or at its fixed address); its offset and address
       * agree modulo the page size. */
      if (ps->ps_vaddr_set) {
        if (ps->ps_vaddr < addr)
          ld_error(
              "%s%ssegment %s: address 0x%llx overlaps the previous segment (which ends at 0x%llx)",
              ps->ps_where ? ps->ps_where : "", ps->ps_where ? ": " : "", ps->ps_name,
              (unsigned long long)ps->ps_vaddr, (unsigned long long)addr);
        addr = ps->ps_vaddr;
        off += (addr - off) & (page - 1);
      } else {
        /* -z separate-code: no page of the file holds both code and anything else. */
        if (ctx->opt.z_separate_code &&
            ((ps->ps_flags & PF_X) || (cur < np && (ctx->psegs[cur].ps_flags & PF_X))))
          off = ld_align(off, page);
        if (ps->ps_align) {
          /* An explicit ALIGN puts the segment's address itself on that boundary. */
          addr = ld_align(addr + 1, ps->ps_align);
          off += (addr - off) & (page - 1);
        } else {
          addr = ld_align(addr, page) + (off & (page - 1));
        }
      }
      cur = c;
      ps->ps_start = addr;
      seg_first = 1;
    }
    int tbss = (os->os_flags & SHF_TLS) && os->os_type == SHT_NOBITS;
    int fixed = os->os_has_fixed && !tbss;
    if (fixed) fixed_address(os, prev_os, prev_end, seg_first, page, &addr, &off);
    int first_in_seg = seg_first;
    seg_first = 0;
    uint64_t a = fixed ? addr : ld_align(addr, os->os_align);
    off += a - addr;
    addr = a;
    os->os_addr = addr;
    /* A segment starts at its first section (the program header's p_vaddr), after alignment. */
    if (first_in_seg) ctx->psegs[c].ps_start = addr;
    os->os_offset = off;
    if (tbss) continue; /* .tbss takes no address space outside the TLS template */
    addr += os->os_size;
    prev_os = os, prev_end = addr;
    if (os->os_type != SHT_NOBITS) off += os->os_size;
  }
  if (cur < np) {
    ld_pseg *prev = &ctx->psegs[cur];
    prev->ps_end = addr;
    if (prev->ps_round) prev->ps_end = ld_align(addr, prev->ps_round);
  }
  for (uint32_t c = 0; c < np; c++) {
    ld_pseg *ps = &ctx->psegs[c];
    if (ps->ps_present && ps->ps_max_size && ps->ps_end - ps->ps_start > ps->ps_max_size)
      ld_error("%s%ssegment %s: size 0x%llx exceeds its MAX_SIZE 0x%llx",
               ps->ps_where ? ps->ps_where : "", ps->ps_where ? ": " : "", ps->ps_name,
               (unsigned long long)(ps->ps_end - ps->ps_start),
               (unsigned long long)ps->ps_max_size);
  }
  ld_layout_file(ord, nalloc, n, off);

  /* Program headers: PT_PHDR and PT_INTERP, one PT_LOAD (or PT_NOTE) per planned segment, and
   * the rest as both layouts make them. */
  ctx->nsegs = 0;
  ld_phdrs_head(ctx->interp != NULL, base, nph);
  for (uint32_t c = 0; c < np; c++) {
    ld_pseg *ps = &ctx->psegs[c];
    if (!ps->ps_present || ps->ps_type == PT_NULL) continue;
    uint32_t flags = ps->ps_flags;
    for (uint32_t i = 0; i < n; i++) /* a writable, executable PLT makes its segment executable */
      if (seg_of(ord[i]) == c && (ord[i]->os_flags & SHF_EXECINSTR)) flags |= PF_X;
    ld_seg *s = ld_phdr(ps->ps_type, flags);
    if (c == first_load && !ps->ps_nohdr) {
      s->sg_vaddr = base;
      s->sg_offset = 0;
      s->sg_filesz = s->sg_memsz = ehsz + nph * phsz;
    }
    for (uint32_t i = 0; i < n; i++) {
      if (seg_of(ord[i]) != c) continue;
      if ((ord[i]->os_flags & SHF_TLS) && ord[i]->os_type == SHT_NOBITS) continue;
      ld_phdr_cover(s, ord[i]);
      ord[i]->os_seg = ctx->nsegs - 1;
    }
    if (ps->ps_round && s->sg_memsz)
      s->sg_memsz = ld_align(s->sg_vaddr + s->sg_memsz, ps->ps_round) - s->sg_vaddr;
    s->sg_align = ps->ps_type == PT_LOAD ? (ps->ps_align > page ? ps->ps_align : page)
                                         : (ps->ps_align ? ps->ps_align : 4);
  }
  ld_phdrs_tail(ord, nalloc, in_relro_pseg, in_note_pseg);
  if (ctx->nsegs != nph) ld_fatal("internal: %u program headers planned, %u made", nph, ctx->nsegs);
}

/* Does [start, start + size) fit below `max` + 1 without wrapping? */
static int range_fits(uint64_t start, uint64_t size, uint64_t max) {
  return start <= max && (size == 0 || size - 1 <= max - start);
}

static const char *seg_type_name(uint32_t t) {
  switch (t) {
  case PT_LOAD: return "PT_LOAD";
  case PT_TLS: return "PT_TLS";
  case PT_NOTE: return "PT_NOTE";
  case PT_DYNAMIC: return "PT_DYNAMIC";
  case PT_GNU_RELRO: return "PT_GNU_RELRO";
  default: return "program header";
  }
}

/* Every address, size and offset of the output must be representable: a section or segment that
 * wraps past the top of the address space (past 4 GiB in an ELF32 output), or a file offset past
 * what the class or the file system can hold, is an error naming it, never a corrupt output.
 * Checked once for both layouts (the default one and a linker script's) rather than at each
 * addition: every range that reaches the output passes through here. The default layout (and a
 * mapfile's) places loadable segments at ascending addresses, so there one that starts below
 * the end of the one before can only come from an address that wrapped. */
static void check_layout(int ascending) {
  uint64_t amax = ctx->is64 ? UINT64_MAX : UINT32_MAX;
  uint64_t omax = ctx->is64 ? (uint64_t)INT64_MAX : UINT32_MAX;
  int bad = 0;
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if ((os->os_flags & SHF_ALLOC) && !range_fits(os->os_addr, os->os_size, amax)) {
      ld_error("section %s: address range 0x%llx + 0x%llx wraps past the top of the address "
               "space (0x%llx)",
               os->os_name, (unsigned long long)os->os_addr, (unsigned long long)os->os_size,
               (unsigned long long)amax);
      bad = 1;
    }
    if (os->os_type != SHT_NOBITS && !range_fits(os->os_offset, os->os_size, omax)) {
      ld_error("section %s: file offset 0x%llx + size 0x%llx is past the largest file offset "
               "(0x%llx)",
               os->os_name, (unsigned long long)os->os_offset, (unsigned long long)os->os_size,
               (unsigned long long)omax);
      bad = 1;
    }
  }
  if (ctx->norder + 1 >= SHN_LORESERVE) {
    ld_error("the output would have %u sections; more than %u are not supported (the inputs "
             "bring that many different section names)",
             ctx->norder + 1, SHN_LORESERVE - 1);
    bad = 1;
  }
  if (!bad && ctx->filesize > omax) {
    ld_error("the output's size 0x%llx is past the largest file offset (0x%llx)",
             (unsigned long long)ctx->filesize, (unsigned long long)omax);
    bad = 1;
  }
  if (bad) return; /* the segments made of those sections say the same again */
  const ld_seg *prev = NULL;
  for (uint32_t i = 0; i < ctx->nsegs; i++) {
    ld_seg *sg = &ctx->segs[i];
    if (ascending && sg->sg_type == PT_LOAD && sg->sg_memsz) {
      if (prev &&
          (sg->sg_vaddr < prev->sg_vaddr || sg->sg_vaddr - prev->sg_vaddr < prev->sg_memsz)) {
        ld_error("segment %u (PT_LOAD at 0x%llx) starts below the end of segment %u (0x%llx + "
                 "0x%llx): its address wrapped past the top of the address space (0x%llx)",
                 i, (unsigned long long)sg->sg_vaddr, (uint32_t)(prev - ctx->segs),
                 (unsigned long long)prev->sg_vaddr, (unsigned long long)prev->sg_memsz,
                 (unsigned long long)amax);
        return;
      }
      prev = sg;
    }
    uint64_t paddr = sg->sg_has_paddr ? sg->sg_paddr : sg->sg_vaddr;
    if (!range_fits(sg->sg_vaddr, sg->sg_memsz, amax) || !range_fits(paddr, sg->sg_memsz, amax) ||
        !range_fits(sg->sg_offset, sg->sg_filesz, omax) || sg->sg_filesz > sg->sg_memsz)
      ld_error("segment %u (%s at 0x%llx, load address 0x%llx, size 0x%llx, file offset 0x%llx, "
               "file size 0x%llx) wraps past the top of the address space or the file",
               i, seg_type_name(sg->sg_type), (unsigned long long)sg->sg_vaddr,
               (unsigned long long)paddr, (unsigned long long)sg->sg_memsz,
               (unsigned long long)sg->sg_offset, (unsigned long long)sg->sg_filesz);
  }
}

void ld_layout(void) {
  double t0 = ld_now();
  for (uint32_t i = 0; i < ctx->osecs.n; i++) size_osec(ctx->osecs.v[i]);
  ld_relr_size(); /* from the input sections' offsets, before any address */
  double t1 = ld_now();
  ld_symtab_prepare();
  double t2 = ld_now();
  int scripted = ld_lscript_layout(); /* a linker script's SECTIONS lays everything out */
  if (!scripted) layout_default();
  check_rwx();
  check_layout(!scripted);
  P.st_sizes = t1 - t0, P.st_symtab = t2 - t1, P.st_addrs = ld_now() - t2;
}

/* ---- symbol values --------------------------------------------------------------------- */

uint64_t ld_common_page_size(void) {
  uint64_t max = ctx->opt.page_size ? ctx->opt.page_size : ctx->tg->tg_page_size;
  uint64_t c = ctx->opt.common_page_size ? ctx->opt.common_page_size : ctx->tg->tg_common_page_size;
  return c && c < max ? c : max;
}

uint64_t ld_isec_addr(ld_isec *is) { return is->is_out ? is->is_out->os_addr + is->is_off : 0; }

uint64_t ld_local_addr(const ld_sym *s) {
  if (s->s_sec) {
    if (!s->s_sec->is_live || !s->s_sec->is_out) return 0;
    if (s->s_sec->is_merge) return ld_merge_addr(s->s_sec, s->s_value);
    if (s->s_sec->is_eh) {
      int d;
      return ld_isec_addr(s->s_sec) + ld_ehframe_map(s->s_sec, s->s_value, &d);
    }
    return ld_isec_addr(s->s_sec) + s->s_value;
  }
  return s->s_value;
}

uint64_t ld_sym_addr(ld_sym *s) {
  if (s->s_final) return s->s_value;
  if (s->s_def == SD_REGULAR) return ld_local_addr(s);
  return 0;
}

static ld_osec *find_osec(const char *name) {
  for (uint32_t i = 0; i < ctx->norder; i++)
    if (!strcmp(ctx->order[i]->os_name, name)) return ctx->order[i];
  return NULL;
}

static uint64_t osec_start(const char *name, int end) {
  ld_osec *os = find_osec(name);
  if (!os) return 0;
  return os->os_addr + (end ? os->os_size : 0);
}

static uint64_t synth_value(ld_sym *s) {
  uint64_t base = ctx->segs ? 0 : 0;
  uint64_t image = ctx->image_base;
  uint64_t etext = 0, edata = 0, end = 0, bss_start = 0;
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (!(os->os_flags & SHF_ALLOC)) continue;
    if ((os->os_flags & SHF_TLS) && os->os_type == SHT_NOBITS) continue;
    uint64_t e = os->os_addr + os->os_size;
    if (os->os_flags & SHF_EXECINSTR) etext = e > etext ? e : etext;
    if (os->os_type != SHT_NOBITS) edata = e > edata ? e : edata;
    else if (!bss_start) bss_start = os->os_addr;
    end = e > end ? e : end;
  }
  if (!bss_start) bss_start = edata;
  (void)base;
  uint32_t k = s->s_esym;
  if (k >= LS_SYM_KIND && k < LS_SYM_KIND_END) return ld_lscript_sym_value(s); /* a script's */
  if (k == 5000) return s->s_value;                /* a mapfile's absolute VALUE */
  if (k == 5001) return ld_mapfile_size_symbol(s); /* a mapfile's SIZE_SYMBOL */
  if (k >= 2000) {
    ld_defsym *d = ctx->opt.defsyms.v[k - 2000];
    char *e;
    unsigned long long v = strtoull(d->expr, &e, 0);
    if (!*e) return v;
    /* SYM, SYM+N or SYM-N (checked when the option was read). */
    uint32_t len = (uint32_t)strlen(d->expr);
    uint64_t addend = 0;
    for (uint32_t j = len - 1; j > 0; j--)
      if (d->expr[j] == '+' || d->expr[j] == '-') {
        addend = strtoull(d->expr + j + 1, NULL, 0);
        if (d->expr[j] == '-') addend = 0 - addend;
        len = j;
        break;
      }
    ld_sym *t = ld_sym_lookup(d->expr, len);
    if (!t || (t->s_def != SD_REGULAR && t->s_def != SD_SYNTH)) {
      ld_error("--defsym %s=%s: '%.*s' is not defined", d->name, d->expr, (int)len, d->expr);
      return 0;
    }
    if (!addend) s->s_type = t->s_type;
    return (t->s_def == SD_SYNTH ? synth_value(t) : ld_sym_addr(t)) + addend;
  }
  if (k == 1000 || k == 1001) {
    const char *sec = s->s_name + (k == 1000 ? 8 : 7);
    ld_osec *os = find_osec(sec);
    if (!os) {
      if (!s->s_weakref)
        ld_error("undefined symbol: %s (no output section named %s)\n>>> referenced by %s",
                 ld_dname(s->s_name), sec, s->s_file ? s->s_file->o_name : "--undefined");
      return 0;
    }
    return os->os_addr + (k == 1001 ? os->os_size : 0);
  }
  const char *nm = s->s_name;
  if (!strcmp(nm, "__bss_start")) return bss_start;
  if (!strcmp(nm, "_edata") || !strcmp(nm, "edata")) return edata;
  if (!strcmp(nm, "_end") || !strcmp(nm, "end")) return end;
  if (!strcmp(nm, "__ehdr_start") || !strcmp(nm, "__executable_start")) return image;
  if (!strcmp(nm, "_etext") || !strcmp(nm, "etext") || !strcmp(nm, "__etext")) return etext;
  if (!strcmp(nm, "__init_array_start")) return osec_start(".init_array", 0);
  if (!strcmp(nm, "__init_array_end")) return osec_start(".init_array", 1);
  if (!strcmp(nm, "__fini_array_start")) return osec_start(".fini_array", 0);
  if (!strcmp(nm, "__fini_array_end")) return osec_start(".fini_array", 1);
  if (!strcmp(nm, "__preinit_array_start")) return osec_start(".preinit_array", 0);
  if (!strcmp(nm, "__preinit_array_end")) return osec_start(".preinit_array", 1);
  if (!strcmp(nm, "_GLOBAL_OFFSET_TABLE_")) return ld_got_base();
  if (!strcmp(nm, "_DYNAMIC")) return ctx->dynamic ? ctx->dynamic->os_addr : 0;
  if (!strcmp(nm, "__rela_iplt_start") || !strcmp(nm, "__rel_iplt_start"))
    return ctx->relaiplt ? ctx->relaiplt->os_addr : 0;
  if (!strcmp(nm, "__rela_iplt_end") || !strcmp(nm, "__rel_iplt_end"))
    return ctx->relaiplt ? ctx->relaiplt->os_addr + ctx->relaiplt->os_size : 0;
  if (!strcmp(nm, "__GNU_EH_FRAME_HDR")) return ctx->ehframehdr ? ctx->ehframehdr->os_addr : 0;
  /* Descriptor LD sequences add DTP offsets to this base. When an executable's TLS is relaxed
   * those offsets become TP-relative, so the base must relax to 0: it sits at the thread
   * pointer. Otherwise it is the start of the block (a descriptor or LE value of the block). */
  if (!strcmp(nm, "_TLS_MODULE_BASE_")) return ld_tls_ld_to_le() ? ctx->tp_addr : ctx->tls_addr;
  if (!strcmp(nm, "_PROCEDURE_LINKAGE_TABLE_")) return ctx->plt ? ctx->plt->os_addr : 0;
  return 0;
}

/* The output section a symbol the link-editor defines is relative to, as GNU ld makes it: the
 * section holding its address (one that ends there for the "end" symbols, one that starts there
 * for the others); SHN_ABS for numbers (--defsym N, a mapfile VALUE) and addresses outside
 * every section. Section-relative symbols move with the load base of a PIE or shared object. */
uint16_t ld_synth_shndx(const ld_sym *s) {
  uint32_t k = s->s_esym;
  if (k == 5000 || k == 5001) return SHN_ABS;
  if (k >= 2000 && k < 5000) {
    ld_defsym *d = ctx->opt.defsyms.v[k - 2000];
    /* GNU ld: a number or SYM+N is absolute, a plain SYM keeps its section. */
    if (strpbrk(d->expr + 1, "+-") || isdigit((unsigned char)d->expr[0])) return SHN_ABS;
  }
  if (k >= LS_SYM_KIND && k < LS_SYM_KIND_END) return SHN_ABS;
  const char *n = s->s_name;
  int at_end = k == 1001 || strstr(n, "end") || strstr(n, "edata") || strstr(n, "etext");
  uint64_t v = s->s_value;
  ld_osec *starts = NULL, *ends = NULL, *inside = NULL;
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (!(os->os_flags & SHF_ALLOC) || !os->os_shndx || (os->os_flags & SHF_TLS)) continue;
    /* Empty sections (.tm_clone_table) only when nothing else is there. */
    if (v == os->os_addr && (!starts || (!starts->os_size && os->os_size))) starts = os;
    if (v == os->os_addr + os->os_size && (!ends || os->os_size)) ends = os;
    if (v > os->os_addr && v < os->os_addr + os->os_size && !inside) inside = os;
  }
  ld_osec *os = inside ? inside : at_end ? (ends ? ends : starts) : (starts ? starts : ends);
  return os ? (uint16_t)os->os_shndx : SHN_ABS;
}

/* A symbol's final value (run in parallel over the chunks of the symbol table). The link-editor's
 * own symbols are only collected (into `arg`, an ld_vec): their values may depend on one another
 * (a --defsym of a --defsym, a script's symbol reading another), so they are valued afterwards in
 * the table's order, as before. Values of definitions in sections do not change when finalized,
 * so the order of the two does not matter. */
static void final_one(ld_sym *s, void *arg) {
  if (s->s_def == SD_SYNTH) {
    ld_vec_push(arg, s);
  } else if (s->s_def == SD_REGULAR) {
    s->s_value = ld_local_addr(s);
    s->s_final = 1;
  } else if (s->s_def == SD_UNDEF) {
    s->s_value = 0;
    s->s_final = 1;
  }
}

static void final_chunk(uint32_t c, void *arg) {
  ld_sym_foreach_chunk(c, final_one, (ld_vec *)arg + c);
}

void ld_finalize_symbols(void) {
  double t0 = ld_now();
  ld_lscript_finish(); /* a linker script's assignments and ASSERTs without SECTIONS */
  uint32_t nchunks = ld_sym_nchunks();
  ld_vec *found = ld_xcalloc(nchunks + 1, sizeof *found), synth = {0};
  ld_par_for(nchunks, final_chunk, found);
  ld_sym_join_chunks(found, &synth);
  for (uint32_t i = 0; i < synth.n; i++) {
    ld_sym *s = synth.v[i];
    s->s_value = synth_value(s);
    s->s_final = 1;
  }
  free(synth.v);
  ld_dynamic_finalize();
  if (ctx->opt.stats)
    fprintf(stderr,
            "tld: stats:   layout: section sizes %.3f ms, symbol table %.3f ms, addresses %.3f "
            "ms; symbol values %.3f ms\n",
            P.st_sizes * 1e3, P.st_symtab * 1e3, P.st_addrs * 1e3, (ld_now() - t0) * 1e3);
  const char *e = ctx->opt.entry ? ctx->opt.entry : "_start";
  ld_sym *s = ld_sym_lookup(e, (uint32_t)strlen(e));
  if (s && (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH)) {
    ctx->entry = s->s_value;
  } else if (ctx->opt.outkind != OUT_SHARED) {
    char *end;
    unsigned long long v = strtoull(e, &end, 0);
    if (!*end && ctx->opt.entry) ctx->entry = v;
    else {
      ld_osec *t = find_osec(".text");
      ctx->entry = t ? t->os_addr : 0;
      ld_warn("cannot find entry symbol %s; defaulting to 0x%llx", e,
              (unsigned long long)ctx->entry);
    }
  }
}

const char *ld_sec_loc(ld_isec *is, uint64_t off) {
  return ld_sprintf("%s:(%s+0x%llx)", is->is_file ? is->is_file->o_name : "<internal>", is->is_name,
                    (unsigned long long)off);
}
