#!/usr/bin/env python3
"""Makes one malformed variant of a shared object: elfpatch.py IN OUT KIND (ELF64 LSB)."""
import struct
import sys

DT = {'NULL': 0, 'NEEDED': 1, 'PLTRELSZ': 2, 'HASH': 4, 'STRTAB': 5, 'SYMTAB': 6, 'RELA': 7,
      'RELASZ': 8, 'STRSZ': 10, 'SONAME': 14, 'DEBUG': 21, 'JMPREL': 23, 'INIT_ARRAY': 25,
      'GNU_HASH': 0x6ffffef5, 'VERDEF': 0x6ffffffc, 'VERNEED': 0x6ffffffe,
      'POSFLAG_1': 0x6ffffdfd, 'SYMINSZ': 0x6ffffdfe, 'SYMINENT': 0x6ffffdff,
      'SYMINFO': 0x6ffffeff}
PT_LOAD, PT_DYNAMIC, PT_TLS, PT_GNU_RELRO = 1, 2, 7, 0x6474e552


def main():
    src, dst, kind = sys.argv[1:4]
    b = bytearray(open(src, 'rb').read())
    phoff, = struct.unpack_from('<Q', b, 0x20)
    phnum, = struct.unpack_from('<H', b, 0x38)
    phdrs = [(phoff + 56 * i,) + struct.unpack_from('<IIQQQQQQ', b, phoff + 56 * i)
             for i in range(phnum)]
    loads = [p for p in phdrs if p[1] == PT_LOAD]

    def off_of(vaddr):
        for p in loads:
            if p[4] <= vaddr < p[4] + p[6]:
                return vaddr - p[4] + p[3]
        raise SystemExit('no file offset for 0x%x' % vaddr)

    dyn = [p for p in phdrs if p[1] == PT_DYNAMIC][0]
    entries = []
    for k in range(dyn[3], dyn[3] + dyn[5], 16):
        tag, val = struct.unpack_from('<qQ', b, k)
        entries.append((k, tag, val))
        if tag == 0:
            break

    def entry(name):
        for e in entries:
            if e[1] == DT[name]:
                return e
        raise SystemExit('no DT_%s' % name)

    def set_tag(name, new):
        struct.pack_into('<q', b, entry(name)[0], DT[new])

    def set_val(name, v):
        struct.pack_into('<Q', b, entry(name)[0] + 8, v)

    if kind == 'relasz-without-rela':
        set_tag('RELA', 'DEBUG')
    elif kind == 'init-array-size-without-array':
        set_tag('INIT_ARRAY', 'DEBUG')
    elif kind == 'reloc-offset':
        struct.pack_into('<Q', b, off_of(entry('RELA')[2]), 0x7fffffff000)
    elif kind == 'reloc-symbol':
        o = off_of(entry('JMPREL')[2])
        info, = struct.unpack_from('<Q', b, o + 8)
        struct.pack_into('<Q', b, o + 8, (0xfffff << 32) | (info & 0xffffffff))
    elif kind == 'gnu-hash-chain':
        # every chain word loses its end bit: a scan for the last symbol runs past the table
        h = off_of(entry('GNU_HASH')[2])
        nb, symoff, bloom, _ = struct.unpack_from('<IIII', b, h)
        nsyms, = struct.unpack_from('<I', b, off_of(entry('HASH')[2]) + 4)
        chain = h + 16 + 8 * bloom + 4 * nb
        for k in range(chain, chain + 4 * (nsyms - symoff), 4):
            w, = struct.unpack_from('<I', b, k)
            struct.pack_into('<I', b, k, w & ~1)
    elif kind == 'sysv-hash-chain':
        h = off_of(entry('HASH')[2])
        nb, nc = struct.unpack_from('<II', b, h)
        struct.pack_into('<I', b, h + 8 + 4 * nb + 4, 0x7fffffff)  # chain[1]
    elif kind == 'sysv-hash-loop':
        # every chain entry points at itself: a lookup that misses would never end
        h = off_of(entry('HASH')[2])
        nb, nc = struct.unpack_from('<II', b, h)
        for i in range(1, nc):
            struct.pack_into('<I', b, h + 8 + 4 * nb + 4 * i, i)
    elif kind == 'soname-offset':
        set_val('SONAME', 0x7fffffff)
    elif kind == 'strsz':
        set_val('STRSZ', 0xffffffffffff)
    elif kind == 'verdef-name':
        v = off_of(entry('VERDEF')[2])
        aux, = struct.unpack_from('<I', b, v + 12)
        struct.pack_into('<I', b, v + aux, 0x7fffffff)
    elif kind == 'verneed-chain':
        v = off_of(entry('VERNEED')[2])
        struct.pack_into('<I', b, v + 12, 0x100000)  # vn_next far past the image
    elif kind == 'relro-outside':
        p = [p for p in phdrs if p[1] == PT_GNU_RELRO][0]
        struct.pack_into('<Q', b, p[0] + 16, 0x7f0000000000)  # p_vaddr
    elif kind == 'tls-size':
        p = [p for p in phdrs if p[1] == PT_TLS][0]
        struct.pack_into('<Q', b, p[0] + 40, 0xfffffffffffff000)  # p_memsz
    elif kind == 'symbol-value':
        s = off_of(entry('SYMTAB')[2])
        struct.pack_into('<Q', b, s + 24 + 8, 0x7ffffffff000)  # symbol 1's st_value
        struct.pack_into('<H', b, s + 24 + 6, 1)  # defined
    elif kind == 'overlapping-load':
        struct.pack_into('<Q', b, loads[1][0] + 16, loads[0][4])  # p_vaddr of the second
        struct.pack_into('<Q', b, loads[1][0] + 8, loads[0][3])  # p_offset
    elif kind == 'syminsz':
        set_val('SYMINSZ', entry('SYMINSZ')[2] - 4)  # one entry short
    elif kind == 'syminent':
        set_val('SYMINENT', 8)
    elif kind == 'syminfo-outside':
        set_val('SYMINFO', 0x7fff0000)
    elif kind == 'syminsz-without-syminfo':
        set_tag('SYMINFO', 'DEBUG')
    elif kind.startswith('boundto='):
        # every entry that names a dependency names dynamic entry N instead (not a DT_NEEDED, or
        # past the end)
        si = off_of(entry('SYMINFO')[2])
        for k in range(si + 4, si + entry('SYMINSZ')[2], 4):
            bt, fl = struct.unpack_from('<HH', b, k)
            if bt < 0xff00:
                struct.pack_into('<H', b, k, int(kind[8:], 0))
    else:
        raise SystemExit('unknown kind ' + kind)
    open(dst, 'wb').write(b)


main()
