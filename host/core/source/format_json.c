/*
** format_json.c: .json files, as exporters and scrapers write them: one JSON object (one document,
** named as the file), or an array of objects (a document per object, "file#N" for the N-th element,
** 1-based). Each object is read by src_json_doc (format_jsonl.c, json.c) as a .jsonl line is: its
** text field is the text, its other fields the metadata, nested objects flattened with dots. An
** element that is not an object, or has no text, is skipped with a warning naming it; anything
** else in the file (a bare string, invalid JSON) is named with the reason, and nothing is read.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

/* The first byte at or after off in s[0, n) that is not JSON white space. */
static size_t skip_space(const char *s, size_t n, size_t off) {
  while (off < n && (s[off] == ' ' || s[off] == '\t' || s[off] == '\n' || s[off] == '\r')) off++;
  return off;
}

/* The elements of the array at s[off] == '[', each object a document. */
static int array_docs(src_loader *L, const char *s, size_t n, size_t off, src_doc_fn fn, void *ud) {
  char msg[200];
  uint32_t number = 0;
  off = skip_space(s, n, off + 1);
  if (off < n && s[off] == ']') return 0;
  for (;;) {
    size_t start = skip_space(s, n, off), end = start;
    number++;
    if (src_json_skip(s, n, &end, msg, sizeof msg)) {
      src_lwarn(L, "element %u: %s; the rest of the file skipped", number, msg);
      return 0;
    }
    if (s[start] != '{') {
      src_lwarn(L, "element %u (byte offset %zu): not a JSON object, element skipped", number, start);
    } else {
      src_doc d;
      int r = src_json_doc(L, s + start, end - start, number, start, "element", &d);
      if (r < 0) return -1;
      if (r == 0 && fn(ud, &d)) return -1;
    }
    off = skip_space(s, n, end);
    if (off < n && s[off] == ',') { off++; continue; }
    if (off < n && s[off] == ']') break;
    src_lwarn(L, "byte offset %zu: expected ',' or ']' after element %u; the rest of the file skipped", off, number);
    return 0;
  }
  off = skip_space(s, n, off + 1);
  if (off < n) src_lwarn(L, "byte offset %zu: text after the array, not read", off);
  return 0;
}

static int json_docs(src_loader *L, const char *buf, size_t n, src_doc_fn fn, void *ud) {
  char msg[200];
  size_t off = skip_space(buf, n, src_bom(buf, n));
  if (off < n && buf[off] == '[') return array_docs(L, buf, n, off, fn, ud);
  if (off < n && buf[off] == '{') {
    src_doc d;
    size_t start = src_bom(buf, n);
    int r = src_json_doc(L, buf + start, n - start, 0, start, "object", &d);
    if (r < 0) return -1;
    return r == 0 && fn(ud, &d) ? -1 : 0;
  }
  size_t end = off;
  const char *why = "empty";
  if (off >= n) src_lwarn(L, "empty, skipped");
  else if (src_json_skip(buf, n, &end, msg, sizeof msg)) src_lwarn(L, "%s, skipped", msg), why = "damaged";
  else src_lwarn(L, "not a JSON object or an array of objects, skipped"), why = "no text";
  src_lskip(L, why);
  return 0;
}

static int json_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud) {
  int r = json_docs(L, buf, n, fn, ud);
  free(buf);
  return r;
}

/* One document again: the whole file (an object), or the bytes of element `number`, which must
** still be an object that is a document. */
static int json_reread(src_loader *L, int fd, uint64_t size, uint32_t number, uint64_t start, uint64_t len,
                       src_doc *d, char *err, size_t errlen) {
  if (start + len > size || len > SRC_MAX_BYTES) goto changed;
  char *buf = malloc((size_t)len + 1);
  if (!buf) { snprintf(err, errlen, "out of memory"); return -1; }
  ssize_t got = src_read_at(fd, buf, (size_t)len, start);
  size_t first = got == (ssize_t)len ? skip_space(buf, (size_t)len, 0) : 0;
  int r = got == (ssize_t)len && first < len && buf[first] == '{' && !memchr(buf, 0, (size_t)len)
    ? src_json_doc(L, buf, (size_t)len, number, start, "element", d) : 1;
  free(buf);
  if (r < 0) { snprintf(err, errlen, "out of memory"); return -1; }
  if (r == 0) return 0;
changed:
  if (number) snprintf(err, errlen, "%s#%u: changed since it was indexed", L->base, number);
  else snprintf(err, errlen, "%s: changed since it was indexed", L->base);
  return -1;
}

static const char *const json_extensions[] = { ".json", NULL };

const src_format src_format_json = { "json", SRC_JSONDOC, json_extensions, json_load, json_reread, NULL };
