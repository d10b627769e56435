/* Relocation of loaded objects: every dynamic relocation type tld emits (RELATIVE, the absolute
 * word, GLOB_DAT, JUMP_SLOT, COPY, IRELATIVE, DTPMOD, DTPOFF, TPOFF and its negated form, TLSDESC;
 * plus the PC-relative and unaligned forms of text relocations), named by the generic kinds of
 * the target's rtld_arch.h, and the lazy-binding fixup. A REL target keeps the addend in the
 * place (rtld_rel_addend); GLOB_DAT, JUMP_SLOT and DTPMOD take none. How a JUMP_SLOT is bound is
 * the target's (a GOT word on x86, rewritten PLT instructions on SPARC: rtld_arch_plt_bind).
 * Contract: an object's TLS module id and static offset are assigned before it is relocated; the
 * objects it binds to are mapped (committed or pending). Relocation writes only into the object
 * being relocated (COPY writes into the executable, which is relocated at start-up only). */
#include "rtld_int.h"

static uintptr_t sym_addr(const struct rtld_def *d) {
  if (!d->d_sym) return 0;
  uintptr_t a = d->d_obj->l_addr + d->d_sym->st_value;
  if ((d->d_sym->st_info & 0xf) == STT_GNU_IFUNC) a = ((uintptr_t(*)(void))a)();
  return a;
}

static const char *obj_name(const struct rtld_obj *o) {
  return o->o_is_exe ? rtld_g.g_progname : o->l_name;
}

/* An object rtld mapped may only write into its own writable segments (any segment with text
 * relocations), through symbols it has, and never with a COPY relocation. */
static int reloc_check(const struct rtld_obj *o, const rtld_rela *r, int textrel, char *err,
                       size_t errlen) {
  uint32_t type = RTLD_R_TYPE(r->r_info), si = RTLD_R_SYM(r->r_info);
  uintptr_t where = o->l_addr + r->r_offset;
  if (!o->o_map_len || type == RTLD_R_NONE) return 0;
  /* The bytes written, and their alignment: a word, 4 bytes, a descriptor's two words, the
   * target's PLT entry (SPARC binds by rewriting it), or an unaligned field. */
  const unsigned w = sizeof(uintptr_t);
  unsigned size = w, align = w;
  if (type == RTLD_R_PC32 || type == RTLD_R_ABS32) size = align = 4;
  else if (type == RTLD_R_UA32 || type == RTLD_R_UA64)
    size = type == RTLD_R_UA32 ? 4 : 8, align = 1;
  else if (type == RTLD_R_TLSDESC) size = 2 * w;
  else if (type == RTLD_R_JUMP_SLOT) {
    size = rtld_arch_plt_bind_size(rtld_rela_addend(r));
    align = size <= w ? size : 4;
  }
  if (!rtld_in_segment(o, where, size, textrel ? 0 : PF_W) || si >= o->o_nsyms ||
      type == RTLD_R_COPY || where % align) {
    rtld_fmt(err, errlen, "%s: bad relocation (type %u, symbol %u) at offset 0x%lx", obj_name(o),
             type, si, (unsigned long)r->r_offset);
    return -1;
  }
  if (type == RTLD_R_IRELATIVE &&
      !rtld_in_segment(o, o->l_addr + rtld_rel_addend(r, (const uintptr_t *)where, 0), 1, PF_X)) {
    rtld_fmt(err, errlen, "%s: IRELATIVE resolver outside the executable segments", obj_name(o));
    return -1;
  }
  return 0;
}

/* DT_RELR (tld -z pack-relative-relocs): an even word is the address of a word to relocate (the
 * words after it follow); an odd one a bitmap of the word-size-minus-one words after the last
 * ones described. The loader adds the base to each word, which holds its own addend. An object
 * rtld mapped itself has every word checked against its writable segments (or, with text
 * relocations, any of its segments) before the write; with `check` nothing is written. */
static int relr_apply(const struct rtld_obj *o, int textrel, int check, char *err, size_t errlen) {
  const size_t bits = 8 * sizeof(uintptr_t) - 1;
  const uintptr_t *relr = (const uintptr_t *)o->o_relr;
  uintptr_t *where = 0;
  for (size_t i = 0; i < o->o_relrsz / sizeof(uintptr_t); i++) {
    uintptr_t e = relr[i], n = 1;
    if (!(e & 1)) {
      where = (uintptr_t *)(o->l_addr + e);
      e = 2; /* one word: the address itself */
    } else if (!where) {
      rtld_fmt(err, errlen, "%s: DT_RELR bitmap before any address", obj_name(o));
      return -1;
    } else n = bits;
    uintptr_t *w = where;
    for (e >>= 1; e; e >>= 1, w++) {
      if (!(e & 1)) continue;
      if (o->o_map_len && !rtld_in_segment(o, (uintptr_t)w, sizeof *w, textrel ? 0 : PF_W)) {
        rtld_fmt(err, errlen, "%s: DT_RELR entry %lu relocates outside the object's %s segments",
                 obj_name(o), (unsigned long)i, textrel ? "loaded" : "writable");
        return -1;
      }
      if (!check) *w += o->l_addr;
    }
    where += n;
  }
  return 0;
}

