/*
** tagtrain.c: trains the tagger's model (the build's en.model; `make train-tagger` keeps it as host/core/tag/en.model.gz) from CoNLL-U treebanks.
**   build/tagtrain [-e EPOCHS] [-p PRUNE] [-d DICT_MIN] [-s DICT_SHARE] [-w WORDNET_DIR] OUT TRAIN DEV
** An averaged perceptron (Collins 2002) over the features of core/tag/feat.c, one class per
** (XPOS, UPOS) pair, trained greedily left to right on the tags it predicts itself; a tag
** dictionary of frequent unambiguous forms; weights averaged, quantized to 16 bits, the smallest
** (|w| < PRUNE) dropped. Lemmas: word lists of the training lemmas and WordNet's index files, and
** the exceptions where the rules of core/tag/lemma.c miss (training data first, then WordNet's
** *.exc). Writes the model, then tags DEV with it through the library and prints the accuracy,
** and that of UPOS derived from the predicted XPOS and the word instead (1.4 points worse on EWT
** dev when measured: 93.48% against 94.88% for the joint classes, which is why they are joint).
** Run by `make train-tagger`; only data comes from outside (see bench/accuracy/README.md).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conllu.h"
#include "tag/tag_int.h"

/* The symbols of builtin.c, which the trainer does without (it makes the file builtin.c holds). */
const unsigned char tg_en_model[1], tg_en_model_end[1];

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) { fprintf(stderr, "tagtrain: out of memory\n"); exit(1); }
  return p;
}

/* {====================================================================== a map of strings to numbers */

typedef struct smap { char **k; uint32_t *v; size_t cap, n; } smap;

static uint32_t *smap_at(smap *m, const char *s, size_t len, int add) {
  if (add && 2 * (m->n + 1) > m->cap) {
    smap o = *m;
    m->cap = o.cap ? 2 * o.cap : 1024;
    m->k = calloc(m->cap, sizeof *m->k);
    m->v = calloc(m->cap, sizeof *m->v);
    if (!m->k || !m->v) { fprintf(stderr, "tagtrain: out of memory\n"); exit(1); }
    m->n = 0;
    for (size_t i = 0; i < o.cap; i++)
      if (o.k[i]) { *smap_at(m, o.k[i], strlen(o.k[i]), 1) = o.v[i]; free(o.k[i]); }
    free(o.k);
    free(o.v);
  }
  if (!m->cap) return NULL;
  size_t mask = m->cap - 1;
  for (size_t i = tg_hash(s, len, 5) & mask;; i = (i + 1) & mask) {
    if (!m->k[i]) {
      if (!add) return NULL;
      m->k[i] = xrealloc(NULL, len + 1);
      memcpy(m->k[i], s, len);
      m->k[i][len] = '\0';
      m->n++;
      return &m->v[i];
    }
    if (strlen(m->k[i]) == len && memcmp(m->k[i], s, len) == 0) return &m->v[i];
  }
}

static void smap_free(smap *m) {
  for (size_t i = 0; i < m->cap; i++) free(m->k[i]);
  free(m->k);
  free(m->v);
}

/* }====================================================================== */


/* {====================================================================== the bytes of a model file */

typedef struct bb { unsigned char *p; size_t n, cap; } bb;

static void put(bb *b, const void *s, size_t n) {
  if (b->n + n > b->cap) b->p = xrealloc(b->p, b->cap = 2 * (b->n + n) + 1024);
  memcpy(b->p + b->n, s, n);
  b->n += n;
}
static void put8(bb *b, unsigned v) { unsigned char c = (unsigned char)v; put(b, &c, 1); }
static void put16(bb *b, unsigned v) { put8(b, v & 0xFF); put8(b, v >> 8 & 0xFF); }
static void put32(bb *b, uint32_t v) { put16(b, v & 0xFFFF); put16(b, v >> 16); }
static void putstr(bb *b, const char *s, size_t n) { put8(b, (unsigned)n); put(b, s, n); }

/* }====================================================================== */


/* {====================================================================== the tag sets and classes */

