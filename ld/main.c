/* The link-editor reads as its list of passes (DESIGN.md §3). Each pass says why it is where it
 * is; invariants are marked. The process exits without freeing anything. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ld.h"
#include "mapfile.h"
#include "plugin.h"
#include "script.h"

static ld_ctx the_ctx;
ld_ctx *ctx = &the_ctx;

int main(int argc, char **argv) {
  ld_stat_pass(NULL);
  /* 1. Options (both flavours) and mapfiles: everything that shapes the link is known before
   *    any input is read. */
  argv = ld_expand_response_files(&argc, argv);
  ld_parse_options(argc, argv, &ctx->opt);
  ld_check_errors();
  mf_read_all(&ctx->opt);
  ld_stat_pass("options");

  /* 2-4. Open and map every input, classify it, parse objects and resolve symbols; archive
   *      members are extracted to a fixed point. A link-time optimisation plugin is loaded
   *      first, so that every input can be offered to it; what it compiles when all symbols are
   *      read joins the inputs. No new input files after this point. */
  ld_plugin_load();
  ld_load_inputs();
  ld_trace_symbols(); /* -y, --cref's table and --why-extract want every input read */
  ld_check_errors();
  ld_stat_pass("inputs and resolution");
  if (ctx->opt.stats) {
    uint32_t ld_sym_capacity(void);
    uint64_t nsec = 0, nsym = 0, nloc = 0;
    for (uint32_t i = 0; i < ctx->objs.n; i++) {
      ld_obj *o = ctx->objs.v[i];
      nsec += o->o_nsec, nsym += o->o_nsym, nloc += o->o_first_global;
    }
    fprintf(stderr, "tld: stats: %u objects, %u shared objects, %u global symbols (table of %u)\n",
            ctx->objs.n, ctx->shared.n, ld_sym_count(), ld_sym_capacity());
    fprintf(stderr,
            "tld: stats: %llu section headers, %llu symbol entries (%llu local); arena %.1f MiB\n",
            (unsigned long long)nsec, (unsigned long long)nsym, (unsigned long long)nloc,
            ld_arena_used() / 1048576.0);
  }

  /* 7. Symbol scope and versions from mapfiles and version scripts, now that every definition
   *    is known (DESIGN.md puts this after COMDAT; scopes do not depend on section liveness). */
  ld_mapfile_symbols();
  ld_dynamic_lists();
  ld_check_errors();

  /* 5. COMDAT groups were claimed while symbols were entered (ld_object_symbols), in link
   *    order: the first group of a signature won and the losers' sections are not live. */

  /* 6. Split .eh_frame into records and drop FDEs of discarded sections; commons become .bss;
   *    garbage collection when asked. */
  ld_decompress_inputs(); /* SHF_COMPRESSED inputs: before anything reads their bytes */
  ld_split_eh_frame();
  if (ctx->opt.gc_sections) ld_gc_sections();
  /* Identical code folding sees only the survivors, and runs before the .eh_frame records are
   * final so that a folded section's FDEs go with it. */
  if (ctx->opt.icf) ld_icf();
  ld_eh_finish();
  ld_check_errors();
  ld_stat_pass("comdat, eh_frame, gc");

  /* -r: a writer of its own takes over. It needs the COMDAT winners and the live .eh_frame
   *    records, and nothing placed, scanned or laid out. */
  if (ctx->opt.outkind == OUT_RELOC) {
    ld_write_relocatable();
    ld_stat_pass("write");
    ld_plugin_cleanup();
    return 0;
  }

  /* 8. Place input sections into output sections (the default rules). */
  ld_place_sections();
  ld_check_errors();
  ld_stat_pass("placement");
  /* Mergeable strings and constants: one copy of each piece per output section, now that the
   * output sections are known; identical .eh_frame CIEs once per output section. Sizes of the
   * input sections are final from here. */
  ld_merge_sections();
  ld_stat_pass("merge");
  ld_eh_share_cies();
  ld_check_errors();
  ld_stat_pass("shared CIEs");

  /* 9. Scan relocations: every symbol's needs (GOT, PLT, TLS slots, copy, dynamic relocation)
   *    and the TLS model of each symbol are decided here, once. */
  ld_scan_relocs();
  ld_check_errors();
  ld_stat_pass("scan");

  /* 10. Synthetic sections, sized from the scan's counts. */
  ld_create_synthetic();
  ld_check_errors();
  if (ctx->opt.guidance & GUIDE_ON) ld_guidance(); /* -z guidance: advice, no change */

  /* 11-12. Addresses and offsets; then final symbol values. Layout is fixed from here. */
  ld_layout();
  ld_merge_finalize();
  ld_finalize_symbols();
  ld_check_errors();
  ld_stat_pass("layout");

  /* --compress-debug-sections: the debug sections are made and compressed first; their sizes,
   * and the offsets of what follows them in the file, change. */
  if (ctx->opt.compress_debug) {
    ld_compress_debug_sections();
    ld_check_errors();
    ld_stat_pass("compress debug sections");
  }

  /* 13-14. Write a temporary file (input sections with pwrite, the rest through a mapping),
   *        applying relocations while copying; --emit-relocs appends to it (it needs the
   *        .symtab indices the writer recorded) and the link maps describe it. Only then are
   *        the output and the maps renamed into place: a link that fails replaces nothing. */
  ld_write_output();
  if (ctx->opt.emit_relocs) ld_emit_relocs();
  ld_write_maps(); /* -Map, --print-map, -m, --cref: of the output as written */
  ld_out_commit();
  ld_stat_pass("write");
  ld_plugin_cleanup(); /* the plugin removes its temporary objects */
  return 0;
}
