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
static inline uintptr_t rtld_rel_addend(const rtld_rela *r, const uintptr_t *where, int word) {
  (void)where, (void)word;
  return (uintptr_t)r->r_addend;
}
#else
typedef struct {
  uintptr_t r_offset, r_info;
} rtld_rela;
#define RTLD_DT_RELOC DT_REL
#define RTLD_DT_RELOCSZ DT_RELSZ
/* REL: the addend is the place's word `word` (TLS descriptors keep it in their second word). */
static inline uintptr_t rtld_rel_addend(const rtld_rela *r, const uintptr_t *where, int word) {
  (void)r;
  return where[word];
}
#endif

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
  const uint32_t *o_hash;     /* SysV; may be NULL */
  const uint32_t *o_gnu_hash; /* may be NULL */
  const uint16_t *o_versym;   /* may be NULL */
  const char **o_vernames;    /* version index -> name; may be NULL */
  unsigned o_nvernames;
  unsigned o_nsyms;

  const rtld_rela *o_rela;
  size_t o_relasz;
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

  struct rtld_obj **o_deps; /* DT_NEEDED, in order; may be NULL when o_ndeps is 0 */
  unsigned o_ndeps;
  struct rtld_obj **o_scope; /* breadth-first dependency list of a dlopen handle */
  unsigned o_nscope;
  unsigned o_refcnt; /* dlopen handles whose scope includes this object */

  unsigned o_is_exe : 1, o_is_rtld : 1, o_global : 1, o_nodelete : 1, o_startup : 1,
      o_relocated : 1, o_init_started : 1, o_fini_done : 1, o_bind_now : 1, o_mark : 1;

  /* TLS. o_tls_modid is 0 for an object without PT_TLS. */
  size_t o_tls_modid;
  const void *o_tls_image;
  size_t o_tls_filesz, o_tls_memsz, o_tls_align;
  int o_tls_static;       /* block at tp - o_tls_offset in every thread */
  uintptr_t o_tls_offset; /* valid when o_tls_static */

  /* The dlopen reservation (rtld/tls.c): room for every thread that existed at dlopen time. */
  char *o_resv;
  size_t o_resv_len;
  size_t o_resv_threads;  /* slots of each kind */
  size_t o_resv_dtv_cap;  /* module capacity of each DTV in the reservation */
  size_t o_resv_blk_size; /* bytes per TLS block slot (0 for static TLS) */
  unsigned long o_resv_dtv_next, o_resv_blk_next; /* taken by atomic fetch-and-add */

  struct rtld_obj *o_new_next; /* objects loaded by one dlopen, until it commits */
  struct rtld_obj **o_lscope; /* local scope for lazy binding (the loading handle's); may be NULL */
  unsigned o_nlscope;
  uint64_t o_dev, o_ino;
};

/* ---- threads ------------------------------------------------------------------------------- */

/* The thread control block, at the thread pointer. The first words are fixed by the ABI and the
 * compilers, in words of the class's width: the self pointer at word 0 (x86 local-exec code reads
 * it), the DTV at word 1 (the __tls_get_addr stubs), the stack-protector canary at word 5
 * (%fs:0x28, %gs:0x14, [%g7+0x28] / [%g7+0x14]); the rest is rtld's own. */
struct rtld_tcb {
  struct rtld_tcb *t_self; /* word 0 */
  uintptr_t *t_dtv;        /* word 1: dtv[0] = capacity (highest module id), dtv[m] = block */
  struct rtld_tcb *t_self2;
  uintptr_t t_reserved0[2];
  uintptr_t t_canary; /* word 5 */
  uintptr_t t_reserved1[9];

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

_Static_assert(__builtin_offsetof(struct rtld_tcb, t_dtv) == RTLD_TCB_DTV, "DTV word");
_Static_assert(__builtin_offsetof(struct rtld_tcb, t_canary) == RTLD_TCB_CANARY, "canary word");

#define RTLD_T_JOINABLE 0
#define RTLD_T_DETACHED 1
#define RTLD_T_EXITED 2

/* ---- global state -------------------------------------------------------------------------- */

#define RTLD_MAX_TLS_MODULES 4096 /* module ids are never reused */
/* The largest dlopen reservation rtld attempts: 1 TiB, or 1 GiB in a 32-bit address space. */
#define RTLD_MAX_RESERVE ((size_t)1 << (sizeof(size_t) == 8 ? 40 : 30))
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
  const char *g_default_dir;  /* the directory ld.so.1 lives in */
  unsigned long long g_adds, g_subs;
  struct rtld_obj *g_pending; /* objects of the dlopen in progress, not yet committed */

