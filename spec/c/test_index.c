/*
** test_index.c: the positional index against the tokenizer it was built from. A generated corpus
** (many files, compounds, long gaps and long tokens, empty documents) is indexed with one thread
** and with several, in small chunks; the two indexes must be the same byte for byte, and every
** posting list, span, region and lookup must agree with a plain re-tokenization of the files.
*/
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctest.h"
#include "fake_annotator.h"
#include "text/fold.h"
#include "index/index.h"
#include "text/text.h"

static char corpus_dir[64];

static void write_file(const char *name, const char *s, size_t n) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", corpus_dir, name);
  FILE *f = fopen(path, "wb");
  fwrite(s, 1, n, f);
  fclose(f);
}

static unsigned rnd_state = 12345;
static unsigned rnd(unsigned n) {
  rnd_state = rnd_state * 1103515245u + 12345u;
  return (rnd_state >> 8) % n;
}

static const char *const words[] = {
  "the", "The", "THE", "Iraq", "iraq", "Russia", "resolution", "Council", "U.N.", "U.S.-led",
  "Iran-Iraq", "said", "Mr.", "weapons", "of", "mass", "destruction", ",", ".", "Moscow",
  "Putin", "60,000", "2.5", "war", "peace", "“", "”", "inspectors", "high-level", "x-x"
};

/* Makes the generated corpus: 60 files of up to a few KB, one empty, one with a long gap and a
** long token. */
static void make_corpus(void) {
  snprintf(corpus_dir, sizeof corpus_dir, "/tmp/lector-test-index.XXXXXX");
  if (!mkdtemp(corpus_dir)) { perror("mkdtemp"); exit(2); }
  char *buf = malloc(1 << 16);
  for (int f = 0; f < 60; f++) {
    size_t n = 0;
    int nw = f == 7 ? 0 : (int)rnd(600) + 1;
    for (int w = 0; w < nw; w++) {
      const char *s = words[rnd(sizeof words / sizeof *words)];
      n += (size_t)sprintf(buf + n, "%s%s", s, rnd(12) == 0 ? "\n\n" : " ");
    }
    if (f == 11) {                      /* a gap of 300 spaces and a token of 400 letters */
      memset(buf + n, ' ', 300); n += 300;
      memset(buf + n, 'z', 400); n += 400;
      n += (size_t)sprintf(buf + n, " end.\n");
    }
    char name[32];
    snprintf(name, sizeof name, "doc%03d.txt", f);
    write_file(name, buf, n);
  }
  free(buf);
}

static void quiet(void *ud, const char *file, const char *msg) { (void)ud; (void)file; (void)msg; }

static ix_index *build_with(int threads, uint64_t chunk, const ix_annotator *an) {
  char err[256];
  src_ctx *src = src_open(corpus_dir, quiet, NULL, err, sizeof err);
  if (!src) { fprintf(stderr, "src_open: %s\n", err); exit(2); }
  src_list files = {0};
  src_scan(src, &files);
  ix_build_opts o = { .threads = threads, .chunk_bytes = chunk, .annotate = an };
  ix_index *ix = NULL;
  if (ix_build(src, &files, &o, &ix, err, sizeof err)) { fprintf(stderr, "ix_build: %s\n", err); exit(2); }
  src_list_free(&files);
  src_close(src);
  return ix;
}

static ix_index *build(int threads, uint64_t chunk) { return build_with(threads, chunk, NULL); }

#define SAME(a, b, n) (memcmp((a), (b), (n)) == 0)

static void test_deterministic(void) {
  ix_index *a = build(1, 0), *b = build(4, 1500);
  CHECK_INT(a->ntypes, b->ntypes);
  CHECK_INT(a->ntokens, b->ntokens);
  CHECK_INT(a->tok_width, b->tok_width);
  CHECK(SAME(a->forms, b->forms, a->form_off[a->ntypes]));
  CHECK(SAME(a->tokens, b->tokens, a->ntokens * a->tok_width));
  CHECK_INT(a->spans_len, b->spans_len);
  CHECK(SAME(a->spans, b->spans, a->spans_len));
  CHECK(SAME(a->ck, b->ck, (a->ntokens / IX_CK_EVERY + 1) * sizeof(ix_ck)));
  CHECK(SAME(a->post.off, b->post.off, (a->ntypes + 1) * sizeof(uint64_t)));
  CHECK(SAME(a->post.data, b->post.data, a->post.off[a->ntypes]));
  CHECK(SAME(a->post.skip, b->post.skip, a->post.skip_off[a->ntypes] * sizeof(ix_skip)));
  CHECK(SAME(a->part.data, b->part.data, a->part.off[a->ntypes]));
  CHECK_INT(a->reg[IX_SENT].n, b->reg[IX_SENT].n);
  CHECK(SAME(a->reg[IX_SENT].start, b->reg[IX_SENT].start, a->reg[IX_SENT].n * 4));
  CHECK_INT(a->ndocs, b->ndocs);
  CHECK(SAME(a->docs, b->docs, a->ndocs * sizeof(ix_doc)));
  CHECK_INT(a->strings_len, b->strings_len);
  ix_free(a);
  ix_free(b);
}

