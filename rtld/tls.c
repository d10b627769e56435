/* Thread-local storage (DESIGN.md §8): the static layout at start-up, the backup reservation for
 * objects with static TLS loaded later, the per-dlopen reservation for dynamic TLS, and the
 * __tls_get_addr slow path.
 *
 * Layout (variant II). The thread pointer tp is the TCB's address, aligned to g_tls_align (the
 * largest start-up TLS alignment, at least 64). Module m with static TLS has its block at
 * tp - o_tls_offset; start-up modules take offsets by the Solaris formula (module 1 at
 * round(size_1, align_1), module k+1 at round(offset_k + size_k+1, align_k+1)), and the backup
 * reservation (LD_TLS_STATIC_RESERVE, default 2048 bytes) lies below them, so the whole static
 * area is [tp - g_tls_static_total, tp). The DTV follows the TCB: dtv[0] is its capacity (the
 * highest module id it can hold), dtv[m] the address of module m's block or 0.
 *
 * Locking. Module ids are handed out and rtld_tls_mods[] is written only under the
 * thread-creation lock held exclusively (dlopen, dlclose); thread creation reads them under the
 * shared lock. The slow path reads rtld_tls_mods[m] for a module whose dlopen has returned, so the
 * entry is stable. Module ids are never reused, and a reservation is never unmapped once its
 * module committed: a DTV taken from it may still be in use by a thread. */
#include "rtld_int.h"

struct rtld_obj *rtld_tls_mods[RTLD_MAX_TLS_MODULES];

static void copy_image(char *dst, const struct rtld_obj *o) {
  const char *src = o->o_tls_image;
  for (size_t i = 0; i < o->o_tls_filesz; i++) dst[i] = src[i];
  for (size_t i = o->o_tls_filesz; i < o->o_tls_memsz; i++) dst[i] = 0;
}

void rtld_tls_startup_layout(void) {
  size_t used = 0, align = 64, id = 1;
  for (struct rtld_obj *o = rtld_g.g_head; o; o = o->l_next) {
    if (!o->o_tls_memsz) continue;
    if (id >= RTLD_MAX_TLS_MODULES) rtld_fatal("%s: too many TLS modules", o->l_name);
    size_t a = o->o_tls_align;
    used = rtld_align_up(used + o->o_tls_memsz, a);
    o->o_tls_modid = id;
    o->o_tls_static = 1;
    o->o_tls_offset = used;
    rtld_tls_mods[id++] = o;
    if (a > align) align = a;
    rtld_debug(RTLD_DBG_TLS, "static TLS: [%lu] %s: size 0x%lx align 0x%lx offset tp-0x%lx", id - 1,
               o->o_is_exe ? rtld_g.g_progname : o->l_name, o->o_tls_memsz, a, used);
  }
  rtld_g.g_tls_static_used = used;
  rtld_g.g_tls_static_total = rtld_align_up(used + rtld_g.g_tls_reserve, 16);
  rtld_g.g_tls_align = align;
  rtld_g.g_tls_next_modid = id;
  rtld_debug(RTLD_DBG_TLS,
             "static TLS block: used 0x%lx, backup reservation 0x%lx, tp alignment 0x%lx", used,
             rtld_g.g_tls_static_total - used, align);
}

/* Bytes a thread needs for static TLS, TCB, DTV and every dynamic module's block. */
size_t rtld_tls_thread_size(void) {
  size_t cap = rtld_g.g_tls_next_modid - 1;
  size_t n = rtld_g.g_tls_static_total + rtld_g.g_tls_align + sizeof(struct rtld_tcb) + 16 +
             (cap + 1) * sizeof(uintptr_t);
  for (size_t m = 1; m <= cap; m++) {
    struct rtld_obj *o = rtld_tls_mods[m];
    if (o && !o->o_tls_static) n += o->o_tls_memsz + o->o_tls_align;
  }
  return n;
}

/* Lays out one thread in the zeroed area of rtld_tls_thread_size() bytes at `area`. */
struct rtld_tcb *rtld_tls_setup_thread(char *area, int copy_images) {
  uintptr_t tp = rtld_align_up((uintptr_t)area + rtld_g.g_tls_static_total, rtld_g.g_tls_align);
  struct rtld_tcb *t = (struct rtld_tcb *)tp;
  t->t_self = t;
  t->t_self2 = t;
  t->t_canary = rtld_g.g_canary;
  size_t cap = rtld_g.g_tls_next_modid - 1;
  uintptr_t *dtv = (uintptr_t *)rtld_align_up(tp + sizeof *t, 16);
  dtv[0] = cap;
  uintptr_t p = (uintptr_t)(dtv + cap + 1);
  for (size_t m = 1; m <= cap; m++) {
    struct rtld_obj *o = rtld_tls_mods[m];
    if (!o) continue;
    uintptr_t blk;
    if (o->o_tls_static) {
      blk = tp - o->o_tls_offset;
    } else {
      p = rtld_align_up(p, o->o_tls_align);
      blk = p;
      p += o->o_tls_memsz;
    }
    if (copy_images) copy_image((char *)blk, o);
    dtv[m] = blk;
  }
  t->t_dtv = dtv;
  return t;
}

