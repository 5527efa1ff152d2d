/*
** format_jsonl.c: .jsonl files, one document per non-empty line. Each line is a JSON object (parsed
** in json.c) whose text field ("text", "body" or "content", or the one the corpus names) is the
** document's text, mapped back to the bytes of the line, and whose other fields are its metadata.
** A bad line is skipped with a warning; the rest still loads. src_json_doc, one object as a
** document, is also what format_json.c makes of the objects of a .json file.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

int src_json_doc(src_loader *L, const char *s, size_t n, uint32_t lineno, uint64_t byte_start, const char *what,
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
  int r = src_json_object(s, n, cp, L->c->text_field, &t, &flags, &f, msg, sizeof msg);
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
    if (r > 0 && lineno) src_lwarn(L, "%s %u: %s, %s skipped", what, lineno, msg, what);
    else if (r > 0) src_lwarn(L, "%s, skipped", msg);
    return r;
  }
  if (cp && lineno) src_lwarn(L, "%s %u: not valid UTF-8 (byte %zu): decoded as Windows-1252", what, lineno, bad);
  else if (cp) src_lwarn(L, "not valid UTF-8 (byte %zu): decoded as Windows-1252", bad);
  d->line = lineno;
  d->byte_start = byte_start;
  d->byte_len = n;
  size_t nl = strlen(L->base) + 12;
  if ((d->name = malloc(nl)) != NULL) {
    if (lineno) snprintf(d->name, nl, "%s#%u", L->base, lineno);
    else snprintf(d->name, nl, "%s", L->base);
  }
  if (!d->name || src_doc_finish(L, d, 0, &f)) {
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
  size_t off = src_bom(buf, n);
  uint32_t lineno = 0;
  while (off < n) {
    const char *nl = memchr(buf + off, '\n', n - off);
    size_t end = nl ? (size_t)(nl - buf) : n, le = end;
    lineno++;
    if (le > off && buf[le - 1] == '\r') le--;
    if (!blank_json(buf + off, le - off)) {
      src_doc d;
      int r = src_json_doc(L, buf + off, le - off, lineno, off, "line", &d);
      if (r < 0) return -1;
      if (r == 0 && fn(ud, &d)) return -1;
    }
    off = end + 1;
  }
  return 0;
}

static int jsonl_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud) {
  int r = jsonl_docs(L, buf, n, fn, ud);
  free(buf);
  return r;
}

/* One line again: the bytes must still be a whole line, and still a document. */
static int jsonl_reread(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t start,
                        uint64_t len, src_doc *d, char *err, size_t errlen) {
  if (line == 0) {                     /* a .jsonl document is a line, never the whole file */
    snprintf(err, errlen, "%s: changed since it was indexed", L->base);
    return -1;
  }
  uint64_t lo = start >= 3 ? start - 3 : 0, hi = start + len + (start + len < size);
  if (start + len > size || len > SRC_MAX_BYTES) goto changed;
  char *buf = malloc((size_t)(hi - lo) + 1);
  if (!buf) { snprintf(err, errlen, "out of memory"); return -1; }
  ssize_t got = src_read_at(fd, buf, (size_t)(hi - lo), lo);
  const char *s = buf + (start - lo);
  int whole = got == (ssize_t)(hi - lo)       /* still a line of its own, without NUL bytes */
    && (start == 0 || s[-1] == '\n' || (start == 3 && src_bom(buf, 3)))
    && (hi == start + len || s[len] == '\n' || s[len] == '\r')
    && !memchr(s, 0, (size_t)len);
  int r = whole ? src_json_doc(L, s, (size_t)len, line, start, "line", d) : 1;
  free(buf);
  if (r < 0) { snprintf(err, errlen, "out of memory"); return -1; }
  if (r == 0) return 0;
changed:
  snprintf(err, errlen, "%s#%u: changed since it was indexed", L->base, line);
  return -1;
}

static const char *const jsonl_extensions[] = { ".jsonl", NULL };

const src_format src_format_jsonl = { "jsonl", SRC_JSONL, jsonl_extensions, jsonl_load, jsonl_reread, NULL };
