/*
** format_csv.c: tables of documents, as spreadsheets of statements and exports keep them: a .csv
** file (RFC 4180) or a .tsv file, a header line, then one document per row, named "file#N" for the
** row that starts on line N. The text is the column named text, else body, else content (in any
** case), or the one the corpus names (src_set_text_field); its bytes map back into the file. Every
** other column is metadata (empty cells left out): date, title, speaker ... A table without a text
** column is named with its columns and not read; a row whose cells do not match the header, a quote
** never closed, are named with their line. metadata.tsv and metadata.csv at the top of the corpus
** are its sidecar (sidecar.c), not documents.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "source_int.h"

static int is_csv(const src_loader *L) {
  const char *dot = strrchr(L->base, '.');
  return dot && strcasecmp(dot, ".csv") == 0;
}

/* The column of the header h that holds the text: the corpus's text field, else text, body or
** content, the first of those there; -1 when none. */
static long text_column(const src_ctx *c, const char *s, const src_record *h) {
  static const char *const names[] = { "text", "body", "content", NULL };
  for (int i = 0; names[i]; i++) {
    const char *want = c->text_field ? c->text_field : names[i];
    for (size_t k = 0; k < h->n; k++)
      if (src_cell_is(s, &h->cell[k], want)) return (long)k;
    if (c->text_field) break;
  }
  return -1;
}

/* The header's names, for a message: "a, b, c". */
static void header_list(const char *s, const src_record *h, char *buf, size_t n) {
  size_t k = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < h->n && k < n; i++)
    k += (size_t)snprintf(buf + k, n - k, "%s%.*s", i ? ", " : "", (int)(h->cell[i].b - h->cell[i].a), s + h->cell[i].a);
}

/* The document of record r of the bytes s, which start at offset base of the file, under the header
** h of the bytes hs (text column tc): 0 with d filled, -1 when memory ran out. */
static int row_doc(src_loader *L, const char *hs, const src_record *h, long tc, const char *s, uint64_t base,
                   const src_record *r, src_doc *d) {
  src_nbuf t, key, val;
  src_kvb f;
  memset(d, 0, sizeof *d);
  memset(&t, 0, sizeof t);
  memset(&key, 0, sizeof key);
  memset(&val, 0, sizeof val);
  memset(&f, 0, sizeof f);
  key.nomap = val.nomap = 1;
  int bad = 0;
  src_cell_put(s, &r->cell[tc], &t, 0);
  for (size_t k = 0; k < h->n && !bad; k++) {
    if ((long)k == tc) continue;
    key.n = val.n = 0;
    src_cell_put(hs, &h->cell[k], &key, 0);
    src_cell_put(s, &r->cell[k], &val, 0);
    if (key.err || val.err) bad = 1;
    else if (key.n && val.n) bad = src_kvb_put(&f, key.s, key.n, val.s, val.n, 0) != 0;
  }
  /* the text's offsets are the file's: the document's bytes are the whole row */
  if (!bad) {
    d->byte_start = base + r->start;
    d->byte_len = r->end - r->start;
    for (size_t i = 0; i < t.nmap; i++) t.map[2 * i + 1] -= (uint32_t)r->start;
  }
  int rt = bad ? 1 : src_nb_take(&t, d);
  src_nb_free(&key);
  src_nb_free(&val);
  if (rt) {
    src_nb_free(&t);
    src_kvb_free(&f);
    src_doc_free(d);
    return -1;
  }
  d->line = r->line;
  size_t nl = strlen(L->base) + 12;
  if (!(d->name = malloc(nl)) || (snprintf(d->name, nl, "%s#%u", L->base, r->line), src_doc_finish(L, d, 0, &f))) {
    src_kvb_free(&f);
    src_doc_free(d);
    return -1;
  }
  src_kvb_free(&f);
  return 0;
}

/* The header of the table s[0, n): its record into h, its text column into *tc, *pos past it.
** Returns 0; 1 when the table is not read (warned, unless quiet); -1 when memory ran out. */
static int read_header(src_loader *L, const char *s, size_t n, size_t *pos, uint32_t *line, src_record *h, long *tc,
                       int quiet) {
  char cols[512];
  int broken, got;
  *pos = src_bom(s, n);
  while ((got = src_next_record(s, n, pos, line, is_csv(L), h, &broken)) > 0 && src_record_blank(h)) {}
  if (got < 0) return -1;
  if (got == 0) {
    if (!quiet) src_lwarn(L, "empty, skipped");
    if (!quiet) src_lskip(L, "empty");
    return 1;
  }
  if ((*tc = text_column(L->c, s, h)) >= 0) return 0;
  if (quiet) return 1;
  header_list(s, h, cols, sizeof cols);
  if (L->c->text_field) src_lwarn(L, "line %u: no column \"%s\" (columns: %s), skipped", h->line, L->c->text_field, cols);
  else src_lwarn(L, "line %u: no text column (\"text\", \"body\" or \"content\"; columns: %s), skipped", h->line, cols);
  src_lskip(L, "no text");
  return 1;
}

