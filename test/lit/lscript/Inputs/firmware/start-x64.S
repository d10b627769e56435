/* x86-64 reset vector for the firmware-style program: the stack is the script's __stack_top;
 * fw_main's status goes to exit_group. */
        .section .text.boot,"ax",@progbits
        .globl _start
_start:
        mov $__stack_top, %rsp
        xor %ebp, %ebp
        call fw_main
        mov %eax, %edi
        mov $231, %eax          /* SYS_exit_group */
        syscall
        hlt

        .text
/* long fw_write(int fd, const void *buf, unsigned long len) */
        .globl fw_write
fw_write:
        mov $1, %eax            /* SYS_write */
        syscall
        ret

        .section .note.GNU-stack,"",@progbits
