/*
** tagger.c: tagging a sentence. Left to right, a token is given the class the tag dictionary fixes
** for it, or else the class with the highest sum of weights over its features (ties to the lower
** class), that sum seeing the classes already given to the two tokens before; its lemma follows
** from its tag (lemma.c). Most of the work is per word type, not per token: a tg_state remembers
** the types it met last (TG_CACHE of them, a direct-mapped cache keyed by the form), each with its
** hashes, its tag-dictionary class, the sum of the weights of its own features and its last lemma,
** so that a token of a known type costs the context features and an addition of rows. The state's
** arrays are made once and grown as sentences need: tagging allocates nothing per token.
*/
#include <stdlib.h>

#include "tag_int.h"

/* A word type the state remembers. */
typedef struct tg_type {
  uint64_t hash;       /* of the form, 0 for an empty slot */
  uint32_t len;
  uint8_t dict;        /* the tag dictionary's class + 1, or 0 */
  uint8_t lxpos;       /* the XPOS of the lemma kept, or TG_NOCLASS for none */
  uint8_t lword;       /* 1 if that lemma is the word itself */
  uint8_t llen;
  uint8_t recent;      /* 1 if used after the other slot of its pair */
  uint32_t gen;        /* which filling of the state's cache made it (tg_state.fills) */
  char form[TG_TYPELEN];
  char lemma[TG_TYPELEN];
  tg_tokh h;
  uint32_t role[TG_NROLE];   /* the table values of its role features (tg_role_features) */
} tg_type;

struct tg_state {
  const tg_model *m;
  tg_type *type;       /* TG_CACHE */
  int16_t *own;        /* TG_CACHE rows of m->ncp: the sums of each type's own features */
  tg_tokh *tok;        /* n + 4: two boundary tokens on each side */
  uint32_t *role;      /* (n + 4) x TG_NROLE: the values of each token's role features */
  uint32_t *slot;      /* n: the cache slot of each token (UINT32_MAX: not cached) */
  uint32_t *gen;       /* n: the filling of that slot the token found there */
  uint32_t fills;      /* slots filled so far */
  size_t cap;
  char *lbuf;
  size_t lcap;
  int16_t *score;      /* m->ncp, and a row for a word not cached */
  tg_tokh bound[2];    /* the boundary tokens, before and after a sentence */
  uint32_t bound_role[2][TG_NROLE];
};

static void get_features(const tg_model *m, const uint32_t *keys, uint32_t *val, int n);

tg_state *tg_state_new(const tg_model *m) {
  tg_state *st = calloc(1, sizeof *st);
  if (!st) return NULL;
  st->m = m;
  st->type = calloc(TG_CACHE, sizeof *st->type);
  st->own = malloc((size_t)TG_CACHE * m->ncp * sizeof *st->own);
  st->score = malloc(2 * (size_t)m->ncp * sizeof *st->score);
  if (!st->type || !st->own || !st->score) {
    tg_state_free(st);
    return NULL;
  }
  tg_tok_bounds(st->bound);
  for (int b = 0; b < 2; b++) {
    uint32_t keys[TG_NROLE];
    tg_role_features(keys, &st->bound[b]);
    get_features(m, keys, st->bound_role[b], TG_NROLE);
  }
  return st;
}

void tg_state_free(tg_state *st) {
  if (!st) return;
  free(st->type);
  free(st->own);
  free(st->score);
  free(st->tok);
  free(st->role);
  free(st->slot);
  free(st->gen);
  free(st->lbuf);
  free(st);
}

/* Room for n tokens and lemma bytes. Returns 0, or -1 when memory ran out. */
static int reserve(tg_state *st, size_t n, size_t bytes) {
  if (n > st->cap) {
    size_t cap = st->cap ? st->cap : 64;
    while (cap < n) cap *= 2;
    tg_tokh *t = realloc(st->tok, (cap + 4) * sizeof *t);
    if (t) st->tok = t;
    uint32_t *s = realloc(st->slot, cap * sizeof *s), *g = s ? realloc(st->gen, cap * sizeof *g) : NULL;
    if (s) st->slot = s;
    if (g) st->gen = g;
    uint32_t *r = realloc(st->role, (cap + 4) * TG_NROLE * sizeof *r);
    if (r) st->role = r;
    if (!t || !s || !g || !r) return -1;
    st->cap = cap;
  }
  if (bytes > st->lcap) {
    size_t cap = st->lcap ? st->lcap : 1024;
    while (cap < bytes) cap *= 2;
    char *b = realloc(st->lbuf, cap);
    if (!b) return -1;
    st->lbuf = b;
    st->lcap = cap;
  }
  return 0;
}

