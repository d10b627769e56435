/* Finding, validating and mapping shared objects; reading their dynamic sections.
 * Contract: runs from stage 3 on (allocator, thread pointer available). Loading never changes the
 * committed object list: the caller commits an object once everything about it has succeeded, so a
 * failed dlopen leaves no trace. A malformed or foreign file is an error message, never a crash:
 * every header field used to compute an address is checked against the file or the mapping. */
#include "rtld_int.h"

/* Is [p, p+n) inside the file-backed part of one readable segment of what rtld mapped for o?
 * Tables live in the file: the reservation between segments is PROT_NONE, and a table said to lie
 * in zero-fill memory is nonsense (and could make a scan of it as long as the segment's p_memsz).
 * Kernel-mapped objects (the program, the vDSO, ld.so.1) are trusted. */
static int in_map(const struct rtld_obj *o, uintptr_t p, size_t n) {
  if (!o->o_map_len) return 1;
  for (unsigned i = 0; i < o->o_phnum; i++) {
    const rtld_phdr *ph = &o->o_phdr[i];
    uintptr_t s = o->l_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD && (ph->p_flags & PF_R) && p >= s && p + n >= p &&
        p + n <= s + ph->p_filesz)
      return 1;
  }
  return 0;
}

/* Is [p, p+n) inside what rtld mapped for o? Kernel-mapped objects (the program, the vDSO,
 * ld.so.1) are trusted. */
static int in_map_n(const struct rtld_obj *o, uintptr_t p, uint64_t n) { return in_map(o, p, n); }

/* Is [p, p+n) inside one PT_LOAD of o with all of `flags`? */
int rtld_in_segment(const struct rtld_obj *o, uintptr_t p, uint64_t n, unsigned flags) {
  if (!o->o_map_len) return 1;
  for (unsigned i = 0; i < o->o_phnum; i++) {
    const rtld_phdr *ph = &o->o_phdr[i];
    uintptr_t s = o->l_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD && (ph->p_flags & flags) == flags && p >= s && p + n >= p &&
        p + n <= s + ph->p_memsz)
      return 1;
  }
  return 0;
}

/* The same for any object, trusted or not (whether code lies in an executable segment). */
int rtld_in_segment_strict(const struct rtld_obj *o, uintptr_t p, unsigned flags) {
  for (unsigned i = 0; i < o->o_phnum; i++) {
    const rtld_phdr *ph = &o->o_phdr[i];
    uintptr_t s = o->l_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD && (ph->p_flags & flags) == flags && p >= s && p < s + ph->p_memsz)
      return 1;
  }
  return 0;
}

/* A string-table offset is usable when it lies inside DT_STRSZ (the table ends with a NUL, so
 * every string in it is terminated). */
static int str_ok(const struct rtld_obj *o, uint64_t off) {
  return !o->o_map_len || off < o->o_strsz;
}

/* Reads the dynamic section. For an object rtld mapped, every table it names is checked against
 * the mapping before anything uses it: sizes with their pointers, string offsets against
 * DT_STRSZ, hash tables (bucket and chain values, the GNU chain's end), version chains (bounded,
 * so a loop cannot hang), symbol names. Returns 0, or -1 with the reason in *why. */
