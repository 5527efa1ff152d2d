/*
** main.c: the lector command line. It makes a Lua state like lua5.4's own (standard libraries,
** `arg`, `...`, LUA_INIT, tracebacks, exit statuses), adds LPeg and the lector module, and a global
** `corpus` that opens ./corpus (or --corpus DIR, or $LECTOR_CORPUS) on first use. Then it runs a
** script, -e chunks, or a command (run, repl, info, query, index, annotate, export, pack,
** completion), the commands being Lua modules of the host (host/lua/lector/cmd/NAME.lua, each
** parsing its arguments with lector.cmd.args) unless they need the terminal (repl.c).
** Ordinary Lua runs here as under lua5.4 (tested with Lua's own test suite), but for errors: one
** line "lector: message" (a command's: "lector: CMD: message"), the traceback only with --debug;
** exit status 1, and 2 for a usage error (doc/commands.md).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <lua-lpeg.h>

#include "host.h"
#include "bindings/lua_aux.h"

#if !defined(LECTOR_PROGNAME)
#define LECTOR_PROGNAME "lector"
#endif

static const char *progname = LECTOR_PROGNAME;

/* ------------------------------------------------------------------ messages */

/* The commands and the host's options: print_usage lists them, a slip is answered with the nearest
** (lb_nearest), and `lector completion` offers them (handed to lector.cmd.completion). A command's
** own flags are in its module's option table (host/lua/lector/cmd/NAME.lua): `lector NAME --help`. */
typedef struct host_flag { const char *name, *value, *help; } host_flag;

static const host_flag commands[] = {
  { "run", "SCRIPT [args]", "run a Lua script with the global `corpus` open (also: lector SCRIPT)" },
  { "repl", "", "interactive Lua with the corpus loaded" },
  { "info", "[DIR]", "the corpus: documents, titles, dates, tokens, forms, metadata fields" },
  { "query", "QUERY [DIR]", "a CQP query: a concordance, --count, --dump or --format tsv|csv|json" },
  { "index", "[DIR]", "build or update the on-disk index (--rebuild, --annotate, --threads N ...)" },
  { "annotate", "[DIR]", "the same as index --annotate" },
  { "export", "[DIR]", "the corpus with its attributes: --format vrt|conllu [--output FILE]" },
  { "pack", "COMMAND", "install, list, run and remove script packs" },
  { "completion", "bash|zsh", "print the shell completion script" },
  { "help", "", "this text" },
  { NULL, NULL, NULL }
};

static const host_flag options[] = {
  { "--corpus", "DIR", "the corpus for `corpus` (default $LECTOR_CORPUS, else ./corpus)" },
  { "--debug", NULL, "show the Lua stack traceback of an error" },
  { "--profile", NULL, "after the script, print on stderr where its time went" },
  { "--sandbox", NULL, "run the script in the sandbox packs run in (doc/packs.md)" },
  { "--max-memory", "SIZE", "memory a sandboxed script may use: MB, or 512K/64M/2G (default 1024)" },
  { "--max-time", "SECONDS", "time a sandboxed script may take (default 300)" },
  { "--max-instructions", "N", "Lua instructions a sandboxed script may run (default 2e10)" },
  { "-e", "CODE", "run CODE" },
  { "-l", "NAME", "require NAME into the global NAME (-l g=mod: into g)" },
  { "-i", NULL, "enter the REPL after running the script" },
  { "--version", NULL, "show the version (also -v)" },
  { "-E", NULL, "ignore LUA_INIT" },
  { "-W", NULL, "turn Lua warnings on" },
  { "--help", NULL, "this text (also -h; lector COMMAND --help: the command's options)" },
  { NULL, NULL, NULL }
};

#define USAGE_LINE "usage: %s [options] [script [args] | command [args]]\n"

static void print_usage(FILE *f) {
  fprintf(f, USAGE_LINE "commands:\n", progname);
  for (const host_flag *c = commands; c->name; c++) {
    char head[64];
    snprintf(head, sizeof head, "%s %s", c->name, c->value);
    fprintf(f, "  %-22s %s\n", head, c->help);
  }
  fprintf(f, "options:\n");
  for (const host_flag *o = options; o->name; o++) {
    char head[64];
    snprintf(head, sizeof head, "%s %s", o->name, o->value ? o->value : "");
    fprintf(f, "  %-22s %s\n", head, o->help);
  }
  fprintf(f, "  -                      run standard input\n"
             "  --                     stop handling options\n"
             "exit status: 0, 1 for an error while running, 2 for a usage error\n");
}

