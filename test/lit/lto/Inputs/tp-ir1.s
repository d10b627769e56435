# A file of the test plugin's "intermediate language" (Inputs/testplugin.c): what it defines and
# refers to, and the object compiling it gives.
  .section .gnu.lto_.testir,"e",@progbits
  .ascii "def main_fn\n"
  .ascii "undef helper\n"
  .ascii "weakdef inl comdat=inl\n"
  .ascii "obj code1.o\n"
