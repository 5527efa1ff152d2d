/*
** repl.c: the terminal half of `lector repl`. On a terminal it reads lines with libedit (Emacs
** keys, history kept in a file as it grows, Tab completion), gathers them until they form a
** complete chunk (an "<eof>" syntax error means "go on", as in lua.c), runs the chunk, and has
** the Lua half (host/lua/lector/repl/session.lua) show results, answer Tab, run dot commands and
** word errors. Ctrl-C at the prompt clears the line; while a chunk runs it raises "interrupted!"
** (host_docall) and the session goes on with its globals. With standard input not a terminal:
** no prompts, no banner, no colours, and the exit status says whether any chunk failed.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <histedit.h>
#include <lauxlib.h>

#include "host.h"

#if !defined(LECTOR_PROMPT)
#define LECTOR_PROMPT "> "
#define LECTOR_PROMPT2 ">> "
#endif
#if !defined(LECTOR_HISTORY_SIZE)
#define LECTOR_HISTORY_SIZE 1000       /* entries kept in the history file */
#endif
#define EOFMARK "<eof>"                /* the end of a syntax error that only wants more input */

typedef struct repl {
  lua_State *L;
  EditLine *el;                /* NULL when standard input is not a terminal */
  History *hist;
  char *hist_path;             /* NULL: no history file */
  const char *prompt;
  int color;
  int failed;                  /* a chunk failed (the exit status of a piped session) */
} repl;

static repl *the_repl;         /* for libedit's callbacks */
static volatile sig_atomic_t got_sigint, got_sigcont;
static sigset_t sigint_open;   /* the signal mask while waiting for a key: SIGINT let through */

/* ------------------------------------------------------------------ the Lua half */

/* Pushes session[name] (the module is kept in the registry). */
static void push_session_fn(lua_State *L, const char *name) {
  lua_getfield(L, LUA_REGISTRYINDEX, "lector.repl.session");
  lua_getfield(L, -1, name);
  lua_remove(L, -2);
}

/* Reports the error message on top through session.report (in red on a terminal), pops it. */
static void report(repl *r) {
  lua_State *L = r->L;
  push_session_fn(L, "report");
  lua_insert(L, -2);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) {       /* the reporter failed: say it plainly */
    fprintf(stderr, "lector: %s\n", lua_tostring(L, -1) ? lua_tostring(L, -1) : "error");
    lua_pop(L, 1);
  }
  r->failed = 1;
}

/* A wall clock for .time, in seconds. */
static int repl_clock(lua_State *L) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (lua_Number)ts.tv_sec + ts.tv_nsec / 1e9);
  return 1;
}

/* listdir(dir) -> the names in a folder, folders ending in "/" (for completing paths); nil when
** it cannot be read. */
static int repl_listdir(lua_State *L) {
  const char *dir = luaL_checkstring(L, 1);
  DIR *d = opendir(dir);
  if (!d) { luaL_pushfail(L); return 1; }
  lua_newtable(L);
  lua_Integer n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    struct stat st;
    const char *path = lua_pushfstring(L, "%s/%s", dir, e->d_name);
    int is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    lua_pop(L, 1);
    lua_pushfstring(L, "%s%s", e->d_name, is_dir ? "/" : "");
    lua_rawseti(L, -2, ++n);
  }
  closedir(d);
  return 1;
}

