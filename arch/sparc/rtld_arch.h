/* SPARC side of the runtime linker (DESIGN.md §8), for both sparc (32-bit V8+, ELFCLASS32) and
 * sparcv9 (ELFCLASS64); the compiler's __arch64__ tells them apart. The contract is the one
 * arch/x64/rtld_arch.h describes.
 *
 * The thread pointer is %g7, which the ABI reserves for it: rtld writes it directly and clone's
 * CLONE_SETTLS sets the child's. TLS is variant II; compilers read only the stack-protector canary
 * at [%g7+0x28] (sparcv9) or [%g7+0x14] (sparc), and __tls_get_addr is an ordinary function.
 *
 * Relocations are RELA. Dynamic relocation numbers are those of the SPARC psABI; sparcv9 keeps
 * R_SPARC_OLO10's second addend in r_info's upper type bits, which no dynamic relocation uses.
 *
 * System calls: `ta 0x6d` (sparcv9) or `ta 0x10` (sparc), number in %g1, arguments in %o0-%o5,
 * result in %o0; failure sets the carry flag (%xcc / %icc) and leaves the positive errno in %o0,
 * which the wrappers negate so that rtld/ sees -errno as on every target. Pages are 8 KiB.
 *
 * Lazy binding patches the PLT itself (writable and executable on SPARC), as the psABI
 * describes: see rtld_arch_lazy_setup and rtld_arch_plt_bind below, and bind.S. */
#ifndef TLD_ARCH_SPARC_RTLD_ARCH_H
#define TLD_ARCH_SPARC_RTLD_ARCH_H

#ifdef __arch64__
#define RTLD_SPARC_V9 1
#define RTLD_SPARC_TRAP "0x6d"
#define RTLD_SPARC_CC "%%xcc"
#else
#define RTLD_SPARC_V9 0
#define RTLD_SPARC_TRAP "0x10"
#define RTLD_SPARC_CC "%%icc"
#endif

#ifndef __ASSEMBLER__
#include <stdint.h>

#if RTLD_SPARC_V9
#define RTLD_ARCH_NAME "sparcv9"
#define RTLD_ARCH_MACHINE 43 /* EM_SPARCV9 */
#define RTLD_ARCH_MACHINE_ALT RTLD_ARCH_MACHINE
#define RTLD_ARCH_CLASS 2 /* ELFCLASS64 */
#else
#define RTLD_ARCH_NAME "sparc"
#define RTLD_ARCH_MACHINE 2      /* EM_SPARC */
#define RTLD_ARCH_MACHINE_ALT 18 /* EM_SPARC32PLUS: V8+ code */
#define RTLD_ARCH_CLASS 1        /* ELFCLASS32 */
#endif
#define RTLD_ARCH_DATA 2 /* ELFDATA2MSB */
#define RTLD_ARCH_RELA 1
#define RTLD_ARCH_PAGE 8192ul

#define RTLD_R_ABSENT(k) (0x100 + (k))
#define RTLD_R_NONE 0
#define RTLD_R_ABS32 3 /* R_SPARC_32 */
#define RTLD_R_PC32 6  /* R_SPARC_DISP32 */
#define RTLD_R_COPY 19
#define RTLD_R_GLOB_DAT 20
#define RTLD_R_JUMP_SLOT 21
#define RTLD_R_RELATIVE 22
#define RTLD_R_UA32 23
#define RTLD_R_IRELATIVE 249
#if RTLD_SPARC_V9
#define RTLD_R_ABS64 32 /* R_SPARC_64 */
#define RTLD_R_PC64 46  /* R_SPARC_DISP64 */
#define RTLD_R_UA64 54
#define RTLD_R_DTPMOD 75 /* R_SPARC_TLS_DTPMOD64 */
#define RTLD_R_DTPOFF 77
#define RTLD_R_TPOFF 79
#else
#define RTLD_R_ABS64 RTLD_R_ABSENT(1)
#define RTLD_R_PC64 RTLD_R_ABSENT(2)
#define RTLD_R_UA64 RTLD_R_ABSENT(3)
#define RTLD_R_DTPMOD 74 /* R_SPARC_TLS_DTPMOD32 */
#define RTLD_R_DTPOFF 76
#define RTLD_R_TPOFF 78
#endif
#define RTLD_R_TPOFF_NEG RTLD_R_ABSENT(4)
#define RTLD_R_TLSDESC RTLD_R_ABSENT(5)

