  .section .gnu.lto_.testir,"e",@progbits
  .ascii "def sym_a\n"
  .ascii "def sym_b\n"
  .ascii "obj code-pa.o\n"
  .text
  .globl sym_a, sym_b
sym_a:
sym_b:
  ud2