/* Loads the Lua half and starts it; prints the banner on a terminal. 0 on failure. */
static int start_session(repl *r, int interactive) {
  lua_State *L = r->L;
  lua_getglobal(L, "require");
  lua_pushliteral(L, "lector.repl.session");
  int status = host_docall(L, 1, 1);
  if (status != LUA_OK) {
    fprintf(stderr, "lector: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
    return 0;
  }
  lua_setfield(L, LUA_REGISTRYINDEX, "lector.repl.session");
  push_session_fn(L, "start");
  lua_createtable(L, 0, 5);
  lua_pushboolean(L, interactive);
  lua_setfield(L, -2, "interactive");
  lua_pushboolean(L, r->color);
  lua_setfield(L, -2, "color");
  lua_pushcfunction(L, repl_clock);
  lua_setfield(L, -2, "clock");
  lua_pushliteral(L, LUA_RELEASE);
  lua_setfield(L, -2, "release");
  lua_pushcfunction(L, repl_listdir);
  lua_setfield(L, -2, "listdir");
  status = host_docall(L, 1, 1);
  if (status != LUA_OK) { report(r); r->failed = 0; return 1; }
  if (lua_isstring(L, -1)) printf("%s\n", lua_tostring(L, -1));
  fflush(stdout);
  lua_pop(L, 1);
  return 1;
}

/* ------------------------------------------------------------------ history */

/* $LECTOR_HISTORY (empty: none), else $XDG_STATE_HOME/lector/history, else ~/.lector_history;
** NULL when there is to be no history file. */
static char *history_path(void) {
  const char *own = getenv("LECTOR_HISTORY"), *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
  char *path = NULL;
  if (own) {
    path = *own ? strdup(own) : NULL;
  } else if (state && *state) {
    size_t n = strlen(state) + sizeof "/lector/history";
    if (!(path = malloc(n))) return NULL;
    snprintf(path, n, "%s/lector", state);
    mkdir(state, 0700);                  /* an existing folder is fine; a failure shows at save */
    mkdir(path, 0700);
    snprintf(path, n, "%s/lector/history", state);
  } else if (home && *home) {
    size_t n = strlen(home) + sizeof "/.lector_history";
    if (!(path = malloc(n))) return NULL;
    snprintf(path, n, "%s/.lector_history", home);
  }
  return path;
}

/* The history file holds one entry a line, with backslashes and newlines escaped ("\\", "\n"),
** so that it reads as text. Each entry is appended with one write as it is entered: a crash
** loses nothing, and sessions side by side interleave instead of overwriting each other. */

/* entry, escaped, with a newline: malloc'd */
static char *history_escape(const char *entry, size_t *len) {
  size_t n = 0;
  for (const char *p = entry; *p; p++) n += (*p == '\\' || *p == '\n') ? 2 : 1;
  char *out = malloc(n + 2), *w = out;
  if (!out) return NULL;
  for (const char *p = entry; *p; p++) {
    if (*p == '\\' || *p == '\n') { *w++ = '\\'; *w++ = *p == '\n' ? 'n' : '\\'; }
    else *w++ = *p;
  }
  *w++ = '\n';
  *w = '\0';
  *len = (size_t)(w - out);
  return out;
}

static void history_unescape(char *s) {
  char *w = s;
  for (char *p = s; *p; p++) {
    if (*p == '\\' && (p[1] == 'n' || p[1] == '\\')) { p++; *w++ = *p == 'n' ? '\n' : '\\'; }
    else *w++ = *p;
  }
  *w = '\0';
}

static void history_failed(repl *r) {
  fprintf(stderr, "lector: cannot write the history to %s: %s\n", r->hist_path, strerror(errno));
  free(r->hist_path);
  r->hist_path = NULL;                   /* say it once */
}

/* Writes the entries in memory (the last LECTOR_HISTORY_SIZE) to a new file that replaces the
** old one: how a file that has grown too long is cut back. */
static void history_rewrite(repl *r) {
  HistEvent ev;
  size_t n = strlen(r->hist_path) + sizeof ".new";
  char *tmp = malloc(n);
  if (!tmp) return;
  snprintf(tmp, n, "%s.new", r->hist_path);
  FILE *f = fopen(tmp, "w");
  if (!f) { free(tmp); return; }
  for (int ok = history(r->hist, &ev, H_LAST); ok != -1; ok = history(r->hist, &ev, H_PREV)) {
    size_t len;
    char *line = history_escape(ev.str, &len);
    if (line) fwrite(line, 1, len, f);
    free(line);
  }
  if (fclose(f) == 0) rename(tmp, r->hist_path);
  else remove(tmp);
  free(tmp);
}

/* Loads the history file (none yet is fine); cuts it back when it holds twice the limit. */
static void history_load(repl *r) {
  HistEvent ev;
  FILE *f = fopen(r->hist_path, "r");
  if (!f) return;
  char *line = NULL;
  size_t cap = 0, count = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0) {
    if (line[n - 1] == '\n') line[--n] = '\0';
    history_unescape(line);
    if (*line) { history(r->hist, &ev, H_ENTER, line); count++; }
  }
  free(line);
  fclose(f);
  if (count > 2 * LECTOR_HISTORY_SIZE) history_rewrite(r);
}

