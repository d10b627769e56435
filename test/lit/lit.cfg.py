# -*- Python -*-
# lit configuration for tld's test suites (DESIGN.md §9).
#
# Substitutions a test may use:
#   %tld          the link-editor, build/bin/tld (absolute)
#   %gnudir       build/gnu/, whose `ld` is tld: `%cc-x64 -B%gnudir ...`
#   %llvm-mc      LLVM 14's assembler; FileCheck, llvm-objdump, llvm-readelf, llvm-ar, not and
#                 count name LLVM 14's tools too (and /usr/lib/llvm-14/bin leads PATH)
#   %cc-x64 %cc-x86 %cc-sparcv9 %cc-sparc        C compilers per target
#   %cxx-x64 %cxx-x86 %cxx-sparcv9 %cxx-sparc    C++ compilers per target
#   %run-x64 %run-x86 %run-sparcv9 %run-sparc   prefix that runs a program of that target
#   %clang        clang, for `--ld-path=%tld`
#   %inputs       the Inputs directory of the test's suite (test/lit/<suite>/Inputs)
#   %python       the Python that runs lit, for the small decoders a suite keeps in its Inputs
#   %rtld-churn %rtld-cycles %rtld-signal-rounds %stress-factor
#                 rtld stress counts (larger with TLD_STRESS=1)
#   %ld-bfd %ld-bfd-sparc %ld-lld   the reference linkers: GNU ld (host, SPARC) and lld
#
# Features (for REQUIRES:): one per tool or compiler that works here — llvm-mc, clang, gdb, ld.bfd,
# ld.bfd-sparc, ld.lld, autotools, cc-x64, cc-x86, cxx-x64, cxx-x86, cc-sparcv9, cc-sparc,
# cxx-sparcv9, cxx-sparc, qemu-sparc64, qemu-sparc32plus, strace, setpriv — and run-<target>
# when a program of that target can be built and run; root, mknod-null and unshare-mount
# describe the host (see below).
#
# Under CI=true, or with TLD_REQUIRE_ALL=1, anything missing is a configuration error that names
# it: nothing that could run is skipped silently.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import types

import lit.formats
import lit.TestRunner
import lit.util

config.name = 'tld'
config.suffixes = ['.s', '.test', '.c', '.cpp']
config.excludes = ['Inputs']

config.test_source_root = os.path.dirname(os.path.abspath(__file__))
repo_root = os.path.dirname(os.path.dirname(config.test_source_root))
# `make check SANITIZE=1` builds into build/san and says so in TLD_BUILD.
build_root = os.environ.get('TLD_BUILD') or os.path.join(repo_root, 'build')
config.test_exec_root = os.path.join(build_root, 'test')

require_all = (os.environ.get('CI') == 'true' or
               os.environ.get('TLD_REQUIRE_ALL') == '1')
missing = []


def need(what):
    missing.append(what)


# --- the test format ------------------------------------------------------------------------
#
# %inputs depends on the test: its suite is the first directory under test/lit. lit hands tests
# to worker processes by pickling them, so the format class must be reachable by module name;
# it is registered as a small module of its own before the workers start.

class TldShTest(lit.formats.ShTest):
    def execute(self, test, litConfig):
        parts = test.path_in_suite
        suite_dir = test.suite.source_root
        if len(parts) > 1:
            suite_dir = os.path.join(suite_dir, parts[0])
        extra = list(self.extra_substitutions)
        extra.append(('%inputs', os.path.join(suite_dir, 'Inputs')))
        return lit.TestRunner.executeShTest(test, litConfig, self.execute_external, extra,
                                            self.preamble_commands)


_fmt_module = sys.modules.setdefault('tld_lit_format', types.ModuleType('tld_lit_format'))
TldShTest.__module__ = _fmt_module.__name__
_fmt_module.TldShTest = TldShTest

# lit's own shell by default (portable, and `not`/pipes behave as in LLVM's suites);
# LIT_USE_INTERNAL_SHELL=0 runs the scripts with bash instead.
use_internal_shell = lit.util.pythonize_bool(os.environ.get('LIT_USE_INTERNAL_SHELL', '1'))
config.test_format = TldShTest(execute_external=not use_internal_shell)

