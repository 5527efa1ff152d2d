/*
** build_merge.c: from the workers' chunks to one index. The lexicons are merged into one sorted
** lexicon, with a map from each worker's ids; each chunk's tokens are remapped and copied to their
** place in the stream; then the rest is gathered in file order: the folded view of the lexicon,
** the codes and rare list of a large lexicon, the regions, and the documents, files and metadata
** with their strings in one pool. Nothing here depends on how the files were cut into chunks.
*/
#include <stdlib.h>
#include <string.h>

#include "build_int.h"
#include "text/fold.h"

/* ================================================================== merging the lexicons */

static _Thread_local const lex *sort_lex;

static int cmp_local(const void *a, const void *b) {
  const lex *L = sort_lex;
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return strcmp(L->arena + L->off[x], L->arena + L->off[y]);
}

static void sort_lex_job(void *arg, size_t w) {
  build *b = arg;
  lex *L = &b->lexes[w];
  free(L->slot);
  L->slot = NULL;
  L->nslot = 0;
  L->order = malloc((L->n ? L->n : 1) * sizeof *L->order);
  if (!L->order) return;
  for (size_t i = 0; i < L->n; i++) L->order[i] = (uint32_t)i;
  sort_lex = L;
  if (L->n > 1) qsort(L->order, L->n, sizeof *L->order, cmp_local);
}

/* Merges the workers' lexicons into m (see merged_lex): each sorted on its own, then a W-way
** merge. Returns 0 or -1 (memory). */
int ixb_merge_lexicons(build *b, merged_lex *m) {
  int W = b->threads;
  size_t total = 0, bytes = 0;
  ixb_parallel_for(W, (size_t)W, sort_lex_job, b);
  for (int w = 0; w < W; w++) {
    if (!b->lexes[w].order) return -1;
    total += b->lexes[w].n;
    bytes += b->lexes[w].alen;
    m->map[w] = malloc((b->lexes[w].n ? b->lexes[w].n : 1) * sizeof(uint32_t));
    if (!m->map[w]) return -1;
  }
  m->forms = malloc(bytes ? bytes : 1);
  m->form_off = malloc((total + 1) * sizeof *m->form_off);
  m->freq = malloc((total ? total : 1) * sizeof *m->freq);
  if (!m->forms || !m->form_off || !m->freq) return -1;
  size_t at[MAX_THREADS] = {0};
  uint64_t out = 0;
  uint32_t n = 0;
  for (;;) {                           /* W-way merge of the sorted lexicons */
    const char *best = NULL;
    for (int w = 0; w < W; w++) {
      const lex *L = &b->lexes[w];
      if (at[w] < L->n) {
        const char *f = L->arena + L->off[L->order[at[w]]];
        if (!best || strcmp(f, best) < 0) best = f;
      }
    }
    if (!best) break;
    size_t len = strlen(best);
    memcpy(m->forms + out, best, len + 1);
    m->form_off[n] = out;
    m->freq[n] = 0;
    out += len + 1;
    for (int w = 0; w < W; w++) {
      const lex *L = &b->lexes[w];
      if (at[w] < L->n) {
        uint32_t id = L->order[at[w]];
        if (strcmp(L->arena + L->off[id], m->forms + m->form_off[n]) == 0) {
          m->map[w][id] = n;
          m->freq[n] += L->count[id];
          at[w]++;
        }
      }
    }
    n++;
  }
  m->form_off[n] = out;
  m->ntypes = n;
  return 0;
}

/* ================================================================== assembling the index */

