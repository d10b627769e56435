/* Version 1 (SysV) statements and GNU version script nodes, into the same model as version 2.
 * Version 1 packs attributes into words (`?RWX`, `V0x1000`, `$PROGBITS`); the grammar hands
 * the words over and they are taken apart here. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/elf/elf.h"
#include "internal.h"

static uint64_t v1_number(mf_parser *P, const mf_tok *w, const char *digits) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(digits, &end, 0);
  if (!*digits || *end) mf_error(P, w->line, "malformed numeric value: %s", w->text);
  if (errno == ERANGE || (!P->m->m_is64 && v > 0xffffffffull))
    mf_error(P, w->line, "numeric value exceeds word size: %s", w->text);
  return v;
}

static void v1_capability(mf_parser *P, const mf_tok *name, mf_vec *words) {
  mf_cap_begin(P, NULL, name->line);
  mf_tok attr = {.canon = !strcasecmp(name->text, "hwcap_1") ? "HW_1" : "SF_1"};
  mf_cap_attr(P, &attr, '=', words);
  mf_cap_end(P);
}

/* name = LOAD ?RWX V0x... P0x... L0x... A0x... R0x... ; */
void mf_v1_segment(mf_parser *P, const mf_tok *name, mf_vec *words) {
  if (!strcasecmp(name->text, "hwcap_1") || !strcasecmp(name->text, "sfcap_1")) {
    v1_capability(P, name, words);
    return;
  }
  enum { A_TYPE, A_FLAGS, A_V, A_P, A_L, A_A, A_R, A_N };
  static const char *const attr_names[] = {"segment type",     "segment flags",  "virtual address",
                                           "physical address", "segment length", "alignment",
                                           "rounding"};
  static const uint32_t attr_bits[] = {
      0, MF_SGA_FLAGS, MF_SGA_VADDR, MF_SGA_PADDR, MF_SGA_MAX_SIZE, MF_SGA_ALIGN, MF_SGA_ROUND};
  int seen[A_N] = {0};
  int type = 0, empty = 0, nohdr = 0, order = 0;
  uint32_t flags = 0;
  uint64_t num[A_N] = {0};
  for (uint32_t i = 0; i < words->n; i++) {
    mf_tok *w = words->v[i];
    const char *t = w->text;
    int a;
    if (!strcasecmp(t, "LOAD") || !strcasecmp(t, "NOTE") || !strcasecmp(t, "NULL") ||
        !strcasecmp(t, "STACK")) {
      a = A_TYPE;
      /* L(OAD), N(OTE), U (NULL), S(TACK) */
      type = (t[0] == 'L' || t[0] == 'l')   ? 'L'
             : (t[0] == 'S' || t[0] == 's') ? 'S'
             : (t[1] == 'O' || t[1] == 'o') ? 'N'
                                            : 'U';
    } else if (t[0] == '?') {
      a = A_FLAGS;
      for (const char *c = t + 1; *c; c++) {
        switch (*c) {
        case 'R':
        case 'r': flags |= PF_R; break;
        case 'W':
        case 'w': flags |= PF_W; break;
        case 'X':
        case 'x': flags |= PF_X; break;
        case 'E':
        case 'e': empty = 1; break;
        case 'N':
        case 'n': nohdr = 1; break;
        case 'O':
        case 'o': order = 1; break;
        default: mf_error(P, w->line, "unknown segment flag '%c': %s", *c, t);
        }
      }
    } else {
      const char *letters = "VPLAR";
      const char *p = strchr(letters, t[0] >= 'a' ? t[0] - 32 : t[0]);
      if (!t[0] || !p) mf_error(P, w->line, "unknown segment attribute: %s", t);
      a = A_V + (int)(p - letters);
      num[a] = v1_number(P, w, t + 1);
    }
    if (seen[a]) mf_error(P, w->line, "%s set more than once on same line: %s", attr_names[a], t);
    seen[a] = 1;
  }
  if (type == 'S') { /* STACK: the stack's permissions, not a segment */
    P->m->m_stack_set = 1;
    if (seen[A_FLAGS]) P->m->m_stack_flags = flags;
    return;
  }
  int segtype = type == 'N' ? MF_SEG_NOTE : type == 'U' ? MF_SEG_NULL : MF_SEG_LOAD;
  mf_segment *s = mf_find_segment(P->m, name->text);
  if (s && type && s->sg_type != segtype)
    mf_error(P, name->line, "segment type cannot be changed: %s", name->text);
  if (!s) s = mf_seg_new(P->m, mf_strdup(name->text), segtype, (mf_loc){P->file, name->line});
  if (!s->sg_loc.file) s->sg_loc = (mf_loc){P->file, name->line}; /* a built-in's first mention */
  s->sg_mentioned = 1;
  s->sg_disabled = 0;
  for (int a = A_FLAGS; a < A_N; a++) {
    if (!seen[a]) continue;
    if (s->sg_set & attr_bits[a])
      mf_warning(P, name->line, "redefining %s attribute for '%s'", attr_names[a], s->sg_name);
    s->sg_set |= attr_bits[a];
  }
  if (seen[A_FLAGS]) s->sg_flags = flags, s->sg_empty = (uint8_t)empty;
  if (nohdr) s->sg_nohdr = 1;
  if (order) s->sg_order_by_file = 1;
  if (seen[A_V]) s->sg_vaddr = num[A_V];
  if (seen[A_P]) s->sg_paddr = num[A_P];
  if (seen[A_L]) s->sg_max_size = num[A_L];
  if (seen[A_A]) s->sg_align = num[A_A];
  if (seen[A_R]) s->sg_round = num[A_R];
  if ((seen[A_A] && (num[A_A] & (num[A_A] - 1))) || (seen[A_R] && (num[A_R] & (num[A_R] - 1))))
    mf_error(P, name->line, "alignment and rounding must be powers of 2: %s", s->sg_name);
  if (s->sg_empty && s->sg_type == MF_SEG_LOAD &&
      (!(s->sg_set & MF_SGA_VADDR) || !(s->sg_set & MF_SGA_MAX_SIZE) ||
       (flags & (PF_R | PF_W | PF_X))))
    mf_error(P, name->line,
             "empty LOAD segment needs an address and a length, and no permissions: %s",
             s->sg_name);
  if (s->sg_empty && s->sg_type == MF_SEG_NULL && (s->sg_set & (MF_SGA_VADDR | MF_SGA_MAX_SIZE)))
    mf_error(P, name->line, "empty NULL segment cannot have an address or a length: %s",
             s->sg_name);
}

