/* Pass 2: open and map every input, classify it, parse objects, and resolve symbols with
 * archive members extracted to a fixed point.
 *
 * Archive semantics are those of lld and mold rather than GNU ld: every archive symbol is entered
 * as a lazy definition, and a strong undefined reference extracts the member whichever comes
 * first on the command line. So --start-group/--end-group are accepted but unnecessary, and link
 * order only breaks ties (the first definition wins). Everything here runs in command-line order
 * on one thread, so the result is deterministic. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "archive.h"
#include "ld.h"
#include "mmap.h"
#include "plugin.h"
#include "script.h"

typedef struct ld_loaded_archive {
  ld_archive la_ar;
  ld_sym **la_syms;  /* interned ahead: the symbol of each index entry, or NULL */
  uint32_t *la_hash; /* the index names' hashes, computed ahead */
  uint8_t *la_extracted;
  uint32_t *la_batch_slot; /* scratch: 1 + the member's index in the batch being parsed */
  uint8_t la_whole;
} ld_loaded_archive;

typedef struct preparsed preparsed;

/* The state of the input pass. It reads the options' inputs and the files they name, and writes
 * the objects, shared objects, archives and resolved symbols into the link context (and the
 * directories searched, ctx->search_dirs); ld_load_inputs starts it afresh. An LTO plugin's
 * files join through ld_input_late and ld_input_rescan, within the pass. */
static struct input_pass {
  ld_vec extract_queue; /* ld_sym* whose lazy member must be read */
  ld_vec common_queue;  /* common_ent*: commons waiting for an archive member (common_extract) */
  ld_vec excluded_objs; /* members of --exclude-libs archives */
  ld_vec opened_files;  /* every file the link reads, for --dependency-file */
  uint32_t next_obj_id;
  preparsed *pre;     /* the command line's inputs, mapped and parsed ahead */
  uint32_t pre_ndirs; /* ctx->search_dirs.n when -l was searched ahead */
  struct {            /* --stats: where the pass spends its time */
    double archives, parse, serial, ahead, intern, resolve;
    uint32_t batches, members;
  } st;
} P;

/* "=dir" and "$SYSROOTdir" name a directory under --sysroot (GNU ld, lld). */
static const char *with_sysroot(const char *p) {
  const char *root = ctx->opt.sysroot ? ctx->opt.sysroot : "";
  if (p[0] == '=') return ld_sprintf("%s%s", root, p + 1);
  if (!strncmp(p, "$SYSROOT", 8)) return ld_sprintf("%s%s", root, p + 8);
  return p;
}

static int file_exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* A candidate of a -l search; --verbose shows each attempt, as GNU ld does (not while
 * searching ahead, in parallel). */
static _Thread_local int searching_ahead;
static int lib_exists(const char *p) {
  int ok = file_exists(p);
  if (ctx->opt.verbose && !searching_ahead)
    printf("attempt to open %s %s\n", p, ok ? "succeeded" : "failed");
  return ok;
}

/* --exclude-libs: are the symbols of this archive's members kept out of the dynamic symbol
 * table? Names are matched against the archive's file name without its directory. */
static int excluded_archive(const char *path) {
  if (ctx->opt.exclude_libs_all) return 1;
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  for (uint32_t i = 0; i < ctx->opt.exclude_libs.n; i++)
    if (!strcmp(b, (const char *)ctx->opt.exclude_libs.v[i])) return 1;
  return 0;
}

static const char *find_lib(const char *name, int bstatic) {
  if (ctx->opt.outkind == OUT_RELOC) bstatic = 1; /* -r links no shared object: as GNU ld */
  for (uint32_t i = 0; i < ctx->search_dirs.n; i++) {
    const char *d = ctx->search_dirs.v[i];
    if (name[0] == ':') {
      const char *p = ld_sprintf("%s/%s", d, name + 1);
      if (lib_exists(p)) return p;
      continue;
    }
    if (!bstatic) {
      const char *p = ld_sprintf("%s/lib%s.so", d, name);
      if (lib_exists(p)) return p;
    }
    const char *p = ld_sprintf("%s/lib%s.a", d, name);
    if (lib_exists(p)) return p;
  }
  return NULL;
}

/* Choose the target from the first ELF input unless -m or -z target= chose it. */
static int check_machine(const char *name, const uint8_t *d, uint64_t size) {
  if (size < 20) return 0;
  int be = d[EI_DATA] == ELFDATA2MSB;
  uint16_t mach = elf_rd16(d + 18, be);
  int is64 = d[EI_CLASS] == ELFCLASS64;
  if (!ctx->tg) {
    const ld_target *tg = ld_target_of(mach, is64);
    if (tg) ld_target_use(tg);
    if (!ctx->tg) {
      ld_error("%s: unsupported machine %u (class %s)", name, mach, is64 ? "ELF64" : "ELF32");
      return 0;
    }
  }
  if (!ctx->tg->tg_accepts(mach) || is64 != ctx->tg->tg_is64 || be != ctx->tg->tg_be) {
    ld_error("%s: machine %u (%s, %s-endian) does not match the output target %s", name, mach,
             is64 ? "ELF64" : "ELF32", be ? "big" : "little", ctx->tg->tg_name);
    return 0;
  }
  return 1;
}

