#!/usr/bin/env python3
"""Mutation campaign for ld.so.1's object loader (not part of `make check`).

Builds a few real shared objects (TLS of every kind, versions, lazy and immediate binding),
mutates them thousands of times -- random bytes, and fields picked from the structures the loader
reads: ELF and program headers, dynamic entries, symbols, relocations, hash tables, version
records -- and dlopens each mutant in a child process under tld's ld.so.1
(test/lit/rtld/Inputs/dlopen-check.c). A mutant must load or be refused with a dlerror message,
leaving the process as it was; a crash (signal), a hang (time limit), an exit through rtld's fatal
path, or a harness failure is counted and the input kept under OUT/failures/. A fault inside the
mutant's own code (its initialiser, once loaded) is counted apart: no loader can prevent it.

  scripts/rtld-mutate.py [--count N] [--seed S] [--jobs J] [--out DIR] [--timeout SECONDS]
                         [--seeds gd,desc,...] [--rtld OTHER/ld.so.1] [--build DIR]

Run from the top of the tree after `make` (--build build/san after `make SANITIZE=1`). With
--count 0 it only builds the seeds (OUT/seeds/), which the rtld-load fuzz target's corpus uses.
Prints the counts per outcome; exit status 1 when anything but "loaded" and "refused" happened.
"""
import argparse
import os
import random
import shutil
import struct
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS = os.path.join(ROOT, 'test', 'lit', 'rtld', 'Inputs')
BUILD = os.path.join(ROOT, 'build')  # --build: where tld and ld.so.1 were built
CC = os.environ.get('CC_X64', 'gcc')

SEEDS = [
    # name, source, extra compile flags, extra link flags
    ('gd', 'gd-lib.c', ['-DNAME=gd', '-DVALUE=4321', '-DSIZE=100'], []),
    ('desc', 'gd-lib.c', ['-DNAME=gd', '-DVALUE=1', '-DSIZE=64', '-mtls-dialect=gnu2'], []),
    ('ie', 'ie-lib.c', ['-DNAME=ie', '-DVALUE=7', '-DSIZE=16'], []),
    ('bind', 'bind-lib.c', [], []),
    ('ver', 'ver-lib.c', [], ['--version-script', os.path.join(INPUTS, 'ver-lib.map')]),
    ('atexit', 'atexit-lib.c', ['-DNAME="m"'], []),
]


