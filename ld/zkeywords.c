/* -z keywords: one table (zdefs) parses them, lists them in --help and offers "did you mean",
 * as ld/options.c's table does for the options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ld.h"
#include "options.h"

/* -z guidance[=item,...]: each item names advice to leave out (Solaris spells them noall,
 * nodefs, nodirect, nolazyload, nomapfile, notext, nounused; notls is tld's). Given more than
 * once, the items add up. */
static void guidance_keyword(ld_options *o, const char *kw) {
  static const struct {
    const char *name;
    uint32_t bit;
  } items[] = {{"noall", ~(uint32_t)GUIDE_ON},  {"nodefs", GUIDE_NO_DEFS},
               {"nodirect", GUIDE_NO_DIRECT},   {"nolazyload", GUIDE_NO_LAZYLOAD},
               {"nomapfile", GUIDE_NO_MAPFILE}, {"notext", GUIDE_NO_TEXT},
               {"nounused", GUIDE_NO_UNUSED},   {"notls", GUIDE_NO_TLS}};
  o->guidance |= GUIDE_ON;
  if (kw[8] != '=') return;
  char *list = ld_xstrdup(kw + 9), *save = NULL;
  for (char *w = strtok_r(list, ", \t", &save); w; w = strtok_r(NULL, ", \t", &save)) {
    size_t k = 0;
    while (k < sizeof items / sizeof items[0] && strcasecmp(w, items[k].name)) k++;
    if (k == sizeof items / sizeof items[0])
      ld_warn("-z guidance: unknown item '%s' ignored (noall, nodefs, nodirect, nolazyload, "
              "nomapfile, notext, nounused, notls)",
              w);
    else o->guidance |= items[k].bit;
  }
}

/* -z keywords, in one table as the options are: it parses them, lists them in --help (the rows
 * with a help spelling, in order, a line ending where `nl` is set) and offers "did you mean" for
 * an unknown one. `name` is the keyword before any '='; `value` says whether "=VALUE" follows
 * (ZV_REQ), may follow (ZV_OPT) or may not (ZV_NONE). ZA_SET stores `val` in an int field,
 * ZA_OR32 and ZA_OR64 set the bits `val` in a flag word, ZA_FN calls `fn` (keywords with several
 * effects, a checked value or positional state); ZA_NOP rows are accepted without effect, ZA_UNSUP
 * rows refused. */
enum { ZA_SET, ZA_OR32, ZA_OR64, ZA_FN, ZA_NOP, ZA_UNSUP };
enum { ZV_NONE, ZV_REQ, ZV_OPT };
struct zdef {
  const char *name, *help; /* help: as --help spells it ("": the name); NULL: not listed */
  uint8_t act, value, nl;
  uint32_t off; /* the ld_options field ZA_SET and ZA_OR* write, checked for its type */
  uint64_t val;
  void (*fn)(struct optstate *st, const char *kw, const char *v);
};
/* A ZA_FN function: `kw` is the keyword as given, `v` its value (NULL when none). */
#define Z_FN_DEF(fn)                                                                               \
  static void fn(struct optstate *st UNUSED, const char *kw UNUSED, const char *v UNUSED)
#define Z_SET(name, help, nl, f, v)                                                                \
  { name, help, ZA_SET, ZV_NONE, nl, OPT_FIELD(f, int), v, NULL }
#define Z_OR32(name, help, nl, f, v)                                                               \
  { name, help, ZA_OR32, ZV_NONE, nl, OPT_FIELD(f, uint32_t), v, NULL }
#define Z_OR64(name, help, nl, f, v)                                                               \
  { name, help, ZA_OR64, ZV_NONE, nl, OPT_FIELD(f, uint64_t), v, NULL }
#define Z_FN(name, help, nl, value, fn)                                                            \
  { name, help, ZA_FN, value, nl, 0, 0, fn }
#define Z_NOP(name)                                                                                \
  { name, NULL, ZA_NOP, ZV_NONE, 0, 0, 0, NULL }
#define Z_UNSUP(name, value)                                                                       \
  { name, NULL, ZA_UNSUP, value, 0, 0, 0, NULL }

