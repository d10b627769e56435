/* Internal interfaces of the runtime linker (DESIGN.md §8).
 *
 * rtld is freestanding: no libc, no system headers beyond the compiler's own <stdint.h>,
 * <stddef.h> and <stdarg.h>. ELF numbers come from common/elf/elf.h; the in-memory record layouts
 * are declared here because rtld only ever reads its own machine's objects in place.
 *
 * Every function is hidden (the build uses -fvisibility=hidden); RTLD_EXPORT marks the runtime
 * surface of rtld/include/rtld.h. The C code is built with -mgeneral-regs-only, so nothing in
 * rtld touches vector registers: the assembly stubs that enter C from a context where all
 * registers are live (lazy binding, the TLS slow path) only need to save general registers. */
#ifndef TLD_RTLD_RTLD_INT_H
#define TLD_RTLD_RTLD_INT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "common/elf/elf.h"
#include "include/rtld.h"
#include "rtld_arch.h"

#define RTLD_EXPORT __attribute__((visibility("default")))
#define RTLD_PAGE RTLD_ARCH_PAGE
#define RTLD_NORETURN __attribute__((noreturn))

/* The in-memory ELF records of this target's class. rtld reads only objects of its own class and
 * byte order, in place, so each record is declared once with the field names of the ELF
 * specification; ELFCLASS32 and ELFCLASS64 differ in field widths and, for program headers and
 * symbols, in field order. The relocation record is RELA or REL as the target's psABI says
 * (RTLD_ARCH_RELA); rtld_rel_addend() reads its addend, which a REL target keeps in the place
 * being relocated. This is the only place that knows the class. */
#if RTLD_ARCH_CLASS == 2
typedef struct {
  uint8_t e_ident[16];
  uint16_t e_type, e_machine;
  uint32_t e_version;
  uint64_t e_entry, e_phoff, e_shoff;
  uint32_t e_flags;
  uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} rtld_ehdr;

typedef struct {
  uint32_t p_type, p_flags;
  uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
} rtld_phdr;

typedef struct {
  int64_t d_tag;
  uint64_t d_val;
} rtld_dyn;

typedef struct {
  uint32_t st_name;
  uint8_t st_info, st_other;
  uint16_t st_shndx;
  uint64_t st_value, st_size;
} rtld_sym;

#define RTLD_R_SYM(i) ((uint32_t)((i) >> 32))
#else
typedef struct {
  uint8_t e_ident[16];
  uint16_t e_type, e_machine;
  uint32_t e_version;
  uint32_t e_entry, e_phoff, e_shoff;
  uint32_t e_flags;
  uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} rtld_ehdr;

typedef struct {
  uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
} rtld_phdr;

typedef struct {
  int32_t d_tag;
  uint32_t d_val;
} rtld_dyn;

typedef struct {
  uint32_t st_name, st_value, st_size;
  uint8_t st_info, st_other;
  uint16_t st_shndx;
} rtld_sym;

#define RTLD_R_SYM(i) ((uint32_t)(i) >> 8)
#endif

/* Every relocation number of the four targets fits in the low 8 bits of r_info (SPARC V9 keeps
 * R_SPARC_OLO10's second addend above them, never in a dynamic relocation). */
#define RTLD_R_TYPE(i) ((uint32_t)(i)&0xff)

#if RTLD_ARCH_RELA
typedef struct {
  uintptr_t r_offset, r_info;
  intptr_t r_addend;
} rtld_rela;
#define RTLD_DT_RELOC DT_RELA
#define RTLD_DT_RELOCSZ DT_RELASZ
#define RTLD_DT_RELOCENT DT_RELAENT
static inline uintptr_t rtld_rel_addend(const rtld_rela *r, const uintptr_t *where, int word) {
  (void)where, (void)word;
  return (uintptr_t)r->r_addend;
}
/* The addend a RELA record carries (0 for REL: read the place with rtld_rel_addend). */
static inline uintptr_t rtld_rela_addend(const rtld_rela *r) { return (uintptr_t)r->r_addend; }
#else
typedef struct {
  uintptr_t r_offset, r_info;
} rtld_rela;
#define RTLD_DT_RELOC DT_REL
#define RTLD_DT_RELOCSZ DT_RELSZ
#define RTLD_DT_RELOCENT DT_RELENT
/* REL: the addend is the place's word `word` (TLS descriptors keep it in their second word). */
static inline uintptr_t rtld_rel_addend(const rtld_rela *r, const uintptr_t *where, int word) {
  (void)r;
  return where[word];
}
static inline uintptr_t rtld_rela_addend(const rtld_rela *r) {
  (void)r;
  return 0;
}
#endif

