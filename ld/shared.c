/* Shared objects as inputs: their dynamic symbol table (.dynsym with .gnu.version and
 * .gnu.version_d) defines symbols for resolution; the library becomes a DT_NEEDED entry when
 * it is used (or always, without --as-needed). Only default versions (foo@@VER) bind; hidden
 * versions (foo@VER) are not visible to references, as with other link-editors. */
#include <string.h>

#include "ld.h"

static int fits(const ld_obj *o, uint64_t off, uint64_t size) {
  return off <= o->o_size && size <= o->o_size - off;
}

ld_obj *ld_parse_shared_file(const char *name, const uint8_t *d, uint64_t size, int as_needed,
                             int by_search) {
  ld_obj *o = ld_zalloc(1, sizeof *o);
  o->o_name = name;
  o->o_data = d;
  o->o_size = size;
  o->o_kind = FK_SHARED;
  o->o_as_needed = (uint8_t)as_needed;
  o->o_is64 = d[EI_CLASS] == ELFCLASS64;
  o->o_be = d[EI_DATA] == ELFDATA2MSB;
  int be = o->o_be;
  if (size < (o->o_is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE)) {
    ld_error("%s: truncated ELF header", name);
    return NULL;
  }
  o->o_machine = elf_rd16(d + 18, be);
  uint64_t shoff = o->o_is64 ? elf_rd64(d + 40, be) : elf_rd32(d + 32, be);
  uint32_t shnum = elf_rd16(d + (o->o_is64 ? 60 : 48), be);
  uint32_t esz = o->o_is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE;
  if (!shoff || !fits(o, shoff, (uint64_t)shnum * esz)) {
    ld_error("%s: shared object without a valid section header table", name);
    return NULL;
  }
  o->o_shdrs = d + shoff;
  o->o_nsec = shnum;
  ld_shdr dynsym = {0}, versym = {0}, verdef = {0}, dynamic = {0};
  uint32_t dynsym_idx = 0, verdef_idx = 0;
  for (uint32_t i = 1; i < shnum; i++) {
    ld_shdr h;
    ld_read_shdr(o, i, &h);
    if (h.type != SHT_NOBITS && !fits(o, h.offset, h.size)) {
      ld_error("%s: section %u extends past the end of the file", name, i);
      return NULL;
    }
    if (h.type == SHT_DYNSYM) dynsym = h, dynsym_idx = i;
    else if (h.type == SHT_GNU_versym) versym = h;
    else if (h.type == SHT_GNU_verdef) verdef = h, verdef_idx = i;
    else if (h.type == SHT_DYNAMIC) dynamic = h;
  }
  /* Its .gnu.warning.SYM sections (glibc's warnings about gets, tmpnam, ...). */
  uint32_t shstrndx = elf_rd16(d + (o->o_is64 ? 62 : 50), be);
  if (shstrndx && shstrndx < shnum) {
    ld_shdr hs;
    ld_read_shdr(o, shstrndx, &hs);
    for (uint32_t i = 1; i < shnum && hs.size && fits(o, hs.offset, hs.size); i++) {
      ld_shdr h;
      ld_read_shdr(o, i, &h);
      if (h.type != SHT_PROGBITS || h.name >= hs.size) continue;
      const char *sn = (const char *)d + hs.offset + h.name;
      if (memchr(sn, 0, hs.size - h.name) && !strncmp(sn, ".gnu.warning", 12))
        ld_note_warning_section(o, sn, d + h.offset, h.size);
    }
  }
  const char *slash = strrchr(name, '/');
  if (!dynsym_idx) {
    o->o_soname = by_search && slash ? slash + 1 : name;
    return o; /* a library without symbols still satisfies -l */
  }
  uint32_t symsz = o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  ld_shdr str;
  if (dynsym.link >= shnum) {
    ld_error("%s: bad .dynsym string table link", name);
    return NULL;
  }
  ld_read_shdr(o, dynsym.link, &str);
  if (dynsym.type == SHT_NOBITS || str.type == SHT_NOBITS || !fits(o, str.offset, str.size)) {
    ld_error("%s: the dynamic symbol table (section %u) or its string table (section %u) has no "
             "contents in the file",
             name, dynsym_idx, dynsym.link);
    return NULL;
  }
  if (str.size == 0 || d[str.offset + str.size - 1] != 0) {
    ld_error("%s: .dynstr is not NUL-terminated", name);
    return NULL;
  }
  o->o_symtab = d + dynsym.offset;
  o->o_nsym = (uint32_t)(dynsym.size / symsz);
  o->o_first_global = 1;
  o->o_strtab = (const char *)d + str.offset;
  o->o_strsz = str.size;
  o->o_soname = NULL;
  /* DT_SONAME names the library in DT_NEEDED; else the name it was found by. */
  uint32_t dynent = o->o_is64 ? 16 : 8;
  if (dynamic.type == SHT_NOBITS) dynamic.size = 0;
  for (uint64_t k = 0; dynamic.size && k + dynent <= dynamic.size; k += dynent) {
    const uint8_t *p = d + dynamic.offset + k;
    uint64_t tag = o->o_is64 ? elf_rd64(p, be) : elf_rd32(p, be);
    uint64_t val = o->o_is64 ? elf_rd64(p + 8, be) : elf_rd32(p + 4, be);
    if (tag == DT_NULL) break;
    if (tag == DT_SONAME && val < o->o_strsz) o->o_soname = o->o_strtab + val;
    if (tag == DT_NEEDED && val < o->o_strsz) {
      if (!o->o_deps) o->o_deps = ld_xcalloc(dynamic.size / dynent + 1, sizeof(char *));
      o->o_deps[o->o_ndeps++] = o->o_strtab + val;
    }
  }
  /* Without DT_SONAME, a library found by -l is named by its file name, one named by path by
   * that path as given (GNU ld, gold, lld and mold agree), so the program finds it where the
   * link found it. */
  if (!o->o_soname) o->o_soname = by_search && slash ? slash + 1 : name;
  /* Version definitions: index -> name. The count (sh_info) is checked against the section's
   * size first: each definition takes at least 20 bytes, and an index is 15 bits. */
  const char **vernames = NULL;
  uint32_t nver = 0;
  if (verdef.type == SHT_NOBITS) verdef.size = 0;
  if (verdef.size && verdef.info) {
    if (verdef.info > verdef.size / 20) {
      ld_error("%s: section %u (SHT_GNU_verdef): %u version definitions cannot fit in its %llu "
               "bytes",
               name, verdef_idx, verdef.info, (unsigned long long)verdef.size);
      return NULL;
    }
    for (int pass = 0; pass < 2; pass++) { /* the largest index, then the names */
      uint64_t off = 0;
      for (uint32_t k = 0; k < verdef.info && off + 20 <= verdef.size; k++) {
        const uint8_t *p = d + verdef.offset + off;
        uint16_t ndx = elf_rd16(p + 4, be) & VERSYM_VERSION;
        uint32_t aux = elf_rd32(p + 12, be), next = elf_rd32(p + 16, be);
        if (pass == 0 && ndx >= nver) nver = ndx + 1u;
        if (pass == 1 && aux <= verdef.size - off && verdef.size - off - aux >= 8) {
          uint32_t nm = elf_rd32(p + aux, be);
          if (nm < o->o_strsz) vernames[ndx] = o->o_strtab + nm;
        }
        if (!next) break;
        off += next;
      }
      if (pass == 0) vernames = ld_zalloc(nver + 1, sizeof(char *));
    }
  }
  const uint8_t *vs = versym.type != SHT_NOBITS && versym.size >= (uint64_t)o->o_nsym * 2
                          ? d + versym.offset
                          : NULL;
  o->o_syms = ld_zalloc(o->o_nsym ? o->o_nsym : 1, sizeof(ld_sym *));
  o->o_vernames = vernames;
  o->o_versym = vs;
  o->o_nver = nver;
  return o;
}

