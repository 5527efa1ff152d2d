/*
** model.c: a tagger model from the bytes of a model file: the tag names, the classes, the weights
** and the word tables put into open-addressing tables for the tagger. The file (all numbers
** little-endian) is what host/tools/tagtrain.c writes:
**   "LECTAG\0\2"  u32 nxpos, nupos, nclass  names (u8 length, bytes) of the XPOS then UPOS tags
**   nclass x (u8 xpos, u8 upos)
**   u32 nfeat, nent  nfeat x u32 key  nfeat x u8 count  nent x (u8 class, i16 weight), the
**     weights scaled so that any TG_NFEAT of them add up within 16 bits
**   u32 ndict  ndict x (u32 key, u8 class)       u32 nlex  nlex x (u32 key, u16 count)
**   u32 nexc  nexc x (u8 xpos, u8 n, form, u8 n, lemma)     u32 FNV-1a of all bytes before it
*/
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "tag_int.h"

typedef struct rd { const unsigned char *p, *end; int bad; } rd;

static unsigned u8(rd *r) {
  if (r->p + 1 > r->end) { r->bad = 1; return 0; }
  return *r->p++;
}

static uint32_t u16(rd *r) {
  if (r->p + 2 > r->end) { r->bad = 1; r->p = r->end; return 0; }
  uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8;
  r->p += 2;
  return v;
}

static uint32_t u32(rd *r) {
  if (r->p + 4 > r->end) { r->bad = 1; r->p = r->end; return 0; }
  uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
               (uint32_t)r->p[3] << 24;
  r->p += 4;
  return v;
}

/* A count of items of size bytes each that the rest of the file can hold, or sets bad. */
static uint32_t count(rd *r, size_t size) {
  uint32_t n = u32(r);
  if ((size_t)(r->end - r->p) / size < n) { r->bad = 1; return 0; }
  return n;
}

/* Room for n keys at most two thirds full, and a filter of 8 bits a key. Returns 0, or -1 when
** memory ran out. */
static int table_new(tg_table *t, size_t n) {
  size_t cap = 16, nbits = 64;
  while (2 * cap < 3 * n) cap *= 2;
  for (t->shift = 32 - 6; nbits < 8 * n && t->shift > 1; t->shift--) nbits *= 2;
  t->slot = calloc(cap, sizeof *t->slot);
  t->bits = calloc(nbits / 64, sizeof *t->bits);
  t->mask = (uint32_t)(cap - 1);
  return t->slot && t->bits ? 0 : -1;
}

static void table_free(tg_table *t) {
  free(t->slot);
  free(t->bits);
}

/* Adds key -> val; a key already there keeps its first value. Returns 1 if it was there. */
static int table_put(tg_table *t, uint32_t key, uint32_t val) {
  uint32_t h = (key * 0x9E3779B1u) >> t->shift;
  t->bits[h >> 6] |= 1ull << (h & 63);
  for (uint32_t i = key & t->mask;; i = (i + 1) & t->mask) {
    if (t->slot[i].key == key) return 1;
    if (!t->slot[i].key) { t->slot[i].key = key; t->slot[i].val = val; return 0; }
  }
}

static uint32_t fnv1a(const unsigned char *p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}

/* Reads nnames length-prefixed names into m->names at *w, pointing name[i] at each. */
static void read_names(rd *r, tg_model *m, size_t *w, const char **name, unsigned nnames) {
  for (unsigned i = 0; i < nnames && !r->bad; i++) {
    unsigned len = u8(r);
    if (len == 0 || r->p + len > r->end) { r->bad = 1; return; }
    name[i] = m->names + *w;
    memcpy(m->names + *w, r->p, len);
    *w += len;
    m->names[(*w)++] = '\0';
    r->p += len;
  }
}

int tg_lemma_category(const char *x) {
  static const struct { const char *tag; int cat; } rule[] = {
    { "NNP", TG_L_PROPER }, { "NNS", TG_L_NOUNS }, { "NNPS", TG_L_PROPERS }, { "VBZ", TG_L_VBZ },
    { "VBD", TG_L_VBD }, { "VBN", TG_L_VBD }, { "VBG", TG_L_VBG }, { "JJR", TG_L_CMP },
    { "RBR", TG_L_CMP }, { "JJS", TG_L_SUP }, { "RBS", TG_L_SUP },
    { "ADD", TG_L_PROPER }, { "CD", TG_L_NUMBER } };      /* addresses keep their case */
  for (size_t i = 0; i < sizeof rule / sizeof *rule; i++)
    if (strcmp(x, rule[i].tag) == 0) return rule[i].cat;
  return TG_L_LOWER;
}