/* The nearest name of list (commands or options) to word, or NULL. */
static const char *nearest(const char *word, const host_flag *list) {
  lb_opt names[32];
  size_t n = 0;
  for (; list[n].name && n < 32; n++) names[n] = (lb_opt){ list[n].name, LB_ANY };
  return lb_nearest(word, names, n);
}

/* A usage error of the host: the message (with the nearest name), the usage line, status 2. */
static int usage_error(const char *what, const char *word, const host_flag *list) {
  const char *near = nearest(word, list);
  fprintf(stderr, "%s: %s '%s'", progname, what, word);
  if (near) fprintf(stderr, " (did you mean '%s'?)", near);
  fprintf(stderr, "\n" USAGE_LINE "(%s --help lists the commands and options)\n", progname, progname);
  return 2;
}


/* Prints a message about an error on stderr as lua.c does: "lector: message", without the Lua
** stack traceback unless --debug (it is for whoever debugs lector or a script, not for a user). */
static void report_message(const char *msg) {
  fflush(stdout);
  const char *tb = host_debug() ? NULL : strstr(msg, "\nstack traceback:\n");
  fprintf(stderr, "%s: %.*s\n", progname, tb ? (int)(tb - msg) : (int)strlen(msg), msg);
  fflush(stderr);
}

/* The message of the error object on top (an error object may be a table with __tostring). */
static int report(lua_State *L, int status) {
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (!msg) {
      if (luaL_callmeta(L, -1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) msg = lua_tostring(L, -1);
      else msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, -1));
    }
    report_message(msg);
    lua_settop(L, 0);
  }
  return status;
}

/* ------------------------------------------------------------------ the state */

/* arg: the script at 0, its arguments from 1, the interpreter and options before it. */
static void create_arg_table(lua_State *L, char **argv, int argc, int script) {
  lua_createtable(L, argc - script - 1, script + 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - script);
  }
  lua_setglobal(L, "arg");
}

/* Where the global `corpus` comes from: --corpus among the host's options or the script's
** arguments, else $LECTOR_CORPUS, else ./corpus. */
static const char *corpus_path(const char *opt_corpus, char **argv, int argc, int from) {
  if (opt_corpus) return opt_corpus;
  for (int i = from; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) break;
    if (strcmp(argv[i], "--corpus") == 0 && i + 1 < argc) return argv[i + 1];
    if (strncmp(argv[i], "--corpus=", 9) == 0) return argv[i] + 9;
  }
  const char *env = getenv("LECTOR_CORPUS");
  return env && *env ? env : "corpus";
}

static int open_libs(lua_State *L) {
  luaL_openlibs(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_lpeg);
  lua_setfield(L, -2, "lpeg");
  lua_pushcfunction(L, luaopen_lector);
  lua_setfield(L, -2, "lector");
  lua_pop(L, 1);
  lua_getglobal(L, "require");
  lua_pushliteral(L, "lector");
  lua_call(L, 1, 1);
  lua_setglobal(L, "lector");
  return 0;
}

void host_set_corpus(lua_State *L, const char *path) {
  lector_options o;
  lector_options_init(&o);
  host_corpus_options(&o);
  lb_corpus_new(L, path, &o);
  lua_setglobal(L, "corpus");
}

void host_corpus_options(lector_options *o) {
  const char *store = getenv("LECTOR_STORE"), *check = getenv("LECTOR_CHECK");
  if (isatty(2)) o->progress = host_show_progress;
  if (store && strcmp(store, "0") == 0) o->store = 0;
  if (check && strcmp(check, "0") == 0) o->no_check = 1;
}

static int dochunk(lua_State *L, int status) {
  if (status == LUA_OK) status = host_docall(L, 0, 0);
  return report(L, status);
}

