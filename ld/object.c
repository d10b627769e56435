/* Pass 2, parsing: relocatable objects. Headers, sections and symbols are read field by field
 * through the byte-order helpers and normalised to one wide form; every offset and size is
 * checked against the file before it is used. COMDAT groups are claimed here, in link order, so
 * the first group of a signature wins and its losers' sections never become live. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"

#define AHEAD 8 /* COMDAT claims or symbols whose memory is asked for before they are reached */
#include "plugin.h"

void ld_read_shdr(const ld_obj *o, uint32_t i, ld_shdr *h) {
  const uint8_t *p = o->o_shdrs + (uint64_t)i * (o->o_is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE);
  int be = o->o_be;
  h->name = elf_rd32(p, be);
  h->type = elf_rd32(p + 4, be);
  if (o->o_is64) {
    h->flags = elf_rd64(p + 8, be);
    h->addr = elf_rd64(p + 16, be);
    h->offset = elf_rd64(p + 24, be);
    h->size = elf_rd64(p + 32, be);
    h->link = elf_rd32(p + 40, be);
    h->info = elf_rd32(p + 44, be);
    h->align = elf_rd64(p + 48, be);
    h->entsize = elf_rd64(p + 56, be);
  } else {
    h->flags = elf_rd32(p + 8, be);
    h->addr = elf_rd32(p + 12, be);
    h->offset = elf_rd32(p + 16, be);
    h->size = elf_rd32(p + 20, be);
    h->link = elf_rd32(p + 24, be);
    h->info = elf_rd32(p + 28, be);
    h->align = elf_rd32(p + 32, be);
    h->entsize = elf_rd32(p + 36, be);
  }
}

typedef struct esym {
  uint32_t name;
  uint8_t info, other;
  uint32_t shndx;
  uint64_t value, size;
} esym;

static void read_sym(const ld_obj *o, uint32_t i, esym *s) {
  int be = o->o_be;
  if (o->o_is64) {
    const uint8_t *p = o->o_symtab + (uint64_t)i * ELF64_SYM_SIZE;
    s->name = elf_rd32(p, be);
    s->info = p[4];
    s->other = p[5];
    s->shndx = elf_rd16(p + 6, be);
    s->value = elf_rd64(p + 8, be);
    s->size = elf_rd64(p + 16, be);
  } else {
    const uint8_t *p = o->o_symtab + (uint64_t)i * ELF32_SYM_SIZE;
    s->name = elf_rd32(p, be);
    s->value = elf_rd32(p + 4, be);
    s->size = elf_rd32(p + 8, be);
    s->info = p[12];
    s->other = p[13];
    s->shndx = elf_rd16(p + 14, be);
  }
  if (s->shndx == SHN_XINDEX && o->o_shndx) s->shndx = elf_rd32(o->o_shndx + 4 * (uint64_t)i, be);
}

static int in_file(const ld_obj *o, uint64_t off, uint64_t size) {
  return off <= o->o_size && size <= o->o_size - off;
}

/* The section name table was checked to end with a NUL when the object was opened, so any
 * offset inside it names a terminated string. */
static const char *sec_name(const ld_obj *o, uint32_t off) {
  if (!o->o_shstrtab || off >= o->o_shstrsz) return NULL;
  return o->o_shstrtab + off;
}

/* Sections that never reach the output as content. */
static int is_meta_type(uint32_t t) {
  return t == SHT_NULL || t == SHT_SYMTAB || t == SHT_STRTAB || t == SHT_REL || t == SHT_RELA ||
         t == SHT_GROUP || t == SHT_SYMTAB_SHNDX || t == SHT_LLVM_ADDRSIG;
}