/* An object enters the link, in link order; `o` is its parse when it was parsed ahead (or its
 * IR object when a plugin claimed it ahead, in parallel). A file an LTO plugin may read is
 * offered to it first, and a claimed one takes part through the symbols the plugin gave;
 * `path` and `off` are the file and offset the plugin reads (an archive member's archive). */
static void enter_object(ld_obj *o, const char *name, const uint8_t *data, uint64_t size,
                         const char *path, uint64_t off) {
  int here = 0;
  if (!o && !ld_is_bitcode(data, size)) {
    if (!check_machine(name, data, size)) return;
    if (!(o = ld_parse_object(name, data, size))) return;
    here = 1;
  }
  /* In parallel mode a file parsed ahead was offered then. */
  if ((!o || (!o->o_ir && (here || !ld_plugin_parallel()))) && ld_plugin_candidate(o, data, size)) {
    ld_obj *ir = ld_plugin_claim(name, path, off, data, size);
    if (ir) o = ir;
  }
  if (!o) { /* bitcode no plugin claimed */
    ld_plugin_refuse(name, NULL, data, size);
    return;
  }
  if (!o->o_ir && ld_plugin_refuse(name, o, data, size)) return;
  if (o->o_ir) ld_plugin_enter(o);
  o->o_id = P.next_obj_id++;
  ld_vec_push(&ctx->objs, o);
  ld_object_symbols(o);
}

static void add_object(const char *name, const uint8_t *data, uint64_t size) {
  enter_object(NULL, name, data, size, name, 0);
}

/* Where a plugin reads an archive member: the archive and the member's offset in it, or, in a
 * thin archive, the member's own file. */
static const char *member_file(const ld_loaded_archive *la, const ld_ar_member *am, uint64_t *off) {
  const ld_archive *ar = &la->la_ar;
  if (am->am_data >= ar->ar_data && am->am_data < ar->ar_data + ar->ar_size) {
    *off = (uint64_t)(am->am_data - ar->ar_data);
    return ar->ar_path;
  }
  const char *p = ld_mapped_path_of(am->am_data, off);
  if (p) return p;
  *off = 0;
  return ar->ar_path;
}

/* Enter the archive's index as lazy definitions. */
/* Common symbols and archives, as GNU ld and lld have it: when an archive is read, a member
 * whose symbol table has a real (not common, not weak) definition of a symbol the link holds as
 * common is extracted, and its definition replaces the common; a member with only another common
 * is not, and a common seen after the archive extracts nothing. Commons are rare, so the member
 * is parsed only when a common meets it; such pairs wait in P.common_queue. */
typedef struct common_ent {
  ld_sym *s;
  ld_loaded_archive *la;
  uint32_t member;
} common_ent;

static void note_common_lazy(ld_sym *s, void *la, uint32_t member) {
  common_ent *c = ld_xmalloc(sizeof *c);
  c->s = s, c->la = la, c->member = member;
  ld_vec_push(&P.common_queue, c);
}

static int strong_definition(const ld_obj *o, const char *name) {
  uint32_t esz = o->o_is64 ? ELF64_SYM_SIZE : ELF32_SYM_SIZE;
  for (uint32_t i = o->o_first_global; i < o->o_nsym; i++) {
    const uint8_t *p = o->o_symtab + (uint64_t)i * esz;
    uint32_t nm = elf_rd32(p, o->o_be);
    uint8_t info = o->o_is64 ? p[4] : p[12];
    uint16_t shndx = elf_rd16(p + (o->o_is64 ? 6 : 14), o->o_be);
    if (shndx == SHN_UNDEF || shndx == SHN_COMMON || ELF_ST_BIND(info) != STB_GLOBAL) continue;
    if (nm < o->o_strsz && !strcmp(o->o_strtab + nm, name)) return 1;
  }
  return 0;
}

static void common_extract(common_ent *c) {
  ld_loaded_archive *la = c->la;
  uint32_t m = c->member;
  if (c->s->s_def != SD_COMMON || la->la_extracted[m] || !ctx->tg) return;
  if (ld_archive_member(&la->la_ar, m) < 0) return;
  ld_ar_member *am = &la->la_ar.ar_members[m];
  const uint8_t *d = am->am_data;
  if (am->am_size < 64 || memcmp(d, "\177ELF", 4)) return;
  int be = d[EI_DATA] == ELFDATA2MSB;
  if (elf_rd16(d + 16, be) != ET_REL || !ctx->tg->tg_accepts(elf_rd16(d + 18, be))) return;
  const char *name = ld_sprintf("%s(%s)", la->la_ar.ar_path, am->am_name);
  ld_obj *o = ld_parse_object(name, d, am->am_size);
  if (!o || !strong_definition(o, c->s->s_name)) return;
  la->la_extracted[m] = 1;
  if (ctx->opt.trace) printf("%s\n", name);
  ld_note_extract(c->s, name);
  o->o_id = P.next_obj_id++;
  ld_vec_push(&ctx->objs, o);
  ld_object_symbols(o);
  if (excluded_archive(la->la_ar.ar_path)) ld_vec_push(&P.excluded_objs, o);
}

