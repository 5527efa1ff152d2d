/*
** lua_doc.c: the Document object of the Lua API (userdata "lector.Document"), and the spans
** (sentences, paragraphs, speaker turns: plain tables with the metatable "lector.Span").
** A Document keeps its corpus alive through its user value, and caches its text once read, so
** that hits, spans and d:locate() in the same document share one read of the file.
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

/* ------------------------------------------------------------------ the object */

void lb_push_doc(lua_State *L, int corpus_idx, uint32_t id) {
  corpus_idx = lua_absindex(L, corpus_idx);
  lb_doc *d = lua_newuserdatauv(L, sizeof *d, 1);
  memset(d, 0, sizeof *d);
  d->id = id;
  luaL_setmetatable(L, LB_DOC);
  lua_pushvalue(L, corpus_idx);
  lua_setiuservalue(L, -2, 1);
}

lb_doc *lb_check_doc(lua_State *L, int idx) { return luaL_checkudata(L, idx, LB_DOC); }

lector_corpus *lb_doc_corpus(lua_State *L, int idx) {
  lb_check_doc(L, idx);
  lua_getiuservalue(L, idx, 1);
  lector_corpus *c = lb_check_corpus(L, -1);
  lua_pop(L, 1);
  return c;
}

static int doc_gc(lua_State *L) {
  lb_doc *d = lb_check_doc(L, 1);
  if (d->has_text) lector_text_free(&d->text);
  d->has_text = 0;
  return 0;
}

const lector_text *lb_doc_text(lua_State *L, int idx) {
  lb_doc *d = lb_check_doc(L, idx);
  if (!d->has_text) {
    lector_corpus *c = lb_doc_corpus(L, idx);
    char err[512];
    if (lector_doc_text(c, d->id, &d->text, err, sizeof err)) luaL_error(L, "%s", err);
    d->has_text = 1;
  }
  return &d->text;
}

/* d:text() -> the document's text (normalized UTF-8) */
static int doc_text(lua_State *L) {
  const lector_text *t = lb_doc_text(L, 1);
  lua_pushlstring(L, t->text, t->len);
  return 1;
}

static void push_meta(lua_State *L, lector_corpus *c, const lector_doc *info) {
  lua_createtable(L, 0, (int)info->nmeta);
  for (uint32_t k = 0; k < info->nmeta; k++) {
    const char *key, *value;
    lector_doc_meta_at(c, info->id, k, &key, &value);
    lua_pushstring(L, value);
    lua_setfield(L, -2, key);
  }
}