/* Every token of every document, re-tokenized from the file, against the index. */
static void test_tokens_and_spans(void) {
  ix_index *ix = build(2, 3000);
  tx_doc tx;
  tx_init(&tx);
  CHECK_INT(ix->ndocs, 60);
  uint64_t pos = 0;
  int bad_form = 0, bad_span = 0, bad_doc = 0;
  for (uint32_t d = 0; d < ix->ndocs; d++) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", corpus_dir, ix_string(ix, ix->docs[d].name));
    FILE *f = fopen(path, "rb");
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);
    tx_tokenize(&tx, text, n);
    if (ix->docs[d].first != pos || ix->docs[d].ntok != tx.ntok) bad_doc++;
    for (size_t i = 0; i < tx.ntok; i++, pos++) {
      size_t len;
      const char *form = ix_form(ix, ix_token(ix, (uint32_t)pos), &len);
      if (len != tx.tok[i].len || memcmp(form, text + tx.tok[i].start, len)) bad_form++;
      uint32_t b0, b1;
      ix_span(ix, (uint32_t)pos, &b0, &b1);
      if (b0 != tx.tok[i].start || b1 != tx.tok[i].start + tx.tok[i].len) bad_span++;
      if (ix_doc_of(ix, (uint32_t)pos) != d) bad_doc++;
    }
  }
  CHECK_INT(pos, ix->ntokens);
  CHECK_INT(bad_form, 0);
  CHECK_INT(bad_span, 0);
  CHECK_INT(bad_doc, 0);
  CHECK_INT(ix->docs[7].ntok, 0);                 /* the empty document */
  tx_free(&tx);
  ix_free(ix);
}

/* Each posting list holds exactly the positions of its type, in order; seeks land right. */
static void test_postings(void) {
  ix_index *ix = build(2, 2000);
  uint64_t *seen = calloc(ix->ntypes, sizeof *seen);
  int bad = 0, bad_seek = 0;
  for (uint32_t id = 0; id < ix->ntypes; id++) {
    ix_cursor c;
    ix_cursor_open(&c, &ix->post, id);
    uint64_t n = 0;
    int64_t prev = -1;
    while (ix_cursor_next(&c)) {
      if ((int64_t)c.cur <= prev || ix_token(ix, c.cur) != id) bad++;
      prev = c.cur;
      n++;
    }
    if (n != ix->freq[id] || n != ix->post.count[id]) bad++;
    seen[id] = n;
    /* seeks to random targets agree with a linear walk */
    for (int k = 0; k < 20; k++) {
      uint32_t target = (uint32_t)rnd((unsigned)ix->ntokens + 2);
      ix_cursor s;
      ix_cursor_open(&s, &ix->post, id);
      int found = ix_cursor_seek(&s, target);
      uint32_t want = UINT32_MAX;
      for (uint64_t p = target; p < ix->ntokens; p++)
        if (ix_token(ix, p) == id) { want = (uint32_t)p; break; }
      if (found != (want != UINT32_MAX) || (found && s.cur != want)) bad_seek++;
      /* a second seek further on, from where the first stopped */
      if (found) {
        uint32_t t2 = s.cur + 1 + rnd(5000);
        int f2 = ix_cursor_seek(&s, t2);
        uint32_t w2 = UINT32_MAX;
        for (uint64_t p = t2; p < ix->ntokens; p++)
          if (ix_token(ix, p) == id) { w2 = (uint32_t)p; break; }
        if (f2 != (w2 != UINT32_MAX) || (f2 && s.cur != w2)) bad_seek++;
      }
    }
  }
  uint64_t total = 0;
  for (uint32_t id = 0; id < ix->ntypes; id++) total += seen[id];
  CHECK_INT(total, ix->ntokens);
  CHECK_INT(bad, 0);
  CHECK_INT(bad_seek, 0);
  /* "the" is frequent enough to have skip entries */
  uint32_t the = ix_lookup(ix, "the", 3);
  CHECK(the != IX_NONE);
  CHECK(ix->post.skip_off[the + 1] - ix->post.skip_off[the] >= 2);
  free(seen);
  ix_free(ix);
}

