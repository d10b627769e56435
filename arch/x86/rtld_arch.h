/* i386 side of the runtime linker (DESIGN.md §8); the contract is the one arch/x64/rtld_arch.h
 * describes.
 *
 * The thread pointer is the base of the segment in %gs, which names a GDT entry the kernel keeps
 * per thread: set_thread_area installs it (the first call lets the kernel pick the entry, later
 * calls and clone's CLONE_SETTLS reuse that entry with a new base) and the selector (entry * 8 +
 * 3) is loaded into %gs. TLS is variant II; compilers read %gs:0 (the TCB's self pointer) for
 * local-exec code and %gs:0x14 for the stack-protector canary; glibc keeps the vDSO's
 * __kernel_vsyscall at %gs:0x10, which rtld leaves unused.
 *
 * Relocations are REL: the addend is in the place (TLS descriptors: in their second word).
 *
 * System calls: `int $0x80`, which works before any thread pointer exists and under every
 * kernel (the vDSO's entry is faster but only reachable once AT_SYSINFO has been read; rtld makes
 * few system calls). Number in %eax, arguments in %ebx %ecx %edx %esi %edi %ebp, result in %eax
 * with -4095..-1 meaning -errno. rtld is position-independent, so %ebx may hold the GOT pointer:
 * the compiler saves it around the "b" constraint, and the six-argument form moves %ebp itself. */
#ifndef TLD_ARCH_X86_RTLD_ARCH_H
#define TLD_ARCH_X86_RTLD_ARCH_H

#ifndef __ASSEMBLER__
#include <stdint.h>

#define RTLD_ARCH_NAME "i386"
#define RTLD_ARCH_MACHINE 3 /* EM_386 */
#define RTLD_ARCH_MACHINE_ALT RTLD_ARCH_MACHINE
#define RTLD_ARCH_CLASS 1 /* ELFCLASS32 */
#define RTLD_ARCH_DATA 1  /* ELFDATA2LSB */
#define RTLD_ARCH_RELA 0
#define RTLD_ARCH_PAGE 4096ul

#define RTLD_R_ABSENT(k) (0x100 + (k))
#define RTLD_R_NONE 0
#define RTLD_R_ABS32 1 /* R_386_32 */
#define RTLD_R_PC32 2
#define RTLD_R_COPY 5
#define RTLD_R_GLOB_DAT 6
#define RTLD_R_JUMP_SLOT 7
#define RTLD_R_RELATIVE 8
#define RTLD_R_TPOFF 14 /* R_386_TLS_TPOFF: the negative offset */
#define RTLD_R_DTPMOD 35
#define RTLD_R_DTPOFF 36
#define RTLD_R_TPOFF_NEG 37 /* R_386_TLS_TPOFF32: its negation */
#define RTLD_R_TLSDESC 41
#define RTLD_R_IRELATIVE 42
#define RTLD_R_ABS64 RTLD_R_ABSENT(1)
#define RTLD_R_PC64 RTLD_R_ABSENT(2)
#define RTLD_R_UA32 RTLD_R_ABSENT(3)
#define RTLD_R_UA64 RTLD_R_ABSENT(4)

#define RTLD_SYS_exit 1
#define RTLD_SYS_read 3
#define RTLD_SYS_write 4
#define RTLD_SYS_close 6
#define RTLD_SYS_chdir 12
#define RTLD_SYS_getpid 20
#define RTLD_SYS_kill 37
#define RTLD_SYS_munmap 91
#define RTLD_SYS_clone 120
#define RTLD_SYS_gettimeofday 78
#define RTLD_SYS_mprotect 125
#define RTLD_SYS_sched_yield 158
#define RTLD_SYS_nanosleep 162
#define RTLD_SYS_rt_sigreturn 173
#define RTLD_SYS_rt_sigaction 174
#define RTLD_SYS_rt_sigprocmask 175
#define RTLD_SYS_pread64 180
#define RTLD_SYS_getcwd 183
#define RTLD_SYS_sigaltstack 186
#define RTLD_SYS_mmap 192 /* mmap2: the offset in 4096-byte units */
#define RTLD_SYS_gettid 224
#define RTLD_SYS_futex 240
#define RTLD_SYS_set_thread_area 243
#define RTLD_SYS_exit_group 252
#define RTLD_SYS_set_tid_address 258
#define RTLD_SYS_clock_gettime 265
#define RTLD_SYS_tgkill 270
#define RTLD_SYS_openat 295
#define RTLD_SYS_readlinkat 305
#define RTLD_SYS_prlimit64 340
#define RTLD_SYS_statx 383

#define RTLD_MMAP_SHIFT 12
#define RTLD_O_CLOEXEC 0x80000
#define RTLD_MAP_NORESERVE 0x4000
#define RTLD_SA_RESTORER 0x04000000ul

/* Where installed libraries for this target live: PREFIX/lib/tld/RTLD_ARCH_LIBDIR. */
#define RTLD_ARCH_LIBDIR "x86"

