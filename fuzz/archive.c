/* Fuzz target: the archive reader (ld/archive.c) -- member headers, GNU and BSD long names, the
 * 32- and 64-bit GNU and the BSD symbol indexes, thin archives (whose members the harness never
 * finds on disk) -- read both ways a link reads an archive: whole (--whole-archive, or no index)
 * and through its index, each member's header read when a symbol wants it. Every view it gives
 * is read to its end. Seeds: archives made with ar and llvm-ar in every format (archive.mk). */
#include "common/harness.h"

#include "ld/archive.h"

static void release(ld_archive *ar) {
  for (uint32_t i = 0; i < ar->ar_nmembers; i++) free((char *)ar->ar_members[i].am_name);
  free(ar->ar_members);
  free(ar->ar_syms);
  memset(ar, 0, sizeof *ar);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static ld_archive whole, indexed;
  release(&whole);
  release(&indexed);
  FUZZ_BEGIN();
  if (!ld_is_archive(data, size)) goto fuzz_done_;
  if (ld_archive_parse("fuzz.a", data, size, &whole) == 0) {
    for (uint32_t i = 0; i < whole.ar_nmembers; i++) {
      const ld_ar_member *m = &whole.ar_members[i];
      fuzz_touch(m->am_name, strlen(m->am_name));
      fuzz_touch(m->am_data, m->am_size);
    }
    for (uint32_t i = 0; i < whole.ar_nsyms; i++) {
      fuzz_touch(whole.ar_syms[i].as_name, strlen(whole.ar_syms[i].as_name));
      if (whole.ar_syms[i].as_member >= whole.ar_nmembers) abort();
    }
  }
  fuzz_errors();
  if (ld_archive_parse_indexed("fuzz.a", data, size, &indexed) == 0) {
    for (uint32_t i = 0; i < indexed.ar_nsyms; i++) {
      uint32_t m = indexed.ar_syms[i].as_member;
      if (m >= indexed.ar_nmembers) abort();
      if (ld_archive_member(&indexed, m) < 0) continue;
      fuzz_touch(indexed.ar_members[m].am_data, indexed.ar_members[m].am_size);
    }
  }
  fuzz_errors();
  FUZZ_END();
}
