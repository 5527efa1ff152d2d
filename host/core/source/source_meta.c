/*
** source_meta.c: what the loader knows about documents beyond their text. The metadata sidecar
** (metadata.tsv, else metadata.csv, RFC 4180), the boilerplate rules (a table of defaults changed by
** boilerplate.lst) and the lines they mark, the title and date a text states in its first lines,
** and the assembly of a document's metadata in a stable order: title, date, .jsonl fields, then the
** sidecar's columns, the sidecar winning.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "source_int.h"

/* {====================================================================== small helpers */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Case-insensitive in ASCII only, whatever the locale. */
static int caseeq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) return 0;
  return 1;
}

/* Narrows [*a, *b) of s to leave out white space around it, NO-BREAK SPACE included. */
static void trim(const char *s, size_t *a, size_t *b) {
  for (;;) {
    if (*a < *b && (s[*a] == ' ' || s[*a] == '\t' || s[*a] == '\v' || s[*a] == '\f')) (*a)++;
    else if (*b - *a >= 2 && (unsigned char)s[*a] == 0xC2 && (unsigned char)s[*a + 1] == 0xA0) *a += 2;
    else break;
  }
  for (;;) {
    if (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t' || s[*b - 1] == '\v' || s[*b - 1] == '\f')) (*b)--;
    else if (*b - *a >= 2 && (unsigned char)s[*b - 2] == 0xC2 && (unsigned char)s[*b - 1] == 0xA0) *b -= 2;
    else break;
  }
}

/* }====================================================================== */

/* {====================================================================== the sidecar */

/* A record of the sidecar: owned cells, and the line it starts on. */
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

/* A TSV record: one line, cells split on tabs, each trimmed. */
static int tsv_record(const char *s, size_t len, size_t *pos, rec *r) {
  const char *nl = memchr(s + *pos, '\n', len - *pos);
  size_t e = nl ? (size_t)(nl - s) : len, a = *pos;
  for (size_t k = *pos;; k++) {
    if (k < e && s[k] != '\t') continue;
    size_t ca = a, cb = k;
    trim(s, &ca, &cb);
    if (rec_add(r, s + ca, cb - ca)) return -1;
    a = k + 1;
    if (k == e) break;
  }
  *pos = e + 1;
  return 0;
}

/* A CSV record (RFC 4180): quoted cells may hold commas, newlines and doubled quotes; unquoted cells
** are trimmed. Text after a closing quote is kept, as spreadsheets do. *broken: a quote never closed. */
static int csv_record(const char *s, size_t len, size_t *pos, uint32_t *line, rec *r, int *broken) {
  size_t i = *pos;
  char *buf = NULL;
  size_t bn = 0, bcap = 0;
  for (;;) {
    if (i < len && s[i] == '"') {
      bn = 0;
      for (i++;; i++) {
        if (i >= len) { *broken = 1; break; }
        if (s[i] == '"') {
          if (i + 1 < len && s[i + 1] == '"') i++;
          else { i++; break; }
        }
        if (s[i] == '\n') (*line)++;
        if (bn + 1 >= bcap) {
          bcap = bcap ? 2 * bcap : 64;
          char *nb = realloc(buf, bcap);
          if (!nb) { free(buf); return -1; }
          buf = nb;
        }
        buf[bn++] = s[i];
      }
      size_t a = i;
      while (i < len && s[i] != ',' && s[i] != '\n') i++;
      if (i > a) {
        if (bn + (i - a) + 1 >= bcap) {
          bcap = bn + (i - a) + 64;
          char *nb = realloc(buf, bcap);
          if (!nb) { free(buf); return -1; }
          buf = nb;
        }
        memcpy(buf + bn, s + a, i - a);
        bn += i - a;
      }
      if (rec_add(r, buf ? buf : "", bn)) { free(buf); return -1; }
    } else {
      size_t a = i, b;
      while (i < len && s[i] != ',' && s[i] != '\n') i++;
      b = i;
      trim(s, &a, &b);
      if (rec_add(r, s + a, b - a)) { free(buf); return -1; }
    }
    if (i < len && s[i] == ',') { i++; continue; }
    break;
  }
  free(buf);
  *pos = i + 1;
  return 0;
}

/* The next record; 1 when there is one, 0 at the end, -1 when out of memory. */
static int next_record(const char *s, size_t len, size_t *pos, uint32_t *line, int csv, rec *r,
                       int *broken) {
  rec_clear(r);
  *broken = 0;
  if (*pos >= len) return 0;
  r->line = *line;
  int e = csv ? csv_record(s, len, pos, line, r, broken) : tsv_record(s, len, pos, r);
  (*line)++;
  return e ? -1 : 1;
}

static int blank_record(const rec *r) { return r->n == 1 && r->cell[0][0] == '\0'; }

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
    if (*filecol == SIZE_MAX && strlen(h->cell[k]) == 4 && caseeq(h->cell[k], "file", 4)) *filecol = k;
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
  memset(&r, 0, sizeof r);
  size_t pos = 0, nhead = 0, filecol = 0, cap = 0;
  uint32_t line = 1;
  long *colmap = NULL;
  int broken, got, rc = 0;
  while ((got = next_record(s, len, &pos, &line, csv, &r, &broken)) > 0) {
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

void src_sidecar_check(src_ctx *c, const src_list *l) {
  for (size_t i = 0; i < c->nrows; i++) {
    const char *f = c->rows[i].file, *hash = strrchr(f, '#');
    size_t n = strlen(f);
    if (hash && hash - f > 6 && caseeq(hash - 6, ".jsonl", 6) && hash[1] && strspn(hash + 1, "0123456789") == strlen(hash + 1))
      n = (size_t)(hash - f);        /* "data.jsonl#7": the file must be there; the line is seen later */
    char *path = src_dupn(f, n);
    if (!path) return;
    int found = l->n && bsearch(path, l->f, l->n, sizeof *l->f, cmp_path) != NULL;
    free(path);
    unsigned char none = 0;
    if (!found && atomic_compare_exchange_strong(&c->used[i], &none, 2))
      src_warnf(c, c->side_name, "line %u: no document \"%s\" in the corpus, row unused", c->rows[i].line, f);
  }
}

void src_sidecar_take(src_ctx *c, const char *docname) {
  long row = c->nrows ? find_row(c, docname) : -1;
  unsigned char none = 0;
  if (row >= 0) atomic_compare_exchange_strong(&c->used[row], &none, 1);
}

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

/* {====================================================================== boilerplate */

/* Lines of web-page chrome, compared case-insensitively with the trimmed line. A corpus changes the
** list with boilerplate.lst. Prefix rules are for labels that carry text after them. */
static const struct { int kind; const char *text; } boiler_defaults[] = {
  { BP_EXACT, "Accessibility links" },
  { BP_EXACT, "Breaking News" },
  { BP_EXACT, "Skip to main content" },
  { BP_EXACT, "Skip to content" },
  { BP_EXACT, "Advertisement" },
  { BP_EXACT, "What do you think? Leave a respectful comment." },
  { BP_EXACT, "Note: Read our discussion guidelines before commenting." },
  { BP_EXACT, "Share this article" },
  { BP_EXACT, "Sign up for our newsletter" },
  { BP_EXACT, "Subscribe" },
  { BP_EXACT, "Print this page" },
  { BP_EXACT, "Email this story" },
  { BP_EXACT, "Comments" },
  { BP_PREFIX, "Related story:" },
  { BP_PREFIX, "Related stories:" },
  { BP_PREFIX, "Read more:" },
  { BP_PREFIX, "Comments (" },
  { BP_PREFIX, "Leave a comment" },
};

static int add_rule(src_ctx *c, size_t *cap, int kind, const char *text, size_t len, char *owned,
                    pcre2_code *re) {
  if (c->nrules == *cap) {
    size_t ncap = *cap ? 2 * *cap : 32;
    bp_rule *r = realloc(c->rules, ncap * sizeof *r);
    if (!r) return -1;
    c->rules = r;
    *cap = ncap;
  }
  bp_rule *r = &c->rules[c->nrules++];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->text = text;
  r->len = len;
  r->owned = owned;
  r->re = re;
  return 0;
}

/* One line of boilerplate.lst (trimmed, not a comment). Returns 0, or -1 when out of memory. */
static int lst_rule(src_ctx *c, size_t *cap, const char *s, size_t n, uint32_t line) {
  int kind = BP_EXACT;
  if (n >= 7 && memcmp(s, "prefix:", 7) == 0) { kind = BP_PREFIX; s += 7; n -= 7; }
  else if (n >= 3 && memcmp(s, "re:", 3) == 0) { kind = BP_REGEX; s += 3; n -= 3; }
  else if (s[0] == '!') { kind = -1; s++; n--; }
  size_t a = 0, b = n;
  trim(s, &a, &b);
  s += a;
  n = b - a;
  if (!n) {
    src_warnf(c, "boilerplate.lst", "line %u: empty rule, ignored", line);
    return 0;
  }
  if (kind < 0) {                      /* "!TEXT": take out the rules written so */
    int found = 0;
    for (size_t i = 0; i < c->nrules; i++) {
      if (c->rules[i].removed || c->rules[i].len != n || !caseeq(c->rules[i].text, s, n)) continue;
      c->rules[i].removed = found = 1;
    }
    if (!found) src_warnf(c, "boilerplate.lst", "line %u: no rule \"%.*s\" to remove, ignored", line, (int)n, s);
    return 0;
  }
  pcre2_code *re = NULL;
  if (kind == BP_REGEX) {
    int code;
    PCRE2_SIZE off;
    re = pcre2_compile((PCRE2_SPTR)s, n, PCRE2_UTF | PCRE2_CASELESS, &code, &off, NULL);
    if (!re) {
      PCRE2_UCHAR m[160];
      if (code == PCRE2_ERROR_NOMEMORY) return -1;
      pcre2_get_error_message(code, m, sizeof m);
      src_warnf(c, "boilerplate.lst", "line %u: bad regular expression (%s at offset %zu), rule ignored",
                line, (const char *)m, (size_t)off);
      return 0;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);   /* without JIT it still works, only slower */
    c->has_re = 1;
  }
  char *text = src_dupn(s, n);
  if (!text || add_rule(c, cap, kind, text, n, text, re)) {
    free(text);
    pcre2_code_free(re);
    return -1;
  }
  return 0;
}

static int read_lst(src_ctx *c, size_t *cap) {
  char *text;
  size_t len, pos = 0;
  uint32_t line = 0;
  int r = src_read_aux(c, "boilerplate.lst", &text, &len);
  if (r) return r < 0 ? -1 : 0;
  while (pos < len) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t e = nl ? (size_t)(nl - text) : len, a = pos, b = e;
    line++;
    pos = e + 1;
    trim(text, &a, &b);
    if (a == b || text[a] == '#') continue;
    if (lst_rule(c, cap, text + a, b - a, line)) { free(text); return -1; }
  }
  free(text);
  return 0;
}

int src_boiler_init(src_ctx *c) {
  size_t cap = 0;
  for (size_t i = 0; i < sizeof boiler_defaults / sizeof *boiler_defaults; i++)
    if (add_rule(c, &cap, boiler_defaults[i].kind, boiler_defaults[i].text,
                 strlen(boiler_defaults[i].text), NULL, NULL)) return -1;
  if (!c->root_file && read_lst(c, &cap)) return -1;
  memset(c->first, c->has_re, sizeof c->first);
  for (size_t i = 0; i < c->nrules; i++) {
    unsigned char f = (unsigned char)c->rules[i].text[0];
    if (c->rules[i].removed || c->rules[i].kind == BP_REGEX) continue;
    c->first[f] = c->first[lower(f)] = 1;
    if (f >= 'a' && f <= 'z') c->first[f - 32] = 1;
  }
  return 0;
}

void src_boiler_free(src_ctx *c) {
  for (size_t i = 0; i < c->nrules; i++) {
    free(c->rules[i].owned);
    pcre2_code_free(c->rules[i].re);
  }
  free(c->rules);
  c->rules = NULL;
  c->nrules = 0;
}

/* Does a trimmed line match a rule? 1, 0, or -1 when out of memory. */
static int rule_match(const src_ctx *c, const char *s, size_t n, pcre2_match_data **md) {
  for (size_t i = 0; i < c->nrules; i++) {
    const bp_rule *r = &c->rules[i];
    if (r->removed) continue;
    if (r->kind == BP_EXACT) {
      if (n == r->len && caseeq(s, r->text, n)) return 1;
    } else if (r->kind == BP_PREFIX) {
      if (n >= r->len && caseeq(s, r->text, r->len)) return 1;
    } else {
      if (!*md && !(*md = pcre2_match_data_create(1, NULL))) return -1;
      if (pcre2_match(r->re, (PCRE2_SPTR)s, n, 0, 0, *md, NULL) >= 0) return 1;
    }
  }
  return 0;
}

/* A label line ("Related story:") is followed by what it labels: a short line, not a sentence. */
static int labelled(const char *s, size_t n) {
  return n < SRC_FOLLOW_MAX && s[n - 1] != '.';
}

int src_boiler_mark(const src_ctx *c, src_doc *d, pcre2_match_data **md) {
  const char *t = d->text;
  size_t len = d->len, pos = 0, n = 0, cap = 0;
  uint32_t *b = NULL;
  int follow = 0;
  while (pos < len) {
    const char *nl = memchr(t + pos, '\n', len - pos);
    size_t e = nl ? (size_t)(nl - t) : len, ts = pos, te = e;
    trim(t, &ts, &te);
    if (te > ts) {
      int hit = 0, label = 0;
      if (follow) {
        follow = 0;
        hit = labelled(t + ts, te - ts);
      }
      if (!hit && te - ts <= SRC_BOILER_MAXLINE && c->first[(unsigned char)t[ts]]) {
        hit = rule_match(c, t + ts, te - ts, md);
        if (hit < 0) { free(b); return -1; }
        label = hit && t[te - 1] == ':';
      }
      if (hit) {
        if (n + 2 > cap) {
          cap = cap ? 2 * cap : 16;
          uint32_t *nb = realloc(b, cap * sizeof *nb);
          if (!nb) { free(b); return -1; }
          b = nb;
        }
        b[n++] = (uint32_t)pos;
        b[n++] = (uint32_t)e;
      }
      follow = label;
    }
    pos = e + 1;
  }
  d->boiler = b;
  d->nboiler = n / 2;
  return 0;
}

/* }====================================================================== */

/* {====================================================================== dates */

static const char *const month_names[12] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december"
};