ld_obj *ld_parse_object(const char *name, const uint8_t *d, uint64_t size) {
  ld_obj *o = ld_zalloc(1, sizeof *o);
  o->o_name = name;
  o->o_data = d;
  o->o_size = size;
  o->o_kind = FK_OBJ;
  if (size < EI_NIDENT || (d[EI_CLASS] != ELFCLASS32 && d[EI_CLASS] != ELFCLASS64) ||
      (d[EI_DATA] != ELFDATA2LSB && d[EI_DATA] != ELFDATA2MSB)) {
    ld_error("%s: bad ELF identification", name);
    return NULL;
  }
  o->o_is64 = d[EI_CLASS] == ELFCLASS64;
  o->o_be = d[EI_DATA] == ELFDATA2MSB;
  int be = o->o_be;
  uint64_t ehsz = o->o_is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE;
  if (size < ehsz) {
    ld_error("%s: truncated ELF header", name);
    return NULL;
  }
  /* An archive member reaches here whatever its type: only a relocatable object is read as one
   * (GNU ld takes a shared object in an archive as a DT_NEEDED dependency named after the
   * member, which nothing can load). */
  uint16_t type = elf_rd16(d + 16, be);
  if (type != ET_REL) {
    ld_error("%s: not a relocatable object (e_type %u%s)", name, type,
             type == ET_DYN    ? ", a shared object"
             : type == ET_EXEC ? ", an executable"
                               : "");
    return NULL;
  }
  o->o_machine = elf_rd16(d + 18, be);
  uint64_t shoff = o->o_is64 ? elf_rd64(d + 40, be) : elf_rd32(d + 32, be);
  uint32_t shentsize = elf_rd16(d + (o->o_is64 ? 58 : 46), be);
  uint32_t shnum = elf_rd16(d + (o->o_is64 ? 60 : 48), be);
  uint32_t shstrndx = elf_rd16(d + (o->o_is64 ? 62 : 50), be);
  uint32_t want = o->o_is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE;
  if (shoff == 0) {
    ld_error("%s: no section header table", name);
    return NULL;
  }
  if (shentsize != want || !in_file(o, shoff, want)) {
    ld_error("%s: bad section header table (offset 0x%llx, entry size %u)", name,
             (unsigned long long)shoff, shentsize);
    return NULL;
  }
  o->o_shdrs = d + shoff;
  if (shnum == 0 || shstrndx == SHN_XINDEX) { /* extended numbering lives in section 0 */
    ld_shdr h0;
    o->o_nsec = 1;
    ld_read_shdr(o, 0, &h0);
    if (shnum == 0) shnum = (uint32_t)h0.size;
    if (shstrndx == SHN_XINDEX) shstrndx = h0.link;
  }
  if (!in_file(o, shoff, (uint64_t)shnum * want)) {
    ld_error("%s: section header table (%u entries at 0x%llx) extends past the end of the file",
             name, shnum, (unsigned long long)shoff);
    return NULL;
  }
  o->o_nsec = shnum;
  if (shstrndx >= shnum) {
    ld_error("%s: bad section name table index %u", name, shstrndx);
    return NULL;
  }
  ld_shdr hs;
  ld_read_shdr(o, shstrndx, &hs);
  if (!in_file(o, hs.offset, hs.size)) {
    ld_error("%s: section name table extends past the end of the file", name);
    return NULL;
  }
  o->o_shstrtab = (const char *)d + hs.offset;
  o->o_shstrsz = hs.size;
  if (hs.size == 0 || o->o_shstrtab[hs.size - 1] != 0) {
    ld_error("%s: section name table is not NUL-terminated", name);
    return NULL;
  }
  o->o_secs = ld_zalloc(shnum, sizeof(ld_isec *));
  o->o_exec_stack = 2; /* no .note.GNU-stack: executable stack, as the tools have it */

  uint32_t symtab_idx = 0;
  ld_shdr *hdrs = ld_xmalloc(shnum * sizeof *hdrs);
  uint8_t *keep = ld_xcalloc(shnum, 1);
  uint32_t nkeep = 0;
  for (uint32_t i = 0; i < shnum; i++) {
    ld_read_shdr(o, i, &hdrs[i]);
    ld_shdr *h = &hdrs[i];
    if (i == 0) continue;
    if (h->type != SHT_NOBITS && h->type != SHT_NULL && !in_file(o, h->offset, h->size)) {
      ld_error("%s: section %u (offset 0x%llx, size 0x%llx) extends past the end of the file", name,
               i, (unsigned long long)h->offset, (unsigned long long)h->size);
      return NULL;
    }
    const char *nm = sec_name(o, h->name);
    if (!nm) {
      ld_error("%s: section %u has a bad name offset 0x%x", name, i, h->name);
      return NULL;
    }
    if (h->type == SHT_SYMTAB) {
      if (symtab_idx) {
        ld_error("%s: more than one symbol table", name);
        return NULL;
      }
      symtab_idx = i;
      continue;
    }
    if (h->type == SHT_SYMTAB_SHNDX) {
      o->o_shndx = d + h->offset;
      continue;
    }
    if (is_meta_type(h->type)) continue;
    if (h->type == SHT_SHLIB || h->type == 12 || h->type == 13 ||
        (h->type > SHT_RELR && h->type < SHT_LOOS)) {
      /* No meaning to link by (the gABI reserves SHT_SHLIB and leaves the others undefined):
       * lld refuses them too; GNU ld linked a .bss retyped so into a program that crashed. */
      ld_error("%s: section %u (%s) has type %u, which the gABI does not define", name, i, nm,
               h->type);
      continue;
    }
    if (!strcmp(nm, ".note.GNU-stack")) {
      o->o_exec_stack = (h->flags & SHF_EXECINSTR) != 0;
      continue;
    }
    if (!strncmp(nm, ".gnu.lto_", 9) || !strcmp(nm, ".llvm.lto")) o->o_lto = 1;
    /* A relocatable output keeps what only a final link leaves out (GNU ld does the same), so
     * LTO intermediate language passes through -r. */
    int final = ctx->opt.outkind != OUT_RELOC;
    if ((h->flags & SHF_EXCLUDE) && final) continue;
    if (!strcmp(nm, ".note.gnu.property") && h->type == SHT_NOTE) {
      /* Parsed into the output's property note; not copied. */
      const uint8_t *p = d + h->offset, *end = p + h->size;
      uint32_t(*props)[2] = ld_zalloc(h->size / 12 + 1, sizeof *props);
      uint32_t nprops = 0;
      while (end - p >= 12) {
        uint32_t nsz = elf_rd32(p, be), dsz = elf_rd32(p + 4, be), nt = elf_rd32(p + 8, be);
        uint64_t nal = ld_align(nsz, 4), dal = ld_align(dsz, o->o_is64 ? 8 : 4);
        if ((uint64_t)(end - p) < 12 + nal + dal) break;
        const uint8_t *q = p + 12 + nal, *qe = q + dsz;
        if (nt == NT_GNU_PROPERTY_TYPE_0 && nsz == 4 && !memcmp(p + 12, "GNU", 4)) {
          while (qe - q >= 8) {
            uint32_t pt = elf_rd32(q, be), psz = elf_rd32(q + 4, be);
            if ((uint64_t)(qe - q) < 8 + psz) break;
            if (psz == 4 && nprops < h->size / 12 + 1)
              props[nprops][0] = pt, props[nprops++][1] = elf_rd32(q + 8, be);
            q += 8 + ld_align(psz, o->o_is64 ? 8 : 4);
          }
        }
        p += 12 + nal + dal;
      }
      o->o_has_gnu_property = 1;
      o->o_props = props;
      o->o_nprops = nprops;
      continue;
    }
    if (ctx->opt.strip_debug || ctx->opt.strip_all) {
      if (!(h->flags & SHF_ALLOC) &&
          (!strncmp(nm, ".debug", 6) || !strncmp(nm, ".zdebug", 7) || !strncmp(nm, ".stab", 5)))
        continue;
    }
    /* A warning section (by its name, whatever its flags: gcc makes a const array's one
     * allocated, and GNU ld then keeps its bytes too). */
    if (!strncmp(nm, ".gnu.warning", 12)) {
      ld_note_warning_section(o, nm, d + h->offset, h->type == SHT_NOBITS ? 0 : h->size);
      if (!(h->flags & SHF_ALLOC)) continue;
    }
    if (!(h->flags & SHF_ALLOC) && final && !strncmp(nm, ".gnu.lto_", 9)) continue;
    if (h->align & (h->align - 1)) {
      ld_error("%s: section %s has alignment %llu, not a power of two", name, nm,
               (unsigned long long)h->align);
      continue;
    }
    /* The file bounds the others; a SHT_NOBITS size is only bounded by the address space (half
     * of it, for ELF64: the layout then names nothing but the output section). */
    if (h->type == SHT_NOBITS && h->size > (o->o_is64 ? UINT64_MAX / 2 : UINT32_MAX)) {
      ld_error("%s: section %u (%s) of size 0x%llx cannot fit in the address space", name, i, nm,
               (unsigned long long)h->size);
      continue;
    }
    keep[i] = 1;
    nkeep++;
    if ((h->flags & SHF_COMPRESSED) || !strncmp(nm, ".zdebug", 7)) o->o_compressed = 1;
  }
  /* Symbol table. */
  if (symtab_idx) {
    ld_shdr *h = &hdrs[symtab_idx];
    uint32_t esz = o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
    if (h->entsize != esz || h->link >= shnum || hdrs[h->link].type != SHT_STRTAB) {
      ld_error("%s: bad symbol table header", name);
      return NULL;
    }
    o->o_symtab = d + h->offset;
    o->o_nsym = (uint32_t)(h->size / esz);
    o->o_first_global = h->info;
    if (o->o_first_global > o->o_nsym || o->o_first_global == 0) {
      ld_error("%s: bad symbol table sh_info %u", name, h->info);
      return NULL;
    }
    o->o_strtab = (const char *)d + hdrs[h->link].offset;
    o->o_strsz = hdrs[h->link].size;
    if (o->o_strsz == 0 || o->o_strtab[o->o_strsz - 1] != 0) {
      ld_error("%s: symbol string table is not NUL-terminated", name);
      return NULL;
    }
  } else {
    o->o_nsym = 0;
    o->o_first_global = 0;
  }
  /* COMDAT groups: the first object to bring a signature keeps its sections. A relocatable
   * output and a link map still want every losing section (as discarded) to exist. */
  int early_drop = ctx->opt.outkind != OUT_RELOC && !ctx->opt.map_file && !ctx->opt.print_map;
  for (uint32_t i = 1; i < shnum; i++) {
    ld_shdr *h = &hdrs[i];
    if (h->type != SHT_GROUP) continue;
    if (h->size < 4 || (h->size & 3)) {
      ld_error("%s: group section %u has bad size", name, i);
      continue;
    }
    const uint8_t *g = d + h->offset;
    if (!(elf_rd32(g, be) & GRP_COMDAT)) continue;
    if (h->info >= o->o_nsym) {
      ld_error("%s: group section %u has bad signature symbol %u", name, i, h->info);
      continue;
    }
    esym es;
    read_sym(o, h->info, &es);
    if (es.name >= o->o_strsz) {
      ld_error("%s: group section %u: bad signature name", name, i);
      continue;
    }
    const char *sig = o->o_strtab + es.name;
    if (ELF_ST_TYPE(es.info) == STT_SECTION && es.shndx < shnum) /* signature named by section */
      sig = sec_name(o, hdrs[es.shndx].name);
    if (!sig) { /* section 0's name, which nothing else checks */
      ld_error("%s: group section %u: bad signature name", name, i);
      continue;
    }
    int bad = 0;
    for (uint64_t k = 1; k < h->size / 4; k++)
      if (elf_rd32(g + 4 * k, be) >= shnum) {
        ld_error("%s: group section %u names bad section %u", name, i, elf_rd32(g + 4 * k, be));
        bad = 1;
        break;
      }
    if (bad) continue;
    uint32_t sig_len = (uint32_t)strlen(sig), sig_hash = ld_comdat_hash(sig, sig_len);
    /* Claimed later, in link order (ld_object_symbols): parsing may run in parallel. */
    if (!o->o_groups) {
      uint32_t ngroups = 0;
      for (uint32_t k = i; k < shnum; k++) ngroups += hdrs[k].type == SHT_GROUP;
      o->o_groups = ld_xmalloc(ngroups * sizeof *o->o_groups);
    }
    o->o_groups[o->o_ngroups].g_sig = sig;
    o->o_groups[o->o_ngroups].g_members = g + 4;
    o->o_groups[o->o_ngroups].g_n = (uint32_t)(h->size / 4 - 1);
    o->o_groups[o->o_ngroups].g_len = sig_len;
    o->o_groups[o->o_ngroups].g_hash = sig_hash;
    o->o_ngroups++;
  }
  /* A signature an object entered earlier has claimed already: this group has lost, and its
   * sections are not made at all (their symbols see ld_discarded_isec). The claims only change
   * between parallel parses, so what is seen here does not depend on timing. */
  for (uint32_t i = 0; early_drop && i < o->o_ngroups && i < AHEAD; i++)
    ld_comdat_prefetch(o->o_groups[i].g_hash);
  for (uint32_t i = 0; early_drop && i < o->o_ngroups; i++) {
    if (i + AHEAD < o->o_ngroups) ld_comdat_prefetch(o->o_groups[i + AHEAD].g_hash);
    const struct ld_group *gr = &o->o_groups[i];
    if (!ld_comdat_claimed_h(gr->g_sig, gr->g_len, gr->g_hash)) continue;
    if (!o->o_dropped) o->o_dropped = ld_zalloc(shnum, 1);
    for (uint32_t k = 0; k < gr->g_n; k++) {
      uint32_t m = elf_rd32(gr->g_members + 4 * (uint64_t)k, be);
      o->o_dropped[m] = 1;
      if (keep[m]) keep[m] = 0, nkeep--;
    }
  }
  /* One block for the sections that stay, sized by the count. */
  ld_isec *isec_block = ld_zalloc(nkeep ? nkeep : 1, sizeof *isec_block), *is = isec_block;
  for (uint32_t i = 1; i < shnum; i++) {
    if (!keep[i]) continue;
    ld_shdr *h = &hdrs[i];
    is->is_file = o;
    is->is_name = sec_name(o, h->name);
    is->is_idx = i;
    is->is_type = h->type;
    is->is_flags = h->flags;
    is->is_size = is->is_insize = h->size;
    is->is_align = h->align ? h->align : 1;
    is->is_entsize = h->entsize;
    is->is_data = h->type == SHT_NOBITS ? NULL : d + h->offset;
    is->is_live = 1;
    if (h->type == SHT_GNU_ATTRIBUTES) o->o_gnu_attrs = 1;
    o->o_secs[i] = is++;
  }
  free(keep);
  /* Relocation sections attach to their targets. */
  for (uint32_t i = 1; i < shnum; i++) {
    ld_shdr *h = &hdrs[i];
    if (h->type != SHT_REL && h->type != SHT_RELA) continue;
    if (h->info >= shnum) {
      ld_error("%s: relocation section %u applies to bad section %u", name, i, h->info);
      continue;
    }
    if ((h->type == SHT_RELA) != ctx->tg->tg_rela) {
      ld_error("%s: %s relocations in section %u, but the target uses %s", name,
               h->type == SHT_RELA ? "RELA" : "REL", i, ctx->tg->tg_rela ? "RELA" : "REL");
      continue;
    }
    if (h->link != symtab_idx) {
      ld_error("%s: relocation section %u does not use the symbol table", name, i);
      continue;
    }
    ld_isec *t = o->o_secs[h->info];
    if (t && t->is_relsec) {
      /* One would be ignored: as lld does, refuse rather than guess. */
      ld_error("%s: section %u (%s) has two relocation sections, %u and %u", name, h->info,
               t->is_name, t->is_relsec, i);
      continue;
    }
    if (t) t->is_relsec = i;
  }
  free(hdrs);
  return o;
}

