#!/usr/bin/env python3
"""Decode an ELF object's Solaris direct-binding records, which llvm-readelf does not: the
DT_NEEDED entries of .dynamic with the DT_POSFLAG_1 in front of each, DT_SYMINFO/DT_SYMINSZ/
DT_SYMINENT and DF_1_* flags, and every .SUNW_syminfo entry with its .dynsym name. Both classes,
both byte orders. Everything is read from the file; inconsistencies are reported as `error:`
lines (and exit status 1) rather than smoothed over.

Usage: syminfo.py FILE
"""
import struct
import sys

SHT_DYNSYM, SHT_DYNAMIC, SHT_SUNW_SYMINFO = 11, 6, 0x6ffffffc
DT_NULL, DT_NEEDED, DT_FLAGS_1 = 0, 1, 0x6ffffffb
DT_POSFLAG_1, DT_SYMINSZ, DT_SYMINENT, DT_SYMINFO = 0x6ffffdfd, 0x6ffffdfe, 0x6ffffdff, 0x6ffffeff
BOUND = {0xffff: 'SELF', 0xfffe: 'PARENT', 0xfffd: 'NONE', 0xfffc: 'EXTERN'}
FLAGS = [(0x1, 'DIRECT'), (0x2, 'FILTER'), (0x4, 'COPY'), (0x8, 'LAZYLOAD'),
         (0x10, 'DIRECTBIND'), (0x20, 'NOEXTDIRECT'), (0x40, 'AUXILIARY'), (0x80, 'INTERPOSE'),
         (0x100, 'CAP'), (0x200, 'DEFERRED')]
DF1 = [(0x1, 'NOW'), (0x8, 'NODELETE'), (0x100, 'DIRECT'), (0x400, 'INTERPOSE'),
       (0x20000, 'NODIRECT'), (0x800000, 'SYMINTPOSE'), (0x8000000, 'PIE')]
POSFLAGS = [(0x1, 'LAZYLOAD'), (0x2, 'GROUPPERM')]
errors = 0


def error(msg):
    global errors
    errors += 1
    print('error: ' + msg)


def names(value, table):
    out = [n for bit, n in table if value & bit]
    rest = value & ~sum(bit for bit, _ in table)
    if rest:
        out.append('0x%x' % rest)
    return ' '.join(out) if out else '0'


