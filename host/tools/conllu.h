/*
** conllu.h: a small reader of CoNLL-U treebanks for the tagger's tools (tagtrain.c, tagacc.c):
** the syntactic words of each sentence with form, lemma, UPOS, XPOS and SpaceAfter, and the
** multiword tokens ("don't" over "do" "n't") with their surface forms. Empty nodes are skipped.
*/
#ifndef LECTOR_CONLLU_H
#define LECTOR_CONLLU_H

#include <stddef.h>

typedef struct cu_word {
  char *form, *lemma, *upos, *xpos;
  int space_after;          /* 0 when MISC has SpaceAfter=No */
  int mwt;                  /* index of the multiword token it is part of, or -1 */
} cu_word;

typedef struct cu_mwt {
  size_t first, last;       /* its words, first..last (indexes into the sentence's words) */
  char *form;
  int space_after;
} cu_mwt;

typedef struct cu_sent {
  cu_word *w; size_t n;
  cu_mwt *mwt; size_t nmwt;
  char *text;               /* "# text = ...", or NULL */
} cu_sent;

typedef struct cu_bank {
  cu_sent *s; size_t n;
  char *buf;                /* the file, which the strings point into */
  size_t nwords;
} cu_bank;

/* Reads path (through gzip -dc when it ends in .gz). Returns 0, or -1 with errno-style failure
** after printing a message to stderr. */
int cu_read(cu_bank *b, const char *path);
void cu_free(cu_bank *b);

#endif
