/*
** annotate.c: the built-in tagger (core/tag) as the index builder's annotator (ix_annotator):
** each sentence the tokenizer found gets, per token, a Universal Dependencies part of speech
** ("pos"), a Penn Treebank tag ("xpos") and a lemma. lector_open passes it to ix_build when
** the corpus is to be annotated; lector_tag gives the same to a caller's words (lector.h).
*/
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "tag/tag.h"

static const char *const names[] = { "pos", "xpos", "lemma" };

typedef struct tagger_state {
  tg_state *st;
  uint16_t *upos, *xpos;
  const char **lemma;
  uint32_t *lemma_len;
  size_t cap;
} tagger_state;

static void tagger_free(void *p) {
  tagger_state *t = p;
  if (!t) return;
  tg_state_free(t->st);
  free(t->upos); free(t->xpos); free(t->lemma); free(t->lemma_len);
  free(t);
}

static void *tagger_new(const void *ud) {
  tagger_state *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  if (!(t->st = tg_state_new(ud))) { free(t); return NULL; }
  return t;
}

/* Room for n tokens in t. Returns 0, or -1 when memory ran out. */
static int tagger_reserve(tagger_state *t, size_t n) {
  if (n <= t->cap) return 0;
  size_t cap = n + n / 2 + 16;
  uint16_t *u = realloc(t->upos, cap * sizeof *u);
  if (u) t->upos = u;
  uint16_t *x = realloc(t->xpos, cap * sizeof *x);
  if (x) t->xpos = x;
  const char **l = realloc(t->lemma, cap * sizeof *l);
  if (l) t->lemma = l;
  uint32_t *ll = realloc(t->lemma_len, cap * sizeof *ll);
  if (ll) t->lemma_len = ll;
  if (!u || !x || !l || !ll) return -1;
  t->cap = cap;
  return 0;
}

/* Tags the n words into t, then points pos[i * stride], xpos[...], lemma[...] at the results
** (their lengths in len_out[i * stride + 0, 1, 2] when len_out is not NULL). */
static int tag_words(tagger_state *t, size_t n, const char *const *word, const uint32_t *len,
                     const char **out, uint32_t *len_out, size_t stride) {
  if (tagger_reserve(t, n) ||
      tg_tag_sentence(t->st, n, word, len, t->upos, t->xpos, t->lemma, t->lemma_len))
    return -1;
  const tg_model *m = tg_builtin();
  for (size_t i = 0; i < n; i++) {
    const char *u = tg_tag_name(m, TG_UPOS, t->upos[i]), *x = tg_tag_name(m, TG_XPOS, t->xpos[i]);
    out[stride * i] = u ? u : "X";
    out[stride * i + 1] = x ? x : "XX";
    out[stride * i + 2] = t->lemma[i];
    if (len_out) {
      len_out[stride * i] = (uint32_t)strlen(out[stride * i]);
      len_out[stride * i + 1] = (uint32_t)strlen(out[stride * i + 1]);
      len_out[stride * i + 2] = t->lemma_len[i];
    }
  }
  return 0;
}

static int tagger_run(void *p, size_t n, const char *const *word, const uint32_t *len, const char **val,
                      uint32_t *vlen) {
  return tag_words(p, n, word, len, val, vlen, 3);
}

const ix_annotator *lector_tagger_annotator(void) {
  /* pos and xpos are tag names (stable); the lemma follows from the word and its tag (keyed) */
  static ix_annotator a = { 3, names, tagger_new, tagger_free, tagger_run, NULL, 3, 4 };
  a.ud = tg_builtin();
  return &a;
}

/* ------------------------------------------------------------------ lector_tag (lector.h) */

struct lector_tagger { tagger_state *t; const char **out; size_t cap; };

lector_tagger *lector_tagger_new(void) {
  lector_tagger *lt = calloc(1, sizeof *lt);
  if (lt && !(lt->t = tagger_new(tg_builtin()))) { free(lt); return NULL; }
  return lt;
}

void lector_tagger_free(lector_tagger *lt) {
  if (!lt) return;
  tagger_free(lt->t);
  free(lt->out);
  free(lt);
}

int lector_tag(lector_tagger *lt, size_t n, const char *const *word, const uint32_t *len,
               const char **pos, const char **xpos, const char **lemma, uint32_t *lemma_len) {
  if (3 * n > lt->cap) {
    const char **o = realloc(lt->out, 3 * (n + 16) * sizeof *o);
    if (!o) return -1;
    lt->out = o;
    lt->cap = 3 * (n + 16);
  }
  if (tag_words(lt->t, n, word, len, lt->out, NULL, 3)) return -1;
  for (size_t i = 0; i < n; i++) {
    pos[i] = lt->out[3 * i];
    xpos[i] = lt->out[3 * i + 1];
    lemma[i] = lt->out[3 * i + 2];
    lemma_len[i] = lt->t->lemma_len[i];
  }
  return 0;
}