Z_FN_DEF(z_execstack) {
  st->opt->z_execstack = kw[0] == 'e', st->opt->z_noexecstack = kw[0] != 'e';
}
Z_FN_DEF(z_textwarn) { st->opt->z_text = 0, st->opt->z_textwarn = 1; }
Z_FN_DEF(z_defs) { /* defs, nodefs, undefs */
  ld_options *o = st->opt;
  o->z_defs_given = 1;
  o->z_defs = kw[0] == 'd';
  if (!o->z_defs) o->allow_undefined = 1;
}
Z_FN_DEF(z_guidance) { guidance_keyword(st->opt, kw); }
/* Positional, as in Solaris: each applies to the dependencies named after it. */
Z_FN_DEF(z_lazyload) { /* lazyload, nolazyload */
  st->dep = (uint8_t)((st->dep & ~DEP_LAZY) | (kw[0] == 'l' ? DEP_LAZY : 0) | DEP_LAZY_GIVEN);
}
Z_FN_DEF(z_direct) { /* direct, nodirect */
  int d = kw[0] == 'd';
  st->dep = (uint8_t)((st->dep & ~(DEP_DIRECT | DEP_NODIRECT)) | (d ? DEP_DIRECT : DEP_NODIRECT) |
                      DEP_DIRECT_GIVEN);
}
Z_FN_DEF(z_unknown);
Z_FN_DEF(z_mapfile) {
  if (*v) ld_vec_push(&st->opt->mapfiles, (void *)v);
  else z_unknown(st, kw, v);
}
Z_FN_DEF(z_target) {
  st->opt->target = ld_target_named(v);
  if (!st->opt->target)
    ld_error("-z target=%s: unknown target (%s)", v, ld_target_names(TN_NAME, ", "));
}
Z_FN_DEF(z_page_size) {
  uint64_t n;
  if (ld_opt_parse_num(v, &n) || n == 0 || (n & (n - 1)))
    ld_error("-z %s: expected a power of two", kw);
  else if (kw[0] == 'm') st->opt->page_size = n;
  else st->opt->common_page_size = n;
}
Z_FN_DEF(z_stack_size) {
  if (ld_opt_parse_num(v, &st->opt->stack_size)) ld_error("-z %s: expected a number", kw);
}
/* cet-report=, and the LAM reports, accepted and giving none (diagnostics only: tld(1)). */
Z_FN_DEF(z_report) {
  int how = !strcmp(v, "none") ? 0 : !strcmp(v, "warning") ? 1 : !strcmp(v, "error") ? 2 : -1;
  if (how < 0) ld_error("-z %s: expected none, warning or error", kw);
  else if (kw[0] == 'c') st->opt->cet_report = how;
}
Z_FN_DEF(z_call_nop) {
  /* prefix-addr: the relaxed GOT call is `addr32 call`, as this asks (GNU ld's default) */
  if (strcmp(v, "prefix-addr"))
    ld_error("-z %s is not supported (see tld(1), \"Options of GNU ld\")", kw);
}
Z_FN_DEF(z_start_stop_vis) {
  static const char *const vis[] = {[STV_DEFAULT] = "default",
                                    [STV_INTERNAL] = "internal",
                                    [STV_HIDDEN] = "hidden",
                                    [STV_PROTECTED] = "protected"};
  for (int k = 0; k < 4; k++)
    if (!strcmp(v, vis[k])) {
      st->opt->start_stop_vis = k;
      return;
    }
  ld_error("-z %s: expected default, protected, hidden or internal", kw);
}

