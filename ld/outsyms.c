/* The output's .symtab/.strtab and .shstrtab (sized during layout, written after the sections),
 * and the build-id, computed over the finished image. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ld.h"

/* The state of the output symbol table: ld_symtab_prepare (during layout, which starts it
 * afresh) chooses the symbols kept and their order from the objects' and the resolved symbols,
 * and sizes .symtab and .strtab; ld_write_symtab writes them into the output. */
static struct symtab_pass {
  ld_vec out_locals; /* ld_sym* locals kept in .symtab, in file order */
  ld_sym **out_globals;
  uint32_t nglobals;
  ld_sym **sym_order;   /* the entries after the null one, in output order */
  uint32_t *sym_stroff; /* their names' offsets in .strtab */
  uint32_t nsym_out, nlocal_out;
} P;
static uint16_t out_shndx(const ld_sym *s);

/* Which local symbols .symtab keeps, as GNU ld decides: by default all but assembler labels
 * (.L...) in mergeable sections, whose addresses mean nothing once strings are merged (all of
 * them with -r, which merges nothing); -X (--discard-locals) drops every .L label, -x
 * (--discard-all) every local symbol. */
int ld_keep_local_name(const ld_sym *s) {
  int label = s->s_name[0] == '.' && s->s_name[1] == 'L';
  switch (ctx->opt.discard) {
  case DISCARD_ALL: return 0;
  case DISCARD_LOCALS: return !label;
  case DISCARD_NONE: return 1;
  default:
    return !label || !s->s_sec || !(s->s_sec->is_flags & SHF_MERGE) ||
           ctx->opt.outkind == OUT_RELOC;
  }
}

static int keep_local(const ld_sym *s) {
  if (!s->s_namelen || s->s_type == STT_SECTION || s->s_type == STT_FILE) return 0;
  if (s->s_sec && (!s->s_sec->is_live || !s->s_sec->is_out)) return 0;
  if (!s->s_sec && !s->s_alias_abs) return 0;
  return ld_keep_local_name(s);
}

static int keep_global(const ld_sym *s) {
  if (s->s_eliminate) return 0;
  /* Defined in a section --gc-sections removed: gone, as GNU ld drops it. */
  if (s->s_def == SD_REGULAR && s->s_sec && (!s->s_sec->is_live || !s->s_sec->is_out)) return 0;
  if (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH) return 1;
  if (s->s_def == SD_SHARED) return s->s_used_in_reg;
  return s->s_def == SD_UNDEF && s->s_referenced;
}

static void add_rest(ld_sym *s, void *arg) {
  if (s->s_mark || !keep_global(s)) return;
  s->s_mark = 1;
  P.out_globals[P.nglobals++] = s;
  *(uint64_t *)arg += s->s_namelen + 1;
}

static int cmp_name(const void *a, const void *b) {
  const ld_sym *x = *(ld_sym *const *)a, *y = *(ld_sym *const *)b;
  uint32_t n = x->s_namelen < y->s_namelen ? x->s_namelen : y->s_namelen;
  int c = memcmp(x->s_name, y->s_name, n);
  return c ? c : (int)x->s_namelen - (int)y->s_namelen;
}

void ld_symtab_prepare(void) {
  P = (struct symtab_pass){0};
  /* Section names. */
  uint64_t shsz = 1;
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    if (!os->os_synth && os->os_isecs.n == 0) continue;
    shsz += strlen(os->os_name) + 1;
  }
  ctx->shstrtab->os_size = shsz;
  if (!ctx->symtab) return;
  uint64_t strsz = 1;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 1; k < o->o_first_global; k++) {
      ld_sym *s = &o->o_locals[k];
      if (!keep_local(s)) continue;
      ld_vec_push(&P.out_locals, s);
      strsz += s->s_namelen + 1;
    }
  }
  /* Globals in the order of their defining (or first referencing) object, which is
   * deterministic without sorting the whole table; the rest (link-editor defined symbols and
   * imports from shared objects) by name. */
  P.out_globals = ld_xmalloc((ld_sym_count() + 1) * sizeof *P.out_globals);
  P.nglobals = 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      ld_sym *s = o->o_syms[k];
      if (!s || s->s_mark || s->s_file != o || s->s_esym != k || !keep_global(s)) continue;
      s->s_mark = 1;
      P.out_globals[P.nglobals++] = s;
      strsz += s->s_namelen + 1;
    }
  }
  uint32_t extra_start = P.nglobals; /* the first of those no object mentions */
  ld_sym_foreach(add_rest, &strsz);
  ld_qsort(P.out_globals + extra_start, P.nglobals - extra_start, sizeof *P.out_globals, cmp_name);
  uint32_t esz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  /* Hidden globals become locals in the output, as the gABI requires. */
  uint32_t nhidden = 0;
  for (uint32_t i = 0; i < P.nglobals; i++)
    if (P.out_globals[i]->s_vis == STV_HIDDEN || P.out_globals[i]->s_vis == STV_INTERNAL) nhidden++;
  ctx->symtab->os_size = (uint64_t)(1 + P.out_locals.n + P.nglobals) * esz;
  ctx->symtab->os_info = 1 + P.out_locals.n + nhidden;
  ctx->strtab->os_size = strsz;
}