/* ---- symbols ------------------------------------------------------------------------- */

/* What the local symbols of a COMDAT section dropped at parsing point to: never live. */
ld_isec ld_discarded_isec = {.is_name = "(discarded COMDAT section)", .is_align = 1};

static uint8_t vis_min(uint8_t a, uint8_t b) {
  /* Most constraining wins: hidden/internal > protected > default. */
  static const uint8_t rank[4] = {0, 3, 2, 1}; /* DEFAULT, INTERNAL, HIDDEN, PROTECTED */
  return rank[a & 3] >= rank[b & 3] ? a : b;
}

static void set_def(ld_sym *s, ld_obj *o, uint32_t idx, const esym *es, ld_isec *sec, int def) {
  s->s_file = o;
  s->s_esym = idx;
  s->s_sec = sec;
  s->s_value = es->value;
  s->s_size = es->size;
  s->s_type = ELF_ST_TYPE(es->info);
  s->s_bind = ELF_ST_BIND(es->info);
  s->s_def = (uint8_t)def;
  s->s_alias_abs = es->shndx == SHN_ABS;
  ld_g(s)->s_lazy_ar = NULL;
}

/* COMDAT groups: the first object to bring a signature keeps its sections; a later one's
 * sections are dropped. Runs in link order. */
static void claim_groups(ld_obj *o) {
  for (uint32_t i = 0; i < o->o_ngroups && i < AHEAD; i++)
    ld_comdat_prefetch(o->o_groups[i].g_hash);
  for (uint32_t i = 0; i < o->o_ngroups; i++) {
    const struct ld_group *g = &o->o_groups[i];
    if (i + AHEAD < o->o_ngroups) ld_comdat_prefetch(o->o_groups[i + AHEAD].g_hash);
    if (i + AHEAD / 2 < o->o_ngroups) ld_comdat_prefetch_name(o->o_groups[i + AHEAD / 2].g_hash);
    if (ld_comdat_claim_h(g->g_sig, g->g_len, g->g_hash)) continue;
    for (uint32_t k = 0; k < o->o_groups[i].g_n; k++) {
      uint32_t m = elf_rd32(o->o_groups[i].g_members + 4 * (uint64_t)k, o->o_be);
      if (o->o_secs[m]) o->o_secs[m]->is_live = 0;
    }
  }
}

