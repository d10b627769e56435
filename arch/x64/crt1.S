/* Program entry for programs that run on ld.so.1: calls main(argc, argv, envp), then exit(),
 * which runs every finaliser. ld.so.1 has already run the initialisers, so %rdx (the finaliser
 * the ELF ABI lets the interpreter pass) is ignored. */
	.text
	.globl _start
	.type _start, @function
_start:
	xor %ebp, %ebp
	mov (%rsp), %rdi
	lea 8(%rsp), %rsi
	lea 8(%rsi,%rdi,8), %rdx
	and $-16, %rsp
	call main@PLT
	mov %eax, %edi
	call exit@PLT
	hlt
	.size _start, . - _start

	.section .note.GNU-stack,"",@progbits
