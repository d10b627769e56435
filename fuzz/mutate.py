#!/usr/bin/env python3
"""Mutation campaign: whole links of mutated objects and archives, tld against GNU ld.

  python3 fuzz/mutate.py [-n COUNT] [-j JOBS] [--tld PATH] [--seed N] [--out DIR]

A few small C programs (static data with pointers, TLS, constructors, calls through an archive
and into libc) are compiled once. Each trial mutates one input -- an object, or the archive --
with a random byte edit or an edit of one field of the ELF structure (header, section header,
symbol, relocation, contents; for an archive also its member headers and index), then links it
with tld (through `cc -B`, static or as a dynamic PIE) and with GNU ld. What counts as a finding:

  crash      tld died of a signal, or a sanitizer reported (use a SANITIZE=1 tld: --tld)
  hang       tld did not finish within the time limit
  exit       tld exited with a status other than 0 or 1
  litter     a failed link left a file beside the output, or changed the previous output
  unnamed    a message of a failed link names no input (every message about an input must)
  differs    both links succeeded, both programs ran, and they printed or exited differently
             (both killed by a signal counts as the same: mutated code crashes where its
             layout makes it crash), and neither program's behaviour changes when it is
             moved, its segments are spaced otherwise or its input sections sorted (then it
             depends on its layout, which the two linkers may choose differently). A mutation
             can also make the two merge mergeable sections differently (SHF_MERGE set on
             strings, entsize changed; GNU ld merges string suffixes, tld only with -O2): such
             differences are not tld's and are told apart by hand.

Programs run as `nobody` in an empty directory with a time limit. Findings are kept under
OUT/findings/<kind>/<trial>/ (the mutated input, the command, tld's messages); the summary is
printed and written to OUT/summary.txt. Not part of `make check`: a campaign takes minutes.
"""

import argparse
import concurrent.futures
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROGRAMS = {
    'main.c': r'''
#include <stdio.h>
#include <string.h>
extern int lib_sum(const int *v, int n);
extern const char *lib_name(int i);
extern int lib_tls_bump(void);
extern int (*lib_ops[])(int, int);
extern long lib_counter;
static int table[] = {3, 1, 4, 1, 5, 9, 2, 6};
static const char *names[] = {"alpha", "beta", "gamma"};
static int ctor_ran;
__attribute__((constructor)) static void ctor(void) { ctor_ran = 7; }
int main(void) {
  unsigned long h = 5381;
  h = h * 33 + (unsigned)lib_sum(table, 8);
  for (int i = 0; i < 3; i++) h = h * 33 + strlen(names[i]) + strlen(lib_name(i));
  for (int i = 0; i < 4; i++) h = h * 33 + (unsigned)lib_ops[i](i + 3, 2);
  for (int i = 0; i < 5; i++) h = h * 33 + (unsigned)lib_tls_bump();
  h = h * 33 + (unsigned long)lib_counter + (unsigned)ctor_ran;
  printf("checksum %lu %s\n", h, names[h % 3]);
  return (int)(h % 7);
}
''',
    'lib1.c': r'''
long lib_counter = 10;
int lib_sum(const int *v, int n) { int s = 0; for (int i = 0; i < n; i++) s += v[i]; lib_counter += s; return s; }
''',
    'lib2.c': r'''
static const char *const strs[] = {"one", "three", "seventeen", "x"};
const char *lib_name(int i) { return strs[i & 3]; }
static __thread int tls_count = 100;
int lib_tls_bump(void) { return ++tls_count; }
''',
    'lib3.c': r'''
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int shl(int a, int b) { return a << b; }
int (*lib_ops[])(int, int) = {add, sub, mul, shl};
''',
}

MODES = {
    # name: (compile flags, link flags)
    'static': (['-O1', '-fno-pie'], ['-static', '-no-pie']),
    'pie': (['-O1', '-fPIE'], ['-pie']),
}

INTERESTING = [0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
               0xffffffff, 0xfffffff0, 0x10000, 0x1000]


# ---- ELF structure, enough to pick fields ----------------------------------------------------

