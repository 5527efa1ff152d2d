/*
** build_attrs.c: the attributes of the index being built, besides the word form. Positional ones
** (lemma, pos, any column of an imported CoNLL-U or VRT file) come from an annotated file's own
** tokens (src_doc.pre) or from the annotator (the built-in tagger) over the sentences the
** tokenizer found; structural ones are the regions of annotated files (<div type="x">, <ne>).
** A worker keeps a value id per token and attribute in its chunk; the merge makes each attribute a
** layer of its own, like the word's: a sorted lexicon, a stream of ids, and posting lists.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_int.h"

#if !defined(IX_MAX_ATTRS)
#define IX_MAX_ATTRS 1000        /* positional or structural attributes in one index, and keys of one
                                 ** element: more fails the build with a message (never silently) */
#endif

/* ================================================================== an annotated file's tokens */

int ixb_pre_tokens(const src_doc *d, tx_doc *tx) {
  const src_tokens *p = d->pre;
  tx->ntok = tx->nsent = tx->npara = tx->nturn = 0;
  if (grow(&tx->tok, &tx->tok_cap, p->ntok, sizeof *tx->tok) ||
      grow(&tx->sent, &tx->sent_cap, p->nsent + 1, sizeof *tx->sent) ||
      grow(&tx->para, &tx->para_cap, p->nst + 1, sizeof *tx->para))
    return -1;
  for (size_t i = 0; i < p->ntok; i++) {
    tx_token t = { p->span[2 * i], p->span[2 * i + 1], TX_WORD, 0 };
    if (t.len > 1 && memchr(d->text + t.start, '-', t.len)) t.flags |= TX_COMPOUND;
    tx->tok[tx->ntok++] = t;
  }
  if (!p->ntok) return 0;
  for (size_t i = 0; i < p->nsent; i++)
    if (p->sent[i] < p->ntok && (!tx->nsent || p->sent[i] > tx->sent[tx->nsent - 1])) tx->sent[tx->nsent++] = p->sent[i];
  if (!tx->nsent || tx->sent[0] != 0) {      /* tokens before the first sentence: one of their own */
    memmove(tx->sent + 1, tx->sent, tx->nsent * sizeof *tx->sent);
    tx->sent[0] = 0;
    tx->nsent++;
  }
  /* paragraphs: the file's <p> regions (or CoNLL-U's newpar), as a tiling from their starts */
  tx->para[tx->npara++] = 0;
  for (size_t i = 0; i < p->nst; i++) {
    const src_struct *s = &p->st[i];
    if (strcmp(p->pool + s->name, "p") == 0 && s->first > tx->para[tx->npara - 1] && s->first < p->ntok)
      tx->para[tx->npara++] = s->first;
  }
  return 0;
}

/* ================================================================== values into the chunk */

/* The chunk's attribute called name (added if new), padded with the empty value up to base. */
static chunk_attr *attr_at(build *b, int worker, chunk *c, const char *name, uint32_t base) {
  chunk_attr *a = NULL;
  for (size_t i = 0; i < c->nattr && !a; i++)
    if (strcmp(c->str + c->attr[i].name, name) == 0) a = &c->attr[i];
  if (!a) {
    if (c->nattr >= IX_MAX_ATTRS) { atomic_store(&b->too_many, 1); return NULL; }
    if (grow(&c->attr, &c->attr_cap, c->nattr + 1, sizeof *c->attr)) return NULL;
    a = &c->attr[c->nattr];
    memset(a, 0, sizeof *a);
    a->name = ixb_chunk_string(c, name, strlen(name));
    if (c->failed) return NULL;
    c->nattr++;
  }
  if (a->n < base) {
    uint32_t empty = ixb_lex_intern(&b->vlex[worker], "", 0);
    if (empty == UINT32_MAX || grow(&a->val, &a->cap, base, sizeof *a->val)) return NULL;
    while (a->n < base) a->val[a->n++] = empty;
  }
  return a;
}

