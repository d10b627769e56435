  .text
  .globl foo
  .type foo,@function
foo:
  .cfi_startproc
  leaq .Lsecond(%rip), %rax
  call inl
  movl x2(%rip), %eax
  ret
  .cfi_endproc

# The same group as the first object's: this copy is dropped, and its FDE with it.
  .section .text.inl,"axG",@progbits,inl,comdat
  .weak inl
  .type inl,@function
inl:
  .cfi_startproc
  movl $2, %eax
  ret
  .cfi_endproc

  .section .rodata.str1.1,"aMS",@progbits,1
.Lsecond:
  .asciz "second"

  .data
  .globl x2
x2:
  .quad 2
  .quad .data + 8

  .comm com,16,16
  .section .note.GNU-stack,"",@progbits
