/* libFuzzer target for ld.so.1's object loader: the same rtld/load.c, rtld/lookup.c and the
 * relocation checks of rtld/reloc.c, built for the host (see fuzz/rtld-load.mk). Each input is a
 * candidate shared object: it is written to a memfd, loaded by rtld_load (which maps it and
 * checks every table: headers, dynamic section, string, symbol, hash and version tables), and
 * when it is accepted every symbol it defines is looked up through its hash tables, with and
 * without versions, and every relocation is checked as rtld_relocate would before writing. No
 * code of the input is ever run (no initialisers, no IFUNC resolvers, relocations not applied).
 *
 * rtld's code makes its own system calls and has its own allocator, so it runs unchanged in a
 * host process; only what the loader does not use here is stubbed below. */
#include "rtld_int.h"

struct rtld_state rtld_g;
static struct rtld_obj fuzz_exe;

/* Referenced by rtld/reloc.c and rtld/lookup.c on paths this target never takes. */
void rtld_bind_entry(void) { __builtin_trap(); }
void rtld_tlsdesc_static(void) { __builtin_trap(); }
void rtld_tlsdesc_dynamic(void) { __builtin_trap(); }
void *rtld_tlsdesc_arg(struct rtld_obj *user, size_t modid, size_t off) {
  (void)user, (void)modid, (void)off;
  return NULL;
}
struct rtld_tcb *rtld_self(void) {
  __builtin_trap();
}
/* Lazy loading (rtld/lazy.c, rtld/group.c): nothing is pending here, nothing is loaded. */
struct rtld_obj *rtld_dep(const struct rtld_obj *o, unsigned k) {
  return o->o_deps[k];
}
int rtld_txn_lookup(const char *name, const char *ver, uint32_t gh, uint32_t sh,
                    struct rtld_def *out) {
  (void)name, (void)ver, (void)gh, (void)sh, (void)out;
  return 0;
}
int rtld_find_pending(int global, struct rtld_obj **local, unsigned nlocal,
                      struct rtld_need *need) {
  (void)global, (void)local, (void)nlocal, (void)need;
  return 0;
}
struct rtld_obj *rtld_lazy_load(struct rtld_obj *o, unsigned k, const char *sym, char *err,
                                size_t errlen) {
  (void)o, (void)k, (void)sym, (void)err, (void)errlen;
  __builtin_trap();
}
void rtld_lazy_wait_init(struct rtld_obj *o) { (void)o; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int fd = -1;
  if (fd < 0) {
    rtld_g.g_exe = &fuzz_exe;
    rtld_g.g_progname = "fuzz";
    rtld_g.g_default_path = "/nonexistent";
    fd = (int)rtld_sys2(319 /* memfd_create */, (long)"rtld-load", 0);
    if (fd < 0) __builtin_trap();
  }
  rtld_sys2(77 /* ftruncate */, fd, 0);
  for (size_t done = 0; done < size;) {
    long w = rtld_sys4(18 /* pwrite64 */, fd, (long)(data + done), (long)(size - done), (long)done);
    if (w <= 0) __builtin_trap();
    done += (size_t)w;
  }
  char path[64], err[512];
  rtld_fmt(path, sizeof path, "/proc/self/fd/%d", fd);
  struct rtld_obj *o = rtld_load(path, NULL, err, sizeof err);
  if (!o) return 0;
  for (unsigned i = 1; i < o->o_nsyms; i++) {
    const char *name = o->o_strtab + o->o_symtab[i].st_name;
    const char *ver = NULL;
    if (o->o_versym) {
      unsigned ndx = o->o_versym[i] & 0x7fff;
      if (ndx > 1 && ndx < o->o_nvernames) ver = o->o_vernames[ndx];
    }
    rtld_lookup_in(o, name, rtld_gnu_hash(name), rtld_sysv_hash(name), NULL);
    if (ver) rtld_lookup_in(o, name, rtld_gnu_hash(name), rtld_sysv_hash(name), ver);
  }
  rtld_check_relocs(o, err, sizeof err);
  rtld_unmap(o);
  return 0;
}
