/* Link-time optimisation through a linker plugin (ld/plugin.c): what the input pass calls.
 *
 * While the inputs are read, every object that may hold a plugin's intermediate language (LTO
 * sections, LLVM bitcode; every object when the plugin claims files in parallel) is offered to
 * the plugins. A claimed file enters resolution as an IR object: an ld_obj with o_ir set, no
 * sections, and a symbol table made from the symbols the plugin added. When every input has
 * been read, ld_plugin_all_symbols_read reports the resolutions to the plugin, lets it compile,
 * retires the IR objects and links the objects it produced in their place. */
#ifndef TLD_LD_PLUGIN_H
#define TLD_LD_PLUGIN_H

#include <stdint.h>

#include "ld.h"

/* Load every -plugin (dlopen, onload) before any input is read. Without -plugin, nothing. */
void ld_plugin_load(void);
/* Is a plugin loaded and are files still offered to it (not after all_symbols_read)? */
int ld_plugin_active(void);
/* May claim_file run on several threads at once (every plugin negotiated API level 1)? */
int ld_plugin_parallel(void);

/* LLVM bitcode (raw or in its wrapper): never ELF, only a plugin can read it. */
int ld_is_bitcode(const uint8_t *d, uint64_t size);
/* Should this file be offered? `o` is its parse when it is an ELF object, else NULL. */
int ld_plugin_candidate(const ld_obj *o, const uint8_t *d, uint64_t size);

/* Offer a file to the plugins. `name` is its name in messages ("a.o", "libx.a(m.o)"); `path`
 * and `off` are the file the plugin reads and where the member starts in it. Returns the IR
 * object when a plugin claimed it, NULL otherwise. Thread-safe when ld_plugin_parallel(). */
ld_obj *ld_plugin_claim(const char *name, const char *path, uint64_t off, const uint8_t *d,
                        uint64_t size);
/* An IR object enters the link (serially, in link order, before ld_object_symbols): it claims
 * the COMDAT groups of its symbols and counts as used. */
void ld_plugin_enter(ld_obj *ir);

/* A file that no plugin claimed and that holds nothing a link can use without one: LLVM
 * bitcode (`o` is NULL), or an object with only LTO intermediate language (GCC's slim objects;
 * a relocatable output keeps their sections as they are). Reports it and returns 1. */
int ld_plugin_refuse(const char *name, const ld_obj *o, const uint8_t *d, uint64_t size);

/* After every input is read: resolutions to the plugin, its all_symbols_read hook, and the
 * objects it added linked in place of the IR objects. A no-op without plugins. */
void ld_plugin_all_symbols_read(void);

extern const char ld_version[]; /* ld/options.c */

/* The plugins' cleanup hooks (once): at the end of main, or at exit. */
void ld_plugin_cleanup(void);

/* ld/input.c, for the objects and libraries the plugin adds after all_symbols_read. */
/* A file (or -l library) the plugin added. With `defer`, a relocatable object is parsed and
 * returned (the caller enters it in its place in link order), anything else left alone (NULL,
 * no error); without, the file is read and entered now (NULL). Errors are reported. */
ld_obj *ld_input_late(const char *name, int is_lib, int defer);
void ld_input_extra_dir(const char *dir); /* set_extra_library_path */
void ld_input_rescan(void); /* archives' indexes again for what is undefined, and extract */

/* ld/object.c: enter again the global entries whose symbol has (s_mark & 1). */
void ld_object_reenter(ld_obj *o);
/* ld/symtab.c: COMDAT signatures claimed by IR objects; released for the objects that replace
 * them. Returns 1 if `owner` holds (or now claims) the signature. */
int ld_comdat_claim_ir(const char *sig, const void *owner);
void ld_comdat_release_ir(void);
/* ld/mapfile_apply.c: version-script hiding and dynamic lists, asked before resolution ends. */
int ld_mapfile_hides(const ld_sym *s);
int ld_dynamic_listed(ld_sym *s);

#endif