/* The documents of the table s[0, n). */
static int table_docs(src_loader *L, const char *s, size_t n, src_doc_fn fn, void *ud) {
  src_record h, r;
  memset(&h, 0, sizeof h);
  memset(&r, 0, sizeof r);
  size_t pos, bad;
  uint32_t line = 1;
  int broken, got = 0, rc;
  long tc;
  if (!src_utf8_valid(s, n, &bad)) {
    src_lwarn(L, "not valid UTF-8 (byte offset %zu), skipped: save the table as UTF-8", bad);
    src_lskip(L, "not UTF-8");
    return 0;
  }
  if ((rc = read_header(L, s, n, &pos, &line, &h, &tc, 0)) != 0) goto done;
  while ((got = src_next_record(s, n, &pos, &line, is_csv(L), &r, &broken)) > 0) {
    if (src_record_blank(&r)) continue;
    if (broken) {
      src_lwarn(L, "line %u: a quoted field is never closed, the rest of the file skipped", r.line);
      break;
    }
    if (r.n != h.n) {
      src_lwarn(L, "line %u: %zu fields where the header has %zu, row skipped", r.line, r.n, h.n);
      continue;
    }
    src_doc d;
    if (row_doc(L, s, &h, tc, s, 0, &r, &d) || fn(ud, &d)) { rc = -1; break; }
  }
  if (got < 0) rc = -1;
done:
  free(h.cell);
  free(r.cell);
  return rc < 0 ? -1 : 0;
}

static int table_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud) {
  int r = table_docs(L, buf, n, fn, ud);
  free(buf);
  return r;
}

/* The first bytes of the file, enough to hold its header: into *buf (*n bytes). Returns 0, 1 when
** the file cannot be read, -1 when memory ran out. */
static int read_head(src_loader *L, int fd, uint64_t size, char **buf, size_t *n, src_record *h, long *tc) {
  size_t want = size < 65536 ? (size_t)size : 65536;
  for (;;) {
    char *b = realloc(*buf, want + 1);
    if (!b) return -1;
    *buf = b;
    if (src_read_at(fd, b, want, 0) != (ssize_t)want) return 1;
    size_t pos;
    uint32_t line = 1;
    int r = read_header(L, b, want, &pos, &line, h, tc, 1);
    if (r < 0) return -1;
    /* whole when the header record ends before the bytes read do, or they are the file */
    if (want == size || (r == 0 && h->end < want)) { *n = want; return r; }
    want = want * 2 < size ? want * 2 : (size_t)size;
  }
}

/* One row again: the file's header, then only the row's bytes. */
static int table_reread(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t start, uint64_t len,
                        src_doc *d, char *err, size_t errlen) {
  src_record h, r;
  char *head = NULL, *row = NULL;
  size_t nhead = 0, pos = 0, bad;
  long tc = -1;
  int rc = 1, broken;
  memset(&h, 0, sizeof h);
  memset(&r, 0, sizeof r);
  if (line == 0 || start + len > size || len > SRC_MAX_BYTES) goto out;
  if ((rc = read_head(L, fd, size, &head, &nhead, &h, &tc)) != 0) goto out;
  rc = -1;
  if (!(row = malloc((size_t)len + 1))) goto out;
  rc = 1;
  uint32_t at = line;
  if (src_read_at(fd, row, (size_t)len, start) != (ssize_t)len || !src_utf8_valid(row, (size_t)len, &bad)) goto out;
  int got = src_next_record(row, (size_t)len, &pos, &at, is_csv(L), &r, &broken);
  if (got < 0) { rc = -1; goto out; }
  if (got == 0 || broken || r.end != (size_t)len || r.n != h.n) goto out;      /* no longer that row */
  rc = row_doc(L, head, &h, tc, row, start, &r, d);
out:
  free(head);
  free(row);
  free(h.cell);
  free(r.cell);
  if (rc < 0) { snprintf(err, errlen, "out of memory"); return -1; }
  if (rc == 0) return 0;
  snprintf(err, errlen, "%s#%u: changed since it was indexed", L->base, line);
  return -1;
}

static const char *const table_extensions[] = { ".csv", ".tsv", NULL };

const src_format src_format_table = { "table", SRC_TABLE, table_extensions, table_load, table_reread, NULL };
