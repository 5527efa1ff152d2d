/*
** repl.c: the interactive loop (lector repl). A placeholder until the REPL lands: it reads
** lines from standard input and runs each as a chunk, printing the values of expressions.
*/
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "host.h"

int host_repl(lua_State *L, char **argv, int argc, int first) {
  (void)argv; (void)argc; (void)first;
  char line[4096];
  int failed = 0;
  while (fgets(line, sizeof line, stdin)) {
    const char *ret = lua_pushfstring(L, "return %s", line);
    int status = luaL_loadbuffer(L, ret, strlen(ret), "=stdin");
    lua_remove(L, -2);
    if (status != LUA_OK) {
      lua_pop(L, 1);
      status = luaL_loadbuffer(L, line, strlen(line), "=stdin");
    }
    int base = lua_gettop(L);
    if (status == LUA_OK) status = host_docall(L, 0, LUA_MULTRET);
    if (status != LUA_OK) {
      fprintf(stderr, "lector: %s\n", lua_tostring(L, -1));
      lua_settop(L, 0);
      failed = 1;
      continue;
    }
    int n = lua_gettop(L) - base + 1;
    for (int i = 0; i < n; i++) {
      printf("%s%s", i ? "\t" : "", luaL_tolstring(L, base + i, NULL));
      lua_pop(L, 1);
    }
    if (n > 0) printf("\n");
    lua_settop(L, 0);
  }
  return failed;
}
