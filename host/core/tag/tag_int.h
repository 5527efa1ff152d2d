/*
** tag_int.h: what the files of tag/ share, and what the trainer (host/tools/tagtrain.c) uses so
** that it computes exactly what the tagger will: the model in memory, the hash, the features of a
** token, the lemma rules. Seen by nothing else in the core.
*/
#ifndef LECTOR_TAG_INT_H
#define LECTOR_TAG_INT_H

#include <string.h>

#include "tag.h"

/* {====================================================================== tunables */

#if !defined(TG_NOWN)
#define TG_NOWN 11            /* features of a token's own form (feat.c, tg_own_features) */
#endif
#if !defined(TG_NCTX)
#define TG_NCTX 4             /* features of its form with its context (tg_ctx_features) */
#endif
#define TG_NSTART 2           /* features of its form and whether it starts a sentence (tg_start_features) */
#define TG_NPREV 3            /* features of the classes before it alone (tg_prev_features) */
#define TG_NFEAT (TG_NOWN + TG_NROLE + TG_NCTX + TG_NSTART + TG_NPREV)
#if !defined(TG_WORDMAX)
#define TG_WORDMAX 64         /* bytes of a word that its features look at (the suffixes excepted) */
#endif
#if !defined(TG_DENSE)
#define TG_DENSE 16           /* a feature with weights for this many classes is kept as a dense row */
#endif
#if !defined(TG_CACHE)
#define TG_CACHE 4096         /* word types a tg_state remembers (a power of 2) */
#endif
#if !defined(TG_TYPELEN)
#define TG_TYPELEN 24         /* bytes of the longest word a tg_state remembers */
#endif
#define TG_LANES 16           /* the rows of scores are padded to a multiple of this many classes */
#define TG_MAXCLASS 254       /* classes (XPOS+UPOS pairs) a model may have; 255 is "no tag" */
#define TG_NOCLASS 255        /* the tag before the first token (features of the start) */
#define TG_MAGIC "LECTAG\0\2" /* the first 8 bytes of a model file */

/* }====================================================================== */


/* {====================================================================== the model (model.c) */

/* An open-addressing table of 32-bit keys (0 is an empty slot) and 32-bit values; and, when bits is
** not NULL, a filter of a bit per hash of the keys (8 bits a key): most keys looked for are not
** there (word pairs, forms with an ending taken off), and the filter, small enough to stay in
** the cache, says so without a miss in the table. */
typedef struct tg_slot { uint32_t key, val; } tg_slot;
typedef struct tg_table { tg_slot *slot; uint32_t mask; uint64_t *bits; unsigned shift; } tg_table;

/* Whether key may be in t (0: it surely is not). */
static inline int tg_maybe(const tg_table *t, uint32_t key) {
  if (!t->bits) return 1;
  uint32_t h = (key * 0x9E3779B1u) >> t->shift;
  return (int)(t->bits[h >> 6] >> (h & 63) & 1);
}

/* A lemma exception: (form lowercased, xpos) -> lemma; the strings live in the model's bytes. */
typedef struct tg_exc {
  const char *form, *lemma;
  uint8_t form_len, lemma_len, xpos;
} tg_exc;

/* Lemma rules by XPOS (tg_model.lcat). */
enum { TG_L_LOWER = 0, TG_L_PROPER, TG_L_NOUNS, TG_L_PROPERS, TG_L_VBZ, TG_L_VBD, TG_L_VBG,
       TG_L_CMP, TG_L_SUP, TG_L_NUMBER };
/* The word lists of the lemma rules: lemmas seen in training, and WordNet's (keyed by list, the
** value a count + 1); then WordNet's lemmas alone (TG_LEX_WN, the value 1 + the parts of speech
** WordNet gives it, TG_WN_...), for the features of a word that training never saw. */
enum { TG_LEX_NOUN = 1, TG_LEX_VERB = 2, TG_LEX_ADJ = 3, TG_LEX_WN = 4 };
enum { TG_WN_NOUN = 1, TG_WN_VERB = 2, TG_WN_ADJ = 4, TG_WN_ADV = 8 };

