/*
** search.c: words and phrases found through the postings (lector_search).
** The text is tokenized like the corpus; each of its tokens becomes a term, the set of types it
** matches (folded, exact or loose). The rarest term drives: its postings give candidate starts,
** and the other terms are checked in place, on the token stream (a type-set test) or, for parts of
** hyphen compounds, with a forward-only cursor on their part postings. A match may not cross a
** document boundary. Counting a single word with no filter is a sum of frequencies.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "text/text.h"

/* ------------------------------------------------------------------ hit lists */

void lector_hits_init(lector_hits *h) { memset(h, 0, sizeof *h); }

void lector_hits_free(lector_hits *h) {
  free(h->start);
  free(h->end);
  free(h->target);
  memset(h, 0, sizeof *h);
}

int lector_hits_push(lector_hits *h, uint32_t start, uint32_t end) {
  if (h->n == h->cap) {
    size_t cap = h->cap ? h->cap * 2 : 64;
    uint32_t *s = realloc(h->start, cap * sizeof *s);
    if (!s) return -1;
    h->start = s;
    uint32_t *e = realloc(h->end, cap * sizeof *e);
    if (!e) return -1;
    h->end = e;
    if (h->target) {
      uint32_t *t = realloc(h->target, cap * sizeof *t);
      if (!t) return -1;
      h->target = t;
    }
    h->cap = cap;
  }
  h->start[h->n] = start;
  h->end[h->n] = end;
  if (h->target) h->target[h->n] = LECTOR_NO_TARGET;
  h->n++;
  return 0;
}

int lector_hits_push_target(lector_hits *h, uint32_t start, uint32_t end, uint32_t target) {
  if (!h->target && h->cap) {
    h->target = malloc(h->cap * sizeof *h->target);
    if (!h->target) return -1;
    for (size_t i = 0; i < h->n; i++) h->target[i] = LECTOR_NO_TARGET;
  }
  if (!h->target && !h->cap) {
    if (lector_hits_push(h, start, end)) return -1;   /* allocates cap */
    h->n--;
    h->target = malloc(h->cap * sizeof *h->target);
    if (!h->target) return -1;
  }
  if (lector_hits_push(h, start, end)) return -1;
  h->target[h->n - 1] = target;
  return 0;
}

/* ------------------------------------------------------------------ terms */

typedef struct term {
  uint32_t *ids;             /* sorted */
  size_t n;
  uint8_t *bits;             /* the same set, a bit per type id: checks in place stay in cache */
  uint64_t freq;             /* whole-token and part occurrences together */
  /* a merge of the cursors of all ids, for driving */
  ix_cursor *cur;
  int *live;
  /* the part cursors, for checking in place */
  ix_cursor *pcur;
  int *plive;
} term;

static void term_free(term *t) {
  free(t->ids); free(t->bits); free(t->cur); free(t->live); free(t->pcur); free(t->plive);
}

static int has_id(const term *t, uint32_t id) {
  return (t->bits[id >> 3] >> (id & 7)) & 1;
}

/* Where a term of a phrase may match a part of a compound: anywhere (a phrase of one word: "led"
** finds U.S.-led), only as the compound's last part (the first word: "led war" in "U.S.-led war"),
** only as its first part (the last word: "the U.S." in "the U.S.-led"), or never (a middle word,
** which would have to touch both neighbours). "of the" is not in "of Copernicus-the-astronomer". */
enum { EDGE_ANY, EDGE_LAST, EDGE_FIRST, EDGE_NONE };

static int edge_of(size_t i, size_t k) {
  return k == 1 ? EDGE_ANY : i == 0 ? EDGE_LAST : i == k - 1 ? EDGE_FIRST : EDGE_NONE;
}

typedef struct edge_parts { const char *first, *last; size_t nfirst, nlast; } edge_parts;

static void note_part(void *ud, const char *s, size_t n) {
  edge_parts *e = ud;
  if (!e->first) { e->first = s; e->nfirst = n; }
  e->last = s;
  e->nlast = n;
}

/* Is the compound at pos's first or last part (edge) one of term t's types? */
static int part_on_edge(const ix_index *ix, const term *t, uint32_t pos, int edge) {
  if (edge == EDGE_ANY) return 1;
  if (edge == EDGE_NONE) return 0;
  size_t len;
  const char *form = ix_form(ix, ix_token(ix, pos), &len);
  edge_parts e = { NULL, NULL, 0, 0 };
  tx_compound_parts(form, len, note_part, &e);
  const char *p = edge == EDGE_FIRST ? e.first : e.last;
  uint32_t id = p ? ix_lookup(ix, p, edge == EDGE_FIRST ? e.nfirst : e.nlast) : IX_NONE;
  return id != IX_NONE && has_id(t, id);
}

