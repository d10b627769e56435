# An archive member in the test plugin's language; its ELF symbols are what the archive's index
# lists.
  .section .gnu.lto_.testir,"e",@progbits
  .ascii "def helper\n"
  .ascii "undef extra_value\n"
  .ascii "weakdef inl comdat=inl\n"
  .ascii "def hidden_fn hidden\n"
  .ascii "obj code2.o\n"
  .text
  .globl helper
helper:
  ud2
