/* An archive member nothing refers to: never extracted, never given to the plugin. */
int never_used(int x) { return x - 1; }
