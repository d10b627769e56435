/* Reading mapfiles and version scripts: whole files into memory, the Solaris version choice
 * (`$mapfile_version 2` as the first token, otherwise version 1), `-M dir`. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"

static char *slurp(const char *path, const char *what, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) mf_error_at(path, 0, "cannot open %s: %s", what, strerror(errno));
  size_t cap = 8192, n = 0;
  char *buf = mf_alloc(cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n - 1 == 0) {
      char *nb = mf_alloc(cap * 2); /* the smaller buffer stays in the arena */
      memcpy(nb, buf, n);
      buf = nb, cap *= 2;
    }
  }
  if (ferror(f)) mf_error_at(path, 0, "cannot read %s: %s", what, strerror(errno));
  fclose(f);
  buf[n] = 0;
  *len = n;
  return buf;
}

/* Find the first token: if it is $mapfile_version, check the version and return 2 with *start
 * set to the offset after that line; otherwise the file is version 1. */
static int mapfile_version(const char *file, const char *buf, size_t len, size_t *start) {
  size_t i = 0;
  uint32_t line = 1;
  for (;;) {
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\v' ||
                       buf[i] == '\f' || buf[i] == '\n'))
      line += buf[i++] == '\n';
    if (i < len && buf[i] == '#') {
      while (i < len && buf[i] != '\n') i++;
      continue;
    }
    break;
  }
  static const char kw[] = "$mapfile_version";
  size_t kl = sizeof kw - 1;
  if (len - i < kl || strncasecmp(buf + i, kw, kl)) return 1;
  size_t a = i + kl;
  if (a < len && buf[a] != ' ' && buf[a] != '\t' && buf[a] != '\n' && buf[a] != '\r' &&
      buf[a] != '#')
    return 1;
  size_t eol = a;
  while (eol < len && buf[eol] != '\n') eol++;
  size_t e = a;
  while (e < eol && buf[e] != '#') e++;
  while (a < e && (buf[a] == ' ' || buf[a] == '\t')) a++;
  while (e > a && (buf[e - 1] == ' ' || buf[e - 1] == '\t' || buf[e - 1] == '\r')) e--;
  if (a == e) mf_error_at(file, line, "$mapfile_version directive requires an argument");
  char *arg = mf_strndup(buf + a, e - a), *end;
  errno = 0;
  unsigned long long v = strtoull(arg, &end, 0);
  if (*end || errno) mf_error_at(file, line, "malformed numeric value: %s", arg);
  if (v < 2)
    mf_error_at(file, line, "$mapfile_version directive must specify version 2 or higher: %s", arg);
  if (v > 2) mf_error_at(file, line, "unknown mapfile version: %s", arg);
  *start = eol < len ? eol + 1 : eol;
  return 2;
}

static void parse(mf_model *m, const char *file, int mode, const char *buf, size_t len) {
  mf_parser *P = mf_alloc(sizeof *P);
  P->m = m;
  P->file = file;
  P->mode = mode;
  mf_parse_buffer(P, buf, len);
  m->m_nfiles++;
}

static void read_text(mf_model *m, const char *path, char *buf, size_t len) {
  size_t start = 0;
  if (mapfile_version(path, buf, len, &start) == 1) {
    mf_vec_push(&m->m_v1_files, (void *)path);
    parse(m, path, MF_MODE_V1, buf, len);
    return;
  }
  char *text = mf_preprocess(m, path, buf, len, start);
  parse(m, path, MF_MODE_V2, text, len);
}

static void read_one(mf_model *m, const char *path) {
  size_t len;
  char *buf = slurp(path, "mapfile", &len);
  read_text(m, path, buf, len);
}

/* A NUL-terminated copy of text held elsewhere. */
static char *copy_text(const char *text, size_t len) {
  char *buf = mf_alloc(len + 1);
  memcpy(buf, text, len);
  buf[len] = 0;
  return buf;
}

void mf_read_mapfile_text(mf_model *m, const char *name, const char *text, size_t len) {
  read_text(m, name, copy_text(text, len), len);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void mf_read_mapfile(mf_model *m, const char *path) {
  struct stat st;
  if (stat(path, &st)) mf_error_at(path, 0, "cannot open mapfile: %s", strerror(errno));
  if (S_ISREG(st.st_mode)) {
    read_one(m, path);
    return;
  }
  if (!S_ISDIR(st.st_mode)) mf_error_at(path, 0, "mapfile is not a regular file or directory");
  /* Every visible file of the directory, in name order so that links are reproducible. */
  DIR *d = opendir(path);
  if (!d) mf_error_at(path, 0, "cannot open mapfile directory: %s", strerror(errno));
  mf_vec names = {0};
  struct dirent *de;
  while ((de = readdir(d)) != NULL)
    if (de->d_name[0] != '.') mf_vec_push(&names, mf_strdup(de->d_name));
  closedir(d);
  if (names.n) qsort(names.v, names.n, sizeof names.v[0], by_name);
  for (uint32_t i = 0; i < names.n; i++) {
    size_t n = strlen(path) + strlen(names.v[i]) + 2;
    char *full = mf_alloc(n);
    snprintf(full, n, "%s/%s", path, (const char *)names.v[i]);
    if (stat(full, &st)) mf_error_at(full, 0, "cannot open mapfile: %s", strerror(errno));
    if (!S_ISREG(st.st_mode)) mf_error_at(full, 0, "mapfile is not a regular file");
    read_one(m, full);
  }
}

void mf_read_version_script(mf_model *m, const char *path) {
  size_t len;
  char *buf = slurp(path, "version script", &len);
  parse(m, path, MF_MODE_VS, buf, len);
}

void mf_read_version_script_text(mf_model *m, const char *name, const char *text, size_t len) {
  parse(m, name, MF_MODE_VS, copy_text(text, len), len);
}
