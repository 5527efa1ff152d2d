/*
** tokens.c: what the annotated formats (format_conllu.c, format_vrt.c) share: the builder of a
** document's src_tokens (spans, sentence starts, attribute values interned in one pool, regions),
** decoding a field (Windows-1252, XML entities) into the text or the pool, a cap on the warnings one
** document may give, and handing the finished document out.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source_int.h"

/* {====================================================================== growing arrays */

int src_grow(void *pp, size_t *cap, size_t want, size_t sz) {
  void **p = pp;
  if (want <= *cap) return 0;
  size_t c = *cap ? *cap : 16;
  while (c < want) c += c / 2 + 1;
  void *q = realloc(*p, c * sz);
  if (!q) return -1;
  *p = q;
  *cap = c;
  return 0;
}

/* }====================================================================== */

/* {====================================================================== the pool */

static uint64_t str_hash(const char *s, size_t n) { return src_hash(s, n, 7); }

/* Appends s[0, n) and a NUL to the pool; its offset, or UINT32_MAX (b->err set). */
static uint32_t pool_put(src_tbuild *b, const char *s, size_t n) {
  src_tokens *t = b->t;
  if (b->err) return UINT32_MAX;
  if (t->pool_len + n + 1 > UINT32_MAX) { b->err = 2; return UINT32_MAX; }
  if (src_grow(&t->pool, &b->poolcap, t->pool_len + n + 1, 1)) { b->err = 1; return UINT32_MAX; }
  uint32_t at = (uint32_t)t->pool_len;
  if (n) memcpy(t->pool + at, s, n);
  t->pool[at + n] = '\0';
  t->pool_len += n + 1;
  return at;
}

/* Doubles the table of interned strings and puts every entry back. */
static int rehash(src_tbuild *b) {
  size_t ns = b->nslot ? 2 * b->nslot : 256;
  uint32_t *slot = calloc(ns, sizeof *slot);
  if (!slot) return -1;
  for (size_t i = 0; i < b->nslot; i++) {
    if (!b->slot[i]) continue;
    const char *s = b->t->pool + b->slot[i] - 1;
    size_t h = (size_t)str_hash(s, strlen(s)) & (ns - 1);
    while (slot[h]) h = (h + 1) & (ns - 1);
    slot[h] = b->slot[i];
  }
  free(b->slot);
  b->slot = slot;
  b->nslot = ns;
  return 0;
}

uint32_t src_tb_intern(src_tbuild *b, const char *s, size_t n) {
  if (b->err) return UINT32_MAX;
  if (2 * (b->nused + 1) > b->nslot && rehash(b)) { b->err = 1; return UINT32_MAX; }
  size_t h = (size_t)str_hash(s, n) & (b->nslot - 1);
  for (; b->slot[h]; h = (h + 1) & (b->nslot - 1)) {
    const char *p = b->t->pool + b->slot[h] - 1;
    if (strncmp(p, s, n) == 0 && p[n] == '\0') return b->slot[h] - 1;
  }
  uint32_t at = pool_put(b, s, n);
  if (at == UINT32_MAX || at == UINT32_MAX - 1) { if (!b->err) b->err = 2; return UINT32_MAX; }
  b->slot[h] = at + 1;
  b->nused++;
  return at;
}

uint32_t src_tb_value(src_tbuild *b, const char *s, size_t n, int cp, int xml, size_t *nbad) {
  src_nbuf *v = &b->scratch;
  size_t where;
  v->n = 0;
  v->nomap = 1;
  *nbad = src_decode(v, s, n, 0, cp, xml, &where);
  src_nb_reserve(v, v->n + 1);
  if (v->err) { b->err = v->err; return UINT32_MAX; }
  return src_tb_intern(b, v->s, v->n);
}

uint32_t src_tb_attrs(src_tbuild *b, const src_kvb *kv) {
  if (!kv || !kv->n) return b->noattrs;
  uint32_t first = UINT32_MAX;
  for (size_t i = 0; i < kv->n; i++) {
    uint32_t k = pool_put(b, kv->e[i].key, strlen(kv->e[i].key));
    pool_put(b, kv->e[i].value, strlen(kv->e[i].value));
    if (i == 0) first = k;
  }
  pool_put(b, "", 0);
  return b->err ? UINT32_MAX : first;
}

/* }====================================================================== */

/* {====================================================================== the builder */

