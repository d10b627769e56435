/* Relocatable output (-r) and --emit-relocs.
 *
 * -r is a pipeline of its own that branches off after the inputs are read, COMDAT groups are
 * claimed and .eh_frame is split into records (ld/main.c, passes 2-4); nothing is placed at an
 * address and no relocation is applied. Its output is an ET_REL object that another link (ours,
 * GNU ld, lld) accepts in place of the inputs:
 *
 *  - input sections merge by their exact name (.text with .text, .text.hot with .text.hot), in
 *    link order; mergeable sections keep one copy of each string or constant (ld/merge.c) and
 *    keep SHF_MERGE/SHF_STRINGS when every piece agrees on them;
 *  - every section of a kept COMDAT group becomes an output section of its own, named as in the
 *    input, and the group is written again as an SHT_GROUP section naming those sections and
 *    their relocation sections (the final link must still be able to drop a duplicate);
 *  - relocations are kept, TLS ones included, with offsets moved by the piece's offset within its
 *    output section; a reference through a section symbol is re-aimed at the output section's
 *    symbol with the piece's offset added to the addend (RELA) or to the field (REL);
 *  - .eh_frame is one section of the live CIE and FDE records; an FDE of a discarded section
 *    goes with it; no .eh_frame_hdr (that is a final link's business);
 *  - the symbol table has the section symbols and every input's locals first, then the globals:
 *    definitions section-relative, commons as SHN_COMMON (as GNU ld -r leaves them), undefined
 *    references kept, visibility kept (hidden stays global: only a final link localises);
 *  - .note.GNU-stack says whether any input wanted an executable stack.
 *
 * --emit-relocs (final links) runs after the output is written: the relocations of every
 * allocated input section are appended as .rela.<section> (.rel on REL targets), with offsets
 * that are output addresses and symbols that are the output .symtab's (ld/outsyms.c records each
 * symbol's index); a reference with no symbol of its own there (a section symbol, a dropped
 * assembler local) names symbol 0 with the target address as its addend. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ld.h"

/* One output section of a -r link. ld_isec.is_out of each piece points at r_os. */
typedef struct rsec {
  ld_osec r_os;          /* must stay first */
  ld_isec *r_link_to;    /* SHF_LINK_ORDER: the input section its sh_link names, else NULL */
  uint8_t r_grouped;     /* member of a kept COMDAT group: never merged with anything */
  uint8_t r_mixed_merge; /* pieces disagree on SHF_MERGE/SHF_STRINGS/entsize */
  uint32_t r_symidx;     /* its STT_SECTION symbol */
  uint32_t r_rel_shndx;  /* its SHT_REL(A) section, 0 if none */
  ld_rel *r_rels;        /* output relocations: r_offset in the section, r_sym an output index */
  uint32_t r_nrels;
  uint64_t r_reloff; /* file offset of the relocation section */
} rsec;

/* A kept section group, written again as SHT_GROUP. */
typedef struct rgroup {
  ld_obj *g_file;
  uint32_t g_flags; /* the input's flag word (GRP_COMDAT) */
  uint32_t g_sig;   /* signature symbol: index in g_file's symbol table */
  ld_vec g_secs;    /* rsec* of its members */
  uint32_t g_shndx;
  uint64_t g_off, g_size;
} rgroup;

typedef struct strbuf {
  char *sb_buf;
  uint64_t sb_len, sb_cap;
} strbuf;

/* The state of the -r writer (ld_write_relocatable, which starts it afresh). It reads the
 * objects' live sections, relocations and symbols and the resolved symbols, and writes the
 * output file; nothing of it is left in the link context. */
static struct relocatable_pass {
  ld_vec rsecs;    /* rsec* in output order */
  ld_vec groups;   /* rgroup* in input order */
  rsec **name_map; /* output sections merged by name: open addressing, grown at half full */
  uint32_t name_cap, name_n;
  strbuf strtab;   /* the output's .strtab */
  uint8_t *symbuf; /* the output's .symtab entries */
  uint32_t nsyms, nlocal, symcap;
  /* Extended section indices (SHT_SYMTAB_SHNDX) when there are SHN_LORESERVE sections or more:
   * a symbol's st_shndx is then SHN_XINDEX and its index is here. NULL otherwise. */
  uint32_t *xshndx;
  ld_vec rest; /* ld_sym*: globals no object mentions (-u names), sorted by name */
} P;

/* ---- small helpers ------------------------------------------------------------------- */

static uint32_t str_add(strbuf *sb, const char *s, size_t n) {
  if (sb->sb_len + n + 1 > sb->sb_cap) {
    sb->sb_cap = (sb->sb_len + n + 1) * 2 + 256;
    sb->sb_buf = ld_xrealloc(sb->sb_buf, sb->sb_cap);
  }
  if (sb->sb_len == 0) sb->sb_buf[sb->sb_len++] = 0; /* offset 0 is the empty name */
  uint32_t off = (uint32_t)sb->sb_len;
  memcpy(sb->sb_buf + off, s, n);
  sb->sb_buf[off + n] = 0;
  sb->sb_len += n + 1;
  return off;
}

/* Input section header fields, read again where ld/object.c kept no copy of them. */
static const uint8_t *in_shdr(const ld_obj *o, uint32_t i) {
  return o->o_shdrs + (uint64_t)i * (o->o_is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE);
}
static uint32_t shdr_type(const ld_obj *o, uint32_t i) {
  return elf_rd32(in_shdr(o, i) + 4, o->o_be);
}
static uint32_t shdr_link(const ld_obj *o, uint32_t i) {
  return elf_rd32(in_shdr(o, i) + (o->o_is64 ? 40 : 24), o->o_be);
}
static uint32_t shdr_info(const ld_obj *o, uint32_t i) {
  return elf_rd32(in_shdr(o, i) + (o->o_is64 ? 44 : 28), o->o_be);
}
static uint64_t shdr_offset(const ld_obj *o, uint32_t i) {
  const uint8_t *h = in_shdr(o, i);
  return o->o_is64 ? elf_rd64(h + 24, o->o_be) : elf_rd32(h + 16, o->o_be);
}
static uint64_t shdr_size(const ld_obj *o, uint32_t i) {
  const uint8_t *h = in_shdr(o, i);
  return o->o_is64 ? elf_rd64(h + 32, o->o_be) : elf_rd32(h + 20, o->o_be);
}