static cu_bank train, dev;
static unsigned nx, nu, ncls;
static char *xname[256], *uname[256];
static uint8_t cx[256], cu[256];
static smap xmap, umap, cmap;        /* names -> id; "XPOS UPOS" -> class */
static uint8_t **gold;               /* gold[s][i]: the class of word i of training sentence s */
static tg_table lex;                 /* the word lists, as the features see them (make_lex) */

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The names of map, sorted, as ids 0.. into name (at most 255). */
static unsigned number(smap *m, char **name) {
  unsigned n = 0;
  for (size_t i = 0; i < m->cap; i++)
    if (m->k[i] && n < 255) name[n++] = m->k[i];
  qsort(name, n, sizeof *name, cmp_str);
  for (unsigned i = 0; i < n; i++) *smap_at(m, name[i], strlen(name[i]), 0) = i;
  return n;
}

static void make_classes(void) {
  for (size_t s = 0; s < train.n; s++)
    for (size_t i = 0; i < train.s[s].n; i++) {
      cu_word *w = &train.s[s].w[i];
      *smap_at(&xmap, w->xpos, strlen(w->xpos), 1) = 0;
      *smap_at(&umap, w->upos, strlen(w->upos), 1) = 0;
    }
  nx = number(&xmap, xname);
  nu = number(&umap, uname);
  gold = xrealloc(NULL, train.n * sizeof *gold);
  char key[64];
  for (size_t s = 0; s < train.n; s++) {
    gold[s] = xrealloc(NULL, train.s[s].n);
    for (size_t i = 0; i < train.s[s].n; i++) {
      cu_word *w = &train.s[s].w[i];
      snprintf(key, sizeof key, "%s %s", w->xpos, w->upos);
      uint32_t *c = smap_at(&cmap, key, strlen(key), 0);
      if (!c) {
        if (ncls == TG_MAXCLASS) { fprintf(stderr, "tagtrain: too many classes\n"); exit(1); }
        c = smap_at(&cmap, key, strlen(key), 1);
        *c = ncls;
        cx[ncls] = (uint8_t)*smap_at(&xmap, w->xpos, strlen(w->xpos), 0);
        cu[ncls] = (uint8_t)*smap_at(&umap, w->upos, strlen(w->upos), 0);
        ncls++;
      }
      gold[s][i] = (uint8_t)*c;
    }
  }
}

/* }====================================================================== */


/* {====================================================================== the tag dictionary */

static int dict_min = 20;          /* a form seen this often ... (-d) */
static double dict_share = 0.97;   /* ... with one class this often at least is fixed to it (-s) */

static smap dict;          /* exact form -> class + 1, or 0 */

static void make_dict(void) {
  smap forms = { 0 };
  uint32_t (*cnt)[TG_MAXCLASS] = NULL;
  size_t ncnt = 0;
  for (size_t s = 0; s < train.n; s++)
    for (size_t i = 0; i < train.s[s].n; i++) {
      const char *f = train.s[s].w[i].form;
      uint32_t *v = smap_at(&forms, f, strlen(f), 1);
      if (!*v) {
        cnt = xrealloc(cnt, (ncnt + 1) * sizeof *cnt);
        memset(cnt[ncnt], 0, sizeof *cnt);
        *v = (uint32_t)++ncnt;
      }
      cnt[*v - 1][gold[s][i]]++;
    }
  for (size_t k = 0; k < forms.cap; k++) {
    if (!forms.k[k]) continue;
    uint32_t *c = cnt[forms.v[k] - 1], total = 0, best = 0;
    for (unsigned j = 0; j < ncls; j++) { total += c[j]; if (c[j] > c[best]) best = j; }
    if (total >= (uint32_t)dict_min && c[best] >= dict_share * total)
      *smap_at(&dict, forms.k[k], strlen(forms.k[k]), 1) = best + 1;
  }
  free(cnt);
  smap_free(&forms);
}

/* }====================================================================== */


/* {====================================================================== the perceptron */

typedef struct went { double tot; int32_t w, ts; uint8_t c; } went;
typedef struct wfeat { uint32_t key, n, cap; went *e; double *avg; } wfeat;

static wfeat *W;
static size_t nW, capW;
static uint32_t *wslot;   /* open addressing: feature key -> index + 1 */
static size_t wcap;
static int32_t now;       /* tokens seen: the averaging clock */

