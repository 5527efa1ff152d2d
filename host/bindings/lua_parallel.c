/*
** lua_parallel.c: C:map(items, "module.function" [, opts]), an analysis on every core.
**
** Lua runs one thread per state, so the work goes to worker states: each is a fresh Lua state
** with the standard libraries, the host's preloaded C modules (lpeg) and lector, reading the same
** open corpus (the C core is safe for concurrent readers, see lector.h) through a borrowed Corpus.
** A worker requires the module, then takes items one at a time from a shared counter (documents
** differ a hundredfold in length, so fixed shares would leave a core idle) and calls
** fn(corpus, item, args...). The results come back in the order of the items, whichever worker
** made them, so the output is the one a single thread gives. Values cross between states by copy:
** nil, booleans, numbers, strings, tables (shared and cyclic ones kept so), the corpus, its
** documents, and hit and span tables; anything else (a function, a file) is an error naming it.
**
** With one thread, or fewer than two items, the calls are made in the caller's own state: no state
** is made and nothing is copied. So they are while the host runs sandboxed code or profiles
** (LB_MAP_HERE): a worker's state would have the whole standard library and no limits, and
** the profiler samples one state.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lualib.h>

#include "lua_aux.h"

#define MAP_MAX_THREADS 64
#define MAP_MAX_DEPTH 100

/* ------------------------------------------------------------------ copying between states */

/* Where a copy stands: the states, the Corpus of each (absolute indices), and in the state copied
** to a table of the copies made, keyed by the address of their original (a light userdata): shared
** and cyclic tables stay so, and nothing is allocated in the state copied from, which a worker
** reads while its owner waits. */
typedef struct copy_ctx {
  lua_State *from, *to;
  int from_corpus, to_corpus;
  int to_seen;
  lector_corpus *c;
  const char *what;              /* "an item", "a result": for messages */
} copy_ctx;

