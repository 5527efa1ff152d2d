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
  lb_register(L, module_fns, "lector.");
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
