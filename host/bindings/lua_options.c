/*
** lua_options.c: the one checker of option tables. A misspelled option must not change an answer
** without a word, so every function that takes an options table (lector.open, C:hits, C:near,
** hits:kwic ...) hands it here with the list of its keys and their types; the Lua half of the API
** (core.lua: C:where, C:find, C:freq{by}) and the scripts' and commands' flag parsers call the
** same code through lector._check_options and lector._nearest, so there is one "did you mean".
*/
#include <stdlib.h>
#include <string.h>

#include "lua_aux.h"

/* How far a name may be from a valid one and still be suggested: one edit for short names, two
** from five characters on (cas -> case, sourc -> source, --frmat -> --format); or the beginning of
** exactly one name (--re -> --rebuild). */
#if !defined(LB_NEAR_SHORT)
#define LB_NEAR_SHORT 4
#endif

/* The optimal-string-alignment distance of a and b (insertions, deletions, substitutions and
** swaps of neighbours cost one), or limit + 1 when it is over limit. */
static size_t distance(const char *a, const char *b, size_t limit) {
  size_t la = strlen(a), lb = strlen(b);
  if ((la > lb ? la - lb : lb - la) > limit || la > 64 || lb > 64) return limit + 1;
  size_t d[65][65];
  for (size_t i = 0; i <= la; i++) d[i][0] = i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = j;
  for (size_t i = 1; i <= la; i++) {
    for (size_t j = 1; j <= lb; j++) {
      size_t cost = a[i - 1] != b[j - 1];
      size_t best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (d[i - 1][j - 1] + cost < best) best = d[i - 1][j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  }
  return d[la][lb];
}

const char *lb_nearest(const char *word, const lb_opt *spec, size_t n) {
  const char *best = NULL, *prefixed = NULL;
  size_t best_d = (size_t)-1, nprefixed = 0, len = strlen(word);
  for (size_t i = 0; n ? i < n : spec[i].name != NULL; i++) {
    const char *name = spec[i].name;
    size_t core = strlen(name) - strspn(name, "-");     /* "--format" is as long as "format" */
    size_t limit = core <= LB_NEAR_SHORT ? 1 : 2;
    size_t d = distance(word, name, limit);
    if (d <= limit && d < best_d) { best = name; best_d = d; }
    if (len - strspn(word, "-") >= 2 && strncmp(name, word, len) == 0) { prefixed = name; nprefixed++; }
  }
  return best ? best : nprefixed == 1 ? prefixed : NULL;   /* else the one name it begins: --re */
}

static const char *const type_names[] = { "any value", "a boolean", "an integer", "a number", "a string",
                                          "a function", "a table" };

static int has_type(lua_State *L, int idx, lb_opt_type t) {
  switch (t) {
    case LB_ANY: return 1;
    case LB_BOOLEAN: return lua_type(L, idx) == LUA_TBOOLEAN;
    case LB_INTEGER: {
      int exact;
      lua_tointegerx(L, idx, &exact);            /* a float converts only when it is whole */
      return lua_type(L, idx) == LUA_TNUMBER && exact;
    }
    case LB_NUMBER: return lua_type(L, idx) == LUA_TNUMBER;
    case LB_STRING: return lua_type(L, idx) == LUA_TSTRING;
    case LB_FUNCTION: return lua_type(L, idx) == LUA_TFUNCTION;
    case LB_TABLE: return lua_type(L, idx) == LUA_TTABLE;
  }
  return 0;
}

/* Raises the message on top of the stack at the position of the function level levels up. */
static int raise_at(lua_State *L, int level) {
  luaL_where(L, level);
  lua_insert(L, -2);
  lua_concat(L, 2);
  return lua_error(L);
}

/* The check itself; what names the keys ("option", or "field" for C:where). */
static void check(lua_State *L, int idx, const char *fname, const char *what, const lb_opt *spec, size_t n,
                  int level) {
  idx = lua_absindex(L, idx);
  if (lua_isnoneornil(L, idx)) return;
  if (!lua_istable(L, idx)) {
    lua_pushfstring(L, "%s: the %ss must be a table, got %s", fname, what, luaL_typename(L, idx));
    raise_at(L, level);
  }
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    size_t i = n;
    if (lua_type(L, -2) == LUA_TSTRING)
      for (i = 0; i < n && strcmp(lua_tostring(L, -2), spec[i].name) != 0; i++) {}
    if (i < n) {
      if (has_type(L, -1, spec[i].type)) continue;
      lua_pushfstring(L, "%s: %s '%s' must be %s, got %s", fname, what, spec[i].name, type_names[spec[i].type],
                      luaL_typename(L, -1));
      raise_at(L, level);
    }
    const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    const char *near = key ? lb_nearest(key, spec, n) : NULL;
    luaL_checkstack(L, (int)n + 8, NULL);
    int top = lua_gettop(L);                      /* key, value */
    lua_pushfstring(L, "%s: unknown %s ", fname, what);
    if (key) lua_pushfstring(L, "'%s'", key);
    else lua_pushfstring(L, "[%s]", luaL_tolstring(L, top - 1, NULL)), lua_remove(L, -2);
    if (near) lua_pushfstring(L, " (did you mean '%s'?)", near);
    else lua_pushstring(L, n ? (n == 1 ? " (the only one: " : " (valid: ") : " (this takes none)");
    for (size_t k = 0; !near && k < n; k++) lua_pushfstring(L, "%s%s", k ? ", " : "", spec[k].name);
    if (!near && n) lua_pushliteral(L, ")");
    lua_concat(L, lua_gettop(L) - top);
    raise_at(L, level);
  }
}

/* The registry table "lector.options": function name -> its spec (a light userdata), so that
** Lua code can check an options table against a C function's keys (C:freq{by = FIELD}). */
void lb_publish_opts(lua_State *L, const char *fname, const lb_opt *spec) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, "lector.options") != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "lector.options");
  }
  if (lua_getfield(L, -1, fname) == LUA_TNIL) {
    lua_pushlightuserdata(L, (void *)spec);
    lua_setfield(L, -3, fname);
  }
  lua_pop(L, 2);
}