/* Fields: id name path line title date year meta tokens first last bytes; else methods. */
static int doc_index(lua_State *L) {
  lb_doc *d = lb_check_doc(L, 1);
  const char *k = lua_tostring(L, 2);
  if (k) {
    lector_corpus *c = lb_doc_corpus(L, 1);
    lector_doc info;
    lector_doc_get(c, d->id, &info);
    if (strcmp(k, "id") == 0) { lua_pushinteger(L, (lua_Integer)d->id + 1); return 1; }
    if (strcmp(k, "name") == 0) { lua_pushstring(L, info.name); return 1; }
    if (strcmp(k, "path") == 0) { lua_pushstring(L, info.path); return 1; }
    if (strcmp(k, "line") == 0) { if (info.line) lua_pushinteger(L, info.line); else lua_pushnil(L); return 1; }
    if (strcmp(k, "title") == 0) { lua_pushstring(L, info.title); return 1; }
    if (strcmp(k, "date") == 0) { lua_pushstring(L, info.date); return 1; }
    if (strcmp(k, "year") == 0) { if (info.year) lua_pushinteger(L, info.year); else lua_pushnil(L); return 1; }
    if (strcmp(k, "tokens") == 0) { lua_pushinteger(L, info.ntokens); return 1; }
    if (strcmp(k, "first") == 0) { lua_pushinteger(L, info.first); return 1; }
    if (strcmp(k, "last") == 0) { lua_pushinteger(L, (lua_Integer)info.first + info.ntokens - 1); return 1; }
    if (strcmp(k, "bytes") == 0) { lua_pushinteger(L, (lua_Integer)info.byte_len); return 1; }
    if (strcmp(k, "corpus") == 0) { lua_getiuservalue(L, 1, 1); return 1; }
    if (strcmp(k, "meta") == 0) { push_meta(L, c, &info); return 1; }
  }
  luaL_getmetatable(L, LB_DOC);
  lua_getfield(L, -1, "methods");
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

static int doc_tostring(lua_State *L) {
  lb_doc *d = lb_check_doc(L, 1);
  lector_doc info;
  lector_doc_get(lb_doc_corpus(L, 1), d->id, &info);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  lua_pushfstring(L, "document %d %s", (int)d->id + 1, info.name);
  luaL_addvalue(&b);
  if (info.date) { luaL_addchar(&b, ' '); luaL_addstring(&b, info.date); }
  if (info.title) { lua_pushfstring(L, " \"%s\"", info.title); luaL_addvalue(&b); }
  lua_pushfstring(L, " (%d tokens)", (int)info.ntokens);
  luaL_addvalue(&b);
  luaL_pushresult(&b);
  return 1;
}

static int doc_eq(lua_State *L) {
  lb_doc *a = luaL_testudata(L, 1, LB_DOC), *b = luaL_testudata(L, 2, LB_DOC);
  if (!a || !b || a->id != b->id) { lua_pushboolean(L, 0); return 1; }
  lua_getiuservalue(L, 1, 1);
  lua_getiuservalue(L, 2, 1);
  lua_pushboolean(L, lua_rawequal(L, -1, -2));
  return 1;
}

/* ------------------------------------------------------------------ spans */

static const char *const kind_names[] = { "document", "paragraph", "sentence", "turn", "boilerplate" };

/* A span: {doc=, kind=, start=, stop=, byte_start=, byte_end=[, speaker=]}, stop inclusive. */
void lb_push_span(lua_State *L, int doc_idx, int kind, uint32_t start, uint32_t end, const char *attr) {
  doc_idx = lua_absindex(L, doc_idx);
  lector_corpus *c = lb_doc_corpus(L, doc_idx);
  uint64_t b0, b1, x0, x1;
  lector_token_span(c, start, &b0, &x0);
  lector_token_span(c, end - 1, &x1, &b1);
  (void)x0; (void)x1;
  lua_createtable(L, 0, 7);
  lua_pushvalue(L, doc_idx); lua_setfield(L, -2, "doc");
  lua_pushstring(L, kind_names[kind]); lua_setfield(L, -2, "kind");
  lua_pushinteger(L, start); lua_setfield(L, -2, "start");
  lua_pushinteger(L, (lua_Integer)end - 1); lua_setfield(L, -2, "stop");
  lua_pushinteger(L, (lua_Integer)b0); lua_setfield(L, -2, "byte_start");
  lua_pushinteger(L, (lua_Integer)b1); lua_setfield(L, -2, "byte_end");
  if (attr && kind == LECTOR_REGION_TURN) { lua_pushstring(L, attr); lua_setfield(L, -2, "speaker"); }
  luaL_setmetatable(L, LB_SPAN);
}

/* The iterator behind d:sentences(), d:paragraphs(), d:turns(): upvalues doc, kind, next index. */
static int spans_iter(lua_State *L) {
  lector_corpus *c = lb_doc_corpus(L, lua_upvalueindex(1));
  lb_doc *d = lb_check_doc(L, lua_upvalueindex(1));
  int kind = (int)lua_tointeger(L, lua_upvalueindex(2));
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));
  lector_doc info;
  lector_doc_get(c, d->id, &info);
  if (i >= (lua_Integer)lector_region_count(c, kind)) return 0;
  uint32_t s, e;
  const char *attr;
  lector_region_get(c, kind, (uint32_t)i, &s, &e, &attr);
  if (s >= info.first + info.ntokens) return 0;
  lua_pushinteger(L, i + 1);
  lua_replace(L, lua_upvalueindex(3));
  lb_push_span(L, lua_upvalueindex(1), kind, s, e, attr);
  return 1;
}

static int push_spans_iter(lua_State *L, int kind) {
  lb_doc *d = lb_check_doc(L, 1);
  lector_corpus *c = lb_doc_corpus(L, 1);
  lector_doc info;
  lector_doc_get(c, d->id, &info);
  lua_settop(L, 1);
  lua_pushinteger(L, kind);
  lua_pushinteger(L, info.ntokens ? lector_region_from(c, kind, info.first) : lector_region_count(c, kind));
  lua_pushcclosure(L, spans_iter, 3);
  return 1;
}

