/*
** walk.c: the folder walk (src_scan). Lists a corpus's document files, sorted by path, following
** symbolic links but not around a loop, leaving out hidden entries, and warning about what cannot be
** read: the files no format reads are named, by extension, with what lector reads. Which files are documents is the formats' registry's call
** (src_kind_of, in load.c); a file without an extension is what its first bytes say (sniff.c).
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source_int.h"

/* {====================================================================== the folder walk */

static int64_t mtime_ns(const struct stat *st) {
  return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

typedef struct walker {
  src_ctx *c;
  src_list *out;
  char **other;        /* the files of types no format reads, named in warnings after the walk */
  size_t nother, other_cap;
  char **binary;       /* the files without an extension that hold binary bytes, likewise */
  size_t nbinary, binary_cap;
  struct { dev_t dev; ino_t ino; const char *rel; } *stack;   /* the folders on the current path */
  size_t depth, cap;
  int oom;
} walker;

static int list_add(src_list *l, char *path, int kind, const struct stat *st) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 64;
    src_file *f = realloc(l->f, cap * sizeof *f);
    if (!f) return -1;
    l->f = f;
    l->cap = cap;
  }
  src_file *f = &l->f[l->n++];
  f->path = path;
  f->kind = (uint8_t)kind;
  f->size = (uint64_t)st->st_size;
  f->mtime_ns = mtime_ns(st);
  return 0;
}

static int push_dir(walker *w, const struct stat *st, const char *rel) {
  if (w->depth == w->cap) {
    size_t cap = w->cap ? 2 * w->cap : 16;
    void *s = realloc(w->stack, cap * sizeof *w->stack);
    if (!s) return -1;
    w->stack = s;
    w->cap = cap;
  }
  w->stack[w->depth].dev = st->st_dev;
  w->stack[w->depth].ino = st->st_ino;
  w->stack[w->depth].rel = rel;
  w->depth++;
  return 0;
}

/* Whether rel is one of the files at the top of a corpus folder that describe the corpus rather
** than hold documents: the metadata sidecar, the boilerplate list, and the lexicons the scripts
** read (doc/lexicons.md). */
static int corpus_own(const char *rel) {
  static const char *const own[] = { "metadata.tsv", "metadata.csv", "boilerplate.lst", "entities.tsv",
                                     "entities.lua", "actors.tsv", "actors.lua", "topics.tsv", "topics.lua", NULL };
  for (int i = 0; own[i]; i++)
    if (strcmp(rel, own[i]) == 0) return 1;
  return 0;
}

/* The names in a folder, hidden ones left out; NULL with *n == 0 when empty or unreadable. */
static char **read_names(walker *w, const char *full, const char *rel, size_t *n) {
  char eb[128];
  char **names = NULL;
  size_t cap = 0;
  *n = 0;
  DIR *d = opendir(full);
  if (!d) {
    src_warnf(w->c, *rel ? rel : w->c->root, "cannot read folder (%s), skipped",
              src_errstr(errno, eb, sizeof eb));
    return NULL;
  }
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    if (*n == cap) {
      cap = cap ? 2 * cap : 32;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn) { w->oom = 1; break; }
      names = nn;
    }
    if (!(names[*n] = strdup(e->d_name))) { w->oom = 1; break; }
    (*n)++;
  }
  closedir(d);
  return names;
}

static void walk(walker *w, const char *rel, const char *full);

static void remember(walker *w, char ***list, size_t *n, size_t *cap, const char *rel) {
  if (*n == *cap) {
    size_t c = *cap ? 2 * *cap : 16;
    char **o = realloc(*list, c * sizeof *o);
    if (!o) { w->oom = 1; return; }
    *list = o;
    *cap = c;
  }
  if (!((*list)[*n] = strdup(rel))) { w->oom = 1; return; }
  (*n)++;
}

static const char *extension(const char *rel);

/* The kind of a file without an extension, from its first bytes: -1 binary, -2 unreadable. */
static int sniff_file(const char *full) {
  int fd = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return -2;
  struct stat st;
  int kind = fstat(fd, &st) == 0 ? src_sniff_fd(fd, (uint64_t)st.st_size) : -2;
  close(fd);
  return kind;
}

