	.text
	.globl _start
_start:
	ret
	.section .note.GNU-stack,"",@progbits
