/* Threads with thread-local data in LTO code: the program's own and the shared library's. */
#include <pthread.h>
#include <stdio.h>

extern __thread int tls_shared;
int tls_add(int n);
int vfunc(void);
int lib_api(int x);
__thread int tls_local = 7;
extern __thread int tls_other_unit;
int other_unit_get(void);

static void *worker(void *arg) {
  long k = (long)arg;
  tls_local += (int)k;
  tls_shared += (int)k;
  int r = tls_add((int)k) + tls_local + other_unit_get();
  return (void *)(long)r;
}

int main(void) {
  pthread_t t[3];
  for (long k = 0; k < 3; k++) pthread_create(&t[k], NULL, worker, (void *)(k + 1));
  long sum = 0;
  for (int k = 0; k < 3; k++) {
    void *r;
    pthread_join(t[k], &r);
    sum += (long)r;
  }
  printf("threads %ld main %d %d %d vfunc %d api %d\n", sum, tls_local, tls_shared,
         tls_add(0), vfunc(), lib_api(2));
  return 0;
}
