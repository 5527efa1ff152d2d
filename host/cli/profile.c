/*
** profile.c: `lector run --profile SCRIPT`, a sampling profiler for script authors. The debug hook's
** count event fires every PROF_EVERY Lua instructions; the time since the event before goes to
** the Lua line (and function) running then, so a line is charged with the C calls it made (a
** long one, at its return, to the line that called it). Call
** and return events keep a shadow stack to time each C function while it is on top (the Lua it
** calls back excluded). The report goes to stderr once the script is over.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>

#include "host.h"
#include "bindings/lua_aux.h"

#if !defined(PROF_EVERY)
#define PROF_EVERY 1000      /* Lua instructions between samples */
#endif
#if !defined(PROF_FLUSH)
#define PROF_FLUSH 100000    /* ns: a C call at least this long is charged to its caller's line */
#endif
#if !defined(PROF_TOP)
#define PROF_TOP 15          /* rows of each table of the report */
#endif

/* ------------------------------------------------------------------ tables */

/* A place that time is charged to: a Lua line (src, def, line), a Lua function (src, def, -1),
** or a C function (cf). Kept in one open-addressing table. */
typedef struct entry {
  const char *src;           /* Lua's own source string (the key) */
  int def, line;             /* linedefined; current line, or -1 for the function itself */
  lua_CFunction cf;          /* a C function's entry: src NULL */
  char *where;               /* "file:line" to print, owned */
  char *name;                /* the function's name where Lua knows it, owned */
  uint64_t ns, calls;
  int used;
} entry;

typedef struct frame { const void *fn; lua_CFunction cf; entry *e; } frame;

static struct {
  lua_State *L;
  int on;
  uint64_t start, last, stop, samples;
  entry *tab;
  size_t cap, n;
  frame *stack;
  size_t depth, scap;
  uint64_t resume;           /* when the C function on top of the stack last came back on top */
  int oom;
} P;

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static size_t hash(const char *src, int def, int line, lua_CFunction cf) {
  uintptr_t h = (uintptr_t)src * 31u + (uintptr_t)(unsigned)def * 131u + (uintptr_t)(unsigned)(line + 1) * 1031u;
  unsigned char b[sizeof cf];
  memcpy(b, &cf, sizeof cf);
  for (size_t i = 0; i < sizeof cf; i++) h = h * 257u + b[i];
  return (size_t)(h ^ (h >> 17));
}

static int grow(void) {
  size_t cap = P.cap ? P.cap * 2 : 1024;
  entry *t = calloc(cap, sizeof *t);
  if (!t) return -1;
  for (size_t i = 0; i < P.cap; i++) {
    if (!P.tab[i].used) continue;
    size_t j = hash(P.tab[i].src, P.tab[i].def, P.tab[i].line, P.tab[i].cf) & (cap - 1);
    while (t[j].used) j = (j + 1) & (cap - 1);
    t[j] = P.tab[i];
  }
  /* frames point into the table: move them along */
  for (size_t k = 0; k < P.depth; k++) {
    entry *e = P.stack[k].e;
    if (!e) continue;
    size_t j = hash(e->src, e->def, e->line, e->cf) & (cap - 1);
    while (!(t[j].src == e->src && t[j].def == e->def && t[j].line == e->line && t[j].cf == e->cf)) j = (j + 1) & (cap - 1);
    P.stack[k].e = &t[j];
  }
  free(P.tab);
  P.tab = t;
  P.cap = cap;
  return 0;
}

/* The entry of a key, or NULL. */
static entry *find(const char *src, int def, int line, lua_CFunction cf) {
  if (!P.cap) return NULL;
  size_t j = hash(src, def, line, cf) & (P.cap - 1);
  while (P.tab[j].used) {
    entry *e = &P.tab[j];
    if (e->src == src && e->def == def && e->line == line && e->cf == cf) return e;
    j = (j + 1) & (P.cap - 1);
  }
  return NULL;
}

/* The entry of a key, made on first sight (*fresh set); NULL when memory ran out. */
static entry *lookup(const char *src, int def, int line, lua_CFunction cf, int *fresh) {
  *fresh = 0;
  entry *e = find(src, def, line, cf);
  if (e) return e;
  if ((P.n + 1) * 2 > P.cap && grow()) { P.oom = 1; return NULL; }
  size_t j = hash(src, def, line, cf) & (P.cap - 1);
  while (P.tab[j].used) j = (j + 1) & (P.cap - 1);
  e = &P.tab[j];
  e->used = 1;
  e->src = src; e->def = def; e->line = line; e->cf = cf;
  P.n++;
  *fresh = 1;
  return e;
}

static char *dup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

/* ------------------------------------------------------------------ the hook */

