/*
** lua_stats.c: frequency lists, collocates, n-grams and keywords as Corpus methods. stats.c
** counts; this file turns the counts into the association scores analysts compare (logDice,
** MI, t-score, log-likelihood, log ratio), ranks them, and hands back plain tables of rows.
**
** The scores use the usual contingency table of a word y against the node's windows: O11 is
** how often y occurs in the windows, W the number of tokens in the windows, f(y) y's frequency
** in scope and N the tokens in scope; the expected O11 is W * f(y) / N.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

/* ------------------------------------------------------------------ options and rows */

typedef struct stats_opts {
  lector_scope scope;
  uint8_t *docs;             /* owned; freed by opts_free */
  int words;                 /* leave punctuation out */
  lua_Integer min, limit;
} stats_opts;

/* The keys of each method's options: the scope's, and their own. */
#define STATS_OPTS LB_SCOPE_OPTS, {"words", LB_BOOLEAN}, {"min", LB_INTEGER}, {"by", LB_STRING}
static const lb_opt freq_opts[] = { STATS_OPTS, {NULL, 0} };
static const lb_opt ngrams_opts[] = { STATS_OPTS, {NULL, 0} };
static const lb_opt keywords_opts[] = { STATS_OPTS, {NULL, 0} };
static const lb_opt near_opts[] = { STATS_OPTS, {"window", LB_INTEGER}, {"left", LB_INTEGER}, {"right", LB_INTEGER},
  {"sentence", LB_BOOLEAN}, {"measure", LB_STRING}, {NULL, 0} };

/* Reads the options shared by every method here: those of C:count (case, docs, boilerplate),
** `words` (default true), `min` and `limit`. */
static void read_opts(lua_State *L, int opts, stats_opts *o, lua_Integer min_default) {
  if (opts && lua_isnoneornil(L, opts)) opts = 0;
  lb_scope_from_opts(L, opts, 1, &o->scope, &o->docs);
  o->words = 1;
  o->min = min_default;
  o->limit = 0;
  if (!opts) return;
  if (lua_getfield(L, opts, "words") != LUA_TNIL) o->words = lua_toboolean(L, -1);
  if (lua_getfield(L, opts, "min") != LUA_TNIL) o->min = luaL_checkinteger(L, -1);
  if (lua_getfield(L, opts, "limit") != LUA_TNIL) o->limit = luaL_checkinteger(L, -1);
  if (lua_getfield(L, opts, "by") != LUA_TNIL)
    o->scope.how = lb_attr_class(L, lb_check_corpus(L, 1), luaL_checkstring(L, -1), o->scope.how, "by");
  lua_pop(L, 4);
}

/* A row to rank: a class (or an n-gram's index) and the score it is ranked by. */
typedef struct ranked { uint32_t id; double score; uint64_t tie; } ranked;

static int cmp_ranked(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  if (x->tie != y->tie) return x->tie > y->tie ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;   /* ids follow the forms' byte order */
}

static void *xcalloc(lua_State *L, size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p) luaL_error(L, "out of memory");
  return p;
}

static void push_form(lua_State *L, lector_corpus *c, int how, uint32_t id) {
  size_t len;
  const char *s = lector_class_form(c, how, id, &len);
  lua_pushlstring(L, s, len);
}

static void set_num(lua_State *L, const char *k, double v) {
  lua_pushnumber(L, v);
  lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, uint64_t v) {
  lua_pushinteger(L, (lua_Integer)v);
  lua_setfield(L, -2, k);
}

/* 2 * sum of O ln(O/E) over a 2x2 table given by its first row and its margins */
static double log_likelihood(double o11, double r1, double c1, double n) {
  double o[4] = { o11, r1 - o11, c1 - o11, n - r1 - c1 + o11 };
  double e[4] = { r1 * c1 / n, r1 * (n - c1) / n, (n - r1) * c1 / n, (n - r1) * (n - c1) / n };
  double g = 0;
  for (int i = 0; i < 4; i++) if (o[i] > 0 && e[i] > 0) g += o[i] * log(o[i] / e[i]);
  return 2 * g;
}

/* ------------------------------------------------------------------ C:freq */