static void add_archive_lazy(ld_loaded_archive *la) {
  ld_archive *ar = &la->la_ar;
  if (ar->ar_nsyms == 0 && ar->ar_nmembers > 0) {
    /* No index: read every member's symbol table, as ranlib would have. */
    ld_warn("%s: archive has no symbol index; members are scanned directly", ar->ar_path);
  }
  for (uint32_t i = 0; i < ar->ar_nsyms; i++) {
    const char *nm = ar->ar_syms[i].as_name;
    ld_sym *s =
        la->la_syms && la->la_syms[i] ? la->la_syms[i] : ld_sym_intern(nm, (uint32_t)strlen(nm));
    /* A hidden reference cannot bind to a shared object's definition: an archive member that
     * defines the symbol is still wanted (GNU ld, lld). */
    int hidden_shared = s->s_def == SD_SHARED && s->s_referenced &&
                        (s->s_vis == STV_HIDDEN || s->s_vis == STV_INTERNAL);
    if (s->s_def == SD_UNDEF || hidden_shared) {
      s->s_def = SD_LAZY;
      ld_g(s)->s_lazy_ar = la;
      ld_g(s)->s_lazy_member = ar->ar_syms[i].as_member;
      if (s->s_referenced && !s->s_weakref) ld_vec_push(&P.extract_queue, s);
    } else if (s->s_def == SD_COMMON) {
      note_common_lazy(s, la, ar->ar_syms[i].as_member);
    }
  }
}

/* Members are extracted in batches: every member the queued references name is parsed in
 * parallel, then their symbols are entered in queue order, exactly as one-by-one extraction
 * would (a member whose symbol an earlier member of the batch defined is not used). Entering
 * symbols may queue more references, which make the next batch. */
typedef struct batch_ent {
  ld_loaded_archive *la;
  uint32_t member;
  const char *name;
  ld_obj *o;
  uint32_t nglob;
  uint8_t bad; /* its header is malformed (reported) */
} batch_ent;

static void parse_member(uint32_t i, void *arg) {
  batch_ent *b = &((batch_ent *)arg)[i];
  /* A member known by the index only has its header read here (each its own entry). */
  if (ld_archive_member(&b->la->la_ar, b->member) < 0) {
    b->bad = 1;
    return;
  }
  ld_ar_member *am = &b->la->la_ar.ar_members[b->member];
  if (!b->name) b->name = ld_sprintf("%s(%s)", b->la->la_ar.ar_path, am->am_name);
  const uint8_t *d = am->am_data;
  if (am->am_size < 64 || memcmp(d, "\177ELF", 4)) return; /* the serial path reports it */
  int be = d[EI_DATA] == ELFDATA2MSB;
  if (elf_rd16(d + 16, be) != ET_REL || !ctx->tg || !ctx->tg->tg_accepts(elf_rd16(d + 18, be)) ||
      (d[EI_CLASS] == ELFCLASS64) != ctx->tg->tg_is64 || be != ctx->tg->tg_be)
    return;
  ld_prefault(d, am->am_size);
  if (ld_plugin_parallel()) { /* every plugin's claim_file may run on this thread */
    uint64_t off;
    const char *file = member_file(b->la, am, &off);
    b->o = ld_plugin_claim(b->name, file, off, d, am->am_size);
  }
  if (!b->o) b->o = ld_parse_object(b->name, d, am->am_size);
  if (b->o) b->nglob = ld_object_prepare(b->o);
}

static void intern_member(uint32_t i, void *arg) {
  batch_ent *b = &((batch_ent *)arg)[i];
  if (b->o) ld_object_intern(b->o);
}

static void extract(ld_sym *s, ld_obj *parsed);

static void drain_queue(void) {
  while (P.extract_queue.n || P.common_queue.n) {
    for (uint32_t i = 0; i < P.common_queue.n; i++) common_extract(P.common_queue.v[i]);
    P.common_queue.n = 0;
    if (!P.extract_queue.n) continue;
    ld_vec snap = P.extract_queue;
    memset(&P.extract_queue, 0, sizeof P.extract_queue);
    batch_ent *batch = ld_xcalloc(snap.n, sizeof *batch);
    uint32_t nb = 0;
    for (uint32_t qi = 0; qi < snap.n; qi++) {
      ld_sym *s = snap.v[qi];
      if (s->s_def != SD_LAZY) continue;
      ld_loaded_archive *la = ld_gc(s)->s_lazy_ar;
      uint32_t m = ld_gc(s)->s_lazy_member;
      if (la->la_extracted[m] || la->la_batch_slot[m]) continue;
      la->la_batch_slot[m] = nb + 1;
      batch[nb].la = la;
      batch[nb].member = m;
      nb++;
    }
    double t0 = ld_now();
    if (ctx->tg) {
      ld_par_for(nb, parse_member, batch);
      uint32_t total = 0, groups = 0;
      for (uint32_t k = 0; k < nb; k++) {
        total += batch[k].nglob;
        groups += batch[k].o ? batch[k].o->o_ngroups : 0;
      }
      ld_sym_reserve(total);
      ld_comdat_reserve(groups);
      ld_par_for(nb, intern_member, batch);
    }
    double t1 = ld_now();
    P.st.parse += t1 - t0;
    P.st.batches++;
    P.st.members += nb;
    for (uint32_t k = 0; k < nb; k++)
      if (batch[k].bad) batch[k].la->la_extracted[batch[k].member] = 1;
    for (uint32_t qi = 0; qi < snap.n; qi++) {
      ld_sym *s = snap.v[qi];
      if (s->s_def != SD_LAZY) continue;
      ld_loaded_archive *la = ld_gc(s)->s_lazy_ar;
      uint32_t slot = la->la_batch_slot[ld_gc(s)->s_lazy_member];
      ld_obj *pre_o = NULL;
      if (slot) {
        pre_o = batch[slot - 1].o;
        batch[slot - 1].o = NULL;
      }
      extract(s, pre_o);
    }
    for (uint32_t k = 0; k < nb; k++) batch[k].la->la_batch_slot[batch[k].member] = 0;
    P.st.serial += ld_now() - t1;
    free(batch);
    free(snap.v);
  }
}

