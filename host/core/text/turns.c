/*
** turns.c: speaker turns, the second pass. Once the tokens, sentences and paragraphs are made,
** the first tokens of each paragraph are read as a possible speaker label (G. Bush., Q., BUSH:);
** the labels that the text confirms open turns, and each becomes a sentence of its own.
*/
#include <stdlib.h>
#include <string.h>

#include "text_int.h"

/* {====================================================================== speaker turns */

/* Shapes of speaker labels. */
enum {
  SH_NAME = 1,    /* initials and/or a title, a capitalized name, then . or : (G. Bush.) */
  SH_CAPS = 2,    /* capitalized words in capitals, then : (BUSH: PRESIDENT BUSH:) */
  SH_WORD = 3,    /* one capitalized word, then : (Bush:) */
  SH_INIT = 4     /* one capital initial alone (Q. A.) */
};

static int tok_is(const scan *S, const tx_token *t, char c) {
  return t->len == 1 && S->s[t->start] == (unsigned char)c;
}

/* An initial or a run of them: G. M.S. (capitals and dots taking turns). */
static int is_initials(const scan *S, const tx_token *t) {
  if (!(t->flags & TX_ABBREV) || t->len % 2) return 0;
  for (size_t k = 0; k < t->len; k += 2)
    if (!is_upper(S->s[t->start + k]) || S->s[t->start + k + 1] != '.') return 0;
  return 1;
}

/* A title abbreviation: Mr. MR. Pres. Dr. */
static int is_title(const scan *S, const tx_token *t) {
  if (!(t->flags & TX_ABBREV) || t->len < 2) return 0;
  const struct abbrev *a = txw_abbrev_find(S->s + t->start, t->len - 1);
  return a && (a->how & 7) == AB_TITLE && !(a->how & AB_ANYCASE);
}

/* A word that starts with a capital (or a caseless letter); *caps says it has no lowercase. */
static int is_capitalized(const scan *S, const tx_token *t, int *caps) {
  if (t->kind != TX_WORD || (t->flags & (TX_ABBREV | TX_CLITIC))) return 0;
  const unsigned char *w = S->s + t->start;
  uint32_t cp;
  cp_at(S->s, S->n, t->start, &cp);
  if (cp == UINT32_MAX || (cp < 0x80 ? !is_upper(cp) : txc_ulower(cp))) return 0;
  *caps = 1;
  for (size_t k = 0; k < t->len; k++) if (is_lower(w[k])) { *caps = 0; break; }
  return 1;
}

/* A paragraph's reading as a speaker label: its tokens, its text, its shape. */
typedef struct label {
  uint32_t ntok;        /* tokens of the label, brackets and final punctuation included */
  uint32_t from, len;   /* the label's text: no brackets, no final . or : */
  int shape;            /* SH_, or 0 for none */
} label;

/* A paragraph that may open a turn: its first token, and two readings of its label: the main
** one (G. Bush.) and, when it starts with a lone capital initial, that initial alone (Q.), since
** "A. Yes." reads as a name but is an answer in an interview. */
typedef struct cand {
  uint32_t para;
  label main, alt;
  uint32_t main_id, alt_id;   /* the label texts' entries in the count table */
} cand;

