/*
** build.c: building the positional index from a corpus's files, on all cores: ix_build, the
** driver of the stages below.
**
** The files are cut into chunks of consecutive files (about CHUNK_BYTES each). Worker threads take
** chunks in any order and turn each into tokens numbered by the worker's own lexicon, compact byte
** spans, regions and metadata. Then the lexicons are merged into one sorted lexicon (a type id is
** its form's rank, so ids do not depend on which worker saw a form first), the chunks are
** concatenated in file order with their ids remapped, and the postings are written in two passes
** over the token stream split by position among the threads. Whatever the number of threads, the
** result is the same, byte for byte.
**
** The stages, one file each, share build_int.h (seen by these files alone):
**   build_collect.c   the workers: lexicons, chunks, tokenizing, copying unchanged files
**   build_merge.c     lexicon merge, remapped chunks, folds, codes, regions, documents, strings
**   build_postings.c  the posting lists, in two passes
**   build_util.c      the parallel loop and the blocks that own the index's arrays
** The pair table is made last, by pairs.c.
*/
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build_int.h"

#if !defined(CHUNK_BYTES)
#define CHUNK_BYTES (4u << 20)   /* input bytes per chunk: big enough to amortize, small to balance */
#endif

/* ================================================================== small helpers */

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void set_err(char *err, size_t errlen, const char *msg) {
  if (err && errlen) snprintf(err, errlen, "%s", msg);
}

static int threads_default(int t) {
  if (t <= 0) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    t = n > 0 ? (int)n : 1;
  }
  return t > MAX_THREADS ? MAX_THREADS : t;
}

static const char too_many_msg[] =
  "the annotated files have more than 1000 attributes, elements (with their nesting levels) or keys of "
  "one element, more than an index keeps";

/* ================================================================== the driver */