static int attr_push(build *b, int worker, chunk_attr *a, const char *v, size_t n) {
  uint32_t id = ixb_lex_intern(&b->vlex[worker], v, n);
  if (id == UINT32_MAX || grow(&a->val, &a->cap, a->n + 1, sizeof *a->val)) return -1;
  a->val[a->n++] = id;
  return 0;
}

/* Where the next region of layer name may go in this document: the first of name, name1,
** name2, ... whose last region ends at or before first (regions of one layer never overlap). */
typedef struct level { uint32_t name; uint32_t end; } level;

static uint32_t st_layer(chunk *c, level **lv, size_t *nlv, size_t *cap, const char *name, uint32_t first,
                         uint32_t end) {
  char buf[128];
  for (unsigned depth = 0;; depth++) {
    if (depth) snprintf(buf, sizeof buf, "%.100s%u", name, depth);
    const char *want = depth ? buf : name;
    size_t i = 0;
    while (i < *nlv && strcmp(c->str + (*lv)[i].name, want) != 0) i++;
    if (i < *nlv && (*lv)[i].end > first) continue;
    if (i == *nlv) {
      if (grow(lv, cap, *nlv + 1, sizeof **lv)) { c->failed = 1; return 0; }
      (*lv)[(*nlv)++].name = ixb_chunk_string(c, want, strlen(want));
    }
    (*lv)[i].end = end;
    return (*lv)[i].name;
  }
}

static int doc_structs(chunk *c, const src_tokens *p, uint32_t base) {
  level *lv = NULL;
  size_t nlv = 0, cap = 0;
  for (size_t i = 0; i < p->nst && !c->failed; i++) {
    const src_struct *s = &p->st[i];
    if (s->first > s->end || s->end > p->ntok) continue;
    st_rec r = { st_layer(c, &lv, &nlv, &cap, p->pool + s->name, s->first, s->end), base + s->first,
                 base + s->end, (uint32_t)c->nstkv, 0 };
    for (const char *k = p->pool + s->attrs; *k; r.nkv++) {
      const char *v = k + strlen(k) + 1;
      if (grow(&c->stkv, &c->stkv_cap, c->nstkv + 2, sizeof *c->stkv)) { c->failed = 1; break; }
      c->stkv[c->nstkv++] = ixb_chunk_string(c, k, strlen(k));
      c->stkv[c->nstkv++] = ixb_chunk_string(c, v, strlen(v));
      k = v + strlen(v) + 1;
    }
    PUSH(c->st, c->nst, c->st_cap, r, c->failed = 1);
    if (strcmp(p->pool + s->name, "turn") == 0 && s->end > s->first &&   /* a speaker's turn, as */
        (!c->nturn || c->turn[c->nturn - 1].end <= base + s->first)) {  /* transcripts have them */
      const char *speaker = "";
      for (const char *k = p->pool + s->attrs; *k; k += strlen(k) + 1, k += strlen(k) + 1)
        if (strcmp(k, "speaker") == 0) speaker = k + strlen(k) + 1;
      turn_rec t = { base + s->first, base + s->end, ixb_chunk_string(c, speaker, strlen(speaker)) };
      PUSH(c->turn, c->nturn, c->turn_cap, t, c->failed = 1);
    }
  }
  free(lv);
  return c->failed ? -1 : 0;
}

/* The local ids of an annotator's stable values (see ix_annotator.stable), by address: most of
** its values are a few tag names, and a lookup by address costs less than hashing the bytes. */
#define STABLE_SLOTS 512u
typedef struct stable_slot { const char *p; uint32_t len, id; } stable_slot;

static int attr_push_stable(build *b, int worker, chunk_attr *a, stable_slot *cache, const char *v, size_t n) {
  stable_slot *s = &cache[((uintptr_t)v >> 3) & (STABLE_SLOTS - 1)];
  if (s->p != v || s->len != n) {
    uint32_t id = ixb_lex_intern(&b->vlex[worker], v, n);
    if (id == UINT32_MAX) return -1;
    *s = (stable_slot){ v, (uint32_t)n, id };
  }
  if (grow(&a->val, &a->cap, a->n + 1, sizeof *a->val)) return -1;
  a->val[a->n++] = s->id;
  return 0;
}