/* One numbering for both classes, but for mmap: sparc has only mmap2's page offset. */
#define RTLD_SYS_exit 1
#define RTLD_SYS_read 3
#define RTLD_SYS_write 4
#define RTLD_SYS_close 6
#define RTLD_SYS_chdir 12
#define RTLD_SYS_sigaltstack 28
#define RTLD_SYS_getpid 20
#define RTLD_SYS_kill 37
#define RTLD_SYS_pread64 67
#define RTLD_SYS_munmap 73
#define RTLD_SYS_mprotect 74
#define RTLD_SYS_rt_sigreturn 101
#define RTLD_SYS_rt_sigaction 102
#define RTLD_SYS_rt_sigprocmask 103
#define RTLD_SYS_gettimeofday 116
#define RTLD_SYS_getcwd 119
#define RTLD_SYS_futex 142
#define RTLD_SYS_gettid 143
#define RTLD_SYS_set_tid_address 166
#define RTLD_SYS_exit_group 188
#define RTLD_SYS_tgkill 211
#define RTLD_SYS_clone 217
#define RTLD_SYS_sched_yield 245
#define RTLD_SYS_nanosleep 249
#define RTLD_SYS_clock_gettime 257
#define RTLD_SYS_openat 284
#define RTLD_SYS_readlinkat 294
#define RTLD_SYS_prlimit64 331
#define RTLD_SYS_statx 360
#if RTLD_SPARC_V9
#define RTLD_SYS_mmap 71
#define RTLD_MMAP_SHIFT 0
#else
#define RTLD_SYS_mmap 56 /* mmap2: the offset in 4096-byte units */
#define RTLD_MMAP_SHIFT 12
#endif

#define RTLD_O_CLOEXEC 0x400000
#define RTLD_MAP_NORESERVE 0x40
#define RTLD_SA_RESTORER 0ul /* the restorer is an argument of rt_sigaction, not a flag */

/* Where installed libraries for this target live: PREFIX/lib/tld/RTLD_ARCH_LIBDIR. */
#define RTLD_ARCH_LIBDIR RTLD_ARCH_NAME

/* The vDSO's clock functions and their version (the kernel has a vDSO for both classes; qemu-user
 * offers none, and the system calls serve then). */
#define RTLD_ARCH_VDSO_VERSION "LINUX_2.6"
#define RTLD_ARCH_VDSO_CLOCK_GETTIME "__vdso_clock_gettime"
#define RTLD_ARCH_VDSO_GETTIMEOFDAY "__vdso_gettimeofday"

/* The trap leaves the carry flag set on failure; `bcs,a` negates %o0 only then. Every argument
 * register is an in-out operand: the kernel returns a second result in %o1 for some calls. */
#define RTLD_SPARC_SYSCALL                                                                         \
  "ta " RTLD_SPARC_TRAP "\n\t"                                                                     \
  "bcs,a,pn " RTLD_SPARC_CC ", 1f\n\t"                                                             \
  " sub %%g0, %%o0, %%o0\n"                                                                        \
  "1:"

static inline long rtld_sys6(long n, long a, long b, long c, long d, long e, long f) {
  register long g1 __asm__("g1") = n;
  register long o0 __asm__("o0") = a;
  register long o1 __asm__("o1") = b;
  register long o2 __asm__("o2") = c;
  register long o3 __asm__("o3") = d;
  register long o4 __asm__("o4") = e;
  register long o5 __asm__("o5") = f;
  __asm__ volatile(RTLD_SPARC_SYSCALL
                   : "+r"(o0), "+r"(o1), "+r"(o2), "+r"(o3), "+r"(o4), "+r"(o5), "+r"(g1)
                   :
                   : "memory", "cc");
  return o0;
}
static inline long rtld_sys0(long n) { return rtld_sys6(n, 0, 0, 0, 0, 0, 0); }
static inline long rtld_sys1(long n, long a) { return rtld_sys6(n, a, 0, 0, 0, 0, 0); }
static inline long rtld_sys2(long n, long a, long b) { return rtld_sys6(n, a, b, 0, 0, 0, 0); }
static inline long rtld_sys3(long n, long a, long b, long c) {
  return rtld_sys6(n, a, b, c, 0, 0, 0);
}
static inline long rtld_sys4(long n, long a, long b, long c, long d) {
  return rtld_sys6(n, a, b, c, d, 0, 0);
}
static inline long rtld_sys5(long n, long a, long b, long c, long d, long e) {
  return rtld_sys6(n, a, b, c, d, e, 0);
}