/* A month at s[*i]: its full name, its first three letters, or "Sept", an abbreviation allowing a
** '.'; returns 1..12 with *i moved past it, or 0. */
static int month_at(const char *s, size_t n, size_t *i) {
  size_t a = *i, k = a;
  while (k < n && is_alpha((unsigned char)s[k])) k++;
  size_t w = k - a;
  for (int m = 0; m < 12; m++) {
    size_t full = strlen(month_names[m]);
    if (w < 3 || w > full || !caseeq(s + a, month_names[m], w)) continue;
    if (w < full && w != 3 && !(m == 8 && w == 4)) continue;
    if (w < full && k < n && s[k] == '.') k++;
    *i = k;
    return m + 1;
  }
  return 0;
}

/* From min to max digits at s[*i], not followed by another digit. */
static int number_at(const char *s, size_t n, size_t *i, int min, int max, int *v) {
  size_t k = *i;
  int x = 0;
  while (k < n && is_digit((unsigned char)s[k]) && (int)(k - *i) < max) x = 10 * x + (s[k++] - '0');
  if ((int)(k - *i) < min || (k < n && is_digit((unsigned char)s[k]))) return 0;
  *i = k;
  *v = x;
  return 1;
}

/* A day of the month, with an ordinal suffix allowed (19th). */
static int day_at(const char *s, size_t n, size_t *i, int *d) {
  if (!number_at(s, n, i, 1, 2, d)) return 0;
  static const char *const ord[] = { "st", "nd", "rd", "th" };
  for (int k = 0; k < 4; k++)
    if (*i + 2 <= n && caseeq(s + *i, ord[k], 2) && (*i + 2 == n || !is_alpha((unsigned char)s[*i + 2]))) {
      *i += 2;
      break;
    }
  return 1;
}