/* The local ids of an annotator's keyed values (see ix_annotator.keyed), by the token's word and
** the local ids of its stable values: a lemma is found again without hashing its bytes. */
#define KEYED_SLOTS 65536u
typedef struct keyed_slot { uint32_t word, k1, k2, id; } keyed_slot;   /* word + 1; 0: empty */

static int attr_push_keyed(build *b, int worker, chunk_attr *a, uint32_t word, uint32_t k1, uint32_t k2,
                           const char *v, size_t n) {
  if (!b->keyed[worker] && !(b->keyed[worker] = calloc(KEYED_SLOTS, sizeof(keyed_slot)))) return -1;
  uint64_t h = ((uint64_t)word * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)k1 << 32 | k2) * 0xC2B2AE3D27D4EB4Full;
  keyed_slot *s = &b->keyed[worker][(h >> 40) & (KEYED_SLOTS - 1)];
  if (s->word != word + 1 || s->k1 != k1 || s->k2 != k2) {
    uint32_t id = ixb_lex_intern(&b->vlex[worker], v, n);
    if (id == UINT32_MAX) return -1;
    *s = (keyed_slot){ word + 1, k1, k2, id };
  }
  if (grow(&a->val, &a->cap, a->n + 1, sizeof *a->val)) return -1;
  a->val[a->n++] = s->id;
  return 0;
}

/* The annotator over each sentence of tx. */
static int doc_annotate(build *b, int worker, chunk *c, const src_doc *d, const tx_doc *tx, uint32_t base) {
  const ix_annotator *an = b->annot;
  stable_slot cache[STABLE_SLOTS];
  memset(cache, 0, sizeof cache);
  if (!b->annot_st[worker] && !(b->annot_st[worker] = an->state_new(an->ud))) return -1;
  chunk_attr **at = malloc((an->nattr + 1) * sizeof *at);
  size_t na = an->nattr;
  if (!at) return -1;
  for (size_t k = 0; k < na; k++) {
    if (!(at[k] = attr_at(b, worker, c, an->names[k], base)) ||
        grow(&at[k]->val, &at[k]->cap, base + tx->ntok, sizeof *at[k]->val)) {
      free(at);
      return -1;
    }
  }
  size_t most = 0;
  for (size_t s = 0; s < tx->nsent; s++) {
    size_t n = (s + 1 < tx->nsent ? tx->sent[s + 1] : tx->ntok) - tx->sent[s];
    if (n > most) most = n;
  }
  const char **word = malloc((most + 1) * sizeof *word);
  uint32_t *len = malloc((most + 1) * sizeof *len);
  const char **val = malloc((most * na + 1) * sizeof *val);
  uint32_t *vlen = malloc((most * na + 1) * sizeof *vlen);
  int rc = word && len && val && vlen ? 0 : -1;
  for (size_t s = 0; s < tx->nsent && rc == 0; s++) {
    size_t s0 = tx->sent[s], n = (s + 1 < tx->nsent ? tx->sent[s + 1] : tx->ntok) - s0;
    for (size_t i = 0; i < n; i++) {
      word[i] = d->text + tx->tok[s0 + i].start;
      len[i] = tx->tok[s0 + i].len;
    }
    if (an->annotate(b->annot_st[worker], n, word, len, val, vlen)) { rc = -1; break; }
    for (size_t i = 0; i < n && rc == 0; i++) {
      uint32_t sid[2] = { 0, 0 }, ns = 0;
      for (size_t k = 0; k < na && rc == 0; k++) {             /* the stable values first */
        if (!((an->stable >> k) & 1)) continue;
        rc = attr_push_stable(b, worker, at[k], cache, val[i * an->nattr + k], vlen[i * an->nattr + k]);
        if (ns < 2) sid[ns] = at[k]->val[at[k]->n - 1];
        ns++;
      }
      for (size_t k = 0; k < na && rc == 0; k++) {
        if ((an->stable >> k) & 1) continue;
        const char *v = val[i * an->nattr + k];
        uint32_t vl = vlen[i * an->nattr + k];
        rc = ((an->keyed >> k) & 1) && ns <= 2
           ? attr_push_keyed(b, worker, at[k], c->tok[base + s0 + i], sid[0], sid[1], v, vl)
           : attr_push(b, worker, at[k], v, vl);
      }
    }
  }
  free(word); free(len); free(val); free(vlen); free(at);
  return rc;
}