/* Adds a chunk to the history, and to the file at once. */
static void remember(repl *r, const char *chunk) {
  HistEvent ev;
  if (!r->hist || !*chunk) return;
  if (history(r->hist, &ev, H_FIRST) != -1 && strcmp(ev.str, chunk) == 0) return;   /* a repeat */
  history(r->hist, &ev, H_ENTER, chunk);
  if (!r->hist_path) return;
  size_t len;
  char *line = history_escape(chunk, &len);
  if (!line) return;
  int fd = open(r->hist_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
  if (fd < 0 || write(fd, line, len) != (ssize_t)len) history_failed(r);
  if (fd >= 0) close(fd);
  free(line);
}

/* ------------------------------------------------------------------ completion */

/* The longest common prefix of the candidates in the list on top (1-based, n of them). */
static size_t common_prefix(lua_State *L, int list, lua_Integer n, const char **first) {
  lua_rawgeti(L, list, 1);
  *first = lua_tostring(L, -1);
  lua_pop(L, 1);                         /* still referenced by the list */
  size_t len = *first ? strlen(*first) : 0;
  for (lua_Integer i = 2; i <= n; i++) {
    lua_rawgeti(L, list, i);
    const char *s = lua_tostring(L, -1);
    size_t k = 0;
    while (k < len && s && s[k] == (*first)[k]) k++;
    len = k;
    lua_pop(L, 1);
  }
  return len;
}

/* Prints the candidates in columns under the line being edited. */
static void list_candidates(lua_State *L, int list, lua_Integer n) {
  int width = 80, cols, rows;
  size_t longest = 0;
  el_get(the_repl->el, EL_GETTC, "co", &width);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    size_t len = luaL_len(L, -1);
    if (len > longest) longest = len;
    lua_pop(L, 1);
  }
  cols = (int)(width / (longest + 2));
  if (cols < 1) cols = 1;
  rows = (int)((n + cols - 1) / cols);
  putchar('\n');
  for (int row = 0; row < rows; row++) {
    for (int col = 0; col < cols; col++) {
      lua_Integer i = (lua_Integer)col * rows + row + 1;
      if (i > n) break;
      lua_rawgeti(L, list, i);
      int last = col == cols - 1 || i + rows > n;
      printf("%-*s", last ? 0 : (int)(longest + 2), lua_tostring(L, -1));
      lua_pop(L, 1);
    }
    putchar('\n');
  }
  fflush(stdout);
}

/* Tab: asks session.complete for the candidates of the text before the cursor; inserts what
** they share, or lists them when nothing more is shared. */
static unsigned char complete_key(EditLine *el, int ch) {
  (void)ch;
  lua_State *L = the_repl->L;
  const LineInfo *li = el_line(el);
  int top = lua_gettop(L);
  unsigned char result = CC_ERROR;
  push_session_fn(L, "complete");
  lua_pushlstring(L, li->buffer, (size_t)(li->cursor - li->buffer));
  if (lua_pcall(L, 1, 2, 0) == LUA_OK && lua_istable(L, -1)) {
    lua_Integer start = lua_tointeger(L, -2), n = luaL_len(L, -1);
    size_t typed = (size_t)(li->cursor - li->buffer) - (size_t)(start - 1);
    if (n > 0) {
      const char *first;
      size_t shared = common_prefix(L, lua_gettop(L), n, &first);
      if (shared > typed) {
        char *add = malloc(shared - typed + 1);
        if (add) {
          memcpy(add, first + typed, shared - typed);
          add[shared - typed] = '\0';
          el_insertstr(el, add);
          free(add);
          result = CC_REFRESH;
        }
      } else if (n > 1) {
        list_candidates(L, lua_gettop(L), n);
        result = CC_REDISPLAY;
      } else {
        result = CC_NORM;                 /* already complete */
      }
    }
  }
  lua_settop(L, top);
  return result;
}