static int spaces(const char *s, size_t n, size_t *i) {
  size_t k = *i;
  while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
  if (k == *i) return 0;
  *i = k;
  return 1;
}

static int valid_date(int y, int m, int d) {
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (y < 1000 || m < 1 || m > 12 || d < 1) return 0;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap);
}

/* An optional comma, then white space: what separates the day or month from the year. */
static int before_year(const char *s, size_t n, size_t *i) {
  if (*i < n && s[*i] == ',') (*i)++;
  return spaces(s, n, i);
}

int src_parse_date(const char *s, size_t n, char iso[11]) {
  int y = 0, m = 0, d = 0, ok;
  size_t i = 0;
  if (n == 10 && s[4] == '-')         /* 2002-09-20 */
    ok = number_at(s, n, &i, 4, 4, &y) && s[i++] == '-' && number_at(s, n, &i, 2, 2, &m)
      && s[i++] == '-' && number_at(s, n, &i, 2, 2, &d);
  else if (n && is_digit((unsigned char)s[0]))   /* 19 November 1990 */
    ok = day_at(s, n, &i, &d) && spaces(s, n, &i) && (m = month_at(s, n, &i)) != 0
      && before_year(s, n, &i) && number_at(s, n, &i, 4, 4, &y);
  else                                /* November 19, 1990 */
    ok = (m = month_at(s, n, &i)) != 0 && spaces(s, n, &i) && day_at(s, n, &i, &d)
      && before_year(s, n, &i) && number_at(s, n, &i, 4, 4, &y);
  if (!ok || i != n) return 0;
  if (!valid_date(y, m, d)) return -1;
  const int v[3] = { y, m, d }, w[3] = { 4, 2, 2 };   /* YYYY-MM-DD, y having four digits */
  for (int k = 0, o = 0; k < 3; o += w[k] + 1, k++) {
    for (int x = v[k], q = w[k] - 1; q >= 0; q--, x /= 10) iso[o + q] = (char)('0' + x % 10);
    iso[o + w[k]] = k < 2 ? '-' : '\0';
  }
  return 1;
}

