/*
** annotate.c: the built-in tagger (core/tag) as the index builder's annotator (ix_annotator):
** each sentence the tokenizer found gets, per token, a Universal Dependencies part of speech
** ("pos"), a Penn Treebank tag ("xpos") and a lemma. lector_open passes it to ix_build when
** the corpus is to be annotated.
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

static int tagger_run(void *p, size_t n, const char *const *word, const uint32_t *len, const char **val,
                      uint32_t *vlen) {
  tagger_state *t = p;
  if (n > t->cap) {
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
  }
  if (tg_tag_sentence(t->st, n, word, len, t->upos, t->xpos, t->lemma, t->lemma_len)) return -1;
  const tg_model *m = tg_builtin();
  for (size_t i = 0; i < n; i++) {
    const char *u = tg_tag_name(m, TG_UPOS, t->upos[i]), *x = tg_tag_name(m, TG_XPOS, t->xpos[i]);
    val[3 * i] = u ? u : "X";
    vlen[3 * i] = (uint32_t)strlen(val[3 * i]);
    val[3 * i + 1] = x ? x : "XX";
    vlen[3 * i + 1] = (uint32_t)strlen(val[3 * i + 1]);
    val[3 * i + 2] = t->lemma[i];
    vlen[3 * i + 2] = t->lemma_len[i];
  }
  return 0;
}

const ix_annotator *lector_tagger_annotator(void) {
  /* pos and xpos are tag names (stable); the lemma follows from the word and its tag (keyed) */
  static ix_annotator a = { 3, names, tagger_new, tagger_free, tagger_run, NULL, 3, 4 };
  a.ud = tg_builtin();
  return &a;
}