struct rtld_tcb *rtld_tls_init_main(void) {
  size_t len = rtld_tls_thread_size();
  char *area = rtld_mmap(len);
  if (!area) rtld_fatal("cannot allocate the initial thread's TLS (%lu bytes)", len);
  return rtld_tls_setup_thread(area, 0);
}

/* After relocation: TLS images may hold relocated pointers. */
void rtld_tls_copy_main_images(void) {
  struct rtld_tcb *t = rtld_arch_tp();
  for (size_t m = 1; m < rtld_g.g_tls_next_modid; m++) {
    struct rtld_obj *o = rtld_tls_mods[m];
    if (o) copy_image((char *)t->t_dtv[m], o);
  }
}

/* dlopen, thread-creation lock held exclusively: a module id, and a static offset from the
 * backup reservation when the object needs static TLS. The caller restores g_tls_next_modid and
 * g_tls_static_used if the dlopen fails. */
int rtld_tls_dlopen_assign(struct rtld_obj *o, char *err, size_t errlen) {
  if (rtld_g.g_tls_next_modid >= RTLD_MAX_TLS_MODULES) {
    rtld_fmt(err, errlen, "%s: too many TLS modules (%d)", o->l_name, RTLD_MAX_TLS_MODULES);
    return -1;
  }
  o->o_tls_modid = rtld_g.g_tls_next_modid++;
  if (o->o_dt_flags & DF_STATIC_TLS) {
    size_t used = rtld_g.g_tls_static_used, total = rtld_g.g_tls_static_total;
    size_t off = rtld_align_up(used + o->o_tls_memsz, o->o_tls_align);
    if (o->o_tls_align > rtld_g.g_tls_align) {
      rtld_fmt(err, errlen,
               "%s: static TLS failure: alignment 0x%lx exceeds the thread pointer's 0x%lx",
               o->l_name, o->o_tls_align, rtld_g.g_tls_align);
      return -1;
    }
    if (off > total) {
      rtld_fmt(err, errlen,
               "%s: static TLS failure: the backup reservation is exhausted: %lu bytes needed, "
               "%lu bytes left (LD_TLS_STATIC_RESERVE)",
               o->l_name, off - used, total - used);
      return -1;
    }
    o->o_tls_static = 1;
    o->o_tls_offset = off;
    rtld_g.g_tls_static_used = off;
    o->o_nodelete = 1;
    rtld_debug(RTLD_DBG_TLS,
               "static TLS reservation: [%lu] %s: size 0x%lx offset tp-0x%lx, 0x%lx left",
               o->o_tls_modid, o->l_name, o->o_tls_memsz, off, total - off);
  } else {
    rtld_debug(RTLD_DBG_TLS, "dynamic TLS: [%lu] %s: size 0x%lx align 0x%lx", o->o_tls_modid,
               o->l_name, o->o_tls_memsz, o->o_tls_align);
  }
  return 0;
}

/* dlopen, after every new module has an id: room for each live thread's DTV (large enough for
 * every module id handed out so far) and, for dynamic TLS, its copy of the block. */
int rtld_tls_reserve(struct rtld_obj *o, char *err, size_t errlen) {
  size_t n = rtld_g.g_nthreads, cap = rtld_g.g_tls_next_modid - 1;
  size_t dtv_bytes = (cap + 1) * sizeof(uintptr_t);
  size_t blk = o->o_tls_static ? 0 : rtld_align_up(o->o_tls_memsz, o->o_tls_align);
  /* In 64 bits, so that a request too large for a 32-bit address space is reported, not wrapped. */
  uint64_t need = (uint64_t)n * dtv_bytes;
  if (blk)
    need = ((need + o->o_tls_align - 1) & ~(uint64_t)(o->o_tls_align - 1)) + o->o_tls_align +
           (uint64_t)n * blk;
  size_t len = (size_t)need;
  char *r = need > RTLD_MAX_RESERVE ? NULL : rtld_mmap(len);
  if (!r) {
    rtld_fmt(err, errlen, "%s: cannot reserve TLS for %lu threads (%llu bytes)", o->l_name, n,
             (unsigned long long)need);
    return -1;
  }
  o->o_resv = r;
  o->o_resv_len = len;
  o->o_resv_threads = n;
  o->o_resv_dtv_cap = cap;
  o->o_resv_blk_size = blk;
  o->o_resv_dtv_next = 0;
  o->o_resv_blk_next = 0;
  rtld_debug(RTLD_DBG_TLS, "reserved 0x%lx bytes for [%lu] %s in %lu live threads", len,
             o->o_tls_modid, o->l_name, n);
  return 0;
}