int rtld_parse_dynamic(struct rtld_obj *o, const char **why) {
  uintptr_t b = o->l_addr;
  uintptr_t strtab = 0, soname = (uintptr_t)-1, rpath = (uintptr_t)-1, runpath = (uintptr_t)-1;
  uintptr_t verdef = 0, verneed = 0, syminfo = 0;
  uint64_t syment = sizeof(rtld_sym), relaent = sizeof(rtld_rela), relrent = 0,
           pltrel = RTLD_DT_RELOC;
  uint64_t syminsz = 0, syminent = sizeof(rtld_syminfo);
  int have_init_array = 0, have_fini_array = 0, have_preinit = 0, have_relasz = 0, have_relrsz = 0,
      have_pltrelsz = 0, have_syminfo = 0, have_syminsz = 0;
  size_t ndeps = 0;
  *why = NULL;
  rtld_dyn *d = o->l_ld;
  for (; d->d_tag != DT_NULL; d++) {
    uintptr_t v = d->d_val;
    switch (d->d_tag) {
    case DT_NEEDED: ndeps++; break;
    case DT_STRTAB: strtab = b + v; break;
    case DT_STRSZ: o->o_strsz = v; break;
    case DT_SYMTAB: o->o_symtab = (const rtld_sym *)(b + v); break;
    case DT_SYMENT: syment = v; break;
    case DT_HASH: o->o_hash = (const uint32_t *)(b + v); break;
    case DT_GNU_HASH: o->o_gnu_hash = (const uint32_t *)(b + v); break;
    case DT_VERSYM: o->o_versym = (const uint16_t *)(b + v); break;
    case DT_VERDEF: verdef = b + v; break;
    case DT_VERNEED: verneed = b + v; break;
    case RTLD_DT_RELOC: o->o_rela = (const rtld_rela *)(b + v); break;
    case RTLD_DT_RELOCSZ: o->o_relasz = v, have_relasz = 1; break;
    case RTLD_DT_RELOCENT: relaent = v; break;
    case DT_RELR: o->o_relr = (const uintptr_t *)(b + v); break;
    case DT_RELRSZ: o->o_relrsz = v, have_relrsz = 1; break;
    case DT_RELRENT: relrent = v; break;
    case DT_JMPREL: o->o_jmprel = (const rtld_rela *)(b + v); break;
    case DT_PLTRELSZ: o->o_pltrelsz = v, have_pltrelsz = 1; break;
    case DT_PLTREL: pltrel = v; break;
    case DT_PLTGOT: o->o_pltgot = (uintptr_t *)(b + v); break;
    case DT_INIT: o->o_init = (void (*)(void))(b + v); break;
    case DT_FINI: o->o_fini = (void (*)(void))(b + v); break;
    case DT_INIT_ARRAY: o->o_init_array = (void *)(b + v), have_init_array = 1; break;
    case DT_INIT_ARRAYSZ: o->o_init_count = v / sizeof(void *); break;
    case DT_FINI_ARRAY: o->o_fini_array = (void *)(b + v), have_fini_array = 1; break;
    case DT_FINI_ARRAYSZ: o->o_fini_count = v / sizeof(void *); break;
    case DT_PREINIT_ARRAY: o->o_preinit_array = (void *)(b + v), have_preinit = 1; break;
    case DT_PREINIT_ARRAYSZ: o->o_preinit_count = v / sizeof(void *); break;
    case DT_SONAME: soname = v; break;
    case DT_RPATH: rpath = v; break;
    case DT_RUNPATH: runpath = v; break;
    case DT_FLAGS: o->o_dt_flags = v; break;
    case DT_FLAGS_1: o->o_dt_flags_1 = v; break;
    case DT_BIND_NOW: o->o_dt_flags |= DF_BIND_NOW; break;
    case DT_SYMBOLIC: o->o_dt_flags |= DF_SYMBOLIC; break;
    case DT_SYMINFO: syminfo = b + v, have_syminfo = 1; break;
    case DT_SYMINSZ: syminsz = v, have_syminsz = 1; break;
    case DT_SYMINENT: syminent = v; break;
    default: break;
    }
  }
  o->o_ndyn = (unsigned)(d - o->l_ld);
  o->o_strtab = (const char *)strtab;
  o->o_ndeps = (unsigned)ndeps;
  if (o->o_dt_flags & DF_BIND_NOW || o->o_dt_flags_1 & DF_1_NOW) o->o_bind_now = 1;
  if (o->o_dt_flags_1 & DF_1_NODELETE) o->o_nodelete = 1;
  int checked = o->o_map_len != 0;
#define FAIL(msg)                                                                                  \
  do {                                                                                             \
    *why = msg;                                                                                    \
    return -1;                                                                                     \
  } while (0)
  if (checked) {
    if (!strtab || !o->o_symtab || (!o->o_hash && !o->o_gnu_hash))
      FAIL("dynamic section lacks DT_STRTAB, DT_SYMTAB or a hash table");
    if (!o->o_strsz || !in_map_n(o, strtab, o->o_strsz) || o->o_strtab[o->o_strsz - 1])
      FAIL("bad string table (DT_STRTAB, DT_STRSZ)");
    /* Tables at their natural alignment (the ELF specification's; reading them otherwise is
     * undefined in C). */
    const uintptr_t w = sizeof(uintptr_t); /* the class's word */
    if ((uintptr_t)o->o_symtab % w || (o->o_hash && (uintptr_t)o->o_hash % 4) ||
        (o->o_gnu_hash && (uintptr_t)o->o_gnu_hash % w) || (uintptr_t)o->o_rela % w ||
        (uintptr_t)o->o_jmprel % w || (uintptr_t)o->o_versym % 2 || verdef % 4 || verneed % 4 ||
        (uintptr_t)o->o_init_array % w || (uintptr_t)o->o_fini_array % w ||
        (uintptr_t)o->o_preinit_array % w || (uintptr_t)o->o_pltgot % w)
      FAIL("misaligned dynamic table");
    if (syment != sizeof(rtld_sym) || relaent != sizeof(rtld_rela) || pltrel != RTLD_DT_RELOC)
      FAIL("bad DT_SYMENT, DT_RELAENT or DT_PLTREL");
    if ((have_relasz && !o->o_rela && o->o_relasz) ||
        (have_pltrelsz && !o->o_jmprel && o->o_pltrelsz) || (o->o_init_count && !have_init_array) ||
        (o->o_fini_count && !have_fini_array) || (o->o_preinit_count && !have_preinit))
      FAIL("a table size without its table (DT_RELASZ, DT_PLTRELSZ or an array size)");
    if ((have_relrsz && !o->o_relr && o->o_relrsz) || (o->o_relr && !have_relrsz) ||
        (relrent && relrent != sizeof(uintptr_t)) || (uintptr_t)o->o_relr % sizeof(uintptr_t) ||
        o->o_relrsz % sizeof(uintptr_t) ||
        (o->o_relr && !in_map_n(o, (uintptr_t)o->o_relr, o->o_relrsz)))
      FAIL("bad packed relative relocations (DT_RELR, DT_RELRSZ, DT_RELRENT)");
    if ((o->o_rela && !in_map_n(o, (uintptr_t)o->o_rela, o->o_relasz)) ||
        (o->o_jmprel && !in_map_n(o, (uintptr_t)o->o_jmprel, o->o_pltrelsz)) ||
        o->o_relasz % sizeof(rtld_rela) || o->o_pltrelsz % sizeof(rtld_rela))
      FAIL("relocation table outside the image");
    if ((o->o_init_array &&
         !in_map_n(o, (uintptr_t)o->o_init_array, o->o_init_count * sizeof(void *))) ||
        (o->o_fini_array &&
         !in_map_n(o, (uintptr_t)o->o_fini_array, o->o_fini_count * sizeof(void *))) ||
        (o->o_preinit_array &&
         !in_map_n(o, (uintptr_t)o->o_preinit_array, o->o_preinit_count * sizeof(void *))))
      FAIL("initialiser or finaliser array outside the image");
    if ((o->o_init && !rtld_in_segment(o, (uintptr_t)o->o_init, 1, PF_X)) ||
        (o->o_fini && !rtld_in_segment(o, (uintptr_t)o->o_fini, 1, PF_X)))
      FAIL("DT_INIT or DT_FINI outside the executable segments");
    if (o->o_pltgot && !rtld_in_segment(o, (uintptr_t)o->o_pltgot, 3 * sizeof(uintptr_t), PF_W))
      FAIL("DT_PLTGOT outside the writable segments");
    if ((soname != (uintptr_t)-1 && !str_ok(o, soname)) ||
        (rpath != (uintptr_t)-1 && !str_ok(o, rpath)) ||
        (runpath != (uintptr_t)-1 && !str_ok(o, runpath)))
      FAIL("string offset outside DT_STRSZ (DT_SONAME, DT_RPATH or DT_RUNPATH)");
    for (rtld_dyn *d = o->l_ld; d->d_tag != DT_NULL; d++)
      if (d->d_tag == DT_NEEDED && !str_ok(o, d->d_val)) FAIL("DT_NEEDED name outside DT_STRSZ");
  }
  if (soname != (uintptr_t)-1) o->o_soname = o->o_strtab + soname;
  if (rpath != (uintptr_t)-1) o->o_rpath = o->o_strtab + rpath;
  if (runpath != (uintptr_t)-1) o->o_runpath = o->o_strtab + runpath;

  /* Symbol count: SysV nchain, or the end of the last GNU hash chain. */
  if (o->o_hash) {
    if (checked && !in_map_n(o, (uintptr_t)o->o_hash, 8)) FAIL("DT_HASH outside the image");
    uint32_t nb = o->o_hash[0], nc = o->o_hash[1];
    if (checked && !in_map_n(o, (uintptr_t)(o->o_hash + 2), ((uint64_t)nb + nc) * 4))
      FAIL("DT_HASH outside the image");
    o->o_nsyms = nc;
    if (checked)
      for (uint64_t i = 0; i < (uint64_t)nb + nc; i++)
        if (o->o_hash[2 + i] >= nc) FAIL("DT_HASH bucket or chain out of range");
  }
  if (o->o_gnu_hash) {
    const uint32_t *h = o->o_gnu_hash;
    if (checked && !in_map_n(o, (uintptr_t)h, 16)) FAIL("DT_GNU_HASH outside the image");
    uint32_t nb = h[0], off = h[1], bloom = h[2], shift = h[3];
    /* Bloom words are of the class's width. */
    const uint32_t *buckets = (const uint32_t *)((const uintptr_t *)(h + 4) + bloom);
    const uint32_t *chain = buckets + nb;
    if (checked &&
        (!nb || !bloom || shift >= 32 ||
         !in_map_n(o, (uintptr_t)(h + 4), (uint64_t)bloom * sizeof(uintptr_t) + (uint64_t)nb * 4)))
      FAIL("bad DT_GNU_HASH header");
    uint32_t last = 0;
    for (uint32_t i = 0; i < nb; i++) {
      if (buckets[i] > last) last = buckets[i];
      if (checked && buckets[i] && buckets[i] < off) FAIL("DT_GNU_HASH bucket out of range");
    }
    if (last) {
      /* The chain of the last bucket ends at the last symbol; its end bit must be in the image. */
      for (;; last++) {
        if (checked && !in_map_n(o, (uintptr_t)&chain[last - off], 4))
          FAIL("DT_GNU_HASH chain runs off the image");
        if (chain[last - off] & 1) break;
      }
      last++;
    }
    if (!o->o_hash) o->o_nsyms = last > off ? last : off;
    else if (checked && last > o->o_nsyms) FAIL("DT_GNU_HASH and DT_HASH disagree");
  }
  if (checked) {
    if (!in_map_n(o, (uintptr_t)o->o_symtab, (uint64_t)o->o_nsyms * sizeof(rtld_sym)))
      FAIL("symbol table outside the image");
    /* Names inside the string table; a defined symbol's value inside the object (its TLS block
     * for a TLS symbol), so nothing binds to an address the object does not have. */
    uintptr_t lo = (uintptr_t)-1, hi = 0;
    for (unsigned i = 0; i < o->o_phnum; i++)
      if (o->o_phdr[i].p_type == PT_LOAD) {
        if (o->o_phdr[i].p_vaddr < lo) lo = o->o_phdr[i].p_vaddr;
        if (o->o_phdr[i].p_vaddr + o->o_phdr[i].p_memsz > hi)
          hi = o->o_phdr[i].p_vaddr + o->o_phdr[i].p_memsz;
      }
    for (unsigned i = 0; i < o->o_nsyms; i++) {
      const rtld_sym *sy = &o->o_symtab[i];
      if (!str_ok(o, sy->st_name)) FAIL("symbol name outside DT_STRSZ");
      unsigned type = sy->st_info & 0xf;
      if (sy->st_shndx == SHN_UNDEF || sy->st_shndx == SHN_ABS || type == STT_SECTION ||
          type == STT_FILE)
        continue;
      if (type == STT_TLS ? sy->st_value > o->o_tls_memsz : sy->st_value < lo || sy->st_value > hi)
        FAIL("a symbol's value lies outside the object");
    }
    if (o->o_versym && !in_map_n(o, (uintptr_t)o->o_versym, (uint64_t)o->o_nsyms * 2))
      FAIL("DT_VERSYM outside the image");
  }

  /* The Syminfo table: one entry per symbol, as the link-editor writes it, so that every entry
   * a relocation's symbol index selects exists. Checked in the program too (it is read by
   * index). */
  if (have_syminfo || have_syminsz) {
    if (!have_syminfo || !have_syminsz)
      FAIL("DT_SYMINFO without DT_SYMINSZ, or DT_SYMINSZ without DT_SYMINFO");
    if (syminent != sizeof(rtld_syminfo) || syminsz % sizeof(rtld_syminfo))
      FAIL("bad DT_SYMINENT or DT_SYMINSZ (Syminfo entries are 4 bytes)");
    if (syminsz / sizeof(rtld_syminfo) != o->o_nsyms)
      FAIL("DT_SYMINSZ does not give one Syminfo entry per symbol");
    if (syminfo % 2 || (checked && !in_map_n(o, syminfo, syminsz)))
      FAIL("Syminfo table (DT_SYMINFO) outside the image");
    o->o_syminfo = (const rtld_syminfo *)syminfo;
  }

  /* Version index -> name, from both the definitions and the needs. A chain may not run off the
   * image, and may not have more entries than the image has room for (no loops). */
  unsigned maxv = 0;
  size_t limit = checked ? o->o_map_len / 8 : (size_t)-1, steps = 0;
  for (uintptr_t p = verdef; p;) {
    const rtld_verdef *vd = (const rtld_verdef *)p;
    if (checked &&
        (!in_map_n(o, p, sizeof *vd) || ++steps > limit || vd->vd_next % 4 || vd->vd_aux % 4))
      FAIL("bad version definitions (DT_VERDEF)");
    const rtld_verdaux *va = (const rtld_verdaux *)(p + vd->vd_aux);
    if (checked && (!in_map_n(o, (uintptr_t)va, sizeof *va) || !str_ok(o, va->vda_name)))
      FAIL("bad version definitions (DT_VERDEF)");
    if ((vd->vd_ndx & 0x7fff) > maxv) maxv = vd->vd_ndx & 0x7fff;
    p = vd->vd_next ? p + vd->vd_next : 0;
  }
  steps = 0;
  for (uintptr_t p = verneed; p;) {
    const rtld_verneed *vn = (const rtld_verneed *)p;
    if (checked &&
        (!in_map_n(o, p, sizeof *vn) || ++steps > limit || vn->vn_next % 4 || vn->vn_aux % 4))
      FAIL("bad version needs (DT_VERNEED)");
    for (uintptr_t a = p + vn->vn_aux;;) {
      const rtld_vernaux *va = (const rtld_vernaux *)a;
      if (checked && (!in_map_n(o, a, sizeof *va) || ++steps > limit || !str_ok(o, va->vna_name) ||
                      va->vna_next % 4))
        FAIL("bad version needs (DT_VERNEED)");
      if ((va->vna_other & 0x7fffu) > maxv) maxv = va->vna_other & 0x7fff;
      if (!va->vna_next) break;
      a += va->vna_next;
    }
    p = vn->vn_next ? p + vn->vn_next : 0;
  }
  if (maxv) {
    if (!(o->o_vernames = rtld_alloc((maxv + 1) * sizeof(char *)))) FAIL("out of memory");
    o->o_nvernames = maxv + 1;
    for (uintptr_t p = verdef; p;) {
      const rtld_verdef *vd = (const rtld_verdef *)p;
      const rtld_verdaux *va = (const rtld_verdaux *)(p + vd->vd_aux);
      if (!(vd->vd_flags & 1 /* VER_FLG_BASE */))
        o->o_vernames[vd->vd_ndx & 0x7fff] = o->o_strtab + va->vda_name;
      p = vd->vd_next ? p + vd->vd_next : 0;
    }
    for (uintptr_t p = verneed; p;) {
      const rtld_verneed *vn = (const rtld_verneed *)p;
      for (uintptr_t a = p + vn->vn_aux;;) {
        const rtld_vernaux *va = (const rtld_vernaux *)a;
        o->o_vernames[va->vna_other & 0x7fff] = o->o_strtab + va->vna_name;
        if (!va->vna_next) break;
        a += va->vna_next;
      }
      p = vn->vn_next ? p + vn->vn_next : 0;
    }
  }
#undef FAIL
  return 0;
}

