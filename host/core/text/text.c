/*
** text.c: the tokenizer's entry points and its scanner (the contract is in text.h).
** One left-to-right pass over the bytes makes the tokens here and, as each token is made, has
** segment.c decide from it and the whitespace before it whether a sentence or a paragraph starts
** there; a second, short pass over the paragraph starts finds speaker labels (turns.c). chars.c
** classifies the characters with nothing beyond libc, words.c holds the word lists, text_int.h
** what these files share. The scanner shares this file with tx_tokenize because its main loop
** runs fastest on a scan state local to the same function: in a file of its own it made
** tx_tokenize about 10% slower on bench/text_speed.c. The rules, where they had to be chosen, are
** written down here; for English they follow Universal Dependencies' English treebanks (EWT, GUM),
** checked form by form against their data, so that a tagger trained on UD finds its words
** (forms.c holds the shapes that only come up at a digit, a slash or an emoticon):
**
** Tokens
**   words     letters (any script: every non-ASCII code point outside the ranges of spaces,
**             punctuation and symbols below counts as a letter), digits, inner apostrophes that
**             are not clitics (O'Brien, rock'n'roll), inner dots of dotted abbreviations (U.N,
**             Ph.D: a dot joins when the piece before it is at most 3 bytes and the piece after
**             it is a single letter), & between letters (AT&T a&m), b/c w/o L/C (a letter, a
**             slash, a letter standing alone).
**   hyphens   in English and texts of unknown language a hyphen between letters or digits is a
**             token of its own, as in UD English: search-engine -> search - engine, U.S.-led ->
**             U.S. - led, 17-page -> 17 - page, 1990-91 -> 1990 - 91. Whole stay: a word after
**             a prefix UD keeps (non- pre- re- co- anti- mid- e- before a lowercase letter; words.c)
**             when no hyphen comes before or after the pair (non-white, but over - the - counter),
**             and numbers that are no range (below). Other languages keep a compound one token
**             with parts (TX_COMPOUND: homme-orchestre), as their treebanks mostly do.
**   numbers   a token that starts with an ASCII digit: 60,000 (a comma joins when exactly three
**             digits follow) 2.5 1.2.3 1990s 2nd. No sign: -5 is '-' and '5'. 60% is '60' '%',
**             $5 is '$' '5'; S/RES/1441 is 'S' '/' 'RES' '/' '1441' and 48/126 is '48' '/' '126'
**             (so "1441" finds the resolution). One token each, as in UD: times (14:57 01:39:56;
**             3:1 is cut), dates with slashes (07/06/2000 3/8/00, and month/day 9/11 5/18; 1/2 is
**             cut), digits joined by hyphens that are no range: three groups or more
**             (2002-09-20 713-853-3989) or four digits after a group that is not four (853-7906
**             94720-1900). A unit written against a number splits off (10am 16bn 5k 3.5m: the
**             list is in words.c); a decade keeps its 's (the 80's, 1960's).
**   multiword words that UD writes as one token of several words spelling it split with
**             adjacent spans, the later words TX_CLITIC: cannot -> can not, gonna -> gon na,
**             wanna -> wan na, gotta -> got ta, outta -> out ta, dunno -> du n no. Not the ones
**             without an apostrophe that other languages share (dont, im, its).
**   abbrevs   the final dot stays in the token (TX_ABBREV) after a dotted word (U.S. e.g. Ph.D.),
**             after one capital letter (an initial: G.; "I." only inside a run of initials, as in
**             "I. M. Pei", since "as did I." ends a sentence), and after a word of the built-in
**             table (Mr. Sept. Inc. etc.; No. Art. p. vol. only before a number).
**   clitics   split off, TX_CLITIC on the clitic: 's 're 've 'll 'd 'm with ' or ’ (Iraq's ->
**             Iraq 's); n't the Penn Treebank way (don't -> do n't, can't -> ca n't, won't -> wo
**             n't); a possessive apostrophe after s (boys' -> boys ') unless a single quotation
**             is open in the paragraph, where it closes it. Any other apostrophe at the end of a
**             word stays in the word (goin', the transliterated soft sign of Deskat').
**             A clitic standing alone ("'s", "n't") is a clitic token too, so that queries for
**             it match what the index holds.
**   elisions  split off the word they start, apostrophe included, TX_ELISION: l' d' j' m' n' s'
**             t' c', qu' and any word ending in it (jusqu' lorsqu' puisqu'), the Italian dell'
**             dall' nell' sull' all' coll' un' quest' quell' (any case, ' or ’), when a letter
**             follows: L'ONU -> L' ONU, qu'il -> qu' il, dell'Onu -> dell' Onu. In French,
**             Italian, Catalan, Occitan and texts of unknown language any letter will do; in the
**             others only a capital (d'Estaing), so that English keeps c'mon, m'lady, t'other,
**             d'you whole. n't and the clitics above come first (UN's is UN 's, not un' s);
**             O'Brien and rock'n'roll start with no elision; a bare n' (rock n' roll) has no
**             letter after it.
**   scripts without spaces: a run of Han, Hiragana, Katakana, Thai, Lao, Khmer or Myanmar
**             letters is cut into words by ICU's dictionary-based word break iterator (dict.c),
**             and ends any other word it touches: 第1441号 is 第 1441 号. Hangul has spaces.
**   quotes    ' " ‘ ’ “ ” „ ‚ ‛ ‟ « » ‹ › are TX_PUNCT|TX_QUOTE, one each. An apostrophe that
**             starts a token is a quotation mark ('90s gives ' and 90s).
**   punct     . , ; : ! ? ( ) [ ] { } each alone; a run of two or more dots is one token (.. ...),
**             as is U+2026, a run of ! and ? (!!! ?! and a dot before them: .?), a run of
**             hyphens not between word characters (" - ", "--"), and each dash (– — ‒ ―).
**   symbols   every other ASCII character, every non-ASCII symbol (with the variation
**             selectors, skin tones and ZWJ sequences that follow an emoji), every byte that is
**             not valid UTF-8: TX_SYMBOL; a run of the same ASCII symbol is one (** +++ ==).
**             Emoticons after a space and before no word character are one TX_SYMBOL: :) :-(
**             ;D =) (:. URLs (scheme:// or www.), mailto: addresses and e-mail addresses are one
**             TX_SYMBOL token each; trailing punctuation is left out of them.
**   invisible format characters (ZWJ, ZWNJ, soft hyphen, BOM) join a word they are inside and
**             are skipped elsewhere; ZWSP and the Unicode spaces are whitespace.
**
** Sentences and paragraphs: see tx_seg_token() in segment.c; speaker turns: see tx_find_turns() in
** turns.c.
*/
#include <stdlib.h>
#include <string.h>

