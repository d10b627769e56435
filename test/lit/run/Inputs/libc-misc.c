/* Pieces of the C library that depend on the link being right: qsort through a function
 * pointer, setjmp/longjmp across frames, a signal handler run by raise(), floating-point
 * printf, and strings and data reached through relocations in data. */
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static jmp_buf env;
static volatile int depth;

__attribute__((noinline)) static void dive(int n)
{
	depth = n;
	if (n == 5)
		longjmp(env, n * 10);
	dive(n + 1);
}

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

static const char *words[] = {"pear", "apple", "fig", "banana", "cherry"};

int main(int argc, char **argv)
{
	(void)argv;
	int nums[] = {42, -7, 19, 0, 1000, 3, -7, 88};
	int n = (int)(sizeof nums / sizeof nums[0]);
	qsort(nums, (size_t)n, sizeof nums[0], cmp_int);
	printf("qsort:");
	for (int i = 0; i < n; i++)
		printf(" %d", nums[i]);
	printf("\n");

	qsort(words, sizeof words / sizeof words[0], sizeof words[0], cmp_str);
	printf("words: %s %s %s %s %s\n", words[0], words[1], words[2], words[3], words[4]);

	int v = setjmp(env);
	if (v == 0)
		dive(1);
	printf("longjmp: %d from depth %d\n", v, depth);

	if (signal(SIGUSR1, on_signal) == SIG_ERR) {
		printf("signal failed\n");
		return 1;
	}
	raise(SIGUSR1);
	printf("signal: %s\n", got_signal == SIGUSR1 ? "SIGUSR1 handled" : "not handled");

	/* argc keeps the values from being folded at compile time. */
	double x = 1.0 / (3.0 * argc), big = 1e300 * argc;
	printf("fp: %.6f %.3e %g %.10f %a\n", x, big, 2.5 * argc, sqrt(2.0 * argc), 0.5 * argc);
	printf("fp: %.2f %.0f %e\n", -123.456 * argc, 0.5 * argc, 6.02214076e23 * argc);
	long double ld = 1.0L / (7 * argc);
	printf("fp: %.15Lf\n", ld);

	char buf[64];
	snprintf(buf, sizeof buf, "%08.3f|%-6d|%x", 3.14159 * argc, 42, 0xbeef);
	printf("snprintf: %s\n", buf);
	printf("strtod: %.4f\n", strtod("2.71828", NULL));
	return 0;
}