/* One .SUNW_syminfo entry (the same in both classes): for .dynsym entry i, where the link-editor
 * found its definition (si_boundto: an index into .dynamic naming a DT_NEEDED, or a
 * SYMINFO_BT_* value) and how to bind it (SYMINFO_FLG_*). */
typedef struct {
  uint16_t si_boundto, si_flags;
} rtld_syminfo;

typedef struct {
  uint16_t vd_version, vd_flags, vd_ndx, vd_cnt;
  uint32_t vd_hash, vd_aux, vd_next;
} rtld_verdef;
typedef struct {
  uint32_t vda_name, vda_next;
} rtld_verdaux;
typedef struct {
  uint16_t vn_version, vn_cnt;
  uint32_t vn_file, vn_aux, vn_next;
} rtld_verneed;
typedef struct {
  uint32_t vna_hash;
  uint16_t vna_flags, vna_other;
  uint32_t vna_name, vna_next;
} rtld_vernaux;

/* ---- loaded objects ------------------------------------------------------------------------ */

/* One loaded object. The first five members are the public `struct link_map` of rtld.h, so a
 * handle, a link map and an object are the same pointer. Members marked "may be NULL" are absent
 * when the object lacks the corresponding dynamic tag. */
struct rtld_obj {
  uintptr_t l_addr; /* load bias: runtime address minus link-time address */
  char *l_name;     /* path it was opened by ("" for the executable) */
  rtld_dyn *l_ld;
  struct rtld_obj *l_next, *l_prev; /* the committed list, in load order */

  const char *o_soname; /* may be NULL */
  const char *o_origin; /* directory of l_name, for $ORIGIN; may be NULL */
  const rtld_phdr *o_phdr;
  unsigned o_phnum;
  uintptr_t o_map_start; /* what rtld mapped (0 when the kernel mapped it) */
  size_t o_map_len;
  uintptr_t o_relro_start, o_relro_end;

  const rtld_sym *o_symtab;
  const char *o_strtab;
  uint64_t o_strsz;
  const uint32_t *o_hash;     /* SysV; may be NULL */
  const uint32_t *o_gnu_hash; /* may be NULL */
  const uint16_t *o_versym;   /* may be NULL */
  const char **o_vernames;    /* version index -> name; may be NULL */
  unsigned o_nvernames;
  unsigned o_nsyms;

  const rtld_rela *o_rela;
  size_t o_relasz;
  const uintptr_t *o_relr; /* DT_RELR (-z pack-relative-relocs); may be NULL */
  size_t o_relrsz;
  const rtld_rela *o_jmprel;
  size_t o_pltrelsz;
  uintptr_t *o_pltgot; /* may be NULL */

  void (*o_init)(void);
  void (*o_fini)(void);
  void (**o_init_array)(int, char **, char **);
  size_t o_init_count;
  void (**o_fini_array)(void);
  size_t o_fini_count;
  void (**o_preinit_array)(int, char **, char **);
  size_t o_preinit_count;

  const char *o_rpath;   /* may be NULL */
  const char *o_runpath; /* may be NULL */
  uint64_t o_dt_flags, o_dt_flags_1;

