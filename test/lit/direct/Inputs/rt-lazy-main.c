/* Lazy loading on ld.so.1. The program needs libl1, libl2, libl4 and libl3 lazily (in that
 * order) and shows with dl_iterate_phdr what is mapped: libl4, whose data it reaches through its
 * GOT, at start-up (a relocation needs it); libl1 at its first call; libl2 when dlsym finds
 * nothing in what is loaded; libgrp.so's own lazy dependency when libgrp.so (dlopened,
 * RTLD_LOCAL) first calls it, in libgrp.so's group only. Modes: `run`; `missing` calls into
 * libl3.so; `dlsym-missing` asks dlsym for l3_fn (libl3.so missing). */
#include "../../rtld/Inputs/out.h"

int l1_fn(void);
int l3_fn(void);
extern int l4_data;

int prog_cb(int v) { return v + 1; }

static int mapped_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  const char *want = *(const char **)data, *n = info->dlpi_name;
  size_t l = strlen(n), w = strlen(want);
  if (l >= w && !memcmp(n + l - w, want, w) && (l == w || n[l - w - 1] == '/'))
    ((const char **)data)[1] = "1";
  return 0;
}

static int mapped(const char *name) {
  const char *d[2] = {name, NULL};
  dl_iterate_phdr(mapped_cb, d);
  return d[1] != NULL;
}

static void show(const char *when) {
  out("%s: l1 %d l1b %d l2 %d l4 %d grp %d grpdep %d\n", when, mapped("libl1.so"),
      mapped("libl1b.so"), mapped("libl2.so"), mapped("libl4.so"), mapped("libgrp.so"),
      mapped("libgrpdep.so"));
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "run";
  show("start");
  if (!strcmp(mode, "missing")) {
    out("calling l3_fn\n");
    out("l3_fn %d\n", l3_fn());
    return 0;
  }
  if (!strcmp(mode, "dlsym-missing")) {
    void *f = dlsym(RTLD_DEFAULT, "l3_fn");
    out("dlsym l3_fn: %p %s\n", f, f ? "" : dlerror());
    show("after");
    return 0;
  }
  out("l4_data %d\n", l4_data);
  out("l1_fn %d\n", l1_fn());
  show("after l1_fn");
  int (*l2)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "l2_fn");
  out("dlsym l2_fn: %d\n", l2 ? l2() : -1);
  show("after dlsym");
  void *h = dlopen("libgrp.so", RTLD_LAZY);
  show("after dlopen");
  int (*g)(void) = (int (*)(void))dlsym(h, "grp_fn");
  out("grp_fn %d\n", g ? g() : -1);
  show("after grp_fn");
  out("dlsym(handle, grpdep_fn): %s\n", dlsym(h, "grpdep_fn") ? "found" : "missing");
  out("dlsym(RTLD_DEFAULT, grpdep_fn): %s\n", dlsym(RTLD_DEFAULT, "grpdep_fn") ? "found" : "missing");
  dlclose(h);
  show("after dlclose");
  return 0;
}