#include "text_int.h"

/* {====================================================================== characters */

/* What only the scanner asks about characters (the shared helpers are in text_int.h). */

/* Whether s[i] starts a letter (no digit); *m gets its length. */
static int letter_at(const unsigned char *s, size_t n, size_t i, int *m) {
  if (i >= n) return 0;
  if (s[i] < 0x80) { *m = 1; return is_alpha(s[i]) != 0; }
  uint32_t cp;
  int k = u8dec(s + i, n - i, &cp);
  *m = k;
  return k && ucls(cp) == U_LETTER;
}

/* Whether s[i] starts a letter of a script written without spaces (the scanner hands its runs to
** ICU). */
static int dict_at(const unsigned char *s, size_t n, size_t i) {
  uint32_t cp;
  return i < n && s[i] >= 0x80 && u8dec(s + i, n - i, &cp) && dict_cp(cp) && ucls(cp) == U_LETTER;
}

/* The length of an apostrophe (' or U+2019) at s[i], or 0. */
static int apos_at(const unsigned char *s, size_t n, size_t i) {
  if (i >= n) return 0;
  if (s[i] == '\'') return 1;
  if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x99) return 3;
  return 0;
}

/* Whether the character that ends just before s[i] is whitespace, an opening bracket or an
** opening quotation mark (or i is 0): what stands left of an opening quotation mark. */
static int open_left(const unsigned char *s, size_t i) {
  if (i == 0) return 1;
  unsigned c = s[i - 1];
  if (c < 0x80) return (txc_ccls[c] & (CS | CP)) || c == '"';
  if (i >= 2 && s[i - 2] == 0xC2 && c == 0xA0) return 1;                           /* NBSP */
  if (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80) return c == 0x9C || c == 0x98 || c == 0x9E;  /* “ ‘ „ */
  return 0;
}

/* Whether s[i] is the end, whitespace, or punctuation that may follow a closing quotation mark. */
static int close_right(const unsigned char *s, size_t n, size_t i) {
  if (i >= n) return 1;
  unsigned c = s[i];
  if (c < 0x80) return is_space(c) || strchr(".,;:!?)]}-\"'", (int)c) != NULL;
  if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) return 1;
  if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
    unsigned c2 = s[i + 2];
    return c2 == 0x9D || c2 == 0x99 || (c2 >= 0x93 && c2 <= 0x94) || c2 == 0xA6;   /* ” ’ – — … */
  }
  return 0;
}

/* }====================================================================== */


/* {====================================================================== the scanner */

/* Appends a token. Inline, so that a token costs one call, to the segmenter, and none when only
** tokens are asked for. */
static inline void emit(scan *S, size_t start, size_t len, int kind, int flags, int hint) {
  tx_doc *d = S->d;
  if (d->ntok == d->tok_cap && grow((void **)&d->tok, &d->tok_cap, d->ntok + 1, sizeof *d->tok)) {
    S->oom = 1;
    return;
  }
  tx_token *t = &d->tok[d->ntok];
  t->start = (uint32_t)start;
  t->len = (uint32_t)len;
  t->kind = (uint8_t)kind;
  t->flags = (uint8_t)flags;
  if (S->seg) tx_seg_token(S, t, hint);
  d->ntok++;
  S->nl = 0;
  S->blank = 0;
}

