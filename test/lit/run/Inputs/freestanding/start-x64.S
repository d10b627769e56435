/* x86-64 start-up and system calls for the freestanding test program. The kernel starts us with
 * %rsp pointing at argc (16-byte aligned); main takes no arguments. */
        .text
        .globl _start
_start:
        xor %ebp, %ebp          /* outermost frame for debuggers */
        and $-16, %rsp
        call main
        mov %eax, %edi
        call fs_exit

/* long fs_write(int fd, const void *buf, unsigned long len): arguments are already where the
 * syscall wants them. */
        .globl fs_write
fs_write:
        mov $1, %eax            /* SYS_write */
        syscall
        ret

/* void fs_exit(int status) */
        .globl fs_exit
fs_exit:
        mov $231, %eax          /* SYS_exit_group */
        syscall
        hlt

        .section .note.GNU-stack,"",@progbits
