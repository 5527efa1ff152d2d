/*
** tagger.c: tagging a sentence. Each token's hashes are computed once; then, left to right, a
** token is given the class the tag dictionary fixes for it, or else the class with the highest sum
** of weights over its features (ties to the lower class), that sum seeing the classes already
** given to the two tokens before. The lemmas follow from the tags (lemma.c). A tg_state holds the
** scratch arrays, grown as sentences need and reused, so that tagging allocates nothing per token.
*/
#include <stdlib.h>

#include "tag_int.h"

struct tg_state {
  const tg_model *m;
  tg_tokh *tok;        /* n + 4: two boundary tokens on each side */
  uint8_t *cls;
  size_t cap;
  char *lbuf;
  size_t lcap;
};

tg_state *tg_state_new(const tg_model *m) {
  tg_state *st = calloc(1, sizeof *st);
  if (st) st->m = m;
  return st;
}

void tg_state_free(tg_state *st) {
  if (!st) return;
  free(st->tok);
  free(st->cls);
  free(st->lbuf);
  free(st);
}

/* Room for n tokens and lemma bytes. Returns 0, or -1 when memory ran out. */
static int reserve(tg_state *st, size_t n, size_t bytes) {
  if (n > st->cap) {
    size_t cap = st->cap ? st->cap : 64;
    while (cap < n) cap *= 2;
    tg_tokh *t = realloc(st->tok, (cap + 4) * sizeof *t);
    if (t) st->tok = t;
    uint8_t *c = realloc(st->cls, cap);
    if (c) st->cls = c;
    if (!t || !c) return -1;
    st->cap = cap;
  }
  if (bytes > st->lcap) {
    size_t cap = st->lcap ? st->lcap : 1024;
    while (cap < bytes) cap *= 2;
    char *b = realloc(st->lbuf, cap);
    if (!b) return -1;
    st->lbuf = b;
    st->lcap = cap;
  }
  return 0;
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* The class of token i by the weights. The features' slots, then their weights, are fetched
** ahead, all at once: the tables are larger than the caches, and a miss waited for one after
** the other was most of the time spent. */
static unsigned predict(const tg_model *m, const tg_tokh *tok, size_t i, unsigned p1, unsigned p2) {
  uint32_t keys[TG_NFEAT], val[TG_NFEAT];
  int32_t score[256];
  const tg_slot *slot = m->feat.slot;
  uint32_t mask = m->feat.mask;
  tg_features(keys, tok, i, p1, p2);
  for (int f = 0; f < TG_NFEAT; f++) PREFETCH(&slot[keys[f] & mask]);
  memset(score, 0, m->nclass * sizeof *score);
  for (int f = 0; f < TG_NFEAT; f++) {
    val[f] = tg_get(&m->feat, keys[f]);
    PREFETCH(m->ent + (val[f] >> 8));
  }
  for (int f = 0; f < TG_NFEAT; f++) {
    const uint32_t *e = m->ent + (val[f] >> 8), *end = e + (val[f] & 0xFF);
    for (; e < end; e++) score[*e >> 16] += (int16_t)(uint16_t)(*e & 0xFFFF);
  }
  unsigned best = 0;
  for (unsigned c = 1; c < m->nclass; c++)
    if (score[c] > score[best]) best = c;
  return best;
}

int tg_tag_sentence(tg_state *st, size_t n, const char *const *word, const uint32_t *len,
                    uint16_t *upos, uint16_t *xpos, const char **lemma, uint32_t *lemma_len) {
  const tg_model *m = st->m;
  size_t bytes = 0;
  for (size_t i = 0; i < n; i++) bytes += len[i];
  if (reserve(st, n, bytes + 1)) return -1;
  tg_tokh *tok = st->tok;
  tg_tok_bounds(tok);
  tok[1] = tok[0];
  tg_tok_bounds(tok + n + 2);
  tok[n + 2] = tok[n + 3];
  for (size_t i = 0; i < n; i++) tg_tok_hashes(&tok[i + 2], word[i], len[i]);
  unsigned p1 = TG_NOCLASS, p2 = TG_NOCLASS;
  for (size_t i = 0; i < n; i++) {
    uint32_t d = tg_get(&m->dict, tok[i + 2].exact);
    unsigned c = d ? d - 1 : predict(m, tok, i, p1, p2);
    st->cls[i] = (uint8_t)c;
    p2 = p1;
    p1 = c;
  }
  size_t w = 0;                        /* a lemma made by the rules is never longer than its word */
  for (size_t i = 0; i < n; i++) {
    unsigned c = st->cls[i];
    upos[i] = m->cls_upos[c];
    xpos[i] = m->cls_xpos[c];
    w += tg_lemma(m, xpos[i], word[i], len[i], st->lbuf + w, &lemma[i], &lemma_len[i]);
  }
  return 0;
}
