/* The fuzz targets' shared harness (see harness.h). Linked with
 *   -Wl,--wrap=exit,--wrap=ld_zalloc,--wrap=ld_map_file,--wrap=ld_map_input
 * so that the link-editor's exits, arena and file mappings come here. */
#include "harness.h"

#include <errno.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>

#include "ld/mmap.h"

/* ld/main.c is not linked: its context is here. */
static ld_ctx the_ctx;
ld_ctx *ctx = &the_ctx;

jmp_buf *fuzz_exit_point;
static int fatal_seen;

noreturn void __real_exit(int status);
noreturn void __wrap_exit(int status);
noreturn void __wrap_exit(int status) {
  jmp_buf *j = fuzz_exit_point;
  if (!j) __real_exit(status);
  fuzz_exit_point = NULL;
  fatal_seen = 1;
  longjmp(*j, 1);
}

/* The arena (ld/util.c) never frees; here each block is its own allocation, freed when the
 * input is done, so the sanitizer sees every block's bounds and any use after the input. */
static void **blocks;
static size_t nblocks, capblocks;

void *__wrap_ld_zalloc(size_t n, size_t sz);
void *__wrap_ld_zalloc(size_t n, size_t sz) {
  if (sz && n > SIZE_MAX / sz) ld_fatal("out of memory allocating %zu x %zu bytes", n, sz);
  void *p = calloc(1, n * sz ? n * sz : 1);
  if (!p) ld_fatal("out of memory allocating %zu bytes", n * sz);
  if (nblocks == capblocks) {
    capblocks = capblocks ? capblocks * 2 : 1024;
    blocks = realloc(blocks, capblocks * sizeof *blocks);
    if (!blocks) abort();
  }
  blocks[nblocks++] = p;
  return p;
}

ld_mapped *__wrap_ld_map_file(const char *path);
ld_mapped *__wrap_ld_map_file(const char *path) {
  (void)path;
  errno = ENOENT;
  return NULL;
}

ld_mapped *__wrap_ld_map_input(const char *path);
ld_mapped *__wrap_ld_map_input(const char *path) { return __wrap_ld_map_file(path); }

static void free_blocks(void) {
  for (size_t i = 0; i < nblocks; i++) free(blocks[i]);
  nblocks = 0;
}

void fuzz_begin(void) {
  free_blocks();
  free(ctx->objs.v);
  free(ctx->shared.v);
  memset(&the_ctx, 0, sizeof the_ctx);
  ctx->opt.output = "fuzz.out";
  ctx->opt.threads = 1;
  ctx->opt.relax = 1;
  ctx->opt.tls_relax = 1;
  ctx->opt.z_relro = 1;
  ctx->opt.hash_style = 3;
  ctx->opt.z_dyn_undef_weak = -1;
  fatal_seen = 0;
  ld_diag_quiet(1); /* errors are counted, not printed */
  ld_sym_init(64);
}

int fuzz_errors(void) { return ld_diag_quiet(1) + fatal_seen; }

void fuzz_end(void) {
  fuzz_exit_point = NULL;
  ld_diag_quiet(1);
  free_blocks();
}

const ld_target *fuzz_pick_target(const uint8_t *d, size_t n) {
  ctx->tg = NULL;
  if (n < 20 || (d[EI_CLASS] != ELFCLASS32 && d[EI_CLASS] != ELFCLASS64)) return NULL;
  int be = d[EI_DATA] == ELFDATA2MSB, is64 = d[EI_CLASS] == ELFCLASS64;
  uint16_t mach = elf_rd16(d + 18, be);
  static const ld_target *const all[] = {&ld_target_x64, &ld_target_x86, &ld_target_sparc,
                                         &ld_target_sparcv9};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
    if (all[i]->tg_accepts(mach) && all[i]->tg_is64 == is64 && all[i]->tg_be == be) {
      ctx->tg = all[i];
      ctx->is64 = is64;
      ctx->be = be;
    }
  return ctx->tg;
}

void fuzz_touch(const void *p, uint64_t n) {
  volatile uint8_t sum = 0;
  const uint8_t *b = p;
  for (uint64_t i = 0; i < n; i++) sum ^= b[i];
  (void)sum;
}