/* Copies chunk i's tokens (remapped) and spans to their place; computes its span checkpoints. */
void ixb_assemble_chunk(void *arg, size_t i) {
  asm_ctx *a = arg;
  chunk *c = &a->b->chunks[i];
  const uint32_t *map = a->m->map[c->worker];
  uint32_t w = a->ix->tok_width;
  uint8_t *out = a->tokens + c->pos0 * w;
  for (size_t k = 0; k < c->ntok; k++) {
    uint32_t id = map[c->tok[k]];
    if (a->code) {
      uint32_t code = a->code[id];
      if (code == IX_RARE) {
        part_rec r = { (uint32_t)(c->pos0 + k), id };
        PUSH(c->rare, c->nrare, c->rare_cap, r, c->failed = 1; break);
      }
      id = code;
    }
    for (uint32_t j = 0; j < w; j++) out[k * w + j] = (uint8_t)(id >> (8 * j));
  }
  if (c->nspans) memcpy(a->spans + c->spans0, c->spans, c->nspans);   /* a chunk of no tokens: NULL */
  /* checkpoints: walk this chunk's spans; a document's first token starts again from 0 */
  const uint8_t *p = c->spans;
  uint32_t end = 0;
  size_t d = 0;
  for (size_t k = 0; k < c->ntok; k++) {
    uint64_t pos = c->pos0 + k;
    while (d < c->ndoc && c->doc[d].first + c->doc[d].ntok <= k) d++;
    if (d < c->ndoc && c->doc[d].first == k) end = 0;
    if (pos % IX_CK_EVERY == 0) {
      ix_ck *ck = &a->ck[pos / IX_CK_EVERY];
      ck->off = c->spans0 + (uint64_t)(p - c->spans);
      ck->base = end;
      ck->pad = 0;
    }
    uint32_t gap, len;
    p = ix_span_get(p, &gap, &len);
    end += gap + len;
  }
  free(c->tok);
  c->tok = NULL;
  free(c->spans);
  c->spans = NULL;
}

/* The folded view: fold classes of the lexicon's forms. */
/* Sets ix's folded view: its forms folded (FOLD_CASE), the fold classes sorted bytewise, and
** each class's surface ids. */
int ixb_build_folds(ix_index *ix, blockset *bs) {
  uint32_t V = ix->ntypes;
  fold_item *it = malloc((V ? V : 1) * sizeof *it);
  fold_buf fb = {0};
  char *arena = NULL;
  size_t alen = 0, acap = 0;
  int rc = -1;
  if (!it) goto done;
  for (uint32_t id = 0; id < V; id++) {
    size_t len;
    const char *f = ix_form(ix, id, &len);
    if (fold(&fb, f, len, FOLD_CASE)) goto done;
    if (grow(&arena, &acap, alen + fb.len + 1, 1)) goto done;
    memcpy(arena + alen, fb.s, fb.len + 1);
    it[id].off = alen;
    it[id].len = (uint32_t)fb.len;
    it[id].id = id;
    alen += fb.len + 1;
  }
  fold_sort(it, V, arena);
  uint32_t *fold_of = ixb_keep(bs, malloc((V ? V : 1) * sizeof *fold_of));
  uint32_t *mem = ixb_keep(bs, malloc((V ? V : 1) * sizeof *mem));
  uint32_t *mem_off = ixb_keep(bs, malloc((V + 1) * sizeof *mem_off));
  uint64_t *foff = ixb_keep(bs, malloc((V + 1) * sizeof *foff));
  char *fforms = ixb_keep(bs, malloc(alen ? alen : 1));
  if (!fold_of || !mem || !mem_off || !foff || !fforms) goto done;
  uint32_t nf = 0;
  uint64_t out = 0;
  for (uint32_t i = 0; i < V; i++) {
    int same = i > 0 && it[i].len == it[i - 1].len &&
               memcmp(arena + it[i].off, arena + it[i - 1].off, it[i].len) == 0;
    if (!same) {
      mem_off[nf] = i;
      foff[nf] = out;
      memcpy(fforms + out, arena + it[i].off, it[i].len + 1);
      out += it[i].len + 1;
      nf++;
    }
    mem[i] = it[i].id;
    fold_of[it[i].id] = nf - 1;
  }
  mem_off[nf] = V;
  foff[nf] = out;
  ix->nfolds = nf;
  ix->fold_forms = fforms;
  ix->fold_off = foff;
  ix->fold_of = fold_of;
  ix->fold_mem_off = mem_off;
  ix->fold_mem = mem;
  rc = 0;
done:
  free(it);
  free(arena);
  fold_buf_free(&fb);
  return rc;
}

/* The string pool (strpool): its table holds offsets + 1 into the pool's bytes, 0 = empty. */
static int pool_rehash(strpool *p, size_t nslot) {
  uint32_t *slot = calloc(nslot, sizeof *slot);
  if (!slot) return -1;
  for (size_t i = 0; i < p->nslot; i++) {
    uint32_t e = p->slot[i];
    if (!e) continue;
    const char *str = p->s + (e - 1);
    size_t j = hash_form(str, strlen(str)) & (nslot - 1);
    while (slot[j]) j = (j + 1) & (nslot - 1);
    slot[j] = e;
  }
  free(p->slot);
  p->slot = slot;
  p->nslot = nslot;
  return 0;
}