/* st_info of an input symbol (an undefined reference's type lives only there). */
static uint8_t in_sym_info(const ld_obj *o, uint32_t i) {
  return o->o_symtab[(uint64_t)i * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE) +
                     (o->o_is64 ? 4 : 12)];
}

static void put_shdr(uint8_t *h, uint32_t name, uint32_t type, uint64_t flags, uint64_t off,
                     uint64_t size, uint32_t link, uint32_t info, uint64_t align,
                     uint64_t entsize) {
  int be = ctx->be;
  if (ctx->is64) {
    elf_wr32(h, name, be);
    elf_wr32(h + 4, type, be);
    elf_wr64(h + 8, flags, be);
    elf_wr64(h + 16, 0, be);
    elf_wr64(h + 24, off, be);
    elf_wr64(h + 32, size, be);
    elf_wr32(h + 40, link, be);
    elf_wr32(h + 44, info, be);
    elf_wr64(h + 48, align, be);
    elf_wr64(h + 56, entsize, be);
  } else {
    elf_wr32(h, name, be);
    elf_wr32(h + 4, type, be);
    elf_wr32(h + 8, (uint32_t)flags, be);
    elf_wr32(h + 12, 0, be);
    elf_wr32(h + 16, (uint32_t)off, be);
    elf_wr32(h + 20, (uint32_t)size, be);
    elf_wr32(h + 24, link, be);
    elf_wr32(h + 28, info, be);
    elf_wr32(h + 32, (uint32_t)align, be);
    elf_wr32(h + 36, (uint32_t)entsize, be);
  }
}

/* One relocation entry in the target's form (REL: the addend stays in the field). */
static void put_rel(uint8_t *p, uint64_t off, uint32_t sym, uint32_t type, int64_t addend) {
  int be = ctx->be;
  if (ctx->is64) {
    elf_wr64(p, off, be);
    elf_wr64(p + 8, ELF64_R_INFO(sym, type), be);
    if (ctx->tg->tg_rela) elf_wr64(p + 16, (uint64_t)addend, be);
  } else {
    elf_wr32(p, (uint32_t)off, be);
    elf_wr32(p + 4, ELF32_R_INFO(sym, type), be);
    if (ctx->tg->tg_rela) elf_wr32(p + 8, (uint32_t)addend, be);
  }
}

static uint32_t rel_entsize(void) {
  return ctx->is64 ? (ctx->tg->tg_rela ? ELF64_RELA_SIZE : ELF64_REL_SIZE)
                   : (ctx->tg->tg_rela ? ELF32_RELA_SIZE : ELF32_REL_SIZE);
}

static const char *rel_name(const char *sec) {
  return ld_sprintf("%s%s", ctx->tg->tg_rela ? ".rela" : ".rel", sec);
}

/* Offset within its output section of input offset `off` of piece `is` (.eh_frame records move
 * when dead FDEs are dropped; *dropped says the byte went with one). */
static uint64_t piece_off(const ld_isec *is, uint64_t off, int *dropped) {
  *dropped = 0;
  if (is->is_eh) return is->is_off + ld_ehframe_map(is, off, dropped);
  if (is->is_merge) return ld_merge_off(is, off);
  return is->is_off + off;
}

/* Write the file through a temporary and put it in place (ld/output.c), as ld/write.c does: on
 * failure the old output is untouched. */
static void write_file(const uint8_t *buf, uint64_t size) {
  int h = ld_out_create(ctx->opt.output, "output", 1);
  if (h < 0) ld_check_errors();
  ld_out_pwrite(h, buf, size, 0);
  ld_out_commit();
}

/* ---- -r: sections ---------------------------------------------------------------------- */

static uint32_t hash_name(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) h = (h ^ (uint8_t)*s++) * 16777619u;
  return h;
}

static rsec *new_rsec(const ld_isec *is) {
  rsec *rs = ld_xcalloc(1, sizeof *rs);
  rs->r_os.os_name = is->is_name;
  rs->r_os.os_type = is->is_type;
  rs->r_os.os_flags = is->is_flags;
  rs->r_os.os_entsize = is->is_entsize;
  rs->r_os.os_align = 1;
  ld_vec_push(&P.rsecs, rs);
  return rs;
}

static rsec *named_rsec(const ld_isec *is) {
  if (P.name_n * 2 >= P.name_cap) {
    uint32_t ncap = P.name_cap ? P.name_cap * 2 : 256;
    rsec **nm = ld_xcalloc(ncap, sizeof *nm);
    for (uint32_t i = 0; i < P.name_cap; i++) {
      if (!P.name_map[i]) continue;
      uint32_t j = hash_name(P.name_map[i]->r_os.os_name) & (ncap - 1);
      while (nm[j]) j = (j + 1) & (ncap - 1);
      nm[j] = P.name_map[i];
    }
    free(P.name_map);
    P.name_map = nm;
    P.name_cap = ncap;
  }
  uint32_t j = hash_name(is->is_name) & (P.name_cap - 1);
  for (; P.name_map[j]; j = (j + 1) & (P.name_cap - 1))
    if (!strcmp(P.name_map[j]->r_os.os_name, is->is_name)) return P.name_map[j];
  P.name_n++;
  return P.name_map[j] = new_rsec(is);
}

static void add_piece(rsec *rs, ld_isec *is) {
  ld_osec *os = &rs->r_os;
  if (os->os_isecs.n) {
    /* Contents win over NOBITS: a .bss piece in a PROGBITS section is written as zeros. */
    if (os->os_type != is->is_type && (os->os_type == SHT_NOBITS || is->is_type == SHT_NOBITS))
      os->os_type = SHT_PROGBITS;
    if (((os->os_flags ^ is->is_flags) & (SHF_MERGE | SHF_STRINGS)) ||
        os->os_entsize != is->is_entsize)
      rs->r_mixed_merge = 1;
    os->os_flags |= is->is_flags;
  }
  if (is->is_align > os->os_align) os->os_align = is->is_align;
  is->is_out = os;
  ld_vec_push(&os->os_isecs, is);
  if (is->is_flags & SHF_MERGE) ld_merge_note(is);
}

