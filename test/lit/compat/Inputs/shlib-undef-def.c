#ifdef HIDDEN
__attribute__((visibility("hidden")))
#endif
int missing_fn(void) {
  return 7;
}