/* The readings of the paragraph of tokens [a, b); returns whether there is any. */
static int parse_label(const scan *S, uint32_t a, uint32_t b, cand *C) {
  const tx_token *t = S->d->tok;
  uint32_t lim = b - a > TX_LABEL_TOKENS ? a + TX_LABEL_TOKENS : b, k = a;
  int br = k < lim && tok_is(S, &t[k], '[');
  k += (uint32_t)br;
  uint32_t l0 = k;
  int ninit = 0, nword = 0, caps = 1, c;
  memset(C, 0, sizeof *C);
  C->para = a;
  if (l0 >= lim) return 0;
  if (!(t[l0].flags & TX_ABBREV)) {                 /* then only the colon shapes: find it */
    uint32_t j = l0 + 1;
    while (j < lim && j <= l0 + 4 && !tok_is(S, &t[j], ':')) j++;
    if (j >= lim || j > l0 + 4) return 0;
  }
  if (l0 < lim && t[l0].len == 2 && is_initials(S, &t[l0])) {      /* Q. */
    uint32_t e = l0 + 1;
    if (!br || (e < b && tok_is(S, &t[e], ']'))) {
      C->alt.shape = SH_INIT;
      C->alt.from = t[l0].start;
      C->alt.len = 1;
      C->alt.ntok = e + (uint32_t)br - a;
    }
  }
  while (k < lim && ninit < 4 && (is_initials(S, &t[k]) || is_title(S, &t[k]))) ninit++, k++;
  uint32_t w0 = k;
  while (k < lim && nword < 4) {
    if (is_capitalized(S, &t[k], &c)) caps &= c;
    else if (!(nword > 0 && t[k].kind == TX_WORD && txw_is_particle(S->s + t[k].start, t[k].len))) break;
    nword++, k++;
  }
  while (k > w0 && !is_capitalized(S, &t[k - 1], &c)) k--, nword--;   /* end on a name */
  if (nword > 0 && k < lim && (tok_is(S, &t[k], '.') || tok_is(S, &t[k], ':'))) {
    int colon = S->s[t[k].start] == ':', shape = 0;
    if (ninit) shape = SH_NAME;
    else if (colon && caps) shape = SH_CAPS;
    else if (colon && nword == 1 && !txw_is_not_speaker(S->s + t[w0].start, t[w0].len)) shape = SH_WORD;
    k++;
    if (shape && (!br || (k < b && tok_is(S, &t[k], ']')))) {
      C->main.shape = shape;
      C->main.from = t[l0].start;
      C->main.len = t[k - 2].start + t[k - 2].len - C->main.from;
      C->main.ntok = k + (uint32_t)br - a;
    }
  }
  return C->main.shape || C->alt.shape;
}

/* Whether the sorted starts[0..n) hold v. */
static int has_start(const uint32_t *starts, size_t n, uint32_t v) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (starts[mid] < v) lo = mid + 1; else hi = mid;
  }
  return lo < n && starts[lo] == v;
}

static uint32_t label_hash(const unsigned char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t k = 0; k < n; k++) h = (h ^ s[k]) * 16777619u;
  return h;
}

/* A table that counts label texts: open addressing over the candidates' readings. */
typedef struct counts {
  const unsigned char *s;
  uint32_t *slot;       /* 1 + index into from/len/cnt, or 0 */
  uint32_t *from, *len, *cnt, *seen;
  size_t size, n;
} counts;

/* The entry of label L's text (added if new), counted once more. */
static uint32_t count_label(counts *T, const label *L) {
  size_t h = label_hash(T->s + L->from, L->len) & (T->size - 1);
  for (;; h = (h + 1) & (T->size - 1)) {
    uint32_t e = T->slot[h];
    if (!e) {
      T->slot[h] = (uint32_t)++T->n;
      T->from[T->n - 1] = L->from;
      T->len[T->n - 1] = L->len;
      T->cnt[T->n - 1] = 1;
      return (uint32_t)T->n - 1;
    }
    e--;
    if (T->len[e] == L->len && memcmp(T->s + T->from[e], T->s + L->from, L->len) == 0) {
      T->cnt[e]++;
      return e;
    }
  }
}

/* Records turn u (tokens [first, ...) with label L) in d->turn, end set later. */
static int add_turn(tx_doc *d, uint32_t first, const label *L) {
  if (grow((void **)&d->turn, &d->turn_cap, d->nturn + 1, sizeof *d->turn)) return -1;
  tx_turn *u = &d->turn[d->nturn++];
  u->first = first;
  u->end = L->ntok;                 /* the label's token count until the ends are known */
  u->label = L->from;
  u->label_len = L->len;
  return 0;
}