  /* DT_NEEDED, in order; may be NULL when o_ndeps is 0 (rtld_deps_init makes it). An entry is
   * NULL while a lazily loaded dependency is pending; it is set once, under the dl lock, when
   * the dependency is loaded (rtld/lazy.c), and read with an acquire load by lookups. */
  struct rtld_obj **o_deps;
  unsigned o_ndeps;
  /* For each DT_NEEDED, its index in the dynamic array, with RTLD_NEED_LAZY when it is loaded
   * lazily (DT_POSFLAG_1 with DF_P1_LAZYLOAD in front of it); made with o_deps. */
  uint32_t *o_need_dyn;
  /* Dynamic-array index -> 1 + index in o_deps for a DT_NEEDED entry, else 0: how si_boundto is
   * read. Only for an object with a Syminfo table; may be NULL. */
  uint32_t *o_dyn_dep;
  unsigned o_ndyn;               /* entries of the dynamic array before DT_NULL */
  volatile unsigned o_npending;  /* lazy dependencies not loaded yet (dl lock to write) */
  const rtld_syminfo *o_syminfo; /* DT_SYMINFO, one entry per symbol (o_nsyms); may be NULL */
  /* The object that first needed this one, or called dlopen for it; may be NULL. Searched for
   * SYMINFO_BT_PARENT bindings. */
  struct rtld_obj *o_parent;
  struct rtld_obj **o_scope; /* breadth-first dependency list of a dlopen handle */
  unsigned o_nscope;
  unsigned o_refcnt; /* dlopen calls that returned this object and are not yet closed */

  /* Binding dependencies: objects outside o_deps this object bound a symbol to (at relocation,
   * lazily, or by dlsym). They keep those objects loaded (rtld/dl.c). Guarded by the reldep
   * lock; may be NULL. */
  struct rtld_obj **o_reldeps;
  unsigned o_nreldeps, o_reldeps_cap;

  unsigned o_is_exe : 1, o_is_rtld : 1, o_global : 1, o_nodelete : 1, o_startup : 1,
      o_relocated : 1, o_fini_done : 1, o_bind_now : 1, o_mark : 1, o_closing : 1, o_tls_live : 1,
      o_is_vdso : 1, o_setuid : 1, o_preload : 1, o_lazy : 1, o_copy_src : 1;

  /* Initialisation (rtld/init.c): RTLD_INIT_* and the thread running the initialisers. */
  volatile int o_init_state;
  int o_init_tid;
  unsigned o_tls_dtors; /* thread_local destructors registered and not yet run */

  /* TLS. o_tls_modid is 0 for an object without PT_TLS. */
  size_t o_tls_modid;
  const void *o_tls_image;
  size_t o_tls_filesz, o_tls_memsz, o_tls_align;
  int o_tls_static;       /* block at tp - o_tls_offset in every thread */
  uintptr_t o_tls_offset; /* valid when o_tls_static */

  /* The dlopen reservation (rtld/tls.c): a TLS block for every thread that existed at dlopen
   * time, taken by atomic fetch-and-add on the thread's first access. */
  char *o_resv;
  size_t o_resv_len;
  size_t o_resv_threads;  /* slots */
  size_t o_resv_blk_size; /* bytes per TLS block slot (0 for static TLS) */
  unsigned long o_resv_blk_next;
  struct rtld_tlsdesc *o_tlsdesc; /* descriptor arguments this object's relocations use */

  struct rtld_obj *o_new_next; /* objects loaded by one dlopen, until it commits */
  /* Local scope for lazy binding: the group of the dlopen that loaded the object; NULL for
   * start-up objects. Replaced (never changed in place) when a member is unloaded. */
  struct rtld_scope *volatile o_lscope;
  uint64_t o_dev, o_ino;
};

#define RTLD_NEED_LAZY 0x80000000u

#define RTLD_INIT_NONE 0
#define RTLD_INIT_RUNNING 1
#define RTLD_INIT_DONE 2

struct rtld_scope {
  unsigned s_n;
  struct rtld_obj *s_v[];
};

struct rtld_tlsdesc {
  tls_index d_ti;
  struct rtld_tlsdesc *d_next;
};

/* ---- threads ------------------------------------------------------------------------------- */

/* The thread control block, at the thread pointer. The first words are fixed by the ABI and the
 * compilers, in words of the class's width: the self pointer at word 0 (x86 local-exec code reads
 * it), the DTV at word 1 and its capacity at word 3 (the __tls_get_addr stubs), the
 * stack-protector canary at word 5 (%fs:0x28, %gs:0x14, [%g7+0x28] / [%g7+0x14]); the rest is
 * rtld's own. */
struct rtld_tcb {
  struct rtld_tcb *t_self; /* word 0 */
  uintptr_t *t_dtv;        /* word 1: dtv[0] = capacity (highest module id), dtv[m] = block */
  struct rtld_tcb *t_self2;
  size_t t_dtv_cap; /* word 3: highest module id t_dtv holds (read by __tls_get_addr) */
  uintptr_t t_reserved0;
  uintptr_t t_canary; /* word 5 */
  uintptr_t t_reserved1[9];

