#!/usr/bin/env python3
"""Writes the inputs of the sparcv9 far-PLT tests into DIR (SPARC V9 assembly for llvm-mc):
  lib.s      N functions f0 ... f(N-1); fK returns K
  callall.s  callall(): calls f0 ... f(N-1) in order through the PLT and checks every result;
             returns 0, or K + 1 for the first fK that returned something else
  main.s     main(): callall() twice (lazy binding, then the bound entries), writes "ok" or
             "FAIL K", returns 0 or 1
usage: plt-many.py N DIR"""
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]


def func(name):
    return '\t.globl %s\n\t.type %s, #function\n\t.p2align 2\n%s:\n' % (name, name, name)


with open(os.path.join(out, 'lib.s'), 'w') as f:
    f.write('\t.text\n')
    for k in range(n):
        f.write(func('f%d' % k))
        f.write('\tsethi %%hi(%d), %%o0\n\tretl\n\t or %%o0, %%lo(%d), %%o0\n' % (k, k))

with open(os.path.join(out, 'callall.s'), 'w') as f:
    f.write('\t.text\n' + func('callall') + '\tsave %sp, -176, %sp\n')
    for k in range(n):
        f.write('\tcall f%d\n\t nop\n' % k)
        f.write('\tsethi %%hi(%d), %%o1\n\tor %%o1, %%lo(%d), %%o1\n' % (k, k))
        f.write('\tcmp %%o0, %%o1\n\tbne,pn %%xcc, .Lfail\n\t mov %d, %%i0\n' % (k + 1))
    f.write('\tret\n\t restore %g0, 0, %o0\n.Lfail:\n\tret\n\t restore\n')

with open(os.path.join(out, 'main.s'), 'w') as f:
    f.write('''\t.text
%s\tsave %%sp, -192, %%sp
\tcall callall
\t nop
\tbrnz,pn %%o0, 1f
\t nop
\tcall callall
\t nop
\tbrnz,pn %%o0, 1f
\t nop
\tmov 1, %%o0
\tsethi %%hi(.Lok), %%o1
\tor %%o1, %%lo(.Lok), %%o1
\tcall write
\t mov 3, %%o2
\tret
\t restore %%g0, 0, %%o0
1:\tsub %%o0, 1, %%l0
\tmov 1, %%o0
\tsethi %%hi(.Lfailmsg), %%o1
\tor %%o1, %%lo(.Lfailmsg), %%o1
\tcall write
\t mov 5, %%o2
\tret
\t restore %%g0, 1, %%o0
\t.section .rodata
.Lok:\t.ascii "ok\\n"
.Lfailmsg:\t.ascii "FAIL\\n"
''' % func('main'))
