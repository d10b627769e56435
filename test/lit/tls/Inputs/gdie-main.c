/* Each thread sees one copy of tv, whichever sequence reached it, with its initial value. */
#include <pthread.h>
#include <stdio.h>

long *gd_addr(void), *desc_addr(void), *ie_addr(void);

static void *run(void *arg) {
  long id = (long)arg;
  long *a = gd_addr(), *b = desc_addr(), *c = ie_addr();
  if (a != b || b != c) printf("FAIL: thread %ld: %p %p %p\n", id, (void *)a, (void *)b, (void *)c);
  if (*a != 42) printf("FAIL: thread %ld: initial value %ld\n", id, *a);
  *c = id;
  if (*a != id || *b != id) printf("FAIL: thread %ld: store not seen\n", id);
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, run, (void *)(i + 100));
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  run((void *)1L);
  printf("main: tv=%ld\n", *gd_addr());
  return 0;
}
