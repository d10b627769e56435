/* The link-editor's entry into the mapfile module: the only file here that knows ld_options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/elf/elf.h"
#include "internal.h"
#include "ld/ld.h"

/* A version script named without a directory that is not in the working directory is looked
 * for in the -L directories, as GNU ld and lld do (wherever -L appears on the command line). */
static const char *find_version_script(struct ld_options *o, const char *path) {
  if (access(path, F_OK) == 0 || strchr(path, '/')) return path;
  for (uint32_t i = 0; i < o->libdirs.n; i++) {
    const char *dir = o->libdirs.v[i];
    char *full = mf_alloc(strlen(dir) + strlen(path) + 2);
    sprintf(full, "%s/%s", dir, path);
    if (access(full, F_OK) == 0) return full;
    free(full);
  }
  return path;
}

mf_model *mf_model_for(const ld_target *tg) {
  mf_target t = {tg->tg_name, tg->tg_is64, tg->tg_mapfile_isa, tg->tg_large_segs};
  return mf_model_new(&t);
}

void mf_read_all(struct ld_options *o) {
  if (!o->mapfiles.n && !o->version_scripts.n && !o->mapfile_dump) return;
  /* Mapfiles come before any input: without -m or -z target= the target is the host's x64. */
  mf_model *m = mf_model_for(o->target ? o->target : ld_targets[0]);
  for (uint32_t i = 0; i < o->mapfiles.n; i++) mf_read_mapfile(m, o->mapfiles.v[i]);
  for (uint32_t i = 0; i < o->version_scripts.n; i++)
    mf_read_version_script(m, find_version_script(o, o->version_scripts.v[i]));
  mf_finish(m);
  o->mapfile = m;
  if (o->mapfile_dump) {
    mf_dump(m, stdout);
    fflush(stdout);
    ld_check_errors(); /* --fatal-warnings turns a CAPABILITY warning into a failure */
    exit(0);
  }
}
