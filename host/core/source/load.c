/*
** load.c: the loader's front door. The registry of formats (which extension is which kind, and
** which format reads it), the context (src_open), and the calls that hand out documents: src_load
** reads a file and gives its bytes to its format, src_read_doc asks the format for one document
** again. Also the offset map's lookups. See source.h for the contract.
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

/* {====================================================================== the formats */

/* Every format the loader reads. A new one is a file of its own and a line here (and its kind in
** source.h); src_scan lists its files, src_load and src_read_doc hand them to it. */
static const src_format *const formats[] = { &src_format_txt, &src_format_md, &src_format_jsonl,
                                              &src_format_json, &src_format_table, &src_format_conllu,
                                              &src_format_vrt, &src_format_html, &src_format_pdf,
                                              &src_format_mail };

#define NFORMATS (sizeof formats / sizeof *formats)

int src_kind_of(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot) return -1;
  for (size_t i = 0; i < NFORMATS; i++)
    for (const char *const *e = formats[i]->extensions; *e; e++)
      if (strcasecmp(dot, *e) == 0) return formats[i]->kind;
  return -1;
}

/* The format of a kind. A kind that no format has (in a src_file not made by src_scan) is read as
** plain text, as the loader always did. */
static const src_format *format_of(int kind) {
  for (size_t i = 0; i < NFORMATS; i++)
    if (formats[i]->kind == kind) return formats[i];
  return formats[0];
}

/* The extensions, for a message: ".txt, .md, .jsonl, .json, .csv, .tsv, .conllu or .vrt". */
void src_extension_list(char *buf, size_t len) {
  size_t k = 0, total = 0, i = 0;
  for (size_t f = 0; f < NFORMATS; f++)
    for (const char *const *e = formats[f]->extensions; *e; e++) total++;
  buf[0] = '\0';
  for (size_t f = 0; f < NFORMATS; f++)
    for (const char *const *e = formats[f]->extensions; *e && k < len; e++, i++)
      k += (size_t)snprintf(buf + k, len - k, "%s%s", i == 0 ? "" : i + 1 < total ? ", " : " or ", *e);
}

/* A file root without an extension whose bytes say what it is (sniff.c). */
static int sniffable(const char *path) {
  const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
  if (dot && (!slash || dot > slash)) return 0;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat st;
  int kind = fstat(fd, &st) == 0 ? src_sniff_fd(fd, (uint64_t)st.st_size) : -2;
  close(fd);
  return kind >= 0;
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
  } else if (!S_ISREG(st.st_mode) || (src_kind_of(root) < 0 && !sniffable(root))) {
    char ext[160];
    src_extension_list(ext, sizeof ext);
    snprintf(err, errlen, "%s is neither a folder nor a %s file", root, ext);
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
  for (size_t i = 0; i < c->nvrt_cols; i++) free(c->vrt_cols[i]);
  free(c->vrt_cols);
  free(c->text_field);
  src_name_free(c);
  free(c->root);
  free(c);
}

const char *src_root(const src_ctx *c) { return c->root; }

void src_set_skip(src_ctx *c, src_skip_fn fn, void *ud) {
  c->skip = fn;
  c->skip_ud = ud;
}

void src_set_each_file(src_ctx *c, int each) { c->each_file = each; }

int src_set_text_field(src_ctx *c, const char *name) {
  char *f = strdup(name);
  if (!f) return -1;
  free(c->text_field);
  c->text_field = f;
  return 0;
}

