/*
** textmeta.c: what a text says about itself, and a document's metadata put together. The title and
** the date a .txt/.md text states in its first lines (a heading, a short first line, "Date: ...", a
** dateline; dates.c reads the dates), and the assembly of title, date, the file name's fields
** (namemeta.c), the document's own fields and the sidecar's columns in a stable order, the sidecar
** winning; last the language (lang.c tells it) when none of them gave one.
*/
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

/* {====================================================================== small helpers */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

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
    if (n <= ll || !src_caseeq(s, labels[k], ll)) continue;
    src_trim(s, &a, &b);
    return src_parse_date(s + a, b - a, iso);
  }
  if (!n || !(is_alpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80)) return 0;
  for (size_t i = 1; i < n && i <= SRC_PLACE_MAX; i++) {
    if (is_digit((unsigned char)s[i])) return 0;
    if (s[i] != ',') continue;
    size_t a = i + 1, b = n;
    src_trim(s, &a, &b);
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
      src_trim(s, &a, &b);
      src_trim(s, &ta, &tb);
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
    if (strlen(words[k]) == w && src_caseeq(s + a, words[k], w)) return 1;
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
  src_trim(t, &a, &b);
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
  src_trim(t, a, b);
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
    src_trim(t, &a, &b);
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

/* Fills d->meta: title and date from the text when from_text, then the fields of the file's name
** (namemeta.c), then fields (the document's own: JSON, CoNLL-U, VRT), then the sidecar's row for
** d->name, each later one winning; "date_from" says which gave the date ("text", "file name",
** "document", "metadata.tsv" or "metadata.csv"); then the language detected when none gave "lang".
** Returns 0, or -1 when out of memory. */
/* Whether m has a field key (any value). */
static int has_key(const src_kvb *m, const char *key) {
  for (size_t i = 0; m && i < m->n; i++)
    if (strcmp(m->e[i].key, key) == 0) return 1;
  return 0;
}

static int doc_meta(src_loader *L, src_doc *d, int from_text, const src_kvb *fields) {
  src_ctx *c = L->c;
  src_kvb m;
  int r = 0;
  const char *date_from = NULL;      /* which source gave the date, the last one winning */
  memset(&m, 0, sizeof m);
  if (from_text) {
    const char *title;
    size_t tl;
    char date[11];
    src_text_meta(d, &title, &tl, date);
    if (title) r |= src_kvb_put(&m, "title", 5, title, tl, 1);
    if (date[0]) r |= src_kvb_put(&m, "date", 4, date, 10, 1);
    if (date[0]) date_from = "text";
  }
  if (d->name) {                                      /* the file name over the text */
    src_kvb names;
    memset(&names, 0, sizeof names);
    r |= src_name_meta(L, d->name, &names);
    for (size_t i = 0; i < names.n; i++)
      r |= src_kvb_put(&m, names.e[i].key, strlen(names.e[i].key), names.e[i].value, strlen(names.e[i].value), 1);
    if (has_key(&names, "date")) date_from = "file name";
    src_kvb_free(&names);
  }
  for (size_t i = 0; fields && i < fields->n; i++)
    r |= src_kvb_put(&m, fields->e[i].key, strlen(fields->e[i].key), fields->e[i].value,
                     strlen(fields->e[i].value), 1);
  if (has_key(fields, "date")) date_from = "document";
  const side_row *row = src_sidecar_row(c, d->name);
  if (row) {
    for (size_t k = 0; k < c->ncols; k++) {
      const char *v = row->cell[k];
      if (v) r |= src_kvb_put(&m, c->cols[k], strlen(c->cols[k]), v, strlen(v), 1);
      if (v && strcmp(c->cols[k], "date") == 0) date_from = c->side_name;
    }
  }
  /* a date written out ("November 19, 1990", "19 Nov. 1990") is kept as ISO, so that dates sort;
  ** 1990 and 1990-11 stay as precise as they are */
  for (size_t i = 0; i < m.n; i++) {
    char iso[11];
    if (strcmp(m.e[i].key, "date") == 0 && strlen(m.e[i].value) != 10 &&
        src_parse_date(m.e[i].value, strlen(m.e[i].value), iso) == 1)
      r |= src_kvb_put(&m, "date", 4, iso, 10, 1);
  }
  /* where the date came from, unless a source says so itself */
  if (date_from && has_key(&m, "date") && !has_key(&m, "date_from"))
    r |= src_kvb_put(&m, "date_from", 9, date_from, strlen(date_from), 1);
  int has_lang = 0;
  for (size_t i = 0; i < m.n && !has_lang; i++) has_lang = strcmp(m.e[i].key, "lang") == 0;
  if (!has_lang) {
    const char *lang = src_detect_lang(d->text, d->len);
    r |= src_kvb_put(&m, "lang", 4, lang, strlen(lang), 1);
  }
  if (!r) r = flatten(&m, d);
  src_kvb_free(&m);
  return r ? -1 : 0;
}

const char *src_doc_lang(const src_doc *d) {
  for (size_t i = 0; i < d->nmeta; i++)
    if (strcmp(d->meta[i].key, "lang") == 0) return d->meta[i].value;
  return "und";
}

/* The parts every document shares: boilerplate lines (which the title finder skips), then
** metadata. */
int src_doc_finish(src_loader *L, src_doc *d, int from_text, const src_kvb *fields) {
  if (src_boiler_mark(L->c, d, &L->md)) return -1;
  return doc_meta(L, d, from_text, fields);
}

/* }====================================================================== */
