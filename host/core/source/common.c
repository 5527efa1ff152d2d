/*
** common.c: what every file of the loader uses, and nothing of theirs: warnings, the text builder
** that records the offset map as it goes, decoding (UTF-8, Windows-1252, line ends), small key/value
** lists, the byte hash, and reading files. It calls no other file of source/, so that all of them
** can call it without a circle.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source_int.h"

/* {====================================================================== small helpers */

/* strerror, safe from several threads (the XSI strerror_r). */
const char *src_errstr(int e, char *buf, size_t len) {
  if (strerror_r(e, buf, len) != 0) snprintf(buf, len, "error %d", e);
  return buf;
}

/* "root/rel", or the root itself when rel is empty; NULL when out of memory. */
char *src_join(const char *root, const char *rel) {
  size_t a = strlen(root), b = strlen(rel);
  char *s = malloc(a + b + 2);
  if (!s) return NULL;
  memcpy(s, root, a);
  if (b) {
    s[a++] = '/';
    memcpy(s + a, rel, b);
  }
  s[a + b] = '\0';
  return s;
}

char *src_dupn(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (!d) return NULL;
  if (n) memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

/* }====================================================================== */

/* {====================================================================== warnings */

static void vwarn(const src_ctx *c, const char *file, const char *fmt, va_list ap) {
  char msg[1024];
  if (!c->warn) return;
  vsnprintf(msg, sizeof msg, fmt, ap);
  c->warn(c->ud, file, msg);
}

void src_warnf(const src_ctx *c, const char *file, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vwarn(c, file, fmt, ap);
  va_end(ap);
}

void src_lwarn(const src_loader *L, const char *fmt, ...) {
  if (L->quiet) return;
  va_list ap;
  va_start(ap, fmt);
  vwarn(L->c, L->wfile, fmt, ap);
  va_end(ap);
}

void src_skipf(const src_ctx *c, const char *file, const char *reason, int grouped) {
  if (c->skip) c->skip(c->skip_ud, file, reason, grouped);
}

void src_lskip(const src_loader *L, const char *reason) {
  if (!L->quiet) src_skipf(L->c, L->wfile, reason, 0);
}

/* }====================================================================== */

/* {====================================================================== text builder */

void src_nb_reserve(src_nbuf *b, size_t want) {
  if (b->err || want <= b->cap) return;
  if (want > SRC_MAX_BYTES + 1) { b->err = 2; return; }
  size_t cap = b->cap ? b->cap : 64;
  while (cap < want) cap += cap / 2;
  char *s = realloc(b->s, cap);
  if (!s) { b->err = 1; return; }
  b->s = s;
  b->cap = cap;
}

/* The text from here on comes from orig on: record a pair where the shift changes. Pairs are
** (norm, orig) with norm strictly increasing; a second mark at the same norm replaces the first. */
void src_nb_mark(src_nbuf *b, uint64_t orig) {
  if (b->nomap || b->err || (int64_t)orig - (int64_t)b->n == b->delta) return;
  b->delta = (int64_t)orig - (int64_t)b->n;
  if (b->nmap && b->map[2 * b->nmap - 2] == b->n) {
    b->map[2 * b->nmap - 1] = (uint32_t)orig;
    return;
  }
  if (b->nmap == b->mapcap) {
    size_t cap = b->mapcap ? 2 * b->mapcap : 8;
    uint32_t *m = realloc(b->map, 2 * cap * sizeof *m);
    if (!m) { b->err = 1; return; }
    b->map = m;
    b->mapcap = cap;
  }
  b->map[2 * b->nmap] = (uint32_t)b->n;
  b->map[2 * b->nmap + 1] = (uint32_t)orig;
  b->nmap++;
}

void src_nb_put(src_nbuf *b, const void *p, size_t k, uint64_t orig) {
  src_nb_mark(b, orig);
  src_nb_reserve(b, b->n + k + 1);
  if (b->err) return;
  memcpy(b->s + b->n, p, k);
  b->n += k;
}

void src_nb_cp(src_nbuf *b, uint32_t cp, uint64_t orig) {
  unsigned char u[4];
  size_t k;
  if (cp < 0x80) { u[0] = (unsigned char)cp; k = 1; }
  else if (cp < 0x800) { u[0] = 0xC0 | (cp >> 6); u[1] = 0x80 | (cp & 0x3F); k = 2; }
  else if (cp < 0x10000) {
    u[0] = 0xE0 | (cp >> 12); u[1] = 0x80 | ((cp >> 6) & 0x3F); u[2] = 0x80 | (cp & 0x3F); k = 3;
  } else {
    u[0] = 0xF0 | (cp >> 18); u[1] = 0x80 | ((cp >> 12) & 0x3F);
    u[2] = 0x80 | ((cp >> 6) & 0x3F); u[3] = 0x80 | (cp & 0x3F); k = 4;
  }
  src_nb_put(b, u, k, orig);
}

void src_nb_free(src_nbuf *b) {
  free(b->s);
  free(b->map);
  memset(b, 0, sizeof *b);
}

/* Hands the built text and map to d (the text NUL-terminated). A text whose bytes changed where
** the offsets did not (a lone CR) still gets one pair, (0, 0): nmap == 0 promises the file's bytes. */
int src_nb_take(src_nbuf *b, src_doc *d) {
  src_nb_reserve(b, b->n + 1);
  if (!b->err && d->flags && b->nmap == 0) {
    if (!(b->map = malloc(2 * sizeof *b->map))) return 1;
    b->map[0] = b->map[1] = 0;
    b->nmap = b->mapcap = 1;
  }
  if (b->err) return b->err;
  b->s[b->n] = '\0';
  d->text = b->s;
  d->len = b->n;
  d->map = b->nmap ? b->map : NULL;
  d->nmap = b->nmap;
  if (!b->nmap) free(b->map);
  memset(b, 0, sizeof *b);
  return 0;
}

/* }====================================================================== */

/* {====================================================================== documents */

void src_doc_free(src_doc *d) {
  free(d->name);
  free(d->text);
  free(d->map);
  free(d->meta);          /* one block: the array and its strings */
  free(d->boiler);
  if (d->pre) {
    free(d->pre->span);
    free(d->pre->sent);
    free(d->pre->form);
    free(d->pre->attr_name);
    free(d->pre->value);
    free(d->pre->st);
    free(d->pre->pool);
    free(d->pre);
  }
  if (d->spans) {
    free(d->spans->st);
    free(d->spans->pool);
    free(d->spans);
  }
  memset(d, 0, sizeof *d);
}

/* }====================================================================== */

/* {====================================================================== encodings */

static const uint16_t cp1252_80[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

uint32_t src_cp1252(unsigned char b) {
  return b >= 0x80 && b < 0xA0 ? cp1252_80[b - 0x80] : b;
}

/* The length of the valid UTF-8 sequence at p (lead byte >= 0x80), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t avail) {
  unsigned c = p[0], lo = 0x80, hi = 0xBF;
  size_t k;
  if (c >= 0xC2 && c <= 0xDF) k = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    k = 3;
    if (c == 0xE0) lo = 0xA0;        /* overlong */
    if (c == 0xED) hi = 0x9F;        /* surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    k = 4;
    if (c == 0xF0) lo = 0x90;        /* overlong */
    if (c == 0xF4) hi = 0x8F;        /* above U+10FFFF */
  } else return 0;
  if (avail < k || p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < k; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  return k;
}

int src_utf8_valid(const char *s, size_t len, size_t *bad) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    if (len - i >= 8) {              /* ASCII goes eight bytes at a time */
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (!(w & 0x8080808080808080ull)) { i += 8; continue; }
    }
    if (p[i] < 0x80) { i++; continue; }
    size_t k = utf8_seq(p + i, len - i);
    if (!k) {
      if (bad) *bad = i;
      return 0;
    }
    i += k;
  }
  return 1;
}

