/*
** index.c: reading the positional index (see index.h): lexicon and fold lookups, posting-list
** cursors with skips for galloping seeks, byte spans decoded from their compact form, and the
** region containing a position. Building is in build.c; the on-disk form in store.c.
** None of these functions allocate: they only read the arrays, built or mapped. ix_free is here
** too, as it frees an index whoever made it: store.c needs the reader, not the builder.
*/
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "index.h"

/* ------------------------------------------------------------------ lexicon */

static int cmp_bytes(const char *a, size_t alen, const char *b, size_t blen) {
  int c = memcmp(a, b, alen < blen ? alen : blen);
  if (c) return c;
  return alen < blen ? -1 : alen > blen;
}

/* The rank of s[0..len) among n sorted forms (offsets off into forms), or IX_NONE. */
static uint32_t lookup_sorted(const char *forms, const uint64_t *off, uint32_t n, const char *s, size_t len) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    int c = cmp_bytes(forms + off[mid], (size_t)(off[mid + 1] - off[mid] - 1), s, len);
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return IX_NONE;
}

uint32_t ix_lookup(const ix_index *ix, const char *s, size_t len) {
  return lookup_sorted(ix->forms, ix->form_off, ix->ntypes, s, len);
}

uint32_t ix_pattr_lookup(const ix_pattr *a, const char *s, size_t len) {
  return lookup_sorted(a->forms, a->form_off, a->ntypes, s, len);
}

const ix_pattr *ix_pattr_find(const ix_index *ix, const char *name) {
  for (uint32_t i = 0; i < ix->npattr; i++)
    if (strcmp(ix_string(ix, ix->pattr[i].name), name) == 0) return &ix->pattr[i];
  return NULL;
}

const ix_sattr *ix_sattr_find(const ix_index *ix, const char *name) {
  for (uint32_t i = 0; i < ix->nsattr; i++)
    if (strcmp(ix_string(ix, ix->sattr[i].name), name) == 0) return &ix->sattr[i];
  return NULL;
}

uint32_t ix_fold_lookup(const ix_index *ix, const char *folded, size_t len, const uint32_t **ids,
                        size_t *n) {
  uint32_t lo = 0, hi = ix->nfolds;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const char *f = ix->fold_forms + ix->fold_off[mid];
    size_t flen = (size_t)(ix->fold_off[mid + 1] - ix->fold_off[mid] - 1);
    int c = cmp_bytes(f, flen, folded, len);
    if (c == 0) {
      if (ids) *ids = ix->fold_mem + ix->fold_mem_off[mid];
      if (n) *n = ix->fold_mem_off[mid + 1] - ix->fold_mem_off[mid];
      return mid;
    }
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  if (ids) *ids = NULL;
  if (n) *n = 0;
  return IX_NONE;
}

uint32_t ix_token_rare(const ix_index *ix, uint64_t pos) {
  uint64_t lo = 0, hi = ix->nrare;
  while (lo < hi) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (ix->rare_pos[mid] < pos) lo = mid + 1; else hi = mid;
  }
  return lo < ix->nrare && ix->rare_pos[lo] == pos ? ix->rare_id[lo] : 0;
}

/* ------------------------------------------------------------------ regions */

uint32_t ix_region_next(const ix_index *ix, int k, uint32_t pos) {
  return ix_regions_next(&ix->reg[k], pos);
}

uint32_t ix_regions_next(const ix_regions *r, uint32_t pos) {
  uint32_t lo = 0, hi = r->n;          /* first region with end > pos */
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (r->end[mid] <= pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

int64_t ix_region_find(const ix_index *ix, int k, uint32_t pos) {
  return ix_regions_find(&ix->reg[k], pos);
}

int64_t ix_regions_find(const ix_regions *r, uint32_t pos) {
  uint32_t i = ix_regions_next(r, pos);
  if (i < r->n && r->start[i] <= pos) return i;
  return -1;
}

uint32_t ix_doc_of(const ix_index *ix, uint32_t pos) {
  uint32_t lo = 0, hi = ix->ndocs;     /* last document with first <= pos and ntok > 0 */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ix->docs[mid].first <= pos) lo = mid; else hi = mid;
  }
  /* empty documents share their first with the next one: step to the one that holds pos */
  while (lo + 1 < ix->ndocs && ix->docs[lo].first + ix->docs[lo].ntok <= pos) lo++;
  return lo;
}