static int doc_sentences(lua_State *L) { return push_spans_iter(L, LECTOR_REGION_SENTENCE); }
static int doc_paragraphs(lua_State *L) { return push_spans_iter(L, LECTOR_REGION_PARAGRAPH); }
static int doc_turns(lua_State *L) { return push_spans_iter(L, LECTOR_REGION_TURN); }
static int doc_boilerplate(lua_State *L) { return push_spans_iter(L, LECTOR_REGION_BOILERPLATE); }

/* d:words([first [, last]]) -> list of the token forms (positions relative to the document,
** 1-based, as in string.sub) */
static int doc_words(lua_State *L) {
  lb_doc *d = lb_check_doc(L, 1);
  lector_corpus *c = lb_doc_corpus(L, 1);
  lector_doc info;
  lector_doc_get(c, d->id, &info);
  lua_Integer n = info.ntokens;
  lua_Integer i = luaL_optinteger(L, 2, 1), j = luaL_optinteger(L, 3, n);
  if (i < 1) i = 1;
  if (j > n) j = n;
  lua_createtable(L, i <= j ? (int)(j - i + 1) : 0, 0);
  for (lua_Integer k = i; k <= j; k++) {
    size_t len;
    const char *f = lector_type_form(c, lector_token_type(c, info.first + (uint32_t)(k - 1)), &len);
    lua_pushlstring(L, f, len);
    lua_rawseti(L, -2, k - i + 1);
  }
  return 1;
}