static const struct {
  const char *name;
  uint32_t type;
} v1_types[] = {{"$PROGBITS", SHT_PROGBITS}, {"$SYMTAB", SHT_SYMTAB}, {"$DYNSYM", SHT_DYNSYM},
                {"$STRTAB", SHT_STRTAB},     {"$REL", SHT_REL},       {"$RELA", SHT_RELA},
                {"$HASH", SHT_HASH},         {"$LIB", SHT_SHLIB},     {"$DYNAMIC", SHT_DYNAMIC},
                {"$NOTE", SHT_NOTE},         {"$NOBITS", SHT_NOBITS}};

/* name : [section] [$TYPE] [?FLAGS] [: file ...] ; */
void mf_v1_mapping(mf_parser *P, const mf_tok *name, mf_vec *words, mf_vec *files) {
  mf_segment *s = mf_find_segment(P->m, name->text);
  if (!s) s = mf_seg_new(P->m, mf_strdup(name->text), MF_SEG_LOAD, (mf_loc){P->file, name->line});
  s->sg_mentioned = 1;
  s->sg_disabled = 0;
  P->seg = s;
  mf_ec_begin(P, name->line);
  mf_ec *e = P->ec;
  for (uint32_t i = 0; i < words->n; i++) {
    mf_tok *w = words->v[i];
    const char *t = w->text;
    if (t[0] == '$' && !w->quoted) {
      size_t k = 0, n = sizeof v1_types / sizeof v1_types[0];
      while (k < n && strcasecmp(t, v1_types[k].name)) k++;
      if (k == n) mf_error(P, w->line, "unknown section type: %s", t);
      if (e->ec_type_set)
        mf_error(P, w->line, "section type set more than once on same line: %s", t);
      e->ec_type = v1_types[k].type, e->ec_type_set = 1;
    } else if (t[0] == '?' && !w->quoted) {
      if (e->ec_flags_mask)
        mf_error(P, w->line, "section flags set more than once on same line: %s", t);
      int neg = 0;
      for (const char *c = t + 1; *c; c++) {
        uint64_t f;
        if (*c == '!') {
          if (neg) mf_error(P, w->line, "'!' given twice in section flags: %s", t);
          neg = 1;
          continue;
        }
        if (*c == 'A' || *c == 'a') f = SHF_ALLOC;
        else if (*c == 'W' || *c == 'w') f = SHF_WRITE;
        else if (*c == 'X' || *c == 'x') f = SHF_EXECINSTR;
        else mf_error(P, w->line, "unknown section flag '%c': %s", *c, t);
        e->ec_flags_mask |= f;
        if (!neg) e->ec_flags_value |= f;
        neg = 0;
      }
      if (neg) mf_error(P, w->line, "'!' must be followed by a section flag: %s", t);
    } else {
      if (e->ec_is_name)
        mf_error(P, w->line, "section name set more than once on same line: %s", t);
      e->ec_is_name = mf_strdup(t);
    }
  }
  for (uint32_t i = 0; files && i < files->n; i++) {
    mf_tok *w = files->v[i];
    mf_file_test *ft = mf_alloc(sizeof *ft);
    /* "*name" matches by basename, anything else by the path as given. */
    if (w->text[0] == '*' && w->text[1])
      ft->ft_kind = MF_FILE_BASENAME, ft->ft_name = mf_strdup(w->text + 1);
    else ft->ft_kind = MF_FILE_PATH, ft->ft_name = mf_strdup(w->text);
    mf_vec_push(&e->ec_files, ft);
  }
  mf_ec_end(P);
}

