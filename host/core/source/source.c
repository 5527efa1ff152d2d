/*
** source.c: the loader's main room. Walks a corpus folder, reads each file whole, and turns its
** bytes into documents: the NUL check for binaries, the BOM, UTF-8 validation with Windows-1252 as
** the fallback, CR LF to LF, all recorded in an offset map so that every token can be traced back to
** the bytes of its file. The folder walk is in walk.c; the helpers it shares live in common.c;
** .jsonl lines are parsed in source_json.c; metadata and boilerplate come from sidecar.c, boiler.c
** and textmeta.c. See source.h for the contract.
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source_int.h"

/* {====================================================================== small helpers */

int src_kind_of(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot) return -1;
  if (strcasecmp(dot, ".txt") == 0) return SRC_TXT;
  if (strcasecmp(dot, ".md") == 0) return SRC_MD;
  if (strcasecmp(dot, ".jsonl") == 0) return SRC_JSONL;
  return -1;
}

/* }====================================================================== */

/* {====================================================================== the context */

src_ctx *src_open(const char *root, src_warn_fn warn, void *ud, char *err, size_t errlen) {
  char eb[128];
  struct stat st;
  if (stat(root, &st) != 0) {
    snprintf(err, errlen, "cannot open %s: %s", root, src_errstr(errno, eb, sizeof eb));
    return NULL;
  }
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(root);
    if (!d) {
      snprintf(err, errlen, "cannot read %s: %s", root, src_errstr(errno, eb, sizeof eb));
      return NULL;
    }
    closedir(d);
  } else if (!S_ISREG(st.st_mode) || src_kind_of(root) < 0) {
    snprintf(err, errlen, "%s is neither a folder nor a .txt, .md or .jsonl file", root);
    return NULL;
  }
  src_ctx *c = calloc(1, sizeof *c);
  if (!c || !(c->root = strdup(root))) goto oom;
  size_t n = strlen(c->root);
  while (n > 1 && c->root[n - 1] == '/') c->root[--n] = '\0';
  c->root_file = !S_ISDIR(st.st_mode);
  c->warn = warn;
  c->ud = ud;
  if (src_boiler_init(c) || src_sidecar_read(c)) goto oom;
  return c;
oom:
  src_close(c);
  snprintf(err, errlen, "out of memory");
  return NULL;
}

void src_close(src_ctx *c) {
  if (!c) return;
  src_sidecar_free(c);
  src_boiler_free(c);
  free(c->root);
  free(c);
}

const char *src_root(const src_ctx *c) { return c->root; }

/* }====================================================================== */

/* {====================================================================== reading files */

static void loader_init(src_loader *L, src_ctx *c, const char *path, int quiet) {
  memset(L, 0, sizeof *L);
  L->c = c;
  L->quiet = quiet;
  if (*path) {
    L->wfile = L->base = path;
  } else {
    const char *slash = strrchr(c->root, '/');
    L->wfile = c->root;
    L->base = slash && slash[1] ? slash + 1 : c->root;
  }
  L->kind = src_kind_of(*path ? path : c->root);
}

/* Reads a whole file into a NUL-terminated buffer. Returns 0; 1 after a warning (skipped); -1 when
** out of memory. */
static int read_whole(src_loader *L, const char *rel, char **buf, size_t *n) {
  char msg[256], eb[128];
  struct stat st;
  int fd = src_open_file(L->c, rel, &st, msg, sizeof msg);
  if (fd < 0) {
    src_lwarn(L, "%s, skipped", msg);
    return 1;
  }
  *buf = malloc((size_t)st.st_size + 1);
  if (!*buf) { close(fd); return -1; }
  ssize_t got = src_read_at(fd, *buf, (size_t)st.st_size, 0);
  int e = errno;
  close(fd);
  if (got < 0) {
    src_lwarn(L, "cannot read (%s), skipped", src_errstr(e, eb, sizeof eb));
    free(*buf);
    return 1;
  }
  *n = (size_t)got;
  (*buf)[*n] = '\0';
  return 0;
}

/* }====================================================================== */

/* {====================================================================== documents */

/* The parts every document shares: boilerplate lines, then metadata. */
static int finish_doc(src_loader *L, src_doc *d, const src_kvb *fields) {
  if (src_boiler_mark(L->c, d, &L->md)) return -1;
  return src_doc_meta(L->c, d, L->kind != SRC_JSONL, fields);
}

