/* x86-64 entry points of the runtime linker (DESIGN.md §8).
 *
 *   _rtld_start        the kernel enters here with %rsp at argc; stage 1 runs on this stack
 *   __tls_get_addr     GD/LD accessor: fast path in a few instructions, slow path in C
 *   rtld_tlsdesc_*     TLS descriptor resolvers (return the offset from the thread pointer in %rax)
 *   rtld_clone         clone a thread onto its own stack and thread pointer
 *   rtld_unmap_and_exit  a detached thread frees its own stack and ends
 *   rtld_sigreturn     the signal restorer handed to rt_sigaction
 *
 * The C side is built with -mgeneral-regs-only, so a stub that must preserve "everything" only
 * saves general registers around the call into C: no C code in rtld can touch a vector register. */
#include "rtld_arch.h"

	.text

/* Stage 0. Contract: nothing is relocated yet, so only PC-relative addressing of hidden symbols.
 * rtld_stage1(sp, &_DYNAMIC) returns the program's entry point; the program receives the
 * kernel's stack untouched and %rdx = 0 (no finaliser to register: exit() runs them). */
	.globl _rtld_start
	.hidden _rtld_start
	.type _rtld_start, @function
_rtld_start:
	xor %ebp, %ebp
	mov %rsp, %r12
	mov %rsp, %rdi
	lea _DYNAMIC(%rip), %rsi
	and $-16, %rsp
	call rtld_stage1
	mov %r12, %rsp
	xor %edx, %edx
	jmp *%rax
	.size _rtld_start, . - _rtld_start

/* void *__tls_get_addr(tls_index *ti). Fast path: the DTV's capacity is in the TCB
 * (%fs:RTLD_TCB_DTV_CAP), the DTV at %fs:8, dtv[m] the block or 0. The capacity is read before
 * the DTV: a signal handler that grows the DTV in between publishes the larger one first, so the
 * index is always inside the DTV loaded. Only %rax is changed on the fast path; the slow path
 * saves every other general register, so a caller that assumed less clobbering than the ABI
 * allows still works. The stack may arrive misaligned (GCC PR58066), so the slow path aligns it. */
	.globl __tls_get_addr
	.type __tls_get_addr, @function
__tls_get_addr:
	mov (%rdi), %rax
	cmp %fs:RTLD_TCB_DTV_CAP, %rax
	ja 1f
	shl $3, %rax
	add %fs:RTLD_TCB_DTV, %rax
	mov (%rax), %rax
	test %rax, %rax
	jz 1f
	add 8(%rdi), %rax
	ret
1:	jmp rtld_tls_slow_stub
	.size __tls_get_addr, . - __tls_get_addr

/* Slow path: %rdi = tls_index. Returns the address in %rax, every other register preserved. */
	.hidden rtld_tls_slow_stub
	.type rtld_tls_slow_stub, @function
rtld_tls_slow_stub:
	push %rbp
	mov %rsp, %rbp
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %r8
	push %r9
	push %r10
	push %r11
	and $-16, %rsp
	call rtld_tls_get_slow
	lea -64(%rbp), %rsp
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rbp
	ret
	.size rtld_tls_slow_stub, . - rtld_tls_slow_stub

/* TLS descriptors: %rax points at the two-word descriptor; return (block + offset) - tp in %rax,
 * preserving every other register. A static module's word 1 is the negative offset itself. */
	.globl rtld_tlsdesc_static
	.hidden rtld_tlsdesc_static
	.type rtld_tlsdesc_static, @function
rtld_tlsdesc_static:
	mov 8(%rax), %rax
	ret
	.size rtld_tlsdesc_static, . - rtld_tlsdesc_static

/* A dynamic module's word 1 points at a tls_index. */
	.globl rtld_tlsdesc_dynamic
	.hidden rtld_tlsdesc_dynamic
	.type rtld_tlsdesc_dynamic, @function
rtld_tlsdesc_dynamic:
	push %rdi
	mov 8(%rax), %rdi
	call __tls_get_addr
	sub %fs:0, %rax
	pop %rdi
	ret
	.size rtld_tlsdesc_dynamic, . - rtld_tlsdesc_dynamic