def main(path):
    data = open(path, 'rb').read()
    if data[:4] != b'\x7fELF':
        sys.exit('%s: not an ELF file' % path)
    is64 = data[4] == 2
    e = '>' if data[5] == 2 else '<'
    if is64:
        shoff, = struct.unpack_from(e + 'Q', data, 40)
        shentsize, shnum = struct.unpack_from(e + 'HH', data, 58)
        shdr_fmt, sym_size, dyn_fmt = e + 'IIQQQQIIQQ', 24, e + 'qQ'
    else:
        shoff, = struct.unpack_from(e + 'I', data, 32)
        shentsize, shnum = struct.unpack_from(e + 'HH', data, 46)
        shdr_fmt, sym_size, dyn_fmt = e + 'IIIIIIIIII', 16, e + 'iI'
    shdrs = []
    for i in range(shnum):
        f = struct.unpack_from(shdr_fmt, data, shoff + i * shentsize)
        # name, type, flags, addr, offset, size, link, info, align, entsize
        shdrs.append(dict(type=f[1], addr=f[3], offset=f[4], size=f[5], link=f[6], info=f[7],
                          entsize=f[9]))

    def index_of(t):
        found = [i for i, h in enumerate(shdrs) if h['type'] == t]
        return found[0] if found else None

    dynsym_i, dynamic_i, syminfo_i = (index_of(SHT_DYNSYM), index_of(SHT_DYNAMIC),
                                      index_of(SHT_SUNW_SYMINFO))
    if dynamic_i is None or dynsym_i is None:
        print('no dynamic section')
        return
    strtab = shdrs[shdrs[dynsym_i]['link']]

    def string(off):
        start = strtab['offset'] + off
        return data[start:data.index(b'\0', start)].decode()

    # .dynamic: DT_POSFLAG_1 applies to the entry that follows it, which must be DT_NEEDED.
    dh = shdrs[dynamic_i]
    dyn = []
    step = struct.calcsize(dyn_fmt)
    for off in range(dh['offset'], dh['offset'] + dh['size'], step):
        tag, val = struct.unpack_from(dyn_fmt, data, off)
        dyn.append((tag, val))
        if tag == DT_NULL:
            break
    tags = {}
    for i, (tag, val) in enumerate(dyn):
        tags.setdefault(tag, val)
        if tag == DT_POSFLAG_1:
            nxt = dyn[i + 1][0] if i + 1 < len(dyn) else None
            print('dynamic [%d] POSFLAG_1 %s' % (i, names(val, POSFLAGS)))
            if nxt != DT_NEEDED:
                error('DT_POSFLAG_1 at [%d] is not followed by DT_NEEDED' % i)
        elif tag == DT_NEEDED:
            lazy = i > 0 and dyn[i - 1][0] == DT_POSFLAG_1 and dyn[i - 1][1] & 1
            print('dynamic [%d] NEEDED %s%s' % (i, string(val), ' (lazy)' if lazy else ''))
    print('FLAGS_1 %s' % names(tags.get(DT_FLAGS_1, 0), DF1))

    if syminfo_i is None:
        for t in (DT_SYMINFO, DT_SYMINSZ, DT_SYMINENT):
            if t in tags:
                error('dynamic tag 0x%x without a .SUNW_syminfo section' % t)
        print('no .SUNW_syminfo')
        return
    sh = shdrs[syminfo_i]
    nsyms = shdrs[dynsym_i]['size'] // sym_size
    if tags.get(DT_SYMINFO) != sh['addr']:
        error('DT_SYMINFO is not the address of .SUNW_syminfo')
    if tags.get(DT_SYMINSZ) != sh['size']:
        error('DT_SYMINSZ is not the size of .SUNW_syminfo')
    if tags.get(DT_SYMINENT) != 4 or sh['entsize'] != 4:
        error('DT_SYMINENT or sh_entsize is not 4')
    if sh['link'] != dynsym_i or sh['info'] != dynamic_i:
        error('.SUNW_syminfo sh_link/sh_info do not name .dynsym/.dynamic')
    if sh['size'] != 4 * nsyms:
        error('.SUNW_syminfo has %d entries, .dynsym %d' % (sh['size'] // 4, nsyms))
    print('syminfo: %d entries' % (sh['size'] // 4))
    symoff = shdrs[dynsym_i]['offset']
    for i in range(sh['size'] // 4):
        bound, flags = struct.unpack_from(e + 'HH', data, sh['offset'] + 4 * i)
        if i == 0:
            print('[0] boundto %d flags 0x%x' % (bound, flags))
            continue
        name = string(struct.unpack_from(e + 'I', data, symoff + i * sym_size)[0])
        if bound in BOUND:
            where = BOUND[bound]
        elif bound >= 0xff00:
            where = 'reserved 0x%x' % bound
            error('%s: reserved si_boundto 0x%x' % (name, bound))
        elif flags & 0x19:  # DIRECT, LAZYLOAD, DIRECTBIND name a DT_NEEDED entry
            if bound >= len(dyn) or dyn[bound][0] != DT_NEEDED:
                error('%s: si_boundto %d is not a DT_NEEDED entry' % (name, bound))
                where = '[%d] ?' % bound
            else:
                where = '[%d] %s' % (bound, string(dyn[bound][1]))
        else:
            where = '%d' % bound
        print('[%d] %s bound %s flags %s' % (i, name, where, names(flags, FLAGS)))


if __name__ == '__main__':
    main(sys.argv[1])
    sys.exit(1 if errors else 0)
