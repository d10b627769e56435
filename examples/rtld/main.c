/* The rtld demo: a program on tld's own runtime linker. It uses TLS in every model (its own
 * variables by Local Exec, the library's by General Dynamic and Initial Exec, a plugin's through
 * dlsym), starts threads, then dlopens the plugin while they wait, and every thread calls into
 * it. Each line it prints is checked by the thread that computed it. */
#include <rtld.h>

__thread long main_le = 5;                 /* Local Exec: defined here */
extern __thread long lib_count;            /* General Dynamic -> Initial Exec after linking */
extern __thread long lib_ie;
long lib_bump(long by);

#define NTHREADS 4
static volatile int go;
static long (*entry)(long);
static long results[NTHREADS + 1];

static void say(const char *s) { write(1, s, strlen(s)); }

static void *worker(void *arg) {
  long id = (long)arg;
  main_le += id;
  long v = lib_bump(id);
  while (!go) nanosleep(&(struct timespec){0, 1000000}, NULL);
  long p = entry(id);
  results[id] = main_le * 1000000 + v * 100 + p;
  char buf[160];
  snprintf(buf, sizeof buf, "  thread %ld: main_le=%ld lib_count=%ld lib_ie=%ld plugin_entry(%ld)=%ld\n",
           id, main_le, lib_count, lib_ie, id, p);
  say(buf);
  return NULL;
}

int main(int argc, char **argv, char **envp) {
  (void)argc, (void)argv, (void)envp;
  char buf[200];
  pthread_t t[NTHREADS + 1];
  say("rtld demo: a program, a library and a plugin with TLS, on ld.so.1\n");
  for (long i = 1; i <= NTHREADS; i++) pthread_create(&t[i], NULL, worker, (void *)i);
  /* The threads exist before the plugin is loaded: dlopen reserves its TLS for each of them. */
  void *h = dlopen("libplugin.so", RTLD_NOW);
  if (!h) {
    snprintf(buf, sizeof buf, "dlopen failed: %s\n", dlerror());
    say(buf);
    return 1;
  }
  entry = (long (*)(long))dlsym(h, "plugin_entry");
  size_t modid = 0;
  dlinfo(h, RTLD_DI_TLS_MODID, &modid);
  snprintf(buf, sizeof buf, "  plugin loaded: TLS module %zu, %d threads waiting\n", modid, NTHREADS);
  say(buf);
  go = 1;
  for (long i = 1; i <= NTHREADS; i++) pthread_join(t[i], NULL);
  int ok = 1;
  for (long i = 1; i <= NTHREADS; i++) {
    long want = (5 + i) * 1000000 + (1000 + i + 8) * 100 + (3 * i + 1 + 1);
    if (results[i] != want) ok = 0;
  }
  snprintf(buf, sizeof buf, "  main: main_le=%ld lib_count=%ld lib_ie=%ld (its own copies)\n",
           main_le, lib_count, lib_ie);
  say(buf);
  say(ok && main_le == 5 && lib_count == 1000 && lib_ie == 7 ? "rtld demo: every thread saw its own TLS\n"
                                                            : "rtld demo: FAILED\n");
  return ok ? 0 : 1;
}
