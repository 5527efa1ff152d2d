/*
** docall.c: running Lua code for the command line and the REPL: a traceback on error, as lua.c
** gives, and Ctrl-C turned into the Lua error "interrupted!" while a chunk runs, so that the REPL
** keeps its session and a script stops cleanly. main.c, repl.c and sandbox.c all call through it.
*/
#include <signal.h>
#include <stddef.h>

#include <lua.h>
#include <lauxlib.h>

#include "host.h"

static lua_State *running_state = NULL;
static int debug_errors;                   /* --debug: errors shown with their traceback */

int host_debug(void) { return debug_errors; }
void host_set_debug(int on) { debug_errors = on; }

static void stop_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  lua_sethook(L, NULL, 0, 0);
  luaL_error(L, "interrupted!");
}

/* On Ctrl-C while Lua runs: the next Lua instruction raises "interrupted!". A second Ctrl-C
** before that happens kills the process the usual way. */
static void on_sigint(int sig) {
  signal(sig, SIG_DFL);
  if (running_state)
    lua_sethook(running_state, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
}

static int msghandler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* Calls the function below narg arguments on the stack, with a traceback on error and Ctrl-C
** turned into a Lua error meanwhile. */
int host_docall(lua_State *L, int narg, int nres) {
  int base = lua_gettop(L) - narg;
  lua_pushcfunction(L, msghandler);
  lua_insert(L, base);
  running_state = L;
  void (*old)(int) = signal(SIGINT, on_sigint);
  int status = lua_pcall(L, narg, nres, base);
  signal(SIGINT, old);
  running_state = NULL;
  lua_remove(L, base);
  return status;
}
