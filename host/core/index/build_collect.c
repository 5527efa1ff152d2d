/*
** build_collect.c: the workers' half of the index build. A worker takes chunks of files in any
** order and turns each into tokens numbered by its own lexicon (build_util.c), compact byte
** spans, compound parts, regions, attributes (build_attrs.c) and documents; a file unchanged
** since the previous index is copied from it instead of being read and tokenized again.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "build_int.h"
#include "text/text.h"

/* ================================================================== chunks */

static void chunk_free_bulk(chunk *c) {
  free(c->tok); free(c->spans); free(c->para); free(c->sent); free(c->boil); free(c->turn);
  free(c->part);
  c->tok = NULL; c->spans = NULL; c->para = c->sent = c->boil = NULL; c->turn = NULL; c->part = NULL;
}

void ixb_chunk_free(chunk *c) {
  chunk_free_bulk(c);
  free(c->doc); free(c->meta); free(c->str); free(c->fhash); free(c->fndocs); free(c->fskipped);
  free(c->rare);
  for (size_t i = 0; i < c->nattr; i++) free(c->attr[i].val);
  free(c->attr); free(c->st); free(c->stkv);
}

static void put_span(chunk *c, uint32_t gap, uint32_t len) {
  if (grow(&c->spans, &c->spans_cap, c->nspans + 13, 1)) { c->failed = 1; return; }
  c->nspans += ix_span_put(c->spans + c->nspans, gap, len);
}

/* ================================================================== tokenizing a document */

typedef struct doc_ctx {
  build *b;
  chunk *c;
  int worker;
  size_t file;               /* index in chunk */
} doc_ctx;

typedef struct part_ctx {
  lex *L;
  chunk *c;
  uint32_t pos;
} part_ctx;

static void add_part(void *ud, const char *s, size_t n) {
  part_ctx *pc = ud;
  uint32_t id = ixb_lex_intern(pc->L, s, n);
  if (id == UINT32_MAX) { pc->c->failed = 1; return; }
  for (size_t k = pc->c->npart; k > 0 && pc->c->part[k - 1].pos == pc->pos; k--)
    if (pc->c->part[k - 1].id == id) return;     /* "x-x": one posting for x */
  part_rec r = { pc->pos, id };
  PUSH(pc->c->part, pc->c->npart, pc->c->part_cap, r, pc->c->failed = 1; return);
}

/* Region starts given as first-token indexes (tiling) become [start, end) pairs. */
static void add_tiling(chunk *c, uint32_t **arr, size_t *n, size_t *cap, const uint32_t *starts,
                       size_t nstarts, uint32_t base, uint32_t ntok) {
  for (size_t i = 0; i < nstarts; i++) {
    uint32_t s = base + starts[i];
    uint32_t e = base + (i + 1 < nstarts ? starts[i + 1] : ntok);
    if (e <= s) continue;
    if (grow(arr, cap, *n + 2, sizeof **arr)) { c->failed = 1; return; }
    (*arr)[(*n)++] = s;
    (*arr)[(*n)++] = e;
  }
}

