/* The model as stable text (-z mapfile-dump). One line per object, attributes in a fixed order
 * and only when given, numbers in hex: tests compare this output, so change it with care. */
#include <stdio.h>
#include <string.h>

#include "../common/elf/elf.h"
#include "internal.h"

static const char *seg_type(int t) {
  return t == MF_SEG_LOAD ? "LOAD" : t == MF_SEG_NOTE ? "NOTE" : "NULL";
}

static void pflags(FILE *o, uint32_t f) {
  const char *sep = "";
  if (!f) fputs("none", o);
  if (f & PF_R) fprintf(o, "%sREAD", sep), sep = "|";
  if (f & PF_W) fprintf(o, "%sWRITE", sep), sep = "|";
  if (f & PF_X) fprintf(o, "%sEXECUTE", sep);
}

static void plist(FILE *o, const char *label, const mf_vec *v) {
  if (!v->n) return;
  fprintf(o, "  %s:", label);
  for (uint32_t i = 0; i < v->n; i++) fprintf(o, " %s", (const char *)v->v[i]);
  fputc('\n', o);
}

static const char *stt_name(int t) {
  switch (t) {
  case STT_OBJECT: return "DATA";
  case STT_FUNC: return "FUNCTION";
  case STT_COMMON: return "COMMON";
  case STT_SECTION: return "SECTION";
  case STT_FILE: return "FILE";
  case STT_TLS: return "TLS";
  default: return "NOTYPE";
  }
}

static void psym(FILE *o, const mf_sym *s) {
  fprintf(o, "  symbol %s: scope=%s", s->sy_name, mf_scope_name(s->sy_scope));
  if (s->sy_wild) fputs(" pattern", o);
  if (s->sy_lang == MF_LANG_CXX) fputs(" lang=C++", o);
  if (s->sy_set & MF_SYA_TYPE) fprintf(o, " type=%s", stt_name(s->sy_type));
  if (s->sy_set & MF_SYA_SIZE) fprintf(o, " size=0x%llx", (unsigned long long)s->sy_size);
  if (s->sy_set & MF_SYA_VALUE) fprintf(o, " value=0x%llx", (unsigned long long)s->sy_value);
  if (s->sy_flags) {
    static const char *const names[] = {"DIRECT", "NODIRECT", "DYNSORT",  "NODYNSORT",
                                        "EXTERN", "PARENT",   "INTERPOSE"};
    const char *sep = " flags=";
    for (int i = 0; i < 7; i++)
      if (s->sy_flags & (1u << i)) fprintf(o, "%s%s", sep, names[i]), sep = "|";
  }
  if (s->sy_filter) fprintf(o, " filter=%s", s->sy_filter);
  if (s->sy_auxiliary) fprintf(o, " auxiliary=%s", s->sy_auxiliary);
  fputc('\n', o);
  const mf_assert *a = s->sy_assert;
  if (!a) return;
  fputs("    assert:", o);
  if (a->as_set & MF_SYA_TYPE)
    fprintf(o, " type=%s", a->as_type == STT_FUNC ? "FUNCTION" : stt_name(a->as_type));
  if (a->as_set & MF_SYA_SIZE) fprintf(o, " size=0x%llx", (unsigned long long)a->as_size);
  if (a->as_set & MF_SYA_BIND)
    fprintf(o, " bind=%s",
            a->as_bind == STB_LOCAL  ? "LOCAL"
            : a->as_bind == STB_WEAK ? "WEAK"
                                     : "GLOBAL");
  if (a->as_set & MF_SYA_SHATTR) fprintf(o, " sh_attr=%s", a->as_nobits ? "NOBITS" : "BITS");
  if (a->as_set & MF_SYA_ALIAS) fprintf(o, " alias=%s", a->as_alias);
  fputc('\n', o);
}

