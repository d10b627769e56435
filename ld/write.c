/* Passes 13-14: write the output through one mapping of a temporary file next to the output,
 * copying each input section and applying its relocations in the same loop (a parallel loop over
 * sections: each writes only its own bytes), then the synthetic sections, the symbol table,
 * headers and build-id; finally rename the temporary into place. On any error before the rename
 * the old output is untouched and the temporary is removed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ld.h"

void ld_fill_synthetic(void);
void ld_write_symtab(void);
void ld_compute_build_id(void);

static ld_vec copy_list;

static void copy_one(uint32_t i, void *arg) {
  (void)arg;
  ld_isec *is = copy_list.v[i];
  uint8_t *out = ctx->buf + is->is_out->os_offset + is->is_off;
  if (is->is_eh) {
    ld_write_eh_frame(is, out);
    return;
  }
  if (is->is_type == SHT_NOBITS || is->is_out->os_type == SHT_NOBITS) {
    return;
  }
  if (is->is_data) memcpy(out, is->is_data, is->is_size);
  if (is->is_relsec) {
    ld_read_rels(is);
    ld_apply_relocs(is, out);
  }
}

static void write_ehdr(void) {
  uint8_t *b = ctx->buf;
  int be = ctx->be, is64 = ctx->is64;
  memcpy(b, "\177ELF", 4);
  b[EI_CLASS] = is64 ? ELFCLASS64 : ELFCLASS32;
  b[EI_DATA] = be ? ELFDATA2MSB : ELFDATA2LSB;
  b[EI_VERSION] = EV_CURRENT;
  b[EI_OSABI] = ELFOSABI_SYSV;
  uint16_t type = ctx->opt.outkind == OUT_EXEC ? ET_EXEC : ET_DYN;
  uint16_t mach = ctx->tg->tg_machine;
  if (ctx->tg->tg_machine_upgrade)
    for (uint32_t i = 0; i < ctx->objs.n; i++)
      if (((ld_obj *)ctx->objs.v[i])->o_machine == ctx->tg->tg_machine_upgrade)
        mach = ctx->tg->tg_machine_upgrade;
  uint32_t shnum = ctx->norder + 1;
  uint64_t shoff = ctx->filesize - (uint64_t)shnum * (is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE);
  uint32_t flags = 0;
  if (ctx->tg->tg_merge_eflags)
    for (uint32_t i = 0; i < ctx->objs.n; i++) {
      ld_obj *o = ctx->objs.v[i];
      flags |= elf_rd32(o->o_data + (o->o_is64 ? 48 : 36), o->o_be);
    }
  elf_wr16(b + 16, type, be);
  elf_wr16(b + 18, mach, be);
  elf_wr32(b + 20, EV_CURRENT, be);
  if (is64) {
    elf_wr64(b + 24, ctx->entry, be);
    elf_wr64(b + 32, ctx->ehdr_phoff, be);
    elf_wr64(b + 40, shoff, be);
    elf_wr32(b + 48, flags, be);
    elf_wr16(b + 52, ELF64_EHDR_SIZE, be);
    elf_wr16(b + 54, ELF64_PHDR_SIZE, be);
    elf_wr16(b + 56, (uint16_t)ctx->nsegs, be);
    elf_wr16(b + 58, ELF64_SHDR_SIZE, be);
    elf_wr16(b + 60, (uint16_t)shnum, be);
    elf_wr16(b + 62, (uint16_t)ctx->shstrtab->os_shndx, be);
  } else {
    elf_wr32(b + 24, (uint32_t)ctx->entry, be);
    elf_wr32(b + 28, (uint32_t)ctx->ehdr_phoff, be);
    elf_wr32(b + 32, (uint32_t)shoff, be);
    elf_wr32(b + 36, flags, be);
    elf_wr16(b + 40, ELF32_EHDR_SIZE, be);
    elf_wr16(b + 42, ELF32_PHDR_SIZE, be);
    elf_wr16(b + 44, (uint16_t)ctx->nsegs, be);
    elf_wr16(b + 46, ELF32_SHDR_SIZE, be);
    elf_wr16(b + 48, (uint16_t)shnum, be);
    elf_wr16(b + 50, (uint16_t)ctx->shstrtab->os_shndx, be);
  }
  /* Program headers. */
  uint8_t *p = b + ctx->ehdr_phoff;
  for (uint32_t i = 0; i < ctx->nsegs; i++) {
    ld_seg *s = &ctx->segs[i];
    if (is64) {
      elf_wr32(p, s->sg_type, be);
      elf_wr32(p + 4, s->sg_flags, be);
      elf_wr64(p + 8, s->sg_offset, be);
      elf_wr64(p + 16, s->sg_vaddr, be);
      elf_wr64(p + 24, s->sg_has_paddr ? s->sg_paddr : s->sg_vaddr, be);
      elf_wr64(p + 32, s->sg_filesz, be);
      elf_wr64(p + 40, s->sg_memsz, be);
      elf_wr64(p + 48, s->sg_align, be);
      p += ELF64_PHDR_SIZE;
    } else {
      elf_wr32(p, s->sg_type, be);
      elf_wr32(p + 4, (uint32_t)s->sg_offset, be);
      elf_wr32(p + 8, (uint32_t)s->sg_vaddr, be);
      elf_wr32(p + 12, (uint32_t)(s->sg_has_paddr ? s->sg_paddr : s->sg_vaddr), be);
      elf_wr32(p + 16, (uint32_t)s->sg_filesz, be);
      elf_wr32(p + 20, (uint32_t)s->sg_memsz, be);
      elf_wr32(p + 24, s->sg_flags, be);
      elf_wr32(p + 28, (uint32_t)s->sg_align, be);
      p += ELF32_PHDR_SIZE;
    }
  }
}