static wfeat *feature(uint32_t key, int add) {
  if (add && 2 * (nW + 1) > wcap) {
    free(wslot);
    wcap = wcap ? 2 * wcap : 1 << 16;
    wslot = calloc(wcap, sizeof *wslot);
    if (!wslot) { fprintf(stderr, "tagtrain: out of memory\n"); exit(1); }
    for (size_t f = 0; f < nW; f++) {
      size_t i = W[f].key & (wcap - 1);
      while (wslot[i]) i = (i + 1) & (wcap - 1);
      wslot[i] = (uint32_t)f + 1;
    }
  }
  if (!wcap) return NULL;
  size_t i = key & (wcap - 1);
  for (; wslot[i]; i = (i + 1) & (wcap - 1))
    if (W[wslot[i] - 1].key == key) return &W[wslot[i] - 1];
  if (!add) return NULL;
  if (nW == capW) W = xrealloc(W, (capW = capW ? 2 * capW : 1 << 16) * sizeof *W);
  W[nW] = (wfeat){ key, 0, 0, NULL, NULL };
  wslot[i] = (uint32_t)++nW;
  return &W[nW - 1];
}

static void update(wfeat *f, unsigned c, int32_t delta) {
  went *e = NULL;
  for (uint32_t j = 0; j < f->n; j++) if (f->e[j].c == c) { e = &f->e[j]; break; }
  if (!e) {
    if (f->n == f->cap) f->e = xrealloc(f->e, (f->cap = f->cap ? 2 * f->cap : 2) * sizeof *f->e);
    e = &f->e[f->n++];
    *e = (went){ 0, 0, now, (uint8_t)c };
  }
  e->tot += (double)(now - e->ts) * e->w;
  e->ts = now;
  e->w += delta;
}

static unsigned guess(const uint32_t *keys) {
  int64_t score[256] = { 0 };
  for (int k = 0; k < TG_NFEAT; k++) {
    wfeat *f = feature(keys[k], 0);
    if (f) for (uint32_t j = 0; j < f->n; j++) score[f->e[j].c] += f->e[j].w;
  }
  unsigned best = 0;
  for (unsigned c = 1; c < ncls; c++) if (score[c] > score[best]) best = c;
  return best;
}

/* One pass over the training sentences in the order ord; returns the share tagged right. */
static double epoch(const size_t *ord, tg_tokh **tokh) {
  size_t right = 0, total = 0;
  uint32_t keys[TG_NFEAT];
  for (size_t k = 0; k < train.n; k++) {
    size_t s = ord[k];
    const cu_sent *st = &train.s[s];
    unsigned p1 = TG_NOCLASS, p2 = TG_NOCLASS;
    for (size_t i = 0; i < st->n; i++) {
      now++;
      uint32_t *d = smap_at(&dict, st->w[i].form, strlen(st->w[i].form), 0);
      unsigned g = gold[s][i], c;
      if (d && *d) c = *d - 1;
      else {
        tg_features(keys, tokh[s], i, p1, p2);
        c = guess(keys);
        if (c != g)
          for (int f = 0; f < TG_NFEAT; f++) {
            update(feature(keys[f], 1), g, 1);
            update(feature(keys[f], 1), c, -1);
          }
      }
      right += c == g;
      total++;
      p2 = p1;
      p1 = c;
    }
  }
  return (double)right / (double)total;
}

static void train_perceptron(int epochs) {
  tg_tokh **tokh = xrealloc(NULL, train.n * sizeof *tokh);
  size_t *ord = xrealloc(NULL, train.n * sizeof *ord);
  for (size_t s = 0; s < train.n; s++) {
    const cu_sent *st = &train.s[s];
    tokh[s] = xrealloc(NULL, (st->n + 4) * sizeof **tokh);
    tg_tok_bounds(tokh[s]);
    tokh[s][1] = tokh[s][0];
    tg_tok_bounds(tokh[s] + st->n + 2);
    tokh[s][st->n + 2] = tokh[s][st->n + 3];
    for (size_t i = 0; i < st->n; i++)
      tg_tok_hashes(&tokh[s][i + 2], st->w[i].form, (uint32_t)strlen(st->w[i].form), &lex);
    ord[s] = s;
  }
  uint64_t rng = 0x5EED;
  for (int e = 1; e <= epochs; e++) {
    for (size_t s = train.n; s > 1; s--) {              /* Fisher-Yates, a fixed seed */
      rng = rng * 6364136223846793005ull + 1442695040888963407ull;
      size_t j = (size_t)((rng >> 33) % s), t = ord[s - 1];
      ord[s - 1] = ord[j];
      ord[j] = t;
    }
    double right = epoch(ord, tokh);
    fprintf(stderr, "epoch %d: %.4f of training tokens right, %zu features\n", e, right, nW);
  }
  for (size_t s = 0; s < train.n; s++) free(tokh[s]);
  free(tokh);
  free(ord);
}