void src_normalize(const char *s, size_t n, size_t from, int cp1252, src_nbuf *b, unsigned *flags) {
  size_t i = from, run = from;
  while (i < n) {
    if (!cp1252) {                   /* only CRs to find: let memchr run */
      const char *cr = memchr(s + i, '\r', n - i);
      if (!cr) { i = n; break; }
      i = (size_t)(cr - s);
    }
    unsigned char ch = (unsigned char)s[i];
    if (ch != '\r' && ch < 0x80) { i++; continue; }
    if (i > run) src_nb_put(b, s + run, i - run, run);
    if (ch == '\r') {
      src_nb_put(b, "\n", 1, i);
      *flags |= SRC_CRLF;
      i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
    } else {
      src_nb_cp(b, src_cp1252(ch), i);
      i++;
    }
    run = i;
  }
  if (n > run) src_nb_put(b, s + run, n - run, run);
  src_nb_mark(b, n);
}

/* }====================================================================== */

/* {====================================================================== key/value lists */

int src_kvb_put(src_kvb *b, const char *k, size_t kl, const char *v, size_t vl, int replace) {
  for (size_t i = 0; i < b->n; i++) {
    if (strlen(b->e[i].key) != kl || memcmp(b->e[i].key, k, kl) != 0) continue;
    if (!replace) return 0;
    char *nv = src_dupn(v, vl);
    if (!nv) return -1;
    free(b->e[i].value);
    b->e[i].value = nv;
    return 0;
  }
  if (b->n == b->cap) {
    size_t cap = b->cap ? 2 * b->cap : 8;
    src_kv *e = realloc(b->e, cap * sizeof *e);
    if (!e) return -1;
    b->e = e;
    b->cap = cap;
  }
  char *nk = src_dupn(k, kl), *nv = src_dupn(v, vl);
  if (!nk || !nv) { free(nk); free(nv); return -1; }
  b->e[b->n].key = nk;
  b->e[b->n].value = nv;
  b->n++;
  return 0;
}