# --- environment ----------------------------------------------------------------------------

llvm_bin = '/usr/lib/llvm-14/bin'
config.environment['PATH'] = os.pathsep.join([llvm_bin, os.environ.get('PATH', '')])
for var in ['HOME', 'TMPDIR', 'CI', 'TLD_REQUIRE_ALL', 'LANG', 'LC_ALL', 'TLD_BUILD']:
    if var in os.environ:
        config.environment[var] = os.environ[var]

# A hung program (a broken start-up under qemu, say) must not hold up the whole run. lit can only
# enforce a per-test limit with psutil; --timeout on the command line still wins.
if lit_config.maxIndividualTestTime == 0:
    supported, _ = lit_config.maxIndividualTestTimeIsSupported
    if supported:
        lit_config.maxIndividualTestTime = int(os.environ.get('TLD_TEST_TIMEOUT', '300'))


# Substitution keys are regular expressions; the look-ahead keeps `%cc-sparc` from matching the
# front of `%cc-sparcv9` and `%t` (lit's own) from eating `%tld`.
def subst(key, value):
    config.substitutions.append((re.escape(key) + r'(?![\w-])', value))


# Bare tool names are replaced only as whole words in command position-like contexts, as LLVM's
# own suites do, so `not` inside `cannot` or `--check-prefix=NOT` is left alone.
def tool_subst(name, value):
    config.substitutions.append((r'(?<![\w./=-])' + re.escape(name) + r'(?![\w./=-])', value))


# --- stress counts ----------------------------------------------------------------------------
# The rtld stress tests run small counts under `make check` and full ones under `make stress`
# (TLD_STRESS=1): detached-thread churn, dlopen/dlclose cycles, signal-handler TLS rounds.
stress = os.environ.get('TLD_STRESS') == '1'
if 'TLD_STRESS' in os.environ:
    config.environment['TLD_STRESS'] = os.environ['TLD_STRESS']
subst('%rtld-churn', '100000' if stress else '20000')
subst('%rtld-cycles', '100000' if stress else '15000')
subst('%rtld-signal-rounds', '9' if stress else '1')
# the signal storms of tls-signal-<target>.test: rounds in hundreds
subst('%stress-factor', '100' if stress else '1')

# --- tld itself -----------------------------------------------------------------------------

# TLD_LIT_TLD and TLD_LIT_GNUDIR put another tld (and a directory whose `ld` is it) in their place:
# scripts/cmp-tld.sh runs the suite through a wrapper that compares two builds' outputs.
tld = os.environ.get('TLD_LIT_TLD') or os.path.join(build_root, 'bin', 'tld')
gnudir = os.environ.get('TLD_LIT_GNUDIR') or os.path.join(build_root, 'gnu') + os.sep
if not os.access(tld, os.X_OK):
    if require_all:
        need('tld (%s; run `make` first)' % tld)
    else:
        lit_config.warning('%s does not exist yet; run `make` first' % tld)
subst('%tld', tld)
subst('%gnudir', gnudir)
subst('%python', sys.executable)

# --- LLVM tools -----------------------------------------------------------------------------

for name in ['llvm-mc', 'FileCheck', 'llvm-objdump', 'llvm-readelf', 'llvm-ar', 'not', 'count']:
    path = os.path.join(llvm_bin, name)
    if os.access(path, os.X_OK):
        config.available_features.add(name)
    else:
        need('%s (%s, package llvm-14-tools or llvm-14)' % (name, path))
    if name == 'llvm-mc':
        subst('%llvm-mc', path)
    else:
        tool_subst(name, path)

# strace shows which system calls a program makes (rtld's vDSO test).
if shutil.which('strace', path=config.environment['PATH']):
    config.available_features.add('strace')
else:
    need('strace (package strace)')

# Secure-mode tests run a program with another effective uid (setpriv, from util-linux), which
# needs root; CI runs as root.
if shutil.which('setpriv', path=config.environment['PATH']):
    config.available_features.add('setpriv')
else:
    need('setpriv (package util-linux)')
if os.geteuid() == 0:
    config.available_features.add('root')
else:
    need('root (the secure-mode test changes its effective uid)')
