/*
** tag_speed.c: how fast the built-in tagger (host/core/tag/) tags running text, lemmas included,
** on one thread. The sentences of the held-out treebanks in bench/accuracy/ (or of the CoNLL-U
** files named) are rebuilt from their "# text" lines, tokenized once by lector's tokenizer, then
** tagged: 5 runs, each of 4 passes over all of it. First each pass with a fresh tg_state, so that
** nothing a pass learns about the words helps the next (the figure to hold against a target: one
** state meets all the 13,000 types of the text for the first time); then each run with one state
** for its 4 passes, as a worker of an index build keeps its state from one document to the next
** (most types met again). Each run's tokens/s is printed, then the median, by the CPU time of the
** thread (and by the wall clock, which a busy machine slows).
**
**   make tag-speed                      (builds build/tag_speed and runs it from the repository root)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conllu.h"
#include "tag/tag.h"
#include "text/text.h"

#define RUNS 5
#define PASSES 4

static const char *const DEFAULT[] = { "bench/accuracy/en_ewt-ud-test.conllu.gz",
                                       "bench/accuracy/en_gum-ud-test.conllu.gz",
                                       "bench/accuracy/en_pud-ud-test.conllu.gz" };

/* Seconds of the clock c: CLOCK_THREAD_CPUTIME_ID counts only the time this thread ran, so that
** other work on a busy machine slows a run less than it does the wall clock (CLOCK_MONOTONIC). */
static double now(clockid_t c) {
  struct timespec ts;
  clock_gettime(c, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) { fprintf(stderr, "tag_speed: out of memory\n"); exit(1); }
  return p;
}

/* The tokens of every sentence, one after the other: word[i], len[i]; sentence s is
** first[s] .. first[s + 1]. */
static const char **word;
static uint32_t *len;
static size_t ntok, tcap, *first, nsent, scap;

static void add_text(tx_doc *d, const char *text) {
  if (tx_tokenize_words(d, text, strlen(text))) { fprintf(stderr, "tag_speed: tokenizer failed\n"); exit(1); }
  if (!d->ntok) return;
  if (ntok + d->ntok > tcap) {
    while (ntok + d->ntok > tcap) tcap = tcap ? 2 * tcap : 1 << 16;
    word = xrealloc(word, tcap * sizeof *word);
    len = xrealloc(len, tcap * sizeof *len);
  }
  if (nsent + 2 > scap) first = xrealloc(first, (scap = scap ? 2 * scap : 1024) * sizeof *first);
  first[nsent++] = ntok;
  for (size_t i = 0; i < d->ntok; i++, ntok++) {
    word[ntok] = text + d->tok[i].start;
    len[ntok] = d->tok[i].len;
  }
  first[nsent] = ntok;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  size_t nfile = argc > 1 ? (size_t)argc - 1 : sizeof DEFAULT / sizeof *DEFAULT;
  cu_bank *bank = xrealloc(NULL, nfile * sizeof *bank);
  tx_doc d;
  tx_init(&d);
  for (size_t f = 0; f < nfile; f++) {
    const char *path = argc > 1 ? argv[f + 1] : DEFAULT[f];
    if (cu_read(&bank[f], path)) return 1;
    for (size_t s = 0; s < bank[f].n; s++)
      if (bank[f].s[s].text) add_text(&d, bank[f].s[s].text);
  }
  tx_free(&d);
  size_t longest = 0;
  for (size_t s = 0; s < nsent; s++)
    if (first[s + 1] - first[s] > longest) longest = first[s + 1] - first[s];
  const char **lemma = xrealloc(NULL, longest * sizeof *lemma);
  uint32_t *llen = xrealloc(NULL, longest * sizeof *llen);
  uint16_t *up = xrealloc(NULL, longest * sizeof *up), *xp = xrealloc(NULL, longest * sizeof *xp);
  const tg_model *m = tg_builtin();
  unsigned long check = 0;
  printf("%zu sentences, %zu tokens (lector's tokenizer)\n", nsent, ntok);
  for (int kept = 0; kept < 2; kept++) {
    double rate[RUNS], wall[RUNS];
    printf(kept ? "one state for the 4 passes of a run:\n" : "a fresh state for each pass:\n");
    for (int r = 0; r < RUNS; r++) {
      double t0 = now(CLOCK_THREAD_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC);
      tg_state *st = NULL;
      for (int p = 0; p < PASSES; p++) {
        if (!st && !(st = tg_state_new(m))) return 1;
        for (size_t s = 0; s < nsent; s++) {
          size_t n = first[s + 1] - first[s];
          if (tg_tag_sentence(st, n, word + first[s], len + first[s], up, xp, lemma, llen)) return 1;
          check += up[0] + llen[n - 1];
        }
        if (!kept) { tg_state_free(st); st = NULL; }
      }
      tg_state_free(st);
      rate[r] = (double)ntok * PASSES / (now(CLOCK_THREAD_CPUTIME_ID) - t0);
      wall[r] = (double)ntok * PASSES / (now(CLOCK_MONOTONIC) - w0);
      printf("  run %d: %.2f M tokens/s (wall clock: %.2f)\n", r + 1, rate[r] / 1e6, wall[r] / 1e6);
    }
    qsort(rate, RUNS, sizeof *rate, cmp_double);
    qsort(wall, RUNS, sizeof *wall, cmp_double);
    printf("  median: %.2f M tokens/s per core (wall clock: %.2f; lemmas included)\n", rate[RUNS / 2] / 1e6,
           wall[RUNS / 2] / 1e6);
  }
  printf("checksum %lu\n", check);
  for (size_t f = 0; f < nfile; f++) cu_free(&bank[f]);
  free(bank); free(word); free(len); free(first); free(lemma); free(llen); free(up); free(xp);
  return 0;
}
