/*
** stats.c: the counts corpus linguists start from: frequency lists, co-occurrence counts around
** the hits of a node (for collocations), and n-gram counts. They count word classes: fold
** classes (case and quote variants together, the default) or surface types (exact). The
** association measures themselves are arithmetic on these counts, done by the caller.
**
** Everything here walks the token stream once, in position order, skipping the documents left
** out of the scope and, when asked, boilerplate lines; so the cost is that of reading the tokens
** in scope, and the memory that of one counter per class (or per distinct n-gram).
*/
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "corpus/corpus.h"
#include "lector.h"

/* ------------------------------------------------------------------ classes */

static int exact(int how) { return (how & 3) == LECTOR_MATCH_EXACT; }

/* The positional attribute whose values are the classes (how = LECTOR_CLASS_ATTR + k), or NULL. */
static const ix_pattr *attr_of(const ix_index *ix, int how) {
  if (how < LECTOR_CLASS_ATTR || (uint32_t)(how - LECTOR_CLASS_ATTR) >= ix->npattr) return NULL;
  return &ix->pattr[how - LECTOR_CLASS_ATTR];
}

uint32_t lector_nclasses(const lector_corpus *c, int how) {
  const ix_pattr *a = attr_of(c->ix, how);
  return a ? a->ntypes : exact(how) ? c->ix->ntypes : c->ix->nfolds;
}

/* The class of the token at pos: its type (ex 1), fold class (ex 0), or value of attribute a. */
static uint32_t class_of(const ix_index *ix, const ix_pattr *a, int ex, uint64_t pos) {
  if (a) return ix_pattr_id(a, pos);
  uint32_t t = ix_token(ix, pos);
  return ex ? t : ix->fold_of[t];
}

uint32_t lector_class_at(const lector_corpus *c, int how, uint32_t pos) {
  return class_of(c->ix, attr_of(c->ix, how), exact(how), pos);
}

const char *lector_class_form(const lector_corpus *c, int how, uint32_t id, size_t *len) {
  const ix_index *ix = c->ix;
  const ix_pattr *a = attr_of(ix, how);
  if (a) return ix_pattr_form(a, id, len);
  if (exact(how)) return ix_form(ix, id, len);
  if (len) *len = (size_t)(ix->fold_off[id + 1] - ix->fold_off[id] - 1);
  return ix->fold_forms + ix->fold_off[id];
}

int lector_class_is_word(const lector_corpus *c, int how, uint32_t id) {
  size_t len;
  const char *s = lector_class_form(c, how, id, &len);
  utf8proc_int32_t cp;
  if (len == 0 || utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp) < 0) return 0;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    return 1;
  default:
    return 0;
  }
}

/* ------------------------------------------------------------------ walking the scope */

/* The token ranges in scope, one after the other: documents kept by the scope, cut around
** boilerplate lines when the scope leaves them out. */
typedef struct range_walk {
  const ix_index *ix;
  const lector_scope *s;
  uint32_t doc;              /* the next document to look at */
  uint32_t pos, end;         /* what is left of the current document */
  uint32_t boiler;           /* the first boilerplate region that may still matter */
} range_walk;

static void walk_init(range_walk *w, const lector_corpus *c, const lector_scope *s) {
  memset(w, 0, sizeof *w);
  w->ix = c->ix;
  w->s = s;
}

/* The next range [*a, *b) in scope (never empty); 0 when there is none. */
static int walk_next(range_walk *w, uint32_t *a, uint32_t *b) {
  const ix_index *ix = w->ix;
  const ix_regions *bp = &ix->reg[IX_BOILER];
  for (;;) {
    while (w->pos >= w->end) {
      if (w->doc >= ix->ndocs) return 0;
      uint32_t d = w->doc++;
      if (w->s && w->s->docs && !w->s->docs[d]) continue;
      w->pos = ix->docs[d].first;
      w->end = ix->docs[d].first + ix->docs[d].ntok;
    }
    if (!w->s || !w->s->skip_boilerplate) {
      *a = w->pos; *b = w->end;
      w->pos = w->end;
      return 1;
    }
    while (w->boiler < bp->n && bp->end[w->boiler] <= w->pos) w->boiler++;
    uint32_t stop = w->end;
    if (w->boiler < bp->n && bp->start[w->boiler] < stop) {
      if (bp->start[w->boiler] <= w->pos) {           /* inside a boilerplate line: jump over it */
        w->pos = bp->end[w->boiler] < w->end ? bp->end[w->boiler] : w->end;
        continue;
      }
      stop = bp->start[w->boiler];
    }
    *a = w->pos; *b = stop;
    w->pos = stop;
    return 1;
  }
}