int src_tb_init(src_tbuild *b, src_loader *L, const char *const *names, size_t nattr) {
  memset(b, 0, sizeof *b);
  b->L = L;
  if (!(b->t = calloc(1, sizeof *b->t))) return -1;
  b->t->nattr = nattr;
  if (nattr && !(b->t->attr_name = malloc(nattr * sizeof *b->t->attr_name))) return -1;
  b->noattrs = pool_put(b, "", 0);
  for (size_t a = 0; a < nattr; a++) b->t->attr_name[a] = src_tb_intern(b, names[a], strlen(names[a]));
  b->next_sent = 1;
  return b->err ? -1 : 0;
}

static void tokens_free(src_tokens *t) {
  if (!t) return;
  free(t->span);
  free(t->form);
  free(t->sent);
  free(t->attr_name);
  free(t->value);
  free(t->st);
  free(t->pool);
  free(t);
}

void src_tb_free(src_tbuild *b) {
  tokens_free(b->t);
  free(b->slot);
  src_nb_free(&b->scratch);
  memset(b, 0, sizeof *b);
}

void src_tb_sentence(src_tbuild *b) { b->next_sent = 1; }

void src_tb_token(src_tbuild *b, uint32_t start, uint32_t len, const uint32_t *values) {
  src_tokens *t = b->t;
  if (b->err) return;
  if (t->ntok >= UINT32_MAX - 1) { b->err = 2; return; }
  if (src_grow(&t->span, &b->spancap, 2 * (t->ntok + 1), sizeof *t->span) ||
      (t->nattr && src_grow(&t->value, &b->valcap, (t->ntok + 1) * t->nattr, sizeof *t->value))) {
    b->err = 1;
    return;
  }
  if (b->next_sent) {
    if (src_grow(&t->sent, &b->sentcap, t->nsent + 1, sizeof *t->sent)) { b->err = 1; return; }
    t->sent[t->nsent++] = (uint32_t)t->ntok;
    b->next_sent = 0;
  }
  t->span[2 * t->ntok] = start;
  t->span[2 * t->ntok + 1] = len;
  if (t->form) {
    if (src_grow(&t->form, &b->formcap, t->ntok + 1, sizeof *t->form)) { b->err = 1; return; }
    t->form[t->ntok] = UINT32_MAX;
  }
  if (t->nattr) memcpy(t->value + t->ntok * t->nattr, values, t->nattr * sizeof *values);
  t->ntok++;
}

void src_tb_form(src_tbuild *b, uint32_t form) {
  src_tokens *t = b->t;
  if (b->err || !t->ntok) return;
  if (!t->form) {
    if (src_grow(&t->form, &b->formcap, t->ntok, sizeof *t->form)) { b->err = 1; return; }
    for (size_t i = 0; i < t->ntok; i++) t->form[i] = UINT32_MAX;
  }
  t->form[t->ntok - 1] = form;
}

size_t src_tb_open(src_tbuild *b, const char *name, size_t nl, uint32_t attrs) {
  src_tokens *t = b->t;
  if (b->err) return SIZE_MAX;
  uint32_t nm = src_tb_intern(b, name, nl);
  if (b->err || src_grow(&t->st, &b->stcap, t->nst + 1, sizeof *t->st)) {
    if (!b->err) b->err = 1;
    return SIZE_MAX;
  }
  src_struct *s = &t->st[t->nst];
  s->name = nm;
  s->first = s->end = (uint32_t)t->ntok;
  s->attrs = attrs;
  return t->nst++;
}

void src_tb_close(src_tbuild *b, size_t i) {
  if (i < b->t->nst) b->t->st[i].end = (uint32_t)b->t->ntok;
}

/* }====================================================================== */

/* {====================================================================== decoding a field */

int src_attr_name_ok(const char *s, size_t n) {
  if (n == 0 || n > 64) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (!((ch | 32) >= 'a' && (ch | 32) <= 'z') && !(ch >= '0' && ch <= '9') && ch != '_' && ch != '-' &&
        ch != '.')
      return 0;
  }
  return 1;
}

/* The code point of an XML entity at s[0, n) (s[0] == '&'), with its length in *len; 0 when it
** is none of the five named ones nor a numeric one; UINT32_MAX for a numeric one that is no
** character (&#0;, a surrogate, above U+10FFFF). */
static uint32_t entity(const char *s, size_t n, size_t *len) {
  static const struct { const char *name; uint32_t cp; } named[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
  };
  for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
    size_t k = strlen(named[i].name);
    if (n >= k && memcmp(s, named[i].name, k) == 0) { *len = k; return named[i].cp; }
  }
  if (n < 4 || s[1] != '#') return 0;
  int hex = s[2] == 'x' || s[2] == 'X';
  size_t i = hex ? 3 : 2, d0 = i;
  uint64_t cp = 0;
  for (; i < n && i < d0 + 8; i++) {
    int c = (unsigned char)s[i], v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else break;
    cp = cp * (hex ? 16 : 10) + (uint64_t)v;
  }
  if (i == d0 || i >= n || s[i] != ';') return 0;
  *len = i + 1;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return UINT32_MAX;
  return (uint32_t)cp;
}

