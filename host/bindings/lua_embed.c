/*
** lua_embed.c: makes the embedded Lua modules (host/lua/) loadable with require, through
** package.preload. Setting LECTOR_LUA_DIR to a folder laid out like host/lua/ loads the modules
** from there instead, so that a developer can change them without rebuilding.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"
#include "lua_embed.h"

static int load_embedded(lua_State *L) {
  const lb_embedded *m = lua_touserdata(L, lua_upvalueindex(1));
  const char *dir = getenv("LECTOR_LUA_DIR");
  int status;
  if (dir && *dir) {
    const char *rel = m->path + strlen("host/lua/");
    lua_pushfstring(L, "%s/%s", dir, rel);
    status = luaL_loadfilex(L, lua_tostring(L, -1), "t");
    lua_remove(L, -2);
  } else {
    lua_pushfstring(L, "@%s", m->path);
    status = luaL_loadbufferx(L, m->src, m->len, lua_tostring(L, -1), "t");
    lua_remove(L, -2);
  }
  if (status != LUA_OK) return lua_error(L);
  lua_pushstring(L, m->name);
  lua_call(L, 1, 1);
  return 1;
}

void lb_preload_embedded(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  for (const lb_embedded *m = lb_embedded_modules; m->name; m++) {
    lua_pushlightuserdata(L, (void *)m);
    lua_pushcclosure(L, load_embedded, 1);
    lua_setfield(L, -2, m->name);
  }
  lua_pop(L, 1);
}
