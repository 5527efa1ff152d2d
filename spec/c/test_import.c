/*
** test_import.c: unit tests of the annotated formats of the loader (host/core/source/format_conllu.c,
** format_vrt.c, tokens.c): CoNLL-U and VRT files become documents with their text, tokens, attribute
** values, sentences, regions and metadata; malformed ones give exact warnings; src_read_doc gives
** the same document again. The real-looking files are in spec/fixtures/import/; the broken ones are
** written under /tmp by each test.
*/
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctest.h"
#include "source/source.h"
#include "srcfix.h"

#define FIXTURES "spec/fixtures/import"

/* {====================================================================== scaffolding */


/* The value of attribute name of token i, or NULL. */
static const char *value(const src_doc *d, size_t i, const char *name) {
  const src_tokens *t = d->pre;
  for (size_t a = 0; a < t->nattr; a++)
    if (strcmp(t->pool + t->attr_name[a], name) == 0) return t->pool + t->value[i * t->nattr + a];
  return NULL;
}

/* The tokens as "form/attr/attr ...", a "|" before each sentence but the first. */
static const char *tokens_str(const src_doc *d, const char *a1, const char *a2) {
  static char buf[8192];
  size_t k = 0, s = 0;
  const src_tokens *t = d ? d->pre : NULL;
  buf[0] = '\0';
  if (!t) return "(no tokens)";
  for (size_t i = 0; i < t->ntok && k < sizeof buf; i++) {
    if (s < t->nsent && t->sent[s] == i) {
      if (i) k += (size_t)snprintf(buf + k, sizeof buf - k, " |");
      s++;
    }
    const char *v1 = a1 ? value(d, i, a1) : NULL, *v2 = a2 ? value(d, i, a2) : NULL;
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%.*s%s%s%s%s", i ? " " : "", (int)t->span[2 * i + 1],
                          d->text + t->span[2 * i], v1 ? "/" : "", v1 ? v1 : "", v2 ? "/" : "", v2 ? v2 : "");
  }
  return buf;
}

/* "[start,len)..." of the tokens */
static const char *spans_str(const src_doc *d) {
  static char buf[4096];
  size_t k = 0;
  buf[0] = '\0';
  for (size_t i = 0; d->pre && i < d->pre->ntok && k < sizeof buf; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "[%u,%u)", d->pre->span[2 * i], d->pre->span[2 * i + 1]);
  return buf;
}

/* "name[first,end) k=v k=v; ..." */
static const char *regions_str(const src_doc *d) {
  static char buf[8192];
  size_t k = 0;
  const src_tokens *t = d ? d->pre : NULL;
  buf[0] = '\0';
  if (!t) return "(no tokens)";
  for (size_t i = 0; i < t->nst && k < sizeof buf; i++) {
    const src_struct *s = &t->st[i];
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s[%u,%u)", i ? "; " : "", t->pool + s->name, s->first, s->end);
    for (const char *p = t->pool + s->attrs; *p && k < sizeof buf;) {
      const char *v = p + strlen(p) + 1;
      k += (size_t)snprintf(buf + k, sizeof buf - k, " %s=%s", p, v);
      p = v + strlen(v) + 1;
    }
  }
  return buf;
}