size_t src_decode(src_nbuf *b, const char *s, size_t n, uint64_t orig, int cp, int xml, size_t *bad) {
  size_t i = 0, run = 0, nbad = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (!(cp && c >= 0x80) && !(xml && c == '&')) { i++; continue; }
    if (i > run) src_nb_put(b, s + run, i - run, orig + run);
    if (c == '&') {
      size_t k = 0;
      uint32_t u = entity(s + i, n - i, &k);
      if (u == 0 || u == UINT32_MAX) {
        if (u == UINT32_MAX && nbad++ == 0 && bad) *bad = i;
        run = i;
        i += u ? k : 1;             /* kept as written */
        continue;
      }
      src_nb_cp(b, u, orig + i);
      i += k;
    } else {
      src_nb_cp(b, src_cp1252(c), orig + i);
      i++;
    }
    run = i;
  }
  if (n > run) src_nb_put(b, s + run, n - run, orig + run);
  return nbad;
}

/* }====================================================================== */

/* {====================================================================== warnings and the end */

void src_tb_warn(src_tbuild *b, uint32_t line, const char *fmt, ...) {
  char msg[768];
  if (b->L->quiet) return;
  if (b->nwarn >= SRC_ANNOT_WARNS) {
    b->more++;
    b->more_line = line;
    return;
  }
  b->nwarn++;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  src_lwarn(b->L, "line %u: %s", line, msg);
}

/* A region and the order it opened in, for a stable sort. */
typedef struct st_key {
  src_struct s;
  size_t i;
} st_key;

static int cmp_st(const void *x, const void *y) {
  const st_key *a = x, *b = y;
  if (a->s.first != b->s.first) return a->s.first < b->s.first ? -1 : 1;
  if (a->s.end != b->s.end) return a->s.end > b->s.end ? -1 : 1;
  return (a->i > b->i) - (a->i < b->i);
}

/* Sorts the regions by first, then by end descending, then as they opened: an empty element
** after a sibling that opened on the same token goes after the longer one. */
static int sort_regions(src_tokens *t) {
  size_t i;
  for (i = 1; i < t->nst; i++)
    if (cmp_st(&(st_key){ t->st[i - 1], 0 }, &(st_key){ t->st[i], 1 }) > 0) break;
  if (i >= t->nst) return 0;                    /* the common case: already in order */
  st_key *k = malloc(t->nst * sizeof *k);
  if (!k) return -1;
  for (i = 0; i < t->nst; i++) k[i] = (st_key){ t->st[i], i };
  qsort(k, t->nst, sizeof *k, cmp_st);
  for (i = 0; i < t->nst; i++) t->st[i] = k[i].s;
  free(k);
  return 0;
}

int src_tb_doc(src_tbuild *b, src_nbuf *text, const src_kvb *meta, src_doc *d) {
  src_loader *L = b->L;
  if (b->more)
    src_lwarn(L, "line %u: %u more warnings in this document, the last on this line", b->more_line,
              b->more);
  if (!b->err && sort_regions(b->t)) b->err = 1;
  int e = b->err ? b->err : src_nb_take(text, d);
  if (e) {
    if (e == 2) src_lwarn(L, "line %u: document larger than 4 GiB once decoded, skipped", d->line);
    src_nb_free(text);
    src_tb_free(b);
    src_doc_free(d);
    return e == 1 ? -1 : 1;
  }
  d->pre = b->t;
  b->t = NULL;
  src_tb_free(b);
  if (src_doc_finish(L, d, 0, meta)) {
    src_doc_free(d);
    return -1;
  }
  return 0;
}

/* }====================================================================== */

int src_reread_result(const src_loader *L, int r, uint32_t line, char *err, size_t errlen) {
  if (r == 0) return 0;
  if (r < 0) snprintf(err, errlen, "out of memory");
  else if (r == 1) snprintf(err, errlen, "%s: document larger than 4 GiB", L->base);
  else if (line) snprintf(err, errlen, "%s#%u: changed since it was indexed", L->base, line);
  else snprintf(err, errlen, "%s: changed since it was indexed", L->base);
  return -1;
}
