/* Thread-local storage (DESIGN.md §8): the static layout at start-up, the backup reservation for
 * objects with static TLS loaded later, the per-dlopen reservation for dynamic TLS, the
 * __tls_get_addr slow path, and reclaiming a module's TLS at dlclose.
 *
 * Layout (variant II). The thread pointer tp is the TCB's address, aligned to g_tls_align (the
 * largest start-up TLS alignment, at least 64). Module m with static TLS has its block at
 * tp - o_tls_offset; start-up modules take offsets by the Solaris formula (module 1 at
 * round(size_1, align_1), module k+1 at round(offset_k + size_k+1, align_k+1)), and the backup
 * reservation (LD_TLS_STATIC_RESERVE, default 2048 bytes) lies below them, so the whole static
 * area is [tp - g_tls_static_total, tp). The DTV: dtv[0] and the TCB's t_dtv_cap hold its
 * capacity (the highest module id it can hold), dtv[m] the address of module m's block or 0.
 *
 * Module ids are reused. dlclose clears module m's entry in every live thread's DTV, under the
 * TLS lock, before m goes back to the pool; the slow path copies a DTV into a larger one under
 * the same lock, so a clear is never lost in a copy; threads created later build their DTV from
 * the module table. So when dlopen hands m out again, no thread's DTV holds a block of the old
 * module, and the first access to the new one takes the slow path. Only an access to a module
 * after its own dlclose (a use after unload) could see its old block.
 *
 * Locking. Module ids are handed out and rtld_tls_mods[] is written only under the
 * thread-creation lock held exclusively (dlopen, dlclose); thread creation reads them under the
 * shared lock. The TLS lock (taken with signals blocked, never held across a call out of this
 * file) orders the slow path against dlopen's DTV hand-over and dlclose's clearing. A DTV a
 * thread has left is kept until the thread ends (a fast path interrupted by a signal whose
 * handler grew the DTV may still read it); DTVs grow at least twofold, so those add up to less
 * than the final one. */
#include "rtld_int.h"

struct rtld_obj *rtld_tls_mods[RTLD_MAX_TLS_MODULES];
static volatile int rtld_tls_word;

static void tls_lock(uint64_t *mask) {
  rtld_block_signals(mask);
  rtld_lock(&rtld_tls_word);
}

static void tls_unlock(const uint64_t *mask) {
  rtld_unlock(&rtld_tls_word);
  rtld_restore_signals(mask);
}

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
    o->o_tls_live = 1;
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

/* The DTV capacity a thread created now gets. */
static size_t new_thread_cap(void) { return rtld_g.g_tls_next_modid - 1 + RTLD_DTV_SURPLUS; }