/* rt_sigaction(sig, act, old, restorer, 8): the kernel ignores the struct's restorer field and
 * makes the handler return to the argument + 8 (a SPARC return is `jmpl %i7 + 8`). sparcv9 uses
 * rt frames only; 32-bit sparc gives a handler without SA_SIGINFO the old frame, which sigreturn
 * undoes (start.S). */
void rtld_sigreturn(void);
#if RTLD_SPARC_V9
#define RTLD_ARCH_SIGRESTORER(siginfo) ((void)(siginfo), rtld_sigreturn)
#else
void rtld_sigreturn_old(void);
#define RTLD_ARCH_SIGRESTORER(siginfo) ((siginfo) ? rtld_sigreturn : rtld_sigreturn_old)
#endif
static inline long rtld_arch_rt_sigaction(int sig, const void *act, void *old,
                                          void (*restorer)(void)) {
  return rtld_sys5(RTLD_SYS_rt_sigaction, sig, (long)act, (long)old,
                   restorer ? (long)restorer - 8 : 0, 8);
}

static inline void *rtld_arch_tp(void) {
  void *tp;
  __asm__ volatile("mov %%g7, %0" : "=r"(tp));
  return tp;
}

static inline long rtld_arch_set_tp(void *tp) {
  __asm__ volatile("mov %0, %%g7" : : "r"(tp) : "memory");
  return 0;
}

/* clone's tls argument is the new %g7 itself. */
static inline void *rtld_arch_clone_tls(void *tp, unsigned long scratch[4]) {
  (void)scratch;
  return tp;
}

static inline void rtld_arch_pause(void) { __asm__ volatile("" ::: "memory"); }

/* ---- lazy binding ----------------------------------------------------------------------------
 * DT_PLTGOT is the PLT itself. Its first entries are reserved for rtld, and a JUMP_SLOT names
 * the PLT entry it binds (the far entries of sparcv9: the entry's pointer word). At set-up rtld
 * writes, with `flush` after every word so that no processor runs stale instructions:
 *   sparc    .PLT0: save %sp, -96, %sp; call rtld_bind_entry; nop; .word object
 *            Entry n: sethi (. - .PLT0), %g1; b,a .PLT0; nop. The trampoline reads the object
 *            at .PLT0+12 and the entry's offset from %g1.
 *   sparcv9  .PLT0 and .PLT1: save %sp, -176, %sp; the 64-bit address of rtld_bind_far (.PLT0)
 *            or rtld_bind_near (.PLT1) built in %l0/%l1; jmpl %l0 + %l1, %l6; nop. .PLT2 holds
 *            the object. A near entry n (n < 32768): sethi (. - .PLT0), %g1; ba,a,pt %xcc, .PLT1.
 *            A far entry: mov %o7, %g5; call .+8; nop; ldx [%o7 + P], %g1; jmpl %o7 + %g1, %g1;
 *            mov %g5, %o7, whose pointer word P first holds .PLT0 - (entry + 4), so it reaches
 *            .PLT0 with the address of its jmpl in %g1. */
#define RTLD_SPARC_NOP 0x01000000u

static inline void rtld_sparc_put(uint32_t *insn, uint32_t word) {
  *(volatile uint32_t *)insn = word;
  __asm__ volatile("flush %0" : : "r"(insn) : "memory");
}

#if RTLD_SPARC_V9
void rtld_bind_far(void);
void rtld_bind_near(void);
/* save %sp, -176, %sp; sethi %hh(target), %l0; sethi %lm(target), %l1; or %l0, %hm(target), %l0;
 * or %l1, %lo(target), %l1; sllx %l0, 32, %l0; jmpl %l0 + %l1, %l6; nop */