/* The length of a clitic suffix (s d m re ve ll, any case) at s[j] that ends a word, or 0. */
static size_t clitic_suffix(const unsigned char *s, size_t n, size_t j) {
  size_t k = 0;
  while (k < 3 && j + k < n && is_alpha(s[j + k])) k++;
  int m;
  if (k == 0 || k == 3 || word_char_at(s, n, j + k, &m)) return 0;
  unsigned a = to_lower(s[j]), b = k == 2 ? to_lower(s[j + 1]) : 0;
  if (k == 1) return (a == 's' || a == 'd' || a == 'm') ? 1 : 0;
  return ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) ? 2 : 0;
}

/* Whether the ASCII letters s[w0..i) are a word that French or Italian elides before a vowel:
** one of l d j m n s t c, a word ending in qu (qu jusqu lorsqu), or an Italian article or
** preposition (dell all ...); any case. */
static int elided_word(const unsigned char *s, size_t w0, size_t i) {
  static const char *const it[] = { "all", "coll", "dall", "dell", "nell", "sull", "un", "quest", "quell" };
  char w[8];
  size_t k = i - w0;
  if (k == 0 || k > 7) return 0;
  for (size_t j = 0; j < k; j++) {
    if (!is_alpha(s[w0 + j])) return 0;
    w[j] = (char)to_lower(s[w0 + j]);
  }
  w[k] = '\0';
  if (k == 1) return strchr("ldjmnstc", w[0]) != NULL;
  if (w[k - 2] == 'q' && w[k - 1] == 'u') return 1;
  for (size_t j = 0; j < sizeof it / sizeof *it; j++)
    if (strcmp(w, it[j]) == 0) return 1;
  return 0;
}

/* Whether the letter that an elision leaves at s[j] lets it split, by S->elide. */
static int elision_before(const scan *S, size_t j) {
  int m;
  if (!S->elide || !letter_at(S->s, S->n, j, &m)) return 0;
  if (S->elide == EL_ALL) return 1;
  uint32_t cp;
  cp_at(S->s, S->n, j, &cp);
  return cp < 0x80 ? is_upper(cp) != 0 : !txc_ulower(cp);
}

/* What an apostrophe inside a word does. */
enum { AP_JOIN, AP_SPLIT, AP_KEEP, AP_STOP, AP_WHOLE, AP_ELIDE };

/*
** An apostrophe of a bytes at s[i], after word characters that began at w0 (the word) and p0
** (this part of a compound). Returns AP_JOIN (inner apostrophe: O'Brien, go on scanning),
** AP_SPLIT (a clitic [*c0, *c1) follows the word, which ends at *c0), AP_KEEP (the apostrophe
** ends the word and belongs to it: goin'), AP_STOP (the word ends before it: a closing quote),
** AP_WHOLE (the token is the clitic n't itself, ending at *c1), or AP_ELIDE (the word is an
** elision that ends with the apostrophe, at *c1, and the next word starts there).
*/
static int apostrophe(scan *S, size_t w0, size_t p0, size_t i, size_t a, size_t *c0, size_t *c1) {
  const unsigned char *s = S->s;
  size_t n = S->n, j = i + a;
  int m;
  if (j < n && (s[j] | 0x20) == 't' && (s[i - 1] | 0x20) == 'n' && is_alpha(s[i - 1]) &&
      !word_char_at(s, n, j + 1, &m)) {             /* n't */
    *c1 = j + 1;
    if (i - 1 == w0) return AP_WHOLE;
    if (i - 1 > p0) { *c0 = i - 1; return AP_SPLIT; }
  }
  size_t k = clitic_suffix(s, n, j);                /* UN's: a clitic before an elision (un') */
  if (k == 1 && (s[j] | 0x20) == 's' && (i - w0 == 2 || i - w0 == 4) && is_digit(s[w0]) &&
      is_digit(s[i - 1]) && (i - w0 == 2 || (is_digit(s[w0 + 1]) && is_digit(s[w0 + 2])))) {
    *c1 = j + 1;                                    /* the 80's, 1960's: a decade */
    return AP_KEEP;
  }
  if (k) { *c0 = i; *c1 = j + k; return AP_SPLIT; }
  if (p0 == w0 && elided_word(s, w0, i) && elision_before(S, j)) { *c1 = j; return AP_ELIDE; }
  if (word_char_at(s, n, j, &m) && !dict_at(s, n, j)) return AP_JOIN;
  if (S->squote) return AP_STOP;                   /* closes 'the rockets' */
  if ((s[i - 1] | 0x20) == 's' && is_alpha(s[i - 1])) { *c0 = i; *c1 = j; return AP_SPLIT; }
  *c1 = j;
  return AP_KEEP;
}