  /* DTV storage (rtld/tls.c). t_dtv lives in the thread's mapping until it outgrows it; then in
   * rtld_alloc'ed memory (t_dtv_own). t_dtv_spare is a larger DTV dlopen reserved for this
   * thread; t_dtv_retired lists the allocated DTVs the thread has left behind (a fast path that a
   * signal interrupted may still read one), freed when the thread ends. */
  uintptr_t *t_dtv_spare;
  uintptr_t *t_dtv_retired;
  int t_dtv_own;
  volatile int t_readers; /* lookups in progress (rtld_read_begin), for dlclose's grace period */
  struct rtld_tls_dtor *t_tls_dtors; /* thread_local destructors, latest first (rtld/exit.c) */
  struct rtld_tsd *t_tsd[32];        /* pthread_setspecific values, 32 keys a block */

  volatile int t_tid; /* cleared and futex-woken by the kernel when the thread ends */
  int t_errno;
  volatile int t_state; /* RTLD_T_* */
  int t_dlerr_set;
  void *(*t_fn)(void *);
  void *t_arg;
  void *t_result;
  void *t_map; /* the thread's one mapping: stack, TLS, TCB, DTV; NULL for the main thread */
  size_t t_map_len;
  struct rtld_tcb *t_next, *t_prev; /* live-thread list */
  char t_dlerr[320];
};

#define RTLD_T_JOINABLE 0
#define RTLD_T_DETACHED 1
#define RTLD_T_EXITED 2

/* ---- global state -------------------------------------------------------------------------- */

#define RTLD_MAX_TLS_MODULES 4096 /* TLS modules loaded at one time; ids are reused */
#define RTLD_DTV_SURPLUS 14       /* spare DTV entries a new thread gets */
/* The largest dlopen reservation rtld attempts (a module's blocks for every live thread): 32 GiB,
 * or 1 GiB in a 32-bit address space. Beyond, dlopen fails without trying the mapping. */
#define RTLD_MAX_RESERVE ((size_t)1 << (sizeof(size_t) == 8 ? 35 : 30))
/* The largest PT_LOAD segment rtld maps: 1 TiB, or 2 GiB in a 32-bit address space. */
#define RTLD_MAX_SEGMENT ((uintptr_t)1 << (sizeof(uintptr_t) == 8 ? 40 : 31))

#define RTLD_DBG_FILES 1u
#define RTLD_DBG_BINDINGS 2u
#define RTLD_DBG_TLS 4u
#define RTLD_DBG_RELOC 8u

struct rtld_state {
  struct rtld_obj *g_head, *g_tail; /* committed objects in load order */
  struct rtld_obj *g_exe, *g_self;
  const char *g_progname;
  char **g_argv, **g_envp;
  int g_argc;
  int g_secure, g_bind_now;
  unsigned g_debug;
  const char *g_library_path; /* LD_LIBRARY_PATH, NULL in secure mode */
  const char *g_default_path; /* ld.so.1's directory, then RTLD_DEFAULT_LIBDIR */
  uintptr_t g_vdso;           /* AT_SYSINFO_EHDR, 0 without a vDSO */
  const char *g_execfn;       /* AT_EXECFN; may be NULL */
  unsigned long long g_adds, g_subs;
  struct rtld_obj *g_pending; /* objects of the load in progress (rtld/group.c), not committed */
  int g_nodirect;             /* LD_NODIRECT: Syminfo names no lookup target (rtld/lookup.c) */
  int g_nolazy;               /* LD_NOLAZYLOAD (or a listing): every dependency at once */
  int g_booting;              /* stage 3 until the initialisers: lazy loads leave them to it */
  int g_interpose;            /* an object is searched ahead of direct bindings */
  /* The program's copy relocations, resolved before anything is relocated, so a direct binding
   * to a definition that was copied reaches the copy (rtld/lookup.c). */
  struct rtld_copy *g_copies;
  size_t g_ncopies;

  /* static TLS (rtld/tls.c) */
  size_t g_tls_static_used;  /* bytes below the thread pointer taken by modules */
  size_t g_tls_static_total; /* used at start-up + the backup reservation */
  size_t g_tls_align;        /* alignment of the thread pointer */
  size_t g_tls_next_modid;   /* one past the highest module id in use */
  size_t g_tls_reserve;
  uintptr_t g_canary;