/* The name of the lector metatable of the table or userdata at idx of L ("lector.Hit"...), or
** NULL when it has none of them. */
static const char *lector_meta(lua_State *L, int idx) {
  static const char *const names[] = { LB_HIT, LB_SPAN, LB_DOC, LB_CORPUS, LB_HITS, NULL };
  if (!lua_getmetatable(L, idx)) return NULL;
  const char *found = NULL;
  for (int i = 0; names[i] && !found; i++) {
    luaL_getmetatable(L, names[i]);
    if (lua_rawequal(L, -1, -2)) found = names[i];
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return found;
}

static void copy_value(copy_ctx *k, int idx, int depth);

/* The corpus of the document at idx of L (through the subcorpora it was taken from), or NULL;
** raises nothing, as L may be another state than the one a copy raises in. */
static lector_corpus *doc_corpus(lua_State *L, int idx) {
  lua_getiuservalue(L, idx, 1);
  for (int hops = 0; hops < 64; hops++) {
    lb_corpus *cu = luaL_testudata(L, -1, LB_CORPUS);
    if (!cu || cu->c || !cu->subset) {
      lua_pop(L, 1);
      return cu ? cu->c : NULL;
    }
    lua_getiuservalue(L, -1, LB_UV_PARENT);
    lua_remove(L, -2);
  }
  lua_pop(L, 1);
  return NULL;
}

/* Pushes onto k->to the copy already made of the table or document at idx of k->from, and
** returns 1; or returns 0 when there is none yet. */
static int copied_before(copy_ctx *k, int idx) {
  if (lua_rawgetp(k->to, k->to_seen, lua_topointer(k->from, idx)) != LUA_TNIL) return 1;
  lua_pop(k->to, 1);
  return 0;
}

/* Remembers the value on top of k->to as the copy of the one at idx of k->from. */
static void remember_copy(copy_ctx *k, int idx) {
  lua_pushvalue(k->to, -1);
  lua_rawsetp(k->to, k->to_seen, lua_topointer(k->from, idx));
}

/* Copies the table at idx of k->from onto k->to. */
static void copy_table(copy_ctx *k, int idx, int depth) {
  lua_State *F = k->from, *T = k->to;
  if (copied_before(k, idx)) return;                     /* the same copy: shared and cyclic tables */
  const char *meta = NULL;
  if (lua_getmetatable(F, idx)) {
    lua_pop(F, 1);
    if (!(meta = lector_meta(F, idx)))
      luaL_error(T, "C:map: %s holds a table with a metatable of its own, which cannot be copied "
                 "between states", k->what);
  }
  if (depth > MAP_MAX_DEPTH) luaL_error(T, "C:map: %s holds tables nested over %d deep", k->what, MAP_MAX_DEPTH);
  lua_newtable(T);
  remember_copy(k, idx);
  int t = lua_gettop(T);
  for (lua_pushnil(F); lua_next(F, idx); lua_pop(F, 1)) {
    copy_value(k, lua_gettop(F) - 1, depth + 1);        /* the key */
    copy_value(k, lua_gettop(F), depth + 1);            /* the value */
    lua_rawset(T, t);
  }
  if (meta) luaL_setmetatable(T, meta);
}

/* Pushes onto k->to a copy of the value at idx of k->from (an absolute index), or raises in k->to. */
static void copy_value(copy_ctx *k, int idx, int depth) {
  lua_State *F = k->from, *T = k->to;
  luaL_checkstack(T, 8, "C:map: values nested too deep");
  if (!lua_checkstack(F, 8)) luaL_error(T, "C:map: values nested too deep");
  switch (lua_type(F, idx)) {
  case LUA_TNIL: lua_pushnil(T); return;
  case LUA_TBOOLEAN: lua_pushboolean(T, lua_toboolean(F, idx)); return;
  case LUA_TNUMBER:
    if (lua_isinteger(F, idx)) lua_pushinteger(T, lua_tointeger(F, idx));
    else lua_pushnumber(T, lua_tonumber(F, idx));
    return;
  case LUA_TSTRING: {
    size_t len;
    const char *s = lua_tolstring(F, idx, &len);       /* a string: converts nothing */
    lua_pushlstring(T, s, len);
    return;
  }
  case LUA_TTABLE: copy_table(k, idx, depth); return;
  case LUA_TUSERDATA: {
    const char *meta = lector_meta(F, idx);
    if (meta && strcmp(meta, LB_CORPUS) == 0 && lua_rawequal(F, idx, k->from_corpus)) { lua_pushvalue(T, k->to_corpus); return; }
    if (meta && strcmp(meta, LB_DOC) == 0) {
      if (doc_corpus(F, idx) != k->c) luaL_error(T, "C:map: %s holds a document of another corpus", k->what);
      /* one copy per Document, as for tables: the spans of a document share it, and its text is
      ** read once */
      if (copied_before(k, idx)) return;
      lb_push_doc(T, k->to_corpus, ((lb_doc *)lua_touserdata(F, idx))->id);
      remember_copy(k, idx);
      return;
    }
    luaL_error(T, "C:map: %s holds a %s, which cannot be copied between states", k->what,
               meta ? meta : "userdata");
    return;
  }
  default:
    luaL_error(T, "C:map: %s holds a %s, which cannot be copied between states", k->what,
               lua_typename(F, lua_type(F, idx)));
  }
}

/* ------------------------------------------------------------------ the workers */

typedef struct map_shared {
  atomic_size_t next;            /* the next item to take (from 0) */
  atomic_int failed;             /* a worker failed: the others take no more */
  size_t n;                      /* items */
  int nargs;
  const char *module, *fname;
  /* the caller's state, which the workers read the items from one at a time (under lock; the
  ** caller waits in pthread_join meanwhile): each item is copied when a worker takes it, so its
  ** copy is young and dies young, and a worker never holds every item's documents and texts */
  pthread_mutex_t lock;
  lua_State *L;
  int corpus, items;             /* their indices in L */
  lector_corpus *c;
} map_shared;

typedef struct map_worker {
  lua_State *W;                  /* stack: 1 corpus, 2 args, 3 results */
  pthread_t tid;
  int started;
  map_shared *sh;
  size_t err_item;               /* the item it failed on (SIZE_MAX: none, or in require) */
  char *err;
  int err_is_copy;               /* err says an item could not be copied: raised as it is */
} map_worker;

/* The pool of workers of one call, as a userdata whose __gc closes the states: an error raised
** in the caller's state after the workers are made leaks nothing. */
typedef struct map_pool {
  map_worker *w;
  int n;
} map_pool;
static const char POOL_META[] = "lector.MapPool";

static void fail_worker(map_worker *w, size_t item, const char *msg) {
  w->err_item = item;
  w->err = strdup(msg ? msg : "(error object is not a string)");
  atomic_store(&w->sh->failed, 1);
}

/* Copies item i of the caller's state onto the worker's stack (run under lua_pcall in the
** worker, with the lock held). */
typedef struct item_ctx { map_shared *sh; size_t i; } item_ctx;

static int copy_item(lua_State *W) {
  item_ctx *x = lua_touserdata(W, 1);
  map_shared *sh = x->sh;
  lua_State *L = sh->L;
  lua_newtable(W);                                       /* 2: the copies made */
  lua_pushvalue(W, lua_upvalueindex(1));                 /* 3: the worker's corpus */
  copy_ctx k = { L, W, sh->corpus, 3, 2, sh->c, "an item" };
  lua_rawgeti(L, sh->items, (lua_Integer)x->i + 1);
  copy_value(&k, lua_gettop(L), 0);                      /* 4 */
  return 1;
}

static void *worker_main(void *arg) {
  map_worker *w = arg;
  lua_State *W = w->W;
  map_shared *sh = w->sh;
  lua_getglobal(W, "require");
  lua_pushstring(W, sh->module);
  if (lua_pcall(W, 1, 1, 0) != LUA_OK) { fail_worker(w, SIZE_MAX, lua_tostring(W, -1)); return NULL; }
  lua_getfield(W, -1, sh->fname);                        /* 6: the function */
  if (lua_type(W, -1) != LUA_TFUNCTION) {
    char msg[512];
    snprintf(msg, sizeof msg, "module '%s' has no function '%s'", sh->module, sh->fname);  /* as map_here */
    fail_worker(w, SIZE_MAX, msg);
    return NULL;
  }
  int fn = lua_gettop(W);
  for (;;) {
    if (atomic_load(&sh->failed)) break;
    size_t i = atomic_fetch_add(&sh->next, 1);
    if (i >= sh->n) break;
    lua_pushvalue(W, fn);
    lua_pushvalue(W, 1);
    item_ctx x = { sh, i };
    pthread_mutex_lock(&sh->lock);
    int top = lua_gettop(sh->L);
    lua_pushvalue(W, 1);
    lua_pushcclosure(W, copy_item, 1);
    lua_pushlightuserdata(W, &x);
    int status = lua_pcall(W, 1, 1, 0);
    lua_settop(sh->L, top);                              /* what a failed copy left there */
    pthread_mutex_unlock(&sh->lock);
    if (status != LUA_OK) {
      fail_worker(w, i, lua_tostring(W, -1));
      w->err_is_copy = 1;
      break;
    }
    for (int a = 1; a <= sh->nargs; a++) lua_rawgeti(W, 2, a);
    if (lua_pcall(W, 2 + sh->nargs, 1, 0) != LUA_OK) { fail_worker(w, i, lua_tostring(W, -1)); break; }
    lua_rawseti(W, 3, (lua_Integer)i + 1);
  }
  return NULL;
}

static int pool_gc(lua_State *L) {
  map_pool *p = luaL_checkudata(L, 1, POOL_META);
  for (int i = 0; i < p->n; i++) {
    if (p->w[i].started) pthread_join(p->w[i].tid, NULL);
    if (p->w[i].W) lua_close(p->w[i].W);
    free(p->w[i].err);
  }
  free(p->w);
  p->w = NULL;
  p->n = 0;
  return 0;
}

/* Copies package.path, package.cpath and the C functions of package.preload (lpeg in the host)
** from L into W, so that the worker finds the modules its caller finds. */
static void copy_package(lua_State *W, lua_State *L) {
  static const char *const keys[] = { "path", "cpath", NULL };
  lua_getglobal(W, "package");
  lua_getglobal(L, "package");
  if (lua_istable(L, -1)) {
    for (int i = 0; keys[i]; i++) {
      if (lua_getfield(L, -1, keys[i]) == LUA_TSTRING) {
        lua_pushstring(W, lua_tostring(L, -1));
        lua_setfield(W, -2, keys[i]);
      }
      lua_pop(L, 1);
    }
    lua_getfield(W, -1, "preload");
    if (lua_getfield(L, -1, "preload") == LUA_TTABLE) {
      for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING || !lua_iscfunction(L, -1)) continue;
        if (lua_getupvalue(L, -1, 1)) { lua_pop(L, 1); continue; }   /* its state's own */
        lua_pushcfunction(W, lua_tocfunction(L, -1));
        lua_setfield(W, -2, lua_tostring(L, -2));
      }
    }
    lua_pop(L, 1);
    lua_pop(W, 1);
  }
  lua_pop(L, 1);
  lua_pop(W, 1);
}