static int on_doc(void *ud, src_doc *d) {
  doc_ctx *dc = ud;
  chunk *c = dc->c;
  lex *L = &dc->b->lexes[dc->worker];
  tx_doc *tx = &dc->b->txs[dc->worker];
  if (d->pre ? ixb_pre_tokens(d, tx) : tx_tokenize_lang(tx, d->text, d->len, src_doc_lang(d))) {
    c->failed = 1;
    src_doc_free(d);
    return -1;
  }
  uint32_t base = (uint32_t)c->ntok;
  if ((uint64_t)c->ntok + tx->ntok >= UINT32_MAX) {
    atomic_store(&dc->b->overflow, 1);
    src_doc_free(d);
    return -1;
  }
  if (grow(&c->tok, &c->tok_cap, c->ntok + tx->ntok, sizeof *c->tok)) { c->failed = 1; goto out; }

  /* tokens, their compact spans (in file bytes), and the parts of compounds */
  uint32_t prev_end = 0;
  size_t boil_i = 0, boil_line = SIZE_MAX;
  for (size_t i = 0; i < tx->ntok; i++) {
    const tx_token *t = &tx->tok[i];
    const uint32_t *own = d->pre ? d->pre->form : NULL;   /* a word of a multiword token */
    uint32_t id = own && own[i] != UINT32_MAX
                ? ixb_lex_intern(L, d->pre->pool + own[i], strlen(d->pre->pool + own[i]))
                : ixb_lex_intern(L, d->text + t->start, t->len);
    if (id == UINT32_MAX) { c->failed = 1; goto out; }
    L->count[id]++;
    c->tok[c->ntok++] = id;
    uint32_t o0 = t->start, o1 = t->start + t->len;
    if (d->nmap) { o0 = (uint32_t)src_to_orig(d, o0); o1 = (uint32_t)src_to_orig(d, o1); }
    if (o0 < prev_end) o0 = o1 = prev_end;   /* a later word of a multiword token: empty, at its end */
    put_span(c, o0 - prev_end, o1 - o0);
    prev_end = o1;
    if (t->flags & TX_COMPOUND) {
      part_ctx pc = { L, c, base + (uint32_t)i };
      tx_compound_parts(d->text + t->start, t->len, add_part, &pc);
    }
    /* boilerplate lines: byte ranges in the text become token ranges, one per line */
    while (boil_i < d->nboiler && d->boiler[2 * boil_i + 1] <= t->start) boil_i++;
    if (boil_i < d->nboiler && d->boiler[2 * boil_i] <= t->start) {
      uint32_t pos = base + (uint32_t)i;
      if (boil_line == boil_i && c->nboil && c->boil[c->nboil - 1] == pos) {
        c->boil[c->nboil - 1] = pos + 1;
      } else {
        if (grow(&c->boil, &c->boil_cap, c->nboil + 2, sizeof *c->boil)) { c->failed = 1; goto out; }
        c->boil[c->nboil++] = pos;
        c->boil[c->nboil++] = pos + 1;
        boil_line = boil_i;
      }
    }
  }
  add_tiling(c, &c->para, &c->npara, &c->para_cap, tx->para, tx->npara, base, (uint32_t)tx->ntok);
  add_tiling(c, &c->sent, &c->nsent, &c->sent_cap, tx->sent, tx->nsent, base, (uint32_t)tx->ntok);
  for (size_t i = 0; i < tx->nturn; i++) {
    const tx_turn *tt = &tx->turn[i];
    if (tt->end <= tt->first) continue;
    turn_rec r = { base + tt->first, base + tt->end, ixb_chunk_string(c, d->text + tt->label, tt->label_len) };
    PUSH(c->turn, c->nturn, c->turn_cap, r, c->failed = 1; goto out);
  }

  if (ixb_doc_attrs(dc->b, dc->worker, c, d, tx, base)) { c->failed = 1; goto out; }

  /* the document and its metadata */
  ix_doc cd;
  memset(&cd, 0, sizeof cd);
  cd.first = base;
  cd.ntok = (uint32_t)tx->ntok;
  cd.file = (uint32_t)dc->file;      /* chunk-relative until the merge */
  cd.line = d->line;
  cd.byte_start = d->byte_start;
  cd.byte_len = d->byte_len;
  cd.name = ixb_chunk_string(c, d->name, strlen(d->name));
  cd.meta = (uint32_t)(c->nmeta / 2);
  cd.nmeta = (uint32_t)d->nmeta;
  cd.flags = d->flags;
  if (grow(&c->meta, &c->meta_cap, c->nmeta + 2 * d->nmeta, sizeof *c->meta)) { c->failed = 1; goto out; }
  for (size_t i = 0; i < d->nmeta; i++) {
    c->meta[c->nmeta++] = ixb_chunk_string(c, d->meta[i].key, strlen(d->meta[i].key));
    c->meta[c->nmeta++] = ixb_chunk_string(c, d->meta[i].value, strlen(d->meta[i].value));
  }
  PUSH(c->doc, c->ndoc, c->doc_cap, cd, c->failed = 1; goto out);
  c->fndocs[dc->file]++;
out:
  src_doc_free(d);
  return c->failed ? -1 : 0;
}

/* ================================================================== copying unchanged files */

/* The previous index's file of the same path, if the file is unchanged: same kind, size, mtime and
** bytes (hashed again here: reading is cheap next to tokenizing). Its index there, or -1. */
static int64_t unchanged_file(build *b, const src_file *f) {
  const ix_index *p = b->prev;
  if (!p || p->annotated != (b->annot != NULL)) return -1;   /* annotated then and not now, or so */
  uint32_t lo = 0, hi = p->nfiles;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    int r = strcmp(ix_string(p, p->files[mid].path), f->path);
    if (r == 0) {
      const ix_file *pf = &p->files[mid];
      uint64_t h;
      if (pf->kind != f->kind || pf->size != f->size || pf->mtime_ns != f->mtime_ns) return -1;
      if (src_file_hash(b->src, f, &h) || h != pf->hash) return -1;
      return mid;
    }
    if (r < 0) lo = mid + 1; else hi = mid;
  }
  return -1;
}