/* The functions that add rows of weights are also compiled for AVX2, taken where the processor
** has it (twice the lanes an instruction). */
#if defined(__GNUC__) && defined(__x86_64__) && defined(__linux__) && !defined(TG_NO_CLONES)
#define WIDE __attribute__((target_clones("avx2", "default")))
#else
#define WIDE
#endif

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* row[0..ncp) += d[0..ncp), ncp a multiple of TG_LANES: with the compiler's vectors where there are
** (the sums never leave 16 bits: see tag_int.h), one lane after the other elsewhere. */
#if defined(__GNUC__)
typedef int16_t lanes __attribute__((vector_size(2 * TG_LANES)));
typedef int16_t halves __attribute__((vector_size(TG_LANES)));

static void add_row(int16_t *restrict row, const int16_t *restrict d, unsigned ncp) {
  for (const int16_t *end = d + ncp; d < end; d += TG_LANES, row += TG_LANES) {
    lanes a, b;
    memcpy(&a, row, sizeof a);
    memcpy(&b, d, sizeof b);
    a += b;
    memcpy(row, &a, sizeof a);
  }
}

static void sub_row(int16_t *restrict row, const int16_t *restrict d, unsigned ncp) {
  for (unsigned c = 0; c < ncp; c += TG_LANES) {
    lanes a, b;
    memcpy(&a, row + c, sizeof a);
    memcpy(&b, d + c, sizeof b);
    a -= b;
    memcpy(row + c, &a, sizeof a);
  }
}

/* The highest of row[0..ncp). */
static int16_t row_max(const int16_t *row, unsigned ncp) {
  lanes m;
  memcpy(&m, row, sizeof m);
  for (unsigned c = TG_LANES; c < ncp; c += TG_LANES) {
    lanes a, gt;
    memcpy(&a, row + c, sizeof a);
    gt = a > m;
    m = (a & gt) | (m & ~gt);
  }
  halves lo, hi, gt;                   /* the higher of each pair of halves, then lane by lane */
  memcpy(&lo, &m, sizeof lo);
  memcpy(&hi, (const char *)&m + sizeof lo, sizeof hi);
  gt = lo > hi;
  lo = (lo & gt) | (hi & ~gt);
  int16_t top = lo[0];
  for (unsigned j = 1; j < TG_LANES / 2; j++) top = lo[j] > top ? lo[j] : top;
  return top;
}
#else
static void add_row(int16_t *restrict row, const int16_t *restrict d, unsigned ncp) {
  for (unsigned c = 0; c < ncp; c++) row[c] = (int16_t)(row[c] + d[c]);
}

static void sub_row(int16_t *restrict row, const int16_t *restrict d, unsigned ncp) {
  for (unsigned c = 0; c < ncp; c++) row[c] = (int16_t)(row[c] - d[c]);
}

static int16_t row_max(const int16_t *row, unsigned ncp) {
  int16_t top = row[0];
  for (unsigned c = 1; c < ncp; c++) top = row[c] > top ? row[c] : top;
  return top;
}
#endif

/* The table values of the n features keys[0..n) into val (0 for a feature the model has not).
** The keys the table's filter rules out are not looked for; the slots of the others, then their
** weights, are fetched ahead, all at once, rather than one miss waited for after the other. */
static void get_features(const tg_model *m, const uint32_t *keys, uint32_t *val, int n) {
  const tg_slot *slot = m->feat.slot;
  for (int f = 0; f < n; f++) {
    val[f] = (uint32_t)tg_maybe(&m->feat, keys[f]);
    if (val[f]) PREFETCH(&slot[keys[f] & m->feat.mask]);
  }
  for (int f = 0; f < n; f++) {
    if (!val[f] || !(val[f] = tg_probe(&m->feat, keys[f]))) continue;
    if (val[f] & 0xFF) PREFETCH(m->ent + (val[f] >> 8));
    else PREFETCH(m->dense + (size_t)((val[f] >> 8) - 1) * m->ncp);
  }
}

/* Adds the weights of the n features of table values val[0..n) to row (m->ncp lanes). */
WIDE static void add_features(const tg_model *m, int16_t *restrict row, const uint32_t *val, int n) {
  for (int f = 0; f < n; f++) {
    uint32_t v = val[f];
    if (!v) continue;
    if (v & 0xFF) {
      const uint32_t *e = m->ent + (v >> 8), *end = e + (v & 0xFF);
      for (; e < end; e++) row[*e >> 16] = (int16_t)(row[*e >> 16] + (int16_t)(uint16_t)(*e & 0xFFFF));
    } else {
      add_row(row, m->dense + (size_t)((v >> 8) - 1) * m->ncp, m->ncp);
    }
  }
}