static const struct zdef zdefs[] = {
    Z_SET("now", "", 0, z_now, 1),
    Z_SET("lazy", "", 0, z_now, 0),
    Z_SET("relro", "", 0, z_relro, 1),
    Z_SET("norelro", "", 0, z_relro, 0),
    Z_FN("execstack", "", 0, ZV_NONE, z_execstack),
    Z_FN("noexecstack", "", 0, ZV_NONE, z_execstack),
    Z_SET("text", "", 0, z_text, 1),
    Z_SET("notext", "", 0, z_text, 0),
    Z_SET("textoff", "", 0, z_text, 0),
    Z_FN("defs", "", 1, ZV_NONE, z_defs),
    Z_FN("nodefs", "", 0, ZV_NONE, z_defs),
    Z_SET("origin", "", 0, z_origin, 1),
    Z_SET("nodelete", "", 0, z_nodelete, 1),
    Z_SET("initfirst", "", 0, z_initfirst, 1),
    Z_SET("interpose", "", 0, z_interpose, 1),
    Z_SET("separate-code", "", 0, z_separate_code, 1),
    Z_SET("noseparate-code", "", 1, z_separate_code, 0),
    Z_FN("max-page-size", "max-page-size=N", 0, ZV_REQ, z_page_size),
    Z_FN("common-page-size", "common-page-size=N", 0, ZV_REQ, z_page_size),
    Z_SET("notlsrelax", "", 0, tls_relax, 0),
    Z_SET("tlsrelax", "", 0, tls_relax, 1),
    Z_SET("gnu", "", 1, gnu_flavour, 1),
    Z_FN("lazyload", "", 0, ZV_NONE, z_lazyload),
    Z_FN("nolazyload", "", 0, ZV_NONE, z_lazyload),
    Z_FN("direct", "", 0, ZV_NONE, z_direct),
    Z_FN("nodirect", "nodirect (positional: for the dependencies that follow)", 1, ZV_NONE,
         z_direct),
    Z_FN("guidance", "guidance[=noall,nodefs,nodirect,nolazyload,nomapfile,notext,nounused,notls]",
         1, ZV_OPT, z_guidance),
    Z_FN("target", "target=x64|x86|sparc|sparcv9", 0, ZV_REQ, z_target),
    Z_SET("muldefs", "", 0, allow_multiple_def, 1),
    Z_FN("stack-size", "stack-size=N", 0, ZV_REQ, z_stack_size),
    Z_SET("ibt", "", 0, z_ibt, 1),
    Z_SET("shstk", "", 1, z_shstk, 1),
    Z_SET("dynamic-undefined-weak", "", 0, z_dyn_undef_weak, 1),
    Z_SET("nodynamic-undefined-weak", "", 0, z_dyn_undef_weak, 0),
    Z_SET("keep-text-section-prefix", "", 1, keep_text_prefix, 1),
    Z_SET("pack-relative-relocs", "", 0, pack_relr, 1),
    Z_SET("nopack-relative-relocs", "", 1, pack_relr, 0),
    Z_SET("ibtplt", "", 0, z_ibtplt, 1),
    Z_SET("nodefaultlib", "", 0, z_nodefaultlib, 1),
    Z_OR32("x86-64-baseline", "", 0, isa_needed, GNU_PROPERTY_X86_ISA_1_BASELINE),
    Z_OR32("x86-64-v2", "", 0, isa_needed, GNU_PROPERTY_X86_ISA_1_V2),
    Z_OR32("x86-64-v3", "", 0, isa_needed, GNU_PROPERTY_X86_ISA_1_V3),
    Z_OR32("x86-64-v4", "", 0, isa_needed, GNU_PROPERTY_X86_ISA_1_V4),
    Z_OR32("lam-u48", "", 0, feature_1_extra, GNU_PROPERTY_X86_FEATURE_1_LAM_U48),
    Z_OR32("lam-u57", "", 1, feature_1_extra, GNU_PROPERTY_X86_FEATURE_1_LAM_U57),
    Z_FN("cet-report", "cet-report=R", 0, ZV_REQ, z_report),
    Z_FN("lam-report", "lam-report=R", 0, ZV_REQ, z_report),
    Z_OR64("global", "", 0, flags_1_extra, DF_1_GLOBAL),
    Z_OR64("nodlopen", "", 0, flags_1_extra, DF_1_NOOPEN),
    Z_OR64("nodump", "", 0, flags_1_extra, DF_1_NODUMP),
    Z_OR64("loadfltr", "", 0, flags_1_extra, DF_1_LOADFLTR),
    Z_OR64("globalaudit", "", 0, flags_1_extra, DF_1_GLOBAUDIT),
    Z_SET("unique", "", 1, z_unique, 1),
    Z_SET("nounique", "", 0, z_unique, 0),
    Z_SET("nocopyreloc", "", 0, z_nocopyreloc, 1),
    Z_SET("start-stop-gc", "", 0, z_start_stop_gc, 1),
    Z_SET("nostart-stop-gc", "", 0, z_start_stop_gc, 0),
    Z_FN("start-stop-visibility", "start-stop-visibility=V", 1, ZV_REQ, z_start_stop_vis),
    Z_SET("indirect-extern-access", "", 0, indirect_extern_access, 1),
    Z_SET("noindirect-extern-access", "", 0, indirect_extern_access, 0),
    /* Accepted, not listed. */
    Z_FN("textwarn", NULL, 0, ZV_NONE, z_textwarn),
    Z_FN("undefs", NULL, 0, ZV_NONE, z_defs),
    Z_SET("mapfile-dump", NULL, 0, mapfile_dump, 1),
    Z_FN("mapfile", NULL, 0, ZV_REQ, z_mapfile),
    Z_SET("copyreloc", NULL, 0, z_nocopyreloc, 0),
    Z_SET("nokeep-text-section-prefix", NULL, 0, keep_text_prefix, 0),
    Z_FN("lam-u48-report", NULL, 0, ZV_REQ, z_report),
    Z_FN("lam-u57-report", NULL, 0, ZV_REQ, z_report),
    Z_FN("call-nop", NULL, 0, ZV_REQ, z_call_nop),
    /* GNU ld keywords tld refuses, and those without an effect on tld's output (tld(1),
     * "Options of GNU ld"). */
    Z_UNSUP("unique-symbol", ZV_NONE),
    Z_UNSUP("common", ZV_NONE),
    Z_UNSUP("noreloc-overflow", ZV_NONE),
    Z_NOP("combreloc"),
    Z_NOP("nocombreloc"),
    Z_NOP("noexecheap"),
    Z_NOP("noextern-protected-data"),
    Z_NOP("report-relative-reloc"),
    Z_NOP("nounique-symbol"),
    Z_NOP("nocommon"),
    Z_NOP("noverbose"),
    Z_NOP("verbose"),
    Z_NOP("ignore"),
    Z_NOP("record"),
};