# gdb reads the debug information of linked programs (merged strings, compressed sections).
gdb = shutil.which('gdb', path=config.environment['PATH'])
if gdb:
    config.available_features.add('gdb')
else:
    need('gdb (package gdb)')

clang = shutil.which('clang', path=config.environment['PATH'])
if clang:
    config.available_features.add('clang')
else:
    need('clang')
subst('%clang', clang or 'clang')

# --- reference linkers ----------------------------------------------------------------------
#
# Tests of GNU-compatible behaviour link the same input with GNU ld (or lld, for what GNU ld
# lacks) and check both outputs with the same FileCheck lines: the expectation is the reference
# linker's, and the test shows it. %ld-bfd is the host's GNU ld (x86-64 and i386 with -m),
# %ld-bfd-sparc the SPARC cross one, %ld-lld lld; through a compiler driver, -fuse-ld=bfd and
# -fuse-ld=lld pick them.

for feature, tool, key, pkg in [('ld.bfd', 'ld.bfd', '%ld-bfd', 'binutils'),
                                ('ld.bfd-sparc', 'sparc64-linux-gnu-ld.bfd', '%ld-bfd-sparc',
                                 'binutils-sparc64-linux-gnu'),
                                ('ld.lld', 'ld.lld', '%ld-lld', 'lld')]:
    path = shutil.which(tool, path=config.environment['PATH'])
    if path:
        config.available_features.add(feature)
    else:
        need('%s (package %s)' % (tool, pkg))
    subst(key, path or tool)

# The GNU build system, for a real libtool-based configure (compat/libtool-configure.test).
if all(shutil.which(t, path=config.environment['PATH'])
       for t in ['autoreconf', 'libtoolize', 'automake', 'make']):
    config.available_features.add('autotools')
else:
    need('autotools (autoreconf, libtoolize, automake, make: packages autoconf, libtool, '
         'automake, make)')

# --- compilers and runners per target -------------------------------------------------------

C_PROBE = '#include <stdio.h>\nint main(void) { puts("ok"); return 0; }\n'
CXX_PROBE = '#include <iostream>\nint main() { std::cout << "ok" << std::endl; }\n'

sparc32_root = os.path.join(repo_root, 'build', 'sparc32-root')  # made by scripts/deps.sh
targets = [
    # name,     C compiler,                      C++ compiler,                    runner
    ('x64', 'gcc', 'g++', ''),
    ('x86', 'gcc -m32', 'g++ -m32', ''),
    ('sparcv9', 'sparc64-linux-gnu-gcc -m64', 'sparc64-linux-gnu-g++ -m64',
     'qemu-sparc64 -L /usr/sparc64-linux-gnu'),
    ('sparc', 'sparc64-linux-gnu-gcc -m32', 'sparc64-linux-gnu-g++ -m32',
     'qemu-sparc32plus -L %s' % sparc32_root),
]

probe_dir = tempfile.mkdtemp(prefix='tld-lit-probe-')


