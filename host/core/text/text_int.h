/*
** text_int.h: what the files of text/ share, seen by no file outside it: the tunables, the
** character classes and the helpers that run once a byte or once a token (static inline over the
** tables of chars.c, so that the split into files costs no speed), the word lists of words.c, and
** the scan state that text.c, segment.c and turns.c hand on. text.c has the map of the room.
*/
#ifndef LECTOR_TEXT_INT_H
#define LECTOR_TEXT_INT_H

#include <stdlib.h>

#include "text.h"

/* {====================================================================== tunables */

#if !defined(TX_HEADING_MAX)
#define TX_HEADING_MAX 80     /* bytes: a one-line, one-sentence paragraph this short is a heading */
#endif
#if !defined(TX_TITLE_MAX)
#define TX_TITLE_MAX 100      /* bytes: a first line this short, ended by one newline, is a title */
#endif
#if !defined(TX_LABEL_TOKENS)
#define TX_LABEL_TOKENS 10    /* a speaker label is found within a paragraph's first tokens */
#endif

/* }====================================================================== */


/* {====================================================================== characters (chars.c) */

/* ASCII classes, one byte per character. */
enum {
  CS = 1 << 0,    /* whitespace */
  CU = 1 << 1,    /* uppercase letter */
  CL = 1 << 2,    /* lowercase letter */
  CD = 1 << 3,    /* digit */
  CH = 1 << 4,    /* a byte >= 0x80 */
  CP = 1 << 5,    /* punctuation that closes an URL or a quotation's left context: ( [ { */
  CX = 1 << 6     /* may not appear in an URL */
};
#define CA (CU | CL | CD)
#define CW (CU | CL)

/* The ASCII class of each byte (chars.c); every byte >= 0x80 is CH. */
extern const unsigned char txc_ccls[256];

#define is_alnum(c) (txc_ccls[(unsigned char)(c)] & CA)
#define is_alpha(c) (txc_ccls[(unsigned char)(c)] & CW)
#define is_upper(c) (txc_ccls[(unsigned char)(c)] & CU)
#define is_lower(c) (txc_ccls[(unsigned char)(c)] & CL)
#define is_digit(c) (txc_ccls[(unsigned char)(c)] & CD)
#define is_space(c) (txc_ccls[(unsigned char)(c)] & CS)
#define to_lower(c) ((unsigned char)((c) | (is_upper(c) ? 0x20 : 0)))

/* Decodes the UTF-8 sequence at s[0..n) (s[0] >= 0x80) into *cp; returns its length, or 0 when
** it is not valid UTF-8 (overlong forms, surrogates and code points past U+10FFFF included). */
static inline int u8dec(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (n < 2 || (s[1] & 0xC0) != 0x80) return 0;
    *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
    uint32_t v = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                 ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = v;
    return 4;
  }
  return 0;
}

/* What a non-ASCII code point is to the tokenizer. */
enum {
  U_LETTER,     /* letters, marks and numbers (Unicode L*, M*, N*): part of words */
  U_SPACE,      /* whitespace */
  U_FORMAT,     /* invisible: inside a word it belongs to it, elsewhere it is skipped */
  U_APOS,       /* ’: an apostrophe inside words, else a quotation mark */
  U_QUOTE,      /* other quotation marks */
  U_HYPHEN,     /* ‐ ‑: join compounds as '-' does */
  U_DASH,       /* ‒ – — ―: punctuation */
  U_ELLIPSIS,   /* … */
  U_TERM,       /* other sentence-final punctuation: ‼ ⁇ 。 ！ ？ */
  U_PUNCT,      /* other punctuation */
  U_SYMBOL      /* symbols, emoji, private use, C1 controls, U+FFFD */
};

/* The code points that are not letters, in sorted ranges (chars.c); any other is a letter. */
struct txc_urange { uint32_t lo, hi; unsigned char cls; };
#define TXC_NURANGES 241
extern const struct txc_urange txc_uranges[];

/* The U_ class of the non-ASCII code point cp. */
static inline int ucls(uint32_t cp) {
  size_t lo = 0, hi = TXC_NURANGES;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < txc_uranges[mid].lo) hi = mid;
    else if (cp > txc_uranges[mid].hi) lo = mid + 1;
    else return txc_uranges[mid].cls;
  }
  return U_LETTER;
}

/* Whether a non-ASCII letter is lowercase, for the few decisions that look at case (a sentence
** goes on before a lowercase word). Covers Latin-1, Latin Extended-A, most of Extended-B and
** Additional, Greek, Cyrillic, Armenian and fullwidth Latin; other letters count as not
** lowercase, which errs on the side of a sentence break. */
int txc_ulower(uint32_t cp);

/* The code point at s[i] (i < n) in *cp, its length as the result; an ASCII byte is itself, a
** byte that starts no valid sequence gives length 1 and *cp = UINT32_MAX. */
static inline int cp_at(const unsigned char *s, size_t n, size_t i, uint32_t *cp) {
  if (s[i] < 0x80) { *cp = s[i]; return 1; }
  int m = u8dec(s + i, n - i, cp);
  if (!m) { *cp = UINT32_MAX; return 1; }
  return m;
}