/* A .txt/.md file as one document; takes buf (NUL-terminated, no NUL inside). Returns 0, 1 when
** skipped with a warning, -1 when out of memory; d is clean unless 0. */
static int whole_doc(src_loader *L, char *buf, size_t n, src_doc *d) {
  memset(d, 0, sizeof *d);
  size_t from = 0, bad;
  if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
    from = 3;
    d->flags |= SRC_BOM;
  }
  int cp = !src_utf8_valid(buf + from, n - from, &bad);
  d->byte_len = n;
  if (!(d->name = strdup(L->base))) { free(buf); return -1; }
  if (!from && !cp && !memchr(buf, '\r', n)) {
    d->text = buf;                     /* the common case: the file's bytes are the text */
    d->len = n;
  } else {
    src_nbuf b;
    memset(&b, 0, sizeof b);
    src_nb_reserve(&b, (cp ? n + n / 2 : n) + 1);
    if (cp) d->flags |= SRC_CP1252;
    src_normalize(buf, n, from, cp, &b, &d->flags);
    free(buf);
    int e = src_nb_take(&b, d);
    if (e) {
      src_nb_free(&b);
      src_doc_free(d);
      if (e == 1) return -1;
      src_lwarn(L, "text larger than 4 GiB once decoded, skipped");
      return 1;
    }
    if (cp) src_lwarn(L, "not valid UTF-8 (byte offset %zu): decoded as Windows-1252", from + bad);
  }
  if (finish_doc(L, d, NULL)) {
    src_doc_free(d);
    return -1;
  }
  return 0;
}

/* Line number lineno of a .jsonl file, s[0, n) without its line end, at byte_start in the file.
** Returns 0 with d filled; 1 when the line is skipped (warned), or -1 when out of memory. */
static int line_doc(src_loader *L, const char *s, size_t n, uint32_t lineno, uint64_t byte_start,
                    src_doc *d) {
  char msg[200];
  size_t bad;
  unsigned flags = SRC_JSON;
  src_nbuf t;
  src_kvb f;
  memset(d, 0, sizeof *d);
  memset(&t, 0, sizeof t);
  memset(&f, 0, sizeof f);
  int cp = !src_utf8_valid(s, n, &bad);
  if (cp) flags |= SRC_CP1252;
  int r = src_json_line(s, n, cp, &t, &flags, &f, msg, sizeof msg);
  if (r == 0) {
    d->flags = flags;
    r = src_nb_take(&t, d);
    if (r == 2) {
      snprintf(msg, sizeof msg, "text larger than 4 GiB once decoded");
      r = 1;
    } else if (r == 1) {
      r = -1;
    }
  }
  if (r) {
    src_nb_free(&t);
    src_kvb_free(&f);
    src_doc_free(d);
    if (r > 0) src_lwarn(L, "line %u: %s, line skipped", lineno, msg);
    return r;
  }
  if (cp) src_lwarn(L, "line %u: not valid UTF-8 (byte %zu): decoded as Windows-1252", lineno, bad);
  d->line = lineno;
  d->byte_start = byte_start;
  d->byte_len = n;
  size_t nl = strlen(L->base) + 12;
  if ((d->name = malloc(nl)) != NULL) snprintf(d->name, nl, "%s#%u", L->base, lineno);
  if (!d->name || finish_doc(L, d, &f)) {
    src_kvb_free(&f);
    src_doc_free(d);
    return -1;
  }
  src_kvb_free(&f);
  return 0;
}

static int blank_json(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
  return 1;
}

/* Every non-empty line of a .jsonl file, in order. */
static int jsonl_docs(src_loader *L, const char *buf, size_t n, src_doc_fn fn, void *ud) {
  size_t off = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  uint32_t lineno = 0;
  while (off < n) {
    const char *nl = memchr(buf + off, '\n', n - off);
    size_t end = nl ? (size_t)(nl - buf) : n, le = end;
    lineno++;
    if (le > off && buf[le - 1] == '\r') le--;
    if (!blank_json(buf + off, le - off)) {
      src_doc d;
      int r = line_doc(L, buf + off, le - off, lineno, off, &d);
      if (r < 0) return -1;
      if (r == 0 && fn(ud, &d)) return -1;
    }
    off = end + 1;
  }
  return 0;
}

int src_load(src_ctx *c, const src_file *f, src_doc_fn fn, void *ud) {
  return src_load_hashed(c, f, fn, ud, NULL);
}

int src_load_hashed(src_ctx *c, const src_file *f, src_doc_fn fn, void *ud, uint64_t *hash) {
  src_loader L;
  char *buf;
  size_t n;
  loader_init(&L, c, f->path, 0);
  L.kind = f->kind;
  int r = read_whole(&L, f->path, &buf, &n);
  if (r) return r;
  if (hash) *hash = src_hash(buf, n, 0);
  const char *z = memchr(buf, 0, n);
  if (z) {
    src_lwarn(&L, "binary file (NUL byte at offset %zu), skipped", (size_t)(z - buf));
    free(buf);
    return 1;
  }
  if (f->kind == SRC_JSONL) {
    r = jsonl_docs(&L, buf, n, fn, ud);
    free(buf);
  } else {
    src_doc d;
    r = whole_doc(&L, buf, n, &d);
    if (r == 0 && fn(ud, &d)) r = -1;
  }
  if (L.md) pcre2_match_data_free(L.md);
  return r;
}

int src_file_hash(src_ctx *c, const src_file *f, uint64_t *hash) {
  src_loader L;
  char *buf;
  size_t n;
  loader_init(&L, c, f->path, 1);
  if (read_whole(&L, f->path, &buf, &n)) return -1;
  *hash = src_hash(buf, n, 0);
  free(buf);
  return 0;
}

