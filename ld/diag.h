/* Diagnostics: one function per severity, one message form
 * ("tld: error: a.o:(.text+0x1c): ..."). Errors are counted atomically; the driver checks the
 * count after each pass and stops at the first pass that reported one. */
#ifndef TLD_LD_DIAG_H
#define TLD_LD_DIAG_H

#include <stdnoreturn.h>

void ld_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ld_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Work done ahead, in parallel, may be redone in order to report: while the calling thread is
 * quiet, its errors and warnings are only counted (ld_diag_quiet returns the count so far and
 * sets the mode anew). */
int ld_diag_quiet(int on);
/* Parallel loops: messages reported while an item runs are held (ld_diag_item, -1 when none)
 * and written in item order by ld_diag_flush when the loop ends. */
void ld_diag_item(long long item);
void ld_diag_flush(void);
noreturn void ld_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Number of errors reported so far. */
int ld_nerrors(void);
/* Exit with status 1 if any error has been reported (removing the temporary output). */
void ld_check_errors(void);
/* Remove the temporaries of the files being written (ld/output.c): at every error exit. */
void ld_out_discard(void);
/* Warnings become errors (--fatal-warnings). */
extern int ld_fatal_warnings;

#endif