/* Enter the library's symbols. Definitions fill undefined or lazy symbols; the library's own
 * undefined references are recorded so that regular definitions get exported to it. */
/* --no-allow-shlib-undefined (the default for executables): a needed shared input's strong
 * reference that nothing in the link defines would fail at run time, so it is an error now, as
 * in GNU ld. Asked by ld_dynamic_create once it knows which libraries are needed.
 * Only libraries whose own dependencies are all in the link are checked (as lld does): what
 * the others need may come from a library tld has not seen. */
static int deps_known(const ld_obj *o) {
  for (uint32_t d = 0; d < o->o_ndeps; d++) {
    int found = 0;
    for (uint32_t k = 0; k < ctx->shared.n && !found; k++) {
      const ld_obj *x = ctx->shared.v[k];
      const char *slash = strrchr(x->o_name, '/');
      found = !strcmp(x->o_soname, o->o_deps[d]) ||
              !strcmp(slash ? slash + 1 : x->o_name, o->o_deps[d]);
    }
    if (!found) return 0;
  }
  return 1;
}

void ld_check_shlib_undefined(void) {
  int unres = ctx->opt.unresolved, check = !ctx->opt.allow_shlib_undefined;
  if (unres == UNRES_IGNORE_ALL || unres == UNRES_IGNORE_SHLIBS) check = 0;
  if (unres == UNRES_REPORT_ALL || unres == UNRES_IGNORE_OBJECTS) check = 1;
  for (uint32_t i = 0; check && i < ctx->shared.n; i++) {
    ld_obj *o = ctx->shared.v[i];
    /* A library --as-needed leaves out is not loaded: its references do not matter (GNU ld). */
    if (!o->o_needed || !deps_known(o)) continue;
    int be = o->o_be;
    for (uint32_t k = 1; k < o->o_nsym; k++) {
      const uint8_t *p = o->o_symtab + (uint64_t)k * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
      uint32_t nm = elf_rd32(p, be);
      uint8_t info = o->o_is64 ? p[4] : p[12];
      uint16_t shndx = elf_rd16(p + (o->o_is64 ? 6 : 14), be);
      if (shndx != SHN_UNDEF || ELF_ST_BIND(info) != STB_GLOBAL || nm >= o->o_strsz ||
          ELF_ST_TYPE(info) == STT_SPARC_REGISTER)
        continue;
      const char *name = o->o_strtab + nm;
      if (!*name) continue;
      ld_sym *s = ld_sym_lookup(name, (uint32_t)strlen(name));
      /* An executable's hidden definition is not exported: the library could not bind it. */
      if (s && (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH || s->s_def == SD_COMMON) &&
          (s->s_vis == STV_HIDDEN || s->s_vis == STV_INTERNAL) && ctx->opt.outkind != OUT_SHARED)
        ld_error("%s: hidden symbol '%s' in %s is referenced by %s", ctx->opt.output, name,
                 s->s_file ? s->s_file->o_name : "the output", o->o_name);
      else if (!s || s->s_def == SD_UNDEF || s->s_def == SD_LAZY)
        ld_error("%s: undefined reference to '%s' (--no-allow-shlib-undefined)", o->o_name,
                 ld_dname(name));
    }
  }
}