/* The part of a worker's set-up that runs in its state (under lua_pcall): the libraries, lector,
** the corpus and the copy of the arguments. The caller's state L is read only. */
typedef struct setup_ctx { lua_State *L; int corpus, args; lector_corpus *c; } setup_ctx;

static int setup_worker(lua_State *W) {
  setup_ctx *s = lua_touserdata(W, 1);
  lua_settop(W, 0);
  lua_gc(W, LUA_GCGEN, 0, 0);        /* as the host's: an analysis makes mostly short-lived tables */
  luaL_openlibs(W);
  copy_package(W, s->L);
  lua_getglobal(W, "require");       /* lector as the caller found it: preloaded, or lector.so */
  lua_pushliteral(W, "lector");
  lua_call(W, 1, 1);
  lua_setglobal(W, "lector");
  lb_corpus_borrow(W, s->L, s->corpus);                  /* 1 */
  lua_pushvalue(W, 1);
  lua_setglobal(W, "corpus");
  lua_newtable(W);                                       /* 2: the copies made */
  copy_ctx k = { s->L, W, s->corpus, 1, 2, s->c, "an argument" };
  copy_value(&k, s->args, 0);                            /* 3 */
  lua_remove(W, 2);
  lua_newtable(W);                                       /* 3: the results */
  return 3;                          /* what lua_pcall leaves on the worker's stack */
}