static int dostring(lua_State *L, const char *s, const char *name) {
  return dochunk(L, luaL_loadbuffer(L, s, strlen(s), name));
}

/* -l NAME or -l g=mod */
static int dolibrary(lua_State *L, char *spec) {
  char *eq = strchr(spec, '=');
  const char *mod = eq ? eq + 1 : spec;
  if (eq) *eq = '\0';
  lua_getglobal(L, "require");
  lua_pushstring(L, mod);
  int status = host_docall(L, 1, 1);
  if (status == LUA_OK) lua_setglobal(L, spec);
  if (eq) *eq = '=';
  return report(L, status);
}

static int handle_luainit(lua_State *L) {
  const char *name = "=LUA_INIT_5_4";
  const char *init = getenv(name + 1);
  if (init == NULL) {
    name = "=LUA_INIT";
    init = getenv(name + 1);
  }
  if (init == NULL) return LUA_OK;
  if (init[0] == '@') return dochunk(L, luaL_loadfile(L, init + 1));
  return dostring(L, init, name);
}

/* Runs the script fname (NULL: stdin) with the arguments after it as `...`. */
static int handle_script(lua_State *L, char **argv, int argc, int script) {
  const char *fname = argv[script];
  if (strcmp(fname, "-") == 0 && strcmp(argv[script - 1], "--") != 0) fname = NULL;
  int status = luaL_loadfilex(L, fname, host_load_mode());
  if (status == LUA_OK) {
    int n = argc - script - 1;
    luaL_checkstack(L, n + 3, "too many arguments to script");
    for (int i = script + 1; i < argc; i++) lua_pushstring(L, argv[i]);
    status = host_docall(L, n, 0);
  }
  return report(L, status);
}

/* open([dir [, opts]]) for a command: the global `corpus` becomes the corpus at dir (nil: the one
** the host chose) opened on use with the host's options and opts, lector.open's (the command's
** flags: index --rebuild is {rebuild = true}). Returns it. */
static int l_open_corpus(lua_State *L) {
  lua_getglobal(L, "corpus");                  /* 3: kept while its path is in use */
  const char *path = lua_isnoneornil(L, 1) ? ((lb_corpus *)luaL_checkudata(L, 3, LB_CORPUS))->path
                                           : luaL_checkstring(L, 1);
  lector_options o;
  lector_options_init(&o);
  host_corpus_options(&o);
  if (!lua_isnoneornil(L, 2)) lb_read_open_opts(L, 2, "open", &o);
  lb_corpus_new(L, path, &o);
  lua_pushvalue(L, -1);
  lua_setglobal(L, "corpus");
  return 1;
}

/* A command's error: "lector: NAME: message", where in the host's own Lua modules it was raised
** left out (it tells a user nothing), the traceback only with --debug. */
static int report_command(lua_State *L, const char *name) {
  const char *msg = lua_tostring(L, -1);
  if (!msg) msg = "(error object is not a string)";
  if (strncmp(msg, "host/lua/", 9) == 0 && strstr(msg, ": ")) msg = strstr(msg, ": ") + 2;
  lua_pushfstring(L, "%s: %s", name, msg);
  report_message(lua_tostring(L, -1));
  lua_pop(L, 2);
  return 1;
}

/* The commands and options as Lua tables {name, value, help}, for `lector completion`. */
static void push_flags(lua_State *L, const host_flag *list) {
  lua_newtable(L);
  for (int i = 0; list[i].name; i++) {
    lua_createtable(L, 1, 2);
    lua_pushstring(L, list[i].name);
    lua_rawseti(L, -2, 1);
    if (list[i].value && *list[i].value) { lua_pushstring(L, list[i].value); lua_setfield(L, -2, "value"); }
    lua_pushstring(L, list[i].help);
    lua_setfield(L, -2, "help");
    lua_rawseti(L, -2, i + 1);
  }
}