/* Charges dt to the line and function of ar ("Sl" filled). */
static void charge(lua_State *L, lua_Debug *ar, uint64_t dt) {
  int fresh;
  entry *e = lookup(ar->source, ar->linedefined, ar->currentline, NULL, &fresh);
  if (!e) return;
  if (fresh) {
    char buf[LUA_IDSIZE + 32];
    snprintf(buf, sizeof buf, "%s:%d", ar->short_src, ar->currentline);
    e->where = dup(buf);
  }
  e->ns += dt;
  e->calls++;
  entry *f = lookup(ar->source, ar->linedefined, -1, NULL, &fresh);
  if (!f) return;
  if (fresh) {
    char buf[LUA_IDSIZE + 32];
    snprintf(buf, sizeof buf, "%s:%d", ar->short_src, ar->linedefined);
    f->where = dup(buf);
    if (lua_getinfo(L, "n", ar) && ar->name) f->name = dup(ar->name);
    else if (ar->what && strcmp(ar->what, "main") == 0) f->name = dup("main chunk");
  }
  f->ns += dt;
  f->calls++;
}

/* A count event: the time since the last one goes to the running line and function. */
static void sample(lua_State *L, lua_Debug *ar) {
  uint64_t t = now_ns(), dt = t - P.last;
  P.last = t;
  P.samples++;
  if (lua_getinfo(L, "Sl", ar) && ar->currentline >= 0) charge(L, ar, dt);
}

static int push_frame(const void *fn, lua_CFunction cf, entry *e) {
  if (P.depth == P.scap) {
    size_t cap = P.scap ? P.scap * 2 : 256;
    frame *s = realloc(P.stack, cap * sizeof *s);
    if (!s) { P.oom = 1; return -1; }
    P.stack = s;
    P.scap = cap;
  }
  P.stack[P.depth++] = (frame){ fn, cf, e };
  return 0;
}

static void on_call(lua_State *L, lua_Debug *ar, int tail) {
  lua_getinfo(L, "f", ar);
  const void *fn = lua_topointer(L, -1);
  lua_CFunction cf = lua_iscfunction(L, -1) ? lua_tocfunction(L, -1) : NULL;
  lua_pop(L, 1);
  frame *top = P.depth ? &P.stack[P.depth - 1] : NULL;
  uint64_t t = (cf || (top && top->cf)) ? now_ns() : 0;
  if (top && top->cf && top->e) top->e->ns += t - P.resume;        /* paused under the callee */
  entry *e = NULL;
  if (cf) {
    int fresh;
    e = lookup(NULL, 0, 0, cf, &fresh);
    if (e && fresh && lua_getinfo(L, "n", ar) && ar->name) e->name = dup(ar->name);
    if (e) e->calls++;
    P.resume = t;
  }
  if (tail && top) *top = (frame){ fn, cf, e };
  else push_frame(fn, cf, e);
}

static void on_return(lua_State *L, lua_Debug *ar) {
  lua_getinfo(L, "f", ar);
  const void *fn = lua_topointer(L, -1);
  lua_pop(L, 1);
  size_t k = P.depth;
  while (k > 0 && P.stack[k - 1].fn != fn) k--;
  if (k == 0) return;                     /* not seen called (the hook came later) */
  frame *f = &P.stack[k - 1];
  uint64_t t = 0;
  if (f->cf || (k >= 2 && P.stack[k - 2].cf)) t = now_ns();
  if (f->cf && f->e && k == P.depth) f->e->ns += t - P.resume;
  if (f->cf && t - P.last > PROF_FLUSH) {
    /* a long C call: the time so far goes to the line that made it, not to wherever the next
    ** sample falls */
    lua_Debug caller;
    if (lua_getstack(L, 1, &caller) && lua_getinfo(L, "Sl", &caller) && caller.currentline >= 0) {
      charge(L, &caller, t - P.last);
      P.last = t;
    }
  }
  P.depth = k - 1;                         /* frames above it were left by an error */
  if (P.depth && P.stack[P.depth - 1].cf) P.resume = t;
}

static void prof_hook(lua_State *L, lua_Debug *ar) {
  if (ar->event == LUA_HOOKCOUNT) { sample(L, ar); return; }
  if (L != P.L) return;                    /* coroutines: sampled, not traced */
  if (ar->event == LUA_HOOKRET) on_return(L, ar);
  else on_call(L, ar, ar->event == LUA_HOOKTAILCALL);
}

/* ------------------------------------------------------------------ start, stop, report */

void host_profile_start(lua_State *L) {
  memset(&P, 0, sizeof P);
  P.L = L;
  P.on = 1;
  P.start = P.last = now_ns();
  /* LECTOR_PROFILE=lines: samples only, no call hook (whose cost makes small functions called
  ** millions of times look dearer than they are); no table of C functions then */
  const char *how = getenv("LECTOR_PROFILE");
  int lines_only = how && strcmp(how, "lines") == 0;
  lua_sethook(L, prof_hook, LUA_MASKCOUNT | (lines_only ? 0 : LUA_MASKCALL | LUA_MASKRET), PROF_EVERY);
  lua_pushboolean(L, 1);             /* C:map works in this state, where the samples are taken */
  lua_setfield(L, LUA_REGISTRYINDEX, LB_MAP_HERE);
}