/* Whether s[i] starts a word character (letter, digit, or an invisible format character);
** *m gets its length. False at the end of the text. */
static inline int word_char_at(const unsigned char *s, size_t n, size_t i, int *m) {
  if (i >= n) return 0;
  if (s[i] < 0x80) { *m = 1; return is_alnum(s[i]) != 0; }
  uint32_t cp;
  int k = u8dec(s + i, n - i, &cp);
  if (!k) return 0;
  int u = ucls(cp);
  *m = k;
  return u == U_LETTER || u == U_FORMAT;
}


/* Whether the letter cp (>= 0x80) belongs to a script written without spaces between words, whose
** runs ICU's dictionaries cut into words (dict.c): Thai, Lao, Myanmar, Khmer, Han (with the CJK
** radicals and iteration marks), Hiragana, Katakana. Hangul is written with spaces and is not one.
** Ordered so that the letters of the alphabets below U+0E00 cost one comparison. */
static inline int dict_cp(uint32_t cp) {
  if (cp < 0x0E00) return 0;
  if (cp < 0x0F00) return 1;                        /* Thai, Lao */
  if (cp < 0x1000) return 0;
  if (cp < 0x10A0) return 1;                        /* Myanmar */
  if (cp < 0x1780) return 0;
  if (cp < 0x1800) return 1;                        /* Khmer */
  if (cp < 0x19E0) return 0;
  if (cp < 0x1A00) return 1;                        /* Khmer symbols */
  if (cp < 0x2E80) return 0;
  if (cp < 0x2FE0) return 1;                        /* CJK and Kangxi radicals */
  if (cp < 0x3005) return 0;
  if (cp < 0x3100) return 1;                        /* 々 〆 〇, Hangzhou numerals, kana */
  if (cp < 0x31F0) return 0;
  if (cp < 0x3200) return 1;                        /* Katakana phonetic extensions */
  if (cp < 0x3400) return 0;
  if (cp < 0x4DC0) return 1;                        /* CJK extension A */
  if (cp < 0x4E00) return 0;
  if (cp < 0xA000) return 1;                        /* CJK unified ideographs */
  if (cp < 0xA9E0) return 0;
  if (cp < 0xAA00) return 1;                        /* Myanmar extension B */
  if (cp < 0xAA60) return 0;
  if (cp < 0xAA80) return 1;                        /* Myanmar extension A */
  if (cp < 0xF900) return 0;
  if (cp < 0xFB00) return 1;                        /* CJK compatibility ideographs */
  if (cp < 0xFF66) return 0;
  if (cp < 0xFFA0) return 1;                        /* halfwidth Katakana */
  if (cp < 0x1B000) return 0;
  if (cp < 0x1B170) return 1;                       /* Kana supplement and extensions */
  if (cp < 0x20000) return 0;
  return cp < 0x32400;                              /* CJK extensions B to H */
}

/* The length of a hyphen (- U+2010 U+2011) at s[i], or 0. */
static inline int hyphen_at(const unsigned char *s, size_t n, size_t i) {
  if (i >= n) return 0;
  if (s[i] == '-') return 1;
  if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x90 || s[i + 2] == 0x91)) return 3;
  return 0;
}

/* }====================================================================== */


/* {====================================================================== word lists (words.c) */

/* What an abbreviation that takes its dot is. */
enum {
  AB_TITLE = 1,   /* a title or other word that never ends a sentence: Mr. Gen. vs. */
  AB_MONTH = 2,   /* a month: never ends a sentence either */
  AB_FINAL = 3,   /* may end a sentence: Inc. etc. Jr. */
  AB_NUM = 4,     /* an abbreviation only before a number: No. 5, p. 12 */
  AB_ANYCASE = 8  /* also lowercase; the others need a capital first letter (Mr, MR) */
};
struct abbrev { const char *key; unsigned char how; };

/* The table entry for the ASCII word w[0..n), any case, or NULL. */
const struct abbrev *txw_abbrev_find(const unsigned char *w, size_t n);

/* Whether w[0..n) starts a sentence after an abbreviation that may end one ("in the U.S. The
** next day"): a closed list, so that any other word after U.S. goes on the sentence. */
int txw_is_starter(const unsigned char *w, size_t n);

/* Whether w[0..n) is a capitalized word that opens paragraphs with a colon without being a
** speaker (Summary:). */
int txw_is_not_speaker(const unsigned char *w, size_t n);

/* Whether w[0..n) is a lowercase particle that may stand inside a speaker's name (de, von). */
int txw_is_particle(const unsigned char *w, size_t n);

/* Whether w[0..n) is a prefix that keeps its hyphen and the word after it in one token (non-,
** pre-, e-), lowercase or capitalized. */
int txw_is_prefix(const unsigned char *w, size_t n);

/* Whether the ASCII word w[0..n) (any case) is one that splits into words spelling it (cannot ->
** can not, dunno -> du n no): returns the number of words (2 or 3) with the byte offsets of the
** cuts in cut[], or 0. */
int txw_multiword(const unsigned char *w, size_t n, size_t cut[2]);

