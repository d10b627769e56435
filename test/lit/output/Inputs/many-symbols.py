"""An assembly file with N local symbols: its output's .symtab and .strtab are large while its
code is small, so a full disk is met while writing the symbol table."""
import sys

n = int(sys.argv[1])
print('.globl _start\n.text\n_start:\n  ret')
for i in range(n):
    print('symbol_with_a_long_name_to_fill_the_string_table_%d:' % i)
    print('  nop')
