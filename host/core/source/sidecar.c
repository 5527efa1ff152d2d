/*
** sidecar.c: the metadata sidecar, metadata.tsv (else metadata.csv, RFC 4180) in the corpus folder:
** one row per document, named in its 'file' column, the other columns becoming the document's
** metadata. Rows are read once per context, sorted for lookup, and marked as documents take them, so
** that the rows no document took can be reported.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "source_int.h"

/* {====================================================================== records: TSV and CSV */

/* A record of the sidecar: owned cells (decoded from records.c's spans), and the line it starts on. */
typedef struct rec {
  char **cell;
  size_t n, cap;
  uint32_t line;
} rec;

static int rec_add(rec *r, const char *s, size_t n) {
  if (r->n == r->cap) {
    size_t cap = r->cap ? 2 * r->cap : 8;
    char **c = realloc(r->cell, cap * sizeof *c);
    if (!c) return -1;
    r->cell = c;
    r->cap = cap;
  }
  if (!(r->cell[r->n] = src_dupn(s, n))) return -1;
  r->n++;
  return 0;
}

static void rec_clear(rec *r) {
  for (size_t i = 0; i < r->n; i++) free(r->cell[i]);
  r->n = 0;
}

/* The next record (records.c), its cells decoded into r; 1 when there is one, 0 at the end, -1 when
** out of memory. sr is the caller's scratch. */
static int next_record(const char *s, size_t len, size_t *pos, uint32_t *line, int csv, rec *r, src_record *sr,
                       int *broken) {
  rec_clear(r);
  int got = src_next_record(s, len, pos, line, csv, sr, broken);
  if (got <= 0) return got;
  r->line = sr->line;
  for (size_t k = 0; k < sr->n; k++) {
    src_nbuf b;
    memset(&b, 0, sizeof b);
    b.nomap = 1;
    src_cell_put(s, &sr->cell[k], &b, 0);
    int bad = b.err || rec_add(r, b.s ? b.s : "", b.n);
    src_nb_free(&b);
    if (bad) return -1;
  }
  return 1;
}

static int blank_record(const rec *r) { return r->n == 1 && r->cell[0][0] == '\0'; }

/* }====================================================================== */

/* {====================================================================== the table of rows */

static int cmp_row(const void *a, const void *b) {
  const side_row *x = a, *y = b;
  int c = strcmp(x->file, y->file);
  return c ? c : (x->line > y->line) - (x->line < y->line);
}

static void free_row(side_row *r, size_t ncols) {
  free(r->file);
  if (r->cell)
    for (size_t k = 0; k < ncols; k++) free(r->cell[k]);
  free(r->cell);
}

/* The header: which cell is 'file', and which cells are which metadata column (or -1). */
static int read_header(src_ctx *c, const rec *h, long *colmap, size_t *filecol) {
  *filecol = SIZE_MAX;
  for (size_t k = 0; k < h->n; k++)
    if (*filecol == SIZE_MAX && strlen(h->cell[k]) == 4 && src_caseeq(h->cell[k], "file", 4)) *filecol = k;
  if (*filecol == SIZE_MAX) {
    src_warnf(c, c->side_name, "line %u: no \"file\" column, the sidecar is ignored", h->line);
    return 1;
  }
  if (!(c->cols = calloc(h->n, sizeof *c->cols))) return -1;
  for (size_t k = 0; k < h->n; k++) {
    colmap[k] = -1;
    if (k == *filecol) continue;
    if (!h->cell[k][0]) {
      src_warnf(c, c->side_name, "line %u: column %zu has no name, ignored", h->line, k + 1);
      continue;
    }
    size_t j;
    for (j = 0; j < c->ncols && strcmp(c->cols[j], h->cell[k]) != 0; j++) {}
    if (j < c->ncols) {
      src_warnf(c, c->side_name, "line %u: column \"%s\" appears twice, the second is ignored", h->line,
                h->cell[k]);
      continue;
    }
    if (!(c->cols[c->ncols] = strdup(h->cell[k]))) return -1;
    colmap[k] = (long)c->ncols++;
  }
  return 0;
}