def probe_build(compiler, source, lang, out):
    """Compile and link a small program; returns the output path, or None."""
    src = os.path.join(probe_dir, out + ('.c' if lang == 'c' else '.cpp'))
    exe = os.path.join(probe_dir, out)
    with open(src, 'w') as f:
        f.write(source)
    try:
        r = subprocess.run(compiler.split() + ['-o', exe, src], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=config.environment, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return exe if r.returncode == 0 else None


def probe_run(runner, exe):
    try:
        r = subprocess.run(runner.split() + [exe], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, env=config.environment, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0 and r.stdout.strip() == b'ok'


host_is_x86_64 = os.uname().machine == 'x86_64'
for qemu in ['qemu-sparc64', 'qemu-sparc32plus']:
    if shutil.which(qemu, path=config.environment['PATH']):
        config.available_features.add(qemu)
    else:
        need('%s (package qemu-user)' % qemu)

for name, cc, cxx, runner in targets:
    # sparcv9 before sparc, x64 before x86: the look-ahead in subst() keeps them apart anyway.
    subst('%cc-' + name, cc)
    subst('%cxx-' + name, cxx)

    exe = probe_build(cc, C_PROBE, 'c', 'cc-' + name)
    # A kernel built without 32-bit x86 support cannot run i386 programs itself: they run under
    # qemu-user then.
    if (name == 'x86' and host_is_x86_64 and exe and not probe_run(runner, exe)
            and shutil.which('qemu-i386', path=config.environment['PATH'])):
        runner = 'qemu-i386'
        lit_config.note('i386 programs run under qemu-i386 (the kernel does not run them)')
    subst('%run-' + name, runner)
    if exe:
        config.available_features.add('cc-' + name)
    else:
        need('cc-%s (`%s` cannot build a C program)' % (name, cc))
    cxx_exe = probe_build(cxx, CXX_PROBE, 'c++', 'cxx-' + name)
    if cxx_exe:
        config.available_features.add('cxx-' + name)
    else:
        need('cxx-%s (`%s` cannot build a C++ program)' % (name, cxx))

    if name in ('x64', 'x86') and not host_is_x86_64:
        continue
    if exe and probe_run(runner, exe):
        config.available_features.add('run-' + name)
    else:
        need('run-%s (`%s` cannot run a program built by `%s`%s)'
             % (name, runner or '(native)', cc,
                '; run `make sysroot`' if name == 'sparc' else ''))

shutil.rmtree(probe_dir, ignore_errors=True)

# --- link-time optimisation ---------------------------------------------------------------
# GNU ld is the reference the LTO tests compare resolutions with; the test plugin is built
# against binutils' plugin-api.h; clang's LTO goes through LLVMgold.

ld_bfd = shutil.which('ld.bfd', path=config.environment['PATH'])
if ld_bfd:
    config.available_features.add('ld.bfd')
else:
    need('ld.bfd (package binutils)')
subst('%ld-bfd', ld_bfd or 'ld.bfd')
if os.path.exists('/usr/include/plugin-api.h'):
    config.available_features.add('plugin-api-h')
else:
    need('/usr/include/plugin-api.h (package binutils-dev)')
llvmgold = '/usr/lib/llvm-14/lib/LLVMgold.so'
if os.path.exists(llvmgold):
    config.available_features.add('llvmgold')
else:
    need('%s (package llvm-14-linker-tools)' % llvmgold)
gcc_ar = shutil.which('gcc-ar', path=config.environment['PATH'])
if gcc_ar:
    config.available_features.add('gcc-ar')
else:
    need('gcc-ar (package gcc)')

# --- the host: privileges and namespaces ---------------------------------------------------
#
# `mknod-null` is set when root (see above) may also make a /dev/null node inside %t and write
# to it. `unshare-mount` is set when `unshare -rm` gives a private mount namespace in which a
# tmpfs can be mounted (root, or unprivileged user namespaces): a small full filesystem, or an
# empty /proc, without touching the host's mounts. Neither is a tool CI could install, so their
# absence is a note, not an error.

_ns_dir = tempfile.mkdtemp(prefix='tld-lit-ns-')
if os.geteuid() == 0:
    # A container may refuse device nodes even to root: probe the one the tests make.
    try:
        _null = os.path.join(_ns_dir, 'null')
        os.mknod(_null, 0o666 | 0o020000, os.makedev(1, 3))
        with open(_null, 'w') as _f:
            _f.write('x')
        config.available_features.add('mknod-null')
        os.unlink(_null)
    except OSError:
        lit_config.note('mknod of a /dev/null node is refused here: device-output tests are '
                        'unsupported')
try:
    _ns = subprocess.run(['unshare', '-rm', 'sh', '-c',
                          'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', _ns_dir],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    if _ns.returncode == 0:
        config.available_features.add('unshare-mount')
    else:
        lit_config.note('unshare -rm cannot mount a tmpfs here: full-disk tests are unsupported')
except (OSError, subprocess.TimeoutExpired):
    lit_config.note('unshare is missing: full-disk tests are unsupported')
shutil.rmtree(_ns_dir, ignore_errors=True)

# --- verdict --------------------------------------------------------------------------------

if missing:
    if require_all:
        lit_config.fatal('required by CI=true / TLD_REQUIRE_ALL=1 but missing: ' +
                         '; '.join(missing) + ' (run scripts/deps.sh --check as root)')
    lit_config.note('not available, tests that need it are unsupported: ' + '; '.join(missing))
