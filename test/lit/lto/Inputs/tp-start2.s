# Refers to sym_a, then to sym_b (in this order in the symbol table).
  .text
  .globl _start
_start:
  call sym_a
  call sym_b
  xor %edi, %edi
  mov $60, %eax
  syscall
