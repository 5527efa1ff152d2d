/*
** fake_annotator.h: an annotator for the tests of the index and the store (ix_annotator): each
** token gets its shape ("Xx", "x", "d" or "p") and its first byte, sentence by sentence, and the
** annotator counts the sentences it saw (fake_sentences, when a state is freed).
*/
#ifndef FAKE_ANNOTATOR_H
#define FAKE_ANNOTATOR_H

#include <stdlib.h>
#include <string.h>

#include "index/index.h"

static const char *const fake_names[] = { "shape", "initial" };
typedef struct fake_st { char (*buf)[2]; size_t cap; unsigned sentences; } fake_st;
static unsigned fake_sentences;
static void *fake_new(const void *ud) { (void)ud; return calloc(1, sizeof(fake_st)); }
static void fake_free(void *st) {
  __atomic_add_fetch(&fake_sentences, ((fake_st *)st)->sentences, __ATOMIC_SEQ_CST);
  free(((fake_st *)st)->buf);
  free(st);
}
static const char *shape_of(const char *w, size_t n) {
  if (n && w[0] >= 'A' && w[0] <= 'Z') return "Xx";
  if (n && w[0] >= 'a' && w[0] <= 'z') return "x";
  if (n && w[0] >= '0' && w[0] <= '9') return "d";
  return "p";
}
static int fake_annotate(void *stp, size_t n, const char *const *word, const uint32_t *len, const char **val,
                         uint32_t *vlen) {
  fake_st *st = stp;
  st->sentences++;
  if (n > st->cap) {
    free(st->buf);
    if (!(st->buf = malloc(n * sizeof *st->buf))) return -1;
    st->cap = n;
  }
  for (size_t i = 0; i < n; i++) {
    val[2 * i] = shape_of(word[i], len[i]);
    vlen[2 * i] = (uint32_t)strlen(val[2 * i]);
    st->buf[i][0] = word[i][0];
    st->buf[i][1] = 0;
    val[2 * i + 1] = st->buf[i];
    vlen[2 * i + 1] = 1;
  }
  return 0;
}
/* shape: static strings; the initial follows from the word */
static const ix_annotator fake = { 2, fake_names, fake_new, fake_free, fake_annotate, NULL, 1, 2 };

#endif
