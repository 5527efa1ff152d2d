/*
** attrs.c: the corpus's attributes besides the word form, for the readers outside the core
** (lector.h): positional ones (lemma, pos, xpos from the built-in tagger, or an imported file's
** columns) with their values at a position and their lexicons, and structural ones (an imported
** file's elements) with their keys and values. Thin: the layers themselves are index.h's.
*/
#include <string.h>

#include "corpus.h"

size_t lector_pattr_count(const lector_corpus *c) { return c->ix->npattr; }

const char *lector_pattr_name(const lector_corpus *c, size_t i) {
  return i < c->ix->npattr ? ix_string(c->ix, c->ix->pattr[i].name) : NULL;
}

int lector_pattr_index(const lector_corpus *c, const char *name) {
  const ix_pattr *a = ix_pattr_find(c->ix, name);
  return a ? (int)(a - c->ix->pattr) : -1;
}

uint32_t lector_pattr_ntypes(const lector_corpus *c, size_t i) { return c->ix->pattr[i].ntypes; }

uint32_t lector_pattr_id(const lector_corpus *c, size_t i, uint32_t pos) {
  return ix_pattr_id(&c->ix->pattr[i], pos);
}

const char *lector_pattr_form(const lector_corpus *c, size_t i, uint32_t id, size_t *len) {
  return ix_pattr_form(&c->ix->pattr[i], id, len);
}

uint64_t lector_pattr_freq(const lector_corpus *c, size_t i, uint32_t id) { return c->ix->pattr[i].freq[id]; }

const char *lector_pattr_value(const lector_corpus *c, size_t i, uint32_t pos, size_t *len) {
  const ix_pattr *a = &c->ix->pattr[i];
  return ix_pattr_form(a, ix_pattr_id(a, pos), len);
}

int lector_annotated(const lector_corpus *c) { return (int)c->ix->annotated; }

size_t lector_sattr_count(const lector_corpus *c) { return c->ix->nsattr; }

const char *lector_sattr_name(const lector_corpus *c, size_t i) {
  return i < c->ix->nsattr ? ix_string(c->ix, c->ix->sattr[i].name) : NULL;
}

int lector_sattr_index(const lector_corpus *c, const char *name) {
  const ix_sattr *s = ix_sattr_find(c->ix, name);
  return s ? (int)(s - c->ix->sattr) : -1;
}

size_t lector_sattr_nkeys(const lector_corpus *c, size_t i) { return c->ix->sattr[i].nkeys; }

const char *lector_sattr_key(const lector_corpus *c, size_t i, size_t k) {
  return ix_string(c->ix, c->ix->sattr[i].keys[k]);
}

const char *lector_sattr_value(const lector_corpus *c, size_t i, uint32_t region, size_t k) {
  const ix_sattr *s = &c->ix->sattr[i];
  return ix_string(c->ix, s->vals[(size_t)region * s->nkeys + k]);
}