/* }====================================================================== */

/* {====================================================================== titles and dates of texts */

/* A line that states a date: the date alone, "Date: ..." and the like, or a dateline
** "Paris, 19 November 1990". 1 with the date in iso; -1 for a line shaped so, with a day the month
** does not have (no date, and no title either); 0 for any other line. */
static int date_line(const char *s, size_t n, char iso[11]) {
  static const char *const labels[] = { "date:", "dated:", "published:", "posted:" };
  int r = src_parse_date(s, n, iso);
  if (r) return r;
  for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
    size_t ll = strlen(labels[k]), a = ll, b = n;
    if (n <= ll || !caseeq(s, labels[k], ll)) continue;
    trim(s, &a, &b);
    return src_parse_date(s + a, b - a, iso);
  }
  if (!n || !(is_alpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80)) return 0;
  for (size_t i = 1; i < n && i <= SRC_PLACE_MAX; i++) {
    if (is_digit((unsigned char)s[i])) return 0;
    if (s[i] != ',') continue;
    size_t a = i + 1, b = n;
    trim(s, &a, &b);
    if ((r = src_parse_date(s + a, b - a, iso)) != 0) return r;
  }
  return 0;
}

/* "Title - 2002-09-20" (or with '|', an en or em dash): the length of the title before the date,
** with the date in iso (or "" when the day is not one of the month's); 0 when there is no such
** suffix. */
static size_t date_suffix(const char *s, size_t n, char iso[11]) {
  static const char *const seps[] = { "-", "|", "\xE2\x80\x93", "\xE2\x80\x94" };
  for (size_t p = n; p-- > 1;) {
    if (s[p] != ' ') continue;
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
      size_t sl = strlen(seps[k]);
      if (p + sl + 2 > n || memcmp(s + p + 1, seps[k], sl) != 0 || s[p + 1 + sl] != ' ') continue;
      size_t a = p + sl + 2, b = n, ta = 0, tb = p;
      trim(s, &a, &b);
      trim(s, &ta, &tb);
      int r = tb > 0 ? src_parse_date(s + a, b - a, iso) : 0;
      if (r < 0) iso[0] = '\0';
      if (r) return tb;
    }
  }
  return 0;
}

