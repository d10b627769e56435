#include "diag.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static atomic_int nerrors;
const char *ld_tmp_output;
int ld_fatal_warnings;

static void vreport(const char *sev, const char *fmt, va_list ap) {
  char buf[4096];
  int n = snprintf(buf, sizeof buf, "tld: %s: ", sev);
  int m = vsnprintf(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
  size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
  if (len > sizeof buf - 2) len = sizeof buf - 2;
  buf[len++] = '\n';
  /* One write per message so that parallel passes do not interleave lines. */
  ssize_t w = write(2, buf, len);
  (void)w;
}

static _Thread_local int quiet, quiet_count;

int ld_diag_quiet(int on) {
  int n = quiet_count;
  quiet = on;
  quiet_count = 0;
  return n;
}

void ld_error(const char *fmt, ...) {
  if (quiet) {
    quiet_count++;
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  vreport("error", fmt, ap);
  va_end(ap);
  atomic_fetch_add(&nerrors, 1);
}

void ld_warn(const char *fmt, ...) {
  if (quiet) {
    quiet_count++;
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  vreport(ld_fatal_warnings ? "error" : "warning", fmt, ap);
  va_end(ap);
  if (ld_fatal_warnings) atomic_fetch_add(&nerrors, 1);
}

noreturn void ld_fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport("fatal", fmt, ap);
  va_end(ap);
  if (ld_tmp_output) unlink(ld_tmp_output);
  exit(1);
}

int ld_nerrors(void) { return atomic_load(&nerrors); }

void ld_check_errors(void) {
  if (atomic_load(&nerrors) == 0) return;
  if (ld_tmp_output) unlink(ld_tmp_output);
  exit(1);
}
