/* What every fuzz target shares (fuzz/README): a fresh link state for each input, errors that
 * end the input instead of the process, and memory given back after each input.
 *
 * A target's LLVMFuzzerTestOneInput is written as
 *
 *   FUZZ_BEGIN();                 the state of a new link; errors are counted, not printed
 *   ... call into the link-editor; fuzz_errors() says whether anything was reported ...
 *   FUZZ_END();                   memory of this input given back; returns 0
 *
 * ld_fatal (and anything else that would exit) returns to FUZZ_BEGIN's point, which then goes
 * to FUZZ_END: the link-editor's own way out of an input it cannot read is part of what is
 * fuzzed, only the process does not end. Inputs are read only from the buffer: the harness
 * maps no file (ld_map_file fails with ENOENT), so a thin archive cannot reach the file system.
 */
#ifndef TLD_FUZZ_HARNESS_H
#define TLD_FUZZ_HARNESS_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ld/ld.h"

extern jmp_buf *fuzz_exit_point;
void fuzz_begin(void);
void fuzz_end(void);
/* Errors reported since the last call (and a fatal one that ended the input). */
int fuzz_errors(void);
/* The target an input with this ELF header would select (x64 when it names none we know), as
 * ld/input.c chooses it; sets ctx->tg, ctx->is64 and ctx->be. */
const ld_target *fuzz_pick_target(const uint8_t *data, size_t size);
/* After FUZZ_BEGIN: free what ld_xmalloc and friends allocate for this input with it (see
 * harness.c for when a target may). */
void fuzz_track_heap(void);
/* Reads every byte of [p, p + n): an out-of-bounds view is found here rather than later. */
void fuzz_touch(const void *p, uint64_t n);

#define FUZZ_BEGIN()                                                                               \
  jmp_buf fuzz_jb_;                                                                                \
  fuzz_begin();                                                                                    \
  if (setjmp(fuzz_jb_)) goto fuzz_done_;                                                           \
  fuzz_exit_point = &fuzz_jb_

#define FUZZ_END()                                                                                 \
  fuzz_done_:                                                                                      \
  fuzz_end();                                                                                      \
  return 0

#endif
