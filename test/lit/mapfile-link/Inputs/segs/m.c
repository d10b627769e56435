/* Text placed as an archive member (FILE_OBJNAME = m.o). */
__attribute__((noinline)) int hot_member(int x) { return x * 2; }