/* long rtld_clone(flags, stack, ptid, ctid, tls, struct rtld_tcb *t)
 * The child starts on `stack` (16-byte aligned) and calls rtld_thread_main(t), which never
 * returns. %r9 (t) is carried across the system call in a register the kernel preserves. */
	.globl rtld_clone
	.hidden rtld_clone
	.type rtld_clone, @function
rtld_clone:
	mov %rcx, %r10
	mov $RTLD_SYS_clone_asm, %eax
	syscall
	test %eax, %eax
	jnz 1f
	xor %ebp, %ebp
	mov %r9, %rdi
	call rtld_thread_main
	hlt
1:	ret
	.size rtld_clone, . - rtld_clone

/* void rtld_unmap_and_exit(map, len): a detached thread frees its own mapping and ends. The
 * kernel's CLONE_CHILD_CLEARTID store at exit would land in the freed mapping (by then perhaps a
 * new thread's stack), so the clear-tid address is dropped first (set_tid_address(NULL)). After
 * munmap the stack is gone, so nothing may touch memory between the last two system calls. */
	.globl rtld_unmap_and_exit
	.hidden rtld_unmap_and_exit
	.type rtld_unmap_and_exit, @function
rtld_unmap_and_exit:
	mov %rdi, %rdx
	xor %edi, %edi
	mov $RTLD_SYS_set_tid_address_asm, %eax
	syscall
	mov %rdx, %rdi
	mov $11, %eax
	syscall
	xor %edi, %edi
	mov $60, %eax
	syscall
	hlt
	.size rtld_unmap_and_exit, . - rtld_unmap_and_exit

/* The signal restorer handed to rt_sigaction. When a handler returns here, %rsp points at the
 * kernel's ucontext (the return address above it has been popped). Its frame description lets an
 * unwinder step through the signal frame: 'S' marks it as a signal frame (the unwinder then uses
 * the return address as is, not minus one, which is also why the description starts one byte
 * early, at the nop), the CFA is the interrupted %rsp saved in uc_mcontext, and every general
 * register and the return address (%rip) is found in uc_mcontext. The instructions are the ones
 * unwinders and debuggers also recognise by their bytes (mov $15, %rax; syscall). Offsets:
 * uc_mcontext is at 40 in the ucontext; gregs are r8..r15, rdi, rsi, rbp, rbx, rdx, rax, rcx,
 * rsp, rip, 8 bytes each. DWARF numbers: rax 0, rdx 1, rcx 2, rbx 3, rsi 4, rdi 5, rbp 6, rsp 7,
 * r8-r15 8-15, rip 16. */
#define UC_GREG(n) (40 + 8 * (n))
/* An offset as a two-byte SLEB128 (every offset here is below 8192 and positive). */
#define SLEB2(v) (((v) & 0x7f) | 0x80), ((v) >> 7)
#define CFI_REG(dw, n) .cfi_escape 0x10, dw, 3, 0x77, SLEB2(UC_GREG(n))
	.text
	.cfi_startproc
	.cfi_signal_frame
	/* CFA = *(%rsp + offset of the saved rsp): DW_CFA_def_cfa_expression(DW_OP_breg7 off; deref) */
	.cfi_escape 0x0f, 4, 0x77, SLEB2(UC_GREG(15)), 0x06
	CFI_REG(8, 0)
	CFI_REG(9, 1)
	CFI_REG(10, 2)
	CFI_REG(11, 3)
	CFI_REG(12, 4)
	CFI_REG(13, 5)
	CFI_REG(14, 6)
	CFI_REG(15, 7)
	CFI_REG(5, 8)
	CFI_REG(4, 9)
	CFI_REG(6, 10)
	CFI_REG(3, 11)
	CFI_REG(1, 12)
	CFI_REG(0, 13)
	CFI_REG(2, 14)
	CFI_REG(16, 16)
	nop
	.globl rtld_sigreturn
	.hidden rtld_sigreturn
	.type rtld_sigreturn, @function
rtld_sigreturn:
	mov $15, %rax
	syscall
	hlt
	.cfi_endproc
	.size rtld_sigreturn, . - rtld_sigreturn

	.section .note.GNU-stack,"",@progbits
