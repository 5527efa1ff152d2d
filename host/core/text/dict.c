/*
** dict.c: the words of the scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer,
** Burmese), which only a dictionary can cut: ICU's word break iterator does it (ubrk.h, the
** dictionary-based break engines of these scripts). The scanner of text.c hands over each run of
** their letters, and only such runs, so that everything else keeps the scanner's own rules and
** speed; the words come back as byte ranges of the run. ICU's iterators are not thread-safe per
** instance: each tx_doc holds its own, opened on its first run and closed by tx_free (the index
** gives each of its workers a tx_doc; a query makes one).
*/
#include <stdlib.h>

#include <unicode/ubrk.h>

#include "text_int.h"

/* {====================================================================== the break iterator */

struct tx_icu {
  UBreakIterator *brk;
  int failed;                /* ubrk_open failed: runs stay whole, and it is not tried again */
  UChar *u; size_t ucap;     /* the run in UTF-16 */
  uint32_t *at; size_t acap; /* at[k]: the byte offset in the run of UTF-16 unit k (and the end) */
  tx_cut *cut; size_t ccap;  /* the words found */
};

void tx_dict_free(struct tx_icu *icu) {
  if (!icu) return;
  if (icu->brk) ubrk_close(icu->brk);
  free(icu->u);
  free(icu->at);
  free(icu->cut);
  free(icu);
}

/* Opens d's iterator if it has none yet. Returns 1 when there is one, 0 when ICU cannot open it
** (its data missing), -1 when memory ran out. */
static int icu_ready(tx_doc *d) {
  if (!d->icu && !(d->icu = calloc(1, sizeof *d->icu))) return -1;
  struct tx_icu *icu = d->icu;
  if (icu->brk) return 1;
  if (icu->failed) return 0;
  UErrorCode st = U_ZERO_ERROR;
  icu->brk = ubrk_open(UBRK_WORD, "", NULL, 0, &st);
  if (U_FAILURE(st)) {
    if (icu->brk) ubrk_close(icu->brk);
    icu->brk = NULL;
    if (st == U_MEMORY_ALLOCATION_ERROR) return -1;
    icu->failed = 1;
    return 0;
  }
  return 1;
}

/* }====================================================================== */


/* {====================================================================== cutting a run */

/* The run s[0..n), valid UTF-8, into icu->u with the offsets of its units in icu->at. Returns the
** number of UTF-16 units, or -1 when memory ran out. */
static int32_t to_utf16(struct tx_icu *icu, const unsigned char *s, size_t n) {
  if (n >= INT32_MAX) return -1;
  if (grow((void **)&icu->u, &icu->ucap, n + 1, sizeof *icu->u)) return -1;
  if (grow((void **)&icu->at, &icu->acap, n + 1, sizeof *icu->at)) return -1;
  size_t i = 0, k = 0;
  while (i < n) {
    uint32_t cp;
    int m = cp_at(s, n, i, &cp);
    if (cp == UINT32_MAX) cp = 0xFFFD;
    if (cp >= 0x10000) {
      icu->at[k] = (uint32_t)i;
      icu->u[k++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
      icu->at[k] = (uint32_t)i;
      icu->u[k++] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      icu->at[k] = (uint32_t)i;
      icu->u[k++] = (UChar)cp;
    }
    i += (size_t)m;
  }
  icu->at[k] = (uint32_t)n;
  return (int32_t)k;
}

int tx_dict_cut(tx_doc *d, const unsigned char *s, size_t n, const tx_cut **cut) {
  int r = icu_ready(d);
  if (r <= 0) return r;
  struct tx_icu *icu = d->icu;
  int32_t len = to_utf16(icu, s, n);
  if (len < 0) return -1;
  UErrorCode st = U_ZERO_ERROR;
  ubrk_setText(icu->brk, icu->u, len, &st);
  if (U_FAILURE(st)) return st == U_MEMORY_ALLOCATION_ERROR ? -1 : 0;
  size_t nc = 0;
  int32_t p = ubrk_first(icu->brk), q;
  while ((q = ubrk_next(icu->brk)) != UBRK_DONE) {
    int32_t status = ubrk_getRuleStatus(icu->brk);
    if (q > p && icu->at[q] > icu->at[p]) {
      if (grow((void **)&icu->cut, &icu->ccap, nc + 1, sizeof *icu->cut)) return -1;
      icu->cut[nc].start = icu->at[p];
      icu->cut[nc].end = icu->at[q];
      icu->cut[nc].kind = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT ? TX_NUMBER : TX_WORD;
      nc++;
    }
    p = q;
  }
  if (nc > INT32_MAX) return -1;
  *cut = icu->cut;
  return (int)nc;
}

/* }====================================================================== */
