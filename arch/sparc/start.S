/* SPARC entry points of the runtime linker (DESIGN.md §8), for sparc and sparcv9.
 *
 *   _rtld_start        the kernel enters here; argc is at %sp + BIAS + 16 words
 *   __tls_get_addr     GD/LD accessor, an ordinary function: tls_index in %o0, the address back
 *                      in %o0; the fast path is a leaf, the slow path the C rtld_tls_get_slow
 *   rtld_clone         clone a thread onto its own stack and thread pointer
 *   rtld_unmap_and_exit  a detached thread frees its own stack and ends
 *   rtld_sigreturn     the signal restorer (rt_sigreturn; sparc also has rtld_sigreturn_old for
 *                      the old frame of a handler without SA_SIGINFO)
 *
 * sparcv9's %sp and %fp carry a bias of 2047 (BIAS); a frame holds at least the 16-word register
 * window save area and the outgoing argument words (FRAME bytes, 16-byte aligned on sparcv9). */
#include "rtld_arch.h"

	.text

/* Stage 0. Contract: nothing is relocated yet; _DYNAMIC is found PC-relatively (%pc22/%pc10
 * around a `call` that yields the PC). rtld_stage1(&argc, &_DYNAMIC) returns the program's entry
 * point, which receives the kernel's stack untouched and %g1 = 0 (no finaliser to register). */
	.globl _rtld_start
	.hidden _rtld_start
	.type _rtld_start, #function
	.align 4
_rtld_start:
	add %sp, BIAS + 16 * WSIZE, %o0
	sub %sp, FRAME, %sp
	sethi %pc22(_DYNAMIC - 4), %o1
	call 1f
	 add %o1, %pc10(_DYNAMIC + 4), %o1
1:	add %o1, %o7, %o1
	call rtld_stage1
	 nop
	add %sp, FRAME, %sp
	jmp %o0
	 mov %g0, %g1
	.size _rtld_start, . - _rtld_start

/* void *__tls_get_addr(tls_index *ti). Fast path: the DTV's capacity is in the TCB
 * ([%g7 + RTLD_TCB_DTV_CAP]), the DTV at [%g7 + RTLD_TCB_DTV], dtv[m] the block or 0; the
 * capacity is read before the DTV (the slow path publishes a larger DTV before its capacity, and
 * SPARC Linux runs in total store order). Only %o1-%o4 change. The slow path is a tail call to C. */
	.globl __tls_get_addr
	.type __tls_get_addr, #function
	.align 4
__tls_get_addr:
	LDW [%o0], %o2
	LDW [%g7 + RTLD_TCB_DTV_CAP], %o3
	cmp %o2, %o3
#ifdef __arch64__
	bgu,pn %xcc, 1f
#else
	bgu 1f
#endif
	 sll %o2, WSHIFT, %o3
	LDW [%g7 + RTLD_TCB_DTV], %o1
	LDW [%o1 + %o3], %o3
	cmp %o3, 0
#ifdef __arch64__
	be,pn %xcc, 1f
#else
	be 1f
#endif
	 LDW [%o0 + WSIZE], %o4
	retl
	 add %o3, %o4, %o0
1:	mov %o7, %g1
	call rtld_tls_get_slow
	 mov %g1, %o7
	.size __tls_get_addr, . - __tls_get_addr

/* long rtld_clone(flags, stack, ptid, ctid, tls, struct rtld_tcb *t)
 * The kernel's order is flags, stack, ptid, tls, ctid in %o0-%o4; `t` rides in %o5, which the
 * child inherits. The register windows are flushed to the stack first, so the child's copy of
 * the register file holds nothing the parent still needs. The child's stack pointer leaves a
 * frame below the top (biased on sparcv9); the kernel marks the child by %o1 = 1. */
	.globl rtld_clone
	.hidden rtld_clone
	.type rtld_clone, #function
	.align 4
rtld_clone:
	save %sp, -FRAME, %sp
	flushw
	mov %i0, %o0
	and %i1, -16, %o1
	sub %o1, FRAME + BIAS, %o1
	mov %i2, %o2
	mov %i4, %o3
	mov %i3, %o4
	mov %i5, %o5
	mov RTLD_SYS_clone_asm, %g1
	ta RTLD_TRAP_asm
#ifdef __arch64__
	bcs,a,pn %xcc, 2f
#else
	bcs,a 2f
#endif
	 sub %g0, %o0, %o0 /* failed: -errno */
	cmp %o1, 0
	bne 3f
	 nop
2:	ret
	 restore %o0, 0, %o0
3:	mov %g0, %fp
	call rtld_thread_main
	 mov %o5, %o0
	illtrap 0
	.size rtld_clone, . - rtld_clone

/* void rtld_unmap_and_exit(map, len): a detached thread frees its own mapping and ends. The
 * clear-tid address is dropped first (set_tid_address(NULL)): the kernel's store at exit would
 * land in the freed mapping. After munmap the stack is gone, so nothing may touch memory between
 * the last two system calls; a leaf, so no register window is saved or restored. */
	.globl rtld_unmap_and_exit
	.hidden rtld_unmap_and_exit
	.type rtld_unmap_and_exit, #function
	.align 4
rtld_unmap_and_exit:
	mov %o0, %o2
	mov %o1, %o3
	mov %g0, %o0
	mov RTLD_SYS_set_tid_address_asm, %g1
	ta RTLD_TRAP_asm
	mov %o2, %o0
	mov %o3, %o1
	mov 73, %g1
	ta RTLD_TRAP_asm
	mov 0, %o0
	mov 1, %g1
	ta RTLD_TRAP_asm
	illtrap 0
	.size rtld_unmap_and_exit, . - rtld_unmap_and_exit

/* The handler returns to the restorer argument of rt_sigaction + 8, i.e. here. */
	.globl rtld_sigreturn
	.hidden rtld_sigreturn
	.type rtld_sigreturn, #function
	.align 4
rtld_sigreturn:
	mov 101, %g1
	ta RTLD_TRAP_asm
	illtrap 0
	.size rtld_sigreturn, . - rtld_sigreturn

#ifndef __arch64__
	.globl rtld_sigreturn_old
	.hidden rtld_sigreturn_old
	.type rtld_sigreturn_old, #function
	.align 4
rtld_sigreturn_old:
	mov 216, %g1
	ta RTLD_TRAP_asm
	illtrap 0
	.size rtld_sigreturn_old, . - rtld_sigreturn_old
#endif

	.section .note.GNU-stack,"",@progbits
