# An archive member nothing needs: never offered to a plugin that claims serially.
  .section .gnu.lto_.testir,"e",@progbits
  .ascii "def unused_fn\n"
  .text
  .globl unused_fn
unused_fn:
  ud2