/* C:freq([opts]) -> rows {form, count}, tokens: the frequency list of the scope */
static int corpus_freq(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  stats_opts o;
  lb_check_opts(L, 2, "C:freq", freq_opts);
  read_opts(L, lua_isnoneornil(L, 2) ? 0 : 2, &o, 1);
  int how = o.scope.how;
  uint32_t nc = lector_nclasses(c, how);
  uint64_t *counts = xcalloc(L, nc, sizeof *counts);
  uint64_t total = lector_class_counts(c, &o.scope, counts);
  ranked *r = calloc(nc ? nc : 1, sizeof *r);
  size_t n = 0;
  for (uint32_t k = 0; r && k < nc; k++) {
    if (counts[k] == 0 || (lua_Integer)counts[k] < o.min) continue;
    if (o.words && !lector_class_is_word(c, how, k)) continue;
    r[n++] = (ranked){ k, (double)counts[k], 0 };
  }
  free(o.docs);
  if (!r) { free(counts); return luaL_error(L, "out of memory"); }
  qsort(r, n, sizeof *r, cmp_ranked);
  if (o.limit > 0 && (size_t)o.limit < n) n = (size_t)o.limit;
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 2);
    push_form(L, c, how, r[i].id);
    lua_setfield(L, -2, "form");
    set_int(L, "count", counts[r[i].id]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  free(r);
  free(counts);
  lua_pushinteger(L, (lua_Integer)total);
  return 2;
}

/* ------------------------------------------------------------------ C:near (collocates) */

static const char *const measures[] = { "logdice", "mi", "t", "ll", "freq", NULL };
enum { M_LOGDICE, M_MI, M_T, M_LL, M_FREQ };

/* The node: a word or phrase (searched with the scope's options) or a Hits; fills h. */
static void node_hits(lua_State *L, lector_corpus *c, int idx, const lector_scope *s, lector_hits *h) {
  lector_hits_init(h);
  if (lua_type(L, idx) == LUA_TSTRING) {
    size_t len;
    const char *text = lua_tolstring(L, idx, &len);
    char err[256];
    lector_scope all = *s;
    all.limit = 0;
    if (lector_search(c, text, len, &all, h, err, sizeof err) < 0) {
      lector_hits_free(h);
      luaL_error(L, "near: %s", err);
    }
    return;
  }
  lb_hits *u = luaL_testudata(L, idx, LB_HITS);
  luaL_argexpected(L, u != NULL, idx, "a word, a phrase or a Hits");
  for (size_t i = 0; i < u->h.n; i++) {
    if (lector_hits_push(h, u->h.start[i], u->h.end[i])) {
      lector_hits_free(h);
      luaL_error(L, "out of memory");
    }
  }
}