static void test_parts_and_folds(void) {
  ix_index *ix = build(1, 0);
  /* English text splits its hyphen compounds (Iran - Iraq, x - x): no compound is a type, and no
  ** part posting is made; "Iraq" is found as a token of its own */
  uint32_t iraq = ix_lookup(ix, "Iraq", 4), compound = ix_lookup(ix, "Iran-Iraq", 9);
  CHECK(iraq != IX_NONE);
  CHECK(compound == IX_NONE);
  CHECK(ix_lookup(ix, "x-x", 3) == IX_NONE);
  uint64_t nparts = 0;
  for (uint32_t id = 0; id < ix->ntypes; id++) nparts += ix->part.count[id];
  CHECK_INT(nparts, 0);
  /* the fold class of "the" holds the, The, THE */
  const uint32_t *mem;
  size_t k;
  CHECK(ix_fold_lookup(ix, "the", 3, &mem, &k) != IX_NONE);
  CHECK_INT(k, 3);
  CHECK(ix_fold_lookup(ix, "iraq", 4, &mem, &k) != IX_NONE);
  CHECK_INT(k, 2);
  CHECK(ix_fold_lookup(ix, "nothing", 7, &mem, &k) == IX_NONE);
  CHECK_INT(k, 0);
  /* lexicon order is bytewise and lookup finds every form */
  int unsorted = 0, lost = 0;
  for (uint32_t id = 0; id < ix->ntypes; id++) {
    size_t len;
    const char *f = ix_form(ix, id, &len);
    if (id && strcmp(ix_form(ix, id - 1, NULL), f) >= 0) unsorted++;
    if (ix_lookup(ix, f, len) != id) lost++;
  }
  CHECK_INT(unsorted, 0);
  CHECK_INT(lost, 0);
  ix_free(ix);
}

static void test_regions(void) {
  ix_index *ix = build(2, 4000);
  /* sentences and paragraphs tile the tokens */
  for (int k = IX_PARA; k <= IX_SENT; k++) {
    const ix_regions *r = &ix->reg[k];
    uint64_t covered = 0;
    int gaps = 0;
    for (uint32_t i = 0; i < r->n; i++) {
      covered += r->end[i] - r->start[i];
      if (i && r->start[i] != r->end[i - 1]) gaps++;
    }
    CHECK_INT(covered, ix->ntokens);
    CHECK_INT(gaps, 0);
  }
  /* every position is found in its sentence */
  int bad = 0;
  for (uint32_t p = 0; p < ix->ntokens; p += 7) {
    int64_t s = ix_region_find(ix, IX_SENT, p);
    if (s < 0 || ix->reg[IX_SENT].start[s] > p || ix->reg[IX_SENT].end[s] <= p) bad++;
  }
  CHECK_INT(bad, 0);
  ix_free(ix);
}

/* More than 65536 types: the stream holds codes of the frequent types and a list of the rare
** ones (index.h). Every token still reads back as the tokenizer made it, every posting list
** holds its type's positions, and the build is the same with 1 and 3 threads. */
static void test_coded_stream(void) {
  char saved[64];
  memcpy(saved, corpus_dir, sizeof saved);
  snprintf(corpus_dir, sizeof corpus_dir, "/tmp/lector-test-coded.XXXXXX");
  if (!mkdtemp(corpus_dir)) { perror("mkdtemp"); exit(2); }
  static char text[4][1 << 20];
  size_t len[4] = {0};
  for (int f = 0; f < 4; f++) {                  /* 4 x 20000 rare words among frequent ones */
    for (int w = 0; w < 20000; w++)
      len[f] += (size_t)sprintf(text[f] + len[f], "w%d%05d the %s ", f, w, words[w % 30]);
    char name[32];
    snprintf(name, sizeof name, "big%d.txt", f);
    write_file(name, text[f], len[f]);
  }
  ix_index *a = build(1, 0), *b = build(3, 100000);
  CHECK(a->ntypes > 80000);
  CHECK_INT(a->ncodes, IX_RARE);
  CHECK_INT(a->tok_width, 2);
  CHECK(a->nrare > 0);
  CHECK(memcmp(a->tokens, b->tokens, a->ntokens * 2) == 0);
  CHECK_INT(a->nrare, b->nrare);
  CHECK(memcmp(a->rare_pos, b->rare_pos, a->nrare * 4) == 0 && memcmp(a->rare_id, b->rare_id, a->nrare * 4) == 0);
  CHECK(memcmp(a->post.data, b->post.data, a->post.off[a->ntypes]) == 0);
  tx_doc tx;
  tx_init(&tx);
  uint64_t pos = 0, bad = 0;
  for (int f = 0; f < 4; f++) {
    tx_tokenize(&tx, text[f], len[f]);
    for (size_t i = 0; i < tx.ntok; i++, pos++) {
      size_t n;
      const char *form = ix_form(b, ix_token(b, pos), &n);
      if (n != tx.tok[i].len || memcmp(form, text[f] + tx.tok[i].start, n)) bad++;
    }
  }
  CHECK_INT(pos, b->ntokens);
  CHECK_INT(bad, 0);
  uint64_t bad_post = 0;
  for (uint32_t id = 0; id < b->ntypes; id += 97) {
    ix_cursor c;
    ix_cursor_open(&c, &b->post, id);
    while (ix_cursor_next(&c)) if (ix_token(b, c.cur) != id) bad_post++;
    if (c.count != b->freq[id]) bad_post++;
  }
  CHECK_INT(bad_post, 0);
  tx_free(&tx);
  ix_free(a);
  ix_free(b);
  ct_rmdir(corpus_dir);
  memcpy(corpus_dir, saved, sizeof saved);
}

