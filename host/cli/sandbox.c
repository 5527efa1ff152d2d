/*
** sandbox.c: the limits a script runs under, and the host's side of script packs.
** The allocator counts every byte of the Lua state so that a cap can be enforced; a count hook
** enforces an instruction budget and a time limit. Both are "uncatchable": once a limit is
** reached the hook raises an error at every later instruction of the sandboxed thread, so a
** `pcall` that catches it can do nothing but unwind. The policy (what a sandboxed script may
** call, which files it may touch) is Lua: host/lua/lector/pack/sandbox.lua. This file gives it
** the internal module `lector.host` (limits, run under limits, fork with setrlimit, SHA-256,
** realpath, directory listing) and the host flags --sandbox, --max-memory, --max-time and
** --max-instructions.
*/
#include <errno.h>
#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>

#include "host.h"
#include "bindings/lua_aux.h"
#include "base/sha256.h"

/* Defaults of the sandbox limits; the flags and a pack's granted permissions raise them. */
#if !defined(SB_MAX_MEMORY_MB)
#define SB_MAX_MEMORY_MB 1024           /* memory a sandboxed script may add to the state */
#endif
#if !defined(SB_MAX_TIME)
#define SB_MAX_TIME 300.0               /* seconds of wall-clock time, and CPU time in the child */
#endif
#if !defined(SB_MAX_INSTRUCTIONS)
#define SB_MAX_INSTRUCTIONS 20000000000LL  /* Lua VM instructions (about a minute or two) */
#endif
#define SB_HOOK_EVERY 1000              /* instructions between two checks of the hook */

/* ====================================================================== the allocator */

typedef struct mem_limit {
  size_t used, max;          /* max 0: no limit */
} mem_limit;

static mem_limit host_mem;

/* The sandboxed run in progress: why it was stopped (0 while it runs within its limits). */
enum { TRIP_NONE, TRIP_MEMORY, TRIP_INSTRUCTIONS, TRIP_TIME, TRIP_INTERRUPT };
typedef struct sb_run {
  int active, tripped;
  size_t memory;             /* the limit as given, for the message */
  long long instructions, count;
  double time, deadline;
} sb_run;

static sb_run R;
static volatile sig_atomic_t interrupted;   /* Ctrl-C while a sandboxed script runs */

static void on_sigint(int sig) {
  (void)sig;
  interrupted = 1;
}

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  mem_limit *m = ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    m->used -= old;
    return NULL;
  }
  if (m->max && nsize > old && m->used + (nsize - old) > m->max) {
    if (R.active && !R.tripped) R.tripped = TRIP_MEMORY;   /* the cap is the cap: no second try */
    return NULL;
  }
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

static int open_host(lua_State *L);

void host_init_state(lua_State *L) {
  lua_setwarnf(L, warn_fn, &warnings);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, open_host);
  lua_setfield(L, -2, "lector.host");
  lua_pop(L, 1);
}

/* ====================================================================== host flags */

typedef struct sb_flags {
  int sandbox;
  size_t memory; double time; long long instructions;
  int memory_set, time_set, instructions_set;
} sb_flags;

static sb_flags flags = { 0, (size_t)SB_MAX_MEMORY_MB << 20, SB_MAX_TIME, SB_MAX_INSTRUCTIONS, 0, 0, 0 };

/* "256" (MB), "512K", "64M", "2G": bytes, or 0 if it is not a size. */
static size_t parse_size(const char *s) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || v <= 0) return 0;
  double unit = 1 << 20;
  if (*end == 'K' || *end == 'k') unit = 1 << 10, end++;
  else if (*end == 'M' || *end == 'm') end++;
  else if (*end == 'G' || *end == 'g') unit = 1 << 30, end++;
  if (*end == 'B') end++;
  if (*end || v * unit > (double)SIZE_MAX / 2) return 0;
  return (size_t)(v * unit);
}

/* --name VALUE or --name=VALUE: the value, moving *i past it; NULL if argv[*i] is not --name. */
static const char *flag_value(const char *name, char **argv, int argc, int *i) {
  size_t n = strlen(name);
  if (strncmp(argv[*i], name, n) != 0) return NULL;
  if (argv[*i][n] == '=') return argv[*i] + n + 1;
  if (argv[*i][n] || *i + 1 >= argc) return NULL;
  return argv[++*i];
}