static void extract(ld_sym *s, ld_obj *parsed) {
  ld_loaded_archive *la = ld_gc(s)->s_lazy_ar;
  uint32_t m = ld_gc(s)->s_lazy_member;
  s->s_def = SD_UNDEF;
  ld_g(s)->s_lazy_ar = NULL;
  if (la->la_extracted[m]) return;
  la->la_extracted[m] = 1;
  if (ld_archive_member(&la->la_ar, m) < 0) return;
  ld_ar_member *am = &la->la_ar.ar_members[m];
  const char *name = parsed ? parsed->o_name : ld_sprintf("%s(%s)", la->la_ar.ar_path, am->am_name);
  if (ctx->opt.trace) printf("%s\n", name);
  ld_note_extract(s, name);
  uint32_t before = ctx->objs.n;
  uint64_t off;
  const char *file = member_file(la, am, &off);
  enter_object(parsed, name, am->am_data, am->am_size, file, off);
  if (ctx->objs.n > before && excluded_archive(la->la_ar.ar_path))
    ld_vec_push(&P.excluded_objs, ctx->objs.v[before]);
}

void ld_extract_lazy(ld_sym *s) { extract(s, NULL); }

/* A reference to a lazy symbol: queue its member. Called by ld_object_symbols. */
void ld_note_lazy_ref(ld_sym *s) { ld_vec_push(&P.extract_queue, s); }

static void load_file(const char *path, ld_input_arg *ia, int depth);

/* Is the file at `path` inside the --sysroot directory? */
static int in_sysroot(const char *path) {
  char *root = realpath(ctx->opt.sysroot, NULL), *file = realpath(path, NULL);
  size_t n = root ? strlen(root) : 0;
  int in =
      root && file && !strncmp(file, root, n) && (file[n] == '/' || (n == 1 && root[0] == '/'));
  free(root);
  free(file);
  return in;
}

static void load_script(const char *path, const ld_mapped *m, ld_input_arg *ia, int depth) {
  ld_script sc;
  memset(&sc, 0, sizeof sc);
  if (ld_script_parse(path, m->mf_data, m->mf_size, &sc) < 0) return;
  for (uint32_t i = 0; i < sc.ls_nsearch_dirs; i++)
    ld_vec_push(&ctx->search_dirs, (void *)with_sysroot(sc.ls_search_dirs[i]));
  if (sc.ls_entry && !ctx->opt.entry) ctx->opt.entry = sc.ls_entry;
  /* A script's directory is searched for names without a slash, as GNU ld does for scripts in
   * a sysroot. */
  for (uint32_t i = 0; i < sc.ls_ninputs; i++) {
    ld_script_input *si = &sc.ls_inputs[i];
    ld_input_arg sub = *ia;
    sub.ia_as_needed = si->si_as_needed || ia->ia_as_needed;
    sub.ia_lib = si->si_lib;
    if (si->si_lib) {
      const char *p = find_lib(si->si_name, ia->ia_static);
      if (!p) {
        ld_error("%s: cannot find -l%s", path, si->si_name);
        continue;
      }
      load_file(p, &sub, depth + 1);
      continue;
    }
    /* Sysroot, as GNU ld and lld apply it in scripts: "=/path" is always under the sysroot; an
     * absolute "/path" is when the script itself lies in the sysroot (glibc's libc.so there
     * names /lib/libc.so.6). */
    const char *p = si->si_name;
    if (p[0] == '=') p = ctx->opt.sysroot ? ld_sprintf("%s%s", ctx->opt.sysroot, p + 1) : p + 1;
    else if (p[0] == '/' && ctx->opt.sysroot && in_sysroot(path)) {
      const char *q = ld_sprintf("%s%s", ctx->opt.sysroot, p);
      if (file_exists(q)) p = q;
    }
    if (!file_exists(p) && !strchr(p, '/')) {
      const char *slash = strrchr(path, '/');
      const char *q = slash ? ld_sprintf("%.*s/%s", (int)(slash - path), path, p) : p;
      if (file_exists(q)) p = q;
      else {
        for (uint32_t d = 0; d < ctx->search_dirs.n; d++) {
          q = ld_sprintf("%s/%s", (const char *)ctx->search_dirs.v[d], p);
          if (file_exists(q)) {
            p = q;
            break;
          }
        }
      }
    }
    load_file(p, &sub, depth + 1);
  }
}

static void load_mapped(const char *path, ld_mapped *m, ld_input_arg *ia, int depth,
                        ld_loaded_archive *pre_la);