static const char *attrs_str(const src_doc *d) {
  static char buf[1024];
  size_t k = 0;
  buf[0] = '\0';
  for (size_t a = 0; d->pre && a < d->pre->nattr && k < sizeof buf; a++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", a ? " " : "", d->pre->pool + d->pre->attr_name[a]);
  return buf;
}


/* memcmp that takes NULL for no bytes */
static int same_mem(const void *a, const void *b, size_t n) { return n == 0 || memcmp(a, b, n) == 0; }

/* Are two documents the same, tokens, values and regions included? */
static int same_doc(const src_doc *a, const src_doc *b) {
  if (strcmp(a->name, b->name) || a->line != b->line || a->byte_start != b->byte_start ||
      a->byte_len != b->byte_len || a->len != b->len || memcmp(a->text, b->text, a->len) || a->nmap != b->nmap ||
      (a->nmap && memcmp(a->map, b->map, 2 * a->nmap * sizeof *a->map)) || a->flags != b->flags)
    return 0;
  if (a->nmeta != b->nmeta) return 0;
  for (size_t i = 0; i < a->nmeta; i++)
    if (strcmp(a->meta[i].key, b->meta[i].key) || strcmp(a->meta[i].value, b->meta[i].value)) return 0;
  const src_tokens *x = a->pre, *y = b->pre;
  if (!x || !y) return x == y;
  if (x->ntok != y->ntok || x->nsent != y->nsent || x->nattr != y->nattr || x->nst != y->nst ||
      x->pool_len != y->pool_len || memcmp(x->pool, y->pool, x->pool_len))
    return 0;
  return same_mem(x->span, y->span, 2 * x->ntok * sizeof *x->span) &&
         same_mem(x->sent, y->sent, x->nsent * sizeof *x->sent) &&
         same_mem(x->attr_name, y->attr_name, x->nattr * sizeof *x->attr_name) &&
         same_mem(x->value, y->value, x->ntok * x->nattr * sizeof *x->value) &&
         same_mem(x->st, y->st, x->nst * sizeof *x->st);
}

/* Every document of ds read again through src_read_doc is the same. Returns how many are not. */
static int reread_all(src_ctx *c, const char *path, const docs *ds) {
  int bad = 0;
  char err[256];
  for (int i = 0; i < ds->n; i++) {
    src_doc b;
    const src_doc *a = &ds->d[i];
    if (src_read_doc(c, path, a->line, a->byte_start, a->byte_len, &b, err, sizeof err) != 0) {
      fprintf(stderr, "reread %s: %s\n", a->name, err);
      bad++;
      continue;
    }
    if (!same_doc(a, &b)) { fprintf(stderr, "reread %s differs\n", a->name); bad++; }
    src_doc_free(&b);
  }
  return bad;
}

/* Offsets of the text map back to the file: the bytes at the token's mapped start are its form. */
static int maps_to_forms(const src_doc *d, const char *file, size_t n) {
  for (size_t i = 0; d->pre && i < d->pre->ntok; i++) {
    uint64_t o = d->byte_start + src_to_orig(d, d->pre->span[2 * i]);
    uint32_t len = d->pre->span[2 * i + 1];
    if (o + len > n || memcmp(file + o, d->text + d->pre->span[2 * i], len) != 0) return 0;
  }
  return 1;
}

/* }====================================================================== */

/* {====================================================================== CoNLL-U */

static void test_conllu_fixture(void) {
  wlog w;
  docs ds = { .n = 0 };
  src_ctx *c = wlog_open(FIXTURES, &w);
  CHECK_INT(load(c, "news.conllu", SRC_CONLLU, &ds), 0);
  CHECK_STR(w.buf, "");
  CHECK_INT(ds.n, 2);
  const src_doc *d = &ds.d[0];
  CHECK_STR(d->name, "news.conllu#1");
  CHECK_INT(d->line, 1);
  CHECK_INT(d->byte_start, 0);
  CHECK_STR(d->text, "They don't let Iraq avoid responsibility.\nNo vote is expected.\n\nBlix delivered a report.");
  CHECK_STR(meta_str(d), "title=President Bush Discusses Iraq with Russian Officials|date=2002-09-20|id=voa-2002-09-20|date_from=document|lang=und");
  CHECK_STR(attrs_str(d), "lemma pos xpos feats head deprel deps misc");
  CHECK_STR(tokens_str(d, "lemma", "pos"),
            "They/they/PRON don't/do/AUX don't/not/PART let/let/VERB Iraq/Iraq/PROPN avoid/avoid/VERB "
            "responsibility/responsibility/NOUN ././PUNCT | No/no/DET vote/vote/NOUN is/be/AUX "
            "expected/expect/VERB ././PUNCT | Blix/Blix/PROPN delivered/deliver/VERB a/a/DET "
            "report/report/NOUN ././PUNCT");
  CHECK_STR(spans_str(d), "[0,4)[5,5)[5,5)[11,3)[15,4)[20,5)[26,14)[40,1)[42,2)[45,4)[50,2)[53,8)[61,1)"
                          "[64,4)[69,9)[79,1)[81,6)[87,1)");
  CHECK_STR(value(d, 0, "feats"), "Case=Nom|Number=Plur|Person=3|PronType=Prs");
  CHECK_STR(value(d, 0, "head"), "4");
  CHECK_STR(value(d, 0, "deps"), "4:nsubj");
  CHECK_STR(value(d, 6, "misc"), "SpaceAfter=No");
  CHECK_STR(value(d, 7, "xpos"), ".");
  CHECK_STR(value(d, 9, "deprel"), "nsubj:pass");
  CHECK_STR(regions_str(d), "p[0,13) id=voa-p1; s[0,8) id=voa-1; s[8,13) id=voa-2 speaker=Ari Fleischer; "
                            "p[13,18) id=voa-p2; s[13,18) id=voa-3");
  d = &ds.d[1];
  CHECK_STR(d->name, "news.conllu#35");
  CHECK_INT(d->line, 35);
  CHECK_STR(d->text, "But it cannot be any other way.");
  CHECK_STR(meta_str(d), "id=wilson-1990-11-19|lang=en");
  CHECK_STR(tokens_str(d, "lemma", NULL), "But/but it/it cannot/can cannot/not be/be any/any other/other way/way ./.");
  CHECK_STR(regions_str(d), "p[0,9); s[0,9) id=gorb-1");
  size_t n = 0;
  char *file = ct_slurp(FIXTURES "/news.conllu", &n);
  CHECK(maps_to_forms(&ds.d[0], file, n));
  CHECK(maps_to_forms(&ds.d[1], file, n));
  CHECK_INT(reread_all(c, "news.conllu", &ds), 0);
  CHECK_STR(w.buf, "");
  /* a document read again from bytes that are no longer its own */
  char err[256];
  src_doc b;
  CHECK_INT(src_read_doc(c, "news.conllu", 35, d->byte_start + 2, d->byte_len - 2, &b, err, sizeof err), -1);
  CHECK_STR(err, "news.conllu#35: changed since it was indexed");
  CHECK_INT(src_read_doc(c, "news.conllu", 1, 0, ds.d[0].byte_len - 30, &b, err, sizeof err), -1);
  CHECK_STR(err, "news.conllu#1: changed since it was indexed");
  CHECK_INT(src_read_doc(c, "news.conllu", 0, 0, n, &b, err, sizeof err), -1);
  CHECK_STR(err, "news.conllu: changed since it was indexed");
  free(file);
  docs_free(&ds);
  src_close(c);
}

/* Each kind of damage, with the warning it gives and what is still loaded. */
static void test_conllu_errors(void) {
  char *dir = mkcorpus();
  wlog w;
  docs ds = { .n = 0 };
  puts_(dir, "bad.conllu",
        "# sent_id = b1\n"
        "# text = The report was not made public.\n"
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
        "2\treport\treport\tNOUN\tNN\t_\t5\tnsubj\t_\n"
        "3\twas\tbe\tAUX\tVBD\t_\t5\taux\t_\t_\textra\tmore\n"
        "5\tnot\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_\n"
        "x\tmade\tmake\tVERB\tVBN\t_\t0\troot\t_\t_\n"
        "6\tpublic\tpublic\tADJ\tJJ\t_\t5\txcomp\t_\tSpaceAfter=No\n"
        "7\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
        "# sent_id = b2\n"
        "# text = Nothing here.\n"
        "\n"
        "# sent_id = b3\n"
        "# text = The text differs.\n"
        "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
        "2\treport\treport\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n"
        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
        "\n"
        "1-2\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "1\tcan\tcan\tAUX\tMD\t_\t0\troot\t_\t_\n"
        "3\thelp\thelp\tVERB\tVB\t_\t1\txcomp\t_\t_\n"
        "4-3\tx\t_\t_\t_\t_\t_\t_\t_\t_");
  src_ctx *c = wlog_open(dir, &w);
  CHECK_INT(load(c, "bad.conllu", SRC_CONLLU, &ds), 0);
  CHECK_STR(w.buf,
            "bad.conllu: line 10: no blank line after the sentence: one is assumed\n"
            "bad.conllu: line 4: 9 fields where CoNLL-U has 10: the missing ones read as \"_\"\n"
            "bad.conllu: line 5: 12 fields where CoNLL-U has 10: the last 2 ignored\n"
            "bad.conllu: line 6: word 5 where word 4 comes next: kept in the file's order\n"
            "bad.conllu: line 7: ID \"x\" is no word number, range or empty node: line skipped\n"
            "bad.conllu: line 2: \"# text\" does not match the forms (from \"public\" on): the text is made of the forms\n"
            "bad.conllu: line 10: a sentence without words, skipped\n"
            "bad.conllu: line 14: \"# text\" does not match the forms (from \"A\" on): the text is made of the forms\n"
            "bad.conllu: line 19: multiword token 1-2 is followed by 1 of its words\n"
            "bad.conllu: line 21: word 3 where word 2 comes next: kept in the file's order\n"
            "bad.conllu: line 22: ID \"4-3\" is no word number, range or empty node: line skipped\n");
  CHECK_INT(ds.n, 1);
  const src_doc *d = &ds.d[0];
  CHECK_STR(d->name, "bad.conllu");
  CHECK_INT(d->line, 0);
  CHECK_STR(d->text, "The report was not public.\nA report.\ncannot help");
  CHECK_STR(tokens_str(d, "misc", NULL), "The/_ report/_ was/_ not/_ public/SpaceAfter=No ./_ | A/_ report/SpaceAfter=No ./_ | cannot/_ help/_");
  CHECK_STR(regions_str(d), "s[0,6) id=b1; s[6,9) id=b3; s[9,11)");
  CHECK_INT(reread_all(c, "bad.conllu", &ds), 0);
  docs_free(&ds);

  /* comments before the first # newdoc; a document without words; words before the first # newdoc */
  puts_(dir, "mixed.conllu", "# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC\n"
                             "# newdoc id = a\n# newpar\n\n# newdoc\n1\tVote\tvote\tNOUN\tNN\t_\t0\troot\t_\t_\n");
  puts_(dir, "pre.conllu", "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n\n# newdoc id = x\n"
                           "1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_\n");
  wlog_clear(&w);
  CHECK_INT(load(c, "mixed.conllu", SRC_CONLLU, &ds), 0);
  CHECK_INT(load(c, "pre.conllu", SRC_CONLLU, &ds), 0);
  CHECK_STR(w.buf, "mixed.conllu: line 1: comments before the first \"# newdoc\" (line 2), ignored\n"
                   "mixed.conllu: line 2: a document without words\n"
                   "pre.conllu: line 1: words before the first \"# newdoc\" (line 3): a document of their own\n");
  CHECK_INT(ds.n, 4);
  CHECK_STR(ds.d[0].name, "mixed.conllu#2");
  CHECK_STR(ds.d[0].text, "");
  CHECK_STR(regions_str(&ds.d[0]), "p[0,0)");
  CHECK_STR(meta_str(&ds.d[0]), "id=a|lang=und");
  CHECK_STR(ds.d[1].name, "mixed.conllu#5");
  CHECK_STR(ds.d[1].text, "Vote");
  CHECK_STR(ds.d[2].name, "pre.conllu#1");
  CHECK_STR(ds.d[2].text, "Hello");
  CHECK_STR(ds.d[3].name, "pre.conllu#3");
  CHECK_STR(tokens_str(&ds.d[3], "pos", NULL), "Bye/INTJ");
  docs ds1 = { .n = 2, .d = { ds.d[0], ds.d[1] } }, ds2 = { .n = 2, .d = { ds.d[2], ds.d[3] } };
  CHECK_INT(reread_all(c, "mixed.conllu", &ds1), 0);
  CHECK_INT(reread_all(c, "pre.conllu", &ds2), 0);
  docs_free(&ds);

  /* a byte order mark, CR LF, and Windows-1252 */
  puts_(dir, "cp.conllu", "\xEF\xBB\xBF# newdoc id = c\r\n# text = caf\xe9 ouvert\r\n"
                          "1\tcaf\xe9\tcaf\xe9\tNOUN\tNN\t_\t0\troot\t_\t_\r\n"
                          "2\touvert\touvert\tADJ\tJJ\t_\t1\tamod\t_\t_\r\n");
  wlog_clear(&w);
  CHECK_INT(load(c, "cp.conllu", SRC_CONLLU, &ds), 0);
  CHECK_STR(w.buf, "cp.conllu: line 2: not valid UTF-8 (byte offset 32): the document decoded as Windows-1252\n");
  CHECK_STR(ds.d[0].name, "cp.conllu#1");
  CHECK_STR(ds.d[0].text, "caf\xc3\xa9 ouvert");
  CHECK_STR(tokens_str(&ds.d[0], "lemma", NULL), "caf\xc3\xa9/caf\xc3\xa9 ouvert/ouvert");
  CHECK_INT(ds.d[0].flags, SRC_BOM | SRC_CP1252);
  CHECK_INT(reread_all(c, "cp.conllu", &ds), 0);
  docs_free(&ds);
  src_close(c);
  ct_rmdir(dir);
  free(dir);
}

/* Every prefix of the fixture (a file cut anywhere), a line of 100000 fields, bytes at random,
** and a document with more warnings than the cap: no crash, warnings capped, rereading agrees. */
static void test_conllu_adversarial(void) {
  char *dir = mkcorpus();
  wlog w;
  docs ds = { .n = 0 };
  size_t n = 0;
  char *file = ct_slurp(FIXTURES "/news.conllu", &n);
  src_ctx *c = wlog_open(dir, &w);
  int bad = 0;
  for (size_t cut = 0; cut <= n; cut += 7) {
    put(dir, "cut.conllu", file, cut);
    if (load(c, "cut.conllu", SRC_CONLLU, &ds) != 0 || ds.n < 1 || ds.n > 2) bad++;
    bad += reread_all(c, "cut.conllu", &ds);
    docs_free(&ds);
  }
  CHECK_INT(bad, 0);
  size_t big = 100000;
  char *line = malloc(2 * big + 16);
  size_t k = (size_t)sprintf(line, "1\tTabs");
  for (size_t i = 2; i < big; i++) { line[k++] = '\t'; line[k++] = 'x'; }
  line[k++] = '\n';
  put(dir, "wide.conllu", line, k);
  wlog_clear(&w);
  CHECK_INT(load(c, "wide.conllu", SRC_CONLLU, &ds), 0);
  CHECK_STR(w.buf, "wide.conllu: line 1: 100000 fields where CoNLL-U has 10: the last 99990 ignored\n");
  CHECK_STR(tokens_str(&ds.d[0], "misc", NULL), "Tabs/x");
  docs_free(&ds);
  uint64_t x = 88172645463325252ull;
  for (size_t i = 0; i < 2 * big; i++) {
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    line[i] = (char)(x % 255 + 1);
  }
  put(dir, "noise.conllu", line, 2 * big);
  wlog_clear(&w);
  CHECK_INT(load(c, "noise.conllu", SRC_CONLLU, &ds), 0);
  CHECK(w.n >= 2 && w.n <= 2 * (20 + 2) + 2);
  CHECK_INT(reread_all(c, "noise.conllu", &ds), 0);
  docs_free(&ds);
  k = 0;
  for (int i = 0; i < 30; i++) k += (size_t)sprintf(line + k, "%d\tword\n", i + 1);
  put(dir, "short.conllu", line, k);
  wlog_clear(&w);
  CHECK_INT(load(c, "short.conllu", SRC_CONLLU, &ds), 0);
  CHECK_INT(w.n, 21);
  CHECK(strstr(w.buf, "short.conllu: line 20: 2 fields where CoNLL-U has 10: the missing ones read as \"_\"\n"
                      "short.conllu: line 30: 10 more warnings in this document, the last on this line\n") != NULL);
  CHECK_INT(ds.d[0].pre->ntok, 30);
  docs_free(&ds);
  free(line);
  free(file);
  src_close(c);
  ct_rmdir(dir);
  free(dir);
}

/* }====================================================================== */

/* {====================================================================== VRT */

static void test_vrt_fixture(void) {
  wlog w;
  docs ds = { .n = 0 };
  src_ctx *c = wlog_open(FIXTURES, &w);
  CHECK_INT(load(c, "news.vrt", SRC_VRT, &ds), 0);
  CHECK_STR(w.buf, "");
  CHECK_INT(ds.n, 2);
  const src_doc *d = &ds.d[0];
  CHECK_STR(d->name, "news.vrt#3");
  CHECK_INT(d->line, 3);
  CHECK_STR(d->text, "Hans Blix delivered a 17-page report .\n\n\xE2\x80\x9C Breakthrough & progress \xE2\x80\x9D");
  CHECK_STR(meta_str(d), "title=Bush & Putin Discuss Iraq|date=2003-02-27|id=voa-2003|date_from=document|lang=und");
  CHECK_STR(attrs_str(d), "lemma pos ref");
  CHECK_STR(tokens_str(d, "pos", "ref"), "Hans/NNP/1 Blix/NNP/2 delivered/VBD/3 a/DT/4 17-page/JJ/5 report/NN/6 ./SENT/7 | "
                                        "\xE2\x80\x9C/``/1 Breakthrough/NN/2 &/CC/3 progress/NN/4 \xE2\x80\x9D/''/5");
  CHECK_STR(spans_str(d), "[0,4)[5,4)[10,9)[20,1)[22,7)[30,6)[37,1)[40,3)[44,12)[57,1)[59,8)[68,3)");
  CHECK_STR(value(d, 9, "lemma"), "&");
  CHECK_STR(regions_str(d), "p[0,7); s[0,7) id=s1; ne[0,2) type=PERSON; p[7,12); s[7,12) id=s2");
  d = &ds.d[1];
  CHECK_STR(d->name, "news.vrt#27");
  CHECK_STR(d->text, "If you cannot help me <\xC3\xA9\xE2\x98\xBA>");
  CHECK_STR(meta_str(d), "date=1990-11-19|id=wilson-1990|date_from=document|lang=und");
  CHECK_STR(regions_str(d), "turn[0,6) speaker=Gorbachev; s[0,6)");
  size_t n = 0;
  char *file = ct_slurp(FIXTURES "/news.vrt", &n);
  CHECK(maps_to_forms(&ds.d[0], file, n));
  CHECK_INT(reread_all(c, "news.vrt", &ds), 0);
  docs_free(&ds);
  /* no header comment, no <text>, no <s>: CWB's columns, one document, one sentence */
  CHECK_INT(load(c, "plain.vrt", SRC_VRT, &ds), 0);
  CHECK_STR(w.buf, "");
  d = &ds.d[0];
  CHECK_STR(d->name, "plain.vrt");
  CHECK_INT(d->line, 0);
  CHECK_STR(d->text, "The Kremlin said U.N.");
  CHECK_STR(attrs_str(d), "pos lemma");
  CHECK_STR(tokens_str(d, "pos", "lemma"), "The/DT/the Kremlin/NP/Kremlin said/VVD/say U.N./NP/U.N.");
  CHECK_STR(regions_str(d), "ne[3,4) type=ORG");
  CHECK_INT(reread_all(c, "plain.vrt", &ds), 0);
  docs_free(&ds);
  /* the columns named by the context */
  char err[256];
  uint64_t h0 = src_context_hash(c);
  CHECK_INT(src_set_attributes(c, "word,,pos", err, sizeof err), -1);
  CHECK_STR(err, "attribute 2 (\"\") is not a name (letters, digits, '_', '-', '.')");
  CHECK_INT(src_set_attributes(c, "word, pos ,pos", err, sizeof err), -1);
  CHECK_STR(err, "attribute 3 (\"pos\") is named twice");
  CHECK(src_context_hash(c) == h0);
  CHECK_INT(src_set_attributes(c, "word, tag", err, sizeof err), 0);
  CHECK(src_context_hash(c) != h0);
  CHECK_INT(load(c, "plain.vrt", SRC_VRT, &ds), 0);
  CHECK_STR(w.buf, "plain.vrt: line 1: 3 columns where there are 2 attributes: the last 1 ignored\n"
                   "plain.vrt: line 2: 3 columns where there are 2 attributes: the last 1 ignored\n"
                   "plain.vrt: line 3: 3 columns where there are 2 attributes: the last 1 ignored\n"
                   "plain.vrt: line 5: 3 columns where there are 2 attributes: the last 1 ignored\n");
  CHECK_STR(tokens_str(&ds.d[0], "tag", NULL), "The/DT Kremlin/NP said/VVD U.N./NP");
  CHECK_INT(reread_all(c, "plain.vrt", &ds), 0);
  docs_free(&ds);
  free(file);
  src_close(c);
}

static void test_vrt_errors(void) {
  char *dir = mkcorpus();
  wlog w;
  docs ds = { .n = 0 };
  static const char bad[] =
    "<text id=\"t1\">\n<s>\nRussia\tNP\tRussia\nhas\tVHZ\thave\textra\nsigned\tVVN\n<p>\n</s>\n</x>\n"
    "<ne type=ORG>\n<br/>\non\tIN\ton\ncaf\xe9\tNN\tcaf\xe9\n</text>\nstray\tNN\tstray\n"
    "<text id=\"t2\" id=\"t3\">\n<s>\n</s>\n<3\tSYM\t<3\n";
  puts_(dir, "bad.vrt", bad);
  src_ctx *c = wlog_open(dir, &w);
  CHECK_INT(load(c, "bad.vrt", SRC_VRT, &ds), 0);
  char want[4096];
  snprintf(want, sizeof want,
           "bad.vrt: line 12: not valid UTF-8 (byte offset %d): the document decoded as Windows-1252\n"
           "bad.vrt: line 4: 4 columns where there are 3 attributes: the last 1 ignored\n"
           "bad.vrt: line 5: 2 columns where there are 3 attributes: the missing ones are empty\n"
           "bad.vrt: line 6: <p> never closed: closed at </s> on line 7\n"
           "bad.vrt: line 8: </x> without <x>: ignored\n"
           "bad.vrt: line 9: attribute \"type\" without quotes: read as written\n"
           "bad.vrt: line 10: <br/> is not VRT: read as <br></br>\n"
           "bad.vrt: line 9: <ne> never closed: closed at </text> on line 13\n"
           "bad.vrt: line 14: 1 token lines outside any <text> (up to line 14): skipped\n"
           "bad.vrt: line 15: attribute \"id\" given twice: the first is kept\n"
           "bad.vrt: line 16: an <s> without words\n"
           "bad.vrt: line 18: \"<3\tSYM\t<3\" is no tag: read as a word\n"
           "bad.vrt: line 15: <text> never closed: the document ends on line 18\n",
           (int)(strchr(bad, '\xe9') - bad));
  CHECK_STR(w.buf, want);
  CHECK_INT(ds.n, 2);
  const src_doc *d = &ds.d[0];
  CHECK_STR(d->text, "Russia has signed\n\non caf\xC3\xA9");   /* the <p> that </s> closed */
  CHECK_STR(tokens_str(d, "pos", "lemma"), "Russia/NP/Russia has/VHZ/have signed/VVN/ | on/IN/on caf\xC3\xA9/NN/caf\xC3\xA9");
  CHECK_STR(regions_str(d), "s[0,3); ne[3,5) type=ORG; p[3,3); br[3,3)");
  CHECK_INT(d->flags, SRC_CP1252);
  d = &ds.d[1];
  CHECK_STR(d->name, "bad.vrt#15");
  CHECK_STR(meta_str(d), "id=t2|lang=und");
  CHECK_STR(tokens_str(d, "pos", NULL), "<3/SYM");
  CHECK_STR(regions_str(d), "s[0,0)");
  CHECK_INT(reread_all(c, "bad.vrt", &ds), 0);
  docs_free(&ds);
  /* every prefix of the fixture, and bytes at random */
  size_t n = 0;
  char *file = ct_slurp(FIXTURES "/news.vrt", &n);
  int nbad = 0;
  for (size_t cut = 0; cut <= n; cut += 5) {
    put(dir, "cut.vrt", file, cut);
    if (load(c, "cut.vrt", SRC_VRT, &ds) != 0 || ds.n > 2) nbad++;
    nbad += reread_all(c, "cut.vrt", &ds);
    docs_free(&ds);
  }
  CHECK_INT(nbad, 0);
  char *noise = malloc(200000);
  uint64_t x = 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < 200000; i++) {
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    noise[i] = (char)(x % 255 + 1);
    if (x % 97 == 0) noise[i] = '<';
  }
  put(dir, "noise.vrt", noise, 200000);
  wlog_clear(&w);
  CHECK_INT(load(c, "noise.vrt", SRC_VRT, &ds), 0);
  CHECK(w.n >= 2 && w.n <= 30);
  CHECK_INT(reread_all(c, "noise.vrt", &ds), 0);
  docs_free(&ds);
  free(noise);
  free(file);
  src_close(c);
  ct_rmdir(dir);
  free(dir);
}

