/*
** test_tag.c: unit tests of the tagger (host/core/tag/): exact UPOS, XPOS and lemmas of sentences
** of the seed corpus (checked by hand), tokenized by lector's own tokenizer; the tag tables; a
** model file read back; missing, foreign, truncated and altered model files; a state's memory of
** word types; two threads, each with its own state, over the one built-in model. Run from the
** repository root.
*/
#include <pthread.h>

#include "ctest.h"
#include "tag/tag.h"
#include "text/text.h"

#if !defined(TG_MODEL_PATH)
#define TG_MODEL_PATH "build/en.model"
#endif
#define MODEL_FILE TG_MODEL_PATH
#define SCRATCH "/tmp/lector-test-tag"
#define MAXTOK 128

/* {====================================================================== scaffolding */

/* A sentence tokenized by lector and tagged, as "word/UPOS/XPOS/lemma" joined by spaces (into out),
** or with what == 'u' the UPOS only, 'l' the lemmas only. */
static void tag_line(tg_state *st, const tg_model *m, const char *text, int what, char *out, size_t cap) {
  tx_doc d;
  tx_init(&d);
  const char *word[MAXTOK], *lemma[MAXTOK];
  uint32_t len[MAXTOK], llen[MAXTOK];
  uint16_t upos[MAXTOK], xpos[MAXTOK];
  size_t w = 0;
  out[0] = '\0';
  if (tx_tokenize_words(&d, text, strlen(text)) == 0 && d.ntok <= MAXTOK) {
    for (size_t i = 0; i < d.ntok; i++) { word[i] = text + d.tok[i].start; len[i] = d.tok[i].len; }
    if (tg_tag_sentence(st, d.ntok, word, len, upos, xpos, lemma, llen) == 0)
      for (size_t i = 0; i < d.ntok && w < cap; i++) {
        const char *u = tg_tag_name(m, TG_UPOS, upos[i]), *x = tg_tag_name(m, TG_XPOS, xpos[i]);
        int k = what == 'u' ? snprintf(out + w, cap - w, "%s%s", i ? " " : "", u)
              : what == 'l' ? snprintf(out + w, cap - w, "%s%.*s", i ? " " : "", (int)llen[i], lemma[i])
              : snprintf(out + w, cap - w, "%s%.*s/%s/%s/%.*s", i ? " " : "", (int)len[i], word[i], u, x,
                         (int)llen[i], lemma[i]);
        w += (size_t)k;
      }
  }
  tx_free(&d);
}

/* }====================================================================== */

static const struct { const char *text, *upos, *lemmas; } SENTENCES[] = {
  { "The Security Council adopted resolution 678 on 29 November 1990.",
    "DET PROPN PROPN VERB NOUN NUM ADP NUM PROPN NUM PUNCT",
    "the Security Council adopt resolution 678 on 29 November 1990 ." },
  { "Mr. Bush went to the United Nations last week.",
    NULL, "Mr. Bush go to the United Nation last week ." },          /* EWT: Nations/NNPS -> Nation */
  { "The children were playing while their parents stopped and watched.",
    "DET NOUN AUX VERB SCONJ PRON NOUN VERB CCONJ VERB PUNCT",
    "the child be play while their parent stop and watch ." },
  { "There have been no U.N. inspections in Iraq since 1998.",
    "PRON AUX VERB DET PROPN NOUN ADP PROPN ADP NUM PUNCT",
    "there have be no U.N. inspection in Iraq since 1998 ." },
  { "It is bigger and better than the happiest cities.",
    "PRON AUX ADJ CCONJ ADJ ADP DET ADJ NOUN PUNCT",
    "it be big and good than the happy city ." },
  { "And I thought: how I do not want them to have to go into battle.",
    "CCONJ PRON VERB PUNCT ADV PRON AUX PART VERB PRON PART VERB PART VERB ADP NOUN PUNCT",
    "and I think : how I do not want they to have to go into battle ." },
};
#define NSENT (sizeof SENTENCES / sizeof *SENTENCES)

