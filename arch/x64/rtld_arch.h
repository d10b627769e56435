/* x86-64 side of the runtime linker (DESIGN.md §8): system calls, the thread pointer, lazy
 * binding, and the numbers the generic code in rtld/ switches on.
 *
 * Every target's rtld_arch.h gives the same contract:
 *   identity     RTLD_ARCH_NAME, _MACHINE (and _MACHINE_ALT, another e_machine accepted), _CLASS,
 *                _DATA, _RELA (1: RELA, 0: REL with addends in place), _PAGE (the largest page
 *                size of the target, for mapping and protection), _LIBDIR (PREFIX/lib/tld/...),
 *                RTLD_ARCH_VDSO_VERSION/_CLOCK_GETTIME/_GETTIMEOFDAY (the vDSO's clock functions;
 *                undefined for a target without them)
 *   relocations  RTLD_R_<kind> for every generic kind; a kind the target lacks is a number no
 *                relocation has (RTLD_R_ABSENT), so the generic switch needs no conditionals
 *   system calls RTLD_SYS_<name>, rtld_sys0..rtld_sys6 returning -errno on failure, RTLD_MMAP_SHIFT
 *                (12 when RTLD_SYS_mmap is mmap2), RTLD_O_CLOEXEC, RTLD_MAP_NORESERVE,
 *                RTLD_SA_RESTORER, RTLD_ARCH_SIGRESTORER(siginfo) (the restorer for a handler with
 *                or without SA_SIGINFO) and rtld_arch_rt_sigaction
 *   threads      rtld_arch_tp, rtld_arch_set_tp, rtld_arch_pause, rtld_arch_clone_tls (the tls
 *                argument of clone for a thread whose TCB is at tp), RTLD_TCB_DTV,
 *                RTLD_TCB_DTV_CAP, RTLD_TCB_CANARY (also for the assembler, with
 *                RTLD_SYS_clone_asm and RTLD_SYS_set_tid_address_asm)
 *   binding      rtld_arch_lazy_setup (install the trampoline in an object's PLT/GOT),
 *                rtld_arch_lazy_slot (a JUMP_SLOT left for lazy binding), rtld_arch_plt_bind (bind
 *                a JUMP_SLOT to a value) and rtld_arch_plt_bind_size (the bytes it writes there),
 *                RTLD_ARCH_TLSDESC_STATIC/_DYNAMIC (descriptor entry
 *                points, 0 where the target has no TLS descriptors)
 * and start.S / bind.S provide _rtld_start, __tls_get_addr, rtld_clone, rtld_unmap_and_exit,
 * the signal restorers and the lazy-binding trampoline.
 *
 * x86-64: the thread pointer is the %fs base. TLS is variant II: the static blocks lie below the
 * thread pointer and the thread control block starts at it; compilers read %fs:0 (the TCB's self
 * pointer) for local-exec code and %fs:0x28 for the stack-protector canary.
 *
 * System calls: number in %rax, arguments in %rdi %rsi %rdx %r10 %r8 %r9, result in %rax with
 * -4095..-1 meaning -errno; the instruction clobbers %rcx and %r11. Everything here is inline so
 * that stage 1 of the bootstrap (rtld/stage1.c), which may not call through the GOT, can use it. */
#ifndef TLD_ARCH_X64_RTLD_ARCH_H
#define TLD_ARCH_X64_RTLD_ARCH_H

#ifndef __ASSEMBLER__
#include <stdint.h>

#define RTLD_ARCH_NAME "x86-64"
#define RTLD_ARCH_MACHINE 62 /* EM_X86_64 */
#define RTLD_ARCH_MACHINE_ALT RTLD_ARCH_MACHINE
#define RTLD_ARCH_CLASS 2 /* ELFCLASS64 */
#define RTLD_ARCH_DATA 1  /* ELFDATA2LSB */
#define RTLD_ARCH_RELA 1
#define RTLD_ARCH_PAGE 4096ul

/* Generic relocation kinds mapped to this target's numbers. */
#define RTLD_R_ABSENT(k) (0x100 + (k))
#define RTLD_R_NONE 0
#define RTLD_R_ABS64 1
#define RTLD_R_PC32 2
#define RTLD_R_COPY 5
#define RTLD_R_GLOB_DAT 6
#define RTLD_R_JUMP_SLOT 7
#define RTLD_R_RELATIVE 8
#define RTLD_R_ABS32 10
#define RTLD_R_DTPMOD 16
#define RTLD_R_DTPOFF 17
#define RTLD_R_TPOFF 18
#define RTLD_R_PC64 24
#define RTLD_R_TLSDESC 36
#define RTLD_R_IRELATIVE 37
#define RTLD_R_TPOFF_NEG RTLD_R_ABSENT(1)
#define RTLD_R_UA32 RTLD_R_ABSENT(2)
#define RTLD_R_UA64 RTLD_R_ABSENT(3)

#define RTLD_SYS_read 0
#define RTLD_SYS_write 1
#define RTLD_SYS_close 3
#define RTLD_SYS_mmap 9
#define RTLD_SYS_mprotect 10
#define RTLD_SYS_munmap 11
#define RTLD_SYS_rt_sigaction 13
#define RTLD_SYS_rt_sigprocmask 14
#define RTLD_SYS_rt_sigreturn 15
#define RTLD_SYS_pread64 17
#define RTLD_SYS_sched_yield 24
#define RTLD_SYS_nanosleep 35
#define RTLD_SYS_getpid 39
#define RTLD_SYS_clone 56
#define RTLD_SYS_exit 60
#define RTLD_SYS_kill 62
#define RTLD_SYS_arch_prctl 158
#define RTLD_SYS_gettid 186
#define RTLD_SYS_futex 202
#define RTLD_SYS_exit_group 231
#define RTLD_SYS_tgkill 234
#define RTLD_SYS_openat 257
#define RTLD_SYS_prlimit64 302
#define RTLD_SYS_statx 332
#define RTLD_SYS_chdir 80
#define RTLD_SYS_sigaltstack 131
#define RTLD_SYS_getcwd 79
#define RTLD_SYS_readlinkat 267
#define RTLD_SYS_set_tid_address 218
#define RTLD_SYS_clock_gettime 228
#define RTLD_SYS_gettimeofday 96

