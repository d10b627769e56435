/* Defaults for a build with sanitizers: `make SANITIZE=1` (AddressSanitizer and
 * UndefinedBehaviorSanitizer) and the fuzz targets. A link frees nothing by design (DESIGN.md
 * §3), so leak checking is off; an allocation the input makes absurdly large fails as in a plain
 * build (ld_xmalloc reports it) instead of stopping the process; anything else the sanitizers
 * find aborts with a report, so that a test expecting a failure cannot mistake it for one.
 * Without sanitizers these functions are never called. */
const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

const char *__asan_default_options(void) {
  return "detect_leaks=0:allocator_may_return_null=1:abort_on_error=1:detect_stack_use_after_"
         "return=0:print_summary=1";
}

const char *__ubsan_default_options(void) {
  return "print_stacktrace=1:halt_on_error=1:abort_on_error=1";
}