/* Every check rtld_relocate makes before it writes, without writing (the loader fuzzer). */
int rtld_check_relocs(const struct rtld_obj *o, char *err, size_t errlen) {
  for (size_t i = 0; i < o->o_relasz / sizeof(rtld_rela); i++)
    if (reloc_check(o, &o->o_rela[i], 1, err, errlen)) return -1;
  for (size_t i = 0; i < o->o_pltrelsz / sizeof(rtld_rela); i++)
    if (reloc_check(o, &o->o_jmprel[i], 1, err, errlen)) return -1;
  return relr_apply(o, 1, 1, err, errlen);
}

static int reloc_one(struct rtld_obj *o, const rtld_rela *r, int lazy, int textrel,
                     struct rtld_obj **local, unsigned nlocal, char *err, size_t errlen) {
  uint32_t type = RTLD_R_TYPE(r->r_info), si = RTLD_R_SYM(r->r_info);
  uintptr_t *where = (uintptr_t *)(o->l_addr + r->r_offset);
  uintptr_t A = 0;
  if (RTLD_ARCH_RELA || (type != RTLD_R_GLOB_DAT && type != RTLD_R_JUMP_SLOT &&
                         type != RTLD_R_DTPMOD && type != RTLD_R_COPY))
    A = rtld_rel_addend(r, where, type == RTLD_R_TLSDESC);
  struct rtld_def d = {NULL, o, RTLD_HOW_SCOPE};
  if (o->o_map_len && reloc_check(o, r, textrel, err, errlen)) return -1;
  switch (type) {
  case RTLD_R_NONE: return 0;
  case RTLD_R_RELATIVE:
    /* rtld's own were applied by stage 1; a REL addend read back now would count the bias twice. */
    if (!o->o_is_rtld) *where = o->l_addr + A;
    return 0;
  case RTLD_R_IRELATIVE: *where = ((uintptr_t(*)(void))(o->l_addr + A))(); return 0;
  case RTLD_R_JUMP_SLOT:
    if (lazy) {
      rtld_arch_lazy_slot(where, o->l_addr);
      return 0;
    }
    break;
  default: break;
  }
  const char *name = si ? o->o_strtab + o->o_symtab[si].st_name : "";
  if (si) {
    /* A lazily loaded dependency the reference needs is loaded now, with the transaction this
     * relocation belongs to (a dlopen's, a lazy load's), or on its own at start-up. */
    struct rtld_need need;
    int r;
    while ((r = rtld_resolve(o, si, local, nlocal, type == RTLD_R_COPY ? RTLD_RES_COPY : 0, &d,
                             &need)) == RTLD_RESOLVE_LOAD)
      if (!rtld_lazy_load(need.n_obj, need.n_dep, name, err, errlen)) return -1;
    if (!r) {
      rtld_fmt(err, errlen, "%s: relocation error: symbol %s: referenced symbol not found",
               obj_name(o), name);
      return -1;
    }
  }
  if (si && d.d_sym && d.d_obj != o && rtld_add_reldep(o, d.d_obj)) {
    rtld_fmt(err, errlen, "%s: out of memory recording a binding dependency", obj_name(o));
    return -1;
  }
  if (si && d.d_sym)
    rtld_debug(RTLD_DBG_BINDINGS, "binding file=%s to file=%s: symbol `%s'%s%s%s", obj_name(o),
               obj_name(d.d_obj), name, d.d_how ? " (" : "", rtld_how_names[d.d_how],
               d.d_how ? ")" : "");
  const rtld_sym *ds = d.d_sym;
  struct rtld_obj *dobj = d.d_obj;
  switch (type) {
  case RTLD_R_ABS64:
  case RTLD_R_GLOB_DAT: *where = sym_addr(&d) + A; return 0;
  case RTLD_R_JUMP_SLOT: rtld_arch_plt_bind(where, sym_addr(&d), A, o->l_addr); return 0;
  case RTLD_R_PC64: *where = sym_addr(&d) + A - (uintptr_t)where; return 0;
  case RTLD_R_PC32: *(uint32_t *)where = (uint32_t)(sym_addr(&d) + A - (uintptr_t)where); return 0;
  case RTLD_R_ABS32: *(uint32_t *)where = (uint32_t)(sym_addr(&d) + A); return 0;
  case RTLD_R_UA32:
  case RTLD_R_UA64: {
    /* Unaligned (SPARC UA32/UA64): written byte by byte, in memory order. */
    uintptr_t v = sym_addr(&d) + A;
    size_t n = type == RTLD_R_UA32 ? 4 : 8;
    const unsigned char *src = (const unsigned char *)&v;
    if (RTLD_ARCH_DATA == 2) src += sizeof v - n; /* big-endian: the low bytes come last */
    for (size_t i = 0; i < n && i < sizeof v; i++) ((unsigned char *)where)[i] = src[i];
    return 0;
  }
  case RTLD_R_COPY:
    if (!ds) return 0;
    {
      const char *s = (const char *)sym_addr(&d);
      char *t = (char *)where;
      size_t n = o->o_symtab[si].st_size < ds->st_size ? o->o_symtab[si].st_size : ds->st_size;
      for (size_t i = 0; i < n; i++) t[i] = s[i];
    }
    return 0;
  case RTLD_R_DTPMOD: *where = dobj->o_tls_modid; return 0;
  case RTLD_R_DTPOFF: *where = (ds ? ds->st_value : 0) + A; return 0;
  case RTLD_R_TPOFF:
  case RTLD_R_TPOFF_NEG:
  case RTLD_R_TLSDESC: {
    if (!dobj->o_tls_modid) {
      rtld_fmt(err, errlen, "%s: relocation error: TLS symbol %s: %s has no TLS segment",
               obj_name(o), name, obj_name(dobj));
      return -1;
    }
    uintptr_t v = (ds ? ds->st_value : 0) + A;
    if (type != RTLD_R_TLSDESC) {
      if (!dobj->o_tls_static) {
        rtld_fmt(err, errlen,
                 "%s: relocation error: initial-exec TLS symbol %s resolves to dynamic TLS in %s",
                 obj_name(o), name, obj_name(dobj));
        return -1;
      }
      /* TPOFF: the (negative) offset from the thread pointer; TPOFF_NEG (i386 TLS_TPOFF32): its
       * negation, for code that subtracts. */
      *where = type == RTLD_R_TPOFF ? v - dobj->o_tls_offset : dobj->o_tls_offset - v;
      return 0;
    }
    if (dobj->o_tls_static) {
      where[0] = RTLD_ARCH_TLSDESC_STATIC;
      where[1] = v - dobj->o_tls_offset;
    } else {
      void *arg = rtld_tlsdesc_arg(o, dobj->o_tls_modid, v);
      if (!arg) {
        rtld_fmt(err, errlen, "%s: cannot allocate a TLS descriptor", obj_name(o));
        return -1;
      }
      where[0] = RTLD_ARCH_TLSDESC_DYNAMIC;
      where[1] = (uintptr_t)arg;
    }
    return 0;
  }
  default:
    rtld_fmt(err, errlen, "%s: unsupported relocation type %u at offset 0x%lx", obj_name(o), type,
             (unsigned long)r->r_offset);
    return -1;
  }
}