/* The pages made read-only after relocation: PT_GNU_RELRO rounded inwards to whole pages, and
 * never past the PT_LOAD segment it lies in. (A link-editor may round the region's end up to its
 * maximum page size, 1 MiB on SPARC, beyond the segment and what was mapped for it.) */
void rtld_set_relro(struct rtld_obj *o, const rtld_phdr *relro) {
  uintptr_t start = o->l_addr + relro->p_vaddr, end = start + relro->p_memsz;
  for (unsigned i = 0; i < o->o_phnum; i++) {
    const rtld_phdr *p = &o->o_phdr[i];
    if (p->p_type == PT_LOAD && relro->p_vaddr >= p->p_vaddr &&
        relro->p_vaddr < p->p_vaddr + p->p_memsz) {
      uintptr_t seg_end = rtld_align_up(o->l_addr + p->p_vaddr + p->p_memsz, RTLD_PAGE);
      if (end > seg_end) end = seg_end;
    }
  }
  o->o_relro_start = start & ~(RTLD_PAGE - 1);
  o->o_relro_end = end & ~(RTLD_PAGE - 1);
}

static const char *base_name(const char *p) {
  const char *b = p;
  for (; *p; p++)
    if (*p == '/') b = p + 1;
  return b;
}

static int obj_matches(struct rtld_obj *o, const char *name, int slash) {
  if (o->l_name && !rtld_strcmp(o->l_name, name)) return 1;
  if (!slash && o->o_soname && !rtld_strcmp(o->o_soname, name)) return 1;
  return 0;
}