/* In o_glen: the name has an '@' after its first character (a .symver definition). */
#define GLEN_VERSIONED 0x80000000u

/* Everything about an object's symbols that needs no shared state: locals, and the table key of
 * each global (its name as interned: foo@@V interns as foo; --wrap renames references). Safe to
 * run for many objects in parallel. Returns the number of globals to intern. */
uint32_t ld_object_prepare(ld_obj *o) {
  if (o->o_syms) return 0;
  o->o_syms = ld_zalloc(o->o_nsym ? o->o_nsym : 1, sizeof(ld_sym *));
  o->o_locals = ld_zalloc(o->o_first_global ? o->o_first_global : 1, sizeof(ld_sym));
  uint32_t nglob = o->o_nsym > o->o_first_global ? o->o_nsym - o->o_first_global : 0;
  o->o_gname = ld_zalloc(nglob + 1, sizeof *o->o_gname);
  o->o_glen = ld_zalloc(nglob + 1, sizeof *o->o_glen);
  o->o_ghash = ld_zalloc(nglob + 1, sizeof *o->o_ghash);
  uint32_t n = 0;
  for (uint32_t i = 0; i < o->o_nsym; i++) {
    uint32_t gi = i - o->o_first_global;
    if (i >= o->o_first_global) o->o_glen[gi] = UINT32_MAX;
    esym es;
    read_sym(o, i, &es);
    if (es.name >= o->o_strsz) {
      ld_error("%s: symbol %u has a bad name offset 0x%x", o->o_name, i, es.name);
      continue;
    }
    const char *nm = o->o_strtab + es.name;
    ld_isec *sec = NULL;
    int special = es.shndx == SHN_UNDEF || es.shndx == SHN_ABS || es.shndx == SHN_COMMON ||
                  (es.shndx >= SHN_LORESERVE && es.shndx <= 0xffff && es.shndx != SHN_XINDEX);
    if (!special) {
      if (es.shndx >= o->o_nsec) {
        ld_error("%s: symbol '%s' has bad section index %u", o->o_name, nm, es.shndx);
        continue;
      }
      sec = o->o_secs[es.shndx];
      if (!sec && o->o_dropped && o->o_dropped[es.shndx]) sec = &ld_discarded_isec;
    }
    if (i < o->o_first_global) {
      ld_sym *s = &o->o_locals[i];
      s->s_name = nm;
      s->s_namelen = (uint32_t)strlen(nm);
      s->s_file = o;
      s->s_esym = i;
      s->s_sec = sec;
      s->s_value = es.value;
      s->s_size = es.size;
      s->s_type = ELF_ST_TYPE(es.info);
      s->s_bind = STB_LOCAL;
      s->s_vis = ELF_ST_VISIBILITY(es.other);
      s->s_local = 1;
      s->s_def = es.shndx == SHN_UNDEF ? SD_UNDEF : SD_REGULAR;
      s->s_alias_abs = es.shndx == SHN_ABS;
      o->o_syms[i] = s;
      continue;
    }
    /* SPARC register declarations (STT_SPARC_REGISTER) name no storage. */
    if (ELF_ST_TYPE(es.info) == STT_SPARC_REGISTER) continue;
    if (!*nm) {
      /* A global without a name can be resolved by nothing else: it binds inside its object,
       * as GNU ld has it (defined, it is its own definition; undefined, a reference to it is
       * an error). It keeps its binding, so such a reference can be told from a local one. */
      ld_sym *s = ld_zalloc(1, sizeof *s);
      *s = (ld_sym){.s_name = nm,
                    .s_file = o,
                    .s_sec = sec,
                    .s_value = es.value,
                    .s_size = es.size,
                    .s_esym = i,
                    .s_type = ELF_ST_TYPE(es.info),
                    .s_bind = ELF_ST_BIND(es.info),
                    .s_vis = ELF_ST_VISIBILITY(es.other),
                    .s_local = 1,
                    .s_alias_abs = es.shndx == SHN_ABS,
                    .s_def = es.shndx == SHN_UNDEF ? SD_UNDEF : SD_REGULAR};
      o->o_syms[i] = s;
      continue;
    }
    if (ELF_ST_BIND(es.info) == STB_LOCAL) {
      ld_error("%s: local symbol '%s' in the global part of the symbol table", o->o_name, nm);
      continue;
    }
    if (es.shndx == SHN_UNDEF && ctx->opt.wraps.n) nm = ld_wrap_name(nm); /* --wrap */
    uint32_t len = (uint32_t)strlen(nm);
    const char *at = es.shndx != SHN_UNDEF ? strchr(nm, '@') : NULL;
    if (at && at != nm && at[1] == '@' && at[2]) len = (uint32_t)(at - nm); /* foo@@V is foo */
    o->o_gname[gi] = nm;
    o->o_glen[gi] = len | (at && at != nm ? GLEN_VERSIONED : 0);
    o->o_ghash[gi] = ld_sym_hash(nm, len);
    n++;
  }
  return n;
}

