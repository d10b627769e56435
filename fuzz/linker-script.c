/* Fuzz target: a linker script, parsed (ld/script.c's input lists, ld/lscript.c's command
 * language, a VERSION block through the version-script reader) and applied (ld/lscript_apply.c)
 * to a small fixed link: its symbols are defined, a set of input sections of every kind is
 * placed through its patterns (orphans included), and the layout is evaluated -- the location
 * counter, regions, PHDRS, LMAs, ASSERTs, then every symbol the script defines. Seeds: the test
 * suite's scripts, GNU ld's default scripts and glibc's libc.so (linker-script.mk). */
#include "common/harness.h"

#include "ld/lscript.h"

/* The input sections of the fixed link: name, type, flags, size, alignment. */
static const struct fake {
  const char *name;
  uint32_t type;
  uint64_t flags, size, align;
} fakes[] = {
    {".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 0x40, 16},
    {".text.hot", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 0x10, 4},
    {".init", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 0x8, 4},
    {".rodata", SHT_PROGBITS, SHF_ALLOC, 0x20, 8},
    {".rodata.str1.1", SHT_PROGBITS, SHF_ALLOC | SHF_MERGE | SHF_STRINGS, 0x9, 1},
    {".eh_frame", SHT_PROGBITS, SHF_ALLOC, 0x30, 8},
    {".note.fuzz", SHT_NOTE, SHF_ALLOC, 0x18, 4},
    {".tdata", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS, 0x8, 8},
    {".tbss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS, 0x10, 16},
    {".init_array.100", SHT_INIT_ARRAY, SHF_ALLOC | SHF_WRITE, 0x8, 8},
    {".data.rel.ro", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 0x10, 8},
    {".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 0x28, 8},
    {"custom", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 0x4, 4},
    {".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 0x100, 32},
    {".comment", SHT_PROGBITS, 0, 0x10, 1},
    {".debug_info", SHT_PROGBITS, 0, 0x20, 1},
};
#define NFAKES (sizeof fakes / sizeof fakes[0])
static const uint8_t zeros[0x100];

/* The object holding them, with a symbol defined in .text and one undefined reference. */
static ld_obj *fake_object(void) {
  ld_obj *o = ld_zalloc(1, sizeof *o);
  o->o_name = "fuzz.o";
  o->o_kind = FK_OBJ;
  o->o_is64 = 1;
  o->o_nsec = NFAKES + 1;
  o->o_secs = ld_zalloc(o->o_nsec, sizeof *o->o_secs);
  for (uint32_t i = 0; i < NFAKES; i++) {
    ld_isec *is = ld_zalloc(1, sizeof *is);
    *is = (ld_isec){.is_file = o,
                    .is_name = fakes[i].name,
                    .is_idx = i + 1,
                    .is_type = fakes[i].type,
                    .is_flags = fakes[i].flags,
                    .is_size = fakes[i].size,
                    .is_insize = fakes[i].size,
                    .is_align = fakes[i].align,
                    .is_live = 1,
                    .is_data = fakes[i].type == SHT_NOBITS ? NULL : zeros};
    o->o_secs[i + 1] = is;
  }
  static const char *const syms[] = {"_start", "main", "undefined_ref"};
  for (uint32_t i = 0; i < 3; i++) {
    ld_sym *s = ld_sym_intern(syms[i], (uint32_t)strlen(syms[i]));
    s->s_file = o;
    s->s_referenced = 1;
    s->s_weakref = 0;
    if (i < 2) s->s_def = SD_REGULAR, s->s_sec = o->o_secs[1], s->s_value = 4 * i;
  }
  return o;
}

/* What ld/sections.c's placement does with the output section a script gave. */
static void place(ld_isec *is) {
  int orphan;
  ld_osec *os = ld_lscript_place(is, is->is_name, &orphan);
  if (!is->is_live) return;
  if (!os) os = ld_new_osec(is->is_name, is->is_type, 0, 1, SY_NONE);
  if (os->os_type == SHT_NOBITS && is->is_type != SHT_NOBITS) os->os_type = SHT_PROGBITS;
  os->os_flags |= is->is_flags & ~(uint64_t)(SHF_MERGE | SHF_STRINGS);
  if (is->is_align > os->os_align) os->os_align = is->is_align;
  is->is_out = os;
  ld_vec_push(&os->os_isecs, is);
}

/* What ld/layout.c's sizing does: input sections one after the other, aligned. */
static void size_osecs(void) {
  for (uint32_t i = 0; i < ctx->osecs.n; i++) {
    ld_osec *os = ctx->osecs.v[i];
    uint64_t off = 0;
    for (uint32_t k = 0; k < os->os_isecs.n; k++) {
      ld_isec *is = os->os_isecs.v[k];
      off = ld_align(off, is->is_align);
      is->is_off = off;
      off += is->is_size;
    }
    os->os_size = off;
  }
}

static void value_of(ld_sym *s, void *arg) {
  (void)arg;
  if (s->s_def == SD_SYNTH && s->s_esym >= LS_SYM_KIND && s->s_esym < LS_SYM_KIND_END)
    (void)ld_lscript_sym_value(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FUZZ_BEGIN();
  fuzz_track_heap(); /* the script's model, its output sections and their lists */
  ld_lscript_reset();
  ctx->tg = &ld_target_x64;
  ctx->is64 = 1;
  ld_vec_push(&ctx->objs, fake_object());
  ld_script sc;
  if (ld_script_parse("fuzz.lds", data, size, &sc) < 0 || fuzz_errors()) goto fuzz_done_;
  for (uint32_t i = 0; i < sc.ls_ninputs; i++)
    fuzz_touch(sc.ls_inputs[i].si_name, strlen(sc.ls_inputs[i].si_name));
  for (uint32_t i = 0; i < sc.ls_nsearch_dirs; i++)
    fuzz_touch(sc.ls_search_dirs[i], strlen(sc.ls_search_dirs[i]));
  ld_lscript_define();
  if (fuzz_errors()) goto fuzz_done_;
  ld_obj *o = ctx->objs.v[0];
  for (uint32_t k = 1; k < o->o_nsec; k++) place(o->o_secs[k]);
  ld_lscript_order();
  if (fuzz_errors()) goto fuzz_done_;
  size_osecs();
  if (!ld_lscript_layout()) ld_lscript_finish();
  if (fuzz_errors()) goto fuzz_done_;
  ld_sym_foreach(value_of, NULL);
  fuzz_errors();
  FUZZ_END();
}