/* ------------------------------------------------------------------ frequency lists */

uint64_t lector_class_counts(const lector_corpus *c, const lector_scope *s, uint64_t *counts) {
  const ix_index *ix = c->ix;
  int ex = exact(s ? s->how : 0);
  const ix_pattr *at = attr_of(ix, s ? s->how : 0);
  if (!s || (!s->docs && !s->skip_boilerplate)) {    /* the whole corpus: the lexicon knows */
    if (at) for (uint32_t v = 0; v < at->ntypes; v++) counts[v] += at->freq[v];
    else for (uint32_t t = 0; t < ix->ntypes; t++) counts[ex ? t : ix->fold_of[t]] += ix->freq[t];
    return ix->ntokens;
  }
  range_walk w;
  walk_init(&w, c, s);
  uint64_t n = 0;
  uint32_t a, b;
  while (walk_next(&w, &a, &b)) {
    for (uint32_t p = a; p < b; p++) counts[class_of(ix, at, ex, p)]++;
    n += b - a;
  }
  return n;
}

/* ------------------------------------------------------------------ co-occurrence */

int64_t lector_cooccurrences(const lector_corpus *c, const lector_hits *node, const lector_window *win,
                             const lector_scope *s, uint64_t *counts) {
  const ix_index *ix = c->ix;
  int ex = exact(s ? s->how : 0);
  const ix_pattr *at = attr_of(ix, s ? s->how : 0);
  const ix_regions *bound = &ix->reg[win->within_sentence ? IX_SENT : IX_DOC];
  const ix_regions *bp = &ix->reg[IX_BOILER];
  uint32_t ri = 0, bi = 0;
  int64_t seen = 0;
  /* a token counts once however many hits have it in their window: the last hit that counted
  ** it is remembered per position through a moving high-water mark, as hits come in order */
  uint32_t covered = 0;                 /* positions below this were counted already */
  for (size_t i = 0; i < node->n; i++) {
    uint32_t hs = node->start[i], he = node->end[i];
    while (ri < bound->n && bound->end[ri] <= hs) ri++;
    if (ri >= bound->n || bound->start[ri] > hs) continue;     /* not in a region (cannot happen for docs) */
    uint32_t lo = bound->start[ri], hi = bound->end[ri];       /* [lo, hi) */
    uint32_t a = hs - lo > (uint32_t)win->left ? hs - (uint32_t)win->left : lo;
    uint32_t b = hi - 1 - he > (uint32_t)win->right ? he + (uint32_t)win->right + 1 : hi;
    if (s && s->docs && !s->docs[lector_doc_at(c, hs)]) continue;
    for (uint32_t p = a > covered ? a : covered; p < b; p++) {
      if (p >= hs && p <= he) continue;                        /* the node itself */
      if (s && s->skip_boilerplate) {
        while (bi < bp->n && bp->end[bi] <= p) bi++;
        if (bi < bp->n && bp->start[bi] <= p) continue;
      }
      counts[class_of(ix, at, ex, p)]++;
      seen++;
    }
    if (b > covered) covered = b;
  }
  return seen;
}

/* ------------------------------------------------------------------ n-grams */

/* An open-addressing table of n-grams: keys are n class ids, kept in one array. */
typedef struct gram_table {
  int n;
  size_t cap, used;                     /* cap a power of two */
  uint32_t *keys;                       /* cap * n */
  uint64_t *count;                      /* cap; 0 = empty slot */
} gram_table;

static uint64_t gram_hash(const uint32_t *k, int n) {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < n; i++) { h ^= k[i]; h *= 0xff51afd7ed558ccdull; h ^= h >> 32; }
  return h;
}

static int gram_grow(gram_table *t) {
  size_t ncap = t->cap ? t->cap * 2 : 1024;
  uint32_t *keys = malloc(ncap * (size_t)t->n * sizeof *keys);
  uint64_t *count = calloc(ncap, sizeof *count);
  if (!keys || !count) { free(keys); free(count); return -1; }
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->count[i]) continue;
    const uint32_t *k = t->keys + i * (size_t)t->n;
    size_t j = gram_hash(k, t->n) & (ncap - 1);
    while (count[j]) j = (j + 1) & (ncap - 1);
    memcpy(keys + j * (size_t)t->n, k, (size_t)t->n * sizeof *k);
    count[j] = t->count[i];
  }
  free(t->keys); free(t->count);
  t->keys = keys; t->count = count; t->cap = ncap;
  return 0;
}