  /* static TLS (rtld/tls.c) */
  size_t g_tls_static_used;  /* bytes below the thread pointer taken by modules */
  size_t g_tls_static_total; /* used at start-up + the backup reservation */
  size_t g_tls_align;        /* alignment of the thread pointer */
  size_t g_tls_next_modid;
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
/* Identity and size of an open file (statx, whose layout is the same on every target). */
int rtld_fstat(int fd, uint64_t *dev, uint64_t *ino, uint64_t *size);

/* The thread-creation lock (DESIGN.md §8): pthread_create and thread exit take it shared, dlopen
 * exclusive, so the set of live threads cannot change while dlopen reserves TLS for them. */
void rtld_ptc_shared(void);
void rtld_ptc_shared_end(void);
void rtld_ptc_exclusive(void);
void rtld_ptc_exclusive_end(void);

/* The dl lock serialises dlopen/dlclose/lazy lookups of the object list; it is recursive so an
 * initialiser may call dlopen. */
void rtld_dl_lock(void);
void rtld_dl_unlock(void);

/* ---- load.c -------------------------------------------------------------------------------- */

void rtld_parse_dynamic(struct rtld_obj *o);
struct rtld_obj *rtld_find_loaded(const char *name);
/* Opens and maps `name` needed by `requester` (may be NULL). On failure returns NULL with a
 * message in err. The object is not on the committed list. */
struct rtld_obj *rtld_load(const char *name, struct rtld_obj *requester, char *err, size_t errlen);
void rtld_unmap(struct rtld_obj *o);
void rtld_commit(struct rtld_obj *o);
void rtld_uncommit(struct rtld_obj *o);
struct rtld_obj *rtld_obj_of_addr(uintptr_t addr);

/* ---- lookup.c ------------------------------------------------------------------------------ */

struct rtld_def {
  const rtld_sym *d_sym;
  struct rtld_obj *d_obj;
};
uint32_t rtld_gnu_hash(const char *s);
uint32_t rtld_sysv_hash(const char *s);
/* The symbol itself in one object, matching version `ver` (NULL: the default version). */
const rtld_sym *rtld_lookup_in(struct rtld_obj *o, const char *name, uint32_t gh, uint32_t sh,
                               const char *ver);
/* Resolves symbol `symidx` of `o` in o's scope (global objects, then `local`). */
int rtld_resolve(struct rtld_obj *o, uint32_t symidx, struct rtld_obj **local, unsigned nlocal,
                 int skip_exe, struct rtld_def *out);
int rtld_lookup_list(struct rtld_obj **list, unsigned n, const char *name, struct rtld_def *out);
int rtld_lookup_global(const char *name, struct rtld_obj *after, struct rtld_def *out);

/* ---- reloc.c ------------------------------------------------------------------------------- */

/* Applies every relocation of o. `local` is the dlopen group (may be NULL). Returns 0, or -1 with
 * a message in err. */
int rtld_relocate(struct rtld_obj *o, struct rtld_obj **local, unsigned nlocal, char *err,
                  size_t errlen);
uintptr_t rtld_lazy_fixup(struct rtld_obj *o, size_t index);
void rtld_bind_entry(void); /* bind.S */

/* ---- tls.c --------------------------------------------------------------------------------- */

void rtld_tls_startup_layout(void);
struct rtld_tcb *rtld_tls_init_main(void);
void rtld_tls_copy_main_images(void);
size_t rtld_tls_thread_size(void);
struct rtld_tcb *rtld_tls_setup_thread(char *area, int copy_images);
int rtld_tls_dlopen_assign(struct rtld_obj *o, char *err, size_t errlen);
int rtld_tls_reserve(struct rtld_obj *o, char *err, size_t errlen);
void rtld_tls_release(struct rtld_obj *o);
void rtld_tls_commit(struct rtld_obj *o);
void *rtld_tls_addr(size_t modid, size_t off);
void *rtld_tls_peek(size_t modid);
uintptr_t rtld_tls_get_slow(const tls_index *ti);
void *rtld_tlsdesc_arg(size_t modid, size_t off);

/* ---- init.c -------------------------------------------------------------------------------- */

void rtld_run_inits(struct rtld_obj *root);
void rtld_run_finis(struct rtld_obj **objs, size_t n);
void rtld_run_all_finis(void);

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

/* stage 3 (boot.c) */
uintptr_t rtld_stage3(uintptr_t *sp, uintptr_t base, rtld_dyn *dyn);

#endif