/* The regions a document the tokenizer split gives by byte offsets (a PDF's pages, src_doc.spans)
** as regions over the tokens that start inside them. */
static int doc_spans(chunk *c, const src_doc *d, const tx_doc *tx, uint32_t base) {
  const src_spans *sp = d->spans;
  src_struct *st = malloc((sp->nst ? sp->nst : 1) * sizeof *st);
  if (!st) return -1;
  size_t k = 0, n = 0;
  for (size_t i = 0; i < sp->nst; i++) {
    st[n] = sp->st[i];
    while (k < tx->ntok && tx->tok[k].start < sp->st[i].first) k++;
    st[n].first = (uint32_t)k;
    size_t e = k;
    while (e < tx->ntok && tx->tok[e].start < sp->st[i].end) e++;
    st[n].end = (uint32_t)e;
    if (e > k) n++;
  }
  src_tokens p;
  memset(&p, 0, sizeof p);
  p.ntok = tx->ntok;
  p.st = st;
  p.nst = n;
  p.pool = sp->pool;
  int r = doc_structs(c, &p, base);
  free(st);
  return r;
}

int ixb_doc_attrs(build *b, int worker, chunk *c, const src_doc *d, const tx_doc *tx, uint32_t base) {
  const src_tokens *p = d->pre;
  if (!p && d->spans && doc_spans(c, d, tx, base)) return -1;
  if (!p) return b->annot && tx->ntok ? doc_annotate(b, worker, c, d, tx, base) : 0;
  for (size_t k = 0; k < p->nattr; k++) {
    chunk_attr *a = attr_at(b, worker, c, p->pool + p->attr_name[k], base);
    if (!a || grow(&a->val, &a->cap, base + p->ntok, sizeof *a->val)) return -1;
    for (size_t i = 0; i < p->ntok; i++) {
      const char *v = p->pool + p->value[i * p->nattr + k];
      if (attr_push(b, worker, a, v, strlen(v))) return -1;
    }
  }
  return doc_structs(c, p, base);
}

/* ================================================================== copied from the previous index */