static void test_sentences(void) {
  const tg_model *m = tg_builtin();
  tg_state *st = tg_state_new(m);
  char out[2048];
  CHECK(st != NULL);
  for (size_t i = 0; i < NSENT; i++) {
    if (SENTENCES[i].upos) {
      tag_line(st, m, SENTENCES[i].text, 'u', out, sizeof out);
      CHECK_STR(out, SENTENCES[i].upos);
    }
    tag_line(st, m, SENTENCES[i].text, 'l', out, sizeof out);
    CHECK_STR(out, SENTENCES[i].lemmas);
  }
  tag_line(st, m, "The Security Council adopted resolution 678.", 0, out, sizeof out);
  CHECK_STR(out, "The/DET/DT/the Security/PROPN/NNP/Security Council/PROPN/NNP/Council "
                 "adopted/VERB/VBD/adopt resolution/NOUN/NN/resolution 678/NUM/CD/678 ./PUNCT/./.");
  tag_line(st, m, "", 0, out, sizeof out);       /* no tokens */
  CHECK_STR(out, "");
  tg_state_free(st);
}

static void test_tables(void) {
  const tg_model *m = tg_builtin();
  CHECK(m != NULL);
  CHECK(m == tg_builtin());
  CHECK_INT(tg_ntags(m, TG_UPOS), 17);
  CHECK(tg_ntags(m, TG_XPOS) >= 45);
  CHECK_INT(tg_ntags(m, 7), 0);
  int noun = tg_tag_id(m, TG_UPOS, "NOUN"), nns = tg_tag_id(m, TG_XPOS, "NNS");
  CHECK(noun >= 0 && nns >= 0);
  CHECK_STR(tg_tag_name(m, TG_UPOS, (unsigned)noun), "NOUN");
  CHECK_STR(tg_tag_name(m, TG_XPOS, (unsigned)nns), "NNS");
  CHECK(tg_tag_name(m, TG_UPOS, 17) == NULL);
  CHECK_INT(tg_tag_id(m, TG_XPOS, "NOPE"), -1);
  tg_model_free((tg_model *)m);                 /* ignored: the built-in model stays */
  CHECK_STR(tg_tag_name(tg_builtin(), TG_UPOS, (unsigned)noun), "NOUN");
}

/* The model file in the repository is the one compiled in. */
static void test_model_file(void) {
  char err[256], a[2048], b[2048];
  tg_model *m = tg_model_read(MODEL_FILE, err, sizeof err);
  CHECK(m != NULL);
  if (!m) return;
  tg_state *s1 = tg_state_new(m), *s2 = tg_state_new(tg_builtin());
  for (size_t i = 0; i < NSENT; i++) {
    tag_line(s1, m, SENTENCES[i].text, 0, a, sizeof a);
    tag_line(s2, tg_builtin(), SENTENCES[i].text, 0, b, sizeof b);
    CHECK_STR(a, b);
  }
  tg_state_free(s1);
  tg_state_free(s2);
  tg_model_free(m);
}

/* Writes n bytes of p to path. */
static void put_file(const char *path, const void *p, size_t n) {
  FILE *f = fopen(path, "wb");
  if (f) { fwrite(p, 1, n, f); fclose(f); }
}

static void test_bad_files(void) {
  char err[512];
  err[0] = '\0';
  CHECK(tg_model_read(SCRATCH "/none.model", err, sizeof err) == NULL);
  CHECK(strstr(err, SCRATCH "/none.model") != NULL);
  ct_rmdir(SCRATCH);
  CHECK_INT(system("mkdir -p " SCRATCH), 0);
  put_file(SCRATCH "/text.model", "hello, world\n", 13);
  CHECK(tg_model_read(SCRATCH "/text.model", err, sizeof err) == NULL);
  CHECK(strstr(err, SCRATCH "/text.model: not a lector tagger model") != NULL);
  put_file(SCRATCH "/empty.model", "", 0);
  CHECK(tg_model_read(SCRATCH "/empty.model", err, sizeof err) == NULL);
  CHECK(strstr(err, SCRATCH "/empty.model") != NULL);
  size_t n;
  char *good = ct_slurp(MODEL_FILE, &n);
  CHECK(good != NULL && n > 1000);
  if (good) {
    put_file(SCRATCH "/cut.model", good, n / 2);          /* truncated */
    CHECK(tg_model_read(SCRATCH "/cut.model", err, sizeof err) == NULL);
    CHECK(strstr(err, SCRATCH "/cut.model: corrupt") != NULL);
    good[n / 3] ^= 0x40;                                   /* one bit changed */
    put_file(SCRATCH "/flip.model", good, n);
    CHECK(tg_model_read(SCRATCH "/flip.model", err, sizeof err) == NULL);
    CHECK(strstr(err, SCRATCH "/flip.model: corrupt") != NULL);
    free(good);
  }
  tg_model_free(NULL);
  ct_rmdir(SCRATCH);
}

/* {====================================================================== the state's memory of types */

#define NLONG 12000