/* The kept groups of `o`; grp[k] is the group whose member section k is. */
static void read_groups(ld_obj *o, rgroup **grp) {
  for (uint32_t i = 1; i < o->o_nsec; i++) {
    if (shdr_type(o, i) != SHT_GROUP) continue;
    uint64_t size = shdr_size(o, i);
    if (size < 4 || (size & 3)) continue; /* reported by ld/object.c */
    const uint8_t *g = o->o_data + shdr_offset(o, i);
    int kept = 0;
    for (uint64_t k = 1; k < size / 4; k++) {
      uint32_t m = elf_rd32(g + 4 * k, o->o_be);
      if (m < o->o_nsec && o->o_secs[m] && o->o_secs[m]->is_live) kept = 1;
    }
    if (!kept) continue; /* a losing COMDAT group (or one with nothing to keep) */
    rgroup *gr = ld_xcalloc(1, sizeof *gr);
    gr->g_file = o;
    gr->g_flags = elf_rd32(g, o->o_be);
    gr->g_sig = shdr_info(o, i);
    if (gr->g_sig == 0 || gr->g_sig >= o->o_nsym) {
      ld_error("%s: group section %u has bad signature symbol %u", o->o_name, i, gr->g_sig);
      continue;
    }
    ld_vec_push(&P.groups, gr);
    for (uint64_t k = 1; k < size / 4; k++) {
      uint32_t m = elf_rd32(g + 4 * k, o->o_be);
      if (m < o->o_nsec && o->o_secs[m]) grp[m] = gr;
    }
  }
}

static void place_all(void) {
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    rgroup **grp = ld_xcalloc(o->o_nsec, sizeof *grp);
    read_groups(o, grp);
    for (uint32_t k = 1; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live) continue;
      rsec *rs;
      if (grp[k]) {
        rs = new_rsec(is);
        rs->r_grouped = 1;
        ld_vec_push(&grp[k]->g_secs, rs);
      } else if (is->is_flags & SHF_LINK_ORDER) {
        /* Its sh_link must name one output section: keep it apart. */
        uint32_t l = shdr_link(o, k);
        rs = new_rsec(is);
        rs->r_link_to = l < o->o_nsec ? o->o_secs[l] : NULL;
      } else {
        rs = named_rsec(is);
      }
      add_piece(rs, is);
    }
    free(grp);
  }
  /* Mergeable sections keep one copy of each piece (and their flags, so that the final link
   * merges again across objects). */
  ld_merge_sections();
  for (uint32_t i = 0; i < P.rsecs.n; i++) {
    rsec *rs = P.rsecs.v[i];
    ld_osec *os = &rs->r_os;
    uint64_t off = 0;
    for (uint32_t k = 0; k < os->os_isecs.n; k++) {
      ld_isec *is = os->os_isecs.v[k];
      off = ld_align(off, is->is_align);
      is->is_off = off;
      off += is->is_size;
    }
    os->os_size = off;
    if (rs->r_mixed_merge) {
      os->os_flags &= ~(uint64_t)(SHF_MERGE | SHF_STRINGS);
      os->os_entsize = 0;
    }
    if (rs->r_grouped) os->os_flags |= SHF_GROUP;
    else os->os_flags &= ~(uint64_t)SHF_GROUP;
  }
  ld_merge_finalize();
}

/* ---- -r: symbols ----------------------------------------------------------------------- */

/* Write output symbol entry `p` of section `sec` (an output section index, or 0 and `special`
 * for SHN_UNDEF, SHN_ABS, SHN_COMMON). */
static void put_rsym(uint8_t *p, uint32_t name, uint64_t value, uint64_t size, uint8_t info,
                     uint8_t other, uint32_t sec, uint16_t special) {
  uint16_t shndx = sec ? (uint16_t)sec : special;
  if (sec >= SHN_LORESERVE) {
    uint32_t esz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
    P.xshndx[(p - P.symbuf) / esz] = sec;
    shndx = SHN_XINDEX;
  }
  ld_put_sym(p, name, value, size, info, other, shndx);
}

static uint8_t *new_sym(ld_sym *s) {
  uint32_t esz = ctx->is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  if (P.nsyms == P.symcap) {
    P.symcap = P.symcap ? P.symcap * 2 : 1024;
    P.symbuf = ld_xrealloc(P.symbuf, (size_t)P.symcap * esz);
    if (P.xshndx) {
      P.xshndx = ld_xrealloc(P.xshndx, (size_t)P.symcap * sizeof *P.xshndx);
      memset(P.xshndx + P.nsyms, 0, (size_t)(P.symcap - P.nsyms) * sizeof *P.xshndx);
    }
  }
  if (s) s->s_symidx = P.nsyms;
  return P.symbuf + (uint64_t)esz * P.nsyms++;
}

static int keep_local(const ld_sym *s) {
  if (s->s_type == STT_SECTION) return 0; /* replaced by the output's section symbols */
  if (s->s_type == STT_FILE) return ctx->opt.discard != DISCARD_ALL;
  if (!ld_keep_local_name(s)) return 0; /* relocations against it use the section symbol */
  if (s->s_sec) return s->s_sec->is_live && s->s_sec->is_out;
  return s->s_alias_abs;
}

static int keep_global(const ld_sym *s) {
  if (s->s_def == SD_REGULAR || s->s_def == SD_COMMON) return 1;
  return (s->s_def == SD_UNDEF || s->s_def == SD_LAZY) && s->s_referenced;
}

/* Value and section index of a symbol defined in an input section. */
static void sec_value(const ld_sym *s, uint64_t *value, uint32_t *shndx) {
  int dropped;
  *value = piece_off(s->s_sec, s->s_value, &dropped);
  *shndx = s->s_sec->is_out->os_shndx;
}