/* The end of an e-mail address that starts at s[i], or 0 when there is none. */
static size_t email_end(const unsigned char *s, size_t n, size_t i) {
  size_t k = i;
  while (k < n && (is_alnum(s[k]) || s[k] == '.' || s[k] == '_' || s[k] == '%' || s[k] == '+' || s[k] == '-')) k++;
  if (k == i || k >= n || s[k] != '@' || s[k - 1] == '.') return 0;
  k++;
  size_t end = 0;
  int labels = 0;
  for (;;) {
    size_t l0 = k;
    while (k < n && (is_alnum(s[k]) || s[k] == '-')) k++;
    if (k == l0) break;
    end = k;
    labels++;
    if (k + 1 < n && s[k] == '.' && is_alnum(s[k + 1])) { k++; continue; }
    break;
  }
  return labels >= 2 ? end : 0;
}

/* The end of an URL that starts at s[i]: up to whitespace, a non-ASCII character or one that
** URLs do not hold, less the punctuation that ends the sentence around it. */
static size_t url_end(const unsigned char *s, size_t n, size_t i) {
  size_t k = i;
  int paren = 0, brack = 0;
  while (k < n && !(txc_ccls[s[k]] & (CX | CH))) {
    if (s[k] == '(') paren++;
    else if (s[k] == ')') paren--;
    else if (s[k] == '[') brack++;
    else if (s[k] == ']') brack--;
    k++;
  }
  while (k > i) {
    unsigned c = s[k - 1];
    if (c == ')' && paren < 0) paren++;
    else if (c == ']' && brack < 0) brack++;
    else if (!strchr(".,;:!?'*", (int)c)) break;
    k--;
  }
  return k;
}

/* Whether s[i..) holds, after spaces, a digit (the number after No.). */
static int number_follows(const unsigned char *s, size_t n, size_t i) {
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  return i < n && is_digit(s[i]);
}

/* Whether s[i..) holds, after spaces, another initial (a capital letter and a dot). */
static int initial_follows(const unsigned char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ') i++;
  return i + 1 < n && is_upper(s[i]) && s[i + 1] == '.';
}

/* The word s[p0..i) (the last part of a token) is followed by a single dot at s[i]: does the
** dot belong to it? Sets *hint for the segmenter. */
static int takes_dot(const scan *S, size_t p0, size_t i, int dotted, int *hint) {
  const unsigned char *s = S->s;
  size_t n = S->n;
  if (dotted) { *hint = H_AFINAL; return 1; }
  if (i - p0 == 1 && is_upper(s[p0])) {              /* an initial; "I." only among initials */
    if (s[p0] == 'I' && !initial_follows(s, n, i + 1)) return 0;
    *hint = H_ANOBREAK;
    return 1;
  }
  if (s[p0] >= 0x80) {                               /* a non-ASCII capital: an initial */
    uint32_t cp;
    int m = u8dec(s + p0, n - p0, &cp);
    if (m && (size_t)m == i - p0 && ucls(cp) == U_LETTER && !txc_ulower(cp)) { *hint = H_ANOBREAK; return 1; }
    return 0;
  }
  const struct abbrev *a = txw_abbrev_find(s + p0, i - p0);
  if (!a) return 0;
  switch (a->how & 7) {
    case AB_FINAL: *hint = H_AFINAL; return 1;
    case AB_NUM: if (!number_follows(s, n, i + 1)) return 0; *hint = H_ANOBREAK; return 1;
    default: *hint = H_ANOBREAK; return 1;
  }
}

/* The part s[p0..i) ends before a hyphen of h bytes and a word character: do they join? Only
** after a prefix that UD English keeps whole (non-white, e-mail: e- only before a lowercase
** letter) that no hyphen precedes, and only when the word after it is the last part (non-English-
** speaking and Pérez-de-Cuéllar are cut at both hyphens); any other hyphen between letters or digits is a token of its
** own (search - engine, U.S. - led, 17 - page). */
static int hyphen_joins(const scan *S, size_t w0, size_t p0, size_t i, size_t h) {
  const unsigned char *s = S->s;
  size_t n = S->n, k = i + h;
  int m;
  if (!S->hysplit) return 1;
  if (p0 != w0 || !txw_is_prefix(s + p0, i - p0)) return 0;
  if (w0 > 0 && (s[w0 - 1] == '-' || (w0 >= 3 && hyphen_at(s, n, w0 - 3) == 3))) return 0;   /* Pérez-de- */
  if (i - p0 == 1 && !is_lower(s[k])) return 0;
  while (word_char_at(s, n, k, &m)) k += (size_t)m;
  return !(hyphen_at(s, n, k) && word_char_at(s, n, k + (size_t)hyphen_at(s, n, k), &m));
}