/* The weights, the tag dictionary, the word lists and the exceptions, after the names. A feature
** with TG_DENSE weights or more gets a dense row, the others their entries in ent; the values of
** the features of every pair of classes before a token are looked up once (m->prev). */
static int read_tables(rd *r, tg_model *m) {
  uint32_t nfeat = count(r, 5), nent = u32(r);
  if (r->bad || nent > (1u << 24)) return -1;
  const unsigned char *keys = r->p, *cnt = r->p + 4 * (size_t)nfeat;
  r->p += 5 * (size_t)nfeat;
  if ((size_t)(r->end - r->p) / 3 < nent) return -1;
  size_t ndense = 0;
  for (uint32_t i = 0; i < nfeat; i++) ndense += cnt[i] >= TG_DENSE;
  if (table_new(&m->feat, nfeat) || !(m->ent = malloc(((size_t)nent + 1) * sizeof *m->ent)) ||
      !(m->dense = calloc(ndense * m->ncp + 1, sizeof *m->dense)))
    return -2;
  uint32_t off = 0, ne = 0, row = 0;
  int32_t maxabs = 0;
  for (uint32_t i = 0; i < nfeat; i++) {
    rd k = { keys + 4 * (size_t)i, keys + 4 * (size_t)i + 4, 0 };
    uint32_t key = u32(&k), n = cnt[i];
    int dense = n >= TG_DENSE;
    if (!key || n == 0 || off + n > nent || table_put(&m->feat, key, dense ? (row + 1) << 8 : ne << 8 | n))
      return -1;
    for (uint32_t j = 0; j < n; j++) {
      unsigned c = u8(r);
      uint32_t w = u16(r);
      int32_t v = (int16_t)(uint16_t)w;
      if (c >= m->nclass) return -1;
      if (v > maxabs) maxabs = v;
      if (-v > maxabs) maxabs = -v;
      if (dense) m->dense[(size_t)row * m->ncp + c] = (int16_t)v;
      else m->ent[ne++] = (uint32_t)c << 16 | w;
    }
    row += (uint32_t)dense;
    off += n;
  }
  if (off != nent || maxabs * TG_NFEAT > 32767) return -1;
  uint32_t ndict = count(r, 5);
  if (r->bad) return -1;
  if (table_new(&m->dict, ndict)) return -2;
  for (uint32_t i = 0; i < ndict; i++) {
    uint32_t key = u32(r);
    unsigned c = u8(r);
    if (!key || c >= m->nclass || table_put(&m->dict, key, c + 1)) return -1;
  }
  uint32_t nlex = count(r, 6);
  if (r->bad) return -1;
  if (table_new(&m->lex, nlex)) return -2;
  for (uint32_t i = 0; i < nlex; i++) {
    uint32_t key = u32(r), c = u16(r);
    if (!key || !c || table_put(&m->lex, key, c)) return -1;
  }
  m->nexc = count(r, 3);
  if (r->bad) return -1;
  if (table_new(&m->exc, m->nexc) || !(m->excs = calloc(m->nexc + 1, sizeof *m->excs))) return -2;
  for (uint32_t i = 0; i < m->nexc; i++) {
    tg_exc *e = &m->excs[i];
    e->xpos = (uint8_t)u8(r);
    e->form_len = (uint8_t)u8(r);
    e->form = (const char *)r->p;
    if (e->xpos >= m->nxpos || r->p + e->form_len + 1 > r->end) return -1;
    r->p += e->form_len;
    e->lemma_len = (uint8_t)u8(r);
    e->lemma = (const char *)r->p;
    if (r->p + e->lemma_len > r->end) return -1;
    r->p += e->lemma_len;
    if (table_put(&m->exc, tg_lex_key(e->form, e->form_len, 16u + e->xpos), i)) return -1;
  }
  size_t np = (size_t)m->nclass + 1;           /* the classes before a token, TG_NOCLASS last */
  if (!(m->prev = malloc(np * np * TG_NPREV * sizeof *m->prev))) return -2;
  for (size_t a = 0; a < np; a++)
    for (size_t b = 0; b < np; b++) {
      uint32_t pk[TG_NPREV], *v = m->prev + (a * np + b) * TG_NPREV;
      tg_prev_features(pk, a < m->nclass ? (unsigned)a : TG_NOCLASS, b < m->nclass ? (unsigned)b : TG_NOCLASS);
      for (int k = 0; k < TG_NPREV; k++) v[k] = tg_get(&m->feat, pk[k]);
    }
  return r->bad ? -1 : 0;
}