/* The averaged weights quantized to 16 bits, scaled so that the tagger may add up any TG_NFEAT
** of them in 16 bits, those under prune dropped, as the model's section. */
static void write_weights(bb *b, int prune) {
  double maxabs = 0;
  for (size_t f = 0; f < nW; f++) {
    W[f].avg = xrealloc(NULL, W[f].n * sizeof *W[f].avg);
    for (uint32_t j = 0; j < W[f].n; j++) {
      went *e = &W[f].e[j];
      double a = (e->tot + (double)(now - e->ts) * e->w) / now;
      W[f].avg[j] = a;
      if (a > maxabs) maxabs = a;
      if (-a > maxabs) maxabs = -a;
    }
  }
  double scale = (32767 / TG_NFEAT) / maxabs;     /* any TG_NFEAT of them add up in 16 bits */
  bb keys = { 0 }, counts = { 0 }, ents = { 0 };
  uint32_t nf = 0, ne = 0;
  for (size_t f = 0; f < nW; f++) {
    unsigned k = 0;
    for (uint32_t j = 0; j < W[f].n; j++) {
      long q = lround(W[f].avg[j] * scale);
      if (labs(q) <= prune || q == 0) continue;
      put8(&ents, W[f].e[j].c);
      put16(&ents, (unsigned)(uint16_t)(int16_t)q);
      k++;
    }
    if (!k) continue;
    put32(&keys, W[f].key);
    put8(&counts, k);
    nf++;
    ne += k;
  }
  put32(b, nf);
  put32(b, ne);
  put(b, keys.p, keys.n);
  put(b, counts.p, counts.n);
  put(b, ents.p, ents.n);
  fprintf(stderr, "weights: %u features, %u weights (of %zu features), scale %.1f\n", nf, ne, nW, scale);
  free(keys.p); free(counts.p); free(ents.p);
}

/* }====================================================================== */


/* {====================================================================== word lists and lemma exceptions */

typedef struct lexent { uint32_t key, count, wn; } lexent;   /* wn: TG_WN_... bits (TG_LEX_WN) */
static lexent *lexv;
static size_t nlex, caplex;

static int cmp_key(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Adds count to lemma s[0..n) (lowercased) in list (TG_LEX_WN: the parts of speech in count). */
static void lex_add(unsigned list, const char *s, size_t n, uint32_t count) {
  char low[TG_WORDMAX];
  if (n == 0 || n > TG_WORDMAX) return;
  for (size_t i = 0; i < n; i++) low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
  if (nlex == caplex) lexv = xrealloc(lexv, (caplex = caplex ? 2 * caplex : 1 << 16) * sizeof *lexv);
  lexv[nlex++] = list == TG_LEX_WN ? (lexent){ tg_lex_key(low, n, list), 0, count }
                                    : (lexent){ tg_lex_key(low, n, list), count, 0 };
}

static unsigned list_of(const char *upos) {
  if (!strcmp(upos, "NOUN") || !strcmp(upos, "PROPN")) return TG_LEX_NOUN;
  if (!strcmp(upos, "VERB") || !strcmp(upos, "AUX")) return TG_LEX_VERB;
  if (!strcmp(upos, "ADJ") || !strcmp(upos, "ADV")) return TG_LEX_ADJ;
  return 0;
}

/* The first word of each line of a WordNet index file, into list with count 1, and into TG_LEX_WN
** with the part of speech pos (WordNet's alone, for the features). */
static void lex_wordnet(const char *dir, const char *file, unsigned list, unsigned pos) {
  char path[1024], line[8192];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); exit(1); }
  while (fgets(line, sizeof line, f)) {
    if (line[0] == ' ') continue;                         /* the licence at the top */
    size_t n = strcspn(line, " ");
    if (!memchr(line, '_', n)) { lex_add(list, line, n, 1); lex_add(TG_LEX_WN, line, n, pos); }
  }
  fclose(f);
}

/* The word lists: the lemmas of the training data and WordNet's, counts summed per key; and lex,
** the table of them that the features see (tg_tok_hashes). */

