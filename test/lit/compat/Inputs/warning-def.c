/* bad_fn, with the message a link-editor gives about references to it. */
int bad_fn(void) { return 1; }
static const char warn_msg[] __attribute__((section(".gnu.warning.bad_fn"), used)) =
    "bad_fn is deprecated, use good_fn";
