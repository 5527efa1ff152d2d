/*
** srcfix.h: what the loader's unit tests (test_source.c, test_import.c, test_json.c) share: a
** corpus folder under /tmp, files written into it, the documents src_load hands out, collected,
** their metadata as one string, and (for one thread) the warnings as one string.
*/
#ifndef SRCFIX_H
#define SRCFIX_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source/source.h"

static inline char *mkcorpus(void) {
  char tmpl[] = "/tmp/lector-src-XXXXXX";
  char *d = mkdtemp(tmpl);
  return d ? strdup(d) : NULL;
}

__attribute__((unused)) static void rmtree(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    chmod(path, 0700);
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      char sub[4096];
      snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
      rmtree(sub);
    }
    if (d) closedir(d);
    rmdir(path);
  } else {
    unlink(path);
  }
}

/* Writes dir/rel (making its folders) with n bytes. */
static inline void put(const char *dir, const char *rel, const void *bytes, size_t n) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
    *p = '\0';
    mkdir(path, 0755);
    *p = '/';
  }
  FILE *f = fopen(path, "wb");
  if (!f) { perror(path); return; }
  fwrite(bytes, 1, n, f);
  fclose(f);
}

static inline void puts_(const char *dir, const char *rel, const char *s) { put(dir, rel, s, strlen(s)); }

/* Documents as src_load hands them out. */
typedef struct docs {
  src_doc d[64];
  int n;
} docs;

static inline int on_doc(void *ud, src_doc *d) {
  docs *ds = ud;
  if (ds->n < 64) ds->d[ds->n++] = *d;
  else src_doc_free(d);
  return 0;
}

static inline void docs_free(docs *ds) {
  for (int i = 0; i < ds->n; i++) src_doc_free(&ds->d[i]);
  ds->n = 0;
}

/* Loads the file at path (relative to the root) as a document of that kind; the src_load result. */
static inline int load(src_ctx *c, const char *path, int kind, docs *out) {
  src_file f = { (char *)path, (uint8_t)kind, 0, 0 };
  return src_load(c, &f, on_doc, out);
}

/* Scans and loads everything; returns the number of files. */
static inline size_t load_all(src_ctx *c, docs *out) {
  src_list l = { 0 };
  if (src_scan(c, &l)) return 0;
  for (size_t i = 0; i < l.n; i++) src_load(c, &l.f[i], on_doc, out);
  size_t n = l.n;
  src_list_free(&l);
  return n;
}

/* "k=v|k=v" in the document's order. */
static inline const char *meta_str(const src_doc *d) {
  static char buf[4096];
  size_t k = 0;
  buf[0] = '\0';
  if (!d) return "(no document)";
  for (size_t i = 0; i < d->nmeta && k < sizeof buf; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s=%s", i ? "|" : "", d->meta[i].key, d->meta[i].value);
  return buf;
}

/* Warnings, collected as "file: message", one per line, in order (from one thread). */
typedef struct wlog {
  char buf[16384];
  size_t k;
  int n;
} wlog;

static inline void wlog_on(void *ud, const char *file, const char *msg) {
  wlog *w = ud;
  w->n++;
  if (w->k < sizeof w->buf)
    w->k += (size_t)snprintf(w->buf + w->k, sizeof w->buf - w->k, "%s: %s\n", file, msg);
}

static inline void wlog_clear(wlog *w) {
  w->k = 0;
  w->n = 0;
  w->buf[0] = '\0';
}

/* A loader context on dir whose warnings go to w (cleared). */
static inline src_ctx *wlog_open(const char *dir, wlog *w) {
  char err[256];
  wlog_clear(w);
  src_ctx *c = src_open(dir, wlog_on, w, err, sizeof err);
  if (!c) fprintf(stderr, "src_open(%s): %s\n", dir, err);
  return c;
}

#endif