static void add_global(ld_sym *s) {
  uint64_t value = 0, size = 0;
  uint32_t sec = 0;
  uint16_t shndx = SHN_UNDEF;
  uint8_t bind = s->s_bind, type = s->s_type;
  /* "foo@@V" was entered as "foo": the version goes back on the name. */
  const char *name = s->s_name;
  if (ld_gc(s)->s_verdef && !ld_gc(s)->s_verdef_hidden)
    name = ld_sprintf("%.*s@@%s", (int)s->s_namelen, s->s_name, ld_gc(s)->s_verdef);
  uint32_t nlen = name == s->s_name ? s->s_namelen : (uint32_t)strlen(name);
  if (s->s_def == SD_REGULAR) {
    size = s->s_size;
    if (s->s_sec) sec_value(s, &value, &sec);
    else value = s->s_value, shndx = SHN_ABS;
  } else if (s->s_def == SD_COMMON) {
    value = s->s_value; /* the alignment */
    size = s->s_size;
    shndx = SHN_COMMON;
  } else {
    bind = s->s_weakref ? STB_WEAK : STB_GLOBAL;
    type = s->s_file && s->s_file->o_kind == FK_OBJ ? ELF_ST_TYPE(in_sym_info(s->s_file, s->s_esym))
                                                    : STT_NOTYPE;
  }
  put_rsym(new_sym(s), str_add(&P.strtab, name, nlen), value, size, ELF_ST_INFO(bind, type),
           s->s_vis, sec, shndx);
}

static void collect_rest(ld_sym *s, void *arg) {
  (void)arg;
  if (!s->s_mark && keep_global(s)) ld_vec_push(&P.rest, s);
}

static int cmp_name(const void *a, const void *b) {
  const ld_sym *x = *(ld_sym *const *)a, *y = *(ld_sym *const *)b;
  return strcmp(x->s_name, y->s_name);
}

static void build_symtab(void) {
  ld_put_sym(new_sym(NULL), 0, 0, 0, 0, 0, 0);
  for (uint32_t i = 0; i < P.rsecs.n; i++) {
    rsec *rs = P.rsecs.v[i];
    rs->r_symidx = P.nsyms;
    put_rsym(new_sym(NULL), 0, 0, 0, ELF_ST_INFO(STB_LOCAL, STT_SECTION), 0, rs->r_os.os_shndx, 0);
  }
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 1; k < o->o_first_global; k++) {
      ld_sym *s = &o->o_locals[k];
      if (!keep_local(s)) continue;
      uint64_t value = s->s_value;
      uint32_t sec = 0;
      if (s->s_sec) sec_value(s, &value, &sec);
      put_rsym(new_sym(s), str_add(&P.strtab, s->s_name, s->s_namelen), value, s->s_size,
               ELF_ST_INFO(STB_LOCAL, s->s_type), s->s_vis, sec, SHN_ABS);
    }
  }
  /* A group's signature may be a local defined in the group section itself (GCC's D5 destructor
   * groups); with no content section of its own it goes with the output group. */
  for (uint32_t i = 0; i < P.groups.n; i++) {
    rgroup *g = P.groups.v[i];
    ld_sym *s = g->g_file->o_syms[g->g_sig];
    if (!s || !s->s_local || s->s_type == STT_SECTION || s->s_symidx) continue;
    put_rsym(new_sym(s), str_add(&P.strtab, s->s_name, s->s_namelen), 0, 0,
             ELF_ST_INFO(STB_LOCAL, s->s_type), s->s_vis, g->g_shndx, 0);
  }
  P.nlocal = P.nsyms;
  /* Globals in the order objects first mention them; the rest (-u names no object mentions) by
   * name, so the output does not depend on the hash table's order. */
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      ld_sym *s = o->o_syms[k];
      if (!s || s->s_mark || !keep_global(s)) continue;
      if (s->s_def == SD_SYNTH) continue;
      s->s_mark = 1;
      add_global(s);
    }
  }
  ld_sym_foreach(collect_rest, NULL);
  ld_qsort(P.rest.v, P.rest.n, sizeof(void *), cmp_name);
  for (uint32_t i = 0; i < P.rest.n; i++) add_global(P.rest.v[i]);
}

/* ---- -r: relocations ------------------------------------------------------------------- */

/* The output symbol a relocation of `is` against input symbol `r_sym` names, and what its addend
 * gains. Returns UINT32_MAX when the symbol went with a discarded section. */
static uint32_t map_sym(ld_isec *is, uint32_t r_sym, uint64_t *delta) {
  *delta = 0;
  if (r_sym == 0) return 0;
  ld_sym *s = is->is_file->o_syms[r_sym];
  if (!s) return UINT32_MAX;
  /* A section symbol, or a local one -x/-X dropped: the output section's symbol, with the
   * offset in the addend. */
  if (s->s_local && (s->s_type == STT_SECTION || (!s->s_symidx && s->s_sec))) {
    ld_isec *t = s->s_sec;
    if (!t || !t->is_live || !t->is_out) return UINT32_MAX;
    *delta = t->is_off + (s->s_type == STT_SECTION ? 0 : s->s_value);
    return ((rsec *)t->is_out)->r_symidx;
  }
  return s->s_symidx ? s->s_symidx : UINT32_MAX;
}

static void count_rels(rsec *rs) {
  for (uint32_t k = 0; k < rs->r_os.os_isecs.n; k++) {
    ld_isec *is = rs->r_os.os_isecs.v[k];
    if (!is->is_relsec) continue;
    ld_read_rels(is);
    for (uint32_t j = 0; j < is->is_nrels; j++) {
      int dropped;
      piece_off(is, is->is_rels[j].r_offset, &dropped);
      if (!dropped) rs->r_nrels++;
    }
  }
}

/* Build the output relocations of `rs`; on REL targets the moved addends are written into the
 * section's bytes at `data` (already copied). */