/* One ELF symbol entry of the output's class and byte order. */
void ld_put_sym(uint8_t *p, uint32_t name, uint64_t value, uint64_t size, uint8_t info,
                uint8_t other, uint16_t shndx) {
  int be = ctx->be;
  if (ctx->is64) {
    elf_wr32(p, name, be);
    p[4] = info;
    p[5] = other;
    elf_wr16(p + 6, shndx, be);
    elf_wr64(p + 8, value, be);
    elf_wr64(p + 16, size, be);
  } else {
    elf_wr32(p, name, be);
    elf_wr32(p + 4, (uint32_t)value, be);
    elf_wr32(p + 8, (uint32_t)size, be);
    p[12] = info;
    p[13] = other;
    elf_wr16(p + 14, shndx, be);
  }
}

static uint16_t out_shndx(const ld_sym *s) {
  if (s->s_sec) return s->s_sec->is_out ? (uint16_t)s->s_sec->is_out->os_shndx : SHN_UNDEF;
  if (s->s_def == SD_UNDEF || s->s_def == SD_SHARED) return SHN_UNDEF;
  if (s->s_def == SD_SYNTH) return ld_synth_shndx(s);
  return SHN_ABS;
}

/* The output symbol table is written in parallel chunks: entry k's string offset is known from
 * a prefix sum over the names before it, so chunks are independent. Order: locals, then hidden
 * globals (local in the output), then the rest. */
#define SYM_CHUNK 4096u

static void write_chunk(uint32_t c, void *arg) {
  (void)arg;
  uint32_t esz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  uint8_t *base = ctx->buf + ctx->symtab->os_offset;
  char *str = (char *)ctx->buf + ctx->strtab->os_offset;
  uint32_t end = (c + 1) * SYM_CHUNK < P.nsym_out ? (c + 1) * SYM_CHUNK : P.nsym_out;
  for (uint32_t k = c * SYM_CHUNK; k < end; k++) {
    ld_sym *s = P.sym_order[k];
    uint8_t *p = base + (uint64_t)(k + 1) * esz;
    uint32_t soff = P.sym_stroff[k];
    memcpy(str + soff, s->s_name, s->s_namelen);
    str[soff + s->s_namelen] = 0;
    s->s_symidx = k + 1; /* for --emit-relocs */
    if (k < P.nlocal_out) {
      uint64_t value = ld_local_addr(s);
      if (s->s_type == STT_TLS && s->s_sec) value -= ctx->tls_addr;
      ld_put_sym(p, soff, value, s->s_size, ELF_ST_INFO(STB_LOCAL, s->s_type), s->s_vis,
                 out_shndx(s));
      continue;
    }
    int hidden = s->s_vis == STV_HIDDEN || s->s_vis == STV_INTERNAL;
    uint8_t bind = hidden ? STB_LOCAL
                          : (s->s_def == SD_UNDEF || s->s_def == SD_SHARED
                                 ? (s->s_weakref ? STB_WEAK : STB_GLOBAL)
                                 : s->s_bind);
    uint8_t type = s->s_type;
    if (bind == STB_GNU_UNIQUE) bind = STB_GLOBAL;
    uint64_t value = s->s_def == SD_UNDEF || s->s_def == SD_SHARED ? 0 : s->s_value;
    if (type == STT_TLS && value) value -= ctx->tls_addr; /* offsets in the TLS template */
    ld_put_sym(p, soff, value, s->s_size, ELF_ST_INFO(bind, type), s->s_vis, out_shndx(s));
  }
}

void ld_write_symtab(void) {
  if (!ctx->symtab) return;
  uint32_t esz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  P.nlocal_out = P.out_locals.n;
  P.nsym_out = P.out_locals.n + P.nglobals;
  P.sym_order = ld_xmalloc(((size_t)P.nsym_out + 1) * sizeof *P.sym_order);
  P.sym_stroff = ld_xmalloc(((size_t)P.nsym_out + 1) * sizeof *P.sym_stroff);
  uint32_t k = 0;
  for (uint32_t i = 0; i < P.out_locals.n; i++) P.sym_order[k++] = P.out_locals.v[i];
  for (int pass = 0; pass < 2; pass++)
    for (uint32_t i = 0; i < P.nglobals; i++) {
      ld_sym *s = P.out_globals[i];
      int hidden = s->s_vis == STV_HIDDEN || s->s_vis == STV_INTERNAL;
      if (hidden == (pass == 0)) P.sym_order[k++] = s;
    }
  uint32_t soff = 1;
  for (uint32_t i = 0; i < P.nsym_out; i++) {
    P.sym_stroff[i] = soff;
    soff += P.sym_order[i]->s_namelen + 1;
  }
  memset(ctx->buf + ctx->symtab->os_offset, 0, esz);
  ctx->buf[ctx->strtab->os_offset] = 0;
  ld_par_for((P.nsym_out + SYM_CHUNK - 1) / SYM_CHUNK, write_chunk, NULL);
}