/* A cheap test before txw_multiword: 5 or 6 letters, starting and ending as cannot gonna wanna
** gotta outta dunno do. */
static inline int maybe_multiword(const unsigned char *s, size_t w0, size_t e) {
  unsigned f = s[w0] | 0x20, l = s[e - 1] | 0x20;
  return e - w0 - 5 <= 1 && (l == 'a' || l == 't' || l == 'o') && (f == 'c' || f == 'd' || f == 'g' || f == 'o' || f == 'w');
}

/* The plain word or number s[w0..e) is emitted as the words UD English makes of it, when it makes
** several: cannot -> can not (the later ones TX_CLITIC, like n't), 10am -> 10 am. Returns whether
** it did. */
static int split_word(scan *S, size_t w0, size_t e, int kind) {
  const unsigned char *s = S->s;
  size_t cut[2], k = w0;
  int nw;
  if (kind == TX_WORD && (nw = txw_multiword(s + w0, e - w0, cut)) != 0) {
    emit(S, w0, cut[0], TX_WORD, 0, H_NONE);
    if (nw == 3) emit(S, w0 + cut[0], cut[1] - cut[0], TX_WORD, TX_CLITIC, H_NONE);
    emit(S, w0 + cut[nw - 2], e - w0 - cut[nw - 2], TX_WORD, TX_CLITIC, H_NONE);
    return 1;
  }
  if (kind != TX_NUMBER) return 0;
  while (k < e && (is_digit(s[k]) || ((s[k] == '.' || s[k] == ',') && k + 1 < e && is_digit(s[k + 1])))) k++;
  if (k == e || !txw_is_unit(s + k, e - k)) return 0;
  emit(S, w0, k - w0, TX_NUMBER, 0, H_NONE);
  emit(S, k, e - k, TX_WORD, 0, H_NONE);
  return 1;
}