int src_set_attributes(src_ctx *c, const char *spec, char *err, size_t errlen) {
  size_t n = 1, k = 0;
  for (const char *p = spec; *p; p++) n += *p == ',';
  char **cols = calloc(n, sizeof *cols);
  if (!cols) { snprintf(err, errlen, "out of memory"); return -1; }
  for (const char *p = spec;; k++) {
    const char *e = strchr(p, ',');
    size_t a = 0, b = e ? (size_t)(e - p) : strlen(p);
    src_trim(p, &a, &b);
    int twice = 0;
    for (size_t j = 0; j < k && !twice; j++) twice = strlen(cols[j]) == b - a && memcmp(cols[j], p + a, b - a) == 0;
    if (!src_attr_name_ok(p + a, b - a) || twice) {
      snprintf(err, errlen, "attribute %zu (\"%.*s\") %s", k + 1, (int)(b - a), p + a,
               twice ? "is named twice" : "is not a name (letters, digits, '_', '-', '.')");
      goto fail;
    }
    if (!(cols[k] = src_dupn(p + a, b - a))) { snprintf(err, errlen, "out of memory"); goto fail; }
    if (!e) break;
    p = e + 1;
  }
  for (size_t i = 0; i < c->nvrt_cols; i++) free(c->vrt_cols[i]);
  free(c->vrt_cols);
  c->vrt_cols = cols;
  c->nvrt_cols = n;
  return 0;
fail:
  for (size_t i = 0; i < n; i++) free(cols[i]);
  free(cols);
  return -1;
}

/* }====================================================================== */

/* {====================================================================== loading files */

/* A loader for the file at path (the root file for ""); quiet ones give no warnings. */
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
}

/* Reads a whole file into a NUL-terminated buffer. Returns 0; 1 after a warning (skipped); -1 when
** out of memory. */
static int read_whole(src_loader *L, const char *rel, char **buf, size_t *n) {
  char msg[256], eb[128];
  struct stat st;
  int fd = src_open_file(L->c, rel, &st, msg, sizeof msg);
  if (fd < 0) {
    src_lwarn(L, "%s, skipped", msg);
    src_lskip(L, strncmp(msg, "larger", 6) == 0 ? "too large" : "unreadable");
    return 1;
  }
  *buf = malloc((size_t)st.st_size + 1);
  if (!*buf) { close(fd); return -1; }
  ssize_t got = src_read_at(fd, *buf, (size_t)st.st_size, 0);
  int e = errno;
  close(fd);
  if (got < 0) {
    src_lwarn(L, "cannot read (%s), skipped", src_errstr(e, eb, sizeof eb));
    src_lskip(L, "unreadable");
    free(*buf);
    return 1;
  }
  *n = (size_t)got;
  (*buf)[*n] = '\0';
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
  int r = read_whole(&L, f->path, &buf, &n);
  if (r) return r;
  if (hash) *hash = src_hash(buf, n, 0);
  const char *z = f->kind == SRC_PDF ? NULL : memchr(buf, 0, n);   /* a PDF holds binary streams */
  if (z) {
    src_lwarn(&L, "binary file (NUL byte at offset %zu), skipped", (size_t)(z - buf));
    src_lskip(&L, "binary");
    free(buf);
    return 1;
  }
  const src_format *F = format_of(f->kind);
  r = F->make ? src_whole_load(&L, buf, n, fn, ud, F->make) : F->load(&L, buf, n, fn, ud);
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
  for (size_t i = 0; i < c->nvrt_cols; i++) h = src_hash(c->vrt_cols[i], strlen(c->vrt_cols[i]) + 1, h);
  if (c->text_field) h = src_hash(c->text_field, strlen(c->text_field) + 1, h ^ 0x7E47);
  h = src_name_hash(c, h);
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

/* }====================================================================== */

/* {====================================================================== rereading a document */

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
  int kind = src_kind_of(*path ? path : c->root);
  if (kind < 0) kind = src_sniff_fd(fd, (uint64_t)st.st_size);   /* no extension: what it holds */
  const src_format *F = format_of(kind);
  int r = F->make ? src_whole_reread(&L, fd, (uint64_t)st.st_size, line, byte_len, d, err, errlen, F->make)
                  : F->reread(&L, fd, (uint64_t)st.st_size, line, byte_start, byte_len, d, err, errlen);
  close(fd);
  if (L.md) pcre2_match_data_free(L.md);
  return r;
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
