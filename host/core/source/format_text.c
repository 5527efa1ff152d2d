/*
** format_text.c: .txt and .md files, one document per file. The bytes become the text as they are
** when they can (valid UTF-8, no BOM, no CR), else through the text builder, which records the map
** back to the file's bytes; the title and date are looked for in the text's first lines.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

/* A .txt/.md file as one document; takes buf (NUL-terminated, no NUL inside). Returns 0, 1 when
** skipped with a warning, -1 when out of memory; d is clean unless 0. */
static int whole_doc(src_loader *L, char *buf, size_t n, src_doc *d) {
  memset(d, 0, sizeof *d);
  size_t from = src_bom(buf, n), bad;
  if (from) d->flags |= SRC_BOM;
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
      src_lskip(L, "too large");
      return 1;
    }
    if (cp) src_lwarn(L, "not valid UTF-8 (byte offset %zu): decoded as Windows-1252", from + bad);
  }
  if (src_doc_finish(L, d, 1, NULL)) {
    src_doc_free(d);
    return -1;
  }
  return 0;
}

static int text_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud) {
  src_doc d;
  int r = whole_doc(L, buf, n, &d);
  if (r == 0 && fn(ud, &d)) r = -1;
  return r;
}

/* The file again, which must still be the len bytes it was; a document here has no line. */
static int text_reread(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t start,
                       uint64_t len, src_doc *d, char *err, size_t errlen) {
  if (line > 0) {
    snprintf(err, errlen, "%s#%u: changed since it was indexed", L->base, line);
    return -1;
  }
  char *buf = src_read_again(L, fd, size, len, err, errlen);
  if (!buf) return -1;
  int r = whole_doc(L, buf, (size_t)len, d);
  if (r) snprintf(err, errlen, r > 0 ? "%s: text larger than 4 GiB" : "out of memory", L->base);
  return r ? -1 : 0;
}

static const char *const txt_extensions[] = { ".txt", NULL };
static const char *const md_extensions[] = { ".md", NULL };

const src_format src_format_txt = { "txt", SRC_TXT, txt_extensions, text_load, text_reread, NULL };
const src_format src_format_md = { "md", SRC_MD, md_extensions, text_load, text_reread, NULL };