  /* objects in the order their initialisers ran; finalisers run in reverse */
  struct rtld_obj **g_init_order;
  size_t g_init_count, g_init_cap;

  struct rtld_tcb *g_threads; /* live threads, a circular list through t_next/t_prev */
  size_t g_nthreads;
};

extern struct rtld_state rtld_g;
extern struct rtld_obj *rtld_tls_mods[RTLD_MAX_TLS_MODULES];

/* ---- util.c: strings, output, allocation, locks -------------------------------------------- */

size_t rtld_strlen(const char *s);
int rtld_strcmp(const char *a, const char *b);
int rtld_strncmp(const char *a, const char *b, size_t n);
char *rtld_strdup(const char *s);
char *rtld_strndup(const char *s, size_t n);
const char *rtld_strchr(const char *s, int c);
int rtld_vfmt(char *buf, size_t n, const char *fmt, va_list ap);
int rtld_fmt(char *buf, size_t n, const char *fmt, ...);
void rtld_printf(int fd, const char *fmt, ...);
void rtld_debug(unsigned cat, const char *fmt, ...);
RTLD_NORETURN void rtld_fatal(const char *fmt, ...);
void *rtld_alloc(size_t n); /* zeroed; NULL on failure */
void rtld_free(void *p);
void *rtld_realloc_array(void *p, size_t old_n, size_t new_n, size_t elem);
void *rtld_mmap(size_t len); /* anonymous read-write; NULL on failure */
void rtld_munmap(void *p, size_t len);
long rtld_futex_wait(volatile int *addr, int val);
long rtld_futex_wake(volatile int *addr, int n);
long rtld_futex_wait_shared(volatile int *addr, int val);
void rtld_lock(volatile int *l);
void rtld_unlock(volatile int *l);
void rtld_block_signals(uint64_t *old);
void rtld_restore_signals(const uint64_t *old);
const char *rtld_getenv(const char *name);
static inline uintptr_t rtld_align_up(uintptr_t v, uintptr_t a) { return (v + a - 1) & ~(a - 1); }
/* mmap with a byte offset, whether the target's call takes bytes or (mmap2) 4096-byte units. */
static inline long rtld_sys_mmap(uintptr_t addr, size_t len, int prot, int flags, int fd,
                                 uint64_t off) {
  return rtld_sys6(RTLD_SYS_mmap, (long)addr, (long)len, prot, flags, fd,
                   (long)(off >> RTLD_MMAP_SHIFT));
}
/* Identity, size and mode of an open file (statx, whose layout is the same on every target). */
int rtld_fstat(int fd, uint64_t *dev, uint64_t *ino, uint64_t *size, unsigned *mode);

/* The thread-creation lock (DESIGN.md §8): pthread_create and thread exit take it shared, dlopen
 * exclusive, so the set of live threads cannot change while dlopen reserves TLS for them. */
void rtld_ptc_shared(void);
void rtld_ptc_shared_end(void);
void rtld_ptc_exclusive(void);
void rtld_ptc_exclusive_end(void);

/* The dl lock serialises dlopen, dlclose and whatever changes the object list; it is recursive
 * so a finaliser may call dlopen or dlclose. Initialisers run without it, and symbol lookups
 * (lazy binding, dlsym, dladdr) never take it: they run as readers (rtld_read_begin/end), and
 * dlclose waits until every thread has left the reader section it was in when the objects were
 * unlinked before it unmaps them. */
void rtld_dl_lock(void);
void rtld_dl_unlock(void);
int rtld_dl_lock_held(void);
void rtld_read_begin(void);
void rtld_read_end(void);
void rtld_wait_readers(void);
/* The reldep lock guards o_reldeps and o_closing; it is taken with signals blocked. */
void rtld_reldep_lock(uint64_t *mask);
void rtld_reldep_unlock(const uint64_t *mask);

/* ---- load.c -------------------------------------------------------------------------------- */