static int gram_add(gram_table *t, const uint32_t *k) {
  if ((t->used + 1) * 4 > t->cap * 3 && gram_grow(t)) return -1;
  size_t j = gram_hash(k, t->n) & (t->cap - 1);
  while (t->count[j]) {
    if (memcmp(t->keys + j * (size_t)t->n, k, (size_t)t->n * sizeof *k) == 0) { t->count[j]++; return 0; }
    j = (j + 1) & (t->cap - 1);
  }
  memcpy(t->keys + j * (size_t)t->n, k, (size_t)t->n * sizeof *k);
  t->count[j] = 1;
  t->used++;
  return 0;
}

typedef struct gram { uint64_t count; uint32_t ids[LECTOR_NGRAM_MAX]; } gram;

static int cmp_gram(const void *a, const void *b) {
  const gram *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  for (int i = 0; i < LECTOR_NGRAM_MAX; i++)
    if (x->ids[i] != y->ids[i]) return x->ids[i] < y->ids[i] ? -1 : 1;
  return 0;
}

int lector_ngrams(const lector_corpus *c, int n, int words_only, const lector_scope *s, lector_ngram_list *out) {
  memset(out, 0, sizeof *out);
  if (n < 1 || n > LECTOR_NGRAM_MAX) return -1;
  const ix_index *ix = c->ix;
  int ex = exact(s ? s->how : 0);
  const ix_pattr *at = attr_of(ix, s ? s->how : 0);
  uint8_t *word = NULL;
  if (words_only) {                     /* which classes are words, decided once per class */
    uint32_t nc = lector_nclasses(c, s ? s->how : 0);
    word = malloc(nc ? nc : 1);
    if (!word) return -1;
    for (uint32_t k = 0; k < nc; k++) word[k] = (uint8_t)lector_class_is_word(c, s ? s->how : 0, k);
  }
  gram_table t = { .n = n };
  const ix_regions *sent = &ix->reg[IX_SENT];
  uint32_t si = 0;
  range_walk w;
  walk_init(&w, c, s);
  uint32_t a, b, key[LECTOR_NGRAM_MAX];
  int rc = 0;
  while (rc == 0 && walk_next(&w, &a, &b)) {
    /* n-grams stay inside a sentence and inside the range */
    uint32_t p = a;
    while (p < b && rc == 0) {
      while (si < sent->n && sent->end[si] <= p) si++;
      uint32_t stop = b;
      if (si < sent->n) {
        if (sent->start[si] <= p) { if (sent->end[si] < stop) stop = sent->end[si]; }
        else if (sent->start[si] < stop) stop = sent->start[si];
      }
      int run = 0;                      /* tokens in a row usable as the end of a gram */
      for (; p < stop; p++) {
        uint32_t k = class_of(ix, at, ex, p);
        if (word && !word[k]) { run = 0; continue; }
        memmove(key, key + 1, (size_t)(n - 1) * sizeof *key);
        key[n - 1] = k;
        if (++run >= n && gram_add(&t, key)) { rc = -1; break; }
      }
    }
  }
  free(word);
  if (rc) { free(t.keys); free(t.count); return -1; }
  /* rank the table into the list: by count, then by ids, which follow the forms' byte order */
  gram *all = malloc((t.used ? t.used : 1) * sizeof *all);
  out->ids = malloc((t.used ? t.used : 1) * (size_t)n * sizeof *out->ids);
  out->count = malloc((t.used ? t.used : 1) * sizeof *out->count);
  if (!all || !out->ids || !out->count) {
    free(all); free(out->ids); free(out->count); free(t.keys); free(t.count);
    memset(out, 0, sizeof *out);
    return -1;
  }
  size_t m = 0;
  for (size_t i = 0; i < t.cap; i++) {
    if (!t.count[i]) continue;
    memset(all[m].ids, 0, sizeof all[m].ids);
    memcpy(all[m].ids, t.keys + i * (size_t)n, (size_t)n * sizeof *all[m].ids);
    all[m++].count = t.count[i];
  }
  free(t.keys); free(t.count);
  if (m > 1) qsort(all, m, sizeof *all, cmp_gram);
  out->n = n;
  out->len = m;
  for (size_t i = 0; i < m; i++) {
    memcpy(out->ids + i * (size_t)n, all[i].ids, (size_t)n * sizeof *out->ids);
    out->count[i] = all[i].count;
  }
  free(all);
  return 0;
}

void lector_ngram_list_free(lector_ngram_list *l) {
  free(l->ids);
  free(l->count);
  memset(l, 0, sizeof *l);
}