static void make_lex(const char *wn) {
  for (size_t s = 0; s < train.n; s++)
    for (size_t i = 0; i < train.s[s].n; i++) {
      const cu_word *w = &train.s[s].w[i];
      unsigned list = list_of(w->upos);
      if (list) lex_add(list, w->lemma, strlen(w->lemma), 1);
    }
  if (wn) {
    lex_wordnet(wn, "index.noun", TG_LEX_NOUN, TG_WN_NOUN);
    lex_wordnet(wn, "index.verb", TG_LEX_VERB, TG_WN_VERB);
    lex_wordnet(wn, "index.adj", TG_LEX_ADJ, TG_WN_ADJ);
    lex_wordnet(wn, "index.adv", TG_LEX_ADJ, TG_WN_ADV);
  }
  qsort(lexv, nlex, sizeof *lexv, cmp_key);
  size_t k = 0;
  for (size_t i = 0; i < nlex; i++) {
    if (k && lexv[k - 1].key == lexv[i].key) { lexv[k - 1].count += lexv[i].count; lexv[k - 1].wn |= lexv[i].wn; }
    else lexv[k++] = lexv[i];
  }
  nlex = k;
  for (size_t i = 0; i < nlex; i++) if (lexv[i].wn) lexv[i].count = lexv[i].wn;   /* the value: + 1 */
  size_t cap = 16;
  while (cap < 2 * nlex) cap *= 2;
  lex.slot = calloc(cap, sizeof *lex.slot);
  if (!lex.slot) { fprintf(stderr, "tagtrain: out of memory\n"); exit(1); }
  lex.mask = (uint32_t)(cap - 1);
  for (size_t i = 0; i < nlex; i++) {
    uint32_t j = lexv[i].key & lex.mask;
    while (lex.slot[j].key) j = (j + 1) & lex.mask;
    lex.slot[j] = (tg_slot){ lexv[i].key, lexv[i].count + 1 };
  }
}

/* The word lists as the model's section: counts + 1, at most 65535. */
static void write_lex(bb *b) {
  put32(b, (uint32_t)nlex);
  for (size_t i = 0; i < nlex; i++) {
    put32(b, lexv[i].key);
    put16(b, lexv[i].count + 1 > 65535 ? 65535 : lexv[i].count + 1);
  }
  fprintf(stderr, "word lists: %zu lemmas\n", nlex);
}

/* form lowercased, with ’ as ': the exceptions' key (as lemma.c makes it). Returns its length,
** or 0 when too long. */
static size_t low_form(const char *w, char *out) {
  size_t k = 0, len = strlen(w);
  if (len > TG_WORDMAX) return 0;
  for (size_t i = 0; i < len; i++) {
    unsigned c = (unsigned char)w[i];
    if (c == 0xE2 && i + 2 < len && (unsigned char)w[i + 1] == 0x80 && (unsigned char)w[i + 2] == 0x99) {
      out[k++] = '\''; i += 2; continue;
    }
    out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return k;
}

typedef struct exc { uint32_t key; unsigned xpos; char *form, *lemma; } exc;
static exc *excv;
static size_t nexc, capexc;

static void exc_add(unsigned xpos, const char *form, size_t n, const char *lemma) {
  if (n == 0 || strlen(lemma) > 255) return;
  if (nexc == capexc) excv = xrealloc(excv, (capexc = capexc ? 2 * capexc : 1024) * sizeof *excv);
  char *f = xrealloc(NULL, n + 1);
  memcpy(f, form, n);
  f[n] = '\0';
  excv[nexc++] = (exc){ tg_lex_key(form, n, 16u + xpos), xpos, f, strdup(lemma) };
}

/* Whether the rules of m give lemma for form tagged xpos. */
static int rule_gives(const tg_model *m, unsigned xpos, const char *form, const char *lemma) {
  char buf[1024];
  const char *out;
  uint32_t n, len = (uint32_t)strlen(form);
  if (len > sizeof buf) return 0;
  tg_lemma_rule(m, xpos, form, len, buf, &out, &n);
  return n == strlen(lemma) && memcmp(out, lemma, n) == 0;
}

/* WordNet's irregular forms of file (form lemma per line) for the tags that fit their endings,
** where the training data did not say and the rules miss. */
static void exc_wordnet(const tg_model *m, smap *seen, const char *dir, const char *file) {
  char path[1024], line[1024], form[256], lemma[256], key[512];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); exit(1); }
  while (fgets(line, sizeof line, f)) {
    if (sscanf(line, "%255s %255s", form, lemma) != 2 || strchr(form, '_') || strchr(lemma, '_')) continue;
    size_t n = strlen(form);
    const char *tags[4] = { 0 };
    if (!strcmp(file, "noun.exc")) tags[0] = "NNS";
    else if (!strcmp(file, "adj.exc")) {
      if (n > 2 && !strcmp(form + n - 2, "er")) { tags[0] = "JJR"; tags[1] = "RBR"; }
      else if (n > 3 && !strcmp(form + n - 3, "est")) { tags[0] = "JJS"; tags[1] = "RBS"; }
    } else if (n > 3 && !strcmp(form + n - 3, "ing")) tags[0] = "VBG";
    else if (form[n - 1] == 's') tags[0] = "VBZ";
    else { tags[0] = "VBD"; tags[1] = "VBN"; }
    for (int t = 0; t < 4 && tags[t]; t++) {
      uint32_t *x = smap_at(&xmap, tags[t], strlen(tags[t]), 0);
      if (!x) continue;
      snprintf(key, sizeof key, "%u\t%s", *x, form);
      if (smap_at(seen, key, strlen(key), 0) || rule_gives(m, *x, form, lemma)) continue;
      exc_add(*x, form, n, lemma);
    }
  }
  fclose(f);
}

