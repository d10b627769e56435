/* The link-editor as its list of passes (DESIGN.md §3), numbered in the order they run. Each says
 * why it is where it is; invariants are marked "--". The process exits without freeing anything.
 *
 * Where things happen, for a newcomer:
 *  - a relocation is decided once, by the scan (pass 7, ld/reloc.c), which records per relocation
 *    what it becomes (ld/reloc.h: the value to compute, the dynamic relocation, the TLS rewrite)
 *    and sets its symbol's needs (GOT, PLT, TLS slots, copy); it is applied by the write (pass 10,
 *    ld/apply.c), which computes the value from S, A, P, G, GOT, L, TP, DTP and only carries the
 *    decision out;
 *  - GOT and PLT slots and the dynamic relocations that fill them are handed out in pass 8
 *    (ld/synth.c, ld/dynamic.c), in a canonical order, and written in pass 10;
 *  - a target (arch/<t>/, described by ld/target.h) encodes fields, rewrites instructions and
 *    writes PLT entries; it decides nothing about policy. ld/target.c lists the targets. */
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
  /* The process that frees the old output once it is replaced is forked now, while this one has
   * a single thread and little memory: the thread pool and a plugin's threads come later. */
  ld_out_prepare(ctx->opt.output);
  mf_read_all(&ctx->opt);
  ld_stat_pass("options");

  /* 2. Inputs: open and map every input, classify it, parse objects and resolve symbols;
   *    archive members are extracted to a fixed point, and COMDAT groups are claimed in link
   *    order as symbols are entered (the first of a signature wins; the losers' sections are not
   *    live). A link-time optimisation plugin is loaded first, so that every input can be
   *    offered to it; what it compiles when all symbols are read joins the inputs.
   *    -- No new input files after this point. */
  ld_plugin_load();
  ld_load_inputs();
  /* An executable (not a PIE) linked with no shared object is static, as GNU ld makes it: no
   * interpreter, no dynamic sections (lld makes one with -E a dynamic one). */
  if (ctx->opt.outkind == OUT_EXEC && !ctx->shared.n) ctx->opt.is_static = 1;
  ld_trace_symbols(); /* -y, --cref's table and --why-extract want every input read */
  ld_check_errors();
  ld_stat_pass("inputs and resolution");
  ld_stat_inputs();

  /* 3. Symbol scope and versions from mapfiles, version scripts and dynamic lists, now that
   *    every definition is known (scopes do not depend on section liveness). */
  ld_mapfile_symbols();
  ld_dynamic_lists();
  ld_check_errors();

  /* 4. Input sections: compressed ones inflated before anything reads their bytes; .eh_frame
   *    split into records; --gc-sections; identical code folding, which sees only the survivors
   *    and runs before the .eh_frame records are final so that a folded section's FDEs go with
   *    it. -- Which input sections are live is fixed from here. */
  ld_decompress_inputs();
  ld_split_eh_frame();
  if (ctx->opt.gc_sections) ld_gc_sections();
  if (ctx->opt.icf) ld_icf();
  ld_eh_finish();
  ld_merge_gnu_attributes(); /* one .gnu.attributes, merged, for -r and final links alike */
  ld_check_errors();
  ld_stat_pass("comdat, eh_frame, gc");

  /* -r: a writer of its own takes over. It needs the COMDAT winners and the live .eh_frame
   *     records, and nothing placed, scanned or laid out. */
  if (ctx->opt.outkind == OUT_RELOC) {
    ld_write_relocatable();
    ld_write_dependency_file();
    ld_check_errors();
    ld_stat_pass("write");
    ld_plugin_cleanup();
    return 0;
  }

  /* 5. Placement: input sections into output sections (the default rules, a mapfile's entrance
   *    criteria or a linker script's SECTIONS); commons into .bss. */
  ld_place_sections();
  ld_check_errors();
  ld_stat_pass("placement");

  /* 6. Mergeable strings and constants: one copy of each piece per output section, now that the
   *    output sections are known; identical .eh_frame CIEs once per output section.
   *    -- The sizes of input sections are final from here. */
  ld_merge_sections();
  ld_stat_pass("merge");
  ld_eh_share_cies();
  ld_check_errors();
  ld_stat_pass("shared CIEs");

  /* 7. Scan relocations: each one's decision recorded, every symbol's needs (GOT, PLT, TLS
   *    slots, copy, dynamic relocation) set, the TLS model of every sequence chosen.
   *    -- Nothing decides how a relocation is resolved after this point. */
  ld_scan_relocs();
  ld_check_errors();
  ld_stat_pass("scan");

  /* 8. Synthetic sections, sized from the scan's needs and counts; GOT and PLT slots and
   *    .rela.dyn's entries handed out. -z guidance advises on what the link now knows. */
  ld_create_synthetic();
  ld_check_errors();
  if (ctx->opt.guidance & GUIDE_ON) ld_guidance();

  /* 9. Layout: addresses and file offsets, segments, PT_TLS and the thread pointer, RELRO; then
   *    final symbol values. -- Layout is fixed from here. */
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

  /* 10. Write a temporary file next to the output: input sections copied and their
   *     relocations applied in the same parallel loop (pwrite, piece by piece), then the
   *     synthetic sections, symbol table, headers and build-id through a mapping.
   *     --emit-relocs appends to it (it needs the .symtab indices the writer recorded), and the
   *     link maps and the dependency file describe it. Only then are the output and the maps
   *     put in place (renamed, or copied into a device or FIFO): a link that fails replaces
   *     nothing. */
  ld_write_output();
  if (ctx->opt.emit_relocs) ld_emit_relocs();
  ld_write_maps(); /* -Map, --print-map, -m, --cref: of the output as written */
  ld_write_dependency_file();
  ld_check_errors();
  ld_out_commit();
  ld_stat_pass("write");
  ld_plugin_cleanup(); /* the plugin removes its temporary objects */
  return 0;
}