/* --as-needed: mark the libraries that satisfy strong references of the needed library `o`;
 * returns 1 if it marked any. */
int ld_shared_needs(ld_obj *o) {
  int be = o->o_be, marked = 0;
  if (o->o_deps_done) return 0;
  o->o_deps_done = 1;
  for (uint32_t k = 1; k < o->o_nsym; k++) {
    const uint8_t *p = o->o_symtab + (uint64_t)k * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
    uint32_t nm = elf_rd32(p, be);
    uint8_t info = o->o_is64 ? p[4] : p[12];
    uint16_t shndx = elf_rd16(p + (o->o_is64 ? 6 : 14), be);
    if (shndx != SHN_UNDEF || ELF_ST_BIND(info) != STB_GLOBAL || nm >= o->o_strsz) continue;
    const char *name = o->o_strtab + nm;
    ld_sym *s = *name ? ld_sym_lookup(name, (uint32_t)strlen(name)) : NULL;
    if (s && s->s_def == SD_SHARED && s->s_file && !s->s_file->o_needed)
      s->s_file->o_needed = 1, marked = 1;
  }
  return marked;
}

void ld_shared_symbols(ld_obj *o) {
  int be = o->o_be;
  for (uint32_t i = 1; i < o->o_nsym; i++) {
    const uint8_t *p = o->o_symtab + (uint64_t)i * (o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE);
    uint32_t nm;
    uint8_t info, other;
    uint16_t shndx;
    uint64_t value, size;
    if (o->o_is64) {
      nm = elf_rd32(p, be), info = p[4], other = p[5], shndx = elf_rd16(p + 6, be);
      value = elf_rd64(p + 8, be), size = elf_rd64(p + 16, be);
    } else {
      nm = elf_rd32(p, be), value = elf_rd32(p + 4, be), size = elf_rd32(p + 8, be);
      info = p[12], other = p[13], shndx = elf_rd16(p + 14, be);
    }
    uint8_t bind = ELF_ST_BIND(info), type = ELF_ST_TYPE(info);
    if (bind == STB_LOCAL || nm >= o->o_strsz || !o->o_strtab[nm]) continue;
    if (type == STT_SPARC_REGISTER) continue;
    uint16_t ver = o->o_versym ? elf_rd16(o->o_versym + 2 * (uint64_t)i, be) : 1;
    const char *name = o->o_strtab + nm;
    if (shndx == SHN_UNDEF) {
      ld_sym *s = ld_sym_intern(name, (uint32_t)strlen(name));
      s->s_shlib_ref = 1;
      if (s->s_def == SD_LAZY && bind != STB_WEAK) ld_note_lazy_ref(s);
      continue;
    }
    uint16_t vx = ver & 0x7fff;
    const char *vname = vx >= 2 && vx < o->o_nver ? o->o_vernames[vx] : NULL;
    /* A mapfile's DEPEND_VERSIONS ALLOW list: a reference binds to an allowed version of the
     * name, even a foo@VER one, rather than to a default version it does not allow. */
    int restricted = vname && ld_mapfile_version_restricted(o->o_soname);
    int allowed = !restricted || ld_mapfile_version_allowed(o->o_soname, vname);
    if ((ver & VERSYM_HIDDEN) && !(restricted && allowed)) continue; /* foo@VER: not the default */
    if (vx == VER_NDX_LOCAL) continue;
    if (ELF_ST_VISIBILITY(other) == STV_HIDDEN || ELF_ST_VISIBILITY(other) == STV_INTERNAL)
      continue;
    ld_sym *s = ld_sym_intern(name, (uint32_t)strlen(name));
    o->o_syms[i] = s;
    if (restricted && allowed && s->s_def == SD_SHARED && s->s_file == o && ld_gc(s)->s_vername &&
        !ld_mapfile_version_allowed(o->o_soname, ld_gc(s)->s_vername))
      s->s_def = SD_UNDEF; /* an allowed version replaces the disallowed default */
    if (s->s_def == SD_UNDEF || s->s_def == SD_LAZY) {
      s->s_def = SD_SHARED;
      s->s_file = o;
      s->s_esym = i;
      s->s_sec = NULL;
      s->s_value = value;
      s->s_size = size;
      s->s_type = type;
      s->s_bind = bind;
      ld_g(s)->s_lazy_ar = NULL;
      ld_g(s)->s_vername = NULL;
      uint16_t v = ver & 0x7fff;
      if (v >= 2 && v < o->o_nver) ld_g(s)->s_vername = o->o_vernames[v];
      ld_g(s)->s_shndx_in_lib = shndx;
    }
  }
}