def run(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def build(out, rtld=None):
    os.makedirs(out, exist_ok=True)
    cflags = ['-O2', '-ffreestanding', '-fno-stack-protector', '-fPIC', '-nostdinc', '-I',
              os.path.join(ROOT, 'rtld', 'include')]
    rt = os.path.join(BUILD, 'lib', 'x64')
    tld = os.path.join(BUILD, 'bin', 'tld')
    interp = os.path.abspath(rtld) if rtld else os.path.join(rt, 'ld.so.1')
    seeds = []
    for name, src, extra, lextra in SEEDS:
        obj = os.path.join(out, name + '.o')
        so = os.path.join(out, 'lib' + name + '.so')
        run([CC] + cflags + extra + ['-c', os.path.join(INPUTS, src), '-o', obj])
        run([tld, '-shared', '-h', 'lib%s.so' % name, '-o', so, obj] + lextra +
            [os.path.join(rt, 'ld.so.1')])
        seeds.append(so)
    obj = os.path.join(out, 'check.o')
    # Another ld.so.1 (--rtld, e.g. an older build) gets the plain harness: faults are signals.
    run([CC] + cflags + (['-DPLAIN'] if rtld else []) +
        ['-c', os.path.join(INPUTS, 'dlopen-check.c'), '-o', obj])
    harness = os.path.join(out, 'dlopen-check')
    run([tld, os.path.join(rt, 'crt1.o'), '-o', harness, obj, interp, '-I', interp])
    return seeds, harness


class Layout:
    """Offsets of the structures the loader reads, found through the section headers."""

    def __init__(self, data):
        self.fields = []  # (offset, size)
        self.data = data
        eh = struct.unpack_from('<16sHHIQQQIHHHHHH', data, 0)
        phoff, shoff, phnum, shnum = eh[5], eh[6], eh[10], eh[12]
        for i in range(0x10, 0x40, 2):
            self.fields.append((i, 2))
        for i in range(phnum):
            base = phoff + 56 * i
            self.fields += [(base, 4), (base + 4, 4)] + [(base + 8 + 8 * k, 8) for k in range(6)]
        for i in range(shnum):
            sh = struct.unpack_from('<IIQQQQIIQQ', data, shoff + 64 * i)
            typ, off, size, entsize = sh[1], sh[4], sh[5], sh[9]
            if off + size > len(data):
                continue
            if typ == 6:  # SHT_DYNAMIC
                self.fields += [(off + k, 8) for k in range(0, size, 8)]
            elif typ == 11:  # SHT_DYNSYM
                for k in range(off, off + size, 24):
                    self.fields += [(k, 4), (k + 4, 1), (k + 5, 1), (k + 6, 2), (k + 8, 8),
                                    (k + 16, 8)]
            elif typ == 4:  # SHT_RELA
                self.fields += [(off + k, 8) for k in range(0, size, 8)]
            elif typ in (5, 0x6ffffff6, 0x6ffffffd, 0x6ffffffe, 0x6fffffff):
                # hash, GNU hash, verdef, verneed, versym
                step = 2 if typ == 0x6fffffff else 4
                self.fields += [(off + k, step) for k in range(0, size, step)]


# A mutated object's own initialiser may fault once it is loaded: no loader can prevent that, so
# it is counted apart, not as a failure.
OK = ('loaded', 'refused', "fault in the object's own code")

INTERESTING = [0, 1, 2, 3, 4, 7, 8, 15, 16, 24, 0x7f, 0x80, 0xff, 0x100, 0xfff, 0x1000, 0xffff,
               0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0x7fffffffffffffff,
               0x8000000000000000, 0xffffffffffffffff, 0xfffffffffffff000]


def mutate(data, layout, rng):
    b = bytearray(data)
    kind = rng.random()
    n = rng.choice([1, 1, 1, 2, 3])
    for _ in range(n):
        if kind < 0.25 or not layout.fields:
            for _ in range(rng.randint(1, 8)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        else:
            off, size = rng.choice(layout.fields)
            mask = (1 << (8 * size)) - 1
            old = int.from_bytes(b[off:off + size], 'little')
            r = rng.random()
            if r < 0.4:
                new = rng.choice(INTERESTING)
            elif r < 0.7:
                new = old + rng.choice([-1, 1, -8, 8, -24, 24, 4096, -4096, 1 << 20])
            elif r < 0.85:
                new = old ^ (1 << rng.randrange(8 * size))
            else:
                new = rng.getrandbits(8 * size)
            b[off:off + size] = (new & mask).to_bytes(size, 'little')
    return bytes(b)


def main():
    global BUILD
    ap = argparse.ArgumentParser()
    ap.add_argument('--count', type=int, default=6000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=5.0)
    ap.add_argument('--out', default=os.path.join(ROOT, 'build', 'rtld-mutate'))
    ap.add_argument('--rtld', help='run under this ld.so.1 instead of the build\'s')
    ap.add_argument('--seeds', default='',
                    help='comma-separated seed names (default all: %s)' % ','.join(s[0] for s in SEEDS))
    ap.add_argument('--build', default=BUILD,
                    help='the build directory whose bin/tld and lib/x64/ld.so.1 are used')
    args = ap.parse_args()
    BUILD = os.path.abspath(args.build)
    seeds, harness = build(os.path.join(args.out, 'seeds'), args.rtld)
    if args.seeds:
        want = ['lib%s.so' % n for n in args.seeds.split(',')]
        seeds = [s for s in seeds if os.path.basename(s) in want]
    work = os.path.join(args.out, 'work')
    fails = os.path.join(args.out, 'failures')
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(fails, ignore_errors=True)
    os.makedirs(work)
    os.makedirs(fails)
    originals = [(s, open(s, 'rb').read()) for s in seeds]
    layouts = [Layout(d) for _, d in originals]
    counts = {}

    def one(i):
        rng = random.Random(args.seed * 1000003 + i)
        k = rng.randrange(len(originals))
        path = os.path.join(work, 'm%d-%s' % (i, os.path.basename(originals[k][0])))
        with open(path, 'wb') as f:
            f.write(mutate(originals[k][1], layouts[k], rng))
        try:
            r = subprocess.run([harness, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=args.timeout)
            if r.returncode == 3:
                what = "fault in the object's own code"
            elif r.returncode == 4:
                what = 'loader fault'
            elif r.returncode < 0:
                what = 'crash (signal %d)' % -r.returncode
            elif r.returncode == 127:
                what = 'fatal exit'
            elif r.returncode != 0:
                what = 'harness failure'
            elif b'loaded' in r.stdout:
                what = 'loaded'
            else:
                what = 'refused'
        except subprocess.TimeoutExpired:
            what = 'hang'
        if what not in OK:
            shutil.copy(path, os.path.join(fails, os.path.basename(path)))
        os.unlink(path)
        return what

    with ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for what in ex.map(one, range(args.count)):
            counts[what] = counts.get(what, 0) + 1
    for what in sorted(counts):
        print('%-32s %d' % (what, counts[what]))
    bad = sum(v for k, v in counts.items() if k not in OK)
    print('mutants: %d, failures: %d (kept in %s)' % (args.count, bad, fails))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