/* One data record into a row; 1 when it is skipped (with a warning). */
static int read_row(src_ctx *c, const rec *r, size_t nhead, const long *colmap, size_t filecol,
                    side_row *row) {
  memset(row, 0, sizeof *row);
  row->line = r->line;
  if (r->n != nhead) {
    src_warnf(c, c->side_name, "line %u: %zu fields where the header has %zu, row skipped", r->line, r->n,
              nhead);
    return 1;
  }
  const char *f = r->cell[filecol];
  while (f[0] == '.' && f[1] == '/') f += 2;
  if (!f[0]) {
    src_warnf(c, c->side_name, "line %u: no file named, row skipped", r->line);
    return 1;
  }
  if (!(row->file = strdup(f)) || !(row->cell = calloc(c->ncols ? c->ncols : 1, sizeof *row->cell)))
    return -1;
  for (size_t k = 0; k < nhead; k++)
    if (colmap[k] >= 0 && r->cell[k][0] && !(row->cell[colmap[k]] = strdup(r->cell[k]))) return -1;
  return 0;
}

/* Sorts the rows by file and drops the repeats (the first row for a file counts). */
static void sort_rows(src_ctx *c) {
  if (c->nrows) qsort(c->rows, c->nrows, sizeof *c->rows, cmp_row);
  size_t w = 0;
  for (size_t i = 0; i < c->nrows; i++) {
    if (w > 0 && strcmp(c->rows[w - 1].file, c->rows[i].file) == 0) {
      src_warnf(c, c->side_name, "line %u: \"%s\" is already described on line %u, row skipped",
                c->rows[i].line, c->rows[i].file, c->rows[w - 1].line);
      free_row(&c->rows[i], c->ncols);
      continue;
    }
    c->rows[w++] = c->rows[i];
  }
  c->nrows = w;
}

static int parse_sidecar(src_ctx *c, const char *s, size_t len, int csv) {
  rec r;
  src_record sr;
  memset(&r, 0, sizeof r);
  memset(&sr, 0, sizeof sr);
  size_t pos = 0, nhead = 0, filecol = 0, cap = 0;
  uint32_t line = 1;
  long *colmap = NULL;
  int broken, got, rc = 0;
  while ((got = next_record(s, len, &pos, &line, csv, &r, &sr, &broken)) > 0) {
    if (blank_record(&r)) continue;
    if (broken) {
      src_warnf(c, c->side_name, "line %u: a quoted field is never closed, row skipped", r.line);
      continue;
    }
    if (!colmap) {                   /* the header */
      nhead = r.n;
      if (!(colmap = malloc(nhead * sizeof *colmap))) { rc = -1; break; }
      int h = read_header(c, &r, colmap, &filecol);
      if (h) { rc = h < 0 ? -1 : 0; break; }
      continue;
    }
    if (c->nrows == cap) {
      cap = cap ? 2 * cap : 64;
      side_row *nr = realloc(c->rows, cap * sizeof *nr);
      if (!nr) { rc = -1; break; }
      c->rows = nr;
    }
    int e = read_row(c, &r, nhead, colmap, filecol, &c->rows[c->nrows]);
    if (e == 0) c->nrows++;
    else free_row(&c->rows[c->nrows], c->ncols);
    if (e < 0) { rc = -1; break; }
  }
  if (got < 0) rc = -1;
  rec_clear(&r);
  free(r.cell);
  free(sr.cell);
  free(colmap);
  if (rc) return rc;
  sort_rows(c);
  if (c->nrows && !(c->used = malloc(c->nrows * sizeof *c->used))) return -1;
  for (size_t i = 0; i < c->nrows; i++) atomic_init(&c->used[i], 0);
  return 0;
}

