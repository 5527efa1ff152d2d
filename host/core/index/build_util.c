/*
** build_util.c: the helpers of the index builder's stages that are no hot path: a parallel loop
** on a few threads, and the set of blocks that comes to own the built index's arrays. They have
** a file of their own so that every stage can use them without depending on the driver.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

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
