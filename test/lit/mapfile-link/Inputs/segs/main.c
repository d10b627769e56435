/* A freestanding program (with the start-up of test/lit/run/Inputs/freestanding) whose pieces a
 * mapfile sends to segments of their own: .hot by section name, b.o's text by file, m.o's text as
 * an archive member, sub/c.o's tables by path. It prints the values it computed and the size
 * symbols the mapfile defined:
 *   segs ok: 42 10 hot_size=0x...... tab_size=0x......
 * The numbers are padded like llvm-readelf's program header sizes, so that a test can match them. */
typedef unsigned long ul;

long fs_write(int fd, const void *buf, unsigned long len);
void fs_exit(int status) __attribute__((noreturn));

int hot_file(int x);   /* b.c */
int hot_member(int x); /* m.c, an archive member */
extern int tab1[4], tab2[4];         /* sub/c.c */
extern char hot_size[], tab_size[];  /* the mapfile's SIZE_SYMBOLs */

__attribute__((section(".hot"), noinline)) int hot_name(int x) { return x + 1; }

static char out[160];
static ul out_len;

static void put(const char *s) {
  while (*s && out_len < sizeof out - 1) out[out_len++] = *s++;
}

static void put_num(ul v, int base, int width) {
  char b[24];
  int n = 0;
  do b[n++] = "0123456789abcdef"[v % (ul)base], v /= (ul)base; while (v);
  while (n < width) b[n++] = '0';
  while (n) out[out_len++] = b[--n];
}

int main(void) {
  int v = hot_member(hot_file(hot_name(6))); /* ((6 + 1) * 3) * 2 */
  int t = 0;
  for (int i = 0; i < 4; i++) t += tab1[i] - tab2[i];
  put("segs ok: ");
  put_num((ul)v, 10, 1);
  put(" ");
  put_num((ul)t, 10, 1);
  put(" hot_size=0x");
  put_num((ul)hot_size, 16, 6);
  put(" tab_size=0x");
  put_num((ul)tab_size, 16, 6);
  put("\n");
  fs_write(1, out, out_len);
  return v == 42 && t == 10 ? 0 : 1;
}
