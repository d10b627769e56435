#!/usr/bin/env python3
"""Writes DIR/lib.c (N functions bm0 ... bm(N-1), bmK returning K) and DIR/callall.c (callall():
calls them all in order through the PLT and returns 0, or K + 1 for the first bmK that returned
something else), C for any target's compiler. usage: bind-many.py N DIR"""
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
with open(os.path.join(out, 'lib.c'), 'w') as f:
    for k in range(n):
        f.write('int bm%d(void) { return %d; }\n' % (k, k))
with open(os.path.join(out, 'callall.c'), 'w') as f:
    for k in range(n):
        f.write('int bm%d(void);\n' % k)
    f.write('int callall(void) {\n')
    for k in range(n):
        f.write('  if (bm%d() != %d) return %d;\n' % (k, k, k + 1))
    f.write('  return 0;\n}\n')