/* The worker's local id of the previous index's type id. */
static uint32_t prev_local(build *b, lex *L, int worker, uint32_t pid) {
  uint32_t *map = b->prev_map[worker];
  if (map[pid] == UINT32_MAX) {
    size_t len;
    const char *f = ix_form(b->prev, pid, &len);
    map[pid] = ixb_lex_intern(L, f, len);
  }
  return map[pid];
}

/* Appends the regions of kind k within [first, end) of the previous index, moved to base. */
static void copy_regions(build *b, chunk *c, int k, uint32_t first, uint32_t end, uint32_t base) {
  const ix_regions *r = &b->prev->reg[k];
  for (uint32_t i = ix_region_next(b->prev, k, first); i < r->n && r->start[i] < end; i++) {
    uint32_t s0 = r->start[i] - first + base, e0 = r->end[i] - first + base;
    if (k == IX_TURN) {
      const char *label = ix_string(b->prev, r->attr[i]);
      turn_rec t = { s0, e0, ixb_chunk_string(c, label, strlen(label)) };
      PUSH(c->turn, c->nturn, c->turn_cap, t, c->failed = 1; return);
      continue;
    }
    uint32_t **arr = k == IX_PARA ? &c->para : k == IX_SENT ? &c->sent : &c->boil;
    size_t *n = k == IX_PARA ? &c->npara : k == IX_SENT ? &c->nsent : &c->nboil;
    size_t *cap = k == IX_PARA ? &c->para_cap : k == IX_SENT ? &c->sent_cap : &c->boil_cap;
    if (grow(arr, cap, *n + 2, sizeof **arr)) { c->failed = 1; return; }
    (*arr)[(*n)++] = s0;
    (*arr)[(*n)++] = e0;
  }
}

static int cmp_part_pos(const void *a, const void *b) {
  const part_rec *x = a, *y = b;
  if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* The previous index's compound parts as (position, type id), by position. Parts of one token
** may come in another order than the tokenizer gave them: it does not matter, as each goes to the
** posting list of its own id. */
int ixb_gather_prev_parts(build *b) {
  const ix_index *p = b->prev;
  size_t n = 0;
  for (uint32_t id = 0; id < p->ntypes; id++) n += p->part.count[id];
  b->prev_parts = malloc((n ? n : 1) * sizeof *b->prev_parts);
  if (!b->prev_parts) return -1;
  for (uint32_t id = 0; id < p->ntypes; id++) {
    ix_cursor cur;
    ix_cursor_open(&cur, &p->part, id);
    while (ix_cursor_next(&cur)) {
      part_rec r = { cur.cur, id };
      b->prev_parts[b->nprev_parts++] = r;
    }
  }
  if (b->nprev_parts > 1) qsort(b->prev_parts, b->nprev_parts, sizeof *b->prev_parts, cmp_part_pos);
  return 0;
}

/* Copies the documents of the previous index's file pf into chunk c, as if file fi (chunk
** relative) had been loaded and tokenized again. */
static void copy_file(build *b, int worker, chunk *c, size_t fi, uint32_t pf) {
  const ix_index *p = b->prev;
  const ix_file *xf = &p->files[pf];
  lex *L = &b->lexes[worker];
  c->fhash[fi] = xf->hash;
  for (uint32_t di = xf->first_doc; di < xf->first_doc + xf->ndocs && !c->failed; di++) {
    const ix_doc *xd = &p->docs[di];
    uint32_t base = (uint32_t)c->ntok, first = xd->first, end = xd->first + xd->ntok;
    if ((uint64_t)c->ntok + xd->ntok >= UINT32_MAX) { atomic_store(&b->overflow, 1); return; }
    if (grow(&c->tok, &c->tok_cap, c->ntok + xd->ntok, sizeof *c->tok)) { c->failed = 1; return; }
    for (uint32_t pos = first; pos < end; pos++) {
      uint32_t id = prev_local(b, L, worker, ix_token(p, pos));
      if (id == UINT32_MAX) { c->failed = 1; return; }
      L->count[id]++;
      c->tok[c->ntok++] = id;
    }
    /* spans count from the document's start, so its bytes copy as they are */
    uint64_t s0 = ix_span_offset(p, first), s1 = ix_span_offset(p, end);
    if (grow(&c->spans, &c->spans_cap, c->nspans + (size_t)(s1 - s0), 1)) { c->failed = 1; return; }
    memcpy(c->spans + c->nspans, p->spans + s0, (size_t)(s1 - s0));
    c->nspans += (size_t)(s1 - s0);
    size_t lo = 0, hi = b->nprev_parts;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (b->prev_parts[mid].pos < first) lo = mid + 1; else hi = mid;
    }
    for (; lo < b->nprev_parts && b->prev_parts[lo].pos < end; lo++) {
      uint32_t id = prev_local(b, L, worker, b->prev_parts[lo].id);
      if (id == UINT32_MAX) { c->failed = 1; return; }
      part_rec r = { b->prev_parts[lo].pos - first + base, id };
      PUSH(c->part, c->npart, c->part_cap, r, c->failed = 1; return);
    }
    for (int k = IX_PARA; k < IX_NREGIONS; k++) copy_regions(b, c, k, first, end, base);
    if (ixb_copy_attrs(b, worker, c, first, end, base)) { c->failed = 1; return; }
    ix_doc cd = *xd;
    cd.first = base;
    cd.file = (uint32_t)fi;
    const char *name = ix_string(p, xd->name);
    cd.name = ixb_chunk_string(c, name, strlen(name));
    cd.meta = (uint32_t)(c->nmeta / 2);
    if (grow(&c->meta, &c->meta_cap, c->nmeta + 2 * xd->nmeta, sizeof *c->meta)) { c->failed = 1; return; }
    for (uint32_t i = 0; i < 2 * xd->nmeta; i++) {
      const char *v = ix_string(p, p->meta[2 * xd->meta + i]);
      c->meta[c->nmeta++] = ixb_chunk_string(c, v, strlen(v));
    }
    PUSH(c->doc, c->ndoc, c->doc_cap, cd, c->failed = 1; return);
    c->fndocs[fi]++;
    src_sidecar_take(b->src, name);
  }
  if (b->reused) b->reused(b->reused_ud, b->files->f[c->f0 + fi].path);
}