/* Tags the n words w[0..n) with st as one sentence; returns a checksum of the tags and lemmas. */
static unsigned long tag_words(tg_state *st, size_t n, const char *const *w) {
  static uint32_t len[NLONG], llen[NLONG];
  static uint16_t up[NLONG], xp[NLONG];
  static const char *lemma[NLONG];
  for (size_t i = 0; i < n; i++) len[i] = (uint32_t)strlen(w[i]);
  if (tg_tag_sentence(st, n, w, len, up, xp, lemma, llen)) return 0;
  unsigned long h = 5381;
  for (size_t i = 0; i < n; i++) {
    h = h * 33 + up[i] * 131u + xp[i];
    for (uint32_t k = 0; k < llen[i]; k++) h = h * 33 + (unsigned char)lemma[i][k];
  }
  return h;
}

/* A state remembers the types it met (tagger.c); what it remembers, forgets or makes again within
** one sentence must never change a tag or a lemma: a sentence of more types than it can hold, with
** words too long to be remembered, tagged again by the same state and in pieces by fresh ones. */
static void test_cache(void) {
  static char buf[NLONG][48];
  static const char *w[NLONG];
  static const char *const common[] = { "the", "cats", "were", "running", "quickly", "and", "Paris",
                                        "bigger", "went", "." };
  for (size_t i = 0; i < NLONG; i++) {
    if (i % 3 == 0) snprintf(buf[i], sizeof buf[i], "%s", common[(i / 3) % 10]);
    else if (i % 97 == 0) snprintf(buf[i], sizeof buf[i], "Antidisestablishmentarianisms%zu", i);
    else snprintf(buf[i], sizeof buf[i], "%s%zued", i % 2 ? "Zorb" : "plim", i);
    w[i] = buf[i];
  }
  const tg_model *m = tg_builtin();
  tg_state *used = tg_state_new(m);
  CHECK(used != NULL);
  if (!used) return;
  unsigned long first = tag_words(used, NLONG, w);
  CHECK(first != 0);
  CHECK(tag_words(used, NLONG, w) == first);
  for (size_t at = 0; at + 40 <= NLONG; at += 997) {
    tg_state *fresh = tg_state_new(m);
    unsigned long a = tag_words(fresh, 40, w + at), b = tag_words(used, 40, w + at);
    CHECK(a != 0 && a == b);
    tg_state_free(fresh);
  }
  tg_state *fresh = tg_state_new(m);
  char a[2048], b[2048];
  for (size_t i = 0; i < NSENT; i++) {
    tag_line(used, m, SENTENCES[i].text, 0, a, sizeof a);
    tag_line(fresh, m, SENTENCES[i].text, 0, b, sizeof b);
    CHECK_STR(a, b);
  }
  tg_state_free(fresh);
  tg_state_free(used);
}

/* }====================================================================== */


/* {====================================================================== threads */

typedef struct job { const tg_model *m; int rounds; char out[NSENT][2048]; int failed; } job;

static void *tag_rounds(void *ud) {
  job *j = ud;
  tg_state *st = tg_state_new(j->m);
  char out[2048];
  if (!st) { j->failed = 1; return NULL; }
  for (int r = 0; r < j->rounds; r++)
    for (size_t i = 0; i < NSENT; i++) {
      tag_line(st, j->m, SENTENCES[(i + (size_t)r) % NSENT].text, 0, out, sizeof out);
      if (r == 0) memcpy(j->out[(i + (size_t)r) % NSENT], out, sizeof out);
      else if (strcmp(out, j->out[(i + (size_t)r) % NSENT]) != 0) j->failed = 1;
    }
  tg_state_free(st);
  return NULL;
}

static void test_threads(void) {
  static job a, b;
  a.m = b.m = tg_builtin();
  a.rounds = b.rounds = 200;
  pthread_t ta, tb;
  CHECK_INT(pthread_create(&ta, NULL, tag_rounds, &a), 0);
  CHECK_INT(pthread_create(&tb, NULL, tag_rounds, &b), 0);
  pthread_join(ta, NULL);
  pthread_join(tb, NULL);
  CHECK_INT(a.failed, 0);
  CHECK_INT(b.failed, 0);
  for (size_t i = 0; i < NSENT; i++) CHECK_STR(a.out[i], b.out[i]);
}

/* }====================================================================== */

int main(void) {
  RUN(test_sentences);
  RUN(test_tables);
  RUN(test_model_file);
  RUN(test_bad_files);
  RUN(test_cache);
  RUN(test_threads);
  return ct_summary();
}