uint64_t src_context_hash(src_ctx *c) {
  static const char *const names[] = { "metadata.tsv", "metadata.csv", "boilerplate.lst" };
  uint64_t h = src_hash(&c->root_file, sizeof c->root_file, 1);
  if (c->root_file) return h;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    src_loader L;
    char *buf;
    size_t n;
    loader_init(&L, c, names[i], 1);
    h = src_hash(names[i], strlen(names[i]), h);
    if (read_whole(&L, names[i], &buf, &n) == 0) {
      h = src_hash(buf, n, h ^ 0x5A5A);
      free(buf);
    }
  }
  return h;
}

/* src_read_doc for one line of a .jsonl file: the bytes must still be a whole line. */
static int reread_line(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t start, uint64_t len,
                       src_doc *d, char *err, size_t errlen) {
  uint64_t lo = start >= 3 ? start - 3 : 0, hi = start + len + (start + len < size);
  if (start + len > size || len > SRC_MAX_BYTES) goto changed;
  char *buf = malloc((size_t)(hi - lo) + 1);
  if (!buf) { snprintf(err, errlen, "out of memory"); return -1; }
  ssize_t got = src_read_at(fd, buf, (size_t)(hi - lo), lo);
  const char *s = buf + (start - lo);
  int whole = got == (ssize_t)(hi - lo)       /* still a line of its own, without NUL bytes */
    && (start == 0 || s[-1] == '\n' || (start == 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0))
    && (hi == start + len || s[len] == '\n' || s[len] == '\r')
    && !memchr(s, 0, (size_t)len);
  int r = whole ? line_doc(L, s, (size_t)len, line, start, d) : 1;
  free(buf);
  if (r < 0) { snprintf(err, errlen, "out of memory"); return -1; }
  if (r == 0) return 0;
changed:
  snprintf(err, errlen, "%s#%u: changed since it was indexed", L->base, line);
  return -1;
}

int src_read_doc(src_ctx *c, const char *path, uint32_t line, uint64_t byte_start, uint64_t byte_len,
                 src_doc *d, char *err, size_t errlen) {
  src_loader L;
  char msg[256];
  struct stat st;
  memset(d, 0, sizeof *d);
  loader_init(&L, c, path, 1);
  int fd = src_open_file(c, path, &st, msg, sizeof msg);
  if (fd < 0) {
    snprintf(err, errlen, "%s: %s", L.base, msg);
    return -1;
  }
  int r;
  if (line > 0) {
    r = reread_line(&L, fd, (uint64_t)st.st_size, line, byte_start, byte_len, d, err, errlen);
  } else if ((uint64_t)st.st_size != byte_len) {
    snprintf(err, errlen, "%s: changed since it was indexed (%llu bytes, was %llu)", L.base,
             (unsigned long long)st.st_size, (unsigned long long)byte_len);
    r = -1;
  } else {
    char *buf = malloc((size_t)byte_len + 1);
    ssize_t got = buf ? src_read_at(fd, buf, (size_t)byte_len, 0) : -1;
    if (!buf) {
      snprintf(err, errlen, "out of memory");
      r = -1;
    } else if (got != (ssize_t)byte_len || memchr(buf, 0, (size_t)byte_len)) {
      snprintf(err, errlen, "%s: changed since it was indexed", L.base);
      free(buf);
      r = -1;
    } else {
      buf[byte_len] = '\0';
      r = whole_doc(&L, buf, (size_t)byte_len, d);
      if (r) snprintf(err, errlen, r > 0 ? "%s: text larger than 4 GiB" : "out of memory", L.base);
      if (r) r = -1;
    }
  }
  close(fd);
  if (L.md) pcre2_match_data_free(L.md);
  return r;
}

void src_doc_free(src_doc *d) {
  free(d->name);
  free(d->text);
  free(d->map);
  free(d->meta);          /* one block: the array and its strings */
  free(d->boiler);
  memset(d, 0, sizeof *d);
}

/* }====================================================================== */

/* {====================================================================== the offset map */

uint64_t src_to_orig(const src_doc *d, uint64_t t) {
  if (t > d->len) t = d->len;
  if (!d->nmap) return t;
  size_t lo = 0, hi = d->nmap;          /* the last pair with norm <= t */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (d->map[2 * mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return t;
  const uint32_t *p = &d->map[2 * (lo - 1)];
  uint64_t o = p[1] + (t - p[0]);
  return o > d->byte_len ? d->byte_len : o;
}

uint64_t src_to_text(const src_doc *d, uint64_t o) {
  if (!d->nmap) return o > d->len ? d->len : o;
  size_t lo = 0, hi = d->nmap;          /* the last pair with orig <= o */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (d->map[2 * mid + 1] <= o) lo = mid + 1;
    else hi = mid;
  }
  uint64_t t;
  if (lo == 0) t = o < d->map[0] ? o : d->map[0];
  else {
    const uint32_t *p = &d->map[2 * (lo - 1)];
    t = p[0] + (o - p[1]);
    if (lo < d->nmap && t > d->map[2 * lo]) t = d->map[2 * lo];   /* inside bytes that shrank */
  }
  return t > d->len ? d->len : t;
}

/* }====================================================================== */