/* ================================================================== the workers */

/* Fills chunk c, file by file: copied from the previous index, or loaded and tokenized. */
static void run_chunk(build *b, int worker, chunk *c) {
  size_t nf = c->f1 - c->f0;
  c->worker = worker;
  c->fhash = calloc(nf ? nf : 1, sizeof *c->fhash);
  c->fndocs = calloc(nf ? nf : 1, sizeof *c->fndocs);
  c->fskipped = calloc(nf ? nf : 1, 1);
  if (!c->fhash || !c->fndocs || !c->fskipped) { c->failed = 1; return; }
  for (size_t f = c->f0; f < c->f1 && !c->failed && !atomic_load(&b->overflow); f++) {
    const src_file *sf = &b->files->f[f];
    int64_t pf = b->prev ? unchanged_file(b, sf) : -1;
    if (pf >= 0 && !(b->prev->files[pf].kind & IX_FILE_SKIPPED)) {
      copy_file(b, worker, c, f - c->f0, (uint32_t)pf);
    } else {
      doc_ctx dc = { b, c, worker, f - c->f0 };
      int r = src_load_hashed(b->src, sf, on_doc, &dc, &c->fhash[f - c->f0]);
      if (r < 0 && !atomic_load(&b->overflow)) c->failed = 1;
      c->fskipped[f - c->f0] = r == 1;
    }
    atomic_fetch_add(&b->files_done, 1);
    atomic_fetch_add(&b->bytes_done, sf->size);
  }
}

typedef struct worker_arg { build *b; int worker; } worker_arg;

static void *chunk_worker(void *p) {
  worker_arg *w = p;
  build *b = w->b;
  size_t i;
  while ((i = atomic_fetch_add(&b->next_chunk, 1)) < b->nchunks) run_chunk(b, w->worker, &b->chunks[i]);
  return NULL;
}

/* Turns every chunk into tokens on b->threads workers: this thread is worker 0, and tells
** o->progress after each of its chunks and once at the end. */
void ixb_collect(build *b, const ix_build_opts *o, uint64_t bytes_total) {
  const src_list *files = b->files;
  pthread_t tid[MAX_THREADS];
  worker_arg wa[MAX_THREADS];
  int started = 0;
  for (int w = 1; w < b->threads; w++) {
    wa[w].b = b;
    wa[w].worker = w;
    if (pthread_create(&tid[started], NULL, chunk_worker, &wa[w]) == 0) started++;
  }
  {
    size_t i;
    while ((i = atomic_fetch_add(&b->next_chunk, 1)) < b->nchunks) {
      run_chunk(b, 0, &b->chunks[i]);
      if (o->progress) o->progress(o->progress_ud, atomic_load(&b->files_done), files->n,
                                   atomic_load(&b->bytes_done), bytes_total);
    }
  }
  for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
  if (o->progress) o->progress(o->progress_ud, files->n, files->n, bytes_total, bytes_total);
}