#define RTLD_MMAP_SHIFT 0
#define RTLD_O_CLOEXEC 0x80000
#define RTLD_MAP_NORESERVE 0x4000
#define RTLD_SA_RESTORER 0x04000000ul
#define RTLD_ARCH_SET_FS 0x1002

/* Where installed libraries for this target live: PREFIX/lib/tld/RTLD_ARCH_LIBDIR. */
#define RTLD_ARCH_LIBDIR "x64"

/* The vDSO's clock functions and their version (leave undefined for a target without them). */
#define RTLD_ARCH_VDSO_VERSION "LINUX_2.6"
#define RTLD_ARCH_VDSO_CLOCK_GETTIME "__vdso_clock_gettime"
#define RTLD_ARCH_VDSO_GETTIMEOFDAY "__vdso_gettimeofday"

static inline long rtld_sys0(long n) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n) : "rcx", "r11", "memory");
  return r;
}
static inline long rtld_sys1(long n, long a) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
  return r;
}
static inline long rtld_sys2(long n, long a, long b) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
  return r;
}
static inline long rtld_sys3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}
static inline long rtld_sys4(long n, long a, long b, long c, long d) {
  long r;
  register long r10 __asm__("r10") = d;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                   : "rcx", "r11", "memory");
  return r;
}
static inline long rtld_sys5(long n, long a, long b, long c, long d, long e) {
  long r;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
                   : "rcx", "r11", "memory");
  return r;
}
static inline long rtld_sys6(long n, long a, long b, long c, long d, long e, long f) {
  long r;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ volatile("syscall"
                   : "=a"(r)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return r;
}

/* rt_sigaction with the kernel's struct (handler, flags, restorer, mask) and an 8-byte mask; the
 * restorer is the struct's, flagged by RTLD_SA_RESTORER. Every frame is an rt frame. */
void rtld_sigreturn(void);
#define RTLD_ARCH_SIGRESTORER(siginfo) ((void)(siginfo), rtld_sigreturn)
static inline long rtld_arch_rt_sigaction(int sig, const void *act, void *old,
                                          void (*restorer)(void)) {
  (void)restorer;
  return rtld_sys4(RTLD_SYS_rt_sigaction, sig, (long)act, (long)old, 8);
}

/* The thread pointer: the TCB's first word is the TCB's own address. */
static inline void *rtld_arch_tp(void) {
  void *tp;
  __asm__("mov %%fs:0, %0" : "=r"(tp));
  return tp;
}

static inline long rtld_arch_set_tp(void *tp) {
  return rtld_sys2(RTLD_SYS_arch_prctl, RTLD_ARCH_SET_FS, (long)tp);
}

/* clone's tls argument is the new %fs base itself. */
static inline void *rtld_arch_clone_tls(void *tp, unsigned long scratch[4]) {
  (void)scratch;
  return tp;
}

static inline void rtld_arch_pause(void) { __asm__ volatile("pause" ::: "memory"); }

/* Lazy binding (bind.S): GOT[1] names the object, GOT[2] the trampoline; a JUMP_SLOT's GOT word
 * first points back into its PLT entry (at the link-time address, so the load bias is added). */
void rtld_bind_entry(void);
static inline void rtld_arch_lazy_setup(uintptr_t *pltgot, void *obj) {
  pltgot[1] = (uintptr_t)obj;
  pltgot[2] = (uintptr_t)rtld_bind_entry;
}
static inline void rtld_arch_lazy_slot(uintptr_t *where, uintptr_t l_addr) { *where += l_addr; }
/* The bytes rtld_arch_plt_bind writes at a JUMP_SLOT's place (with its RELA addend). */
static inline unsigned rtld_arch_plt_bind_size(uintptr_t addend) {
  (void)addend;
  return 8;
}
static inline void rtld_arch_plt_bind(uintptr_t *where, uintptr_t value, uintptr_t addend,
                                      uintptr_t l_addr) {
  (void)l_addr;
  *where = value + addend;
}

/* TLS descriptor entry points (start.S). */
void rtld_tlsdesc_static(void);
void rtld_tlsdesc_dynamic(void);
#define RTLD_ARCH_TLSDESC_STATIC ((uintptr_t)rtld_tlsdesc_static)
#define RTLD_ARCH_TLSDESC_DYNAMIC ((uintptr_t)rtld_tlsdesc_dynamic)

/* Offsets the compilers and the assembly stubs rely on (checked against struct rtld_tcb). */
#define RTLD_TCB_SELF 0x00
#define RTLD_TCB_DTV 0x08
#define RTLD_TCB_DTV_CAP 0x18
#define RTLD_TCB_CANARY 0x28

#else /* __ASSEMBLER__ */

#define RTLD_TCB_DTV 0x08
#define RTLD_TCB_DTV_CAP 0x18
#define RTLD_SYS_clone_asm 56
#define RTLD_SYS_set_tid_address_asm 218

#endif
#endif
