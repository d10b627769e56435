/* Thread-local storage at work: four threads, each with its own copy of three __thread variables
 * that the link-editor laid out in the PT_TLS segment:
 *
 *   t_seed    initialised (.tdata): every thread starts from the template value
 *   t_count   zero-initialised (.tbss): every thread starts from 0
 *   t_block   256-byte aligned (.tbss): the alignment of the whole TLS block
 *
 * Each thread checks that it started from the template, mixes its own number into its copies,
 * and records what it saw; all four stay alive until every one has recorded, so their copies are
 * live at the same time and must not overlap. The main thread prints the records in thread order
 * after joining, so the output is the same on every run, and exits 1 if any check failed.
 *
 *   cc -static -pthread -B build/gnu/ -o build/demo/tls-demo examples/tls-demo.c */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NTHREADS 4
#define BLOCK_ALIGN 256

static __thread unsigned t_seed = 0x1234;
static __thread unsigned long t_count;
static __thread _Alignas(BLOCK_ALIGN) unsigned char t_block[BLOCK_ALIGN];

struct record {
  int r_id;
  unsigned r_seed;        /* t_seed after the thread mixed its id in */
  unsigned long r_count;  /* t_count after the thread's loop */
  unsigned r_sum;         /* sum over t_block after the thread filled it */
  uintptr_t r_seed_addr;  /* where the thread's t_seed lives */
  uintptr_t r_block_addr; /* where the thread's t_block lives */
  int r_ok;               /* 1 if every check in the thread passed */
};

static struct record records[NTHREADS + 1];
static pthread_barrier_t all_recorded;

static void work(struct record *r, int id) {
  r->r_id = id;
  r->r_ok = t_seed == 0x1234 && t_count == 0;
  for (size_t i = 0; i < sizeof t_block; i++) r->r_ok &= t_block[i] == 0;

  t_seed = t_seed * 31 + (unsigned)id;
  for (int i = 0; i <= id * 10; i++) t_count += (unsigned long)i;
  for (size_t i = 0; i < sizeof t_block; i++) t_block[i] = (unsigned char)(i * (size_t)(id + 1));

  unsigned sum = 0;
  for (size_t i = 0; i < sizeof t_block; i++) sum += t_block[i];
  r->r_seed = t_seed;
  r->r_count = t_count;
  r->r_sum = sum;
  r->r_seed_addr = (uintptr_t)&t_seed;
  r->r_block_addr = (uintptr_t)t_block;
  r->r_ok &= r->r_block_addr % BLOCK_ALIGN == 0;
}

static void *thread_main(void *arg) {
  int id = (int)(intptr_t)arg;
  work(&records[id], id);
  pthread_barrier_wait(&all_recorded);
  return NULL;
}

int main(void) {
  pthread_t threads[NTHREADS];
  int ok = 1;

  pthread_barrier_init(&all_recorded, NULL, NTHREADS);
  for (int i = 1; i <= NTHREADS; i++) {
    if (pthread_create(&threads[i - 1], NULL, thread_main, (void *)(intptr_t)i) != 0) {
      fprintf(stderr, "tls-demo: pthread_create failed\n");
      return 1;
    }
  }
  for (int i = 0; i < NTHREADS; i++) pthread_join(threads[i], NULL);
  work(&records[0], 0); /* the main thread's own copies are untouched by the others */

  printf("tls-demo: %d threads, t_block aligned to %d bytes\n", NTHREADS, BLOCK_ALIGN);
  for (int i = 0; i <= NTHREADS; i++) {
    const struct record *r = &records[i];
    unsigned want_seed = 0x1234u * 31 + (unsigned)i;
    unsigned long want_count = (unsigned long)(i * 10) * (unsigned long)(i * 10 + 1) / 2;
    int good = r->r_ok && r->r_seed == want_seed && r->r_count == want_count;
    for (int j = 0; j < i; j++) good &= records[j].r_seed_addr != r->r_seed_addr;
    printf("  %s %d: t_seed=%#x t_count=%lu sum(t_block)=%u  %s\n", i ? "thread" : "main  ", i,
           r->r_seed, r->r_count, r->r_sum, good ? "ok" : "WRONG");
    ok &= good;
  }
  printf("tls-demo: %s\n", ok ? "every thread saw its own copies" : "FAILED");
  return ok ? 0 : 1;
}