/* The vDSO's clock functions (32-bit time) and their version. */
#define RTLD_ARCH_VDSO_VERSION "LINUX_2.6"
#define RTLD_ARCH_VDSO_CLOCK_GETTIME "__vdso_clock_gettime"
#define RTLD_ARCH_VDSO_GETTIMEOFDAY "__vdso_gettimeofday"

static inline long rtld_sys0(long n) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n) : "memory");
  return r;
}
static inline long rtld_sys1(long n, long a) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a) : "memory");
  return r;
}
static inline long rtld_sys2(long n, long a, long b) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b) : "memory");
  return r;
}
static inline long rtld_sys3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
  return r;
}
static inline long rtld_sys4(long n, long a, long b, long c, long d) {
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
  return r;
}
static inline long rtld_sys5(long n, long a, long b, long c, long d, long e) {
  long r;
  __asm__ volatile("int $0x80"
                   : "=a"(r)
                   : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                   : "memory");
  return r;
}
/* The sixth argument goes in %ebp, which the compiler may be using as the frame pointer: it is
 * pushed (from wherever the compiler put it, before %esp moves), then loaded from the stack. */
static inline long rtld_sys6(long n, long a, long b, long c, long d, long e, long f) {
  long r;
  __asm__ volatile("pushl %7\n\t"
                   "push %%ebp\n\t"
                   "mov 4(%%esp), %%ebp\n\t"
                   "int $0x80\n\t"
                   "pop %%ebp\n\t"
                   "add $4, %%esp"
                   : "=a"(r)
                   : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e), "g"(f)
                   : "memory");
  return r;
}

/* The restorer is the struct's. A handler without SA_SIGINFO gets the old frame, which
 * sigreturn (not rt_sigreturn) undoes. */
void rtld_sigreturn(void);
void rtld_sigreturn_old(void);
#define RTLD_ARCH_SIGRESTORER(siginfo) ((siginfo) ? rtld_sigreturn : rtld_sigreturn_old)
static inline long rtld_arch_rt_sigaction(int sig, const void *act, void *old,
                                          void (*restorer)(void)) {
  (void)restorer;
  return rtld_sys4(RTLD_SYS_rt_sigaction, sig, (long)act, (long)old, 8);
}

/* The GDT entry set_thread_area gave the first thread (start.S; -1 until then). */
extern __attribute__((visibility("hidden"))) int rtld_x86_tls_entry;

/* struct user_desc: entry, base, limit, then flags seg_32bit (1), contents 0, read_exec_only 0,
 * limit_in_pages (0x10), seg_not_present 0, useable (0x40). */
static inline void rtld_x86_user_desc(unsigned long d[4], int entry, void *tp) {
  d[0] = (unsigned long)entry;
  d[1] = (unsigned long)tp;
  d[2] = 0xfffff;
  d[3] = 0x51;
}

static inline void *rtld_arch_tp(void) {
  void *tp;
  __asm__("mov %%gs:0, %0" : "=r"(tp));
  return tp;
}

static inline long rtld_arch_set_tp(void *tp) {
  unsigned long d[4];
  rtld_x86_user_desc(d, rtld_x86_tls_entry, tp);
  long r = rtld_sys1(RTLD_SYS_set_thread_area, (long)d);
  if (r < 0) return r;
  rtld_x86_tls_entry = (int)d[0];
  __asm__ volatile("movw %w0, %%gs" : : "q"(d[0] * 8 + 3) : "memory");
  return 0;
}

/* clone's tls argument is a user_desc for the same GDT entry with the new thread's base. */
static inline void *rtld_arch_clone_tls(void *tp, unsigned long scratch[4]) {
  rtld_x86_user_desc(scratch, rtld_x86_tls_entry, tp);
  return scratch;
}

static inline void rtld_arch_pause(void) { __asm__ volatile("pause" ::: "memory"); }

/* Lazy binding (bind.S): .got.plt[1] names the object, .got.plt[2] the trampoline; a JUMP_SLOT's
 * word first points back into its PLT entry, after the indirect jump (at the link-time address,
 * so the load bias is added). Both PLT forms, absolute and %ebx-relative, reach the same words. */
void rtld_bind_entry(void);
static inline void rtld_arch_lazy_setup(uintptr_t *pltgot, void *obj) {
  pltgot[1] = (uintptr_t)obj;
  pltgot[2] = (uintptr_t)rtld_bind_entry;
}
static inline void rtld_arch_lazy_slot(uintptr_t *where, uintptr_t l_addr) { *where += l_addr; }
static inline unsigned rtld_arch_plt_bind_size(uintptr_t addend) {
  (void)addend;
  return 4;
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

#define RTLD_TCB_SELF 0x00
#define RTLD_TCB_DTV 0x04
#define RTLD_TCB_DTV_CAP 0x0c
#define RTLD_TCB_CANARY 0x14

#else /* __ASSEMBLER__ */

#define RTLD_TCB_DTV 0x04
#define RTLD_TCB_DTV_CAP 0x0c
#define RTLD_SYS_clone_asm 120
#define RTLD_SYS_set_tid_address_asm 258

#endif
#endif
