# What "compiling" tp-ir1 gives: main_fn = helper() + inl() + late_fn() = 2 + 1 + 4.
  .text
  .globl main_fn
main_fn:
  push %rbx
  call helper
  mov %eax, %ebx
  call inl
  add %eax, %ebx
  call late_fn
  add %ebx, %eax
  pop %rbx
  ret
  .section .text.inl,"axG",@progbits,inl,comdat
  .weak inl
inl:
  mov $1, %eax
  ret