void rtld_tls_release(struct rtld_obj *o) {
  if (o->o_resv) rtld_munmap(o->o_resv, o->o_resv_len);
  o->o_resv = NULL;
  if (o->o_tls_modid && rtld_tls_mods[o->o_tls_modid] == o) rtld_tls_mods[o->o_tls_modid] = NULL;
}

/* dlopen commit, thread-creation lock held exclusively, after relocation: publish the module and
 * give every live thread its static block's initial image. */
void rtld_tls_commit(struct rtld_obj *o) {
  if (o->o_tls_static && rtld_g.g_threads) {
    struct rtld_tcb *t = rtld_g.g_threads;
    do {
      copy_image((char *)t - o->o_tls_offset, o);
      t = t->t_next;
    } while (t != rtld_g.g_threads);
  }
  __atomic_store_n(&rtld_tls_mods[o->o_tls_modid], o, __ATOMIC_RELEASE);
}

static void *resv_take(struct rtld_obj *o, unsigned long *next, int dtv) {
  unsigned long i = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED);
  if (i >= o->o_resv_threads)
    rtld_fatal("%s: TLS reservation overrun (thread %lu of %lu)", o->l_name, i, o->o_resv_threads);
  size_t dtv_bytes = (o->o_resv_dtv_cap + 1) * sizeof(uintptr_t);
  if (dtv) return o->o_resv + i * dtv_bytes;
  uintptr_t b = rtld_align_up((uintptr_t)o->o_resv + o->o_resv_threads * dtv_bytes, o->o_tls_align);
  return (void *)(b + i * o->o_resv_blk_size);
}

/* The slow path of __tls_get_addr, entered through rtld_tls_slow_stub (start.S) with every
 * register saved. Contract: async-signal-safe, never allocates, never fails: the DTV and the block
 * come from the module's dlopen reservation, which holds one of each for every thread that was
 * live at dlopen time (threads created later never get here). Signals are blocked while this
 * thread's DTV changes, so a handler that interrupts us and enters here itself sees either the old
 * or the new state, never a half-built one. */
uintptr_t rtld_tls_get_slow(const tls_index *ti) {
  uint64_t mask;
  rtld_block_signals(&mask);
  struct rtld_tcb *t = rtld_arch_tp();
  uintptr_t *dtv = t->t_dtv;
  size_t m = ti->ti_module;
  struct rtld_obj *o =
      m < RTLD_MAX_TLS_MODULES ? __atomic_load_n(&rtld_tls_mods[m], __ATOMIC_ACQUIRE) : NULL;
  if (!o) rtld_fatal("TLS access to module %lu, which is not loaded", m);
  if (dtv[0] < m) {
    uintptr_t *nd = resv_take(o, &o->o_resv_dtv_next, 1);
    for (size_t i = 1; i <= dtv[0]; i++) nd[i] = dtv[i];
    nd[0] = o->o_resv_dtv_cap;
    __atomic_store_n(&t->t_dtv, nd, __ATOMIC_RELEASE);
    dtv = nd;
  }
  if (!dtv[m]) {
    uintptr_t blk;
    if (o->o_tls_static) {
      blk = (uintptr_t)t - o->o_tls_offset;
    } else {
      blk = (uintptr_t)resv_take(o, &o->o_resv_blk_next, 0);
      copy_image((char *)blk, o);
    }
    __atomic_store_n(&dtv[m], blk, __ATOMIC_RELEASE);
  }
  uintptr_t r = dtv[m] + ti->ti_offset;
  rtld_restore_signals(&mask);
  return r;
}

void *rtld_tls_addr(size_t modid, size_t off) {
  tls_index ti = {modid, off};
  return __tls_get_addr(&ti);
}

void *rtld_tls_peek(size_t modid) {
  struct rtld_tcb *t = rtld_arch_tp();
  return modid <= t->t_dtv[0] ? (void *)t->t_dtv[modid] : NULL;
}

void *rtld_tlsdesc_arg(size_t modid, size_t off) {
  tls_index *ti = rtld_alloc(sizeof *ti);
  if (ti) {
    ti->ti_module = modid;
    ti->ti_offset = off;
  }
  return ti;
}