int host_option(char **argv, int argc, int *i) {
  const char *v;
  int at = *i;
  if (strcmp(argv[*i], "--sandbox") == 0) { flags.sandbox = 1; return 0; }
  if ((v = flag_value("--max-memory", argv, argc, i))) {
    if ((flags.memory = parse_size(v))) { flags.memory_set = 1; return 0; }
  } else if ((v = flag_value("--max-time", argv, argc, i))) {
    char *end;
    flags.time = strtod(v, &end);
    if (end != v && !*end && flags.time > 0) { flags.time_set = 1; return 0; }
  } else if ((v = flag_value("--max-instructions", argv, argc, i))) {
    char *end;
    flags.instructions = strtoll(v, &end, 10);
    if (end != v && !*end && flags.instructions > 0) { flags.instructions_set = 1; return 0; }
  }
  *i = at;
  return -1;
}

const char *host_load_mode(void) { return flags.sandbox ? "t" : "bt"; }

/* ====================================================================== running under limits */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The message naming the limit that stopped the script. */
static const char *trip_message(lua_State *L) {
  switch (R.tripped) {
  case TRIP_MEMORY:
    return lua_pushfstring(L, "sandbox: memory limit of %d MB reached (raise it with --max-memory)",
                           (int)((R.memory + (1 << 20) - 1) >> 20));
  case TRIP_INTERRUPT:
    return lua_pushstring(L, "interrupted!");
  case TRIP_INSTRUCTIONS:
    return lua_pushfstring(L, "sandbox: instruction limit of %I reached (raise it with --max-instructions)",
                           (lua_Integer)R.instructions);
  default: {
    char secs[32];
    snprintf(secs, sizeof secs, "%g", R.time);
    return lua_pushfstring(L, "sandbox: time limit of %s s reached (raise it with --max-time)", secs);
  }
  }
}

/* Counts instructions and checks the clock; once a limit is reached it raises at every
** instruction, so that no pcall inside the script can go on. */
static void budget_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  if (!R.active) return;
  if (!R.tripped) {
    R.count += SB_HOOK_EVERY;
    if (interrupted) R.tripped = TRIP_INTERRUPT;
    else if (R.count > R.instructions) R.tripped = TRIP_INSTRUCTIONS;
    else if (now() > R.deadline) R.tripped = TRIP_TIME;
    else return;
  }
  lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
  lua_pushstring(L, trip_message(L));
  lua_error(L);
}

static size_t opt_size(lua_State *L, int t, const char *k, size_t d) {
  lua_getfield(L, t, k);
  lua_Number v = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : (lua_Number)d;
  lua_pop(L, 1);
  return v > 0 ? (size_t)v : d;
}

/* host.run(limits, f, ...) -> true, results... | false, message, traceback
** Calls f in a thread of its own under limits = {memory = bytes, time = s, instructions = n};
** the message names the limit when one stopped it. */
static int l_run(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  if (R.active) return luaL_error(L, "host.run: a sandboxed run is already in progress");
  int nargs = lua_gettop(L) - 2;
  lua_State *co = lua_newthread(L);
  lua_rotate(L, 2, 1);                       /* the thread below f, so that it stays alive */
  lua_xmove(L, co, nargs + 1);
  memset(&R, 0, sizeof R);
  R.memory = opt_size(L, 1, "memory", flags.memory);
  R.time = (double)opt_size(L, 1, "time", (size_t)flags.time);
  lua_getfield(L, 1, "time");
  if (lua_isnumber(L, -1)) R.time = lua_tonumber(L, -1);
  lua_pop(L, 1);
  R.instructions = (long long)opt_size(L, 1, "instructions", (size_t)flags.instructions);
  R.deadline = now() + R.time;
  lua_gc(L, LUA_GCCOLLECT);
  size_t saved_max = host_mem.max;
  host_mem.max = host_mem.used + R.memory;
  R.active = 1;
  lua_pushboolean(L, 1);             /* C:map stays in this state, inside the sandbox and its limits */
  lua_setfield(L, LUA_REGISTRYINDEX, LB_MAP_HERE);
  lua_sethook(co, budget_hook, LUA_MASKCOUNT, SB_HOOK_EVERY);
  interrupted = 0;
  void (*old)(int) = signal(SIGINT, on_sigint);  /* main.c's handler stops the main thread only */
  int nres = 0;
  int status = lua_resume(co, L, nargs, &nres);
  signal(SIGINT, old);
  R.active = 0;
  lua_pushnil(L);
  lua_setfield(L, LUA_REGISTRYINDEX, LB_MAP_HERE);
  host_mem.max = saved_max;
  if (status == LUA_YIELD) {
    lua_settop(co, 0);
    lua_pushliteral(co, "sandbox: a script cannot yield outside its own coroutines");
    status = LUA_ERRRUN;
  }
  if (status == LUA_OK && !R.tripped) {
    lua_pushboolean(L, 1);
    lua_xmove(co, L, nres);
    return nres + 1;
  }
  lua_pushboolean(L, 0);
  if (R.tripped) trip_message(L);
  else if (status == LUA_ERRMEM) lua_pushliteral(L, "not enough memory");
  else if (lua_type(co, -1) == LUA_TSTRING) lua_pushstring(L, lua_tostring(co, -1));
  else if (luaL_callmeta(co, -1, "__tostring") && lua_isstring(co, -1)) lua_xmove(co, L, 1);
  else lua_pushfstring(L, "(error object is a %s value)", luaL_typename(co, -1));
  luaL_traceback(L, co, NULL, 0);
  /* not lua_resetthread: it would run the script's pending __close handlers with hooks off */
  return 3;
}

