/* --gc-sections: mark every allocated section reachable from the roots through relocations, and
 * drop the rest. Roots: the entry point, -u symbols, exported symbols of a shared object or
 * with --export-dynamic, init/fini arrays and .init/.fini, notes, sections kept by
 * SHF_GNU_RETAIN, sections whose names are C identifiers (reached through __start_/__stop_), and
 * every non-allocated section. .eh_frame is no root: an FDE lives with its function; the other
 * references of .eh_frame (personality routines, LSDAs) are followed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "lscript.h"

static ld_vec work;

static void mark(ld_isec *is) {
  if (!is || !is->is_live || is->is_gc_mark) return;
  is->is_gc_mark = 1;
  ld_vec_push(&work, is);
}

static void mark_sym(ld_sym *s) {
  if (s && s->s_sec) mark(s->s_sec);
}

static int is_root(const ld_isec *is) {
  if (!(is->is_flags & SHF_ALLOC)) return 1;
  if (is->is_flags & SHF_GNU_RETAIN) return 1;
  if (ld_lscript_keep(is)) return 1; /* KEEP in a linker script */
  uint32_t t = is->is_type;
  if (t == SHT_INIT_ARRAY || t == SHT_FINI_ARRAY || t == SHT_PREINIT_ARRAY || t == SHT_NOTE)
    return 1;
  const char *n = is->is_name;
  if (!strcmp(n, ".init") || !strcmp(n, ".fini") || !strncmp(n, ".ctors", 6) ||
      !strncmp(n, ".dtors", 6) || !strcmp(n, ".jcr") || !strncmp(n, ".init_array", 11) ||
      !strncmp(n, ".fini_array", 11) || !strncmp(n, ".preinit_array", 14))
    return 1;
  if (ld_is_c_ident(n)) return 1;
  return 0;
}

static void root_sym(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_def != SD_REGULAR) return;
  if (ctx->opt.export_dynamic || ctx->opt.outkind == OUT_SHARED)
    if (s->s_vis == STV_DEFAULT || s->s_vis == STV_PROTECTED) mark_sym(s);
}

void ld_gc_sections(void) {
  const char *entry = ctx->opt.entry ? ctx->opt.entry : "_start";
  mark_sym(ld_sym_lookup(entry, (uint32_t)strlen(entry)));
  for (uint32_t i = 0; i < ctx->opt.undefs.n; i++) {
    const char *u = ctx->opt.undefs.v[i];
    mark_sym(ld_sym_lookup(u, (uint32_t)strlen(u)));
  }
  ld_sym_foreach(root_sym, NULL);
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live) continue;
      if (is->is_eh) {
        /* Follow everything but the FDEs' function addresses. */
        for (uint32_t r = 0; r < is->is_nrels; r++) {
          const ld_rel *rel = &is->is_rels[r];
          int fde_pc = 0;
          for (uint32_t j = 0; j < is->is_neh; j++)
            if (is->is_eh[j].er_cie >= 0 && rel->r_offset == (uint64_t)is->is_eh[j].er_off + 8)
              fde_pc = 1;
          if (!fde_pc && rel->r_sym) mark_sym(o->o_syms[rel->r_sym]);
        }
        is->is_gc_mark = 1;
        continue;
      }
      if (is_root(is)) mark(is);
    }
  }
  while (work.n) {
    ld_isec *is = work.v[--work.n];
    ld_read_rels(is);
    for (uint32_t r = 0; r < is->is_nrels; r++) {
      uint32_t si = is->is_rels[r].r_sym;
      if (si) mark_sym(is->is_file->o_syms[si]);
    }
  }
  free(work.v); /* nothing of this link's list is kept for another (a test harness's) */
  work = (ld_vec){0};
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (!is || !is->is_live || is->is_gc_mark) continue;
      is->is_live = 0;
      if (ctx->opt.print_gc)
        fprintf(stderr, "tld: removing unused section '%s' in file '%s'\n", is->is_name, o->o_name);
    }
  }
}
