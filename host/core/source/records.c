/*
** records.c: the records of a table, TSV (a line, cells split on tabs) or CSV (RFC 4180: quoted
** cells may hold commas, newlines and doubled quotes), as spans of the bytes: the metadata sidecar
** (sidecar.c) decodes them into strings, a .csv/.tsv corpus file (format_csv.c) into a document's
** text mapped back to the file. Unquoted cells are trimmed; text after a closing quote is kept, as
** spreadsheets do.
*/
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

static int add_cell(src_record *r, src_cell c) {
  if (r->n == r->cap) {
    size_t cap = r->cap ? 2 * r->cap : 8;
    src_cell *p = realloc(r->cell, cap * sizeof *p);
    if (!p) return -1;
    r->cell = p;
    r->cap = cap;
  }
  r->cell[r->n++] = c;
  return 0;
}

static int tsv_record(const char *s, size_t len, size_t *pos, src_record *r) {
  const char *nl = memchr(s + *pos, '\n', len - *pos);
  size_t e = nl ? (size_t)(nl - s) : len, a = *pos;
  if (e > *pos && s[e - 1] == '\r') e--;              /* CR LF */
  for (size_t k = *pos;; k++) {
    if (k < e && s[k] != '\t') continue;
    size_t ca = a, cb = k;
    src_trim(s, &ca, &cb);
    if (add_cell(r, (src_cell){ ca, cb, 0, cb, cb })) return -1;
    a = k + 1;
    if (k == e) break;
  }
  *pos = nl ? (size_t)(nl - s) + 1 : len;
  return 0;
}

static int csv_record(const char *s, size_t len, size_t *pos, uint32_t *line, src_record *r, int *broken) {
  size_t i = *pos;
  for (;;) {
    src_cell c;
    if (i < len && s[i] == '"') {
      c.quoted = 1;
      c.a = ++i;
      for (;; i++) {
        if (i >= len) { *broken = 1; c.b = len; break; }
        if (s[i] == '"') {
          if (i + 1 < len && s[i + 1] == '"') { i++; continue; }
          c.b = i++;
          break;
        }
        if (s[i] == '\n') (*line)++;
      }
      c.ta = i;
      while (i < len && s[i] != ',' && s[i] != '\n') i++;
      c.tb = i > c.ta && s[i - 1] == '\r' && (i == len || s[i] == '\n') ? i - 1 : i;
    } else {
      size_t a = i, b;
      while (i < len && s[i] != ',' && s[i] != '\n') i++;
      b = i > a && s[i - 1] == '\r' && (i == len || s[i] == '\n') ? i - 1 : i;
      src_trim(s, &a, &b);
      c = (src_cell){ a, b, 0, b, b };
    }
    if (add_cell(r, c)) return -1;
    if (i < len && s[i] == ',') { i++; continue; }
    break;
  }
  *pos = i + 1;
  return 0;
}

int src_next_record(const char *s, size_t len, size_t *pos, uint32_t *line, int csv, src_record *r, int *broken) {
  r->n = 0;
  *broken = 0;
  if (*pos >= len) return 0;
  r->line = *line;
  r->start = *pos;
  int e = csv ? csv_record(s, len, pos, line, r, broken) : tsv_record(s, len, pos, r);
  r->end = *pos > len ? len : *pos;
  (*line)++;
  return e ? -1 : 1;
}

int src_record_blank(const src_record *r) {
  return r->n == 1 && r->cell[0].a == r->cell[0].b && r->cell[0].ta == r->cell[0].tb;
}

void src_cell_put(const char *s, const src_cell *c, src_nbuf *b, uint64_t base) {
  size_t run = c->a;
  if (c->quoted) {
    for (size_t i = c->a; i < c->b; i++) {
      if (s[i] != '"') continue;                          /* a doubled quote stands for one */
      src_nb_put(b, s + run, i + 1 - run, base + run);
      run = i + 2;
      i++;
    }
  }
  if (c->b > run) src_nb_put(b, s + run, c->b - run, base + run);
  if (c->tb > c->ta) src_nb_put(b, s + c->ta, c->tb - c->ta, base + c->ta);
  src_nb_mark(b, base + (c->tb > c->ta ? c->tb : c->b));
}

int src_cell_is(const char *s, const src_cell *c, const char *text) {
  size_t n = strlen(text);
  return !c->quoted && c->ta == c->tb && c->b - c->a == n && src_caseeq(s + c->a, text, n);
}