/* {====================================================================== the sidecar */

/* Sidecar rows name a CoNLL-U or VRT document as "file#N", as they name .jsonl lines. */
static void test_sidecar_rows(void) {
  char *dir = mkcorpus();
  wlog w;
  docs ds = { .n = 0 };
  size_t n1 = 0, n2 = 0;
  char *a = ct_slurp(FIXTURES "/news.conllu", &n1), *b = ct_slurp(FIXTURES "/news.vrt", &n2);
  put(dir, "news.conllu", a, n1);
  put(dir, "news.vrt", b, n2);
  puts_(dir, "metadata.tsv", "file\tsource\tdate\nnews.conllu#35\tWilson Center\t\nnews.vrt#27\tWilson\t1990-11-20\n"
                             "news.vrt#9\tnone\t\ngone.vrt#3\tnone\t\n");
  src_ctx *c = wlog_open(dir, &w);
  src_list l = { 0 };
  CHECK_INT(src_scan(c, &l), 0);
  CHECK_INT(l.n, 2);
  CHECK_INT(l.f[0].kind, SRC_CONLLU);
  CHECK_INT(l.f[1].kind, SRC_VRT);
  CHECK_STR(w.buf, "metadata.tsv: line 5: no document \"gone.vrt#3\" in the corpus, row unused\n");
  for (size_t i = 0; i < l.n; i++) src_load(c, &l.f[i], on_doc, &ds);
  CHECK_INT(ds.n, 4);
  CHECK_STR(meta_str(&ds.d[1]), "id=wilson-1990-11-19|source=Wilson Center|lang=en");
  CHECK_STR(meta_str(&ds.d[3]), "date=1990-11-20|id=wilson-1990|source=Wilson|date_from=metadata.tsv|lang=und");
  wlog_clear(&w);
  CHECK_INT(src_sidecar_unused(c), 2);
  CHECK_STR(w.buf, "metadata.tsv: line 4: no document \"news.vrt#9\" in the corpus, row unused\n");
  src_list_free(&l);
  docs_free(&ds);
  src_close(c);
  free(a);
  free(b);
  ct_rmdir(dir);
  free(dir);
}

/* }====================================================================== */

int main(void) {
  RUN(test_conllu_fixture);
  RUN(test_conllu_errors);
  RUN(test_conllu_adversarial);
  RUN(test_vrt_fixture);
  RUN(test_vrt_errors);
  RUN(test_sidecar_rows);
  return ct_summary();
}