void ld_note_dependency(const char *path) {
  if (ctx->opt.dependency_file) ld_vec_push(&P.opened_files, (void *)path);
}

/* --dependency-file: a make rule saying the output depends on every file the link read, and an
 * empty rule for each (so a removed file does not stop make), as GNU ld writes it. */
void ld_write_dependency_file(void) {
  const char *path = ctx->opt.dependency_file;
  if (!path) return;
  for (uint32_t i = 0; i < ctx->opt.version_scripts.n; i++)
    ld_vec_push(&P.opened_files, ctx->opt.version_scripts.v[i]);
  for (uint32_t i = 0; i < ctx->opt.dynamic_lists.n; i++)
    ld_vec_push(&P.opened_files, ctx->opt.dynamic_lists.v[i]);
  for (uint32_t i = 0; i < ctx->opt.mapfiles.n; i++)
    ld_vec_push(&P.opened_files, ctx->opt.mapfiles.v[i]);
  FILE *f = fopen(path, "w");
  if (!f) {
    ld_error("--dependency-file: cannot write %s: %s", path, strerror(errno));
    return;
  }
  fprintf(f, "%s:", ctx->opt.output);
  for (uint32_t i = 0; i < P.opened_files.n; i++)
    fprintf(f, " \\\n  %s", (char *)P.opened_files.v[i]);
  fprintf(f, "\n");
  for (uint32_t i = 0; i < P.opened_files.n; i++)
    fprintf(f, "\n%s:\n", (char *)P.opened_files.v[i]);
  if (fclose(f)) ld_error("--dependency-file: cannot write %s: %s", path, strerror(errno));
}

static void load_file(const char *path, ld_input_arg *ia, int depth) {
  ld_note_dependency(path);
  if (depth > 16) {
    ld_error("%s: linker scripts nested too deeply", path);
    return;
  }
  ld_mapped *m = ld_map_input(path);
  if (!m) {
    ld_error("cannot open %s: %s", path, ld_map_strerror(errno));
    return;
  }
  load_mapped(path, m, ia, depth, NULL);
}

/* An archive's structure and index; NULL (reported) if malformed. */
static ld_loaded_archive *open_archive(const char *path, const uint8_t *d, uint64_t sz, int whole) {
  ld_loaded_archive *la = ld_xcalloc(1, sizeof *la);
  /* Members are reached through the index unless the archive is taken whole. */
  if ((whole ? ld_archive_parse : ld_archive_parse_indexed)(path, d, sz, &la->la_ar) < 0)
    return NULL;
  la->la_extracted = ld_xcalloc(la->la_ar.ar_nmembers + 1, 1);
  la->la_batch_slot = ld_xcalloc(la->la_ar.ar_nmembers + 1, sizeof(uint32_t));
  return la;
}

static void load_mapped(const char *path, ld_mapped *m, ld_input_arg *ia, int depth,
                        ld_loaded_archive *pre_la) {
  if (ctx->opt.trace) printf("%s\n", path);
  const uint8_t *d = m->mf_data;
  uint64_t sz = m->mf_size;
  if (sz >= 4 && d[0] == 0x7f && d[1] == 'E' && d[2] == 'L' && d[3] == 'F') {
    if (sz < 20) {
      ld_error("%s: truncated ELF header", path);
      return;
    }
    uint16_t type = elf_rd16(d + 16, d[EI_DATA] == ELFDATA2MSB);
    if (type == ET_REL) {
      add_object(path, d, sz);
      drain_queue();
    } else if (type == ET_DYN) {
      if (ctx->opt.is_static) {
        ld_error("%s: attempted static link of a shared object", path);
        return;
      }
      if (!check_machine(path, d, sz)) return;
      for (uint32_t i = 0; i < ctx->shared.n; i++) /* the same library named twice */
        if (!strcmp(((ld_obj *)ctx->shared.v[i])->o_name, path)) return;
      ld_obj *o = ld_parse_shared_file(path, d, sz, ia->ia_as_needed, ia->ia_lib);
      if (!o) return;
      o->o_dep = ia->ia_dep; /* -z lazyload, -z direct and the like in effect here */
      o->o_id = P.next_obj_id++;
      ld_vec_push(&ctx->shared, o);
      ld_shared_symbols(o);
      drain_queue();
    } else {
      ld_error("%s: not a relocatable object or shared object (e_type %u)", path, type);
    }
    return;
  }
  if (ld_is_bitcode(d, sz)) { /* for an LTO plugin */
    add_object(path, d, sz);
    drain_queue();
    return;
  }
  if (ld_is_archive(d, sz)) {
    double ta = ld_now();
    ld_loaded_archive *la = pre_la ? pre_la : open_archive(path, d, sz, ia->ia_whole);
    P.st.archives += ld_now() - ta;
    if (!la) return;
    la->la_whole = ia->ia_whole;
    ld_vec_push(&ctx->archives, la);
    if (ia->ia_whole || la->la_ar.ar_nsyms == 0) {
      /* Every member is read (an archive without an index is taken whole, as if indexed and
       * fully needed): parsed and interned in parallel, entered in member order. */
      uint32_t nm = la->la_ar.ar_nmembers, nb = 0;
      batch_ent *batch = ld_xcalloc(nm + 1, sizeof *batch);
      for (uint32_t i = 0; i < nm; i++) {
        ld_ar_member *am = &la->la_ar.ar_members[i];
        if (am->am_size < 4 ||
            (memcmp(am->am_data, "\177ELF", 4) && !ld_is_bitcode(am->am_data, am->am_size)))
          continue;
        batch[nb].la = la;
        batch[nb].member = i;
        batch[nb].name = ld_sprintf("%s(%s)", path, am->am_name);
        nb++;
      }
      if (ctx->tg) {
        ld_par_for(nb, parse_member, batch);
        uint32_t total = 0, groups = 0;
        for (uint32_t k = 0; k < nb; k++) {
          total += batch[k].nglob;
          groups += batch[k].o ? batch[k].o->o_ngroups : 0;
        }
        ld_sym_reserve(total);
        ld_comdat_reserve(groups);
        ld_par_for(nb, intern_member, batch);
      }
      for (uint32_t k = 0; k < nb; k++) {
        ld_ar_member *am = &la->la_ar.ar_members[batch[k].member];
        la->la_extracted[batch[k].member] = 1;
        if (ctx->opt.trace) printf("%s\n", batch[k].name);
        uint32_t before = ctx->objs.n;
        uint64_t off;
        const char *file = member_file(la, am, &off);
        enter_object(batch[k].o, batch[k].name, am->am_data, am->am_size, file, off);
        if (ctx->objs.n > before && excluded_archive(path))
          ld_vec_push(&P.excluded_objs, ctx->objs.v[before]);
      }
      free(batch);
    } else {
      double t0 = ld_now();
      add_archive_lazy(la);
      P.st.archives += ld_now() - t0;
    }
    drain_queue();
    return;
  }
  if (ld_is_script(d, sz)) {
    load_script(path, m, ia, depth);
    return;
  }
  ld_error("%s: unknown file type", path);
}

