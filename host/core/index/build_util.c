/*
** build_util.c: the helpers every stage of the index builder uses: a parallel loop on a few
** threads, the set of blocks that comes to own the built index's arrays, a worker's lexicon (a
** hash table with a cache of the commonest words in front: the hot path of collecting), and the
** strings of a chunk. They have a file of their own so that every stage can use them without
** depending on the driver or on each other.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "build_int.h"

typedef struct par_job {
  job_fn fn;
  void *arg;
  size_t n;
  atomic_size_t next;
} par_job;

static void *par_worker(void *p) {
  par_job *j = p;
  size_t i;
  while ((i = atomic_fetch_add(&j->next, 1)) < j->n) j->fn(j->arg, i);
  return NULL;
}

void ixb_parallel_for(int threads, size_t n, job_fn fn, void *arg) {
  par_job j = { fn, arg, n, 0 };
  pthread_t tid[MAX_THREADS];
  int started = 0;
  for (int t = 1; t < threads && (size_t)t < n; t++)
    if (pthread_create(&tid[started], NULL, par_worker, &j) == 0) started++;
  par_worker(&j);
  for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
}

void *ixb_keep(blockset *bs, void *p) {
  if (!p) return NULL;
  if (grow(&bs->p, &bs->cap, bs->n + 1, sizeof *bs->p)) { free(p); return NULL; }
  bs->p[bs->n++] = p;
  return p;
}

/* ================================================================== a worker's lexicon */

void ixb_lex_free(lex *L) {
  free(L->hot);
  free(L->slot); free(L->order); free(L->hash); free(L->arena); free(L->off); free(L->len); free(L->count);
  memset(L, 0, sizeof *L);
}

static int lex_rehash(lex *L, size_t nslot) {
  uint64_t *slot = calloc(nslot, sizeof *slot);
  if (!slot) return -1;
  for (size_t id = 0; id < L->n; id++) {
    size_t i = L->hash[id] & (nslot - 1);
    while (slot[i]) i = (i + 1) & (nslot - 1);
    slot[i] = (L->hash[id] >> 32) << 32 | ((uint64_t)id + 1);
  }
  free(L->slot);
  L->slot = slot;
  L->nslot = nslot;
  return 0;
}

/* The local id of form s[0..n), added if new; UINT32_MAX when memory ran out. */
uint32_t ixb_lex_intern(lex *L, const char *s, size_t n) {
  if ((L->n + 1) * 2 > L->nslot && lex_rehash(L, L->nslot ? L->nslot * 2 : 4096)) return UINT32_MAX;
  uint64_t h = hash_form(s, n), tag = h >> 32 << 32;
  lex_hot *hot = NULL;
  if (n <= sizeof hot->form) {
    if (!L->hot && !(L->hot = calloc(LEX_HOT, sizeof *L->hot))) return UINT32_MAX;
    hot = &L->hot[(h >> 20) & (LEX_HOT - 1)];
    if (hot->h == h && hot->len == n) {
      size_t k = 0;
      while (k < n && hot->form[k] == s[k]) k++;
      if (k == n) return hot->id;
    }
  }
  size_t i = h & (L->nslot - 1);
  for (;;) {
    uint64_t e = L->slot[i];
    if (!e) break;
    uint32_t id = (uint32_t)e - 1;
    if ((e & 0xFFFFFFFF00000000ull) == tag && L->len[id] == n && memcmp(L->arena + L->off[id], s, n) == 0) {
      if (hot) { hot->h = h; hot->id = id; hot->len = (uint32_t)n; memcpy(hot->form, s, n); }
      return id;
    }
    i = (i + 1) & (L->nslot - 1);
  }
  size_t cap = L->cap;
  if (L->n + 1 > cap) {
    if (grow(&L->hash, &cap, L->n + 1, sizeof *L->hash)) return UINT32_MAX;
    cap = L->cap;
    if (grow(&L->off, &cap, L->n + 1, sizeof *L->off)) return UINT32_MAX;
    cap = L->cap;
    if (grow(&L->len, &cap, L->n + 1, sizeof *L->len)) return UINT32_MAX;
    cap = L->cap;
    if (grow(&L->count, &cap, L->n + 1, sizeof *L->count)) return UINT32_MAX;
    L->cap = cap;
  }
  if (grow(&L->arena, &L->acap, L->alen + n + 1, 1)) return UINT32_MAX;
  memcpy(L->arena + L->alen, s, n);
  L->arena[L->alen + n] = '\0';
  uint32_t id = (uint32_t)L->n++;
  L->hash[id] = h;
  L->off[id] = L->alen;
  L->len[id] = (uint32_t)n;
  L->count[id] = 0;
  L->alen += n + 1;
  L->slot[i] = tag | ((uint64_t)id + 1);
  return id;
}

/* ================================================================== chunk strings */

uint32_t ixb_chunk_string(chunk *c, const char *s, size_t n) {
  if (grow(&c->str, &c->str_cap, c->nstr + n + 1, 1)) { c->failed = 1; return 0; }
  uint32_t at = (uint32_t)c->nstr;
  memcpy(c->str + at, s, n);
  c->str[at + n] = '\0';
  c->nstr += n + 1;
  return at;
}