/* host.charge(bytes): raises the memory-limit error if a C function about to make that many
** bytes (string.rep) would pass the cap. Lets the sandbox refuse before the work begins. */
static int l_charge(lua_State *L) {
  lua_Number n = luaL_checknumber(L, 1);
  if (R.active && host_mem.max && (n > (lua_Number)SIZE_MAX / 2 || host_mem.used + (size_t)n > host_mem.max)) {
    R.tripped = TRIP_MEMORY;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    return luaL_error(L, "%s", trip_message(L));
  }
  return 0;
}

/* host.tripped() -> true once a limit has stopped the run in progress */
static int l_tripped(lua_State *L) {
  lua_pushboolean(L, R.active && R.tripped);
  return 1;
}

/* host.limits() -> {sandbox=, memory=, time=, instructions=, set = {memory=true, ...}, debug=} */
static int l_limits(lua_State *L) {
  lua_createtable(L, 0, 6);
  lua_pushboolean(L, host_debug()); lua_setfield(L, -2, "debug");
  lua_pushboolean(L, flags.sandbox); lua_setfield(L, -2, "sandbox");
  lua_pushinteger(L, (lua_Integer)flags.memory); lua_setfield(L, -2, "memory");
  lua_pushnumber(L, flags.time); lua_setfield(L, -2, "time");
  lua_pushinteger(L, flags.instructions); lua_setfield(L, -2, "instructions");
  lua_createtable(L, 0, 3);
  lua_pushboolean(L, flags.memory_set); lua_setfield(L, -2, "memory");
  lua_pushboolean(L, flags.time_set); lua_setfield(L, -2, "time");
  lua_pushboolean(L, flags.instructions_set); lua_setfield(L, -2, "instructions");
  lua_setfield(L, -2, "set");
  return 1;
}

/* ====================================================================== the child process */

#if !defined(__SANITIZE_ADDRESS__)           /* ASan reserves terabytes of address space */
/* Address space of this process now, in bytes (0 if unknown). */
static size_t vm_size(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  unsigned long pages = 0;
  if (f) {
    if (fscanf(f, "%lu", &pages) != 1) pages = 0;
    fclose(f);
  }
  return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}
#endif

/* Limits of the child: CPU time (SIGXCPU at the soft limit, SIGKILL one second later) and
** address space (for what C code allocates outside the Lua allocator, e.g. LPeg's stacks). */
static void child_limits(size_t memory, double secs) {
  struct rlimit cpu = { (rlim_t)secs + 1, (rlim_t)secs + 2 };
  setrlimit(RLIMIT_CPU, &cpu);
#if !defined(__SANITIZE_ADDRESS__)
  size_t as = vm_size() + 2 * memory + ((size_t)256 << 20);
  struct rlimit mem = { (rlim_t)as, (rlim_t)as };
  setrlimit(RLIMIT_AS, &mem);
#else
  (void)memory;
#endif
}

/* host.guard(memory, seconds) -> "child" in the child process; in the parent, once the child has
** ended: its exit status, and a message when a signal ended it. */
static int l_guard(lua_State *L) {
  size_t memory = (size_t)luaL_checknumber(L, 1);
  double secs = luaL_checknumber(L, 2);
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return luaL_error(L, "host.guard: cannot fork: %s", strerror(errno));
  if (pid == 0) {
    child_limits(memory, secs);
    lua_pushliteral(L, "child");
    return 1;
  }
  void (*old)(int) = signal(SIGINT, SIG_IGN);   /* Ctrl-C reaches the child, which stops */
  int st;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
  signal(SIGINT, old);
  if (WIFEXITED(st)) {
    lua_pushinteger(L, WEXITSTATUS(st));
    return 1;
  }
  int sig = WTERMSIG(st);
  lua_pushinteger(L, 128 + sig);
  char limit[32];
  snprintf(limit, sizeof limit, "%g", secs);
  if (sig == SIGXCPU || sig == SIGKILL)
    lua_pushfstring(L, "sandbox: CPU time limit of %s s reached (raise it with --max-time)", limit);
  else if (sig == SIGINT)
    lua_pushliteral(L, "interrupted!");
  else if (sig == SIGPIPE)                     /* its reader went away (| head): not an error */
    return 1;
  else
    lua_pushfstring(L, "sandbox: the script's process ended on signal %d (%s)", sig, strsignal(sig));
  return 2;
}

