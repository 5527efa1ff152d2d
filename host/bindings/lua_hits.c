/*
** lua_hits.c: hit sets (userdata "lector.Hits") and single hits (plain tables with the metatable
** "lector.Hit"). A hit set holds its matches as two C arrays, so a million hits cost 8 MB and no
** Lua objects until they are looked at; a hit becomes a table only when asked for (hits[i],
** hits:each()). A hit knows its document, token range, byte span, text, sentence and KWIC line.
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

static lb_hits *check_hits(lua_State *L, int idx) { return luaL_checkudata(L, idx, LB_HITS); }

void lb_push_hits(lua_State *L, int corpus_idx, lector_hits *h) {
  corpus_idx = lua_absindex(L, corpus_idx);
  lb_hits *u = lua_newuserdatauv(L, sizeof *u, 1);
  u->h = *h;
  memset(h, 0, sizeof *h);
  luaL_setmetatable(L, LB_HITS);
  lua_pushvalue(L, corpus_idx);
  lua_setiuservalue(L, -2, 1);
}

static int hits_gc(lua_State *L) {
  lector_hits_free(&check_hits(L, 1)->h);
  return 0;
}

static int hits_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)check_hits(L, 1)->h.n);
  return 1;
}

static int hits_tostring(lua_State *L) {
  size_t n = check_hits(L, 1)->h.n;
  lua_pushfstring(L, "%I hit%s", (lua_Integer)n, n == 1 ? "" : "s");
  return 1;
}

/* ------------------------------------------------------------------ one hit */

/* A hit table holds doc, start and stop; byte_start and byte_end are worked out when first read
** (hit_index): a loop over a million hits that looks at positions only does not pay for them. */
void lb_push_hit(lua_State *L, int doc_idx, uint32_t start, uint32_t end) {
  doc_idx = lua_absindex(L, doc_idx);
  lua_createtable(L, 0, 5);
  lua_pushvalue(L, doc_idx); lua_setfield(L, -2, "doc");
  lua_pushinteger(L, start); lua_setfield(L, -2, "start");
  lua_pushinteger(L, end); lua_setfield(L, -2, "stop");
  luaL_setmetatable(L, LB_HIT);
}

static uint32_t field_u32(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  lua_Integer v = luaL_checkinteger(L, -1);
  lua_pop(L, 1);
  return (uint32_t)v;
}

/* Sets hit.byte_start and hit.byte_end of the hit table at idx (from its start and stop). */
void lb_hit_bytes(lua_State *L, int idx) {
  uint32_t start = field_u32(L, idx, "start"), stop = field_u32(L, idx, "stop");
  lua_getfield(L, idx, "doc");
  lector_corpus *c = lb_doc_corpus(L, -1);
  lua_pop(L, 1);
  uint64_t b0, b1, x;
  lector_token_span(c, start, &b0, &x);
  lector_token_span(c, stop, &x, &b1);
  lua_pushinteger(L, (lua_Integer)b0); lua_setfield(L, idx, "byte_start");
  lua_pushinteger(L, (lua_Integer)b1); lua_setfield(L, idx, "byte_end");
}

/* Pushes a Document for the document holding pos, reusing the one at *cache_idx (a stack slot
** or 0) when it is the same document, so that consecutive hits share one cached text. */
static int doc_for(lua_State *L, int corpus_idx, uint32_t pos, int cache_idx) {
  lector_corpus *c = lb_check_corpus(L, corpus_idx);
  uint32_t id = lector_doc_at(c, pos);
  if (cache_idx) {
    lb_doc *d = luaL_testudata(L, cache_idx, LB_DOC);
    if (d && d->id == id) { lua_pushvalue(L, cache_idx); return 1; }
  }
  lb_push_doc(L, corpus_idx, id);
  return 1;
}

static int is_space(char ch) {
  return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Appends s[0..n) to b with runs of whitespace as one space. */
static void add_flat(luaL_Buffer *b, const char *s, size_t n) {
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    if (is_space(ch)) { space = 1; continue; }
    if (space) luaL_addchar(b, ' ');
    space = 0;
    luaL_addchar(b, ch);
  }
}

static void push_flat(lua_State *L, const char *s, size_t n) {
  while (n && is_space(*s)) { s++; n--; }
  while (n && is_space(s[n - 1])) n--;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  add_flat(&b, s, n);
  luaL_pushresult(&b);
}

