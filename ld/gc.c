/* --gc-sections: mark every allocated section reachable from the roots through relocations, and
 * drop the rest. Roots, as GNU ld has them: the entry point, -u and --require-defined symbols,
 * the -init/-fini functions, every exported symbol (all of a shared object's or with
 * --export-dynamic; otherwise those a shared input references or a dynamic list names),
 * init/fini arrays and .init/.fini, notes, sections kept by SHF_GNU_RETAIN or a script's KEEP,
 * and every non-allocated section. A section whose name is a C identifier lives only when a live
 * section refers to its __start_ or __stop_ symbol (unless -z start-stop-gc); an SHF_LINK_ORDER
 * section lives with the section its sh_link names. .eh_frame is no root: an FDE lives with its
 * function; the other references of .eh_frame (personality routines, LSDAs) are followed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ld.h"
#include "lscript.h"

/* The state of the pass. It reads the objects' sections, relocations and symbols, the options
 * and the scripts' KEEPs, and writes each section's is_live; ld_gc_sections starts it afresh. */
static struct gc_pass {
  ld_vec work;   /* ld_isec* marked live whose references are not followed yet */
  ld_vec cident; /* live sections named as C identifiers: __start_/__stop_ reach them */
} P;

static void mark(ld_isec *is) {
  if (!is || !is->is_live || is->is_gc_mark) return;
  is->is_gc_mark = 1;
  ld_vec_push(&P.work, is);
}

/* A reference to __start_NAME or __stop_NAME keeps every section called NAME. */
static void mark_start_stop(const ld_sym *s) {
  const char *n = s->s_name, *sec = NULL;
  if (!strncmp(n, "__start_", 8)) sec = n + 8;
  else if (!strncmp(n, "__stop_", 7)) sec = n + 7;
  if (!sec || !*sec) return;
  for (uint32_t i = 0; i < P.cident.n; i++) {
    ld_isec *is = P.cident.v[i];
    if (!strcmp(is->is_name, sec)) mark(is);
  }
}

static void mark_sym(ld_sym *s) {
  if (!s) return;
  if (s->s_sec) mark(s->s_sec);
  else if (!s->s_local && P.cident.n && !ctx->opt.z_start_stop_gc &&
           (s->s_def == SD_SYNTH || s->s_def == SD_UNDEF))
    mark_start_stop(s);
}

static void mark_name(const char *name) {
  if (name) mark_sym(ld_sym_lookup(name, (uint32_t)strlen(name)));
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
  return 0;
}

/* Exported definitions are roots: the dynamic symbol table names them. */
static void root_sym(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_def != SD_REGULAR || s->s_local) return;
  if (s->s_vis != STV_DEFAULT && s->s_vis != STV_PROTECTED) return;
  /* --gc-keep-exported: every default-visibility global of an executable too. */
  if (ctx->opt.export_dynamic || ctx->opt.outkind == OUT_SHARED || s->s_dynlist || s->s_shlib_ref ||
      ctx->opt.gc_keep_exported)
    mark_sym(s);
}

void ld_gc_sections(void) {
  P = (struct gc_pass){0}; /* nothing of an earlier link (a test harness's) that ended early */
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (is && is->is_live && (is->is_flags & SHF_ALLOC) && ld_is_c_ident(is->is_name))
        ld_vec_push(&P.cident, is);
    }
  }
  mark_name(ctx->opt.entry ? ctx->opt.entry : "_start");
  for (uint32_t i = 0; i < ctx->opt.undefs.n; i++) mark_name(ctx->opt.undefs.v[i]);
  mark_name(ctx->opt.init_sym);
  mark_name(ctx->opt.fini_sym);
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
  /* An SHF_LINK_ORDER section (metadata of another section, such as
   * __patchable_function_entries) lives when the section it describes does. */
  ld_vec linkorder = {0};
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    for (uint32_t k = 0; k < o->o_nsec; k++) {
      ld_isec *is = o->o_secs[k];
      if (is && is->is_live && !is->is_gc_mark && (is->is_flags & SHF_LINK_ORDER))
        ld_vec_push(&linkorder, is);
    }
  }
  for (int more = 1; more;) {
    while (P.work.n) {
      ld_isec *is = P.work.v[--P.work.n];
      ld_read_rels(is);
      for (uint32_t r = 0; r < is->is_nrels; r++) {
        uint32_t si = is->is_rels[r].r_sym;
        if (si) mark_sym(is->is_file->o_syms[si]);
      }
    }
    more = 0;
    for (uint32_t i = 0; i < linkorder.n; i++) {
      ld_isec *is = linkorder.v[i];
      if (is->is_gc_mark) continue;
      ld_shdr h;
      ld_read_shdr(is->is_file, is->is_idx, &h);
      ld_isec *to = h.link < is->is_file->o_nsec ? is->is_file->o_secs[h.link] : NULL;
      if (to && to->is_gc_mark) mark(is), more = 1;
    }
  }
  /* Nothing of this link's lists is kept for another (a test harness's). */
  free(P.work.v);
  P.work = (ld_vec){0};
  free(P.cident.v);
  P.cident = (ld_vec){0};
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