int ixb_copy_attrs(build *b, int worker, chunk *c, uint32_t first, uint32_t end, uint32_t base) {
  const ix_index *p = b->prev;
  if (p->npattr && !b->prev_amap[worker] && !(b->prev_amap[worker] = calloc(p->npattr, sizeof(uint32_t *))))
    return -1;
  for (uint32_t k = 0; k < p->npattr; k++) {
    const ix_pattr *pa = &p->pattr[k];
    uint32_t **map = &b->prev_amap[worker][k];
    if (!*map) {
      if (!(*map = malloc((pa->ntypes ? pa->ntypes : 1) * sizeof **map))) return -1;
      memset(*map, 0xFF, (pa->ntypes ? pa->ntypes : 1) * sizeof **map);
    }
    chunk_attr *a = attr_at(b, worker, c, ix_string(p, pa->name), base);
    if (!a || grow(&a->val, &a->cap, base + (end - first), sizeof *a->val)) return -1;
    for (uint32_t pos = first; pos < end; pos++) {
      uint32_t id = ix_pattr_id(pa, pos);
      if ((*map)[id] == UINT32_MAX) {
        size_t len;
        const char *f = ix_pattr_form(pa, id, &len);
        if (((*map)[id] = ixb_lex_intern(&b->vlex[worker], f, len)) == UINT32_MAX) return -1;
      }
      a->val[a->n++] = (*map)[id];
    }
  }
  for (uint32_t k = 0; k < p->nsattr; k++) {
    const ix_sattr *sa = &p->sattr[k];
    const char *name = ix_string(p, sa->name);
    uint32_t nm = 0;
    for (uint32_t i = ix_regions_next(&sa->reg, first); i < sa->reg.n && sa->reg.start[i] < end; i++) {
      if (!nm) nm = ixb_chunk_string(c, name, strlen(name));
      st_rec r = { nm, sa->reg.start[i] - first + base, sa->reg.end[i] - first + base, (uint32_t)c->nstkv, 0 };
      for (uint32_t j = 0; j < sa->nkeys; j++) {
        const char *key = ix_string(p, sa->keys[j]), *v = ix_string(p, sa->vals[(size_t)i * sa->nkeys + j]);
        if (!*v) continue;
        if (grow(&c->stkv, &c->stkv_cap, c->nstkv + 2, sizeof *c->stkv)) return -1;
        c->stkv[c->nstkv++] = ixb_chunk_string(c, key, strlen(key));
        c->stkv[c->nstkv++] = ixb_chunk_string(c, v, strlen(v));
        r.nkv++;
      }
      PUSH(c->st, c->nst, c->st_cap, r, return -1);
    }
  }
  return c->failed ? -1 : 0;
}

/* ================================================================== the merge */

typedef struct vref { const char *s; uint32_t len, worker, id; } vref;

static int cmp_vref(const void *x, const void *y) {
  const vref *a = x, *b = y;
  int r = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
  if (r) return r;
  return a->len < b->len ? -1 : a->len > b->len;
}

/* Names of the attributes of all chunks, in the order the files first show them. */
static int gather_names(build *b, int pattr, const char **names, size_t *n) {
  *n = 0;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    size_t m = pattr ? c->nattr : c->nst;
    for (size_t j = 0; j < m; j++) {
      const char *nm = c->str + (pattr ? c->attr[j].name : c->st[j].name);
      size_t k = 0;
      while (k < *n && strcmp(names[k], nm) != 0) k++;
      if (k == *n) {
        if (*n >= IX_MAX_ATTRS) { atomic_store(&b->too_many, 1); return -1; }
        names[(*n)++] = nm;
      }
    }
  }
  return 0;
}