int rtld_parse_dynamic(struct rtld_obj *o, const char **why);
int rtld_in_segment(const struct rtld_obj *o, uintptr_t p, uint64_t n, unsigned flags);
int rtld_in_segment_strict(const struct rtld_obj *o, uintptr_t p, unsigned flags);
struct rtld_obj *rtld_find_loaded(const char *name);
/* Opens and maps `name` needed by `requester` (may be NULL). On failure returns NULL with a
 * message in err. The object is not on the committed list. */
struct rtld_obj *rtld_load(const char *name, struct rtld_obj *requester, char *err, size_t errlen);
struct rtld_obj *rtld_map_program(const char *path, uintptr_t *entry, char *err, size_t errlen);
void rtld_unmap(struct rtld_obj *o);
void rtld_set_relro(struct rtld_obj *o, const rtld_phdr *relro); /* o_phdr, o_phnum, l_addr set */
char *rtld_origin_of(const char *path); /* rtld_alloc'ed; NULL when out of memory */
const char *rtld_origin(struct rtld_obj *o);
void rtld_commit(struct rtld_obj *o);
void rtld_uncommit(struct rtld_obj *o);
struct rtld_obj *rtld_obj_of_addr(uintptr_t addr);
const char *rtld_obj_name(const struct rtld_obj *o); /* the program's name for the program */

/* ---- lookup.c ------------------------------------------------------------------------------ */

struct rtld_def {
  const rtld_sym *d_sym;
  struct rtld_obj *d_obj;
  unsigned d_how; /* RTLD_HOW_*: how the definition was found (for LD_DEBUG=bindings) */
};
#define RTLD_HOW_SCOPE 0      /* the scope search */
#define RTLD_HOW_DIRECT 1     /* the object the reference's Syminfo names */
#define RTLD_HOW_INTERPOSER 2 /* an interposer, ahead of a direct binding */
#define RTLD_HOW_COPY 3       /* the program's copy of a copy-relocated definition */
extern const char *const rtld_how_names[4];

/* A lazily loaded dependency a lookup waits for: o_deps[n_dep] of n_obj. */
struct rtld_need {
  struct rtld_obj *n_obj;
  unsigned n_dep;
  const char *n_sym; /* the symbol that needs it (for messages) */
};

struct rtld_copy {
  uint32_t c_idx;         /* the program's symbol */
  struct rtld_obj *c_src; /* where its contents come from */
  const rtld_sym *c_src_sym;
};

#define RTLD_RES_COPY 1u    /* a COPY relocation: the program's own definition does not count */
#define RTLD_RESOLVE_LOAD 2 /* rtld_resolve: load need's dependency, then ask again */
uint32_t rtld_gnu_hash(const char *s);
uint32_t rtld_sysv_hash(const char *s);
/* The symbol itself in one object, matching version `ver` (NULL: the default version). */
const rtld_sym *rtld_lookup_in(struct rtld_obj *o, const char *name, uint32_t gh, uint32_t sh,
                               const char *ver);
/* Resolves symbol `symidx` of `o`: through its Syminfo entry when that names a target (direct
 * binding; interposers first), else in o's scope (global objects, then `local`). Returns 1 with
 * *out set (out->d_sym NULL for an unresolved weak reference), 0 when the symbol is not found,
 * or RTLD_RESOLVE_LOAD with *need set when a lazily loaded dependency must be loaded first (the
 * one the Syminfo entry names, or, when the search failed, the first one pending in the scope);
 * the caller loads it (rtld_lazy_load, outside any reader section) and calls again. */
int rtld_resolve(struct rtld_obj *o, uint32_t symidx, struct rtld_obj **local, unsigned nlocal,
                 unsigned flags, struct rtld_def *out, struct rtld_need *need);
/* The program's copy relocations: their sources, found before anything is relocated (stage 3).
 * Returns 0, RTLD_RESOLVE_LOAD with *need, or -1 with err set. */
int rtld_find_copies(struct rtld_obj *exe, struct rtld_need *need, char *err, size_t errlen);
int rtld_lookup_list(struct rtld_obj **list, unsigned n, const char *name, const char *ver,
                     struct rtld_def *out);
int rtld_lookup_global(const char *name, const char *ver, struct rtld_obj *after,
                       struct rtld_def *out);
/* Records that `o` bound a symbol to `def`, so def stays loaded while o is. Returns 0, 1 when def
 * is being unloaded (look up again), -1 when out of memory. */