struct rtld_obj *rtld_find_loaded(const char *name) {
  int slash = rtld_strchr(name, '/') != NULL;
  for (struct rtld_obj *o = rtld_g.g_head; o; o = o->l_next)
    if (!o->o_is_exe && !o->o_closing && obj_matches(o, name, slash)) return o;
  for (struct rtld_obj *o = rtld_g.g_pending; o; o = o->o_new_next)
    if (obj_matches(o, name, slash)) return o;
  if (!rtld_strcmp(name, "ld.so.1") && rtld_g.g_self) return rtld_g.g_self;
  return NULL;
}

static struct rtld_obj *find_by_inode(uint64_t dev, uint64_t ino) {
  for (struct rtld_obj *o = rtld_g.g_head; o; o = o->l_next)
    if (o->o_ino && !o->o_closing && o->o_dev == dev && o->o_ino == ino) return o;
  for (struct rtld_obj *o = rtld_g.g_pending; o; o = o->o_new_next)
    if (o->o_ino && o->o_dev == dev && o->o_ino == ino) return o;
  return NULL;
}

void rtld_unmap(struct rtld_obj *o) {
  if (o->o_map_len) rtld_munmap((void *)o->o_map_start, o->o_map_len);
  rtld_free(o->o_vernames);
  rtld_free(o->o_deps);
  rtld_free(o->o_scope);
  rtld_free(o->o_reldeps);
  rtld_free(o->o_lscope);
  for (struct rtld_tlsdesc *d = o->o_tlsdesc, *next; d; d = next) {
    next = d->d_next;
    rtld_free(d);
  }
  rtld_free((void *)o->o_origin);
  rtld_free(o->l_name);
  rtld_free(o);
}

