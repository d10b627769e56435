/* A firmware-style freestanding program laid out by fw.lds. It checks what the script promised
 * (data initialised in RAM, its load image in ROM, bss zeroed by start-up code, the stack at the
 * top of RAM) and prints
 *   firmware ok: data 0x200000 stack 0x208000
 * with exit status 0, or what failed with status 1.
 *
 * Build: CFLAGS = -c -O2 -ffreestanding -fno-pic -fno-pie -fno-stack-protector
 *                 -fno-asynchronous-unwind-tables (sparcv9: and -mcmodel=medlow)
 *   x64: gcc; x86: gcc -m32; sparcv9 / sparc: sparc64-linux-gnu-gcc -m64 / -m32;
 *   start-<target>.S assembled with the same compiler (-fno-pic on SPARC), then
 *   tld -static -T fw.lds -o fw start.o fw.o
 * Run natively (x64, x86) or with qemu-sparc64 / qemu-sparc32plus. */
typedef unsigned long ulong;

long fw_write(int fd, const void *buf, ulong len);

extern char __text_start[], __text_end[], __data_start[], __data_end[], __data_load[];
extern char __bss_start[], __bss_end[], __stack_top[];

static int counter = 41;                     /* .data */
static const char *volatile greeting = "ok"; /* .data pointing into .rodata */
ulong fw_table[4] = {1, 2, 3, 4};            /* .data (global: not promoted to .rodata) */
static ulong zeroed[16];                     /* .bss */
static const char digits[] = "0123456789abcdef";

static ulong len(const char *s) {
  ulong n = 0;
  while (s[n]) n++;
  return n;
}

static void puts_(const char *s) { fw_write(1, s, len(s)); }

static void puthex(ulong v) {
  char b[19];
  int i = 18;
  b[i] = 0;
  do b[--i] = digits[v & 15]; while ((v >>= 4) && i > 2);
  b[--i] = 'x';
  b[--i] = '0';
  puts_(b + i);
}

static int fail(const char *what) {
  puts_("firmware FAILED: ");
  puts_(what);
  puts_("\n");
  return 1;
}

int fw_main(void) {
  /* Start-up: clear .bss from the script's symbols (the loader did too; this is what firmware
   * must do itself). */
  for (char *p = __bss_start; p < __bss_end; p++) *p = 0;
  int local;
  ulong sp = (ulong)&local;
  if ((ulong)__stack_top != 0x208000) return fail("__stack_top");
  if (sp >= 0x208000 || sp < 0x207000) return fail("stack pointer not in .stack");
  if ((ulong)__text_start != 0x10000) return fail("__text_start");
  if ((ulong)__data_start != 0x200000) return fail("__data_start");
  if ((ulong)__data_load < (ulong)__text_end || (ulong)__data_load >= 0x20000) return fail("__data_load");
  if (__data_end - __data_start < (long)sizeof fw_table) return fail("__data_end");
  if ((ulong)&counter < 0x200000 || (ulong)&counter >= 0x208000) return fail("counter not in RAM");
  if (counter++ != 41 || counter != 42) return fail("counter");
  if (greeting[0] != 'o' || greeting[1] != 'k') return fail("greeting");
  ulong sum = 0;
  for (int i = 0; i < 4; i++) sum += fw_table[i];
  if (sum != 10) return fail("table");
  for (int i = 0; i < 16; i++)
    if (zeroed[i]) return fail("bss");
  zeroed[3] = 7;
  puts_("firmware ok: data ");
  puthex((ulong)__data_start);
  puts_(" stack ");
  puthex((ulong)__stack_top);
  puts_("\n");
  return zeroed[3] == 7 ? 0 : 1;
}