static void build_rels(rsec *rs, uint8_t *data) {
  const ld_target *tg = ctx->tg;
  rs->r_rels = ld_xmalloc((rs->r_nrels ? rs->r_nrels : 1) * sizeof *rs->r_rels);
  uint32_t n = 0;
  for (uint32_t k = 0; k < rs->r_os.os_isecs.n; k++) {
    ld_isec *is = rs->r_os.os_isecs.v[k];
    for (uint32_t j = 0; is->is_relsec && j < is->is_nrels; j++) {
      const ld_rel *r = &is->is_rels[j];
      int dropped;
      uint64_t off = piece_off(is, r->r_offset, &dropped);
      if (dropped) continue;
      uint64_t delta;
      uint32_t sym = map_sym(is, r->r_sym, &delta);
      ld_rel *o = &rs->r_rels[n++];
      o->r_offset = off;
      o->r_type = r->r_type;
      o->r_sym = sym;
      o->r_addend = r->r_addend + (int64_t)delta;
      ld_sym *ts = r->r_sym ? is->is_file->o_syms[r->r_sym] : NULL;
      if (sym != UINT32_MAX && ts && ts->s_local && ts->s_type == STT_SECTION && ts->s_sec &&
          ts->s_sec->is_merge) {
        /* The addend picks a piece of a merged section: map it whole. */
        int d;
        o->r_addend = (int64_t)piece_off(ts->s_sec, ts->s_value + (uint64_t)r->r_addend, &d);
        delta = 1; /* REL: the field is written again */
      }
      const ld_howto *hw = &tg->tg_howto[r->r_type];
      if (sym == UINT32_MAX) {
        /* The target was discarded (a losing COMDAT group's code, seen from debug info): no
         * relocation, and a zero field, as a final link leaves such references. */
        o->r_sym = 0;
        o->r_type = 0; /* R_*_NONE is 0 on every ELF machine */
        o->r_addend = 0;
        if (!tg->tg_rela && hw->size && data) tg->tg_apply(data + off, r->r_type, 0);
        continue;
      }
      if (!tg->tg_rela && delta && hw->size && data)
        tg->tg_apply(data + off, r->r_type, (uint64_t)o->r_addend);
    }
  }
  rs->r_nrels = n;
}

/* ---- -r: writing ----------------------------------------------------------------------- */

static void copy_piece(const ld_isec *is, uint8_t *out) {
  if (is->is_type == SHT_NOBITS || !is->is_data) return;
  if (is->is_merge) {
    ld_merge_write(is, out);
    return;
  }
  if (!is->is_eh) {
    memcpy(out, is->is_data, is->is_size);
    return;
  }
  /* Live records only; an FDE's CIE pointer counts back from its own field to its CIE. */
  for (uint32_t j = 0; j < is->is_neh; j++) {
    const ld_ehrec *r = &is->is_eh[j];
    if (!r->er_live) continue;
    memcpy(out + r->er_out, is->is_data + r->er_off, r->er_size);
    if (r->er_cie >= 0)
      elf_wr32(out + r->er_out + 4, r->er_out + 4 - is->is_eh[r->er_cie].er_out, ctx->be);
  }
}

static void write_ehdr(uint8_t *b, uint64_t shoff, uint32_t shnum, uint32_t shstrndx) {
  int be = ctx->be, is64 = ctx->is64;
  memcpy(b, "\177ELF", 4);
  b[EI_CLASS] = is64 ? ELFCLASS64 : ELFCLASS32;
  b[EI_DATA] = be ? ELFDATA2MSB : ELFDATA2LSB;
  b[EI_VERSION] = EV_CURRENT;
  /* An input marked for the GNU ABI (STB_GNU_UNIQUE, IFUNC) makes the output so too. */
  b[EI_OSABI] = ELFOSABI_SYSV;
  uint16_t mach;
  uint32_t flags;
  ld_output_ident(&mach, &flags);
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    if (o->o_data[EI_OSABI] && !b[EI_OSABI]) b[EI_OSABI] = o->o_data[EI_OSABI];
  }
  elf_wr16(b + 16, ET_REL, be);
  elf_wr16(b + 18, mach, be);
  elf_wr32(b + 20, EV_CURRENT, be);
  if (is64) {
    elf_wr64(b + 40, shoff, be);
    elf_wr32(b + 48, flags, be);
    elf_wr16(b + 52, ELF64_EHDR_SIZE, be);
    elf_wr16(b + 58, ELF64_SHDR_SIZE, be);
    elf_wr16(b + 60, (uint16_t)shnum, be);
    elf_wr16(b + 62, (uint16_t)shstrndx, be);
  } else {
    elf_wr32(b + 32, (uint32_t)shoff, be);
    elf_wr32(b + 36, flags, be);
    elf_wr16(b + 40, ELF32_EHDR_SIZE, be);
    elf_wr16(b + 46, ELF32_SHDR_SIZE, be);
    elf_wr16(b + 48, (uint16_t)shnum, be);
    elf_wr16(b + 50, (uint16_t)shstrndx, be);
  }
}

/* Executable stack: as a final link decides it (ld/layout.c), from the inputs' notes and -z. */
static int wants_exec_stack(void) {
  if (ctx->opt.z_execstack) return 1;
  if (ctx->opt.z_noexecstack) return 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++)
    if (((ld_obj *)ctx->objs.v[i])->o_exec_stack) return 1;
  return 0;
}