/* ---- mapping and parsing ahead ------------------------------------------------------------
 * The files named on the command line are mapped, and the relocatable objects among them
 * parsed, in parallel before the serial resolution loop, which then only enters their symbols
 * in link order. Parsing touches nothing shared (COMDAT groups are claimed in link order by
 * ld_object_symbols), so the result is the same whatever the thread count. */
typedef struct preparsed {
  const char *path; /* the file; for -l, where the search found it */
  ld_mapped *m;
  ld_obj *o;
  uint32_t nglob;
  ld_loaded_archive *la; /* an archive's structure and index, when it parsed cleanly */
} preparsed;

static int is_plain_rel(const ld_mapped *m) {
  const uint8_t *d = m->mf_data;
  if (m->mf_size < 64 || memcmp(d, "\177ELF", 4)) return 0;
  int be = d[EI_DATA] == ELFDATA2MSB;
  if (elf_rd16(d + 16, be) != ET_REL) return 0;
  return ctx->tg && ctx->tg->tg_accepts(elf_rd16(d + 18, be)) &&
         (d[EI_CLASS] == ELFCLASS64) == ctx->tg->tg_is64 && be == ctx->tg->tg_be;
}

static void map_one(uint32_t i, void *arg) {
  ld_input_arg *ia = ((ld_vec *)arg)->v[i];
  if (!ia->ia_name) return;
  if (ia->ia_lib) {
    searching_ahead = 1;
    P.pre[i].path = find_lib(ia->ia_name, ia->ia_static || ctx->opt.is_static);
    searching_ahead = 0;
  } else {
    P.pre[i].path = ia->ia_name;
  }
  if (P.pre[i].path) P.pre[i].m = ld_map_input(P.pre[i].path);
  /* An archive's index (and, for one taken whole, its member table) is read here too, quietly:
   * one that has anything to report is read again, in order, by the serial loop. The index
   * names are hashed unless the archive is taken whole. */
  ld_mapped *m = P.pre[i].m;
  if (m && ld_is_archive(m->mf_data, m->mf_size)) {
    if (ia->ia_whole) ld_prefault(m->mf_data, m->mf_size); /* every byte will be read */
    ld_diag_quiet(1);
    ld_loaded_archive *la = open_archive(P.pre[i].path, m->mf_data, m->mf_size, ia->ia_whole);
    if (ld_diag_quiet(0) == 0 && la) {
      ld_archive *ar = &la->la_ar;
      if (!ia->ia_whole) la->la_hash = ld_xmalloc((ar->ar_nsyms + 1) * sizeof *la->la_hash);
      for (uint32_t k = 0; la->la_hash && k < ar->ar_nsyms; k++)
        la->la_hash[k] =
            ld_sym_hash(ar->ar_syms[k].as_name, (uint32_t)strlen(ar->ar_syms[k].as_name));
      P.pre[i].la = la;
    }
  }
}

static void parse_one(uint32_t i, void *arg) {
  ld_input_arg *ia = ((ld_vec *)arg)->v[i];
  if (P.pre[i].m && is_plain_rel(P.pre[i].m)) {
    ld_prefault(P.pre[i].m->mf_data, P.pre[i].m->mf_size);
    if (ld_plugin_parallel()) /* every plugin's claim_file may run on this thread */
      P.pre[i].o =
          ld_plugin_claim(ia->ia_name, P.pre[i].path, 0, P.pre[i].m->mf_data, P.pre[i].m->mf_size);
    if (!P.pre[i].o)
      P.pre[i].o = ld_parse_object(ia->ia_name, P.pre[i].m->mf_data, P.pre[i].m->mf_size);
    if (P.pre[i].o) P.pre[i].nglob = ld_object_prepare(P.pre[i].o);
  }
}