struct tg_model {
  unsigned nxpos, nupos, nclass;
  const char *xname[256], *uname[256];
  uint8_t cls_xpos[256], cls_upos[256];   /* a class's two tags */
  uint8_t lcat[256];                      /* the lemma rule of each XPOS (TG_L_...) */
  unsigned ncp;        /* nclass rounded up to a multiple of TG_LANES: the length of a row */
  tg_table feat;       /* feature key -> entry offset << 8 | entry count (1 .. TG_DENSE - 1), or
                       ** (dense row + 1) << 8 (count 0) */
  uint32_t *ent;       /* sparse weights: class << 16 | (uint16_t)weight, grouped by feature */
  int16_t *dense;      /* dense rows of ncp weights (0 for the classes a feature has none for) */
  uint32_t *prev;      /* the table values of the TG_NPREV features of each pair of classes before
                       ** a token (TG_NOCLASS as nclass): prev[(p1 * (nclass + 1) + p2) * TG_NPREV] */

  tg_table dict;       /* exact word form -> class, for frequent unambiguous words */
  tg_table lex;        /* lemma (keyed by list) -> how often seen in training, + 1 */
  tg_table exc;        /* (form, xpos) -> index into excs */
  tg_exc *excs;
  uint32_t nexc;
  char *names;         /* the tag names, NUL-terminated */
  unsigned char *bytes;  /* the file read (tg_model_read), which excs point into; NULL if built in */
};

/* The weights of a model file are scaled so that the sum of any TG_NFEAT of them fits in 16 bits:
** the tagger adds them up in int16_t lanes. tg_model_parse checks it. */

/* Makes a model of the n bytes of a model file (which must outlive it). Returns it, or NULL with
** a message (without a file name) in err. Used by tg_model_read, tg_builtin and the trainer. */
tg_model *tg_model_parse(const unsigned char *p, size_t n, char *err, size_t errlen);

/* The value of key in t, or 0 when absent: tg_probe without the filter, tg_get with it. */
static inline uint32_t tg_probe(const tg_table *t, uint32_t key) {
  for (uint32_t i = key & t->mask;; i = (i + 1) & t->mask) {
    if (t->slot[i].key == key) return t->slot[i].val;
    if (!t->slot[i].key) return 0;
  }
}

static inline uint32_t tg_get(const tg_table *t, uint32_t key) {
  return tg_maybe(t, key) ? tg_probe(t, key) : 0;
}

/* }====================================================================== */


/* {====================================================================== hashing and features (feat.c) */

/* A 64-bit hash of p[0..n), the same on every host. */
uint64_t tg_hash(const void *p, size_t n, uint64_t seed);

/* A non-zero 32-bit key from a 64-bit value and a salt. */
static inline uint32_t tg_key(uint64_t v, uint64_t salt) {
  v += salt * 0x9E3779B97F4A7C15ull;
  v ^= v >> 33; v *= 0xff51afd7ed558ccdull; v ^= v >> 33; v *= 0xc4ceb9fe1a85ec53ull; v ^= v >> 33;
  uint32_t k = (uint32_t)(v >> 32);
  return k ? k : 1;
}

/* What the features need of one token, computed once per token. */
typedef struct tg_tokh {
  uint64_t w;          /* the word, lowercased, numbers folded (!YEAR, !DIGITS) */
  uint64_t s[4];       /* its last 1..4 bytes, lowercased */
  uint64_t p1, p3;     /* its first byte as written; its first 3 bytes lowercased */
  uint64_t shape;      /* Xxxx, dd.dd, ... */
  uint32_t exact;      /* the tag-dictionary key of the form as written */
  uint32_t wn;         /* what WordNet makes of it (tg_wordnet_class), and whether it is capitalized */
} tg_tokh;

