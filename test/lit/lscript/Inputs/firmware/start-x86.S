/* i386 reset vector for the firmware-style program: the stack is the script's __stack_top;
 * fw_main's status goes to exit_group. */
        .section .text.boot,"ax",@progbits
        .globl _start
_start:
        mov $__stack_top, %esp
        xor %ebp, %ebp
        call fw_main
        mov %eax, %ebx
        mov $252, %eax          /* SYS_exit_group */
        int $0x80
        hlt

        .text
/* long fw_write(int fd, const void *buf, unsigned long len) */
        .globl fw_write
fw_write:
        push %ebx
        mov 8(%esp), %ebx
        mov 12(%esp), %ecx
        mov 16(%esp), %edx
        mov $4, %eax            /* SYS_write */
        int $0x80
        pop %ebx
        ret

        .section .note.GNU-stack,"",@progbits