void ld_write_relocatable(void) {
  P = (struct relocatable_pass){0};
  if (ctx->shared.n)
    ld_error("%s: a shared object cannot be an input of a relocatable link (-r)",
             ((ld_obj *)ctx->shared.v[0])->o_name);
  if (ctx->opt.defsyms.n) ld_error("--defsym cannot be used with -r");
  ld_check_errors();
  place_all();
  for (uint32_t i = 0; i < P.rsecs.n; i++) count_rels(P.rsecs.v[i]);
  ld_check_errors();

  /* Section indices: the groups first (a group precedes its members), then each section with
   * its relocations right after it, then the stack note and the tables. */
  uint32_t shnum = 1;
  for (uint32_t i = 0; i < P.groups.n; i++) ((rgroup *)P.groups.v[i])->g_shndx = shnum++;
  for (uint32_t i = 0; i < P.rsecs.n; i++) {
    rsec *rs = P.rsecs.v[i];
    rs->r_os.os_shndx = shnum++;
    if (rs->r_nrels) rs->r_rel_shndx = shnum++;
  }
  uint32_t note_idx = shnum++, symtab_idx = shnum++, strtab_idx = shnum++, shstr_idx = shnum++;
  /* The inputs' properties, merged as a final link merges them, so that the final link sees
   * what the objects said (x86 ISA level, IBT, SHSTK). */
  uint32_t props[64][2];
  uint32_t nprops = ctx->tg->tg_gnu_properties ? ld_merge_properties(props, 64) : 0;
  uint32_t prop_idx = nprops ? shnum++ : 0;
  /* SHN_LORESERVE sections or more: extended section indices, as the gABI has them (e_shnum 0
   * and the count in section 0's sh_size, e_shstrndx SHN_XINDEX and the index in its sh_link,
   * symbols' indices in .symtab_shndx). */
  uint32_t xindex_idx = 0;
  if (shnum >= SHN_LORESERVE) {
    xindex_idx = shnum++;
    P.xshndx = ld_xcalloc(1, sizeof *P.xshndx);
  }

  build_symtab();

  /* --compress-debug-sections: debug sections are made (and their relocations built) first,
   * and compressed; their sizes change before the layout. */
  uint8_t **pre = ld_xcalloc(P.rsecs.n + 1, sizeof *pre);
  if (ctx->opt.compress_debug) {
    ld_osec **list = ld_xmalloc((P.rsecs.n + 1) * sizeof *list);
    for (uint32_t i = 0; i < P.rsecs.n; i++) {
      rsec *rs = P.rsecs.v[i];
      list[i] = &rs->r_os;
      if ((rs->r_os.os_flags & SHF_ALLOC) || rs->r_os.os_type == SHT_NOBITS ||
          strncmp(rs->r_os.os_name, ".debug", 6) || !rs->r_os.os_size)
        continue;
      pre[i] = ld_xcalloc(1, rs->r_os.os_size);
      for (uint32_t k = 0; k < rs->r_os.os_isecs.n; k++) {
        ld_isec *is = rs->r_os.os_isecs.v[k];
        copy_piece(is, pre[i] + is->is_off);
      }
      build_rels(rs, pre[i]);
    }
    ld_compress_buffers(list, pre, P.rsecs.n);
    free(list);
  }

  /* File layout. */
  int is64 = ctx->is64, be = ctx->be;
  uint64_t word = is64 ? 8 : 4;
  uint64_t off = is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE;
  uint32_t resz = rel_entsize(), symesz = is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  for (uint32_t i = 0; i < P.groups.n; i++) {
    rgroup *g = P.groups.v[i];
    uint32_t n = 1;
    for (uint32_t k = 0; k < g->g_secs.n; k++) n += ((rsec *)g->g_secs.v[k])->r_rel_shndx ? 2 : 1;
    off = ld_align(off, 4);
    g->g_off = off;
    g->g_size = 4ull * n;
    off += g->g_size;
  }
  for (uint32_t i = 0; i < P.rsecs.n; i++) {
    rsec *rs = P.rsecs.v[i];
    off = ld_align(off, rs->r_os.os_align);
    rs->r_os.os_offset = off;
    if (rs->r_os.os_type != SHT_NOBITS) off += rs->r_os.os_size;
    if (rs->r_nrels) {
      off = ld_align(off, word);
      rs->r_reloff = off;
      off += (uint64_t)rs->r_nrels * resz;
    }
  }
  uint64_t note_off = off;
  uint32_t pal = is64 ? 8 : 4, prop_size = 16 + nprops * (8 + pal);
  off = ld_align(off, pal);
  uint64_t prop_off = off;
  if (prop_idx) off += prop_size;
  off = ld_align(off, word);
  uint64_t symtab_off = off;
  off += (uint64_t)P.nsyms * symesz;
  uint64_t strtab_off = off;
  off += P.strtab.sb_len ? P.strtab.sb_len : 1;
  off = ld_align(off, 4);
  uint64_t xindex_off = off;
  if (xindex_idx) off += 4ull * P.nsyms;
  strbuf shstr = {0};
  uint64_t shstr_off = off;
  /* Names are added in section order below; size them now. */
  uint64_t shstr_size = 1 + sizeof ".group" * P.groups.n + sizeof ".note.GNU-stack" +
                        sizeof ".symtab" + sizeof ".strtab" + sizeof ".shstrtab" +
                        sizeof ".symtab_shndx" + sizeof ".note.gnu.property";
  for (uint32_t i = 0; i < P.rsecs.n; i++) {
    rsec *rs = P.rsecs.v[i];
    size_t n = strlen(rs->r_os.os_name) + 1;
    shstr_size += n + (rs->r_nrels ? n + (ctx->tg->tg_rela ? 5 : 4) : 0);
  }
  off += shstr_size;
  off = ld_align(off, word);
  uint64_t shoff = off;
  uint32_t shesz = is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE;
  uint64_t filesize = off + (uint64_t)shnum * shesz;

  uint8_t *buf = ld_xcalloc(1, filesize);
  uint8_t *sh = buf + shoff;
  for (uint32_t i = 0; i < P.groups.n; i++) {
    rgroup *g = P.groups.v[i];
    uint8_t *p = buf + g->g_off;
    elf_wr32(p, g->g_flags, be);
    p += 4;
    for (uint32_t k = 0; k < g->g_secs.n; k++) {
      rsec *rs = g->g_secs.v[k];
      elf_wr32(p, rs->r_os.os_shndx, be), p += 4;
      if (rs->r_rel_shndx) elf_wr32(p, rs->r_rel_shndx, be), p += 4;
    }
    ld_sym *sig = g->g_file->o_syms[g->g_sig];
    uint32_t info = 0;
    if (sig && sig->s_local && sig->s_type == STT_SECTION) {
      if (sig->s_sec && sig->s_sec->is_out) info = ((rsec *)sig->s_sec->is_out)->r_symidx;
    } else if (sig) {
      info = sig->s_symidx;
    }
    if (!info)
      ld_error("%s: the signature of a kept section group has no output symbol", g->g_file->o_name);
    put_shdr(sh + (uint64_t)g->g_shndx * shesz, str_add(&shstr, ".group", 6), SHT_GROUP, 0,
             g->g_off, g->g_size, symtab_idx, info, 4, 4);
  }
  for (uint32_t i = 0; i < P.rsecs.n; i++) {
    rsec *rs = P.rsecs.v[i];
    ld_osec *os = &rs->r_os;
    uint8_t *data = os->os_type == SHT_NOBITS ? NULL : buf + os->os_offset;
    if (pre[i]) {
      memcpy(data, os->os_buf ? os->os_buf : pre[i], os->os_size);
    } else {
      if (data)
        for (uint32_t k = 0; k < os->os_isecs.n; k++) {
          ld_isec *is = os->os_isecs.v[k];
          copy_piece(is, data + is->is_off);
        }
      build_rels(rs, data);
    }
    uint32_t link = 0;
    if (rs->r_link_to && rs->r_link_to->is_out) link = rs->r_link_to->is_out->os_shndx;
    uint32_t name = str_add(&shstr, os->os_name, strlen(os->os_name));
    put_shdr(sh + (uint64_t)os->os_shndx * shesz, name, os->os_type, os->os_flags, os->os_offset,
             os->os_size, link, 0, os->os_align, os->os_entsize);
    if (!rs->r_nrels) continue;
    uint8_t *p = buf + rs->r_reloff;
    for (uint32_t k = 0; k < rs->r_nrels; k++, p += resz) {
      const ld_rel *r = &rs->r_rels[k];
      put_rel(p, r->r_offset, r->r_sym, r->r_type, r->r_addend);
    }
    const char *rn = rel_name(os->os_name);
    put_shdr(sh + (uint64_t)rs->r_rel_shndx * shesz, str_add(&shstr, rn, strlen(rn)),
             ctx->tg->tg_rela ? SHT_RELA : SHT_REL, SHF_INFO_LINK | (os->os_flags & SHF_GROUP),
             rs->r_reloff, (uint64_t)rs->r_nrels * resz, symtab_idx, os->os_shndx, word, resz);
  }
  put_shdr(sh + (uint64_t)note_idx * shesz, str_add(&shstr, ".note.GNU-stack", 15), SHT_PROGBITS,
           wants_exec_stack() ? SHF_EXECINSTR : 0, note_off, 0, 0, 0, 1, 0);
  if (prop_idx) {
    uint8_t *b = buf + prop_off;
    ld_write_properties(b, (const uint32_t(*)[2])props, nprops);
    put_shdr(sh + (uint64_t)prop_idx * shesz, str_add(&shstr, ".note.gnu.property", 18), SHT_NOTE,
             SHF_ALLOC, prop_off, prop_size, 0, 0, pal, 0);
  }
  memcpy(buf + symtab_off, P.symbuf, (uint64_t)P.nsyms * symesz);
  put_shdr(sh + (uint64_t)symtab_idx * shesz, str_add(&shstr, ".symtab", 7), SHT_SYMTAB, 0,
           symtab_off, (uint64_t)P.nsyms * symesz, strtab_idx, P.nlocal, word, symesz);
  if (P.strtab.sb_len) memcpy(buf + strtab_off, P.strtab.sb_buf, P.strtab.sb_len);
  put_shdr(sh + (uint64_t)strtab_idx * shesz, str_add(&shstr, ".strtab", 7), SHT_STRTAB, 0,
           strtab_off, P.strtab.sb_len ? P.strtab.sb_len : 1, 0, 0, 1, 0);
  if (xindex_idx) {
    for (uint32_t i = 0; i < P.nsyms; i++) elf_wr32(buf + xindex_off + 4ull * i, P.xshndx[i], be);
    put_shdr(sh + (uint64_t)xindex_idx * shesz, str_add(&shstr, ".symtab_shndx", 13),
             SHT_SYMTAB_SHNDX, 0, xindex_off, 4ull * P.nsyms, symtab_idx, 0, 4, 4);
  }
  uint32_t shstr_name = str_add(&shstr, ".shstrtab", 9);
  if (shstr.sb_len > shstr_size) ld_fatal("-r: section name table overflows its estimate");
  memcpy(buf + shstr_off, shstr.sb_buf, shstr.sb_len);
  put_shdr(sh + (uint64_t)shstr_idx * shesz, shstr_name, SHT_STRTAB, 0, shstr_off, shstr.sb_len, 0,
           0, 1, 0);
  if (shnum >= SHN_LORESERVE) { /* the real counts go in section 0 */
    put_shdr(sh, 0, SHT_NULL, 0, 0, shnum, shstr_idx >= SHN_LORESERVE ? shstr_idx : 0, 0, 0, 0);
    write_ehdr(buf, shoff, 0, shstr_idx >= SHN_LORESERVE ? SHN_XINDEX : shstr_idx);
  } else {
    write_ehdr(buf, shoff, shnum, shstr_idx);
  }
  ld_check_errors();
  write_file(buf, filesize);
}

