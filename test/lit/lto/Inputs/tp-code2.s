# What "compiling" the archive member tp-ir2 gives.
  .text
  .globl helper
helper:
  mov $2, %eax
  ret
