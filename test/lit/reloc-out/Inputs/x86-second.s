  .text
  .globl g
  .type g,@function
g:
  .cfi_startproc
  movl .Lword, %eax
  call f
  ret
  .cfi_endproc

  .data
  .long 0x11111111
.Lword:
  .long 0x22222222
  .long .data + 4
  .long tv@ntpoff
  .section .note.GNU-stack,"",@progbits
