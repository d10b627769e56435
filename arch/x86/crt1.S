/* Program entry for i386 programs that run on ld.so.1: calls main(argc, argv, envp), then exit(),
 * which runs every finaliser. ld.so.1 has already run the initialisers, so %edx (the finaliser
 * the ELF ABI lets the interpreter pass) is ignored. %ebx is loaded with the GOT pointer before
 * the calls, so the same object serves executables (absolute PLT) and PIEs (%ebx-relative PLT). */
	.text
	.globl _start
	.type _start, @function
_start:
	xor %ebp, %ebp
	mov (%esp), %eax
	lea 4(%esp), %ecx
	lea 8(%esp,%eax,4), %edx
	and $-16, %esp
	sub $4, %esp
	push %edx
	push %ecx
	push %eax
	call 1f
1:	pop %ebx
	addl $_GLOBAL_OFFSET_TABLE_+(.-1b), %ebx
	call main@PLT
	mov %eax, (%esp)
	call exit@PLT
	hlt
	.size _start, . - _start

	.section .note.GNU-stack,"",@progbits