/* A command written in Lua: require("lector.cmd.NAME")(corpus, args, open, host) -> exit status.
** open(dir, opts) opens the corpus the command's arguments name, with its options; host lists the
** commands and the host's options. */
static int run_command(lua_State *L, const char *name, char **argv, int argc, int first) {
  lua_getglobal(L, "require");
  lua_pushfstring(L, "lector.cmd.%s", name);
  int status = host_docall(L, 1, 1);
  if (status != LUA_OK) return report_command(L, name);
  lua_getglobal(L, "corpus");
  lua_createtable(L, argc - first, 0);
  for (int i = first; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - first + 1);
  }
  lua_pushcfunction(L, l_open_corpus);
  lua_createtable(L, 0, 2);
  push_flags(L, commands);
  lua_setfield(L, -2, "commands");
  push_flags(L, options);
  lua_setfield(L, -2, "options");
  status = host_docall(L, 4, 1);
  if (status != LUA_OK) return report_command(L, name);
  int code = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 0;
  lua_pop(L, 1);
  return code;
}

static int is_command(const char *s) {
  for (int i = 0; commands[i].name; i++)
    if (strcmp(s, commands[i].name) == 0) return 1;
  return 0;
}

/* ------------------------------------------------------------------ main */

typedef struct cli {
  int interactive, version, no_env, warnings, profile;
  int first_e;               /* index of the first -e/-l, to run them in order */
  int script;                /* index of the script or command, or 0 */
  const char *corpus;
  int bad;                   /* index of a bad option, or 0 */
} cli;

/* Collects the options before the script or command. */
static void parse_options(cli *o, char **argv, int argc) {
  memset(o, 0, sizeof *o);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) { o->script = i; return; }
    if (strcmp(a, "--") == 0) { if (i + 1 < argc) o->script = i + 1; return; }
    if (strcmp(a, "-i") == 0) { o->interactive = 1; o->version = 1; }
    else if (strcmp(a, "-v") == 0 || strcmp(a, "--version") == 0) o->version = 1;
    else if (strcmp(a, "-E") == 0) o->no_env = 1;
    else if (strcmp(a, "-W") == 0) o->warnings = 1;
    else if (strcmp(a, "--profile") == 0) o->profile = 1;
    else if (strcmp(a, "--debug") == 0) host_set_debug(1);
    else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) { o->bad = -1; return; }
    else if (strcmp(a, "-e") == 0 || strcmp(a, "-l") == 0) {
      if (i + 1 >= argc) { o->bad = i; return; }
      if (!o->first_e) o->first_e = i;
      i++;
    } else if ((a[1] == 'e' || a[1] == 'l') && a[2] && a[0] == '-' && a[1] != '-') {
      if (!o->first_e) o->first_e = i;
    } else if (strcmp(a, "--corpus") == 0) {
      if (i + 1 >= argc) { o->bad = i; return; }
      o->corpus = argv[++i];
    } else if (strncmp(a, "--corpus=", 9) == 0) o->corpus = a + 9;
    else if (host_option(argv, argc, &i) == 0) {}
    else { o->bad = i; return; }
  }
}

/* Runs the -e and -l options in order. */
static int run_e_and_l(lua_State *L, char **argv, int upto) {
  for (int i = 1; i < upto; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--corpus") == 0) { i++; continue; }
    if (a[0] != '-' || (a[1] != 'e' && a[1] != 'l')) continue;
    char *extra = a[2] ? argv[i] + 2 : argv[++i];
    int status = a[1] == 'e' ? dostring(L, extra, "=(command line)") : dolibrary(L, extra);
    if (status != LUA_OK) return 0;
  }
  return 1;
}

typedef struct main_args { int argc; char **argv; int status; } main_args;

