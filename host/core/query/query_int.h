/*
** query_int.h: what the files of the query engine share, seen by them alone: the state of one run
** (qrun), the sets of types that token tests become, and the calls from the run (query.c) into
** the tests (query_tests.c). Names shared between the files begin with qr_.
*/
#ifndef LECTOR_QUERY_INT_H
#define LECTOR_QUERY_INT_H

#include <stdint.h>
#include <string.h>

#include "corpus/corpus.h"

/* ------------------------------------------------------------------ the state of one run */

typedef struct qset {        /* a set of types: a bit per type, and the tokens they cover */
  uint64_t *bits;
  uint64_t freq;
  uint32_t ntypes;           /* members */
} qset;

typedef struct qrun {
  lector_corpus *c;
  const ix_index *ix;
  const lector_qplan *p;
  qset *sets;                /* per node: the types of a token test (NULL bits: not a test) */
  int *layer;                /* per node: what its set is over (LAYER_*, or 1 + a positional
                             ** attribute); LAYER_UNSET until test_set has seen it */
  uint8_t **meta;            /* per node: per document 0/1 (for META roots used by OPEN) */
  char *err;
  size_t errlen;
  /* the VM */
  int *clist, *nlist;        /* thread program counters */
  uint32_t *clab, *nlab;     /* their labels: nlabels per thread */
  size_t ncl, nnl;
  uint32_t *mark;            /* per instruction: the step it was last added in */
  uint32_t step;
  int *stack;                /* for closures without recursion */
  uint32_t *stack_lab;
  size_t lw;                 /* labels per thread */
  /* with labels, threads at one instruction differ by their labels: the (instruction, labels)
  ** pairs seen in a step, chained per instruction */
  size_t cap;                /* the most threads in a step */
  int *vhead, *vnext;
  uint32_t *vlab;
  size_t nv;
} qrun;

/* What a token test's set of types is over: the word's lexicon (0), a positional attribute's
** (1 + its index), every token ([]), or nothing alone: a mix of tests on several attributes
** ([pos="ADJ" & lemma!="new"]), decided token by token from its parts. */
enum { LAYER_UNSET = -3, LAYER_MIX = -2, LAYER_ANY = -1, LAYER_WORD = 0 };

static inline int has(const qset *s, uint32_t t) { return (s->bits[t >> 6] >> (t & 63)) & 1; }
static inline void put(qset *s, uint32_t t) { s->bits[t >> 6] |= (uint64_t)1 << (t & 63); }

/* Puts a message in r->err (fmt with one %s) and returns -1. */
int qr_fail(qrun *r, const char *fmt, const char *arg);

/* The lexicon a layer's sets are over: its size and frequencies. */
static inline uint32_t layer_ntypes(const qrun *r, int layer) {
  return layer > LAYER_WORD ? r->ix->pattr[layer - 1].ntypes : r->ix->ntypes;
}

static inline const uint64_t *layer_freq(const qrun *r, int layer) {
  return layer > LAYER_WORD ? r->ix->pattr[layer - 1].freq : r->ix->freq;
}

/* Does the token at pos (of word type wtype) pass test node i? */
static inline int tok_ok(const qrun *r, int i, uint32_t pos, uint32_t wtype) {
  int layer = r->layer[i];
  if (layer == LAYER_WORD || layer == LAYER_ANY) return has(&r->sets[i], wtype);
  if (layer > LAYER_WORD) return has(&r->sets[i], ix_pattr_id(&r->ix->pattr[layer - 1], pos));
  const lector_qnode *n = &r->p->nodes[i];
  switch (n->op) {
  case LECTOR_QN_NOT: return !tok_ok(r, n->a, pos, wtype);
  case LECTOR_QN_AND: return tok_ok(r, n->a, pos, wtype) && tok_ok(r, n->b, pos, wtype);
  default: return tok_ok(r, n->a, pos, wtype) || tok_ok(r, n->b, pos, wtype);
  }
}

/* ---- query_tests.c: step 1, the token tests and the metadata tests */

/* Is i a node of the plan? Else a message and 0. */
int qr_node_ok(qrun *r, int i);
/* The set of token test node i (and its children), once. 0 or -1 with a message. */
int qr_test_set(qrun *r, int i, int depth);
/* A set over the word lexicon, and the words a WORD node accepts into it. 0 or -1. */
int qr_set_alloc(qrun *r, qset *s);
int qr_word_set(qrun *r, const lector_qnode *n, qset *s);
/* Does metadata test node i hold for document d, a region's attribute attr, or region d of the
** structural attribute sa? *bad: 1 for a node that is no metadata test, 2 for a bad regex. */
int qr_meta_eval(qrun *r, int i, uint32_t d, const char *attr, const ix_sattr *sa, int depth, int *bad);
/* Decides the metadata tests of <doc ...> tags for every document, once. 0 or -1. */
int qr_meta_prepare(qrun *r);

#endif
