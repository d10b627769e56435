# A static program with a little of everything the writer writes: code, data, symbols.
.globl _start
.text
_start:
  leaq value(%rip), %rax
  ret
.data
.globl value
value:
  .quad 42
