/*
** host.h: how the files of the lector executable (main.c, repl.c, sandbox.c, docall.c,
** progress.c) call each other.
** The executable is the only part of lector that knows of the terminal, signals and the process.
*/
#ifndef LECTOR_HOST_H
#define LECTOR_HOST_H

#include <stdio.h>

#include <lua.h>

#include "lector.h"

/* docall.c */
/* Calls the function below narg arguments with a traceback handler; Ctrl-C raises "interrupted!"
** in it. Returns the lua_pcall status, the error message (with traceback) on top. */
int host_docall(lua_State *L, int narg, int nres);

/* progress.c */
/* Draws the progress of an index build on stderr (set it only when stderr is a terminal). */
void host_show_progress(void *ud, const lector_progress *p);

/* main.c */
/* Sets the global `corpus` to a corpus at path that opens on first use. */
void host_set_corpus(lua_State *L, const char *path);
/* The options the host opens corpora with (threads, progress display). */
void host_corpus_options(lector_options *o);
/* docall.c: whether --debug was given: errors are reported with their Lua stack traceback. */
int host_debug(void);
void host_set_debug(int on);

/* profile.c */
/* Starts the sampling profiler on L (its debug hook: count, call and return events). */
void host_profile_start(lua_State *L);
/* Stops it and prints where the time went (by line, Lua function and C function) on out. */
void host_profile_stop(lua_State *L, FILE *out);

/* repl.c */
/* The interactive loop; argv[first..] are its arguments. Returns the exit status. */
int host_repl(lua_State *L, char **argv, int argc, int first);

/* sandbox.c */
/* A new Lua state with the host's allocator (which enforces --max-memory). */
lua_State *host_new_state(void);
/* Called once the state exists, before any library is opened. */
void host_init_state(lua_State *L);
/* Takes the host option at argv[*i] (and its value, moving *i): 0, or -1 if it is not one. */
int host_option(char **argv, int argc, int *i);
/* The mode scripts are loaded in: "bt", or "t" when sandboxed. */
const char *host_load_mode(void);
/* Runs argv[script] when it names a pack's script (NAME:SCRIPT): returns 1 and the status, or 0
** when it is not one. */
int host_pack_script(lua_State *L, char **argv, int argc, int script, int *status);

#endif
