"""Make a malformed ELF file from a good one by setting header, section or symbol fields.

  elfpatch.py IN OUT EDIT...

An EDIT is one of
  ehdr:FIELD=VALUE                 e_shoff, e_shnum, e_shstrndx, e_type, e_machine, ...
  shdr:SECTION:FIELD=VALUE         SECTION is a name (first match) or a number;
                                   FIELD sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size,
                                   sh_link, sh_info, sh_addralign, sh_entsize
  sym:SYMBOL:FIELD=VALUE           in .symtab (or .dynsym); SYMBOL a name or a number;
                                   FIELD st_name, st_info, st_other, st_shndx, st_value, st_size
  bytes:SECTION:OFFSET=HEX         overwrite bytes inside a section's contents
  append:HEX                       bytes added at the end of the file
  misalign:SECTION                 move the section's contents to the end of the file, at an
                                   odd offset
VALUE is a decimal or 0x number. Works on ELF32 and ELF64 of either byte order.
"""

import struct
import sys

EHDR = {
    64: [('e_type', 16, 'H'), ('e_machine', 18, 'H'), ('e_version', 20, 'I'), ('e_entry', 24, 'Q'),
         ('e_phoff', 32, 'Q'), ('e_shoff', 40, 'Q'), ('e_flags', 48, 'I'), ('e_ehsize', 52, 'H'),
         ('e_phentsize', 54, 'H'), ('e_phnum', 56, 'H'), ('e_shentsize', 58, 'H'),
         ('e_shnum', 60, 'H'), ('e_shstrndx', 62, 'H')],
    32: [('e_type', 16, 'H'), ('e_machine', 18, 'H'), ('e_version', 20, 'I'), ('e_entry', 24, 'I'),
         ('e_phoff', 28, 'I'), ('e_shoff', 32, 'I'), ('e_flags', 36, 'I'), ('e_ehsize', 40, 'H'),
         ('e_phentsize', 42, 'H'), ('e_phnum', 44, 'H'), ('e_shentsize', 46, 'H'),
         ('e_shnum', 48, 'H'), ('e_shstrndx', 50, 'H')],
}
SHDR = {
    64: (64, [('sh_name', 0, 'I'), ('sh_type', 4, 'I'), ('sh_flags', 8, 'Q'), ('sh_addr', 16, 'Q'),
              ('sh_offset', 24, 'Q'), ('sh_size', 32, 'Q'), ('sh_link', 40, 'I'),
              ('sh_info', 44, 'I'), ('sh_addralign', 48, 'Q'), ('sh_entsize', 56, 'Q')]),
    32: (40, [('sh_name', 0, 'I'), ('sh_type', 4, 'I'), ('sh_flags', 8, 'I'), ('sh_addr', 12, 'I'),
              ('sh_offset', 16, 'I'), ('sh_size', 20, 'I'), ('sh_link', 24, 'I'),
              ('sh_info', 28, 'I'), ('sh_addralign', 32, 'I'), ('sh_entsize', 36, 'I')]),
}
SYM = {
    64: (24, [('st_name', 0, 'I'), ('st_info', 4, 'B'), ('st_other', 5, 'B'), ('st_shndx', 6, 'H'),
              ('st_value', 8, 'Q'), ('st_size', 16, 'Q')]),
    32: (16, [('st_name', 0, 'I'), ('st_value', 4, 'I'), ('st_size', 8, 'I'), ('st_info', 12, 'B'),
              ('st_other', 13, 'B'), ('st_shndx', 14, 'H')]),
}


class Elf:
    def __init__(self, data):
        self.d = bytearray(data)
        self.bits = 64 if self.d[4] == 2 else 32
        self.end = '>' if self.d[5] == 2 else '<'

    def get(self, off, fmt):
        return struct.unpack_from(self.end + fmt, self.d, off)[0]

    def put(self, off, fmt, value):
        struct.pack_into(self.end + fmt, self.d, off, value & ((1 << (8 * struct.calcsize(fmt))) - 1))

    def field(self, table, name):
        for n, off, fmt in table:
            if n == name:
                return off, fmt
        sys.exit('unknown field %s' % name)

    def ehdr(self, name):
        return self.get(*self.field(EHDR[self.bits], name))

    def shdr_off(self, i):
        return self.ehdr('e_shoff') + i * SHDR[self.bits][0]

    def sh(self, i, name):
        off, fmt = self.field(SHDR[self.bits][1], name)
        return self.get(self.shdr_off(i) + off, fmt)

    def nsec(self):
        return self.ehdr('e_shnum')

    def cstr(self, off):
        return bytes(self.d[off:self.d.index(0, off)]).decode()

    def sec_name(self, i):
        strtab = self.sh(self.ehdr('e_shstrndx'), 'sh_offset')
        return self.cstr(strtab + self.sh(i, 'sh_name'))

    def find_sec(self, key):
        if key.isdigit():
            return int(key)
        for i in range(self.nsec()):
            if self.sec_name(i) == key:
                return i
        sys.exit('no section %s' % key)

    def symtab(self):
        for t in (2, 11):  # SHT_SYMTAB, SHT_DYNSYM
            for i in range(self.nsec()):
                if self.sh(i, 'sh_type') == t:
                    return i
        sys.exit('no symbol table')

    def find_sym(self, key):
        st = self.symtab()
        size = SYM[self.bits][0]
        base = self.sh(st, 'sh_offset')
        if key.isdigit():
            return base + int(key) * size
        strs = self.sh(self.sh(st, 'sh_link'), 'sh_offset')
        for k in range(self.sh(st, 'sh_size') // size):
            p = base + k * size
            if self.cstr(strs + self.get(p, 'I')) == key:
                return p
        sys.exit('no symbol %s' % key)


def main():
    src, dst, edits = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(src, 'rb') as f:
        e = Elf(f.read())
    for edit in edits:
        kind, rest = edit.split(':', 1)
        if kind == 'append':
            e.d += bytes.fromhex(rest)
            continue
        if kind == 'misalign':
            i = e.find_sec(rest)
            off, size = e.sh(i, 'sh_offset'), e.sh(i, 'sh_size')
            body = bytes(e.d[off:off + size])
            if len(e.d) % 2 == 0:
                e.d += b'\0'
            new_off = len(e.d)
            e.d += body
            o, fmt = e.field(SHDR[e.bits][1], 'sh_offset')
            e.put(e.shdr_off(i) + o, fmt, new_off)
            continue
        where, value = rest.rsplit('=', 1)
        if kind == 'bytes':
            sec, off = where.split(':')
            p = e.sh(e.find_sec(sec), 'sh_offset') + int(off, 0)
            b = bytes.fromhex(value)
            e.d[p:p + len(b)] = b
            continue
        value = int(value, 0)
        if kind == 'ehdr':
            e.put(*e.field(EHDR[e.bits], where), value)
        elif kind == 'shdr':
            sec, name = where.split(':')
            off, fmt = e.field(SHDR[e.bits][1], name)
            e.put(e.shdr_off(e.find_sec(sec)) + off, fmt, value)
        elif kind == 'sym':
            sym, name = where.split(':')
            p = e.find_sym(sym)
            off, fmt = e.field(SYM[e.bits][1], name)
            e.put(p + off, fmt, value)
        else:
            sys.exit('unknown edit %s' % edit)
    with open(dst, 'wb') as f:
        f.write(e.d)


if __name__ == '__main__':
    main()