/* ---- --emit-relocs --------------------------------------------------------------------- */

typedef struct erel {
  ld_osec *e_os;
  ld_vec e_isecs; /* ld_isec* with relocations */
  uint32_t e_n;
  uint32_t e_shndx;
  uint64_t e_off;
} erel;

void ld_emit_relocs(void) {
  if (!ctx->symtab) {
    ld_error("--emit-relocs needs the output symbol table; it cannot be used with -s");
    ld_check_errors();
  }
  const ld_target *tg = ctx->tg;
  int be = ctx->be, is64 = ctx->is64;
  ld_vec secs = {0};
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (os->os_synth || !(os->os_flags & SHF_ALLOC)) continue;
    erel *e = NULL;
    for (uint32_t k = 0; k < os->os_isecs.n; k++) {
      ld_isec *is = os->os_isecs.v[k];
      if (!is->is_live || !is->is_relsec) continue;
      ld_read_rels(is);
      if (!e) {
        e = ld_xcalloc(1, sizeof *e);
        e->e_os = os;
        ld_vec_push(&secs, e);
      }
      ld_vec_push(&e->e_isecs, is);
      for (uint32_t j = 0; j < is->is_nrels; j++) {
        int dropped = 0;
        if (is->is_eh) ld_ehframe_map(is, is->is_rels[j].r_offset, &dropped);
        if (!dropped) e->e_n++;
      }
    }
  }
  if (!secs.n) return;

  /* The written output (still the temporary), read back whole: the new sections, a new name
   * table and a new section header table go after it, and the old headers are left as unused
   * bytes. Only the ELF header and what is appended are written again. */
  const char *path = ctx->opt.output;
  int fd = ctx->out_fd;
  uint64_t old = ctx->filesize;
  uint32_t shesz = is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE, resz = rel_entsize();
  uint32_t oldnum = ctx->norder + 1, shnum = oldnum + secs.n;
  if (shnum >= SHN_LORESERVE) ld_fatal("--emit-relocs: too many output sections (%u)", shnum);
  uint64_t word = is64 ? 8 : 4, off = ld_align(old, word);
  for (uint32_t i = 0; i < secs.n; i++) {
    erel *e = secs.v[i];
    e->e_shndx = oldnum + i;
    e->e_off = off;
    off += (uint64_t)e->e_n * resz;
  }
  uint64_t shstr_off = off, old_shstr_size = ctx->shstrtab->os_size, shstr_size = old_shstr_size;
  for (uint32_t i = 0; i < secs.n; i++)
    shstr_size += strlen(rel_name(((erel *)secs.v[i])->e_os->os_name)) + 1;
  off = ld_align(off + shstr_size, word);
  uint64_t shoff = off, size = off + (uint64_t)shnum * shesz;
  uint8_t *buf = ld_xcalloc(1, size);
  for (uint64_t done = 0; done < old;) {
    ssize_t n = pread(fd, buf + done, old - done, (off_t)done);
    if (n <= 0)
      ld_fatal("--emit-relocs: cannot read back output %s: %s", path,
               strerror(n < 0 ? errno : EIO));
    done += (uint64_t)n;
  }

  /* Section names: the old table, then the new names. */
  uint8_t *names = buf + shstr_off;
  memcpy(names, buf + ctx->shstrtab->os_offset, old_shstr_size);
  uint64_t noff = old_shstr_size;
  uint64_t old_shoff = is64 ? elf_rd64(buf + 40, be) : elf_rd32(buf + 32, be);
  memcpy(buf + shoff, buf + old_shoff, (uint64_t)oldnum * shesz);
  uint8_t *sh = buf + shoff;
  uint8_t *strh = sh + (uint64_t)ctx->shstrtab->os_shndx * shesz;
  if (is64) {
    elf_wr64(strh + 24, shstr_off, be);
    elf_wr64(strh + 32, shstr_size, be);
  } else {
    elf_wr32(strh + 16, (uint32_t)shstr_off, be);
    elf_wr32(strh + 20, (uint32_t)shstr_size, be);
  }

  for (uint32_t i = 0; i < secs.n; i++) {
    erel *e = secs.v[i];
    uint8_t *p = buf + e->e_off;
    for (uint32_t k = 0; k < e->e_isecs.n; k++) {
      ld_isec *is = e->e_isecs.v[k];
      for (uint32_t j = 0; j < is->is_nrels; j++) {
        const ld_rel *r = &is->is_rels[j];
        int dropped = 0;
        uint64_t P = ld_isec_addr(is) +
                     (is->is_eh ? ld_ehframe_map(is, r->r_offset, &dropped) : r->r_offset);
        if (dropped) continue;
        uint32_t type = r->r_type, sym = 0;
        int64_t A = r->r_addend;
        ld_sym *s = r->r_sym ? is->is_file->o_syms[r->r_sym] : NULL;
        if (s && s->s_symidx && !(s->s_local && s->s_type == STT_SECTION)) {
          sym = s->s_symidx;
        } else if (s && s->s_local && s->s_sec && (!s->s_sec->is_live || !s->s_sec->is_out)) {
          type = 0, A = 0; /* into a discarded section: R_*_NONE */
        } else if (s && s->s_local && s->s_type == STT_SECTION && s->s_sec && s->s_sec->is_merge) {
          /* Into a merged section: the addend picks the place. */
          A = (int64_t)ld_merge_addr(s->s_sec, s->s_value + (uint64_t)A);
        } else if (s) {
          /* No symbol of its own in the output: the target address is the addend. */
          A += (int64_t)(s->s_local ? ld_local_addr(s) : ld_sym_addr(s));
        }
        put_rel(p, P, sym, type, A);
        p += resz;
      }
    }
    const char *rn = rel_name(e->e_os->os_name);
    size_t len = strlen(rn);
    memcpy(names + noff, rn, len + 1);
    put_shdr(sh + (uint64_t)e->e_shndx * shesz, (uint32_t)noff, tg->tg_rela ? SHT_RELA : SHT_REL,
             SHF_INFO_LINK, e->e_off, (uint64_t)e->e_n * resz, ctx->symtab->os_shndx,
             e->e_os->os_shndx, word, resz);
    noff += len + 1;
  }
  if (is64) {
    elf_wr64(buf + 40, shoff, be);
    elf_wr16(buf + 60, (uint16_t)shnum, be);
  } else {
    elf_wr32(buf + 32, (uint32_t)shoff, be);
    elf_wr16(buf + 48, (uint16_t)shnum, be);
  }
  uint64_t ehsz = is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE;
  for (uint64_t done = 0; done < size - old;) {
    ssize_t n = pwrite(fd, buf + old + done, size - old - done, (off_t)(old + done));
    if (n <= 0) ld_fatal("cannot write output %s: %s", path, strerror(n < 0 ? errno : EIO));
    done += (uint64_t)n;
  }
  if (pwrite(fd, buf, ehsz, 0) != (ssize_t)ehsz)
    ld_fatal("cannot write output %s: %s", path, strerror(errno));
  free(buf);
}
