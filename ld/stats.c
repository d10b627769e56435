/* --stats (and -z stats): what the link saw and where its time went, on standard error. Pass
 * times are printed as ld/main.c reaches each mark; the other reports are asked for by the pass
 * whose numbers they show. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ld.h"

double ld_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void ld_stat_pass(const char *name) {
  double t = ld_now();
  if (!ctx) return;
  if (ctx->opt.stats && name)
    fprintf(stderr, "tld: stats: %-28s %9.3f ms\n", name, (t - ctx->stat_pass_start) * 1e3);
  ctx->stat_pass_start = t;
}

/* Once every input is read: how many objects, symbols and sections the link has. */
void ld_stat_inputs(void) {
  if (!ctx->opt.stats) return;
  uint64_t nsec = 0, nsym = 0, nloc = 0;
  for (uint32_t i = 0; i < ctx->objs.n; i++) {
    ld_obj *o = ctx->objs.v[i];
    nsec += o->o_nsec, nsym += o->o_nsym, nloc += o->o_first_global;
  }
  fprintf(stderr, "tld: stats: %u objects, %u shared objects, %u global symbols (table of %u)\n",
          ctx->objs.n, ctx->shared.n, ld_sym_count(), ld_sym_capacity());
  fprintf(stderr,
          "tld: stats: %llu section headers, %llu symbol entries (%llu local); arena %.1f MiB\n",
          (unsigned long long)nsec, (unsigned long long)nsym, (unsigned long long)nloc,
          ld_arena_used() / 1048576.0);
}

/* After the scan: the TLS relocations by model, and what each model became. */
void ld_stat_tls(void) {
  static const char *const model_name[] = {"none", "GD", "LD", "IE", "LE", "DESC", "DTPOFF"};
  if (!ctx->opt.stats) return;
  for (int m = 1; m <= TLSM_DESC; m++) {
    if (!ctx->stat_tls_in[m]) continue;
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%s %llu ->", model_name[m],
                     (unsigned long long)ctx->stat_tls_in[m]);
    const char *sep = " ";
    for (int t = 1; t <= TLSM_DESC; t++)
      if (ctx->stat_tls_out[m][t]) {
        n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%s %llu", sep, model_name[t],
                      (unsigned long long)ctx->stat_tls_out[m][t]);
        sep = ", ";
      }
    fprintf(stderr, "tld: stats: TLS relocations: %s\n", buf);
  }
}

/* The process's resident memory by kind, with the output still mapped. */
void ld_stat_memory(void) {
  FILE *f = fopen("/proc/self/status", "r");
  if (!f) return;
  char line[256];
  fprintf(stderr, "tld: stats: memory:");
  while (fgets(line, sizeof line, f)) {
    unsigned long kb;
    char key[64];
    if (sscanf(line, "%63[^:]: %lu kB", key, &kb) == 2 &&
        (!strcmp(key, "VmHWM") || !strcmp(key, "RssAnon") || !strcmp(key, "RssFile") ||
         !strcmp(key, "RssShmem")))
      fprintf(stderr, " %s %.1f MiB", key, kb / 1024.0);
  }
  fprintf(stderr, "; arena %.1f MiB\n", ld_arena_used() / 1048576.0);
  fclose(f);
}
