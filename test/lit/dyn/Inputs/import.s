# Imports f1 for x64-hash-style.s.
.globl user
.text
user: jmp f1@PLT