/*
** Scans the word, number, abbreviation or compound that starts at s[w0] (a word character)
** and emits it, with the clitic that follows it if any. Returns the offset after both.
*/
static size_t scan_word(scan *S, size_t w0) {
  const unsigned char *s = S->s;
  size_t n = S->n, i = w0, c0 = 0, c1 = 0;
  int flags = 0, hint = H_NONE, ap = -1, m;
  if ((s[w0] | 0x20) == 'w' && w0 + 4 < n && (s[w0 + 1] | 0x20) == 'w' && (s[w0 + 2] | 0x20) == 'w' &&
      s[w0 + 3] == '.' && is_alnum(s[w0 + 4])) {    /* www.example.org */
    size_t e = url_end(s, n, w0);
    emit(S, w0, e - w0, TX_SYMBOL, 0, H_URL);
    return e;
  }
  if (is_digit(s[w0])) {                             /* 14:57 9/11 2002-09-20 */
    int hy;
    size_t e = txf_numeric_whole(s, n, w0, &hy);
    if (e) {
      emit(S, w0, e - w0, TX_NUMBER, hy ? TX_COMPOUND : 0, H_NONE);
      return e;
    }
  } else if (w0 + 1 < n && s[w0 + 1] == '/' && txf_letter_slash(s, n, w0)) {   /* b/c */
    emit(S, w0, 3, TX_WORD, 0, H_NONE);
    return w0 + 3;
  }
  for (;;) {                                         /* one hyphen-joined part a turn */
    size_t p0 = i, piece = i;                        /* the part; its last dot-separated piece */
    int dotted = 0;
    for (;;) {
      while (i < n && is_alnum(s[i])) i++;
      if (i >= n) break;
      unsigned c = s[i];
      if (c == '.') {
        if (i + 1 < n && is_digit(s[i - 1]) && is_digit(s[i + 1])) { i += 2; continue; }   /* 2.5 */
        if (!is_digit(s[i - 1]) && i - piece <= 3 && letter_at(s, n, i + 1, &m)) {
          int m2;                                    /* U.N, Ph.D: one letter after the dot */
          size_t after = i + 1 + (size_t)m;
          if (!word_char_at(s, n, after, &m2)) {
            piece = i + 1;
            i = after;
            dotted = 1;
            continue;
          }
        }
        break;
      }
      if (c == '&' && is_alpha(s[i - 1]) && i + 1 < n && is_alpha(s[i + 1])) { i++; continue; }   /* AT&T */
      if (c == ',') {                                /* 60,000 */
        if (is_digit(s[i - 1]) && i + 3 < n && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
            is_digit(s[i + 3]) && (i + 4 >= n || !is_digit(s[i + 4]))) { i += 4; continue; }
        break;
      }
      int a = c == '\'' ? 1 : c == 0xE2 ? apos_at(s, n, i) : 0;
      if (a) {
        ap = apostrophe(S, w0, p0, i, (size_t)a, &c0, &c1);
        if (ap == AP_JOIN) { i += (size_t)a; continue; }
        break;
      }
      if (c >= 0x80) {
        uint32_t cp;
        int k = u8dec(s + i, n - i, &cp);
        if (k) {
          int u = ucls(cp);
          if (u == U_FORMAT || (u == U_LETTER && !dict_cp(cp))) { i += (size_t)k; continue; }
        }
      }
      break;
    }
    if (ap >= 0 && ap != AP_JOIN) break;             /* a clitic or an apostrophe ends it */

    if (p0 == w0 && i < n) {                         /* an URL or an e-mail address? */
      size_t e = 0;
      if (s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/' && i - w0 >= 2 && i - w0 <= 10)
        e = url_end(s, n, w0);
      else if (s[i] == ':' && i - w0 == 6 && strncmp((const char *)s + w0, "mailto", 6) == 0)
        e = email_end(s, n, i + 1);
      else if (s[i] == '@' || ((s[i] == '.' || s[i] == '_' || s[i] == '+' || s[i] == '%') &&
                               i + 1 < n && is_alnum(s[i + 1])))
        e = email_end(s, n, w0);
      if (e > i) {
        emit(S, w0, e - w0, TX_SYMBOL, 0, H_URL);
        return e;
      }
    }
    hint = H_NONE;
    flags &= ~TX_ABBREV;
    if (i < n && s[i] == '.' && !(i + 1 < n && s[i + 1] == '.') && takes_dot(S, p0, i, dotted, &hint)) {
      i++;
      flags |= TX_ABBREV;
    }
    int h = hyphen_at(s, n, i);
    if (h && word_char_at(s, n, i + (size_t)h, &m) && !dict_at(s, n, i + (size_t)h) &&
        hyphen_joins(S, w0, p0, i, (size_t)h)) {
      flags |= TX_COMPOUND;
      i += (size_t)h;
      continue;
    }
    break;
  }
  int kind = is_digit(s[w0]) ? TX_NUMBER : TX_WORD;
  switch (ap) {
    case AP_SPLIT:
      emit(S, w0, c0 - w0, kind, flags & ~TX_ABBREV, H_NONE);
      emit(S, c0, c1 - c0, TX_WORD, TX_CLITIC, H_NONE);
      return c1;
    case AP_KEEP:
      emit(S, w0, c1 - w0, kind, flags & ~TX_ABBREV, H_NONE);
      return c1;
    case AP_WHOLE:
      emit(S, w0, c1 - w0, TX_WORD, TX_CLITIC, H_NONE);
      return c1;
    case AP_ELIDE:
      emit(S, w0, c1 - w0, TX_WORD, TX_ELISION, H_NONE);
      return c1;
    default:
      if (!flags && (kind == TX_NUMBER ? !is_digit(s[i - 1]) : maybe_multiword(s, w0, i)) && split_word(S, w0, i, kind))
        return i;
      emit(S, w0, i - w0, kind, flags, (flags & TX_ABBREV) ? hint : H_NONE);
      return i;
  }
}

/* A quotation mark of a bytes at s[i]; single marks open and close S->squote. by_default_open
** says which way a mark goes when its surroundings do not tell (both sides spaced or glued). */
static size_t scan_quote(scan *S, size_t i, size_t a, int single, int by_default_open) {
  int left = open_left(S->s, i), right = close_right(S->s, S->n, i + a);
  int opening = left != right ? left : by_default_open;
  if (single) S->squote = opening && !(i + a < S->n && is_digit(S->s[i + a]));   /* '90s opens nothing */
  emit(S, i, a, TX_PUNCT, TX_QUOTE, opening ? H_OPEN : H_CLOSE);
  return i + a;
}

/* An apostrophe (' or ’, a bytes) that starts a token: a clitic standing alone ('s), else a
** quotation mark. */
static size_t scan_apos(scan *S, size_t i, size_t a) {
  size_t k = clitic_suffix(S->s, S->n, i + a);
  if (k) {
    emit(S, i, a + k, TX_WORD, TX_CLITIC, H_NONE);
    return i + a + k;
  }
  return scan_quote(S, i, a, 1, 0);
}

/* A run of letters of scripts written without spaces that starts at s[i]: cut into words by ICU
** (dict.c), or one word when ICU is not there. Returns the offset after the run. */
static size_t scan_dict(scan *S, size_t i) {
  const unsigned char *s = S->s;
  size_t n = S->n, e = i;
  uint32_t cp;
  int m;
  while (e < n && s[e] >= 0x80 && (m = u8dec(s + e, n - e, &cp)) != 0 && dict_cp(cp) && ucls(cp) == U_LETTER)
    e += (size_t)m;
  const tx_cut *cut;
  int nc = tx_dict_cut(S->d, s + i, e - i, &cut);
  if (nc < 0) { S->oom = 1; return e; }
  if (nc == 0) emit(S, i, e - i, TX_WORD, 0, H_NONE);
  for (int k = 0; k < nc && !S->oom; k++)
    emit(S, i + cut[k].start, cut[k].end - cut[k].start, cut[k].kind, 0, H_NONE);
  return e;
}

/* A non-ASCII symbol of m bytes at s[i], with what extends it: variation selectors, combining
** marks, skin tones, tags, and ZWJ followed by another symbol (one emoji sequence). */
static size_t scan_symbol(scan *S, size_t i, size_t m) {
  const unsigned char *s = S->s;
  size_t n = S->n, k = i + m;
  while (k < n && s[k] >= 0x80) {
    uint32_t cp;
    int l = u8dec(s + k, n - k, &cp);
    if (!l) break;
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x20D0 && cp <= 0x20FF) ||
        (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F)) {
      k += (size_t)l;
      continue;
    }
    if (cp == 0x200D && k + 3 < n) {
      uint32_t cp2;
      int l2 = u8dec(s + k + 3, n - k - 3, &cp2);
      if (l2 && ucls(cp2) == U_SYMBOL) { k += 3 + (size_t)l2; continue; }
    }
    break;
  }
  emit(S, i, k - i, TX_SYMBOL, 0, H_NONE);
  return k;
}

