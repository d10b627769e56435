/* SPARC lazy-binding trampolines (DESIGN.md §8), entered from the PLT header rtld writes
 * (rtld_arch.h, rtld_arch_lazy_setup) in the register window its `save` opened. The caller's
 * arguments are therefore this window's %i0-%i5 (and the stack beyond), untouched by anything
 * here; %g1 says which entry was called. rtld_lazy_fixup(object, index) binds the entry (patching
 * it, so later calls go straight to the function) and returns the function's address; `jmp` to
 * it with `restore` in its delay slot gives the function the caller's window and return address,
 * as if it had been called directly. rtld's C code uses no floating-point register (-mno-fpu),
 * so floating-point arguments (sparcv9 passes them in %f0-%f31) pass through untouched. */
#include "rtld_arch.h"

	.text
#ifdef __arch64__

/* A near entry (.PLT4 - .PLT32767) branched to .PLT1 with %g1 = its offset << 10; .PLT1's jmpl
 * left its own address, .PLT0 + 56, in %l6. The object is at .PLT2 = %l6 + 8. Index = offset /
 * 32 - 4 (the four reserved entries). */
	.globl rtld_bind_near
	.hidden rtld_bind_near
	.type rtld_bind_near, #function
	.align 4
rtld_bind_near:
	ldx [%l6 + 8], %o0
	srlx %g1, 15, %o1
	call rtld_lazy_fixup
	 sub %o1, 4, %o1
	jmp %o0
	 restore
	.size rtld_bind_near, . - rtld_bind_near

/* A far entry (32768 and up) jumped to .PLT0 with %g1 = the address of its jmpl (entry + 16);
 * .PLT0's jmpl left .PLT0 + 24 in %l6, the object is at .PLT2 = %l6 + 40. Far entries come in
 * blocks of 160, each block 160 * 24 bytes of code then 160 pointer words (5120 bytes; the last
 * block holds fewer), starting at .PLT0 + 32768 * 32. Index = 32768 + block * 160 + (offset in
 * block) / 24 - 4. */
	.globl rtld_bind_far
	.hidden rtld_bind_far
	.type rtld_bind_far, #function
	.align 4
rtld_bind_far:
	ldx [%l6 + 40], %o0
	sub %g1, %l6, %o1           /* entry + 16 - (.PLT0 + 24) */
	add %o1, 8, %o1             /* entry - .PLT0 */
	sethi %hi(32768 * 32), %o2
	sub %o1, %o2, %o1           /* offset into the far area */
	set 160 * 32, %o2
	udivx %o1, %o2, %o3         /* block */
	mulx %o3, %o2, %o4
	sub %o1, %o4, %o4           /* offset into the block */
	udivx %o4, 24, %o4
	mulx %o3, 160, %o3
	add %o3, %o4, %o3
	set 32768 - 4, %o2
	call rtld_lazy_fixup
	 add %o3, %o2, %o1
	jmp %o0
	 restore
	.size rtld_bind_far, . - rtld_bind_far

#else

/* An entry branched to .PLT0 with %g1 = its offset << 10; .PLT0's `call` left .PLT0 + 4 in %o7,
 * the object is at .PLT0 + 12. Index = offset / 12 - 4. */
	.globl rtld_bind_entry
	.hidden rtld_bind_entry
	.type rtld_bind_entry, #function
	.align 4
rtld_bind_entry:
	ld [%o7 + 8], %o0
	srl %g1, 10, %o1
	udivx %o1, 12, %o1
	call rtld_lazy_fixup
	 sub %o1, 4, %o1
	jmp %o0
	 restore
	.size rtld_bind_entry, . - rtld_bind_entry

#endif

	.section .note.GNU-stack,"",@progbits
