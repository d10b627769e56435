/* get1 and get3 load the second and fourth words of .Ldata through %gdop(.Ldata+4) and
 * %gdop(.Ldata+12): GOTDATA_OP relocations against the .data section symbol plus an offset. */
	.section .data
	.align 8
.Ldata:
	.word 11
	.word 22
	.word 33
	.word 44
	.text
	.align 4
	.globl get1
	.type get1, #function
get1:
	sethi %gdop_hix22(.Ldata+4), %g1
	xor %g1, %gdop_lox10(.Ldata+4), %g1
	ld [%o0+%g1], %g1, %gdop(.Ldata+4)
	retl
	 ld [%g1], %o0
	.globl get3
	.type get3, #function
get3:
	sethi %gdop_hix22(.Ldata+12), %g1
	xor %g1, %gdop_lox10(.Ldata+12), %g1
	ld [%o0+%g1], %g1, %gdop(.Ldata+12)
	retl
	 ld [%g1], %o0