static inline void rtld_sparc_plt_header(uint32_t *plt, uintptr_t target) {
  uint32_t hh = (uint32_t)(target >> 42), lm = (uint32_t)(target >> 10) & 0x3fffff;
  uint32_t hm = (uint32_t)(target >> 32) & 0x3ff, lo = (uint32_t)target & 0x3ff;
  rtld_sparc_put(plt + 0, 0x9de3bf50u);
  rtld_sparc_put(plt + 1, 0x21000000u | hh);
  rtld_sparc_put(plt + 2, 0x23000000u | lm);
  rtld_sparc_put(plt + 3, 0xa0142000u | hm);
  rtld_sparc_put(plt + 4, 0xa2146000u | lo);
  rtld_sparc_put(plt + 5, 0xa12c3020u);
  rtld_sparc_put(plt + 6, 0xadc40011u);
  rtld_sparc_put(plt + 7, RTLD_SPARC_NOP);
}
static inline void rtld_arch_lazy_setup(uintptr_t *pltgot, void *obj) {
  uint32_t *plt = (uint32_t *)pltgot;
  rtld_sparc_plt_header(plt, (uintptr_t)rtld_bind_far);
  rtld_sparc_plt_header(plt + 8, (uintptr_t)rtld_bind_near);
  pltgot[8] = (uintptr_t)obj; /* .PLT2 */
}
#else
void rtld_bind_entry(void);
/* save %sp, -96, %sp; call rtld_bind_entry; nop; .word obj */
static inline void rtld_arch_lazy_setup(uintptr_t *pltgot, void *obj) {
  uint32_t *plt = (uint32_t *)pltgot;
  uint32_t disp30 = (uint32_t)((uintptr_t)rtld_bind_entry - (uintptr_t)(plt + 1)) >> 2;
  rtld_sparc_put(plt + 0, 0x9de3bfa0u);
  rtld_sparc_put(plt + 1, 0x40000000u | disp30);
  rtld_sparc_put(plt + 2, RTLD_SPARC_NOP);
  pltgot[3] = (uintptr_t)obj;
}
#endif

/* The PLT entries already reach .PLT0/.PLT1 position-independently: nothing to do per slot. */
static inline void rtld_arch_lazy_slot(uintptr_t *where, uintptr_t l_addr) {
  (void)where, (void)l_addr;
}

/* Binds the PLT entry at `where` to `value`. Safe while other threads run the entry, and when two
 * threads bind it at once: every form writes its words from the last to the first, the first
 * word written last turning the entry from its old branch into the new sequence, and every
 * thread writes the same words for the same entry.
 *   sparc:   b,a value in word 1 when within 8 MiB; else sethi %hi(value), %g1 (word 1) and
 *            jmp %g1 + %lo(value) (word 2), whose delay slot is the next entry's harmless sethi
 *            or the nop after the last entry.
 *   sparcv9: a far entry (r_addend -(entry + 4), link-time) gets its pointer word set to
 *            value - (entry + 4). A near one: b,a value in word 0 when within 8 MiB; sethi/jmpl
 *            in words 1-2 when value is below 4 GiB; mov %o7, %g1; call value; mov %g1, %o7 in
 *            words 1-3 when the call reaches; else the full 64-bit constant in %g1 and %g5 and
 *            jmpl %g1 + %g5 in words 1-6 (word 7 stays a nop, its delay slot). */