/* One per core, or LECTOR_THREADS (so that a shared machine can be spared, and runs compared). */
static int default_threads(void) {
  const char *env = getenv("LECTOR_THREADS");
  long n = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > MAP_MAX_THREADS ? MAP_MAX_THREADS : (int)n;
}

/* The calls in the caller's own state: results[i] = fn(C, items[i], args...). */
static int map_here(lua_State *L, size_t n, int nargs, const char *spec, const char *module, const char *fname) {
  lua_getglobal(L, "require");
  lua_pushstring(L, module);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) return luaL_error(L, "C:map: %s: %s", spec, lua_tostring(L, -1));
  if (lua_getfield(L, -1, fname) != LUA_TFUNCTION)
    return luaL_error(L, "C:map: %s: module '%s' has no function '%s'", spec, module, fname);
  int fn = lua_gettop(L);
  lua_createtable(L, (int)(n < 1u << 20 ? n : 1u << 20), 0);
  int out = lua_gettop(L);
  for (size_t i = 0; i < n; i++) {
    lua_pushvalue(L, fn);
    lua_pushvalue(L, 1);
    lua_rawgeti(L, 2, (lua_Integer)i + 1);
    for (int a = 1; a <= nargs; a++) lua_rawgeti(L, 5, a);
    if (lua_pcall(L, 2 + nargs, 1, 0) != LUA_OK)   /* the message a worker's failure gives */
      return luaL_error(L, "C:map: %s, item %d: %s", spec, (int)i + 1, lua_tostring(L, -1));
    lua_rawseti(L, out, (lua_Integer)i + 1);
  }
  return 1;
}