static int map_fail(char *err, size_t errlen, const char *path, const char *why, long v) {
  rtld_fmt(err, errlen, "%s: %s", path, why);
  if (v >= 0) {
    size_t n = rtld_strlen(err);
    rtld_fmt(err + n, errlen - n, " (%ld)", v);
  }
  return -1;
}

/* Maps an open file as a shared object, or as the program when `entry` is not NULL (ld.so.1 run
 * as a command: ET_EXEC at its own addresses is allowed then, and *entry receives the entry
 * point). Returns the new object, an object already loaded from the same file, or NULL with err
 * set. */
static struct rtld_obj *map_fd(int fd, const char *path, uintptr_t *entry, char *err,
                               size_t errlen) {
  union {
    rtld_ehdr eh;
    char b[1024];
  } u;
  /* Offset 0: as one word on a 64-bit target, as two zero halves on a 32-bit one. */
  long n = rtld_sys5(RTLD_SYS_pread64, fd, (long)u.b, sizeof u.b, 0, 0);
  if (n < 0) {
    map_fail(err, errlen, path, "cannot read file", -n);
    return NULL;
  }
  const rtld_ehdr *eh = &u.eh;
  if (n < (long)sizeof *eh || eh->e_ident[0] != 0x7f || eh->e_ident[1] != 'E' ||
      eh->e_ident[2] != 'L' || eh->e_ident[3] != 'F') {
    map_fail(err, errlen, path, "not an ELF file", -1);
    return NULL;
  }
  if (eh->e_ident[EI_CLASS] != RTLD_ARCH_CLASS) {
    map_fail(err, errlen, path,
             RTLD_ARCH_CLASS == 2 ? "wrong ELF class: not ELFCLASS64"
                                  : "wrong ELF class: not ELFCLASS32",
             -1);
    return NULL;
  }
  if (eh->e_ident[EI_DATA] != RTLD_ARCH_DATA) {
    map_fail(err, errlen, path, "wrong byte order", -1);
    return NULL;
  }
  if (eh->e_machine != RTLD_ARCH_MACHINE && eh->e_machine != RTLD_ARCH_MACHINE_ALT) {
    rtld_fmt(err, errlen, "%s: wrong machine type: e_machine %u, expected %u (%s)", path,
             eh->e_machine, RTLD_ARCH_MACHINE, RTLD_ARCH_NAME);
    return NULL;
  }
  int fixed = entry && eh->e_type == ET_EXEC;
  if (eh->e_type != ET_DYN && !fixed) {
    map_fail(err, errlen, path, entry ? "not a program: e_type" : "not a shared object: e_type",
             eh->e_type);
    return NULL;
  }
  if (eh->e_phentsize != sizeof(rtld_phdr) || eh->e_phnum == 0 || eh->e_phnum > 64 ||
      eh->e_phoff > (uint64_t)n || eh->e_phoff + eh->e_phnum * sizeof(rtld_phdr) > (uint64_t)n ||
      eh->e_phoff % sizeof(uintptr_t)) {
    map_fail(err, errlen, path, "bad program header table", -1);
    return NULL;
  }
  const rtld_phdr *ph = (const rtld_phdr *)(u.b + eh->e_phoff);
  uint64_t dev, ino, fsize;
  unsigned mode;
  if (rtld_fstat(fd, &dev, &ino, &fsize, &mode) < 0) {
    map_fail(err, errlen, path, "cannot stat file", -1);
    return NULL;
  }
  struct rtld_obj *dup = entry ? NULL : find_by_inode(dev, ino);
  if (dup) return dup;

  uintptr_t lo = (uintptr_t)-1, hi = 0, prev_end = 0;
  const rtld_phdr *dyn = NULL, *tls = NULL, *relro = NULL;
  for (unsigned i = 0; i < eh->e_phnum; i++) {
    const rtld_phdr *p = &ph[i];
    if (p->p_type == PT_DYNAMIC) dyn = p;
    else if (p->p_type == PT_TLS) tls = p;
    else if (p->p_type == PT_GNU_RELRO) relro = p;
    if (p->p_type != PT_LOAD) continue;
    if (p->p_filesz > p->p_memsz || p->p_offset + p->p_filesz > fsize ||
        p->p_offset + p->p_filesz < p->p_offset ||
        (p->p_offset & (RTLD_PAGE - 1)) != (p->p_vaddr & (RTLD_PAGE - 1)) ||
        p->p_vaddr + p->p_memsz < p->p_vaddr || p->p_memsz > RTLD_MAX_SEGMENT) {
      map_fail(err, errlen, path, "malformed PT_LOAD segment", i);
      return NULL;
    }
    /* Sorted by address and apart by whole pages (as the ELF specification has them): a later
     * segment may not remap the pages of an earlier one. */
    if ((p->p_vaddr & ~(RTLD_PAGE - 1)) < prev_end) {
      map_fail(err, errlen, path, "PT_LOAD segments overlap or are out of order", i);
      return NULL;
    }
    prev_end = rtld_align_up(p->p_vaddr + p->p_memsz, RTLD_PAGE);
    if ((p->p_vaddr & ~(RTLD_PAGE - 1)) < lo) lo = p->p_vaddr & ~(RTLD_PAGE - 1);
    if (rtld_align_up(p->p_vaddr + p->p_memsz, RTLD_PAGE) > hi)
      hi = rtld_align_up(p->p_vaddr + p->p_memsz, RTLD_PAGE);
  }
  if (hi <= lo || !dyn || dyn->p_vaddr % sizeof(uintptr_t)) {
    map_fail(err, errlen, path, hi <= lo ? "no loadable segments" : "no dynamic section", -1);
    return NULL;
  }
  if (tls && (tls->p_filesz > tls->p_memsz || (tls->p_align & (tls->p_align - 1)) ||
              tls->p_memsz > (1ul << 30) || tls->p_align > (1ul << 20))) {
    map_fail(err, errlen, path, "malformed PT_TLS segment", -1);
    return NULL;
  }
  /* PROT_NONE, PRIVATE|ANON|NORESERVE, and FIXED_NOREPLACE for a program at its own address */
  long r = rtld_sys_mmap(fixed ? lo : 0, hi - lo, 0,
                         0x22 | RTLD_MAP_NORESERVE | (fixed ? 0x100000 : 0), -1, 0);
  if ((unsigned long)r > -4096ul || (fixed && (uintptr_t)r != lo)) {
    if (fixed && (unsigned long)r <= -4096ul) rtld_munmap((void *)r, hi - lo);
    map_fail(err, errlen, path, "cannot map object: out of address space, errno",
             (unsigned long)r > -4096ul ? -r : 17 /* EEXIST */);
    return NULL;
  }
  uintptr_t start = (uintptr_t)r, base = start - lo;
  if (entry) *entry = base + eh->e_entry;
  for (unsigned i = 0; i < eh->e_phnum; i++) {
    const rtld_phdr *p = &ph[i];
    if (p->p_type != PT_LOAD) continue;
    int prot =
        (p->p_flags & PF_R ? 1 : 0) | (p->p_flags & PF_W ? 2 : 0) | (p->p_flags & PF_X ? 4 : 0);
    uintptr_t seg = base + (p->p_vaddr & ~(RTLD_PAGE - 1));
    uintptr_t fend = base + p->p_vaddr + p->p_filesz;
    uintptr_t mend = base + p->p_vaddr + p->p_memsz;
    if (p->p_filesz) {
      r = rtld_sys_mmap(seg, fend - seg, prot, 0x12 /* PRIVATE|FIXED */, fd,
                        p->p_offset & ~(RTLD_PAGE - 1));
      if ((unsigned long)r > -4096ul) goto fail_map;
    }
    if (mend > fend) {
      uintptr_t zpage = rtld_align_up(fend, RTLD_PAGE);
      if (p->p_filesz && zpage > fend) {
        if (!(prot & 2))
          rtld_sys3(RTLD_SYS_mprotect, (long)(zpage - RTLD_PAGE), RTLD_PAGE, prot | 2);
        for (char *z = (char *)fend; z < (char *)zpage; z++) *z = 0;
        if (!(prot & 2)) rtld_sys3(RTLD_SYS_mprotect, (long)(zpage - RTLD_PAGE), RTLD_PAGE, prot);
      }
      uintptr_t from = p->p_filesz ? zpage : seg;
      if (rtld_align_up(mend, RTLD_PAGE) > from) {
        r = rtld_sys_mmap(from, rtld_align_up(mend, RTLD_PAGE) - from, prot,
                          0x32 /* PRIVATE|FIXED|ANON */, -1, 0);
        if ((unsigned long)r > -4096ul) goto fail_map;
      }
    }
  }
  struct rtld_obj *o = rtld_alloc(sizeof *o);
  if (!o) goto fail_map;
  o->l_addr = base;
  o->o_map_start = start;
  o->o_map_len = hi - lo;
  o->o_dev = dev;
  o->o_ino = ino;
  o->o_setuid = (mode & 04000) != 0;
  o->l_ld = (rtld_dyn *)(base + dyn->p_vaddr);
  /* The program headers must be in memory for dl_iterate_phdr: find them in a segment. */
  for (unsigned i = 0; i < eh->e_phnum; i++) {
    const rtld_phdr *p = &ph[i];
    if (p->p_type == PT_LOAD && (p->p_flags & PF_R) && eh->e_phoff >= p->p_offset &&
        eh->e_phoff + eh->e_phnum * sizeof(rtld_phdr) <= p->p_offset + p->p_filesz)
      o->o_phdr = (const rtld_phdr *)(base + p->p_vaddr + (eh->e_phoff - p->p_offset));
  }
  o->o_phnum = eh->e_phnum;
  if (!o->o_phdr || !in_map(o, (uintptr_t)o->l_ld, sizeof(rtld_dyn))) {
    rtld_free(o);
    rtld_munmap((void *)start, hi - lo);
    map_fail(err, errlen, path, "program headers or dynamic section outside the image", -1);
    return NULL;
  }
  /* The dynamic array must end inside the mapping before anything reads it (its tables are
   * checked by rtld_parse_dynamic). */
  int ok = 0;
  uintptr_t dyn_end = 0;
  for (unsigned i = 0; i < o->o_phnum; i++) {
    const rtld_phdr *p = &o->o_phdr[i];
    uintptr_t s = base + p->p_vaddr;
    if (p->p_type == PT_LOAD && (p->p_flags & PF_R) && (uintptr_t)o->l_ld >= s &&
        (uintptr_t)o->l_ld < s + p->p_filesz)
      dyn_end = s + p->p_filesz;
  }
  for (rtld_dyn *d = o->l_ld; (uintptr_t)(d + 1) <= dyn_end; d++)
    if (d->d_tag == DT_NULL) {
      ok = 1;
      break;
    }
  if (!ok) {
    rtld_free(o);
    rtld_munmap((void *)start, hi - lo);
    map_fail(err, errlen, path, "malformed dynamic section", -1);
    return NULL;
  }
  if (tls && tls->p_memsz && !in_map(o, base + tls->p_vaddr, tls->p_filesz)) {
    rtld_free(o);
    rtld_munmap((void *)start, hi - lo);
    map_fail(err, errlen, path, "PT_TLS image outside the image", -1);
    return NULL;
  }
  if (tls && tls->p_memsz) {
    o->o_tls_image = (const void *)(base + tls->p_vaddr);
    o->o_tls_filesz = tls->p_filesz;
    o->o_tls_memsz = tls->p_memsz;
    o->o_tls_align = tls->p_align ? tls->p_align : 1;
  }
  if (relro) {
    /* Only ever within the object's own mapping: never mprotect someone else's memory. */
    uintptr_t rs = base + relro->p_vaddr, re = rs + relro->p_memsz;
    if (re < rs || rs < start || re > start + (hi - lo)) {
      rtld_free(o);
      rtld_munmap((void *)start, hi - lo);
      map_fail(err, errlen, path, "PT_GNU_RELRO outside the image", -1);
      return NULL;
    }
    rtld_set_relro(o, relro);
  }
  const char *why;
  if (rtld_parse_dynamic(o, &why)) {
    rtld_unmap(o);
    map_fail(err, errlen, path, why, -1);
    return NULL;
  }
  return o;
fail_map:
  rtld_munmap((void *)start, hi - lo);
  map_fail(err, errlen, path, "cannot map segment: errno", -r);
  return NULL;
}

