/* Direct bindings and lazy loading, as the Solaris link-editors record them: the .SUNW_syminfo
 * section (DT_SYMINFO, DT_SYMINSZ, DT_SYMINENT), DT_POSFLAG_1 with DF_P1_LAZYLOAD in front of
 * each lazily loaded dependency's DT_NEEDED, and DF_1_DIRECT, DF_1_NODIRECT, DF_1_SYMINTPOSE.
 *
 * One Syminfo entry per .dynsym entry, same index ({ Half si_boundto; Half si_flags; } in both
 * classes). Entry 0 carries SYMINFO_CURRENT in si_flags, as Solaris writes it. Then, by what
 * the symbol is in this link:
 *   - a reference bound to a dependency (its import, a copy-relocated object, a function whose
 *     PLT entry stands for it): si_boundto is the index in .dynamic of that dependency's
 *     DT_NEEDED; SYMINFO_FLG_DIRECT always (the association with the dependency), COPY for a
 *     copy, LAZYLOAD when the dependency is lazily loaded, and DIRECTBIND when the reference is to
 *     be bound directly: -B direct, -z direct before the dependency, or the mapfile DIRECT flag,
 *     unless the mapfile says NODIRECT, -z nodirect came before the dependency, or the
 *     dependency's own .SUNW_syminfo refuses direct binding to its definition (NOEXTDIRECT);
 *   - a definition in this object: si_boundto SYMINFO_BT_NONE and NOEXTDIRECT when it refuses
 *     direct binding (mapfile NODIRECT; -B nodirect for every definition not protected or
 *     marked DIRECT), else SYMINFO_BT_SELF with DIRECT, and DIRECTBIND under -B direct or the
 *     mapfile DIRECT flag; INTERPOSE for a mapfile INTERPOSE definition of an executable;
 *   - an undefined reference: SYMINFO_BT_EXTERN for a mapfile EXTERN symbol; SYMINFO_BT_PARENT
 *     with DIRECT (and DIRECTBIND as for a definition) for a mapfile PARENT symbol; otherwise
 *     zero (no binding recorded).
 * The section exists when the link asks for any of this: -B direct, -B nodirect, a dependency
 * under -z lazyload or -z direct, or a mapfile flag on a symbol of .dynsym. A dependency named
 * like the program interpreter (ld.so.1 by default) is never lazily loaded.
 *
 * DF_1_DIRECT is set under -B direct unless some symbol was kept from direct binding (a
 * reference without DIRECTBIND, a definition with NOEXTDIRECT): a runtime linker that honours
 * only the object-wide flag would otherwise bind those directly. DF_1_NODIRECT says that some
 * definition refuses direct binding; DF_1_SYMINTPOSE that some definition is an interposer. */
#include <string.h>

#include "ld.h"

typedef struct dep_syminfo dep_syminfo;

/* The state of the pass. ld_syminfo_create (from ld_dynamic_create, which hands it .dynsym's
 * order and the DT_NEEDED list; it starts the state afresh) numbers the DT_NEEDED entries,
 * decides each symbol's entry and the object's flags, and makes the section; ld_dynamic_create
 * and ld/guidance.c read them through the ld_syminfo_* functions; ld_syminfo_fill writes the
 * section. */
static struct syminfo_pass {
  ld_vec *dsyms;                   /* .dynsym order, index 1.. (ld/dynamic.c) */
  ld_vec *needed;                  /* ld_obj* in DT_NEEDED order */
  ld_osec *sec;                    /* .SUNW_syminfo, NULL when not wanted */
  uint16_t *si_boundto, *si_flags; /* per .dynsym index */
  uint32_t nposflag;               /* DT_POSFLAG_1 entries */
  uint64_t flags1;                 /* DF_1_* this pass decides */
  dep_syminfo *deps;               /* the dependencies' own Syminfo, indexed by o_id */
  uint32_t ndeps;
} P;

/* ---- a dependency's own Syminfo ------------------------------------------------------------ */

typedef struct dep_syminfo {
  const uint8_t *data; /* its .SUNW_syminfo, NULL if none */
  uint32_t n;          /* entries */
  uint8_t read;
} dep_syminfo;

/* Does the dependency's .SUNW_syminfo refuse direct binding to s's definition (index s_esym in
 * its .dynsym)? A table of the wrong size or linked to another symbol table is ignored. */