static void intern_pre(uint32_t i, void *arg) {
  (void)arg;
  if (P.pre[i].o) ld_object_intern(P.pre[i].o);
  ld_loaded_archive *la = P.pre[i].la;
  if (la && !la->la_whole) {
    ld_archive *ar = &la->la_ar;
    la->la_syms = ld_zalloc(ar->ar_nsyms + 1, sizeof *la->la_syms);
    for (uint32_t k = 0; k < ar->ar_nsyms; k++) {
      const char *nm = ar->ar_syms[k].as_name;
      la->la_syms[k] = ld_sym_intern_mt(nm, (uint32_t)strlen(nm), la->la_hash[k]);
    }
  }
}

/* After the symbol table exists: the parsed objects' names, and the archive indexes' names,
 * are interned in parallel. */
static void preintern(uint32_t n) {
  uint32_t total = 0, groups = 0;
  for (uint32_t i = 0; i < n; i++) {
    total += P.pre[i].nglob;
    groups += P.pre[i].o ? P.pre[i].o->o_ngroups : 0;
    if (P.pre[i].la) {
      P.pre[i].la->la_whole = ((ld_input_arg *)ctx->opt.inputs.v[i])->ia_whole;
      if (!P.pre[i].la->la_whole) total += P.pre[i].la->la_ar.ar_nsyms;
    }
  }
  ld_sym_reserve(total);
  ld_comdat_reserve(groups);
  ld_par_for(n, intern_pre, NULL);
}

static void preparse(ld_vec *inputs) {
  P.pre = ld_xcalloc(inputs->n + 1, sizeof *P.pre);
  P.pre_ndirs = ctx->search_dirs.n;
  ld_par_for(inputs->n, map_one, inputs);
  if (!ctx->tg) /* the first ELF input names the target, as in the serial loop */
    for (uint32_t i = 0; i < inputs->n && !ctx->tg; i++)
      if (P.pre[i].m && P.pre[i].m->mf_size >= 20 && !memcmp(P.pre[i].m->mf_data, "\177ELF", 4))
        check_machine(((ld_input_arg *)inputs->v[i])->ia_name, P.pre[i].m->mf_data,
                      P.pre[i].m->mf_size);
  if (ctx->tg) ld_par_for(inputs->n, parse_one, inputs);
}

static uint32_t estimate_symbols(void) {
  /* Sized up front from the mapped inputs' sizes; the table grows if that was short. */
  uint64_t total = 0, n = 4096;
  uint64_t whole = 0; /* archives taken whole: every member's globals, about one per 512 bytes */
  for (uint32_t i = 0; i < ctx->opt.inputs.n; i++) { /* what preintern does not count */
    if (!P.pre[i].m || P.pre[i].o) continue;
    if (!P.pre[i].la) total += P.pre[i].m->mf_size;
    else if (((ld_input_arg *)ctx->opt.inputs.v[i])->ia_whole) whole += P.pre[i].m->mf_size;
  }
  n += total / 1000 + whole / 512;
  return n > (1u << 24) ? (1u << 24) : (uint32_t)n;
}

