/* i386 entry points of the runtime linker (DESIGN.md §8).
 *
 *   _rtld_start        the kernel enters here with %esp at argc; stage 1 runs on this stack
 *   ___tls_get_addr    GD/LD accessor of GNU code: tls_index in %eax
 *   __tls_get_addr     the same with the tls_index on the stack (Sun code)
 *   rtld_tlsdesc_*     TLS descriptor resolvers (return the offset from the thread pointer in %eax)
 *   rtld_clone         clone a thread onto its own stack and thread pointer
 *   rtld_unmap_and_exit  a detached thread frees its own stack and ends
 *   rtld_sigreturn     the signal restorers handed to rt_sigaction: rt_sigreturn after a
 *   rtld_sigreturn_old SA_SIGINFO handler (rt frame), sigreturn after another (old frame)
 *
 * The C side is built with -mgeneral-regs-only, so a stub that must preserve "everything" only
 * saves general registers around the call into C. C functions keep %ebx, %esi, %edi and %ebp;
 * the stubs save %ecx and %edx themselves, and align the stack to 16 bytes for the C call. */
#include "rtld_arch.h"

	.data
	.balign 4
	.globl rtld_x86_tls_entry
	.hidden rtld_x86_tls_entry
	.type rtld_x86_tls_entry, @object
rtld_x86_tls_entry:
	.long -1
	.size rtld_x86_tls_entry, 4

	.text

/* Stage 0. Contract: nothing is relocated yet; _DYNAMIC is found from the GOT pointer, which is
 * computed PC-relatively. rtld_stage1(sp, &_DYNAMIC) returns the program's entry point; the
 * program receives the kernel's stack untouched and %edx = 0 (no finaliser to register). */
	.globl _rtld_start
	.hidden _rtld_start
	.type _rtld_start, @function
_rtld_start:
	xor %ebp, %ebp
	mov %esp, %esi
	call 1f
1:	pop %ebx
	addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx
	lea _DYNAMIC@GOTOFF(%ebx), %eax
	and $-16, %esp
	sub $8, %esp
	push %eax
	push %esi
	call rtld_stage1
	mov %esi, %esp
	xor %edx, %edx
	jmp *%eax
	.size _rtld_start, . - _rtld_start

/* void *___tls_get_addr(tls_index *ti in %eax). Fast path: the DTV's capacity is in the TCB
 * (%gs:RTLD_TCB_DTV_CAP), the DTV at %gs:4, dtv[m] the block or 0; the capacity is read before
 * the DTV (the slow path publishes a larger DTV before its capacity). Every register but %eax is
 * preserved, on the slow path too (GCC assumes %ecx and %edx may change; Sun code and
 * hand-written callers may assume less). */
	.globl ___tls_get_addr
	.type ___tls_get_addr, @function
___tls_get_addr:
	push %edx
	mov (%eax), %edx
	cmp %gs:RTLD_TCB_DTV_CAP, %edx
	ja 1f
	shl $2, %edx
	add %gs:RTLD_TCB_DTV, %edx
	mov (%edx), %edx
	test %edx, %edx
	jz 1f
	add 4(%eax), %edx
	mov %edx, %eax
	pop %edx
	ret
/* Slow path: the tls_index is still in %eax; %edx is on the stack. */
1:	push %ecx
	push %ebp
	mov %esp, %ebp
	and $-16, %esp
	sub $12, %esp
	push %eax
	call rtld_tls_get_slow
	mov %ebp, %esp
	pop %ebp
	pop %ecx
	pop %edx
	ret
	.size ___tls_get_addr, . - ___tls_get_addr

/* void *__tls_get_addr(tls_index *ti): the argument on the stack. */
	.globl __tls_get_addr
	.type __tls_get_addr, @function
__tls_get_addr:
	mov 4(%esp), %eax
	jmp ___tls_get_addr
	.size __tls_get_addr, . - __tls_get_addr

/* TLS descriptors: %eax points at the two-word descriptor; return (block + offset) - tp in %eax,
 * preserving every other register. A static module's word 1 is the negative offset itself. */
	.globl rtld_tlsdesc_static
	.hidden rtld_tlsdesc_static
	.type rtld_tlsdesc_static, @function
rtld_tlsdesc_static:
	mov 4(%eax), %eax
	ret
	.size rtld_tlsdesc_static, . - rtld_tlsdesc_static

/* A dynamic module's word 1 points at a tls_index. */
	.globl rtld_tlsdesc_dynamic
	.hidden rtld_tlsdesc_dynamic
	.type rtld_tlsdesc_dynamic, @function
rtld_tlsdesc_dynamic:
	mov 4(%eax), %eax
	call ___tls_get_addr
	sub %gs:0, %eax
	ret
	.size rtld_tlsdesc_dynamic, . - rtld_tlsdesc_dynamic

/* long rtld_clone(flags, stack, ptid, ctid, tls, struct rtld_tcb *t)
 * i386 clone takes flags, stack, ptid, tls (a user_desc), ctid in %ebx %ecx %edx %esi %edi. `t`
 * is stored on the child's stack, where the child finds it as rtld_thread_main's argument; the
 * child's stack is 16-byte aligned at the call. */
	.globl rtld_clone
	.hidden rtld_clone
	.type rtld_clone, @function