int rtld_relocate(struct rtld_obj *o, struct rtld_obj **local, unsigned nlocal, char *err,
                  size_t errlen) {
  if (o->o_relocated) return 0;
  int lazy = !(o->o_bind_now || rtld_g.g_bind_now);
  size_t nrela = o->o_relasz / sizeof(rtld_rela), nplt = o->o_pltrelsz / sizeof(rtld_rela);
  rtld_debug(RTLD_DBG_RELOC, "relocating %s: %lu + %lu relocations, %lu DT_RELR words (%s binding)",
             obj_name(o), nrela, nplt, o->o_relrsz / sizeof(uintptr_t),
             lazy ? "lazy" : "immediate");
  /* Text relocations: make the text writable for the duration. */
  int textrel = 0;
  for (rtld_dyn *d = o->l_ld; d->d_tag != DT_NULL; d++)
    if (d->d_tag == DT_TEXTREL) textrel = 1;
  if (o->o_dt_flags & 0x4 /* DF_TEXTREL */) textrel = 1;
  if (textrel)
    for (unsigned i = 0; i < o->o_phnum; i++)
      if (o->o_phdr[i].p_type == PT_LOAD && !(o->o_phdr[i].p_flags & PF_W))
        rtld_sys3(RTLD_SYS_mprotect, (long)((o->l_addr + o->o_phdr[i].p_vaddr) & ~(RTLD_PAGE - 1)),
                  (long)(rtld_align_up(o->o_phdr[i].p_vaddr + o->o_phdr[i].p_memsz, RTLD_PAGE) -
                         (o->o_phdr[i].p_vaddr & ~(RTLD_PAGE - 1))),
                  7);
  if (!o->o_is_rtld && relr_apply(o, textrel, 0, err, errlen)) return -1;
  for (size_t i = 0; i < nrela; i++) {
    /* ld.so.1's own RELATIVE relocations were applied by stage 1. */
    if (o->o_is_rtld && RTLD_R_TYPE(o->o_rela[i].r_info) == RTLD_R_RELATIVE) continue;
    if (reloc_one(o, &o->o_rela[i], 0, textrel, local, nlocal, err, errlen)) return -1;
  }
  for (size_t i = 0; i < nplt; i++)
    if (reloc_one(o, &o->o_jmprel[i], lazy, textrel, local, nlocal, err, errlen)) return -1;
  if (textrel)
    for (unsigned i = 0; i < o->o_phnum; i++)
      if (o->o_phdr[i].p_type == PT_LOAD && !(o->o_phdr[i].p_flags & PF_W)) {
        const rtld_phdr *p = &o->o_phdr[i];
        int prot = (p->p_flags & PF_R ? 1 : 0) | (p->p_flags & PF_X ? 4 : 0);
        rtld_sys3(RTLD_SYS_mprotect, (long)((o->l_addr + p->p_vaddr) & ~(RTLD_PAGE - 1)),
                  (long)(rtld_align_up(p->p_vaddr + p->p_memsz, RTLD_PAGE) -
                         (p->p_vaddr & ~(RTLD_PAGE - 1))),
                  prot);
      }
  if (nplt && lazy && o->o_pltgot) rtld_arch_lazy_setup(o->o_pltgot, o);
  if (o->o_map_len) {
    /* Initialisers and finalisers are called: each must be the object's own code. */
    for (size_t i = 0; i < o->o_init_count + o->o_fini_count; i++) {
      uintptr_t f = i < o->o_init_count ? (uintptr_t)o->o_init_array[i]
                                        : (uintptr_t)o->o_fini_array[i - o->o_init_count];
      if (f + 1 > 1 && !rtld_in_segment_strict(o, f, PF_X)) {
        rtld_fmt(err, errlen, "%s: initialiser or finaliser %p is not code", obj_name(o),
                 (void *)f);
        return -1;
      }
    }
  }
  o->o_relocated = 1;
  if (o->o_relro_end > o->o_relro_start)
    rtld_sys3(RTLD_SYS_mprotect, (long)o->o_relro_start, (long)(o->o_relro_end - o->o_relro_start),
              1);
  return 0;
}

