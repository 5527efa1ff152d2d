/*
** tagacc.c: the tagger's accuracy on a held-out treebank, scored as the CoNLL 2018 UD scorer does.
**   build/tagacc FILE.conllu[.gz]          (make accuracy runs it on each treebank of bench/accuracy/)
** Each sentence's text is rebuilt from its tokens and SpaceAfter=No, tokenized by lector's own
** tokenizer (tx_tokenize_words) and tagged; a gold word counts as right when a lector token has
** exactly its character span and the right tag (or lemma). The words of a multiword token
** ("don't" = do + n't) get spans when their forms spell it, and count as unaligned otherwise.
** Also: the accuracy on the gold tokens (the tagger alone), the share of gold words aligned one
** to one, the classes of the misalignments with examples, and the speed of tagging.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conllu.h"
#include "tag/tag.h"
#include "text/text.h"

#define NCLASS 64
#define NEXAMPLE 4

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) { fprintf(stderr, "tagacc: out of memory\n"); exit(1); }
  return p;
}

/* {====================================================================== misalignment classes */

typedef struct mclass { char name[64]; size_t count, nex; char ex[NEXAMPLE][64]; } mclass;
static mclass cls[NCLASS];
static size_t ncls;

static int has(const char *s, size_t n, const char *set) {
  for (size_t i = 0; i < n; i++) if (strchr(set, s[i])) return 1;
  return 0;
}

static int alnum(unsigned c) { return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80; }

/* What kind of text s[0..n) is, for a class name. */
static const char *kind(const char *s, size_t n) {
  char t[256];
  size_t k = n < sizeof t - 1 ? n : sizeof t - 1;
  memcpy(t, s, k);
  t[k] = '\0';
  if (strstr(t, "://") || strstr(t, "www.") || (strchr(t, '@') && strchr(t, '.'))) return "URL/e-mail";
  int letters = 0;
  for (size_t i = 0; i < k; i++) letters += alnum((unsigned char)t[i]);
  if (!letters) return "punctuation/emoticon";
  for (size_t i = 1; i + 1 < k; i++) if (t[i] == '-' && alnum((unsigned char)t[i - 1])) return "hyphen compound";
  if (has(t, k, "'") || strstr(t, "\xE2\x80\x99")) return "apostrophe";
  if (has(t, k, "/")) return "slash";
  if (has(t, k, "0123456789")) return "number";
  if (has(t, k, ".")) return "period/abbreviation";
  if (has(t, k, "-")) return "hyphen";
  return "other";
}

static void count(const char *dir, const char *what, const char *ex, size_t exn) {
  char name[64];
  snprintf(name, sizeof name, "%s: %s", dir, what);
  size_t i;
  for (i = 0; i < ncls && strcmp(cls[i].name, name); i++) {}
  if (i == ncls) {
    if (ncls == NCLASS) return;
    snprintf(cls[ncls++].name, sizeof cls->name, "%s", name);
  }
  cls[i].count++;
  char e[64];
  snprintf(e, sizeof e, "%.*s", (int)(exn < 60 ? exn : 60), ex);
  for (size_t j = 0; j < cls[i].nex; j++) if (!strcmp(cls[i].ex[j], e)) return;
  if (cls[i].nex < NEXAMPLE) memcpy(cls[i].ex[cls[i].nex++], e, sizeof e);
}

static int by_count(const void *a, const void *b) {
  const mclass *x = a, *y = b;
  return x->count < y->count ? 1 : x->count > y->count ? -1 : strcmp(x->name, y->name);
}

/* }====================================================================== */

typedef struct span { uint32_t start, end; } span;


