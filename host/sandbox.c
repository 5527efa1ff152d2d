/*
** sandbox.c: the limits a script runs under. Today only the allocator: a Lua state whose memory
** is counted, so that a cap can be enforced. Pack sandboxing builds on this.
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "host.h"

typedef struct mem_limit {
  size_t used, max;          /* max 0: no limit */
} mem_limit;

static mem_limit host_mem;

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  mem_limit *m = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    m->used -= old;
    return NULL;
  }
  if (m->max && nsize > old && m->used + (nsize - old) > m->max) return NULL;
  void *p = realloc(ptr, nsize);
  if (p) m->used = m->used - old + nsize;
  return p;
}

static int panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  lua_writestringerror("lector: unprotected error: %s\n", msg ? msg : "(not a string)");
  return 0;
}

lua_State *host_new_state(void) {
  lua_State *L = lua_newstate(counting_alloc, &host_mem);
  if (L) {
    lua_atpanic(L, panic);
    lua_setwarnf(L, NULL, NULL);
  }
  return L;
}

/* Lua warnings as lua.c has them: off until "@on", written to stderr as "Lua warning: ...". */
typedef struct warn_state { int on, cont; } warn_state;
static warn_state warnings;

static void warn_fn(void *ud, const char *msg, int tocont) {
  warn_state *w = ud;
  if (!w->cont && msg[0] == '@') {
    if (strcmp(msg, "@off") == 0) w->on = 0;
    else if (strcmp(msg, "@on") == 0) w->on = 1;
    return;
  }
  if (w->on) {
    if (!w->cont) lua_writestringerror("%s", "Lua warning: ");
    lua_writestringerror("%s", msg);
    if (!tocont) lua_writestringerror("%s", "\n");
  }
  w->cont = tocont;
}

void host_init_state(lua_State *L) {
  lua_setwarnf(L, warn_fn, &warnings);
}

int host_option(char **argv, int argc, int *i) {
  (void)argv; (void)argc; (void)i;
  return -1;
}

const char *host_load_mode(void) { return "bt"; }

int host_pack_script(lua_State *L, char **argv, int argc, int script, int *status) {
  (void)L; (void)argv; (void)argc; (void)script; (void)status;
  return 0;
}