/* C:near(node [, opts]) -> rows {form, cooc, freq, logdice, mi, t, ll}, node count */
static int corpus_near(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  int opts = lua_isnoneornil(L, 3) ? 0 : 3;
  stats_opts o;
  lb_check_opts(L, 3, "C:near", near_opts);
  read_opts(L, opts, &o, 2);
  lector_window win = { 5, 5, 1 };
  int measure = M_LOGDICE;
  if (opts) {
    if (lua_getfield(L, opts, "window") != LUA_TNIL) win.left = win.right = (int)luaL_checkinteger(L, -1);
    if (lua_getfield(L, opts, "left") != LUA_TNIL) win.left = (int)luaL_checkinteger(L, -1);
    if (lua_getfield(L, opts, "right") != LUA_TNIL) win.right = (int)luaL_checkinteger(L, -1);
    if (lua_getfield(L, opts, "sentence") != LUA_TNIL) win.within_sentence = lua_toboolean(L, -1);
    lua_pop(L, 4);
    if (lua_getfield(L, opts, "measure") != LUA_TNIL) measure = luaL_checkoption(L, -1, NULL, measures);
    lua_pop(L, 1);
  }
  if (win.left < 0 || win.right < 0) {
    free(o.docs);
    return luaL_error(L, "near: the window cannot be negative");
  }
  if (o.limit == 0) o.limit = 20;
  int how = o.scope.how;
  lector_hits node;
  node_hits(L, c, 2, &o.scope, &node);
  uint32_t nc = lector_nclasses(c, how);
  uint64_t *cooc = calloc(nc ? nc : 1, sizeof *cooc), *freq = calloc(nc ? nc : 1, sizeof *freq);
  ranked *r = calloc(nc ? nc : 1, sizeof *r);
  double *score = calloc(nc ? (size_t)nc * 4 : 4, sizeof *score);
  if (!cooc || !freq || !r || !score) {
    free(cooc); free(freq); free(r); free(score); free(o.docs); lector_hits_free(&node);
    return luaL_error(L, "out of memory");
  }
  double nn = (double)lector_class_counts(c, &o.scope, freq);
  double w = (double)lector_cooccurrences(c, &node, &win, &o.scope, cooc);
  double fx = (double)node.n;
  size_t n = 0;
  for (uint32_t k = 0; k < nc; k++) {
    if (cooc[k] == 0 || (lua_Integer)cooc[k] < o.min) continue;
    if (o.words && !lector_class_is_word(c, how, k)) continue;
    double oxy = (double)cooc[k], fy = (double)freq[k], e = w * fy / nn;
    double *sc = score + (size_t)k * 4;
    sc[M_LOGDICE] = 14 + log2(2 * oxy / (fx + fy));
    sc[M_MI] = log2(oxy / e);
    sc[M_T] = (oxy - e) / sqrt(oxy);
    sc[M_LL] = log_likelihood(oxy, w, fy, nn);
    r[n++] = (ranked){ k, measure == M_FREQ ? oxy : sc[measure], cooc[k] };
  }
  qsort(r, n, sizeof *r, cmp_ranked);
  if (o.limit > 0 && (size_t)o.limit < n) n = (size_t)o.limit;
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    uint32_t k = r[i].id;
    const double *sc = score + (size_t)k * 4;
    lua_createtable(L, 0, 7);
    push_form(L, c, how, k);
    lua_setfield(L, -2, "form");
    set_int(L, "cooc", cooc[k]);
    set_int(L, "freq", freq[k]);
    set_num(L, "logdice", sc[M_LOGDICE]);
    set_num(L, "mi", sc[M_MI]);
    set_num(L, "t", sc[M_T]);
    set_num(L, "ll", sc[M_LL]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushinteger(L, (lua_Integer)node.n);
  free(cooc); free(freq); free(r); free(score); free(o.docs);
  lector_hits_free(&node);
  return 2;
}

/* ------------------------------------------------------------------ C:ngrams */

/* C:ngrams(n [, opts]) -> rows {form, count} */
static int corpus_ngrams(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  lua_Integer len = luaL_checkinteger(L, 2);
  luaL_argcheck(L, len >= 1 && len <= LECTOR_NGRAM_MAX, 2, "n must be from 1 to 8");
  stats_opts o;
  lb_check_opts(L, 3, "C:ngrams", ngrams_opts);
  read_opts(L, lua_isnoneornil(L, 3) ? 0 : 3, &o, 2);
  lector_ngram_list g;
  int rc = lector_ngrams(c, (int)len, o.words, &o.scope, &g);
  free(o.docs);
  if (rc) return luaL_error(L, "out of memory");
  size_t n = 0;                         /* the list is ranked already: count, then forms */
  while (n < g.len && (lua_Integer)g.count[n] >= o.min) n++;
  if (o.limit > 0 && (size_t)o.limit < n) n = (size_t)o.limit;
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    const uint32_t *ids = g.ids + i * (size_t)len;
    lua_createtable(L, 0, 2);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (lua_Integer k = 0; k < len; k++) {
      size_t fl;
      const char *f = lector_class_form(c, o.scope.how, ids[k], &fl);
      if (k) luaL_addchar(&b, ' ');
      luaL_addlstring(&b, f, fl);
    }
    luaL_pushresult(&b);
    lua_setfield(L, -2, "form");
    set_int(L, "count", g.count[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lector_ngram_list_free(&g);
  return 1;
}

/* ------------------------------------------------------------------ C:keywords */

/* A scope over the documents of a list (the value at idx), with the options of o otherwise. */
static uint8_t *docs_of(lua_State *L, int idx, const stats_opts *o, lector_scope *s) {
  lua_createtable(L, 0, 1);
  lua_pushvalue(L, idx);
  lua_setfield(L, -2, "docs");
  uint8_t *docs;
  lector_scope tmp;
  lb_scope_from_opts(L, lua_gettop(L), 1, &tmp, &docs);
  lua_pop(L, 1);
  *s = o->scope;
  s->docs = docs;
  return docs;
}

/* C:keywords(docs [, reference [, opts]]) -> rows {form, a, b, ll, log_ratio}: the words more
** frequent in the documents docs than in the reference documents (default: all the others) */
static int corpus_keywords(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  luaL_checkany(L, 2);
  stats_opts o;
  lb_check_opts(L, 4, "C:keywords", keywords_opts);
  read_opts(L, lua_isnoneornil(L, 4) ? 0 : 4, &o, 3);
  if (o.limit == 0) o.limit = 20;
  free(o.docs);
  o.docs = NULL;
  o.scope.docs = NULL;
  lector_scope sa, sb;
  uint8_t *da = docs_of(L, 2, &o, &sa), *db;
  if (lua_isnoneornil(L, 3)) {                 /* the others of this (sub)corpus */
    uint32_t nd = lector_ndocs(c);
    const uint8_t *keep = lb_corpus_subset(L, 1);
    db = xcalloc(L, nd, 1);
    for (uint32_t i = 0; i < nd; i++) db[i] = !da[i] && (!keep || keep[i]);
    sb = o.scope;
    sb.docs = db;
  } else {
    db = docs_of(L, 3, &o, &sb);
  }
  int how = o.scope.how;
  uint32_t nc = lector_nclasses(c, how);
  uint64_t *a = calloc(nc ? nc : 1, sizeof *a), *b = calloc(nc ? nc : 1, sizeof *b);
  ranked *r = calloc(nc ? nc : 1, sizeof *r);
  if (!a || !b || !r) {
    free(a); free(b); free(r); free(da); free(db);
    return luaL_error(L, "out of memory");
  }
  double na = (double)lector_class_counts(c, &sa, a), nb = (double)lector_class_counts(c, &sb, b);
  free(da); free(db);
  size_t n = 0;
  for (uint32_t k = 0; k < nc && na > 0; k++) {
    if ((lua_Integer)a[k] < o.min || a[k] == 0) continue;
    if (nb > 0 && (double)a[k] / na <= (double)b[k] / nb) continue;   /* not more frequent in A */
    if (o.words && !lector_class_is_word(c, how, k)) continue;
    double ll = log_likelihood((double)a[k], na, (double)(a[k] + b[k]), na + nb);
    r[n++] = (ranked){ k, ll, a[k] };
  }
  qsort(r, n, sizeof *r, cmp_ranked);
  if (o.limit > 0 && (size_t)o.limit < n) n = (size_t)o.limit;
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    uint32_t k = r[i].id;
    lua_createtable(L, 0, 5);
    push_form(L, c, how, k);
    lua_setfield(L, -2, "form");
    set_int(L, "a", a[k]);
    set_int(L, "b", b[k]);
    set_num(L, "ll", r[i].score);
    /* relative frequencies' ratio, with half a token where B has none (Hardie's log ratio) */
    double pb = nb > 0 ? ((double)b[k] > 0 ? (double)b[k] : 0.5) / nb : 0;
    set_num(L, "log_ratio", pb > 0 ? log2(((double)a[k] / na) / pb) : HUGE_VAL);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  free(a); free(b); free(r);
  return 1;
}

/* ------------------------------------------------------------------ registration */

static const luaL_Reg stats_methods[] = {
  {"freq", corpus_freq},
  {"near", corpus_near},
  {"ngrams", corpus_ngrams},
  {"keywords", corpus_keywords},
  {NULL, NULL}
};

/* Adds the methods above to the Corpus methods (after lb_open_corpus). */
int lb_open_stats(lua_State *L) {
  lb_add_methods(L, LB_CORPUS, stats_methods, "Corpus:");
  lb_publish_opts(L, "C:freq", freq_opts);           /* for C:freq{by = FIELD} in core.lua */
  return 0;
}