/* Does term t match at pos: the token there, or (with parts) a part of the compound there, on
** the edge its place in the phrase asks for? */
static int term_at(const ix_index *ix, term *t, uint32_t pos, int parts, int edge) {
  if (has_id(t, ix_token(ix, pos))) return 1;
  if (!parts || edge == EDGE_NONE) return 0;
  for (size_t i = 0; i < t->n; i++) {
    if (!t->plive[i]) continue;
    if (!ix_cursor_seek(&t->pcur[i], pos)) { t->plive[i] = 0; continue; }
    if (t->pcur[i].cur == pos) return part_on_edge(ix, t, pos, edge);
  }
  return 0;
}

/* The driver: the next position of any of the term's lists (whole and, with parts, part lists),
** in ascending order; a position found in several lists comes once. */
static int drive_open(const ix_index *ix, term *t, int parts) {
  size_t k = t->n * (parts ? 2 : 1);
  t->cur = malloc((k ? k : 1) * sizeof *t->cur);
  t->live = malloc((k ? k : 1) * sizeof *t->live);
  if (!t->cur || !t->live) return -1;
  for (size_t i = 0; i < k; i++) {
    const ix_plist *pl = i < t->n ? &ix->post : &ix->part;
    ix_cursor_open(&t->cur[i], pl, t->ids[i % t->n]);
    t->live[i] = ix_cursor_next(&t->cur[i]);
  }
  return 0;
}

static int drive_next(term *t, int parts, uint32_t *pos) {
  size_t k = t->n * (parts ? 2 : 1), best = k;
  for (size_t i = 0; i < k; i++)
    if (t->live[i] && (best == k || t->cur[i].cur < t->cur[best].cur)) best = i;
  if (best == k) return 0;
  *pos = t->cur[best].cur;
  for (size_t i = 0; i < k; i++)            /* step every list that stands on this position */
    if (t->live[i] && t->cur[i].cur == *pos) t->live[i] = ix_cursor_next(&t->cur[i]);
  return 1;
}

/* The term of one query token; returns -1 when out of memory. */
static int term_make(lector_corpus *c, const char *w, size_t len, int how, term *t) {
  memset(t, 0, sizeof *t);
  size_t n = lector_types_matching(c, w, len, how, NULL, 0);
  t->ids = malloc((n ? n : 1) * sizeof *t->ids);
  t->pcur = malloc((n ? n : 1) * sizeof *t->pcur);
  t->plive = malloc((n ? n : 1) * sizeof *t->plive);
  if (!t->ids || !t->pcur || !t->plive) return -1;
  t->n = lector_types_matching(c, w, len, how, t->ids, n);
  const ix_index *ix = c->ix;
  t->bits = calloc(ix->ntypes / 8 + 1, 1);
  if (!t->bits) return -1;
  for (size_t i = 0; i < t->n; i++) t->bits[t->ids[i] >> 3] |= (uint8_t)(1u << (t->ids[i] & 7));
  for (size_t i = 0; i < t->n; i++) {
    t->freq += ix->freq[t->ids[i]];
    ix_cursor_open(&t->pcur[i], &ix->part, t->ids[i]);
    t->plive[i] = 1;
    if (how & LECTOR_MATCH_PARTS) t->freq += ix->part.count[t->ids[i]];
  }
  return 0;
}

static int cmp_u32(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return a < b ? -1 : a > b;
}

/* The part postings of all of a term's types, ascending, in a new array (*n of them), or NULL. */
static uint32_t *part_positions(const ix_index *ix, const term *t, size_t *n) {
  size_t total = 0, k = 0;
  for (size_t i = 0; i < t->n; i++) total += ix->part.count[t->ids[i]];
  uint32_t *pos = malloc((total ? total : 1) * sizeof *pos);
  if (!pos) return NULL;
  for (size_t i = 0; i < t->n; i++) {
    ix_cursor c;
    ix_cursor_open(&c, &ix->part, t->ids[i]);
    while (ix_cursor_next(&c)) pos[k++] = c.cur;
  }
  if (k > 1) qsort(pos, k, sizeof *pos, cmp_u32);
  *n = k;
  return pos;
}

/* The count of the two-word phrase "a b" from the pair table, when each term is one whole fold
** class of frequent words, else -1 (or -2: out of memory). The table counts whole tokens; with
** parts, a match may also have a compound ending in a at p (then b whole or beginning the
** compound at p + 1), or a whole a at p and a compound beginning with b at p + 1: those few come
** from the part postings. */
static int64_t pair_count(const ix_index *ix, term *a, term *b, int parts) {
  term *t[2] = { a, b };
  uint32_t cls[2];
  for (int i = 0; i < 2; i++) {
    if (!t[i]->n) return -1;
    cls[i] = ix->fold_of[t[i]->ids[0]];
    if (ix->fold_mem_off[cls[i] + 1] - ix->fold_mem_off[cls[i]] != t[i]->n) return -1;
  }
  int64_t n = ix_pair_count(ix, cls[0], cls[1]);
  if (n < 0 || !parts) return n;
  for (int side = 0; side < 2; side++) {
    size_t np;
    uint32_t *pos = part_positions(ix, t[side], &np), doc = 0;
    if (!pos) return -2;
    for (size_t i = 0; i < np; i++) {
      uint32_t p = side == 0 ? pos[i] : pos[i] - 1;          /* where the phrase starts */
      if ((side == 1 && pos[i] == 0) || p + 1 >= ix->ntokens) continue;
      doc = ix_doc_from(ix, doc, p);
      if (p + 1 >= ix->docs[doc].first + ix->docs[doc].ntok) continue;
      if (side == 0) {                  /* a ends the compound at p (the dearer test last) */
        n += term_at(ix, b, p + 1, 1, EDGE_FIRST) && part_on_edge(ix, a, p, EDGE_LAST);
      } else if (has_id(a, ix_token(ix, p))) {               /* a whole (a part: side 0 had it) */
        n += part_on_edge(ix, b, p + 1, EDGE_FIRST);
      }
    }
    free(pos);
  }
  return n;
}