static int dep_refuses(const ld_sym *s) {
  const ld_obj *o = s->s_file;
  if (!o || o->o_id >= P.ndeps) return 0;
  dep_syminfo *d = &P.deps[o->o_id];
  if (!d->read) {
    d->read = 1;
    for (uint32_t i = 1; i < o->o_nsec; i++) {
      ld_shdr h;
      ld_read_shdr(o, i, &h);
      if (h.type != SHT_SUNW_syminfo) continue;
      ld_shdr link = {0};
      if (h.link && h.link < o->o_nsec) ld_read_shdr(o, h.link, &link);
      if (link.type != SHT_DYNSYM || (h.entsize && h.entsize != SYMINFO_ENTRY_SIZE) ||
          h.size != (uint64_t)o->o_nsym * SYMINFO_ENTRY_SIZE || h.offset > o->o_size ||
          h.size > o->o_size - h.offset) {
        ld_warn("%s: section %u (.SUNW_syminfo) is malformed and is ignored", o->o_name, i);
        break;
      }
      d->data = o->o_data + h.offset;
      d->n = (uint32_t)(h.size / SYMINFO_ENTRY_SIZE);
      break;
    }
  }
  if (!d->data || s->s_esym >= d->n) return 0;
  uint16_t f = elf_rd16(d->data + (uint64_t)s->s_esym * SYMINFO_ENTRY_SIZE + 2, o->o_be);
  return (f & SYMINFO_FLG_NOEXTDIRECT) != 0;
}

/* ---- the entries ------------------------------------------------------------------------- */

/* Is a reference bound to a dependency to be bound directly (WHY_DIRECT), and if not, why? */
enum { WHY_DIRECT = 0, WHY_NOT_ASKED, WHY_MAPFILE, WHY_ZNODIRECT, WHY_REFUSED };
static int ref_direct(const ld_sym *s) {
  uint8_t dbf = s->s_dbflags, dep = s->s_file->o_dep;
  if (dbf & SDB_NODIRECT) return WHY_MAPFILE;
  if (dep_refuses(s)) return WHY_REFUSED;
  if (dbf & SDB_DIRECT) return WHY_DIRECT;
  if (dep & DEP_NODIRECT) return WHY_ZNODIRECT;
  return ctx->opt.b_direct || (dep & DEP_DIRECT) ? WHY_DIRECT : WHY_NOT_ASKED;
}

/* Does a definition of this object refuse direct binding? */
static int def_nodirect(const ld_sym *s) {
  if (s->s_dbflags & SDB_NODIRECT) return 1;
  return ctx->opt.b_nodirect && s->s_vis != STV_PROTECTED && !(s->s_dbflags & SDB_DIRECT);
}

static int wanted(void) {
  if (ctx->opt.b_direct || ctx->opt.b_nodirect) return 1;
  for (uint32_t i = 0; i < ctx->shared.n; i++)
    if (((ld_obj *)ctx->shared.v[i])->o_dep & (DEP_LAZY | DEP_DIRECT)) return 1;
  for (uint32_t i = 0; i < P.dsyms->n; i++)
    if (((ld_sym *)P.dsyms->v[i])->s_dbflags) return 1;
  return 0;
}

/* Is the dependency the program interpreter (by its name: -I's last component, else tld's
 * ld.so.1)? */
int ld_syminfo_is_interp(const ld_obj *o) {
  const char *interp = ctx->opt.interp ? ctx->opt.interp : "ld.so.1";
  const char *slash = strrchr(interp, '/');
  return o->o_soname && !strcmp(o->o_soname, slash ? slash + 1 : interp);
}

/* Called from ld_dynamic_create once .dynsym's order and the needed libraries are known:
 * numbers the DT_NEEDED entries, and makes the section with its contents when it is wanted. */