/* ====================================================================== files and hashes */

/* host.sha256(string) -> 64 hex digits */
static int l_sha256(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  char hex[65];
  sha256_hex(s, n, hex);
  lua_pushstring(L, hex);
  return 1;
}

/* host.realpath(path) -> absolute path without links or dots | nil, message */
static int l_realpath(lua_State *L) {
  const char *p = luaL_checkstring(L, 1);
  char buf[PATH_MAX];
  if (!realpath(p, buf)) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p, strerror(errno));
    return 2;
  }
  lua_pushstring(L, buf);
  return 1;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* host.dir(path) -> sorted list of names, directories with a trailing "/" | nil, message.
** Symbolic links are listed as what they are ("name@") and never followed. */
static int l_dir(lua_State *L) {
  const char *p = luaL_checkstring(L, 1);
  DIR *d = opendir(p);
  if (!d) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p, strerror(errno));
    return 2;
  }
  lua_newtable(L);
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    struct stat st;
    const char *full = lua_pushfstring(L, "%s/%s", p, e->d_name);
    const char *tail = "";
    if (lstat(full, &st) == 0) tail = S_ISDIR(st.st_mode) ? "/" : S_ISLNK(st.st_mode) ? "@" : "";
    lua_pop(L, 1);
    lua_pushfstring(L, "%s%s", e->d_name, tail);
    lua_rawseti(L, -2, ++n);
  }
  closedir(d);
  /* sort through C strings kept alive by the table */
  const char **names = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof *names, 0);
  for (int i = 0; i < n; i++) { lua_rawgeti(L, -2, i + 1); names[i] = lua_tostring(L, -1); lua_pop(L, 1); }
  qsort(names, (size_t)n, sizeof *names, cmp_names);
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) { lua_pushstring(L, names[i]); lua_rawseti(L, -2, i + 1); }
  return 1;
}

/* host.mkdir(path) -> true | nil, message (an existing folder is not an error) */
static int l_mkdir(lua_State *L) {
  const char *p = luaL_checkstring(L, 1);
  struct stat st;
  if (mkdir(p, 0777) == 0 || (errno == EEXIST && stat(p, &st) == 0 && S_ISDIR(st.st_mode))) {
    lua_pushboolean(L, 1);
    return 1;
  }
  lua_pushnil(L);
  lua_pushfstring(L, "cannot create %s: %s", p, strerror(errno));
  return 2;
}

static int open_host(lua_State *L) {
  static const luaL_Reg fns[] = {
    { "run", l_run }, { "charge", l_charge }, { "limits", l_limits }, { "tripped", l_tripped }, { "guard", l_guard },
    { "sha256", l_sha256 }, { "realpath", l_realpath }, { "dir", l_dir }, { "mkdir", l_mkdir },
    { NULL, NULL },
  };
  luaL_newlib(L, fns);
  return 1;
}

/* ====================================================================== pack scripts */

/* NAME:SCRIPT, as pack names and script names are spelled, and not an existing file */
static int is_pack_script(const char *s) {
  const char *colon = strchr(s, ':');
  if (!colon || colon == s || !colon[1] || strchr(s, '/')) return 0;
  for (const char *p = s; *p; p++)
    if (p != colon && !(*p == '-' || *p == '_' || *p == '.' || (*p >= 'a' && *p <= 'z') ||
                        (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) return 0;
  return access(s, F_OK) != 0;
}

int host_pack_script(lua_State *L, char **argv, int argc, int script, int *status) {
  const char *s = argv[script];
  int pack = is_pack_script(s);
  if (!pack && !flags.sandbox) return 0;
  if (!pack && strcmp(s, "-") == 0) return 0;     /* stdin: loaded in text mode, not sandboxed */
  lua_getglobal(L, "require");
  lua_pushliteral(L, "lector.pack.runner");
  int st = host_docall(L, 1, 1);
  if (st == LUA_OK) {
    lua_getfield(L, -1, pack ? "pack_script" : "file");
    lua_remove(L, -2);
    lua_createtable(L, argc - script, 0);
    for (int i = script; i < argc; i++) {
      lua_pushstring(L, argv[i]);
      lua_rawseti(L, -2, i - script);
    }
    st = host_docall(L, 1, 1);
  }
  if (st != LUA_OK) {
    fflush(stdout);
    fprintf(stderr, "lector: %s\n", lua_tostring(L, -1) ? lua_tostring(L, -1) : "(error object)");
    *status = 1;
  } else {
    *status = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 0;
  }
  lua_settop(L, 0);
  return 1;
}
