/*
** segment.c: sentences and paragraphs. They are decided token by token while the scanner makes
** the tokens (emit calls tx_seg_token), from the whitespace before each token and from what the
** tokens before it allow; the rules are written down above tx_seg_token.
*/
#include <string.h>

#include "text_int.h"

/* {====================================================================== sentences and paragraphs */

static void add_start(scan *S, uint32_t **arr, size_t *n, size_t *cap, uint32_t ti) {
  if (*n == *cap && grow((void **)arr, cap, *n + 1, sizeof **arr)) { S->oom = 1; return; }
  (*arr)[(*n)++] = ti;
}

static void start_sentence(scan *S, uint32_t ti) {
  add_start(S, &S->d->sent, &S->d->nsent, &S->d->sent_cap, ti);
  S->para_sents++;
}

static void start_paragraph(scan *S, const tx_token *t, uint32_t ti) {
  add_start(S, &S->d->para, &S->d->npara, &S->d->para_cap, ti);
  S->para_from = t->start;
  S->para_lines = 0;
  S->para_sents = 0;
  start_sentence(S, ti);
}

/* Whether token t starts with a lowercase letter. */
static int starts_lower(const scan *S, const tx_token *t) {
  if (t->kind != TX_WORD) return 0;
  uint32_t cp;
  cp_at(S->s, S->n, t->start, &cp);
  return cp < 0x80 ? is_lower(cp) != 0 : cp != UINT32_MAX && txc_ulower(cp);
}

/* Whether token t may open a sentence after sentence-final punctuation: it starts with an
** uppercase (or caseless) letter or a digit, or it is an opening quotation mark or bracket. */
static int opens_sentence(const scan *S, const tx_token *t, int hint) {
  if (hint == H_OPEN || hint == H_URL || t->kind == TX_NUMBER) return 1;
  if (t->kind != TX_WORD || (t->flags & TX_CLITIC)) return 0;
  uint32_t cp;
  cp_at(S->s, S->n, t->start, &cp);
  return cp < 0x80 ? is_upper(cp) != 0 : !txc_ulower(cp);
}

/* The last token leaves a clause open: it is , ; - & or a title or initial (Mr. G.). */
static int ends_open(const scan *S) {
  unsigned c = S->s[S->last_end - 1];
  return c == ',' || c == ';' || c == '-' || c == '&' || S->st == ST_ANOBREAK;
}

/* The current paragraph is a heading: one line, one sentence, short, not starting with a
** lowercase letter, not left open. */
static int is_heading(const scan *S) {
  return !S->para_lines && S->para_sents == 1 && S->last_end - S->para_from <= TX_HEADING_MAX &&
         !ends_open(S) && !is_lower(S->s[S->para_from]);
}

/* At the first line break of the text, before token t: the first line is a title (its own
** paragraph) when it is a heading of at most TX_TITLE_MAX bytes, the next line starts as a
** sentence would, and the first line is shorter than 3/4 of the next one (the lines of
** hard-wrapped prose are all about as long, and there the first line is no title). */
static int first_line_title(const scan *S, const tx_token *t, int hint) {
  size_t first = S->last_end - S->para_from;
  if (first > TX_TITLE_MAX || S->para_sents != 1 || ends_open(S) || !opens_sentence(S, t, hint)) return 0;
  size_t lim = S->n - t->start;
  if (lim > 4 * TX_TITLE_MAX) lim = 4 * TX_TITLE_MAX;
  const unsigned char *e = memchr(S->s + t->start, '\n', lim);
  size_t next = e ? (size_t)(e - (S->s + t->start)) : lim;
  return first * 4 <= next * 3;
}

/*
** Sentence and paragraph starts, decided at each token t (index ti) from the whitespace before
** it and from what the previous tokens allow (S->st):
** - A paragraph starts after a blank line (or a form feed, or U+2029), and also after the
**   text's first line when that line is a title (first_line_title). A line break alone is not a
**   boundary: text may be hard-wrapped.
** - Page-break repair: when the paragraph before the blank line does not end with sentence-final
**   punctuation (. ! ? ..., possibly followed by closing quotes or brackets; an abbreviation's
**   dot does not count) and t starts with a lowercase letter, the text was cut by a page break
**   ("not sparing a\n\nsingle country", "Pe\n\nrez de Cue\n\nllar"): neither the paragraph
**   nor the sentence breaks. Only a title is never continued so: the text's first paragraph
**   when it is a heading (one line of at most TX_HEADING_MAX bytes, one sentence, not ending
**   with , ; - or a title). Elsewhere a short paragraph may well be cut by a page break.
** - Every paragraph start is a sentence start. Inside a paragraph a sentence starts after
**   . ! ? or an ellipsis, with any closing quotes and brackets after them, when t starts with an
**   uppercase letter or a digit, or is an opening quote or bracket, or an URL; a lowercase word
**   goes on the sentence ("mistake." he said). After an abbreviation that may end a sentence
**   (the dotted ones and Inc. etc. Jr.), a sentence starts only before a word of the starters
**   list; after a title, a month, or an initial (Mr. Sept. G.), never.
** Speaker labels add their own sentence starts later (tx_find_turns).
*/
void tx_seg_token(scan *S, const tx_token *t, int hint) {
  uint32_t ti = (uint32_t)S->d->ntok;
  if (ti == 0) {
    start_paragraph(S, t, 0);
  } else if (S->blank || S->nl >= 2 || (!S->seen_nl && S->nl && first_line_title(S, t, hint))) {
    if (S->st != ST_TERM && starts_lower(S, t) && !(S->d->npara == 1 && is_heading(S))) S->para_lines = 1;
    else start_paragraph(S, t, ti);
  } else {
    if (S->nl) S->para_lines = 1;
    if (S->st == ST_TERM ? opens_sentence(S, t, hint)
                         : S->st == ST_AFINAL && t->kind == TX_WORD && txw_is_starter(S->s + t->start, t->len))
      start_sentence(S, ti);
  }
  if (S->nl && ti > 0) S->seen_nl = 1;
  switch (hint) {
    case H_TERM: S->st = ST_TERM; break;
    case H_CLOSE: break;
    case H_AFINAL: S->st = ST_AFINAL; break;
    case H_ANOBREAK: S->st = ST_ANOBREAK; break;
    default: S->st = ST_NONE; break;
  }
  S->last_end = t->start + t->len;
}

/* }====================================================================== */
