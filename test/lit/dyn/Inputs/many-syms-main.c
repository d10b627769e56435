/* Looks up every symbol of many-syms.c with dlsym in the library named by argv[1], checks a few
   names that are absent, and calls three of the functions directly (bound at load time). */
#include <dlfcn.h>
#include <stdio.h>

int sym000(void);
int sym517(void);
int sym999(void);
extern int var42;

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    long sum = 0, found = 0;
    char name[16];
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "sym%03d", i);
        int (*f)(void) = (int (*)(void))dlsym(h, name);
        if (!f || f() != i) {
            printf("FAIL: %s\n", name);
            continue;
        }
        sum += f(), found++;
    }
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "var%02d", i);
        int *v = (int *)dlsym(h, name);
        if (!v || *v != i) {
            printf("FAIL: %s\n", name);
            continue;
        }
        sum += *v, found++;
    }
    const char *absent[] = {"sym1000", "sym", "var100", "sym00", "Sym000", "main2"};
    for (unsigned i = 0; i < sizeof absent / sizeof *absent; i++)
        if (dlsym(h, absent[i])) printf("FAIL: found %s\n", absent[i]);
    printf("found %ld sum %ld\n", found, sum);
    printf("direct: %d %d %d %d\n", sym000(), sym517(), sym999(), var42);
    return 0;
}
