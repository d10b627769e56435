/* Fuzz target: a GNU version script (--version-script, --dynamic-list, a script's VERSION) read
 * by the mapfile model's reader (mapfile/lexer.l, parser.y, model.c in version-script mode) and
 * checked (mf_finish), then applied to a handful of defined symbols (ld/mapfile_apply.c: exact
 * names, glob patterns, extern "C++" demangled patterns, local: *) and dumped. Seeds: the test
 * suite's version scripts and some distributions ship (version-script.mk). */
#include "common/harness.h"

#include "mapfile/mapfile.h"

static FILE *sink;

static const char *const names[] = {"foo",          "bar",  "foo_v2",      "_Z3fooi",
                                    "_ZN2ns3barEv", "main", "local_thing", "g@@V1"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!sink) sink = fopen("/dev/null", "w");
  FUZZ_BEGIN();
  ctx->tg = &ld_target_x64;
  ctx->is64 = 1;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    ld_sym *s = ld_sym_intern(names[i], (uint32_t)strlen(names[i]));
    s->s_def = SD_REGULAR;
    s->s_type = STT_FUNC;
    s->s_size = 8;
  }
  mf_model *m = mf_model_for(&ld_target_x64);
  mf_read_version_script_text(m, "fuzz.ver", (const char *)data, size);
  mf_finish(m);
  ctx->opt.mapfile = m;
  ld_mapfile_symbols();
  for (uint32_t i = 0; i < ld_mapfile_nversions(); i++) {
    uint32_t np;
    const char *const *parents;
    const char *v = ld_mapfile_version(i, &np, &parents);
    fuzz_touch(v, strlen(v));
    for (uint32_t k = 0; k < np; k++) fuzz_touch(parents[k], strlen(parents[k]));
  }
  mf_dump(m, sink);
  fuzz_errors();
  FUZZ_END();
}