/* Words that end with a '.' without ending a sentence. */
static int abbrev_end(const char *s, size_t n) {
  static const char *const words[] = {
    "mr", "mrs", "ms", "dr", "jr", "sr", "st", "inc", "ltd", "co", "corp", "bros", "no", "vs", "etc",
    "gen", "gov", "sen", "rep", "pres", "prof", "rev", "mt", "ft", "ave", "dept", "univ", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"
  };
  size_t a = n - 1;                   /* the word: s[a, n - 1), the '.' left out */
  while (a > 0 && s[a - 1] != ' ') a--;
  size_t w = n - 1 - a;
  if (w == 0) return 0;
  if (memchr(s + a, '.', w)) return 1;                           /* U.S. M.S. */
  if (w == 1 && is_alpha((unsigned char)s[a])) return 1;         /* an initial */
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (strlen(words[k]) == w && caseeq(s + a, words[k], w)) return 1;
  return 0;
}

/* Could this line be a title: short, with letters, not a sentence (or a label) ending? */
static int title_like(const char *s, size_t n) {
  if (n == 0 || n >= SRC_TITLE_MAX) return 0;
  int letters = 0;
  for (size_t i = 0; i < n && !letters; i++) letters = is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
  char last = s[n - 1];
  if (!letters || last == ',' || last == ';' || last == ':') return 0;
  return last != '.' || abbrev_end(s, n);
}