int ix_build(src_ctx *src, const src_list *files, const ix_build_opts *o, ix_index **out,
             char *err, size_t errlen) {
  double t0 = now_seconds();
  ix_build_opts defaults = {0};
  if (!o) o = &defaults;
  build *b = calloc(1, sizeof *b);
  ix_index *ix = calloc(1, sizeof *ix);
  blockset bs = {0};
  merged_lex m;
  strpool pool = {0};
  memset(&m, 0, sizeof m);
  int rc = -1;
  if (!b || !ix) { set_err(err, errlen, "out of memory"); goto fail; }
  b->src = src;
  b->files = files;
  b->threads = threads_default(o->threads);
  b->prev = o->previous;
  b->reused = o->reused;
  b->reused_ud = o->reused_ud;
  b->annot = o->annotate;

  /* cut the files into chunks */
  uint64_t chunk_bytes = o->chunk_bytes ? o->chunk_bytes : CHUNK_BYTES;
  uint64_t bytes_total = 0;
  for (size_t f = 0; f < files->n; f++) bytes_total += files->f[f].size;
  size_t cap = 0;
  for (size_t f = 0; f < files->n;) {
    size_t g = f;
    uint64_t sz = 0;
    while (g < files->n && (g == f || sz + files->f[g].size <= chunk_bytes)) sz += files->f[g++].size;
    chunk c;
    memset(&c, 0, sizeof c);
    c.f0 = f;
    c.f1 = g;
    PUSH(b->chunks, b->nchunks, cap, c, set_err(err, errlen, "out of memory"); goto fail);
    f = g;
  }
  if ((size_t)b->threads > b->nchunks) b->threads = b->nchunks ? (int)b->nchunks : 1;
  for (int w = 0; w < b->threads; w++) tx_init(&b->txs[w]);
  if (b->prev) {
    if (ixb_gather_prev_parts(b)) { set_err(err, errlen, "out of memory"); goto fail; }
    for (int w = 0; w < b->threads; w++) {
      b->prev_map[w] = malloc((b->prev->ntypes ? b->prev->ntypes : 1) * sizeof(uint32_t));
      if (!b->prev_map[w]) { set_err(err, errlen, "out of memory"); goto fail; }
      memset(b->prev_map[w], 0xFF, (b->prev->ntypes ? b->prev->ntypes : 1) * sizeof(uint32_t));
    }
  }

  /* tokenize on all workers; this thread is worker 0 and reports progress */
  ixb_collect(b, o, bytes_total);
  /* the lexicons of workers that never started are empty: merging treats them alike */
  for (int w = 0; w < b->threads; w++) tx_free(&b->txs[w]);
  if (atomic_load(&b->overflow)) { set_err(err, errlen, "corpus too large: more than 4 billion tokens"); goto fail; }
  if (atomic_load(&b->too_many)) { set_err(err, errlen, too_many_msg); goto fail; }
  for (size_t i = 0; i < b->nchunks; i++)
    if (b->chunks[i].failed) { set_err(err, errlen, "out of memory while indexing"); goto fail; }

  /* positions of the chunks in the whole */
  uint64_t ntok = 0, nspans = 0, ndocs = 0, nparts = 0;
  for (size_t i = 0; i < b->nchunks; i++) {
    chunk *c = &b->chunks[i];
    c->pos0 = ntok;
    c->spans0 = nspans;
    ntok += c->ntok;
    nspans += c->nspans;
    ndocs += c->ndoc;
    nparts += c->npart;
  }
  if (ntok >= UINT32_MAX || ndocs >= UINT32_MAX) { set_err(err, errlen, "corpus too large: more than 4 billion tokens"); goto fail; }

  if (ixb_merge_lexicons(b, &m)) { set_err(err, errlen, "out of memory while merging the lexicon"); goto fail; }
  ix->ntypes = m.ntypes;
  ix->forms = ixb_keep(&bs, m.forms);
  ix->form_off = ixb_keep(&bs, m.form_off);
  ix->freq = ixb_keep(&bs, m.freq);
  m.forms = NULL; m.form_off = NULL; m.freq = NULL;
  for (int w = 0; w < b->threads; w++) ixb_lex_free(&b->lexes[w]);
  ix->tok_width = m.ntypes <= 0x100 ? 1 : 2;
  ix->ntokens = ntok;

  /* token stream, spans, checkpoints; the codes of a coded stream live until it is assembled */
  asm_ctx a = { b, ix, &m, NULL, NULL, NULL, NULL };
  a.tokens = ixb_keep(&bs, malloc(ntok * ix->tok_width + 8));
  a.spans = ixb_keep(&bs, malloc(nspans + 8));
  a.ck = ixb_keep(&bs, calloc(ntok / IX_CK_EVERY + 1, sizeof *a.ck));
  if (!a.tokens || !a.spans || !a.ck) { set_err(err, errlen, "out of memory"); goto fail; }
  uint16_t *code = NULL;
  if (m.ntypes > 0x10000 && ixb_make_codes(ix, &code, &bs)) { set_err(err, errlen, "out of memory"); goto fail; }
  a.code = code;
  memset(a.tokens + ntok * ix->tok_width, 0, 8);
  memset(a.spans + nspans, 0, 8);
  ixb_parallel_for(b->threads, b->nchunks, ixb_assemble_chunk, &a);
  free(code);
  if (ixb_gather_rare(b, ix, &bs)) { set_err(err, errlen, "out of memory"); goto fail; }
  ix->tokens = a.tokens;
  ix->spans = a.spans;
  ix->spans_len = nspans;
  ix->ck = a.ck;

  /* postings of whole tokens, then of compound parts */
  pin in = { .ix = ix, .n = ntok };
  if (ixb_build_postings(&in, ix->ntypes, b->threads, &ix->post, &bs.p, &bs.n, &bs.cap)) {
    set_err(err, errlen, "out of memory while writing postings"); goto fail;
  }
  part_rec *parts = malloc((nparts ? nparts : 1) * sizeof *parts);
  if (!parts) { set_err(err, errlen, "out of memory"); goto fail; }
  {
    size_t k = 0;
    for (size_t i = 0; i < b->nchunks; i++) {
      chunk *c = &b->chunks[i];
      for (size_t j = 0; j < c->npart; j++, k++) {
        parts[k].pos = (uint32_t)c->pos0 + c->part[j].pos;
        parts[k].id = m.map[c->worker][c->part[j].id];
      }
    }
  }
  pin pin_parts = { .parts = parts, .n = nparts };
  int prc = ixb_build_postings(&pin_parts, ix->ntypes, 1, &ix->part, &bs.p, &bs.n, &bs.cap);
  free(parts);
  if (prc) { set_err(err, errlen, "out of memory while writing postings"); goto fail; }
  if (ixb_build_folds(ix, &bs)) { set_err(err, errlen, "out of memory while folding the lexicon"); goto fail; }

  /* regions */
  if (ixb_concat_regions(b, &ix->reg[IX_PARA], &bs, 0) || ixb_concat_regions(b, &ix->reg[IX_SENT], &bs, 1) ||
      ixb_concat_regions(b, &ix->reg[IX_BOILER], &bs, 2) || ixb_concat_regions(b, &ix->reg[IX_TURN], &bs, 3)) {
    set_err(err, errlen, "out of memory"); goto fail;
  }

  /* documents, files, metadata and strings */
  if (ixb_merge_docs(b, files, ndocs, ix, &bs, &pool)) { set_err(err, errlen, "out of memory"); goto fail; }
  if (ixb_merge_attrs(b, ix, &bs, &pool)) {
    set_err(err, errlen, atomic_load(&b->too_many) ? too_many_msg : "out of memory while merging the attributes");
    goto fail;
  }
  if (grow(&pool.s, &pool.cap, pool.n + 1, 1)) { set_err(err, errlen, "out of memory"); goto fail; }
  ix->strings = ixb_keep(&bs, pool.s);
  ix->strings_len = pool.n;
  pool.s = NULL;
  {
    uint64_t *keys = NULL;
    uint32_t *counts = NULL;
    if (ix_build_pairs(ix, b->threads, &keys, &counts) || !ixb_keep(&bs, keys) || !ixb_keep(&bs, counts)) {
      set_err(err, errlen, "out of memory while counting word pairs"); goto fail;
    }
  }
  ix->build_seconds = now_seconds() - t0;
  ix->blocks = bs.p;
  ix->nblocks = bs.n;
  bs.p = NULL;
  bs.n = 0;
  *out = ix;
  ix = NULL;
  rc = 0;
fail:
  if (b) {
    for (size_t i = 0; i < b->nchunks; i++) ixb_chunk_free(&b->chunks[i]);
    free(b->chunks);
    for (int w = 0; w < MAX_THREADS; w++) ixb_lex_free(&b->lexes[w]);
    for (int w = 0; w < MAX_THREADS; w++) { free(m.map[w]); free(b->prev_map[w]); }
    free(b->prev_parts);
    ixb_attrs_free(b);
  }
  free(m.forms); free(m.form_off); free(m.freq);
  free(pool.s); free(pool.slot);
  free(b);
  if (ix) {
    ix->blocks = bs.p;
    ix->nblocks = bs.n;
    ix_free(ix);
  } else {
    for (size_t i = 0; i < bs.n; i++) free(bs.p[i]);
    free(bs.p);
  }
  return rc;
}