void ld_load_inputs(void) {
  P = (struct input_pass){0};
  if (ctx->opt.target) ld_target_use(ctx->opt.target);
  for (uint32_t i = 0; i < ctx->opt.libdirs.n; i++)
    ctx->opt.libdirs.v[i] = (void *)with_sysroot(ctx->opt.libdirs.v[i]);
  for (uint32_t i = 0; i < ctx->opt.libdirs.n; i++)
    ld_vec_push(&ctx->search_dirs, ctx->opt.libdirs.v[i]);
  if (ctx->opt.verbose) ld_verbose_header(&ctx->search_dirs);
  /* A -T script named without a directory and not in the working directory is looked for in
   * the -L directories, as GNU ld and lld do. */
  for (uint32_t i = 0; i < ctx->opt.inputs.n; i++) {
    ld_input_arg *ia = ctx->opt.inputs.v[i];
    if (!ia->ia_script || strchr(ia->ia_name, '/') || file_exists(ia->ia_name)) continue;
    for (uint32_t d = 0; d < ctx->search_dirs.n; d++) {
      const char *p = ld_sprintf("%s/%s", (const char *)ctx->search_dirs.v[d], ia->ia_name);
      if (file_exists(p)) {
        ia->ia_name = p;
        break;
      }
    }
  }
  double t0 = ld_now();
  preparse(&ctx->opt.inputs);
  ld_sym_init(estimate_symbols());
  double t1 = ld_now();
  preintern(ctx->opt.inputs.n);
  P.st.ahead = t1 - t0;
  P.st.intern = ld_now() - t1;

  /* -u symbols are strong references from the start. */
  for (uint32_t i = 0; i < ctx->opt.undefs.n; i++) {
    const char *nm = ctx->opt.undefs.v[i];
    ld_sym *s = ld_sym_intern(nm, (uint32_t)strlen(nm));
    s->s_referenced = 1;
    s->s_weakref = 0;
  }
  if (ctx->opt.entry) {
    ld_sym *s = ld_sym_intern(ctx->opt.entry, (uint32_t)strlen(ctx->opt.entry));
    s->s_referenced = 1;
    s->s_weakref = 0;
  }
  for (uint32_t i = 0; i < ctx->opt.inputs.n; i++) {
    ld_input_arg *ia = ctx->opt.inputs.v[i];
    if (!ia->ia_name) continue; /* group markers: lazy resolution makes groups unnecessary */
    const char *path = ia->ia_name;
    if (ia->ia_lib) {
      /* Searched ahead unless a script has added directories since (or --verbose wants the
       * attempts shown in order). */
      if (ctx->search_dirs.n == P.pre_ndirs && !ctx->opt.verbose) path = P.pre[i].path;
      else path = find_lib(ia->ia_name, ia->ia_static || ctx->opt.is_static);
      if (!path) {
        ld_error("cannot find -l%s", ia->ia_name);
        continue;
      }
    }
    if (P.pre[i].m && P.pre[i].path && !strcmp(path, P.pre[i].path)) {
      ld_note_dependency(path);
      /* Mapped (and parsed: a relocatable object, an archive's index) ahead, in parallel. */
      if (P.pre[i].o) {
        if (ctx->opt.trace) printf("%s\n", path);
        enter_object(P.pre[i].o, path, P.pre[i].m->mf_data, P.pre[i].m->mf_size, path, 0);
        drain_queue();
      } else {
        load_mapped(path, P.pre[i].m, ia, 0, P.pre[i].la);
      }
      continue;
    }
    load_file(path, ia, 0);
  }
  /* Link-time optimisation: the plugin compiles what it claimed, and its objects replace the
   * IR objects (ld/plugin.c). */
  ld_plugin_all_symbols_read();
  if (!ctx->tg && ld_nerrors() == 0) ld_error("no ELF input: cannot tell the target (use -m)");
  ld_check_errors();
  /* --exclude-libs: what those members define is hidden, so it is not exported. */
  for (uint32_t i = 0; i < P.excluded_objs.n; i++) {
    ld_obj *o = P.excluded_objs.v[i];
    for (uint32_t k = o->o_first_global; k < o->o_nsym; k++) {
      ld_sym *s = o->o_syms[k];
      if (s && s->s_file == o && (s->s_def == SD_REGULAR || s->s_def == SD_COMMON))
        s->s_vis = STV_HIDDEN;
    }
  }
  double t2 = ld_now();
  ld_resolve();
  P.st.resolve = ld_now() - t2;
  if (ctx->opt.stats)
    fprintf(stderr,
            "tld: stats:   ahead (map, parse objects, archive tables) %.3f ms, intern %.3f ms; "
            "archive indexes %.3f ms; %u members in %u batches: parse %.3f ms, enter %.3f ms; "
            "resolve %.3f ms\n",
            P.st.ahead * 1e3, P.st.intern * 1e3, P.st.archives * 1e3, P.st.members, P.st.batches,
            P.st.parse * 1e3, P.st.serial * 1e3, P.st.resolve * 1e3);
}

/* ---- files an LTO plugin adds after all_symbols_read ------------------------------------- */

ld_obj *ld_input_late(const char *name, int is_lib, int defer) {
  ld_input_arg ia;
  memset(&ia, 0, sizeof ia);
  ia.ia_name = name;
  ia.ia_lib = (uint8_t)is_lib;
  ia.ia_static = (uint8_t)ctx->opt.is_static;
  const char *path = name;
  if (is_lib && !(path = find_lib(name, ia.ia_static))) {
    /* GNU ld passes over a library the plugin names and the search does not find. */
    if (ctx->opt.verbose) printf("-l%s (added by the LTO plugin) not found: ignored\n", name);
    return NULL;
  }
  ld_mapped *m = ld_map_file(path);
  if (!m) {
    ld_error("cannot open %s (added by the LTO plugin): %s", path, strerror(errno));
    return NULL;
  }
  const uint8_t *d = m->mf_data;
  if (defer && m->mf_size >= 20 && !memcmp(d, "\177ELF", 4) &&
      elf_rd16(d + 16, d[EI_DATA] == ELFDATA2MSB) == ET_REL) {
    if (ctx->opt.trace) printf("%s\n", path);
    if (!check_machine(path, d, m->mf_size)) return NULL;
    ld_obj *o = ld_parse_object(path, d, m->mf_size);
    if (!o || ld_plugin_refuse(path, o, d, m->mf_size)) return NULL;
    return o;
  }
  if (!defer) load_mapped(path, m, &ia, 0, NULL);
  return NULL;
}

void ld_input_extra_dir(const char *dir) { ld_vec_push(&ctx->search_dirs, (void *)dir); }

/* Every archive's index again: a symbol that a plugin's IR object defined when the archive was
 * read, and that nothing defines now, may be a member's to define. */
void ld_input_rescan(void) {
  for (uint32_t i = 0; i < ctx->archives.n; i++) {
    ld_loaded_archive *la = ctx->archives.v[i];
    if (!la->la_whole && la->la_ar.ar_nsyms) add_archive_lazy(la);
  }
  drain_queue();
}
