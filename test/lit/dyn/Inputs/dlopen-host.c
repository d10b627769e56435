/* Loads the plugin named by argv[1] with dlopen, from the main thread and from a second thread,
   whose thread-local copies of the plugin's variables must be separate. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

int host_api(int x) { return x * 3; }

static int (*run)(int);
static const char *(*text)(void);
static int (*ncalls)(void);

static void *thread_main(void *arg) {
    (void)arg;
    int r = run(2);
    int n = ncalls();
    printf("thread: run %d calls %d text %s\n", r, n, text());
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    void *h = dlopen(argv[1], RTLD_NOW);
    if (!h) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    run = (int (*)(int))dlsym(h, "plugin_run");
    text = (const char *(*)(void))dlsym(h, "plugin_text");
    ncalls = (int (*)(void))dlsym(h, "plugin_calls");
    if (!run || !text || !ncalls) {
        printf("dlsym: %s\n", dlerror());
        return 1;
    }
    printf("main: run %d\n", run(1));
    int r = run(1);
    int n = ncalls();
    printf("main: run %d calls %d text %s\n", r, n, text());
    pthread_t t;
    pthread_create(&t, 0, thread_main, 0);
    pthread_join(t, 0);
    printf("main: calls %d text %s\n", ncalls(), text());
    printf("dlclose: %d\n", dlclose(h));
    return 0;
}