/* One entry of a folder: a document file to list, a folder to enter, or something to warn about. */
static void walk_entry(walker *w, const char *rel, const char *full) {
  char eb[128];
  struct stat st, lst;
  if (stat(full, &st) != 0) {
    int e = errno;
    if (lstat(full, &lst) == 0 && S_ISLNK(lst.st_mode))
      src_warnf(w->c, rel, "broken symbolic link (%s), skipped", src_errstr(e, eb, sizeof eb));
    else
      src_warnf(w->c, rel, "cannot read (%s), skipped", src_errstr(e, eb, sizeof eb));
    src_skipf(w->c, rel, "unreadable", 0);
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    for (size_t i = 0; i < w->depth; i++) {
      if (w->stack[i].dev != st.st_dev || w->stack[i].ino != st.st_ino) continue;
      if (*w->stack[i].rel)
        src_warnf(w->c, rel, "symbolic link loop (back to %s), skipped", w->stack[i].rel);
      else
        src_warnf(w->c, rel, "symbolic link loop (back to the corpus folder), skipped");
      return;
    }
    if (push_dir(w, &st, rel)) { w->oom = 1; return; }
    walk(w, rel, full);
    w->depth--;
    return;
  }
  int kind = src_kind_of(rel);
  if (kind < 0 && S_ISREG(st.st_mode) && !*extension(rel)) {
    kind = sniff_file(full);
    if (kind == -1) { remember(w, &w->binary, &w->nbinary, &w->binary_cap, rel); return; }
    if (kind == -2) {
      src_warnf(w->c, rel, "cannot read (%s), skipped", src_errstr(errno, eb, sizeof eb));
      src_skipf(w->c, rel, "unreadable", 0);
      return;
    }
  }
  if (kind < 0) {
    if (!S_ISREG(st.st_mode) || corpus_own(rel)) return;
    remember(w, &w->other, &w->nother, &w->other_cap, rel);
    return;
  }
  if (corpus_own(rel)) return;
  if (!S_ISREG(st.st_mode)) {
    src_warnf(w->c, rel, "not a regular file, skipped");
    src_skipf(w->c, rel, "unreadable", 0);
    return;
  }
  char *path = strdup(rel);
  if (!path || list_add(w->out, path, kind, &st)) {
    free(path);
    w->oom = 1;
  }
}

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(walker *w, const char *rel, const char *full) {
  size_t n;
  char **names = read_names(w, full, rel, &n);
  if (n) qsort(names, n, sizeof *names, cmp_name);   /* the same warnings in the same order */
  for (size_t i = 0; i < n; i++) {
    if (!w->oom) {
      char *crel = *rel ? src_join(rel, names[i]) : strdup(names[i]);
      char *cfull = src_join(full, names[i]);
      if (crel && cfull) walk_entry(w, crel, cfull);
      else w->oom = 1;
      free(crel);
      free(cfull);
    }
    free(names[i]);
  }
  free(names);
}

static int cmp_file(const void *a, const void *b) {
  return strcmp(((const src_file *)a)->path, ((const src_file *)b)->path);
}

#if !defined(SRC_OTHER_NAMES)
#define SRC_OTHER_NAMES 10   /* files a warning about other types names; it counts the rest */
#endif

/* The extension of a file name (".html"), or "" when it has none. */
static const char *extension(const char *rel) {
  const char *slash = strrchr(rel, '/'), *dot = strrchr(rel, '.');
  return dot && (!slash || dot > slash) && dot[1] ? dot : "";
}

static int cmp_other(const void *a, const void *b) {
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  int e = strcasecmp(extension(x), extension(y));
  return e ? e : strcmp(x, y);
}