/* Binary search: the first token of the document whose span ends after file offset off. */
static uint32_t token_ending_after(lector_corpus *c, const lector_doc *info, uint64_t off) {
  uint32_t lo = 0, hi = info->ntokens;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    uint64_t b0, b1;
    lector_token_span(c, info->first + mid, &b0, &b1);
    if (b1 <= off) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* d:locate(a, b) -> start, stop: the corpus positions of the tokens that overlap the bytes
** [a, b) of d:text() (offsets from 0), or nil when no token does. */
static int doc_locate(lua_State *L) {
  lb_doc *d = lb_check_doc(L, 1);
  lector_corpus *c = lb_doc_corpus(L, 1);
  lua_Integer a = luaL_checkinteger(L, 2), b = luaL_checkinteger(L, 3);
  luaL_argcheck(L, a >= 0 && b >= a, 3, "expected 0 <= a <= b");
  lector_doc info;
  lector_doc_get(c, d->id, &info);
  const lector_text *t = lb_doc_text(L, 1);
  /* text offsets to file offsets: the spans are stored in file bytes */
  if ((size_t)b > t->len) b = (lua_Integer)t->len;
  if (a > b) a = b;
  uint64_t fa = lector_file_offset(t, &info, (size_t)a), fb = lector_file_offset(t, &info, (size_t)b);
  uint32_t i = token_ending_after(c, &info, fa);
  if (i >= info.ntokens) { luaL_pushfail(L); return 1; }
  uint64_t b0, b1;
  lector_token_span(c, info.first + i, &b0, &b1);
  if (b0 >= fb && !(a == b && b0 == fb)) { luaL_pushfail(L); return 1; }
  uint32_t j = token_ending_after(c, &info, fb > 0 ? fb - 1 : 0);
  if (j >= info.ntokens) j = info.ntokens - 1;
  lector_token_span(c, info.first + j, &b0, &b1);
  if (b0 >= fb && j > i) j--;
  lua_pushinteger(L, info.first + i);
  lua_pushinteger(L, info.first + j);
  return 2;
}

/* d:text_offset(byte) -> the offset in d:text() of a byte offset of the file (a span's or hit's
** byte_start or byte_end), and d:file_offset(i) -> back. They differ where the file was CR LF,
** Windows-1252, had a BOM, or is a .jsonl line with escapes. Both clamp to the document. */
static int map_offset(lua_State *L, int to_text) {
  lb_doc *d = lb_check_doc(L, 1);
  lua_Integer off = luaL_checkinteger(L, 2);
  lector_doc info;
  lector_doc_get(lb_doc_corpus(L, 1), d->id, &info);
  const lector_text *t = lb_doc_text(L, 1);
  if (off < 0) off = 0;
  lua_pushinteger(L, to_text ? (lua_Integer)lector_text_offset(t, &info, (uint64_t)off)
                             : (lua_Integer)lector_file_offset(t, &info, (size_t)off));
  return 1;
}

static int doc_text_offset(lua_State *L) { return map_offset(L, 1); }
static int doc_file_offset(lua_State *L) { return map_offset(L, 0); }

/* ------------------------------------------------------------------ span methods */

static uint32_t field_u32(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  lua_Integer v = luaL_checkinteger(L, -1);
  lua_pop(L, 1);
  return (uint32_t)v;
}

/* span:text() / hit:text(): the text of the tokens [start, stop] of span.doc */
static int span_text(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  uint32_t start = field_u32(L, 1, "start"), stop = field_u32(L, 1, "stop");
  lua_getfield(L, 1, "doc");
  int doc = lua_gettop(L);
  lb_check_doc(L, doc);
  lector_corpus *c = lb_doc_corpus(L, doc);
  lector_doc info;
  lector_doc_get(c, lb_check_doc(L, doc)->id, &info);
  if (stop < start || start < info.first || stop >= info.first + info.ntokens)
    return luaL_error(L, "text: span [%d, %d] is not inside document %d", (int)start, (int)stop, (int)info.id + 1);
  const lector_text *t = lb_doc_text(L, doc);
  uint64_t b0, b1, x;
  lector_token_span(c, start, &b0, &x);
  lector_token_span(c, stop, &x, &b1);
  size_t o0 = lector_text_offset(t, &info, b0), o1 = lector_text_offset(t, &info, b1);
  lua_pushlstring(L, t->text + o0, o1 > o0 ? o1 - o0 : 0);
  return 1;
}

/* span:tokens([attribute]) -> list of the forms (or of an attribute's values) of its tokens */
static int span_tokens(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  uint32_t start = field_u32(L, 1, "start"), stop = field_u32(L, 1, "stop");
  const char *attr = luaL_optstring(L, 2, "word");
  lua_getfield(L, 1, "doc");
  lector_corpus *c = lb_doc_corpus(L, -1);
  luaL_argcheck(L, stop >= start && (uint64_t)stop < lector_ntokens(c), 1, "bad span");
  int how = lb_attr_class(L, c, attr, -1, "span:tokens");
  lua_createtable(L, (int)(stop - start + 1), 0);
  for (uint32_t p = start; p <= stop; p++) {
    size_t len;
    const char *f = how < 0 ? lector_type_form(c, lector_token_type(c, p), &len)
                            : lector_pattr_value(c, (size_t)(how - LECTOR_CLASS_ATTR), p, &len);
    lua_pushlstring(L, f, len);
    lua_rawseti(L, -2, p - start + 1);
  }
  return 1;
}

static int span_tostring(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_getfield(L, 1, "kind");
  lua_pushcfunction(L, span_text);
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1);
  lua_pushfstring(L, "%s: %s", lua_tostring(L, -2), lua_tostring(L, -1));
  return 1;
}

static const luaL_Reg span_methods[] = {
  {"text", span_text},
  {"tokens", span_tokens},
  {NULL, NULL}
};

static const luaL_Reg doc_methods[] = {
  {"text", doc_text},
  {"sentences", doc_sentences},
  {"paragraphs", doc_paragraphs},
  {"turns", doc_turns},
  {"boilerplate", doc_boilerplate},
  {"words", doc_words},
  {"locate", doc_locate},
  {"text_offset", doc_text_offset},
  {"file_offset", doc_file_offset},
  {NULL, NULL}
};

static const luaL_Reg doc_meta[] = {
  {"__index", doc_index},
  {"__tostring", doc_tostring},
  {"__eq", doc_eq},
  {"__gc", doc_gc},
  {NULL, NULL}
};

int lb_open_doc(lua_State *L) {
  if (luaL_newmetatable(L, LB_DOC)) {
    luaL_setfuncs(L, doc_meta, 0);
    lua_newtable(L);
    lb_register(L, doc_methods, "Document:");
    lua_setfield(L, -2, "methods");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, LB_SPAN)) {
    lua_newtable(L);
    lb_register(L, span_methods, "Span:");
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, span_tostring);
    lua_setfield(L, -2, "__tostring");
  }
  lua_pop(L, 1);
  return 0;
}
