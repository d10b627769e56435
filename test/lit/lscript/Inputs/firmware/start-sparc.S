/* SPARC reset vector for the firmware-style program (V9 with -m64, V8+ with -m32): the stack is
 * the script's __stack_top less a register save area (and, for V9, the ABI's stack bias);
 * fw_main's status goes to exit_group. */
#if defined(__arch64__)
#define FRAME (192 + 2047)
#define SYSCALL ta 0x6d
#else
#define FRAME 96
#define SYSCALL ta 0x10
#endif
        .section .text.boot,"ax",@progbits
        .globl _start
        .align 4
_start:
        sethi %hi(__stack_top), %g1
        or %g1, %lo(__stack_top), %g1
        sub %g1, FRAME, %sp
        call fw_main
         nop
        mov 188, %g1            /* SYS_exit_group */
        SYSCALL
        illtrap 0

        .text
/* long fw_write(int fd, const void *buf, unsigned long len) */
        .globl fw_write
        .align 4
fw_write:
        mov 4, %g1              /* SYS_write */
        SYSCALL
        retl
         nop

        .section .note.GNU-stack,"",@progbits
