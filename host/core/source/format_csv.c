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

/* The document of record r (under header h, text column tc) of the table s: 0 with d filled, -1
** when memory ran out. */
static int row_doc(src_loader *L, const char *s, const src_record *h, long tc, const src_record *r, src_doc *d) {
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
    src_cell_put(s, &h->cell[k], &key, 0);
    src_cell_put(s, &r->cell[k], &val, 0);
    if (key.err || val.err) bad = 1;
    else if (key.n && val.n) bad = src_kvb_put(&f, key.s, key.n, val.s, val.n, 0) != 0;
  }
  /* the text's offsets are the file's: the document's bytes are the whole row */
  if (!bad) {
    d->byte_start = r->start;
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

/* The documents of the table s[0, n); only the one starting on line `only` when it is not 0. */
static int table_docs(src_loader *L, const char *s, size_t n, uint32_t only, src_doc_fn fn, void *ud, src_doc *one) {
  src_record h, r;
  char cols[512];
  memset(&h, 0, sizeof h);
  memset(&r, 0, sizeof r);
  size_t pos = src_bom(s, n);
  uint32_t line = 1;
  int broken, got, rc = 0, found = 0;
  long tc = -1;
  size_t bad;
  if (!src_utf8_valid(s, n, &bad)) {
    src_lwarn(L, "not valid UTF-8 (byte offset %zu), skipped: save the table as UTF-8", bad);
    return 0;
  }
  while ((got = src_next_record(s, n, &pos, &line, is_csv(L), &h, &broken)) > 0 && src_record_blank(&h)) {}
  if (got <= 0) {
    if (got == 0) src_lwarn(L, "empty, skipped");
    rc = got;
    goto done;
  }
  if ((tc = text_column(L->c, s, &h)) < 0) {
    header_list(s, &h, cols, sizeof cols);
    if (L->c->text_field) src_lwarn(L, "line %u: no column \"%s\" (columns: %s), skipped", h.line, L->c->text_field, cols);
    else src_lwarn(L, "line %u: no text column (\"text\", \"body\" or \"content\"; columns: %s), skipped", h.line, cols);
    goto done;
  }
  while ((got = src_next_record(s, n, &pos, &line, is_csv(L), &r, &broken)) > 0) {
    if (src_record_blank(&r) || (only && r.line != only)) continue;
    if (broken) {
      src_lwarn(L, "line %u: a quoted field is never closed, the rest of the file skipped", r.line);
      break;
    }
    if (r.n != h.n) {
      src_lwarn(L, "line %u: %zu fields where the header has %zu, row skipped", r.line, r.n, h.n);
      continue;
    }
    src_doc d;
    if (row_doc(L, s, &h, tc, &r, &d)) { rc = -1; break; }
    if (one) { *one = d; found = 1; break; }
    if (fn(ud, &d)) { rc = -1; break; }
  }
  if (got < 0) rc = -1;
done:
  free(h.cell);
  free(r.cell);
  return rc < 0 ? -1 : one && !found ? 1 : 0;
}

static int table_load(src_loader *L, char *buf, size_t n, src_doc_fn fn, void *ud) {
  int r = table_docs(L, buf, n, 0, fn, ud, NULL);
  free(buf);
  return r;
}

/* One row again: the file is read from its start, for the header, to the row's end. */
static int table_reread(src_loader *L, int fd, uint64_t size, uint32_t line, uint64_t start, uint64_t len,
                        src_doc *d, char *err, size_t errlen) {
  if (line == 0 || start + len > size || start + len > SRC_MAX_BYTES) goto changed;
  char *buf = malloc((size_t)(start + len) + 1);
  if (!buf) { snprintf(err, errlen, "out of memory"); return -1; }
  ssize_t got = src_read_at(fd, buf, (size_t)(start + len), 0);
  int r = got == (ssize_t)(start + len) ? table_docs(L, buf, (size_t)(start + len), line, NULL, NULL, d) : 1;
  free(buf);
  if (r < 0) { snprintf(err, errlen, "out of memory"); return -1; }
  if (r == 0 && d->byte_start == start && d->byte_len == len) return 0;
  if (r == 0) src_doc_free(d);
changed:
  snprintf(err, errlen, "%s#%u: changed since it was indexed", L->base, line);
  return -1;
}

static const char *const table_extensions[] = { ".csv", ".tsv", NULL };

const src_format src_format_table = { "table", SRC_TABLE, table_extensions, table_load, table_reread };