rtld_clone:
	push %ebx
	push %esi
	push %edi
	push %ebp
	mov 20(%esp), %ebx
	mov 24(%esp), %ecx
	mov 28(%esp), %edx
	mov 32(%esp), %edi
	mov 36(%esp), %esi
	mov 40(%esp), %ebp
	and $-16, %ecx
	sub $16, %ecx
	mov %ebp, (%ecx)
	mov $RTLD_SYS_clone_asm, %eax
	int $0x80
	test %eax, %eax
	jnz 1f
	xor %ebp, %ebp
	call rtld_thread_main
	hlt
1:	pop %ebp
	pop %edi
	pop %esi
	pop %ebx
	ret
	.size rtld_clone, . - rtld_clone

/* void rtld_unmap_and_exit(map, len): a detached thread frees its own mapping and ends. The
 * clear-tid address is dropped first (set_tid_address(NULL)): the kernel's store at exit would
 * land in the freed mapping. After munmap the stack is gone, so nothing may touch memory between
 * the last two system calls. */
	.globl rtld_unmap_and_exit
	.hidden rtld_unmap_and_exit
	.type rtld_unmap_and_exit, @function
rtld_unmap_and_exit:
	xor %ebx, %ebx
	mov $RTLD_SYS_set_tid_address_asm, %eax
	int $0x80
	mov 4(%esp), %ebx
	mov 8(%esp), %ecx
	mov $91, %eax
	int $0x80
	xor %ebx, %ebx
	mov $1, %eax
	int $0x80
	hlt
	.size rtld_unmap_and_exit, . - rtld_unmap_and_exit

/* The signal restorers handed to rt_sigaction, with frame descriptions that let an unwinder step
 * through the signal frame (as on x86-64): 'S' marks a signal frame (the return address is used
 * as is, hence the description starting one byte early, at the nop); the CFA is the interrupted
 * %esp saved in the frame's sigcontext, where every general register and %eip are found too.
 * sigcontext offsets: edi 16, esi 20, ebp 24, esp 28, ebx 32, edx 36, ecx 40, eax 44, eip 56.
 * DWARF numbers: eax 0, ecx 1, edx 2, ebx 3, esp 4, ebp 5, esi 6, edi 7, eip 8. The instruction
 * bytes are the ones debuggers recognise.
 *
 * rt frame (SA_SIGINFO): after the handler's `ret`, %esp points at the signal number, then the
 * siginfo pointer, the ucontext pointer, the 128-byte siginfo and the ucontext, whose
 * uc_mcontext (the sigcontext) is 20 bytes in: at %esp + 160. */
/* An offset as a two-byte SLEB128 (every offset here is below 8192 and positive). */
#define SLEB2(v) (((v) & 0x7f) | 0x80), ((v) >> 7)
/* Register dw is saved at %esp + off: DW_CFA_expression(dw, DW_OP_breg4 off). */
#define CFI_AT(dw, off) .cfi_escape 0x10, dw, 3, 0x74, SLEB2(off)
/* CFA = *(%esp + off): DW_CFA_def_cfa_expression(DW_OP_breg4 off; DW_OP_deref). */
#define CFI_CFA(off) .cfi_escape 0x0f, 4, 0x74, SLEB2(off), 0x06
#define CFI_SIGCONTEXT(sc)                                                                         \
	CFI_CFA((sc) + 28);                                                                        \
	CFI_AT(7, (sc) + 16);                                                                      \
	CFI_AT(6, (sc) + 20);                                                                      \
	CFI_AT(5, (sc) + 24);                                                                      \
	CFI_AT(3, (sc) + 32);                                                                      \
	CFI_AT(2, (sc) + 36);                                                                      \
	CFI_AT(1, (sc) + 40);                                                                      \
	CFI_AT(0, (sc) + 44);                                                                      \
	CFI_AT(8, (sc) + 56)

	.text
	.cfi_startproc
	.cfi_signal_frame
	CFI_SIGCONTEXT(160)
	nop
	.globl rtld_sigreturn
	.hidden rtld_sigreturn
	.type rtld_sigreturn, @function
rtld_sigreturn:
	mov $173, %eax
	int $0x80
	hlt
	.cfi_endproc
	.size rtld_sigreturn, . - rtld_sigreturn

/* Old frame (a handler without SA_SIGINFO): the signal number, then the sigcontext, at %esp + 4;
 * sigreturn expects the number popped, after which the sigcontext is at %esp. */
	.cfi_startproc
	.cfi_signal_frame
	CFI_SIGCONTEXT(4)
	nop
	.globl rtld_sigreturn_old
	.hidden rtld_sigreturn_old
	.type rtld_sigreturn_old, @function
rtld_sigreturn_old:
	pop %eax
	CFI_SIGCONTEXT(0)
	mov $119, %eax
	int $0x80
	hlt
	.cfi_endproc
	.size rtld_sigreturn_old, . - rtld_sigreturn_old

	.section .note.GNU-stack,"",@progbits
