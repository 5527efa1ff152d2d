/*
** lemma.c: the lemma of a tagged word. First the exceptions the trainer learned (forms whose
** lemma the rules get wrong in the training data, and WordNet's irregular forms: went -> go);
** then the rule of the word's XPOS: plural nouns, verbs in -s/-ed/-ing (with doubled consonants
** and a restored e), comparatives and superlatives, numbers written with commas. Where a rule has
** several candidates (hoped: hope or hop?) the one the word lists know best wins. Everything is
** lowercased but proper nouns and addresses (ADD: e-mail, web).
*/
#include "tag_int.h"

static int is_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
static int is_vowel(unsigned c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* A candidate lemma: the first keep bytes of the base, then add. */
typedef struct cand { uint32_t keep; const char *add; } cand;

/* How well list knows base[0..keep)+add: training count + 1, or 0 when unknown. */
static uint32_t known(const tg_model *m, unsigned list, const char *base, const cand *c) {
  char t[TG_WORDMAX + 4];
  size_t n = c->keep, a = strlen(c->add);
  if (n + a > sizeof t || n == 0) return 0;
  for (size_t i = 0; i < n; i++) t[i] = (char)(is_upper((unsigned char)base[i]) ? base[i] + 32 : base[i]);
  memcpy(t + n, c->add, a);
  return tg_get(&m->lex, tg_lex_key(t, n + a, list));
}

/* Whether base[0..len) ends with the ASCII lowercase suffix s (case of base ignored). */
static int ends(const char *base, uint32_t len, const char *s) {
  size_t k = strlen(s);
  if (len <= k) return 0;
  for (size_t i = 0; i < k; i++) {
    unsigned c = (unsigned char)base[len - k + i];
    if ((is_upper(c) ? c + 32 : c) != (unsigned char)s[i]) return 0;
  }
  return 1;
}

/* Whether base ends in a doubled consonant before the last cut bytes (stopped, bigger). */
static int doubled(const char *b, uint32_t len, uint32_t cut) {
  if (len < cut + 3) return 0;
  unsigned x = (unsigned char)b[len - cut - 1], y = (unsigned char)b[len - cut - 2];
  return x == y && !is_vowel(x | 32) && ((x | 32) >= 'a' && (x | 32) <= 'z');
}

/* The candidates of the rule cat for base[0..len); c[0] is the choice when no list knows any. */
static int candidates(int cat, const char *b, uint32_t len, cand *c) {
  int n = 0;
  switch (cat) {
  case TG_L_NOUNS: case TG_L_PROPERS: case TG_L_VBZ:
    if (len < 3 || !ends(b, len, "s") || ends(b, len, "ss") || ends(b, len, "us") ||
        ends(b, len, "is")) return 0;
    if (ends(b, len, "ies") && len > 4) { c[n++] = (cand){ len - 3, "y" }; c[n++] = (cand){ len - 1, "" }; }
    else if (ends(b, len, "ves")) {
      c[n++] = (cand){ len - 1, "" }; c[n++] = (cand){ len - 3, "f" }; c[n++] = (cand){ len - 3, "fe" };
    } else if (ends(b, len, "ches") || ends(b, len, "shes") || ends(b, len, "sses") ||
               ends(b, len, "xes") || ends(b, len, "zes") || (cat == TG_L_VBZ && ends(b, len, "oes"))) {
      c[n++] = (cand){ len - 2, "" }; c[n++] = (cand){ len - 1, "" };
    } else c[n++] = (cand){ len - 1, "" };
    return n;
  case TG_L_VBD:
    if (len < 4 || !ends(b, len, "ed")) return 0;
    if (ends(b, len, "ied")) { c[n++] = (cand){ len - 3, "y" }; c[n++] = (cand){ len - 1, "" }; return n; }
    if (doubled(b, len, 2) && !ends(b, len, "lled") && !ends(b, len, "ssed"))
      c[n++] = (cand){ len - 3, "" };
    c[n++] = (cand){ len - 2, "" };
    c[n++] = (cand){ len - 1, "" };
    if (doubled(b, len, 2)) c[n++] = (cand){ len - 3, "" };
    return n;
  case TG_L_VBG:
    if (len < 5 || !ends(b, len, "ing")) return 0;
    if (doubled(b, len, 3) && !ends(b, len, "lling") && !ends(b, len, "ssing"))
      c[n++] = (cand){ len - 4, "" };
    c[n++] = (cand){ len - 3, "" };
    c[n++] = (cand){ len - 3, "e" };
    if (doubled(b, len, 3)) c[n++] = (cand){ len - 4, "" };
    return n;
  case TG_L_CMP: case TG_L_SUP: {
    uint32_t k = cat == TG_L_CMP ? 2 : 3;
    if (len < k + 3 || !ends(b, len, cat == TG_L_CMP ? "er" : "est")) return 0;
    if (ends(b, len, cat == TG_L_CMP ? "ier" : "iest")) c[n++] = (cand){ len - k - 1, "y" };
    if (doubled(b, len, k)) c[n++] = (cand){ len - k - 1, "" };
    c[n++] = (cand){ len - k, "" };
    c[n++] = (cand){ len - k + 1, "" };
    return n;
  }
  default:
    return 0;
  }
}

/* Copies word into buf, lowercased unless keep_case; returns whether anything changed. */
static int lower_into(char *buf, const char *w, uint32_t len, int keep_case) {
  int changed = 0;
  for (uint32_t i = 0; i < len; i++) {
    unsigned c = (unsigned char)w[i];
    if (!keep_case && is_upper(c)) { c += 32; changed = 1; }
    buf[i] = (char)c;
  }
  return changed;
}

/* A number of digits, periods and commas with a comma in it: its lemma without the commas, as
** the treebank writes it (420,588 -> 420588) in buf. Returns its length, or 0 for another word. */
static uint32_t number(const char *w, uint32_t len, char *buf) {
  uint32_t k = 0, commas = 0;
  for (uint32_t i = 0; i < len; i++) {
    char c = w[i];
    if (c == ',') { commas++; continue; }
    if (!(c >= '0' && c <= '9') && c != '.') return 0;
    buf[k++] = c;
  }
  return commas && k ? k : 0;
}

uint32_t tg_lemma_rule(const tg_model *m, unsigned xpos, const char *word, uint32_t len, char *buf,
                       const char **out, uint32_t *out_len) {
  int cat = xpos < m->nxpos ? m->lcat[xpos] : TG_L_LOWER;
  if (cat == TG_L_NUMBER && (*out_len = number(word, len, buf)) != 0) {
    *out = buf;
    return *out_len;
  }
  int keep_case = cat == TG_L_PROPER || cat == TG_L_PROPERS;
  cand c[5];
  int n = len <= TG_WORDMAX ? candidates(cat, word, len, c) : 0;
  uint32_t keep = len;
  const char *add = "";
  if (n) {
    unsigned list = cat <= TG_L_PROPERS ? TG_LEX_NOUN : cat <= TG_L_VBG ? TG_LEX_VERB : TG_LEX_ADJ;
    int best = 0;
    uint32_t best_k = 0;
    for (int i = 0; i < n; i++) {
      uint32_t k = known(m, list, word, &c[i]);
      if (k > best_k) { best = i; best_k = k; }
    }
    keep = c[best].keep;
    add = c[best].add;
  }
  int changed = lower_into(buf, word, keep, keep_case);
  size_t a = strlen(add);
  if (!changed && keep == len) {   /* the word itself */
    *out = word;
    *out_len = len;
    return 0;
  }
  memcpy(buf + keep, add, a);
  *out = buf;
  *out_len = keep + (uint32_t)a;
  return *out_len;
}

uint32_t tg_lemma(const tg_model *m, unsigned xpos, const char *word, uint32_t len, char *buf,
                  const char **out, uint32_t *out_len) {
  if (m->nexc && len <= TG_WORDMAX) {
    char low[TG_WORDMAX];
    size_t k = 0;
    for (uint32_t i = 0; i < len; i++) {     /* lowercased, with ’ as ' */
      unsigned c = (unsigned char)word[i];
      if (c == 0xE2 && i + 2 < len && (unsigned char)word[i + 1] == 0x80 &&
          (unsigned char)word[i + 2] == 0x99) { low[k++] = '\''; i += 2; continue; }
      low[k++] = (char)(is_upper(c) ? c + 32 : c);
    }
    uint32_t key = tg_lex_key(low, k, 16u + xpos);
    for (uint32_t i = key & m->exc.mask; tg_maybe(&m->exc, key) && m->exc.slot[i].key; i = (i + 1) & m->exc.mask) {
      if (m->exc.slot[i].key != key) continue;
      const tg_exc *e = &m->excs[m->exc.slot[i].val];
      if (e->xpos == xpos && e->form_len == k && memcmp(e->form, low, k) == 0) {
        *out = e->lemma;
        *out_len = e->lemma_len;
        return 0;
      }
      break;
    }
  }
  return tg_lemma_rule(m, xpos, word, len, buf, out, out_len);
}
