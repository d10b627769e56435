/* Byte-order and class accessors. Every read or write of file bytes goes through these, so a
 * little-endian host reads and writes big-endian SPARC objects. `be` selects big-endian. */
#ifndef TLD_COMMON_ELF_BYTES_H
#define TLD_COMMON_ELF_BYTES_H

#include <stdint.h>
#include <string.h>

static inline uint16_t elf_rd16(const void *p, int be) {
  const uint8_t *b = p;
  return be ? (uint16_t)(b[0] << 8 | b[1]) : (uint16_t)(b[1] << 8 | b[0]);
}
static inline uint32_t elf_rd32(const void *p, int be) {
  const uint8_t *b = p;
  return be ? (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]
            : (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}
static inline uint64_t elf_rd64(const void *p, int be) {
  const uint8_t *b = p;
  uint64_t hi = elf_rd32(b + (be ? 0 : 4), be), lo = elf_rd32(b + (be ? 4 : 0), be);
  return hi << 32 | lo;
}
static inline void elf_wr16(void *p, uint16_t v, int be) {
  uint8_t *b = p;
  if (be) {
    b[0] = (uint8_t)(v >> 8);
    b[1] = (uint8_t)v;
  } else {
    b[0] = (uint8_t)v;
    b[1] = (uint8_t)(v >> 8);
  }
}
static inline void elf_wr32(void *p, uint32_t v, int be) {
  uint8_t *b = p;
  for (int i = 0; i < 4; i++) b[be ? 3 - i : i] = (uint8_t)(v >> (8 * i));
}
static inline void elf_wr64(void *p, uint64_t v, int be) {
  uint8_t *b = p;
  for (int i = 0; i < 8; i++) b[be ? 7 - i : i] = (uint8_t)(v >> (8 * i));
}
/* Address-sized ("word") accessors: 8 bytes for ELFCLASS64, 4 for ELFCLASS32. */
static inline uint64_t elf_rdw(const void *p, int is64, int be) {
  return is64 ? elf_rd64(p, be) : elf_rd32(p, be);
}
static inline void elf_wrw(void *p, uint64_t v, int is64, int be) {
  if (is64) elf_wr64(p, v, be);
  else elf_wr32(p, (uint32_t)v, be);
}

#endif