/* ix_doc_from, the gallop forward, agrees with ix_doc_of at every position (the corpus has an
** empty document, which a position never falls in). */
static void test_doc_from(void) {
  ix_index *ix = build(1, 0);
  uint32_t d = 0, bad = 0, jumps = 0;
  for (uint32_t pos = 0; pos < ix->ntokens; pos++) {
    if (ix_doc_from(ix, d, pos) != ix_doc_of(ix, pos)) bad++;
    d = ix_doc_of(ix, pos);
  }
  for (uint32_t pos = 0; pos < ix->ntokens; pos += 1 + pos % 997, jumps++) {
    if (ix_doc_from(ix, 0, pos) != ix_doc_of(ix, pos)) bad++;
    if (ix_doc_from(ix, ix_doc_of(ix, pos / 2), pos) != ix_doc_of(ix, pos)) bad++;
  }
  CHECK_INT(bad, 0);
  CHECK(jumps > 10);
  ix_free(ix);
}

/* ---- attributes: an annotator that gives each token its shape and its first letter, per
** sentence (and says how many sentences it saw, to check that it runs per sentence) */


static void test_attributes(void) {
  fake_sentences = 0;
  ix_index *a = build_with(1, 0, &fake), *b = build_with(4, 1500, &fake), *plain = build(1, 0);
  CHECK_INT(fake_sentences, 2 * a->reg[IX_SENT].n);          /* once per sentence, in each build */
  CHECK_INT(a->npattr, 2);
  CHECK_INT(plain->npattr, 0);
  CHECK_INT(a->annotated, 1);
  CHECK_INT(plain->annotated, 0);
  const ix_pattr *shape = ix_pattr_find(a, "shape"), *initial = ix_pattr_find(a, "initial");
  CHECK(shape && initial && !ix_pattr_find(a, "lemma"));
  if (!shape || !initial) return;
  CHECK_INT(shape->ntypes, 4);
  CHECK_INT(shape->width, 1);
  size_t len;
  CHECK_STR(ix_pattr_form(shape, 0, &len), "Xx");              /* sorted bytewise: Xx d p x */
  CHECK_STR(ix_pattr_form(shape, 3, &len), "x");
  CHECK_INT(ix_pattr_lookup(shape, "d", 1), 1);
  CHECK_INT(ix_pattr_lookup(shape, "q", 1), IX_NONE);
  /* every token's values agree with its form; the postings hold exactly those positions */
  uint64_t bad = 0, freq[4] = {0};
  for (uint64_t pos = 0; pos < a->ntokens; pos++) {
    size_t n;
    const char *w = ix_form(a, ix_token(a, pos), &n);
    uint32_t s = ix_pattr_id(shape, pos);
    bad += strcmp(ix_pattr_form(shape, s, NULL), shape_of(w, n)) != 0;
    bad += ix_pattr_form(initial, ix_pattr_id(initial, pos), NULL)[0] != w[0];
    freq[s]++;
  }
  CHECK_INT(bad, 0);
  for (uint32_t v = 0; v < 4; v++) {
    CHECK_INT(shape->freq[v], freq[v]);
    ix_cursor c;
    ix_cursor_open(&c, &shape->post, v);
    uint64_t n = 0, wrong = 0;
    while (ix_cursor_next(&c)) { n++; wrong += ix_pattr_id(shape, c.cur) != v; }
    CHECK_INT(n, freq[v]);
    CHECK_INT(wrong, 0);
  }
  /* the same whatever the threads and chunks */
  const ix_pattr *s2 = ix_pattr_find(b, "shape");
  CHECK(s2 && SAME(shape->tokens, s2->tokens, a->ntokens * shape->width));
  CHECK(s2 && SAME(shape->post.data, s2->post.data, shape->post.off[shape->ntypes]));
  ix_free(a);
  ix_free(b);
  ix_free(plain);
}

int main(void) {
  make_corpus();
  RUN(test_doc_from);
  RUN(test_coded_stream);
  RUN(test_deterministic);
  RUN(test_tokens_and_spans);
  RUN(test_postings);
  RUN(test_parts_and_folds);
  RUN(test_regions);
  RUN(test_attributes);
  ct_rmdir(corpus_dir);
  return ct_summary();
}
