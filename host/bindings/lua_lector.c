/*
** lua_lector.c: the Lua module "lector" (luaopen_lector), for the host and for stock lua5.4
** (lector.so). It has each binding file register its object (lb_open_doc, lb_open_hits, ...),
** preloads the host's embedded Lua modules, and lets the Lua half of the API
** (host/lua/lector/core.lua) add what is better written in Lua.
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

static void add_token(void *ud, const char *tok, size_t len, size_t offset) {
  lua_State *L = ud;
  lua_pushlstring(L, tok, len);
  lua_rawseti(L, -3, (lua_Integer)luaL_len(L, -3) + 1);
  lua_pushinteger(L, (lua_Integer)offset);
  lua_rawseti(L, -2, (lua_Integer)luaL_len(L, -2) + 1);
}

/* The registry slot of the state's tagger, and the name of its metatable (two keys: the registry
** holds the metatable under its name). */
static const char TAGGER_SLOT[] = "lector.tagger", TAGGER_META[] = "lector.Tagger";

static int tagger_gc(lua_State *L) {
  lector_tagger **p = luaL_checkudata(L, 1, TAGGER_META);
  lector_tagger_free(*p);
  *p = NULL;
  return 0;
}

/* lector.tokenize(text [, lang]) -> list of tokens, list of their byte offsets (from 0) */
static int l_tokenize(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  const char *lang = luaL_optstring(L, 2, NULL);   /* stays at index 2 while in use */
  lua_newtable(L);
  lua_newtable(L);
  lector_tokenize_lang(s, len, lang, add_token, L);
  return 2;
}

/* The state's tagger (made on first use, freed with the state): a userdata in the registry. */
static lector_tagger *state_tagger(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, TAGGER_SLOT) == LUA_TUSERDATA) {
    lector_tagger **p = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return *p;
  }
  lua_pop(L, 1);
  lector_tagger **p = lua_newuserdatauv(L, sizeof *p, 0);
  *p = NULL;
  if (luaL_newmetatable(L, TAGGER_META)) {
    lua_pushcfunction(L, tagger_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  if (!(*p = lector_tagger_new())) luaL_error(L, "lector.tag: out of memory");
  lua_setfield(L, LUA_REGISTRYINDEX, TAGGER_SLOT);
  return *p;
}

/* lector.tag(words) -> pos, xpos, lemmas: the built-in English tagger on one sentence's words */
static int l_tag(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  size_t n = (size_t)luaL_len(L, 1);
  lector_tagger *t = state_tagger(L);
  /* the words and the three results in one block: the strings stay on the stack meanwhile */
  size_t each = sizeof(const char *) * 4 + sizeof(uint32_t) * 2;
  char *block = lua_newuserdatauv(L, n * each + 1, 0);
  const char **word = (const char **)block, **pos = word + n, **xpos = pos + n, **lemma = xpos + n;
  uint32_t *len = (uint32_t *)(lemma + n), *lemma_len = len + n;
  for (size_t i = 0; i < n; i++) {
    lua_rawgeti(L, 1, (lua_Integer)i + 1);
    size_t l;
    if (lua_type(L, -1) != LUA_TSTRING)
      return luaL_error(L, "lector.tag: word %d is a %s, not a string", (int)i + 1, luaL_typename(L, -1));
    word[i] = lua_tolstring(L, -1, &l);
    len[i] = (uint32_t)l;
    lua_pop(L, 1);                     /* the table keeps the string alive */
  }
  if (lector_tag(t, n, word, len, pos, xpos, lemma, lemma_len)) return luaL_error(L, "lector.tag: out of memory");
  for (int k = 0; k < 3; k++) {
    const char **v = k == 0 ? pos : k == 1 ? xpos : lemma;
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
      if (k == 2) lua_pushlstring(L, v[i], lemma_len[i]);
      else lua_pushstring(L, v[i]);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
  }
  return 3;
}

/* Compares dotted version strings numerically: -1, 0, 1. */
static int version_cmp(const char *a, const char *b) {
  while (*a || *b) {
    char *ea, *eb;
    long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
    if (x != y) return x < y ? -1 : 1;
    a = *ea == '.' ? ea + 1 : ea;
    b = *eb == '.' ? eb + 1 : eb;
    if (ea == a && eb == b) break;
  }
  return 0;
}

/* lector.must_be_at_least(version): raises unless this lector is at least that version */
static int l_must_be_at_least(lua_State *L) {
  const char *want = luaL_checkstring(L, 1);
  if (version_cmp(LECTOR_VERSION, want) < 0)
    return luaL_error(L, "this script needs lector %s or newer; this is lector %s", want, LECTOR_VERSION);
  lua_pushboolean(L, 1);
  return 1;
}

static const luaL_Reg module_fns[] = {
  {"tokenize", l_tokenize},
  {"tag", l_tag},
  {"must_be_at_least", l_must_be_at_least},
  {NULL, NULL}
};

int luaopen_lector(lua_State *L) {
  lb_preload_embedded(L);
  lua_newtable(L);
  int mod = lua_gettop(L);
  lb_open_doc(L);
  lb_open_hits(L);
  lb_open_corpus(L);
  lb_open_stats(L);
  lb_open_query(L);
  lb_open_attrs(L);
  lb_open_bulk(L);
  lb_open_parallel(L);
  lb_register(L, module_fns, "lector.");
  lb_open_options(L);
  lua_pushliteral(L, LECTOR_VERSION);
  lua_setfield(L, mod, "version");
  lua_pushinteger(L, LECTOR_VERSION_NUM);
  lua_setfield(L, mod, "version_num");
  lua_getfield(L, LUA_REGISTRYINDEX, "lector.names");  /* Lua-side functions add their names */
  lua_setfield(L, mod, "_names");
  /* the Lua half: core.lua receives the module and the metatables' method tables */
  lua_getglobal(L, "require");
  lua_pushliteral(L, "lector.core");
  lua_call(L, 1, 1);
  lua_pushvalue(L, mod);
  luaL_getmetatable(L, LB_CORPUS);
  lua_getfield(L, -1, "methods");
  lua_replace(L, -2);
  luaL_getmetatable(L, LB_DOC);
  lua_getfield(L, -1, "methods");
  lua_replace(L, -2);
  luaL_getmetatable(L, LB_HITS);
  lua_getfield(L, -1, "methods");
  lua_replace(L, -2);
  lua_call(L, 4, 0);
  lua_settop(L, mod);
  return 1;
}