/* One warning per extension for the files no format reads: how many, which, and what is read (one
** per file with each_file); then likewise for the binary files without an extension. */
static void warn_other(walker *w) {
  char formats[160], names[1024];
  for (size_t i = 0; i < w->nother && !w->c->each_file; i++) src_skipf(w->c, w->other[i], "unknown type", 1);
  for (size_t i = 0; i < w->nbinary && w->c->each_file; i++) {
    src_warnf(w->c, w->binary[i], "binary (no extension, and not text), skipped");
    src_skipf(w->c, w->binary[i], "binary", 0);
  }
  for (size_t i = 0; i < w->nbinary && !w->c->each_file; i++) src_skipf(w->c, w->binary[i], "binary", 1);
  if (w->nbinary && !w->c->each_file) {
    size_t k = 0;
    names[0] = '\0';
    for (size_t m = 0; m < w->nbinary && m < SRC_OTHER_NAMES && k < sizeof names; m++)
      k += (size_t)snprintf(names + k, sizeof names - k, "%s%s", m ? ", " : "", w->binary[m]);
    if (w->nbinary > SRC_OTHER_NAMES && k < sizeof names)
      snprintf(names + k, sizeof names - k, " and %zu more", w->nbinary - SRC_OTHER_NAMES);
    src_warnf(w->c, w->binary[0], "%zu binary file%s without an extension skipped (%s)", w->nbinary,
              w->nbinary == 1 ? "" : "s", names);
  }
  if (!w->nother) return;
  src_extension_list(formats, sizeof formats);
  qsort(w->other, w->nother, sizeof *w->other, cmp_other);
  for (size_t i = 0; i < w->nother && w->c->each_file; i++) {
    const char *ext = extension(w->other[i]);
    if (*ext) src_warnf(w->c, w->other[i], "a %s file, not read: lector reads %s", ext, formats);
    else src_warnf(w->c, w->other[i], "a file without an extension, not read: lector reads %s", formats);
    src_skipf(w->c, w->other[i], "unknown type", 0);
  }
  for (size_t i = 0; i < w->nother && !w->c->each_file;) {
    size_t j = i, k = 0;
    const char *ext = extension(w->other[i]);
    while (j < w->nother && strcasecmp(extension(w->other[j]), ext) == 0) j++;
    names[0] = '\0';
    for (size_t m = i; m < j && m < i + SRC_OTHER_NAMES && k < sizeof names; m++)
      k += (size_t)snprintf(names + k, sizeof names - k, "%s%s", m > i ? ", " : "", w->other[m]);
    if (j - i > SRC_OTHER_NAMES && k < sizeof names)
      snprintf(names + k, sizeof names - k, " and %zu more", j - i - SRC_OTHER_NAMES);
    if (*ext) src_warnf(w->c, w->other[i], "%zu %s file%s not read (%s): lector reads %s", j - i, ext,
                        j - i == 1 ? "" : "s", names, formats);
    else src_warnf(w->c, w->other[i], "%zu file%s without an extension not read (%s): lector reads %s", j - i,
                   j - i == 1 ? "" : "s", names, formats);
    i = j;
  }
}

int src_scan(src_ctx *c, src_list *out) {
  walker w;
  memset(&w, 0, sizeof w);
  w.c = c;
  w.out = out;
  struct stat st;
  char eb[128];
  if (stat(c->root, &st) != 0) {
    src_warnf(c, c->root, "cannot read (%s), skipped", src_errstr(errno, eb, sizeof eb));
    return 0;
  }
  if (c->root_file) {
    char *path = strdup("");
    int kind = src_kind_of(c->root);
    if (kind < 0) kind = sniff_file(c->root);    /* src_open took it: a file it could sniff */
    if (!path || list_add(out, path, kind < 0 ? SRC_TXT : kind, &st)) { free(path); w.oom = 1; }
  } else if (push_dir(&w, &st, "")) {
    w.oom = 1;
  } else {
    walk(&w, "", c->root);
  }
  if (!w.oom) warn_other(&w);
  for (size_t i = 0; i < w.nother; i++) free(w.other[i]);
  free(w.other);
  for (size_t i = 0; i < w.nbinary; i++) free(w.binary[i]);
  free(w.binary);
  free(w.stack);
  if (w.oom) {
    src_list_free(out);
    return -1;
  }
  if (out->n) qsort(out->f, out->n, sizeof *out->f, cmp_file);
  src_sidecar_check(c, out);
  return 0;
}

void src_list_free(src_list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->f[i].path);
  free(l->f);
  memset(l, 0, sizeof *l);
}

/* }====================================================================== */