/* ------------------------------------------------------------------ reading lines */

static char *prompt_of(EditLine *el) {
  (void)el;
  return (char *)the_repl->prompt;
}

static void on_sigint_at_prompt(int sig) {
  (void)sig;
  got_sigint = 1;
}

/* Ctrl-C at the prompt: SIGINT is blocked while libedit works and let through only while
** read_byte waits (pselect), so a Ctrl-C can never fall between a check and a blocking read.
** The handler is set before each line, since host_docall installs its own meanwhile. */
static void catch_sigint(sigset_t *saved) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint_at_prompt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigprocmask(SIG_BLOCK, &block, saved);
  sigint_open = *saved;
  sigdelset(&sigint_open, SIGINT);
}

static void on_sigcont(int sig) {
  (void)sig;
  got_sigcont = 1;
}

/* Back from Ctrl-Z and `fg`: the shell has set the terminal its own way meanwhile, while
** libedit still believes it raw. Leave and enter raw mode again, and redraw the line. */
static void resume_terminal(void) {
  got_sigcont = 0;
  el_set(the_repl->el, EL_PREP_TERM, 0);
  el_set(the_repl->el, EL_PREP_TERM, 1);
  el_set(the_repl->el, EL_REFRESH);
}

/* One byte of the terminal: 1, 0 at end of file, -1 on error or Ctrl-C. */
static int read_byte(unsigned char *c) {
  for (;;) {
    if (got_sigint) return -1;
    if (got_sigcont) resume_terminal();
    fd_set in;
    FD_ZERO(&in);
    FD_SET(0, &in);
    if (pselect(1, &in, NULL, NULL, NULL, &sigint_open) < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    ssize_t n = read(0, c, 1);
    if (n == 1) return 1;
    if (n == 0) return 0;
    if (errno != EINTR && errno != EAGAIN) return -1;
  }
}

/* libedit's read function: one character, decoded from UTF-8 (a stray byte stands for itself). */
static int getc_key(EditLine *el, wchar_t *wc) {
  (void)el;
  unsigned char c;
  int r = read_byte(&c);
  if (r != 1) return r;
  int more = c < 0xC0 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : c < 0xF8 ? 3 : 0;
  wchar_t w = more ? c & (0x3F >> more) : c;
  for (int i = 0; i < more; i++) {
    if ((r = read_byte(&c)) != 1) return r;
    w = (w << 6) | (c & 0x3F);
  }
  *wc = w;
  return 1;
}

enum { LINE_OK, LINE_EOF, LINE_INTERRUPTED };

/* Reads a line into *line (malloc'd, without its newline). */
static int read_line(repl *r, const char *prompt, char **line) {
  *line = NULL;
  if (!r->el) {
    size_t cap = 0;
    ssize_t n = getline(line, &cap, stdin);
    if (n < 0) { free(*line); *line = NULL; return LINE_EOF; }
    if (n > 0 && (*line)[n - 1] == '\n') (*line)[--n] = '\0';
    return LINE_OK;
  }
  r->prompt = prompt;
  got_sigint = 0;
  sigset_t saved;
  catch_sigint(&saved);
  int count = 0;
  const char *s = el_gets(r->el, &count);
  sigprocmask(SIG_SETMASK, &saved, NULL);
  if (got_sigint) {
    fputs("^C\n", stdout);
    fflush(stdout);
    return LINE_INTERRUPTED;
  }
  if (!s || count <= 0) return LINE_EOF;
  size_t n = strlen(s);
  if (n > 0 && s[n - 1] == '\n') n--;
  if (!(*line = malloc(n + 1))) return LINE_EOF;
  memcpy(*line, s, n);
  (*line)[n] = '\0';
  return LINE_OK;
}

/* ------------------------------------------------------------------ chunks */

enum { CHUNK_READY, CHUNK_MORE, CHUNK_ERROR };

/* Compiles src as lua.c does: as `return src;` first (an expression shows its values), else as
** statements. Leaves the function (or the error message) on top. */
static int compile(lua_State *L, const char *src, int *is_expr) {
  if (*src == '=') src++;                 /* `=expr`, as Lua 5.1 wrote it */
  const char *ret = lua_pushfstring(L, "return %s;", src);
  if (luaL_loadbuffer(L, ret, strlen(ret), "=stdin") == LUA_OK) {
    lua_remove(L, -2);
    *is_expr = 1;
    return CHUNK_READY;
  }
  lua_pop(L, 2);
  *is_expr = 0;
  int status = luaL_loadbuffer(L, src, strlen(src), "=stdin");
  if (status == LUA_OK) return CHUNK_READY;
  size_t len;
  const char *msg = lua_tolstring(L, -1, &len);
  if (status == LUA_ERRSYNTAX && msg && len >= sizeof EOFMARK - 1 &&
      strcmp(msg + len - (sizeof EOFMARK - 1), EOFMARK) == 0) {
    lua_pop(L, 1);
    return CHUNK_MORE;
  }
  return CHUNK_ERROR;
}

/* Runs the compiled chunk on top and shows what it returns. */
static void run_chunk(repl *r, const char *src, int is_expr) {
  lua_State *L = r->L;
  int base = lua_gettop(L) - 1;
  if (got_sigint) {                       /* Ctrl-C right after Enter, before the run began */
    lua_pushliteral(L, "interrupted!");
    report(r);
    lua_settop(L, base);
    return;
  }
  if (host_docall(L, 0, LUA_MULTRET) != LUA_OK) { report(r); return; }
  int n = lua_gettop(L) - base;
  push_session_fn(L, "record");
  lua_pushstring(L, src);
  lua_pushboolean(L, is_expr);
  lua_pushboolean(L, n > 0);
  if (lua_pcall(L, 3, 0, 0) != LUA_OK) lua_pop(L, 1);   /* .save misses it; the session goes on */
  if (n > 0) {
    push_session_fn(L, "show");
    lua_insert(L, base + 1);
    if (host_docall(L, n, 0) != LUA_OK) report(r);
  }
  lua_settop(L, base);
}

/* A dot command (.load FILE ...): returns 1 when it asks to quit. */
static int run_dot(repl *r, const char *line) {
  lua_State *L = r->L;
  push_session_fn(L, "dot");
  lua_pushstring(L, line);
  if (host_docall(L, 1, 1) != LUA_OK) { report(r); return 0; }
  int quit = lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "quit") == 0;
  lua_pop(L, 1);
  return quit;
}

