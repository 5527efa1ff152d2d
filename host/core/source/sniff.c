/*
** sniff.c: the kind of a file that has no extension, told from its first bytes, as users keep such
** files (notes, a saved web page, a mail, a downloaded report): a PDF, an HTML or XHTML page, a JSON
** value, or text; binary bytes are not read. Only files without an extension are sniffed (walk.c,
** and load.c when it reads one again): a file's extension says what it is, and an unknown one is
** named as such (doc/formats.md, "Files without an extension").
*/
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "source_int.h"

#if !defined(SRC_SNIFF_JSON_MAX)
#define SRC_SNIFF_JSON_MAX (64u << 20)   /* a larger "{" or "[" file is taken as JSON unchecked */
#endif

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Does s[i, n) start with the ASCII word w, in any case? */
static int starts(const char *s, size_t n, size_t i, const char *w) {
  size_t k = strlen(w);
  return n - i >= k && src_caseeq(s + i, w, k);
}

/* After "<?xml ...?>", comments and a doctype: is the first element <html>? */
static int xml_html_root(const char *s, size_t n, size_t i) {
  while (i < n) {
    while (i < n && is_space((unsigned char)s[i])) i++;
    if (i >= n || s[i] != '<') return 0;
    if (starts(s, n, i, "<html")) return 1;
    const char *end = starts(s, n, i, "<!--") ? "-->" : ">";
    const char *e = NULL;
    for (size_t k = i + 1; k + strlen(end) <= n && !e; k++)
      if (memcmp(s + k, end, strlen(end)) == 0) e = s + k;
    if (!e) return 0;
    if (starts(s, n, i, "<!doctype html")) return 1;
    i = (size_t)(e - s) + strlen(end);
  }
  return 0;
}

/* Mostly text: no NUL, and control bytes (other than tab, LF, VT, FF, CR, ESC) under 1 in 20. */
static int texty(const char *s, size_t n) {
  size_t ctl = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0) return 0;
    if (c < 32 && !(c >= 9 && c <= 13) && c != 27) ctl++;
    if (c == 127) ctl++;
  }
  return ctl * 20 <= n;
}

int src_sniff(const char *s, size_t n) {
  if (n >= 5 && memcmp(s, "%PDF-", 5) == 0) return SRC_PDF;
  if (!texty(s, n)) return -1;
  size_t i = src_bom(s, n);
  while (i < n && is_space((unsigned char)s[i])) i++;
  if (starts(s, n, i, "<!doctype html") || starts(s, n, i, "<html")) return SRC_HTML;
  if (starts(s, n, i, "<?xml")) return xml_html_root(s, n, i) ? SRC_HTML : SRC_TXT;
  if (i < n && (s[i] == '{' || s[i] == '[')) {
    char msg[128];
    size_t end = i;
    if (src_json_skip(s, n, &end, msg, sizeof msg) == 0) {
      while (end < n && is_space((unsigned char)s[end])) end++;
      if (end == n) return SRC_JSONDOC;
    }
  }
  size_t body;
  if (src_mail_headers(s, n, &body, NULL) == 1) return SRC_MAIL;
  return SRC_TXT;    /* notes: text, with its title and date looked for in its first lines */
}

int src_sniff_fd(int fd, uint64_t size) {
  size_t want = size < SRC_SNIFF_BYTES ? (size_t)size : SRC_SNIFF_BYTES;
  char head[SRC_SNIFF_BYTES];
  if (src_read_at(fd, head, want, 0) != (ssize_t)want) return -2;
  size_t i = src_bom(head, want);
  while (i < want && is_space((unsigned char)head[i])) i++;
  int json = i < want && (head[i] == '{' || head[i] == '[');
  if (!json || want == size) return src_sniff(head, want);
  if (!texty(head, want)) return -1;
  if (size > SRC_SNIFF_JSON_MAX) return SRC_JSONDOC;
  char *all = malloc((size_t)size);              /* whether the whole file is one JSON value */
  if (!all) return SRC_JSONDOC;
  int kind = src_read_at(fd, all, (size_t)size, 0) == (ssize_t)size ? src_sniff(all, (size_t)size) : -2;
  free(all);
  return kind;
}
