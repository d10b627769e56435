/* i386 lazy-binding trampoline (DESIGN.md §8).
 *
 * Both PLT forms (absolute in executables, %ebx-relative in shared objects and PIEs) end the same
 * way: PLTn pushed the offset of its JUMP_SLOT in DT_JMPREL, PLT0 pushed .got.plt[1] (the object)
 * and jumped here through .got.plt[2]. On entry: 0(%esp) = object, 4(%esp) = relocation offset,
 * 8(%esp) = the caller's return address, and the caller's arguments follow on the stack. Besides
 * them %eax, %ecx and %edx may carry arguments (regparm and fastcall functions); everything else
 * is callee-saved by the C code. rtld's C code uses no x87, MMX or SSE register
 * (-mgeneral-regs-only), so vector arguments (%xmm0-2 for __m128 parameters) pass through
 * untouched. rtld_lazy_fixup(object, index) returns the function's address, which replaces the
 * offset word; after the registers come back and the object word is dropped, `ret` jumps to the
 * function with the caller's return address on top, as if it had been called directly. */

	.text
	.globl rtld_bind_entry
	.hidden rtld_bind_entry
	.type rtld_bind_entry, @function
rtld_bind_entry:
	push %eax
	push %ecx
	push %edx
	mov 12(%esp), %eax
	mov 16(%esp), %edx
	shr $3, %edx /* offset / sizeof(Elf32_Rel) */
	push %ebp
	mov %esp, %ebp
	and $-16, %esp
	sub $8, %esp
	push %edx
	push %eax
	call rtld_lazy_fixup
	mov %ebp, %esp
	pop %ebp
	mov %eax, 16(%esp)
	pop %edx
	pop %ecx
	pop %eax
	add $4, %esp
	ret
	.size rtld_bind_entry, . - rtld_bind_entry

	.section .note.GNU-stack,"",@progbits