/* The exceptions, learned with the rules of the model m (made without them), as its section. */
static void write_exc(bb *b, const tg_model *m, const char *wn) {
  smap seen = { 0 }, tally = { 0 };        /* "xpos\tform" -> words right by rule; + "\tlemma" -> count */
  char low[TG_WORDMAX + 1], key[1024];
  for (size_t s = 0; s < train.n; s++)
    for (size_t i = 0; i < train.s[s].n; i++) {
      const cu_word *w = &train.s[s].w[i];
      size_t n = low_form(w->form, low);
      if (!n || (!strcmp(w->lemma, "_") && strcmp(w->form, "_"))) continue;
      unsigned x = *smap_at(&xmap, w->xpos, strlen(w->xpos), 0);
      int k = snprintf(key, sizeof key, "%u\t%.*s", x, (int)n, low);
      *smap_at(&seen, key, (size_t)k, 1) += (uint32_t)rule_gives(m, x, w->form, w->lemma);
      k += snprintf(key + k, sizeof key - (size_t)k, "\t%s", w->lemma);
      (*smap_at(&tally, key, (size_t)k, 1))++;
    }
  smap best = { 0 };                       /* "xpos\tform" -> the count of its commonest lemma */
  for (size_t i = 0; i < tally.cap; i++) {
    if (!tally.k[i]) continue;
    char *t = strrchr(tally.k[i], '\t');
    uint32_t *v = smap_at(&best, tally.k[i], (size_t)(t - tally.k[i]), 1);
    if (tally.v[i] > *v) *v = tally.v[i];
  }
  for (size_t i = 0; i < tally.cap; i++) {
    if (!tally.k[i]) continue;
    char *t = strrchr(tally.k[i], '\t'), *f = strchr(tally.k[i], '\t');
    size_t plen = (size_t)(t - tally.k[i]);
    uint32_t top = *smap_at(&best, tally.k[i], plen, 0), ok = *smap_at(&seen, tally.k[i], plen, 0);
    if (tally.v[i] != top || top <= ok) continue;
    *smap_at(&best, tally.k[i], plen, 0) = UINT32_MAX;     /* one lemma per key, ties to the first */
    exc_add((unsigned)atoi(tally.k[i]), f + 1, (size_t)(t - f - 1), t + 1);
  }
  size_t learned = nexc;
  if (wn) {
    exc_wordnet(m, &seen, wn, "noun.exc");
    exc_wordnet(m, &seen, wn, "verb.exc");
    exc_wordnet(m, &seen, wn, "adj.exc");
  }
  qsort(excv, nexc, sizeof *excv, cmp_key);
  size_t k = 0;
  for (size_t i = 0; i < nexc; i++) if (!k || excv[k - 1].key != excv[i].key) excv[k++] = excv[i];
  put32(b, (uint32_t)k);
  for (size_t i = 0; i < k; i++) {
    put8(b, excv[i].xpos);
    putstr(b, excv[i].form, strlen(excv[i].form));
    putstr(b, excv[i].lemma, strlen(excv[i].lemma));
  }
  fprintf(stderr, "lemma exceptions: %zu from training, %zu in all\n", learned, k);
  smap_free(&seen); smap_free(&tally); smap_free(&best);
}