int rtld_add_reldep(struct rtld_obj *o, struct rtld_obj *def);

/* ---- group.c: loading a group of objects as one transaction ------------------------------- */

/* Objects are loaded in a transaction (dl lock held): the first rtld_txn_begin takes the
 * thread-creation lock exclusively and notes the TLS counters; everything loaded meanwhile sits
 * on g_pending; the last rtld_txn_end commits all of it (or, on failure, unmaps all of it and
 * restores the counters). A lazy load that a relocation needs during a dlopen or another lazy
 * load joins the transaction in progress. */
int rtld_txn_begin(void);
int rtld_txn_mine(void); /* does the calling thread hold the open transaction? */
/* Records that o_deps[k] of `o` is `dep`, stored at the commit; until then rtld_dep() shows it
 * to the transaction's own thread. Returns 0, -1 when out of memory. */
int rtld_txn_link(struct rtld_obj *o, unsigned k, struct rtld_obj *dep);
struct rtld_obj *rtld_txn_dep(const struct rtld_obj *o, unsigned k);
/* A definition in what this transaction loaded lazily (its own thread only). */
int rtld_txn_lookup(const char *name, const char *ver, uint32_t gh, uint32_t sh,
                    struct rtld_def *out);
/* Closes one level; the outermost commits when ok, else undoes. Returns the objects committed
 * (rtld_alloc'ed, for the caller to initialise and free; NULL when none) and their count. */
struct rtld_obj **rtld_txn_end(int ok, size_t *n);
/* Transaction open: adds `root` (just mapped) and, breadth-first, the dependencies it and they
 * need now (lazily loaded ones stay pending) to g_pending; assigns and reserves their TLS; gives
 * each the local scope of `requester` (may be NULL) plus root's group; relocates them. Returns
 * 0, or -1 with a message in err. */
int rtld_load_group(struct rtld_obj *root, struct rtld_obj *requester, int mode, char *err,
                    size_t errlen);
int rtld_is_known(const struct rtld_obj *o); /* committed and not being unloaded, or pending */
int rtld_build_scope(struct rtld_obj *o);
struct rtld_scope *rtld_scope_copy(struct rtld_obj **v, unsigned n, struct rtld_obj **more,
                                   unsigned nmore);

/* ---- lazy.c: dependencies, lazy loading ---------------------------------------------------- */

/* Makes o_deps, o_need_dyn and o_dyn_dep. Returns 0, -1 when out of memory. */
int rtld_deps_init(struct rtld_obj *o);
static inline int rtld_dep_lazy(const struct rtld_obj *o, unsigned k) {
  return (o->o_need_dyn[k] & RTLD_NEED_LAZY) != 0;
}
const char *rtld_dep_name(const struct rtld_obj *o, unsigned k);
/* o_deps[k], or what the calling thread's transaction loaded for it; NULL while pending. */
struct rtld_obj *rtld_dep(const struct rtld_obj *o, unsigned k);
/* The first lazily loaded dependency not yet loaded, breadth-first over the global objects (when
 * `global`) and then `local`. Returns 1 with *need set, or 0. */
int rtld_find_pending(int global, struct rtld_obj **local, unsigned nlocal, struct rtld_need *need);
/* Loads o's lazily loaded dependency k, which `sym` needs, as a dlopen would (the caller must
 * not be in a reader section). Runs the initialisers of what it loaded unless a transaction or
 * start-up is in progress. Returns the object, or NULL with a message naming the dependency,
 * the object that needs it and the symbol in err. */
struct rtld_obj *rtld_lazy_load(struct rtld_obj *o, unsigned k, const char *sym, char *err,
                                size_t errlen);
/* Waits for (or runs) the initialisers of an object a binding reached that was loaded lazily by
 * another thread and may still be initialising. */
void rtld_lazy_wait_init(struct rtld_obj *o);

/* ---- reloc.c ------------------------------------------------------------------------------- */

/* Applies every relocation of o. `local` is the dlopen group (may be NULL). Returns 0, or -1 with
 * a message in err. */
int rtld_relocate(struct rtld_obj *o, struct rtld_obj **local, unsigned nlocal, char *err,
                  size_t errlen);