/* C:map(items, "module.function" [, {threads = N, args = {...}}]) -> results, in items' order */
static int corpus_map(lua_State *L) {
  lector_corpus *c = lb_check_corpus(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  const char *spec = luaL_checkstring(L, 3);
  const char *dot = strrchr(spec, '.');
  if (!dot || dot == spec || !dot[1])
    return luaL_argerror(L, 3, "\"module.function\" expected, e.g. \"resolutions.rows_of_doc\"");
  int threads = default_threads();
  lua_settop(L, 4);
  static const lb_opt map_opts[] = { {"threads", LB_INTEGER}, {"args", LB_TABLE}, {NULL, 0} };
  lb_check_opts(L, 4, "C:map", map_opts);
  if (!lua_isnil(L, 4)) {
    if (lua_getfield(L, 4, "threads") != LUA_TNIL) {
      lua_Integer t = lua_tointeger(L, -1);
      if (t < 1 || t > MAP_MAX_THREADS)
        return luaL_error(L, "C:map: option 'threads' wants a whole number from 1 to %d", MAP_MAX_THREADS);
      threads = (int)t;
    }
    lua_pop(L, 1);
  }
  if (lua_isnil(L, 4) || lua_getfield(L, 4, "args") == LUA_TNIL) { lua_settop(L, 4); lua_newtable(L); }
  /* 5: the arguments; the items and arguments are read by index, as lists */
  int nargs = (int)luaL_len(L, 5);
  size_t n = (size_t)luaL_len(L, 2);
  char module[256];
  size_t mlen = (size_t)(dot - spec);
  if (mlen >= sizeof module) return luaL_argerror(L, 3, "module name too long");
  memcpy(module, spec, mlen);
  module[mlen] = '\0';
  if ((size_t)threads > n) threads = n ? (int)n : 1;
  lua_getfield(L, LUA_REGISTRYINDEX, LB_MAP_HERE);
  if (lua_toboolean(L, -1)) threads = 1;
  lua_pop(L, 1);
  if (threads <= 1 || n < 2) return map_here(L, n, nargs, spec, module, dot + 1);

  map_shared sh;
  atomic_init(&sh.next, 0);
  atomic_init(&sh.failed, 0);
  sh.n = n;
  sh.nargs = nargs;
  sh.module = module;
  sh.fname = dot + 1;
  pthread_mutex_init(&sh.lock, NULL);
  sh.L = L;
  sh.corpus = 1;
  sh.items = 2;
  sh.c = c;
  map_pool *pool = lua_newuserdatauv(L, sizeof *pool, 0);      /* 6 */
  pool->n = 0;
  pool->w = calloc((size_t)threads, sizeof *pool->w);
  if (luaL_newmetatable(L, POOL_META)) {
    lua_pushcfunction(L, pool_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  if (!pool->w) return luaL_error(L, "C:map: out of memory");
  pool->n = threads;
  for (int t = 0; t < threads; t++) {
    map_worker *w = &pool->w[t];
    w->sh = &sh;
    w->err_item = SIZE_MAX;
    if (!(w->W = luaL_newstate())) return luaL_error(L, "C:map: out of memory");
    setup_ctx s = { L, 1, 5, c };
    lua_pushcfunction(w->W, setup_worker);
    lua_pushlightuserdata(w->W, &s);
    if (lua_pcall(w->W, 1, 3, 0) != LUA_OK) {
      lua_settop(L, 6);
      return luaL_error(L, "%s", lua_tostring(w->W, -1));
    }
  }
  int unstarted = 0;
  for (int t = 0; t < threads && !unstarted; t++) {
    if (pthread_create(&pool->w[t].tid, NULL, worker_main, &pool->w[t]) != 0) {
      atomic_store(&sh.failed, 1);
      unstarted = 1;
    } else {
      pool->w[t].started = 1;
    }
  }
  map_worker *failed = NULL;
  for (int t = 0; t < threads; t++) {
    if (!pool->w[t].started) continue;
    pthread_join(pool->w[t].tid, NULL);
    pool->w[t].started = 0;
    if (pool->w[t].err && (!failed || pool->w[t].err_item < failed->err_item)) failed = &pool->w[t];
  }
  pthread_mutex_destroy(&sh.lock);
  if (failed && failed->err_is_copy) return luaL_error(L, "%s", failed->err);
  if (failed && failed->err_item == SIZE_MAX) return luaL_error(L, "C:map: %s: %s", spec, failed->err);
  if (failed) return luaL_error(L, "C:map: %s, item %d: %s", spec, (int)failed->err_item + 1, failed->err);
  if (unstarted) return luaL_error(L, "C:map: cannot start a thread (use threads = 1)");

  lua_createtable(L, (int)(n < 1u << 20 ? n : 1u << 20), 0);   /* 7: the results, in order */
  for (int t = 0; t < threads; t++) {
    lua_State *W = pool->w[t].W;
    lua_newtable(L);
    copy_ctx k = { W, L, 1, 1, lua_gettop(L), c, "a result" };
    for (lua_pushnil(W); lua_next(W, 3); lua_pop(W, 1)) {
      lua_Integer i = lua_tointeger(W, -2);
      copy_value(&k, lua_gettop(W), 0);
      lua_rawseti(L, 7, i);
    }
    lua_pop(L, 1);
    lua_close(W);                    /* its results are copied: its memory goes back at once */
    pool->w[t].W = NULL;
  }
  return 1;
}

static const luaL_Reg parallel_methods[] = {
  {"map", corpus_map},
  {NULL, NULL}
};

int lb_open_parallel(lua_State *L) {
  lb_add_methods(L, LB_CORPUS, parallel_methods, "Corpus:");
  return 0;
}