void src_kvb_free(src_kvb *b) {
  for (size_t i = 0; i < b->n; i++) {
    free(b->e[i].key);
    free(b->e[i].value);
  }
  free(b->e);
  memset(b, 0, sizeof *b);
}

/* }====================================================================== */

/* {====================================================================== hashing */

uint64_t src_hash(const void *p, size_t n, uint64_t seed) {
  const unsigned char *s = p;
  uint64_t h = seed ^ (0x9E3779B97F4A7C15ull * (n + 1));
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, s, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    s += 8;
    n -= 8;
  }
  uint64_t w = 0;
  memcpy(&w, s, n);
  h = (h ^ w ^ n) * 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 29;
  return h;
}

/* }====================================================================== */

/* {====================================================================== reading files */

ssize_t src_read_at(int fd, char *buf, size_t n, uint64_t off) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = pread(fd, buf + got, n - got, (off_t)(off + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    got += (size_t)r;
  }
  return (ssize_t)got;
}

int src_open_file(src_ctx *c, const char *rel, struct stat *st, char *msg, size_t msglen) {
  char eb[128];
  char *full = src_join(c->root, rel);
  if (!full) { snprintf(msg, msglen, "out of memory"); return -1; }
  int fd = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  free(full);
  if (fd < 0) {
    int e = errno;
    snprintf(msg, msglen, "cannot open (%s)", src_errstr(e, eb, sizeof eb));
    errno = e;                         /* src_read_aux tells a missing file from a broken one */
    return -1;
  }
  const char *why = NULL;
  if (fstat(fd, st) != 0) why = src_errstr(errno, eb, sizeof eb);
  else if (S_ISDIR(st->st_mode)) why = src_errstr(EISDIR, eb, sizeof eb);
  if (why || !S_ISREG(st->st_mode)) {
    if (why) snprintf(msg, msglen, "cannot read (%s)", why);
    else snprintf(msg, msglen, "not a regular file");
    close(fd);
    return -1;
  }
  if ((uint64_t)st->st_size > SRC_MAX_BYTES) {
    snprintf(msg, msglen, "larger than 4 GiB (%llu bytes)", (unsigned long long)st->st_size);
    close(fd);
    return -1;
  }
  return fd;
}