/* An unknown keyword is a warning (GNU ld's choice: compilers pass keywords newer linkers
 * know), with the nearest keyword when one is close. */
Z_FN_DEF(z_unknown) {
  char want[64];
  snprintf(want, sizeof want, "%s", kw);
  char *eq = strchr(want, '=');
  if (eq) *eq = 0;
  const struct zdef *best = NULL;
  size_t bestd = 4, len = strlen(want);
  for (size_t k = 0; k < sizeof zdefs / sizeof zdefs[0]; k++) {
    if (zdefs[k].act == ZA_NOP || zdefs[k].act == ZA_UNSUP) continue;
    size_t d = ld_edit_distance(want, zdefs[k].name);
    /* The right word with its value missing ("max-page-size") or one it does not take
     * ("relro=1") has a suggestion; one with its value wrong ("mapfile=") has none. */
    if (!d && eq && zdefs[k].value != ZV_NONE) continue;
    if (d < bestd && (d <= 1 || (len >= 4 && d <= len / 3 + 1))) bestd = d, best = &zdefs[k];
  }
  if (best)
    ld_warn("-z %s ignored (unknown keyword); did you mean '%s%s'?", kw, best->name,
            best->value == ZV_REQ ? "=" : "");
  else ld_warn("-z %s ignored (unknown keyword)", kw);
}

void ld_z_keyword(struct optstate *st, const char *kw) {
  for (size_t k = 0; k < sizeof zdefs / sizeof zdefs[0]; k++) {
    const struct zdef *z = &zdefs[k];
    size_t len = strlen(z->name);
    if (strncmp(kw, z->name, len)) continue;
    const char *v = NULL;
    if (kw[len] == '=' && z->value != ZV_NONE) v = kw + len + 1;
    else if (kw[len] || z->value == ZV_REQ) continue;
    char *field = (char *)st->opt + z->off;
    switch (z->act) {
    case ZA_SET: *(int *)field = (int)z->val; break;
    case ZA_OR32: *(uint32_t *)field |= (uint32_t)z->val; break;
    case ZA_OR64: *(uint64_t *)field |= z->val; break;
    case ZA_FN: z->fn(st, kw, v); break;
    case ZA_UNSUP:
      ld_error("-z %s is not supported (see tld(1), \"Options of GNU ld\")", kw);
      break;
    default: break; /* ZA_NOP */
    }
    return;
  }
  z_unknown(st, kw, NULL);
}

/* The -z list of --help. */
void ld_print_z_help(void) {
  printf("\n-z keywords:");
  for (size_t k = 0; k < sizeof zdefs / sizeof zdefs[0]; k++) {
    if (!zdefs[k].help) continue;
    printf(" %s", zdefs[k].help[0] ? zdefs[k].help : zdefs[k].name);
    if (zdefs[k].nl) printf("\n ");
  }
  printf("\n");
}
