/*
** lua_aux.c: what every binding file stands on, so that none of them calls another to exist.
** Registering functions with their qualified names (for help() and doc/api.md), and the Corpus
** handle: making one, checking one, and opening it (at once, or lazily on first use) with the
** warnings and the progress of the build handed to Lua functions.
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

/* ------------------------------------------------------------------ registering */

/* The registry table "lector.names" maps each registered function to its qualified name. */
void lb_register(lua_State *L, const luaL_Reg *fns, const char *prefix) {
  int t = lua_gettop(L);
  if (lua_getfield(L, LUA_REGISTRYINDEX, "lector.names") != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "lector.names");
  }
  int names = lua_gettop(L);
  for (; fns->name; fns++) {
    lua_pushcfunction(L, fns->func);
    lua_pushvalue(L, -1);
    lua_setfield(L, t, fns->name);
    lua_pushfstring(L, "%s%s", prefix, fns->name);
    lua_rawset(L, names);
  }
  lua_settop(L, t);
}

/* Registers fns into the "methods" table of the metatable mt (a binding file that adds methods to
** an object another file made: lb_open_query, lb_open_bulk, lb_open_stats). */
void lb_add_methods(lua_State *L, const char *mt, const luaL_Reg *fns, const char *prefix) {
  luaL_getmetatable(L, mt);
  lua_getfield(L, -1, "methods");
  lb_register(L, fns, prefix);
  lua_pop(L, 2);
}

/* ------------------------------------------------------------------ the Corpus handle */

/* Warnings go to the corpus's own handler (lector.open's opts.warn, kept as the userdata's user
** value LB_UV_WARN), else to the function in the registry slot "lector.warn" (the host's), else to
** io.stderr as "lector: FILE: message"; FILE joins the corpus root and the file's path. */
typedef struct warn_ctx { lua_State *L; const char *root; int corpus_idx; } warn_ctx;

static void lua_warn(void *ud, const char *file, const char *msg) {
  warn_ctx *w = ud;
  lua_State *L = w->L;
  int top = lua_gettop(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, w->root);
  if (file && *file && strcmp(file, w->root) != 0) {   /* a corpus of one file: its warnings name it */
    luaL_addchar(&b, '/');
    luaL_addstring(&b, file);
  }
  luaL_pushresult(&b);
  if (lua_getiuservalue(L, w->corpus_idx, LB_UV_WARN) == LUA_TFUNCTION ||
      (lua_pop(L, 1), lua_getfield(L, LUA_REGISTRYINDEX, "lector.warn") == LUA_TFUNCTION)) {
    lua_pushvalue(L, -2);
    lua_pushstring(L, msg);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) lua_pop(L, 1);
  } else {
    lua_pop(L, 1);
    lua_getglobal(L, "io");
    if (lua_istable(L, -1) && lua_getfield(L, -1, "stderr") == LUA_TUSERDATA &&
        lua_getfield(L, -1, "write") == LUA_TFUNCTION) {
      lua_pushvalue(L, -2);
      lua_pushfstring(L, "lector: %s: %s\n", lua_tostring(L, top + 1), msg);
      if (lua_pcall(L, 2, 0, 0) != LUA_OK) lua_pop(L, 1);
    }
  }
  lua_settop(L, top);
}

/* Progress goes to lector.open's opts.progress (the user value LB_UV_PROGRESS) as a table
** {stage = "reading"|"merging"|"writing"|"done", files_done, files_total, bytes_done, bytes_total}.
** The core calls back from inside lector_open, so an error cannot unwind through it: the first
** one is kept in a stack slot of lb_corpus_open, the function is not called again, and the error
** is raised once the open is over. */
typedef struct progress_ctx { lua_State *L; int corpus_idx, err_slot, failed; } progress_ctx;

