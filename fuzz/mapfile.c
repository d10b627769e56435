/* Fuzz target: a Solaris mapfile, version 1 or 2 (the first token decides), through the
 * conditional-input preprocessor ($if/$elif/$else/$endif, $add/$clear, $error: mapfile/cond.c),
 * the flex lexer and bison parser, the model and its checks (mf_finish), and the dump. The
 * target's class and machine, which decide the predefined $if names and the built-in segments,
 * follow the input's length. Seeds: the test suite's mapfiles (mapfile.mk). */
#include "common/harness.h"

#include "mapfile/mapfile.h"

static FILE *sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const ld_target *const targets[] = {&ld_target_x64, &ld_target_x86, &ld_target_sparcv9,
                                             &ld_target_sparc};
  if (!sink) sink = fopen("/dev/null", "w");
  FUZZ_BEGIN();
  const ld_target *tg = targets[size % 4];
  mf_model *m = mf_model_new(tg->tg_is64, tg->tg_machine);
  mf_read_mapfile_text(m, "fuzz.map", (const char *)data, size);
  mf_finish(m);
  mf_dump(m, sink);
  fuzz_errors();
  FUZZ_END();
}
