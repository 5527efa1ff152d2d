/*
** feat.c: the features of a token, as 32-bit keys into the model's weight table. What is hashed
** once per token (the word, its affixes and shape) is kept in a tg_tokh; the keys of a position
** combine those of the token and its neighbours with the classes predicted before it. The trainer
** calls the same functions, so a model and the tagger always agree on what a feature is.
*/
#include "tag_int.h"

#define K1 0x9E3779B97F4A7C15ull
#define K2 0xC2B2AE3D27D4EB4Full

static uint64_t mix(uint64_t h) {
  h ^= h >> 31; h *= 0x7fb5d329728ea185ull; h ^= h >> 27; h *= 0x81dadef4bc2dd44dull; h ^= h >> 33;
  return h;
}

/* Eight bytes as a little-endian number, whatever the host. */
static uint64_t le64(const unsigned char *s) {
  return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24 |
         (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 | (uint64_t)s[7] << 56;
}

uint64_t tg_hash(const void *p, size_t n, uint64_t seed) {
  const unsigned char *s = p;
  uint64_t h = seed ^ (n * K1);
  for (; n >= 8; s += 8, n -= 8) h = (h ^ mix(le64(s))) * K2;
  uint64_t k = 0;                          /* the last n < 8 bytes, as a little-endian number */
  if (n >= 4) {                            /* two reads of 4 that overlap: the same bytes */
    uint64_t lo = (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24;
    const unsigned char *t = s + n - 4;
    uint64_t hi = (uint64_t)t[0] | (uint64_t)t[1] << 8 | (uint64_t)t[2] << 16 | (uint64_t)t[3] << 24;
    k = lo | hi << (8 * (n - 4));
  } else if (n) {
    k = (uint64_t)s[0] | (uint64_t)s[n / 2] << (8 * (n / 2)) | (uint64_t)s[n - 1] << (8 * (n - 1));
  }
  return mix(h ^ mix(k + K1));
}

static int is_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned c) { return c >= '0' && c <= '9'; }

/* The shape of s[0..n): X for an uppercase, x for a lowercase letter, d for a digit, u for another
** character beyond ASCII, the byte itself otherwise; a run of one kind is cut at three. */
static size_t shape(char *out, size_t cap, const unsigned char *s, size_t n) {
  size_t k = 0, run = 0;
  char last = 0;
  for (size_t i = 0; i < n && k < cap; i++) {
    unsigned c = s[i];
    char ch;
    if (c >= 0x80) { if ((c & 0xC0) == 0x80) continue; ch = 'u'; }
    else ch = is_upper(c) ? 'X' : is_lower(c) ? 'x' : is_digit(c) ? 'd' : (char)c;
    run = ch == last ? run + 1 : 1;
    last = ch;
    if (run <= 3) out[k++] = ch;
  }
  return k;
}

/* The parts of speech WordNet gives base[0..keep) + add (TG_WN_...), 0 if none. */
static uint32_t wn(const tg_table *lex, const char *base, size_t keep, const char *add) {
  char t[TG_WORDMAX + 4];
  size_t a = strlen(add);
  if (keep == 0 || keep + a > sizeof t) return 0;
  memcpy(t, base, keep);
  memcpy(t + keep, add, a);
  uint32_t v = tg_get(lex, tg_lex_key(t, keep + a, TG_LEX_WN));
  return v ? v - 1 : 0;
}

static int ends_with(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n > k && memcmp(s + n - k, suf, k) == 0;
}

/* Whether s[0..n) ends in a doubled consonant before its last cut bytes (stopped, bigger). */
static int doubled_before(const char *s, size_t n, size_t cut) {
  if (n < cut + 3) return 0;
  char x = s[n - cut - 1];
  return x == s[n - cut - 2] && is_lower((unsigned char)x) && !strchr("aeiou", x);
}

uint32_t tg_wordnet_class(const tg_table *lex, const char *w, size_t n) {
  if (!lex->slot || n == 0 || n > TG_WORDMAX) return 0;
  uint32_t c = wn(lex, w, n, ""), m;                             /* bits 0-3: as it is */
  if (ends_with(w, n, "s") && !ends_with(w, n, "ss")) {          /* plural nouns, -s verbs */
    m = wn(lex, w, n - 1, "");
    if (ends_with(w, n, "es")) m |= wn(lex, w, n - 2, "");
    if (ends_with(w, n, "ies")) m |= wn(lex, w, n - 3, "y");
    c |= (m & (TG_WN_NOUN | TG_WN_VERB)) << 4;
  }
  if (ends_with(w, n, "ed")) {                                    /* past tenses, participles */
    m = wn(lex, w, n - 2, "") | wn(lex, w, n - 1, "");
    if (ends_with(w, n, "ied")) m |= wn(lex, w, n - 3, "y");
    if (doubled_before(w, n, 2)) m |= wn(lex, w, n - 3, "");
    c |= (m & TG_WN_VERB) << 5;
  }
  if (ends_with(w, n, "ing")) {                                   /* gerunds, participles */
    m = wn(lex, w, n - 3, "") | wn(lex, w, n - 3, "e");
    if (doubled_before(w, n, 3)) m |= wn(lex, w, n - 4, "");
    c |= (m & TG_WN_VERB) << 6;
  }
  for (int sup = 0; sup < 2; sup++) {                             /* comparatives, superlatives */
    size_t k = sup ? 3 : 2;
    if (!ends_with(w, n, sup ? "est" : "er")) continue;
    m = wn(lex, w, n - k, "") | wn(lex, w, n - k + 1, "");
    if (w[n - k - 1] == 'i') m |= wn(lex, w, n - k - 1, "y");
    if (doubled_before(w, n, k)) m |= wn(lex, w, n - k - 1, "");
    c |= (m & TG_WN_ADJ) << (6 + sup);
  }
  return c;
}

void tg_tok_hashes(tg_tokh *th, const char *word, uint32_t len, const tg_table *lex) {
  const unsigned char *w = (const unsigned char *)word;
  unsigned char low[TG_WORDMAX];
  size_t n = len < TG_WORDMAX ? len : TG_WORDMAX;
  for (size_t i = 0; i < n; i++) low[i] = (unsigned char)(is_upper(w[i]) ? w[i] + 32 : w[i]);
  if (len && is_digit(w[0])) {
    int year = len == 4 && is_digit(w[1]) && is_digit(w[2]) && is_digit(w[3]);
    th->w = year ? 0x59454152 : 0x44494754;
  } else {
    th->w = tg_hash(low, n, 1);
  }
  for (unsigned k = 0; k < 4; k++) {
    size_t m = k + 1 < len ? k + 1 : len;
    unsigned char suf[4];
    for (size_t i = 0; i < m; i++) {
      unsigned c = w[len - m + i];
      suf[i] = (unsigned char)(is_upper(c) ? c + 32 : c);
    }
    th->s[k] = tg_hash(suf, m, 2 + k);
  }
  th->p1 = tg_hash(w, len ? 1 : 0, 6);
  th->p3 = tg_hash(low, n < 3 ? n : 3, 7);
  char sh[16];
  th->shape = tg_hash(sh, shape(sh, sizeof sh, w, len), 8);
  th->exact = tg_key(tg_hash(w, len, 9), 99);
  th->wn = len <= TG_WORDMAX ? tg_wordnet_class(lex, (const char *)low, n) | (uint32_t)is_upper(w[0]) << 12 : 0;
}

void tg_tok_bounds(tg_tokh th[2]) {
  for (int b = 0; b < 2; b++) {
    uint64_t v = b ? 0xE4D0E4D0ull : 0x57A27ull;
    th[b].w = th[b].p1 = th[b].p3 = th[b].shape = v;
    for (int k = 0; k < 4; k++) th[b].s[k] = v;
    th[b].exact = 0;
    th[b].wn = 1u << (13 + b);
  }
}

void tg_own_features(uint32_t *keys, const tg_tokh *c) {
  size_t k = 0;
  keys[k++] = tg_key(0, 0);                            /* bias */
  keys[k++] = tg_key(c->w, 1);
  keys[k++] = tg_key(c->s[0], 2);
  keys[k++] = tg_key(c->s[1], 3);
  keys[k++] = tg_key(c->s[2], 4);
  keys[k++] = tg_key(c->s[3], 5);
  keys[k++] = tg_key(c->p1, 6);
  keys[k++] = tg_key(c->p3, 7);
  keys[k++] = tg_key(c->shape, 8);
  keys[k++] = tg_key(c->exact, 23);                    /* the form as written: US, May */
  keys[k++] = tg_key(c->wn, 29);                       /* what WordNet knows of it */
}

void tg_role_features(uint32_t *keys, const tg_tokh *t) {
  keys[TG_ROLE_B1] = tg_key(t->w, 10);                 /* as the token before */
  keys[TG_ROLE_B1 + 1] = tg_key(t->s[2], 11);
  keys[TG_ROLE_B1 + 2] = tg_key(t->shape, 25);
  keys[TG_ROLE_B1 + 3] = tg_key(t->wn, 31);
  keys[TG_ROLE_B2] = tg_key(t->w, 12);                 /* as the second before */
  keys[TG_ROLE_A1] = tg_key(t->w, 13);                 /* as the token after */
  keys[TG_ROLE_A1 + 1] = tg_key(t->s[2], 14);
  keys[TG_ROLE_A1 + 2] = tg_key(t->shape, 16);
  keys[TG_ROLE_A1 + 3] = tg_key(t->wn, 30);
  keys[TG_ROLE_A2] = tg_key(t->w, 15);                 /* as the second after */
}

void tg_ctx_features(uint32_t *keys, const tg_tokh *t, size_t i, unsigned p1, unsigned p2) {
  const tg_tokh *c = t + i + 2, *b1 = c - 1, *a1 = c + 1;
  size_t k = 0;
  keys[k++] = tg_key(c->w * K1 + p1, 20);
  keys[k++] = tg_key(c->w * K1 + b1->w, 21);
  keys[k++] = tg_key(c->w * K1 + a1->w, 22);
  keys[k++] = tg_key(c->s[2] * K1 + p1, 24);
}

void tg_prev_features(uint32_t *keys, unsigned p1, unsigned p2) {
  keys[0] = tg_key(p1, 17);
  keys[1] = tg_key(p2, 18);
  keys[2] = tg_key(p1 << 8 | p2, 19);
}

void tg_start_features(uint32_t *keys, const tg_tokh *c, int start) {
  keys[0] = tg_key(c->shape + (uint64_t)start, 9);     /* shape at the start of a sentence */
  keys[1] = tg_key(c->wn * 2 + (uint32_t)start, 26);   /* the WordNet class at the start */
}

void tg_features(uint32_t *keys, const tg_tokh *t, size_t i, unsigned p1, unsigned p2) {
  uint32_t r[TG_NROLE];
  const tg_tokh *c = t + i + 2;
  tg_own_features(keys, c);
  keys += TG_NOWN;
  tg_role_features(r, c - 1);
  for (int k = 0; k < TG_NEAR; k++) *keys++ = r[TG_ROLE_B1 + k];
  tg_role_features(r, c - 2);
  *keys++ = r[TG_ROLE_B2];
  tg_role_features(r, c + 1);
  for (int k = 0; k < TG_NEAR; k++) *keys++ = r[TG_ROLE_A1 + k];
  tg_role_features(r, c + 2);
  *keys++ = r[TG_ROLE_A2];
  tg_ctx_features(keys, t, i, p1, p2);
  tg_start_features(keys + TG_NCTX, c, i == 0);
  tg_prev_features(keys + TG_NCTX + TG_NSTART, p1, p2);
}
