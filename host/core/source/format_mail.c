/*
** format_mail.c: a mail saved as a file (.eml, and a file without an extension that starts with a
** mail's header block), one document: the body is the text, its bytes mapped back into the file;
** Subject is the title, From the author, Date the date (as ISO, "Thu, 27 Feb 2003 14:05:00 +0000"
** gives 2003-02-27), To kept as "to". Header values are kept as written (an encoded word,
** "=?utf-8?q?...?=", is not decoded); a multipart body is read as it is.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

static int is_hname(int c) { return c > 32 && c < 127 && c != ':'; }

/* The end of the header line that starts at i (after its continuation lines), or 0 when the line
** is no "Name: value" header. */
static size_t header_end(const char *s, size_t n, size_t i, size_t *colon) {
  size_t k = i;
  while (k < n && is_hname((unsigned char)s[k])) k++;
  if (k == i || k >= n || s[k] != ':') return 0;
  *colon = k;
  for (;;) {
    while (k < n && s[k] != '\n') k++;
    if (k < n) k++;
    if (k >= n || (s[k] != ' ' && s[k] != '\t')) return k;
  }
}

/* Walks the header block of s[0, n): calls put for each header (name, value without the line
** breaks' folding) unless put is NULL; *body is where the body starts. Returns 1 for a mail (a
** From: header and a Subject: or Date: one before a blank line), else 0. */
int src_mail_headers(const char *s, size_t n, size_t *body, src_kvb *put) {
  size_t i = src_bom(s, n), colon;
  int from = 0, other = 0;
  while (i < n && s[i] != '\n' && !(s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')) {
    size_t e = header_end(s, n, i, &colon);
    if (!e) return 0;
    size_t nl = colon - i, a = colon + 1, b = e;
    from |= nl == 4 && src_caseeq(s + i, "from", 4);
    other |= (nl == 7 && src_caseeq(s + i, "subject", 7)) || (nl == 4 && src_caseeq(s + i, "date", 4));
    while (b > a && (s[b - 1] == '\n' || s[b - 1] == '\r')) b--;
    src_trim(s, &a, &b);
    if (put && b > a) {
      static const char *const names[][2] = { { "subject", "title" }, { "from", "author" }, { "date", "date" },
                                              { "to", "to" } };
      for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        if (strlen(names[k][0]) != nl || !src_caseeq(s + i, names[k][0], nl)) continue;
        char *v = src_dupn(s + a, b - a);    /* folded lines joined by a space */
        if (!v) return -1;
        size_t w = 0;
        for (size_t r = 0; v[r]; r++) {
          if (v[r] == '\r' || v[r] == '\n') continue;
          if ((v[r] == ' ' || v[r] == '\t') && w && v[w - 1] == ' ') continue;
          v[w++] = v[r] == '\t' ? ' ' : v[r];
        }
        int rc = src_kvb_put(put, names[k][1], strlen(names[k][1]), v, w, 1);
        free(v);
        if (rc) return -1;
      }
    }
    i = e;
  }
  *body = i < n ? i + (s[i] == '\r' ? 2 : 1) : n;
  return from && other;
}

/* "Thu, 27 Feb 2003 14:05:00 +0000": the day, month and year, as ISO. */
static int mail_date(const char *v, char iso[11]) {
  const char *p = strchr(v, ',');
  p = p ? p + 1 : v;
  while (*p == ' ') p++;
  size_t k = 0;
  for (int words = 0; p[k] && words < 3; k++)
    if (p[k] == ' ' && k && p[k - 1] != ' ' && ++words == 3) break;
  return src_parse_date(p, k, iso) == 1;
}

static int mail_doc(src_loader *L, char *buf, size_t n, src_doc *d) {
  src_kvb f;
  size_t body = 0, bad;
  memset(d, 0, sizeof *d);
  memset(&f, 0, sizeof f);
  if (src_mail_headers(buf, n, &body, &f) < 0) goto oom;
  for (size_t i = 0; i < f.n; i++) {
    char iso[11];
    if (strcmp(f.e[i].key, "date") == 0 && mail_date(f.e[i].value, iso) && src_kvb_put(&f, "date", 4, iso, 10, 1))
      goto oom;
  }
  int cp = !src_utf8_valid(buf, n, &bad);
  src_nbuf b;
  memset(&b, 0, sizeof b);
  src_nb_reserve(&b, (cp ? (n - body) * 2 : n - body) + 1);
  if (cp) d->flags |= SRC_CP1252;
  if (src_bom(buf, n)) d->flags |= SRC_BOM;
  src_normalize(buf, n, body, cp, &b, &d->flags);   /* the text is the body's bytes, mapped */
  d->byte_len = n;
  int e = src_nb_take(&b, d);
  src_nb_free(&b);
  if (e == 2) {
    src_lwarn(L, "text larger than 4 GiB once decoded, skipped");
    src_lskip(L, "too large");
    src_kvb_free(&f);
    src_doc_free(d);
    return 1;
  }
  if (e || !(d->name = strdup(L->base)) || src_doc_finish(L, d, 0, &f)) goto oom;
  if (cp) src_lwarn(L, "not valid UTF-8 (byte offset %zu): decoded as Windows-1252", bad);
  src_kvb_free(&f);
  return 0;
oom:
  src_kvb_free(&f);
  src_doc_free(d);
  return -1;
}

static const char *const mail_extensions[] = { ".eml", NULL };

const src_format src_format_mail = { "mail", SRC_MAIL, mail_extensions, NULL, NULL, mail_doc };