static int pmain(lua_State *L) {
  main_args *m = lua_touserdata(L, 1);
  char **argv = m->argv;
  int argc = m->argc;
  cli o;
  parse_options(&o, argv, argc);
  if (o.bad < 0) { print_usage(stdout); return 0; }
  if (o.bad) {
    const char *a = argv[o.bad];
    int known = 0;
    for (const host_flag *f = options; f->name && !known; f++) known = strcmp(a, f->name) == 0;
    if (known) {
      fprintf(stderr, "%s: option '%s' needs a value\n" USAGE_LINE, progname, a, progname);
      m->status = 2;
    } else {
      m->status = usage_error("unknown option", a, options);
    }
    return 0;
  }
  if (o.version) printf("lector %s (%s, LPeg)\n", LECTOR_VERSION, LUA_RELEASE);
  if (o.no_env) {
    lua_pushboolean(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
  }
  host_init_state(L);
  lua_gc(L, LUA_GCSTOP);             /* no collections while the libraries load */
  open_libs(L);
  int script = o.script;
  int is_cmd = script && is_command(argv[script]);
  /* `lector run SCRIPT`: the script comes after `run` */
  int run = is_cmd && strcmp(argv[script], "run") == 0;
  if (run) {
    if (script + 1 >= argc) { fprintf(stderr, "%s: run: no script given\n", progname); m->status = 2; return 0; }
    script++;
    is_cmd = 0;
    while (strcmp(argv[script], "--profile") == 0 || strcmp(argv[script], "--debug") == 0) {
      if (argv[script][2] == 'p') o.profile = 1; else host_set_debug(1);
      if (++script >= argc) { fprintf(stderr, "%s: run: no script given\n", progname); m->status = 2; return 0; }
    }
  } else if (script && !is_cmd && !strpbrk(argv[script], "/.:") &&
             strcmp(argv[script], "-") != 0 && access(argv[script], F_OK) != 0) {
    m->status = usage_error("no such command or script:", argv[script], commands);   /* lector inof */
    return 0;
  }
  if (o.profile && strcmp(host_load_mode(), "t") == 0) {
    fprintf(stderr, "%s: --profile cannot watch a sandboxed script (the sandbox's budget needs the hook)\n", progname);
    m->status = 2;
    return 0;
  }
  create_arg_table(L, argv, argc, script ? script : 0);
  lua_gc(L, LUA_GCRESTART);
  lua_gc(L, LUA_GCGEN, 0, 0);        /* the collector mode lua5.4 runs scripts in */
  host_set_corpus(L, corpus_path(o.corpus, argv, argc, script ? script + 1 : argc));
  if (o.warnings) lua_warning(L, "@on", 0);
  if (!o.no_env && handle_luainit(L) != LUA_OK) { m->status = 1; return 0; }
  if (!run_e_and_l(L, argv, script ? script : argc)) { m->status = 1; return 0; }
  if (is_cmd) {
    const char *cmd = argv[script];
    if (strcmp(cmd, "help") == 0 && script + 1 < argc && is_command(argv[script + 1]) &&
        strcmp(argv[script + 1], "help") != 0 && strcmp(argv[script + 1], "run") != 0 &&
        strcmp(argv[script + 1], "repl") != 0) {                      /* lector help index */
      char *help_args[] = { argv[script + 1], "--help" };
      m->status = run_command(L, argv[script + 1], help_args, 2, 1);
      return 0;
    }
    if (strcmp(cmd, "help") == 0) { print_usage(stdout); m->status = 0; return 0; }
    if (strcmp(cmd, "repl") == 0) { m->status = host_repl(L, argv, argc, script + 1); return 0; }
    m->status = run_command(L, cmd, argv, argc, script + 1);
    return 0;
  }
  if (script) {
    if (host_pack_script(L, argv, argc, script, &m->status)) return 0;
    if (o.profile) host_profile_start(L);
    int status = handle_script(L, argv, argc, script);
    if (o.profile) host_profile_stop(L, stderr);
    if (status != LUA_OK) { m->status = 1; return 0; }
  }
  if (o.interactive) m->status = host_repl(L, argv, argc, argc);
  else if (!script && !o.first_e && !o.version) {
    if (isatty(0)) m->status = host_repl(L, argv, argc, argc);
    else if (dochunk(L, luaL_loadfilex(L, NULL, host_load_mode())) != LUA_OK) m->status = 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argv[0] && argv[0][0]) {
    const char *slash = strrchr(argv[0], '/');
    progname = slash ? slash + 1 : argv[0];
  }
  lua_State *L = host_new_state();
  if (!L) {
    report_message("cannot create state: not enough memory");
    return 1;
  }
  main_args m = { argc, argv, 0 };
  lua_pushcfunction(L, pmain);
  lua_pushlightuserdata(L, &m);
  int status = lua_pcall(L, 1, 0, 0);
  if (status != LUA_OK) {
    report(L, status);
    m.status = 1;
  }
  lua_close(L);
  return m.status;
}
