/* SPARC start-up and system calls for the freestanding test program, for both sparc (-m32) and
 * sparcv9 (-m64). The kernel starts us with a valid %sp (biased by 2047 on sparcv9) whose
 * register save area is already reserved; we only make room for the outgoing-argument words a
 * callee may spill into its caller's frame. System calls: number in %g1, arguments in %o0..%o5,
 * trap 0x10 (32-bit) or 0x6d (64-bit); the result comes back in %o0. */
#ifdef __arch64__
#define SYSCALL_TRAP 0x6d
#define FRAME_EXTRA 48          /* 6 argument words of 8 bytes, keeps 16-byte alignment */
#else
#define SYSCALL_TRAP 0x10
#define FRAME_EXTRA 24          /* 6 argument words of 4 bytes, keeps 8-byte alignment */
#endif

        .text
        .globl _start
        .type _start, #function
_start:
        mov %g0, %fp            /* outermost frame */
        sub %sp, FRAME_EXTRA, %sp
        call main
         nop
        call fs_exit            /* status already in %o0 */
         nop

/* long fs_write(int fd, const void *buf, unsigned long len): a leaf, arguments already in
 * %o0..%o2. */
        .globl fs_write
        .type fs_write, #function
fs_write:
        mov 4, %g1              /* SYS_write */
        ta SYSCALL_TRAP
        retl
         nop

/* void fs_exit(int status) */
        .globl fs_exit
        .type fs_exit, #function
fs_exit:
        mov 188, %g1            /* SYS_exit_group */
        ta SYSCALL_TRAP
        mov 1, %g1              /* SYS_exit, should exit_group be missing */
        ta SYSCALL_TRAP

        .section .note.GNU-stack,"",@progbits