tg_model *tg_model_parse(const unsigned char *p, size_t n, char *err, size_t errlen) {
  if (n < 12 || memcmp(p, TG_MAGIC, 8) != 0) {
    snprintf(err, errlen, "not a lector tagger model");
    return NULL;
  }
  rd end = { p + n - 4, p + n, 0 };
  if (u32(&end) != fnv1a(p, n - 4)) {
    snprintf(err, errlen, "corrupt tagger model (checksum)");
    return NULL;
  }
  tg_model *m = calloc(1, sizeof *m);
  if (!m || !(m->names = malloc(n))) {
    free(m);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  rd r = { p + 8, p + n - 4, 0 };
  m->nxpos = u32(&r);
  m->nupos = u32(&r);
  m->nclass = u32(&r);
  m->ncp = (m->nclass + TG_LANES - 1) / TG_LANES * TG_LANES;
  int rc = -1;
  if (!r.bad && m->nxpos && m->nxpos < 256 && m->nupos && m->nupos < 256 && m->nclass &&
      m->nclass <= TG_MAXCLASS) {
    size_t w = 0;
    read_names(&r, m, &w, m->xname, m->nxpos);
    read_names(&r, m, &w, m->uname, m->nupos);
    for (unsigned c = 0; c < m->nclass && !r.bad; c++) {
      m->cls_xpos[c] = (uint8_t)u8(&r);
      m->cls_upos[c] = (uint8_t)u8(&r);
      if (m->cls_xpos[c] >= m->nxpos || m->cls_upos[c] >= m->nupos) r.bad = 1;
    }
    for (unsigned x = 0; x < m->nxpos && !r.bad; x++) m->lcat[x] = (uint8_t)tg_lemma_category(m->xname[x]);
    rc = r.bad ? -1 : read_tables(&r, m);
    if (rc == 0 && r.p != r.end) rc = -1;
  }
  if (rc) {
    snprintf(err, errlen, rc == -2 ? "out of memory" : "corrupt tagger model");
    tg_model_free(m);
    return NULL;
  }
  return m;
}

tg_model *tg_model_read(const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return NULL;
  }
  unsigned char *b = NULL;
  size_t n = 0, cap = 0, got;
  do {
    if (n == cap) {
      unsigned char *nb = realloc(b, cap = cap ? 2 * cap : 1 << 16);
      if (!nb) { free(b); fclose(f); snprintf(err, errlen, "%s: out of memory", path); return NULL; }
      b = nb;
    }
    got = fread(b + n, 1, cap - n, f);
    n += got;
  } while (got);
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    free(b);
    snprintf(err, errlen, "%s: cannot read", path);
    return NULL;
  }
  char why[128];
  tg_model *m = tg_model_parse(b, n, why, sizeof why);
  if (!m) {
    free(b);
    snprintf(err, errlen, "%s: %s", path, why);
    return NULL;
  }
  m->bytes = b;
  return m;
}

/* {====================================================================== the built-in model */

extern const unsigned char tg_en_model[], tg_en_model_end[];   /* builtin.c */
static tg_model *builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void make_builtin(void) {
  char err[128];
  builtin = tg_model_parse(tg_en_model, (size_t)(tg_en_model_end - tg_en_model), err, sizeof err);
}

const tg_model *tg_builtin(void) {
  pthread_once(&builtin_once, make_builtin);
  return builtin;
}

/* }====================================================================== */

void tg_model_free(tg_model *m) {
  if (!m || m == builtin) return;
  table_free(&m->feat);
  free(m->ent);
  free(m->dense);
  free(m->prev);
  table_free(&m->dict);
  table_free(&m->lex);
  table_free(&m->exc);
  free(m->excs);
  free(m->names);
  free(m->bytes);
  free(m);
}

size_t tg_ntags(const tg_model *m, int set) {
  return set == TG_UPOS ? m->nupos : set == TG_XPOS ? m->nxpos : 0;
}

const char *tg_tag_name(const tg_model *m, int set, unsigned id) {
  if (id >= tg_ntags(m, set)) return NULL;
  return set == TG_UPOS ? m->uname[id] : m->xname[id];
}

int tg_tag_id(const tg_model *m, int set, const char *name) {
  size_t n = tg_ntags(m, set);
  for (size_t i = 0; i < n; i++)
    if (strcmp(tg_tag_name(m, set, (unsigned)i), name) == 0) return (int)i;
  return -1;
}