/* Takes the weights of the n features of table values val[0..n) off row. */
static void sub_features(const tg_model *m, int16_t *restrict row, const uint32_t *val, int n) {
  for (int f = 0; f < n; f++) {
    uint32_t v = val[f];
    if (!v) continue;
    if (v & 0xFF) {
      const uint32_t *e = m->ent + (v >> 8), *end = e + (v & 0xFF);
      for (; e < end; e++) row[*e >> 16] = (int16_t)(row[*e >> 16] - (int16_t)(uint16_t)(*e & 0xFFFF));
    } else {
      sub_row(row, m->dense + (size_t)((v >> 8) - 1) * m->ncp, m->ncp);
    }
  }
}

/* The own row (the sums of its own features and of its start features for a token that does not
** start a sentence; INT16_MIN in the lanes past the classes, which the other rows leave as they
** are) and the role values of the token h. */
static void make_row(const tg_model *m, const tg_tokh *h, int16_t *own, uint32_t *role) {
  uint32_t keys[TG_NOWN + TG_NSTART], val[TG_NOWN + TG_NSTART];
  tg_role_features(keys, h);
  get_features(m, keys, role, TG_NROLE);
  tg_own_features(keys, h);
  tg_start_features(keys + TG_NOWN, h, 0);
  get_features(m, keys, val, TG_NOWN + TG_NSTART);
  memset(own, 0, m->ncp * sizeof *own);
  for (unsigned c = m->nclass; c < m->ncp; c++) own[c] = INT16_MIN;   /* never the best */
  add_features(m, own, val, TG_NOWN + TG_NSTART);
}

/* Fills the type t for word[0..len) (its hash h): hashes, dictionary class, own weights in own. */
static void make_type(const tg_model *m, tg_type *t, int16_t *own, uint64_t h, const char *word,
                      uint32_t len) {
  t->hash = h;
  t->len = len;
  if (len <= TG_TYPELEN) memcpy(t->form, word, len);
  tg_tok_hashes(&t->h, word, len, &m->lex);
  uint32_t d = tg_get(&m->dict, t->h.exact);
  t->dict = (uint8_t)d;
  t->lxpos = TG_NOCLASS;
  make_row(m, &t->h, own, t->role);
}

/* The slot of the state's cache that holds word[0..len), filled if it did not; UINT32_MAX for a
** word too long to be remembered. A word may sit in either slot of a pair (two-way associative);
** a new one takes the slot of the pair used less recently. */
static uint32_t lookup(tg_state *st, const char *word, uint32_t len) {
  if (len > TG_TYPELEN) return UINT32_MAX;
  uint64_t h = tg_hash(word, len, 0x7479) | 1;
  uint32_t s = (uint32_t)(h >> 40) & (TG_CACHE - 2);
  tg_type *t = &st->type[s];
  for (int k = 0; k < 2; k++)
    if (t[k].hash == h && t[k].len == len && memcmp(t[k].form, word, len) == 0) {
      t[k].recent = 1;
      t[k ^ 1].recent = 0;
      return s + (uint32_t)k;
    }
  int k = t[0].recent;                 /* the other one */
  make_type(st->m, &t[k], st->own + (size_t)(s + (uint32_t)k) * st->m->ncp, h, word, len);
  t[k].gen = ++st->fills;
  t[k].recent = 1;
  t[k ^ 1].recent = 0;
  return s + (uint32_t)k;
}

/* The class of token i by the weights, own holding the sums of its own features (make_row), role
** the role values of the tokens (TG_NROLE each, the first of the sentence at role + 2 * TG_NROLE).
** Every partial sum is one of weights of the token's features, within 16 bits (tag_int.h). */
WIDE static unsigned predict(const tg_model *m, int16_t *restrict score, const int16_t *own,
                        const tg_tokh *tok, const uint32_t *role, size_t i, unsigned p1, unsigned p2) {
  uint32_t keys[TG_NCTX + TG_NSTART], val[TG_NCTX + TG_NROLE + TG_NSTART + TG_NPREV];
  const uint32_t *me = role + (i + 2) * TG_NROLE;
  tg_ctx_features(keys, tok, i, p1, p2);
  get_features(m, keys, val, TG_NCTX);
  size_t np = m->nclass + 1;
  const uint32_t *pv = m->prev + ((p1 < m->nclass ? p1 : m->nclass) * np + (p2 < m->nclass ? p2 : m->nclass)) * TG_NPREV;
  memcpy(score, own, m->ncp * sizeof *score);
  if (i == 0) {          /* the start features of the first token instead of the others' */
    uint32_t *sv = val + TG_NCTX + TG_NROLE;
    tg_start_features(keys, tok + 2, 0);
    get_features(m, keys, sv, TG_NSTART);
    sub_features(m, score, sv, TG_NSTART);
    tg_start_features(keys, tok + 2, 1);
    get_features(m, keys, sv, TG_NSTART);
    add_features(m, score, sv, TG_NSTART);
  }
  uint32_t *r = val + TG_NCTX;
  const uint32_t *b1 = me - TG_NROLE, *b2 = me - 2 * TG_NROLE, *a1 = me + TG_NROLE, *a2 = me + 2 * TG_NROLE;
  for (int k = 0; k < TG_NEAR; k++) {
    r[k] = b1[TG_ROLE_B1 + k];
    r[TG_NEAR + 1 + k] = a1[TG_ROLE_A1 + k];
  }
  r[TG_NEAR] = b2[TG_ROLE_B2];
  r[2 * TG_NEAR + 1] = a2[TG_ROLE_A2];
  memcpy(r + TG_NROLE, pv, TG_NPREV * sizeof *pv);
  add_features(m, score, val, TG_NCTX + TG_NROLE + TG_NPREV);
  int16_t top = row_max(score, m->ncp);
  unsigned best = 0;
  while (score[best] != top) best++;
  return best;
}