/* Intern the prepared globals; in parallel with other objects, after ld_sym_reserve. */
void ld_object_intern(ld_obj *o) {
  for (uint32_t i = o->o_first_global; i < o->o_nsym; i++) {
    uint32_t gi = i - o->o_first_global;
    if (o->o_glen[gi] != UINT32_MAX && !o->o_syms[i])
      o->o_syms[i] =
          ld_sym_intern_mt(o->o_gname[gi], o->o_glen[gi] & ~GLEN_VERSIONED, o->o_ghash[gi]);
  }
}

static void enter_globals(ld_obj *o, int marked_only);

/* Resolution, in link order: COMDAT groups are claimed, then each global entry is merged into
 * its symbol by the ranking of ld/ld.h's enum ld_symdef. */
void ld_object_symbols(ld_obj *o) {
  claim_groups(o);
  enter_globals(o, 0);
}

/* Link-time optimisation (ld/plugin.c): the symbols that plugin objects named are resolved
 * again once those objects are gone; only entries of symbols with (s_mark & 1) are merged. */
void ld_object_reenter(ld_obj *o) { enter_globals(o, 1); }

static void enter_globals(ld_obj *o, int marked_only) {
  ld_object_prepare(o);
  for (uint32_t i = o->o_first_global; i < o->o_nsym; i++) {
    uint32_t gi = i - o->o_first_global;
    if (i + AHEAD < o->o_nsym && o->o_syms[i + AHEAD]) {
      __builtin_prefetch(o->o_syms[i + AHEAD], 1);
      __builtin_prefetch((const char *)o->o_syms[i + AHEAD] + 64, 1);
    }
    uint32_t glen = o->o_glen[gi];
    if (glen == UINT32_MAX) continue;
    esym es;
    read_sym(o, i, &es);
    const char *nm = o->o_gname[gi];
    int special = es.shndx == SHN_UNDEF || es.shndx == SHN_ABS || es.shndx == SHN_COMMON ||
                  (es.shndx >= SHN_LORESERVE && es.shndx <= 0xffff && es.shndx != SHN_XINDEX);
    ld_isec *sec = special ? NULL : o->o_secs[es.shndx];
    uint8_t bind = ELF_ST_BIND(es.info);
    /* .symver definitions: foo@@V is the default version of foo, foo@V a hidden one. */
    uint32_t nmlen = 0, baselen = 0;
    const char *ver = NULL;
    int ver_hidden = 0;
    const char *at = glen & GLEN_VERSIONED ? strchr(nm, '@') : NULL;
    if (at) {
      nmlen = (uint32_t)strlen(nm);
      baselen = (uint32_t)(at - nm);
      ver_hidden = at[1] != '@';
      ver = at + (ver_hidden ? 1 : 2);
      if (!*ver) ver = NULL, baselen = nmlen;
    }
    ld_sym *s = o->o_syms[i] ? o->o_syms[i] : ld_sym_intern(nm, glen & ~GLEN_VERSIONED);
    if (marked_only && !(s->s_mark & 1)) continue;
    if (ver) {
      ld_g(s)->s_verdef = ver;
      ld_g(s)->s_verdef_hidden = (uint8_t)ver_hidden;
      ld_g(s)->s_basenamelen = baselen;
    }
    o->o_syms[i] = s;
    s->s_vis = vis_min(s->s_vis, ELF_ST_VISIBILITY(es.other));
    int is_undef = es.shndx == SHN_UNDEF;
    /* A definition in a discarded COMDAT section is a reference to the kept one. */
    if (!special && (!sec || !sec->is_live)) {
      if (!sec && !(o->o_dropped && o->o_dropped[es.shndx])) {
        /* A section kept out of the link (excluded, a note read for its properties) makes the
         * definition a reference, as a discarded one does; but a symbol table, string table,
         * relocation or group section defines nothing (GNU ld made such a symbol absolute 0). */
        ld_shdr h;
        ld_read_shdr(o, es.shndx, &h);
        if (is_meta_type(h.type)) {
          const char *sn = sec_name(o, h.name);
          ld_error("%s: symbol '%s' is defined in section %u (%s, type %u), which holds no "
                   "content",
                   o->o_name, nm, es.shndx, sn ? sn : "?", h.type);
          continue;
        }
      }
      if (!sec || !sec->is_live) is_undef = 1;
    }
    if (is_undef) {
      int weak = bind == STB_WEAK;
      if (!weak) s->s_weakref = 0;
      s->s_referenced = 1;
      s->s_used_in_reg = 1;
      if ((s->s_def == SD_UNDEF || s->s_def == SD_LAZY) && !s->s_file) s->s_file = o, s->s_esym = i;
      if (s->s_def == SD_UNDEF && s->s_bind != STB_WEAK) s->s_bind = bind;
      /* A TLS reference stays STT_TLS in .dynsym while undefined: GNU ld and gold refuse to
       * bind a TLS definition to a non-TLS reference of a library. */
      if ((s->s_def == SD_UNDEF || s->s_def == SD_LAZY) && ELF_ST_TYPE(es.info) == STT_TLS)
        s->s_type = STT_TLS;
      if (s->s_def == SD_LAZY && !weak) ld_note_lazy_ref(s);
      continue;
    }
    int def = es.shndx == SHN_COMMON ? SD_COMMON : SD_REGULAR;
    s->s_used_in_reg = 1;
    if (def == SD_COMMON) {
      if (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH) {
        if (ctx->opt.warn_common && s->s_file)
          ld_warn("%s: common of '%s' overridden by definition in %s", o->o_name, nm,
                  s->s_file->o_name);
        continue;
      }
      if (s->s_def == SD_COMMON) {
        if (ctx->opt.warn_common)
          ld_warn("%s: multiple common of '%s'; the first is in %s", o->o_name, nm,
                  s->s_file->o_name);
        /* Largest size, strictest alignment (kept in s_value as commons store alignment). */
        if (es.size > s->s_size) s->s_size = es.size;
        if (es.value > s->s_value) s->s_value = es.value;
        continue;
      }
      set_def(s, o, i, &es, NULL, SD_COMMON);
      continue;
    }
    if (s->s_def == SD_REGULAR) {
      if (bind == STB_WEAK) continue;
      if (s->s_bind != STB_WEAK) {
        if (!ctx->opt.allow_multiple_def)
          ld_error("duplicate symbol '%s': defined in %s and in %s", ld_dname(nm),
                   s->s_file->o_name, o->o_name);
        continue;
      }
    }
    if (ctx->opt.warn_common && s->s_def == SD_COMMON)
      ld_warn("%s: definition of '%s' overriding common in %s", o->o_name, nm, s->s_file->o_name);
    set_def(s, o, i, &es, sec, SD_REGULAR);
  }
}