/* The line after the one ending at e: is it blank (and really there)? */
static int blank_after(const char *t, size_t len, size_t e) {
  if (e >= len || e + 1 >= len) return 0;
  for (size_t k = e + 1; k < len; k++) {
    if (t[k] == '\n') return 1;
    if (t[k] != ' ' && t[k] != '\t') return 0;
  }
  return 0;
}

/* The line after the one ending at e: a setext underline "====="? */
static int underline_after(const char *t, size_t len, size_t e) {
  size_t k = e + 1, a, b, eq = 0;
  if (e >= len) return 0;
  const char *nl = memchr(t + k, '\n', len - k);
  a = k;
  b = nl ? (size_t)(nl - t) : len;
  trim(t, &a, &b);
  for (size_t i = a; i < b; i++) {
    if (t[i] != '=') return 0;
    eq++;
  }
  return eq >= 3;
}

/* A markdown heading "# Title #": the title's bounds, or 0. */
static int heading(const char *t, size_t *a, size_t *b) {
  size_t h = *a;
  while (h < *b && t[h] == '#') h++;
  if (h - *a < 1 || h - *a > 6 || (h < *b && t[h] != ' ' && t[h] != '\t')) return 0;
  size_t e = *b;
  while (e > h && t[e - 1] == '#') e--;
  if (e < *b && e > h && t[e - 1] != ' ' && t[e - 1] != '\t') e = *b;   /* "C#" keeps its '#' */
  *a = h;
  *b = e;
  trim(t, a, b);
  return *b > *a;
}