/*
** Speaker turns. A paragraph opens with a speaker label when its first tokens have one of the
** shapes above (a bracketed label, [G. Bush.], counts too). A shape alone proves nothing in
** prose, so a label is accepted only when the same label text opens at least two paragraphs,
** or when at least two different SH_NAME labels (G. Bush. and M.S. Gorbachev.) open paragraphs.
** A paragraph that starts with a lone initial has a second reading, the initial alone (Q. A.).
** In a text where some repeated initial stands alone ("Q. What?" reads as no name), that
** reading is taken wherever its initial opens at least two paragraphs and more than the main
** reading does: "A. Yes." in an interview is the answerer A. Elsewhere "G. Bush." is G. Bush,
** however many other G.s speak.
** A turn runs from its label's paragraph to the next accepted label's paragraph, or to the end;
** text before the first label is in no turn. The label's tokens (brackets and the final . or :
** included) are flagged TX_SPEAKER, and the label is a sentence of its own: "G. Bush. I am
** glad" has the sentences "G. Bush." and "I am glad". Returns 0 or -1 (memory).
*/
int tx_find_turns(scan *S) {
  tx_doc *d = S->d;
  cand *cs = NULL;
  size_t nc = 0, ccap = 0;
  int rc = -1;
  counts T;
  memset(&T, 0, sizeof T);
  d->nturn = 0;
  for (size_t p = 0; p < d->npara; p++) {
    uint32_t a = d->para[p], b = p + 1 < d->npara ? d->para[p + 1] : (uint32_t)d->ntok;
    cand C;
    if (!parse_label(S, a, b, &C)) continue;
    if (grow((void **)&cs, &ccap, nc + 1, sizeof *cs)) goto out;
    cs[nc++] = C;
  }
  if (nc == 0) { rc = 0; goto out; }

  /* count the label texts of both readings */
  T.s = S->s;
  T.size = 8;
  while (T.size < 4 * nc) T.size *= 2;
  T.slot = calloc(T.size + 8 * nc, sizeof *T.slot);
  if (!T.slot) goto out;
  T.from = T.slot + T.size;
  T.len = T.from + 2 * nc;
  T.cnt = T.len + 2 * nc;
  T.seen = T.cnt + 2 * nc;
  for (size_t c = 0; c < nc; c++) {
    if (cs[c].main.shape) cs[c].main_id = count_label(&T, &cs[c].main);
    if (cs[c].alt.shape) cs[c].alt_id = count_label(&T, &cs[c].alt);
  }
  /* which reading each candidate takes; then how many distinct names those readings hold */
  size_t names = 0;
  int by_initials = 0;                 /* Q. and A. style: a repeated initial stands alone */
  for (size_t c = 0; c < nc; c++)
    if (cs[c].alt.shape && !cs[c].main.shape && T.cnt[cs[c].alt_id] >= 2) by_initials = 1;
  for (size_t c = 0; c < nc; c++) {
    cand *C = &cs[c];
    uint32_t nm = C->main.shape ? T.cnt[C->main_id] : 0, na = C->alt.shape ? T.cnt[C->alt_id] : 0;
    if (by_initials && na >= 2 && na > nm) { C->main = C->alt; C->main_id = C->alt_id; }
  }
  for (size_t c = 0; c < nc; c++) {
    cand *C = &cs[c];
    if (C->main.shape == SH_NAME && !T.seen[C->main_id]) { T.seen[C->main_id] = 1; names++; }
  }
  for (size_t c = 0; c < nc; c++) {
    cand *C = &cs[c];
    if (!C->main.shape) continue;
    if ((T.cnt[C->main_id] >= 2 || (C->main.shape == SH_NAME && names >= 2)) && add_turn(d, C->para, &C->main))
      goto out;
  }
  rc = 0;
  if (d->nturn == 0) goto out;

  /* a sentence start after each label: count the new ones, then merge them in from the back
  ** (the array is reused from text to text, so it is grown, never replaced) */
  size_t add = 0;
  for (size_t c = 0; c < d->nturn; c++) {
    uint32_t after = d->turn[c].first + d->turn[c].end;
    if (after < d->ntok && !has_start(d->sent, d->nsent, after)) add++;
  }
  if (add && grow((void **)&d->sent, &d->sent_cap, d->nsent + add, sizeof *d->sent)) { rc = -1; goto out; }
  size_t i = d->nsent, w = d->nsent + add;
  for (size_t c = d->nturn; c-- > 0 && w > i;) {
    uint32_t after = d->turn[c].first + d->turn[c].end;
    if (after >= d->ntok) continue;
    while (i > 0 && d->sent[i - 1] > after) d->sent[--w] = d->sent[--i];
    if (i > 0 && d->sent[i - 1] == after) continue;
    d->sent[--w] = after;
  }
  d->nsent += add;
  /* the labels' flags and the turns' ends */
  for (size_t c = 0; c < d->nturn; c++) {
    tx_turn *u = &d->turn[c];
    for (uint32_t k = 0; k < u->end; k++) d->tok[u->first + k].flags |= TX_SPEAKER;
    u->end = c + 1 < d->nturn ? d->turn[c + 1].first : (uint32_t)d->ntok;
  }
out:
  free(cs);
  free(T.slot);
  return rc;
}

/* }====================================================================== */
