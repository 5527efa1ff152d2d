/*
** lua_attrs.c: the attributes of tokens besides the word form, from Lua: C:attributes() (which
** there are), C:token(position) (a token with all its values: word, lemma, pos, xpos ...),
** C:export (the corpus as VRT or CoNLL-U, export.c), and
** lb_attr_class, which the statistics use for `by = "lemma"` (frequency lists, collocations and
** keywords by lemma or by part of speech).
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

/* The names of the positional attributes, "word" first, comma-separated, into b (for messages). */
static void attr_list(lector_corpus *c, luaL_Buffer *b) {
  luaL_addstring(b, "word");
  for (size_t i = 0; i < lector_pattr_count(c); i++) {
    luaL_addstring(b, ", ");
    luaL_addstring(b, lector_pattr_name(c, i));
  }
}

int lb_attr_class(lua_State *L, lector_corpus *c, const char *name, int how, const char *what) {
  if (strcmp(name, "word") == 0) return how;
  int k = lector_pattr_index(c, name);
  if (k >= 0) return LECTOR_CLASS_ATTR + k;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  lua_pushfstring(L, "%s: unknown attribute '%s' (this corpus has ", what, name);
  luaL_addvalue(&b);
  attr_list(c, &b);
  luaL_addstring(&b, lector_annotated(c) || lector_pattr_count(c) ? ")"
                     : "; `lector index --annotate` adds lemma, pos and xpos)");
  luaL_pushresult(&b);
  return lua_error(L);
}

/* C:attributes() -> {positional = {"word", ...}, structural = {name = {keys}, ...}, annotated} */
static int corpus_attributes(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  lua_createtable(L, 0, 3);
  lua_createtable(L, (int)lector_pattr_count(c) + 1, 0);
  lua_pushliteral(L, "word");
  lua_rawseti(L, -2, 1);
  for (size_t i = 0; i < lector_pattr_count(c); i++) {
    lua_pushstring(L, lector_pattr_name(c, i));
    lua_rawseti(L, -2, (lua_Integer)i + 2);
  }
  lua_setfield(L, -2, "positional");
  lua_createtable(L, 0, (int)lector_sattr_count(c));
  for (size_t i = 0; i < lector_sattr_count(c); i++) {
    lua_createtable(L, (int)lector_sattr_nkeys(c, i), 0);
    for (size_t k = 0; k < lector_sattr_nkeys(c, i); k++) {
      lua_pushstring(L, lector_sattr_key(c, i, k));
      lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    lua_setfield(L, -2, lector_sattr_name(c, i));
  }
  lua_setfield(L, -2, "structural");
  lua_pushboolean(L, lector_annotated(c));
  lua_setfield(L, -2, "annotated");
  return 1;
}

/* C:token(position) -> {position, word, lemma, pos, ...} | nil (past the end) */
static int corpus_token(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  lua_Integer p = luaL_checkinteger(L, 2);
  if (p < 0 || (uint64_t)p >= lector_ntokens(c)) { luaL_pushfail(L); return 1; }
  uint32_t pos = (uint32_t)p;
  lua_createtable(L, 0, 2 + (int)lector_pattr_count(c));
  lua_pushinteger(L, p);
  lua_setfield(L, -2, "position");
  size_t len;
  const char *w = lector_type_form(c, lector_token_type(c, pos), &len);
  lua_pushlstring(L, w, len);
  lua_setfield(L, -2, "word");
  for (size_t i = 0; i < lector_pattr_count(c); i++) {
    const char *v = lector_pattr_value(c, i, pos, &len);
    lua_pushlstring(L, v, len);
    lua_setfield(L, -2, lector_pattr_name(c, i));
  }
  return 1;
}

/* Calls the function at fn with s[0..n) (the writer of C:export). */
static void write_out(lua_State *L, int fn, char *s, size_t n) {
  lua_pushvalue(L, fn);
  lua_pushlstring(L, s, n);
  free(s);
  lua_call(L, 1, 0);
}

/* C:export(format [, write]): the corpus (or subcorpus) as "vrt" or "conllu", given piece by
** piece to write (a function of a string; default io.write) */
static int corpus_export(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  static const char *const formats[] = { "vrt", "conllu", NULL };
  int format = luaL_checkoption(L, 2, NULL, formats);
  if (lua_isnoneornil(L, 3)) {
    lua_settop(L, 2);
    lua_getglobal(L, "io");
    lua_getfield(L, -1, "write");
    lua_replace(L, 3);
  }
  luaL_checktype(L, 3, LUA_TFUNCTION);
  lua_settop(L, 3);
  const uint8_t *keep = lb_corpus_subset(L, 1);
  char *s, err[512];
  size_t n;
  if (lector_export_header(c, format, &s, &n)) return luaL_error(L, "out of memory");
  write_out(L, 3, s, n);
  for (uint32_t d = 0; d < lector_ndocs(c); d++) {
    if (keep && !keep[d]) continue;
    if (lector_export_doc(c, d, format, &s, &n, err, sizeof err)) return luaL_error(L, "export: %s", err);
    write_out(L, 3, s, n);
  }
  return 0;
}

static const luaL_Reg corpus_fns[] = {
  {"attributes", corpus_attributes},
  {"token", corpus_token},
  {"export", corpus_export},
  {NULL, NULL}
};

int lb_open_attrs(lua_State *L) {
  luaL_getmetatable(L, LB_CORPUS);
  lua_getfield(L, -1, "methods");
  lb_register(L, corpus_fns, "Corpus:");
  lua_pop(L, 2);
  return 0;
}