def elf_fields(d, rnd):
    """(offset, size) of fields of an ELF64 little-endian relocatable object worth mutating."""
    if len(d) < 64 or d[:4] != b'\x7fELF' or d[4] != 2 or d[5] != 1:
        return []
    fields = [(o, s) for o, s in [(16, 2), (18, 2), (24, 8), (32, 8), (40, 8), (48, 4), (52, 2),
                                  (58, 2), (60, 2), (62, 2)]]
    shoff, = struct.unpack_from('<Q', d, 40)
    shnum, = struct.unpack_from('<H', d, 60)
    if shoff + shnum * 64 > len(d):
        return fields
    for i in range(shnum):
        h = shoff + i * 64
        fields += [(h + o, s) for o, s in [(0, 4), (4, 4), (8, 8), (16, 8), (24, 8), (32, 8),
                                           (40, 4), (44, 4), (48, 8), (56, 8)]]
        typ, = struct.unpack_from('<I', d, h + 4)
        off, size, ent = struct.unpack_from('<QQ', d, h + 24) + struct.unpack_from('<Q', d, h + 56)
        if off + size > len(d) or typ == 8:
            continue
        if typ == 2 and ent == 24:  # symbols
            for k in range(size // 24):
                p = off + k * 24
                fields += [(p, 4), (p + 4, 1), (p + 5, 1), (p + 6, 2), (p + 8, 8), (p + 16, 8)]
        elif typ == 4 and ent == 24:  # RELA
            for k in range(size // 24):
                p = off + k * 24
                fields += [(p, 8), (p + 8, 4), (p + 12, 4), (p + 16, 8)]
        elif size:
            for _ in range(4):
                fields.append((off + rnd.randrange(size), 1))
    return fields


def ar_fields(d, rnd):
    """Fields of a GNU archive: member header fields, the index, and ELF fields of members."""
    if d[:8] != b'!<arch>\n':
        return []
    fields, off = [], 8
    while off + 60 <= len(d):
        fields += [(off, 16), (off + 48, 10), (off + 58, 2)]
        try:
            size = int(d[off + 48:off + 58].decode().strip())
        except ValueError:
            break
        body = off + 60
        name = d[off:off + 16]
        if name.startswith(b'/ ') or name.startswith(b'/SYM64/'):
            fields += [(body + k, 4) for k in range(0, min(size, 64), 4)]
        elif d[body:body + 4] == b'\x7fELF':
            fields += [(body + o, s) for o, s in elf_fields(bytes(d[body:body + size]), rnd)]
        off = body + size + (size & 1)
    return fields


def mutate(data, kind, random):
    d = bytearray(data)
    fields = elf_fields(d, random) if kind == 'object' else ar_fields(d, random)
    how = random.random()
    if not fields or how < 0.3:
        for _ in range(random.randint(1, 4)):
            p = random.randrange(len(d))
            r = random.random()
            if r < 0.4:
                d[p] ^= 1 << random.randrange(8)
            elif r < 0.7:
                d[p] = random.choice([0, 0xff, 0x7f, 0x80, 1])
            else:
                d[p] = random.randrange(256)
        return bytes(d), 'bytes'
    off, size = random.choice(fields)
    if kind == 'archive' and size in (10, 16) and random.random() < 0.7:
        text = random.choice([b'0', b'1', b'-1', b'9999999999', b'60', b'/0', b'/9999', b'#1/20',
                              b'//', b'/', b' ', str(random.randrange(1 << 20)).encode()])
        d[off:off + size] = text[:size].ljust(size, b' ')
        return bytes(d), 'archive field'
    old = int.from_bytes(d[off:off + size], 'little')
    r = random.random()
    if r < 0.35:
        v = random.choice(INTERESTING)
    elif r < 0.6:
        v = old + random.choice([-1, 1, -8, 8, 0x10, -0x10, 0x1000])
    elif r < 0.8:
        v = old ^ (1 << random.randrange(8 * size))
    else:
        v = random.getrandbits(8 * size)
    d[off:off + size] = (v % (1 << (8 * size))).to_bytes(size, 'little')
    return bytes(d), 'field'


# ---- running --------------------------------------------------------------------------------

def run(cmd, cwd, timeout, user=None):
    """Run in a session of its own, so that a timeout ends the compiler driver's children too."""
    def preexec():
        if user:
            os.setgroups([])
            os.setgid(user[1])
            os.setuid(user[0])
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True, preexec_fn=preexec)
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out, err
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        return 'timeout', out, err


def nobody():
    import pwd
    try:
        pw = pwd.getpwnam('nobody')
        return (pw.pw_uid, pw.pw_gid) if os.geteuid() == 0 else None
    except KeyError:
        return None


class Campaign:
    def __init__(self, args):
        self.args = args
        self.out = args.out
        self.work = os.path.join(self.out, 'base')
        self.tld = os.path.abspath(args.tld)
        self.gnudir = os.path.join(os.path.dirname(os.path.dirname(self.tld)), 'gnu') + os.sep
        self.user = nobody()

    def build_base(self):
        os.makedirs(self.work, exist_ok=True)
        for name, text in PROGRAMS.items():
            with open(os.path.join(self.work, name), 'w') as f:
                f.write(text)
        for mode, (cflags, _) in MODES.items():
            d = os.path.join(self.work, mode)
            os.makedirs(d, exist_ok=True)
            for name in PROGRAMS:
                obj = os.path.join(d, name[:-2] + '.o')
                subprocess.run(['gcc', '-c'] + cflags + [os.path.join(self.work, name), '-o', obj],
                               check=True)
            lib = os.path.join(d, 'libm3.a')
            if os.path.exists(lib):
                os.unlink(lib)
            subprocess.run(['ar', 'rcs', lib] + [os.path.join(d, n) for n in
                                                 ('lib1.o', 'lib2.o', 'lib3.o')], check=True)
            # The unmutated program: both linkers agree on it, or the campaign means nothing.
            ref = self.link_pair(d, mode, d, 'main.o', 'libm3.a')
            if ref is None:
                sys.exit('mutate: the unmutated %s program does not behave the same with both '
                         'linkers' % mode)

    def link(self, use_tld, mode, d, main, lib, out, extra=()):
        cmd = ['gcc'] + (['-B' + self.gnudir] if use_tld else ['-fuse-ld=bfd']) + MODES[mode][1] + \
              list(extra) + [main, lib, '-o', out]
        return run(cmd, d, self.args.timeout)

    def address_dependent(self, mode, d, runs):
        """Does either program's behaviour change with its layout? A mutation that makes a
        program compute from addresses or read its own code (a call to the wrong function, a
        relocation against the wrong symbol) makes two layouts behave differently without either
        linker being wrong. Each linker's program is run again after moving it (ASLR for a PIE,
        another base address for a static program), after changing the distances between its
        segments (-z separate-code and -z noseparate-code) and the order of the input sections
        within output sections (--sort-section), which changes what lies next to what."""
        variants = [['-Wl,-z,separate-code'], ['-Wl,-z,noseparate-code'],
                    ['-Wl,--sort-section=name'], ['-Wl,--sort-section=alignment']]
        if mode == 'static':
            variants.append(['-Wl,-Ttext-segment=0x10000000'])
        for use_tld, first in zip((True, False), runs):
            progs = []
            if mode == 'pie':
                p = os.path.join(d, 'out', 'prog') if use_tld else os.path.join(d, 'gnu-prog')
                progs += [p] * 4
            for k, extra in enumerate(variants):
                p = os.path.join(d, 'variant-%s-%d' % (use_tld, k))
                rc, _, _ = self.link(use_tld, mode, d, os.path.join(d, 'main.o'),
                                     os.path.join(d, 'libm3.a'), p, extra)
                if rc == 0:
                    progs.append(p)
            for p in progs:
                if self.execute(p, d)[:2] != first[:2]:
                    return True
        return False

    def execute(self, prog, d):
        rd = tempfile.mkdtemp(dir=d)
        os.chmod(rd, 0o777)
        # A hard link: a copy's descriptor, inherited by a concurrent fork, would make exec fail
        # with ETXTBSY.
        os.link(prog, os.path.join(rd, 'prog'))
        os.chmod(os.path.join(rd, 'prog'), 0o755)
        for attempt in range(20):
            try:
                r = run(['./prog'], rd, 5, user=self.user)
                break
            except OSError as e:
                r = ('exec error %s' % e.errno, b'', b'')
                time.sleep(0.05)
        shutil.rmtree(rd, ignore_errors=True)
        return r

    def link_pair(self, d, mode, src, main, lib):
        outs = []
        for use_tld in (True, False):
            out = os.path.join(d, 'ref-%s' % ('tld' if use_tld else 'gnu'))
            rc, _, err = self.link(use_tld, mode, d, os.path.join(src, main), os.path.join(src, lib),
                                   out)
            if rc != 0:
                sys.stderr.write(err.decode('utf-8', 'replace'))
                return None
            outs.append(self.execute(out, d))
        return outs[0] if outs[0][:2] == outs[1][:2] else None

    def trial(self, n):
        rnd = random.Random(self.args.seed * 1000003 + n)
        mode = rnd.choice(sorted(MODES))
        base = os.path.join(self.work, mode)
        what = rnd.choice(['main.o', 'lib1.o', 'lib2.o', 'lib3.o', 'libm3.a', 'libm3.a'])
        d = tempfile.mkdtemp(prefix='t%d-' % n, dir=os.path.join(self.out, 'trials'))
        try:
            return self.trial_in(n, d, mode, base, what, rnd)
        finally:
            shutil.rmtree(d, ignore_errors=True)

    def trial_in(self, n, d, mode, base, what, rnd):
        for f in ('main.o', 'libm3.a'):
            shutil.copy(os.path.join(base, f), os.path.join(d, f))
        kind = 'archive' if what == 'libm3.a' else 'object'
        if what in ('lib1.o', 'lib2.o', 'lib3.o'):
            # A member mutated on its own, then archived again (its index rebuilt).
            with open(os.path.join(base, what), 'rb') as f:
                data, how = mutate(f.read(), 'object', rnd)
            with open(os.path.join(d, what), 'wb') as f:
                f.write(data)
            others = [os.path.join(base, x) for x in ('lib1.o', 'lib2.o', 'lib3.o') if x != what]
            os.unlink(os.path.join(d, 'libm3.a'))
            run(['ar', 'rcs', 'libm3.a', what] + others, d, 60)
            if not os.path.exists(os.path.join(d, 'libm3.a')):
                return {'result': 'skip'}
            target = what
        else:
            with open(os.path.join(base, what), 'rb') as f:
                data, how = mutate(f.read(), kind, rnd)
            with open(os.path.join(d, what), 'wb') as f:
                f.write(data)
            target = what
        outdir = os.path.join(d, 'out')
        os.mkdir(outdir)
        old = b'previous output\n'
        with open(os.path.join(outdir, 'prog'), 'wb') as f:
            f.write(old)
        rc, _, err = self.link(True, mode, d, os.path.join(d, 'main.o'),
                               os.path.join(d, 'libm3.a'), os.path.join(outdir, 'prog'))
        errs = err.decode('utf-8', 'replace')
        res = {'result': 'ok' if rc == 0 else 'error', 'mode': mode, 'input': target, 'how': how}
        finding = None
        tld_lines = [l for l in errs.splitlines() if l.startswith('tld: ')]
        if rc == 'timeout':
            finding = 'hang'
        elif ('Sanitizer' in errs or 'runtime error:' in errs or
              'terminated with signal' in errs):  # collect2 reports the linker's death by a signal
            finding = 'crash'
        elif 'collect2: error: ld returned' in errs and 'ld returned 1 exit status' not in errs:
            finding = 'exit'
        if finding is None and rc != 0:
            left = sorted(os.listdir(outdir))
            with open(os.path.join(outdir, 'prog'), 'rb') as f:
                kept = f.read() == old
            if left != ['prog'] or not kept:
                finding = 'litter'
                res['left'] = left
            elif tld_lines:
                # A message names an input when it names an object, archive member or shared
                # object (or is an undefined-symbol report, whose next lines name them).
                names = ('.o:', '.o)', '.o ', '.a(', '.a:', '.so', 'referenced by')
                lines = errs.splitlines()
                bad = [l for i, l in enumerate(lines)
                       if (l.startswith('tld: error') or l.startswith('tld: fatal')) and
                       not any(x in l for x in names) and
                       not (i + 1 < len(lines) and 'referenced by' in lines[i + 1])]
                if bad:
                    finding = 'unnamed'
                    res['messages'] = bad[:5]
        if finding is None and rc == 0:
            grc, _, _ = self.link(False, mode, d, os.path.join(d, 'main.o'),
                                  os.path.join(d, 'libm3.a'), os.path.join(d, 'gnu-prog'))
            res['gnu'] = 'ok' if grc == 0 else 'error'
            if grc == 0:
                t = self.execute(os.path.join(outdir, 'prog'), d)
                g = self.execute(os.path.join(d, 'gnu-prog'), d)
                res['ran'] = True
                # Both died of a signal: mutated code crashes where its layout makes it crash.
                both_died = isinstance(t[0], int) and isinstance(g[0], int) and t[0] < 0 and g[0] < 0
                if t[:2] != g[:2] and 'timeout' not in (t[0], g[0]) and not both_died:
                    if self.address_dependent(mode, d, (t, g)):
                        res['address_dependent'] = True
                    else:
                        finding = 'differs'
                        res['tld_run'] = repr(t[:2])
                        res['gnu_run'] = repr(g[:2])
                elif t[:2] != g[:2]:
                    res['ran'] = False  # one of them hung: nothing to compare
        if finding:
            res['finding'] = finding
            keep = os.path.join(self.out, 'findings', finding, str(n))
            os.makedirs(keep, exist_ok=True)
            shutil.copy(os.path.join(d, target), keep)
            for f in ('main.o', 'libm3.a'):
                shutil.copy(os.path.join(d, f), os.path.join(keep, 'link-' + f))
            with open(os.path.join(keep, 'report.txt'), 'w') as f:
                f.write('mode %s, mutated %s (%s), tld status %s\n' % (mode, target, how, rc))
                for k, v in sorted(res.items()):
                    f.write('%s: %s\n' % (k, v))
                f.write('--- tld stderr\n' + '\n'.join(errs.splitlines()[:40]) + '\n')
        return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('-n', type=int, default=2000, help='trials (default 2000)')
    ap.add_argument('-j', type=int, default=2, help='parallel trials (default 2)')
    ap.add_argument('--tld', default=os.path.join(REPO, 'build', 'bin', 'tld'),
                    help='the tld to try, with its gnu/ld beside it (build/san/bin/tld for a '
                         'SANITIZE=1 build)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--timeout', type=int, default=30, help='seconds a link may take')
    ap.add_argument('--out', default=os.path.join(REPO, 'build', 'mutate'))
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(os.path.join(args.out, 'trials'))
    c = Campaign(args)
    c.build_base()
    counts, first = {}, time.time()
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        for n, res in enumerate(ex.map(c.trial, range(args.n))):
            for key in ('result', 'finding', 'gnu'):
                if key in res:
                    k = '%s=%s' % (key, res[key])
                    counts[k] = counts.get(k, 0) + 1
            if res.get('ran'):
                counts['ran both'] = counts.get('ran both', 0) + 1
            if res.get('address_dependent'):
                counts['ran both, behaviour depends on addresses'] = \
                    counts.get('ran both, behaviour depends on addresses', 0) + 1
            if res.get('finding'):
                print('trial %d: %s (%s %s, %s)' % (n, res['finding'], res.get('mode'),
                                                   res.get('input'), res.get('how')), flush=True)
    lines = ['mutate: %d trials in %.0f s, tld %s' % (args.n, time.time() - first, args.tld)]
    lines += ['  %-22s %d' % (k, v) for k, v in sorted(counts.items())]
    text = '\n'.join(lines) + '\n'
    sys.stdout.write(text)
    with open(os.path.join(args.out, 'summary.txt'), 'w') as f:
        f.write(text)
    return 1 if any(k.startswith('finding=') for k in counts) else 0


if __name__ == '__main__':
    sys.exit(main())