/* Names the C functions among the fields of the table on top "prefix.key" ("key" when prefix is
** NULL; sep is "." or ":"), unless they have a name already. */
static void name_fields(lua_State *L, const char *prefix, const char *sep) {
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TSTRING && lua_iscfunction(L, -1)) {
      int fresh;
      entry *e = lookup(NULL, 0, 0, lua_tocfunction(L, -1), &fresh);
      if (e && !e->where) {
        char buf[160];
        snprintf(buf, sizeof buf, "%s%s%s", prefix ? prefix : "", prefix ? sep : "", lua_tostring(L, -2));
        e->where = dup(buf);
      }
    }
    lua_pop(L, 1);
  }
}

/* Names C functions by where they are found: lector's registered names, then the fields of the
** loaded modules ("string.find", "lpeg.match") and of the file methods ("file:write"). */
static void name_c_functions(lua_State *L) {
  int top = lua_gettop(L);
  if (lua_getfield(L, LUA_REGISTRYINDEX, "lector.names") == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_iscfunction(L, -2) && lua_type(L, -1) == LUA_TSTRING) {
        int fresh;
        entry *e = lookup(NULL, 0, 0, lua_tocfunction(L, -2), &fresh);
        if (e && !e->where) e->where = dup(lua_tostring(L, -1));
      }
      lua_pop(L, 1);
    }
  }
  lua_settop(L, top);
  if (lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE) == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TTABLE) {
        const char *mod = lua_tostring(L, -2);
        name_fields(L, strcmp(mod, LUA_GNAME) == 0 ? NULL : mod, ".");
      }
      lua_pop(L, 1);
    }
  }
  lua_settop(L, top);
  if (luaL_getmetatable(L, LUA_FILEHANDLE) == LUA_TTABLE && lua_getfield(L, -1, "__index") == LUA_TTABLE)
    name_fields(L, "file", ":");
  lua_settop(L, top);
}

static int by_time(const void *a, const void *b) {
  const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
  if (x->ns != y->ns) return x->ns < y->ns ? 1 : -1;
  return strcmp(x->where ? x->where : "", y->where ? y->where : "");
}

/* Prints the PROF_TOP entries of a kind (0 lines, 1 Lua functions, 2 C functions). */
static void print_table(FILE *out, int kind, double total) {
  entry **list = malloc((P.n + 1) * sizeof *list);
  if (!list) return;
  size_t m = 0;
  for (size_t i = 0; i < P.cap; i++) {
    entry *e = &P.tab[i];
    if (!e->used || e->ns == 0) continue;
    int k = e->src == NULL && e->cf ? 2 : e->line < 0 ? 1 : 0;
    if (k == kind) list[m++] = e;
  }
  qsort(list, m, sizeof *list, by_time);
  static const char *const titles[] = {
    "by line (the time between samples, C calls made there included)",
    "by Lua function (its lines)",
    "by C function (while on top: the Lua it calls back not counted)" };
  fprintf(out, "%s:\n  %8s %6s %10s  %s\n", titles[kind], "seconds", "%", kind == 2 ? "calls" : "samples",
          kind == 2 ? "function" : "where");
  for (size_t i = 0; i < m && i < PROF_TOP; i++) {
    entry *e = list[i];
    double s = (double)e->ns / 1e9;
    const char *where = e->where ? e->where : e->name ? e->name : "?";
    const char *name = kind == 1 ? e->name : NULL;
    if (kind == 0) {
      entry *f = find(e->src, e->def, -1, NULL);
      name = f ? f->name : NULL;
    }
    fprintf(out, "  %8.3f %5.1f%% %10llu  %s", s, total > 0 ? 100 * s / total : 0, (unsigned long long)e->calls, where);
    if (name) fprintf(out, " (%s)", name);
    fputc('\n', out);
  }
  free(list);
}

void host_profile_stop(lua_State *L, FILE *out) {
  if (!P.on) return;
  lua_sethook(L, NULL, 0, 0);
  lua_pushnil(L);
  lua_setfield(L, LUA_REGISTRYINDEX, LB_MAP_HERE);
  P.stop = now_ns();
  P.on = 0;
  fflush(stdout);
  name_c_functions(L);
  double total = (double)(P.stop - P.start) / 1e9;
  fprintf(out, "\nprofile: %.3f s, %llu samples (one every %d Lua instructions)%s\n", total,
          (unsigned long long)P.samples, PROF_EVERY, P.oom ? "; ran out of memory, some time not counted" : "");
  for (int kind = 0; kind < 3; kind++) print_table(out, kind, total);
  fflush(out);
  for (size_t i = 0; i < P.cap; i++) {
    free(P.tab[i].where);
    free(P.tab[i].name);
  }
  free(P.tab);
  free(P.stack);
  memset(&P, 0, sizeof P);
}