int src_sidecar_read(src_ctx *c) {
  char *text;
  size_t len;
  if (c->root_file) return 0;       /* a single file has no folder of its own to describe it */
  int csv = 0, r = src_read_aux(c, "metadata.tsv", &text, &len);
  if (r == 1) {
    csv = 1;
    r = src_read_aux(c, "metadata.csv", &text, &len);
  } else if (r == 0) {
    size_t n = strlen(c->root) + 16;
    char *other = malloc(n);
    if (!other) { free(text); return -1; }
    snprintf(other, n, "%s/metadata.csv", c->root);
    if (access(other, F_OK) == 0) src_warnf(c, "metadata.csv", "ignored: metadata.tsv is read instead");
    free(other);
  }
  if (r < 0) return -1;
  if (r > 0) return 0;
  c->side_name = csv ? "metadata.csv" : "metadata.tsv";
  r = parse_sidecar(c, text, len, csv);
  free(text);
  return r;
}

void src_sidecar_free(src_ctx *c) {
  for (size_t i = 0; i < c->nrows; i++) free_row(&c->rows[i], c->ncols);
  for (size_t k = 0; k < c->ncols; k++) free(c->cols[k]);
  free(c->rows);
  free(c->cols);
  free((void *)c->used);
  c->rows = NULL;
  c->cols = NULL;
  c->used = NULL;
  c->nrows = c->ncols = 0;
}

/* }====================================================================== */

/* {====================================================================== rows taken, rows unused */

static long find_row(const src_ctx *c, const char *name) {
  size_t lo = 0, hi = c->nrows;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int d = strcmp(c->rows[mid].file, name);
    if (d == 0) return (long)mid;
    if (d < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

static int cmp_path(const void *key, const void *f) { return strcmp(key, ((const src_file *)f)->path); }

/* Rows name a document: a file, or "file#N" for the document on line N of a file that holds
** several (a .jsonl line, a CoNLL-U "# newdoc", a VRT <text>). Whether line N starts one is only
** seen once the file is loaded (src_sidecar_unused says so then); here the file must be there. */
void src_sidecar_check(src_ctx *c, const src_list *l) {
  for (size_t i = 0; i < c->nrows; i++) {
    const char *f = c->rows[i].file, *hash = strrchr(f, '#');
    int found = l->n && bsearch(f, l->f, l->n, sizeof *l->f, cmp_path) != NULL;
    if (!found && hash && hash > f && hash[1] && strspn(hash + 1, "0123456789") == strlen(hash + 1)) {
      char *path = src_dupn(f, (size_t)(hash - f));
      if (!path) return;
      found = l->n && bsearch(path, l->f, l->n, sizeof *l->f, cmp_path) != NULL;
      free(path);
    }
    unsigned char none = 0;
    if (!found && atomic_compare_exchange_strong(&c->used[i], &none, 2))
      src_warnf(c, c->side_name, "line %u: no document \"%s\" in the corpus, row unused", c->rows[i].line, f);
  }
}

const side_row *src_sidecar_row(src_ctx *c, const char *docname) {
  long row = c->nrows ? find_row(c, docname) : -1;
  unsigned char none = 0;
  if (row < 0) return NULL;
  atomic_compare_exchange_strong(&c->used[row], &none, 1);
  return &c->rows[row];
}

void src_sidecar_take(src_ctx *c, const char *docname) { src_sidecar_row(c, docname); }

size_t src_sidecar_unused(src_ctx *c) {
  size_t n = 0;
  for (size_t i = 0; i < c->nrows; i++) {
    unsigned char u = atomic_load(&c->used[i]);
    if (u == 1) continue;
    n++;
    if (u == 0) {
      atomic_store(&c->used[i], 2);
      src_warnf(c, c->side_name, "line %u: no document \"%s\" in the corpus, row unused", c->rows[i].line,
                c->rows[i].file);
    }
  }
  return n;
}

/* }====================================================================== */
