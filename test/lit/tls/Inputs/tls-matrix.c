/* The TLS run matrix (test/lit/tls/run-*.test). One source, built in parts by -D macros, so that
 * the code that accesses the variables, the variables themselves and main can each be placed in
 * any object of any output:
 *   -DPART_DEF    defines the variables, initialised (iN) and zero-initialised (zN), each aligned
 *                 to N = 1, 2, 4, ... 4096
 *   -DPART_USE    defines tls_check(), the code whose access model is under test (chosen with
 *                 -fPIC/-fPIE/-fno-pic, -ftls-model= and -mtls-dialect=); without PART_DEF in the
 *                 same object the variables are extern
 *   -DPART_MAIN   defines main: NTHREADS threads run tls_check() on their own copies; with
 *                 -DPLUGIN main finds tls_check in the object its first argument names, which
 *                 it dlopens, instead of in the link
 *   -DHIDDEN      gives the variables hidden visibility (Local Dynamic code needs them bound in
 *                 the output that uses them)
 *   -DSMALL_ALIGN leaves out alignments above 64: glibc's surplus static TLS cannot place a
 *                 4096-aligned block for Initial Exec code in a dlopen'ed object
 * main prints what the main thread saw first and "tls ok" only if every thread found its own
 * copies, starting from the template, at distinct and correctly aligned addresses. */
#include <stdint.h>
#include <stdio.h>

#ifdef HIDDEN
#define VIS __attribute__((visibility("hidden")))
#else
#define VIS
#endif

#ifdef SMALL_ALIGN
#define BIG(X)
#else
#define BIG(X) X(128) X(256) X(512) X(1024) X(2048) X(4096)
#endif
#define EACH(X) X(1) X(2) X(4) X(8) X(16) X(32) X(64) BIG(X)

struct cell {
	unsigned char b[24];
};

int tls_check(int id, int phase, uintptr_t *addr);

#if defined(PART_DEF)
#define VAR(a)                                                                   \
	VIS __thread struct cell i##a __attribute__((aligned(a))) = {{a % 251 + 1, 1, 2}}; \
	VIS __thread struct cell z##a __attribute__((aligned(a)));
EACH(VAR)
#elif defined(PART_USE)
#define VAR(a)                                                         \
	extern VIS __thread struct cell i##a __attribute__((aligned(a))); \
	extern VIS __thread struct cell z##a __attribute__((aligned(a)));
EACH(VAR)
#endif

#ifdef PART_USE
static int bad;

static void fail(int id, const char *what, int a)
{
	printf("thread %d: FAIL %s %d\n", id, what, a);
	bad++;
}

/* Phase 0: the copies hold the template and are aligned; each thread then marks them with its
 * id. Phase 1 (after every thread has marked its copies): the marks are still its own. */
#define CHECK0(a)                                                                 \
	if ((uintptr_t)&i##a % a || (uintptr_t)&z##a % a) fail(id, "align", a);        \
	if (i##a.b[0] != a % 251 + 1 || i##a.b[1] != 1 || i##a.b[2] != 2 || i##a.b[23]) \
		fail(id, "template", a);                                                   \
	if (z##a.b[0] || z##a.b[23]) fail(id, "zero", a);                              \
	i##a.b[23] = (unsigned char)(id + 1);                                          \
	z##a.b[23] = (unsigned char)(id + 101);
#define CHECK1(a)                                                                          \
	if (i##a.b[23] != id + 1 || z##a.b[23] != id + 101 || i##a.b[0] != a % 251 + 1) \
		fail(id, "own copy", a);

int tls_check(int id, int phase, uintptr_t *addr)
{
	bad = 0;
	if (phase == 0) {
		if (id == 0)
			printf("main thread: i1=%d i2=%d i64=%d z64=%d\n", i1.b[0], i2.b[0], i64.b[0],
			       z64.b[0]);
		*addr = (uintptr_t)&i1;
		EACH(CHECK0)
	} else {
		EACH(CHECK1)
	}
	return bad;
}
#endif

#ifdef PART_MAIN
#include <pthread.h>
#ifdef PLUGIN
#include <dlfcn.h>
#endif

#define NTHREADS 4

static int (*check)(int, int, uintptr_t *);
static pthread_barrier_t barrier;
static uintptr_t addrs[NTHREADS];
static int failures[NTHREADS];

static void *run(void *arg)
{
	int id = (int)(intptr_t)arg;
	failures[id] += check(id, 0, &addrs[id]);
	pthread_barrier_wait(&barrier);
	failures[id] += check(id, 1, NULL);
	return NULL;
}

int main(int argc, char **argv)
{
#ifdef PLUGIN
	void *h = argc > 1 ? dlopen(argv[1], RTLD_NOW) : NULL;
	if (!h) {
		printf("FAIL dlopen: %s\n", argc > 1 ? dlerror() : "no object named");
		return 1;
	}
	check = (int (*)(int, int, uintptr_t *))dlsym(h, "tls_check");
	if (!check) {
		printf("FAIL dlsym: %s\n", dlerror());
		return 1;
	}
#else
	(void)argc, (void)argv;
	check = tls_check;
#endif
	pthread_t t[NTHREADS];
	pthread_barrier_init(&barrier, NULL, NTHREADS);
	/* The main thread is thread 0, so its copies are checked too. */
	for (int i = 1; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, run, (void *)(intptr_t)i);
	run((void *)0);
	int total = 0;
	for (int i = 1; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < NTHREADS; i++) {
		total += failures[i];
		for (int k = 0; k < i; k++)
			if (addrs[i] == addrs[k]) {
				printf("FAIL threads %d and %d share a copy\n", k, i);
				total++;
			}
	}
	printf("threads: %d\n", NTHREADS);
	if (!total) printf("tls ok\n");
	return total != 0;
}
#endif