/* Fills th for word[0..len), lex holding WordNet's lemmas (TG_LEX_WN; the model's lex). */
void tg_tok_hashes(tg_tokh *th, const char *word, uint32_t len, const tg_table *lex);

/* What the word low[0..n) (lowercased) can be by WordNet's lemmas in lex: a bit each for a noun, a
** verb, an adjective, an adverb as it is, and for a noun, verb or adjective with a regular ending
** (-s, -ed, -ing, -er, -est) taken off. */
uint32_t tg_wordnet_class(const tg_table *lex, const char *low, size_t n);

/* The boundary tokens: th[0] before the sentence, th[1] after it. */
void tg_tok_bounds(tg_tokh th[2]);

/* The TG_NOWN keys of the features of token c's own form: those the tagger adds up once per word
** type and remembers. */
void tg_own_features(uint32_t *keys, const tg_tokh *c);

/* The TG_NROLE keys of the features of token t's form seen from another token: from the token after
** it (TG_ROLE_B1, TG_NEAR of them), two after it (TG_ROLE_B2, one), the token before it (TG_ROLE_A1,
** TG_NEAR), two before it (TG_ROLE_A2, one). Also remembered per word type. */
enum { TG_NEAR = 4, TG_ROLE_B1 = 0, TG_ROLE_B2 = TG_NEAR, TG_ROLE_A1 = TG_NEAR + 1,
       TG_ROLE_A2 = 2 * TG_NEAR + 1, TG_NROLE = 2 * TG_NEAR + 2 };
void tg_role_features(uint32_t *keys, const tg_tokh *t);

/* The TG_NCTX keys of the features of token i with its context, in a sentence whose tokens are
** t[2 .. n+2), t[0..2) and t[n+2..n+4) being the boundary tokens; p1, p2 the classes of the two
** tokens before (TG_NOCLASS at the start): the word with its neighbours and with the class before. */
void tg_ctx_features(uint32_t *keys, const tg_tokh *t, size_t i, unsigned p1, unsigned p2);

/* The TG_NPREV keys of the features of the classes p1, p2 of the two tokens before, alone: what
** the model keeps for every pair (tg_model.prev). */
void tg_prev_features(uint32_t *keys, unsigned p1, unsigned p2);

/* The TG_NSTART keys of the features of token c's form joined with whether it starts the sentence
** (start 1) or not (0). The tagger adds those of start 0 to a type's own row, and for the first
** token of a sentence takes them off and adds those of start 1. */
void tg_start_features(uint32_t *keys, const tg_tokh *c, int start);

/* All TG_NFEAT keys of token i: its own, its neighbours' roles, its context's, its start features
** (the trainer's view). */
void tg_features(uint32_t *keys, const tg_tokh *t, size_t i, unsigned p1, unsigned p2);

/* }====================================================================== */


/* {====================================================================== lemmas (lemma.c) */

/* The lemma of word[0..len) tagged xpos: either *out points at a string of the model or at word
** itself (returns 0), or the lemma is written to buf (room for len bytes) and *out = buf
** (returns its length). *out_len is the length in all cases. */
uint32_t tg_lemma(const tg_model *m, unsigned xpos, const char *word, uint32_t len, char *buf,
                  const char **out, uint32_t *out_len);

/* The same by the rules and word lists alone, without the exception list: what the trainer
** compares with the training data to learn the exceptions. */
uint32_t tg_lemma_rule(const tg_model *m, unsigned xpos, const char *word, uint32_t len, char *buf,
                       const char **out, uint32_t *out_len);

/* The key of a word-list entry or an exception (lowercased text) in list or for xpos. */
static inline uint32_t tg_lex_key(const char *s, size_t n, unsigned list) {
  return tg_key(tg_hash(s, n, 0x6c6578), list);
}

/* The lemma rule of a Penn Treebank tag (TG_L_...). */
int tg_lemma_category(const char *xpos);

/* }====================================================================== */

#endif