/* Called from the target's lazy-binding trampoline (bind.S) on the first call through a lazy PLT
 * entry, with the index of the entry's relocation in DT_JMPREL. It takes no lock that an
 * initialiser or finaliser may hold: the lookup is a reader section, and the binding dependency
 * it may record keeps the definition loaded once the section ends. */
uintptr_t rtld_lazy_fixup(struct rtld_obj *o, size_t index) {
  if (index >= o->o_pltrelsz / sizeof(rtld_rela))
    rtld_fatal("%s: lazy binding of PLT entry %lu, which has no relocation", obj_name(o), index);
  const rtld_rela *r = &o->o_jmprel[index];
  uint32_t si = RTLD_R_SYM(r->r_info);
  const char *name = o->o_strtab + o->o_symtab[si].st_name;
  struct rtld_def d;
  struct rtld_need need;
  int ok, dep;
  for (;;) {
    rtld_read_begin();
    struct rtld_scope *ls = __atomic_load_n(&o->o_lscope, __ATOMIC_ACQUIRE);
    ok = rtld_resolve(o, si, ls ? ls->s_v : NULL, ls ? ls->s_n : 0, 0, &d, &need);
    dep = ok == 1 && d.d_sym ? rtld_add_reldep(o, d.d_obj) : 0;
    rtld_read_end();
    if (ok == RTLD_RESOLVE_LOAD) {
      /* The first call that needs a lazily loaded dependency loads it, outside the reader
       * section (the load takes the dl lock). */
      char err[768];
      if (!rtld_lazy_load(need.n_obj, need.n_dep, name, err, sizeof err)) rtld_fatal("%s", err);
      continue;
    }
    if (dep != 1) break;
  }
  if (dep < 0) rtld_fatal("%s: out of memory binding lazily", obj_name(o));
  if (!ok || !d.d_sym)
    rtld_fatal("%s: relocation error: symbol %s: referenced symbol not found", obj_name(o), name);
  /* A lazily loaded object another thread is still initialising is waited for. */
  rtld_lazy_wait_init(d.d_obj);
  uintptr_t *where = (uintptr_t *)(o->l_addr + r->r_offset);
  uintptr_t a = sym_addr(&d);
  rtld_debug(RTLD_DBG_BINDINGS, "binding file=%s to file=%s: symbol `%s' (lazy%s%s)", obj_name(o),
             obj_name(d.d_obj), name, d.d_how ? ", " : "", rtld_how_names[d.d_how]);
  rtld_arch_plt_bind(where, a, RTLD_ARCH_RELA ? rtld_rel_addend(r, where, 0) : 0, o->l_addr);
  return a;
}