/* The lemma of token word[0..len) tagged xpos, through its type t (NULL if none) when that keeps
** it; written at *w in st->lbuf when made. */
static void lemma_of(tg_state *st, tg_type *t, unsigned xpos, const char *word, uint32_t len,
                     size_t *w, const char **out, uint32_t *out_len) {
  if (t && t->lxpos == xpos) {
    if (t->lword) { *out = word; *out_len = len; return; }
    memcpy(st->lbuf + *w, t->lemma, t->llen);
    *out = st->lbuf + *w;
    *out_len = t->llen;
    *w += t->llen;
    return;
  }
  const char *l;
  uint32_t ll;
  *w += tg_lemma(st->m, xpos, word, len, st->lbuf + *w, &l, &ll);
  *out = l;
  *out_len = ll;
  if (t && ll <= TG_TYPELEN) {
    t->lxpos = (uint8_t)xpos;
    t->lword = l == word;
    t->llen = (uint8_t)ll;
    memcpy(t->lemma, l, ll);
  }
}

int tg_tag_sentence(tg_state *st, size_t n, const char *const *word, const uint32_t *len,
                    uint16_t *upos, uint16_t *xpos, const char **lemma, uint32_t *lemma_len) {
  const tg_model *m = st->m;
  size_t bytes = 0;
  for (size_t i = 0; i < n; i++) bytes += len[i] + TG_TYPELEN;
  if (reserve(st, n, bytes + 1)) return -1;
  tg_tokh *tok = st->tok;
  uint32_t *role = st->role;
  int16_t *spare = st->score + m->ncp;
  tok[0] = tok[1] = st->bound[0];
  tok[n + 2] = tok[n + 3] = st->bound[1];
  for (int k = 0; k < 2; k++) {
    memcpy(role + k * TG_NROLE, st->bound_role[0], sizeof st->bound_role[0]);
    memcpy(role + (n + 2 + k) * TG_NROLE, st->bound_role[1], sizeof st->bound_role[1]);
  }
  for (size_t i = 0; i < n; i++) {
    uint32_t s = st->slot[i] = lookup(st, word[i], len[i]);
    if (s != UINT32_MAX) {
      st->gen[i] = st->type[s].gen;
      tok[i + 2] = st->type[s].h;
      memcpy(role + (i + 2) * TG_NROLE, st->type[s].role, sizeof st->type[s].role);
    } else {
      tg_tok_hashes(&tok[i + 2], word[i], len[i], &m->lex);
      uint32_t keys[TG_NROLE];
      tg_role_features(keys, &tok[i + 2]);
      get_features(m, keys, role + (i + 2) * TG_NROLE, TG_NROLE);
    }
  }
  unsigned p1 = TG_NOCLASS, p2 = TG_NOCLASS;
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    tg_type *t = NULL;
    uint32_t s = st->slot[i];
    if (s != UINT32_MAX) {         /* a later word of the sentence may have taken the slot */
      if (st->type[s].gen != st->gen[i]) s = lookup(st, word[i], len[i]);
      t = &st->type[s];
    }
    unsigned c;
    if (t && t->dict) {
      c = t->dict - 1u;
    } else if (t) {
      c = predict(m, st->score, st->own + (size_t)s * m->ncp, tok, role, i, p1, p2);
    } else {
      uint32_t d = tg_get(&m->dict, tok[i + 2].exact), unused[TG_NROLE];
      if (d) c = d - 1;
      else {
        make_row(m, &tok[i + 2], spare, unused);
        c = predict(m, st->score, spare, tok, role, i, p1, p2);
      }
    }
    upos[i] = m->cls_upos[c];
    xpos[i] = m->cls_xpos[c];
    lemma_of(st, t, xpos[i], word[i], len[i], &w, &lemma[i], &lemma_len[i]);
    p2 = p1;
    p1 = c;
  }
  return 0;
}