int lb_push_kwic(lua_State *L, int doc_idx, uint32_t start, uint32_t end, int width) {
  doc_idx = lua_absindex(L, doc_idx);
  lector_corpus *c = lb_doc_corpus(L, doc_idx);
  lector_doc info;
  lector_doc_get(c, lb_check_doc(L, doc_idx)->id, &info);
  const lector_text *t = lb_doc_text(L, doc_idx);
  uint32_t last = info.first + info.ntokens - 1;
  uint32_t l0 = start >= info.first + (uint32_t)width ? start - (uint32_t)width : info.first;
  uint32_t r1 = end + (uint32_t)width <= last ? end + (uint32_t)width : last;
  uint64_t a0, a1, m0, m1, z0, z1, x;
  lector_token_span(c, l0, &a0, &x);
  lector_token_span(c, start, &m0, &x);
  lector_token_span(c, end, &x, &m1);
  lector_token_span(c, r1, &x, &z1);
  (void)a1; (void)z0;
  size_t o_l = lector_text_offset(t, &info, a0), o_m0 = lector_text_offset(t, &info, m0);
  size_t o_m1 = lector_text_offset(t, &info, m1), o_r = lector_text_offset(t, &info, z1);
  push_flat(L, t->text + o_l, o_m0 - o_l);
  push_flat(L, t->text + o_m0, o_m1 - o_m0);
  push_flat(L, t->text + o_m1, o_r > o_m1 ? o_r - o_m1 : 0);
  int spaced = 0;
  if (o_m0 > o_l && is_space(t->text[o_m0 - 1])) spaced |= LB_KWIC_SPACE_BEFORE;
  if (o_r > o_m1 && is_space(t->text[o_m1])) spaced |= LB_KWIC_SPACE_AFTER;
  return spaced;
}

/* hit:kwic([width]) -> left, match, right */
static int hit_kwic(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int width = (int)luaL_optinteger(L, 2, 8);
  luaL_argcheck(L, width >= 0, 2, "width must be >= 0");
  uint32_t start = field_u32(L, 1, "start"), stop = field_u32(L, 1, "stop");
  lua_getfield(L, 1, "doc");
  lb_push_kwic(L, -1, start, stop, width);
  return 3;
}

/* hit.page: the number of the PDF page that holds the hit's first token (the region "page" with
** its attribute "number", format_pdf.c), or nil where there are no pages. */
static int hit_page(lua_State *L) {
  uint32_t start = field_u32(L, 1, "start");
  lua_getfield(L, 1, "doc");
  lector_corpus *c = lb_doc_corpus(L, lua_gettop(L));
  int a = lector_sattr_index(c, "page");
  int64_t r = a < 0 ? -1 : lector_region_at(c, LECTOR_REGION_ATTR + a, start);
  for (size_t k = 0; r >= 0 && k < lector_sattr_nkeys(c, (size_t)a); k++)
    if (strcmp(lector_sattr_key(c, (size_t)a, k), "number") == 0) {
      lua_pushinteger(L, strtol(lector_sattr_value(c, (size_t)a, (uint32_t)r, k), NULL, 10));
      return 1;
    }
  lua_pushnil(L);
  return 1;
}

/* hit.sentence, hit.paragraph, hit.turn: the region holding the hit's first token; hit.page (a
** PDF's); hit.byte_start and hit.byte_end, kept in the table once read */
static int hit_index(lua_State *L) {
  const char *k = luaL_checkstring(L, 2);
  int kind = -1;
  if (strcmp(k, "page") == 0) return hit_page(L);
  if (strcmp(k, "byte_start") == 0 || strcmp(k, "byte_end") == 0) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lb_hit_bytes(L, 1);
    lua_rawget(L, 1);
    return 1;
  }
  if (strcmp(k, "sentence") == 0) kind = LECTOR_REGION_SENTENCE;
  else if (strcmp(k, "paragraph") == 0) kind = LECTOR_REGION_PARAGRAPH;
  else if (strcmp(k, "turn") == 0) kind = LECTOR_REGION_TURN;
  if (kind < 0) {
    luaL_getmetatable(L, LB_HIT);
    lua_getfield(L, -1, "methods");
    lua_getfield(L, -1, k);
    return 1;
  }
  uint32_t start = field_u32(L, 1, "start");
  lua_getfield(L, 1, "doc");
  int doc = lua_gettop(L);
  lector_corpus *c = lb_doc_corpus(L, doc);
  int64_t r = lector_region_at(c, kind, start);
  if (r < 0) { lua_pushnil(L); return 1; }
  uint32_t s, e;
  const char *attr;
  lector_region_get(c, kind, (uint32_t)r, &s, &e, &attr);
  lb_push_span(L, doc, kind, s, e, attr);
  return 1;
}