void ld_syminfo_create(ld_vec *dynsyms, ld_vec *needed_libs) {
  P = (struct syminfo_pass){0};
  P.dsyms = dynsyms;
  P.needed = needed_libs;
  uint32_t maxid = 0;
  for (uint32_t i = 0; i < ctx->shared.n; i++) {
    uint32_t id = ((ld_obj *)ctx->shared.v[i])->o_id;
    if (id >= maxid) maxid = id + 1;
  }
  P.ndeps = maxid;
  P.deps = ld_xcalloc(P.ndeps + 1, sizeof *P.deps);

  /* DT_NEEDED entries lead .dynamic, each lazily loaded one after its DT_POSFLAG_1. The
   * runtime linker itself is never lazy (it is loaded before anything else), as Solaris ignores
   * the request for the object that provides the runtime linker's interfaces. */
  uint32_t idx = 0;
  for (uint32_t i = 0; i < ctx->shared.n; i++) /* not a DT_NEEDED entry (--as-needed) */
    ((ld_obj *)ctx->shared.v[i])->o_dt_index = UINT32_MAX;
  for (uint32_t i = 0; i < P.needed->n; i++) {
    ld_obj *o = P.needed->v[i];
    if (ld_syminfo_is_interp(o)) o->o_dep &= (uint8_t)~DEP_LAZY;
    if (o->o_dep & DEP_LAZY) P.nposflag++, idx++;
    o->o_dt_index = idx++;
  }
  if (!wanted()) return;
  if (idx > SYMINFO_BT_LOWRESERVE)
    ld_error(".SUNW_syminfo: %u dependencies and DT_POSFLAG_1 entries are more than its 16-bit "
             "si_boundto can name (%u)",
             idx, SYMINFO_BT_LOWRESERVE);

  uint32_t n = P.dsyms->n + 1;
  P.si_boundto = ld_xcalloc(n, sizeof *P.si_boundto);
  P.si_flags = ld_xcalloc(n, sizeof *P.si_flags);
  P.si_flags[0] = SYMINFO_CURRENT;
  int excluded = 0, nodirect = 0, interpose = 0;
  for (uint32_t i = 0; i < P.dsyms->n; i++) {
    ld_sym *s = P.dsyms->v[i];
    uint16_t bt = 0, fl = 0;
    uint8_t dbf = s->s_dbflags;
    /* A symbol of a library that is not needed (--as-needed drops one that only weak references
     * name) is bound to nothing, as an undefined one is. */
    if (s->s_def == SD_SHARED && s->s_file && s->s_file->o_dt_index != UINT32_MAX) {
      bt = (uint16_t)s->s_file->o_dt_index;
      fl = SYMINFO_FLG_DIRECT;
      if (s->s_needs & SN_COPY) fl |= SYMINFO_FLG_COPY;
      if (s->s_file->o_dep & DEP_LAZY) fl |= SYMINFO_FLG_LAZYLOAD;
      if (ref_direct(s) == WHY_DIRECT) fl |= SYMINFO_FLG_DIRECTBIND;
      else excluded = 1;
    } else if (s->s_def == SD_REGULAR || s->s_def == SD_SYNTH) {
      bt = SYMINFO_BT_NONE;
      if (dbf & SDB_INTERPOSE) fl |= SYMINFO_FLG_INTERPOSE, interpose = 1;
      if (def_nodirect(s)) {
        fl |= SYMINFO_FLG_NOEXTDIRECT;
        nodirect = excluded = 1;
      } else {
        bt = SYMINFO_BT_SELF;
        fl |= SYMINFO_FLG_DIRECT;
        if (ctx->opt.b_direct || (dbf & SDB_DIRECT)) fl |= SYMINFO_FLG_DIRECTBIND;
      }
    } else if (dbf & SDB_EXTERN) {
      bt = SYMINFO_BT_EXTERN;
    } else if (dbf & SDB_PARENT) {
      bt = SYMINFO_BT_PARENT;
      fl = SYMINFO_FLG_DIRECT;
      if ((ctx->opt.b_direct || (dbf & SDB_DIRECT)) && !(dbf & SDB_NODIRECT))
        fl |= SYMINFO_FLG_DIRECTBIND;
      else excluded = 1;
    }
    P.si_boundto[i + 1] = bt;
    P.si_flags[i + 1] = fl;
  }
  if (ctx->opt.b_direct && !excluded) P.flags1 |= DF_1_DIRECT;
  if (nodirect) P.flags1 |= DF_1_NODIRECT;
  if (interpose) P.flags1 |= DF_1_SYMINTPOSE;

  uint32_t w = ctx->is64 ? 8 : 4;
  P.sec = ld_new_osec(".SUNW_syminfo", SHT_SUNW_syminfo, SHF_ALLOC, w, SY_SYMINFO);
  P.sec->os_size = (uint64_t)n * SYMINFO_ENTRY_SIZE;
  P.sec->os_entsize = SYMINFO_ENTRY_SIZE;
}

/* .dynamic entries: a DT_POSFLAG_1 per lazily loaded dependency; DT_SYMINFO, DT_SYMINSZ and
 * DT_SYMINENT. */
uint32_t ld_syminfo_ndt(void) { return P.nposflag + (P.sec ? 3 : 0); }

uint64_t ld_syminfo_flags1(void) { return P.flags1; }

ld_osec *ld_syminfo_osec(void) { return P.sec; }

void ld_syminfo_fill(void) {
  if (!P.sec) return;
  uint8_t *p = ctx->buf + P.sec->os_offset;
  for (uint32_t i = 0; i <= P.dsyms->n; i++, p += SYMINFO_ENTRY_SIZE) {
    elf_wr16(p, P.si_boundto[i], ctx->be);
    elf_wr16(p + 2, P.si_flags[i], ctx->be);
  }
}

/* ---- for -z guidance (ld/guidance.c) -------------------------------------------------------
 * Valid after ld_syminfo_create; before it (a static link) there is nothing to say. */

ld_vec *ld_syminfo_dynsyms(void) { return P.dsyms; }
ld_vec *ld_syminfo_needed(void) { return P.needed; }

/* Does the dependency that defines s refuse direct binding to it? */
int ld_syminfo_dep_refuses(const ld_sym *s) { return s->s_def == SD_SHARED && dep_refuses(s); }
