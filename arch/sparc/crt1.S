/* Program entry for SPARC programs that run on ld.so.1 (sparc and sparcv9): calls main(argc,
 * argv, envp), then exit(), which runs every finaliser. ld.so.1 has already run the initialisers,
 * so %g1 (the finaliser the ABI lets the interpreter pass) is ignored. argc is at %sp + BIAS + 16
 * words, argv and envp follow it; main gets a frame of its own below. */
#include "rtld_arch.h"

	.text
	.globl _start
	.type _start, #function
	.align 4
_start:
	mov %g0, %fp
	LDW [%sp + BIAS + 16 * WSIZE], %o0
	add %sp, BIAS + 17 * WSIZE, %o1
	sll %o0, WSHIFT, %o2
	add %o2, WSIZE, %o2
	add %o1, %o2, %o2
	sub %sp, FRAME, %sp
	call main
	 nop
	call exit
	 nop
	illtrap 0
	.size _start, . - _start

	.section .note.GNU-stack,"",@progbits