/* The directory $ORIGIN names for o (NULL if unknown). The program's is worked out on first
 * use, with the dl lock held or at start-up: its resolved path (through symlinks, independent of
 * any chdir) from /proc/self/exe, or AT_EXECFN made absolute when /proc is not there. */
const char *rtld_origin(struct rtld_obj *o) {
  if (o && !o->o_origin && o->o_is_exe) {
    char p[1024];
    long n = rtld_sys4(RTLD_SYS_readlinkat, -100, (long)"/proc/self/exe", (long)p, sizeof p - 1);
    if (n > 0 && n < (long)sizeof p - 1) {
      p[n] = 0;
      o->o_origin = rtld_origin_of(p);
    } else if (rtld_g.g_execfn) {
      o->o_origin = rtld_origin_of(rtld_g.g_execfn);
    }
  }
  return o ? o->o_origin : NULL;
}

/* Appends `dir` + "/" + `name` to buf, replacing $ORIGIN and ${ORIGIN} with the origin of
 * `req`. */
static int build_path(char *buf, size_t cap, const char *dir, size_t dlen, const char *name,
                      struct rtld_obj *req) {
  size_t k = 0;
  for (size_t i = 0; i < dlen;) {
    const char *sub = NULL;
    size_t skip = 0;
    if (!rtld_strncmp(dir + i, "$ORIGIN", 7) && (i + 7 == dlen || dir[i + 7] == '/')) skip = 7;
    else if (!rtld_strncmp(dir + i, "${ORIGIN}", 9)) skip = 9;
    if (skip) {
      const char *origin = rtld_g.g_secure ? NULL : rtld_origin(req);
      if (!origin) return -1;
      sub = origin;
      for (; *sub; sub++)
        if (k + 1 < cap) buf[k++] = *sub;
      i += skip;
      continue;
    }
    if (k + 1 < cap) buf[k++] = dir[i];
    i++;
  }
  if (k && buf[k - 1] != '/' && k + 1 < cap) buf[k++] = '/';
  for (; *name; name++)
    if (k + 1 < cap) buf[k++] = *name;
  if (k + 1 >= cap) return -1;
  buf[k] = 0;
  return 0;
}

