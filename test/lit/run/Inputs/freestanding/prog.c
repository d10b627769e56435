/* A freestanding program: its own _start (start-<target>.S), raw system calls, no libc. It touches
 * initialised data, bss, read-only strings, a table of function pointers (absolute word
 * relocations in data) and a 64-bit constant, and prints
 *   freestanding ok: <target> 0x123456789abcdef0
 * only if every check passed (exit status 0); otherwise it prints what failed and exits 1.
 *
 * Build (objects to be linked with `tld -static -o prog start.o prog.o`):
 *   CFLAGS = -c -O2 -ffreestanding -fno-pic -fno-pie -fno-stack-protector
 *            -fno-asynchronous-unwind-tables
 *   x64:     gcc $CFLAGS prog.c;                gcc -c start-x64.S
 *   x86:     gcc -m32 $CFLAGS prog.c;           gcc -m32 -c start-x86.S
 *   sparc:   sparc64-linux-gnu-gcc -m32 $CFLAGS prog.c;
 *            sparc64-linux-gnu-gcc -m32 -c start-sparc.S
 *   sparcv9: sparc64-linux-gnu-gcc -m64 -mcmodel=medlow $CFLAGS prog.c;
 *            sparc64-linux-gnu-gcc -m64 -c start-sparc.S
 * Run natively (x64, x86) or with qemu-sparc32plus / qemu-sparc64. */

typedef unsigned long long u64;

/* From start-<target>.S. */
long fs_write(int fd, const void *buf, unsigned long len);
void fs_exit(int status) __attribute__((noreturn));
int main(void);

#if defined(__x86_64__)
#define TARGET "x64"
#elif defined(__i386__)
#define TARGET "x86"
#elif defined(__sparc__) && defined(__arch64__)
#define TARGET "sparcv9"
#elif defined(__sparc__)
#define TARGET "sparc"
#else
#error "unknown target"
#endif

/* .rodata */
static const char hexdigits[] = "0123456789abcdef";
static const char msg_bad[] = "freestanding FAILED: ";

/* .data: initialised and written to, so it cannot live in read-only memory. */
static char word_ok[] = " ok: ";
static volatile u64 magic = 0x123456789abcdef0ULL;
static int calls = 1;

/* .bss: must read as zero at start-up. */
static char out[128];
static unsigned long out_len;
static volatile int zero_check[64];

static const char *piece_free(void) { calls++; return "freestanding"; }
static const char *piece_ok(void) { calls++; return word_ok; }
static const char *piece_target(void) { calls++; return TARGET " "; }

/* A writable table, so its entries are absolute word relocations resolved by the link-editor. */
static const char *(*pieces[])(void) = {piece_free, piece_ok, piece_target};

static void put(const char *s) {
  while (*s && out_len < sizeof out - 1) out[out_len++] = *s++;
}

static void put_hex64(u64 v) {
  put("0x");
  for (int shift = 60; shift >= 0; shift -= 4) {
    char c[2] = {hexdigits[(v >> shift) & 0xf], 0};
    put(c);
  }
}

static void fail(const char *what) {
  fs_write(1, msg_bad, sizeof msg_bad - 1);
  out_len = 0;
  put(what);
  put("\n");
  fs_write(1, out, out_len);
  fs_exit(1);
}

int main(void) {
  for (unsigned i = 0; i < sizeof zero_check / sizeof zero_check[0]; i++)
    if (zero_check[i] != 0) fail("bss not zero");
  if (out_len != 0) fail("bss not zero");

  u64 m = magic;
  if ((unsigned)(m >> 32) != 0x12345678u || (unsigned)m != 0x9abcdef0u) fail("64-bit constant");
  if (m + m != 0x2468acf13579bde0ULL || (m ^ (m >> 4)) != 0x1317131f1317131fULL)
    fail("64-bit arithmetic");

  for (unsigned i = 0; i < sizeof pieces / sizeof pieces[0]; i++) put(pieces[i]());
  if (calls != 4) fail("function table");
  put_hex64(m);
  put("\n");
  fs_write(1, out, out_len);
  return 0;
}