/* Layer pa from the chunks' values of attribute name: lexicon, stream, postings. */
static int merge_pattr(build *b, ix_index *ix, blockset *bs, const char *name, ix_pattr *pa) {
  int W = b->threads, rc = -1;
  uint8_t *used[MAX_THREADS] = {0};
  uint32_t *map[MAX_THREADS] = {0};
  vref *refs = NULL;
  int need_empty = 0;
  size_t nrefs = 0;
  for (int w = 0; w < W; w++)
    if (!(used[w] = calloc(b->vlex[w].n + 1, 1)) || !(map[w] = malloc((b->vlex[w].n + 1) * sizeof *map[w]))) goto done;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    chunk_attr *a = NULL;
    for (size_t j = 0; j < c->nattr && !a; j++) if (strcmp(c->str + c->attr[j].name, name) == 0) a = &c->attr[j];
    if (!a || a->n < c->ntok) need_empty |= c->ntok > 0;
    if (a) for (size_t k = 0; k < a->n; k++) used[c->worker][a->val[k]] = 1;
  }
  for (int w = 0; w < W; w++) for (size_t id = 0; id < b->vlex[w].n; id++) nrefs += used[w][id];
  if (!(refs = malloc((nrefs + 1) * sizeof *refs))) goto done;
  nrefs = 0;
  for (int w = 0; w < W; w++) {
    const lex *L = &b->vlex[w];
    for (size_t id = 0; id < L->n; id++)
      if (used[w][id]) refs[nrefs++] = (vref){ L->arena + L->off[id], L->len[id], (uint32_t)w, (uint32_t)id };
  }
  if (need_empty) refs[nrefs++] = (vref){ "", 0, UINT32_MAX, 0 };
  qsort(refs, nrefs, sizeof *refs, cmp_vref);
  size_t bytes = 0;
  for (size_t i = 0; i < nrefs; i++) bytes += refs[i].len + 1;
  char *forms = ixb_keep(bs, malloc(bytes + 1));
  uint64_t *off = ixb_keep(bs, malloc((nrefs + 1) * sizeof *off));
  if (!forms || !off) goto done;
  uint32_t V = 0, empty_id = 0;
  uint64_t at = 0;
  for (size_t i = 0; i < nrefs; i++) {
    if (!i || cmp_vref(&refs[i], &refs[i - 1]) != 0) {
      off[V++] = at;
      memcpy(forms + at, refs[i].s, refs[i].len);
      forms[at + refs[i].len] = '\0';
      at += refs[i].len + 1;
    }
    if (refs[i].worker == UINT32_MAX) empty_id = V - 1;
    else map[refs[i].worker][refs[i].id] = V - 1;
  }
  off[V] = at;
  uint32_t width = V <= 0x100 ? 1 : V <= 0x10000 ? 2 : V <= 0x1000000 ? 3 : 4;
  uint64_t *freq = ixb_keep(bs, calloc(V ? V : 1, sizeof *freq));
  uint8_t *tok = ixb_keep(bs, malloc(ix->ntokens * width + 8));
  if (!freq || !tok) goto done;
  memset(tok + ix->ntokens * width, 0, 8);
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    chunk_attr *a = NULL;
    for (size_t j = 0; j < c->nattr && !a; j++) if (strcmp(c->str + c->attr[j].name, name) == 0) a = &c->attr[j];
    for (size_t k = 0; k < c->ntok; k++) {
      uint32_t id = a && k < a->n ? map[c->worker][a->val[k]] : empty_id;
      freq[id]++;
      uint8_t *o = tok + (c->pos0 + k) * width;
      for (uint32_t j = 0; j < width; j++) o[j] = (uint8_t)(id >> (8 * j));
    }
    if (a) {                          /* in the stream now: its memory goes before the next one's */
      free(a->val);
      a->val = NULL;
      a->n = a->cap = 0;
    }
  }
  memset(pa, 0, sizeof *pa);
  pa->ntypes = V;
  pa->forms = forms;
  pa->form_off = off;
  pa->freq = freq;
  pa->width = width;
  pa->tokens = tok;
  pin in = { .stream = tok, .width = width, .n = ix->ntokens };
  rc = ixb_build_postings(&in, V, b->threads, &pa->post, &bs->p, &bs->n, &bs->cap);
done:
  for (int w = 0; w < W; w++) { free(used[w]); free(map[w]); }
  free(refs);
  return rc;
}