void mf_dump(const mf_model *m, FILE *o) {
  fprintf(o, "mapfile model: ELF%d %s, %u file%s\n", m->m_is64 ? 64 : 32, m->m_target, m->m_nfiles,
          m->m_nfiles == 1 ? "" : "s");
  fputs("defines:", o);
  for (uint32_t i = 0; i < m->m_defines.n; i++) fprintf(o, " %s", (const char *)m->m_defines.v[i]);
  fputc('\n', o);
  for (uint32_t i = 0; i < m->m_segs.n; i++) {
    const mf_segment *s = m->m_segs.v[i];
    if (!s->sg_mentioned) continue;
    fprintf(o, "segment %s: %s%s flags=", s->sg_name, seg_type(s->sg_type),
            s->sg_builtin ? " builtin" : "");
    pflags(o, s->sg_flags);
    if (s->sg_set & MF_SGA_ALIGN) fprintf(o, " align=0x%llx", (unsigned long long)s->sg_align);
    if (s->sg_set & MF_SGA_MAX_SIZE)
      fprintf(o, " max_size=0x%llx", (unsigned long long)s->sg_max_size);
    if (s->sg_set & MF_SGA_PADDR) fprintf(o, " paddr=0x%llx", (unsigned long long)s->sg_paddr);
    if (s->sg_set & MF_SGA_VADDR) fprintf(o, " vaddr=0x%llx", (unsigned long long)s->sg_vaddr);
    if (s->sg_set & MF_SGA_ROUND) fprintf(o, " round=0x%llx", (unsigned long long)s->sg_round);
    if (s->sg_nohdr) fputs(" nohdr", o);
    if (s->sg_disabled) fputs(" disabled", o);
    if (s->sg_empty) fputs(" empty", o);
    if (s->sg_order_by_file) fputs(" order-by-file", o);
    fputc('\n', o);
    plist(o, "os_order", &s->sg_os_order);
    plist(o, "is_order", &s->sg_is_order);
    plist(o, "size_symbol", &s->sg_size_syms);
  }
  for (uint32_t i = 0; i < m->m_ecs.n; i++) {
    const mf_ec *e = m->m_ecs.v[i];
    fprintf(o, "entrance %s -> %s:", e->ec_name ? e->ec_name : "(anonymous)", e->ec_seg->sg_name);
    if (e->ec_is_name) fprintf(o, " is_name=%s", e->ec_is_name);
    if (e->ec_type_set) fprintf(o, " type=%s", mf_sht_name(e->ec_type));
    if (e->ec_flags_mask) {
      static const struct {
        uint64_t f;
        const char *n;
      } fl[] = {{SHF_ALLOC, "ALLOC"},
                {SHF_WRITE, "WRITE"},
                {SHF_EXECINSTR, "EXECUTE"},
                {SHF_X86_64_LARGE, "AMD64_LARGE"}};
      const char *sep = " flags=";
      for (size_t k = 0; k < 4; k++)
        if (e->ec_flags_mask & fl[k].f)
          fprintf(o, "%s%s%s", sep, e->ec_flags_value & fl[k].f ? "" : "!", fl[k].n), sep = ",";
    }
    for (uint32_t k = 0; k < e->ec_files.n; k++) {
      const mf_file_test *f = e->ec_files.v[k];
      fprintf(o, "%s%s:%s", k ? "," : " files=",
              f->ft_kind == MF_FILE_BASENAME  ? "basename"
              : f->ft_kind == MF_FILE_OBJNAME ? "objname"
                                              : "path",
              f->ft_name);
    }
    if (!e->ec_is_name && !e->ec_type_set && !e->ec_flags_mask && !e->ec_files.n)
      fputs(" (any section)", o);
    fputc('\n', o);
  }
  if (m->m_seg_order.n) {
    fputs("segment_order:", o);
    for (uint32_t i = 0; i < m->m_seg_order.n; i++)
      fprintf(o, " %s", ((const mf_segment *)m->m_seg_order.v[i])->sg_name);
    fputc('\n', o);
  }
  if (m->m_stack_set) {
    fputs("stack: flags=", o);
    pflags(o, m->m_stack_flags);
    fputc('\n', o);
  }
  if (m->m_hdr_noalloc) fputs("hdr_noalloc\n", o);
  if (m->m_phdr_add_null) fprintf(o, "phdr_add_null: %u\n", m->m_phdr_add_null);
  for (uint32_t i = 0; i < m->m_depends.n; i++) {
    const mf_depend *d = m->m_depends.v[i];
    fprintf(o, "depend %s:", d->dp_soname);
    for (uint32_t k = 0; k < d->dp_allow.n; k++) fprintf(o, " allow=%s", (char *)d->dp_allow.v[k]);
    for (uint32_t k = 0; k < d->dp_require.n; k++)
      fprintf(o, " require=%s", (char *)d->dp_require.v[k]);
    fputc('\n', o);
  }
  for (uint32_t i = 0; i < m->m_caps.n; i++) {
    const mf_cap *c = m->m_caps.v[i];
    fprintf(o, "capability %s (ignored):", c->cp_id ? c->cp_id : "(none)");
    for (uint32_t k = 0; k < c->cp_words.n; k++) fprintf(o, " %s;", (char *)c->cp_words.v[k]);
    fputc('\n', o);
  }
  for (uint32_t i = 0; i < m->m_versions.n; i++) {
    const mf_version *v = m->m_versions.v[i];
    fprintf(o, "version %s:", v->vr_name);
    if (v->vr_parents.n) {
      fputs(" inherits", o);
      for (uint32_t k = 0; k < v->vr_parents.n; k++) fprintf(o, " %s", (char *)v->vr_parents.v[k]);
    }
    fputc('\n', o);
    for (uint32_t k = 0; k < v->vr_syms.n; k++) psym(o, v->vr_syms.v[k]);
  }
  if (m->m_scope.n) {
    fputs("scope:\n", o);
    for (uint32_t k = 0; k < m->m_scope.n; k++) psym(o, m->m_scope.v[k]);
  }
  if (m->m_autoreduce) fprintf(o, "autoreduce: %s\n", mf_scope_name(m->m_autoreduce));
}