uintptr_t rtld_lazy_fixup(struct rtld_obj *o, size_t index);
int rtld_check_relocs(const struct rtld_obj *o, char *err, size_t errlen);
void rtld_bind_entry(void); /* bind.S */

/* ---- tls.c --------------------------------------------------------------------------------- */

void rtld_tls_startup_layout(void);
struct rtld_tcb *rtld_tls_init_main(void);
void rtld_tls_copy_main_images(void);
size_t rtld_tls_thread_size(void);
struct rtld_tcb *rtld_tls_setup_thread(char *area, int copy_images);
int rtld_tls_dlopen_assign(struct rtld_obj *o, char *err, size_t errlen);
int rtld_tls_reserve(struct rtld_obj *o, char *err, size_t errlen);
int rtld_tls_reserve_dtvs(char *err, size_t errlen);
void rtld_tls_release(struct rtld_obj *o);
void rtld_tls_release_dtvs(void);
void rtld_tls_commit(struct rtld_obj *o);
void rtld_tls_commit_dtvs(void);
void rtld_tls_unload(struct rtld_obj *o);
void rtld_tls_thread_exit(struct rtld_tcb *t);
void *rtld_tls_addr(size_t modid, size_t off);
void *rtld_tls_peek(size_t modid);
uintptr_t rtld_tls_get_slow(const tls_index *ti);
void *rtld_tlsdesc_arg(struct rtld_obj *user, size_t modid, size_t off);

/* ---- init.c -------------------------------------------------------------------------------- */

/* Runs the initialisers of root and everything it needs that have not run, without the dl lock
 * (the caller must not hold it); waits for objects another thread is initialising. */
void rtld_run_inits(struct rtld_obj *root);
/* Start-up: the program's DT_PREINIT_ARRAY, the LD_PRELOAD objects' initialisers, the program's
 * and everything it needs, then whatever else start-up loaded (lazily, for a relocation). */
void rtld_run_startup_inits(struct rtld_obj *exe);
/* dl lock held: the finalisers of the objects being unloaded, in reverse initialisation order. */
void rtld_run_finis(void);
void rtld_run_all_finis(void);
/* dl lock held: the atexit and __cxa_atexit handlers registered by the objects in objs, latest
 * first; they are removed from the list. */
void rtld_run_atexit_handlers(struct rtld_obj **objs, size_t n);
/* exit.c: the calling thread's thread_local destructors and every atexit handler (exit()), and
 * a thread's destructors when it ends. */
void rtld_run_exit_handlers(void);
void rtld_run_thread_dtors(struct rtld_tcb *t);
/* sync.c: the thread's pthread_setspecific destructors, then its blocks freed. */
void rtld_run_tsd_dtors(struct rtld_tcb *t);
/* Unloads what no longer is reachable (a thread's last thread_local destructor of an object that
 * was closed meanwhile). */
void rtld_unload_unreachable(void);

/* ---- thread.c / dl.c ----------------------------------------------------------------------- */

void rtld_threads_init(struct rtld_tcb *main_tcb);
void rtld_set_dlerror(const char *fmt, ...);
struct rtld_tcb *rtld_self(void);

/* start.S. rtld_clone starts a thread on `stack` (its 16-byte aligned top; the target makes room
 * for whatever frame its ABI wants there) with the kernel's tls argument `tls`
 * (rtld_arch_clone_tls) and calls rtld_thread_main(t) in it. */
long rtld_clone(unsigned long flags, void *stack, int *ptid, int *ctid, void *tls,
                struct rtld_tcb *t);
RTLD_NORETURN void rtld_unmap_and_exit(void *map, size_t len);
void rtld_thread_main(struct rtld_tcb *t);

/* vdso.c */
void rtld_vdso_setup(void);
extern long (*rtld_vdso_clock_gettime)(long, void *);
extern long (*rtld_vdso_gettimeofday)(void *, void *);

/* The default library directory: PREFIX/lib/tld/<target>, PREFIX from the build. */
#ifndef RTLD_PREFIX
#define RTLD_PREFIX "/usr/local"
#endif
#define RTLD_DEFAULT_LIBDIR RTLD_PREFIX "/lib/tld/" RTLD_ARCH_LIBDIR

/* stage 3 (boot.c) */
uintptr_t rtld_stage3(uintptr_t *sp, uintptr_t base, rtld_dyn *dyn);

#endif
