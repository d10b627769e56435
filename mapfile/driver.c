/* The link-editor's entry into the mapfile module: the only file here that knows ld_options. */
#include <stdio.h>
#include <stdlib.h>

#include "../common/elf/elf.h"
#include "internal.h"
#include "ld/ld.h"

void mf_read_all(struct ld_options *o) {
  if (!o->mapfiles.n && !o->version_script && !o->mapfile_dump) return;
  /* Mapfiles come before any input: without -m or -z target= the target is the host's x64. */
  int is64 = o->target ? o->target->tg_is64 : 1;
  uint16_t machine = o->target ? o->target->tg_machine : EM_X86_64;
  mf_model *m = mf_model_new(is64, machine);
  for (uint32_t i = 0; i < o->mapfiles.n; i++) mf_read_mapfile(m, o->mapfiles.v[i]);
  if (o->version_script) mf_read_version_script(m, o->version_script);
  mf_finish(m);
  o->mapfile = m;
  if (o->mapfile_dump) {
    mf_dump(m, stdout);
    fflush(stdout);
    ld_check_errors(); /* --fatal-warnings turns a CAPABILITY warning into a failure */
    exit(0);
  }
}