static void lua_progress(void *ud, const lector_progress *p) {
  static const char *const stages[] = { "", "reading", "merging", "writing", "done" };
  progress_ctx *pc = ud;
  lua_State *L = pc->L;
  if (pc->failed || !lua_checkstack(L, 4)) return;
  int top = lua_gettop(L);
  lua_getiuservalue(L, pc->corpus_idx, LB_UV_PROGRESS);
  lua_createtable(L, 0, 5);
  lua_pushstring(L, p->stage <= LECTOR_STAGE_DONE ? stages[p->stage] : "");
  lua_setfield(L, -2, "stage");
  lua_pushinteger(L, (lua_Integer)p->files_done);
  lua_setfield(L, -2, "files_done");
  lua_pushinteger(L, (lua_Integer)p->files_total);
  lua_setfield(L, -2, "files_total");
  lua_pushinteger(L, (lua_Integer)p->bytes_done);
  lua_setfield(L, -2, "bytes_done");
  lua_pushinteger(L, (lua_Integer)p->bytes_total);
  lua_setfield(L, -2, "bytes_total");
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
    pc->failed = 1;
    lua_replace(L, pc->err_slot);
  }
  lua_settop(L, top);
}

int lb_corpus_open(lua_State *L, int idx, lb_corpus *cu, char *err, size_t errlen) {
  idx = lua_absindex(L, idx);
  warn_ctx w = { L, cu->path, idx };
  progress_ctx pc = { L, idx, 0, 0 };
  lector_options o = cu->opt;
  if (!o.warn) { o.warn = lua_warn; o.warn_ud = &w; }
  int has_progress = lua_getiuservalue(L, idx, LB_UV_PROGRESS) == LUA_TFUNCTION;
  lua_pop(L, 1);
  if (has_progress) {
    lua_pushnil(L);                  /* the slot for an error of the progress function */
    pc.err_slot = lua_gettop(L);
    o.progress = lua_progress;
    o.progress_ud = &pc;
  }
  int rc = lector_open(cu->path, &o, &cu->c, err, errlen);
  if (pc.failed) {
    lector_close(cu->c);
    cu->c = NULL;
    lua_pushfstring(L, "opts.progress: %s", luaL_tolstring(L, pc.err_slot, NULL));
    lua_error(L);
  }
  if (has_progress) lua_remove(L, pc.err_slot);
  return rc;
}

lb_corpus *lb_corpus_new(lua_State *L, const char *path, const lector_options *o) {
  lb_corpus *cu = lua_newuserdatauv(L, sizeof *cu, LB_CORPUS_UVS);
  memset(cu, 0, sizeof *cu);
  luaL_setmetatable(L, LB_CORPUS);
  cu->path = strdup(path);
  if (!cu->path) luaL_error(L, "out of memory");
  if (o) cu->opt = *o; else lector_options_init(&cu->opt);
  cu->opt.warn = NULL;               /* the Lua handler is installed at open time */
  const char **given[] = { &cu->opt.vrt_attributes, &cu->opt.text_field, &cu->opt.name_fields,
                           &cu->opt.name_sep, &cu->opt.name_pattern };
  for (size_t i = 0; i < sizeof given / sizeof *given; i++) {
    if (!*given[i]) continue;        /* the caller's string may not outlive a lazy open */
    if (!(cu->strings[i] = strdup(*given[i]))) luaL_error(L, "out of memory");
    *given[i] = cu->strings[i];
  }
  return cu;
}

lector_corpus *lb_check_corpus(lua_State *L, int idx) {
  lb_corpus *cu = luaL_checkudata(L, idx, LB_CORPUS);
  if (cu->c) return cu->c;
  if (cu->subset) {
    lua_getiuservalue(L, idx, LB_UV_PARENT);
    lector_corpus *c = lb_check_corpus(L, -1);
    lua_pop(L, 1);
    return c;
  }
  if (cu->closed) luaL_error(L, "the corpus %s is closed", cu->path);
  char err[512];
  if (lb_corpus_open(L, idx, cu, err, sizeof err)) {
    size_t n = strlen(cu->path);             /* "cannot open DIR: why" says DIR once */
    const char *why = strncmp(err, "cannot open ", 12) == 0 && strncmp(err + 12, cu->path, n) == 0 &&
                      strncmp(err + 12 + n, ": ", 2) == 0 ? err + 14 + n : err;
    luaL_error(L, "cannot open corpus %s: %s", cu->path, why);
  }
  return cu->c;
}

const uint8_t *lb_corpus_subset(lua_State *L, int idx) {
  return ((lb_corpus *)luaL_checkudata(L, idx, LB_CORPUS))->subset;
}