/* }====================================================================== */


/* {====================================================================== the model file */

static void write_head(bb *b) {
  put(b, TG_MAGIC, 8);
  put32(b, nx); put32(b, nu); put32(b, ncls);
  for (unsigned i = 0; i < nx; i++) putstr(b, xname[i], strlen(xname[i]));
  for (unsigned i = 0; i < nu; i++) putstr(b, uname[i], strlen(uname[i]));
  for (unsigned c = 0; c < ncls; c++) { put8(b, cx[c]); put8(b, cu[c]); }
}

static void write_dict(bb *b) {
  put32(b, (uint32_t)dict.n);
  for (size_t i = 0; i < dict.cap; i++) {
    if (!dict.k[i]) continue;
    tg_tokh th;
    tg_tok_hashes(&th, dict.k[i], (uint32_t)strlen(dict.k[i]), &lex);
    put32(b, th.exact);
    put8(b, dict.v[i] - 1);
  }
}

static void seal(bb *b) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < b->n; i++) h = (h ^ b->p[i]) * 16777619u;
  put32(b, h);
}

/* The alternative to the joint classes, measured: UPOS derived from the predicted XPOS and the
** word, by the commonest UPOS of that pair in training (else of that XPOS). Returns whether the
** UPOS so derived for word w tagged xpos x is gold. */
static smap derive;                      /* "x\tform\tupos" -> count; "x\tform" and "x" -> best */

static void make_derive(void) {
  char key[1024], low[TG_WORDMAX + 1];
  smap cnt = { 0 };
  for (size_t s = 0; s < train.n; s++)
    for (size_t i = 0; i < train.s[s].n; i++) {
      const cu_word *w = &train.s[s].w[i];
      size_t n = low_form(w->form, low);
      int k = snprintf(key, sizeof key, "%s\t%.*s\t%s", w->xpos, (int)n, low, w->upos);
      (*smap_at(&cnt, key, (size_t)k, 1))++;
      k = snprintf(key, sizeof key, "%s\t\t%s", w->xpos, w->upos);
      (*smap_at(&cnt, key, (size_t)k, 1))++;
    }
  smap top = { 0 };
  for (size_t i = 0; i < cnt.cap; i++) {
    if (!cnt.k[i]) continue;
    char *t = strrchr(cnt.k[i], '\t');
    uint32_t *v = smap_at(&top, cnt.k[i], (size_t)(t - cnt.k[i]), 1);
    if (cnt.v[i] > *v) {
      *v = cnt.v[i];
      *smap_at(&derive, cnt.k[i], (size_t)(t - cnt.k[i]), 1) = *smap_at(&umap, t + 1, strlen(t + 1), 0);
    }
  }
  smap_free(&cnt);
  smap_free(&top);
}

static unsigned derived_upos(const char *xpos, const char *form) {
  char key[1024], low[TG_WORDMAX + 1];
  size_t n = low_form(form, low);
  int k = snprintf(key, sizeof key, "%s\t%.*s", xpos, (int)n, low);
  uint32_t *v = smap_at(&derive, key, (size_t)k, 0);
  if (!v) v = smap_at(&derive, key, (size_t)snprintf(key, sizeof key, "%s\t", xpos), 0);
  return v ? *v : 0;
}