/* Whether the ASCII letters w[0..n) (any case) are a unit that splits off a number (am pm bn kg). */
int txw_is_unit(const unsigned char *w, size_t n);

/* }====================================================================== */


/* {====================================================================== shapes UD English keeps whole (forms.c) */

/* The end of a number at s[i] (a digit) kept whole with its separators: a time (14:57), a date
** with slashes (07/06/2000 9/11), digits joined by hyphens that are no range (2002-09-20
** 853-7906); or 0. *hy says it holds a hyphen. */
size_t txf_numeric_whole(const unsigned char *s, size_t n, size_t i, int *hy);

/* Whether s[i..i+3) is a letter, a slash and a letter standing alone (b/c w/o L/C). */
int txf_letter_slash(const unsigned char *s, size_t n, size_t i);

/* The end of an emoticon at s[i] (one of : ; = and '('), :) :-( ;D =) (:, or 0. */
size_t txf_emoticon_end(const unsigned char *s, size_t n, size_t i);

/* }====================================================================== */


/* {====================================================================== words of scripts without spaces (dict.c) */

/* A word ICU found in a run: bytes [start, end) of the run, TX_WORD or TX_NUMBER. */
typedef struct tx_cut { uint32_t start, end; int kind; } tx_cut;

/* Cuts the run s[0..n) of letters of dict_cp scripts into words with d's break iterator (opened
** on first use). Returns the number of words, with them in *cut (valid until the next call), 0
** when ICU could not open its iterator (the run then stays one word), or -1 when memory ran out. */
int tx_dict_cut(tx_doc *d, const unsigned char *s, size_t n, const tx_cut **cut);

/* Closes the break iterator and frees the buffers (NULL is fine). */
void tx_dict_free(struct tx_icu *icu);

/* }====================================================================== */


/* {====================================================================== growing arrays */

/* Makes room for at least need elements of size sz in *arr (capacity *cap); 0 or -1. */
static inline int grow(void **arr, size_t *cap, size_t need, size_t sz) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap : 64;
  while (c < need) c += c / 2 + 16;
  if (c > SIZE_MAX / sz) return -1;
  void *p = realloc(*arr, c * sz);
  if (!p) return -1;
  *arr = p;
  *cap = c;
  return 0;
}

/* }====================================================================== */


/* {====================================================================== the scan state and the stages */

/* What a token means to the segmenter (known when the token is made, not kept after). */
enum {
  H_NONE,       /* an ordinary token */
  H_TERM,       /* . ! ? ... …: may end a sentence */
  H_OPEN,       /* an opening bracket or quotation mark */
  H_CLOSE,      /* a closing bracket or quotation mark: belongs to the sentence it closes */
  H_AFINAL,     /* an abbreviation that may end a sentence (U.S. etc.) */
  H_ANOBREAK,   /* an abbreviation or initial that never ends one (Mr. G. Sept.) */
  H_URL         /* an URL or e-mail address */
};

/* Where an elision (l' d' qu' dell') splits off the word it starts: before any letter (French,
** Italian, Catalan, Occitan, a text of unknown language), or only before a capital letter (the
** other languages: d'Estaing, l'ONU, but c'mon and m'lady in English). */
enum { EL_CAPS = 1, EL_ALL = 2 };

/* What the tokens so far allow at the next token. */
enum { ST_NONE, ST_TERM, ST_AFINAL, ST_ANOBREAK };

/* One call of tx_tokenize or tx_tokenize_words: the text, the result, and the state the stages
** keep from token to token. */
typedef struct scan {
  const unsigned char *s;
  size_t n;
  tx_doc *d;
  int seg;              /* make sentences and paragraphs too */
  int elide;            /* EL_: where elisions split, from the text's language */
  int hysplit;          /* hyphens split compounds (English, unknown language), else join them */
  int oom;
  /* the whitespace before the token being made */
  unsigned nl;          /* line breaks in it */
  int blank;            /* a form feed or U+2029 in it (two line breaks count as well) */
  int squote;           /* a single quotation mark is open in this paragraph */
  /* segmentation */
  int st;               /* ST_ */
  int seen_nl;          /* past the first line of the text */
  int para_lines;       /* the current paragraph has more than one line */
  size_t para_sents;    /* sentences started in the current paragraph */
  size_t para_from;     /* byte where the current paragraph starts */
  size_t last_end;      /* byte after the last token */
} scan;

/* Decides whether a sentence or a paragraph starts at token t, about to become token d->ntok
** (segment.c); hint is the H_ that the scanner made it with. Sets S->oom when memory ran out. */
void tx_seg_token(scan *S, const tx_token *t, int hint);

/* Finds the speaker turns of the tokenized, segmented text (turns.c): fills S->d->turn, adds a
** sentence start after each label, flags the labels' tokens TX_SPEAKER. Returns 0 or -1
** (memory). */
int tx_find_turns(scan *S);

/* }====================================================================== */

#endif