static void write_shdrs(void) {
  int be = ctx->be, is64 = ctx->is64;
  uint32_t esz = is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE;
  uint8_t *base = ctx->buf + ctx->filesize - (uint64_t)(ctx->norder + 1) * esz;
  /* Section names go into .shstrtab, laid out when its size was computed. */
  uint8_t *names = ctx->buf + ctx->shstrtab->os_offset;
  uint32_t noff = 1;
  names[0] = 0;
  memset(base, 0, esz);
  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    uint8_t *h = base + (uint64_t)(i + 1) * esz;
    size_t len = strlen(os->os_name);
    memcpy(names + noff, os->os_name, len + 1);
    uint32_t link = 0, info = 0;
    if (os->os_synth == SY_SYMTAB) link = ctx->strtab->os_shndx, info = os->os_info;
    if (os->os_synth == SY_DYNSYM) link = ctx->dynstr->os_shndx, info = 1;
    if (os->os_synth == SY_HASH || os->os_synth == SY_GNU_HASH) link = ctx->dynsym->os_shndx;
    if (os->os_synth == SY_DYNAMIC) link = ctx->dynstr->os_shndx;
    if (os->os_synth == SY_VERSYM) link = ctx->dynsym->os_shndx;
    if (os->os_synth == SY_VERNEED || os->os_synth == SY_VERDEF)
      link = ctx->dynstr->os_shndx, info = os->os_info;
    if (os->os_synth == SY_RELA_PLT) {
      link = ctx->dynsym->os_shndx;
      info = ctx->gotplt ? ctx->gotplt->os_shndx : 0;
    }
    if (os->os_synth == SY_RELA_DYN && ctx->dynsym) link = ctx->dynsym->os_shndx;
    uint64_t flags = os->os_flags;
    if (os->os_synth == SY_RELA_IPLT && ctx->got) flags |= SHF_INFO_LINK, info = ctx->got->os_shndx;
    if (is64) {
      elf_wr32(h, noff, be);
      elf_wr32(h + 4, os->os_type, be);
      elf_wr64(h + 8, flags, be);
      elf_wr64(h + 16, os->os_addr, be);
      elf_wr64(h + 24, os->os_offset, be);
      elf_wr64(h + 32, os->os_size, be);
      elf_wr32(h + 40, link, be);
      elf_wr32(h + 44, info, be);
      elf_wr64(h + 48, os->os_align, be);
      elf_wr64(h + 56, os->os_entsize, be);
    } else {
      elf_wr32(h, noff, be);
      elf_wr32(h + 4, os->os_type, be);
      elf_wr32(h + 8, (uint32_t)flags, be);
      elf_wr32(h + 12, (uint32_t)os->os_addr, be);
      elf_wr32(h + 16, (uint32_t)os->os_offset, be);
      elf_wr32(h + 20, (uint32_t)os->os_size, be);
      elf_wr32(h + 24, link, be);
      elf_wr32(h + 28, info, be);
      elf_wr32(h + 32, (uint32_t)os->os_align, be);
      elf_wr32(h + 36, (uint32_t)os->os_entsize, be);
    }
    noff += (uint32_t)len + 1;
  }
}