/* ------------------------------------------------------------------ search */

int64_t lector_search(lector_corpus *c, const char *text, size_t len, const lector_scope *s,
                      lector_hits *h, char *err, size_t errlen) {
  static const lector_scope none = { 0, 0, NULL, 0 };
  if (!s) s = &none;
  const ix_index *ix = c->ix;
  int parts = (s->how & LECTOR_MATCH_PARTS) != 0;
  tx_doc q;
  tx_init(&q);
  term *terms = NULL;
  int64_t found = -1;
  if (tx_tokenize_words_lang(&q, text, len, c->lang)) { snprintf(err, errlen, "out of memory"); goto done; }
  if (q.ntok == 0) { snprintf(err, errlen, "nothing to search for: \"%.*s\" has no tokens", (int)(len > 60 ? 60 : len), text); goto done; }
  terms = calloc(q.ntok, sizeof *terms);
  if (!terms) { snprintf(err, errlen, "out of memory"); goto done; }
  size_t k = q.ntok, driver = 0;
  for (size_t i = 0; i < k; i++) {
    if (term_make(c, text + q.tok[i].start, q.tok[i].len, s->how, &terms[i])) {
      snprintf(err, errlen, "out of memory");
      goto done;
    }
    if (terms[i].freq < terms[driver].freq) driver = i;
  }
  found = 0;
  if (terms[driver].freq == 0) goto done;

  /* a single word, nothing to filter, nothing to list: the frequencies say it all */
  if (k == 1 && !h && !s->skip_boilerplate && !s->docs && !s->limit) {
    found = (int64_t)terms[0].freq;
    goto done;
  }

  /* two frequent words, counted: the pair table knows (index/pairs.c) */
  if (k == 2 && !h && !s->skip_boilerplate && !s->docs && !s->limit &&
      (s->how & ~LECTOR_MATCH_PARTS) == LECTOR_MATCH_FOLD) {
    int64_t n = pair_count(ix, &terms[0], &terms[1], parts);
    if (n == -2) { snprintf(err, errlen, "out of memory"); found = -1; goto done; }
    if (n >= 0) { found = n; goto done; }
  }

  term *d = &terms[driver];
  if (drive_open(ix, d, parts)) { snprintf(err, errlen, "out of memory"); found = -1; goto done; }
  const ix_regions *boil = &ix->reg[IX_BOILER];
  uint32_t bi = 0;                       /* the first boilerplate region that may still matter */
  uint32_t doc = 0, doc_end = 0;         /* the document of the last candidate */
  uint32_t pos;
  while (drive_next(d, parts, &pos)) {
    if (pos < driver) continue;
    uint32_t start = pos - (uint32_t)driver, end = start + (uint32_t)k - 1;
    if (end >= ix->ntokens) break;
    if (start >= doc_end || start < ix->docs[doc].first) {
      doc = ix_doc_from(ix, doc, start);
      doc_end = ix->docs[doc].first + ix->docs[doc].ntok;
    }
    if (end >= doc_end) continue;
    if (s->docs && !s->docs[doc]) continue;
    int ok = 1;
    for (size_t i = 0; i < k && ok; i++)
      if (i != driver) ok = term_at(ix, &terms[i], start + (uint32_t)i, parts, edge_of(i, k));
    /* the driver came from a part list: on the right edge of its compound? (dearer, so last) */
    if (ok && !has_id(d, ix_token(ix, pos))) ok = part_on_edge(ix, d, pos, edge_of(driver, k));
    if (!ok) continue;
    if (s->skip_boilerplate) {
      while (bi < boil->n && boil->end[bi] <= start) bi++;
      if (bi < boil->n && boil->start[bi] <= end) continue;
    }
    if (h && lector_hits_push(h, start, end)) { snprintf(err, errlen, "out of memory"); found = -1; goto done; }
    found++;
    if (s->limit && (uint64_t)found >= s->limit) break;
  }
done:
  if (terms) {
    for (size_t i = 0; i < q.ntok; i++) term_free(&terms[i]);
    free(terms);
  }
  tx_free(&q);
  return found;
}