static int try_open(const char *path) {
  long fd = rtld_sys4(RTLD_SYS_openat, -100 /* AT_FDCWD */, (long)path, RTLD_O_CLOEXEC, 0);
  rtld_debug(RTLD_DBG_FILES, "  trying path=%s%s", path, fd < 0 ? " (not found)" : "");
  return (int)fd;
}

static int search_list(const char *list, const char *name, struct rtld_obj *origin, char *out,
                       size_t cap) {
  if (!list) return -1;
  const char *p = list;
  for (;;) {
    const char *e = p;
    while (*e && *e != ':') e++;
    if (e > p && !build_path(out, cap, p, (size_t)(e - p), name, origin)) {
      int fd = try_open(out);
      if (fd >= 0) return fd;
    }
    if (!*e) return -1;
    p = e + 1;
  }
}

/* The directory of `path`, made absolute with the current directory when it is relative, so
 * that $ORIGIN does not change meaning after a chdir. */
char *rtld_origin_of(const char *path) {
  const char *b = base_name(path);
  size_t n = b == path ? 0 : (size_t)(b - path - 1);
  if (b != path && !n) n = 1; /* "/name" */
  char cwd[1024];
  size_t c = 0;
  if (path[0] != '/') {
    long r = rtld_sys2(RTLD_SYS_getcwd, (long)cwd, sizeof cwd);
    if (r < 0) return b == path ? rtld_strdup(".") : rtld_strndup(path, n);
    c = rtld_strlen(cwd);
  }
  char *d = rtld_alloc(c + 1 + n + 1);
  if (!d) return NULL;
  size_t k = 0;
  for (size_t i = 0; i < c; i++) d[k++] = cwd[i];
  if (c && n && d[k - 1] != '/') d[k++] = '/';
  for (size_t i = 0; i < n; i++) d[k++] = path[i];
  d[k] = 0;
  /* "./x" and "dir/./x" leave a trailing "/." that is harmless; drop it for the messages. */
  if (k >= 2 && d[k - 1] == '.' && d[k - 2] == '/') d[k - 2 ? k - 2 : 1] = 0;
  return d;
}

