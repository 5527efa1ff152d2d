/*
** lua_bulk.c: bulk functions for the hot loops of analyses found through the index, one call per
** list instead of one per hit: the sentences of hits (hits:sentences()), the sentences holding a
** list of corpus positions (C:sentences_at), and the texts of many token ranges (C:texts).
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

/* The region kind named by the optional string at idx: "sentence" (default), "paragraph", "turn". */
static int kind_arg(lua_State *L, int idx) {
  static const char *const names[] = { "sentence", "paragraph", "turn", NULL };
  static const int kinds[] = { LECTOR_REGION_SENTENCE, LECTOR_REGION_PARAGRAPH, LECTOR_REGION_TURN };
  return kinds[luaL_checkoption(L, idx, "sentence", names)];
}

/* ------------------------------------------------------------------ hits:sentences() */

/* hits:sentences([kind]) -> starts, stops: for each hit, the first and last position of the
** sentence (or paragraph, turn) that holds its first token; a hit outside any gives its own. */
static int hits_sentences(lua_State *L) {
  lb_hits *u = luaL_checkudata(L, 1, LB_HITS);
  int kind = kind_arg(L, 2);
  lua_getiuservalue(L, 1, 1);
  lector_corpus *c = lb_check_corpus(L, -1);
  lua_pop(L, 1);
  lua_createtable(L, (int)u->h.n, 0);
  lua_createtable(L, (int)u->h.n, 0);
  int64_t last = -1;
  uint32_t s = 0, e = 0;
  for (size_t i = 0; i < u->h.n; i++) {
    uint32_t p = u->h.start[i];
    if (last < 0 || p < s || p >= e) {            /* hits are sorted: most share the last one */
      last = lector_region_at(c, kind, p);
      if (last >= 0) lector_region_get(c, kind, (uint32_t)last, &s, &e, NULL);
    }
    lua_pushinteger(L, last >= 0 ? s : p);
    lua_rawseti(L, -3, (lua_Integer)i + 1);
    lua_pushinteger(L, last >= 0 ? (lua_Integer)e - 1 : (lua_Integer)u->h.end[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 2;
}

/* ------------------------------------------------------------------ C:sentences_at(positions) */

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* C:sentences_at(positions [, kind]) -> spans, numbers: the sentences (or paragraphs, turns)
** holding any of the positions, each once, in corpus order, as the spans d:sentences() gives (the
** spans of one document share one Document, so its text is read once); numbers[i] is span i's
** number in its document (1 for its first sentence). Positions outside the corpus, in no region,
** or in a document a subcorpus leaves out are skipped; the list need not be sorted. */
static int corpus_sentences_at(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  int kind = kind_arg(L, 3);
  lua_settop(L, 2);
  const uint8_t *keep = lb_corpus_subset(L, 1);
  lua_Integer n = luaL_len(L, 2);
  uint64_t ntok = lector_ntokens(c);
  uint32_t *pos = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *pos, 0);   /* slot 3 */
  size_t m = 0;
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 2, i);
    int isnum;
    lua_Integer p = lua_tointegerx(L, -1, &isnum);
    lua_pop(L, 1);
    if (!isnum) return luaL_error(L, "sentences_at: position %d is not an integer", (int)i);
    if (p >= 0 && (uint64_t)p < ntok) pos[m++] = (uint32_t)p;
  }
  qsort(pos, m, sizeof *pos, cmp_u32);
  lua_newtable(L);                                /* 4: spans */
  lua_newtable(L);                                /* 5: numbers */
  lua_pushnil(L);                                 /* 6: the Document of the last span */
  int64_t doc = -1;
  uint32_t doc_first_region = 0, s = 0, e = 0;
  int have = 0;                                   /* s, e: the region last looked at */
  lua_Integer k = 0;
  for (size_t i = 0; i < m; i++) {
    if (have && pos[i] >= s && pos[i] < e) continue;          /* in the region just looked at */
    int64_t r = lector_region_at(c, kind, pos[i]);
    if (r < 0) continue;
    const char *attr;
    lector_region_get(c, kind, (uint32_t)r, &s, &e, &attr);
    have = 1;
    uint32_t d = lector_doc_at(c, s);
    if (keep && !keep[d]) continue;
    if ((int64_t)d != doc) {
      lector_doc info;
      lector_doc_get(c, d, &info);
      doc = d;
      doc_first_region = lector_region_from(c, kind, info.first);
      lb_push_doc(L, 1, d);
      lua_replace(L, 6);
    }
    lb_push_span(L, 6, kind, s, e, attr);
    lua_rawseti(L, 4, ++k);
    lua_pushinteger(L, (lua_Integer)r - doc_first_region + 1);
    lua_rawseti(L, 5, k);
  }
  lua_pop(L, 1);
  return 2;
}

