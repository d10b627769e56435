/* x86-64 lazy-binding trampoline (DESIGN.md §8).
 *
 * PLT0 pushed GOT[1] (the object) on top of the index pushed by PLTn, then jumped here through
 * GOT[2]. On entry: 0(%rsp) = object, 8(%rsp) = index of the JUMP_SLOT in DT_JMPREL, 16(%rsp) =
 * the caller's return address, and every argument register is live: %rdi %rsi %rdx %rcx %r8 %r9,
 * %rax (the vector-register count of a variadic call), %r10 (static chain) and %xmm0-7 / %ymm /
 * %zmm. rtld's C code never uses vector registers (-mgeneral-regs-only), yet the trampoline saves
 * %xmm0-7 as well, so a future change of build flags cannot silently break vector arguments.
 * rtld_lazy_fixup(object, index) returns the function's address; the trampoline then restores
 * everything, drops its two words and jumps there, so the function returns straight to the
 * caller. */

	.text
	.globl rtld_bind_entry
	.hidden rtld_bind_entry
	.type rtld_bind_entry, @function
rtld_bind_entry:
	push %rbp
	mov %rsp, %rbp
	push %rax
	push %rdi
	push %rsi
	push %rdx
	push %rcx
	push %r8
	push %r9
	push %r10
	push %r11
	and $-16, %rsp
	sub $128, %rsp
	movdqa %xmm0, 0(%rsp)
	movdqa %xmm1, 16(%rsp)
	movdqa %xmm2, 32(%rsp)
	movdqa %xmm3, 48(%rsp)
	movdqa %xmm4, 64(%rsp)
	movdqa %xmm5, 80(%rsp)
	movdqa %xmm6, 96(%rsp)
	movdqa %xmm7, 112(%rsp)
	mov 8(%rbp), %rdi
	mov 16(%rbp), %rsi
	call rtld_lazy_fixup
	mov %rax, %r11
	movdqa 0(%rsp), %xmm0
	movdqa 16(%rsp), %xmm1
	movdqa 32(%rsp), %xmm2
	movdqa 48(%rsp), %xmm3
	movdqa 64(%rsp), %xmm4
	movdqa 80(%rsp), %xmm5
	movdqa 96(%rsp), %xmm6
	movdqa 112(%rsp), %xmm7
	lea -64(%rbp), %rsp
	pop %r10
	pop %r9
	pop %r8
	pop %rcx
	pop %rdx
	pop %rsi
	pop %rdi
	pop %rax
	pop %rbp
	add $16, %rsp
	jmp *%r11
	.size rtld_bind_entry, . - rtld_bind_entry

	.section .note.GNU-stack,"",@progbits