/* A line that starts a dot command: "." and a letter (never the start of a Lua statement). */
static int is_dot(const char *line) {
  while (*line == ' ' || *line == '\t') line++;
  return line[0] == '.' && ((line[1] >= 'a' && line[1] <= 'z') || (line[1] >= 'A' && line[1] <= 'Z'));
}

/* Appends line to the chunk being gathered (lines joined by newlines). 0 when out of memory. */
static int append(char **chunk, size_t *len, const char *line) {
  size_t add = strlen(line);
  char *p = realloc(*chunk, *len + add + 2);
  if (!p) return 0;
  if (*len) p[(*len)++] = '\n';
  memcpy(p + *len, line, add + 1);
  *chunk = p;
  *len += add;
  return 1;
}

/* The loop: gathers lines into chunks and runs them until end of input or .quit. */
static void loop(repl *r) {
  lua_State *L = r->L;
  char *chunk = NULL, *line;
  size_t len = 0;
  for (;;) {
    int got = read_line(r, len ? LECTOR_PROMPT2 : LECTOR_PROMPT, &line);
    if (got == LINE_INTERRUPTED) {        /* drop the line and any unfinished chunk */
      if (len) remember(r, chunk);
      len = 0;
      continue;
    }
    if (got == LINE_EOF) {
      if (len && !r->el) {                /* piped input ended inside a chunk: say why */
        if (luaL_loadbuffer(L, chunk, len, "=stdin") != LUA_OK) report(r);
        lua_settop(L, 0);
      }
      if (r->el) putchar('\n');
      break;
    }
    if (!len && is_dot(line)) {
      remember(r, line);
      int quit = run_dot(r, line);
      free(line);
      if (quit) break;
      continue;
    }
    if (!len && !*line) { free(line); continue; }
    int ok = append(&chunk, &len, line);
    free(line);
    if (!ok) { fprintf(stderr, "lector: not enough memory for the line\n"); len = 0; continue; }
    int is_expr;
    int status = compile(L, chunk, &is_expr);
    if (status == CHUNK_MORE) continue;
    remember(r, chunk);
    if (status == CHUNK_ERROR) report(r);
    else run_chunk(r, chunk, is_expr);
    len = 0;
    lua_settop(L, 0);
  }
  free(chunk);
}

