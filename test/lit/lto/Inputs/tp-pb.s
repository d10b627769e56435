# First in its archive, so the index sends sym_b here; but tp-pa, extracted first for sym_a,
# defines sym_b too, and this member is not used.
  .section .gnu.lto_.testir,"e",@progbits
  .ascii "def sym_b\n"
  .text
  .globl sym_b
sym_b:
  ud2
