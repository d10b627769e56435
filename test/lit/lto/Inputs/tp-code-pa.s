  .text
  .globl sym_a, sym_b
sym_a:
sym_b:
  ret