/* ------------------------------------------------------------------ set-up */

static void open_editor(repl *r) {
  HistEvent ev;
  r->hist = history_init();
  if (r->hist) {
    history(r->hist, &ev, H_SETSIZE, LECTOR_HISTORY_SIZE);
    history(r->hist, &ev, H_SETUNIQUE, 1);
    r->hist_path = history_path();
    if (r->hist_path) history_load(r);
  }
  /* libedit hands back lines in the locale's multibyte encoding: make it UTF-8 */
  if (!setlocale(LC_CTYPE, "") || MB_CUR_MAX == 1) setlocale(LC_CTYPE, "C.UTF-8");
  r->el = el_init("lector", stdin, stdout, stderr);
  if (!r->el) return;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigcont;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGCONT, &sa, NULL);
  el_set(r->el, EL_EDITOR, "emacs");
  el_set(r->el, EL_GETCFN, getc_key);
  el_set(r->el, EL_PROMPT, prompt_of);
  if (r->hist) el_set(r->el, EL_HIST, history, r->hist);
  /* the wide call: libedit keeps these names as they are (the narrow one copies and leaks them) */
  el_wset(r->el, EL_ADDFN, L"lector-complete", L"complete a Lua name, field or method", complete_key);
  el_set(r->el, EL_BIND, "^I", "lector-complete", NULL);
  el_set(r->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
  el_source(r->el, NULL);                 /* the user's ~/.editrc, as other libedit programs */
}

static void close_editor(repl *r) {
  if (r->el) el_end(r->el);
  if (r->hist) history_end(r->hist);
  free(r->hist_path);
}

int host_repl(lua_State *L, char **argv, int argc, int first) {
  for (int i = first; i < argc; i++) {    /* --corpus was taken by main.c */
    if (strcmp(argv[i], "--corpus") == 0 && i + 1 < argc) { i++; continue; }
    if (strncmp(argv[i], "--corpus=", 9) == 0) continue;
    fprintf(stderr, "lector: repl: unknown argument '%s' (usage: lector repl [--corpus DIR])\n", argv[i]);
    return 2;
  }
  repl r;
  memset(&r, 0, sizeof r);
  r.L = L;
  the_repl = &r;
  int interactive = isatty(0);
  const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
  r.color = interactive && isatty(1) && isatty(2) && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
  if (!start_session(&r, interactive)) return 1;
  struct sigaction old;
  sigaction(SIGINT, NULL, &old);
  if (interactive) open_editor(&r);
  loop(&r);
  close_editor(&r);
  sigaction(SIGINT, &old, NULL);
  the_repl = NULL;
  return r.failed && !interactive ? 1 : 0;
}
