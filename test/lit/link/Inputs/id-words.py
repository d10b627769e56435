"""Compare two ELF files of the same layout: how many bytes differ outside the build-id note's
descriptor, and how many 32-bit words of the descriptor differ."""
import struct
import sys


def build_id_desc(data):
    # ELF64 little-endian only: section headers, then the NT_GNU_BUILD_ID note.
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
    str_off, = struct.unpack_from('<Q', data, shoff + shstrndx * shentsize + 0x18)
    for i in range(shnum):
        h = shoff + i * shentsize
        name, = struct.unpack_from('<I', data, h)
        end = data.index(b'\0', str_off + name)
        if data[str_off + name:end] == b'.note.gnu.build-id':
            off, size = struct.unpack_from('<QQ', data, h + 0x18)
            namesz, descsz = struct.unpack_from('<II', data, off)
            start = off + 12 + ((namesz + 3) & ~3)
            return start, descsz
    sys.exit('no .note.gnu.build-id')


a = open(sys.argv[1], 'rb').read()
b = open(sys.argv[2], 'rb').read()
if len(a) != len(b):
    sys.exit('the files differ in size')
start, size = build_id_desc(a)
outside = sum(1 for i in range(len(a)) if a[i] != b[i] and not start <= i < start + size)
words = size // 4
changed = sum(1 for w in range(words) if a[start + 4 * w:start + 4 * w + 4] != b[start + 4 * w:start + 4 * w + 4])
print('%d byte(s) outside the id differ; %d of %d id words differ' % (outside, changed, words))
