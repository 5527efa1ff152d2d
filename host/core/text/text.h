/*
** text.h: the tokenizer and segmenter.
** Turns one document's normalized UTF-8 text (no NUL, no CR, no BOM) into tokens with byte spans,
** and into sentences, paragraphs and speaker turns expressed as token ranges. Pure functions of the
** text: no files, no index, no Lua. The same code tokenizes corpus documents and query strings,
** so that `count("Iraq's")` finds exactly what the index holds. A text may come with its language
** (an ISO 639 code): it decides where French and Italian elisions split (l'ONU) and whether
** hyphen compounds split as in UD English (search - engine) or stay one token; runs of the
** scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese) are cut into words
** by ICU's dictionaries whatever the language.
*/
#ifndef LECTOR_TEXT_H
#define LECTOR_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* What a token is. */
enum {
  TX_WORD = 0,      /* letters, possibly with inner apostrophes, dots (U.N.), & (AT&T), a prefix's
                       hyphen (non-white), other hyphens outside English (homme-orchestre) */
  TX_NUMBER = 1,    /* starts with a digit: 60,000 2.5 1990 1990s 14:57 9/11 2002-09-20 853-7906 */
  TX_PUNCT = 2,     /* . , ; : ! ? ( ) [ ] quotes dashes hyphens ... !!! ?! each its own token */
  TX_SYMBOL = 3     /* anything else: % $ & / @ # emoji, invalid bytes; URLs and e-mails whole,
                       runs of one symbol (***), emoticons :) */
};

/* Flags on a token (several may be set). */
enum {
  TX_ABBREV   = 1 << 0,  /* an abbreviation or initial ending in '.': U.N. Mr. G. Sept. */
  TX_COMPOUND = 1 << 1,  /* has hyphen-joined parts: non-white 2002-09-20, and outside English
                            U.S.-led Iran-Iraq (English splits those: U.S. - led) */
  TX_CLITIC   = 1 << 2,  /* a clitic split off the previous token: 's ’s n't 're 've 'll 'd 'm,
                            the possessive apostrophe of boys', the later words of a multiword
                            token (not of cannot, na of gonna) (kind TX_WORD) */
  TX_QUOTE    = 1 << 3,  /* a quotation mark, straight or curly, single or double */
  TX_SPEAKER  = 1 << 4,  /* part of a speaker label that opens a turn: every token of
                            "[G. Bush.]", brackets and the final . or : included */
  TX_ELISION  = 1 << 5   /* an elided word split off the next one: l' d' qu' jusqu' dell' un'
                            (kind TX_WORD, apostrophe included) */
};

typedef struct tx_token {
  uint32_t start;   /* byte offset in the text */
  uint32_t len;     /* bytes */
  uint8_t kind;     /* TX_WORD ... */
  uint8_t flags;    /* TX_ABBREV | ... */
} tx_token;

/* A speaker turn: tokens [first, end) spoken by the label at bytes [label, label+label_len)
** of the text (the label without brackets or the closing '.'/':', e.g. "G. Bush"). The label's own
** tokens are inside the turn and flagged TX_SPEAKER. */
typedef struct tx_turn {
  uint32_t first, end;
  uint32_t label, label_len;
} tx_turn;

struct tx_icu;

/* The result for one text. All arrays grow as needed and are reused by tx_tokenize. A tx_doc is
** used by one thread at a time (it holds an ICU break iterator, which is not thread-safe). */
typedef struct tx_doc {
  tx_token *tok;  size_t ntok, tok_cap;
  uint32_t *sent; size_t nsent, sent_cap;   /* first token of each sentence; sent[0] == 0 */
  uint32_t *para; size_t npara, para_cap;   /* first token of each paragraph; para[0] == 0 */
  tx_turn *turn;  size_t nturn, turn_cap;   /* speaker turns, in order, not overlapping */
  struct tx_icu *icu;   /* ICU's word break iterator and its buffers (dict.c), opened on the first
                           run of Chinese, Japanese, Thai... and closed by tx_free */
} tx_doc;

void tx_init(tx_doc *d);
/* Frees the arrays and closes the break iterator; d is then as tx_init left it. */
void tx_free(tx_doc *d);

/* Tokenize and segment text[0..len). Replaces the previous content of d. Sentences and paragraphs
** each tile the tokens (every token belongs to exactly one); a text without tokens has none.
** Bytes that are not valid UTF-8 are treated as symbols one byte long (the loader never passes
** such text; query strings may). Returns 0, or -1 when memory ran out or the text is over
** 4 GiB (d is then empty).
** Texts over 4 GiB are not supported (offsets are 32-bit); the caller refuses them. */
int tx_tokenize(tx_doc *d, const char *text, size_t len);

/* Tokens only, no segmentation: for query strings. Same token rules as tx_tokenize. */
int tx_tokenize_words(tx_doc *d, const char *text, size_t len);

/* tx_tokenize and tx_tokenize_words for a text in the language lang: an ISO 639 code ("fr",
** "fra", any case; a region or script after '-' or '_' is ignored: "fr-CA"), or NULL, "" or "und"
** when it is not known (what tx_tokenize and tx_tokenize_words assume). The language decides one
** rule only: French, Italian, Catalan, Occitan and unknown texts split an elision (l' d' j' qu'
** dell' ...) off any word; other languages, English first, only off a capitalized word (d'Estaing,
** l'ONU), so that c'mon and m'lady stay whole. It decides hyphens too: English and unknown texts
** split compounds as UD English does (U.S. - led), the other languages keep them (TX_COMPOUND). */
int tx_tokenize_lang(tx_doc *d, const char *text, size_t len, const char *lang);
int tx_tokenize_words_lang(tx_doc *d, const char *text, size_t len, const char *lang);

/* The parts of a compound token (TX_COMPOUND): calls fn for each hyphen-separated part that
** holds a letter or a digit, with its byte range inside the token ("U.S.-led" gives "U.S." and
** "led"). Returns the number of parts. */
typedef void (*tx_part_fn)(void *ud, const char *part, size_t len);
int tx_compound_parts(const char *tok, size_t len, tx_part_fn fn, void *ud);

#endif
