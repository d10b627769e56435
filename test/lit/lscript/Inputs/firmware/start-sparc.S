/* SPARC V9 reset vector for the firmware-style program: the stack is the script's __stack_top
 * (less the 64-bit ABI's bias and a register save area); fw_main's status goes to exit_group. */
        .section .text.boot,"ax",@progbits
        .globl _start
        .align 4
_start:
        sethi %hi(__stack_top), %g1
        or %g1, %lo(__stack_top), %g1
        sub %g1, 192 + 2047, %sp
        call fw_main
         nop
        mov %o0, %o0
        mov 188, %g1            /* SYS_exit_group */
        ta 0x6d
        illtrap 0

        .text
/* long fw_write(int fd, const void *buf, unsigned long len) */
        .globl fw_write
        .align 4
fw_write:
        mov 4, %g1              /* SYS_write */
        ta 0x6d
        retl
         nop

        .section .note.GNU-stack,"",@progbits