int64_t ixb_pool_intern(strpool *p, const char *str) {
  size_t len = strlen(str);
  if ((p->used + 1) * 2 > p->nslot && pool_rehash(p, p->nslot ? p->nslot * 2 : 1024)) return -1;
  size_t j = hash_form(str, len) & (p->nslot - 1);
  while (p->slot[j]) {
    const char *e = p->s + (p->slot[j] - 1);
    if (strcmp(e, str) == 0) return p->slot[j] - 1;
    j = (j + 1) & (p->nslot - 1);
  }
  if (p->n + len + 1 >= UINT32_MAX) return -1;
  if (grow(&p->s, &p->cap, p->n + len + 1, 1)) return -1;
  memcpy(p->s + p->n, str, len + 1);
  p->slot[j] = (uint32_t)p->n + 1;
  p->used++;
  p->n += len + 1;
  return (int64_t)p->slot[j] - 1;
}

/* Files, documents, metadata and turn labels of all chunks, with their strings interned in an
** order that does not depend on how the files were cut into chunks: all paths first, then each
** document's name, metadata and turn labels. */
int ixb_merge_docs(build *b, const src_list *files, uint64_t ndocs, ix_index *ix, blockset *bs,
                         strpool *pool) {
  ix_doc *docs = ixb_keep(bs, malloc((ndocs ? ndocs : 1) * sizeof *docs));
  ix_file *fl = ixb_keep(bs, calloc(files->n ? files->n : 1, sizeof *fl));
  uint32_t nturn = ix->reg[IX_TURN].n;
  uint32_t *turn_attr = ixb_keep(bs, malloc((nturn ? nturn : 1) * sizeof *turn_attr));
  uint32_t *dstart = ixb_keep(bs, malloc((ndocs ? ndocs : 1) * sizeof *dstart));
  uint32_t *dend = ixb_keep(bs, malloc((ndocs ? ndocs : 1) * sizeof *dend));
  size_t nmeta = 0;
  for (size_t i = 0; i < b->nchunks; i++) nmeta += b->chunks[i].nmeta;
  uint32_t *meta = ixb_keep(bs, malloc((nmeta ? nmeta : 1) * sizeof *meta));
  if (!docs || !fl || !turn_attr || !dstart || !dend || !meta) return -1;
  size_t di = 0, mi = 0, ti = 0, fd = 0;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    for (size_t f = c->f0; f < c->f1; f++) {
      int64_t s = ixb_pool_intern(pool, files->f[f].path);
      if (s < 0) return -1;
      fl[f].path = (uint32_t)s;
      fl[f].kind = files->f[f].kind | (c->fskipped[f - c->f0] ? IX_FILE_SKIPPED : 0);
      fl[f].size = files->f[f].size;
      fl[f].mtime_ns = files->f[f].mtime_ns;
      fl[f].hash = c->fhash[f - c->f0];
      fl[f].first_doc = (uint32_t)fd;
      fl[f].ndocs = c->fndocs[f - c->f0];
      fd += c->fndocs[f - c->f0];
    }
  }
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    size_t tj = 0;
    for (size_t j = 0; j < c->ndoc; j++, di++) {
      ix_doc d = c->doc[j];
      int64_t s = ixb_pool_intern(pool, c->str + d.name);
      if (s < 0) return -1;
      d.name = (uint32_t)s;
      uint32_t m0 = (uint32_t)(mi / 2);
      for (uint32_t k = 0; k < 2 * d.nmeta; k++) {
        int64_t v = ixb_pool_intern(pool, c->str + c->meta[2 * d.meta + k]);
        if (v < 0) return -1;
        meta[mi++] = (uint32_t)v;
      }
      for (; tj < c->nturn && c->turn[tj].start < d.first + d.ntok; tj++) {
        int64_t v = ixb_pool_intern(pool, c->str + c->turn[tj].label);
        if (v < 0) return -1;
        turn_attr[ti++] = (uint32_t)v;
      }
      d.meta = m0;
      d.first += (uint32_t)c->pos0;
      d.file += (uint32_t)c->f0;
      docs[di] = d;
      dstart[di] = d.first;
      dend[di] = d.first + d.ntok;
    }
  }
  ix->ndocs = (uint32_t)ndocs;
  ix->nfiles = (uint32_t)files->n;
  ix->docs = docs;
  ix->files = fl;
  ix->meta = meta;
  ix->reg[IX_TURN].attr = turn_attr;
  ix->reg[IX_DOC].n = (uint32_t)ndocs;
  ix->reg[IX_DOC].start = dstart;
  ix->reg[IX_DOC].end = dend;
  return 0;
}

