/* Threads and __thread variables: each thread checks that its copies start from the template
 * (initialised and zero-initialised), that over-aligned blocks are aligned, that its copies are
 * its own, and that a variable reached from another function or object agrees. Linked with
 * tls-extern.c. Compiled -fPIC the accesses are GD (global variables) and LD (static ones)
 * sequences; otherwise IE (t_ext) and LE; with -mtls-dialect=gnu2, descriptors. Prints the main
 * thread's values and "tls ok" only if every check passed. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NTHREADS 4

__thread int t_init = 17;
__thread long t_zero;
__thread char t_al64[3] __attribute__((aligned(64))) = {1, 2, 3};
__thread char t_al4096[100] __attribute__((aligned(4096)));
static __thread int t_static = 5;
__thread const char *t_name = "template";

/* From tls-extern.c. */
extern __thread int t_ext;
extern __thread long long t_ext_zero;
int *t_ext_addr(void);

static int failures;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void fail(int id, const char *what)
{
	pthread_mutex_lock(&lock);
	printf("thread %d: FAIL %s\n", id, what);
	failures++;
	pthread_mutex_unlock(&lock);
}

/* noinline so the accesses are not folded into the caller's. */
__attribute__((noinline)) static int *addr_init(void) { return &t_init; }
__attribute__((noinline)) static int bump_static(void) { return ++t_static; }

static pthread_barrier_t tls_barrier;

struct result {
	int id;
	uintptr_t a_init, a_zero, a_al64, a_al4096;
};

static void *run(void *arg)
{
	struct result *r = arg;
	int id = r->id;

	if (t_init != 17)
		fail(id, "t_init template");
	if (t_zero != 0)
		fail(id, "t_zero not zero");
	if (t_al64[0] != 1 || t_al64[1] != 2 || t_al64[2] != 3)
		fail(id, "t_al64 template");
	for (int i = 0; i < 100; i++)
		if (t_al4096[i] != 0)
			fail(id, "t_al4096 not zero");
	if (t_static != 5)
		fail(id, "t_static template");
	if (strcmp(t_name, "template") != 0)
		fail(id, "t_name template");
	if ((uintptr_t)t_al64 % 64 != 0)
		fail(id, "t_al64 alignment");
	if ((uintptr_t)t_al4096 % 4096 != 0)
		fail(id, "t_al4096 alignment");
	if (addr_init() != &t_init)
		fail(id, "address of t_init differs between functions");
	if (t_ext != 42 || t_ext_zero != 0)
		fail(id, "t_ext template");
	if (t_ext_addr() != &t_ext)
		fail(id, "address of t_ext differs between objects");

	t_init = 100 + id;
	t_zero = 1000L * id;
	t_al64[1] = (char)id;
	memset(t_al4096, id, sizeof t_al4096);
	t_name = "thread";
	t_ext = 200 + id;
	t_ext_zero = 3000LL * id;
	for (int i = 0; i < id; i++)
		bump_static();

	r->a_init = (uintptr_t)&t_init;
	r->a_zero = (uintptr_t)&t_zero;
	r->a_al64 = (uintptr_t)t_al64;
	r->a_al4096 = (uintptr_t)t_al4096;

	/* Let the other threads write theirs before reading ours back. */
	pthread_barrier_wait(&tls_barrier);

	if (t_init != 100 + id || *addr_init() != 100 + id)
		fail(id, "t_init changed by another thread");
	if (t_zero != 1000L * id)
		fail(id, "t_zero changed by another thread");
	if (t_al64[1] != (char)id || t_al64[0] != 1)
		fail(id, "t_al64 changed by another thread");
	for (int i = 0; i < 100; i++)
		if (t_al4096[i] != (char)id)
			fail(id, "t_al4096 changed by another thread");
	if (t_static != 5 + id)
		fail(id, "t_static changed by another thread");
	if (strcmp(t_name, "thread") != 0)
		fail(id, "t_name changed by another thread");
	if (t_ext != 200 + id || *t_ext_addr() != 200 + id || t_ext_zero != 3000LL * id)
		fail(id, "t_ext changed by another thread");
	return NULL;
}

int main(void)
{
	pthread_t th[NTHREADS];
	struct result res[NTHREADS + 1];

	pthread_barrier_init(&tls_barrier, NULL, NTHREADS);
	for (int i = 0; i < NTHREADS; i++) {
		res[i + 1].id = i + 1;
		if (pthread_create(&th[i], NULL, run, &res[i + 1]) != 0) {
			printf("pthread_create failed\n");
			return 1;
		}
	}
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);

	for (int i = 1; i <= NTHREADS; i++)
		for (int j = i + 1; j <= NTHREADS; j++)
			if (res[i].a_init == res[j].a_init || res[i].a_zero == res[j].a_zero ||
			    res[i].a_al64 == res[j].a_al64 || res[i].a_al4096 == res[j].a_al4096)
				fail(0, "two threads share a TLS block");

	/* The main thread's copies are untouched by the others. */
	if (t_init != 17 || t_zero != 0 || t_al64[1] != 2 || t_static != 5 ||
	    strcmp(t_name, "template") != 0 || t_ext != 42 || t_ext_zero != 0)
		fail(0, "main thread's copies changed");
	if ((uintptr_t)t_al64 % 64 != 0 || (uintptr_t)t_al4096 % 4096 != 0)
		fail(0, "main thread alignment");

	printf("main: t_init=%d t_zero=%ld t_al64={%d,%d,%d} t_static=%d t_name=%s t_ext=%d\n",
	       t_init, t_zero, t_al64[0], t_al64[1], t_al64[2], t_static, t_name, t_ext);
	printf("threads: %d\n", NTHREADS);
	if (failures == 0)
		printf("tls ok\n");
	return failures != 0;
}