/* Bytes a thread needs for static TLS, TCB, DTV and every dynamic module's block. */
size_t rtld_tls_thread_size(void) {
  size_t cap = new_thread_cap();
  size_t n = rtld_g.g_tls_static_total + rtld_g.g_tls_align + sizeof(struct rtld_tcb) + 16 +
             (cap + 1) * sizeof(uintptr_t);
  for (size_t m = 1; m < rtld_g.g_tls_next_modid; m++) {
    struct rtld_obj *o = rtld_tls_mods[m];
    if (o && o->o_tls_live && !o->o_tls_static) n += o->o_tls_memsz + o->o_tls_align;
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
  size_t cap = new_thread_cap();
  uintptr_t *dtv = (uintptr_t *)rtld_align_up(tp + sizeof *t, 16);
  dtv[0] = cap;
  uintptr_t p = (uintptr_t)(dtv + cap + 1);
  for (size_t m = 1; m < rtld_g.g_tls_next_modid; m++) {
    struct rtld_obj *o = rtld_tls_mods[m];
    if (!o || !o->o_tls_live) continue;
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
  t->t_dtv_cap = cap;
  return t;
}

struct rtld_tcb *rtld_tls_init_main(void) {
  size_t len = rtld_tls_thread_size();
  char *area = rtld_mmap(len);
  if (!area) rtld_fatal("cannot allocate the initial thread's TLS (%lu bytes)", len);
  return rtld_tls_setup_thread(area, 0);
}

/* After relocation: TLS images may hold relocated pointers. Modules a lazy load added during
 * start-up relocation have theirs already (rtld_tls_commit, or the slow path's first access). */
void rtld_tls_copy_main_images(void) {
  struct rtld_tcb *t = rtld_arch_tp();
  for (size_t m = 1; m < rtld_g.g_tls_next_modid && m <= t->t_dtv_cap; m++) {
    struct rtld_obj *o = rtld_tls_mods[m];
    if (o && o->o_startup && t->t_dtv[m]) copy_image((char *)t->t_dtv[m], o);
  }
}

/* dlopen, thread-creation lock held exclusively: the lowest free module id, and a static offset
 * from the backup reservation when the object needs static TLS. The caller restores
 * g_tls_next_modid and g_tls_static_used if the dlopen fails. */
int rtld_tls_dlopen_assign(struct rtld_obj *o, char *err, size_t errlen) {
  size_t id = 1;
  while (id < rtld_g.g_tls_next_modid && rtld_tls_mods[id]) id++;
  if (id >= RTLD_MAX_TLS_MODULES) {
    rtld_fmt(err, errlen, "%s: too many TLS modules loaded at once (%d)", o->l_name,
             RTLD_MAX_TLS_MODULES - 1);
    return -1;
  }
  o->o_tls_modid = id;
  rtld_tls_mods[id] = o; /* claimed; o_tls_live is set at commit */
  if (id == rtld_g.g_tls_next_modid) rtld_g.g_tls_next_modid++;
  size_t used = rtld_g.g_tls_static_used, total = rtld_g.g_tls_static_total;
  size_t off = rtld_align_up(used + o->o_tls_memsz, o->o_tls_align);
  /* An object loaded lazily while start-up relocates (a relocation of the program or of a
   * start-up object needed it) would have had static TLS had it been loaded with them: it
   * takes the backup reservation when that can hold it, so initial-exec references to its
   * variables (the program's own, typically) work. */
  int fits = o->o_tls_align <= rtld_g.g_tls_align && off <= total && off >= used;
  if (o->o_dt_flags & DF_STATIC_TLS || (rtld_g.g_booting && fits)) {
    if (o->o_tls_align > rtld_g.g_tls_align) {
      rtld_fmt(err, errlen,
               "%s: static TLS failure: alignment 0x%lx exceeds the thread pointer's 0x%lx",
               o->l_name, o->o_tls_align, rtld_g.g_tls_align);
      return -1;
    }
    if (off > total || off < used) {
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

/* dlopen, after every new module has an id: for dynamic TLS, a block for each live thread. */
int rtld_tls_reserve(struct rtld_obj *o, char *err, size_t errlen) {
  size_t n = rtld_g.g_nthreads;
  size_t blk = o->o_tls_static ? 0 : rtld_align_up(o->o_tls_memsz, o->o_tls_align);
  if (!blk) return 0;
  /* In 64 bits, so that a request too large for a 32-bit address space is reported, not wrapped. */
  uint64_t need = o->o_tls_align + (uint64_t)n * blk;
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
  o->o_resv_blk_size = blk;
  o->o_resv_blk_next = 0;
  rtld_debug(RTLD_DBG_TLS, "reserved 0x%lx bytes for [%lu] %s in %lu live threads", len,
             o->o_tls_modid, o->l_name, n);
  return 0;
}

/* DTVs dlopen allocated for live threads whose DTV cannot hold the new module ids; handed over
 * at commit, freed if the dlopen fails. */
struct dtv_grant {
  struct rtld_tcb *g_thread;
  uintptr_t *g_dtv;
};
static struct dtv_grant *rtld_grants;
static size_t rtld_ngrants;

static uintptr_t *dtv_alloc(size_t cap) {
  /* word -1 links retired DTVs; readers never look at it */
  uintptr_t *p = rtld_alloc((cap + 2) * sizeof(uintptr_t));
  if (!p) return NULL;
  p[1] = cap;
  return p + 1;
}

static void dtv_free(uintptr_t *dtv) {
  if (dtv) rtld_free(dtv - 1);
}

int rtld_tls_reserve_dtvs(char *err, size_t errlen) {
  size_t need = rtld_g.g_tls_next_modid - 1, n = 0;
  struct rtld_tcb *t = rtld_g.g_threads;
  /* Again for a load that joined the transaction: the grants are made anew for the new count. */
  rtld_tls_release_dtvs();
  rtld_grants = rtld_alloc(rtld_g.g_nthreads * sizeof *rtld_grants);
  if (!rtld_grants) goto oom;
  do {
    size_t have = t->t_dtv_cap;
    if (t->t_dtv_spare && t->t_dtv_spare[0] > have) have = t->t_dtv_spare[0];
    if (have < need) {
      size_t cap = 2 * t->t_dtv_cap > need ? 2 * t->t_dtv_cap : need;
      uintptr_t *d = dtv_alloc(cap + RTLD_DTV_SURPLUS);
      if (!d) goto oom;
      rtld_grants[n].g_thread = t;
      rtld_grants[n++].g_dtv = d;
      rtld_ngrants = n;
    }
    t = t->t_next;
  } while (t != rtld_g.g_threads);
  return 0;
oom:
  rtld_fmt(err, errlen, "cannot allocate thread vectors for %lu TLS modules", need);
  return -1;
}

void rtld_tls_release_dtvs(void) {
  for (size_t i = 0; i < rtld_ngrants; i++) dtv_free(rtld_grants[i].g_dtv);
  rtld_free(rtld_grants);
  rtld_grants = NULL;
  rtld_ngrants = 0;
}

void rtld_tls_commit_dtvs(void) {
  uint64_t mask;
  tls_lock(&mask);
  for (size_t i = 0; i < rtld_ngrants; i++) {
    struct rtld_tcb *t = rtld_grants[i].g_thread;
    uintptr_t *old = t->t_dtv_spare;
    t->t_dtv_spare = rtld_grants[i].g_dtv;
    rtld_grants[i].g_dtv = old; /* never used by the thread: freed below */
  }
  tls_unlock(&mask);
  rtld_tls_release_dtvs();
}

void rtld_tls_release(struct rtld_obj *o) {
  if (o->o_resv) rtld_munmap(o->o_resv, o->o_resv_len);
  o->o_resv = NULL;
  if (o->o_tls_modid && rtld_tls_mods[o->o_tls_modid] == o) rtld_tls_mods[o->o_tls_modid] = NULL;
  while (rtld_g.g_tls_next_modid > 1 && !rtld_tls_mods[rtld_g.g_tls_next_modid - 1])
    rtld_g.g_tls_next_modid--;
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
  uint64_t mask;
  tls_lock(&mask);
  o->o_tls_live = 1;
  tls_unlock(&mask);
}

/* dlclose, thread-creation lock held exclusively: forget the module in every live thread, free
 * the blocks reserved for them, and return the module id to the pool. */
void rtld_tls_unload(struct rtld_obj *o) {
  size_t m = o->o_tls_modid;
  uint64_t mask;
  tls_lock(&mask);
  struct rtld_tcb *t = rtld_g.g_threads;
  do {
    if (m <= t->t_dtv_cap) t->t_dtv[m] = 0;
    t = t->t_next;
  } while (t != rtld_g.g_threads);
  o->o_tls_live = 0;
  tls_unlock(&mask);
  rtld_debug(RTLD_DBG_TLS, "module [%lu] %s unloaded: id free", m, o->l_name);
  rtld_tls_release(o);
}

/* The thread is off the live list: free the DTVs it allocated. */
void rtld_tls_thread_exit(struct rtld_tcb *t) {
  if (t->t_dtv_own) dtv_free(t->t_dtv);
  dtv_free(t->t_dtv_spare);
  for (uintptr_t *d = t->t_dtv_retired, *next; d; d = next) {
    next = (uintptr_t *)d[-1];
    dtv_free(d);
  }
  t->t_dtv_spare = t->t_dtv_retired = NULL;
}

static void *resv_take(struct rtld_obj *o) {
  unsigned long i = __atomic_fetch_add(&o->o_resv_blk_next, 1, __ATOMIC_RELAXED);
  if (i >= o->o_resv_threads)
    rtld_fatal("%s: TLS reservation overrun (thread %lu of %lu)", o->l_name, i, o->o_resv_threads);
  uintptr_t b = rtld_align_up((uintptr_t)o->o_resv, o->o_tls_align);
  return (void *)(b + i * o->o_resv_blk_size);
}

/* The slow path of __tls_get_addr, entered through rtld_tls_slow_stub (start.S) with every
 * register saved. Contract: async-signal-safe, never allocates, never fails: a larger DTV, when
 * needed, was handed to this thread by the dlopen that made it necessary, and the block comes
 * from the module's dlopen reservation, which holds one for every thread that was live at dlopen
 * time (threads created later never get here). Signals are blocked and the TLS lock held while
 * this thread's DTV changes, so a handler that interrupts us and enters here itself waits for
 * nothing and sees either the old or the new state. The new DTV is published before its
 * capacity, so the fast path never indexes past the DTV it loads. */
uintptr_t rtld_tls_get_slow(const tls_index *ti) {
  uint64_t mask;
  tls_lock(&mask);
  struct rtld_tcb *t = rtld_arch_tp();
  size_t m = ti->ti_module;
  struct rtld_obj *o = m && m < RTLD_MAX_TLS_MODULES ? rtld_tls_mods[m] : NULL;
  if (!o || !o->o_tls_live) rtld_fatal("TLS access to module %lu, which is not loaded", m);
  if (t->t_dtv_cap < m) {
    uintptr_t *nd = t->t_dtv_spare, *od = t->t_dtv;
    if (!nd || nd[0] < m) rtld_fatal("TLS access to module %lu: no thread vector reserved", m);
    for (size_t i = 1; i <= t->t_dtv_cap; i++) nd[i] = od[i];
    __atomic_store_n(&t->t_dtv, nd, __ATOMIC_RELEASE);
    __atomic_store_n(&t->t_dtv_cap, nd[0], __ATOMIC_RELEASE);
    t->t_dtv_spare = NULL;
    if (t->t_dtv_own) {
      od[-1] = (uintptr_t)t->t_dtv_retired;
      t->t_dtv_retired = od;
    }
    t->t_dtv_own = 1;
  }
  uintptr_t *dtv = t->t_dtv;
  if (!dtv[m]) {
    uintptr_t blk;
    if (o->o_tls_static) {
      blk = (uintptr_t)t - o->o_tls_offset;
    } else {
      blk = (uintptr_t)resv_take(o);
      copy_image((char *)blk, o);
    }
    __atomic_store_n(&dtv[m], blk, __ATOMIC_RELEASE);
  }
  uintptr_t r = dtv[m] + ti->ti_offset;
  tls_unlock(&mask);
  return r;
}

void *rtld_tls_addr(size_t modid, size_t off) {
  tls_index ti = {modid, off};
  return __tls_get_addr(&ti);
}

void *rtld_tls_peek(size_t modid) {
  struct rtld_tcb *t = rtld_arch_tp();
  return modid <= t->t_dtv_cap ? (void *)t->t_dtv[modid] : NULL;
}

/* A dynamic TLS descriptor's argument, owned by the object whose relocation uses it (freed when
 * that object is unloaded). */
void *rtld_tlsdesc_arg(struct rtld_obj *user, size_t modid, size_t off) {
  struct rtld_tlsdesc *d = rtld_alloc(sizeof *d);
  if (d) {
    d->d_ti.ti_module = modid;
    d->d_ti.ti_offset = off;
    d->d_next = user->o_tlsdesc;
    user->o_tlsdesc = d;
  }
  return d;
}