/* Layer sa from the chunks' regions of name; keys (room for IX_MAX_ATTRS) in the order first seen. */
static int merge_sattr_with(build *b, blockset *bs, strpool *pool, const char *name, ix_sattr *sa,
                            const char **keys) {
  size_t n = 0;
  size_t nkeys = 0;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    for (size_t j = 0; j < c->nst; j++) {
      if (strcmp(c->str + c->st[j].name, name) != 0) continue;
      n++;
      for (uint32_t k = 0; k < c->st[j].nkv; k++) {
        const char *key = c->str + c->stkv[c->st[j].kv + 2 * k];
        size_t q = 0;
        while (q < nkeys && strcmp(keys[q], key) != 0) q++;
        if (q == nkeys && nkeys == IX_MAX_ATTRS) { atomic_store(&b->too_many, 1); return -1; }
        if (q == nkeys) keys[nkeys++] = key;
      }
    }
  }
  uint32_t *st = ixb_keep(bs, malloc((n + 1) * sizeof *st));
  uint32_t *en = ixb_keep(bs, malloc((n + 1) * sizeof *en));
  uint32_t *kk = ixb_keep(bs, malloc((nkeys + 1) * sizeof *kk));
  uint32_t *vals = ixb_keep(bs, malloc((n * nkeys + 1) * sizeof *vals));
  int64_t empty = ixb_pool_intern(pool, ""), nm = ixb_pool_intern(pool, name);
  if (!st || !en || !kk || !vals || empty < 0 || nm < 0) return -1;
  for (size_t q = 0; q < nkeys; q++) {
    int64_t s = ixb_pool_intern(pool, keys[q]);
    if (s < 0) return -1;
    kk[q] = (uint32_t)s;
  }
  size_t r = 0;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    for (size_t j = 0; j < c->nst; j++) {
      const st_rec *x = &c->st[j];
      if (strcmp(c->str + x->name, name) != 0) continue;
      st[r] = (uint32_t)c->pos0 + x->first;
      en[r] = (uint32_t)c->pos0 + x->end;
      for (size_t q = 0; q < nkeys; q++) vals[r * nkeys + q] = (uint32_t)empty;
      for (uint32_t k = 0; k < x->nkv; k++) {
        const char *key = c->str + c->stkv[x->kv + 2 * k], *v = c->str + c->stkv[x->kv + 2 * k + 1];
        for (size_t q = 0; q < nkeys; q++) {
          if (strcmp(keys[q], key) != 0) continue;
          int64_t s = ixb_pool_intern(pool, v);
          if (s < 0) return -1;
          vals[r * nkeys + q] = (uint32_t)s;
        }
      }
      r++;
    }
  }
  memset(sa, 0, sizeof *sa);
  sa->name = (uint32_t)nm;
  sa->reg.n = (uint32_t)n;
  sa->reg.start = st;
  sa->reg.end = en;
  sa->nkeys = (uint32_t)nkeys;
  sa->keys = kk;
  sa->vals = vals;
  return 0;
}

static int merge_sattr(build *b, blockset *bs, strpool *pool, const char *name, ix_sattr *sa) {
  const char **keys = malloc(IX_MAX_ATTRS * sizeof *keys);
  int rc = keys ? merge_sattr_with(b, bs, pool, name, sa, keys) : -1;
  free(keys);
  return rc;
}

int ixb_merge_attrs(build *b, ix_index *ix, blockset *bs, strpool *pool) {
  const char *names[IX_MAX_ATTRS];
  size_t n;
  ix->annotated = b->annot != NULL;
  if (gather_names(b, 1, names, &n)) return -1;
  if (n) {
    if (!(ix->pattr = calloc(n, sizeof *ix->pattr))) return -1;
    for (size_t k = 0; k < n; k++) {
      if (merge_pattr(b, ix, bs, names[k], &ix->pattr[k])) return -1;
      int64_t s = ixb_pool_intern(pool, names[k]);
      if (s < 0) return -1;
      ix->pattr[k].name = (uint32_t)s;
      ix->npattr++;
    }
  }
  if (gather_names(b, 0, names, &n)) return -1;
  if (n) {
    if (!(ix->sattr = calloc(n, sizeof *ix->sattr))) return -1;
    for (size_t k = 0; k < n; k++, ix->nsattr++)
      if (merge_sattr(b, bs, pool, names[k], &ix->sattr[k])) return -1;
  }
  return 0;
}

void ixb_attrs_free(build *b) {
  for (int w = 0; w < MAX_THREADS; w++) {
    ixb_lex_free(&b->vlex[w]);
    free(b->keyed[w]);
    b->keyed[w] = NULL;
    if (b->annot_st[w]) b->annot->state_free(b->annot_st[w]);
    b->annot_st[w] = NULL;
    if (b->prev_amap[w]) {
      for (uint32_t k = 0; k < b->prev->npattr; k++) free(b->prev_amap[w][k]);
      free(b->prev_amap[w]);
      b->prev_amap[w] = NULL;
    }
  }
}
