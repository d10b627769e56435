	.text
	.globl _start
_start:
	retl
	 nop
	.section .note.GNU-stack,"",@progbits