/* The bytes binding writes: a whole entry, or a far entry's pointer word. */
static inline unsigned rtld_arch_plt_bind_size(uintptr_t addend) {
  return RTLD_SPARC_V9 ? (addend ? 8 : 32) : 12;
}
static inline void rtld_arch_plt_bind(uintptr_t *where, uintptr_t value, uintptr_t addend,
                                      uintptr_t l_addr) {
  uint32_t *insn = (uint32_t *)where;
#if RTLD_SPARC_V9
  if (addend) {
    __atomic_store_n(where, value + addend - l_addr, __ATOMIC_RELEASE);
    return;
  }
  intptr_t disp = (intptr_t)(value - (uintptr_t)insn);
  intptr_t call = (intptr_t)(value - (uintptr_t)(insn + 2));
  uint32_t hi = (uint32_t)(value >> 32), lo = (uint32_t)value;
  if (disp >= -0x800000 && disp < 0x800000) {
    rtld_sparc_put(insn, 0x30800000u | ((uint32_t)(disp >> 2) & 0x3fffff)); /* ba,a value */
  } else if (hi == 0) {
    rtld_sparc_put(insn + 2, 0x81c06000u | (lo & 0x3ff)); /* jmpl %g1 + %lo(value), %g0 */
    rtld_sparc_put(insn + 1, 0x03000000u | (lo >> 10));   /* sethi %hi(value), %g1 */
  } else if (call >= -((intptr_t)1 << 31) && call < ((intptr_t)1 << 31)) {
    rtld_sparc_put(insn + 3, 0x9e100001u);                                        /* mov %g1, %o7 */
    rtld_sparc_put(insn + 2, 0x40000000u | ((uint32_t)(call >> 2) & 0x3fffffff)); /* call value */
    rtld_sparc_put(insn + 1, 0x8210000fu);                                        /* mov %o7, %g1 */
  } else {
    rtld_sparc_put(insn + 6, 0x81c04005u);                /* jmpl %g1 + %g5, %g0 */
    rtld_sparc_put(insn + 5, 0x83287020u);                /* sllx %g1, 32, %g1 */
    rtld_sparc_put(insn + 4, 0x8a116000u | (lo & 0x3ff)); /* or %g5, %lo(value), %g5 */
    rtld_sparc_put(insn + 3, 0x82106000u | (hi & 0x3ff)); /* or %g1, %hm(value), %g1 */
    rtld_sparc_put(insn + 2, 0x0b000000u | (lo >> 10));   /* sethi %lm(value), %g5 */
    rtld_sparc_put(insn + 1, 0x03000000u | (hi >> 10));   /* sethi %hh(value), %g1 */
  }
#else
  (void)addend, (void)l_addr;
  intptr_t disp = (intptr_t)(value - (uintptr_t)(insn + 1));
  if (disp >= -0x800000 && disp < 0x800000) {
    rtld_sparc_put(insn + 1, 0x30800000u | ((uint32_t)(disp >> 2) & 0x3fffff)); /* ba,a value */
  } else {
    rtld_sparc_put(insn + 2, 0x81c06000u | (value & 0x3ff)); /* jmp %g1 + %lo(value) */
    rtld_sparc_put(insn + 1, 0x03000000u | (value >> 10));   /* sethi %hi(value), %g1 */
  }
#endif
}

/* SPARC has no TLS descriptors. */
#define RTLD_ARCH_TLSDESC_STATIC ((uintptr_t)0)
#define RTLD_ARCH_TLSDESC_DYNAMIC ((uintptr_t)0)

#if RTLD_SPARC_V9
#define RTLD_TCB_DTV 0x08
#define RTLD_TCB_DTV_CAP 0x18
#define RTLD_TCB_CANARY 0x28
#else
#define RTLD_TCB_DTV 0x04
#define RTLD_TCB_DTV_CAP 0x0c
#define RTLD_TCB_CANARY 0x14
#endif

#else /* __ASSEMBLER__ */

/* Word-sized loads, the word shift, the stack bias and the minimum frame of each class. */
#ifdef __arch64__
#define LDW ldx
#define STW stx
#define WSHIFT 3
#define WSIZE 8
#define BIAS 2047
#define FRAME 176
#define RTLD_TCB_DTV 0x08
#define RTLD_TCB_DTV_CAP 0x18
#define RTLD_TRAP_asm 0x6d
#else
#define LDW ld
#define STW st
#define WSHIFT 2
#define WSIZE 4
#define BIAS 0
#define FRAME 96
#define RTLD_TCB_DTV 0x04
#define RTLD_TCB_DTV_CAP 0x0c
#define RTLD_TRAP_asm 0x10
#endif
#define RTLD_SYS_clone_asm 217
#define RTLD_SYS_set_tid_address_asm 166

#endif
#endif
