/* i386 start-up and system calls for the freestanding test program (int $0x80 convention:
 * number in %eax, arguments in %ebx, %ecx, %edx). */
        .text
        .globl _start
_start:
        xor %ebp, %ebp
        and $-16, %esp
        call main
        push %eax
        call fs_exit

/* long fs_write(int fd, const void *buf, unsigned long len); %ebx is callee-saved. */
        .globl fs_write
fs_write:
        push %ebx
        mov 8(%esp), %ebx
        mov 12(%esp), %ecx
        mov 16(%esp), %edx
        mov $4, %eax            /* SYS_write */
        int $0x80
        pop %ebx
        ret

/* void fs_exit(int status) */
        .globl fs_exit
fs_exit:
        mov 4(%esp), %ebx
        mov $252, %eax          /* SYS_exit_group */
        int $0x80
        hlt

        .section .note.GNU-stack,"",@progbits