/* A coded token stream (see index.h): codes for the 65535 most frequent types, by frequency, then
** id. code gets the code of each id (IX_RARE for the others); it is the caller's to free. */
static _Thread_local const uint64_t *sort_freq;

static int cmp_by_freq(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  if (sort_freq[x] != sort_freq[y]) return sort_freq[x] > sort_freq[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

int ixb_make_codes(ix_index *ix, uint16_t **code, blockset *bs) {
  uint32_t V = ix->ntypes;
  uint32_t *order = malloc(V * sizeof *order);
  uint32_t *code_id = ixb_keep(bs, malloc(IX_RARE * sizeof *code_id));
  *code = malloc(V * sizeof **code);
  if (!order || !code_id || !*code) { free(order); free(*code); *code = NULL; return -1; }
  for (uint32_t i = 0; i < V; i++) order[i] = i;
  sort_freq = ix->freq;
  qsort(order, V, sizeof *order, cmp_by_freq);
  memset(*code, 0xFF, V * sizeof **code);
  for (uint32_t k = 0; k < IX_RARE; k++) {
    code_id[k] = order[k];
    (*code)[order[k]] = (uint16_t)k;
  }
  free(order);
  ix->ncodes = IX_RARE;
  ix->code_id = code_id;
  return 0;
}

/* The rare tokens of all chunks, in position order. */
int ixb_gather_rare(build *b, ix_index *ix, blockset *bs) {
  uint64_t n = 0, k = 0;
  for (size_t i = 0; i < b->nchunks; i++) {
    if (b->chunks[i].failed) return -1;
    n += b->chunks[i].nrare;
  }
  uint32_t *pos = ixb_keep(bs, malloc((n ? n : 1) * sizeof *pos));
  uint32_t *id = ixb_keep(bs, malloc((n ? n : 1) * sizeof *id));
  if (!pos || !id) return -1;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    for (size_t j = 0; j < c->nrare; j++, k++) {
      pos[k] = c->rare[j].pos;
      id[k] = c->rare[j].id;
    }
    free(c->rare);
    c->rare = NULL;
    c->nrare = c->rare_cap = 0;
  }
  ix->nrare = n;
  ix->rare_pos = pos;
  ix->rare_id = id;
  return 0;
}

/* Concatenates the regions of all chunks into one kind of region. */
int ixb_concat_regions(build *b, ix_regions *r, blockset *bs, size_t which) {
  size_t total = 0;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    total += which == 0 ? c->npara / 2 : which == 1 ? c->nsent / 2 : which == 2 ? c->nboil / 2 : c->nturn;
  }
  uint32_t *st = ixb_keep(bs, malloc((total ? total : 1) * sizeof *st));
  uint32_t *en = ixb_keep(bs, malloc((total ? total : 1) * sizeof *en));
  if (!st || !en) return -1;
  size_t k = 0;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    const uint32_t *pairs = which == 0 ? c->para : which == 1 ? c->sent : c->boil;
    size_t n = which == 0 ? c->npara / 2 : which == 1 ? c->nsent / 2 : which == 2 ? c->nboil / 2 : c->nturn;
    for (size_t j = 0; j < n; j++, k++) {
      if (which == 3) { st[k] = (uint32_t)c->pos0 + c->turn[j].start; en[k] = (uint32_t)c->pos0 + c->turn[j].end; }
      else { st[k] = (uint32_t)c->pos0 + pairs[2 * j]; en[k] = (uint32_t)c->pos0 + pairs[2 * j + 1]; }
    }
  }
  r->n = (uint32_t)total;
  r->start = st;
  r->end = en;
  r->attr = NULL;
  return 0;
}