void src_text_meta(const src_doc *d, const char **title, size_t *tlen, char date[11]) {
  const char *t = d->text, *head = NULL, *plain = NULL;
  size_t len = d->len, pos = 0, bi = 0, hlen = 0, plen = 0, lines = 0;
  int first = 1;                      /* the next content line is the first one */
  char iso[11];
  date[0] = '\0';
  while (pos < len && pos < SRC_HEAD_BYTES && lines < SRC_HEAD_LINES) {
    size_t lim = len - pos < SRC_HEAD_BYTES ? len - pos : SRC_HEAD_BYTES;
    const char *nl = memchr(t + pos, '\n', lim);
    if (!nl && pos + lim < len) break;                 /* a line too long to be anything here */
    size_t s = pos, e = nl ? (size_t)(nl - t) : len, a = s, b = e;
    pos = e + 1;
    trim(t, &a, &b);
    if (a == b) continue;
    while (bi < d->nboiler && d->boiler[2 * bi + 1] <= s) bi++;
    if (bi < d->nboiler && d->boiler[2 * bi] <= s) continue;
    lines++;
    int dl = date_line(t + a, b - a, iso);
    if (dl) {
      if (dl > 0 && !date[0]) memcpy(date, iso, 11);
      continue;
    }
    int is_head = heading(t, &a, &b) || (first && underline_after(t, len, e));
    if (!is_head && !(first && blank_after(t, len, e) && title_like(t + a, b - a))) {
      first = 0;
      continue;
    }
    size_t n = date_suffix(t + a, b - a, iso);
    if (n && iso[0] && !date[0]) memcpy(date, iso, 11);
    if (!n) n = b - a;
    if (is_head && !head) { head = t + a; hlen = n; }
    if (!is_head && first) { plain = t + a; plen = n; }
    first = 0;
  }
  *title = head ? head : plain;
  *tlen = head ? hlen : plen;
}

/* }====================================================================== */

/* {====================================================================== a document's metadata */

/* Lays the list out in one block (the array, then its strings), title and date first. */
static int flatten(const src_kvb *m, src_doc *d) {
  size_t bytes = m->n * sizeof(src_kv), k = 0;
  if (!m->n) return 0;
  for (size_t i = 0; i < m->n; i++) bytes += strlen(m->e[i].key) + strlen(m->e[i].value) + 2;
  src_kv *kv = malloc(bytes);
  if (!kv) return -1;
  char *p = (char *)(kv + m->n);
  for (int pass = 0; pass < 3; pass++) {
    for (size_t i = 0; i < m->n; i++) {
      const char *key = m->e[i].key;
      int which = strcmp(key, "title") == 0 ? 0 : strcmp(key, "date") == 0 ? 1 : 2;
      if (which != pass) continue;
      size_t kl = strlen(key) + 1, vl = strlen(m->e[i].value) + 1;
      kv[k].key = memcpy(p, key, kl);
      p += kl;
      kv[k].value = memcpy(p, m->e[i].value, vl);
      p += vl;
      k++;
    }
  }
  d->meta = kv;
  d->nmeta = m->n;
  return 0;
}

int src_doc_meta(src_ctx *c, src_doc *d, int from_text, const src_kvb *fields) {
  src_kvb m;
  int r = 0;
  memset(&m, 0, sizeof m);
  if (from_text) {
    const char *title;
    size_t tl;
    char date[11];
    src_text_meta(d, &title, &tl, date);
    if (title) r |= src_kvb_put(&m, "title", 5, title, tl, 1);
    if (date[0]) r |= src_kvb_put(&m, "date", 4, date, 10, 1);
  }
  for (size_t i = 0; fields && i < fields->n; i++)
    r |= src_kvb_put(&m, fields->e[i].key, strlen(fields->e[i].key), fields->e[i].value,
                     strlen(fields->e[i].value), 1);
  long row = c->nrows ? find_row(c, d->name) : -1;
  if (row >= 0) {
    unsigned char none = 0;
    atomic_compare_exchange_strong(&c->used[row], &none, 1);
    for (size_t k = 0; k < c->ncols; k++) {
      const char *v = c->rows[row].cell[k];
      if (v) r |= src_kvb_put(&m, c->cols[k], strlen(c->cols[k]), v, strlen(v), 1);
    }
  }
  if (!r) r = flatten(&m, d);
  src_kvb_free(&m);
  return r ? -1 : 0;
}

/* }====================================================================== */