static int hit_tostring(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_getfield(L, 1, "doc");
  lua_getfield(L, -1, "name");
  lua_pushcfunction(L, hit_kwic);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 6);
  lua_call(L, 2, 3);
  lua_pushfstring(L, "%s: %s [%s] %s", lua_tostring(L, -4), lua_tostring(L, -3), lua_tostring(L, -2),
                  lua_tostring(L, -1));
  return 1;
}

/* ------------------------------------------------------------------ hit sets */

/* A query's @ target goes into the hit table on top as hit.target (a position). */
static void set_target(lua_State *L, const lector_hits *h, size_t i) {
  if (!h->target || h->target[i] == LECTOR_NO_TARGET) return;
  lua_pushinteger(L, h->target[i]);
  lua_setfield(L, -2, "target");
}

/* hits[i] -> the i-th hit (from 1); other keys are methods */
static int hits_index(lua_State *L) {
  lb_hits *u = check_hits(L, 1);
  if (lua_type(L, 2) == LUA_TNUMBER) {
    lua_Integer i = luaL_checkinteger(L, 2);
    if (i < 1 || (size_t)i > u->h.n) return 0;
    lua_getiuservalue(L, 1, 1);
    int corpus = lua_gettop(L);
    doc_for(L, corpus, u->h.start[i - 1], 0);
    lb_push_hit(L, -1, u->h.start[i - 1], u->h.end[i - 1]);
    set_target(L, &u->h, (size_t)i - 1);
    return 1;
  }
  luaL_getmetatable(L, LB_HITS);
  lua_getfield(L, -1, "methods");
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

/* hits:count() -> number of hits */
static int hits_count(lua_State *L) { return hits_len(L); }

/* hits:each() -> iterator of hits, in corpus order */
static int each_iter(lua_State *L) {
  lb_hits *u = check_hits(L, lua_upvalueindex(1));
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
  if ((size_t)i >= u->h.n) return 0;
  lua_pushinteger(L, i + 1);
  lua_replace(L, lua_upvalueindex(2));
  lua_getiuservalue(L, lua_upvalueindex(1), 1);
  doc_for(L, lua_gettop(L), u->h.start[i], lua_upvalueindex(3));
  lua_pushvalue(L, -1);
  lua_replace(L, lua_upvalueindex(3));
  lb_push_hit(L, -1, u->h.start[i], u->h.end[i]);
  set_target(L, &u->h, (size_t)i);
  return 1;
}

static int hits_each(lua_State *L) {
  check_hits(L, 1);
  lua_settop(L, 1);
  lua_pushinteger(L, 0);
  lua_pushnil(L);                    /* the Document of the last hit */
  lua_pushcclosure(L, each_iter, 3);
  return 1;
}

/* Number of UTF-8 characters in s. */
static size_t utf8_chars(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* The last `chars` characters of s (for the left context), or the first (for the right). */
static void push_clip(lua_State *L, const char *s, size_t n, size_t chars, int keep_end) {
  size_t total = utf8_chars(s, n);
  if (total <= chars) { lua_pushlstring(L, s, n); return; }
  size_t skip = total - chars, i = 0, k = 0;
  if (keep_end) {
    while (i < n && k < skip) { i++; while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++; k++; }
    lua_pushfstring(L, "...%s", s + i);
  } else {
    while (i < n && k < chars) { i++; while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++; k++; }
    lua_pushlstring(L, s, i);
    lua_pushliteral(L, "...");
    lua_concat(L, 2);
  }
}

/* hits:kwic([opts]) -> list of lines "left [match] right", left contexts aligned.
** opts: width (context tokens, 8), chars (context characters kept, 40), limit (lines). */
static const lb_opt kwic_opts[] = { {"width", LB_INTEGER}, {"chars", LB_INTEGER}, {"limit", LB_INTEGER},
                                    {NULL, 0} };

static int hits_kwic(lua_State *L) {
  lb_hits *u = check_hits(L, 1);
  int width = 8;
  lua_Integer chars = 40, limit = (lua_Integer)u->h.n;
  if (!lua_isnoneornil(L, 2)) {
    lb_check_opts(L, 2, "hits:kwic", kwic_opts);
    if (lua_getfield(L, 2, "width") != LUA_TNIL) width = (int)luaL_checkinteger(L, -1);
    if (lua_getfield(L, 2, "chars") != LUA_TNIL) chars = luaL_checkinteger(L, -1);
    if (lua_getfield(L, 2, "limit") != LUA_TNIL) limit = luaL_checkinteger(L, -1);
    lua_pop(L, 3);
  }
  luaL_argcheck(L, width >= 0 && chars >= 0, 2, "width and chars must be >= 0");
  if (limit > (lua_Integer)u->h.n) limit = (lua_Integer)u->h.n;
  if (limit < 0) limit = 0;
  lua_settop(L, 1);
  lua_getiuservalue(L, 1, 1);            /* 2: corpus */
  lua_pushnil(L);                        /* 3: last document */
  lua_createtable(L, (int)limit, 0);     /* 4: lefts, then the result */
  lua_createtable(L, (int)limit, 0);     /* 5: rests */
  size_t widest = 0;
  for (lua_Integer i = 0; i < limit; i++) {
    doc_for(L, 2, u->h.start[i], 3);
    lua_replace(L, 3);
    int spaced = lb_push_kwic(L, 3, u->h.start[i], u->h.end[i], width);
    size_t ln, mn, rn;
    const char *left = lua_tolstring(L, -3, &ln);
    const char *match = lua_tolstring(L, -2, &mn);
    const char *right = lua_tolstring(L, -1, &rn);
    push_clip(L, left, ln, (size_t)chars, 1);
    size_t w = utf8_chars(lua_tostring(L, -1), lua_rawlen(L, -1));
    if (w > widest) widest = w;
    lua_rawseti(L, 4, i + 1);
    push_clip(L, right, rn, (size_t)chars, 0);
    lua_pushfstring(L, "%s[%s]%s%s", (spaced & LB_KWIC_SPACE_BEFORE) ? " " : "", match,
                    (spaced & LB_KWIC_SPACE_AFTER) ? " " : "", lua_tostring(L, -1));
    (void)mn;
    lua_rawseti(L, 5, i + 1);
    lua_pop(L, 4);
  }
  for (lua_Integer i = 1; i <= limit; i++) {
    lua_rawgeti(L, 4, i);
    size_t n;
    const char *left = lua_tolstring(L, -1, &n);
    size_t pad = widest - utf8_chars(left, n);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (size_t k = 0; k < pad; k++) luaL_addchar(&b, ' ');
    luaL_addlstring(&b, left, n);
    lua_rawgeti(L, 5, i);
    luaL_addvalue(&b);
    luaL_pushresult(&b);
    lua_rawseti(L, 4, i);
    lua_pop(L, 1);
  }
  lua_settop(L, 4);
  return 1;
}

void lb_push_hit_key(lua_State *L, int corpus_idx, lector_corpus *c, uint32_t start, uint32_t end,
                     const char *field) {
  uint32_t id = lector_doc_at(c, start);
  int form = strcmp(field, "form") == 0, lower = strcmp(field, "lower") == 0;
  int attr = lector_pattr_index(c, field);   /* "lemma", "pos": the match's values */
  (void)corpus_idx;
  if (form || lower || attr >= 0) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (uint32_t p = start; p <= end; p++) {
      size_t len;
      const char *f = attr >= 0 ? lector_pattr_value(c, (size_t)attr, p, &len)
                                : lector_type_form(c, lector_token_type(c, p), &len);
      if (p > start) luaL_addchar(&b, ' ');
      luaL_addlstring(&b, f, len);
    }
    luaL_pushresult(&b);
    if (lower) {
      lua_getglobal(L, "string");
      lua_getfield(L, -1, "lower");
      lua_pushvalue(L, -3);
      lua_call(L, 1, 1);
      lua_replace(L, -3);
      lua_pop(L, 1);
    }
  } else if (strcmp(field, "doc") == 0) {
    lector_doc info;
    lector_doc_get(c, id, &info);
    lua_pushstring(L, info.name);
  } else if (strcmp(field, "year") == 0) {
    lector_doc info;
    lector_doc_get(c, id, &info);
    if (info.year) lua_pushinteger(L, info.year); else lua_pushliteral(L, "");
  } else {
    const char *v = lector_doc_meta(c, id, field);
    lua_pushstring(L, v ? v : "");
  }
}

/* hits:by(field) -> table: value -> number of hits. field: "doc" (name), "year", "form" (the
** matched text as written), "lower" (lower-cased), a positional attribute ("lemma", "pos": the
** match's values, space-separated), or a metadata key. */
static int hits_by(lua_State *L) {
  lb_hits *u = check_hits(L, 1);
  const char *field = luaL_checkstring(L, 2);
  lua_settop(L, 2);
  lua_getiuservalue(L, 1, 1);            /* 3: corpus */
  lector_corpus *c = lb_check_corpus(L, 3);
  lua_newtable(L);                       /* 4: result */
  for (size_t i = 0; i < u->h.n; i++) {
    lb_push_hit_key(L, 3, c, u->h.start[i], u->h.end[i], field);
    lua_pushvalue(L, -1);
    lua_rawget(L, 4);
    lua_Integer n = lua_tointeger(L, -1);
    lua_pop(L, 1);
    lua_pushinteger(L, n + 1);
    lua_rawset(L, 4);
  }
  return 1;
}

/* hits:docs() -> list of the Documents that have hits, in corpus order */
static int hits_docs(lua_State *L) {
  lb_hits *u = check_hits(L, 1);
  lua_settop(L, 1);
  lua_getiuservalue(L, 1, 1);
  lector_corpus *c = lb_check_corpus(L, 2);
  lua_newtable(L);
  int64_t last = -1;
  lua_Integer k = 0;
  for (size_t i = 0; i < u->h.n; i++) {
    uint32_t id = lector_doc_at(c, u->h.start[i]);
    if ((int64_t)id == last) continue;
    last = id;
    lb_push_doc(L, 2, id);
    lua_rawseti(L, 3, ++k);
  }
  return 1;
}

/* hits:spans() -> two lists: start and stop positions (for hot loops without hit tables) */
static int hits_spans(lua_State *L) {
  lb_hits *u = check_hits(L, 1);
  lua_createtable(L, (int)u->h.n, 0);
  lua_createtable(L, (int)u->h.n, 0);
  for (size_t i = 0; i < u->h.n; i++) {
    lua_pushinteger(L, u->h.start[i]);
    lua_rawseti(L, -3, (lua_Integer)i + 1);
    lua_pushinteger(L, u->h.end[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 2;
}

static const luaL_Reg hits_methods[] = {
  {"count", hits_count},
  {"each", hits_each},
  {"kwic", hits_kwic},
  {"by", hits_by},
  {"docs", hits_docs},
  {"spans", hits_spans},
  {NULL, NULL}
};

static const luaL_Reg hits_meta[] = {
  {"__index", hits_index},
  {"__len", hits_len},
  {"__tostring", hits_tostring},
  {"__gc", hits_gc},
  {NULL, NULL}
};

static const luaL_Reg hit_methods[] = {
  {"kwic", hit_kwic},
  {NULL, NULL}
};

int lb_open_hits(lua_State *L) {
  if (luaL_newmetatable(L, LB_HITS)) {
    luaL_setfuncs(L, hits_meta, 0);
    lua_newtable(L);
    lb_register(L, hits_methods, "Hits:");
    lua_setfield(L, -2, "methods");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, LB_HIT)) {
    lua_pushcfunction(L, hit_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, hit_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_newtable(L);
    lb_register(L, hit_methods, "Hit:");
    /* a hit's text and tokens are those of its span */
    luaL_getmetatable(L, LB_SPAN);
    lua_getfield(L, -1, "__index");
    lua_getfield(L, -1, "text");
    lua_setfield(L, -4, "text");
    lua_getfield(L, -1, "tokens");
    lua_setfield(L, -4, "tokens");
    lua_pop(L, 2);
    lua_setfield(L, -2, "methods");
  }
  lua_pop(L, 1);
  return 0;
}