struct rtld_obj *rtld_load(const char *name, struct rtld_obj *req, char *err, size_t errlen) {
  char path[1024];
  int fd = -1;
  rtld_debug(RTLD_DBG_FILES, "file=%s; needed by %s", name,
             req ? (req->o_is_exe ? rtld_g.g_progname : req->l_name) : "dlopen");
  if (rtld_strchr(name, '/')) {
    if (rtld_strlen(name) >= sizeof path) {
      rtld_fmt(err, errlen, "%s: path too long", name);
      return NULL;
    }
    rtld_fmt(path, sizeof path, "%s", name);
    fd = try_open(path);
  } else {
    struct rtld_obj *origin = req;
    if (req && req->o_rpath && !req->o_runpath)
      fd = search_list(req->o_rpath, name, origin, path, sizeof path);
    if (fd < 0 && req && !req->o_is_exe && rtld_g.g_exe->o_rpath && !rtld_g.g_exe->o_runpath &&
        !req->o_runpath)
      fd = search_list(rtld_g.g_exe->o_rpath, name, rtld_g.g_exe, path, sizeof path);
    if (fd < 0) fd = search_list(rtld_g.g_library_path, name, NULL, path, sizeof path);
    if (fd < 0 && req && req->o_runpath)
      fd = search_list(req->o_runpath, name, origin, path, sizeof path);
    if (fd < 0) fd = search_list(rtld_g.g_default_path, name, NULL, path, sizeof path);
  }
  if (fd < 0) {
    rtld_fmt(err, errlen, "%s: open failed: No such file or directory", name);
    return NULL;
  }
  struct rtld_obj *o = map_fd(fd, path, NULL, err, errlen);
  rtld_sys1(RTLD_SYS_close, fd);
  if (!o || o->l_name) return o; /* NULL, or an object already loaded under another name */
  o->l_name = rtld_strdup(path);
  o->o_origin = rtld_origin_of(path);
  o->o_parent = req;
  if (!o->l_name || !o->o_origin) {
    rtld_unmap(o);
    rtld_fmt(err, errlen, "%s: out of memory", name);
    return NULL;
  }
  rtld_debug(RTLD_DBG_FILES, "file=%s [0]; generating link map: base=%p size=%lx", path,
             (void *)o->l_addr, o->o_map_len);
  return o;
}

const char *rtld_obj_name(const struct rtld_obj *o) {
  return o->o_is_exe ? rtld_g.g_progname : o->l_name;
}

/* The committed list is read without locks by lookups (rtld_read_begin): an object is complete
 * before the store that links it in, and an unlinked object keeps its l_next until it is
 * freed after the grace period. */
void rtld_commit(struct rtld_obj *o) {
  o->l_prev = rtld_g.g_tail;
  o->l_next = NULL;
  if (rtld_g.g_tail) __atomic_store_n(&rtld_g.g_tail->l_next, o, __ATOMIC_RELEASE);
  else __atomic_store_n(&rtld_g.g_head, o, __ATOMIC_RELEASE);
  rtld_g.g_tail = o;
  rtld_g.g_adds++;
}

void rtld_uncommit(struct rtld_obj *o) {
  if (o->l_prev) __atomic_store_n(&o->l_prev->l_next, o->l_next, __ATOMIC_RELEASE);
  else __atomic_store_n(&rtld_g.g_head, o->l_next, __ATOMIC_RELEASE);
  if (o->l_next) o->l_next->l_prev = o->l_prev;
  else rtld_g.g_tail = o->l_prev;
  rtld_g.g_subs++;
}

struct rtld_obj *rtld_obj_of_addr(uintptr_t a) {
  for (struct rtld_obj *o = __atomic_load_n(&rtld_g.g_head, __ATOMIC_ACQUIRE); o;
       o = __atomic_load_n(&o->l_next, __ATOMIC_ACQUIRE))
    for (unsigned i = 0; i < o->o_phnum; i++) {
      const rtld_phdr *p = &o->o_phdr[i];
      if (p->p_type == PT_LOAD && a >= o->l_addr + p->p_vaddr &&
          a < o->l_addr + p->p_vaddr + p->p_memsz)
        return o;
    }
  return NULL;
}

/* ld.so.1 run as a command: maps the program named by `path`. Its origin is its resolved
 * directory (through /proc/self/fd). */
struct rtld_obj *rtld_map_program(const char *path, uintptr_t *entry, char *err, size_t errlen) {
  long fd = rtld_sys4(RTLD_SYS_openat, -100, (long)path, RTLD_O_CLOEXEC, 0);
  if (fd < 0) {
    rtld_fmt(err, errlen, "%s: cannot open: errno %ld", path, -fd);
    return NULL;
  }
  struct rtld_obj *o = map_fd((int)fd, path, entry, err, errlen);
  if (o) {
    char link[32], real[1024];
    rtld_fmt(link, sizeof link, "/proc/self/fd/%ld", fd);
    long n = rtld_sys4(RTLD_SYS_readlinkat, -100, (long)link, (long)real, sizeof real - 1);
    if (n > 0 && n < (long)sizeof real - 1) real[n] = 0;
    o->o_origin = rtld_origin_of(n > 0 && n < (long)sizeof real - 1 ? real : path);
  }
  rtld_sys1(RTLD_SYS_close, fd);
  return o;
}