/* ------------------------------------------------------------------ C:texts(starts, stops) */

/* The texts of documents as C:texts reads them: one at a time, freed by __gc if an error jumps. */
typedef struct text_box { int64_t doc; lector_doc info; lector_text t; } text_box;

static int text_box_gc(lua_State *L) {
  text_box *b = lua_touserdata(L, 1);
  lector_text_free(&b->t);
  b->doc = -1;
  return 0;
}

/* C:texts(starts, stops [, opts]) -> list of strings: the text of tokens [starts[i], stops[i]]
** (stop included, both in one document) as written, as span:text() gives it; opts.flat: runs of
** white space as one space, and none at the ends. Each document is read once while the ranges
** go in corpus order. */
static int corpus_texts(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  luaL_checktype(L, 3, LUA_TTABLE);
  int flat = 0;
  if (!lua_isnoneornil(L, 4)) {
    static const lb_opt texts_opts[] = { {"flat", LB_BOOLEAN}, {NULL, 0} };
    lb_check_opts(L, 4, "C:texts", texts_opts);
    flat = lua_getfield(L, 4, "flat") != LUA_TNIL && lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  lua_settop(L, 3);
  lua_Integer n = luaL_len(L, 2);
  luaL_argcheck(L, luaL_len(L, 3) == n, 3, "starts and stops differ in length");
  uint64_t ntok = lector_ntokens(c);
  text_box *box = lua_newuserdatauv(L, sizeof *box, 0);      /* 4 */
  memset(box, 0, sizeof *box);
  box->doc = -1;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, text_box_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, 4);
  lua_createtable(L, (int)n, 0);                  /* 5: the result */
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 2, i);
    lua_geti(L, 3, i);
    int ok1, ok2;
    lua_Integer s = lua_tointegerx(L, -2, &ok1), e = lua_tointegerx(L, -1, &ok2);
    lua_pop(L, 2);
    if (!ok1 || !ok2 || s < 0 || e < s || (uint64_t)e >= ntok || lector_doc_at(c, (uint32_t)s) != lector_doc_at(c, (uint32_t)e))
      return luaL_error(L, "texts: range %d is not a token range inside one document", (int)i);
    uint32_t d = lector_doc_at(c, (uint32_t)s);
    if ((int64_t)d != box->doc) {
      lector_text_free(&box->t);
      box->doc = -1;
      char err[512];
      if (lector_doc_text(c, d, &box->t, err, sizeof err)) return luaL_error(L, "%s", err);
      box->doc = d;
      lector_doc_get(c, d, &box->info);
    }
    uint64_t b0, b1, x;
    lector_token_span(c, (uint32_t)s, &b0, &x);
    lector_token_span(c, (uint32_t)e, &x, &b1);
    size_t o0 = lector_text_offset(&box->t, &box->info, b0), o1 = lector_text_offset(&box->t, &box->info, b1);
    const char *txt = box->t.text + o0;
    size_t len = o1 > o0 ? o1 - o0 : 0;
    if (!flat) lua_pushlstring(L, txt, len);
    else {
      luaL_Buffer b;
      luaL_buffinit(L, &b);
      int space = 0, any = 0;
      for (size_t j = 0; j < len; j++) {
        char ch = txt[j];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') { space = 1; continue; }
        if (space && any) luaL_addchar(&b, ' ');
        space = 0;
        any = 1;
        luaL_addchar(&b, ch);
      }
      luaL_pushresult(&b);
    }
    lua_rawseti(L, 5, i);
  }
  lector_text_free(&box->t);
  box->doc = -1;
  return 1;
}

/* ------------------------------------------------------------------ registration */

static const luaL_Reg corpus_bulk[] = {
  {"sentences_at", corpus_sentences_at},
  {"texts", corpus_texts},
  {NULL, NULL}
};

static const luaL_Reg hits_bulk[] = {
  {"sentences", hits_sentences},
  {NULL, NULL}
};

/* Adds the functions above to the Corpus and Hits methods (after lb_open_corpus, lb_open_hits). */
int lb_open_bulk(lua_State *L) {
  lb_add_methods(L, LB_CORPUS, corpus_bulk, "Corpus:");
  lb_add_methods(L, LB_HITS, hits_bulk, "Hits:");
  return 0;
}