/* A character that is not ASCII at s[i]: returns the offset after what it made. */
static size_t scan_high(scan *S, size_t i) {
  uint32_t cp;
  int m = u8dec(S->s + i, S->n - i, &cp);
  if (!m) { emit(S, i, 1, TX_SYMBOL, 0, H_NONE); return i + 1; }
  switch (ucls(cp)) {
    case U_LETTER: return dict_cp(cp) ? scan_dict(S, i) : scan_word(S, i);
    case U_SPACE:
      if (cp == 0x2029) S->blank = 1;
      else if (cp == 0x2028) S->nl++;
      return i + (size_t)m;
    case U_FORMAT: return i + (size_t)m;
    case U_APOS: return scan_apos(S, i, (size_t)m);
    case U_QUOTE: {
      int single = cp == 0x2018 || cp == 0x201A || cp == 0x201B || cp == 0x2039 || cp == 0x203A;
      int dflt = cp == 0x2018 || cp == 0x201A || cp == 0x201B || cp == 0x201C || cp == 0x201E ||
                 cp == 0x201F || cp == 0x00AB || cp == 0x2039;
      return scan_quote(S, i, (size_t)m, single, dflt);
    }
    case U_ELLIPSIS: case U_TERM:
      emit(S, i, (size_t)m, TX_PUNCT, 0, H_TERM);
      return i + (size_t)m;
    case U_HYPHEN: case U_DASH: case U_PUNCT:
      emit(S, i, (size_t)m, TX_PUNCT, 0, H_NONE);
      return i + (size_t)m;
    default:
      return scan_symbol(S, i, (size_t)m);
  }
}

/* The main loop: whitespace, then one token (or a word and its clitic) per turn. */
static void scan_text(scan *S) {
  const unsigned char *s = S->s;
  size_t n = S->n, i = 0;
  while (i < n && !S->oom) {
    unsigned c = s[i], k = txc_ccls[c];
    if (k & CA) { i = scan_word(S, i); continue; }
    if (k & CS) {
      if (c == '\n') { if (++S->nl >= 2) S->blank = 1; }
      else if (c == '\f') S->blank = 1;
      i++;
      if (S->blank) S->squote = 0;
      continue;
    }
    if (k & CH) { i = scan_high(S, i); if (S->blank) S->squote = 0; continue; }
    switch (c) {
      case '\'': i = scan_apos(S, i, 1); break;
      case '"': i = scan_quote(S, i, 1, 0, 0); break;
      case '.': case '!': case '?': {                /* a run of dots (.. ...), of ! and ? (?! !!!) */
        size_t j = i + 1;
        while (c == '.' && j < n && s[j] == '.') j++;
        if (j == i + 1 || c != '.')                  /* and a dot before ! or ? (.?) */
          while (j < n && (s[j] == '!' || s[j] == '?')) j++;
        emit(S, i, j - i, TX_PUNCT, 0, H_TERM);
        i = j;
        break;
      }
      case '-': {
        size_t j = i;
        while (j < n && s[j] == '-') j++;
        emit(S, i, j - i, TX_PUNCT, 0, H_NONE);
        i = j;
        break;
      }
      case '(': case '[': case '{': {
        size_t e = c == '(' ? txf_emoticon_end(s, n, i) : 0;
        if (e) { emit(S, i, e - i, TX_SYMBOL, 0, H_NONE); i = e; break; }
        emit(S, i++, 1, TX_PUNCT, 0, H_OPEN);
        break;
      }
      case ')': case ']': case '}':
        emit(S, i++, 1, TX_PUNCT, 0, H_CLOSE); break;
      case ';': case ':': case '=': {
        size_t e = txf_emoticon_end(s, n, i);
        if (e) { emit(S, i, e - i, TX_SYMBOL, 0, H_NONE); i = e; break; }
        if (c == '=') goto symbol;
        emit(S, i++, 1, TX_PUNCT, 0, H_NONE);
        break;
      }
      case ',':
        emit(S, i++, 1, TX_PUNCT, 0, H_NONE); break;
      default: symbol: {                           /* a symbol, or a run of the same one: ** +++ */
        size_t j = i + 1;
        while (j < n && s[j] == c) j++;
        emit(S, i, j - i, TX_SYMBOL, 0, H_NONE);
        i = j;
        break;
      }
    }
  }
}

