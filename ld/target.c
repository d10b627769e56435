/* The one list of targets, and the two ways a link picks one: by name (-m emulation, -z target=)
 * or by the first ELF input's machine and class. Adding a target is adding its descriptor here;
 * nothing else in ld/ names a target. */
#include <string.h>

#include "ld.h"

const ld_target *const ld_targets[] = {&ld_target_x64, &ld_target_x86, &ld_target_sparc,
                                       &ld_target_sparcv9, NULL};

const ld_target *ld_target_named(const char *name) {
  for (const ld_target *const *t = ld_targets; *t; t++) {
    if (!strcmp((*t)->tg_emulation, name) || !strcmp((*t)->tg_name, name)) return *t;
    for (const char *const *a = (*t)->tg_emulation_aliases; a && *a; a++)
      if (!strcmp(*a, name)) return *t;
  }
  return NULL;
}

/* The targets' names of one kind (TN_*), in the list's order, each after `sep`. */
const char *ld_target_names(int kind, const char *sep) {
  const char *out = "";
  for (const ld_target *const *t = ld_targets; *t; t++) {
    const char *n = kind == TN_NAME        ? (*t)->tg_name
                    : kind == TN_EMULATION ? (*t)->tg_emulation
                                           : (*t)->tg_bfd_name;
    out = ld_sprintf("%s%s%s", out, t == ld_targets ? "" : sep, n);
  }
  return out;
}

const ld_target *ld_target_of(uint16_t machine, int is64) {
  for (const ld_target *const *t = ld_targets; *t; t++)
    if ((*t)->tg_accepts(machine) && (*t)->tg_is64 == is64) return *t;
  return NULL;
}

/* A relocation kind that gives the core a value to write needs a field to write it into: a row
 * without one would be checked and then silently not written. */
static int writes_value(int kind) {
  return kind != RK_NONE && kind != RK_COPY_ONLY && kind != RK_UNSUPPORTED && kind != RK_TLS_MARK;
}

void ld_target_use(const ld_target *tg) {
  for (uint32_t t = 0; t < tg->tg_nhowto; t++) {
    const ld_howto *hw = &tg->tg_howto[t];
    if (hw->name && writes_value(hw->kind) && !hw->size)
      ld_fatal("internal: target %s: relocation %s has a value but no field", tg->tg_name,
               hw->name);
  }
  ctx->tg = tg;
  ctx->is64 = tg->tg_is64;
  ctx->be = tg->tg_be;
}

void ld_output_ident(uint16_t *machine, uint32_t *flags) {
  const ld_target *tg = ctx->tg;
  *machine = tg->tg_machine;
  *flags = 0;
  if (!tg->tg_output_ident) return;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    tg->tg_output_ident(o->o_machine, elf_rd32(o->o_data + (o->o_is64 ? 48 : 36), o->o_be), machine,
                        flags);
  }
}