char *src_read_again(const src_loader *L, int fd, uint64_t size, uint64_t len, char *err,
                     size_t errlen) {
  if (size != len) {
    snprintf(err, errlen, "%s: changed since it was indexed (%llu bytes, was %llu)", L->base,
             (unsigned long long)size, (unsigned long long)len);
    return NULL;
  }
  char *buf = malloc((size_t)len + 1);
  ssize_t got = buf ? src_read_at(fd, buf, (size_t)len, 0) : -1;
  if (!buf) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  if (got != (ssize_t)len || memchr(buf, 0, (size_t)len)) {
    snprintf(err, errlen, "%s: changed since it was indexed", L->base);
    free(buf);
    return NULL;
  }
  buf[len] = '\0';
  return buf;
}

int src_read_aux(src_ctx *c, const char *name, char **text, size_t *len) {
  char msg[256];
  struct stat st;
  int fd = src_open_file(c, name, &st, msg, sizeof msg);
  if (fd < 0) {
    if (errno == ENOENT) return 1;
    src_warnf(c, name, "%s, ignored", msg);
    return 2;
  }
  char *buf = malloc((size_t)st.st_size + 1);
  if (!buf) { close(fd); return -1; }
  ssize_t got = src_read_at(fd, buf, (size_t)st.st_size, 0);
  close(fd);
  if (got < 0) {
    src_warnf(c, name, "cannot read, ignored");
    free(buf);
    return 2;
  }
  size_t n = (size_t)got, bad;
  const char *z = memchr(buf, 0, n);
  if (z) {
    src_warnf(c, name, "binary file (NUL byte at offset %zu), ignored", (size_t)(z - buf));
    free(buf);
    return 2;
  }
  size_t from = src_bom(buf, n);
  int cp = !src_utf8_valid(buf + from, n - from, &bad);
  if (cp) src_warnf(c, name, "not valid UTF-8 (byte offset %zu): decoded as Windows-1252", from + bad);
  src_nbuf b;
  memset(&b, 0, sizeof b);
  b.nomap = 1;
  unsigned flags = 0;
  src_nb_reserve(&b, n + 1);
  src_normalize(buf, n, from, cp, &b, &flags);
  src_nb_reserve(&b, b.n + 1);
  free(buf);
  if (b.err) {
    src_nb_free(&b);
    return -1;
  }
  b.s[b.n] = '\0';
  *text = b.s;
  *len = b.n;
  return 0;
}

/* }====================================================================== */

/* {====================================================================== one document per file, made */

int src_whole_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud, src_make_fn make) {
  src_doc d;
  int r = make(L, buf, n, &d);
  free(buf);
  if (r == 0 && fn(ud, &d)) r = -1;
  return r;
}

int src_whole_reread(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t len, src_doc *d, char *err,
                     size_t errlen, src_make_fn make) {
  char *buf = line || size != len ? NULL : malloc((size_t)len + 1);
  int r = 1;
  if (buf && src_read_at(fd, buf, (size_t)len, 0) == (ssize_t)len) r = make(L, buf, (size_t)len, d);
  else if (!buf && !line && size == len) r = -1;
  free(buf);
  if (r > 0) snprintf(err, errlen, "%s: changed since it was indexed", L->base);
  if (r < 0) snprintf(err, errlen, "out of memory");
  return r ? -1 : 0;
}

/* }====================================================================== */
