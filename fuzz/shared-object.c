/* Fuzz target: a shared object as an input of a link (ld/shared.c) -- its section headers,
 * dynamic symbol table and strings, .gnu.version and .gnu.version_d, DT_SONAME -- and the
 * entering of its symbols into the global table, with references from an object first so that
 * definitions replace them as in a link. Seeds: shared objects of every target (shared-object.mk).
 */
#include "common/harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FUZZ_BEGIN();
  if (size < 64 || memcmp(data, "\177ELF", 4) || !fuzz_pick_target(data, size)) goto fuzz_done_;
  /* A few names a program would want, undefined and referenced. */
  static const char *const wanted[] = {"f", "g", "printf", "__libc_start_main", "environ"};
  for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
    ld_sym *s = ld_sym_intern(wanted[i], (uint32_t)strlen(wanted[i]));
    s->s_referenced = 1;
    s->s_weakref = 0;
  }
  ld_obj *o = ld_parse_shared_file("libfuzz.so", data, size, 0, 0);
  if (!o || fuzz_errors()) goto fuzz_done_;
  fuzz_touch(o->o_soname, strlen(o->o_soname));
  ld_shared_symbols(o);
  for (uint32_t i = 0; i < o->o_nsym; i++) {
    ld_sym *s = o->o_syms[i];
    if (!s) continue;
    fuzz_touch(s->s_name, s->s_namelen + 1);
    const char *v = ld_gc(s)->s_vername;
    if (v) fuzz_touch(v, strlen(v) + 1);
  }
  fuzz_errors();
  FUZZ_END();
}