#define POPULATE_CHUNK (4u << 20)
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static void populate_one(uint32_t i, void *arg) {
  uint64_t off = (uint64_t)i * POPULATE_CHUNK;
  uint64_t len = ctx->filesize - off < POPULATE_CHUNK ? ctx->filesize - off : POPULATE_CHUNK;
  (void)madvise((uint8_t *)arg + off, len, MADV_POPULATE_WRITE); /* only advice: may fail */
}

void ld_write_output(void) {
  const char *out = ctx->opt.output;
  char *tmp = ld_sprintf("%s.tld-tmp.%ld", out, (long)getpid());
  int fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC, 0666);
  if (fd < 0) ld_fatal("cannot create %s: %s", tmp, strerror(errno));
  ld_tmp_output = tmp;
  if (ftruncate(fd, (off_t)ctx->filesize) < 0) ld_fatal("cannot size %s: %s", tmp, strerror(errno));
  void *m =
      ctx->filesize ? mmap(NULL, ctx->filesize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) : NULL;
  if (m == MAP_FAILED) ld_fatal("cannot map %s: %s", tmp, strerror(errno));
  ctx->buf = m;

  for (uint32_t i = 0; i < ctx->norder; i++) {
    ld_osec *os = ctx->order[i];
    if (os->os_synth) continue;
    for (uint32_t k = 0; k < os->os_isecs.n; k++) ld_vec_push(&copy_list, os->os_isecs.v[k]);
  }
  /* Fault the output's pages in ahead, in large parallel pieces: one call per piece costs far
   * less than a page fault per page taken while copying. */
  if (m)
    ld_par_for((uint32_t)((ctx->filesize + POPULATE_CHUNK - 1) / POPULATE_CHUNK), populate_one, m);
  ld_stat_pass("write: map the output");
  ld_par_for(copy_list.n, copy_one, NULL);
  ld_stat_pass("write: sections and relocations");
  ld_fill_synthetic();
  ld_stat_pass("write: GOT, PLT, dynamic sections");
  if (ctx->ehframehdr) ld_write_eh_frame_hdr();
  ld_stat_pass("write: .eh_frame_hdr");
  ld_write_symtab();
  write_ehdr();
  write_shdrs();
  ld_check_errors();
  ld_stat_pass("write: symbols, headers");
  if (ctx->buildid) ld_compute_build_id();
  if (ctx->opt.stats) ld_stat_memory();
  if (m && munmap(m, ctx->filesize) < 0) ld_fatal("cannot write %s: %s", tmp, strerror(errno));
  ld_stat_pass("write: build-id, unmap");
  if (ctx->opt.outkind != OUT_RELOC) {
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0777 & ~mask);
  }
  if (close(fd) < 0) ld_fatal("cannot write %s: %s", tmp, strerror(errno));
  if (rename(tmp, out) < 0) ld_fatal("cannot rename %s to %s: %s", tmp, out, strerror(errno));
  ld_tmp_output = NULL;
}