/* }====================================================================== */


/* {====================================================================== entry points */

void tx_init(tx_doc *d) {
  memset(d, 0, sizeof *d);
}

void tx_free(tx_doc *d) {
  tx_dict_free(d->icu);
  free(d->tok);
  free(d->sent);
  free(d->para);
  free(d->turn);
  tx_init(d);
}

/* The EL_ rule of the language lang (see tx_tokenize_lang). */
static int elide_rule(const char *lang) {
  static const char *const all[] = { "fr", "fra", "fre", "it", "ita", "ca", "cat", "oc", "oci", "und" };
  char code[4];
  size_t k = 0;
  if (!lang) return EL_ALL;
  while (lang[k] && lang[k] != '-' && lang[k] != '_' && k < sizeof code) {
    code[k] = (char)to_lower(lang[k]);
    k++;
  }
  if (k == 0) return EL_ALL;
  if (k == sizeof code) return EL_CAPS;
  code[k] = '\0';
  for (size_t j = 0; j < sizeof all / sizeof *all; j++)
    if (strcmp(code, all[j]) == 0) return EL_ALL;
  return EL_CAPS;
}

/* Whether hyphens split compounds in the language lang: in English, as UD English does, and in a
** text of unknown language (NULL, "", "und"); the others keep a compound one token with parts
** (homme-orchestre), as their UD treebanks mostly do. */
static int hyphen_rule(const char *lang) {
  if (!lang || !lang[0]) return 1;
  size_t k = 0;
  while (lang[k] && lang[k] != '-' && lang[k] != '_') k++;
  if (k == 0) return 1;
  if (k == 2) return to_lower(lang[0]) == 'e' && to_lower(lang[1]) == 'n';
  if (k != 3) return 0;
  char c[3] = { (char)to_lower(lang[0]), (char)to_lower(lang[1]), (char)to_lower(lang[2]) };
  return memcmp(c, "eng", 3) == 0 || memcmp(c, "und", 3) == 0;
}

/* One tokenization; seg asks for sentences, paragraphs and turns. S is a local here on purpose
** (see the top of the file). */
static int run(tx_doc *d, const char *text, size_t len, int seg, const char *lang) {
  d->ntok = d->nsent = d->npara = d->nturn = 0;
  if (len > UINT32_MAX) return -1;
  if (len && !text) return -1;
  /* a first guess at the token count, so that plain text rarely reallocates */
  size_t guess = len / 5 + 16;
  if (guess > d->tok_cap && grow((void **)&d->tok, &d->tok_cap, guess, sizeof *d->tok)) return -1;
  scan S;
  memset(&S, 0, sizeof S);
  S.s = (const unsigned char *)text;
  S.n = len;
  S.d = d;
  S.seg = seg;
  S.elide = elide_rule(lang);
  S.hysplit = hyphen_rule(lang);
  scan_text(&S);
  if (!S.oom && seg && tx_find_turns(&S)) S.oom = 1;
  if (S.oom) {
    d->ntok = d->nsent = d->npara = d->nturn = 0;
    return -1;
  }
  return 0;
}

int tx_tokenize(tx_doc *d, const char *text, size_t len) {
  return run(d, text, len, 1, NULL);
}

int tx_tokenize_words(tx_doc *d, const char *text, size_t len) {
  return run(d, text, len, 0, NULL);
}

int tx_tokenize_lang(tx_doc *d, const char *text, size_t len, const char *lang) {
  return run(d, text, len, 1, lang);
}

int tx_tokenize_words_lang(tx_doc *d, const char *text, size_t len, const char *lang) {
  return run(d, text, len, 0, lang);
}

int tx_compound_parts(const char *tok, size_t len, tx_part_fn fn, void *ud) {
  const unsigned char *s = (const unsigned char *)tok;
  size_t i = 0, p = 0;
  int np = 0;
  for (;;) {
    int h = i < len ? hyphen_at(s, len, i) : 0;
    if (i >= len || h) {
      int m, any = 0;
      for (size_t k = p; k < i && !any; k += (size_t)(m > 0 ? m : 1)) {
        m = 1;
        any = word_char_at(s, i, k, &m);
      }
      if (any) {
        if (fn) fn(ud, tok + p, i - p);
        np++;
      }
      if (i >= len) break;
      i += (size_t)h;
      p = i;
    } else {
      i++;
    }
  }
  return np;
}

/* }====================================================================== */