static size_t spec_len(const lb_opt *spec) {
  size_t n = 0;
  while (spec[n].name) n++;
  return n;
}

void lb_check_opts(lua_State *L, int idx, const char *fname, const lb_opt *spec) {
  if (lua_isnoneornil(L, idx)) return;
  check(L, idx, fname, "option", spec, spec_len(spec), 1);
}

/* ------------------------------------------------------------------ from Lua */

static int cmp_opt(const void *a, const void *b) {
  return strcmp(((const lb_opt *)a)->name, ((const lb_opt *)b)->name);
}

/* The spec at idx as an array on top of the stack (a userdata, sorted by name, its strings held
** by the table at idx): a list of names (any type) or of {name, ...}, or name -> type name. */
static lb_opt *spec_from_lua(lua_State *L, int idx, size_t *n) {
  static const char *const types[] = { "any", "boolean", "integer", "number", "string", "function", "table", NULL };
  luaL_checktype(L, idx, LUA_TTABLE);
  *n = 0;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) (*n)++;
  lb_opt *spec = lua_newuserdatauv(L, (*n ? *n : 1) * sizeof *spec, 0);
  size_t i = 0;
  for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
    if (lua_type(L, -2) == LUA_TSTRING) {
      spec[i].name = lua_tostring(L, -2);
      spec[i].type = (lb_opt_type)luaL_checkoption(L, -1, NULL, types);
    } else {
      if (lua_istable(L, -1)) lua_rawgeti(L, -1, 1), lua_replace(L, -2);   /* {name, ...}: as the flags */
      luaL_argexpected(L, lua_type(L, -1) == LUA_TSTRING, 3, "a list of names or a table of name = type");
      spec[i].name = lua_tostring(L, -1);
      spec[i].type = LB_ANY;
    }
    i++;
  }
  qsort(spec, *n, sizeof *spec, cmp_opt);
  return spec;
}

/* lector._check_options(opts, fname [, spec [, level [, what]]]): raises unless the table opts
** has only the keys of spec (default: the C function fname's), each of its type; the error is
** raised at level as error() counts it (default 2: the caller of the function that checks). */
static int l_check_options(lua_State *L) {
  const char *fname = luaL_checkstring(L, 2);
  int level = (int)luaL_optinteger(L, 4, 2);
  const char *what = luaL_optstring(L, 5, "option");
  size_t n;
  const lb_opt *spec;
  if (lua_isnoneornil(L, 3)) {
    lua_getfield(L, LUA_REGISTRYINDEX, "lector.options");
    if (!lua_istable(L, -1) || lua_getfield(L, -1, fname) != LUA_TLIGHTUSERDATA)
      return luaL_error(L, "_check_options: no options known for '%s'", fname);
    spec = lua_touserdata(L, -1);
    n = spec_len(spec);
  } else {
    spec = spec_from_lua(L, 3, &n);
  }
  check(L, 1, fname, what, spec, n, level);
  return 0;
}

/* lector._nearest(word, names) -> the name nearest to word, when near enough; else nil */
static int l_nearest(lua_State *L) {
  const char *word = luaL_checkstring(L, 1);
  size_t n;
  const lb_opt *spec = spec_from_lua(L, 2, &n);
  const char *near = n ? lb_nearest(word, spec, n) : NULL;
  if (near) lua_pushstring(L, near); else lua_pushnil(L);
  return 1;
}

/* lector._unknown_flag(flag, flags) -> "unknown option '--frmat' (did you mean '--format'?)", or
** "... (try --help)" when no flag is near: the message of every command-line parser (the commands',
** scripts/lib/cli.lua) */
static int l_unknown_flag(lua_State *L) {
  const char *flag = luaL_checkstring(L, 1);
  l_nearest(L);
  if (lua_isnil(L, -1)) lua_pushfstring(L, "unknown option '%s' (try --help)", flag);
  else lua_pushfstring(L, "unknown option '%s' (did you mean '%s'?)", flag, lua_tostring(L, -1));
  return 1;
}

void lb_open_options(lua_State *L) {
  lua_pushcfunction(L, l_check_options);    /* internal: not registered for help() */
  lua_setfield(L, -2, "_check_options");
  lua_pushcfunction(L, l_nearest);
  lua_setfield(L, -2, "_nearest");
  lua_pushcfunction(L, l_unknown_flag);
  lua_setfield(L, -2, "_unknown_flag");
}
