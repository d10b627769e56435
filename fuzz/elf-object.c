/* Fuzz target: an ELF relocatable object, read as a link reads it before layout -- headers,
 * sections, symbols and COMDAT groups (ld/object.c), compressed sections (ld/compress.c), every
 * section's relocations (ld/reloc.c, both the in-place and the decoded forms), .eh_frame records
 * (ld/ehframe.c) and the garbage collector's walk over the references (ld/gc.c). As in a link, a
 * step that reports an error ends the input. Seeds: objects of every target, compiled and assembled
 * (elf-object.mk). */
#include "common/harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FUZZ_BEGIN();
  fuzz_track_heap(); /* section headers, group lists, .eh_frame records */
  if (size < 64 || memcmp(data, "\177ELF", 4) || !fuzz_pick_target(data, size)) goto fuzz_done_;
  ld_obj *o = ld_parse_object("fuzz.o", data, size);
  if (!o || fuzz_errors()) goto fuzz_done_;
  ld_object_prepare(o);
  ld_object_symbols(o);
  ld_vec_push(&ctx->objs, o);
  if (fuzz_errors()) goto fuzz_done_;
  ld_decompress_inputs();
  if (fuzz_errors()) goto fuzz_done_;
  ld_split_eh_frame();
  ctx->opt.gc_sections = 1;
  ld_gc_sections();
  ld_eh_finish();
  if (fuzz_errors()) goto fuzz_done_;
  for (uint32_t k = 0; k < o->o_nsec; k++) {
    ld_isec *is = o->o_secs[k];
    if (!is) continue;
    fuzz_touch(is->is_data, is->is_type == SHT_NOBITS ? 0 : is->is_insize);
    ld_read_rels(is);
  }
  fuzz_errors();
  FUZZ_END();
}
