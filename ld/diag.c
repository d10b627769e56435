#include "diag.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static atomic_int nerrors;
int ld_fatal_warnings;

/* Messages of a parallel loop are held, with the index of the item that reported them, and
 * written when the loop ends in item order: the order a serial loop would have given. */
typedef struct held_msg {
  uint64_t item, seq;
  char *text;
  size_t len;
} held_msg;
static pthread_mutex_t held_mu = PTHREAD_MUTEX_INITIALIZER;
static held_msg *held;
static size_t nheld, capheld;
static uint64_t held_seq;
static _Thread_local long long cur_item = -1;

void ld_diag_item(long long item) { cur_item = item; }

static int cmp_held(const void *a, const void *b) {
  const held_msg *x = a, *y = b;
  if (x->item != y->item) return x->item < y->item ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void ld_diag_flush(void) {
  pthread_mutex_lock(&held_mu);
  if (nheld > 1) qsort(held, nheld, sizeof *held, cmp_held);
  for (size_t i = 0; i < nheld; i++) {
    ssize_t w = write(2, held[i].text, held[i].len);
    (void)w;
    free(held[i].text);
  }
  nheld = 0;
  pthread_mutex_unlock(&held_mu);
}

static void vreport(const char *sev, const char *fmt, va_list ap) {
  char buf[4096];
  int n = snprintf(buf, sizeof buf, "tld: %s: ", sev);
  int m = vsnprintf(buf + n, sizeof buf - (size_t)n - 1, fmt, ap);
  size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
  if (len > sizeof buf - 2) len = sizeof buf - 2;
  buf[len++] = '\n';
  if (cur_item >= 0) {
    char *t = malloc(len);
    if (t) {
      memcpy(t, buf, len);
      pthread_mutex_lock(&held_mu);
      if (nheld == capheld) {
        size_t nc = capheld ? capheld * 2 : 16;
        held_msg *nh = realloc(held, nc * sizeof *nh);
        if (nh) held = nh, capheld = nc;
      }
      if (nheld < capheld) {
        held[nheld++] = (held_msg){(uint64_t)cur_item, held_seq++, t, len};
        t = NULL;
      }
      pthread_mutex_unlock(&held_mu);
      if (!t) return;
      free(t);
    }
  }
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
  cur_item = -1; /* written now, after what was held */
  ld_diag_flush();
  va_start(ap, fmt);
  vreport("fatal", fmt, ap);
  va_end(ap);
  ld_out_discard();
  exit(1);
}

int ld_nerrors(void) { return atomic_load(&nerrors); }

void ld_check_errors(void) {
  if (atomic_load(&nerrors) == 0) return;
  ld_out_discard();
  exit(1);
}
