/* Text placed by file basename (FILE_BASENAME = b.o). */
__attribute__((noinline)) int hot_file(int x) { return x * 3; }