/* Tags bank with m on its gold tokens; prints the accuracy. */
static void evaluate(const tg_model *m, const cu_bank *bk, const char *name) {
  tg_state *st = tg_state_new(m);
  size_t cap = 0, right[4] = { 0 }, total = 0;
  const char **word = NULL, **lemma = NULL;
  uint32_t *len = NULL, *llen = NULL;
  uint16_t *up = NULL, *xp = NULL;
  clock_t t0 = clock();
  for (size_t s = 0; s < bk->n; s++) {
    const cu_sent *se = &bk->s[s];
    if (se->n > cap) {
      cap = se->n;
      word = xrealloc(word, cap * sizeof *word); lemma = xrealloc(lemma, cap * sizeof *lemma);
      len = xrealloc(len, cap * sizeof *len); llen = xrealloc(llen, cap * sizeof *llen);
      up = xrealloc(up, cap * sizeof *up); xp = xrealloc(xp, cap * sizeof *xp);
    }
    for (size_t i = 0; i < se->n; i++) { word[i] = se->w[i].form; len[i] = (uint32_t)strlen(word[i]); }
    if (tg_tag_sentence(st, se->n, word, len, up, xp, lemma, llen)) { fprintf(stderr, "out of memory\n"); exit(1); }
    for (size_t i = 0; i < se->n; i++) {
      right[0] += !strcmp(tg_tag_name(m, TG_UPOS, up[i]), se->w[i].upos);
      right[1] += !strcmp(tg_tag_name(m, TG_XPOS, xp[i]), se->w[i].xpos);
      right[2] += strlen(se->w[i].lemma) == llen[i] && !memcmp(se->w[i].lemma, lemma[i], llen[i]);
      right[3] += !strcmp(uname[derived_upos(tg_tag_name(m, TG_XPOS, xp[i]), se->w[i].form)], se->w[i].upos);
      total++;
    }
  }
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  fprintf(stderr, "%s (gold tokens, %zu): UPOS %.2f%%  XPOS %.2f%%  lemma %.2f%%  (%.0f tokens/s)\n",
          name, total, 100.0 * right[0] / total, 100.0 * right[1] / total, 100.0 * right[2] / total,
          total / (secs > 0 ? secs : 1e-9));
  fprintf(stderr, "%s: UPOS %.2f%% derived instead from the predicted XPOS and the word (the joint class: "
          "%.2f%%)\n", name, 100.0 * right[3] / total, 100.0 * right[0] / total);
  free(word); free(lemma); free(len); free(llen); free(up); free(xp);
  tg_state_free(st);
}

/* }====================================================================== */

int main(int argc, char **argv) {
  int epochs = 10, prune = 0, a = 1;
  const char *wn = NULL;
  for (; a + 1 < argc && argv[a][0] == '-'; a += 2) {
    if (!strcmp(argv[a], "-e")) epochs = atoi(argv[a + 1]);
    else if (!strcmp(argv[a], "-p")) prune = atoi(argv[a + 1]);
    else if (!strcmp(argv[a], "-w")) wn = argv[a + 1];
    else if (!strcmp(argv[a], "-d")) dict_min = atoi(argv[a + 1]);
    else if (!strcmp(argv[a], "-s")) dict_share = atof(argv[a + 1]);
    else break;
  }
  if (argc - a != 3) {
    fprintf(stderr, "usage: tagtrain [-e EPOCHS] [-p PRUNE] [-d DICT_MIN] [-s DICT_SHARE] [-w WORDNET_DIR] OUT.model TRAIN DEV\n");
    return 2;
  }
  if (cu_read(&train, argv[a + 1]) || cu_read(&dev, argv[a + 2])) return 1;
  fprintf(stderr, "training: %zu sentences, %zu words; dev: %zu words\n", train.n, train.nwords, dev.nwords);
  make_classes();
  make_dict();
  make_lex(wn);
  fprintf(stderr, "%u XPOS, %u UPOS, %u classes; %zu forms in the tag dictionary\n", nx, nu, ncls, dict.n);
  train_perceptron(epochs);
  bb body = { 0 }, lexb = { 0 }, file = { 0 };
  write_head(&body);
  write_weights(&body, prune);
  write_dict(&body);
  write_lex(&lexb);
  file = body;                             /* first without exceptions, to learn them by its rules */
  file.p = xrealloc(NULL, file.cap = body.n);
  memcpy(file.p, body.p, body.n);
  put(&file, lexb.p, lexb.n);
  put32(&file, 0);
  seal(&file);
  char err[256];
  tg_model *m0 = tg_model_parse(file.p, file.n, err, sizeof err);
  if (!m0) { fprintf(stderr, "tagtrain: %s\n", err); return 1; }
  file.n = body.n + lexb.n;
  write_exc(&file, m0, wn);
  seal(&file);
  tg_model_free(m0);
  FILE *out = fopen(argv[a], "wb");
  if (!out || fwrite(file.p, 1, file.n, out) != file.n || fclose(out)) { perror(argv[a]); return 1; }
  fprintf(stderr, "%s: %zu bytes\n", argv[a], file.n);
  tg_model *m = tg_model_read(argv[a], err, sizeof err);
  if (!m) { fprintf(stderr, "tagtrain: %s\n", err); return 1; }
  make_derive();
  evaluate(m, &dev, "dev");
  tg_model_free(m);
  return 0;
}
