/* The fuzz targets' shared harness (see harness.h). Linked with FUZZ_WRAP (fuzz/fuzz.mk) so that
 * the link-editor's exits, arena, heap allocations and file mappings come here. */
#include "harness.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
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

/* Heap tracking, for targets that reach code allocating with ld_xmalloc and friends what the
 * link keeps to its end (a linker script's model): while on, those blocks are remembered and
 * freed with the input. Off by default: a static that keeps such a block across inputs (gc's
 * work list) would be left pointing at freed memory. */
static int tracking;
static void **tracked;
static size_t tracked_mask, ntracked;

void __real_free(void *p);
void *__real_ld_xmalloc(size_t n);
void *__real_ld_xcalloc(size_t n, size_t sz);
void *__real_ld_xrealloc(void *p, size_t n);

static size_t slot_of(const void *p) { return ((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15ull; }

static void track(void *p) {
  if (!tracking || !p) return;
  if ((ntracked + 1) * 2 > tracked_mask + 1) {
    size_t cap = tracked_mask ? (tracked_mask + 1) * 2 : 4096;
    void **n = calloc(cap, sizeof *n);
    if (!n) abort();
    for (size_t i = 0; tracked && i <= tracked_mask; i++)
      if (tracked[i] && tracked[i] != (void *)1) {
        size_t j = slot_of(tracked[i]) & (cap - 1);
        while (n[j]) j = (j + 1) & (cap - 1);
        n[j] = tracked[i];
      }
    __real_free(tracked);
    tracked = n, tracked_mask = cap - 1;
  }
  size_t j = slot_of(p) & tracked_mask;
  while (tracked[j] && tracked[j] != (void *)1) j = (j + 1) & tracked_mask;
  tracked[j] = p;
  ntracked++;
}

static void untrack(void *p) {
  if (!tracked || !p) return;
  for (size_t j = slot_of(p) & tracked_mask; tracked[j]; j = (j + 1) & tracked_mask)
    if (tracked[j] == p) {
      tracked[j] = (void *)1; /* a tombstone: probes go on past it */
      return;
    }
}

void fuzz_track_heap(void) { tracking = 1; }

static void free_tracked(void) {
  for (size_t i = 0; tracked && i <= tracked_mask; i++)
    if (tracked[i] && tracked[i] != (void *)1) __real_free(tracked[i]);
  if (tracked) memset(tracked, 0, (tracked_mask + 1) * sizeof *tracked);
  ntracked = 0;
  tracking = 0;
}

void __wrap_free(void *p);
void __wrap_free(void *p) {
  untrack(p);
  __real_free(p);
}

void *__wrap_ld_xmalloc(size_t n);
void *__wrap_ld_xmalloc(size_t n) {
  void *p = __real_ld_xmalloc(n);
  track(p);
  return p;
}

void *__wrap_ld_xcalloc(size_t n, size_t sz);
void *__wrap_ld_xcalloc(size_t n, size_t sz) {
  void *p = __real_ld_xcalloc(n, sz);
  track(p);
  return p;
}

void *__wrap_ld_xrealloc(void *p, size_t n);
void *__wrap_ld_xrealloc(void *p, size_t n) {
  untrack(p);
  void *q = __real_ld_xrealloc(p, n);
  track(q);
  return q;
}

char *__wrap_ld_xstrdup(const char *s);
char *__wrap_ld_xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(__wrap_ld_xmalloc(n), s, n);
}

char *__wrap_ld_sprintf(const char *fmt, ...);
char *__wrap_ld_sprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = __wrap_ld_xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
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
  for (size_t i = 0; i < nblocks; i++) __real_free(blocks[i]);
  nblocks = 0;
}

void fuzz_begin(void) {
  free_blocks();
  free_tracked();
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
  free(ctx->objs.v);
  free(ctx->shared.v);
  free(ctx->osecs.v);
  memset(&the_ctx, 0, sizeof the_ctx);
  free_blocks();
  free_tracked();
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
