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
  if (!sink) sink = fopen("/dev/null", "w");
  FUZZ_BEGIN();
  size_t ntargets = 0;
  while (ld_targets[ntargets]) ntargets++;
  mf_model *m = mf_model_for(ld_targets[size % ntargets]);
  mf_read_mapfile_text(m, "fuzz.map", (const char *)data, size);
  mf_finish(m);
  mf_dump(m, sink);
  fuzz_errors();
  FUZZ_END();
}
