/* The executable of shlib-*.test (see shlib-lib.c). */
#include <pthread.h>
#include <stdio.h>

extern int lib_counter;
extern int lib_table[4];
extern const char *lib_name;
extern __thread int lib_tls;
extern __thread long lib_tls_big[8];

int lib_add(int, int);
int lib_call_back(int);
int lib_bump(void);
int lib_sum_table(void);
int (*lib_add_address(void))(int, int);
int lib_has_weak(void);
int *lib_tls_address(void);
long lib_tls_sum(void);
extern void weak_missing(void) __attribute__((weak));

int exe_callback(int x) { return x + 1000; }

static void *thread_main(void *arg) {
    (void)arg;
    lib_tls += 1;
    lib_tls_big[7] = 1;
    printf("thread: tls %d at-lib-address %d sum %ld\n", lib_tls, lib_tls_address() == &lib_tls,
           lib_tls_sum());
    return 0;
}

int main(void) {
    printf("call: %d\n", lib_add(40, 2));
    printf("callback: %d\n", lib_call_back(5));
    lib_counter += 10;
    int before = lib_counter;
    int bumped = lib_bump();
    printf("data: counter %d bump %d counter %d\n", before, bumped, lib_counter);
    lib_table[3] = 40;
    printf("data: table sum %d name %s\n", lib_sum_table(), lib_name);
    printf("address: %s\n", lib_add_address() == lib_add ? "equal" : "DIFFERENT");
    printf("weak: exe %d lib %d\n", weak_missing != 0, lib_has_weak());
    lib_tls = 9;
    printf("tls: %d at-lib-address %d sum %ld\n", lib_tls, lib_tls_address() == &lib_tls,
           lib_tls_sum());
    pthread_t t;
    pthread_create(&t, 0, thread_main, 0);
    pthread_join(t, 0);
    printf("tls: after thread %d\n", lib_tls);
    return 0;
}