static mf_segment *v1_existing(mf_parser *P, const mf_tok *name, const char *what) {
  mf_segment *s = mf_find_segment(P->m, name->text);
  if (!s) mf_error(P, name->line, "%s: unknown segment: %s", what, name->text);
  s->sg_mentioned = 1;
  return s;
}

/* name | section ; */
void mf_v1_order(mf_parser *P, const mf_tok *name, mf_vec *words) {
  mf_segment *s = v1_existing(P, name, "section ordering");
  if (words->n != 1)
    mf_error(P, name->line, "section ordering needs exactly one section name: %s", name->text);
  mf_vec_push(&s->sg_os_order, mf_strdup(((mf_tok *)words->v[0])->text));
}

/* name @ symbol ; */
void mf_v1_sizesym(mf_parser *P, const mf_tok *name, const mf_tok *sym) {
  mf_segment *s = v1_existing(P, name, "size symbol");
  mf_vec_push(&s->sg_size_syms, mf_strdup(sym->text));
}

/* soname - [version ...] [$ADDVERS=version] ; */
void mf_v1_depend(mf_parser *P, const mf_tok *name, mf_vec *words) {
  mf_dep_begin(P, name);
  for (uint32_t i = 0; i < words->n; i++) {
    mf_tok *w = words->v[i];
    if (w->list) {
      if (strcasecmp(w->text, "$ADDVERS"))
        mf_error(P, w->line, "unknown dependency control: %s", w->text);
      mf_vec_push(&P->dep->dp_require, mf_strdup(((mf_tok *)w->list->v[0])->text));
    } else {
      mf_vec_push(&P->dep->dp_allow, mf_strdup(w->text));
    }
  }
}

/* sym [= [FUNCTION|DATA|COMMON] [Vvalue] [Ssize] [attribute ...]] ; */
void mf_v1_symbol(mf_parser *P, const mf_tok *name, mf_vec *words) {
  if (!strcmp(name->text, "*") && !name->quoted) {
    if (words && words->n) mf_error(P, name->line, "auto-reduction ('*') takes no attributes");
    mf_sym_auto(P, name->line);
    return;
  }
  mf_sym_begin(P, name);
  mf_sym *s = P->sym;
  for (uint32_t i = 0; words && i < words->n; i++) {
    mf_tok *w = words->v[i];
    const char *t = w->text;
    uint32_t f;
    if (!strcasecmp(t, "FUNCTION")) s->sy_type = STT_FUNC, s->sy_set |= MF_SYA_TYPE;
    else if (!strcasecmp(t, "DATA")) s->sy_type = STT_OBJECT, s->sy_set |= MF_SYA_TYPE;
    else if (!strcasecmp(t, "COMMON")) s->sy_type = STT_COMMON, s->sy_set |= MF_SYA_TYPE;
    else if (!strcasecmp(t, "FILTER") || !strcasecmp(t, "AUXILIARY")) {
      if (i + 1 >= words->n) mf_error(P, w->line, "%s needs an object name", t);
      const char *so = mf_strdup(((mf_tok *)words->v[++i])->text);
      if (t[0] == 'F' || t[0] == 'f') s->sy_filter = so;
      else s->sy_auxiliary = so;
    } else if ((f = mf_symflag_lookup(P, w)) != 0) {
      s->sy_flags |= f;
    } else if ((t[0] == 'V' || t[0] == 'v') && t[1] >= '0' && t[1] <= '9') {
      s->sy_value = v1_number(P, w, t + 1), s->sy_set |= MF_SYA_VALUE;
    } else if ((t[0] == 'S' || t[0] == 's') && t[1] >= '0' && t[1] <= '9') {
      s->sy_size = v1_number(P, w, t + 1), s->sy_set |= MF_SYA_SIZE;
    } else {
      mf_error(P, w->line, "unknown symbol attribute: %s", t);
    }
  }
  mf_sym_end(P);
}

/* ---- GNU version scripts ------------------------------------------------------------------ */

void mf_vs_symbol(mf_parser *P, const mf_tok *pat) {
  int wild = !pat->quoted && strpbrk(pat->text, "*?[") != NULL;
  if (wild && !strcmp(pat->text, "*") && P->scope == MF_SCOPE_HIDDEN) {
    mf_sym_auto(P, pat->line);
    return;
  }
  mf_sym_begin(P, pat);
  P->sym->sy_wild = (uint8_t)wild;
  P->sym->sy_lang = (uint8_t)P->lang;
  mf_sym_end(P);
}

void mf_vs_node(mf_parser *P, const mf_tok *name, mf_vec *parents, uint32_t line) {
  P->vs_nodes++;
  if (!name) P->vs_anon++;
  if (P->vs_anon && P->vs_nodes > 1)
    mf_error(P, line, "anonymous version tag cannot be combined with other version tags");
  if (name && mf_find_version(P->m, name->text))
    mf_error(P, line, "duplicate version tag: %s", name->text);
  mf_syms_end(P, name, parents);
}