int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: tagacc FILE.conllu[.gz]\n"); return 2; }
  cu_bank bk;
  if (cu_read(&bk, argv[1])) return 1;
  const tg_model *m = tg_builtin();
  tg_state *st = tg_state_new(m);
  tx_doc d;
  tx_init(&d);
  char *text = NULL;
  size_t tcap = 0, cap = 0;
  span *gs = NULL;
  const char **word = NULL, **lemma = NULL;
  uint32_t *len = NULL, *llen = NULL;
  uint16_t *up = NULL, *xp = NULL;
  size_t gold = 0, aligned = 0, right_g[3] = { 0 }, right_l[3] = { 0 }, mwt_words = 0;
  double secs = 0;
  size_t timed = 0;
  for (size_t s = 0; s < bk.n; s++) {
    const cu_sent *se = &bk.s[s];
    size_t need = 64;
    for (size_t i = 0; i < se->n; i++) need += strlen(se->w[i].form) + 1;
    for (size_t k = 0; k < se->nmwt; k++) need += strlen(se->mwt[k].form) + 1;
    if (need > tcap) text = xrealloc(text, tcap = 2 * need);
    if (se->n + need > cap) {
      cap = 2 * (se->n + need);
      gs = xrealloc(gs, cap * sizeof *gs);
      word = xrealloc(word, cap * sizeof *word); lemma = xrealloc(lemma, cap * sizeof *lemma);
      len = xrealloc(len, cap * sizeof *len); llen = xrealloc(llen, cap * sizeof *llen);
      up = xrealloc(up, cap * sizeof *up); xp = xrealloc(xp, cap * sizeof *xp);
    }
    /* the text and the gold spans (UINT32_MAX: a word of a multiword token not spelled by it) */
    size_t t = 0;
    for (size_t i = 0; i < se->n; i++) {
      const cu_word *w = &se->w[i];
      gold++;
      if (w->mwt < 0) {
        size_t n = strlen(w->form);
        gs[i] = (span){ (uint32_t)t, (uint32_t)(t + n) };
        memcpy(text + t, w->form, n);
        t += n;
        if (w->space_after) text[t++] = ' ';
        continue;
      }
      const cu_mwt *mw = &se->mwt[w->mwt];
      if (i != mw->first) continue;
      size_t n = strlen(mw->form), at = 0, ok = 1;
      for (size_t j = mw->first; j <= mw->last && j < se->n; j++) {
        size_t k = strlen(se->w[j].form);
        if (at + k > n || memcmp(mw->form + at, se->w[j].form, k)) ok = 0;
        gs[j] = (span){ (uint32_t)(t + at), (uint32_t)(t + at + k) };
        at += k;
      }
      if (!ok || at != n)
        for (size_t j = mw->first; j <= mw->last && j < se->n; j++) {
          gs[j].start = UINT32_MAX;
          if (j > i) gold++;
          count("multiword token", "forms do not spell it", mw->form, n);
        }
      else for (size_t j = mw->first + 1; j <= mw->last && j < se->n; j++) gold++;
      mwt_words += mw->last - mw->first + 1;
      memcpy(text + t, mw->form, n);
      t += n;
      if (mw->space_after) text[t++] = ' ';
      i = mw->last;
    }
    text[t] = '\0';
    /* the tagger alone, on the gold words */
    for (size_t i = 0; i < se->n; i++) { word[i] = se->w[i].form; len[i] = (uint32_t)strlen(word[i]); }
    clock_t c0 = clock();
    if (tg_tag_sentence(st, se->n, word, len, up, xp, lemma, llen)) return 1;
    secs += (double)(clock() - c0) / CLOCKS_PER_SEC;
    timed += se->n;
    for (size_t i = 0; i < se->n; i++) {
      const cu_word *w = &se->w[i];
      right_g[0] += !strcmp(tg_tag_name(m, TG_UPOS, up[i]), w->upos);
      right_g[1] += !strcmp(tg_tag_name(m, TG_XPOS, xp[i]), w->xpos);
      right_g[2] += strlen(w->lemma) == llen[i] && !memcmp(w->lemma, lemma[i], llen[i]);
    }
    /* lector's tokens */
    if (tx_tokenize_words(&d, text, t)) return 1;
    if (d.ntok > cap) continue;
    for (size_t i = 0; i < d.ntok; i++) { word[i] = text + d.tok[i].start; len[i] = d.tok[i].len; }
    if (tg_tag_sentence(st, d.ntok, word, len, up, xp, lemma, llen)) return 1;
    size_t k = 0;
    for (size_t i = 0; i < se->n; i++) {
      const cu_word *w = &se->w[i];
      if (gs[i].start == UINT32_MAX) continue;
      while (k < d.ntok && d.tok[k].start + d.tok[k].len <= gs[i].start) k++;
      const tx_token *tk = k < d.ntok ? &d.tok[k] : NULL;
      if (tk && tk->start == gs[i].start && tk->len == gs[i].end - gs[i].start) {
        aligned++;
        right_l[0] += !strcmp(tg_tag_name(m, TG_UPOS, up[k]), w->upos);
        right_l[1] += !strcmp(tg_tag_name(m, TG_XPOS, xp[k]), w->xpos);
        right_l[2] += strlen(w->lemma) == llen[k] && !memcmp(w->lemma, lemma[k], llen[k]);
        continue;
      }
      const char *g = text + gs[i].start;
      size_t gn = gs[i].end - gs[i].start;
      if (!tk || tk->start >= gs[i].end) count("lector", "drops it", g, gn);
      else if (tk->start <= gs[i].start && tk->start + tk->len >= gs[i].end)
        count("lector joins", kind(text + tk->start, tk->len), text + tk->start, tk->len);
      else if (tk->start >= gs[i].start && k + 1 < d.ntok && d.tok[k + 1].start < gs[i].end)
        count("lector splits", kind(g, gn), g, gn);
      else {
        size_t a = tk->start < gs[i].start ? tk->start : gs[i].start;
        size_t e = tk->start + tk->len > gs[i].end ? tk->start + tk->len : gs[i].end;
        count("boundaries cross", kind(text + a, e - a), text + a, e - a);
      }
    }
  }
  const char *name = strrchr(argv[1], '/');
  name = name ? name + 1 : argv[1];
  printf("== %s: %zu sentences, %zu gold words (%zu in multiword tokens)\n", name, bk.n, gold, mwt_words);
  printf("gold tokens:   UPOS %6.2f%%  XPOS %6.2f%%  lemma %6.2f%%\n", 100.0 * right_g[0] / gold,
         100.0 * right_g[1] / gold, 100.0 * right_g[2] / gold);
  printf("lector tokens: UPOS %6.2f%%  XPOS %6.2f%%  lemma %6.2f%%  (of all gold words)\n",
         100.0 * right_l[0] / gold, 100.0 * right_l[1] / gold, 100.0 * right_l[2] / gold);
  printf("aligned one to one: %zu of %zu gold words, %.2f%%\n", aligned, gold, 100.0 * aligned / gold);
  printf("tagging speed: %.0f tokens/s (gold tokens, one thread, lemmas included)\n",
         timed / (secs > 0 ? secs : 1e-9));
  qsort(cls, ncls, sizeof *cls, by_count);
  printf("misaligned gold words by class (%zu classes):\n", ncls);
  for (size_t i = 0; i < ncls && i < 12; i++) {
    printf("  %6zu  %-40s", cls[i].count, cls[i].name);
    for (size_t j = 0; j < cls[i].nex; j++) printf("%s\"%s\"", j ? ", " : "  ", cls[i].ex[j]);
    printf("\n");
  }
  tx_free(&d);
  tg_state_free(st);
  cu_free(&bk);
  free(text); free(gs); free(word); free(lemma); free(len); free(llen); free(up); free(xp);
  return 0;
}
