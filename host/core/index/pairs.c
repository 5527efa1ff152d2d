/*
** pairs.c: how often each pair of frequent words stands side by side, counted once at build
** time. Finding a phrase walks the postings of its rarest word, some 30 ns a step: a phrase of
** two frequent words ("of the": 5 million steps at a gigabyte; "United States": 50000) would take
** milliseconds, so its count is read from this table instead. Pairs are of fold classes (case and
** quote variants together, what C:count matches by default) of whole tokens, within a document;
** search.c adds the matches through parts of compounds. The frequent classes are the
** IX_PAIR_MAX most frequent ones that occur at least IX_PAIR_MIN times, so a dense matrix
** (16 MB at most, per thread) counts them in one pass over the tokens.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "index.h"

typedef struct pair_job {
  const ix_index *ix;
  const uint32_t *rank;      /* per class: its row in the matrix, or IX_NONE */
  uint32_t nf;
  uint32_t d0, d1;           /* documents */
  uint32_t *m;               /* nf x nf counts */
} pair_job;

static void *count_pairs(void *p) {
  pair_job *j = p;
  const ix_index *ix = j->ix;
  for (uint32_t d = j->d0; d < j->d1; d++) {
    uint32_t first = ix->docs[d].first, end = first + ix->docs[d].ntok;
    uint32_t prev = IX_NONE;
    for (uint32_t pos = first; pos < end; pos++) {
      uint32_t r = j->rank[ix->fold_of[ix_token(ix, pos)]];
      if (r != IX_NONE && prev != IX_NONE) j->m[(size_t)prev * j->nf + r]++;
      prev = r;
    }
  }
  return NULL;
}

static int cmp_desc(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x > y ? -1 : x < y;
}

/* The smallest frequency a frequent class has: IX_PAIR_MIN, or more so that at most IX_PAIR_MAX
** classes reach it. */
static uint64_t threshold(const uint64_t *cf, uint32_t n) {
  uint64_t *s = malloc((n ? n : 1) * sizeof *s);
  if (!s) return UINT64_MAX;
  memcpy(s, cf, n * sizeof *s);
  qsort(s, n, sizeof *s, cmp_desc);
  uint64_t min = IX_PAIR_MIN;
  if (n > IX_PAIR_MAX && s[IX_PAIR_MAX] >= min) min = s[IX_PAIR_MAX] + 1;
  free(s);
  return min;
}

int ix_build_pairs(ix_index *ix, int threads, uint64_t **keys_out, uint32_t **counts_out) {
  uint32_t nc = ix->nfolds;
  uint64_t *cf = calloc(nc ? nc : 1, sizeof *cf);
  uint32_t *rank = malloc((nc ? nc : 1) * sizeof *rank);
  uint32_t cls[IX_PAIR_MAX];
  if (!cf || !rank) { free(cf); free(rank); return -1; }
  for (uint32_t id = 0; id < ix->ntypes; id++) cf[ix->fold_of[id]] += ix->freq[id];
  uint64_t min = threshold(cf, nc);
  uint32_t nf = 0;
  for (uint32_t c = 0; c < nc; c++) {
    rank[c] = IX_NONE;
    if (cf[c] >= min && nf < IX_PAIR_MAX) { cls[nf] = c; rank[c] = nf++; }
  }
  free(cf);
  if (threads < 1) threads = 1;
  if (threads > 8) threads = 8;
  if (nf == 0) threads = 1;
  pair_job jobs[8];
  pthread_t tid[8];
  int started[8] = {0}, failed = 0;
  for (int t = 0; t < threads; t++) {            /* documents split by tokens */
    memset(&jobs[t], 0, sizeof jobs[t]);
    jobs[t].ix = ix;
    jobs[t].rank = rank;
    jobs[t].nf = nf;
    jobs[t].d0 = t ? jobs[t - 1].d1 : 0;
    uint64_t target = ix->ntokens * (uint64_t)(t + 1) / (uint64_t)threads;
    uint32_t d = jobs[t].d0;
    while (d < ix->ndocs && (t == threads - 1 || ix->docs[d].first < target)) d++;
    jobs[t].d1 = nf ? d : 0;
    jobs[t].m = calloc((size_t)nf * nf + 1, sizeof *jobs[t].m);
    failed |= !jobs[t].m;
  }
  if (!failed) {
    for (int t = 1; t < threads; t++) started[t] = pthread_create(&tid[t], NULL, count_pairs, &jobs[t]) == 0;
    count_pairs(&jobs[0]);
    for (int t = 1; t < threads; t++) {
      if (started[t]) pthread_join(tid[t], NULL);
      else count_pairs(&jobs[t]);
    }
  }
  size_t n = 0, cells = (size_t)nf * nf;
  for (size_t i = 0; !failed && i < cells; i++) {
    for (int t = 1; t < threads; t++) jobs[0].m[i] += jobs[t].m[i];
    n += jobs[0].m[i] != 0;
  }
  uint64_t *keys = failed ? NULL : malloc((n ? n : 1) * sizeof *keys);
  uint32_t *counts = failed ? NULL : malloc((n ? n : 1) * sizeof *counts);
  if (keys && counts) {                          /* ranks follow class ids: keys come sorted */
    size_t k = 0;
    for (uint32_t a = 0; a < nf; a++)
      for (uint32_t b = 0; b < nf; b++) {
        uint32_t v = jobs[0].m[(size_t)a * nf + b];
        if (!v) continue;
        keys[k] = (uint64_t)cls[a] << 32 | cls[b];
        counts[k++] = v;
      }
  }
  for (int t = 0; t < threads; t++) free(jobs[t].m);
  free(rank);
  if (!keys || !counts) { free(keys); free(counts); return -1; }
  ix->npairs = n;
  ix->pair_min = min;
  ix->pair_key = *keys_out = keys;
  ix->pair_count = *counts_out = counts;
  return 0;
}

int64_t ix_pair_count(const ix_index *ix, uint32_t a, uint32_t b) {
  uint64_t fa = 0, fb = 0;
  for (uint32_t i = ix->fold_mem_off[a]; i < ix->fold_mem_off[a + 1]; i++) fa += ix->freq[ix->fold_mem[i]];
  for (uint32_t i = ix->fold_mem_off[b]; i < ix->fold_mem_off[b + 1]; i++) fb += ix->freq[ix->fold_mem[i]];
  if (!ix->pair_min || fa < ix->pair_min || fb < ix->pair_min) return -1;
  uint64_t k = (uint64_t)a << 32 | b;
  uint64_t lo = 0, hi = ix->npairs;
  while (lo < hi) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (ix->pair_key[mid] < k) lo = mid + 1; else hi = mid;
  }
  return lo < ix->npairs && ix->pair_key[lo] == k ? (int64_t)ix->pair_count[lo] : 0;
}