uint32_t ix_doc_from(const ix_index *ix, uint32_t from, uint32_t pos) {
  const uint32_t *end = ix->reg[IX_DOC].end;         /* ascending; the holder: first end > pos */
  uint32_t n = ix->ndocs, lo = from, step = 1, hi;
  if (from >= n || ix->docs[from].first > pos) return ix_doc_of(ix, pos);
  if (end[lo] > pos) return lo;
  for (;;) {                                          /* end[lo] <= pos: gallop */
    hi = lo + step;
    if (hi >= n) { hi = n - 1; break; }
    if (end[hi] > pos) break;
    lo = hi;
    step *= 2;
  }
  while (hi - lo > 1) {                              /* end[lo] <= pos < end[hi] */
    uint32_t mid = lo + (hi - lo) / 2;
    if (end[mid] <= pos) lo = mid; else hi = mid;
  }
  return hi;
}

/* ------------------------------------------------------------------ spans */

void ix_spans(const ix_index *ix, uint32_t pos, uint32_t n, uint32_t *b0, uint32_t *b1) {
  if (n == 0) return;
  uint32_t doc_first = ix->docs[ix_doc_of(ix, pos)].first;
  uint32_t k = pos / IX_CK_EVERY;
  uint32_t at = k * IX_CK_EVERY;
  const uint8_t *p = ix->spans + ix->ck[k].off;
  uint32_t end = ix->ck[k].base;
  for (; at < pos + n; at++) {
    uint32_t gap, len;
    if (at == doc_first) end = 0;
    p = ix_span_get(p, &gap, &len);
    uint32_t start = end + gap;
    end = start + len;
    if (at >= pos) {
      b0[at - pos] = start;
      b1[at - pos] = end;
    }
  }
}

uint64_t ix_span_offset(const ix_index *ix, uint64_t pos) {
  if (pos >= ix->ntokens) return ix->spans_len;
  const uint8_t *p = ix->spans + ix->ck[pos / IX_CK_EVERY].off;
  for (uint64_t at = pos - pos % IX_CK_EVERY; at < pos; at++) {
    uint32_t gap, len;
    p = ix_span_get(p, &gap, &len);
  }
  return (uint64_t)(p - ix->spans);
}

void ix_span(const ix_index *ix, uint32_t pos, uint32_t *b0, uint32_t *b1) {
  ix_spans(ix, pos, 1, b0, b1);
}

/* ------------------------------------------------------------------ postings */

void ix_cursor_open(ix_cursor *c, const ix_plist *pl, uint32_t id) {
  c->base = c->p = pl->data + pl->off[id];
  c->end = pl->data + pl->off[id + 1];
  c->skip = pl->skip + pl->skip_off[id];
  c->skip_end = pl->skip + pl->skip_off[id + 1];
  c->count = c->left = pl->count[id];
  c->cur = 0;
}

int ix_cursor_next(ix_cursor *c) {
  if (c->left == 0) return 0;
  uint64_t d;
  int first = c->left == c->count;
  c->p = ix_varint_get(c->p, &d);
  c->cur = first ? (uint32_t)d : c->cur + (uint32_t)d;
  c->left--;
  return 1;
}

int ix_cursor_seek(ix_cursor *c, uint32_t target) {
  if (c->left < c->count && c->cur >= target) return 1;
  /* skip entry k stands for posting k*IX_SKIP_EVERY: jump to the last one below the target */
  const ix_skip *s = c->skip;
  if (s < c->skip_end && s->pos < target) {
    size_t lo = 0, hi = (size_t)(c->skip_end - s);
    while (hi - lo > 1) {                /* the last skip with pos < target */
      size_t mid = lo + (hi - lo) / 2;
      if (s[mid].pos < target) lo = mid; else hi = mid;
    }
    uint32_t read = c->count - c->left;  /* postings consumed so far */
    uint32_t at = (uint32_t)(lo + 1) * IX_SKIP_EVERY; /* postings consumed after the jump */
    if (at > read) {
      c->cur = s[lo].pos;
      c->p = c->base + s[lo].off;
      c->left = c->count - at;
    }
    c->skip = s + lo + 1;
  }
  while (ix_cursor_next(c))
    if (c->cur >= target) return 1;
  return 0;
}

/* ------------------------------------------------------------------ freeing */

void ix_free(ix_index *ix) {
  if (!ix) return;
  if (ix->map) munmap(ix->map, ix->map_len);
  for (size_t i = 0; i < ix->nblocks; i++) free(ix->blocks[i]);
  free(ix->blocks);
  free(ix->pattr);
  free(ix->sattr);
  free(ix);
}
