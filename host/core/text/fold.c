/*
** fold.c: folded forms of words (see fold.h). ASCII takes a fast path through a table; anything
** else goes through utf8proc (NFC, case folding, mark stripping). Punctuation variants that
** utf8proc keeps apart (’ and ') are unified here first, since news text mixes them freely.
*/
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"

static int buf_reserve(fold_buf *b, size_t need) {
  if (need + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need + 1) cap *= 2;
  char *s = realloc(b->s, cap);
  if (!s) return -1;
  b->s = s;
  b->cap = cap;
  return 0;
}

void fold_buf_free(fold_buf *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

/* The ASCII replacement of a punctuation variant, or 0. */
static int unify_punct(utf8proc_int32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: case 0xFF07:
      return '\'';
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: case 0x201E: case 0xFF02:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x00AD:
      return '-';
    default:
      return 0;
  }
}

/* Is s[0..len) a dotted abbreviation (letters each followed by a dot: U.N., U.S.A., e.g.)? */
static int dotted_abbrev(const char *s, size_t len) {
  if (len < 4) return 0;
  size_t dots = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '.') { dots++; if (i == 0 || s[i - 1] == '.') return 0; }
  }
  return dots >= 2 && s[len - 1] == '.';
}

static int fold_ascii(fold_buf *b, const char *s, size_t len, int level) {
  if (buf_reserve(b, len)) return -1;
  size_t n = 0;
  int drop_dots = level >= FOLD_LOOSE && dotted_abbrev(s, len);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (drop_dots && c == '.') continue;
    if (level >= FOLD_CASE && c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    b->s[n++] = (char)c;
  }
  b->s[n] = '\0';
  b->len = n;
  return 0;
}

int fold(fold_buf *b, const char *s, size_t len, int level) {
  size_t i;
  for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++) {}
  if (i == len) return fold_ascii(b, s, len, level);

  /* First pass: unify punctuation variants (and keep invalid bytes) into b. */
  if (buf_reserve(b, len)) return -1;
  size_t n = 0;
  for (i = 0; i < len;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
    if (k <= 0) { b->s[n++] = s[i++]; continue; }
    int u = unify_punct(c);
    if (u) b->s[n++] = (char)u;
    else { memcpy(b->s + n, s + i, (size_t)k); n += (size_t)k; }
    i += (size_t)k;
  }
  b->s[n] = '\0';
  b->len = n;

  int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  if (level >= FOLD_CASE) opts |= UTF8PROC_CASEFOLD;
  if (level >= FOLD_LOOSE) opts |= UTF8PROC_STRIPMARK;
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)b->s, (utf8proc_ssize_t)n, &out, opts);
  if (m < 0) {                       /* invalid UTF-8 inside: keep the unified bytes as they are */
    if (level >= FOLD_CASE) {
      for (size_t j = 0; j < n; j++)
        if (b->s[j] >= 'A' && b->s[j] <= 'Z') b->s[j] = (char)(b->s[j] + 32);
    }
    return m == UTF8PROC_ERROR_NOMEM ? -1 : 0;
  }
  int drop_dots = level >= FOLD_LOOSE && dotted_abbrev((const char *)out, (size_t)m);
  if (buf_reserve(b, (size_t)m)) { free(out); return -1; }
  n = 0;
  for (utf8proc_ssize_t j = 0; j < m; j++) {
    if (drop_dots && out[j] == '.') continue;
    b->s[n++] = (char)out[j];
  }
  b->s[n] = '\0';
  b->len = n;
  free(out);
  return 0;
}

/* qsort has no context argument: the arena of the sort under way, one per thread. */
static _Thread_local const char *sort_arena;

static int cmp_item(const void *a, const void *b) {
  const fold_item *x = a, *y = b;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(sort_arena + x->off, sort_arena + y->off, n);
  if (c) return c;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

void fold_sort(fold_item *items, size_t n, const char *arena) {
  if (n < 2) return;
  sort_arena = arena;
  qsort(items, n, sizeof *items, cmp_item);
  sort_arena = NULL;
}
